export const INPUT = {
  factsFile: 'facts-file',
  repository: 'repository',
  githubToken: 'github-token',
  window: 'window',
  alerts: 'alerts',
  alertThreshold: 'alert-threshold',
  alertRuns: 'alert-runs',
  minSamples: 'min-samples',
  passRateDrop: 'pass-rate-drop',
  topFlaky: 'top-flaky',
  outputDir: 'output-dir',
  defaultBranch: 'default-branch',
  history: 'history',
  historyDir: 'history-dir',
  historyBranch: 'history-branch',
  requestBudget: 'request-budget',
  promotions: 'promotions',
  insecureRegistries: 'insecure-registries',
  testHistory: 'test-history',
  testHistoryDir: 'test-history-dir',
  testHistoryBranch: 'test-history-branch',
  stageLogs: 'stage-logs',
} as const;

export const OUTPUT = {
  reportFile: 'report-file',
  outputDir: 'output-dir',
  alertsFiring: 'alerts-firing',
  alertKeys: 'alert-keys',
} as const;

/** What a firing alert does: nothing beyond the summary, one GitHub issue each, or fail the step. */
export const ALERT_MODES = ['none', 'issue', 'fail'] as const;

export const DEFAULT_WINDOW_MS = 30 * 86_400_000;
export const DEFAULT_ALERT_THRESHOLD = 3;
export const DEFAULT_ALERT_RUNS = 3;
export const DEFAULT_MIN_SAMPLES = 5;
/** Percentage points. */
export const DEFAULT_PASS_RATE_DROP = 10;
export const DEFAULT_TOP_FLAKY = 10;
/** The rolling baseline: the 7 days before each run. */
export const BASELINE_MS = 7 * 86_400_000;
/** Facts files larger than this are refused (a year of a busy repository stays far below). */
export const MAX_FACTS_BYTES = 512 * 1024 * 1024;

/** Where fetched workflow runs are kept between runs (the stores quarantine and pipeline-diff use). */
export const HISTORY_STORES = ['cache', 'branch', 'dir'] as const;
/** Where quarantine's test history is read from: not at all, its data branch, or a directory. */
export const TEST_HISTORY_STORES = ['none', 'branch', 'dir'] as const;
export const DEFAULT_HISTORY_BRANCH = 'gantry/pipeline-metrics-history';
/** quarantine's own default data branch. */
export const DEFAULT_TEST_HISTORY_BRANCH = 'gantry/quarantine-history';
/** GitHub API requests one collection may make (half of GITHUB_TOKEN's hourly 1,000 per repository). */
export const DEFAULT_REQUEST_BUDGET = 500;
/** Quarantine records read per branch at most. */
export const TEST_HISTORY_WINDOW = 1000;
