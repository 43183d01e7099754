/**
 * Between a plan and its deletes another writer may point a tag at a planned digest: a rollback
 * re-tags an old image as production, a build pushes the same bytes under a new tag. A delete by
 * digest takes every tag on it along, so the tags are read again just before deleting, and every
 * planned digest a tag now points to that the plan did not see pointing there is spared, with what
 * it reaches (an index's children, referrers such as its signatures).
 */
import type { Inventory, KeptDigest, RetentionPlan } from './plan.js';

export interface SparedDigest {
  digest: string;
  /** The tags that point at it (or at what reaches it) now and did not when it was planned. */
  tags: string[];
}

export async function spareRetagged(
  plan: RetentionPlan,
  inventory: Pick<Inventory, 'tags' | 'manifests' | 'referrers'>,
  now: ReadonlyMap<string, string>,
  /** The children of a digest the inventory never read (a manifest pushed after the plan). */
  childrenOf: (digest: string) => Promise<string[]>,
): Promise<{ plan: RetentionPlan; spared: SparedDigest[] }> {
  const planned = new Set(plan.deletions.map((d) => d.digest));
  // Which new or moved tags reach each planned digest.
  const reachedBy = new Map<string, Set<string>>();
  for (const [tag, digest] of now) {
    if (inventory.tags.get(tag) === digest) continue;
    const seen = new Set<string>();
    const queue = [digest];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      if (planned.has(next)) {
        const tags = reachedBy.get(next) ?? new Set<string>();
        tags.add(tag);
        reachedBy.set(next, tags);
      }
      const known = inventory.manifests.get(next);
      queue.push(...(known ? known.children : await childrenOf(next)));
      queue.push(...(inventory.referrers.get(next) ?? []));
    }
  }
  if (reachedBy.size === 0) return { plan, spared: [] };
  const spared = plan.deletions
    .filter((d) => reachedBy.has(d.digest))
    .map((d) => ({ digest: d.digest, tags: [...reachedBy.get(d.digest)!].sort() }));
  const kept: KeptDigest[] = spared.map((s) => ({
    digest: s.digest,
    tags: s.tags,
    reason: `tagged ${s.tags.join(', ')} after the plan was made`,
  }));
  const deletions = plan.deletions.filter((d) => !reachedBy.has(d.digest));
  return {
    plan: {
      ...plan,
      deletions,
      kept: [...plan.kept, ...kept],
      // Blobs shared with a spared manifest were counted as freed: an upper bound, now lowered.
      bytesFreed: deletions.reduce((sum, d) => sum + d.bytes, 0),
    },
    spared,
  };
}
