import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { mapLimit } from '../net/pool.js';
import { CACHE_CONFIG_MEDIA_TYPE, type Compression, LAYER_MEDIA_TYPE } from './constants.js';
import { extractLayers, UnsafeArchiveError } from './extract.js';
import { buildLayer, layerStatId, planLayers } from './layers.js';
import {
  type CacheConfig,
  type CacheManifest,
  type LayerRecord,
  OCI_MANIFEST,
  parseCacheConfig,
  parseCacheManifest,
  renderManifest,
} from './manifest.js';
import { cacheVersion, findRoots, type PathSpec, symlinkOnTheWay, targetOf, walkTree } from './paths.js';
import { type OciRepository, sha256 } from '../oci/index.js';
import type { CacheScopes } from './scope.js';
import { keyTag, tagMayMatchPrefix } from './tags.js';

export interface CacheOptions {
  store: OciRepository;
  /** Where this run saves (undefined: it never saves) and what it restores from, in order. */
  scopes: CacheScopes;
  spec: PathSpec;
  compression: Compression;
  info: (message: string) => void;
  now: () => number;
}

/** A restore that could not complete: reported as a cache miss with a warning. */
export class CacheMissError extends Error {
  override name = 'CacheMissError';
}

// Registry round trips dominate (HEAD, POST, PUT per blob): more in flight than there are cores.
const CONCURRENCY = 8;

function parallel<T, R>(items: T[], fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  return mapLimit(items, CONCURRENCY, fn);
}

// ---------------------------------------------------------------------------------------------- save

export interface SaveResult {
  saved: boolean;
  reason: string;
  /** Not saved because the key already has a cache (caches are immutable by key). */
  exists?: boolean;
  tag: string;
  digest?: string;
  layers: number;
  uploadedLayers: number;
  uploadedBytes: number;
  totalBytes: number;
  files: number;
}

/** The layers of the cache this tree was restored from, by stat id (none when it cannot be read). */
async function previousLayers(
  store: OciRepository,
  digest: string | undefined,
): Promise<Map<string, LayerRecord>> {
  const byStat = new Map<string, LayerRecord>();
  if (!digest) return byStat;
  try {
    const stored = await store.getManifest(digest);
    const manifest = parseCacheManifest(digest, stored.bytes);
    if (!manifest) return byStat;
    const chunks: Uint8Array[] = [];
    for await (const chunk of await store.openBlob(manifest.config)) chunks.push(chunk);
    for (const layer of parseCacheConfig(Buffer.concat(chunks), manifest).layers)
      if (layer.statId) byStat.set(layer.statId, layer);
  } catch {
    // Only an optimisation: without it every layer is read and compressed.
  }
  return byStat;
}

