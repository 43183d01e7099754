export const INPUT = {
  reports: 'reports',
  mode: 'mode',
  allowEmpty: 'allow-empty',
  maxReportSize: 'max-report-size',
  quarantineFile: 'quarantine-file',
  onExpired: 'on-expired',
  history: 'history',
  historyDir: 'history-dir',
  historyBranch: 'history-branch',
  window: 'window',
  flakeThreshold: 'flake-threshold',
  createIssues: 'create-issues',
  githubToken: 'github-token',
  onMalformed: 'on-malformed',
  checkRun: 'check-run',
  checkName: 'check-name',
  prComment: 'pr-comment',
} as const;

export const OUTPUTS = {
  total: 'total',
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
  flaky: 'flaky',
  quarantinedFailures: 'quarantined-failures',
  verdict: 'verdict',
  newFlaky: 'new-flaky',
} as const;

export const MODES = ['enforce', 'report'] as const;
export const ON_EXPIRED = ['warn', 'fail'] as const;
export const ON_MALFORMED = ['fail', 'warn'] as const;
export const HISTORY_STORES = ['cache', 'branch', 'dir'] as const;
/** 512 MB, as the action.yml default reads. */
export const DEFAULT_MAX_REPORT_SIZE = 512_000_000;
export const DEFAULT_WINDOW = 200;
export const DEFAULT_FLAKE_THRESHOLD = 0.05;
/** Issues opened per run at most: the search API allows 30 requests a minute. */
export const MAX_ISSUES_PER_RUN = 10;
