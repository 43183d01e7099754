export const INPUT = {
  factsFile: 'facts-file',
  githubToken: 'github-token',
  window: 'window',
  alerts: 'alerts',
  alertThreshold: 'alert-threshold',
  alertRuns: 'alert-runs',
  minSamples: 'min-samples',
  passRateDrop: 'pass-rate-drop',
  topFlaky: 'top-flaky',
  outputDir: 'output-dir',
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
