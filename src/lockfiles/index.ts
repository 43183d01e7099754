/**
 * Dependency lockfiles read to `package → version`, and the difference between two of them, for
 * pipeline-diff ("what changed since the last green run"). Each format has a small strict reader
 * in this folder; this module is the one entry point.
 */

export type LockfileKind =
  | 'npm'
  | 'yarn-classic'
  | 'yarn-berry'
  | 'pnpm'
  | 'go-mod'
  | 'go-sum'
  | 'cargo'
  | 'poetry'
  | 'uv'
  | 'bundler'
  | 'pip-requirements';

export type Ecosystem = 'npm' | 'go' | 'cargo' | 'pypi' | 'rubygems';

export interface LockedPackage {
  name: string;
  version: string;
  /** true: a dependency the project names itself; false: transitive; absent: the lockfile does not say. */
  direct?: boolean;
  ecosystem: Ecosystem;
}

/** Packages sorted by name then version, one entry per name@version. */
export interface ParsedLockfile {
  kind: LockfileKind;
  packages: LockedPackage[];
}

/** A lockfile that cannot be read: the message names the file (and the line where there is one). */
export class LockfileError extends Error {
  override name = 'LockfileError';
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export interface LockChange {
  name: string;
  ecosystem: string;
  kind: 'added' | 'removed' | 'upgraded' | 'downgraded' | 'changed';
  before?: string[];
  after?: string[];
  /** The highest version's major component went up (0.x: the minor, as semver treats it). */
  major?: boolean;
  direct?: boolean;
}

export interface LockDiff {
  changes: LockChange[];
}

/** Which format a file is, by its name (yarn classic vs berry and pip requirements also by content). */
export function detectLockfileKind(path: string, text?: string): LockfileKind | undefined {
  void path;
  void text;
  return undefined;
}

/** Read one lockfile; throws LockfileError naming the file and the line where possible. */
export function parseLockfile(path: string, text: string): ParsedLockfile {
  void text;
  throw new LockfileError(`${path}: not implemented yet`, path);
}

/** The packages that were added, removed, upgraded, downgraded or changed between two parses. */
export function diffLockfiles(
  before: ParsedLockfile | undefined,
  after: ParsedLockfile | undefined,
): LockDiff {
  void before;
  void after;
  return { changes: [] };
}
