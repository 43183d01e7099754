import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
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
import type { Compression } from '../../src/layer-cache/constants.js';
import { parsePathSpec } from '../../src/layer-cache/paths.js';
import { HttpClient } from '../../src/net/index.js';
import { LayoutRepository, RegistryClient, sha256 } from '../../src/oci/index.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { makeTree, snapshot } from './trees.js';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => {
  await registry?.stop();
});

let repoCount = 0;
function setup(options: { paths?: string[]; compression?: Compression; now?: () => number } = {}) {
  const workspace = mkdtempSync(join(tmpdir(), 'lc-ws-'));
  const client = new RegistryClient({ http: new HttpClient({ retries: 0 }) });
  const store = client.repository(registry.host, `cache/test-${++repoCount}`);
  const make = (ws: string, paths = options.paths ?? ['deps']): CacheOptions => ({
    store,
    scopes: { write: 'refs/heads/main', read: ['refs/heads/main'], why: '' },
    spec: parsePathSpec(paths, ws, join(ws, 'home')),
    compression: options.compression ?? 'zstd',
    info: () => undefined,
    now: options.now ?? Date.now,
  });
  return { workspace, store, make, temp: mkdtempSync(join(tmpdir(), 'lc-tmp-')) };
}

function blobFile(digest: string): string {
  const hex = digest.slice('sha256:'.length);
  return join(registry.dir, 'data/docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex, 'data');
}

describe.each(['zstd', 'gzip'] as const)('paths cache in registry 2.8 (%s)', (compression) => {
  it('saves a tree and restores it exactly into a fresh workspace', async () => {
    const t = setup({ compression });
    makeTree(join(t.workspace, 'deps'));
    const saved = await saveCache({ ...t.make(t.workspace), key: 'deps-1', runId: '1' });
    expect(saved.saved).toBe(true);
    expect(saved.uploadedLayers).toBe(saved.layers);

    const other = mkdtempSync(join(tmpdir(), 'lc-ws2-'));
    const match = await findCache({ ...t.make(other), key: 'deps-1', restoreKeys: [] });
    expect(match?.exact).toBe(true);
    await restoreCache({ ...t.make(other), manifest: match!.manifest, tempDir: t.temp });
    expect(snapshot(join(other, 'deps'))).toEqual(snapshot(join(t.workspace, 'deps')));
    expect(readdirSync(other)).toEqual(['deps']);
    expect(readdirSync(t.temp)).toEqual([]);
  });
});

describe('paths cache in an OCI layout directory', () => {
  it('saves, finds by restore key and restores, with no registry at all', async () => {
    const t = setup();
    const store = LayoutRepository.open(mkdtempSync(join(tmpdir(), 'lc-layout-')), { create: true });
    makeTree(join(t.workspace, 'deps'));
    const options = { ...t.make(t.workspace), store };
    expect((await saveCache({ ...options, key: 'layout-1', runId: '1' })).saved).toBe(true);
    expect((await saveCache({ ...options, key: 'layout-1', runId: '1' })).saved).toBe(false);
    const other = mkdtempSync(join(tmpdir(), 'lc-ws-layout-'));
    const match = await findCache({ ...t.make(other), store, key: 'layout-2', restoreKeys: ['layout-'] });
    expect(match?.manifest.key).toBe('layout-1');
    await restoreCache({ ...t.make(other), store, manifest: match!.manifest, tempDir: t.temp });
    expect(snapshot(join(other, 'deps'))).toEqual(snapshot(join(t.workspace, 'deps')));
  });
});

describe('paths cache: layers, keys and immutability', () => {
  it('uploads only the layers that changed; an unchanged tree under a new key uploads no layer', async () => {
    const t = setup();
    const deps = join(t.workspace, 'deps');
    for (let pkg = 0; pkg < 20; pkg++) {
      for (let f = 0; f < 10; f++) {
        mkdirSync(join(deps, `pkg-${pkg}`), { recursive: true });
        writeFileSync(join(deps, `pkg-${pkg}`, `f${f}.js`), randomBytes(30_000).toString('base64'));
      }
    }
    const first = await saveCache({ ...t.make(t.workspace), key: 'k-1', runId: '1' });
    expect(first.layers).toBeGreaterThan(5);

    const same = await saveCache({ ...t.make(t.workspace), key: 'k-2', runId: '1' });
    expect(same.saved).toBe(true);
    expect(same.uploadedLayers).toBe(0);

    appendFileSync(join(deps, 'pkg-7', 'f3.js'), 'changed\n');
    const changed = await saveCache({ ...t.make(t.workspace), key: 'k-3', runId: '1' });
    expect(changed.uploadedLayers).toBe(1);
    expect(changed.uploadedBytes).toBeLessThan(first.uploadedBytes / 5);
  });

  it('a save of a restored tree reuses unchanged layers from the cache it came from and rebuilds changed ones', async () => {
    const t = setup();
    makeTree(join(t.workspace, 'deps'));
    for (let i = 0; i < 12; i++)
      writeFileSync(join(t.workspace, 'deps/gamma', `big-${i}.txt`), randomBytes(200_000).toString('hex'));
    const first = await saveCache({ ...t.make(t.workspace), key: 'r-1', runId: '1' });
    const ws = mkdtempSync(join(tmpdir(), 'lc-ws4-'));
    const match = (await findCache({ ...t.make(ws), key: 'r-1', restoreKeys: [] }))!;
    await restoreCache({ ...t.make(ws), manifest: match.manifest, tempDir: t.temp });
    appendFileSync(join(ws, 'deps/gamma/big-5.txt'), 'more');
    const second = await saveCache({ ...t.make(ws), key: 'r-2', runId: '2', previousDigest: first.digest });
    expect(second.uploadedLayers).toBe(1);
    expect(second.layers).toBe(first.layers);

    const again = mkdtempSync(join(tmpdir(), 'lc-ws5-'));
    const match2 = (await findCache({ ...t.make(again), key: 'r-2', restoreKeys: [] }))!;
    await restoreCache({ ...t.make(again), manifest: match2.manifest, tempDir: t.temp });
    expect(snapshot(join(again, 'deps'))).toEqual(snapshot(join(ws, 'deps')));
  });

  it('never overwrites an existing key', async () => {
    const t = setup();
    makeTree(join(t.workspace, 'deps'));
    const first = await saveCache({ ...t.make(t.workspace), key: 'same', runId: '1' });
    writeFileSync(join(t.workspace, 'deps/alpha/index.js'), 'changed');
    const second = await saveCache({ ...t.make(t.workspace), key: 'same', runId: '2' });
    expect(second.saved).toBe(false);
    expect(second.reason).toMatch(/immutable/);
    expect((await t.store.resolve(first.tag))?.digest).toBe(first.digest);
  });

  it('restore-keys pick the newest match by recorded creation time, not tag order', async () => {
    let clock = 5_000_000;
    const t = setup({ now: () => clock });
    makeTree(join(t.workspace, 'deps'));
    // Saved in this order, created at these times: the middle one is newest.
    const created: Record<string, number> = {
      'npm-linux-aaa': 3_000_000,
      'npm-linux-zzz': 9_000_000,
      'npm-linux-mmm': 1_000_000,
    };
    for (const [key, at] of Object.entries(created)) {
      clock = at;
      writeFileSync(join(t.workspace, 'deps/which'), key);
      expect((await saveCache({ ...t.make(t.workspace), key, runId: '1' })).saved).toBe(true);
    }
    const match = await findCache({
      ...t.make(t.workspace),
      key: 'npm-linux-new',
      restoreKeys: ['npm-mac-', 'npm-linux-', 'npm-'],
    });
    expect(match?.exact).toBe(false);
    expect(match?.manifest.key).toBe('npm-linux-zzz');
    expect(await findCache({ ...t.make(t.workspace), key: 'x', restoreKeys: ['npm-mac-'] })).toBeUndefined();
  });

  it('versions keys by path set and compression: another path set or compression does not match', async () => {
    const t = setup();
    makeTree(join(t.workspace, 'deps'));
    mkdirSync(join(t.workspace, 'other'));
    await saveCache({ ...t.make(t.workspace, ['deps']), key: 'v-1', runId: '1' });
    expect(
      await findCache({ ...t.make(t.workspace, ['deps', 'other']), key: 'v-1', restoreKeys: ['v-'] }),
    ).toBeUndefined();
    const gzip = { ...t.make(t.workspace, ['deps']), compression: 'gzip' as const };
    expect(await findCache({ ...gzip, key: 'v-1', restoreKeys: ['v-'] })).toBeUndefined();
    expect((await findCache({ ...t.make(t.workspace, ['deps']), key: 'v-1', restoreKeys: [] }))?.exact).toBe(
      true,
    );
  });

  it('keys with any characters, long keys and prefixes of long keys', async () => {
    const t = setup();
    makeTree(join(t.workspace, 'deps'));
    const long = `build/${'ü'.repeat(80)}/${'a'.repeat(50)}`;
    for (const key of ['a/b', 'a-2fb', 'a_2fb', long]) {
      expect((await saveCache({ ...t.make(t.workspace), key, runId: '1' })).saved).toBe(true);
    }
    for (const key of ['a/b', 'a-2fb', 'a_2fb', long]) {
      expect((await findCache({ ...t.make(t.workspace), key, restoreKeys: [] }))?.manifest.key).toBe(key);
    }
    expect(
      (await findCache({ ...t.make(t.workspace), key: 'none', restoreKeys: [`build/${'ü'.repeat(80)}/a`] }))
        ?.manifest.key,
    ).toBe(long);
  });

  it('globs and exclusions: matched directories are cached and restored where they were, excluded ones are not', async () => {
    const t = setup({ paths: ['packages/*/node_modules', '!packages/skip/node_modules', '~/.tool-cache'] });
    for (const pkg of ['a', 'b', 'skip']) makeTree(join(t.workspace, 'packages', pkg, 'node_modules'));
    mkdirSync(join(t.workspace, 'home/.tool-cache'), { recursive: true });
    writeFileSync(join(t.workspace, 'home/.tool-cache/tool'), 'tool');
    expect((await saveCache({ ...t.make(t.workspace), key: 'g-1', runId: '1' })).saved).toBe(true);

    const other = mkdtempSync(join(tmpdir(), 'lc-glob-'));
    const match = (await findCache({ ...t.make(other), key: 'g-1', restoreKeys: [] }))!;
    await restoreCache({ ...t.make(other), manifest: match.manifest, tempDir: t.temp });
    expect(readdirSync(join(other, 'packages')).sort()).toEqual(['a', 'b']);
    expect(snapshot(join(other, 'packages/b/node_modules'))).toEqual(
      snapshot(join(t.workspace, 'packages/b/node_modules')),
    );
    expect(readdirSync(join(other, 'home/.tool-cache'))).toEqual(['tool']);
  });

  it('a cache whose manifest names paths outside the ones given is refused (a miss), whatever its key says', async () => {
    const t = setup({ paths: ['packages/*/node_modules'] });
    makeTree(join(t.workspace, 'packages/a/node_modules'));
    await saveCache({ ...t.make(t.workspace), key: 'h-1', runId: '1' });
    const match = (await findCache({ ...t.make(t.workspace), key: 'h-1', restoreKeys: [] }))!;
    // Rewrite the config as someone with push access could: a root outside the glob.
    const chunks: Uint8Array[] = [];
    for await (const chunk of await t.store.openBlob(match.manifest.config)) chunks.push(chunk);
    const configBytes = Buffer.concat(chunks).toString();
    const forged = Buffer.from(configBytes.replace('packages/a/node_modules', 'src'));
    const forgedDigest = sha256(forged);
    await t.store.pushBlob(
      { mediaType: 'application/json', digest: forgedDigest, size: forged.length },
      forged,
    );
    const manifest = {
      ...match.manifest,
      config: { ...match.manifest.config, digest: forgedDigest, size: forged.length },
    };
    const other = mkdtempSync(join(tmpdir(), 'lc-forged-'));
    await expect(restoreCache({ ...t.make(other), manifest, tempDir: t.temp })).rejects.toThrow(
      /"src", which is not one of the paths given/,
    );
    expect(readdirSync(other)).toEqual([]);
  });

  it('a corrupt layer or a missing layer is a miss, and leaves the target untouched', async () => {
    const t = setup();
    makeTree(join(t.workspace, 'deps'));
    const saved = await saveCache({ ...t.make(t.workspace), key: 'c-1', runId: '1' });
    const match = (await findCache({ ...t.make(t.workspace), key: 'c-1', restoreKeys: [] }))!;
    const target = mkdtempSync(join(tmpdir(), 'lc-ws3-'));
    mkdirSync(join(target, 'deps'));
    writeFileSync(join(target, 'deps/keep.txt'), 'mine');

    const victim = match.manifest.layers.at(-1)!.digest;
    const file = blobFile(victim);
    const original = await import('node:fs').then((fs) => fs.readFileSync(file));
    const flipped = Buffer.from(original);
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = flipped[middle]! ^ 0xff;
    writeFileSync(file, flipped);
    await expect(
      restoreCache({ ...t.make(target), manifest: match.manifest, tempDir: t.temp }),
    ).rejects.toThrow(CacheMissError);
    expect(readdirSync(join(target, 'deps'))).toEqual(['keep.txt']);

    rmSync(file);
    await expect(
      restoreCache({ ...t.make(target), manifest: match.manifest, tempDir: t.temp }),
    ).rejects.toThrow(CacheMissError);
    expect(readdirSync(join(target, 'deps'))).toEqual(['keep.txt']);
    expect(readdirSync(target).sort()).toEqual(['deps']);
    expect(readdirSync(t.temp)).toEqual([]);
    expect(saved.saved).toBe(true);
    expect(existsSync(join(t.workspace, 'deps/alpha/index.js'))).toBe(true);
  });
});
