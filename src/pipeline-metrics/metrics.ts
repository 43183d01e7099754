import { evaluateAlerts } from './alerts.js';
import type {
  DeployFact,
  DoraKeys,
  DurationBaseline,
  DurationPoint,
  Facts,
  FlakeRate,
  MetricsReport,
  PassRate,
  QueueTime,
  RunFact,
  StageRetries,
  WeekCount,
} from './model.js';
import { mad, median, percentile, spread } from './stats.js';

/**
 * Facts -> MetricsReport: pure and deterministic (the time is handed in, no I/O, output sorted).
 *
 * Edge cases, decided once here (the README's "How the figures are computed" repeats them):
 * - Window: a run counts when it was created in [now - window, now]; a deploy when its time is in it.
 *   Runs before the window still serve as the baseline of the first runs in it.
 * - Re-run attempts: pass rate takes the last attempt of a run (what the branch ended up with);
 *   durations and queue times count each job once by job id (a job carried into a later attempt
 *   without re-running keeps its id), so a re-run job is a new sample and a carried one is not.
 * - Cancelled, skipped, neutral, stale and unfinished (null) runs are no outcome: they count
 *   neither as passed nor as failed. Failure, timed_out, startup_failure and action_required fail.
 * - Durations and the baseline use successful jobs and steps only (a failed job stops early, a
 *   skipped one takes no time) and only where both timestamps are present.
 * - Clock skew: a duration that would be negative (completed before started) is dropped; a queue
 *   time that would be negative (started a moment before created, between GitHub's own services)
 *   counts as 0; a lead time that would be negative (a commit time from the committer's machine
 *   set in the future) is dropped.
 * - Baseline: for a run at t, the samples of the same job or step started in [t - 7 days, t), never
 *   the run itself or a later one. Fewer than `minSamples` (single sample, new job): no verdict.
 * - MAD 0 (a stage that always takes the same time): the spread has a floor (stats.ts `spread`),
 *   so a stable stage does not alert on noise. Only slower runs count as beyond the threshold.
 * - Steps named alike in one job are told apart by a ` #2`, ` #3` suffix in their order.
 * - No deploys: deployments 0 and no lead time, change failure rate or time to restore (undefined,
 *   shown as "—"); an incident not restored by the end of the window counts in `openIncidents`.
 */
export interface MetricsOptions {
  now: number;
  windowMs: number;
  /** The rolling baseline before each run: 7 days. */
  baselineMs: number;
  /** Spreads beyond the baseline median at which a run is over (alert-threshold). */
  threshold: number;
  /** Consecutive runs over the threshold that make a duration alert (alert-runs). */
  consecutive: number;
  /** Baseline samples needed before a run is judged. */
  minSamples: number;
  /** Flaky tests listed (top-flaky). */
  topFlaky: number;
  /** Pass-rate drop, as a fraction (0.1: ten percentage points), that makes an alert. */
  passRateDrop: number;
}

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** Points of a duration trend kept for the chart and files. */
export const SERIES_POINTS = 30;
/** Weeks drawn at most in weekly charts. */
export const MAX_WEEKS = 26;

const FAILED = new Set(['failure', 'timed_out', 'startup_failure', 'action_required']);

export function computeMetrics(facts: Facts, options: MetricsOptions): MetricsReport {
  const to = options.now;
  const from = to - options.windowMs;
  const inWindow = (t: number) => t >= from && t <= to;
  const weeks = weekStarts(from, to);
  const report: MetricsReport = {
    repository: facts.repository,
    generatedAt: options.now,
    window: { from, to },
    dora: doraKeys(
      facts.deploys.filter((d) => inWindow(d.time)),
      options,
      weeks,
    ),
    passRates: passRates(facts.runs, facts.defaultBranch, inWindow, options, weeks),
    flakes: flakeRates(facts, options.topFlaky),
    durations: durations(facts.runs, options, inWindow),
    queue: queueTimes(facts.runs, inWindow),
    stages: stageRetries(facts, inWindow, options),
    alerts: [],
  };
  report.alerts = evaluateAlerts(report, options);
  return report;
}

