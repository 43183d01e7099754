import { existsSync } from 'node:fs';
import { glob, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { globMatcher } from '../glob/index.js';
import { Git } from '../git/index.js';
import {
  ANNOTATION_LIMIT_PER_LEVEL,
  type ActionContext,
  type ActionFn,
  ConfigurationError,
  errorMessage,
  isConfigurationError,
  oneLine,
} from '../runtime/index.js';
import { type QuarantineConfig, readConfig } from './config.js';
import { MAX_ISSUES_PER_RUN, OUTPUTS } from './constants.js';
import { type Evaluation, evaluate, percent, type Proposal, proposals as findProposals } from './evaluate.js';
import { detectFlakes, type FlakeStat } from './flakes.js';
import { BranchHistory, CacheHistory, type CacheClient, DirHistory } from '../history/index.js';
import {
  type EncodedRecord,
  type HistoryStore,
  RUN_RECORDS,
  type RunInfo,
  type RunRecord,
} from './history.js';
import { GitHubIssues } from './issues.js';
import { parseJUnitFile } from './junit.js';
import { isExpired, parseQuarantineFile, type QuarantineEntry } from './quarantine-file.js';
import { FileTable, RecordWriter, RunCollector } from './collect.js';
import type { TestResult } from './results.js';
import { renderSummary } from './summary.js';

export const main: ActionFn = async (ctx) => {
  const config = readConfig(ctx.inputs, ctx.workspace);
  const info = await runInfo(ctx);
  const files = await ctx.log.stage(
    'find-reports',
    () => findReports(config.reports, ctx.workspace),
    (found) => ({ reports: found.length }),
  );
  if (files.length === 0 && !config.allowEmpty) {
    throw new ConfigurationError(
      `Input 'reports': no file matched ${config.reports.map((r) => `'${r}'`).join(', ')} in ${ctx.workspace}. A test stage that wrote no report must not pass; set allow-empty: true if that is expected.`,
    );
  }
  let evaluation: Evaluation;
  let flakes: FlakeStat[];
  let historyNote: string;
  const entries = await loadQuarantine(config);
  const active = entries.filter((entry) => !isExpired(entry, ctx.clock.now()));
  const history = await ctx.log.stage(
    'history-load',
    () => loadHistory(ctx, config, info),
    (h) => ({ records: h.loaded.length }),
  );
  // One git call lists the blob id of every tracked file: no file is opened to tell an edit apart.
  const git = new Git(ctx.workspace, ctx.runtime.env);
  const blobs = await indexBlobs(git);
  const table = new FileTable(blobs ?? new Map());
  const work = await mkdtemp(join(ctx.runtime.env.RUNNER_TEMP || tmpdir(), 'gantry-quarantine-'));
  try {
    const record = new RecordWriter(join(work, 'record.json.gz'), info);
    const collector = new RunCollector({ suspects: history.suspects, entries: active, files: table, record });
    await ctx.log.stage(
      'parse',
      async () => {
        for (const file of files) {
          await parseJUnitFile(file, {
            maxBytes: config.maxReportSize,
            workspace: ctx.workspace,
            displayName: shown(file, ctx.workspace),
            onCase: (c) => collector.add(c),
          });
        }
        collector.end();
      },
      () => ({ tests: collector.totals.total }),
    );
    if (collector.ids === 0 && !config.allowEmpty) {
      throw new ConfigurationError(
        `Input 'reports': the ${files.length} report(s) found hold no test cases. Set allow-empty: true if that is expected.`,
      );
    }
    const { totals } = collector;
    // A stage whose tests were all skipped (disabled, filtered out) tested nothing: it must not look green.
    if (!config.allowEmpty && totals.skipped === totals.total) {
      throw new ConfigurationError(
        `Input 'reports': all ${totals.skipped} test case(s) in the ${files.length} report(s) found were skipped; nothing ran. Set allow-empty: true if that is expected.`,
      );
    }
    const held = [...collector.notPassed.values(), ...collector.passedSuspects.values()];
    const opened = blobs === undefined ? await table.hashFromDisk(ctx.workspace, held) : 0;
    collector.writeHeld();
    const encoded = record.close(table.files);
    ctx.runtime.debug(
      `quarantine: ${totals.total} test runs, ${collector.notPassed.size} not passed held in memory, ${record.tests} record entries, ${table.files.length} files; git processes ${git.stats.processes}, test files opened ${opened}.`,
    );
    const tests = [...collector.notPassed.values()];
    evaluation = evaluate(tests, entries, ctx.clock.now(), config.onExpired, {
      totals,
      used: collector.usedEntries,
    });
    // This run as detection sees it: the tests that did not pass and the suspects that did.
    const current: RunRecord = { v: 1, ...info, files: table.files, tests: {} };
    for (const test of held) {
      const index = table.indexOf(test);
      const code = test.outcome === 'failed' ? 'F' : test.outcome === 'flaky' ? 'K' : 'P';
      current.tests[test.id] = code + (index ?? '');
    }
    const saved = await ctx.log.stage(
      'history',
      () => saveHistory(ctx, history, encoded, config.window),
      () => ({}),
    );
    const window = [...history.loaded, current];
    flakes = detectFlakes(window);
    historyNote =
      history.store === undefined
        ? 'not kept (the cache service is not available)'
        : `${history.store.kind}, ${saved ? window.length : history.loaded.length + 1} run(s) of branch ${info.branch}`;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const proposals = findProposals(flakes, entries, ctx.clock.now(), config.flakeThreshold);
  // An issue that cannot be opened fails the step, but only after the verdict is written.
  let issueError: unknown;
  if (config.createIssues && proposals.length > 0) {
    await ctx.log
      .stage(
        'issues',
        () => openIssues(ctx, config, proposals),
        () => ({ proposals: proposals.length }),
      )
      .catch((error: unknown) => {
        issueError = error;
      });
  }

  writeOutputs(ctx, evaluation, proposals);
  annotate(ctx, evaluation, config.mode, issueError === undefined ? 0 : 1);
  await ctx.runtime.appendSummary(
    renderSummary({
      evaluation,
      mode: config.mode,
      flakes,
      proposals,
      now: ctx.clock.now(),
      history: historyNote,
    }),
  );
  ctx.runtime.info(
    `Tests: ${evaluation.totals.total}, failed ${evaluation.failures.length}, quarantined failures ${evaluation.quarantined.length}, flaky ${evaluation.totals.flaky}; verdict ${evaluation.verdict}.`,
  );
  const failure =
    evaluation.verdict === 'failed' ? `Tests failed: ${evaluation.reasons.join('; ')}.` : undefined;
  if (failure && config.mode === 'report') ctx.runtime.info(`${failure} (mode: report, the step passes)`);
  if (failure && config.mode === 'enforce') {
    if (issueError !== undefined)
      ctx.runtime.annotate({
        level: 'error',
        title: 'Flaky-test issues not opened',
        message: oneLine(errorMessage(issueError)),
      });
    throw new TestsFailedError(failure);
  }
  if (issueError !== undefined) throw issueError;
};

/** The verdict, not a fault: ends the step with its one error line like any other failure. */
export class TestsFailedError extends Error {
  override name = 'TestsFailedError';
}

async function runInfo(ctx: ActionContext): Promise<RunInfo> {
  const { github } = ctx;
  let sha = github.sha;
  let branch = github.headRef || github.refName;
  if (!sha || !branch) {
    const git = new Git(ctx.workspace, ctx.runtime.env);
    sha ||= (await git.run(['rev-parse', 'HEAD'], { okCodes: [128] })).stdout.toString().trim() || 'unknown';
    branch ||=
      (await git.run(['rev-parse', '--abbrev-ref', 'HEAD'], { okCodes: [128] })).stdout.toString().trim() ||
      'local';
  }
  return {
    run: github.runId || `local-${ctx.clock.now()}`,
    attempt: github.runAttempt,
    sha,
    branch,
    time: ctx.clock.now(),
  };
}

/** Globs relative to the workspace; a line starting with '!' excludes. */
export async function findReports(patterns: string[], workspace: string): Promise<string[]> {
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const excluded = globMatcher(exclude);
  const found = new Set<string>();
  for (const pattern of include) {
    for await (const path of glob(pattern, { cwd: workspace })) {
      const absolute = isAbsolute(path) ? path : join(workspace, path);
      if (!excluded(relative(workspace, absolute)) && !found.has(absolute)) found.add(absolute);
    }
  }
  const files: string[] = [];
  for (const path of [...found].sort()) {
    if ((await stat(path)).isFile()) files.push(path);
  }
  return files;
}

function shown(file: string, workspace: string): string {
  const rel = relative(workspace, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

async function loadQuarantine(config: QuarantineConfig): Promise<QuarantineEntry[]> {
  if (!existsSync(config.quarantineFile)) {
    if (config.quarantineFileGiven) {
      throw new ConfigurationError(
        `Input 'quarantine-file': ${config.quarantineFile} does not exist; create it or fix the path.`,
      );
    }
    return [];
  }
  return parseQuarantineFile(await readFile(config.quarantineFile, 'utf8'), config.quarantineFile);
}

interface LoadedHistory {
  store: HistoryStore | undefined;
  /** Earlier records of this branch, oldest first, without this run's own earlier try. */
  loaded: RunRecord[];
  /** Ids that did not pass somewhere in those records. */
  suspects: Set<string>;
}

async function loadHistory(
  ctx: ActionContext,
  config: QuarantineConfig,
  info: RunInfo,
): Promise<LoadedHistory> {
  const store = await historyStore(ctx, config, info);
  let loaded: RunRecord[] = [];
  if (store !== undefined) {
    try {
      loaded = await store.load(info.branch, config.window);
      // A re-run of the same attempt (a re-triggered step) replaces its own earlier record.
      loaded = loaded.filter((r) => !(r.run === info.run && r.attempt === info.attempt));
      loaded = loaded.slice(Math.max(0, loaded.length - (config.window - 1)));
    } catch (error) {
      if (isConfigurationError(error)) throw error;
      warnHistory(ctx, store, error);
      return { store: undefined, loaded: [], suspects: new Set() };
    }
  }
  const suspects = new Set<string>();
  for (const record of loaded)
    for (const [id, value] of Object.entries(record.tests)) if (value[0] !== 'P') suspects.add(id);
  return { store, loaded, suspects };
}

async function saveHistory(
  ctx: ActionContext,
  history: LoadedHistory,
  record: EncodedRecord,
  window: number,
): Promise<boolean> {
  if (history.store === undefined) return false;
  try {
    await history.store.append(record, window);
    return true;
  } catch (error) {
    if (isConfigurationError(error)) throw error;
    warnHistory(ctx, history.store, error);
    return false;
  }
}

function warnHistory(ctx: ActionContext, store: HistoryStore, error: unknown): void {
  ctx.runtime.annotate({
    level: 'warning',
    title: 'Test history not updated',
    message: oneLine(`history: ${store.kind}: ${errorMessage(error)}`),
  });
}

/** Blob ids of the tracked files (`git ls-files -s`), or undefined outside a git work tree. */
async function indexBlobs(git: Git): Promise<Map<string, string> | undefined> {
  const listed = await git.run(['ls-files', '-s', '-z'], { okCodes: [128] }).catch(() => undefined);
  if (listed === undefined || listed.code !== 0) return undefined;
  const blobs = new Map<string, string>();
  const out = listed.stdout;
  let start = 0;
  for (let end = out.indexOf(0, start); end !== -1; end = out.indexOf(0, start)) {
    // <mode> SP <blob> SP <stage> TAB <path>
    const tab = out.indexOf(9, start);
    if (tab > start && tab < end)
      blobs.set(out.toString('utf8', tab + 1, end), out.toString('latin1', start + 7, start + 47));
    start = end + 1;
  }
  return blobs;
}

async function historyStore(
  ctx: ActionContext,
  config: QuarantineConfig,
  info: RunInfo,
): Promise<HistoryStore | undefined> {
  if (config.history === 'dir') return new DirHistory(RUN_RECORDS, config.historyDir!);
  if (config.history === 'branch')
    return new BranchHistory(
      RUN_RECORDS,
      new Git(ctx.workspace, ctx.runtime.env),
      config.historyBranch,
      ctx.clock,
    );
  const cache = await import('@actions/cache');
  if (!cache.isFeatureAvailable()) {
    ctx.runtime.annotate({
      level: 'warning',
      title: 'Test history not kept',
      message:
        "history: cache needs GitHub's cache service, which this job does not have; use history: branch or history: dir.",
    });
    return undefined;
  }
  const client: CacheClient = {
    restoreCache: (p, k, r) => cache.restoreCache(p, k, r),
    saveCache: (p, k) => cache.saveCache(p, k),
  };
  const dir = join(ctx.runtime.env.RUNNER_TEMP || ctx.workspace, 'gantry-quarantine-history');
  return new CacheHistory(RUN_RECORDS, dir, client, info);
}

async function openIssues(ctx: ActionContext, config: QuarantineConfig, list: Proposal[]): Promise<void> {
  const { repository, serverUrl: server } = ctx.github;
  if (!repository)
    throw new ConfigurationError(
      `Input 'create-issues': GITHUB_REPOSITORY is not set; issues need a repository (owner/name).`,
    );
  const issues = new GitHubIssues(await ctx.gitHub(config.githubToken!), repository);
  for (const proposal of list.slice(0, MAX_ISSUES_PER_RUN)) {
    const { stat } = proposal;
    const evidence = stat.evidence
      .slice(-10)
      .map(
        (e) =>
          `- ${e.kind}: run [${e.run}](${server}/${repository}/actions/runs/${e.run}/attempts/${e.attempt}) attempt ${e.attempt}, commit ${e.sha}`,
      )
      .join('\n');
    const ref = await issues.findOrCreate({
      testId: stat.id,
      body: `\`${stat.id.replace(/`/g, "'")}\` is flaky: ${stat.flakyRuns} of its last ${stat.runs} runs failed without a code change (${percent(stat.rate)}).\n\nEvidence:\n${evidence}\n\nQuarantine it in the quarantine file with an owner and an expiry date, fix it, then remove the entry.\n`,
    });
    proposal.issue = ref.url;
    ctx.runtime.info(
      `${ref.created ? 'Opened' : 'Found'} issue #${ref.number} for flaky test ${oneLine(stat.id)}: ${ref.url}`,
    );
  }
}

function writeOutputs(ctx: ActionContext, e: Evaluation, proposals: Proposal[]): void {
  const out = ctx.runtime;
  out.setOutput(OUTPUTS.total, String(e.totals.total));
  out.setOutput(OUTPUTS.passed, String(e.totals.passed));
  out.setOutput(OUTPUTS.failed, String(e.totals.failed));
  out.setOutput(OUTPUTS.skipped, String(e.totals.skipped));
  out.setOutput(OUTPUTS.flaky, String(e.totals.flaky));
  out.setOutput(OUTPUTS.quarantinedFailures, String(e.quarantined.length));
  out.setOutput(OUTPUTS.verdict, e.verdict);
  out.setOutput(
    OUTPUTS.newFlaky,
    JSON.stringify(
      proposals.slice(0, 100).map(({ stat, issue }) => ({
        id: stat.id,
        rate: stat.rate,
        runs: stat.runs,
        flakyRuns: stat.flakyRuns,
        evidence: stat.evidence.slice(-5),
        issue,
      })),
    ),
  );
}

/** Errors for blocking failures, warnings for quarantined ones and expired entries, notices for the rest. */
function annotate(ctx: ActionContext, e: Evaluation, mode: 'enforce' | 'report', otherErrors: number): void {
  // The step's own failure line is an error annotation too: leave room for it and for other errors.
  const errorRoom =
    ANNOTATION_LIMIT_PER_LEVEL - otherErrors - (e.verdict === 'failed' && mode === 'enforce' ? 1 : 0);
  const level = mode === 'enforce' ? 'error' : 'warning';
  for (const test of e.failures.slice(0, errorRoom)) {
    ctx.runtime.annotate({
      level,
      title: `Test ${test.failureKind === 'error' ? 'errored' : 'failed'}: ${test.name}`,
      message: text(test),
      ...location(test),
    });
  }
  for (const { test, entry } of e.quarantined) {
    ctx.runtime.annotate({
      level: 'warning',
      title: `Quarantined test failed: ${test.name}`,
      message: `${text(test)}\nQuarantined until ${entry.expires} (owner ${entry.owner}): ${entry.reason}`,
      ...location(test),
    });
  }
  for (const entry of e.expired) {
    ctx.runtime.annotate({
      level: 'warning',
      title: 'Quarantine expired',
      message: `'${entry.id}' expired on ${entry.expires} (owner ${entry.owner}); renew or remove it (quarantine file line ${entry.line}).`,
    });
  }
  for (const test of e.flakyInRun)
    ctx.runtime.annotate({
      level: 'notice',
      title: `Flaky test: ${test.name}`,
      message: `${test.id} failed, then passed on retry.`,
      ...location(test),
    });
  for (const entry of e.dead)
    ctx.runtime.annotate({
      level: 'notice',
      title: 'Quarantine matched no test',
      message: `'${entry.id}' (line ${entry.line}) matched no test in this run; remove it if the test is gone.`,
    });
}

function text(test: TestResult): string {
  return `${test.id}${test.message ? `: ${test.message}` : ''}`.slice(0, 4000);
}

function location(test: TestResult): { file?: string; line?: number } {
  // The runner maps annotations to repository-relative paths only.
  if (test.file === undefined || isAbsolute(test.file) || /^[A-Za-z]:\\/.test(test.file)) return {};
  return { file: test.file, line: test.line };
}
