import { diffLockfiles, type LockChange, type LockfileKind } from '../lockfiles/index.js';
import { type Category, CATEGORIES } from './constants.js';
import { expandPackages } from './fingerprint.js';
import type { LockfileEntry, PipelineRecord } from './record.js';

export interface MovedTag {
  uses: string;
  before: string;
  after: string;
  from: string[];
}
export interface ImageChange {
  image: string;
  before: string;
  after: string;
  from: string[];
}
export interface DependencyChange extends LockChange {
  file: string;
}
export interface FileChange {
  file: string;
  change: 'added' | 'removed' | 'modified';
  /** For a lockfile read only by content hash, or one that could not be parsed on one side. */
  note?: string;
}
export interface ValueChange {
  name: string;
  before?: string;
  after?: string;
}
export interface UsesChange {
  name: string;
  change: 'added' | 'removed';
  commit?: string;
}
export interface ConfigChange {
  scope: 'env' | 'vars';
  name: string;
  change: 'added' | 'removed' | 'changed';
}
export interface CodeChange {
  commits?: number;
  /** Top-level directory ('' for files at the root) -> files changed. */
  directories: Record<string, number>;
  files: number;
  /** Why the code diff is incomplete, when it is. */
  note?: string;
  /** The files could not be compared at all. */
  unknown?: boolean;
}

export interface PipelineDiff {
  v: 1;
  base: RunSide;
  head: RunSide;
  movedActionTags: MovedTag[];
  imageDigests: ImageChange[];
  dependencies: DependencyChange[];
  /** Lockfiles added, removed, or changed where only the content hash is known. */
  lockfiles: FileChange[];
  workflow: FileChange[];
  /** uses: references added or removed (a new version written in a workflow). */
  usesChanged: UsesChange[];
  runner: ValueChange[];
  toolchain: ValueChange[];
  config: ConfigChange[];
  code?: CodeChange;
}

export interface RunSide {
  run: string;
  attempt: number;
  sha: string;
  ref: string;
  time: number;
  url: string;
}

const side = (r: PipelineRecord): RunSide => ({
  run: r.run,
  attempt: r.attempt,
  sha: r.sha,
  ref: r.ref,
  time: r.time,
  url: r.url,
});

/** What changed from `base` (the last green run) to `head` (this run), category by category. */
export function diffRecords(base: PipelineRecord, head: PipelineRecord, code?: CodeChange): PipelineDiff {
  const movedActionTags: MovedTag[] = [];
  const usesChanged: UsesChange[] = [];
  for (const name of union(base.uses, head.uses)) {
    const before = base.uses[name];
    const after = head.uses[name];
    if (!before) usesChanged.push({ name, change: 'added', commit: after!.commit });
    else if (!after) usesChanged.push({ name, change: 'removed', commit: before.commit });
    else if (before.commit && after.commit && before.commit !== after.commit)
      movedActionTags.push({ uses: name, before: before.commit, after: after.commit, from: after.from });
  }
  const imageDigests: ImageChange[] = [];
  for (const name of union(base.images, head.images)) {
    const before = base.images[name];
    const after = head.images[name];
    if (before?.digest && after?.digest && before.digest !== after.digest)
      imageDigests.push({ image: name, before: before.digest, after: after.digest, from: after.from });
  }
  const dependencies: DependencyChange[] = [];
  const lockfiles: FileChange[] = [];
  for (const file of union(base.lockfiles, head.lockfiles)) {
    const before = base.lockfiles[file];
    const after = head.lockfiles[file];
    // Same blob, same packages: the common case costs a string comparison.
    if (before && after && before.blob === after.blob) continue;
    const readable = (entry: LockfileEntry | undefined) => entry === undefined || isParsed(entry);
    if (!readable(before) || !readable(after)) {
      // One side is known only by its content hash: the file changed, its packages cannot be compared.
      lockfiles.push({
        file,
        change: !before ? 'added' : !after ? 'removed' : 'modified',
        note: (after ?? before)?.error ?? 'recorded by content hash',
      });
      continue;
    }
    if (!before) lockfiles.push({ file, change: 'added' });
    else if (!after) lockfiles.push({ file, change: 'removed' });
    const [narrowBefore, narrowAfter] = onlyChangedNames(before, after);
    for (const change of diffLockfiles(parsed(narrowBefore), parsed(narrowAfter)).changes)
      dependencies.push({ file, ...change });
  }
  const workflow: FileChange[] = [];
  for (const file of union(base.files, head.files)) {
    const before = base.files[file];
    const after = head.files[file];
    if (before === after) continue;
    workflow.push({ file, change: !before ? 'added' : !after ? 'removed' : 'modified' });
  }
  const config: ConfigChange[] = [];
  for (const scope of ['env', 'vars'] as const) {
    const before = base.config[scope];
    const after = head.config[scope];
    for (const name of union(before, after)) {
      if (before[name] === after[name]) continue;
      config.push({
        scope,
        name,
        change: before[name] === undefined ? 'added' : after[name] === undefined ? 'removed' : 'changed',
      });
    }
  }
  return {
    v: 1,
    base: side(base),
    head: side(head),
    movedActionTags,
    imageDigests,
    dependencies,
    lockfiles,
    workflow,
    usesChanged,
    runner: values(base.runner, head.runner),
    toolchain: values(base.toolchain, head.toolchain),
    config,
    code,
  };
}

