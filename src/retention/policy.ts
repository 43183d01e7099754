/**
 * The retention rules file (YAML), one entry per repository:
 *
 *   repositories:
 *     - repository: ghcr.io/acme/app          # registry/name, no tag
 *       environments:                         # from promote's records on each digest
 *         production: { keep-last: 10, keep-within: 90d, tags: [production, prod] }
 *         staging: { keep-last: 3 }           # tags default to [<environment name>]
 *       keep-tags: [latest, 'v*']             # digests these tags point to are always kept
 *       expire-tags:                          # first matching rule decides a tag
 *         - { pattern: 'pr-*', after: 7d }
 *         - { pattern: 'sha-*', after: 30d, keep-last: 20 }
 *       expire-untagged: { after: 14d }       # manifests no tag points to (and nothing kept references)
 *       package: { owner: acme, owner-type: org, name: app }   # GitHub Packages (ghcr.io): optional
 *
 * Unknown keys are errors (a misspelt `keep-lats` must not silently keep nothing).
 */
import { parse, YAMLParseError } from 'yaml';
import { GlobError, globTest } from '../glob/index.js';
import { InvalidReferenceError, parseReference, type RegistryReference } from '../oci/index.js';
import { ConfigurationError } from '../runtime/errors.js';
import { parseDuration } from '../runtime/inputs.js';
import { INPUT } from './constants.js';

export interface TagPattern {
  pattern: string;
  test: (tag: string) => boolean;
}

export interface EnvironmentRule {
  name: string;
  keepLast: number;
  keepWithinMs?: number;
  tags: TagPattern[];
}

export interface ExpireTagRule {
  pattern: TagPattern;
  afterMs: number;
  keepLast?: number;
}

export interface PackageTarget {
  owner: string;
  ownerType: 'org' | 'user';
  name: string;
}

export interface RepositoryPolicy {
  /** As written in the file. */
  text: string;
  ref: RegistryReference;
  environments: EnvironmentRule[];
  keepTags: TagPattern[];
  expireTags: ExpireTagRule[];
  expireUntaggedAfterMs?: number;
  /** Where deletes go: GitHub's Packages API (ghcr.io), else the registry's manifest DELETE. */
  package?: PackageTarget;
}

export interface RetentionPolicy {
  repositories: RepositoryPolicy[];
}

const REPO_KEYS = [
  'repository',
  'environments',
  'keep-tags',
  'expire-tags',
  'expire-untagged',
  'package',
] as const;
const ENV_KEYS = ['keep-last', 'keep-within', 'tags'] as const;
const EXPIRE_KEYS = ['pattern', 'after', 'keep-last'] as const;
const UNTAGGED_KEYS = ['after'] as const;
const PACKAGE_KEYS = ['owner', 'owner-type', 'name'] as const;

/** Characters a tag may hold, plus glob syntax. */
const TAG_GLOB_CHARS = /^[A-Za-z0-9_.\-*?[\]{}!,|()@+^]+$/;

class FileError extends ConfigurationError {}

