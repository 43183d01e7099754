/** Input and output names of the changes action (kebab-case; dorny/paths-filter's names kept). */
export const INPUT = {
  filters: 'filters',
  base: 'base',
  ref: 'ref',
  workingDirectory: 'working-directory',
  listFiles: 'list-files',
  predicateQuantifier: 'predicate-quantifier',
  token: 'token',
  initialFetchDepth: 'initial-fetch-depth',
  allowTruncated: 'allow-truncated',
  workspaces: 'workspaces',
  globalFiles: 'global-files',
} as const;

export const OUTPUT = {
  changes: 'changes',
  baseSha: 'base-sha',
  headSha: 'head-sha',
  files: 'files',
  affectedPackages: 'affected-packages',
} as const;

/** Per-filter outputs: `<filter>`, `<filter>_count`, `<filter>_files`. */
export const COUNT_SUFFIX = '_count';
export const FILES_SUFFIX = '_files';

export const LIST_FORMATS = ['none', 'csv', 'json', 'shell', 'escape'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export const QUANTIFIERS = ['some', 'every'] as const;
export type Quantifier = (typeof QUANTIFIERS)[number];

/** Change types a filter rule may name (dorny/paths-filter's set). */
export const CHANGE_TYPES = [
  'added',
  'copied',
  'deleted',
  'modified',
  'renamed',
  'unmerged',
  'unknown',
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** `base: last-success`: the head of the last successful run of this workflow on this branch. */
export const LAST_SUCCESS = 'last-success';

/** git's empty tree: the base when everything in the head counts as added. */
export const EMPTY_TREE_SHA1 = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
export const EMPTY_TREE_SHA256 = '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321';

export const ZERO_SHA = /^0+$/;
