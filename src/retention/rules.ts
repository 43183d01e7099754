/**
 * The suite's one retention rule engine: layer-cache's prune and registry-retention both decide with
 * it. Three mechanisms, each pure:
 *
 * - rank: items grouped, newest first within their group, each with its rank and age, judged
 *   against `keep-last` (a count) and a TTL (an age). `combine: 'all'` keeps an item only when it is
 *   within every given limit (prune: the newest N, and none older than the TTL); `'any'` keeps it when
 *   it is within one of them (retention's environments: the last N promoted, and every one promoted
 *   within the window).
 * - protect: an item a protection names is kept whatever the limits say (a cache written in this
 *   run; a digest live in an environment).
 * - spare: a digest kept for one reason is never deleted for another. Deleting is by digest (a
 *   registry's manifest DELETE removes every tag on it), so a doomed item sharing its digest with a
 *   kept one is kept; `closure` extends that to everything a kept digest references (an index's
 *   children, its referrers).
 */

export interface Limits {
  /** Items kept per group, newest first. */
  keepLast?: number;
  /** Age (ms) beyond which an item is out of this limit. */
  maxAgeMs?: number;
}

export type Combine = 'all' | 'any';

export interface Ranked<T> {
  item: T;
  group: string;
  /** 0 for the newest of its group. */
  rank: number;
  ageMs: number;
  /** Outside keep-last (when given). */
  beyondCount: boolean;
  /** Older than the TTL (when given). */
  beyondAge: boolean;
  /** The limits, combined, let it go. */
  expired: boolean;
}

export interface RankBy<T> {
  group(item: T): string;
  /** Creation time (ms since the epoch); NaN sorts last and is as old as can be. */
  time(item: T): number;
}

/** Every item ranked in its group, in the order the items were given. */
export function rank<T>(
  items: readonly T[],
  by: RankBy<T>,
  limits: Limits,
  now: number,
  combine: Combine = 'all',
): Ranked<T>[] {
  const groups = new Map<string, { item: T; index: number; time: number }[]>();
  items.forEach((item, index) => {
    const group = by.group(item);
    const members = groups.get(group) ?? [];
    if (!groups.has(group)) groups.set(group, members);
    members.push({ item, index, time: by.time(item) });
  });
  const out = new Array<Ranked<T>>(items.length);
  for (const [group, members] of groups) {
    // Stable: equal times keep the order given.
    members.sort((a, b) => orderable(b.time) - orderable(a.time));
    members.forEach((member, position) => {
      const ageMs = Number.isNaN(member.time) ? Number.POSITIVE_INFINITY : now - member.time;
      const beyondCount = limits.keepLast !== undefined && position >= limits.keepLast;
      const beyondAge = limits.maxAgeMs !== undefined && ageMs > limits.maxAgeMs;
      const given = (limits.keepLast !== undefined ? 1 : 0) + (limits.maxAgeMs !== undefined ? 1 : 0);
      const expired =
        given === 0
          ? false
          : combine === 'all'
            ? beyondCount || beyondAge
            : (limits.keepLast === undefined || beyondCount) && (limits.maxAgeMs === undefined || beyondAge);
      out[member.index] = {
        item: member.item,
        group,
        rank: position,
        ageMs,
        beyondCount,
        beyondAge,
        expired,
      };
    });
  }
  return out;
}

function orderable(time: number): number {
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

export interface Verdict<T> {
  item: T;
  keep: boolean;
  /** Why, in the caller's words. */
  reason: string;
}

/**
 * Ranked items to verdicts: an expired item is kept when `protect` names a reason; `why` words the
 * verdict either way.
 */
export function judge<T>(
  ranked: readonly Ranked<T>[],
  why: (entry: Ranked<T>) => string,
  protect: (item: T) => string | undefined = () => undefined,
): Verdict<T>[] {
  return ranked.map((entry) => {
    if (!entry.expired) return { item: entry.item, keep: true, reason: why(entry) };
    const protection = protect(entry.item);
    if (protection !== undefined) return { item: entry.item, keep: true, reason: protection };
    return { item: entry.item, keep: false, reason: why(entry) };
  });
}

/**
 * Doomed verdicts whose digest a kept verdict (or a digest in `alsoKept`) holds become kept, with
 * `reason`: a delete by digest would take the kept one with it.
 */
export function spareShared<T>(
  verdicts: readonly Verdict<T>[],
  digestOf: (item: T) => string,
  reason: string | ((digest: string) => string),
  alsoKept: ReadonlySet<string> = new Set(),
): Verdict<T>[] {
  const kept = new Set(alsoKept);
  for (const v of verdicts) if (v.keep) kept.add(digestOf(v.item));
  return verdicts.map((v) => {
    if (v.keep || !kept.has(digestOf(v.item))) return v;
    const digest = digestOf(v.item);
    return { item: v.item, keep: true, reason: typeof reason === 'string' ? reason : reason(digest) };
  });
}

/**
 * Every digest reachable from `roots` through `edges` (an index's children, a digest's referrers),
 * with the root that first reached it: what a kept digest needs kept along with it.
 */
export function closure(
  roots: Iterable<string>,
  edges: (digest: string) => Iterable<string>,
): Map<string, string> {
  const via = new Map<string, string>();
  const stack: string[] = [];
  for (const root of roots) {
    if (via.has(root)) continue;
    via.set(root, root);
    stack.push(root);
  }
  while (stack.length) {
    const digest = stack.pop()!;
    for (const next of edges(digest)) {
      if (via.has(next)) continue;
      via.set(next, digest);
      stack.push(next);
    }
  }
  return via;
}
