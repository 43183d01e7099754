import type { OciRepository } from '../oci/index.js';
import { judge, rank, spareShared } from '../retention/rules.js';
import { errorMessage } from '../runtime/errors.js';
import { loadManifest } from './cache.js';
import type { CacheManifest } from './manifest.js';

export interface PruneOptions {
  store: OciRepository;
  keepLast?: number;
  maxAgeMs?: number;
  /** Group caches by these key prefixes; empty: by the key without its last '-' part. */
  keyPrefixes: string[];
  dryRun: boolean;
  /** Caches written by this workflow run are never deleted (a save in this run may still use them). */
  runId: string;
  now: number;
}

export interface PruneDecision {
  tag: string;
  key: string;
  created: string;
  digest: string;
  group: string;
  reason: string;
}

export interface PruneResult {
  deleted: PruneDecision[];
  kept: PruneDecision[];
  /** Tags that are not paths-mode caches (BuildKit refs, images): never touched. */
  ignored: number;
}

export function groupOf(key: string, prefixes: string[]): string | undefined {
  if (prefixes.length) return prefixes.find((p) => key.startsWith(p));
  const dash = key.lastIndexOf('-');
  return dash > 0 ? key.slice(0, dash + 1) : key;
}

export async function prune(opts: PruneOptions): Promise<PruneResult> {
  const result: PruneResult = { deleted: [], kept: [], ignored: 0 };
  const caches: { tag: string; manifest: CacheManifest }[] = [];
  let tags: string[];
  try {
    tags = await opts.store.tags();
  } catch (error) {
    // A partial listing would decide from part of the caches: a kept digest may be on a later page.
    throw new Error(
      `Nothing was pruned: the repository's tags could not be listed completely: ${errorMessage(error)}`,
    );
  }
  for (const tag of tags) {
    const manifest = await loadManifest(opts.store, tag).catch(() => undefined);
    if (manifest) caches.push({ tag, manifest });
    else result.ignored += 1;
  }
  const grouped: { tag: string; manifest: CacheManifest; prefix: string; group: string }[] = [];
  for (const cache of caches) {
    const prefix = groupOf(cache.manifest.key, opts.keyPrefixes);
    if (prefix === undefined) {
      result.kept.push({ ...describe(cache, ''), reason: 'outside the given key prefixes' });
      continue;
    }
    // The version (path set and compression) and the scope (branch) are part of the group: a
    // branch's caches never push the default branch's out.
    grouped.push({ ...cache, prefix, group: `${cache.manifest.version}|${cache.manifest.scope}|${prefix}` });
  }

  // The suite's one rule engine (src/retention/rules.ts): keep-last and TTL per group, both must
  // hold; this run's caches protected; a digest kept once is never deleted.
  const ranked = rank(
    grouped,
    { group: (c) => c.group, time: (c) => Date.parse(c.manifest.created) },
    { keepLast: opts.keepLast, maxAgeMs: opts.maxAgeMs },
    opts.now,
    'all',
  );
  const firstSeen = new Map<string, number>();
  for (const c of grouped) if (!firstSeen.has(c.group)) firstSeen.set(c.group, firstSeen.size);
  ranked.sort((a, b) => firstSeen.get(a.group)! - firstSeen.get(b.group)! || a.rank - b.rank);
  const verdicts = judge(
    ranked,
    (entry) =>
      entry.beyondCount
        ? `not among the newest ${opts.keepLast}`
        : entry.beyondAge
          ? `older than ${Math.round(opts.maxAgeMs! / 3_600_000)} h`
          : entry.rank === 0
            ? 'newest of its group'
            : 'within the limits',
    (cache) =>
      cache.manifest.runId === opts.runId && opts.runId !== '' ? 'written in this workflow run' : undefined,
  );
  for (const v of verdicts)
    if (v.keep) result.kept.push({ ...describe(v.item, v.item.prefix), reason: v.reason });

  // Registry 2.8 deletes by digest, which removes every tag on it: never delete one a kept tag uses.
  const spared = spareShared(
    verdicts.filter((v) => !v.keep),
    (c) => c.manifest.digest,
    'shares its manifest with a kept cache',
    new Set(result.kept.map((k) => k.digest)),
  );
  for (const v of spared) {
    const decision = { ...describe(v.item, v.item.prefix), reason: v.reason };
    if (v.keep) {
      result.kept.push(decision);
      continue;
    }
    if (!opts.dryRun) await opts.store.deleteManifest(decision.digest);
    result.deleted.push(decision);
  }
  return result;
}

function describe(cache: { tag: string; manifest: CacheManifest }, group: string): PruneDecision {
  const m = cache.manifest;
  return { tag: cache.tag, key: m.key, created: m.created, digest: m.digest, group, reason: '' };
}
