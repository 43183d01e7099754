import { details, markdownTable } from '../runtime/text.js';
import { durationSubject } from './alerts.js';
import type { AlertIssue } from './alerts.js';
import { formatDate, formatDuration, formatRate, mermaidText, safeMarkdown } from './format.js';
import type { DurationBaseline, MetricsReport, WeekCount } from './model.js';

/** Rows per table; the JSON and CSV files hold every row. */
export const MAX_ROWS = 50;
/** Charts per section. */
export const MAX_CHARTS = 4;

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * A Mermaid xychart (GitHub renders ```mermaid blocks in job summaries). Labels on the x axis are
 * dates or indexes the action makes; the only outside text, the title, goes through mermaidText.
 */
export function xychart(options: {
  title: string;
  xLabels: string[];
  yLabel: string;
  bars?: number[];
  lines?: number[][];
  yMax?: number;
}): string {
  const label = (text: string) => `"${mermaidText(text, 90)}"`;
  const numbers = (values: number[]) =>
    `[${values.map((v) => (Number.isFinite(v) ? String(v) : '0')).join(', ')}]`;
  const all = [...(options.bars ?? []), ...(options.lines ?? []).flat()].filter(Number.isFinite);
  const top = options.yMax ?? Math.max(1, ...all) * 1.1;
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${label(options.title)}`,
    `  x-axis [${options.xLabels.map(label).join(', ')}]`,
    `  y-axis ${label(options.yLabel)} 0 --> ${Math.ceil(top)}`,
    ...(options.bars ? [`  bar ${numbers(options.bars)}`] : []),
    ...(options.lines ?? []).map((line) => `  line ${numbers(line)}`),
    '```',
    '',
  ].join('\n');
}

function more(total: number, shown: number, what: string): string {
  return total > shown ? `\n_${total - shown} more ${what} in the JSON and CSV files._\n` : '';
}

/** Day labels (MM-DD); with several runs a day, day and time; if those repeat too, run numbers. */
export function pointLabels(times: readonly number[]): string[] {
  const unique = (labels: string[]) => new Set(labels).size === labels.length;
  const days = times.map((t) => formatDate(t).slice(5));
  if (unique(days)) return days;
  const minutes = times.map((t) => new Date(t).toISOString().slice(5, 16).replace('T', ' '));
  return unique(minutes) ? minutes : times.map((_, i) => String(i + 1));
}

function weekLabels(weekly: WeekCount[]): string[] {
  return weekly.map((w) => formatDate(w.weekStart).slice(5));
}

export function renderSummary(
  report: MetricsReport,
  issues: readonly AlertIssue[] = [],
  notes: readonly string[] = [],
): string {
  const parts: string[] = [];
  parts.push(
    `## Pipeline metrics: ${safeMarkdown(report.repository)}\n\n${formatDate(report.window.from)} to ${formatDate(report.window.to)}.\n`,
  );
  if (notes.length) parts.push(`${notes.map((note) => `- ${safeMarkdown(note)}`).join('\n')}\n`);
  parts.push(alertsSection(report, issues));
  parts.push(doraSection(report));
  parts.push(passSection(report));
  parts.push(flakeSection(report));
  parts.push(durationSection(report));
  parts.push(queueSection(report));
  parts.push(stageSection(report));
  return parts.filter(Boolean).join('\n');
}

function alertsSection(report: MetricsReport, issues: readonly AlertIssue[]): string {
  const firing = report.alerts.filter((a) => a.firing);
  if (firing.length === 0) return '### Alerts\n\nNone firing.\n';
  const byKey = new Map(issues.map((i) => [i.key, i]));
  const rows = firing.slice(0, MAX_ROWS).map((alert) => {
    const issue = byKey.get(alert.key);
    return [
      alert.kind,
      safeMarkdown(alert.title),
      issue?.number !== undefined ? `[#${issue.number}](${encodeURI(issue.url ?? '')}) ${issue.action}` : '—',
    ];
  });
  return `### Alerts\n\n${markdownTable(['kind', 'alert', 'issue'], rows)}${more(firing.length, rows.length, 'alerts')}`;
}

