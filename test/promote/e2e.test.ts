import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMOTION_ARTIFACT_TYPE } from '../../src/promote/constants.js';
import { runAction } from '../harness/index.js';
import {
  ArtifactType,
  type BuiltImage,
  buildImage,
  buildReferrer,
  pushImage,
} from '../support/oci-images.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { testClient } from './support.js';

const PASSWORD = 'pr0d-Registry-Secret!';

describe('promote end to end (dist/promote/index.js under the runner harness)', () => {
  let registry: TestRegistry;
  let image: BuiltImage;
  const client = testClient(() => ({ username: 'deployer', password: PASSWORD }));
  beforeAll(async () => {
    registry = await startRegistry({ kind: 'htpasswd', users: { deployer: PASSWORD } });
    image = buildImage({
      platforms: [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 'arm64' },
      ],
      label: 'e2e',
    });
    const staging = client.repository(registry.host, 'staging/app');
    const subject = await pushImage(staging, image, 'rc1');
    await pushImage(staging, buildReferrer(subject, ArtifactType.Spdx, { spdxVersion: 'SPDX-2.3' }));
  });
  afterAll(() => registry.stop());

  it('promotes, reports outputs and a summary with the record, and masks the password', async () => {
    const run = await runAction({
      action: 'promote',
      inputs: {
        source: `${registry.host}/staging/app:rc1`,
        destinations: `${registry.host}/prod/app:1.0.0`,
        'expected-digest': image.top.descriptor.digest,
        require: 'sbom',
        'stable-tag': 'stable',
        username: 'deployer',
        password: PASSWORD,
      },
      env: { GITHUB_SHA: 'abc123def' },
    });
    expect(run.main.errors).toEqual([]);
    expect(run.main.exitCode).toBe(0);
    const { outputs } = run.main;
    expect(outputs.digest).toBe(image.top.descriptor.digest);
    expect(
      JSON.parse(outputs.promoted!).map((t: { tag: string; outcome: string }) => `${t.tag}:${t.outcome}`),
    ).toEqual(['1.0.0:created', 'stable:created']);
    const record = JSON.parse(outputs.record!);
    expect(record).toMatchObject({
      kind: 'promotion',
      digest: image.top.descriptor.digest,
      commit: 'abc123def',
      actor: 'octocat',
      repository: 'acme/service',
    });
    expect(record.workflowRun).toBe('https://github.com/acme/service/actions/runs/1000');
    expect(Number(outputs['blobs-mounted'])).toBeGreaterThan(0);
    expect(outputs['bytes-copied']).toBe('0');
    expect(run.main.summary).toContain(record.recordDigest);
    expect(run.main.summary).toContain('| stable |');

    // The record is in the registry, attached to the digest.
    const prod = client.repository(registry.host, 'prod/app');
    expect(
      (await prod.referrers(image.top.descriptor.digest, PROMOTION_ARTIFACT_TYPE)).map((d) => d.digest),
    ).toEqual([record.recordDigest]);
    expect((await prod.resolve('stable'))!.digest).toBe(image.top.descriptor.digest);

    expect(run.masks).toContain(PASSWORD);
    expect(run.main.leaks).toEqual([]);
    expect(run.main.log).not.toContain(PASSWORD);
    expect(run.main.stderr).not.toContain(PASSWORD);
    const structured = run.main.log.split('\n').filter((l) => l.startsWith('{"action":"promote"'));
    expect(structured.map((l) => JSON.parse(l).stage)).toContain('promote');
  });

  it('fails with one clear error and moves nothing on a wrong password, a tag as expected digest, or a taken tag', async () => {
    const base = {
      source: `${registry.host}/staging/app:rc1`,
      destinations: `${registry.host}/prod/app:1.0.1`,
      username: 'deployer',
    };
    const wrong = await runAction({ action: 'promote', inputs: { ...base, password: 'Wrong-Password-42' } });
    expect(wrong.main.exitCode).toBe(1);
    expect(wrong.main.errors).toHaveLength(1);
    expect(wrong.main.errors[0]).toContain(
      `Registry ${registry.host} refused the credentials of user 'deployer'`,
    );
    expect(wrong.main.stdout.replace(/::add-mask::.*/g, '')).not.toContain('Wrong-Password-42');
    expect(wrong.main.leaks).toEqual([]);

    const tagged = await runAction({
      action: 'promote',
      inputs: { ...base, password: PASSWORD, 'expected-digest': 'rc1' },
    });
    expect(tagged.main.errors).toEqual([
      expect.stringContaining('Input \'expected-digest\': got "rc1"; expected a digest'),
    ]);

    const other = buildImage({ label: 'other' });
    await pushImage(client.repository(registry.host, 'prod/app'), other, 'taken');
    const taken = await runAction({
      action: 'promote',
      inputs: { ...base, destinations: `${registry.host}/prod/app:taken`, password: PASSWORD },
    });
    expect(taken.main.errors[0]).toContain(
      `already points at ${other.top.descriptor.digest}, not the promoted ${image.top.descriptor.digest}`,
    );
    const prod = client.repository(registry.host, 'prod/app');
    expect((await prod.resolve('taken'))!.digest).toBe(other.top.descriptor.digest);
    expect(await prod.resolve('1.0.1')).toBeUndefined();
  });

  it('uses the Docker config file that docker/login-action writes, and rolls back the stable tag', async () => {
    const dockerConfig = mkdtempSync(join(tmpdir(), 'gantry-docker-'));
    writeFileSync(
      join(dockerConfig, 'config.json'),
      JSON.stringify({
        auths: { [registry.host]: { auth: Buffer.from(`deployer:${PASSWORD}`).toString('base64') } },
      }),
    );
    const next = buildImage({ label: 'next' });
    await pushImage(client.repository(registry.host, 'staging/app'), next, 'rc2');
    const env = { DOCKER_CONFIG: dockerConfig };
    const promoted = await runAction({
      action: 'promote',
      inputs: {
        source: `${registry.host}/staging/app:rc2`,
        destinations: `${registry.host}/prod/app:2.0.0`,
        'stable-tag': 'stable',
      },
      env,
    });
    expect(promoted.main.errors).toEqual([]);
    const prod = client.repository(registry.host, 'prod/app');
    expect((await prod.resolve('stable'))!.digest).toBe(next.top.descriptor.digest);

    const back = await runAction({
      action: 'promote',
      inputs: { rollback: 'true', destinations: `${registry.host}/prod/app:2.0.0`, 'stable-tag': 'stable' },
      env,
    });
    expect(back.main.errors).toEqual([]);
    expect(back.main.outputs.digest).toBe(image.top.descriptor.digest);
    expect((await prod.resolve('stable'))!.digest).toBe(image.top.descriptor.digest);
    expect(back.main.summary).toContain('rolled-back');
  });
});
