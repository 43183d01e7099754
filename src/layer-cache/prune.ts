import type { OciRepository } from '../oci/index.js';
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
  const groups = new Map<string, { tag: string; manifest: CacheManifest }[]>();
  for (const cache of caches) {
    const prefix = groupOf(cache.manifest.key, opts.keyPrefixes);
    const decision = describe(cache, prefix ?? '');
    if (prefix === undefined) {
      result.kept.push({ ...decision, reason: 'outside the given key prefixes' });
      continue;
    }
    // The version (path set and compression) and the scope (branch) are part of the group: a
    // branch's caches never push the default branch's out.
    const group = `${cache.manifest.version}|${cache.manifest.scope}|${prefix}`;
    groups.set(group, [...(groups.get(group) ?? []), cache]);
  }

  const doomed: PruneDecision[] = [];
  for (const members of groups.values()) {
    members.sort((a, b) => Date.parse(b.manifest.created) - Date.parse(a.manifest.created));
    members.forEach((cache, rank) => {
      const decision = describe(cache, groupOf(cache.manifest.key, opts.keyPrefixes)!);
      const age = opts.now - Date.parse(cache.manifest.created);
      let reason: string | undefined;
      if (opts.keepLast !== undefined && rank >= opts.keepLast)
        reason = `not among the newest ${opts.keepLast}`;
      else if (opts.maxAgeMs !== undefined && age > opts.maxAgeMs)
        reason = `older than ${Math.round(opts.maxAgeMs / 3_600_000)} h`;
      if (reason && cache.manifest.runId === opts.runId && opts.runId !== '') {
        result.kept.push({ ...decision, reason: 'written in this workflow run' });
      } else if (reason) doomed.push({ ...decision, reason });
      else
        result.kept.push({ ...decision, reason: rank === 0 ? 'newest of its group' : 'within the limits' });
    });
  }

  // Registry 2.8 deletes by digest, which removes every tag on it: never delete one a kept tag uses.
  const keptDigests = new Set(result.kept.map((k) => k.digest));
  for (const decision of doomed) {
    if (keptDigests.has(decision.digest)) {
      result.kept.push({ ...decision, reason: 'shares its manifest with a kept cache' });
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
