import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MetricsReport } from './model.js';

/**
 * The files of everything the summary shows: metrics.json (the whole report) and one CSV per table.
 * CSV follows RFC 4180 (every text cell quoted, quotes doubled, CRLF rows). A text cell a spreadsheet
 * would read as a formula (starting with = + - @, or a tab or CR, as OWASP's CSV injection advice
 * lists) gets a leading apostrophe; numbers are written as numbers and never altered.
 */
export type Cell = string | number | boolean | undefined;

export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csv(header: string[], rows: Cell[][]): string {
  return (
    [header.map(csvCell), ...rows.map((row) => row.map(csvCell))].map((r) => r.join(',')).join('\r\n') +
    '\r\n'
  );
}

const iso = (ms: number) => new Date(ms).toISOString();

export function csvFiles(report: MetricsReport): Record<string, string> {
  return {
    'dora.csv': csv(
      [
        'service',
        'environment',
        'deployments',
        'deployments_per_week',
        'lead_time_ms',
        'change_failure_rate',
        'time_to_restore_ms',
        'failures',
        'open_incidents',
      ],
      report.dora.map((d) => [
        d.service,
        d.environment,
        d.deployments,
        d.deploymentsPerWeek,
        d.leadTimeMs,
        d.changeFailureRate,
        d.timeToRestoreMs,
        d.failures,
        d.openIncidents,
      ]),
    ),
    'deploys-per-week.csv': csv(
      ['service', 'environment', 'week_start', 'deployments'],
      report.dora.flatMap((d) =>
        (d.weekly ?? []).map((w) => [d.service, d.environment, iso(w.weekStart), w.count]),
      ),
    ),
    'pass-rates.csv': csv(
      [
        'workflow',
        'branch',
        'runs',
        'passed',
        'rate',
        'recent_runs',
        'recent_rate',
        'previous_runs',
        'previous_rate',
      ],
      report.passRates.map((p) => [
        p.workflow,
        p.branch,
        p.runs,
        p.passed,
        p.rate,
        p.recentRuns,
        p.recentRate,
        p.previousRuns,
        p.previousRate,
      ]),
    ),
    'pass-rates-per-week.csv': csv(
      ['workflow', 'branch', 'week_start', 'runs', 'passed'],
      report.passRates.flatMap((p) =>
        (p.weekly ?? []).map((w) => [p.workflow, p.branch, iso(w.weekStart), w.count, w.passed]),
      ),
    ),
    'flakes.csv': csv(
      ['test', 'runs', 'flaky_runs', 'rate'],
      report.flakes.map((f) => [f.test, f.runs, f.flakyRuns, f.rate]),
    ),
    'durations.csv': csv(
      [
        'workflow',
        'job',
        'step',
        'runs',
        'latest_ms',
        'baseline_samples',
        'baseline_median_ms',
        'baseline_mad_ms',
        'threshold_ms',
        'consecutive_over',
      ],
      report.durations.map((d) => [
        d.workflow,
        d.job,
        d.step,
        d.runs,
        d.latestMs,
        d.samples,
        d.medianMs,
        d.madMs,
        d.upperMs,
        d.consecutiveOver,
      ]),
    ),
    'duration-series.csv': csv(
      ['workflow', 'job', 'step', 'started_at', 'ms', 'baseline_median_ms', 'threshold_ms'],
      report.durations.flatMap((d) =>
        (d.series ?? []).map((p) => [d.workflow, d.job, d.step, iso(p.time), p.ms, p.medianMs, p.upperMs]),
      ),
    ),
    'queue.csv': csv(
      ['workflow', 'job', 'jobs', 'median_ms', 'p90_ms'],
      report.queue.map((q) => [q.workflow, q.job, q.samples, q.medianMs, q.p90Ms]),
    ),
    'stages.csv': csv(
      [
        'action',
        'stage',
        'runs',
        'retries',
        'exhausted',
        'recent_runs',
        'recent_exhausted',
        'previous_runs',
        'previous_exhausted',
      ],
      report.stages.map((s) => [
        s.action,
        s.stage,
        s.runs,
        s.retries,
        s.exhausted,
        s.recentRuns,
        s.recentExhausted,
        s.previousRuns,
        s.previousExhausted,
      ]),
    ),
    'alerts.csv': csv(
      ['key', 'kind', 'title', 'firing'],
      report.alerts.map((a) => [a.key, a.kind, a.title, a.firing]),
    ),
  };
}

/** Writes metrics.json and the CSV files into `dir`; returns the paths written, metrics.json first. */
export async function writeReportFiles(dir: string, report: MetricsReport): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written = [join(dir, 'metrics.json')];
  await writeFile(written[0]!, `${JSON.stringify(report, null, 1)}\n`);
  for (const [name, text] of Object.entries(csvFiles(report))) {
    const path = join(dir, name);
    await writeFile(path, text);
    written.push(path);
  }
  return written;
}
