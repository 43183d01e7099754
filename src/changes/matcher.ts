import { globTest, normalizeGlob, scanGlob } from '../glob/index.js';
import type { Quantifier } from './constants.js';
import { typeMask } from './diff.js';
import type { FilterDef } from './filters.js';

/**
 * Globs follow src/glob's rules (minimatch, keeping dorny/paths-filter's behaviour): `.` files
 * match like any other (`**` covers `.github/…`), case-sensitive, `*` and `**` match names holding
 * a newline, and a broken glob throws instead of silently never matching.
 */

/** `./src/**` is `src/**`. */
export const normalizePattern = normalizeGlob;

/** Throws GlobError when the pattern cannot be parsed. */
export function compilePattern(pattern: string): (path: string) => boolean {
  return globTest(pattern);
}

/** With dot: true, `**` and `*` still never match a `.` or `..` path segment. */
function hasDotSegment(path: string, from: number, to: number): boolean {
  for (let i = from; i < to; ) {
    if (path.charCodeAt(i) === 46) {
      const next = path.charCodeAt(i + 1) === 46 ? i + 2 : i + 1;
      if (next >= to || path.charCodeAt(next) === 47) return true;
    }
    const slash = path.indexOf('/.', i);
    if (slash === -1) return false;
    i = slash + 1;
  }
  return false;
}

/**
 * A test for one pattern. The two shapes that dominate real filters (everything under a directory,
 * and every file with one extension under a directory) are checked with string operations that give
 * exactly the glob's own answer for paths as git lists them (the property test in
 * test/changes/matcher.test.ts compares the two); every other pattern runs its regex.
 */
export function compileTest(pattern: string): (path: string) => boolean {
  const scan = scanGlob(pattern);
  const base = scan.base;
  const prefix = base === '' ? '' : `${base}/`;
  if (scan.isGlob && !pattern.includes('\\')) {
    if (scan.glob === '**') {
      if (base === '') return (path) => !hasDotSegment(path, 0, path.length);
      return (path) =>
        path === base || (path.startsWith(prefix) && !hasDotSegment(path, prefix.length, path.length));
    }
    const extension = /^\*\*\/\*(\.[^*?[\]{}()!+@\\/|]+)$/.exec(scan.glob)?.[1];
    if (extension !== undefined) {
      return (path) => {
        if (!path.endsWith(extension) || (prefix !== '' && !path.startsWith(prefix))) return false;
        const slash = path.lastIndexOf('/');
        return slash < prefix.length - 1 || !hasDotSegment(path, prefix.length, slash);
      };
    }
  }
  return compilePattern(pattern);
}

const STAR_EXTENSION = /^\*\.([^*?[\]{}()!+@\\/|]+)$/;
const LITERAL = /^[^*?[\]{}()!+@\\|]+$/;

/** What a path matcher sees of one change: the path, and the change types it counts as. */
export interface MatchEntry {
  path: string;
  /** The change types this path counts as (typeMask). */
  types: number;
}

interface RuleRef {
  filter: number;
  negated: boolean;
  /** typeMask of the rule's change types; 0 = any change. */
  types: number;
}

interface Bucket {
  byExtension: Map<string, number[]>;
  any: number[];
}

interface Directory extends Bucket {
  /** Patterns matching one full path in this directory, by file name (literals, `dir/**` matching `dir`). */
  self?: Map<string, number[]>;
}

function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash ? path.slice(dot + 1) : '';
}

/**
 * Every distinct pattern compiled once and indexed by its literal directory prefix and, where the
 * last segment fixes it (`*.ts`, `schema.graphql`), by extension. A path meets only the patterns
 * under its own directories (and literals naming it), so a monorepo's thousands of files do not
 * each run every pattern.
 */
