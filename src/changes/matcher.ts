import picomatch from 'picomatch';
import type { ChangeType, Quantifier } from './constants.js';
import type { FilterDef } from './filters.js';

/**
 * Glob options: `.` files match like any other (`**` covers `.github/…`), case-sensitive, and the
 * `s` flag so `*` and `**` match names holding a newline. `debug` makes a broken glob throw
 * instead of silently never matching.
 */
const GLOB_OPTIONS: picomatch.PicomatchOptions = { dot: true, flags: 's', debug: true };

/** `./src/**` is `src/**`. */
export function normalizePattern(pattern: string): string {
  let out = pattern;
  while (out.startsWith('./')) out = out.slice(2);
  return out;
}

export function compilePattern(pattern: string): RegExp {
  return picomatch.makeRe(pattern, GLOB_OPTIONS);
}

/** What a path matcher sees of one change: the path, and the change types it counts as. */
export interface MatchEntry {
  path: string;
  types: ReadonlySet<ChangeType>;
}

interface RuleRef {
  filter: number;
  negated: boolean;
  types?: ReadonlySet<ChangeType>;
}

interface Bucket {
  byExtension: Map<string, number[]>;
  any: number[];
}

const EXTENSION_SEGMENT = /^\*\.([^*?[\]{}()!+@\\/]+)$/;

function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash ? path.slice(dot + 1) : '';
}

/**
 * Every distinct pattern compiled once and indexed by its literal directory prefix and, where the
 * last segment is `*.ext`, by extension. A path meets only the patterns under its own directories
 * (and exact literals for itself), so a monorepo's thousands of files do not each run every regex.
 */
export class FilterSet {
  private readonly regexes: RegExp[] = [];
  private readonly refs: RuleRef[][] = [];
  private readonly exact = new Map<string, number[]>();
  private readonly buckets = new Map<string, Bucket>();
  /** Per filter: how many positive rules it has (0 = every file, minus exclusions). */
  private readonly positives: number[];
  private readonly hits: Int32Array;
  private readonly stamp: Int32Array;
  private readonly excluded: Int32Array;
  private readonly touched: number[] = [];
  private readonly onlyExclusions: number[] = [];
  private generation = 0;

  constructor(
    readonly filters: readonly FilterDef[],
    private readonly quantifier: Quantifier,
  ) {
    const ids = new Map<string, number>();
    this.positives = filters.map((filter) => filter.rules.filter((r) => !r.negated).length);
    filters.forEach((filter, index) => {
      for (const rule of filter.rules) {
        let id = ids.get(rule.pattern);
        if (id === undefined) {
          id = this.regexes.length;
          ids.set(rule.pattern, id);
          this.regexes.push(compilePattern(rule.pattern));
          this.refs.push([]);
          this.index(rule.pattern, id);
        }
        this.refs[id]!.push({ filter: index, negated: rule.negated, types: rule.types });
      }
      if (filter.rules.length > 0 && this.positives[index] === 0) this.onlyExclusions.push(index);
    });
    this.hits = new Int32Array(filters.length);
    this.stamp = new Int32Array(filters.length);
    this.excluded = new Int32Array(filters.length);
  }

  get patternCount(): number {
    return this.regexes.length;
  }

  private index(pattern: string, id: number): void {
    const scan = picomatch.scan(pattern);
    if (pattern.includes('\\')) {
      this.add('', undefined, id);
      return;
    }
    if (!scan.isGlob) {
      const list = this.exact.get(pattern) ?? [];
      list.push(id);
      this.exact.set(pattern, list);
      return;
    }
    const lastSegment = scan.glob.slice(scan.glob.lastIndexOf('/') + 1);
    const extension = EXTENSION_SEGMENT.exec(lastSegment)?.[1];
    this.add(scan.base, extension === undefined ? undefined : extensionOf(`x.${extension}`), id);
  }

  private add(base: string, extension: string | undefined, id: number): void {
    let bucket = this.buckets.get(base);
    if (!bucket) {
      bucket = { byExtension: new Map(), any: [] };
      this.buckets.set(base, bucket);
    }
    if (extension === undefined) bucket.any.push(id);
    else {
      const list = bucket.byExtension.get(extension) ?? [];
      list.push(id);
      bucket.byExtension.set(extension, list);
    }
  }

  /** The ids of the patterns that could match path (a superset of those that do). */
  candidates(path: string, visit: (id: number) => void): void {
    const extension = extensionOf(path);
    const fromBucket = (bucket: Bucket | undefined) => {
      if (!bucket) return;
      for (const id of bucket.any) visit(id);
      const byExtension = bucket.byExtension.get(extension);
      if (byExtension) for (const id of byExtension) visit(id);
    };
    fromBucket(this.buckets.get(''));
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
      fromBucket(this.buckets.get(path.slice(0, slash)));
    }
    fromBucket(this.buckets.get(path));
    const exact = this.exact.get(path);
    if (exact) for (const id of exact) visit(id);
  }

  /**
   * For each entry, the filters that select it: positive patterns (every file when a filter has
   * none) minus `!` patterns, in any order. With `every`, all positive patterns must match (dorny's
   * documented meaning). A rule limited to change types counts only for entries of those types.
   */
  match(entries: readonly MatchEntry[]): string[][] {
    const selected: string[][] = this.filters.map(() => []);
    for (const entry of entries) {
      const generation = ++this.generation;
      this.touched.length = 0;
      this.candidates(entry.path, (id) => {
        if (!this.regexes[id]!.test(entry.path)) return;
        for (const ref of this.refs[id]!) {
          if (ref.types && !intersects(ref.types, entry.types)) continue;
          if (this.stamp[ref.filter] !== generation) {
            this.stamp[ref.filter] = generation;
            this.hits[ref.filter] = 0;
            this.excluded[ref.filter] = 0;
            this.touched.push(ref.filter);
          }
          if (ref.negated) this.excluded[ref.filter] = 1;
          else this.hits[ref.filter]! += 1;
        }
      });
      for (const filter of this.onlyExclusions) {
        if (this.stamp[filter] !== generation) selected[filter]!.push(entry.path);
      }
      for (const filter of this.touched) {
        if (this.excluded[filter]) continue;
        const positives = this.positives[filter]!;
        const hits = this.hits[filter]!;
        const ok = positives === 0 || (this.quantifier === 'every' ? hits >= positives : hits > 0);
        if (ok) selected[filter]!.push(entry.path);
      }
    }
    return selected;
  }
}

function intersects(a: ReadonlySet<ChangeType>, b: ReadonlySet<ChangeType>): boolean {
  for (const type of a) if (b.has(type)) return true;
  return false;
}
