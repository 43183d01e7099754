/**
 * Without a cache-repository the paths mode uses GitHub's own cache service through @actions/cache,
 * with the same inputs, so the action works with zero setup. @actions/cache reads the runner's
 * environment itself (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN); this adapter only maps the results.
 */
import * as cache from '@actions/cache';

export interface GitHubCacheResult {
  available: boolean;
  matchedKey?: string;
}

export async function restoreFromGitHub(
  paths: string[],
  key: string,
  restoreKeys: string[],
  lookupOnly: boolean,
): Promise<GitHubCacheResult> {
  if (!cache.isFeatureAvailable()) return { available: false };
  const matchedKey = await cache.restoreCache(paths, key, restoreKeys, { lookupOnly });
  return { available: true, matchedKey };
}

export async function saveToGitHub(
  paths: string[],
  key: string,
): Promise<{ available: boolean; saved: boolean }> {
  if (!cache.isFeatureAvailable()) return { available: false, saved: false };
  const id = await cache.saveCache(paths, key);
  return { available: true, saved: id !== -1 };
}
