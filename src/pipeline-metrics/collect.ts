import { type HistoryStore, openHistoryStore } from '../history/index.js';
import { createRegistryClient, openRepository } from '../oci/index.js';
import { type RunRecord, RUN_RECORDS } from '../quarantine/history.js';
import { type ActionContext, ConfigurationError, oneLine } from '../runtime/index.js';
import type { PipelineMetricsConfig } from './config.js';
import { INPUT, TEST_HISTORY_WINDOW } from './constants.js';
import type { Facts, RunFact } from './model.js';
import {
  type CollectDeps,
  type CollectOptions,
  type CollectStats,
  collectFacts,
  RUN_SEGMENTS,
  RUNS_STREAM,
  type RunSegment,
} from './sources/index.js';

/**
 * The sources, as the action wires them: runs from the workflow runs API kept in the history store
 * (without a token: the runs already stored, as `gantry pipeline-metrics --history dir` reads them
 * in another CI system), deploys from promote's records, tests from quarantine's history, stages
 * from structured log files. Source warnings become warning annotations.
 */
export async function gatherFromSources(
  ctx: ActionContext,
  config: PipelineMetricsConfig,
  since: number,
): Promise<{ facts: Facts; stats: CollectStats; notes: string[] }> {
  const repository = config.repository ?? ctx.github.repository;
  if (!repository)
    throw new ConfigurationError(
      `Input '${INPUT.repository}' is empty and this is not a workflow run (no GITHUB_REPOSITORY): give the repository as owner/name.`,
    );
  const defaultBranch = config.defaultBranch ?? ctx.github.payload.repository?.default_branch ?? 'main';
  const notes: string[] = [];
  const warn = (message: string) =>
    ctx.runtime.annotate({ level: 'warning', title: 'pipeline-metrics source', message: oneLine(message) });
  const run = { run: ctx.github.runId || `local-${ctx.clock.now()}`, attempt: ctx.github.runAttempt || 1 };
  const runStore = await runHistory(ctx, config, run);
  const deps: CollectDeps = {
    now: () => ctx.clock.now(),
    warn,
    info: (message) => ctx.runtime.info(oneLine(message)),
    run,
  };
  const options: CollectOptions = { repository, defaultBranch, since };
  if (config.githubToken) {
    deps.github = await ctx.gitHub(config.githubToken);
    deps.runStore = runStore;
    options.runs = { requestBudget: config.requestBudget };
  }
  if (config.promotions.length > 0) {
    const client = createRegistryClient({
      http: ctx.http(),
      env: ctx.runtime.env,
      insecureRegistries: config.insecureRegistries,
      onSecret: (secret) => ctx.runtime.setSecret(secret),
    });
    deps.openRegistry = (ref) => openRepository(ref, client);
    options.promotions = config.promotions;
  }
  if (config.testHistory !== 'none') {
    // quarantine's own store, read only (dir or branch: another workflow's cache cannot be read).
    deps.testStore = await openHistoryStore<RunRecord>(
      ctx,
      RUN_RECORDS,
      {
        history: config.testHistory,
        historyDir: config.testHistoryDir,
        historyBranch: config.testHistoryBranch,
      },
      { run, cacheDirName: 'gantry-quarantine-history', unavailable: { title: 'Test history not read' } },
    );
    options.tests = { branches: [defaultBranch], window: TEST_HISTORY_WINDOW };
  }
  if (config.stageLogs.length > 0) options.stageLogs = config.stageLogs;
  const { facts, stats } = await collectFacts(deps, options);
  if (!config.githubToken && runStore) {
    facts.runs = await storedRuns(runStore, since, warn);
    notes.push(`no github-token: ${facts.runs.length} runs from the ${runStore.kind} history only`);
  }
  return { facts, stats, notes };
}

/** The runs earlier collections stored, newest attempt of each kept once (no API call). */
export async function storedRuns(
  store: HistoryStore<RunSegment>,
  since: number,
  warn: (message: string) => void,
): Promise<RunFact[]> {
  const runs = new Map<string, RunFact>();
  try {
    for (const segment of await store.load(RUNS_STREAM, 100_000))
      for (const run of segment.runs) if (run.createdAt >= since) runs.set(`${run.id}/${run.attempt}`, run);
  } catch (error) {
    warn(`Stored workflow runs not read (history: ${store.kind}): ${(error as Error).message}`);
  }
  return [...runs.values()];
}

function runHistory(
  ctx: ActionContext,
  config: PipelineMetricsConfig,
  run: { run: string; attempt: number },
): Promise<HistoryStore<RunSegment> | undefined> {
  return openHistoryStore(ctx, RUN_SEGMENTS, config, {
    run,
    cacheDirName: 'gantry-pipeline-metrics-runs',
    unavailable: { title: 'Workflow runs not kept', consequence: 'every run fetches the whole window' },
  });
}
