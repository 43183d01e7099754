/**
 * What retention would delete in one repository, and why: pure, over an inventory read whole.
 *
 * Every digest is first classed by its own rules: a digest with a tag is kept when any of its tags
 * is kept (a keep-tags pattern, an environment's tag, or no expire rule matching, or an expire rule
 * not yet due) and a candidate when all its tags expired; an untagged digest nothing references is a
 * candidate once expire-untagged says so. A digest promoted to an environment within that
 * environment's keep window (its last N, or within keep-within) is kept whatever its tags say.
 * Then everything a kept digest references (an index's children, its referrers, their referrers) is
 * kept; what candidates reference is deleted with them unless kept. So the delete set and the kept
 * closure never meet (the property test checks exactly that).
 */
import { ATTACHMENT_TAG } from './constants.js';
import type { EnvironmentRule, RepositoryPolicy } from './policy.js';
import { closure, judge, rank } from './rules.js';

export interface ManifestInfo {
  digest: string;
  mediaType: string;
  /** Bytes of the manifest itself. */
  size: number;
  /** Creation time (ms): the manifest's `org.opencontainers.image.created`, the image config's `created`, or the package version's. */
  created?: number;
  /** An index's manifests. */
  children: string[];
  /** Config and layers. */
  blobs: { digest: string; size: number }[];
  subject?: string;
}

export interface Promotion {
  /** The destination or stable tag a promotion record names. */
  tag: string;
  digest: string;
  time: number;
}

export interface Inventory {
  /** tag → digest, every tag of the repository. */
  tags: Map<string, string>;
  /** Every manifest known: tagged, referenced, or named by a promotion record (and still present). */
  manifests: Map<string, ManifestInfo>;
  /** subject digest → referrer digests. */
  referrers: Map<string, string[]>;
  promotions: Promotion[];
}

export interface PlannedDeletion {
  digest: string;
  tags: string[];
  /** The rule that let it go: `expire-tags[0] pr-*`, `expire-untagged`, `with <digest>` (referenced by a deleted one). */
  rule: string;
  reason: string;
  created?: string;
  /** Its latest promotion, when records name one. */
  lastPromotion?: { environment: string; time: string };
  /** Manifest bytes plus blobs no kept manifest uses (reclaimed at the registry's next garbage collection). */
  bytes: number;
}

export interface KeptDigest {
  digest: string;
  tags: string[];
  reason: string;
}

export interface RetentionPlan {
  repository: string;
  /** In a safe order: what references a digest goes after it (children and referrers first). */
  deletions: PlannedDeletion[];
  kept: KeptDigest[];
  bytesFreed: number;
}

const DAY = 86_400_000;

export function formatAge(ms: number): string {
  if (!Number.isFinite(ms)) return 'unknown';
  if (ms >= DAY) return `${Math.floor(ms / DAY)}d`;
  if (ms >= 3_600_000) return `${Math.floor(ms / 3_600_000)}h`;
  return `${Math.max(0, Math.floor(ms / 60_000))}m`;
}

export function environmentOf(rules: readonly EnvironmentRule[], tag: string): EnvironmentRule | undefined {
  return rules.find((env) => env.tags.some((t) => t.test(tag)));
}

