import { isAbsolute, join, resolve } from 'node:path';
import { ConfigurationError, type InputReader } from '../runtime/index.js';
import {
  ALERT_MODES,
  DEFAULT_ALERT_RUNS,
  DEFAULT_ALERT_THRESHOLD,
  DEFAULT_MIN_SAMPLES,
  DEFAULT_PASS_RATE_DROP,
  DEFAULT_TOP_FLAKY,
  DEFAULT_WINDOW_MS,
  INPUT,
} from './constants.js';

export interface PipelineMetricsConfig {
  factsFile?: string;
  githubToken?: string;
  windowMs: number;
  alerts: (typeof ALERT_MODES)[number];
  alertThreshold: number;
  alertRuns: number;
  minSamples: number;
  /** A fraction: 0.1 for 10 percentage points. */
  passRateDrop: number;
  topFlaky: number;
  outputDir: string;
}

const DAY_MS = 86_400_000;

export function readConfig(
  inputs: InputReader,
  workspace: string,
  runnerTemp: string | undefined,
): PipelineMetricsConfig {
  const windowMs = inputs.duration(INPUT.window, DEFAULT_WINDOW_MS) ?? DEFAULT_WINDOW_MS;
  if (windowMs < DAY_MS || windowMs > 366 * DAY_MS)
    throw ConfigurationError.forInput(
      INPUT.window,
      inputs.string(INPUT.window),
      'a window from 1d to 366d, such as 30d or 12w',
    );
  const alerts = inputs.oneOf(INPUT.alerts, ALERT_MODES, 'none');
  const factsFile = inputs.optional(INPUT.factsFile);
  const githubToken = inputs.optional(INPUT.githubToken);
  if (alerts === 'issue' && !githubToken)
    throw new ConfigurationError(
      `Input '${INPUT.alerts}' is issue but '${INPUT.githubToken}' is empty: pass a token that can write issues (the default \${{ github.token }} with permissions: issues: write), or use alerts: fail or none.`,
    );
  const outputDir = inputs.optional(INPUT.outputDir);
  return {
    factsFile: factsFile === undefined ? undefined : inWorkspace(workspace, factsFile),
    githubToken,
    windowMs,
    alerts,
    alertThreshold: parseThreshold(inputs.string(INPUT.alertThreshold)),
    alertRuns: inputs.integer(INPUT.alertRuns, { min: 1, max: 100, fallback: DEFAULT_ALERT_RUNS }),
    minSamples: inputs.integer(INPUT.minSamples, { min: 1, max: 1000, fallback: DEFAULT_MIN_SAMPLES }),
    passRateDrop:
      inputs.integer(INPUT.passRateDrop, { min: 1, max: 100, fallback: DEFAULT_PASS_RATE_DROP }) / 100,
    topFlaky: inputs.integer(INPUT.topFlaky, { min: 1, max: 1000, fallback: DEFAULT_TOP_FLAKY }),
    outputDir:
      outputDir === undefined
        ? join(runnerTemp || workspace, 'pipeline-metrics')
        : inWorkspace(workspace, outputDir),
  };
}

/** Spreads (scaled MADs) beyond the baseline median: a number above 0 and at most 100. */
export function parseThreshold(value: string): number {
  if (value === '') return DEFAULT_ALERT_THRESHOLD;
  const n = /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(n > 0 && n <= 100))
    throw ConfigurationError.forInput(
      INPUT.alertThreshold,
      value,
      'a number of spreads above 0 and at most 100, such as 3 or 2.5',
    );
  return n;
}

function inWorkspace(workspace: string, path: string): string {
  return isAbsolute(path) ? path : resolve(workspace, path);
}
