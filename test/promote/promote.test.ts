import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestTag, LayoutRepository, type OciRepository } from '../../src/oci/index.js';
import { PROMOTION_ARTIFACT_TYPE } from '../../src/promote/constants.js';
import { promote } from '../../src/promote/promote.js';
import { readRecords } from '../../src/promote/records.js';
import { rollback } from '../../src/promote/rollback.js';
import { isConfigurationError } from '../../src/runtime/errors.js';
import {
  ArtifactType,
  type BuiltImage,
  buildCosignSignature,
  buildImage,
  buildReferrer,
  pushImage,
  writeLayout,
} from '../support/oci-images.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { configFrom, depsFor, testClient } from './support.js';

const TWO_PLATFORMS = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64' },
];

/** Every tag of a repository and the digest it points at. */
async function tagMap(repo: OciRepository): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const tag of (await repo.tags()).sort()) out[tag] = (await repo.resolve(tag))!.digest;
  return out;
}

/** Distinct blobs of some images (an empty config is shared between artifacts). */
function blobCount(images: BuiltImage[]): number {
  return new Set(images.flatMap((i) => i.blobs.map((b) => b.descriptor.digest))).size;
}

async function expectConfigError(promise: Promise<unknown>, ...parts: string[]): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isConfigurationError(error), String(error)).toBe(true);
  const message = (error as Error).message;
  for (const part of parts) expect(message).toContain(part);
  return message;
}

