/** Retention against registry 2.8 with deletes enabled. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CacheOptions, saveCache } from '../../src/layer-cache/cache.js';
import { parsePathSpec } from '../../src/layer-cache/paths.js';
import { groupOf, prune } from '../../src/layer-cache/prune.js';
import { HttpClient } from '../../src/net/index.js';
import { RegistryClient } from '../../src/oci/index.js';
import { runAction } from '../harness/index.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => {
  await registry?.stop();
});

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-26T12:00:00Z');
let count = 0;

/** A repository holding caches created at the given ages (days before NOW), plus a BuildKit ref. */
async function seed(caches: { key: string; ageDays: number; runId?: string }[]) {
  const name = `cache/prune-${++count}`;
  const store = new RegistryClient({ http: new HttpClient() }).repository(registry.host, name);
  const ws = mkdtempSync(join(tmpdir(), 'lc-prune-'));
  writeFileSync(join(ws, 'file'), 'x');
  for (const cache of caches) {
    writeFileSync(join(ws, 'file'), cache.key);
    const options: CacheOptions = {
      store,
      scopes: { write: 'refs/heads/main', read: ['refs/heads/main'], why: '' },
      spec: parsePathSpec(['file'], ws, ws),
      compression: 'zstd',
      info: () => undefined,
      now: () => NOW - cache.ageDays * DAY,
    };
    await saveCache({ ...options, key: cache.key, runId: cache.runId ?? 'old-run' });
  }
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.buildkit.cacheconfig.v0',
      digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
      size: 2,
    },
    layers: [],
  };
  await store.pushBlob(
    { mediaType: 'application/vnd.oci.empty.v1+json', digest: manifest.config.digest, size: 2 },
    Buffer.from('{}'),
  );
  await store.putManifest(Buffer.from(JSON.stringify(manifest)), manifest.mediaType, 'linux.main');
  return { store, name };
}

const keysOf = (list: { key: string }[]) => list.map((d) => d.key).sort();

describe('prune', () => {
  it('keeps the newest keep-last per key prefix by creation time and deletes the rest by digest', async () => {
    const { store } = await seed([
      { key: 'npm-a', ageDays: 3 },
      { key: 'npm-b', ageDays: 1 },
      { key: 'npm-c', ageDays: 2 },
      { key: 'pip-a', ageDays: 9 },
    ]);
    const result = await prune({
      store,
      keepLast: 2,
      keyPrefixes: [],
      dryRun: false,
      runId: 'this-run',
      now: NOW,
    });
    expect(keysOf(result.deleted)).toEqual(['npm-a']);
    expect(keysOf(result.kept)).toEqual(['npm-b', 'npm-c', 'pip-a']);
    expect(result.ignored).toBe(1);
    const tags = await store.tags();
    expect(tags).toHaveLength(4);
    expect(tags).toContain('linux.main');
    expect(await store.resolve(result.deleted[0]!.tag)).toBeUndefined();
  });

  it('max-age deletes old caches; dry-run only reports; this run’s caches are never deleted', async () => {
    const { store } = await seed([
      { key: 'pr-1', ageDays: 10 },
      { key: 'pr-2', ageDays: 8, runId: 'this-run' },
      { key: 'pr-3', ageDays: 1 },
    ]);
    const dry = await prune({
      store,
      maxAgeMs: 7 * DAY,
      keyPrefixes: ['pr-'],
      dryRun: true,
      runId: 'this-run',
      now: NOW,
    });
    expect(keysOf(dry.deleted)).toEqual(['pr-1']);
    expect(dry.kept.find((k) => k.key === 'pr-2')?.reason).toBe('written in this workflow run');
    expect(await store.tags()).toHaveLength(4);

    const real = await prune({
      store,
      maxAgeMs: 7 * DAY,
      keyPrefixes: ['pr-'],
      dryRun: false,
      runId: 'this-run',
      now: NOW,
    });
    expect(keysOf(real.deleted)).toEqual(['pr-1']);
    expect(await store.tags()).toHaveLength(3);
  });

  it('caches outside the given key prefixes are kept', async () => {
    const { store } = await seed([
      { key: 'npm-a', ageDays: 30 },
      { key: 'other', ageDays: 30 },
    ]);
    const result = await prune({
      store,
      maxAgeMs: DAY,
      keyPrefixes: ['npm-'],
      dryRun: false,
      runId: '',
      now: NOW,
    });
    expect(keysOf(result.deleted)).toEqual(['npm-a']);
    expect(result.kept).toEqual([
      expect.objectContaining({ key: 'other', reason: 'outside the given key prefixes' }),
    ]);
  });

  it('groups by the key without its last part', () => {
    expect(groupOf('npm-Linux-abc123', [])).toBe('npm-Linux-');
    expect(groupOf('plain', [])).toBe('plain');
    expect(groupOf('npm-x', ['pip-', 'npm-'])).toBe('npm-');
    expect(groupOf('go-x', ['pip-'])).toBeUndefined();
  });

  it('through the runner: outputs and a summary of what was deleted and kept', async () => {
    const { name } = await seed([
      { key: 'go-a', ageDays: 2 },
      { key: 'go-b', ageDays: 1 },
    ]);
    const run = await runAction({
      action: 'layer-cache',
      inputs: { mode: 'prune', 'cache-repository': `${registry.host}/${name}`, 'keep-last': '1' },
    });
    expect(run.main.exitCode).toBe(0);
    expect(run.main.outputs).toMatchObject({ deleted: 'go-a', kept: 'go-b' });
    expect(run.main.summary).toMatch(/go-a.*deleted.*not among the newest 1/);
    expect(run.main.summary).toMatch(/1 other tags/);
  });

  it('a tag listing that breaks off mid-way (404 on a later page) deletes nothing, through the runner', async () => {
    const { store, name } = await seed([
      { key: 'npm-a', ageDays: 3 },
      { key: 'npm-b', ageDays: 1 },
    ]);
    // Pages of two tags, as a registry that paginates serves them; the second page is a 404.
    const proxy = await startFaultProxy(registry.url, {
      rules: [
        { method: 'GET', path: /\/tags\/list$/, query: /last=/, fault: { kind: 'status', status: 404 } },
        { method: 'GET', path: /\/tags\/list$/, fault: { kind: 'paginate', pageSize: 2 } },
      ],
    });
    try {
      const run = await runAction({
        action: 'layer-cache',
        inputs: { mode: 'prune', 'cache-repository': `${proxy.host}/${name}`, 'keep-last': '1' },
      });
      expect(proxy.injected['404']).toBe(1);
      expect(run.main.exitCode).not.toBe(0);
      expect(run.main.annotations.map((a) => a.value).join('\n')).toMatch(/Nothing was pruned.*broke off/);
      expect(run.main.outputs.deleted ?? '').toBe('');
      expect(
        keysOf(
          (await prune({ store, keepLast: 100, keyPrefixes: [], dryRun: true, runId: '', now: NOW })).kept,
        ),
      ).toEqual(['npm-a', 'npm-b']);
    } finally {
      await proxy.stop();
    }
  });
});
