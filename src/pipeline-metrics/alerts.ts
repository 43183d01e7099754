import { createHash } from 'node:crypto';
import { callGitHub, type GitHub, type ListedIssue, openIssues } from '../github/client.js';
import { ConfigurationError } from '../runtime/errors.js';
import { oneLine } from '../runtime/text.js';
import type { MetricsOptions } from './metrics.js';
import type { Alert, DurationBaseline, MetricsReport, PassRate, StageRetries } from './model.js';
import { formatDuration, formatRate, safeMarkdown } from './format.js';

/**
 * Alerts without noise: each rule needs a sustained signal, and every subject it could judge gets an
 * entry, firing or not, so that an issue opened for it is closed when it recovers.
 * - duration: a job or step over its baseline (median + threshold spreads) for N consecutive runs;
 * - pass-rate: the last 7 days' pass rate on the default branch at least `passRateDrop` below the
 *   7 days before, with at least MIN_RUNS judged runs on each side;
 * - retry-exhaustion: a stage's share of lines with exhausted retries higher in the last 7 days than
 *   in the 7 days before, with at least MIN_EXHAUSTED exhausted retries in the last 7 days.
 */
export const MIN_RUNS = 5;
export const MIN_EXHAUSTED = 2;

export function alertKey(kind: Alert['kind'], subject: readonly string[]): string {
  return `${kind}-${createHash('sha256')
    .update(JSON.stringify([kind, ...subject]))
    .digest('hex')
    .slice(0, 16)}`;
}

export function durationSubject(d: Pick<DurationBaseline, 'workflow' | 'job' | 'step'>): string {
  return `${d.workflow} › ${d.job}${d.step === undefined ? '' : ` › ${d.step}`}`;
}

export function evaluateAlerts(
  report: Omit<MetricsReport, 'alerts'>,
  options: Pick<MetricsOptions, 'consecutive' | 'threshold' | 'passRateDrop'>,
): Alert[] {
  const alerts = [
    ...report.durations.flatMap((d) => durationAlert(d, options)),
    ...report.passRates.flatMap((p) => passRateAlert(p, options)),
    ...report.stages.flatMap((s) => exhaustionAlert(s)),
  ];
  return alerts.sort(
    (a, b) =>
      Number(b.firing) - Number(a.firing) || a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key),
  );
}

function durationAlert(
  d: DurationBaseline,
  options: Pick<MetricsOptions, 'consecutive' | 'threshold'>,
): Alert[] {
  if (d.upperMs === undefined) return [];
  const subject = durationSubject(d);
  const firing = d.consecutiveOver >= options.consecutive;
  return [
    {
      key: alertKey('duration', [d.workflow, d.job, ...(d.step === undefined ? [] : [d.step])]),
      kind: 'duration',
      title: `Slower than its baseline: ${subject}`,
      firing,
      body: [
        `**${safeMarkdown(subject)}** ${firing ? 'has been' : 'is no longer'} slower than its 7-day baseline for ${options.consecutive} consecutive runs.`,
        '',
        `- latest run: ${formatDuration(d.latestMs)}`,
        `- baseline median: ${formatDuration(d.medianMs)} (MAD ${formatDuration(d.madMs)}, ${d.samples} runs in the 7 days before)`,
        `- threshold: ${formatDuration(d.upperMs)} (median + ${options.threshold} spreads)`,
        `- consecutive runs over the threshold: ${d.consecutiveOver}`,
      ].join('\n'),
    },
  ];
}

function passRateAlert(p: PassRate, options: Pick<MetricsOptions, 'passRateDrop'>): Alert[] {
  if (
    p.recentRate === undefined ||
    p.previousRate === undefined ||
    (p.recentRuns ?? 0) < MIN_RUNS ||
    (p.previousRuns ?? 0) < MIN_RUNS
  )
    return [];
  const firing = p.previousRate - p.recentRate >= options.passRateDrop - 1e-9;
  const subject = `${p.workflow} on ${p.branch}`;
  return [
    {
      key: alertKey('pass-rate', [p.workflow, p.branch]),
      kind: 'pass-rate',
      title: `Pass rate dropped: ${subject}`,
      firing,
      body: [
        `The pass rate of **${safeMarkdown(subject)}** ${firing ? 'dropped' : 'no longer dropped'} by ${formatRate(options.passRateDrop)} points or more.`,
        '',
        `- last 7 days: ${formatRate(p.recentRate)} of ${p.recentRuns} runs`,
        `- the 7 days before: ${formatRate(p.previousRate)} of ${p.previousRuns} runs`,
      ].join('\n'),
    },
  ];
}

