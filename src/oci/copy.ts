import type { RegistryRepository } from './client.js';
import {
  isIndex,
  type Descriptor,
  type ImageIndex,
  type ImageManifest,
  type Manifest,
} from './media-types.js';
import type { OciRepository } from './repository.js';

/** A manifest and everything below it, read (and digest-verified) from the source before any write. */
export interface ManifestTree {
  top: Manifest;
  /** Child manifests of an index (depth first, children before parents), excluding the top. */
  children: Manifest[];
  /** Every blob (configs, layers) the tree needs, once each. */
  blobs: Descriptor[];
}

export async function readTree(repo: OciRepository, ref: string): Promise<ManifestTree> {
  const top = await repo.getManifest(ref);
  const children: Manifest[] = [];
  const blobs = new Map<string, Descriptor>();
  const seen = new Set<string>([top.descriptor.digest]);
  const visit = async (manifest: Manifest, depth: number): Promise<void> => {
    if (isIndex(manifest.descriptor.mediaType)) {
      if (depth > 8)
        throw new Error(`${repo.display}@${top.descriptor.digest}: indexes nested more than 8 deep`);
      for (const child of (manifest.json as ImageIndex).manifests ?? []) {
        if (seen.has(child.digest)) continue;
        seen.add(child.digest);
        const loaded = await repo.getManifest(child.digest);
        await visit(loaded, depth + 1);
        children.push(loaded);
      }
      return;
    }
    const json = manifest.json as ImageManifest;
    for (const blob of [json.config, ...(json.layers ?? [])])
      if (blob && !blobs.has(blob.digest)) blobs.set(blob.digest, blob);
  };
  await visit(top, 0);
  return { top, children, blobs: [...blobs.values()] };
}

export interface CopyStats {
  blobsMounted: number;
  blobsCopied: number;
  blobsPresent: number;
  bytesCopied: number;
  manifestsPushed: number;
}

export function emptyStats(): CopyStats {
  return { blobsMounted: 0, blobsCopied: 0, blobsPresent: 0, bytesCopied: 0, manifestsPushed: 0 };
}

export interface CopyOptions {
  /** Blobs copied at once. */
  concurrency: number;
  stats: CopyStats;
  /** Tries per streamed blob: a connection reset mid-body restarts that blob's copy. */
  attempts?: number;
  onRetry?: (message: string) => void;
}

/**
 * Copy blobs into `dst`: skipped when present, mounted when both are repositories of one registry
 * (no bytes through this process), otherwise streamed source → destination with the digest
 * verified on the way; never more than `concurrency` at once and never a whole blob in memory.
 */
export async function copyBlobs(
  src: OciRepository,
  dst: OciRepository,
  blobs: Descriptor[],
  options: CopyOptions,
): Promise<void> {
  const attempts = options.attempts ?? 3;
  await forEachLimit(blobs, options.concurrency, async (blob) => {
    if (await dst.hasBlob(blob.digest)) {
      options.stats.blobsPresent += 1;
      return;
    }
    if (
      src.kind === 'registry' &&
      dst.kind === 'registry' &&
      (src as RegistryRepository).registry === (dst as RegistryRepository).registry
    ) {
      if (await (dst as RegistryRepository).mountBlob(blob, src as RegistryRepository)) {
        options.stats.blobsMounted += 1;
        return;
      }
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const stream = await src.openBlob(blob);
        await dst.pushBlob(blob, stream);
        break;
      } catch (error) {
        if (attempt >= attempts) throw error;
        options.onRetry?.(
          `copy of blob ${blob.digest} failed (${(error as Error).message}); try ${attempt + 1}/${attempts}`,
        );
      }
    }
    options.stats.blobsCopied += 1;
    options.stats.bytesCopied += blob.size;
  });
}

/**
 * Copy a manifest tree by digest: blobs, then child manifests (children before their index), then
 * the top manifest. No tag is written; manifests already present are not pushed again.
 */
export async function copyTree(
  src: OciRepository,
  dst: OciRepository,
  tree: ManifestTree,
  options: CopyOptions,
): Promise<void> {
  await copyBlobs(src, dst, tree.blobs, options);
  for (const manifest of [...tree.children, tree.top]) {
    if (await dst.resolve(manifest.descriptor.digest)) continue;
    await dst.putManifest(manifest.bytes, manifest.descriptor.mediaType, manifest.descriptor.digest);
    options.stats.manifestsPushed += 1;
  }
}

/** Run fn over items with at most `limit` running; the first failure is thrown after the rest settle. */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (next < items.length && failure === undefined) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== undefined) throw failure;
}
