import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globMatcher } from '../glob/index.js';
import type { Compression } from './constants.js';

/**
 * The `path` input: literal paths (relative to the workspace, or `~/…`), globs matched in the
 * workspace, and `!glob` exclusions, as actions/cache takes them.
 */
export interface PathSpec {
  lines: string[];
  literals: { line: string; abs: string }[];
  globs: string[];
  excludes: string[];
  workspace: string;
}

const GLOB_CHARS = /[*?[\]{}]/;

export function parsePathSpec(lines: string[], workspace: string, home: string): PathSpec {
  const spec: PathSpec = { lines, literals: [], globs: [], excludes: [], workspace };
  for (const line of lines) {
    if (line.startsWith('!')) spec.excludes.push(line.slice(1));
    else if (GLOB_CHARS.test(line)) spec.globs.push(line);
    else spec.literals.push({ line, abs: expandPath(line, workspace, home) });
  }
  return spec;
}

export function expandPath(line: string, workspace: string, home: string): string {
  if (line === '~') return home;
  if (line.startsWith('~/')) return join(home, line.slice(2));
  return resolve(workspace, line);
}

/**
 * The key's version, as actions/cache versions it: a different path set or compression is a
 * different cache, so two jobs caching different directories under one key never collide.
 */
export function cacheVersion(lines: string[], compression: Compression): string {
  return createHash('sha256')
    .update(JSON.stringify({ paths: lines, compression, format: 'gantry-layer-cache/1' }))
    .digest('hex')
    .slice(0, 12);
}

/** One directory or file that the cache holds; entries inside it are named `<index>/<relative>`. */
export interface CacheRoot {
  /** A literal `path` line, or a glob match relative to the workspace. */
  path: string;
  kind: 'literal' | 'glob';
  abs: string;
}

export interface TreeEntry {
  /** The name in the archive: `<root index>` or `<root index>/<relative path>`. */
  name: string;
  abs: string;
  type: 'file' | 'directory' | 'symlink';
  mode: number;
  mtime: number;
  size: number;
  linkname?: string;
}

/** The roots a save covers now: literal paths that exist and glob matches in the workspace. */
export async function findRoots(spec: PathSpec): Promise<CacheRoot[]> {
  const roots: CacheRoot[] = [];
  for (const literal of spec.literals) {
    if (await exists(literal.abs)) roots.push({ path: literal.line, kind: 'literal', abs: literal.abs });
  }
  if (spec.globs.length) {
    const include = globMatcher(spec.globs);
    const exclude = globMatcher(spec.excludes);
    const walk = async (dir: string): Promise<void> => {
      for (const name of (await readdir(dir)).sort()) {
        if (name === '.git') continue;
        const abs = join(dir, name);
        const rel = relative(spec.workspace, abs).split(sep).join('/');
        if (exclude(rel)) continue;
        if (include(rel)) {
          roots.push({ path: rel, kind: 'glob', abs });
          continue;
        }
        if ((await lstat(abs)).isDirectory()) await walk(abs);
      }
    };
    await walk(spec.workspace);
  }
  return withoutNested(roots);
}

/**
 * One place on disk is one root: a root equal to or inside another (`deps` and `./deps`, `deps` and
 * `deps/sub`) is already in the other's tree, and a restore refuses overlapping roots.
 */
export function withoutNested(roots: CacheRoot[]): CacheRoot[] {
  const inside = (a: string, b: string) => a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);
  return roots.filter(
    (root, i) =>
      !roots.some((other, j) => j !== i && inside(root.abs, other.abs) && (root.abs !== other.abs || j < i)),
  );
}

/**
 * Where a root recorded in a cache manifest goes now. Literal roots must be one of the current
 * `path` lines; glob roots must match a current glob and stay inside the workspace. Anything else
 * (a manifest written by someone else) is refused.
 */
export function targetOf(spec: PathSpec, root: { path: string; kind: string }): string | undefined {
  if (root.kind === 'literal') return spec.literals.find((l) => l.line === root.path)?.abs;
  // A save never walks into .git: a root there is not one of ours.
  if (root.kind !== 'glob' || !isSafeRelative(root.path) || root.path.split('/').includes('.git'))
    return undefined;
  if (!globMatcher(spec.globs)(root.path)) return undefined;
  return join(spec.workspace, root.path);
}

export function isSafeRelative(path: string): boolean {
  if (path === '' || isAbsolute(path) || path.includes('\0') || path.includes('\\')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/**
 * Every entry under the roots in archive order (depth first, names sorted), exclusions applied.
 * Synchronous on purpose: tens of thousands of lstat calls are several times faster without a
 * thread-pool round trip each, and nothing else runs meanwhile.
 */
export function walkTree(
  spec: PathSpec,
  roots: CacheRoot[],
  onSkip: (abs: string, why: string) => void,
): TreeEntry[] {
  const entries: TreeEntry[] = [];
  const exclude = globMatcher(spec.excludes);
  const visit = (abs: string, name: string): void => {
    const rel = relative(spec.workspace, abs).split(sep).join('/');
    if (!rel.startsWith('..') && exclude(rel)) return;
    const stat = lstatSync(abs);
    const base = { name, abs, mode: stat.mode & 0o7777, mtime: Math.floor(stat.mtimeMs / 1000) };
    if (stat.isSymbolicLink())
      entries.push({ ...base, type: 'symlink', size: 0, linkname: readlinkSync(abs) });
    else if (stat.isFile()) entries.push({ ...base, type: 'file', size: stat.size });
    else if (stat.isDirectory()) {
      entries.push({ ...base, type: 'directory', size: 0 });
      for (const child of readdirSync(abs).sort()) visit(join(abs, child), `${name}/${child}`);
    } else onSkip(abs, 'not a file, directory or symlink');
  };
  for (const [index, root] of roots.entries()) visit(root.abs, String(index));
  return entries;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first directory between the workspace and a glob root's target that is a symlink (a save never
 * follows one, so a cache that would restore through one is not ours), or undefined.
 */
export async function symlinkOnTheWay(workspace: string, abs: string): Promise<string | undefined> {
  const parts = relative(workspace, abs).split(sep).slice(0, -1);
  let dir = workspace;
  for (const part of parts) {
    dir = join(dir, part);
    const stat = await lstat(dir).catch(() => undefined);
    if (!stat) return undefined;
    if (!stat.isDirectory()) return dir;
  }
  return undefined;
}
