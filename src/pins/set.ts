import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, relative, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Git, GitError } from '../git/index.js';
import { ConfigurationError } from '../runtime/errors.js';
import { TEMPLATE_NAMES } from '../templates/names.js';
import { DEFAULT_SUITE } from './audit.js';
import { listRepoFiles } from './repo-files.js';
import { COMMENT_VERSION, FULL_SHA, isSuiteRef, SEMVER_TAG } from './uses.js';
import { type LocatedUses, scanYaml, type YamlRole, yamlRole } from './yaml-refs.js';

export interface PinTarget {
  suite: string;
  version: string;
  /** The commit to pin; without it the exact tag is written (`--tag-only`). */
  sha?: string;
  /** Only references to this template (composite or reusable workflow of the same name). */
  only?: string;
}

export interface PinChange {
  file: string;
  line: number;
  from: string;
  to: string;
}

export interface RewriteResult {
  text: string;
  changes: PinChange[];
  /** References that matched but were already exactly as wanted. */
  unchanged: number;
  notes: string[];
}

const VERSION_ONLY_COMMENT = /^\s*(?:tag=)?v?\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?\s*$/;

export function validateTarget(target: PinTarget): PinTarget {
  if (!SEMVER_TAG.test(target.version) || !target.version.startsWith('v'))
    throw ConfigurationError.forInput(
      '--version',
      target.version,
      'a release tag such as v1.4.2 (v, then MAJOR.MINOR.PATCH)',
    );
  if (target.sha !== undefined && !FULL_SHA.test(target.sha.toLowerCase()))
    throw ConfigurationError.forInput(
      '--sha',
      target.sha,
      'a full commit SHA (40 hex digits, or 64 for SHA-256 repositories)',
    );
  if (target.only !== undefined && !TEMPLATE_NAMES.includes(target.only))
    throw ConfigurationError.forInput(
      '--only',
      target.only,
      `one of the suite's templates: ${TEMPLATE_NAMES.join(', ')}`,
    );
  if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(target.suite))
    throw ConfigurationError.forInput('--suite', target.suite, 'owner/repo, e.g. acme/gantry');
  return { ...target, sha: target.sha?.toLowerCase() };
}

function selected(located: LocatedUses, target: PinTarget): boolean {
  if (!isSuiteRef(located.ref, target.suite)) return false;
  if (target.only === undefined) return true;
  const path = located.ref.path ?? '';
  return (
    path === `action-templates/${target.only}` ||
    /^\.github\/workflows\/(.+)\.ya?ml$/.exec(path)?.[1] === target.only
  );
}

/**
 * Rewrites the suite's references in one workflow or action.yml, changing only the bytes of each
 * value (inside its quotes) and its trailing version comment. The result is parsed again and must
 * equal the original document with only those values replaced.
 */
export function rewriteSuiteRefs(
  text: string,
  file: string,
  role: YamlRole,
  target: PinTarget,
): RewriteResult {
  const { uses } = scanYaml(text, file, role);
  const edits: { start: number; end: number; text: string }[] = [];
  const changes: PinChange[] = [];
  const notes: string[] = [];
  const expected = new Map<number, string>();
  let unchanged = 0;
  for (const located of uses) {
    if (!selected(located, target)) continue;
    const { node, range, ref } = located;
    const where = `${file}:${located.line}:${located.column}`;
    const to = `${ref.name}@${target.sha ?? target.version}`;
    const [start, end] = range;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    if (node.type !== 'PLAIN' && !quoted)
      throw new ConfigurationError(
        `${where}: uses: is written as a block scalar; write it on one line so it can be rewritten exactly.`,
      );
    const inner = quoted ? [start + 1, end - 1] : [start, end];
    if (text.slice(inner[0], inner[1]) !== ref.raw)
      throw new ConfigurationError(
        `${where}: uses: contains escape sequences; write it without escapes so it can be rewritten exactly.`,
      );
    const valueEdit = { start: inner[0]!, end: inner[1]!, text: to };
    const commentEdit = located.flow ? undefined : versionComment(located, end, target);
    if (located.flow && target.sha)
      notes.push(`${where}: inside a flow mapping, so no # ${target.version} comment was added`);
    if (
      to === ref.raw &&
      (!commentEdit || text.slice(commentEdit.start, commentEdit.end) === commentEdit.text)
    ) {
      unchanged++;
      continue;
    }
    edits.push(valueEdit);
    if (commentEdit) edits.push(commentEdit);
    expected.set(start, to);
    changes.push({
      file,
      line: located.line,
      from: ref.raw + trailingComment(located),
      to: to + (target.sha && !located.flow ? ` # ${target.version}` : ''),
    });
  }
  // Stryker: equivalent — without edits the text is unchanged and verifying it passes; this only skips the work.
  if (!edits.length) return { text, changes, unchanged, notes };
  let next = text;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    next = next.slice(0, edit.start) + edit.text + next.slice(edit.end);
  // Stryker: no input is known that makes the edits above change more than the values (removing
  // this call survives); it is the net for a bug there, and verifyRewrite is tested on its own.
  verifyRewrite(text, next, file, role, expected);
  return { text: next, changes, unchanged, notes };
}

