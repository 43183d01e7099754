/**
 * The suite's one glob library: minimatch, with the rules every Gantry glob follows (changes filters
 * and workspaces, quarantine ids and report exclusions, pins `--allow`, layer-cache paths). This is
 * the only module that imports minimatch.
 *
 * The rules keep dorny/paths-filter's observable behaviour (picomatch 2.3.1 with `dot: true`) for
 * paths as git lists them (never a `.` or `..` segment: git refuses those, and the answer on such a
 * path is not specified); test/glob/differential.test.ts evaluates both on hundreds of pairs, and
 * every remaining difference is listed in actions/changes/README.md:
 * - `dot: true`: `*` and `**` match names starting with `.` (never a `.` or `..` segment);
 * - `nocomment`: a leading `#` is a character, as in picomatch;
 * - `platform: 'linux'`: `/` is the only separator and `\` always escapes, on every runner OS
 *   (paths are compared in git's form, never the platform's);
 * - `optimizationLevel: 0`: the pattern is matched as written (no `a/b/..` rewriting);
 * - a leading `./` is dropped, as picomatch does;
 * - matching goes through minimatch's `makeRe`, whose trailing `/**` also matches the directory
 *   itself (`src/**` matches `src`, a file or a submodule's path), as picomatch does, except
 *   after a segment ending in `*` (`a*` then `/**`), as in picomatch.
 */
import { Minimatch, type MinimatchOptions } from 'minimatch';

export const GLOB_OPTIONS: Readonly<MinimatchOptions> = Object.freeze({
  dot: true,
  nocomment: true,
  platform: 'linux',
  optimizationLevel: 0,
});

/** A glob that cannot be parsed (an unbalanced class or extglob that minimatch rejects). */
export class GlobError extends Error {}

/** `./src/**` is `src/**`. */
export function normalizeGlob(pattern: string): string {
  let out = pattern;
  while (out.startsWith('./')) out = out.slice(2);
  return out;
}

/** The pattern's leading `!`s removed, and whether it negates (an odd count; `!(` is an extglob). */
function splitNegation(pattern: string): { body: string; negated: boolean } {
  let count = 0;
  while (pattern[count] === '!' && pattern[count + 1] !== '(') count++;
  return { body: pattern.slice(count), negated: count % 2 === 1 };
}

/** Index of the `)` closing the `(` at `open`, or -1 (escapes and bracket classes skipped). */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const end = closingBracket(text, i);
      if (end !== -1) i = end;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `]` closing the class opened at `open`, or -1 (`[]a]` and `[!]a]` hold a `]`). */
function closingBracket(text: string, open: number): number {
  let i = open + 1;
  if (text[i] === '!' || text[i] === '^') i++;
  if (text[i] === ']') i++;
  for (; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === ']') return i;
  }
  return -1;
}

/** The top-level `|`-separated alternatives of a group's inside. */
function alternatives(inside: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inside.length; i++) {
    const c = inside[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const end = closingBracket(inside, i);
      if (end !== -1) i = end;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(inside.slice(start, i));
      start = i + 1;
    }
  }
  out.push(inside.slice(start));
  return out;
}

const EXTGLOB = '!@*+?';

/** Does a `(…)` group hold a `/` (so the pattern's segments are not its `/`-separated parts)? */
function groupSpansSlash(pattern: string): boolean {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '/' && depth > 0) return true;
  }
  return false;
}

/**
 * picomatch's regex-like syntax, spelled the way minimatch reads it: a plain group `(a|b)` is
 * `@(a|b)`; a group or a class followed by `+` is one or more of it (`[0-9]+`, from GitHub's
 * cheat sheet, is `+([0-9])`); a leading `**` glued to `.` (`**.js`) matches at any depth, as
 * GitHub's cheat sheet documents.
 */
function picomatchSyntax(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += pattern.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      const end = closingBracket(pattern, i);
      if (end === -1) {
        out += c;
        continue;
      }
      const cls = pattern.slice(i, end + 1);
      const plus = pattern[end + 1] === '+' && pattern[end + 2] !== '(';
      out += plus ? `+(${cls})` : cls;
      i = plus ? end + 1 : end;
    } else if (c === '(' && (i === 0 || !EXTGLOB.includes(pattern[i - 1]!))) {
      const end = closingParen(pattern, i);
      if (end === -1) {
        out += c;
        continue;
      }
      const inside = picomatchSyntax(pattern.slice(i + 1, end));
      const plus = pattern[end + 1] === '+' && pattern[end + 2] !== '(';
      out += `${plus ? '+' : '@'}(${inside})`;
      i = plus ? end + 1 : end;
    } else out += c;
  }
  return out.startsWith('**.') ? `**/*${out.slice(2)}` : out;
}

/**
 * A trailing `/**` matches the directory itself too (`src/**` matches `src`), except after a
 * segment ending in `*` (`*` or `a*` then `/**`), where picomatch asks for at least one more segment.
 */
function trailingGlobstar(body: string): string {
  const trailing = /(?:\/\*\*)+$/.exec(body);
  if (!trailing || trailing.index === 0) return body;
  const parent = body.slice(0, trailing.index);
  return parent.endsWith('*') && !isEscapedAt(parent, parent.length - 1) ? `${parent}/**/*` : body;
}