function doraSection(report: MetricsReport): string {
  if (report.dora.length === 0) return '### Deployments (DORA)\n\nNo deploys in the window.\n';
  const rows = report.dora
    .slice(0, MAX_ROWS)
    .map((d) => [
      safeMarkdown(d.service),
      safeMarkdown(d.environment),
      String(d.deployments),
      d.deploymentsPerWeek.toFixed(1),
      formatDuration(d.leadTimeMs),
      formatRate(d.changeFailureRate),
      formatDuration(d.timeToRestoreMs),
    ]);
  const charts = [...report.dora]
    .filter((d) => d.weekly?.length)
    .sort((a, b) => b.deployments - a.deployments)
    .slice(0, MAX_CHARTS)
    .map((d) =>
      xychart({
        title: `Deploys per week: ${mermaidText(d.service, 30)} to ${mermaidText(d.environment, 30)}`,
        xLabels: weekLabels(d.weekly!),
        yLabel: 'deploys',
        bars: d.weekly!.map((w) => w.count),
      }),
    );
  return `### Deployments (DORA)\n\n${markdownTable(
    ['service', 'environment', 'deploys', 'per week', 'lead time', 'change failure rate', 'time to restore'],
    rows,
  )}${more(report.dora.length, rows.length, 'services')}\n${charts.join('\n')}`;
}

function passSection(report: MetricsReport): string {
  if (report.passRates.length === 0)
    return '### Pass rate\n\nNo finished runs on the default branch in the window.\n';
  const rows = report.passRates
    .slice(0, MAX_ROWS)
    .map((p) => [
      safeMarkdown(p.workflow),
      String(p.runs),
      String(p.passed),
      formatRate(p.rate),
      formatRate(p.recentRate),
      formatRate(p.previousRate),
    ]);
  const charts = [...report.passRates]
    .filter((p) => p.weekly?.length)
    .sort((a, b) => b.runs - a.runs)
    .slice(0, MAX_CHARTS)
    .map((p) =>
      xychart({
        title: `Pass rate per week, percent: ${mermaidText(p.workflow, 60)}`,
        xLabels: weekLabels(p.weekly!),
        yLabel: 'percent passed',
        yMax: 100,
        lines: [p.weekly!.map((w) => (w.count ? Math.round(((w.passed ?? 0) / w.count) * 1000) / 10 : 0))],
      }),
    );
  return `### Pass rate (default branch)\n\n${markdownTable(
    ['workflow', 'runs', 'passed', 'rate', 'last 7 days', '7 days before'],
    rows,
  )}${more(report.passRates.length, rows.length, 'workflows')}\n${charts.join('\n')}`;
}

function flakeSection(report: MetricsReport): string {
  if (report.flakes.length === 0) return '### Flaky tests\n\nNo flaky runs in the history.\n';
  const rows = report.flakes.map((f, i) => [
    `#${i + 1}`,
    safeMarkdown(f.test),
    String(f.runs),
    String(f.flakyRuns),
    formatRate(f.rate),
  ]);
  const top = report.flakes.slice(0, 10);
  const chart = xychart({
    title: 'Flake rate of the flakiest tests, percent',
    xLabels: top.map((_, i) => `#${i + 1}`),
    yLabel: 'percent flaky runs',
    yMax: 100,
    bars: top.map((f) => Math.round(f.rate * 1000) / 10),
  });
  return `### Flaky tests\n\n${markdownTable(['#', 'test', 'runs', 'flaky runs', 'flake rate'], rows)}\n${chart}`;
}

function durationRow(d: DurationBaseline): string[] {
  return [
    safeMarkdown(d.workflow),
    safeMarkdown(d.job),
    ...(d.step === undefined ? [] : [safeMarkdown(d.step)]),
    formatDuration(d.latestMs),
    d.upperMs === undefined
      ? `— (${d.samples} runs)`
      : `${formatDuration(d.medianMs)} ± ${formatDuration(d.madMs)}`,
    formatDuration(d.upperMs),
    String(d.consecutiveOver),
  ];
}

