import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  constants,
  createGunzip,
  createGzip,
  createZstdCompress,
  createZstdDecompress,
  gzip as gzipCb,
  zstdCompress,
} from 'node:zlib';
import { sha256 } from '../oci/index.js';
import type { Compression } from './constants.js';
import type { TreeEntry } from './paths.js';
import { END_OF_ARCHIVE, encodeHeader, padding } from '../oci/tar.js';

const zstd = promisify(zstdCompress);
const gzip = promisify(gzipCb);

/**
 * The tree is cut into layers so that a small change re-uploads little. Cuts fall where the
 * content does not decide them: before a new top-level entry (a package in node_modules) once a
 * layer holds MIN_LAYER bytes, and inside a large entry after files whose name hashes to a marker,
 * so adding or changing one file moves at most the cuts next to it. MAX_LAYER bounds a layer.
 */
export const MIN_LAYER = 256 * 1024;
export const MAX_LAYER = 16 * 1024 * 1024;
const NAME_CUT_ONE_IN = 32;
/** Well under the restore's limit of entries per layer (DEFAULT_RESTORE_LIMITS.layerEntries). */
export const MAX_LAYER_ENTRIES = 50_000;

export interface LayerPlan {
  entries: TreeEntry[];
  /** Uncompressed bytes of file content. */
  size: number;
}

export function planLayers(entries: TreeEntry[]): LayerPlan[] {
  const layers: LayerPlan[] = [];
  let current: LayerPlan | undefined;
  let lastTop = '';
  for (const entry of entries) {
    const parts = entry.name.split('/');
    const top = parts.slice(0, 2).join('/');
    const newRoot = current !== undefined && current.entries[0]!.name.split('/')[0] !== parts[0];
    const cut =
      current === undefined ||
      newRoot ||
      (current.size >= MIN_LAYER && (top !== lastTop || nameHash(entry.name) % NAME_CUT_ONE_IN === 0)) ||
      (current.size > 0 && current.size + entry.size > MAX_LAYER) ||
      current.entries.length >= MAX_LAYER_ENTRIES;
    if (cut) {
      current = { entries: [], size: 0 };
      layers.push(current);
    }
    current!.entries.push(entry);
    current!.size += entry.size;
    lastTop = top;
  }
  return layers;
}

function nameHash(name: string): number {
  // FNV-1a: stable across runs and platforms.
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Layers up to this size are built in memory and compressed in one call on libuv's thread pool. */
const IN_MEMORY_LAYER = 32 * 1024 * 1024;

/** The deterministic tar of one layer, read from disk in pieces of about a megabyte. */
export async function* tarStream(entries: TreeEntry[]): AsyncGenerator<Buffer> {
  let batch: Buffer[] = [];
  let batched = 0;
  const take = (chunk: Buffer) => {
    batch.push(chunk);
    batched += chunk.length;
  };
  const flush = () => {
    const out = Buffer.concat(batch);
    batch = [];
    batched = 0;
    return out;
  };
  for (const entry of entries) {
    take(
      encodeHeader({
        name: entry.name,
        type: entry.type,
        mode: entry.mode,
        mtime: entry.mtime,
        size: entry.size,
        linkname: entry.linkname,
      }),
    );
    if (entry.type === 'file' && entry.size > 0) {
      if (entry.size <= 1024 * 1024) take(readExactly(entry));
      else {
        yield flush();
        let read = 0;
        for await (const chunk of createReadStream(entry.abs, {
          end: entry.size - 1,
          highWaterMark: 1024 * 1024,
        })) {
          read += (chunk as Buffer).length;
          yield chunk as Buffer;
        }
        if (read < entry.size) throw shrank(entry);
      }
      take(Buffer.alloc(padding(entry.size)));
    }
    if (batched >= 1024 * 1024) yield flush();
  }
  take(END_OF_ARCHIVE);
  yield flush();
}

/** Exactly the size in the header: a file that changes while we read must not corrupt the tar. */
function readExactly(entry: TreeEntry): Buffer {
  // Synchronous on purpose: for small files it is several times faster than a thread-pool round trip.
  const data = readFileSync(entry.abs);
  if (data.length < entry.size) throw shrank(entry);
  return data.length === entry.size ? data : data.subarray(0, entry.size);
}

function shrank(entry: TreeEntry): Error {
  return new Error(`${entry.abs} shrank while it was being cached; save it again`);
}

export function compressor(compression: Compression) {
  return compression === 'zstd'
    ? createZstdCompress({ params: { [constants.ZSTD_c_compressionLevel]: 3 } })
    : createGzip({ level: 6 });
}

export function decompressor(compression: Compression) {
  return compression === 'zstd' ? createZstdDecompress() : createGunzip();
}

export interface BuiltLayer {
  /** sha256 of the compressed blob. */
  digest: string;
  size: number;
  /** sha256 of the uncompressed tar (the OCI diff id). */
  diffId: string;
  blob: Buffer;
  files: number;
}

export async function buildLayer(plan: LayerPlan, compression: Compression): Promise<BuiltLayer> {
  const files = plan.entries.filter((e) => e.type === 'file').length;
  if (plan.size <= IN_MEMORY_LAYER) {
    const chunks: Buffer[] = [];
    for await (const chunk of tarStream(plan.entries)) chunks.push(chunk);
    const tar = Buffer.concat(chunks);
    const blob =
      compression === 'zstd'
        ? await zstd(tar, { params: { [constants.ZSTD_c_compressionLevel]: 3 } })
        : await gzip(tar, { level: 6 });
    return { digest: sha256(blob), size: blob.length, diffId: sha256(tar), blob, files };
  }
  const diff = createHash('sha256');
  const blobHash = createHash('sha256');
  const chunks: Buffer[] = [];
  await pipeline(
    Readable.from(tarStream(plan.entries)),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        diff.update(chunk);
        yield chunk;
      }
    },
    compressor(compression),
    async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        blobHash.update(chunk);
        chunks.push(chunk);
      }
    },
  );
  const blob = Buffer.concat(chunks);
  return {
    digest: `sha256:${blobHash.digest('hex')}`,
    size: blob.length,
    diffId: `sha256:${diff.digest('hex')}`,
    blob,
    files,
  };
}

/**
 * What the layer's entries look like on disk without reading them: names, types, modes, sizes,
 * mtimes (seconds, as the tar keeps them) and link targets. When it equals a layer of the cache this
 * tree was restored from, that layer is reused without reading or compressing anything — the quick
 * check rsync makes by default; a file rewritten with the same size within the same second of its
 * restored mtime is not noticed.
 */
export function layerStatId(plan: LayerPlan): string {
  return sha256(
    JSON.stringify(plan.entries.map((e) => [e.name, e.type, e.mode, e.mtime, e.size, e.linkname ?? ''])),
  );
}