/**
 * Whole weeks ending at `to`, oldest first: [start, start + 7 days). A window that is not a whole
 * number of weeks leaves its oldest days out of the weekly figures rather than draw a short week.
 */
export function weekStarts(from: number, to: number): number[] {
  const count = Math.min(MAX_WEEKS, Math.max(1, Math.floor((to - from) / WEEK_MS)));
  return Array.from({ length: count }, (_, i) => to - (count - i) * WEEK_MS);
}

function countByWeek<T>(items: readonly T[], timeOf: (item: T) => number, weeks: number[]): WeekCount[] {
  return weeks.map((start) => ({
    weekStart: start,
    count: items.filter((item) => {
      const t = timeOf(item);
      return t >= start && t < start + WEEK_MS;
    }).length,
  }));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return new Map([...groups].sort(([a], [b]) => byText(a, b)));
}

// --- DORA ------------------------------------------------------------------------------------------

function doraKeys(deploys: DeployFact[], options: MetricsOptions, weeks: number[]): DoraKeys[] {
  const groups = groupBy(deploys, (d) => JSON.stringify([d.service, d.environment]));
  return [...groups.values()].map((group) => {
    // A total order, so the same deploys in any order give the same keys (fast-check seed
    // 2019984248: a promotion and a rollback of one digest in the same millisecond). At one time a
    // promotion comes before a rollback, a failure before a success.
    const ordered = [...group].sort(
      (a, b) =>
        a.time - b.time ||
        byText(a.kind, b.kind) ||
        byText(a.outcome, b.outcome) ||
        byText(a.digest, b.digest) ||
        (a.commitTime ?? 0) - (b.commitTime ?? 0),
    );
    const promotions = ordered.filter((d) => d.kind === 'promotion');
    const good = promotions.filter((d) => d.outcome === 'success');
    const isFailure = (d: DeployFact) => d.kind === 'rollback' || d.outcome === 'failure';
    const failures = ordered.filter(isFailure).length;
    const leads = good
      .filter((d) => d.commitTime !== undefined && d.time - d.commitTime >= 0)
      .map((d) => d.time - d.commitTime!);
    const { restores, open } = restoreTimes(ordered, isFailure);
    const keys: DoraKeys = {
      service: group[0]!.service,
      environment: group[0]!.environment,
      deployments: good.length,
      deploymentsPerWeek: good.length / (options.windowMs / WEEK_MS),
      failures,
      openIncidents: open,
      weekly: countByWeek(good, (d) => d.time, weeks),
    };
    const lead = median(leads);
    if (lead !== undefined) keys.leadTimeMs = lead;
    if (promotions.length > 0) keys.changeFailureRate = Math.min(1, failures / promotions.length);
    const restore = median(restores);
    if (restore !== undefined) keys.timeToRestoreMs = restore;
    return keys;
  });
}

/**
 * An incident starts at a failed deploy or a rollback and ends at the next successful promotion;
 * failures inside an open incident belong to it (they do not restart the clock).
 */
function restoreTimes(
  ordered: DeployFact[],
  isFailure: (d: DeployFact) => boolean,
): { restores: number[]; open: number } {
  const restores: number[] = [];
  let since: number | undefined;
  for (const deploy of ordered) {
    if (isFailure(deploy)) since ??= deploy.time;
    else if (deploy.kind === 'promotion' && since !== undefined) {
      restores.push(deploy.time - since);
      since = undefined;
    }
  }
  return { restores, open: since === undefined ? 0 : 1 };
}

// --- pass rates ------------------------------------------------------------------------------------

/** The outcome of a run: true passed, false failed, undefined no outcome (cancelled, skipped, running). */
export function runOutcome(conclusion: string | null): boolean | undefined {
  if (conclusion === 'success') return true;
  if (conclusion !== null && FAILED.has(conclusion)) return false;
  return undefined;
}

