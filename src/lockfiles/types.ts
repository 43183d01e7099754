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

export interface LockChange {
  name: string;
  ecosystem: string;
  /**
   * added / removed: the name appears or goes; upgraded / downgraded: the newest version that went
   * compared with the newest that came; changed: a copy was only added or only dropped beside
   * versions that stay, or the versions cannot be ordered (git commits, URLs).
   */
  kind: 'added' | 'removed' | 'upgraded' | 'downgraded' | 'changed';
  /** Every version locked before / after, sorted (several coexist in npm and yarn trees). */
  before?: string[];
  after?: string[];
  /** The breaking component went up (the major, or the minor of a 0.x version as semver treats it). */
  major?: boolean;
  /** Whether the project names it itself, where the lockfile says. */
  direct?: boolean;
}

export interface LockDiff {
  changes: LockChange[];
}
