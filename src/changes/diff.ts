import { splitNul } from '../git/index.js';
import { CHANGE_TYPES, type ChangeType } from './constants.js';
import type { MatchEntry } from './matcher.js';
import { decodePath } from './paths.js';

/** A set of change types as bits (one number per changed path, not one Set). */
export function typeMask(...types: readonly ChangeType[]): number {
  let mask = 0;
  for (const type of types) mask |= 1 << CHANGE_TYPES.indexOf(type);
  return mask;
}

/** One change between base and head. A rename or copy carries the path it came from. */
export interface ChangedFile {
  status: ChangeType;
  path: string;
  previousPath?: string;
}

const STATUS: Record<string, ChangeType> = {
  A: 'added',
  C: 'copied',
  D: 'deleted',
  M: 'modified',
  R: 'renamed',
  // A type change (file to symlink, or to a submodule) is a modification of that path.
  T: 'modified',
  U: 'unmerged',
  X: 'unknown',
};

/** `git diff --name-status -z` output: status, path (two paths for R and C), NUL-separated. */
export function parseNameStatus(output: Buffer): ChangedFile[] {
  const fields = splitNul(output);
  const changes: ChangedFile[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++]!.toString('latin1');
    const status = STATUS[code[0] ?? ''];
    if (!status) throw new Error(`unexpected git diff status ${JSON.stringify(code)}`);
    if (status === 'renamed' || status === 'copied') {
      const previousPath = decodePath(fields[i++]!);
      changes.push({ status, path: decodePath(fields[i++]!), previousPath });
    } else {
      changes.push({ status, path: decodePath(fields[i++]!) });
    }
  }
  return changes;
}

/**
 * What filters match against. A rename is its old path deleted and its new path added, and both
 * paths count as renamed; a copy's new path is added and copied. One entry per path.
 */
export function matchEntries(changes: readonly ChangedFile[]): MatchEntry[] {
  const byPath = new Map<string, number>();
  const add = (path: string, ...types: ChangeType[]) =>
    byPath.set(path, (byPath.get(path) ?? 0) | typeMask(...types));
  for (const change of changes) {
    if (change.status === 'renamed') {
      add(change.previousPath!, 'deleted', 'renamed');
      add(change.path, 'added', 'renamed');
    } else if (change.status === 'copied') {
      add(change.path, 'added', 'copied');
    } else add(change.path, change.status);
  }
  return [...byPath].map(([path, types]) => ({ path, types }));
}