/** The last attempt of each run. */
export function lastAttempts(runs: readonly RunFact[]): RunFact[] {
  const last = new Map<number, RunFact>();
  for (const run of runs) {
    const seen = last.get(run.id);
    if (!seen || run.attempt > seen.attempt) last.set(run.id, run);
  }
  return [...last.values()];
}

function passRates(
  runs: RunFact[],
  branch: string,
  inWindow: (t: number) => boolean,
  options: MetricsOptions,
  weeks: number[],
): PassRate[] {
  const judged = lastAttempts(runs.filter((r) => r.branch === branch && inWindow(r.createdAt)))
    .map((run) => ({ run, passed: runOutcome(run.conclusion) }))
    .filter((r): r is { run: RunFact; passed: boolean } => r.passed !== undefined);
  const recentFrom = options.now - options.baselineMs;
  const previousFrom = recentFrom - options.baselineMs;
  return [...groupBy(judged, (r) => r.run.workflow).entries()].map(([workflow, group]) => {
    const passed = group.filter((r) => r.passed).length;
    const recent = group.filter((r) => r.run.createdAt >= recentFrom);
    const previous = group.filter((r) => r.run.createdAt >= previousFrom && r.run.createdAt < recentFrom);
    const rate: PassRate = {
      workflow,
      branch,
      runs: group.length,
      passed,
      rate: passed / group.length,
      recentRuns: recent.length,
      previousRuns: previous.length,
      weekly: weeks.map((start) => {
        const inWeek = group.filter((r) => r.run.createdAt >= start && r.run.createdAt < start + WEEK_MS);
        return { weekStart: start, count: inWeek.length, passed: inWeek.filter((r) => r.passed).length };
      }),
    };
    if (recent.length) rate.recentRate = recent.filter((r) => r.passed).length / recent.length;
    if (previous.length) rate.previousRate = previous.filter((r) => r.passed).length / previous.length;
    return rate;
  });
}

// --- flakes ----------------------------------------------------------------------------------------

/** Tests with at least one flaky run, by rate, then flaky runs, then name; the first `top`. */
function flakeRates(facts: Facts, top: number): FlakeRate[] {
  return facts.tests
    .filter((t) => t.runs > 0 && t.flakyRuns > 0)
    .map((t) => ({
      test: t.id,
      runs: t.runs,
      flakyRuns: t.flakyRuns,
      rate: Math.min(1, t.flakyRuns / t.runs),
    }))
    .sort((a, b) => b.rate - a.rate || b.flakyRuns - a.flakyRuns || byText(a.test, b.test))
    .slice(0, top);
}

// --- durations -------------------------------------------------------------------------------------

/**
 * Numbers appended one at a time, held outside the JS heap in typed-array chunks that double in
 * size up to 16,384 numbers: nothing is copied as it grows (a grown copy leaves the old one for the
 * collector, and dead buffers pile up to tens of megabytes before V8 collects them).
 */
class Column {
  private chunks: Float64Array[] = [];
  private last = new Float64Array(0);
  private used = 0;
  length = 0;
  push(value: number): void {
    if (this.used === this.last.length) {
      this.last = new Float64Array(Math.min(16_384, Math.max(64, this.length)));
      this.chunks.push(this.last);
      this.used = 0;
    }
    this.last[this.used++] = value;
    this.length++;
  }
  /** The numbers, copied into `into` (at least `length` long); the chunks are let go. */
  take(into: Float64Array): Float64Array {
    const all = into.subarray(0, this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      const part = chunk.length <= this.length - at ? chunk : chunk.subarray(0, this.length - at);
      all.set(part, at);
      at += part.length;
    }
    this.chunks = [];
    this.last = new Float64Array(0);
    this.used = 0;
    return all;
  }
}

