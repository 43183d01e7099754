import type { HistoryStore } from '../history/index.js';
import { safeRunId } from '../history/index.js';
import type { Baseline } from './config.js';
import type { PipelineRecord } from './record.js';

/** A successful run of the workflow on the branch, newest first, as the workflow runs API lists it. */
export interface GreenRun {
  id: string;
  sha: string;
  url: string;
}

export interface BaselineFound {
  record?: PipelineRecord;
  /** Why there is none, for the summary. */
  reason?: string;
  /** Green runs passed over because they left no record. */
  skipped: number;
}

/**
 * The record to compare with: the newest green run's (skipping green runs that left no record and
 * this run itself), the given run's, or the newest record of the given commit.
 */
export async function findBaseline(
  store: HistoryStore<PipelineRecord>,
  stream: string,
  window: number,
  baseline: Baseline,
  current: { run: string },
  greenRuns: () => Promise<GreenRun[]>,
): Promise<BaselineFound> {
  if (baseline.kind === 'run') {
    const safe = safeRunId(baseline.run);
    const records = await store.load(stream, window, (key) => key.run === safe);
    const record = records.filter((r) => r.run === baseline.run).at(-1);
    return record
      ? { record, skipped: 0 }
      : { skipped: 0, reason: `no record of run ${baseline.run} in the last ${window} records of ${stream}` };
  }
  if (baseline.kind === 'sha') {
    const records = await store.load(stream, window);
    const record = records.filter((r) => r.sha.startsWith(baseline.sha) && r.run !== current.run).at(-1);
    return record
      ? { record, skipped: 0 }
      : {
          skipped: 0,
          reason: `no record of commit ${baseline.sha} in the last ${window} records of ${stream}`,
        };
  }
  const green = (await greenRuns()).filter((r) => r.id !== current.run);
  if (green.length === 0)
    return { skipped: 0, reason: 'no successful run of this workflow on this branch yet' };
  const wanted = new Set(green.map((r) => safeRunId(r.id)));
  const records = await store.load(stream, window, (key) => wanted.has(key.run));
  const byRun = new Map<string, PipelineRecord>();
  for (const record of records) byRun.set(record.run, record); // oldest first: the newest attempt wins
  for (const [index, run] of green.entries()) {
    const record = byRun.get(run.id);
    if (record) return { record: { ...record, url: record.url || run.url }, skipped: index };
  }
  return {
    skipped: green.length,
    reason: `none of the last ${green.length} successful runs left a record (is mode: record in this workflow?)`,
  };
}
