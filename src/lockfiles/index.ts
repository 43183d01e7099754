/**
 * Dependency lockfiles read to `package → version`, and the difference between two of them, for
 * pipeline-diff ("what changed since the last green run"). Each format has a small strict reader
 * in this folder; this module is the one entry point.
 */
import { readBundler } from './bundler.js';
import { LockfileError } from './errors.js';
import { readGoMod, readGoSum } from './go.js';
import { oneLine, stripBom } from './lines.js';
import { readNpm } from './npm.js';
import { readPnpm } from './pnpm.js';
import { readRequirements } from './requirements.js';
import { readCargo, readPoetry, readUv } from './toml-lockfiles.js';
import type { LockfileKind, ParsedLockfile } from './types.js';
import { isYarnBerry, readYarnBerry, readYarnClassic } from './yarn.js';

export { diffLockfiles } from './diff.js';
export { LockfileError } from './errors.js';
export type {
  Ecosystem,
  LockChange,
  LockDiff,
  LockedPackage,
  LockfileKind,
  ParsedLockfile,
} from './types.js';
export { compareVersions, isMajorBump } from './version.js';

const BY_NAME: Record<string, LockfileKind> = {
  'package-lock.json': 'npm',
  'npm-shrinkwrap.json': 'npm',
  'pnpm-lock.yaml': 'pnpm',
  'go.mod': 'go-mod',
  'go.sum': 'go-sum',
  'Cargo.lock': 'cargo',
  'poetry.lock': 'poetry',
  'uv.lock': 'uv',
  'Gemfile.lock': 'bundler',
  'gems.locked': 'bundler',
};

/** pip-compile and friends: requirements.txt, requirements-dev.txt, dev-requirements.txt, requirements/*.txt. */
const REQUIREMENTS = /(^|[-_.])requirements([-_.][^/]*)?\.txt$/i;

/**
 * Which format a file is, by its name; yarn.lock by content (berry has `__metadata:`; without the
 * text, classic is assumed). Undefined for anything else: the caller records such a file by hash.
 */
export function detectLockfileKind(path: string, text?: string): LockfileKind | undefined {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const base = path.slice(slash + 1);
  if (Object.hasOwn(BY_NAME, base)) return BY_NAME[base];
  if (base === 'yarn.lock')
    return text !== undefined && isYarnBerry(stripBom(text)) ? 'yarn-berry' : 'yarn-classic';
  const parent = path.slice(0, Math.max(slash, 0));
  if (REQUIREMENTS.test(base) || (/(^|\/)requirements$/.test(parent) && base.endsWith('.txt')))
    return 'pip-requirements';
  return undefined;
}

const READERS: Record<LockfileKind, (file: string, text: string) => ParsedLockfile> = {
  npm: readNpm,
  'yarn-classic': readYarnClassic,
  'yarn-berry': readYarnBerry,
  pnpm: readPnpm,
  'go-mod': readGoMod,
  'go-sum': readGoSum,
  cargo: readCargo,
  poetry: readPoetry,
  uv: readUv,
  bundler: readBundler,
  'pip-requirements': readRequirements,
};

/**
 * Formats written only by tools, which always end them with a line break: a file that stops
 * mid-line was cut (an interrupted write or download) and would otherwise read as a shorter,
 * valid-looking lockfile. go.mod, package-lock.json and requirements files are edited by hand too
 * (and JSON cannot be cut without a syntax error).
 */
const ENDS_WITH_NEWLINE = new Set<LockfileKind>([
  'yarn-classic',
  'yarn-berry',
  'pnpm',
  'go-sum',
  'cargo',
  'poetry',
  'uv',
  'bundler',
]);

/**
 * Read one lockfile (a byte-order mark and CRLF line ends are accepted). Throws LockfileError,
 * and nothing else, naming the file and the line where there is one, for a file that is not the
 * format its name says, is truncated or is corrupt.
 */
export function parseLockfile(path: string, text: string): ParsedLockfile {
  const body = stripBom(text);
  const kind = detectLockfileKind(path, body);
  if (kind === undefined)
    throw new LockfileError(
      `${path} is not a lockfile this reader knows (package-lock.json, yarn.lock, pnpm-lock.yaml, go.mod, go.sum, Cargo.lock, poetry.lock, uv.lock, Gemfile.lock, requirements*.txt)`,
      path,
    );
  if (ENDS_WITH_NEWLINE.has(kind) && body.length > 0 && !body.endsWith('\n'))
    throw new LockfileError(
      `${path} ends in the middle of a line: a truncated file? (${kind} lockfiles always end with a line break; regenerate it)`,
      path,
    );
  try {
    return READERS[kind](path, body);
  } catch (error) {
    if (error instanceof LockfileError) throw error;
    // A reader bug or an engine limit (a string too long): still the user's file that caused it.
    throw new LockfileError(
      `${path} cannot be read as ${kind} (${oneLine(String((error as Error)?.message ?? error))})`,
      path,
    );
  }
}