/**
 * The samples of one job or step, as columns: a million steps make a million samples, which as
 * objects took about 80 MB of heap at once, and as growing arrays left their old copies for the
 * collector; as typed arrays they are 24 bytes a sample, outside the heap.
 */
interface Subject {
  workflow: string;
  job: string;
  step?: string;
  time: Column;
  ms: Column;
  run: Column;
}

/** Successful job and step durations, each job counted once by id, grouped by workflow/job(/step). */
function durationSubjects(runs: readonly RunFact[]): Subject[] {
  const subjects: Subject[] = [];
  // workflow -> job -> the job's subject and its steps' subjects by step label.
  const byWorkflow = new Map<string, Map<string, { job?: Subject; steps: Map<string, Subject> }>>();
  const subjectOf = (workflow: string, job: string, step: string | undefined): Subject => {
    let jobs = byWorkflow.get(workflow);
    if (!jobs) {
      jobs = new Map();
      byWorkflow.set(workflow, jobs);
    }
    let entry = jobs.get(job);
    if (!entry) {
      entry = { steps: new Map() };
      jobs.set(job, entry);
    }
    let subject = step === undefined ? entry.job : entry.steps.get(step);
    if (!subject) {
      subject = {
        workflow,
        job,
        ...(step === undefined ? {} : { step }),
        time: new Column(),
        ms: new Column(),
        run: new Column(),
      };
      if (step === undefined) entry.job = subject;
      else entry.steps.set(step, subject);
      subjects.push(subject);
    }
    return subject;
  };
  const add = (subject: Subject, time: number, ms: number, run: number) => {
    subject.time.push(time);
    subject.ms.push(ms);
    subject.run.push(run);
  };
  const seen = new Set<number>();
  for (const run of runs)
    for (const job of run.jobs) {
      if (seen.has(job.id)) continue;
      seen.add(job.id);
      if (job.conclusion !== 'success') continue;
      const jobMs = elapsed(job.startedAt, job.completedAt);
      if (jobMs !== undefined)
        add(subjectOf(run.workflow, job.name, undefined), job.startedAt!, jobMs, run.id);
      const named = new Map<string, number>();
      for (const step of [...job.steps].sort((a, b) => a.number - b.number)) {
        const n = (named.get(step.name) ?? 0) + 1;
        named.set(step.name, n);
        if (step.conclusion !== 'success') continue;
        const stepMs = elapsed(step.startedAt, step.completedAt);
        if (stepMs !== undefined)
          add(
            subjectOf(run.workflow, job.name, n === 1 ? step.name : `${step.name} #${n}`),
            step.startedAt!,
            stepMs,
            run.id,
          );
      }
    }
  return subjects;
}

function elapsed(start: number | undefined, end: number | undefined): number | undefined {
  if (start === undefined || end === undefined || !Number.isFinite(start) || !Number.isFinite(end))
    return undefined;
  return end >= start ? end - start : undefined;
}

/** The samples of [t - baselineMs, t): the rolling baseline of a run at t. */
export function baselineOf<T extends { time: number }>(
  samples: readonly T[],
  t: number,
  baselineMs: number,
): T[] {
  return samples.filter((s) => s.time >= t - baselineMs && s.time < t);
}

export interface Verdict {
  samples: number;
  medianMs?: number;
  madMs?: number;
  /** Above this a run is over the threshold. */
  upperMs?: number;
  over: boolean;
}

/** A run of `ms` at `t` against the baseline of the samples before it. */
export function judge(
  samples: readonly { time: number; ms: number }[],
  t: number,
  ms: number,
  options: Pick<MetricsOptions, 'baselineMs' | 'threshold' | 'minSamples'>,
): Verdict {
  return judgeBaseline(
    baselineOf(samples, t, options.baselineMs).map((s) => s.ms),
    ms,
    options,
  );
}

