/**
 * Run facts held compactly. A window of 10,000 runs of 20 jobs holds 200,000 jobs and a million
 * steps; as plain objects (model.ts) they took about 140 MB of heap (a step object is 64 bytes and
 * each of its times a 16-byte heap number), and V8 grew the heap to three times that under the
 * allocation rate of a collection. A compact run keeps its own fields as a plain RunFact does, and
 * its jobs and steps in one typed-array buffer (about 3 KB for 20 jobs of 5 steps) with a small
 * table of the names it uses; `jobs` is an enumerable getter that builds the plain JobFact and
 * StepFact objects each time it is read. So every reader of the model (the metrics, the OTLP
 * exporter, the store's encoder, JSON.stringify, tests comparing with toEqual) sees the same
 * RunFact, and what it builds lives only as long as the reader's loop over one run.
 *
 * The invariant (test/pipeline-metrics/compact.test.ts): compactRun(run) reads back deep-equal to
 * run, and the metrics of compact runs are those of the plain ones. A run whose values do not fit
 * (a step time more than 24 days from its job's creation, a time with a fraction of a millisecond,
 * a job id beyond 2^53, a non-finite time) is kept plain: compaction never changes a value.
 */
import type { JobFact, RunFact, StepFact } from './model.js';

/** The int32 that stands for "no value" (a missing time, a null conclusion, no runner). */
const NONE = -0x80000000;
/** Per job in the float64 part: id, createdAt, startedAt, completedAt (NaN: none). */
const JOB_F64 = 4;
/** Per job in the int32 part: name, conclusion, runner, step count. */
const JOB_I32 = 4;
/** Per step in the int32 part: name, number, conclusion, startedAt and completedAt from the job's creation. */
const STEP_I32 = 5;

interface Packed {
  strings: string[];
  f64: Float64Array;
  i32: Int32Array;
}

const packs = new WeakMap<object, Packed>();

/** Builds the jobs of a compact run (the getter of its `jobs`). */
function readJobs(this: RunFact): JobFact[] {
  const packed = packs.get(this);
  if (!packed) return [];
  const { strings, f64, i32 } = packed;
  const jobCount = f64.length / JOB_F64;
  const jobs: JobFact[] = [];
  let s = jobCount * JOB_I32;
  for (let j = 0; j < jobCount; j++) {
    const f = j * JOB_F64;
    const k = j * JOB_I32;
    const created = f64[f + 1]!;
    const stepCount = i32[k + 3]!;
    const steps: StepFact[] = [];
    for (let n = 0; n < stepCount; n++, s += STEP_I32) {
      const conclusion = i32[s + 2]!;
      const started = i32[s + 3]!;
      const completed = i32[s + 4]!;
      steps.push(
        stepOf(
          strings[i32[s]!]!,
          i32[s + 1]!,
          conclusion === NONE ? null : strings[conclusion]!,
          started === NONE ? undefined : created + started,
          completed === NONE ? undefined : created + completed,
        ),
      );
    }
    const conclusion = i32[k + 1]!;
    const runner = i32[k + 2]!;
    const started = f64[f + 2]!;
    const completed = f64[f + 3]!;
    jobs.push(
      jobOf(
        f64[f]!,
        strings[i32[k]!]!,
        conclusion === NONE ? null : strings[conclusion]!,
        created,
        Number.isNaN(started) ? undefined : started,
        Number.isNaN(completed) ? undefined : completed,
        runner === NONE ? undefined : strings[runner]!,
        steps,
      ),
    );
  }
  return jobs;
}

const JOBS: PropertyDescriptor = { get: readJobs, enumerable: true, configurable: false };

/** Whether a run was compacted (its jobs are built on each read). */
export function isCompact(run: RunFact): boolean {
  return packs.has(run);
}

const fitsTime = (t: number | undefined) => t === undefined || (Number.isSafeInteger(t) && !Object.is(t, -0));
const fitsOffset = (t: number | undefined, base: number) => {
  if (t === undefined) return true;
  if (!fitsTime(t)) return false;
  const d = t - base;
  return d > NONE && d <= 0x7fffffff;
};
const fitsInt = (n: number) => Number.isInteger(n) && n > NONE && n <= 0x7fffffff && !Object.is(n, -0);

/**
 * The run with its jobs and steps packed (a new object; `run` is left as it is), or `run` itself
 * when a value would not come back the same.
 */