function isParsed(entry: LockfileEntry | undefined): boolean {
  return entry?.packages !== undefined && entry.kind !== undefined;
}

/**
 * Both sides cut down to the names whose entries differ (a version or the direct flag), so the
 * lockfile diff, which orders versions and merges copies, works on the few names that changed
 * rather than on every locked package. The result is the same: that diff decides name by name.
 */
function onlyChangedNames(
  before: LockfileEntry | undefined,
  after: LockfileEntry | undefined,
): [LockfileEntry | undefined, LockfileEntry | undefined] {
  if (!before?.packages || !after?.packages) return [before, after];
  const changed = changedNames(before.packages, after.packages);
  const pick = (entry: LockfileEntry) => ({
    ...entry,
    packages: entry.packages!.filter((p) => changed.has(p[0])),
  });
  return [pick(before), pick(after)];
}

type Tuple = [string, string, number];

function order(a: Tuple, b: Tuple): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2];
}

/** Names whose tuples differ: one merge walk over the sorted lists (records keep them sorted). */
export function changedNames(a: Tuple[], b: Tuple[]): Set<string> {
  // A list out of order (a record written by hand): compare as sets instead.
  if (!sorted(a) || !sorted(b)) return changedNamesUnsorted(a, b);
  const changed = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    const c = x === undefined ? 1 : y === undefined ? -1 : order(x, y);
    // Copies of one tuple (the same version locked at two paths) count once, as in a set.
    if (c <= 0) i = pastCopies(a, i);
    if (c >= 0) j = pastCopies(b, j);
    if (c < 0) changed.add(x![0]);
    else if (c > 0) changed.add(y![0]);
  }
  return changed;
}

function sorted(list: Tuple[]): boolean {
  for (let k = 1; k < list.length; k++) if (order(list[k - 1]!, list[k]!) > 0) return false;
  return true;
}

function pastCopies(list: Tuple[], at: number): number {
  let next = at + 1;
  while (next < list.length && order(list[at]!, list[next]!) === 0) next++;
  return next;
}

function changedNamesUnsorted(a: Tuple[], b: Tuple[]): Set<string> {
  const key = (p: Tuple) => `${p[0]}\u0000${p[1]}\u0000${p[2]}`;
  const inA = new Set(a.map(key));
  const inB = new Set(b.map(key));
  const changed = new Set<string>();
  for (const p of a) if (!inB.has(key(p))) changed.add(p[0]);
  for (const p of b) if (!inA.has(key(p))) changed.add(p[0]);
  return changed;
}

function parsed(entry: LockfileEntry | undefined) {
  if (!entry?.packages || !entry.kind) return undefined;
  return {
    kind: entry.kind as LockfileKind,
    packages: expandPackages(entry.ecosystem ?? '', entry.packages),
  };
}

function values(before: Record<string, string>, after: Record<string, string>): ValueChange[] {
  const out: ValueChange[] = [];
  for (const name of union(before, after))
    if (before[name] !== after[name]) out.push({ name, before: before[name], after: after[name] });
  return out;
}

function union(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

/** How many changes each category holds. */
export function categoryCounts(diff: PipelineDiff): Record<Category, number> {
  return {
    'moved-action-tag': diff.movedActionTags.length,
    'image-digest': diff.imageDigests.length,
    dependencies: diff.dependencies.length + diff.lockfiles.length,
    workflow: diff.workflow.length + diff.usesChanged.length,
    runner: diff.runner.length,
    toolchain: diff.toolchain.length,
    config: diff.config.length,
    code: diff.code?.files ?? 0,
  };
}

const CHANGED_LIMIT = 100;

/** The `changed` output: per category with changes, the names that changed (at most 100 each). */
export function changedOutput(diff: PipelineDiff): Record<string, string[]> {
  const lists: Record<Category, string[]> = {
    'moved-action-tag': diff.movedActionTags.map((m) => m.uses),
    'image-digest': diff.imageDigests.map((i) => i.image),
    dependencies: [...diff.dependencies.map((d) => `${d.name}`), ...diff.lockfiles.map((l) => l.file)],
    workflow: [...diff.workflow.map((w) => w.file), ...diff.usesChanged.map((u) => u.name)],
    runner: diff.runner.map((r) => r.name),
    toolchain: diff.toolchain.map((t) => t.name),
    config: diff.config.map((c) => `${c.scope}.${c.name}`),
    code: Object.keys(diff.code?.directories ?? {}).map((d) => d || '.'),
  };
  const out: Record<string, string[]> = {};
  for (const category of CATEGORIES) {
    const list = [...new Set(lists[category])];
    if (list.length) out[category] = list.slice(0, CHANGED_LIMIT);
  }
  return out;
}

/** The fail-on names that this diff trips. */
export function tripped(diff: PipelineDiff, failOn: string[]): string[] {
  const counts = categoryCounts(diff);
  const hit: string[] = [];
  for (const name of failOn) {
    if (name === 'any') {
      if (CATEGORIES.some((c) => counts[c] > 0)) hit.push(name);
    } else if (name === 'major-bump') {
      if (diff.dependencies.some((d) => d.major)) hit.push(name);
    } else if (counts[name as Category] > 0) hit.push(name);
  }
  return hit;
}
