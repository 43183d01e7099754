import jsonata from 'jsonata';
import { ConfigurationError, quoteGiven } from '../runtime/errors.js';
import { INPUT } from './constants.js';
import { pathTraversal } from './paths.js';

/**
 * vault-action's `secrets` syntax, so users can switch: `path key | NAME ;`, one per line or
 * separated by `;`; `path *` (every key, names upper-cased), `path **` (names as stored),
 * `path * | PREFIX_`; `path?version=N` for a KV v2 version.
 */
export interface SecretRequest {
  /** As written, without ?version (leading slashes removed). */
  path: string;
  version?: number;
  /** A key, or '*' / '**' for every key. */
  selector: string;
  /** The output/env name for a key; the prefix for a wildcard. */
  name?: string;
  /** 1-based line in the input, for errors. */
  line: number;
  /**
   * vault-action surface only: a JSONata selector (one with a '.'), evaluated as vault-action does
   * (`data.<selector>` over the secret's data).
   */
  expression?: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENTRY = /^(\S+)\s+(\S+)(?:\s*\|\s*(\S*))?$/;

/** `surface`: 'vault-action' reads vault-action's syntax; anything else (by default) Gantry's. */
export function parseSecrets(text: string, surface?: 'gantry' | 'vault-action'): SecretRequest[] {
  const requests: SecretRequest[] = [];
  const parse = surface === 'vault-action' ? parseVaultActionEntry : parseEntry;
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = index + 1;
    const trimmedLine = rawLine.trim();
    // A blank line gives one empty entry, skipped below.
    if (trimmedLine.startsWith('#')) return;
    for (const part of trimmedLine.split(';')) {
      const entry = part.trim();
      if (entry === '') continue;
      requests.push(parse(entry, line));
    }
  });
  return requests;
}

function fail(line: number, entry: string, why: string): never {
  throw new ConfigurationError(`Input '${INPUT.secrets}', line ${line}: ${why}; got ${quoteGiven(entry)}.`);
}

function parseEntry(entry: string, line: number): SecretRequest {
  const match = ENTRY.exec(entry);
  if (!match) {
    // Stryker: equivalent — the regex without `$`: `.` stops only at a line terminator, which is
    // whitespace itself, so what is left has whitespace either way.
    if (!/\s/.test(entry.replace(/\s*\|.*$/, ''))) {
      fail(line, entry, "a path needs a key after it: write 'path key | NAME', 'path *' or 'path **'");
    }
    fail(line, entry, "expected 'path key', 'path key | NAME', 'path * | PREFIX_' or 'path **'");
  }
  const [, rawPath, selector, name] = match;
  if (name === '') fail(line, entry, "nothing after '|': name the output, or drop the '|'");
  if (selector!.includes('|')) fail(line, entry, "put spaces around '|'");
  // Stryker: equivalent — without `name !== undefined`, NAME.test(undefined) tests the string
  // 'undefined', a valid name: nothing is refused either way.
  if (name !== undefined && !NAME.test(name)) {
    fail(
      line,
      entry,
      `'${name}' is not a valid name: use letters, digits and _ and do not start with a digit`,
    );
  }
  return { ...parsePath(rawPath!, line, entry), selector: selector!, name, line };
}

/**
 * One entry as hashicorp/vault-action's parseSecretsInput reads it: the last '|' starts the name
 * (spaces optional), the rest is exactly a path and a selector; double quotes are removed from the
 * selector; a selector is a JSONata expression, and one that is not a plain key, a quoted key or a
 * wildcard needs a name. Syntax errors are reported here, before any login.
 */
function parseVaultActionEntry(entry: string, line: number): SecretRequest {
  let spec = entry;
  let name: string | undefined;
  const bar = entry.lastIndexOf('|');
  if (bar > -1) {
    spec = entry.slice(0, bar).trim();
    name = entry.slice(bar + 1).trim();
    if (name === '') fail(line, entry, "nothing after '|': name the output, or drop the '|'");
    if (!VAULT_ACTION_NAME.test(name))
      fail(
        line,
        entry,
        `'${name}' cannot name an output or a variable: no spaces, quotes, '=', '<', '>' or control characters`,
      );
  }
  // `spec` is trimmed: splitting at runs of whitespace leaves no empty part.
  const parts = spec.split(/\s+/);
  if (parts.length !== 2)
    fail(line, entry, "expected 'path key', 'path key|NAME', 'path * | PREFIX_' or 'path **'");
  const [rawPath, quoted] = parts as [string, string];
  let ast: { type: string; steps?: { stages?: unknown }[] };
  try {
    ast = jsonata(quoted).ast() as typeof ast;
  } catch (error) {
    fail(
      line,
      entry,
      `the selector ${quoteGiven(quoted)} is not a valid JSONata expression (${(error as Error).message}); quote a key that has JSONata operators in it, as "my-key"`,
    );
  }
  const selector = quoted.replaceAll('"', '');
  const wildcard = selector === '*' || selector === '**';
  if (
    !wildcard &&
    name === undefined &&
    // Stryker: equivalent — `?.` before [0] and .stages: a path AST always has a first step.
    (ast.type !== 'path' || ast.steps?.[0]?.stages) &&
    ast.type !== 'string'
  )
    fail(line, entry, "a JSONata selector needs a name: add '| NAME'");
  if (selector === '') fail(line, entry, 'the key is empty');
  return {
    ...parsePath(rawPath, line, entry),
    selector,
    name,
    line,
    expression: !wildcard && selector.includes('.') ? selector : undefined,
  };
}

