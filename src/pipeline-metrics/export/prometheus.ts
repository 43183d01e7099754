import { ConfigurationError } from '../../runtime/errors.js';
import { type HttpClient, safeUrl } from '../../net/index.js';
import type { MetricsReport } from '../model.js';
import { type ExportTarget, errorExcerpt, sendToReceiver, targetUrl } from './endpoint.js';
import { ExportError } from './errors.js';
import { wellFormed } from './text.js';

/**
 * The report as Prometheus gauges in the text exposition format (version 0.0.4), pushed to a
 * Pushgateway: the convention for batch jobs, which a scrape cannot reach. One PUT replaces the
 * whole group, so a series that left the report (a job renamed, a test no longer flaky) leaves the
 * Pushgateway too.
 */

/** Input names used in error messages; the action's constants must use the same ones. */
export const PUSHGATEWAY_INPUTS = {
  url: 'pushgateway-url',
  job: 'pushgateway-job',
  grouping: 'pushgateway-grouping',
  headers: 'pushgateway-headers',
} as const;

export const DEFAULT_PUSHGATEWAY_JOB = 'gantry-pipeline-metrics';
export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface Sample {
  labels: ReadonlyArray<readonly [string, string]>;
  value: number;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: 'gauge';
  samples: Sample[];
}

export interface PushgatewayOptions {
  http: HttpClient;
  /** From `exportTarget(url, PUSHGATEWAY_INPUTS.url, headers, PUSHGATEWAY_INPUTS.headers)`. */
  target: ExportTarget;
  /** The `job` grouping label; default `gantry-pipeline-metrics`. */
  job?: string;
  /**
   * More grouping labels (name → value). `repository` is always one (the report's repository)
   * unless given here. Values may be anything, `/` and empty included (sent base64-encoded).
   */
  grouping?: Record<string, string>;
  /** Flake rates exported: the N highest (default: every one the report has; it holds its own top N). */
  topFlakes?: number;
  /** Input names for messages, when the action's differ from PUSHGATEWAY_INPUTS. */
  inputs?: Partial<typeof PUSHGATEWAY_INPUTS>;
}