function isEscapedAt(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

function positive(body: string, original: string): RegExp {
  const mm = new Minimatch(trailingGlobstar(picomatchSyntax(body)), { ...GLOB_OPTIONS, nonegate: true });
  const re = mm.makeRe();
  if (re === false) throw new GlobError(`cannot parse the glob ${JSON.stringify(original)}`);
  // minimatch compiles a class that can match nothing (a reversed range such as `[z-a]`) to `$.`:
  // refuse it, as a pattern that silently never matches is a mistake nobody sees.
  if (/(?<!\\)\$\./.test(re.source))
    throw new GlobError(`the glob ${JSON.stringify(original)} has a character class that matches nothing`);
  // `s`: minimatch's `**` is built from `.`, which would stop at a newline; `*` already crosses one.
  return re.flags.includes('s') ? re : new RegExp(re.source, `${re.flags}s`);
}

function negate(re: RegExp): RegExp {
  return new RegExp(`^(?!${re.source})[\\s\\S]+$`, re.flags);
}

/**
 * One regular expression for a glob, whole-path anchored. Throws GlobError when it cannot be parsed.
 * A leading `!` negates (dorny's picomatch reads it so); callers that give `!` their own meaning
 * strip it first.
 */
export function globRegExp(pattern: string): RegExp {
  const { body, negated } = splitNegation(normalizeGlob(pattern));
  const normalized = normalizeGlob(body);
  // A whole pattern `!(a/**|b/*.md)` is every path none of the alternatives matches, and `(…)` or
  // `@(…)` every path one of them matches: picomatch lets such a group span directories (dorny's
  // own tests use `!(**/*.tsx|**/*.less)`, and a changes filter reads its leading `!` as an
  // exclusion of `(**/*.tsx|**/*.less)`); minimatch's extglobs stay within one path segment.
  const group = /^[!@]?\(/.exec(normalized)?.[0];
  if (group && closingParen(normalized, group.length - 1) === normalized.length - 1) {
    const alts = alternatives(normalized.slice(group.length, -1));
    if (alts.some((alt) => alt.includes('/'))) {
      const union = alts.map((alt) => positive(normalizeGlob(alt), pattern));
      const any = new RegExp(union.map((re) => `(?:${re.source})`).join('|'), union[0]!.flags);
      return negated === (group === '!(') ? any : negate(any);
    }
  }
  const re = positive(normalized, pattern);
  return negated ? negate(re) : re;
}

/** A test for one glob, or for any of several. */
export function globMatcher(patterns: string | readonly string[]): (path: string) => boolean {
  const list = typeof patterns === 'string' ? [patterns] : patterns;
  const tests = list.map(globTest);
  if (tests.length === 1) return tests[0]!;
  return (path) => tests.some((test) => test(path));
}

/**
 * A test for one glob: its regular expression, or the path equal to the pattern's text (picomatch
 * matches a path spelled exactly like the pattern, so `[id].ts` matches the file `[id].ts`).
 */
export function globTest(pattern: string): (path: string) => boolean {
  const re = globRegExp(pattern);
  return (path) => path === pattern || re.test(path);
}

/** A placeholder for `/` in names that are not paths: JUnit XML (XML 1.0) cannot hold a NUL. */
const NAME_SEPARATOR = '\u0000';

/**
 * A glob over names that are not paths (quarantine's test ids, `file::class::name`): `*` also
 * crosses `/`, and `\` is an ordinary character (what picomatch's `bash: true` did). The exact
 * name always matches, brackets included; a name that is no valid glob matches only itself.
 */
export function nameGlobMatcher(pattern: string): (name: string) => boolean {
  let test: (name: string) => boolean;
  try {
    test = globTest(pattern.replaceAll('\\', '\\\\').replaceAll('/', NAME_SEPARATOR));
  } catch (error) {
    // A parameterised name such as `test_x[a-1]` is no valid glob: it matches itself only.
    if (!(error instanceof GlobError)) throw error;
    return (name) => name === pattern;
  }
  return (name) => name === pattern || test(name.replaceAll('/', NAME_SEPARATOR));
}

/** Does the pattern contain any glob syntax (braces included), or is it a literal path? */
export function isGlob(pattern: string): boolean {
  const normalized = normalizeGlob(pattern);
  if (normalized.startsWith('!')) return true;
  return new Minimatch(picomatchSyntax(normalized), { ...GLOB_OPTIONS, magicalBraces: true }).hasMagic();
}

export interface GlobScan {
  /** The literal leading directories (`src/app` for `src/app/**\/*.ts`), '' when none. */
  base: string;
  /** What follows the base (`**\/*.ts`); '' for a literal path. */
  glob: string;
  isGlob: boolean;
}

/**
 * Splits a glob into its literal directory prefix and the rest, for indexing. A pattern whose
 * prefix cannot be read plainly (braces, negation, escapes) reports base '' and stays a glob: an
 * index then only loses speed, never a match.
 */
export function scanGlob(pattern: string): GlobScan {
  const normalized = normalizeGlob(pattern);
  if (!isGlob(normalized)) return { base: normalized, glob: '', isGlob: false };
  const rewritten = picomatchSyntax(normalized);
  if (normalized.startsWith('!') || normalized.includes('\\'))
    return { base: '', glob: normalized, isGlob: true };
  const mm = new Minimatch(rewritten, { ...GLOB_OPTIONS, nonegate: true });
  if (mm.set.length !== 1 || groupSpansSlash(rewritten)) return { base: '', glob: normalized, isGlob: true };
  const set = mm.set[0]!;
  const parts = rewritten.split('/');
  if (parts.length !== set.length) return { base: '', glob: normalized, isGlob: true };
  let literal = 0;
  while (literal < set.length - 1 && typeof set[literal] === 'string' && set[literal] !== '') literal++;
  return { base: parts.slice(0, literal).join('/'), glob: parts.slice(literal).join('/'), isGlob: true };
}
