/**
 * The quarantine verdict on GitHub beyond the step's own log: a check run carrying every failure as
 * an annotation (the Checks API takes 50 a request; the step itself shows 10 a level) and one pull
 * request comment kept up to date, both degrading to a warning where GitHub makes the token
 * read-only (forks, Dependabot).
 */
import { isAbsolute } from 'node:path';
import { type ActionContext, ConfigurationError } from '../runtime/index.js';
import { type RunCollector, streamNotPassed } from './collect.js';
import type { QuarantineConfig } from './config.js';
import { INPUT } from './constants.js';
import type { Evaluation, Proposal } from './evaluate.js';
import type { FlakeStat } from './flakes.js';
import { type CheckAnnotation, GitHubReporter, GitHubWriteError } from './publish.js';
import type { QuarantineEntry } from './quarantine-file.js';
import type { TestResult } from './results.js';
import { renderComment } from './summary.js';

export async function* chain<T>(...sources: (Iterable<T> | AsyncIterable<T>)[]): AsyncGenerator<T> {
  for (const source of sources) for await (const item of source) yield item;
}

/**
 * Why this run's token is read-only, when a GitHub write was refused (401/403/404) on a pull request
 * from a fork or from Dependabot; undefined for any other failure, which stays an error.
 */
export function deniedOnReadOnlyToken(ctx: ActionContext, error: unknown): string | undefined {
  const status =
    error instanceof GitHubWriteError ? error.status : (error as { status?: unknown } | undefined)?.status;
  if (status !== 401 && status !== 403 && status !== 404) return undefined;
  return readOnlyTokenRun(ctx);
}

/** A pull request run whose GITHUB_TOKEN GitHub makes read-only: from a fork, or by Dependabot. */
export function readOnlyTokenRun(ctx: ActionContext): string | undefined {
  const { github } = ctx;
  if (github.actor === 'dependabot[bot]') return 'a Dependabot pull request';
  if (!github.eventName.startsWith('pull_request') || github.eventName === 'pull_request_target')
    return undefined;
  const head = github.payload.pull_request?.head as
    | { repo?: { fork?: boolean; full_name?: string } | null }
    | undefined;
  const repo = head?.repo;
  if (repo === null) return 'a pull request from a deleted fork';
  if (repo?.fork === true || (repo?.full_name !== undefined && repo.full_name !== github.repository))
    return 'a pull request from a fork';
  return undefined;
}

function requireRepository(ctx: ActionContext, input: string): string {
  if (!ctx.github.repository)
    throw new ConfigurationError(
      `Input '${input}': GITHUB_REPOSITORY is not set; it needs a repository (owner/name).`,
    );
  return ctx.github.repository;
}

/** The commit a check run belongs on: the pull request's head (not the merge commit), else the run's. */
function checkRunSha(ctx: ActionContext): string {
  const payload = ctx.github.payload;
  return payload.pull_request?.head.sha ?? payload.workflow_run?.head_sha ?? ctx.github.sha;
}

function pullRequestNumber(ctx: ActionContext): number | undefined {
  const payload = ctx.github.payload;
  const fromRun = (payload.workflow_run as { pull_requests?: { number?: number }[] } | undefined)
    ?.pull_requests?.[0]?.number;
  return payload.pull_request?.number ?? fromRun;
}

export async function createCheckRun(
  ctx: ActionContext,
  config: QuarantineConfig,
  e: Evaluation,
  summary: string,
  annotations: Iterable<CheckAnnotation> | AsyncIterable<CheckAnnotation>,
): Promise<void> {
  const repository = requireRepository(ctx, INPUT.checkRun);
  const reporter = new GitHubReporter(await ctx.gitHub(config.githubToken!), repository);
  const counts = `${e.totals.total} tests: ${e.counts.failures} failed, ${e.counts.quarantined} quarantined failures, ${e.totals.flaky} flaky`;
  const ref = await reporter.checkRun({
    name: config.checkName,
    headSha: checkRunSha(ctx),
    conclusion: e.verdict !== 'failed' ? 'success' : config.mode === 'enforce' ? 'failure' : 'neutral',
    title: `${e.verdict === 'failed' ? 'Failed' : 'Passed'}: ${counts}`,
    summary,
    annotations,
  });
  ctx.runtime.info(
    `Check run '${config.checkName}' ${ref.url}: ${ref.annotations} annotation(s) in ${ref.requests} request(s).`,
  );
}

export async function writeComment(
  ctx: ActionContext,
  config: QuarantineConfig,
  e: Evaluation,
  flakes: FlakeStat[],
  proposals: Proposal[],
): Promise<void> {
  const number = pullRequestNumber(ctx);
  if (number === undefined) {
    ctx.runtime.info(
      `pr-comment: this run is not for a pull request (event ${ctx.github.eventName || 'none'}); no comment.`,
    );
    return;
  }
  const repository = requireRepository(ctx, INPUT.prComment);
  const reporter = new GitHubReporter(await ctx.gitHub(config.githubToken!), repository);
  const body = renderComment({
    evaluation: e,
    mode: config.mode,
    flakes,
    proposals,
    name: config.checkName,
    runUrl: ctx.github.runUrl,
  });
  const ref = await reporter.comment(number, `${repository}#${number}:${config.checkName}`, body);
  ctx.runtime.info(`${ref.created ? 'Added' : 'Updated'} the comment on pull request #${number}: ${ref.url}`);
}

/** Every failure for the check run: not quarantined first, then quarantined, then flaky. */
export async function* checkAnnotations(
  collector: RunCollector,
  spillPath: string,
  active: QuarantineEntry[],
): AsyncGenerator<CheckAnnotation> {
  for await (const { test } of streamNotPassed(collector, spillPath, 'failed', active))
    yield checkAnnotation(
      test,
      'failure',
      `Test ${test.failureKind === 'error' ? 'errored' : 'failed'}: ${test.name}`,
      text(test),
    );
  for await (const { test, entry } of streamNotPassed(collector, spillPath, 'quarantined', active))
    yield checkAnnotation(
      test,
      'warning',
      `Quarantined test failed: ${test.name}`,
      `${text(test)}\nQuarantined until ${entry!.expires} (owner ${entry!.owner}): ${entry!.reason}`,
    );
  for await (const { test } of streamNotPassed(collector, spillPath, 'flaky', active))
    yield checkAnnotation(
      test,
      'notice',
      `Flaky test: ${test.name}`,
      `${test.id} failed, then passed on retry.`,
    );
}

function checkAnnotation(
  test: TestResult,
  level: CheckAnnotation['annotation_level'],
  title: string,
  message: string,
): CheckAnnotation {
  // A test without a repository path is pinned to its line in the report.
  const at = location(test);
  const path = at.file ?? test.report;
  const line = at.file !== undefined ? (at.line ?? 1) : test.reportLine;
  return {
    path,
    start_line: line,
    end_line: line,
    annotation_level: level,
    title: title.slice(0, 255),
    message,
  };
}

export function text(test: TestResult): string {
  return `${test.id}${test.message ? `: ${test.message}` : ''}`.slice(0, 4000);
}

export function location(test: TestResult): { file?: string; line?: number } {
  // The runner maps annotations to repository-relative paths only.
  if (test.file === undefined || isAbsolute(test.file) || /^[A-Za-z]:\\/.test(test.file)) return {};
  return { file: test.file, line: test.line };
}
