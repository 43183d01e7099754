import { type Git, GitError, splitNul } from '../git/index.js';
import type { CodeChange } from './diff.js';

/**
 * Files changed between two commits, by top-level directory, and the commits between them when the
 * history is there. A depth-1 checkout lacks the base: it is fetched without blobs (trees suffice).
 */
export async function codeChange(git: Git, base: string, head: string): Promise<CodeChange> {
  const has = (sha: string) => git.succeeds(['cat-file', '-e', `${sha}^{commit}`]);
  if (!(await has(base))) {
    try {
      await git.run(['fetch', '--no-tags', '--quiet', '--depth=1', '--filter=blob:none', 'origin', base]);
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
    }
  }
  if (!(await has(base)) || !(await has(head)))
    return {
      files: 0,
      directories: {},
      note: `commit ${base.slice(0, 12)} is not reachable here; code changes unknown.`,
    };
  const out = (await git.run(['diff', '--name-only', '-z', '--no-renames', base, head])).stdout;
  const directories: Record<string, number> = {};
  let files = 0;
  for (const field of splitNul(out)) {
    const path = field.toString('utf8');
    if (!path) continue;
    files += 1;
    const slash = path.indexOf('/');
    const dir = slash < 0 ? '' : path.slice(0, slash);
    directories[dir] = (directories[dir] ?? 0) + 1;
  }
  const shallow = (await git.text(['rev-parse', '--is-shallow-repository'])) === 'true';
  let commits: number | undefined;
  let note: string | undefined;
  if (shallow) note = 'The checkout is shallow: commits not counted (fetch-depth: 0 counts them).';
  else {
    const counted = await git.run(['rev-list', '--count', `${base}..${head}`], { okCodes: [128] });
    if (counted.code === 0) commits = Number(counted.stdout.toString().trim());
  }
  return { commits, files, directories, ...(note ? { note } : {}) };
}