export interface PushResult {
  /** The group's URL, safe for a log. */
  url: string;
  families: number;
  samples: number;
  /** Series given twice in the report (same name and labels): the first is kept. */
  duplicates: number;
  bytes: number;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Labels the metrics carry themselves: a grouping label of the same name would contradict them. */
const METRIC_LABELS = [
  'service',
  'environment',
  'workflow',
  'branch',
  'test',
  'job_name',
  'step',
  'action',
  'stage',
  'key',
  'kind',
] as const;

const seconds = (ms: number) => ms / 1000;

/** The report as gauge families, in a fixed order; undefined values are left out, not zeroed. */
export function reportFamilies(report: MetricsReport, options: { topFlakes?: number } = {}): MetricFamily[] {
  const families: MetricFamily[] = [];
  const family = <T>(
    name: string,
    help: string,
    items: readonly T[],
    labels: (item: T) => ReadonlyArray<readonly [string, string]>,
    value: (item: T) => number | undefined,
  ) => {
    const samples: Sample[] = [];
    for (const item of items) {
      const v = value(item);
      if (v !== undefined) samples.push({ labels: labels(item), value: v });
    }
    families.push({ name, help, type: 'gauge', samples });
  };

  family(
    'gantry_pipeline_metrics_generated_timestamp_seconds',
    'When the report was computed (Unix time).',
    [report],
    () => [],
    (r) => seconds(r.generatedAt),
  );
  family(
    'gantry_pipeline_metrics_window_start_timestamp_seconds',
    'Start of the window the report covers (Unix time).',
    [report],
    () => [],
    (r) => seconds(r.window.from),
  );
  family(
    'gantry_pipeline_metrics_window_end_timestamp_seconds',
    'End of the window the report covers (Unix time).',
    [report],
    () => [],
    (r) => seconds(r.window.to),
  );

  const dora = (d: MetricsReport['dora'][number]) =>
    [
      ['service', d.service],
      ['environment', d.environment],
    ] as const;
  family('gantry_dora_deployments', 'Deployments in the window.', report.dora, dora, (d) => d.deployments);
  family(
    'gantry_dora_deployments_per_week',
    'Deployment frequency: deployments per week over the window.',
    report.dora,
    dora,
    (d) => d.deploymentsPerWeek,
  );
  family(
    'gantry_dora_lead_time_seconds',
    'Median lead time from commit to production promotion.',
    report.dora,
    dora,
    (d) => (d.leadTimeMs === undefined ? undefined : seconds(d.leadTimeMs)),
  );
  family(
    'gantry_dora_change_failure_ratio',
    'Change failure rate: failed deploys and rollbacks over deploys.',
    report.dora,
    dora,
    (d) => d.changeFailureRate,
  );
  family(
    'gantry_dora_time_to_restore_seconds',
    'Median time from a failed deploy or rollback to the next good promotion.',
    report.dora,
    dora,
    (d) => (d.timeToRestoreMs === undefined ? undefined : seconds(d.timeToRestoreMs)),
  );

  const pass = (p: MetricsReport['passRates'][number]) =>
    [
      ['workflow', p.workflow],
      ['branch', p.branch],
    ] as const;
  family(
    'gantry_workflow_runs',
    'Completed workflow runs in the window.',
    report.passRates,
    pass,
    (p) => p.runs,
  );
  family(
    'gantry_workflow_passed_runs',
    'Workflow runs that passed.',
    report.passRates,
    pass,
    (p) => p.passed,
  );
  family('gantry_workflow_pass_ratio', 'Pass rate of the workflow.', report.passRates, pass, (p) => p.rate);

  const topFlakes = [...report.flakes]
    .sort(
      (a, b) =>
        b.rate - a.rate || b.flakyRuns - a.flakyRuns || (a.test < b.test ? -1 : a.test > b.test ? 1 : 0),
    )
    .slice(0, options.topFlakes ?? report.flakes.length);
  const test = (f: MetricsReport['flakes'][number]) => [['test', f.test]] as const;
  family('gantry_test_flake_ratio', 'Flake rate of the test (top N).', topFlakes, test, (f) => f.rate);
  family(
    'gantry_test_flaky_runs',
    'Runs in which the test flaked (top N).',
    topFlakes,
    test,
    (f) => f.flakyRuns,
  );
  family('gantry_test_runs', 'Runs of the test (top N flaky tests).', topFlakes, test, (f) => f.runs);

  const jobs = report.durations.filter((d) => d.step === undefined);
  const steps = report.durations.filter((d) => d.step !== undefined);
  const job = (d: { workflow: string; job: string }) =>
    [
      ['workflow', d.workflow],
      ['job_name', d.job],
    ] as const;
  const step = (d: MetricsReport['durations'][number]) => [...job(d), ['step', d.step ?? '']] as const;
  for (const [kind, items, labels] of [
    ['job', jobs, job],
    ['step', steps, step],
  ] as const) {
    family(
      `gantry_${kind}_duration_median_seconds`,
      `Median ${kind} duration over the baseline window.`,
      items,
      labels,
      (d) => seconds(d.medianMs),
    );
    family(
      `gantry_${kind}_duration_mad_seconds`,
      `Median absolute deviation of the ${kind} duration over the baseline window.`,
      items,
      labels,
      (d) => seconds(d.madMs),
    );
    family(
      `gantry_${kind}_duration_latest_seconds`,
      `Duration of the latest ${kind} run.`,
      items,
      labels,
      (d) => seconds(d.latestMs),
    );
    family(
      `gantry_${kind}_duration_samples`,
      `Runs in the ${kind} duration baseline.`,
      items,
      labels,
      (d) => d.samples,
    );
    family(
      `gantry_${kind}_duration_consecutive_over`,
      `Consecutive latest ${kind} runs beyond the baseline threshold.`,
      items,
      labels,
      (d) => d.consecutiveOver,
    );
  }

  family('gantry_job_queue_median_seconds', 'Median queue time of the job.', report.queue, job, (q) =>
    seconds(q.medianMs),
  );
  family('gantry_job_queue_p90_seconds', '90th percentile queue time of the job.', report.queue, job, (q) =>
    seconds(q.p90Ms),
  );

  const stage = (s: MetricsReport['stages'][number]) =>
    [
      ['action', s.action],
      ['stage', s.stage],
    ] as const;
  family('gantry_stage_runs', 'Runs of the stage in the window.', report.stages, stage, (s) => s.runs);
  family(
    'gantry_stage_retries',
    'Network retries in the stage over the window.',
    report.stages,
    stage,
    (s) => s.retries,
  );
  family(
    'gantry_stage_retries_exhausted',
    'Requests of the stage that failed after their last retry.',
    report.stages,
    stage,
    (s) => s.exhausted,
  );

  family(
    'gantry_alert_firing',
    '1 while the alert fires, 0 once it recovered.',
    report.alerts,
    (a) => [
      ['key', a.key],
      ['kind', a.kind],
    ],
    (a) => (a.firing ? 1 : 0),
  );
  return families;
}

/** A label value in the text format: backslash, double quote and line feed escaped; valid UTF-8. */
export function escapeLabelValue(value: string): string {
  return wellFormed(value).replace(/[\\"\n]/g, (c: string) =>
    c === '\\' ? '\\\\' : c === '"' ? '\\"' : '\\n',
  );
}

/** HELP text: backslash and line feed escaped. */
export function escapeHelp(text: string): string {
  return wellFormed(text).replace(/[\\\n]/g, (c) => (c === '\\' ? '\\\\' : '\\n'));
}

/** A sample value as Go's ParseFloat (Prometheus' parser) reads it. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

/**
 * The families as text: one HELP and one TYPE line per family, then its samples; families without
 * samples are left out; a series given twice is written once (the first). Throws on a metric or
 * label name outside Prometheus' rules (a bug, not a user's mistake: the names are the code's).
 */
export function renderExposition(families: readonly MetricFamily[]): {
  text: string;
  duplicates: number;
  samples: number;
} {
  const lines: string[] = [];
  const seenFamilies = new Set<string>();
  let duplicates = 0;
  let samples = 0;
  for (const family of families) {
    if (!METRIC_NAME.test(family.name))
      throw new Error(`metric name ${JSON.stringify(family.name)} is not valid`);
    if (seenFamilies.has(family.name)) throw new Error(`metric family ${family.name} given twice`);
    seenFamilies.add(family.name);
    if (family.samples.length === 0) continue;
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    const seenSeries = new Set<string>();
    for (const sample of family.samples) {
      const names = new Set<string>();
      for (const [name] of sample.labels) {
        if (!LABEL_NAME.test(name) || name.startsWith('__'))
          throw new Error(`label name ${JSON.stringify(name)} of ${family.name} is not valid`);
        if (names.has(name)) throw new Error(`label ${name} given twice in ${family.name}`);
        names.add(name);
      }
      const labels = sample.labels.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',');
      const series = `${family.name}{${labels}}`;
      if (seenSeries.has(series)) {
        duplicates += 1;
        continue;
      }
      seenSeries.add(series);
      samples += 1;
      lines.push(`${sample.labels.length > 0 ? series : family.name} ${formatValue(sample.value)}`);
    }
  }
  return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', duplicates, samples };
}

/**
 * The Pushgateway path of a group: `/metrics/job/<job>{/<label>/<value>}`. Every value but a plain
 * one (letters, digits, `-._~`) goes in the `@base64` form (base64url), which the Pushgateway
 * documents for any value and requires for one with `/` or an empty one; plain values go as they
 * are, so the usual case stays readable in logs.
 */
export function pushgatewayPath(job: string, grouping: ReadonlyArray<readonly [string, string]>): string {
  const segment = (name: string, value: string) =>
    /^[A-Za-z0-9._~-]+$/.test(value) && value !== '.' && value !== '..'
      ? `/${name}/${value}`
      : `/${name}@base64/${value === '' ? '=' : Buffer.from(wellFormed(value), 'utf8').toString('base64url')}`;
  return `/metrics${segment('job', job)}${grouping.map(([name, value]) => segment(name, value)).join('')}`;
}

/** The grouping labels, checked: Prometheus label names, none the metrics carry, not `job`. */
export function groupingLabels(
  repository: string,
  grouping: Record<string, string> | undefined,
  input: string,
): Array<[string, string]> {
  const labels: Array<[string, string]> = [];
  const given = Object.entries(grouping ?? {});
  if (!given.some(([name]) => name === 'repository')) labels.push(['repository', repository]);
  for (const [name, value] of given) {
    if (!LABEL_NAME.test(name) || name.startsWith('__'))
      throw ConfigurationError.forInput(
        input,
        name,
        'label names of letters, digits and _, not starting with a digit or __',
      );
    if (name === 'job')
      throw ConfigurationError.forInput(input, name, `a label other than job (the job is its own input)`);
    if ((METRIC_LABELS as readonly string[]).includes(name))
      throw ConfigurationError.forInput(
        input,
        name,
        `a label the metrics do not carry themselves (not ${METRIC_LABELS.join(', ')})`,
      );
    labels.push([name, value]);
  }
  return labels;
}

/** Parse `name=value` lines into grouping labels (for the action's input); values may be empty. */
export function parseGroupingLines(text: string, input: string): Record<string, string> {
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq <= 0)
      throw ConfigurationError.forInput(input, line, `name=value on each line (line ${index + 1})`);
    const name = line.slice(0, eq).trim();
    if (name in out) throw ConfigurationError.forInput(input, name, `each label once (line ${index + 1})`);
    out[name] = line.slice(eq + 1).trim();
  });
  return out;
}

