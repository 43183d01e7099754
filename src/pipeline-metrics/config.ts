import { isAbsolute, join, resolve } from 'node:path';
import { InvalidReferenceError, parseReference } from '../oci/index.js';
import { ConfigurationError, type InputReader } from '../runtime/index.js';
import { EXPORT_INPUTS, type ExportConfig, parseExportConfig } from './export/index.js';
import {
  ALERT_MODES,
  DEFAULT_HISTORY_BRANCH,
  DEFAULT_REQUEST_BUDGET,
  DEFAULT_TEST_HISTORY_BRANCH,
  HISTORY_STORES,
  TEST_HISTORY_STORES,
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
  /** owner/name; undefined: the workflow's repository (GITHUB_REPOSITORY). */
  repository?: string;
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
  /** Given, or undefined: the event's repository default branch, else main. */
  defaultBranch?: string;
  history: (typeof HISTORY_STORES)[number];
  historyDir?: string;
  historyBranch: string;
  requestBudget: number;
  promotions: string[];
  insecureRegistries: string[];
  testHistory: (typeof TEST_HISTORY_STORES)[number];
  testHistoryDir?: string;
  testHistoryBranch: string;
  stageLogs: string[];
  /** The Pushgateway and OTLP exporters (each on when its URL is given); `secrets` to mask first. */
  exports: ExportConfig;
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
  const history = inputs.oneOf(INPUT.history, HISTORY_STORES, 'cache');
  const historyDir = inputs.optional(INPUT.historyDir);
  if (history === 'dir' && historyDir === undefined)
    throw new ConfigurationError(
      `Input '${INPUT.historyDir}' is required with history: dir; give the directory that keeps the fetched runs.`,
    );
  const testHistory = inputs.oneOf(INPUT.testHistory, TEST_HISTORY_STORES, 'none');
  const testHistoryDir = inputs.optional(INPUT.testHistoryDir);
  if (testHistory === 'dir' && testHistoryDir === undefined)
    throw new ConfigurationError(
      `Input '${INPUT.testHistoryDir}' is required with test-history: dir; give quarantine's history-dir.`,
    );
  const defaultBranch = inputs.optional(INPUT.defaultBranch);
  if (defaultBranch !== undefined) branchName(INPUT.defaultBranch, defaultBranch, 'main');
  const repository = inputs.optional(INPUT.repository);
  if (repository !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository))
    throw ConfigurationError.forInput(INPUT.repository, repository, 'owner/name, such as acme/service');
  return {
    repository,
    defaultBranch,
    history,
    historyDir: historyDir === undefined ? undefined : inWorkspace(workspace, historyDir),
    historyBranch: branchName(
      INPUT.historyBranch,
      inputs.optional(INPUT.historyBranch) ?? DEFAULT_HISTORY_BRANCH,
      DEFAULT_HISTORY_BRANCH,
    ),
    requestBudget: inputs.integer(INPUT.requestBudget, {
      min: 1,
      max: 100_000,
      fallback: DEFAULT_REQUEST_BUDGET,
    }),
    promotions: inputs.lines(INPUT.promotions).map(promotionReference),
    insecureRegistries: inputs
      .string(INPUT.insecureRegistries)
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(registryHost),
    testHistory,
    testHistoryDir: testHistoryDir === undefined ? undefined : inWorkspace(workspace, testHistoryDir),
    testHistoryBranch: branchName(
      INPUT.testHistoryBranch,
      inputs.optional(INPUT.testHistoryBranch) ?? DEFAULT_TEST_HISTORY_BRANCH,
      DEFAULT_TEST_HISTORY_BRANCH,
    ),
    stageLogs: inputs.lines(INPUT.stageLogs).map((path) => inWorkspace(workspace, path)),
    exports: parseExportConfig({
      pushgatewayUrl: inputs.optional(EXPORT_INPUTS.pushgatewayUrl),
      pushgatewayJob: inputs.optional(EXPORT_INPUTS.pushgatewayJob),
      pushgatewayGrouping: inputs.string(EXPORT_INPUTS.pushgatewayGrouping),
      pushgatewayHeaders: inputs.string(EXPORT_INPUTS.pushgatewayHeaders),
      otlpEndpoint: inputs.optional(EXPORT_INPUTS.otlpEndpoint),
      otlpHeaders: inputs.string(EXPORT_INPUTS.otlpHeaders),
    }),
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

function branchName(input: string, value: string, example: string): string {
  if (!/^(?!.*\.\.)(?!\/)(?!.*\/$)(?!-)[A-Za-z0-9._/-]+$/.test(value) || value.endsWith('.lock'))
    throw ConfigurationError.forInput(input, value, `a branch name such as ${example}`);
  return value;
}

/** A registry repository whose promotion records are read: ghcr.io/acme/app or ghcr.io/acme/app:production. */
function promotionReference(line: string): string {
  try {
    parseReference(line);
    return line;
  } catch (error) {
    if (!(error instanceof InvalidReferenceError)) throw error;
  }
  throw ConfigurationError.forInput(
    INPUT.promotions,
    line,
    'a registry repository, one a line, such as ghcr.io/acme/app (every environment tag) or ghcr.io/acme/app:production',
  );
}

/** host[:port], as a registry is named in a reference: a scheme, path or credentials is refused. */
function registryHost(value: string): string {
  if (
    !/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(
      value,
    )
  )
    throw ConfigurationError.forInput(
      INPUT.insecureRegistries,
      value,
      'registry hosts as host or host:port (such as registry.internal:5000), comma or space separated',
    );
  return value;
}

function inWorkspace(workspace: string, path: string): string {
  return isAbsolute(path) ? path : resolve(workspace, path);
}
