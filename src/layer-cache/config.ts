import { homedir } from 'node:os';
import { InvalidReferenceError, parseReference, type Reference } from '../oci/index.js';
import { ConfigurationError } from '../runtime/errors.js';
import type { GitHubContext } from '../github/context.js';
import type { InputReader } from '../runtime/inputs.js';
import type { Runtime } from '../runtime/runtime.js';
import type { BuildContext } from './buildx.js';
import { COMPRESSIONS, type Compression, INPUT, MODES, SAVE_WHEN, type SaveWhen } from './constants.js';
import { type PathSpec, parsePathSpec } from './paths.js';
import { type CacheScopes, cacheScopes } from './scope.js';

export interface Credentials {
  username: string;
  password: string;
}

export interface BuildxConfig {
  mode: 'buildx';
  repository: Reference & { kind: 'registry' };
  credentials?: Credentials;
  scope: string;
  readOnly: boolean;
  build: BuildContext;
}

export interface PathsConfig {
  mode: 'paths';
  /** Undefined: GitHub's cache service through @actions/cache. */
  repository?: Reference;
  credentials?: Credentials;
  spec: PathSpec;
  key: string;
  restoreKeys: string[];
  lookupOnly: boolean;
  failOnCacheMiss: boolean;
  compression: Compression;
  save: SaveWhen;
  /** Registry caches only: where this run saves and what it restores (see scope.ts). */
  scopes: CacheScopes;
}

export interface PruneConfig {
  mode: 'prune';
  repository: Reference;
  credentials?: Credentials;
  keepLast?: number;
  maxAgeMs?: number;
  keyPrefixes: string[];
  dryRun: boolean;
}

export type LayerCacheConfig = BuildxConfig | PathsConfig | PruneConfig;

const MAX_KEY_LENGTH = 512;

export function readConfig(
  inputs: InputReader,
  runtime: Runtime,
  workspace: string,
  github: GitHubContext,
): LayerCacheConfig {
  const password = inputs.optional(INPUT.password);
  if (password) runtime.setSecret(password);
  const mode = inputs.oneOf(INPUT.mode, MODES, 'paths');
  const credentials = readCredentials(inputs, password);
  const repositoryText = inputs.optional(INPUT.cacheRepository);
  const repository = repositoryText === undefined ? undefined : readRepository(repositoryText);

  if (mode === 'buildx') {
    if (!repository)
      throw requiredFor(
        INPUT.cacheRepository,
        mode,
        'the registry repository BuildKit keeps its cache in, such as ghcr.io/acme/app-cache',
      );
    if (repository.kind !== 'registry') {
      throw ConfigurationError.forInput(
        INPUT.cacheRepository,
        repositoryText!,
        'a registry repository (BuildKit cannot use an oci-layout directory as a registry cache)',
      );
    }
    return {
      mode,
      repository,
      credentials,
      scope: inputs.string(INPUT.scope),
      readOnly: inputs.boolean(INPUT.readOnly, false),
      build: readBuildContext(inputs, github),
    };
  }

  if (mode === 'prune') {
    if (!repository) throw requiredFor(INPUT.cacheRepository, mode, 'the repository whose caches are pruned');
    const keepLast =
      inputs.optional(INPUT.keepLast) === undefined ? undefined : inputs.integer(INPUT.keepLast, { min: 1 });
    const maxAgeMs = inputs.duration(INPUT.maxAge);
    if (keepLast === undefined && maxAgeMs === undefined) {
      throw new ConfigurationError(
        `Mode 'prune' needs '${INPUT.keepLast}' (caches kept per key prefix), '${INPUT.maxAge}' (such as 7d), or both.`,
      );
    }
    return {
      mode,
      repository,
      credentials,
      keepLast,
      maxAgeMs,
      keyPrefixes: inputs.lines(INPUT.keyPrefix),
      dryRun: inputs.boolean(INPUT.dryRun, false),
    };
  }

  const paths = inputs.lines(INPUT.path);
  if (paths.length === 0)
    throw requiredFor(
      INPUT.path,
      mode,
      'the files and directories to cache, one per line (globs and !exclusions allowed)',
    );
  if (paths.every((p) => p.startsWith('!')))
    throw ConfigurationError.forInput(
      INPUT.path,
      paths.join('\n'),
      'at least one path that is not an !exclusion',
    );
  const key = readKey(INPUT.key, inputs.optional(INPUT.key));
  if (!key)
    throw requiredFor(
      INPUT.key,
      mode,
      'the cache key, such as npm-Linux- followed by a hash of package-lock.json',
    );
  const save = inputs.oneOf(INPUT.save, SAVE_WHEN, 'on-success');
  if (save === 'always') {
    // GitHub evaluates a JavaScript action's post-if without the inputs and hands the post step no
    // job status, so one post step cannot both skip failed jobs by default and save them on request.
    throw new ConfigurationError(
      `Input '${INPUT.save}': 'always' cannot be honoured by a post step (it cannot see whether the job failed). Keep 'on-success', or to save after a failure use acme/gantry/actions/layer-cache/restore and acme/gantry/actions/layer-cache/save with \`if: always()\` on the save step.`,
    );
  }
  return {
    mode,
    repository,
    credentials,
    spec: parsePathSpec(paths, workspace, runtime.env.HOME || homedir()),
    key,
    restoreKeys: inputs.lines(INPUT.restoreKeys).map((k) => readKey(INPUT.restoreKeys, k)!),
    lookupOnly: inputs.boolean(INPUT.lookupOnly, false),
    failOnCacheMiss: inputs.boolean(INPUT.failOnCacheMiss, false),
    compression: inputs.oneOf(INPUT.compression, COMPRESSIONS, 'zstd'),
    save,
    scopes: cacheScopes(readBuildContext(inputs, github)),
  };
}

