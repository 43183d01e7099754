import { readFileSync } from 'node:fs';

export interface GitCounts {
  /** Every git process, including the ones git starts itself (index-pack, lazy blob fetches, …). */
  git_processes: number;
  /** Fetches from the remote, including git's own lazy fetches of missing objects. */
  git_fetches: number;
}

/**
 * Counts from a GIT_TRACE2_EVENT file: one `cmd_name` event per git process. The server side of a
 * local (file://) remote runs in our process tree too; it is not ours, so it is left out.
 */
export function countGitTrace(file: string): GitCounts | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const counts: GitCounts = { git_processes: 0, git_fetches: 0 };
  for (const line of text.split('\n')) {
    if (!line.includes('"event":"cmd_name"')) continue;
    const event = JSON.parse(line) as { name?: string; hierarchy?: string };
    if (event.hierarchy?.split('/').includes('upload-pack')) continue;
    counts.git_processes += 1;
    if (event.name === 'fetch') counts.git_fetches += 1;
  }
  return counts;
}
