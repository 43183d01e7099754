import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayoutRepository } from '../../src/oci/index.js';
import { SUITE_ROOT } from '../harness/index.js';
import { buildImage, writeLayout } from '../support/oci-images.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { testClient } from './support.js';

/** `gantry promote …` from the sources, the way a laptop or another CI system runs it. */
function gantry(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(SUITE_ROOT, 'src/cli.ts'), 'promote', ...args],
    {
      cwd: SUITE_ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: mkdtempSync(join(tmpdir(), 'gantry-cli-home-')), ...env },
    },
  );
  return { code: run.status, outputs: run.stdout ? JSON.parse(run.stdout) : {}, stderr: run.stderr };
}

describe('gantry promote (CLI)', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry({ kind: 'htpasswd', users: { ci: 'cli-Secret-77' } });
  });
  afterAll(() => registry.stop());

  it('promotes an OCI layout a build wrote into a registry, with the password redacted from everything printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-cli-layout-'));
    const image = buildImage({ label: 'cli' });
    await writeLayout(dir, [{ image, tag: 'built' }]);
    const run = gantry(
      {},
      '--source',
      `oci-layout:${dir}:built`,
      '--destinations',
      `${registry.host}/cli/app:1.0`,
      '--username',
      'ci',
      '--password',
      'cli-Secret-77',
    );
    expect(run.stderr).not.toContain('cli-Secret-77');
    expect(run.code, run.stderr).toBe(0);
    expect(run.outputs.digest).toBe(image.top.descriptor.digest);
    expect(JSON.parse(run.outputs.promoted)[0]).toMatchObject({ tag: '1.0', outcome: 'created' });
    const repo = testClient(() => ({ username: 'ci', password: 'cli-Secret-77' })).repository(
      registry.host,
      'cli/app',
    );
    expect((await repo.resolve('1.0'))!.digest).toBe(image.top.descriptor.digest);

    // and back out of the registry into a layout, by digest: the source registry's credentials come
    // from the Docker config file (username/password are for destination registries only).
    const dockerConfig = mkdtempSync(join(tmpdir(), 'gantry-cli-docker-'));
    writeFileSync(
      join(dockerConfig, 'config.json'),
      JSON.stringify({ auths: { [registry.host]: { username: 'ci', password: 'cli-Secret-77' } } }),
    );
    const out = join(mkdtempSync(join(tmpdir(), 'gantry-cli-out-')), 'layout');
    const source = `${registry.host}/cli/app@${image.top.descriptor.digest}`;
    const denied = gantry({}, '--source', source, '--destinations', `oci-layout:${out}:restored`);
    expect(denied.stderr).toContain(`error: Registry ${registry.host} requires credentials`);
    const back = gantry(
      { DOCKER_CONFIG: dockerConfig },
      '--source',
      source,
      '--destinations',
      `oci-layout:${out}:restored`,
    );
    expect(back.code, back.stderr).toBe(0);
    expect((await LayoutRepository.open(out).resolve('restored'))!.digest).toBe(image.top.descriptor.digest);
  });

  it('exits 1 with one clear line for a bad input', () => {
    const run = gantry({}, '--source', 'ghcr.io/acme/app', '--destinations', 'ghcr.io/acme/prod:1');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `error: Input 'source': got "ghcr.io/acme/app"; expected a reference with a tag or a digest`,
    );
  });
});