/** The run's ref, event and fork-ness, from the one GitHub context. */
function readBuildContext(inputs: InputReader, github: GitHubContext): BuildContext {
  const event = github.payload as EventPayload;
  return {
    eventName: github.eventName,
    ref: github.ref,
    headRef: github.headRef,
    baseRef: github.baseRef,
    defaultBranch: inputs.optional(INPUT.defaultBranch) ?? event.repository?.default_branch ?? 'main',
    fromFork: isFork(event),
  };
}

function requiredFor(input: string, mode: string, what: string): ConfigurationError {
  return new ConfigurationError(`Input '${input}' is required in mode '${mode}': ${what}.`);
}

function readKey(input: string, key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  // The same limits as actions/cache, so keys move between the two unchanged.
  if (key.length > MAX_KEY_LENGTH)
    throw ConfigurationError.forInput(input, key, `a key of at most ${MAX_KEY_LENGTH} characters`);
  if (key.includes(',')) throw ConfigurationError.forInput(input, key, 'a key without commas');
  return key;
}

function readRepository(text: string): Reference {
  let ref: Reference;
  try {
    ref = parseReference(text);
  } catch (error) {
    const reason = error instanceof InvalidReferenceError ? error.message : String(error);
    throw ConfigurationError.forInput(
      INPUT.cacheRepository,
      text,
      `a repository such as ghcr.io/acme/app-cache (${reason})`,
    );
  }
  if (ref.tag || ref.digest) {
    throw ConfigurationError.forInput(
      INPUT.cacheRepository,
      text,
      'a repository without a tag or digest: the action chooses the tags',
    );
  }
  return ref;
}

function readCredentials(inputs: InputReader, password: string | undefined): Credentials | undefined {
  const username = inputs.optional(INPUT.username);
  if ((username === undefined) !== (password === undefined)) {
    throw new ConfigurationError(
      `Inputs '${INPUT.username}' and '${INPUT.password}' go together: give both, or neither to use the Docker config (docker/login-action).`,
    );
  }
  return username && password ? { username, password } : undefined;
}

interface EventPayload {
  repository?: { default_branch?: string; full_name?: string };
  pull_request?: {
    head?: { repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
}

/** A pull request whose head lives in another repository (or in a deleted fork). */
function isFork(event: EventPayload): boolean {
  const pr = event.pull_request;
  if (!pr) return false;
  const head = pr.head?.repo?.full_name;
  const base = pr.base?.repo?.full_name ?? event.repository?.full_name;
  return !head || head !== base;
}
