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

export interface LoadedHistory {
  store: HistoryStore | undefined;
  /** Earlier records of this branch, oldest first, without this run's own earlier try. */
  loaded: RunRecord[];
  /** Ids that did not pass somewhere in those records. */
  suspects: Set<string>;
}

export async function loadHistory(
  ctx: ActionContext,
  config: QuarantineConfig,
  info: RunInfo,
): Promise<LoadedHistory> {
  const store = await historyStore(ctx, config, info);
  let loaded: RunRecord[] = [];
  if (store !== undefined) {
    try {
      loaded = await store.load(info.branch, config.window);
      // A re-run of the same attempt (a re-triggered step) replaces its own earlier record.
      loaded = loaded.filter((r) => !(r.run === info.run && r.attempt === info.attempt));
      loaded = loaded.slice(Math.max(0, loaded.length - (config.window - 1)));
    } catch (error) {
      if (isConfigurationError(error)) throw error;
      warnHistory(ctx, store, error);
      return { store: undefined, loaded: [], suspects: new Set() };
    }
  }
  const suspects = new Set<string>();
  for (const record of loaded)
    for (const [id, value] of Object.entries(record.tests)) if (value[0] !== 'P') suspects.add(id);
  return { store, loaded, suspects };
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
