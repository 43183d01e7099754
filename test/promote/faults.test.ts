import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OciRepository } from '../../src/oci/index.js';
import { promote, rollback } from '../../src/promote/promote.js';
import { type BuiltImage, buildImage, pushImage } from '../support/oci-images.js';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { configFrom, depsFor, testClient } from './support.js';

describe('promote through a fault-injecting proxy', () => {
  let sourceRegistry: TestRegistry;
  let targetRegistry: TestRegistry;
  let sourceProxy: FaultProxy;
  let targetProxy: FaultProxy;
  let image: BuiltImage;
  let old: BuiltImage;
  const direct = testClient();

  beforeAll(async () => {
    [sourceRegistry, targetRegistry] = await Promise.all([startRegistry(), startRegistry()]);
    [sourceProxy, targetProxy] = await Promise.all([
      startFaultProxy(sourceRegistry.url),
      startFaultProxy(targetRegistry.url),
    ]);
    image = buildImage({
      platforms: [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 'arm64' },
      ],
      layers: 3,
      layerSize: 400_000,
      label: 'faults',
    });
    old = buildImage({ label: 'old' });
    await pushImage(direct.repository(sourceRegistry.host, 'src/app'), image, 'v1');
  });
  afterAll(async () => {
    await Promise.all([sourceProxy.stop(), targetProxy.stop()]);
    await Promise.all([sourceRegistry.stop(), targetRegistry.stop()]);
  });

  const target = (name: string): OciRepository => direct.repository(targetRegistry.host, name);
  const promotion = (repo: string, extra: Record<string, string> = {}) =>
    configFrom({
      source: `${sourceProxy.host}/src/app:v1`,
      destinations: `${targetProxy.host}/${repo}:live`,
      immutable: 'false',
      'stable-tag': 'stable',
      ...extra,
    });

  it('completes with the exact digest through 503s, 429 + Retry-After, resets mid-body and slow responses', async () => {
    await pushImage(target('explicit/app'), old, 'live');
    sourceProxy.rules = [
      { method: 'GET', path: /\/blobs\/sha256:/, fault: { kind: 'reset-mid-body' }, times: 2 },
      { method: 'GET', path: /\/manifests\/v1$/, fault: { kind: 'status', status: 503 }, times: 1 },
    ];
    targetProxy.rules = [
      {
        method: 'POST',
        path: /\/blobs\/uploads\/$/,
        fault: { kind: 'status', status: 429, retryAfterSeconds: 1 },
        times: 1,
      },
      { method: 'HEAD', path: /\/blobs\//, fault: { kind: 'reset' }, times: 2 },
      { method: 'PUT', path: /\/manifests\//, fault: { kind: 'delay', ms: 300 }, times: 3 },
      { method: 'PUT', path: /\/manifests\/live$/, fault: { kind: 'status', status: 503 }, times: 1 },
    ];
    const result = await promote(promotion('explicit/app'), depsFor(testClient()));
    expect(result.digest).toBe(image.top.descriptor.digest);
    expect(sourceProxy.injected).toMatchObject({ 'reset-mid-body': 2, '503': 1 });
    expect(targetProxy.injected).toMatchObject({ '429': 1, reset: 2, delay: 3, '503': 1 });
    const live = await target('explicit/app').getManifest('live');
    expect(Buffer.from(live.bytes).equals(Buffer.from(image.top.bytes))).toBe(true);
    expect((await target('explicit/app').resolve('stable'))!.digest).toBe(image.top.descriptor.digest);
  });

  it('puts moved tags back when a later tag cannot be written, and a rerun completes the promotion', async () => {
    const repo = target('partial/app');
    await pushImage(repo, old, 'live');
    await pushImage(repo, old, 'live2');
    await pushImage(repo, old, 'stable');
    targetProxy.rules = [
      { method: 'PUT', path: /\/manifests\/live2$/, fault: { kind: 'status', status: 503 } },
    ];
    const config = configFrom({
      source: `${sourceProxy.host}/src/app:v1`,
      destinations: `${targetProxy.host}/partial/app:live\n${targetProxy.host}/partial/app:live2`,
      immutable: 'false',
      'stable-tag': 'stable',
    });
    const log: string[] = [];
    await expect(promote(config, depsFor(testClient(undefined, { retries: 2 }), log))).rejects.toThrow(
      /HTTP 503/,
    );
    for (const tag of ['live', 'live2', 'stable'])
      expect((await repo.resolve(tag))!.digest).toBe(old.top.descriptor.digest);
    expect(log.join('\n')).toContain(`partial/app:live put back to ${old.top.descriptor.digest}`);

    targetProxy.rules = [];
    const rerun = await promote(config, depsFor(testClient()));
    expect(rerun.tags.map((t) => t.outcome)).toEqual(['moved', 'moved', 'moved']);
    for (const tag of ['live', 'live2', 'stable'])
      expect((await repo.resolve(tag))!.digest).toBe(image.top.descriptor.digest);
  });

  it('a tag PUT the registry stored but answered too late (a timeout) counts as moved and is put back', async () => {
    const repo = target('late/app');
    for (const tag of ['live', 'live2', 'stable']) await pushImage(repo, old, tag);
    const late = () => new Promise<void>((resolve) => setTimeout(resolve, 2500));
    targetProxy.rules = [
      {
        method: 'PUT',
        path: /\/late\/app\/manifests\/live2$/,
        fault: { kind: 'forward-then', meanwhile: late },
      },
    ];
    const config = configFrom({
      source: `${sourceProxy.host}/src/app:v1`,
      destinations: `${targetProxy.host}/late/app:live\n${targetProxy.host}/late/app:live2`,
      immutable: 'false',
      'stable-tag': 'stable',
    });
    const error = await promote(config, depsFor(testClient(undefined, { retries: 0, timeoutMs: 2000 }))).then(
      () => undefined,
      (e: Error) => e,
    );
    targetProxy.rules = [];
    await late();
    expect(error?.message).toMatch(/no response within 2000 ms/);
    expect(error?.message).toContain(`late/app:live2 holds ${old.top.descriptor.digest} (put back to`);
    for (const tag of ['live', 'live2', 'stable'])
      expect((await repo.resolve(tag))!.digest).toBe(old.top.descriptor.digest);
  });

  it('a rollback whose tag PUT was stored but answered 500 says what every tag holds', async () => {
    const repo = target('rbfail/app');
    for (const tag of ['live', 'stable']) await pushImage(repo, old, tag);
    await promote(promotion('rbfail/app'), depsFor(testClient()));
    expect((await repo.resolve('stable'))!.digest).toBe(image.top.descriptor.digest);
    targetProxy.rules = [
      {
        method: 'PUT',
        path: /\/rbfail\/app\/manifests\/stable$/,
        fault: { kind: 'forward-then-status', status: 500 },
      },
    ];
    const error = await rollback(
      configFrom({
        rollback: 'true',
        destinations: `${targetProxy.host}/rbfail/app:live`,
        'stable-tag': 'stable',
      }),
      depsFor(testClient(undefined, { retries: 0 })),
    ).then(
      () => undefined,
      (e: Error) => e,
    );
    targetProxy.rules = [];
    expect(error?.message).toContain('HTTP 500');
    expect(error?.message).toContain(`rbfail/app:stable holds ${old.top.descriptor.digest} (rolled back)`);
    expect((await repo.resolve('stable'))!.digest).toBe(old.top.descriptor.digest);
  });

  it.each([11, 23, 37, 41, 59])(
    'under random faults (seed %i) either completes exactly or leaves every tag, and a rerun completes',
    async (seed) => {
      const name = `random${seed}/app`;
      await pushImage(target(name), old, 'live');
      await pushImage(target(name), old, 'stable');
      const faults = [
        { kind: 'status', status: 503 },
        { kind: 'status', status: 429, retryAfterSeconds: 1 },
        { kind: 'reset' },
        { kind: 'reset-mid-body' },
        { kind: 'delay', ms: 150 },
      ] as const;
      sourceProxy.rules = [];
      targetProxy.rules = [];
      sourceProxy.random = { rate: 0.2, seed, faults: [...faults] };
      targetProxy.random = { rate: 0.2, seed: seed + 1, faults: [...faults] };
      const outcome = await promote(promotion(name), depsFor(testClient(undefined, { retries: 3 }))).then(
        (result) => result.digest,
        (error: Error) => error,
      );
      const tags = {
        live: (await target(name).resolve('live'))!.digest,
        stable: (await target(name).resolve('stable'))!.digest,
      };
      if (outcome instanceof Error) {
        expect(tags).toEqual({ live: old.top.descriptor.digest, stable: old.top.descriptor.digest });
      } else {
        expect(outcome).toBe(image.top.descriptor.digest);
        expect(tags).toEqual({ live: image.top.descriptor.digest, stable: image.top.descriptor.digest });
      }
      expect(
        Object.values(sourceProxy.injected).reduce((a, b) => a + b, 0) +
          Object.values(targetProxy.injected).reduce((a, b) => a + b, 0),
      ).toBeGreaterThan(0);

      sourceProxy.random = undefined;
      targetProxy.random = undefined;
      await promote(promotion(name), depsFor(testClient()));
      const live = await target(name).getManifest('live');
      expect(Buffer.from(live.bytes).equals(Buffer.from(image.top.bytes))).toBe(true);
      expect((await target(name).resolve('stable'))!.digest).toBe(image.top.descriptor.digest);
    },
  );
});
