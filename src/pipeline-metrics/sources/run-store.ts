/**
 * How fetched workflow runs are kept in the shared history store (src/history: cache, branch or
 * dir). A completed run attempt never changes, so each collection stores only the attempts it
 * fetched, as one or more segments (records of the store's stream `workflow-runs`), and the newest
 * segment carries the fetch state (which hours of the window are complete, the ETags of their list
 * pages). Segments are gzipped JSON with a string table: step and job names repeat in every run, and
 * 10,000 runs of 20 jobs stay a few megabytes.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { RecordFormat } from '../../history/index.js';
import { compactRun, jobOf, stepOf } from '../compact.js';
import type { JobFact, RunFact, StepFact } from '../model.js';

/** The store stream (the RecordKey branch) pipeline-metrics keeps its runs in. */
export const RUNS_STREAM = 'workflow-runs';
/**
 * Attempts per segment: bounds the memory one encode or decode needs (10,000 runs of 20 jobs read
 * back peaked at 370 MB in segments of 1,000, 285 MB in segments of 250, when the runs were held
 * as plain objects).
 */
export const SEGMENT_RUNS = 250;

/**
 * Which created-time ranges of the window are fetched (an hour each, split when an hour holds more
 * than the 1,000 runs a filtered list returns), and the ETag of each list page known to hold only
 * stored, completed runs.
 */
export interface FetchState {
  /** The `created` filter of a range (`<iso>..<iso>`) -> its state. */
  ranges: Record<string, RangeState>;
}

export interface RangeState {
  /** Every run created in the range is stored and completed (none in progress, none left by the budget). */
  complete: boolean;
  /** Pages the list had when last read. */
  pages: number;
  /** ETag of each page (index 0 is page 1) whose runs were all stored and completed; null otherwise. */
  etags: (string | null)[];
  /** The range was split into these (more than 1,000 runs). */
  parts?: string[];
  /** Every page was read and every completed run in it stored (runs in progress may be left). */
  listed?: boolean;
}

/** One stored batch of runs fetched by one collection (the store's record). */
export interface RunSegment {
  v: 1;
  run: string;
  attempt: number;
  branch: string;
  time: number;
  runs: RunFact[];
  /** In the newest segment of a collection. */
  state?: FetchState;
}

type StepTuple = [number, number, number, number | null, number | null];
type JobTuple = [number, number, number, number, number | null, number | null, number | null, StepTuple[]];
type RunTuple = [
  number,
  number,
  number,
  number,
  number,
  number,
  string,
  number,
  number,
  number,
  number,
  string,
  JobTuple[],
];

interface Encoded {
  v: 1;
  run: string;
  attempt: number;
  branch: string;
  time: number;
  strings: (string | null)[];
  runs: RunTuple[];
  state?: FetchState;
}

const offset = (time: number | undefined, base: number) => (time === undefined ? null : time - base);

