/**
 * Reading a repository whole, through src/oci: every tag (the listing follows Link pagination and
 * throws when it breaks off: a plan is never made from part of a listing), the digest of each, every
 * manifest those reach (an index's children, referrers, cosign tags), and promote's records on them
 * (which also name digests tags held before: untagged manifests the registry cannot list).
 */

import { CircuitOpenError, HttpTimeoutError, NetworkError } from '../net/index.js';
import {
  blobsOf,
  childrenOf,
  createLimiter,
  type Descriptor,
  type ImageManifest,
  type Manifest,
  type OciRepository,
  RegistryError,
} from '../oci/index.js';
import { PROMOTION_ARTIFACT_TYPE } from '../promote/constants.js';
import { readRecords } from '../promote/records.js';
import { errorMessage } from '../runtime/errors.js';
import { ATTACHMENT_TAG } from './constants.js';
import type { Inventory, ManifestInfo, Promotion } from './plan.js';

/** A listing that could not be read whole: nothing may be planned (or deleted) from it. */
export class PartialListingError extends Error {
  override name = 'PartialListingError';
}

export interface ReadOptions {
  concurrency: number;
  warn(message: string): void;
  /** Tags and version times from elsewhere (GitHub Packages): no tag listing, no HEAD per tag. */
  listing?: { tags: Map<string, string>; created: Map<string, number>; untagged: string[] };
}

const CONFIG_LIMIT = 1024 * 1024;

export async function readInventory(repo: OciRepository, options: ReadOptions): Promise<Inventory> {
  const limit = createLimiter(options.concurrency);
  const tags = new Map<string, string>();
  const created = new Map<string, number>(options.listing?.created ?? []);
  const pending: string[] = [...(options.listing?.untagged ?? [])];
  if (options.listing) {
    for (const [tag, digest] of options.listing.tags) tags.set(tag, digest);
  } else {
    for (const [tag, digest] of await readTags(repo, limit)) tags.set(tag, digest);
  }
  pending.push(...new Set(tags.values()));

  const attachments = new Set([...tags].filter(([tag]) => ATTACHMENT_TAG.test(tag)).map(([, d]) => d));
  const manifests = new Map<string, ManifestInfo>();
  const referrers = new Map<string, string[]>();
  const withRecords = new Set<string>();
  const attempted = new Set<string>();
  const read = async (digest: string) => {
    const manifest = await getIfPresent(repo, digest);
    if (!manifest) return;
    const info: ManifestInfo = {
      digest,
      mediaType: manifest.descriptor.mediaType,
      size: manifest.descriptor.size,
      created: created.get(digest) ?? (await createdOf(repo, manifest)),
      children: childrenOf(manifest).map((d) => d.digest),
      blobs: blobsOf(manifest).map((d) => ({ digest: d.digest, size: d.size })),
      subject: manifest.json.subject?.digest,
    };
    manifests.set(digest, info);
    pending.push(...info.children);
    if (info.subject || attachments.has(digest)) return;
    const listed = await repo.referrers(digest);
    if (listed.length)
      referrers.set(
        digest,
        listed.map((d) => d.digest),
      );
    pending.push(...listed.map((d) => d.digest));
    if (listed.some(isRecord)) withRecords.add(digest);
  };
  const promotions: Promotion[] = [];
  const recordsRead = new Set<string>();
  while (pending.length) {
    const batch = [...new Set(pending.splice(0))].filter((d) => !attempted.has(d));
    for (const d of batch) attempted.add(d);
    await Promise.all(batch.map((digest) => limit(() => read(digest))));
    // promote's records: which environment tag held which digest when; they name earlier digests too.
    const subjects = [...withRecords].filter((d) => !recordsRead.has(d));
    for (const d of subjects) recordsRead.add(d);
    const records = await Promise.all(
      subjects.map((digest) => limit(() => readRecords(repo, digest, options.warn))),
    );
    for (const record of records.flat()) {
      // A refusal moved nothing: counting it would push a real rollback target out of keep-last.
      if (record.kind === 'refusal') continue;
      const time = Date.parse(record.time);
      for (const destination of record.destinations) {
        // By repository path: the registry may be reached by another name than at promotion time.
        if (!sameRepository(destination?.repository, repo.display) || typeof destination.tag !== 'string')
          continue;
        promotions.push({ tag: destination.tag, digest: record.digest, time });
        if (typeof destination.previous === 'string') pending.push(destination.previous);
      }
    }
  }
  // An index has no config: it is as old as its newest child.
  for (const info of manifests.values()) {
    if (info.created !== undefined || !info.children.length) continue;
    const times = info.children
      .map((c) => manifests.get(c)?.created)
      .filter((t): t is number => t !== undefined);
    if (times.length) info.created = Math.max(...times);
  }
  return { tags, manifests, referrers, promotions };
}

/** Every tag of the repository and the digest it points to now (one HEAD per tag). */
export async function readTags(
  repo: OciRepository,
  limit: ReturnType<typeof createLimiter>,
): Promise<Map<string, string>> {
  const tags = new Map<string, string>();
  let names: string[];
  try {
    names = await repo.tags();
  } catch (error) {
    // Not reached at all: the caller names the registry and the fix.
    if (
      error instanceof NetworkError ||
      error instanceof HttpTimeoutError ||
      error instanceof CircuitOpenError
    )
      throw error;
    throw new PartialListingError(
      `the tags of ${repo.display} could not be listed completely, so nothing was planned or deleted: ${errorMessage(error)}`,
    );
  }
  await Promise.all(
    names.map((tag) =>
      limit(async () => {
        const found = await repo.resolve(tag);
        // A tag deleted since the listing: nothing to decide about.
        if (found) tags.set(tag, found.digest);
      }),
    ),
  );
  return tags;
}

function sameRepository(recorded: unknown, display: string): boolean {
  if (typeof recorded !== 'string') return false;
  const path = (name: string) => name.slice(name.indexOf('/') + 1);
  return path(recorded) === path(display);
}

function isRecord(descriptor: Descriptor): boolean {
  return descriptor.artifactType === PROMOTION_ARTIFACT_TYPE;
}

async function getIfPresent(repo: OciRepository, digest: string): Promise<Manifest | undefined> {
  try {
    return await repo.getManifest(digest);
  } catch (error) {
    // Deleted since (a rerun after a partial apply), or a record's earlier digest long gone.
    if (error instanceof RegistryError && error.notFound) return undefined;
    throw error;
  }
}

/** When the manifest was made: its annotation, else its image config's `created`. */
async function createdOf(repo: OciRepository, manifest: Manifest): Promise<number | undefined> {
  const annotated = Date.parse(manifest.json.annotations?.['org.opencontainers.image.created'] ?? '');
  if (!Number.isNaN(annotated)) return annotated;
  const config = (manifest.json as ImageManifest).config;
  if (
    !config ||
    config.size > CONFIG_LIMIT ||
    !/json/.test(config.mediaType) ||
    // An artifact (a signature, an SBOM) says its type; its config is no image config.
    (manifest.json as { artifactType?: string }).artifactType
  )
    return undefined;
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await repo.openBlob(config)) chunks.push(Buffer.from(chunk));
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { created?: unknown };
    const time = typeof parsed.created === 'string' ? Date.parse(parsed.created) : Number.NaN;
    return Number.isNaN(time) ? undefined : time;
  } catch {
    return undefined;
  }
}