function durationSection(report: MetricsReport): string {
  const jobs = report.durations.filter((d) => d.step === undefined);
  const steps = report.durations.filter((d) => d.step !== undefined);
  if (jobs.length === 0) return '### Durations\n\nNo successful jobs in the window.\n';
  const head = ['latest', 'baseline median ± MAD', 'threshold', 'runs over'];
  const jobRows = [...jobs]
    .sort((a, b) => b.consecutiveOver - a.consecutiveOver)
    .slice(0, MAX_ROWS)
    .map(durationRow);
  const stepRows = [...steps]
    .sort((a, b) => b.consecutiveOver - a.consecutiveOver)
    .slice(0, MAX_ROWS)
    .map(durationRow);
  // Charted: what is over its threshold first, then the longest jobs (a job before its own steps).
  const charted = [...report.durations]
    .filter((x) => (x.series?.length ?? 0) > 1)
    .sort(
      (a, b) =>
        b.consecutiveOver - a.consecutiveOver ||
        Number(a.step !== undefined) - Number(b.step !== undefined) ||
        b.medianMs - a.medianMs,
    )
    .slice(0, MAX_CHARTS);
  const charts = charted.map((x) => {
    // Runs with a baseline only, so the band lines do not drop to 0 where there was none yet.
    const judged = x.series!.filter((p) => p.medianMs !== undefined && p.upperMs !== undefined);
    const points = judged.length > 1 ? judged : x.series!;
    return xychart({
      title: `${mermaidText(durationSubject(x), 70)} (seconds)`,
      xLabels: pointLabels(points.map((p) => p.time)),
      yLabel: 'seconds',
      bars: points.map((p) => seconds(p.ms)),
      lines:
        points === judged
          ? [judged.map((p) => seconds(p.medianMs!)), judged.map((p) => seconds(p.upperMs!))]
          : [],
    });
  });
  return [
    '### Durations against the 7-day baseline\n',
    markdownTable(['workflow', 'job', ...head], jobRows) + more(jobs.length, jobRows.length, 'jobs'),
    stepRows.length
      ? details(
          `Steps (${steps.length})`,
          markdownTable(['workflow', 'job', 'step', ...head], stepRows) +
            more(steps.length, stepRows.length, 'steps'),
        )
      : '',
    charts.length ? `Bars: each run; lines: its baseline median and threshold.\n\n${charts.join('\n')}` : '',
  ].join('\n');
}

function queueSection(report: MetricsReport): string {
  if (report.queue.length === 0) return '';
  const rows = [...report.queue]
    .sort((a, b) => b.p90Ms - a.p90Ms)
    .slice(0, MAX_ROWS)
    .map((q) => [
      safeMarkdown(q.workflow),
      safeMarkdown(q.job),
      String(q.samples),
      formatDuration(q.medianMs),
      formatDuration(q.p90Ms),
    ]);
  return `### Queue time (created to started)\n\n${markdownTable(['workflow', 'job', 'jobs', 'median', 'p90'], rows)}${more(report.queue.length, rows.length, 'jobs')}`;
}

function stageSection(report: MetricsReport): string {
  if (report.stages.length === 0) return '';
  const rows = [...report.stages]
    .sort((a, b) => b.exhausted - a.exhausted || b.retries - a.retries)
    .slice(0, MAX_ROWS)
    .map((s) => [
      safeMarkdown(s.action),
      safeMarkdown(s.stage),
      String(s.runs),
      String(s.retries),
      String(s.exhausted),
      `${s.recentExhausted ?? 0} / ${s.previousExhausted ?? 0}`,
    ]);
  return `### Retries per stage\n\n${markdownTable(
    ['action', 'stage', 'runs', 'retries', 'exhausted', 'exhausted: last 7 days / 7 days before'],
    rows,
  )}${more(report.stages.length, rows.length, 'stages')}`;
}
