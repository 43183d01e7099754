import { existsSync } from 'node:fs';
import { glob, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { Git } from '../git/index.js';
import { globMatcher } from '../glob/index.js';
import {
  type ActionContext,
  type ActionFn,
  ANNOTATION_LIMIT_PER_LEVEL,
  ConfigurationError,
  errorMessage,
  oneLine,
} from '../runtime/index.js';
import {
  FileTable,
  RecordWriter,
  RunCollector,
  SpillWriter,
  settleNotPassed,
  spilled,
  writePassedSuspects,
} from './collect.js';
import { type QuarantineConfig, readConfig } from './config.js';
import { MAX_ISSUES_PER_RUN, OUTPUTS } from './constants.js';
import { type Evaluation, evaluate, proposals as findProposals, type Proposal, percent } from './evaluate.js';
import { detectFlakes, type FlakeStat } from './flakes.js';
import {
  chain,
  checkAnnotations,
  createCheckRun,
  deniedOnReadOnlyToken,
  location,
  text,
  writeComment,
} from './github-report.js';
import type { RunInfo, RunRecord } from './history.js';
import { indexBlobs, loadHistory, saveHistory } from './history-store.js';
import { GitHubIssues } from './issues.js';
import { isMalformedReport, parseJUnitFile } from './junit.js';
import { isExpired, parseQuarantineFile, type QuarantineEntry } from './quarantine-file.js';
import { LISTED, renderSummary } from './summary.js';

export const main: ActionFn = async (ctx) => {
  // The run's record and the spill of results that did not pass live here until the step ends.
  const work = await mkdtemp(join(ctx.runtime.env.RUNNER_TEMP || tmpdir(), 'gantry-quarantine-'));
  try {
    await judge(ctx, work);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
};

/** How many results of each kind are held in full (summary, the step's annotations, the comment). */
const KEPT = LISTED;

async function judge(ctx: ActionContext, work: string): Promise<void> {
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
    (h) => ({ records: h.records }),
  );
  // One git call lists the blob id of every tracked file: no file is opened to tell an edit apart.
  const git = new Git(ctx.workspace, ctx.runtime.env);
  const blobs = await indexBlobs(git);
  const table = new FileTable(blobs ?? new Map());
  const malformed: string[] = [];
  const spillPath = join(work, 'not-passed.jsonl');
  let collector: RunCollector;
  {
    const record = new RecordWriter(join(work, 'record.json.gz'), info);
    collector = new RunCollector({
      suspects: history.suspects,
      entries: active,
      files: table,
      record,
      spill: new SpillWriter(spillPath),
    });
    await ctx.log.stage(
      'parse',
      async () => {
        for (const file of files) {
          let cases = 0;
          try {
            await parseJUnitFile(file, {
              maxBytes: config.maxReportSize,
              workspace: ctx.workspace,
              displayName: shown(file, ctx.workspace),
              onCase: (c) => {
                cases += 1;
                collector.add(c);
              },
            });
          } catch (error) {
            if (!isMalformedReport(error) || config.onMalformed === 'fail') throw error;
            // The test cases read before the bad line are counted: a report cut short by a killed
            // runner still says which tests ran.
            malformed.push(file);
            ctx.runtime.annotate({
              level: 'warning',
              title: 'Malformed test report skipped',
              message: `${error.message} ${cases} test case(s) read before it are counted; the rest of the report is not (on-malformed: warn).`,
            });
          }
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
    const suspects = collector.passedSuspects;
    const opened =
      blobs === undefined
        ? await table.hashFromDisk(ctx.workspace, chain(suspects.values(), spilled(spillPath)))
        : 0;
    // This run as detection sees it: the suspects that passed, and the tests that did not pass (all
    // of them when there is history to compare with; a failure seen once alone is never a flake).
    const current: RunRecord = { v: 1, ...info, files: table.files, tests: Object.create(null) };
    const settled = await settleNotPassed(collector, spillPath, {
      active,
      files: table,
      record,
      keep: KEPT,
      observe: (test, code, index) => {
        // The copy of the id history holds, if it holds one: a failing suite's ids are held once.
        if (code === 'K' || history.records > 0)
          current.tests[history.suspects.get(test.id) ?? test.id] = code + (index ?? '');
      },
    });
    for (const test of suspects.values()) current.tests[test.id] = `P${table.indexOf(test) ?? ''}`;
    writePassedSuspects(collector, table, record);
    const encoded = record.close(table.files);
    const memory = process.memoryUsage();
    ctx.runtime.debug(
      `quarantine: ${totals.total} test runs, ${collector.notPassed.size} not passed (results held in full ${settled.failures.length + settled.quarantined.length + settled.flaky.length}, spilled ${collector.spillLines}), ${record.tests} record entries, ${table.files.length} files; git processes ${git.stats.processes}, test files opened ${opened}; heap ${Math.round(memory.heapUsed / 1e6)} MB, rss ${Math.round(memory.rss / 1e6)} MB.`,
    );
    evaluation = evaluate(
      [...settled.failures, ...settled.quarantined.map((q) => q.test), ...settled.flaky],
      entries,
      ctx.clock.now(),
      config.onExpired,
      { totals, used: collector.usedEntries, counts: settled.counts },
    );
    // The earlier records, narrowed to the tests detection looks at: those that did not pass there,
    // and those that did not pass here (a pass before and a failure now on the same file is a flip).
    // Read before this run's record is stored, which could push the oldest out of the window.
    const earlier =
      history.records === 0
        ? []
        : await ctx.log.stage(
            'history-narrow',
            () => {
              const wanted = new Map(history.suspects);
              for (const id in current.tests) if (!wanted.has(id)) wanted.set(id, id);
              return history.narrowed(wanted);
            },
            (records) => ({ records: records.length }),
          );
    const saved = await ctx.log.stage(
      'history',
      () => saveHistory(ctx, history, encoded, config.window),
      () => ({}),
    );
    const window = [...earlier, current];
    flakes = detectFlakes(window);
    historyNote =
      history.store === undefined
        ? 'not kept (the cache service is not available)'
        : `${history.store.kind}, ${saved ? window.length : history.records + 1} run(s) of branch ${info.branch}`;
  }
  const proposals = findProposals(flakes, entries, ctx.clock.now(), config.flakeThreshold);
  // A GitHub write that fails fails the step, but only after the verdict is written; on a fork or
  // Dependabot pull request (a read-only token) a refused write is a warning and never fails it.
  const publishErrors: { title: string; error: unknown }[] = [];
  const publish = async (stage: string, title: string, fn: () => Promise<unknown>) => {
    await ctx.log
      .stage(stage, fn, () => ({}))
      .catch((error: unknown) => {
        const readOnly = deniedOnReadOnlyToken(ctx, error);
        if (readOnly === undefined) publishErrors.push({ title, error });
        else
          ctx.runtime.annotate({
            level: 'warning',
            title: `${title}: skipped (read-only token)`,
            message: oneLine(
              `${errorMessage(error)} — ${readOnly} gets a read-only token; the verdict stands. To report on such pull requests, run the action from a workflow_run workflow (see the action's README).`,
            ),
          });
      });
  };
  if (config.createIssues && proposals.length > 0)
    await publish('issues', 'Flaky-test issues not opened', () => openIssues(ctx, config, proposals));
  const summary = renderSummary({
    evaluation,
    mode: config.mode,
    flakes,
    proposals,
    now: ctx.clock.now(),
    history: historyNote,
    malformed: malformed.map((file) => shown(file, ctx.workspace)),
  });
  if (config.checkRun)
    await publish('check-run', 'Check run not created', () =>
      createCheckRun(ctx, config, evaluation, summary, checkAnnotations(collector, spillPath, active)),
    );
  if (config.prComment)
    await publish('pr-comment', 'Pull request comment not written', () =>
      writeComment(ctx, config, evaluation, flakes, proposals),
    );

  writeOutputs(ctx, evaluation, proposals);
  annotate(ctx, evaluation, config.mode, publishErrors.length);
  await ctx.runtime.appendSummary(summary);
  ctx.runtime.info(
    `Tests: ${evaluation.totals.total}, failed ${evaluation.counts.failures}, quarantined failures ${evaluation.counts.quarantined}, flaky ${evaluation.totals.flaky}; verdict ${evaluation.verdict}.`,
  );
  const failure =
    evaluation.verdict === 'failed' ? `Tests failed: ${evaluation.reasons.join('; ')}.` : undefined;
  if (failure && config.mode === 'report') ctx.runtime.info(`${failure} (mode: report, the step passes)`);
  if (failure && config.mode === 'enforce') {
    for (const { title, error } of publishErrors)
      ctx.runtime.annotate({ level: 'error', title, message: oneLine(errorMessage(error)) });
    throw new TestsFailedError(failure);
  }
  for (const { title, error } of publishErrors.slice(1))
    ctx.runtime.annotate({ level: 'error', title, message: oneLine(errorMessage(error)) });
  if (publishErrors.length > 0) throw publishErrors[0]!.error;
}

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
  out.setOutput(OUTPUTS.quarantinedFailures, String(e.counts.quarantined));
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