export function planRetention(policy: RepositoryPolicy, inv: Inventory, now: number): RetentionPlan {
  const tagsOf = new Map<string, string[]>();
  const attachments = new Map<string, string[]>();
  const plainTags: { tag: string; digest: string }[] = [];
  // Sorted: the listing's order depends on which HEAD answered first; a plan must not.
  for (const [tag, digest] of [...inv.tags].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const attached = ATTACHMENT_TAG.exec(tag);
    if (attached) {
      // Follows its subject: kept with it, deleted with it.
      const subject = `sha256:${attached[1]}`;
      if (inv.manifests.has(subject)) {
        attachments.set(subject, [...(attachments.get(subject) ?? []), digest]);
        push(tagsOf, digest, tag);
        continue;
      }
    }
    push(tagsOf, digest, tag);
    plainTags.push({ tag, digest });
  }
  const edges = (digest: string): string[] => {
    const m = inv.manifests.get(digest);
    return [...(m?.children ?? []), ...(inv.referrers.get(digest) ?? []), ...(attachments.get(digest) ?? [])];
  };
  const created = (digest: string) => inv.manifests.get(digest)?.created ?? Number.NaN;
  // Unknown age: never old enough for an age rule.
  const ageTime = (digest: string) => (Number.isNaN(created(digest)) ? now : created(digest));

  const keepRoots = new Map<string, string>();
  const candidates = new Map<string, { rule: string; reason: string }>();
  const keep = (digest: string, reason: string) => {
    if (!keepRoots.has(digest)) keepRoots.set(digest, reason);
  };

  // Environments: the last N digests promoted there, and every one promoted within keep-within.
  const lastPromotion = new Map<string, { environment: string; time: number }>();
  const perEnv = new Map<string, Map<string, number>>();
  for (const p of inv.promotions) {
    const env = environmentOf(policy.environments, p.tag);
    const name = env?.name ?? p.tag;
    const seen = lastPromotion.get(p.digest);
    if (!seen || seen.time < p.time) lastPromotion.set(p.digest, { environment: name, time: p.time });
    if (!env) continue;
    const digests = perEnv.get(env.name) ?? new Map<string, number>();
    perEnv.set(env.name, digests);
    digests.set(p.digest, Math.max(digests.get(p.digest) ?? Number.NEGATIVE_INFINITY, p.time));
  }
  for (const env of policy.environments) {
    const promoted = [...(perEnv.get(env.name) ?? new Map<string, number>())].map(([digest, time]) => ({
      digest,
      time,
    }));
    const ranked = rank(
      promoted,
      { group: () => env.name, time: (p) => p.time },
      { keepLast: env.keepLast, maxAgeMs: env.keepWithinMs },
      now,
      'any',
    );
    for (const r of ranked)
      if (!r.expired)
        keep(
          r.item.digest,
          `promoted to ${env.name} ${formatAge(r.ageMs)} ago (#${r.rank + 1} of its last ${env.keepLast}${env.keepWithinMs !== undefined ? `, or within ${formatAge(env.keepWithinMs)}` : ''})`,
        );
  }

  // Tags: protected ones first, then the first expire rule that matches, ranked by the shared engine.
  const tagVerdict = new Map<string, { keep: boolean; reason: string; rule?: string }>();
  const byRule: { tag: string; digest: string; rule: number }[] = [];
  for (const t of plainTags) {
    const protector = policy.keepTags.find((p) => p.test(t.tag));
    if (protector) {
      tagVerdict.set(t.tag, { keep: true, reason: `tag ${t.tag} (keep-tags ${protector.pattern})` });
      continue;
    }
    const env = environmentOf(policy.environments, t.tag);
    if (env) {
      tagVerdict.set(t.tag, { keep: true, reason: `tag ${t.tag} (environment ${env.name})` });
      continue;
    }
    const rule = policy.expireTags.findIndex((r) => r.pattern.test(t.tag));
    if (rule < 0) {
      tagVerdict.set(t.tag, { keep: true, reason: `tag ${t.tag} (no expire rule matches)` });
      continue;
    }
    byRule.push({ ...t, rule });
  }
  policy.expireTags.forEach((rule, index) => {
    // Kept while within the age, or among the rule's newest keep-last.
    const ranked = rank(
      byRule.filter((t) => t.rule === index),
      { group: () => String(index), time: (t) => ageTime(t.digest) },
      { keepLast: rule.keepLast, maxAgeMs: rule.afterMs },
      now,
      'any',
    );
    const name = `expire-tags[${index}] ${rule.pattern.pattern}`;
    for (const v of judge(ranked, (r) =>
      r.expired
        ? `tag ${r.item.tag} is ${formatAge(r.ageMs)} old (${rule.pattern.pattern} after ${formatAge(rule.afterMs)})`
        : `tag ${r.item.tag} (${rule.pattern.pattern}: ${formatAge(r.ageMs)} old, ${r.beyondAge ? `among the newest ${rule.keepLast}` : `within ${formatAge(rule.afterMs)}`})`,
    ))
      tagVerdict.set(v.item.tag, { keep: v.keep, reason: v.reason, rule: name });
  });
  for (const [digest, tags] of tagsOf) {
    const plain = tags.filter((t) => tagVerdict.has(t));
    if (!plain.length) continue;
    const kept = plain.find((t) => tagVerdict.get(t)!.keep);
    if (kept) keep(digest, tagVerdict.get(kept)!.reason);
    else {
      const first = tagVerdict.get(plain[0]!)!;
      candidates.set(digest, {
        rule: first.rule!,
        reason: plain.map((t) => tagVerdict.get(t)!.reason).join('; '),
      });
    }
  }

  // Untagged: what no plainly tagged or promoted digest reaches.
  const reached = closure([...new Set([...plainTags.map((t) => t.digest), ...lastPromotion.keys()])], edges);
  const untagged = [...inv.manifests.keys()].filter((d) => !reached.has(d));
  for (const digest of untagged) {
    if (keepRoots.has(digest)) continue;
    const [r] = rank(
      [digest],
      { group: () => '', time: ageTime },
      { maxAgeMs: policy.expireUntaggedAfterMs },
      now,
    );
    if (policy.expireUntaggedAfterMs !== undefined && r!.expired)
      candidates.set(digest, {
        rule: 'expire-untagged',
        reason: `untagged, ${formatAge(r!.ageMs)} old (after ${formatAge(policy.expireUntaggedAfterMs)})`,
      });
    else
      keep(
        digest,
        policy.expireUntaggedAfterMs === undefined
          ? 'untagged (no expire-untagged rule)'
          : `untagged, ${formatAge(r!.ageMs)} old (within ${formatAge(policy.expireUntaggedAfterMs)})`,
      );
  }
  // Promoted but out of every window, and not otherwise a candidate: it goes only by its tags' rules.
  for (const digest of lastPromotion.keys())
    if (inv.manifests.has(digest) && !keepRoots.has(digest) && !candidates.has(digest) && !tagsOf.has(digest))
      keep(digest, 'promoted earlier, untagged, and reached by no expire rule');

  const keptVia = closure(keepRoots.keys(), edges);
  const doomedVia = closure(candidates.keys(), edges);

  // Delete order: post-order from each candidate, so children and referrers go before what names
  // them (a failure midway leaves every remaining digest still reachable from a tag for the rerun).
  const order: string[] = [];
  const visited = new Set<string>();
  const visit = (digest: string) => {
    if (visited.has(digest) || keptVia.has(digest) || !inv.manifests.has(digest)) return;
    visited.add(digest);
    for (const next of edges(digest)) visit(next);
    order.push(digest);
  };
  for (const digest of [...candidates.keys()].sort()) visit(digest);

  const keptBlobs = new Set<string>();
  for (const digest of keptVia.keys())
    for (const blob of inv.manifests.get(digest)?.blobs ?? []) keptBlobs.add(blob.digest);
  const counted = new Set<string>();
  const deletions = order.map((digest): PlannedDeletion => {
    const m = inv.manifests.get(digest)!;
    let bytes = m.size;
    for (const blob of m.blobs) {
      if (keptBlobs.has(blob.digest) || counted.has(blob.digest)) continue;
      counted.add(blob.digest);
      bytes += blob.size;
    }
    const own = candidates.get(digest);
    const parent = doomedVia.get(digest)!;
    const promoted = lastPromotion.get(digest);
    return {
      digest,
      tags: tagsOf.get(digest) ?? [],
      rule: own?.rule ?? `with ${parent}`,
      reason: own?.reason ?? `referenced by ${parent}, which is deleted`,
      created: Number.isNaN(created(digest)) ? undefined : new Date(created(digest)).toISOString(),
      lastPromotion: promoted
        ? { environment: promoted.environment, time: new Date(promoted.time).toISOString() }
        : undefined,
      bytes,
    };
  });
  const kept: KeptDigest[] = [...keptVia].map(([digest, via]) => ({
    digest,
    tags: tagsOf.get(digest) ?? [],
    reason: keepRoots.get(digest) ?? `referenced by kept ${via}`,
  }));
  return {
    repository: policy.text,
    deletions,
    kept,
    bytesFreed: deletions.reduce((sum, d) => sum + d.bytes, 0),
  };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