/** The first index whose time is >= t in ascending `times`. */
function lowerBound(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function judgeBaseline(
  base: number[],
  ms: number,
  options: Pick<MetricsOptions, 'threshold' | 'minSamples'>,
): Verdict {
  const m = median(base);
  const d = mad(base);
  if (m === undefined || d === undefined) return { samples: 0, over: false };
  const upperMs = m + options.threshold * spread(m, d);
  return {
    samples: base.length,
    medianMs: m,
    madMs: d,
    upperMs,
    over: base.length >= options.minSamples && ms > upperMs,
  };
}

/**
 * judgeBaseline over `mss[lo, hi)`, sorted in scratch arrays reused from run to run: a baseline of
 * 10,000 samples judged 30 times for each of 120 jobs and steps allocated 3 copies each time.
 * The same figures as judgeBaseline (the same values sorted the same way).
 */
function judgeWindow(
  mss: Float64Array,
  lo: number,
  hi: number,
  ms: number,
  options: Pick<MetricsOptions, 'threshold' | 'minSamples'>,
  scratch: { sorted: Float64Array; deviations: Float64Array },
): Verdict {
  const n = hi - lo;
  if (n <= 0) return { samples: 0, over: false };
  if (scratch.sorted.length < n) {
    scratch.sorted = new Float64Array(n * 2);
    scratch.deviations = new Float64Array(n * 2);
  }
  const sorted = scratch.sorted.subarray(0, n);
  sorted.set(mss.subarray(lo, hi));
  sorted.sort();
  const m = middle(sorted);
  const deviations = scratch.deviations.subarray(0, n);
  for (let i = 0; i < n; i++) deviations[i] = Math.abs(sorted[i]! - m);
  deviations.sort();
  const d = middle(deviations);
  const upperMs = m + options.threshold * spread(m, d);
  return { samples: n, medianMs: m, madMs: d, upperMs, over: n >= options.minSamples && ms > upperMs };
}

/** The median of sorted values (as stats.ts median). */
function middle(sorted: Float64Array): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function durations(
  runs: RunFact[],
  options: MetricsOptions,
  inWindow: (t: number) => boolean,
): DurationBaseline[] {
  const out: DurationBaseline[] = [];
  const scratch = { sorted: new Float64Array(1024), deviations: new Float64Array(1024) };
  // One set of arrays for every subject, grown to the largest (as the scratch above).
  let columns = new Float64Array(0);
  for (const subject of durationSubjects(runs)) {
    const n = subject.time.length;
    if (columns.length < 5 * n) columns = new Float64Array(10 * n);
    const time = subject.time.take(columns.subarray(0, n));
    const run = subject.run.take(columns.subarray(n, 2 * n));
    const took = subject.ms.take(columns.subarray(2 * n, 3 * n));
    // By time, then run, then duration: a total order on what a sample holds.
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => time[a]! - time[b]! || run[a]! - run[b]! || took[a]! - took[b]!);
    const times = columns.subarray(3 * n, 4 * n);
    const mss = columns.subarray(4 * n, 5 * n);
    order.forEach((i, k) => {
      times[k] = time[i]!;
      mss[k] = took[i]!;
    });
    const current: number[] = [];
    for (let i = 0; i < times.length; i++) if (inWindow(times[i]!)) current.push(i);
    if (current.length === 0) continue;
    // Judged from the latest back: the points of the series, and further while the streak of runs
    // over the threshold lasts. Each run's baseline is a slice of the time-sorted samples (binary
    // search), so 10,000 runs of a job cost 10,000 comparisons, not 10,000 squared.
    const verdicts: { time: number; ms: number; verdict: Verdict }[] = [];
    let consecutiveOver = 0;
    let streak = true;
    for (let c = current.length - 1; c >= 0 && (streak || verdicts.length < SERIES_POINTS); c--) {
      const i = current[c]!;
      const t = times[i]!;
      const ms = mss[i]!;
      const verdict = judgeWindow(
        mss,
        lowerBound(times, t - options.baselineMs),
        lowerBound(times, t),
        ms,
        options,
        scratch,
      );
      if (verdicts.length < SERIES_POINTS) verdicts.unshift({ time: t, ms, verdict });
      if (streak && verdict.over) consecutiveOver++;
      else streak = false;
    }
    const latest = verdicts[verdicts.length - 1]!;
    const series: DurationPoint[] = verdicts.map(({ time, ms, verdict }) => ({
      time,
      ms,
      ...(verdict.samples >= options.minSamples
        ? { medianMs: verdict.medianMs!, upperMs: verdict.upperMs! }
        : {}),
    }));
    const entry: DurationBaseline = {
      workflow: subject.workflow,
      job: subject.job,
      ...(subject.step === undefined ? {} : { step: subject.step }),
      samples: latest.verdict.samples,
      medianMs: latest.verdict.medianMs ?? latest.ms,
      madMs: latest.verdict.madMs ?? 0,
      latestMs: latest.ms,
      consecutiveOver,
      runs: current.length,
      series,
    };
    if (latest.verdict.samples >= options.minSamples) entry.upperMs = latest.verdict.upperMs!;
    out.push(entry);
  }
  return out.sort(
    (a, b) =>
      byText(a.workflow, b.workflow) ||
      byText(a.job, b.job) ||
      (a.step === undefined ? -1 : b.step === undefined ? 1 : byText(a.step, b.step)),
  );
}