function trailingComment(located: LocatedUses): string {
  // Outside a flow mapping the rest of the line is blank or `[ \t]+#…` (see scanYaml).
  const comment = located.flow ? '' : located.trailing.trimStart();
  return comment ? ` ${comment}` : '';
}

/** The edit that makes the trailing comment say the version (SHA) or drops a stale one (tag). */
export function versionComment(located: LocatedUses, valueEnd: number, target: PinTarget) {
  // Stryker: equivalent without either anchor — both callers pass only uses outside flow mappings,
  // whose rest of the line is blank or `[ \t]+#…` with no line break (scanYaml).
  const match = /^([ \t]+)#(.*)$/.exec(located.trailing);
  if (!match)
    return target.sha ? { start: valueEnd, end: valueEnd, text: ` # ${target.version}` } : undefined;
  const commentStart = valueEnd + match[1]!.length + 1; // after '#'
  const commentEnd = valueEnd + located.trailing.length;
  const body = match[2]!;
  const token = COMMENT_VERSION.exec(body);
  if (target.sha) {
    const next = token
      ? body.slice(0, token[0].length - token[1]!.length) + target.version + body.slice(token[0].length)
      : ` ${target.version} ${body.trimStart()}`;
    return { start: commentStart, end: commentEnd, text: next };
  }
  if (VERSION_ONLY_COMMENT.test(body)) return { start: valueEnd, end: commentEnd, text: '' };
  // Stryker: equivalent without '^' — a token means the body has a word, so the first match starts at 0.
  if (token) return { start: commentStart, end: commentEnd, text: body.replace(/^(\s*)\S+\s*/, '$1') };
  return undefined;
}

/** Throws unless `after` parses to `before` with only the `expected` uses: values (by start offset) replaced. */
export function verifyRewrite(
  before: string,
  after: string,
  file: string,
  role: YamlRole,
  expected: Map<number, string>,
): void {
  const old = scanYaml(before, file, role);
  for (const located of old.uses) {
    const to = expected.get(located.range[0]);
    if (to !== undefined) located.node.value = to;
  }
  const fresh = scanYaml(after, file, role);
  if (!isDeepStrictEqual(fresh.doc.toJS(), old.doc.toJS()))
    throw new Error(
      `internal error: rewriting ${file} would change more than its uses: values; nothing was written`,
    );
}

/**
 * The real path of a repository file (its directory resolved through every symbolic link), or a
 * ConfigurationError when that leaves the repository: git lists paths from its index, and a
 * directory on the way may have been replaced by a link to anywhere on the machine.
 */
export function insideRepository(realRoot: string, abs: Buffer, display: string): Buffer {
  const dir = realpathSync(Buffer.from(dirname(abs.toString('latin1')), 'latin1'), { encoding: 'buffer' });
  // Paths as latin1 strings: one char per byte, so names that are not UTF-8 compare exactly.
  const rel = relative(Buffer.from(realRoot).toString('latin1'), dir.toString('latin1'));
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
    throw new ConfigurationError(
      `${display}: a directory on its path is a symbolic link that leads outside the repository; refusing to read or write it. Nothing was rewritten.`,
    );
  return Buffer.concat([dir, Buffer.from(`/`), Buffer.from(basename(abs.toString('latin1')), 'latin1')]);
}