export async function saveCache(
  opts: CacheOptions & {
    key: string;
    runId: string;
    previousDigest?: string;
    /** The key's cache that failed to restore (corrupt or missing layers): the one cache a save may replace. */
    brokenDigest?: string;
  },
): Promise<SaveResult> {
  const version = cacheVersion(opts.spec.lines, opts.compression);
  const scope = opts.scopes.write;
  const tag = scope === undefined ? '' : keyTag(version, scope, opts.key);
  const empty = { tag, layers: 0, uploadedLayers: 0, uploadedBytes: 0, totalBytes: 0, files: 0 };
  if (scope === undefined) return { ...empty, saved: false, reason: opts.scopes.why };
  const taken = async () => {
    const existing = await opts.store.resolve(tag);
    return existing !== undefined && existing.digest !== opts.brokenDigest;
  };
  if (await taken()) {
    return {
      ...empty,
      saved: false,
      exists: true,
      reason: `key ${opts.key} already has a cache; caches are immutable, so it was not saved again`,
    };
  }
  const roots = await findRoots(opts.spec);
  if (roots.length === 0)
    return { ...empty, saved: false, reason: 'none of the paths exist, so there is nothing to save' };
  const entries = walkTree(opts.spec, roots, (abs, why) => opts.info(`skipped ${abs}: ${why}`));
  const plans = planLayers(entries);
  const previous = await previousLayers(opts.store, opts.previousDigest);
  let uploadedLayers = 0;
  let uploadedBytes = 0;
  const layers = await parallel(plans, async (plan): Promise<LayerRecord> => {
    const statId = layerStatId(plan);
    const known = previous.get(statId);
    if (known && (await opts.store.hasBlob(known.digest))) return known;
    const built = await buildLayer(plan, opts.compression);
    // Content-addressed: a layer that is already in the repository is not sent again.
    if (!(await opts.store.hasBlob(built.digest))) {
      await opts.store.pushBlob(
        { mediaType: LAYER_MEDIA_TYPE[opts.compression], digest: built.digest, size: built.size },
        built.blob,
      );
      uploadedLayers += 1;
      uploadedBytes += built.size;
    }
    return { digest: built.digest, size: built.size, diffId: built.diffId, statId, files: built.files };
  });
  const config: CacheConfig = {
    key: opts.key,
    scope,
    version,
    created: new Date(opts.now()).toISOString(),
    compression: opts.compression,
    paths: opts.spec.lines,
    roots: roots.map((r) => ({ path: r.path, kind: r.kind })),
    layers,
  };
  const configBytes = Buffer.from(JSON.stringify(config));
  const configDigest = sha256(configBytes);
  if (!(await opts.store.hasBlob(configDigest))) {
    await opts.store.pushBlob(
      { mediaType: CACHE_CONFIG_MEDIA_TYPE, digest: configDigest, size: configBytes.length },
      configBytes,
    );
    uploadedBytes += configBytes.length;
  }
  // Another job may have saved the same key meanwhile: the first one wins, as with actions/cache.
  if (await taken()) {
    return {
      ...empty,
      saved: false,
      exists: true,
      reason: `key ${opts.key} was saved by another job while this one uploaded; kept theirs`,
    };
  }
  // The manifest goes last: until it exists, no tag points at the layers.
  const { digest } = await opts.store.putManifest(
    renderManifest(config, configBytes, opts.runId),
    OCI_MANIFEST,
    tag,
  );
  return {
    saved: true,
    reason: 'saved',
    tag,
    digest,
    layers: layers.length,
    uploadedLayers,
    uploadedBytes,
    totalBytes: layers.reduce((sum, l) => sum + l.size, 0),
    files: layers.reduce((sum, l) => sum + l.files, 0),
  };
}

// ------------------------------------------------------------------------------------------- restore

export interface Match {
  manifest: CacheManifest;
  exact: boolean;
}

/**
 * For each scope this run may read, in order (its own, its base branch's, the default branch's):
 * the exact key, else for each restore key in order the newest cache whose key starts with it. A
 * cache counts only when the scope recorded in it is the scope searched, not by its tag alone.
 */
export async function findCache(
  opts: CacheOptions & { key: string; restoreKeys: string[] },
): Promise<Match | undefined> {
  const version = cacheVersion(opts.spec.lines, opts.compression);
  let tags: string[] | undefined;
  const seen = new Map<string, CacheManifest | undefined>();
  for (const scope of opts.scopes.read) {
    const exact = await loadManifest(opts.store, keyTag(version, scope, opts.key));
    if (exact && exact.key === opts.key && exact.version === version && exact.scope === scope)
      return { manifest: exact, exact: true };
    if (opts.restoreKeys.length === 0) continue;
    tags ??= await opts.store.tags();
    const match = await newestByPrefix(opts, tags, seen, version, scope);
    if (match) return { manifest: match, exact: false };
  }
  return undefined;
}

async function newestByPrefix(
  opts: CacheOptions & { restoreKeys: string[] },
  tags: string[],
  seen: Map<string, CacheManifest | undefined>,
  version: string,
  scope: string,
): Promise<CacheManifest | undefined> {
  for (const prefix of opts.restoreKeys) {
    let best: CacheManifest | undefined;
    for (const tag of tags.filter((t) => tagMayMatchPrefix(t, version, scope, prefix))) {
      if (!seen.has(tag)) seen.set(tag, await loadManifest(opts.store, tag));
      const candidate = seen.get(tag);
      if (
        !candidate ||
        candidate.version !== version ||
        candidate.scope !== scope ||
        !candidate.key.startsWith(prefix)
      )
        continue;
      // Registry 2.8 lists tags unsorted: the creation time recorded in the manifest decides.
      if (!best || Date.parse(candidate.created) > Date.parse(best.created)) best = candidate;
    }
    if (best) return best;
  }
  return undefined;
}

