export const INPUT = {
  mode: 'mode',
  baseline: 'baseline',
  failOn: 'fail-on',
  history: 'history',
  historyDir: 'history-dir',
  historyBranch: 'history-branch',
  window: 'window',
  vars: 'vars',
  configExclude: 'config-exclude',
  toolchains: 'toolchains',
  toolchainTimeout: 'toolchain-timeout',
  runnerLabels: 'runner-labels',
  lockfiles: 'lockfiles',
  insecureRegistries: 'insecure-registries',
  diffFile: 'diff-file',
  githubToken: 'github-token',
} as const;

export const OUTPUT = {
  changed: 'changed',
  diffFile: 'diff-file',
  baselineRun: 'baseline-run',
  baselineSha: 'baseline-sha',
  failed: 'failed-categories',
  record: 'record',
} as const;

export const MODES = ['record', 'diff'] as const;
export const HISTORY_STORES = ['cache', 'branch', 'dir'] as const;

/** The categories of a diff, in the order the summary shows them: what the code diff does not show first. */
export const CATEGORIES = [
  'moved-action-tag',
  'image-digest',
  'dependencies',
  'workflow',
  'runner',
  'toolchain',
  'config',
  'code',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Extra fail-on names: a major dependency bump, any change at all. */
export const FAIL_ON_EXTRA = ['major-bump', 'any'] as const;

export const DEFAULT_TOOLCHAINS: Record<string, string[]> = {
  node: ['node', '--version'],
  python: ['python3', '--version'],
  go: ['go', 'version'],
  java: ['java', '-version'],
  docker: ['docker', 'version', '--format', '{{.Server.Version}}'],
  git: ['git', '--version'],
};

export const DEFAULT_TOOLCHAIN_TIMEOUT_MS = 5_000;
export const DEFAULT_WINDOW = 50;
export const DEFAULT_HISTORY_BRANCH = 'gantry/pipeline-diff-history';
/** Lockfiles larger than this are recorded by content hash only. */
export const MAX_LOCKFILE_BYTES = 64 << 20;
/** Reachable local composites and reusable workflows followed at most this deep. */
export const MAX_LOCAL_DEPTH = 16;
