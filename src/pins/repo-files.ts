import { existsSync, lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { Git, GitError, splitNul } from '../git/index.js';
import { ConfigurationError } from '../runtime/errors.js';

export interface RepoFile {
  /** Path from the repository root, for display and role detection. */
  path: string;
  /** Absolute path as bytes, so a name that is not UTF-8 still opens the right file. */
  abs: Buffer;
}

export interface RepoFiles {
  root: string;
  files: RepoFile[];
}

/**
 * The files git knows under `dir` (tracked, plus untracked ones that are not ignored), so
 * node_modules and build output stay out when .gitignore says so. A directory that is not in a git
 * work tree is a ConfigurationError: pins are a repository's business.
 */
export async function listRepoFiles(
  dir: string,
  env?: Readonly<Record<string, string | undefined>>,
): Promise<RepoFiles> {
  const absDir = resolve(dir);
  if (!existsSync(absDir) || !lstatSync(absDir).isDirectory())
    throw new ConfigurationError(
      `${JSON.stringify(dir)} is not a directory: give the path of a git repository.`,
    );
  const git = new Git(absDir, env);
  let root: string;
  try {
    root = await git.text(['rev-parse', '--show-toplevel']);
  } catch (error) {
    if (error instanceof GitError)
      throw new ConfigurationError(
        `${JSON.stringify(dir)} is not inside a git repository (git rev-parse failed): run this in a checkout.`,
      );
    throw error;
  }
  const listing = await git.run([
    'ls-files',
    '-z',
    '--full-name',
    '--cached',
    '--others',
    '--exclude-standard',
  ]);
  const seen = new Set<string>();
  const files: RepoFile[] = [];
  for (const raw of splitNul(listing.stdout)) {
    const path = raw.toString('utf8');
    if (seen.has(path)) continue;
    seen.add(path);
    const abs = Buffer.concat([Buffer.from(`${root}/`), raw]);
    if (!existsSync(abs)) continue; // deleted in the work tree but still in the index
    files.push({ path, abs });
  }
  return { root, files };
}