export async function loadManifest(store: OciRepository, tag: string): Promise<CacheManifest | undefined> {
  const found = await store.resolve(tag);
  if (!found) return undefined;
  const manifest = await store.getManifest(found.digest);
  return parseCacheManifest(manifest.descriptor.digest, manifest.bytes);
}

export interface RestoreResult {
  files: number;
  bytes: number;
  layers: number;
}

/**
 * Downloads every layer to a temporary file, verifying size and digest, and extracts only when
 * all of them arrived intact; any problem is a CacheMissError and leaves the paths untouched.
 */
export async function restoreCache(
  opts: CacheOptions & { manifest: CacheManifest; tempDir: string },
): Promise<RestoreResult> {
  const { store, manifest } = opts;
  const work = await mkdtemp(join(opts.tempDir, 'gantry-restore-'));
  try {
    const configFile = join(work, 'config');
    await download(store, manifest.config.digest, manifest.config.size, configFile);
    let config: CacheConfig;
    try {
      config = parseCacheConfig(await readFile(configFile), manifest);
    } catch (error) {
      throw new CacheMissError(`cache ${manifest.key}: ${(error as Error).message}`);
    }
    if (config.compression !== opts.compression)
      throw new CacheMissError(`cache ${manifest.key} uses ${config.compression}, not ${opts.compression}`);
    const targets = config.roots.map((root) => {
      const abs = targetOf(opts.spec, root);
      if (!abs)
        throw new CacheMissError(
          `cache ${manifest.key} holds ${JSON.stringify(root.path)}, which is not one of the paths given`,
        );
      return { abs };
    });
    for (const [i, root] of config.roots.entries()) {
      const through = root.kind === 'glob' && (await symlinkOnTheWay(opts.spec.workspace, targets[i]!.abs));
      if (through)
        throw new CacheMissError(
          `cache ${manifest.key} holds ${JSON.stringify(root.path)}, which would be restored through ${through}, not a directory`,
        );
    }
    const files = await parallel(manifest.layers, async (layer, i) => {
      const file = join(work, `layer-${i}`);
      await download(store, layer.digest, layer.size, file);
      return file;
    });
    try {
      const extracted = await extractLayers(files, config.compression, targets);
      return {
        files: extracted.files,
        bytes: manifest.layers.reduce((s, l) => s + l.size, 0),
        layers: manifest.layers.length,
      };
    } catch (error) {
      if (error instanceof UnsafeArchiveError)
        throw new CacheMissError(`cache ${manifest.key}: ${error.message}`);
      throw error;
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const DOWNLOAD_ATTEMPTS = 3;

/** A blob to a file, verified; a body cut off mid-way (the HTTP client retries only until headers) is fetched again. */
async function download(store: OciRepository, digest: string, size: number, file: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await downloadOnce(store, digest, size, file);
    } catch (error) {
      if (attempt >= DOWNLOAD_ATTEMPTS) throw error;
    }
  }
}

async function downloadOnce(store: OciRepository, digest: string, size: number, file: string): Promise<void> {
  let stream: AsyncIterable<Uint8Array>;
  try {
    stream = await store.openBlob({ mediaType: 'application/octet-stream', digest, size });
  } catch (error) {
    throw new CacheMissError(`blob ${digest} could not be fetched: ${(error as Error).message}`);
  }
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  let received = 0;
  try {
    for await (const chunk of stream) {
      received += chunk.byteLength;
      if (received > size)
        throw new CacheMissError(`blob ${digest} is larger than the ${size} bytes its manifest says`);
      hash.update(chunk);
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  } catch (error) {
    out.destroy();
    if (error instanceof CacheMissError) throw error;
    throw new CacheMissError(`blob ${digest} was interrupted: ${(error as Error).message}`);
  }
  out.end();
  await finished(out);
  const actual = `sha256:${hash.digest('hex')}`;
  if (received !== size || actual !== digest) {
    throw new CacheMissError(`blob ${digest} is corrupt (got ${received} bytes with digest ${actual})`);
  }
}