export class FilterSet {
  private readonly tests: ((path: string) => boolean)[] = [];
  private readonly refs: RuleRef[][] = [];
  private readonly buckets = new Map<string, Bucket>();
  /** Patterns that can match a path only by its full text: literals, and `dir/**` matching `dir` itself. */
  private readonly self = new Map<string, number[]>();
  private readonly directories = new Map<string, Directory>();
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
          id = this.tests.length;
          ids.set(rule.pattern, id);
          this.tests.push(compileTest(rule.pattern));
          this.refs.push([]);
          this.index(rule.pattern, id);
        }
        this.refs[id]!.push({
          filter: index,
          negated: rule.negated,
          types: rule.types ? typeMask(...rule.types) : 0,
        });
      }
      if (filter.rules.length > 0 && this.positives[index] === 0) this.onlyExclusions.push(index);
    });
    this.hits = new Int32Array(filters.length);
    this.stamp = new Int32Array(filters.length);
    this.excluded = new Int32Array(filters.length);
  }

  get patternCount(): number {
    return this.tests.length;
  }

  private index(pattern: string, id: number): void {
    const scan = scanGlob(pattern);
    if (pattern.includes('\\')) {
      this.add('', undefined, id);
      return;
    }
    if (!scan.isGlob) {
      this.addSelf(scan.base, id);
      return;
    }
    // A file can match only if its extension equals the one the last segment fixes (`*.ts`, `schema.graphql`).
    const lastSegment = scan.glob.slice(scan.glob.lastIndexOf('/') + 1);
    const starExtension = STAR_EXTENSION.exec(lastSegment)?.[1];
    const extension =
      starExtension !== undefined
        ? extensionOf(`x.${starExtension}`)
        : LITERAL.test(lastSegment)
          ? extensionOf(lastSegment)
          : undefined;
    this.add(scan.base, extension, id);
  }

  private addSelf(path: string, id: number): void {
    const list = this.self.get(path) ?? [];
    list.push(id);
    this.self.set(path, list);
  }

  private add(base: string, extension: string | undefined, id: number): void {
    if (base !== '') this.addSelf(base, id);
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

  /**
   * The candidates for every file in one directory: the buckets of the directory and all its
   * ancestors merged, computed once per directory (a diff's files share few directories).
   */
  private forDirectory(dir: string): Directory {
    let merged = this.directories.get(dir);
    if (merged) return merged;
    merged = { byExtension: new Map(), any: [] };
    for (const [path, ids] of this.self) {
      const slash = path.lastIndexOf('/');
      if ((slash === -1 ? '' : path.slice(0, slash)) !== dir) continue;
      merged.self ??= new Map();
      merged.self.set(path.slice(slash + 1), ids);
    }
    const buckets = [this.buckets.get('')];
    for (let slash = dir.indexOf('/'); slash !== -1; slash = dir.indexOf('/', slash + 1))
      buckets.push(this.buckets.get(dir.slice(0, slash)));
    if (dir !== '') buckets.push(this.buckets.get(dir));
    for (const bucket of buckets) {
      if (!bucket) continue;
      merged.any.push(...bucket.any);
      for (const [extension, ids] of bucket.byExtension)
        merged.byExtension.set(extension, [...(merged.byExtension.get(extension) ?? []), ...ids]);
    }
    this.directories.set(dir, merged);
    return merged;
  }

  /** Run the candidate patterns on one entry, counting hits and exclusions per filter. */
  private test(entry: MatchEntry, ids: readonly number[], generation: number): void {
    for (const id of ids) {
      if (!this.tests[id]!(entry.path)) continue;
      for (const ref of this.refs[id]!) {
        if (ref.types !== 0 && (ref.types & entry.types) === 0) continue;
        if (this.stamp[ref.filter] !== generation) {
          this.stamp[ref.filter] = generation;
          this.hits[ref.filter] = 0;
          this.excluded[ref.filter] = 0;
          this.touched.push(ref.filter);
        }
        if (ref.negated) this.excluded[ref.filter] = 1;
        else this.hits[ref.filter]! += 1;
      }
    }
  }

  /**
   * For each entry, the filters that select it: positive patterns (every file when a filter has
   * none) minus `!` patterns, in any order. With `every`, all positive patterns must match (dorny's
   * documented meaning). A rule limited to change types counts only for entries of those types.
   */
  match(entries: readonly MatchEntry[]): string[][] {
    const selected: string[][] = this.filters.map(() => []);
    // git lists paths sorted, so neighbours mostly share a directory: reuse its candidates.
    let lastDirectory = '';
    let last: Directory | undefined;
    for (const entry of entries) {
      const generation = ++this.generation;
      this.touched.length = 0;
      const path = entry.path;
      const slash = path.lastIndexOf('/');
      const length = slash === -1 ? 0 : slash;
      if (!last || length !== lastDirectory.length || !path.startsWith(lastDirectory)) {
        lastDirectory = path.slice(0, length);
        last = this.forDirectory(lastDirectory);
      }
      const directory = last;
      const dot = path.lastIndexOf('.');
      this.test(entry, directory.any, generation);
      const byExtension = directory.byExtension.get(dot > slash ? path.slice(dot + 1) : '');
      if (byExtension) this.test(entry, byExtension, generation);
      const self = directory.self?.get(path.slice(slash + 1));
      if (self) this.test(entry, self, generation);
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
