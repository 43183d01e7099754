import { join } from 'node:path';
import { Git } from '../git/index.js';
import type { ActionContext } from '../runtime/step.js';
import { oneLine } from '../runtime/text.js';
import {
  BranchHistory,
  type CacheClient,
  CacheHistory,
  DirHistory,
  type HistoryStore,
  type RecordFormat,
  type RecordKey,
} from './store.js';

/** The `history`, `history-dir` and `history-branch` inputs every action with a store reads. */
export interface HistoryInputs {
  history: 'cache' | 'branch' | 'dir';
  historyDir?: string;
  historyBranch: string;
}

export interface OpenHistoryOptions {
  /** This run: a cache store names the entry it saves after it. */
  run: { run: string; attempt: number };
  /**
   * The folder under RUNNER_TEMP a cache store restores into. Part of the cache's version (the
   * cache service hashes the paths), so an action keeps its name or loses its history.
   */
  cacheDirName: string;
  /** The warning's title when there is no cache service, and what that costs, in a few words. */
  unavailable: { title: string; consequence?: string };
}

/**
 * The store the `history` input names. With `cache` in a job without GitHub's cache service
 * (a self-hosted runner without it, a local runner), a warning and undefined: history is advisory.
 */
export async function openHistoryStore<T extends RecordKey>(
  ctx: ActionContext,
  format: RecordFormat<T>,
  inputs: HistoryInputs,
  options: OpenHistoryOptions,
): Promise<HistoryStore<T> | undefined> {
  if (inputs.history === 'dir') return new DirHistory(format, inputs.historyDir!);
  if (inputs.history === 'branch')
    return new BranchHistory(
      format,
      new Git(ctx.workspace, ctx.runtime.env),
      inputs.historyBranch,
      ctx.clock,
    );
  const cache = await import('@actions/cache');
  if (!cache.isFeatureAvailable()) {
    const { title, consequence } = options.unavailable;
    ctx.runtime.annotate({
      level: 'warning',
      title,
      message: oneLine(
        `history: cache needs GitHub's cache service, which this job does not have${consequence ? `: ${consequence}` : ''}; use history: branch or history: dir.`,
      ),
    });
    return undefined;
  }
  const client: CacheClient = {
    restoreCache: (paths, key, restoreKeys) => cache.restoreCache(paths, key, restoreKeys),
    saveCache: (paths, key) => cache.saveCache(paths, key),
  };
  const dir = join(ctx.runtime.env.RUNNER_TEMP || ctx.workspace, options.cacheDirName);
  return new CacheHistory(format, dir, client, options.run);
}