function exhaustionAlert(s: StageRetries): Alert[] {
  if (!s.recentRuns) return [];
  const recent = (s.recentExhausted ?? 0) / s.recentRuns;
  const previous = s.previousRuns ? (s.previousExhausted ?? 0) / s.previousRuns : 0;
  const firing = (s.recentExhausted ?? 0) >= MIN_EXHAUSTED && recent > previous;
  const subject = `${s.action} › ${s.stage}`;
  return [
    {
      key: alertKey('retry-exhaustion', [s.action, s.stage]),
      kind: 'retry-exhaustion',
      title: `Retries exhausted more often: ${subject}`,
      firing,
      body: [
        `Stage **${safeMarkdown(subject)}** ${firing ? 'exhausts its retries more often than' : 'no longer exhausts its retries more often than'} the week before.`,
        '',
        `- last 7 days: ${s.recentExhausted ?? 0} exhausted in ${s.recentRuns} stage runs`,
        `- the 7 days before: ${s.previousExhausted ?? 0} exhausted in ${s.previousRuns ?? 0} stage runs`,
      ].join('\n'),
    },
  ];
}

// --- GitHub issues ---------------------------------------------------------------------------------

export type AlertAction = 'created' | 'updated' | 'unchanged' | 'closed' | 'skipped';

export interface AlertIssue {
  key: string;
  number?: number;
  url?: string;
  action: AlertAction;
}

/** The hidden marker that names an alert's issue, whatever its title became. */
export function alertMarker(key: string): string {
  return `<!-- gantry-pipeline-metrics-alert: ${key} -->`;
}

export function issueTitle(alert: Alert): string {
  return oneLine(alert.title).slice(0, 256);
}

export function issueBody(alert: Alert, runUrl: string): string {
  const footer = runUrl ? `\n\n_Updated by [pipeline-metrics](${encodeURI(runUrl)})._` : '';
  return `${alert.body}${footer}\n\n${alertMarker(alert.key)}\n`;
}

/** Open issues read at most, to find the alerts' issues (30 pages). */
const MAX_LISTED = 3000;
/** New issues opened at most per run: a flood of new subjects (or hostile names) opens no flood of issues. */
export const MAX_CREATED = 10;

/**
 * One open issue per firing alert, found by its marker among the repository's open issues (listed
 * once; the search API lags behind a just-created issue), its body updated in place; an open issue
 * whose alert no longer fires gets a comment and is closed. Creating is never retried (a repeat
 * would be a duplicate).
 */
export async function syncAlertIssues(
  client: GitHub,
  repository: string,
  alerts: readonly Alert[],
  runUrl: string,
  maxCreated = MAX_CREATED,
): Promise<AlertIssue[]> {
  const [owner = '', repo = ''] = repository.split('/');
  const open = await call(repository, 'GET', `/repos/${repository}/issues`, () =>
    openIssues(client, repository, MAX_LISTED),
  );
  const results: AlertIssue[] = [];
  let created = 0;
  for (const alert of alerts) {
    const marker = alertMarker(alert.key);
    const found = open.find((issue) => issue.body?.includes(marker));
    const body = issueBody(alert, runUrl);
    const title = issueTitle(alert);
    if (alert.firing && found) {
      if (found.body === body && found.title === title) {
        results.push({ key: alert.key, number: found.number, url: found.html_url, action: 'unchanged' });
        continue;
      }
      await call(repository, 'PATCH', `/repos/${repository}/issues/${found.number}`, () =>
        client.rest.issues.update({ owner, repo, issue_number: found.number, title, body }),
      );
      results.push({ key: alert.key, number: found.number, url: found.html_url, action: 'updated' });
    } else if (alert.firing) {
      if (created >= maxCreated) {
        results.push({ key: alert.key, action: 'skipped' });
        continue;
      }
      created++;
      const answer = await call(repository, 'POST', `/repos/${repository}/issues`, () =>
        client.rest.issues.create({ owner, repo, title, body, request: { retries: 0 } }),
      );
      const issue = answer.data as ListedIssue;
      open.push({ ...issue, body });
      results.push({ key: alert.key, number: issue.number, url: issue.html_url, action: 'created' });
    } else if (found) {
      await call(repository, 'POST', `/repos/${repository}/issues/${found.number}/comments`, () =>
        client.rest.issues.createComment({
          owner,
          repo,
          issue_number: found.number,
          body: `Recovered: closing.\n\n${alert.body}${runUrl ? `\n\n_Seen by [pipeline-metrics](${encodeURI(runUrl)})._` : ''}`,
        }),
      );
      await call(repository, 'PATCH', `/repos/${repository}/issues/${found.number}`, () =>
        client.rest.issues.update({ owner, repo, issue_number: found.number, state: 'closed', body }),
      );
      results.push({ key: alert.key, number: found.number, url: found.html_url, action: 'closed' });
    }
  }
  return results;
}

function call<T>(repository: string, method: string, path: string, fn: () => Promise<T>): Promise<T> {
  return callGitHub(method, path, fn, (what, status) =>
    status === 401 || status === 403 || status === 404
      ? new ConfigurationError(
          `Input 'alerts': ${what}. With alerts: issue give the job 'permissions: issues: write' and pass a token that can write issues in ${repository} (input 'github-token'), or use alerts: fail or none.`,
        )
      : undefined,
  );
}