export function parsePolicy(text: string, file: string): RetentionPolicy {
  const fail = (where: string, what: string): never => {
    throw new FileError(
      `Input '${INPUT.rules}': ${file}: ${where}: ${what}. See the rules file schema in actions/registry-retention/README.md.`,
    );
  };
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof YAMLParseError) fail('not valid YAML', error.message.split('\n')[0]!);
    throw error;
  }
  const root = object(doc, 'the file', ['repositories'], fail);
  const list = root.repositories;
  if (!Array.isArray(list) || list.length === 0)
    fail('repositories', 'expected a list with at least one repository');
  const seen = new Set<string>();
  const repositories = (list as unknown[]).map((entry, i) => {
    const where = `repositories[${i}]`;
    const raw = object(entry, where, REPO_KEYS, fail);
    const text = typeof raw.repository === 'string' ? raw.repository.trim() : '';
    if (!text) fail(`${where}.repository`, 'expected a repository such as ghcr.io/acme/app');
    let ref: RegistryReference | undefined;
    try {
      const parsed = parseReference(text);
      if (parsed.kind === 'registry' && !parsed.tag && !parsed.digest) ref = parsed;
    } catch (error) {
      if (!(error instanceof InvalidReferenceError)) throw error;
      fail(`${where}.repository`, `'${text}' is not a repository (${error.reason})`);
    }
    if (!ref) fail(`${where}.repository`, `'${text}' must name a registry repository, without tag or digest`);
    const key = `${ref!.registry}/${ref!.repository}`;
    if (seen.has(key)) fail(`${where}.repository`, `'${text}' is listed twice`);
    seen.add(key);

    const environments: EnvironmentRule[] = [];
    if (raw.environments !== undefined) {
      const envs = object(raw.environments, `${where}.environments`, undefined, fail);
      for (const [name, value] of Object.entries(envs)) {
        const at = `${where}.environments.${name}`;
        const env = object(value, at, ENV_KEYS, fail);
        const keepLast = count(env['keep-last'], `${at}.keep-last`, fail, true)!;
        const keepWithinMs = duration(env['keep-within'], `${at}.keep-within`, fail);
        const tags = env.tags === undefined ? [name] : strings(env.tags, `${at}.tags`, fail);
        environments.push({
          name,
          keepLast,
          keepWithinMs,
          tags: tags.map((t, j) => tagPattern(t, `${at}.tags[${j}]`, fail)),
        });
      }
    }
    const keepTags =
      raw['keep-tags'] === undefined
        ? []
        : strings(raw['keep-tags'], `${where}.keep-tags`, fail).map((t, j) =>
            tagPattern(t, `${where}.keep-tags[${j}]`, fail),
          );
    const expireTags: ExpireTagRule[] = [];
    if (raw['expire-tags'] !== undefined) {
      if (!Array.isArray(raw['expire-tags'])) fail(`${where}.expire-tags`, 'expected a list of rules');
      (raw['expire-tags'] as unknown[]).forEach((value, j) => {
        const at = `${where}.expire-tags[${j}]`;
        const rule = object(value, at, EXPIRE_KEYS, fail);
        if (typeof rule.pattern !== 'string') fail(`${at}.pattern`, "expected a tag glob such as 'pr-*'");
        const afterMs = duration(rule.after, `${at}.after`, fail);
        if (afterMs === undefined) fail(`${at}.after`, 'expected an age such as 7d');
        expireTags.push({
          pattern: tagPattern(rule.pattern as string, `${at}.pattern`, fail),
          afterMs: afterMs!,
          keepLast: count(rule['keep-last'], `${at}.keep-last`, fail, false),
        });
      });
    }
    let expireUntaggedAfterMs: number | undefined;
    if (raw['expire-untagged'] !== undefined) {
      const rule = object(raw['expire-untagged'], `${where}.expire-untagged`, UNTAGGED_KEYS, fail);
      expireUntaggedAfterMs = duration(rule.after, `${where}.expire-untagged.after`, fail);
      if (expireUntaggedAfterMs === undefined)
        fail(`${where}.expire-untagged.after`, 'expected an age such as 14d');
    }
    let pkg: PackageTarget | undefined;
    if (raw.package !== undefined) {
      const p = object(raw.package, `${where}.package`, PACKAGE_KEYS, fail);
      for (const k of ['owner', 'name'] as const)
        if (typeof p[k] !== 'string' || !p[k]) fail(`${where}.package.${k}`, 'expected a name');
      const ownerType = p['owner-type'] ?? 'org';
      if (ownerType !== 'org' && ownerType !== 'user')
        fail(`${where}.package.owner-type`, `got '${String(ownerType)}'; expected org or user`);
      pkg = { owner: p.owner as string, name: p.name as string, ownerType: ownerType as 'org' | 'user' };
    } else if (ref!.registry === 'ghcr.io') {
      // GHCR has no manifest DELETE: its Packages API deletes. The package is the repository path.
      const [owner, ...rest] = ref!.repository.split('/');
      pkg = { owner: owner!, ownerType: 'org', name: rest.join('/') };
    }
    return {
      text,
      ref: ref!,
      environments,
      keepTags,
      expireTags,
      expireUntaggedAfterMs,
      package: pkg,
    } satisfies RepositoryPolicy;
  });
  return { repositories };
}

type Fail = (where: string, what: string) => never;

function object(
  value: unknown,
  where: string,
  keys: readonly string[] | undefined,
  fail: Fail,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'expected a mapping');
  const record = value as Record<string, unknown>;
  if (keys) {
    const unknown = Object.keys(record).filter((k) => !keys.includes(k));
    if (unknown.length)
      fail(
        where,
        `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')} (known: ${keys.join(', ')})`,
      );
  }
  return record;
}

function count(value: unknown, where: string, fail: Fail, required: boolean): number | undefined {
  if (value === undefined) {
    if (required) fail(where, 'required: how many digests to keep (an integer >= 0)');
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    fail(where, `got ${JSON.stringify(value)}; expected an integer >= 0`);
  return value as number;
}

function duration(value: unknown, where: string, fail: Fail): number | undefined {
  if (value === undefined) return undefined;
  const ms =
    typeof value === 'string' || typeof value === 'number' ? parseDuration(String(value)) : undefined;
  if (ms === undefined)
    fail(where, `got ${JSON.stringify(value)}; expected a duration such as 12h, 7d or 2w`);
  return ms;
}

function strings(value: unknown, where: string, fail: Fail): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((v) => typeof v !== 'string' || v === ''))
    fail(where, 'expected a tag or a list of tags');
  return list as string[];
}

function tagPattern(pattern: string, where: string, fail: Fail): TagPattern {
  if (!TAG_GLOB_CHARS.test(pattern))
    fail(where, `'${pattern}' can never match a tag (tags hold only letters, digits, '_', '.' and '-')`);
  try {
    return { pattern, test: globTest(pattern) };
  } catch (error) {
    if (error instanceof GlobError) fail(where, `'${pattern}' is not a valid glob (${error.message})`);
    throw error;
  }
}