/**
 * Push the report to a Pushgateway: PUT, replacing the group's metrics. The group is `job` plus
 * the grouping labels (repository by default). A refused push (4xx) is an ExportError naming the
 * input with the Pushgateway's own reason; 5xx and network failures are retried by src/net first.
 */
export async function pushToPushgateway(
  report: MetricsReport,
  options: PushgatewayOptions,
): Promise<PushResult> {
  const inputs = { ...PUSHGATEWAY_INPUTS, ...options.inputs };
  const job = options.job ?? DEFAULT_PUSHGATEWAY_JOB;
  if (job.trim() === '') throw ConfigurationError.forInput(inputs.job, job, 'a job name (not empty)');
  const grouping = groupingLabels(report.repository, options.grouping, inputs.grouping);
  const families = reportFamilies(report, { topFlakes: options.topFlakes });
  const { text, duplicates, samples } = renderExposition(families);
  const body = Buffer.from(text, 'utf8');
  const url = targetUrl(options.target, pushgatewayPath(job, grouping));
  const response = await sendToReceiver(options.http, options.target, inputs.url, 'the Pushgateway', {
    url,
    method: 'PUT',
    headers: { 'content-type': EXPOSITION_CONTENT_TYPE },
    body,
    retrySafe: true,
  });
  if (!response.ok) {
    const reason = await errorExcerpt(response, options.target.secrets);
    const status = response.status;
    const hint =
      status === 401 || status === 403
        ? ` (check the credentials in '${inputs.headers}')`
        : status === 404 || status === 405
          ? ` (is '${inputs.url}' the Pushgateway's base URL?)`
          : '';
    throw new ExportError(
      `Input '${inputs.url}': the Pushgateway at ${safeUrl(url)} refused the push: HTTP ${status}${reason ? `: ${reason}` : ''}${hint}`,
      inputs.url,
      status >= 500 || status === 429 || status === 408,
      false,
      status,
    );
  }
  response.discard();
  return {
    url: safeUrl(url),
    families: families.filter((f) => f.samples.length > 0).length,
    samples,
    duplicates,
    bytes: body.byteLength,
  };
}
