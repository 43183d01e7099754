/** Interrupted saves and restores: registry 2.8 behind the fault proxy. */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CacheMissError,
  type CacheOptions,
  findCache,
  restoreCache,
  saveCache,
} from '../../src/layer-cache/cache.js';
import { parsePathSpec } from '../../src/layer-cache/paths.js';
import { HttpClient } from '../../src/net/index.js';
import { RegistryClient } from '../../src/oci/index.js';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { makeTree, snapshot } from './trees.js';

let registry: TestRegistry;
let proxy: FaultProxy;
beforeAll(async () => {
  registry = await startRegistry();
  proxy = await startFaultProxy(registry.url);
});
afterAll(async () => {
  await proxy?.stop();
  await registry?.stop();
});

let count = 0;
function setup(name: string) {
  const source = mkdtempSync(join(tmpdir(), 'lc-fault-'));
  makeTree(join(source, 'deps'));
  const client = new RegistryClient({
    http: new HttpClient({ backoffBaseMs: 1, backoffMaxMs: 5, breakerThreshold: 1000 }),
  });
  const store = client.repository(proxy.host, `cache/${name}-${++count}`);
  const options = (ws: string): CacheOptions => ({
    store,
    scopes: { write: 'refs/heads/main', read: ['refs/heads/main'], why: '' },
    spec: parsePathSpec(['deps'], ws, ws),
    compression: 'zstd',
    info: () => undefined,
    now: Date.now,
  });
  return { source, store, options, temp: mkdtempSync(join(tmpdir(), 'lc-fault-tmp-')) };
}

function freshTarget(): string {
  const ws = mkdtempSync(join(tmpdir(), 'lc-fault-ws-'));
  mkdirSync(join(ws, 'deps'));
  writeFileSync(join(ws, 'deps/keep.txt'), 'mine');
  return ws;
}

describe('interrupted saves', () => {
  it('a save cut off at the manifest leaves no tag; the next save reuses the blobs already sent', async () => {
    const t = setup('save-manifest');
    proxy.rules = [{ method: 'PUT', path: /\/manifests\//, fault: { kind: 'reset' } }];
    await expect(saveCache({ ...t.options(t.source), key: 'k', runId: '1' })).rejects.toThrow();
    proxy.rules = [];
    expect(await findCache({ ...t.options(t.source), key: 'k', restoreKeys: ['k'] })).toBeUndefined();

    const again = await saveCache({ ...t.options(t.source), key: 'k', runId: '1' });
    expect(again.saved).toBe(true);
    expect(again.uploadedLayers).toBe(0);
  });

  it('a save cut off while uploading blobs leaves no tag', async () => {
    const t = setup('save-blob');
    proxy.rules = [{ method: 'PUT', path: /\/blobs\/uploads\//, fault: { kind: 'reset' }, times: 1000 }];
    await expect(saveCache({ ...t.options(t.source), key: 'k', runId: '1' })).rejects.toThrow();
    proxy.rules = [];
    expect(await t.store.tags()).toEqual([]);
  });

  it('transient 503s and 429s during a save are retried and the cache is complete', async () => {
    const t = setup('save-flaky');
    proxy.rules = [
      { path: /\/blobs\//, fault: { kind: 'status', status: 503 }, times: 3 },
      {
        method: 'PUT',
        path: /\/manifests\//,
        fault: { kind: 'status', status: 429, retryAfterSeconds: 0 },
        times: 1,
      },
    ];
    expect((await saveCache({ ...t.options(t.source), key: 'k', runId: '1' })).saved).toBe(true);
    proxy.rules = [];
    const ws = freshTarget();
    const match = await findCache({ ...t.options(ws), key: 'k', restoreKeys: [] });
    await restoreCache({ ...t.options(ws), manifest: match!.manifest, tempDir: t.temp });
    expect(snapshot(join(ws, 'deps'))).toEqual(snapshot(join(t.source, 'deps')));
  });
});

describe('interrupted restores', () => {
  it('a blob cut off mid-body once is fetched again and the restore completes', async () => {
    const t = setup('restore-once');
    await saveCache({ ...t.options(t.source), key: 'k', runId: '1' });
    const ws = freshTarget();
    const match = (await findCache({ ...t.options(ws), key: 'k', restoreKeys: [] }))!;
    const before = proxy.injected['reset-mid-body'] ?? 0;
    proxy.rules = [{ method: 'GET', path: /\/blobs\/sha256:/, fault: { kind: 'reset-mid-body' }, times: 1 }];
    await restoreCache({ ...t.options(ws), manifest: match.manifest, tempDir: t.temp });
    proxy.rules = [];
    expect(proxy.injected['reset-mid-body']).toBe(before + 1);
    expect(snapshot(join(ws, 'deps'))).toEqual(snapshot(join(t.source, 'deps')));
  });

  it('a blob that keeps being cut off is a miss, and nothing was changed', async () => {
    const t = setup('restore-cut');
    await saveCache({ ...t.options(t.source), key: 'k', runId: '1' });
    const ws = freshTarget();
    const match = (await findCache({ ...t.options(ws), key: 'k', restoreKeys: [] }))!;
    const last = match.manifest.layers.at(-1)!.digest;
    proxy.rules = [{ method: 'GET', path: new RegExp(`/blobs/${last}`), fault: { kind: 'reset-mid-body' } }];
    await expect(
      restoreCache({ ...t.options(ws), manifest: match.manifest, tempDir: t.temp }),
    ).rejects.toThrow(CacheMissError);
    proxy.rules = [];
    expect(readdirSync(join(ws, 'deps'))).toEqual(['keep.txt']);
    expect(readdirSync(ws)).toEqual(['deps']);
    expect(readdirSync(t.temp)).toEqual([]);
  });

  it('under a seeded mix of faults, every round trip ends complete or as a clean miss, never half-restored', async () => {
    const t = setup('random');
    const outcomes: string[] = [];
    for (let seed = 1; seed <= 6; seed++) {
      proxy.random = {
        rate: 0.15,
        seed,
        faults: [{ kind: 'status', status: 503 }, { kind: 'reset' }, { kind: 'reset-mid-body' }],
      };
      const key = `k-${seed}`;
      const saved = await saveCache({ ...t.options(t.source), key, runId: '1' }).catch(() => undefined);
      const ws = freshTarget();
      // Only the operations may fail; the assertions stay outside the try, so a failed one fails.
      let match: Awaited<ReturnType<typeof findCache>>;
      let failure: Error | undefined;
      try {
        match = await findCache({ ...t.options(ws), key, restoreKeys: [] });
        if (match) await restoreCache({ ...t.options(ws), manifest: match.manifest, tempDir: t.temp });
      } catch (error) {
        failure = error as Error;
      }
      if (failure) {
        expect(readdirSync(join(ws, 'deps'))).toEqual(['keep.txt']);
        expect(readdirSync(ws)).toEqual(['deps']);
        outcomes.push(`miss: ${failure.name}`);
      } else if (!match) {
        expect(saved?.saved ?? false).toBe(false);
        outcomes.push('not saved');
      } else {
        expect(snapshot(join(ws, 'deps'))).toEqual(snapshot(join(t.source, 'deps')));
        outcomes.push('restored');
      }
    }
    proxy.random = undefined;
    expect(outcomes).toContain('restored');
    expect(Object.values(proxy.injected).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
