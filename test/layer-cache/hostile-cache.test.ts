/**
 * Crafted caches in a real registry, restored through the bundled action: a restore either puts
 * exactly the cached tree in place or is a miss with a warning; it never writes outside the cached
 * paths and never leaves part of a tree behind.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createZstdCompress, zstdCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_CONFIG_MEDIA_TYPE, LAYER_MEDIA_TYPE } from '../../src/layer-cache/constants.js';
import { type CacheConfig, OCI_MANIFEST, renderManifest } from '../../src/layer-cache/manifest.js';
import { cacheVersion } from '../../src/layer-cache/paths.js';
import { keyTag } from '../../src/layer-cache/tags.js';
import { HttpClient } from '../../src/net/index.js';
import { RegistryClient, sha256 } from '../../src/oci/index.js';
import { END_OF_ARCHIVE, encodeHeader, padding, type TarEntry } from '../../src/oci/tar.js';
import { runAction } from '../harness/index.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => {
  await registry?.stop();
});

type Member = Omit<TarEntry, 'mode' | 'mtime' | 'size'> & { mode?: number; data?: string };

function tarOf(members: Member[]): Buffer {
  const parts: Buffer[] = [];
  for (const m of members) {
    const data = Buffer.from(m.data ?? '');
    parts.push(
      encodeHeader({
        name: m.name,
        type: m.type,
        mode: m.mode ?? (m.type === 'directory' ? 0o755 : 0o644),
        mtime: 1_600_000_000,
        size: m.type === 'file' ? data.length : 0,
        linkname: m.linkname,
      }),
    );
    if (m.type === 'file') parts.push(data, Buffer.alloc(padding(data.length)));
  }
  parts.push(END_OF_ARCHIVE);
  return Buffer.concat(parts);
}

/** Pushes a cache for `key` whose layers are the given compressed blobs, as a hostile writer would. */
async function pushCache(
  repo: string,
  path: string,
  key: string,
  blobs: Buffer[],
  roots: CacheConfig['roots'] = [{ path, kind: 'literal' }],
): Promise<void> {
  const store = new RegistryClient({ http: new HttpClient() }).repository(registry.host, repo);
  const version = cacheVersion([path], 'zstd');
  const layers = [];
  for (const blob of blobs) {
    const digest = sha256(blob);
    await store.pushBlob({ mediaType: LAYER_MEDIA_TYPE.zstd, digest, size: blob.length }, blob);
    layers.push({ digest, size: blob.length, diffId: digest, files: 1 });
  }
  const config: CacheConfig = {
    key,
    scope: 'refs/heads/main',
    version,
    created: new Date().toISOString(),
    compression: 'zstd',
    paths: [path],
    roots,
    layers,
  };
  const configBytes = Buffer.from(JSON.stringify(config));
  await store.pushBlob(
    { mediaType: CACHE_CONFIG_MEDIA_TYPE, digest: sha256(configBytes), size: configBytes.length },
    configBytes,
  );
  await store.putManifest(
    renderManifest(config, configBytes, '1'),
    OCI_MANIFEST,
    keyTag(version, 'refs/heads/main', key),
  );
}

/** A checkout: a .git directory with hooks next to the cached path. */
function checkout(): string {
  const ws = mkdtempSync(join(tmpdir(), 'lc-hostile-e2e-'));
  mkdirSync(join(ws, '.git', 'hooks'), { recursive: true });
  writeFileSync(join(ws, 'README.md'), 'mine');
  return ws;
}

/** Everything under a directory, recursively, as relative names. */
function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map(String).sort();
}

describe('layer-cache restores only the canonical tree of a cache', () => {
  it('a root index spelled 00/ cannot steer a write into .git/hooks', async () => {
    const repo = 'hostile/alias';
    const blob = zstdCompressSync(
      tarOf([
        { name: '0', type: 'directory' },
        { name: '0/a', type: 'directory' },
        { name: '0/a/up', type: 'symlink', linkname: '..' },
        // Under the alias, the checks would see a different path than the filesystem.
        { name: '00/l', type: 'symlink', linkname: 'a/up/..' },
        { name: '0/l/.git/hooks/post-checkout', type: 'file', mode: 0o755, data: '#!/bin/sh\necho owned\n' },
      ]),
    );
    await pushCache(repo, 'deps', 'deps-1', [blob]);
    const ws = checkout();
    const before = listing(ws);
    const run = await runAction({
      action: 'layer-cache',
      inputs: { 'cache-repository': `${registry.host}/${repo}`, path: 'deps', key: 'deps-1', save: 'never' },
      workspace: ws,
    });
    expect(run.main.exitCode).toBe(0);
    expect(existsSync(join(ws, '.git/hooks/post-checkout'))).toBe(false);
    expect(run.main.outputs['cache-hit']).toBe('false');
    expect(run.main.annotations.map((a) => a.value).join('\n')).toMatch(/treated as a miss/);
    expect(listing(ws)).toEqual(before);
  });

  it('two roots naming one directory cannot give one place two names', async () => {
    const repo = 'hostile/twin-roots';
    const blob = zstdCompressSync(
      tarOf([
        { name: '0', type: 'directory' },
        { name: '1/u', type: 'symlink', linkname: '.' },
        // Inside for root 0's names (u is not a link there), the parent of the root on disk.
        { name: '0/l', type: 'symlink', linkname: 'u/..' },
        { name: '1/l/.git/hooks/post-checkout', type: 'file', mode: 0o755, data: '#!/bin/sh\necho owned\n' },
      ]),
    );
    await pushCache(
      repo,
      'deps',
      'twin-1',
      [blob],
      [
        { path: 'deps', kind: 'literal' },
        { path: 'deps', kind: 'literal' },
      ],
    );
    const ws = checkout();
    const before = listing(ws);
    const run = await runAction({
      action: 'layer-cache',
      inputs: { 'cache-repository': `${registry.host}/${repo}`, path: 'deps', key: 'twin-1', save: 'never' },
      workspace: ws,
    });
    expect(run.main.exitCode).toBe(0);
    expect(existsSync(join(ws, '.git/hooks/post-checkout'))).toBe(false);
    expect(run.main.outputs['cache-hit']).toBe('false');
    expect(listing(ws)).toEqual(before);
  });

  it('a 10 KB layer that expands to hundreds of MiB is refused, and nothing of it stays', async () => {
    const repo = 'hostile/bomb';
    const size = 400 * 1024 * 1024;
    const compress = createZstdCompress();
    const chunks: Buffer[] = [];
    compress.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => compress.on('end', resolve));
    compress.write(tarOf([{ name: '0', type: 'directory' }]).subarray(0, -1024));
    compress.write(encodeHeader({ name: '0/zeros', type: 'file', mode: 0o644, mtime: 0, size }));
    const mib = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < size / mib.length; i++) compress.write(mib);
    compress.end(END_OF_ARCHIVE);
    await done;
    const blob = Buffer.concat(chunks);
    expect(blob.length).toBeLessThan(20 * 1024);
    await pushCache(repo, 'deps', 'bomb-1', [blob]);
    const ws = checkout();
    const before = listing(ws);
    const run = await runAction({
      action: 'layer-cache',
      inputs: { 'cache-repository': `${registry.host}/${repo}`, path: 'deps', key: 'bomb-1', save: 'never' },
      workspace: ws,
    });
    expect(run.main.exitCode).toBe(0);
    expect(run.main.outputs['cache-hit']).toBe('false');
    expect(run.main.annotations.map((a) => a.value).join('\n')).toMatch(/treated as a miss.*(limit|ratio)/);
    expect(listing(ws)).toEqual(before);
  });
});