describe('promote within one registry', () => {
  let registry: TestRegistry;
  let image: BuiltImage;
  let attached: BuiltImage[];
  const client = testClient();
  beforeAll(async () => {
    registry = await startRegistry();
    image = buildImage({ platforms: TWO_PLATFORMS, layers: 3, layerSize: 50_000, label: 'same' });
    const staging = client.repository(registry.host, 'staging/app');
    const subject = await pushImage(staging, image, '1.0.0');
    const sbom = buildReferrer(subject, ArtifactType.Spdx, { spdxVersion: 'SPDX-2.3', name: 'app' });
    await pushImage(staging, sbom);
    const signature = buildCosignSignature(subject, `${registry.host}/staging/app`);
    await pushImage(staging, signature.image, signature.tag);
    attached = [sbom, signature.image];
  });
  afterAll(() => registry.stop());

  it('promotes a whole index by mounting: zero layer bytes, referrers and cosign tags along, record attached', async () => {
    const log: string[] = [];
    const config = configFrom({
      source: `${registry.host}/staging/app:1.0.0`,
      destinations: `${registry.host}/prod/app:1.0.0\n${registry.host}/prod/app:current`,
      'expected-digest': image.top.descriptor.digest,
      require: 'sbom, signature',
      'stable-tag': 'stable',
    });
    const result = await promote(config, depsFor(client, log));
    expect(result.digest).toBe(image.top.descriptor.digest);
    expect(result.stats.bytesCopied).toBe(0);
    expect(result.stats.blobsCopied).toBe(0);
    // Every blob of the image and of its referrers was mounted; none passed through the client.
    expect(result.stats.blobsMounted).toBe(blobCount([image, ...attached]));
    expect(result.tags.map((t) => [t.tag, t.role, t.outcome])).toEqual([
      ['1.0.0', 'destination', 'created'],
      ['current', 'destination', 'created'],
      ['stable', 'stable', 'created'],
    ]);

    const prod = client.repository(registry.host, 'prod/app');
    const top = await prod.getManifest('stable');
    expect(Buffer.from(top.bytes).equals(Buffer.from(image.top.bytes))).toBe(true);
    for (const child of image.children)
      expect((await prod.resolve(child.descriptor.digest))?.digest).toBe(child.descriptor.digest);
    const referrers = await prod.referrers(image.top.descriptor.digest);
    expect(referrers.map((r) => r.artifactType).sort()).toEqual(
      [ArtifactType.Spdx, PROMOTION_ARTIFACT_TYPE].sort(),
    );
    expect(await prod.cosignTags(image.top.descriptor.digest)).toHaveLength(1);

    const [record] = await readRecords(prod, image.top.descriptor.digest);
    expect(record).toMatchObject({
      kind: 'promotion',
      source: `${registry.host}/staging/app:1.0.0`,
      digest: image.top.descriptor.digest,
      repository: 'acme/service',
      commit: 'c0ffee',
      actor: 'octocat',
      workflowRun: 'https://github.com/acme/service/actions/runs/1',
    });
    expect(record!.destinations.map((d) => [d.tag, d.previous])).toEqual([
      ['1.0.0', null],
      ['current', null],
      ['stable', null],
    ]);
    expect(record!.checks.join('\n')).toMatch(
      /expected digest .* matched[\s\S]*sbom attached: application\/spdx\+json[\s\S]*signature attached: cosign tag/,
    );

    // Running the same promotion again changes nothing and succeeds (immutable, same digest).
    const again = await promote(config, depsFor(client));
    expect(again.tags.map((t) => t.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(again.stats.blobsMounted + again.stats.blobsCopied).toBe(0);
  });

  it('blocks every bad promotion with a clear error and moves no tag', async () => {
    const other = buildImage({ label: 'other' });
    const prod = client.repository(registry.host, 'guard/app');
    await pushImage(prod, other, 'taken');
    const before = await tagMap(prod);
    const deps = depsFor(client);
    const source = `${registry.host}/staging/app:1.0.0`;
    const wrong = `sha256:${'0'.repeat(64)}`;

    await expectConfigError(
      promote(
        configFrom({ source, destinations: `${registry.host}/guard/app:new`, 'expected-digest': wrong }),
        deps,
      ),
      `is ${image.top.descriptor.digest}`,
      `CI recorded ${wrong}`,
      'Nothing was promoted',
    );
    await expectConfigError(
      promote(
        configFrom({
          source,
          destinations: `${registry.host}/guard/app:new`,
          require: 'cyclonedx, attestation, sbom',
        }),
        deps,
      ),
      "Input 'require'",
      'no cyclonedx (application/vnd.cyclonedx+json',
      'no attestation (',
    );
    const taken = await expectConfigError(
      promote(
        configFrom({
          source,
          destinations: `${registry.host}/guard/app:new\n${registry.host}/guard/app:taken`,
        }),
        deps,
      ),
      `already points at ${other.top.descriptor.digest}`,
      `not the promoted ${image.top.descriptor.digest}`,
    );
    expect(taken).not.toContain('guard/app:new ');
    await expectConfigError(
      promote(
        configFrom({
          source: `${registry.host}/staging/app:9.9.9`,
          destinations: `${registry.host}/guard/app:new`,
        }),
        deps,
      ),
      "Input 'source'",
      'has no manifest 9.9.9',
    );
    await expectConfigError(
      promote(
        configFrom({ source, destinations: '127.0.0.1:9/guard/app:new' }),
        depsFor(testClient(undefined, { retries: 0 })),
      ),
      "Input 'destinations': cannot reach 127.0.0.1:9/guard/app",
    );
    expect(await tagMap(prod)).toEqual(before);
    expect(
      await client.repository(registry.host, 'guard/app').resolve(image.top.descriptor.digest),
    ).toBeUndefined();
  });

  it('leaves referrers behind with copy-referrers: false, but still attaches its record', async () => {
    const result = await promote(
      configFrom({
        source: `${registry.host}/staging/app@${image.top.descriptor.digest}`,
        destinations: `${registry.host}/bare/app:1.0.0`,
        'copy-referrers': 'false',
        require: 'spdx',
      }),
      depsFor(client),
    );
    expect(result.referrersCopied).toBe(0);
    const bare = client.repository(registry.host, 'bare/app');
    expect((await bare.referrers(image.top.descriptor.digest)).map((r) => r.artifactType)).toEqual([
      PROMOTION_ARTIFACT_TYPE,
    ]);
    expect(await bare.cosignTags(image.top.descriptor.digest)).toEqual([]);
    expect(result.stats.blobsMounted).toBe(blobCount([image]));
  });

  it('moves a taken tag when immutable is false, and rolls back to the digest it held', async () => {
    const old = buildImage({ label: 'old' });
    const repo = client.repository(registry.host, 'rollback/app');
    await pushImage(repo, old, 'live');
    await pushImage(repo, old, 'stable');
    const deps = depsFor(client);
    const config = configFrom({
      source: `${registry.host}/staging/app@${image.top.descriptor.digest}`,
      destinations: `${registry.host}/rollback/app:live`,
      immutable: 'false',
      'stable-tag': 'stable',
    });
    const dry = await promote({ ...config, dryRun: true }, deps);
    expect(dry.tags.map((t) => t.outcome)).toEqual(['planned', 'planned']);
    expect((await repo.resolve('live'))!.digest).toBe(old.top.descriptor.digest);

    const result = await promote(config, deps);
    expect(result.tags.map((t) => [t.tag, t.previous, t.outcome])).toEqual([
      ['live', old.top.descriptor.digest, 'moved'],
      ['stable', old.top.descriptor.digest, 'moved'],
    ]);
    expect((await repo.resolve('stable'))!.digest).toBe(image.top.descriptor.digest);

    const back = await rollback(
      configFrom({
        rollback: 'true',
        destinations: `${registry.host}/rollback/app:live`,
        'stable-tag': 'stable',
      }),
      deps,
    );
    expect(back.tags.map((t) => [t.tag, t.outcome, t.digest])).toEqual([
      ['stable', 'rolled-back', old.top.descriptor.digest],
    ]);
    expect((await repo.resolve('stable'))!.digest).toBe(old.top.descriptor.digest);
    expect((await repo.resolve('live'))!.digest).toBe(image.top.descriptor.digest);

    const live = await rollback(
      configFrom({ rollback: 'true', destinations: `${registry.host}/rollback/app:live` }),
      deps,
    );
    expect(live.digest).toBe(old.top.descriptor.digest);
    expect((await repo.resolve('live'))!.digest).toBe(old.top.descriptor.digest);

    await expectConfigError(
      rollback(configFrom({ rollback: 'true', destinations: `${registry.host}/prod/app:nope` }), deps),
      "Input 'destinations'",
      'a tag that exists',
    );
    const none = client.repository(registry.host, 'norecord/app');
    await pushImage(none, old, 'v1');
    await expectConfigError(
      rollback(configFrom({ rollback: 'true', destinations: `${registry.host}/norecord/app:v1` }), deps),
      'no trusted promotion record',
    );
  });

  it('a rollback of two repositories to different digests reports one digest with its own record', async () => {
    const deps = depsFor(client);
    const olds = [buildImage({ label: 'old-one' }), buildImage({ label: 'old-two' })];
    const repos = ['rb-one/app', 'rb-two/app'].map((name) => client.repository(registry.host, name));
    await pushImage(repos[0]!, olds[0]!, 'live');
    await pushImage(repos[1]!, olds[1]!, 'live');
    const destinations = `${registry.host}/rb-one/app:live\n${registry.host}/rb-two/app:live`;
    await promote(
      configFrom({
        source: `${registry.host}/staging/app@${image.top.descriptor.digest}`,
        destinations,
        immutable: 'false',
      }),
      deps,
    );
    const back = await rollback(configFrom({ rollback: 'true', destinations }), deps);
    expect(back.tags.map((t) => t.digest)).toEqual(olds.map((o) => o.top.descriptor.digest));
    // The outputs pair up: the digest reported, the record about that digest, and where it is stored.
    expect(back.digest).toBe(olds[0]!.top.descriptor.digest);
    expect(back.record?.digest).toBe(back.digest);
    expect(back.record?.destinations.map((d) => d.reference)).toEqual([`${registry.host}/rb-one/app:live`]);
    const stored = await readRecords(repos[0]!, back.digest);
    expect(stored.filter((r) => r.kind === 'rollback').map((r) => r.time)).toContain(back.record?.time);
    expect((await repos[0]!.referrers(back.digest)).map((d) => d.digest)).toContain(back.recordDigest);
  });
});

describe('promote across registries and layouts', () => {
  let source: TestRegistry;
  let target: TestRegistry;
  beforeAll(async () => {
    [source, target] = await Promise.all([
      startRegistry({ kind: 'htpasswd', users: { ci: 'ci-source-pw' } }),
      startRegistry({ kind: 'token', users: { deployer: 'deploy-pw' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([source.stop(), target.stop()]);
  });

  it('streams blobs between registries with different auth, verifying every digest', async () => {
    const credentials = (registry: string) =>
      registry === source.host
        ? { username: 'ci', password: 'ci-source-pw' }
        : registry === target.host
          ? { username: 'deployer', password: 'deploy-pw' }
          : undefined;
    const client = testClient(credentials);
    const image = buildImage({
      format: 'docker',
      platforms: TWO_PLATFORMS,
      layers: 2,
      layerSize: 200_000,
      label: 'cross',
    });
    const subject = await pushImage(client.repository(source.host, 'build/app'), image, 'sha-abc');
    const sbom = buildReferrer(subject, ArtifactType.CycloneDx, { bomFormat: 'CycloneDX' });
    await pushImage(client.repository(source.host, 'build/app'), sbom);

    const result = await promote(
      configFrom({
        source: `${source.host}/build/app:sha-abc`,
        destinations: `${target.host}/prod/app:2.0`,
        concurrency: '3',
      }),
      depsFor(client),
    );
    expect(result.stats.blobsMounted).toBe(0);
    // The SBOM's empty config ({}) is the record's config too, uploaded alongside the image: present.
    expect(result.stats.blobsCopied).toBe(blobCount([image, sbom]) - 1);
    expect(result.stats.blobsPresent).toBe(1);
    expect(result.stats.bytesCopied).toBe(
      [...image.blobs, ...sbom.blobs].reduce((sum, b) => sum + b.descriptor.size, 0) - '{}'.length,
    );
    const prod = client.repository(target.host, 'prod/app');
    expect(Buffer.from((await prod.getManifest('2.0')).bytes).equals(Buffer.from(image.top.bytes))).toBe(
      true,
    );
    expect(await prod.referrers(subject.digest, ArtifactType.CycloneDx)).toHaveLength(1);
  });

  it('promotes from an OCI layout directory into a registry, and from a registry into a layout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-promote-layout-'));
    const image = buildImage({ platforms: TWO_PLATFORMS, label: 'layout' });
    const layout = await writeLayout(dir, [{ image, tag: 'built' }]);
    const sbom = buildReferrer(image.top.descriptor, ArtifactType.Spdx, { spdxVersion: 'SPDX-2.3' });
    await pushImage(layout, sbom);
    const client = testClient(() => ({ username: 'deployer', password: 'deploy-pw' }));
    const result = await promote(
      configFrom({
        source: `oci-layout:${dir}:built`,
        destinations: `${target.host}/from-layout/app:1`,
        require: 'spdx',
      }),
      depsFor(client),
    );
    expect(result.digest).toBe(image.top.descriptor.digest);
    expect(result.stats.blobsCopied + result.stats.blobsPresent).toBe(blobCount([image, sbom]));

    const out = join(mkdtempSync(join(tmpdir(), 'gantry-promote-out-')), 'layout');
    await promote(
      configFrom({
        source: `${target.host}/from-layout/app@${image.top.descriptor.digest}`,
        destinations: `oci-layout:${out}:copied`,
      }),
      depsFor(client),
    );
    const copied = LayoutRepository.open(out);
    expect((await copied.resolve('copied'))!.digest).toBe(image.top.descriptor.digest);
    expect((await copied.referrers(image.top.descriptor.digest)).map((r) => r.artifactType).sort()).toEqual(
      [ArtifactType.Spdx, PROMOTION_ARTIFACT_TYPE].sort(),
    );
    expect(await copied.tags()).toContain(digestTag(image.top.descriptor.digest));
  });

  it('reports wrong credentials naming the registry and user, without the secret, and moves nothing', async () => {
    const client = testClient(() => ({ username: 'deployer', password: 'not-the-password' }));
    const dir = mkdtempSync(join(tmpdir(), 'gantry-promote-layout-'));
    const image = buildImage({ label: 'badcreds' });
    await writeLayout(dir, [{ image, tag: 'v1' }]);
    const message = await expectConfigError(
      promote(
        configFrom({ source: `oci-layout:${dir}:v1`, destinations: `${target.host}/creds/app:1` }),
        depsFor(client),
      ),
      `Registry ${target.host} refused the credentials of user 'deployer'`,
    );
    expect(message).not.toContain('not-the-password');
  });
});
