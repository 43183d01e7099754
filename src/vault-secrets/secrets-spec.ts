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
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENTRY = /^(\S+)\s+(\S+)(?:\s*\|\s*(\S*))?$/;

export function parseSecrets(text: string): SecretRequest[] {
  const requests: SecretRequest[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = index + 1;
    const trimmedLine = rawLine.trim();
    if (trimmedLine === '' || trimmedLine.startsWith('#')) return;
    for (const part of trimmedLine.split(';')) {
      const entry = part.trim();
      if (entry === '') continue;
      requests.push(parseEntry(entry, line));
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
    if (!/\s/.test(entry.replace(/\s*\|.*$/, ''))) {
      fail(line, entry, "a path needs a key after it: write 'path key | NAME', 'path *' or 'path **'");
    }
    fail(line, entry, "expected 'path key', 'path key | NAME', 'path * | PREFIX_' or 'path **'");
  }
  const [, rawPath, selector, name] = match;
  if (name === '') fail(line, entry, "nothing after '|': name the output, or drop the '|'");
  if (selector!.includes('|')) fail(line, entry, "put spaces around '|'");
  if (name !== undefined && !NAME.test(name)) {
    fail(
      line,
      entry,
      `'${name}' is not a valid name: use letters, digits and _ and do not start with a digit`,
    );
  }
  const [pathPart, query, ...more] = rawPath!.split('?');
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
  return { path, version, selector: selector!, name, line };
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

/** `path *` or `path **`: every key of the path, named after the keys. */
export function isWildcard(request: Pick<SecretRequest, 'selector'>): boolean {
  return request.selector === '*' || request.selector === '**';
}

/** The environment name an explicit request gives its secret (a wildcard's names are known only after reading). */
export function explicitEnvName(request: Pick<SecretRequest, 'selector' | 'name'>): string {
  return request.name ?? normalizeName(request.selector, true);
}
