/**
 * pipeline-metrics' sources: everything the metrics are computed from, gathered into Facts.
 *   - workflow runs and their attempts' jobs with steps (the one GitHub client), fetched
 *     incrementally into a history store and within a request budget (workflow-runs.ts);
 *   - promotion and rollback records from the registry (promote's records, src/oci) → DeployFact
 *     (deploys.ts);
 *   - quarantine's per-run test history (its history store) → TestFact (tests.ts);
 *   - structured stage log lines (src/runtime/log.ts, GANTRY_LOG_FILE files) → StageFact (stages.ts).
 * Each source is optional: a source not configured contributes nothing and costs nothing. A damaged
 * record or line is skipped and counted in the stats, never fatal.
 */
import type { GitHub } from '../../github/index.js';
import type { HistoryStore } from '../../history/index.js';
import {
  InvalidReferenceError,
  type OciRepository,
  parseReference,
  type Reference,
} from '../../oci/index.js';
import type { RunRecord } from '../../quarantine/history.js';
import { ConfigurationError } from '../../runtime/errors.js';
import type { Facts } from '../model.js';
import type { SourceDeps } from './deps.js';
import { type DeploySource, type DeployStats, readDeploys } from './deploys.js';
import type { RunSegment } from './run-store.js';
import { readStages, type StageStats } from './stages.js';
import { readTests, type TestStats } from './tests.js';
import { DEFAULT_BUDGET, fetchWorkflowRuns, type RunStats } from './workflow-runs.js';

export type { SourceDeps } from './deps.js';
export { deployFacts, serviceOf } from './deploys.js';
export { type FetchState, RUN_SEGMENTS, RUNS_STREAM, type RunSegment } from './run-store.js';
export { stageFact } from './stages.js';
export { testFacts } from './tests.js';
export { DEFAULT_BUDGET, DEFAULT_LOOKBACK, POINTS_PER_MINUTE, type RunStats } from './workflow-runs.js';

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
    /** Job requests in flight at once (default 16; GitHub allows 100 concurrent requests). */
    concurrency?: number;
    /** Requests a minute to one endpoint (default 800, under GitHub's documented 900 points). */
    pointsPerMinute?: number;
    /** Stored segments beyond which they are rewritten as few (default 200). */
    compactAt?: number;
  };
  /**
   * Registry repositories whose promotion records are read: `ghcr.io/acme/app` (every tag's
   * history) or `ghcr.io/acme/app:production` (that environment's).
   */
  promotions?: string[];
  /** Quarantine history: the branches (streams) whose records are read, and how many records each. */
  tests?: { branches: string[]; window: number };
  /** Structured stage log files (GANTRY_LOG_FILE files). */
  stageLogs?: string[];
}

/** What the sources are handed (the domain opens nothing itself). */
export interface CollectDeps extends SourceDeps {
  /** The one GitHub client; required when options.runs is given. */
  github?: GitHub;
  /** Where fetched runs are kept between collections (history: cache, branch or dir; RUN_SEGMENTS format). */
  runStore?: HistoryStore<RunSegment>;
  /** Opens a registry repository named in options.promotions. */
  openRegistry?: (reference: Reference) => OciRepository;
  /** quarantine's history store. */
  testStore?: HistoryStore<RunRecord>;
  /** Lines of a stage log file (default: the file read as a stream). */
  readLines?: (path: string) => AsyncIterable<string>;
}

/** What a collection did: shown in the summary so a partial backfill is never silent. */
export interface CollectStats {
  runs: RunStats;
  deploys: DeployStats;
  tests: TestStats;
  stages: StageStats;
}

