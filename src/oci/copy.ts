import type { RegistryRepository } from './client.js';
import {
  childrenOf,
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

/** Runs functions with at most a fixed number unsettled at once; the rest wait their turn, in order. */
export type Limiter = <T>(fn: () => Promise<T>) => Promise<T>;

export function createLimiter(limit: number): Limiter {
  const max = Math.max(1, Math.floor(limit));
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await fn();
    } finally {
      // The slot passes straight to the next waiter, so `running` never exceeds `max`.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

export interface ReadTreeOptions {
  /** Manifests read at once (default 6), unless `limit` is given. */
  concurrency?: number;
  /** A limiter shared with other reads of the same repository, so all of them stay within it together. */
  limit?: Limiter;
}

/**
 * The tree under a reference, or under a top manifest already read. An index's children are read
 * at most `concurrency` at once, however many it lists and however deep they nest: the limiter
 * wraps each manifest read, never a recursion, so nested indexes cannot wait on their own parents.
 */
export async function readTree(
  repo: OciRepository,
  ref: string | Manifest,
  options: ReadTreeOptions = {},
): Promise<ManifestTree> {
  const limit = options.limit ?? createLimiter(options.concurrency ?? 6);
  const top = typeof ref === 'string' ? await limit(() => repo.getManifest(ref)) : ref;
  const children: Manifest[] = [];
  const blobs = new Map<string, Descriptor>();
  const seen = new Set<string>([top.descriptor.digest]);
  // After a failure, reads still queued are not sent: the tree cannot be complete anyway.
  let failure: unknown;
  const read = (digest: string) =>
    limit(async () => {
      if (failure !== undefined) throw failure;
      try {
        return await repo.getManifest(digest);
      } catch (error) {
        failure ??= error;
        throw error;
      }
    });
  const visit = async (manifest: Manifest, depth: number): Promise<void> => {
    if (isIndex(manifest.descriptor.mediaType)) {
      if (depth > 8)
        throw new Error(`${repo.display}@${top.descriptor.digest}: indexes nested more than 8 deep`);
      const fresh = ((manifest.json as ImageIndex).manifests ?? []).filter(
        (child) => !seen.has(child.digest),
      );
      for (const child of fresh) seen.add(child.digest);
      const loaded = await settleAll(fresh.map((child) => read(child.digest)));
      for (const child of loaded) {
        await visit(child, depth + 1);
        children.push(child);
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

/** Like Promise.all, but every read has ended (none left queued or running) before the first failure is thrown. */
async function settleAll<T>(promises: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
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
  /**
   * Work that runs once every blob of the tree is in place, alongside the manifests' PUTs (a
   * referrer of the top manifest, such as the promotion record: its subject need not exist yet).
   * copyTree ends when both have. Runs even when the tree was already complete.
   */
  alongsideManifests?: () => Promise<void>;
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
  let rest = blobs;
  if (src.kind === 'registry' && dst.kind === 'registry') {
    const from = src as RegistryRepository;
    const to = dst as RegistryRepository;
    if (from.registry === to.registry) {
      // A mount answers for a blob already present too. What the registry would not mount is
      // copied below. Mounts move no bytes, but running them wider than `concurrency` was measured
      // slower (registry 2.8 on two cores: 16 at once took longer than 4 to 6 at once).
      const unmounted: Descriptor[] = [];
      await forEachLimit(blobs, options.concurrency, async (blob) => {
        if (await to.mountBlob(blob, from)) options.stats.blobsMounted += 1;
        else unmounted.push(blob);
      });
      rest = unmounted;
    }
  }
  // What the destination has is asked all at once, so no stream waits on its own HEAD.
  const present = new Set<string>();
  await forEachLimit(rest, options.concurrency, async (blob) => {
    if (await dst.hasBlob(blob.digest)) present.add(blob.digest);
  });
  options.stats.blobsPresent += present.size;
  await forEachLimit(
    rest.filter((blob) => !present.has(blob.digest)),
    options.concurrency,
    async (blob) => {
      for (let attempt = 1; ; attempt++) {
        try {
          await dst.pushBlob(blob, () => src.openBlob(blob));
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
    },
  );
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
  // A manifest is only ever stored after everything it references, so a present top means a
  // complete tree. The check runs alongside the blob copy (a round trip saved on the usual path;
  // on a rerun the blobs are found present or mounted again, which moves no bytes).
  const blobStats = emptyStats();
  const [present, blobs] = await Promise.allSettled([
    dst.resolve(tree.top.descriptor.digest),
    copyBlobs(src, dst, tree.blobs, { ...options, stats: blobStats }),
  ]);
  if (present.status === 'rejected') throw present.reason;
  if (present.value) {
    // Everything was there before this copy began: nothing was mounted or copied for it.
    options.stats.blobsPresent += tree.blobs.length;
    await options.alongsideManifests?.();
    return;
  }
  if (blobs.status === 'rejected') throw blobs.reason;
  for (const key of Object.keys(blobStats) as (keyof CopyStats)[]) options.stats[key] += blobStats[key];
  await Promise.all([
    putManifests(dst, tree, options.stats, options.concurrency),
    options.alongsideManifests?.(),
  ]);
}

/**
 * Child manifests `concurrency` at once (an index of thousands of children never opens thousands of
 * connections), a nested index only after its own children, the top one last.
 */
async function putManifests(
  dst: OciRepository,
  tree: ManifestTree,
  stats: CopyStats,
  concurrency: number,
): Promise<void> {
  const put = async (manifest: Manifest) => {
    await dst.putManifest(manifest.bytes, manifest.descriptor.mediaType, manifest.descriptor.digest);
    stats.manifestsPushed += 1;
  };
  let pending = tree.children;
  while (pending.length) {
    const waiting = new Set(pending.map((m) => m.descriptor.digest));
    const ready = pending.filter((m) => childrenOf(m).every((c) => !waiting.has(c.digest)));
    await forEachLimit(ready, concurrency, put);
    pending = pending.filter((m) => !ready.includes(m));
  }
  await put(tree.top);
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