/** Writes beside the target, flushes, then renames over it: readers see the old file or the new one. */
export function writeFileAtomic(path: string | Buffer, data: string): void {
  const stat = lstatSync(path);
  const tmp = Buffer.concat([
    Buffer.from(path),
    Buffer.from(`.gantry-${process.pid}-${randomBytes(6).toString('hex')}.tmp`),
  ]);
  const fd = openSync(tmp, 'wx', stat.mode & 0o7777); // nothing to clean up when this fails
  try {
    try {
      writeSync(fd, data);
      // Stryker: removing this survives — what it buys (the data on disk before the rename) only
      // shows after a power loss.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    // Stryker: `force` is equivalent here (tmp exists); it keeps a vanished tmp from hiding the error.
    rmSync(tmp, { force: true });
    throw error;
  }
}

export interface SetResult {
  root: string;
  sha?: string;
  changes: PinChange[];
  unchanged: number;
  files: string[];
  notes: string[];
}

export interface SetOptions {
  /** Where to resolve the tag to a commit when no --sha is given (default the suite on GitHub). */
  remote?: string;
  tagOnly?: boolean;
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * `gantry pins set`: every file is read, rewritten and verified in memory first; only then is each
 * changed file replaced atomically. A bad file anywhere means nothing is written.
 */
export async function setPins(dir: string, target: PinTarget, options: SetOptions = {}): Promise<SetResult> {
  let wanted = validateTarget(target);
  const { root, files } = await listRepoFiles(dir, options.env);
  if (!wanted.sha && !options.tagOnly) wanted = { ...wanted, sha: await resolveTag(root, wanted, options) };
  const pending: { abs: Buffer; path: string; text: string }[] = [];
  const result: SetResult = { root, sha: wanted.sha, changes: [], unchanged: 0, files: [], notes: [] };
  const realRoot = realpathSync(root);
  for (const file of files) {
    const role = yamlRole(file.path);
    if (!role) continue;
    insideRepository(realRoot, file.abs, file.path);
    const stat = lstatSync(file.abs);
    const bytes = readFileSync(file.abs);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new ConfigurationError(
        `${file.path}: not UTF-8 text; GitHub reads workflows as UTF-8. Nothing was rewritten.`,
      );
    }
    const rewritten = rewriteSuiteRefs(text, file.path, role, wanted);
    result.unchanged += rewritten.unchanged;
    result.notes.push(...rewritten.notes);
    if (!rewritten.changes.length) continue;
    if (stat.isSymbolicLink())
      throw new ConfigurationError(
        `${file.path} is a symbolic link: rewrite the file it points to instead. Nothing was rewritten.`,
      );
    result.changes.push(...rewritten.changes);
    pending.push({ abs: file.abs, path: file.path, text: rewritten.text });
  }
  if (!result.changes.length && !result.unchanged)
    throw new ConfigurationError(
      `no references to ${wanted.suite}${wanted.only ? ` (${wanted.only})` : ''} found in the workflows or action.yml files under ${JSON.stringify(dir)}.`,
    );
  for (const file of pending) {
    // Resolved again right before writing: the file written is the real path checked.
    writeFileAtomic(insideRepository(realRoot, file.abs, file.path), file.text);
    result.files.push(file.path);
  }
  return result;
}

export async function resolveTag(root: string, target: PinTarget, options: SetOptions): Promise<string> {
  const remote = options.remote ?? `https://github.com/${target.suite ?? DEFAULT_SUITE}.git`;
  const tag = `refs/tags/${target.version}`;
  let listing: string;
  try {
    listing = await new Git(root, options.env).text(['ls-remote', '--tags', remote, tag, `${tag}^{}`]);
  } catch (error) {
    if (error instanceof GitError)
      throw new ConfigurationError(
        `could not list tags of ${remote} (${error.stderr.trim().split('\n').pop()}); give --sha, or --tag-only.`,
      );
    throw error;
  }
  // Stryker: dropping `.filter(Boolean)` is equivalent (an empty line only adds an undefined key).
  const refs = new Map(
    listing
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.split('\t')[1], line.split('\t')[0]] as const),
  );
  const sha = refs.get(`${tag}^{}`) ?? refs.get(tag);
  if (!sha)
    throw new ConfigurationError(
      `tag ${target.version} not found in ${remote}: is it released? (or give --sha)`,
    );
  return sha;
}