export async function collectFacts(
  deps: CollectDeps,
  options: CollectOptions,
): Promise<{ facts: Facts; stats: CollectStats }> {
  if (!/^[^/\s]+\/[^/\s]+$/.test(options.repository))
    throw new ConfigurationError(`Repository '${options.repository}' is not owner/name (e.g. acme/service).`);
  if (!Number.isFinite(options.since))
    throw new ConfigurationError('The window start is not a time; give a number of days back.');
  const facts: Facts = {
    repository: options.repository,
    defaultBranch: options.defaultBranch,
    runs: [],
    deploys: [],
    tests: [],
    stages: [],
  };
  const stats: CollectStats = {
    runs: {
      requests: 0,
      notModified: 0,
      budgetUsed: 0,
      budget: options.runs?.requestBudget ?? DEFAULT_BUDGET,
      budgetExhausted: false,
      rateLimited: false,
      complete: true,
      fetched: 0,
      fromStore: 0,
      inProgress: 0,
      hoursLeft: 0,
      waits: 0,
      skipped: 0,
      segments: 0,
    },
    deploys: { repositories: 0, records: 0, skipped: 0, tagsCapped: 0 },
    tests: { records: 0, skipped: 0 },
    stages: { lines: 0, skipped: 0, unreadable: 0 },
  };
  const budget = options.runs?.requestBudget;
  if (budget !== undefined && (!Number.isSafeInteger(budget) || budget < 1))
    throw new ConfigurationError(
      `The request budget ${budget} is not a whole number of requests above 0 (GITHUB_TOKEN allows 1,000 an hour per repository).`,
    );
  const sources = deploySources(deps, options.promotions ?? []);

  if (options.runs) {
    if (!deps.github) throw new Error('collectFacts: options.runs needs deps.github');
    const { runs, stats: runStats } = await fetchWorkflowRuns(
      { ...deps, github: deps.github, store: deps.runStore },
      { repository: options.repository, since: options.since, ...options.runs },
    );
    facts.runs = runs;
    stats.runs = runStats;
  }
  if (sources.length > 0) {
    const read = await readDeploys(sources, options.since, deps.warn);
    facts.deploys = read.deploys;
    stats.deploys = read.stats;
  }
  if (options.tests && deps.testStore) {
    const read = await readTests(
      deps.testStore,
      options.tests.branches.length > 0 ? options.tests.branches : [options.defaultBranch],
      options.tests.window,
      options.since,
      deps.warn,
    );
    facts.tests = read.tests;
    stats.tests = read.stats;
  }
  if (options.stageLogs && options.stageLogs.length > 0) {
    const read = await readStages(options.stageLogs, options.since, deps.warn, deps.readLines);
    facts.stages = read.stages;
    stats.stages = read.stats;
  }
  return { facts, stats };
}

/** Each reference once per repository, with the tags named for it (none: every tag). */
function deploySources(deps: CollectDeps, references: string[]): DeploySource[] {
  if (references.length === 0) return [];
  if (!deps.openRegistry) throw new Error('collectFacts: options.promotions needs deps.openRegistry');
  const byRepository = new Map<string, { ref: Reference; text: string; tags?: Set<string>; all: boolean }>();
  for (const text of references) {
    let ref: Reference;
    try {
      ref = parseReference(text.trim());
    } catch (error) {
      const reason = error instanceof InvalidReferenceError ? error.message : String(error);
      throw new ConfigurationError(
        `Promotion repository '${text}' is not a registry reference (${reason}); expected e.g. ghcr.io/acme/app or ghcr.io/acme/app:production.`,
      );
    }
    const key = ref.kind === 'layout' ? `layout:${ref.dir}` : `${ref.registry}/${ref.repository}`;
    const entry = byRepository.get(key) ?? { ref, text: text.trim(), all: false };
    byRepository.set(key, entry);
    const named = ref.digest ?? ref.tag;
    if (named === undefined) entry.all = true;
    else {
      entry.tags ??= new Set();
      entry.tags.add(named);
    }
  }
  return [...byRepository.values()].map((entry) => ({
    reference: entry.text,
    repo: deps.openRegistry!({ ...entry.ref, tag: undefined, digest: undefined }),
    ...(entry.all ? {} : { tags: [...(entry.tags ?? [])] }),
  }));
}
