import { isAbsolute, resolve } from 'node:path';
import { ConfigurationError, type InputReader } from '../runtime/index.js';
import {
  DEFAULT_FLAKE_THRESHOLD,
  DEFAULT_MAX_REPORT_SIZE,
  DEFAULT_WINDOW,
  HISTORY_STORES,
  INPUT,
  MODES,
  ON_EXPIRED,
  ON_MALFORMED,
} from './constants.js';

export interface QuarantineConfig {
  reports: string[];
  mode: (typeof MODES)[number];
  allowEmpty: boolean;
  maxReportSize: number;
  quarantineFile: string;
  quarantineFileGiven: boolean;
  onExpired: (typeof ON_EXPIRED)[number];
  /** A report that is not well-formed XML: fail the step, or warn and go on with the others. */
  onMalformed: (typeof ON_MALFORMED)[number];
  history: (typeof HISTORY_STORES)[number];
  historyDir?: string;
  historyBranch: string;
  window: number;
  flakeThreshold: number;
  createIssues: boolean;
  /** A check run whose annotations carry every failure (beyond the step's ten a level). */
  checkRun: boolean;
  /** The check run's name, and the key of the pull request comment. */
  checkName: string;
  /** One pull request comment with the verdict and the flaky tests, updated in place. */
  prComment: boolean;
  githubToken?: string;
}

const DEFAULT_QUARANTINE_FILE = '.github/quarantine.yml';
const DEFAULT_CHECK_NAME = 'Test results';

export function readConfig(inputs: InputReader, workspace: string): QuarantineConfig {
  const reports = inputs.lines(INPUT.reports);
  if (reports.length === 0) {
    throw new ConfigurationError(
      `Input '${INPUT.reports}' is required: one or more globs of JUnit XML files, one per line (e.g. test-results/**/*.xml).`,
    );
  }
  const history = inputs.oneOf(INPUT.history, HISTORY_STORES, 'cache');
  const historyDirInput = inputs.optional(INPUT.historyDir);
  if (history === 'dir' && historyDirInput === undefined) {
    throw new ConfigurationError(
      `Input '${INPUT.historyDir}' is required with history: dir; give the directory that keeps the run records.`,
    );
  }
  const historyBranch = inputs.optional(INPUT.historyBranch) ?? 'gantry/quarantine-history';
  if (!/^(?!.*\.\.)(?!\/)(?!.*\/$)[A-Za-z0-9._/-]+$/.test(historyBranch) || historyBranch.endsWith('.lock')) {
    throw ConfigurationError.forInput(
      INPUT.historyBranch,
      historyBranch,
      'a branch name such as gantry/quarantine-history',
    );
  }
  const createIssues = inputs.boolean(INPUT.createIssues, false);
  const githubToken = inputs.optional(INPUT.githubToken);
  if (createIssues && githubToken === undefined) {
    throw new ConfigurationError(
      `Input '${INPUT.createIssues}' is true but '${INPUT.githubToken}' is empty; pass a token with issues: write.`,
    );
  }
  const checkRun = inputs.boolean(INPUT.checkRun, false);
  const prComment = inputs.boolean(INPUT.prComment, false);
  for (const [name, on, permission] of [
    [INPUT.checkRun, checkRun, 'checks: write'],
    [INPUT.prComment, prComment, 'pull-requests: write'],
  ] as const)
    if (on && githubToken === undefined)
      throw new ConfigurationError(
        `Input '${name}' is true but '${INPUT.githubToken}' is empty; pass a token with ${permission}.`,
      );
  const checkName = (inputs.optional(INPUT.checkName) ?? DEFAULT_CHECK_NAME).trim();
  if (checkName === '' || checkName.length > 200 || /[\r\n]/.test(checkName))
    throw ConfigurationError.forInput(
      INPUT.checkName,
      checkName,
      'a one-line name of at most 200 characters',
    );
  const quarantineFileInput = inputs.optional(INPUT.quarantineFile);
  const quarantineFile = quarantineFileInput ?? DEFAULT_QUARANTINE_FILE;
  return {
    reports,
    mode: inputs.oneOf(INPUT.mode, MODES, 'enforce'),
    allowEmpty: inputs.boolean(INPUT.allowEmpty, false),
    maxReportSize: positiveSize(inputs),
    quarantineFile: inWorkspace(workspace, quarantineFile),
    quarantineFileGiven: quarantineFileInput !== undefined && quarantineFileInput !== DEFAULT_QUARANTINE_FILE,
    onExpired: inputs.oneOf(INPUT.onExpired, ON_EXPIRED, 'fail'),
    onMalformed: inputs.oneOf(INPUT.onMalformed, ON_MALFORMED, 'fail'),
    history,
    historyDir: historyDirInput === undefined ? undefined : inWorkspace(workspace, historyDirInput),
    historyBranch,
    window: inputs.integer(INPUT.window, { min: 1, max: 10_000, fallback: DEFAULT_WINDOW }),
    flakeThreshold: parseThreshold(inputs.string(INPUT.flakeThreshold)),
    createIssues,
    checkRun,
    checkName,
    prComment,
    githubToken,
  };
}

function positiveSize(inputs: InputReader): number {
  const bytes = inputs.size(INPUT.maxReportSize, DEFAULT_MAX_REPORT_SIZE);
  if (bytes <= 0)
    throw ConfigurationError.forInput(INPUT.maxReportSize, String(bytes), 'a size above zero such as 512MB');
  return bytes;
}

/** A rate as a fraction (0.05) or a percentage (5%). */
export function parseThreshold(value: string): number {
  if (value === '') return DEFAULT_FLAKE_THRESHOLD;
  const match = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(value);
  const rate = match ? Number(match[1]) / (match[2] ? 100 : 1) : Number.NaN;
  if (!(rate >= 0 && rate < 1))
    throw ConfigurationError.forInput(
      INPUT.flakeThreshold,
      value,
      'a rate from 0 up to 1 (0.05) or a percentage (5%)',
    );
  return rate;
}

function inWorkspace(workspace: string, path: string): string {
  return isAbsolute(path) ? path : resolve(workspace, path);
}