/** Names from '| NAME' in the vault-action surface: anything the runner's output and env files read back as one name. */
const VAULT_ACTION_NAME = /^[^\s"'`=<>\u0000-\u001f\u007f]+$/u;

function parsePath(rawPath: string, line: number, entry: string): Pick<SecretRequest, 'path' | 'version'> {
  const [pathPart, query, ...more] = rawPath.split('?');
  if (more.length) fail(line, entry, "a path has at most one '?'");
  const path = pathPart!.replace(/^\/+/, '').replace(/\/+$/, '');
  if (path === '' || path.includes('://'))
    fail(line, entry, "the path is a Vault path such as 'secret/app', not a URL");
  const traversal = pathTraversal(path);
  if (traversal) fail(line, entry, `the path is not a plain Vault path: ${traversal}`);
  let version: number | undefined;
  if (query !== undefined) {
    const versionMatch = /^version=(\d+)$/.exec(query);
    if (!versionMatch || Number(versionMatch[1]) < 1)
      fail(line, entry, "the only query is '?version=N' with N a positive integer");
    version = Number(versionMatch[1]);
  }
  return { path, version };
}

/** Distinct paths, keyed by path and version: one request each. */
export function pathKey(request: Pick<SecretRequest, 'path' | 'version'>): string {
  return request.version === undefined ? request.path : `${request.path}?version=${request.version}`;
}

/** A key as a name: characters other than letters, digits and _ become _, never a leading digit. */
export function normalizeName(key: string, upper: boolean): string {
  let name = key.replace(/[^A-Za-z0-9_]/g, '_');
  if (/^\d/.test(name) || name === '') name = `_${name}`;
  return upper ? name.toUpperCase() : name;
}

/**
 * hashicorp/vault-action's normalizeOutputKey: '.' becomes '__', '-' is removed, then everything
 * but letters, digits (any script) and '_' is removed; upper-cased for environment names.
 */
export function vaultActionName(key: string, upper: boolean): string {
  const name = key
    .replaceAll('.', '__')
    .replaceAll('-', '')
    .replace(/[^\p{L}\p{N}_-]/gu, '');
  return upper ? name.toUpperCase() : name;
}

/** `path *` or `path **`: every key of the path, named after the keys. */
export function isWildcard(request: Pick<SecretRequest, 'selector'>): boolean {
  return request.selector === '*' || request.selector === '**';
}

/** The output and environment names of an explicit request (not `*`/`**`) in a surface. */
export function explicitNames(
  request: Pick<SecretRequest, 'selector' | 'name'>,
  surface: 'gantry' | 'vault-action',
): { output: string; env: string } {
  if (request.name) return { output: request.name, env: request.name };
  return surface === 'vault-action'
    ? { output: vaultActionName(request.selector, false), env: vaultActionName(request.selector, true) }
    : { output: normalizeName(request.selector, false), env: normalizeName(request.selector, true) };
}

/**
 * The names one key takes under `*` / `**` in a surface. Gantry: prefix + key with characters
 * other than letters, digits and _ as _, upper-cased for `*`, the same for output and env.
 * vault-action: normalizeOutputKey(prefix + key), upper-cased for the environment only under `*`.
 */
export function wildcardNames(
  request: Pick<SecretRequest, 'selector' | 'name'>,
  key: string,
  surface: 'gantry' | 'vault-action',
): { output: string; env: string } {
  const upper = request.selector === '*';
  if (surface === 'gantry') {
    const name = (request.name ?? '') + normalizeName(key, upper);
    return { output: name, env: name };
  }
  // vault-action: a name equal to the selector ('path * | *') means no prefix; the naming removes
  // the '*' such a name would put in front of the key.
  const raw = (request.name ?? '') + key;
  return { output: vaultActionName(raw, false), env: vaultActionName(raw, upper) };
}