export function compactRun(run: RunFact): RunFact {
  if (packs.has(run)) return run;
  const jobs = run.jobs;
  let stepTotal = 0;
  for (const job of jobs) {
    if (!Number.isSafeInteger(job.id) || Object.is(job.id, -0) || !fitsTime(job.createdAt)) return run;
    if (!fitsTime(job.startedAt) || !fitsTime(job.completedAt)) return run;
    for (const step of job.steps) {
      if (!fitsInt(step.number)) return run;
      if (!fitsOffset(step.startedAt, job.createdAt) || !fitsOffset(step.completedAt, job.createdAt))
        return run;
    }
    stepTotal += job.steps.length;
  }
  const strings: string[] = [];
  const index = new Map<string, number>();
  const id = (text: string): number => {
    let i = index.get(text);
    if (i === undefined) {
      i = strings.push(text) - 1;
      index.set(text, i);
    }
    return i;
  };
  const optional = (text: string | null | undefined) =>
    text === null || text === undefined ? NONE : id(text);
  const f64Length = jobs.length * JOB_F64;
  const buffer = new ArrayBuffer(f64Length * 8 + (jobs.length * JOB_I32 + stepTotal * STEP_I32) * 4);
  const f64 = new Float64Array(buffer, 0, f64Length);
  const i32 = new Int32Array(buffer, f64Length * 8);
  let s = jobs.length * JOB_I32;
  jobs.forEach((job, j) => {
    const f = j * JOB_F64;
    const k = j * JOB_I32;
    f64[f] = job.id;
    f64[f + 1] = job.createdAt;
    f64[f + 2] = job.startedAt ?? Number.NaN;
    f64[f + 3] = job.completedAt ?? Number.NaN;
    i32[k] = id(job.name);
    i32[k + 1] = optional(job.conclusion);
    i32[k + 2] = optional(job.runnerName);
    i32[k + 3] = job.steps.length;
    for (const step of job.steps) {
      i32[s] = id(step.name);
      i32[s + 1] = step.number;
      i32[s + 2] = optional(step.conclusion);
      i32[s + 3] = step.startedAt === undefined ? NONE : step.startedAt - job.createdAt;
      i32[s + 4] = step.completedAt === undefined ? NONE : step.completedAt - job.createdAt;
      s += STEP_I32;
    }
  });
  const compact = {
    id: run.id,
    attempt: run.attempt,
    workflow: run.workflow,
    name: run.name,
    branch: run.branch,
    event: run.event,
    sha: run.sha,
    conclusion: run.conclusion,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    updatedAt: run.updatedAt,
    url: run.url,
  } as RunFact;
  // Fields a later version adds to RunFact are carried as they are.
  for (const key of Object.keys(run))
    if (!(key in compact) && key !== 'jobs')
      (compact as unknown as Record<string, unknown>)[key] = (run as unknown as Record<string, unknown>)[key];
  Object.defineProperty(compact, 'jobs', JOBS);
  packs.set(compact, { strings, f64, i32 });
  return compact;
}

/**
 * A step with its optional times, built in one literal when they are there (the common case):
 * fields added after an object is made cost a second allocation each.
 */
export function stepOf(
  name: string,
  number: number,
  conclusion: string | null,
  startedAt: number | undefined,
  completedAt: number | undefined,
): StepFact {
  if (startedAt !== undefined && completedAt !== undefined)
    return { name, number, conclusion, startedAt, completedAt };
  const step: StepFact = { name, number, conclusion };
  if (startedAt !== undefined) step.startedAt = startedAt;
  if (completedAt !== undefined) step.completedAt = completedAt;
  return step;
}

/** A job, in one literal when its times and runner are there (as stepOf). */
export function jobOf(
  id: number,
  name: string,
  conclusion: string | null,
  createdAt: number,
  startedAt: number | undefined,
  completedAt: number | undefined,
  runnerName: string | undefined,
  steps: StepFact[],
): JobFact {
  if (startedAt !== undefined && completedAt !== undefined && runnerName !== undefined)
    return { id, name, conclusion, createdAt, startedAt, completedAt, runnerName, steps };
  const job: JobFact = { id, name, conclusion, createdAt, steps };
  if (startedAt !== undefined) job.startedAt = startedAt;
  if (completedAt !== undefined) job.completedAt = completedAt;
  if (runnerName !== undefined) job.runnerName = runnerName;
  return job;
}
