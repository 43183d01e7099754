import type { Git } from '../git/index.js';
import { openHistoryStore } from '../history/index.js';
import { type ActionContext, errorMessage, isConfigurationError, oneLine } from '../runtime/index.js';
import type { QuarantineConfig } from './config.js';
import { readOnlyTokenRun } from './github-report.js';
import {
  type EncodedRecord,
  type HistoryStore,
  RUN_RECORDS,
  type RunInfo,
  type RunRecord,
} from './history.js';
import { WindowReader } from './record-scan.js';

export interface LoadedHistory {
  store: HistoryStore | undefined;
  /** Earlier records of this branch read (without this run's own earlier try), at most window - 1. */
  records: number;
  /** Ids that did not pass somewhere in those records, each mapped to the one copy held. */
  suspects: ReadonlyMap<string, string>;
  /**
   * Those records, oldest first, each holding only the entries of the tests in `keep` (a second
   * read of the store), keyed by the copies `keep` maps them to. Detection needs no more: only a
   * test that failed somewhere can be flaky.
   */
  narrowed(keep: ReadonlyMap<string, string>): Promise<RunRecord[]>;
}

const NO_HISTORY = { records: 0, suspects: new Map<string, string>(), narrowed: async () => [] };

/**
 * Reads the window's records as streams, twice, and never holds one whole: a record of a
 * million-test suite is about 100 MB of JSON, and a window of them decoded took gigabytes. The first
 * read finds the suspects (tests that did not pass), before this run's reports are read; the second,
 * after them, keeps the entries of the suspects and of this run's failures.
 */
export async function loadHistory(
  ctx: ActionContext,
  config: QuarantineConfig,
  info: RunInfo,
): Promise<LoadedHistory> {
  const store = await historyStore(ctx, config, info);
  if (store === undefined) return { store, ...NO_HISTORY };
  const reader = new WindowReader(store, config.window);
  const read: { key: string; suspects: string[] }[] = [];
  try {
    await reader.failing(info.branch, (header, suspects) => {
      // A re-run of the same attempt (a re-triggered step) replaces its own earlier record.
      if (!(header.run === info.run && header.attempt === info.attempt))
        read.push({ key: recordKey(header), suspects });
    });
  } catch (error) {
    if (isConfigurationError(error)) throw error;
    warnHistory(ctx, store, error);
    return { store: undefined, ...NO_HISTORY };
  }
  const kept = read.slice(Math.max(0, read.length - (config.window - 1)));
  const keys = new Set(kept.map((record) => record.key));
  const suspects = new Map<string, string>();
  for (const record of kept) for (const id of record.suspects) suspects.set(id, id);
  const narrowed = async (keep: ReadonlyMap<string, string>): Promise<RunRecord[]> => {
    const into = { records: [] as RunRecord[], damaged: 0 };
    try {
      await reader.narrowed(info.branch, keep, into);
    } catch (error) {
      if (isConfigurationError(error)) throw error;
      warnHistory(ctx, store, error);
      return [];
    }
    return into.records.filter((record) => keys.has(recordKey(record)));
  };
  return { store, records: kept.length, suspects, narrowed };
}

function recordKey(record: Pick<RunInfo, 'run' | 'attempt' | 'time' | 'sha'>): string {
  return JSON.stringify([record.run, record.attempt, record.time, record.sha]);
}

export async function saveHistory(
  ctx: ActionContext,
  history: LoadedHistory,
  record: EncodedRecord,
  window: number,
): Promise<boolean> {
  if (history.store === undefined) return false;
  try {
    await history.store.append(record, window);
    return true;
  } catch (error) {
    // A fork's or Dependabot's token cannot push the history branch: the run is judged, not recorded.
    const readOnly = isConfigurationError(error) ? readOnlyTokenRun(ctx) : undefined;
    if (isConfigurationError(error) && readOnly === undefined) throw error;
    warnHistory(
      ctx,
      history.store,
      readOnly ? new Error(`${errorMessage(error)} (${readOnly} gets a read-only token)`) : error,
    );
    return false;
  }
}

export function warnHistory(ctx: ActionContext, store: HistoryStore, error: unknown): void {
  ctx.runtime.annotate({
    level: 'warning',
    title: 'Test history not updated',
    message: oneLine(`history: ${store.kind}: ${errorMessage(error)}`),
  });
}

/** Blob ids of the tracked files (`git ls-files -s`), or undefined outside a git work tree. */
export async function indexBlobs(git: Git): Promise<Map<string, string> | undefined> {
  const listed = await git.run(['ls-files', '-s', '-z'], { okCodes: [128] }).catch(() => undefined);
  if (listed === undefined || listed.code !== 0) return undefined;
  const blobs = new Map<string, string>();
  const out = listed.stdout;
  let start = 0;
  for (let end = out.indexOf(0, start); end !== -1; end = out.indexOf(0, start)) {
    // <mode> SP <blob> SP <stage> TAB <path>
    const tab = out.indexOf(9, start);
    if (tab > start && tab < end)
      blobs.set(out.toString('utf8', tab + 1, end), out.toString('latin1', start + 7, start + 47));
    start = end + 1;
  }
  return blobs;
}

export function historyStore(
  ctx: ActionContext,
  config: QuarantineConfig,
  info: RunInfo,
): Promise<HistoryStore | undefined> {
  return openHistoryStore(ctx, RUN_RECORDS, config, {
    run: info,
    cacheDirName: 'gantry-quarantine-history',
    unavailable: { title: 'Test history not kept' },
  });
}