export function encodeSegment(segment: RunSegment): Buffer {
  const strings: (string | null)[] = [];
  const index = new Map<string | null, number>();
  const s = (text: string | null | undefined): number => {
    const key = text ?? null;
    let i = index.get(key);
    if (i === undefined) {
      i = strings.push(key) - 1;
      index.set(key, i);
    }
    return i;
  };
  const runs: RunTuple[] = segment.runs.map((r) => [
    r.id,
    r.attempt,
    s(r.workflow),
    s(r.name),
    s(r.branch),
    s(r.event),
    r.sha,
    s(r.conclusion),
    r.createdAt,
    r.startedAt - r.createdAt,
    r.updatedAt - r.createdAt,
    r.url,
    r.jobs.map(
      (j): JobTuple => [
        j.id,
        s(j.name),
        s(j.conclusion),
        j.createdAt - r.createdAt,
        offset(j.startedAt, j.createdAt),
        offset(j.completedAt, j.createdAt),
        j.runnerName === undefined ? null : s(j.runnerName),
        j.steps.map(
          (st): StepTuple => [
            s(st.name),
            st.number,
            s(st.conclusion),
            offset(st.startedAt, j.createdAt),
            offset(st.completedAt, j.createdAt),
          ],
        ),
      ],
    ),
  ]);
  const encoded: Encoded = {
    v: 1,
    run: segment.run,
    attempt: segment.attempt,
    branch: segment.branch,
    time: segment.time,
    strings,
    runs,
    ...(segment.state ? { state: segment.state } : {}),
  };
  return gzipSync(JSON.stringify(encoded));
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optNum = (v: unknown): v is number | null => v === null || isNum(v);

/** A damaged segment is skipped (its runs are fetched again), never fatal: the store is a cache. */
export function decodeSegment(bytes: Buffer): RunSegment | undefined {
  let value: Encoded;
  try {
    value = JSON.parse(gunzipSync(bytes, { maxOutputLength: 512 * 1024 * 1024 }).toString('utf8')) as Encoded;
  } catch {
    return undefined;
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    value.v !== 1 ||
    !Array.isArray(value.strings) ||
    !Array.isArray(value.runs)
  )
    return undefined;
  const strings = value.strings;
  const str = (i: unknown): string | null => {
    if (!isNum(i) || i < 0 || i >= strings.length) throw new Error('bad string index');
    const text = strings[i];
    if (text !== null && typeof text !== 'string') throw new Error('bad string');
    return text ?? null;
  };
  const text = (i: unknown): string => str(i) ?? '';
  const back = (v: number | null, base: number) => (v === null ? undefined : base + v);
  try {
    const runs: RunFact[] = value.runs.map((r) => {
      if (!Array.isArray(r) || r.length !== 13 || !isNum(r[0]) || !isNum(r[1]) || !isNum(r[8]))
        throw new Error('bad run');
      if (!isNum(r[9]) || !isNum(r[10]) || typeof r[6] !== 'string' || typeof r[11] !== 'string')
        throw new Error('bad run');
      const created = r[8];
      if (!Array.isArray(r[12])) throw new Error('bad jobs');
      const jobs: JobFact[] = r[12].map((j) => {
        if (!Array.isArray(j) || j.length !== 8 || !isNum(j[0]) || !isNum(j[3]) || !Array.isArray(j[7]))
          throw new Error('bad job');
        if (!optNum(j[4]) || !optNum(j[5]) || !optNum(j[6])) throw new Error('bad job');
        const jobCreated = created + j[3];
        const steps: StepFact[] = j[7].map((st) => {
          if (!Array.isArray(st) || st.length !== 5 || !isNum(st[1]) || !optNum(st[3]) || !optNum(st[4]))
            throw new Error('bad step');
          return stepOf(text(st[0]), st[1], str(st[2]), back(st[3], jobCreated), back(st[4], jobCreated));
        });
        const job = jobOf(
          j[0],
          text(j[1]),
          str(j[2]),
          jobCreated,
          back(j[4], jobCreated),
          back(j[5], jobCreated),
          j[6] === null ? undefined : text(j[6]),
          steps,
        );
        return job;
      });
      return compactRun({
        id: r[0],
        attempt: r[1],
        workflow: text(r[2]),
        name: text(r[3]),
        branch: text(r[4]),
        event: text(r[5]),
        sha: r[6],
        conclusion: str(r[7]),
        createdAt: created,
        startedAt: created + r[9],
        updatedAt: created + r[10],
        url: r[11],
        jobs,
      });
    });
    return {
      v: 1,
      run: String(value.run),
      attempt: Number(value.attempt),
      branch: String(value.branch),
      time: Number(value.time),
      runs,
      ...(isState(value.state) ? { state: value.state } : {}),
    };
  } catch {
    return undefined;
  }
}

function isState(value: unknown): value is FetchState {
  if (typeof value !== 'object' || value === null) return false;
  const ranges = (value as FetchState).ranges;
  if (typeof ranges !== 'object' || ranges === null || Array.isArray(ranges)) return false;
  return Object.values(ranges).every(
    (r) =>
      typeof r === 'object' &&
      r !== null &&
      typeof r.complete === 'boolean' &&
      isNum(r.pages) &&
      Array.isArray(r.etags) &&
      r.etags.every((e) => e === null || typeof e === 'string') &&
      (r.parts === undefined || (Array.isArray(r.parts) && r.parts.every((p) => typeof p === 'string'))) &&
      (r.listed === undefined || typeof r.listed === 'boolean'),
  );
}

export const RUN_SEGMENTS: RecordFormat<RunSegment> = {
  name: 'pipeline-metrics',
  encode: encodeSegment,
  decode: decodeSegment,
};
