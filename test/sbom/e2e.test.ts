// The bundled sbom action (dist/sbom) through the runner harness: syft installed through the real
// @actions/tool-cache from a release served on loopback, the SBOM attached to the layout's image as
// an OCI referrer; a second job on the same runner takes syft from the tool cache; a tampered
// archive is refused with nothing cached; an image that already carries an SBOM keeps it and syft is
// not fetched.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayoutRepository } from '../../src/oci/layout.js';
import { runAction } from '../harness/index.js';
import { buildImage, pushImage } from '../support/oci-images.js';
import { type ReleaseServer, startReleaseServer } from './release-server.js';

const VERSION = '1.18.1';
const TAG = 'sha-0123456789abcdef';

describe('sbom action (bundled)', () => {
  let server: ReleaseServer;
  let work: string;
  let layoutDir: string;
  let subject: string;
  /** Each run gets a layout of its own: an SBOM attached by one run would be kept by the next. */
  const freshLayout = async (name: string) => {
    layoutDir = join(work, name);
    const layout = LayoutRepository.open(layoutDir, { create: true });
    subject = (await pushImage(layout, buildImage(), TAG)).digest;
    return layout;
  };
  beforeAll(async () => {
    server = await startReleaseServer(VERSION);
    work = mkdtempSync(join(tmpdir(), 'gantry-sbom-e2e-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  const inputs = () => ({
    layout: layoutDir,
    tag: TAG,
    'syft-version': VERSION,
    'syft-releases': server.url,
  });

  it('installs syft once per runner and attaches an SPDX referrer to the tagged image', async () => {
    const runnerTemp = join(work, 'runner-1');
    await freshLayout('layout-1');
    const first = await runAction({ action: 'sbom', inputs: inputs(), runnerTemp });
    expect(first.main.errors).toEqual([]);
    expect(first.main.exitCode).toBe(0);
    expect(first.main.outputs['syft-cached']).toBe('false');
    expect(first.main.outputs.subject).toBe(subject);
    const referrers = await LayoutRepository.open(layoutDir).referrers(subject, 'application/spdx+json');
    expect(referrers.map((d) => d.digest)).toContain(first.main.outputs['sbom-digest']);
    expect(server.requests).toHaveLength(2);

    // A second job on the same runner: tool-cache's find, no download.
    await freshLayout('layout-2');
    const second = await runAction({ action: 'sbom', inputs: inputs(), runnerTemp });
    expect(second.main.exitCode).toBe(0);
    expect(second.main.outputs['syft-cached']).toBe('true');
    expect(second.main.outputs.source).toBe('syft');
    expect(server.requests).toHaveLength(2);
  });

  it("keeps the SBOM a builder already attached, judged by the referrer's own type, and fetches nothing", async () => {
    const layout = await freshLayout('layout-built');
    const { attachSbom } = await import('../../src/sbom/attach.js');
    const { referrer } = await attachSbom(
      layout,
      TAG,
      new TextEncoder().encode('{"spdxVersion":"SPDX-2.3"}'),
      new Date(),
    );
    const before = server.requests.length;
    const run = await runAction({ action: 'sbom', inputs: inputs(), runnerTemp: join(work, 'runner-3') });
    expect(run.main.errors).toEqual([]);
    expect(run.main.outputs.source).toBe('builder');
    expect(run.main.outputs['sbom-digest']).toBe(referrer.digest);
    expect(server.requests.length).toBe(before);
    expect((await layout.referrers(subject)).map((d) => d.digest)).toEqual([referrer.digest]);
  });

  it('refuses a tampered archive: the step fails and nothing is cached', async () => {
    server.tamper();
    await freshLayout('layout-tampered');
    const runnerTemp = join(work, 'runner-2');
    const run = await runAction({ action: 'sbom', inputs: inputs(), runnerTemp });
    expect(run.main.exitCode).toBe(1);
    expect(run.main.errors.join('\n')).toMatch(
      /sha256 .* checksums file says .* refused, nothing installed or cached/,
    );
    const toolCache = join(runnerTemp, '_tool');
    expect(existsSync(join(toolCache, 'syft')) ? readdirSync(join(toolCache, 'syft')) : []).toEqual([]);
  });
});
