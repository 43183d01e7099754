import { execFile } from 'node:child_process';
import { arch, platform } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { promisify } from 'node:util';
import * as toolCache from '@actions/tool-cache';
import { LayoutRepository } from '../oci/layout.js';
import { ConfigurationError } from '../runtime/errors.js';
import type { ActionFn } from '../runtime/step.js';
import { attachSbom, existingSbom } from './attach.js';
import { INPUT, OUTPUT } from './constants.js';
import { installSyft, SYFT_RELEASES, SYFT_VERSION } from './install.js';

const run = promisify(execFile);

export const main: ActionFn = async (ctx) => {
  const { runtime, inputs, log } = ctx;
  const layoutInput = inputs.required(INPUT.layout);
  const layoutDir = isAbsolute(layoutInput) ? layoutInput : resolve(ctx.workspace, layoutInput);
  const tag = inputs.required(INPUT.tag);
  const version = inputs.string(INPUT.syftVersion) || SYFT_VERSION;
  if (!/^\d+\.\d+\.\d+$/.test(version))
    throw new ConfigurationError(
      `Input '${INPUT.syftVersion}': got '${version}'; expected an exact syft release such as ${SYFT_VERSION}.`,
    );
  const releases = inputs.string(INPUT.syftReleases) || SYFT_RELEASES;
  const layout = LayoutRepository.open(layoutDir);
  const image = await layout.resolve(tag);
  if (!image)
    throw new ConfigurationError(
      `Input '${INPUT.tag}': the layout ${layoutDir} has no image tagged '${tag}'.`,
    );

  // A builder that attaches its own SBOM (BuildKit's attestation, a build script) keeps it: the
  // rule is one SBOM per image before promotion, and syft is not downloaded for nothing.
  const builders = await existingSbom(layout, image.digest);
  if (builders) {
    runtime.setOutput(OUTPUT.sbomDigest, builders.digest);
    runtime.setOutput(OUTPUT.subject, image.digest);
    runtime.setOutput(OUTPUT.syftCached, 'false');
    runtime.setOutput(OUTPUT.source, 'builder');
    runtime.info(
      `${tag} (${image.digest}) already carries an SBOM (${builders.artifactType}, ${builders.digest}): kept; syft not run.`,
    );
    return;
  }

  const syft = await log.stage('install', () =>
    runtime.group(`Install syft ${version}`, () =>
      installSyft(toolCache, {
        version,
        releases,
        platform: platform(),
        arch: arch(),
        info: (message) => runtime.info(message),
      }),
    ),
  );
  const { stdout } = await log.stage('scan', () =>
    run(syft.path, ['scan', `oci-dir:${layoutDir}`, '--output', 'spdx-json', '--quiet'], {
      encoding: 'buffer',
      maxBuffer: 512 << 20,
    }),
  );
  const sbom = new Uint8Array(stdout);
  try {
    JSON.parse(new TextDecoder().decode(sbom));
  } catch {
    throw new Error(`syft wrote no SPDX JSON (${sbom.byteLength} bytes that do not parse)`);
  }
  const { subject, referrer } = await log.stage('attach', () =>
    attachSbom(layout, tag, sbom, new Date(ctx.clock.now())),
  );
  runtime.setOutput(OUTPUT.sbomDigest, referrer.digest);
  runtime.setOutput(OUTPUT.subject, subject.digest);
  runtime.setOutput(OUTPUT.syftCached, String(syft.cached));
  runtime.setOutput(OUTPUT.source, 'syft');
  runtime.info(
    `SBOM ${referrer.digest} (${sbom.byteLength} bytes, SPDX JSON) attached to ${tag} (${subject.digest}).`,
  );
  await runtime.appendSummary(
    `### sbom\n\n| image | SBOM | syft |\n| --- | --- | --- |\n| \`${tag}\` \`${subject.digest}\` | \`${referrer.digest}\` (${sbom.byteLength} bytes) | ${version}${syft.cached ? ' (tool cache)' : ''} |\n`,
  );
};