// --- queue times -----------------------------------------------------------------------------------

function queueTimes(runs: RunFact[], inWindow: (t: number) => boolean): QueueTime[] {
  // workflow -> job -> queue times (numbers, not a sample object per job).
  const groups = new Map<string, Map<string, number[]>>();
  const seen = new Set<number>();
  for (const run of runs)
    for (const job of run.jobs) {
      if (seen.has(job.id) || job.startedAt === undefined || !inWindow(job.createdAt)) continue;
      seen.add(job.id);
      if (job.conclusion === 'skipped') continue;
      let jobs = groups.get(run.workflow);
      if (!jobs) {
        jobs = new Map();
        groups.set(run.workflow, jobs);
      }
      let values = jobs.get(job.name);
      if (!values) {
        values = [];
        jobs.set(job.name, values);
      }
      values.push(Math.max(0, job.startedAt - job.createdAt));
    }
  const keyed: { key: string; workflow: string; job: string; values: number[] }[] = [];
  for (const [workflow, jobs] of groups)
    for (const [job, values] of jobs)
      keyed.push({ key: JSON.stringify([workflow, job]), workflow, job, values });
  return keyed
    .sort((a, b) => byText(a.key, b.key))
    .map(({ workflow, job, values }) => ({
      workflow,
      job,
      samples: values.length,
      medianMs: median(values)!,
      p90Ms: percentile(values, 90)!,
    }));
}

// --- stage retries ---------------------------------------------------------------------------------

function stageRetries(
  facts: Facts,
  inWindow: (t: number) => boolean,
  options: MetricsOptions,
): StageRetries[] {
  const recentFrom = options.now - options.baselineMs;
  const previousFrom = recentFrom - options.baselineMs;
  const lines = facts.stages.filter((s) => inWindow(s.start));
  return [...groupBy(lines, (s) => JSON.stringify([s.action, s.stage])).values()].map((group) => {
    const sum = (items: typeof group, f: (s: (typeof group)[number]) => number | undefined) =>
      items.reduce((total, s) => total + Math.max(0, f(s) ?? 0), 0);
    const recent = group.filter((s) => s.start >= recentFrom);
    const previous = group.filter((s) => s.start >= previousFrom && s.start < recentFrom);
    return {
      action: group[0]!.action,
      stage: group[0]!.stage,
      runs: group.length,
      retries: sum(group, (s) => s.retries),
      exhausted: sum(group, (s) => s.exhausted),
      recentRuns: recent.length,
      recentExhausted: sum(recent, (s) => s.exhausted),
      previousRuns: previous.length,
      previousExhausted: sum(previous, (s) => s.exhausted),
    };
  });
}
