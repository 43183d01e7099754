import jsonata from 'jsonata';
import { ConfigurationError } from '../runtime/errors.js';
import type { Encoding } from './constants.js';
import { explicitNames, isWildcard, pathKey, type SecretRequest, wildcardNames } from './secrets-spec.js';
import { type VaultClient, type VaultEnvelope, VaultError, vaultError } from './vault-client.js';

/**
 * Reads what the `secrets` input asks for: one request per distinct path (and version), every path
 * at once. Each path's engine is found from sys/internal/ui/mounts (once per mount, as `vault kv`
 * does), so `secret/app` works on KV v1 and v2 alike. Every value read is handed to `mask` before
 * this function returns anything.
 */
export interface Secret {
  outputName: string;
  envName: string;
  value: unknown;
  path: string;
  line: number;
  /** The name was derived from Vault's keys (`*`, `**`), after `prefix`. */
  wildcard: boolean;
  prefix?: string;
  /** Where the value came from (path and key or selector): the same source may be named twice. */
  source: string;
}

export interface Lease {
  id: string;
  durationSeconds: number;
  renewable: boolean;
}

export interface PathReport {
  path: string;
  engine: string;
  keys: number;
  leaseSeconds?: number;
  outcome: 'read' | 'not found (ignored)';
}

export interface FetchResult {
  secrets: Secret[];
  paths: PathReport[];
  leases: Lease[];
}

export interface FetchOptions {
  token: string;
  ignoreNotFound: boolean;
  /** Called with each value (any shape) as soon as it is read. */
  mask: (value: unknown) => void;
  /** Called with each lease as soon as it is issued, so post can revoke it even if a later path fails. */
  onLease: (lease: Lease) => void;
  warn: (message: string) => void;
  /** Naming and selectors: Gantry's, or hashicorp/vault-action's (default gantry). */
  surface?: 'gantry' | 'vault-action';
  /** Decode each value (vault-action's secretEncodingType); the decoded value is masked too. */
  encoding?: Encoding;
}

interface Mount {
  path: string;
  type: string;
  version: 1 | 2;
}

export async function fetchSecrets(
  client: VaultClient,
  requests: SecretRequest[],
  options: FetchOptions,
): Promise<FetchResult> {
  const byPath = new Map<string, SecretRequest[]>();
  for (const request of requests)
    byPath.set(pathKey(request), [...(byPath.get(pathKey(request)) ?? []), request]);
  const mounts = new MountResolver(client, options.token);

  const settled = await Promise.allSettled(
    [...byPath.values()].map(async (group) => readPath(client, mounts, group, options)),
  );
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  const results = settled.map((s) => (s as PromiseFulfilledResult<PathRead>).value);

  const secrets: Secret[] = [];
  // Two names alike from different sources is a mistake; the same source named twice (vault-action's
  // 'path *' beside 'path **' sets output 'foo' twice) is not.
  const seenOutput = new Map<string, Secret>();
  const seenEnv = new Map<string, Secret>();
  for (const result of results) {
    for (const secret of result.secrets) {
      for (const [seen, name] of [
        [seenOutput, secret.outputName],
        [seenEnv, secret.envName],
      ] as const) {
        const clash = seen.get(name);
        if (clash && clash.source !== secret.source) {
          throw new ConfigurationError(
            `Input 'secrets': line ${clash.line} (${clash.path}) and line ${secret.line} (${secret.path}) both produce the name '${name}'; rename one with '| NAME' or a prefix.`,
          );
        }
        seen.set(name, secret);
      }
      secrets.push(secret);
    }
  }
  return {
    secrets,
    paths: results.map((r) => r.report),
    leases: results.flatMap((r) => (r.lease ? [r.lease] : [])),
  };
}

interface PathRead {
  secrets: Secret[];
  report: PathReport;
  lease?: Lease;
}

async function readPath(
  client: VaultClient,
  mounts: MountResolver,
  group: SecretRequest[],
  options: FetchOptions,
): Promise<PathRead> {
  const { path, version } = group[0]!;
  const shown = pathKey(group[0]!);
  const mount = await mounts.resolve(path);
  const kv2 = mount?.type === 'kv' && mount.version === 2;
  if (version !== undefined && !kv2) {
    throw new ConfigurationError(
      `Input 'secrets', line ${group[0]!.line}: '${shown}' asks for a version, but ${path} is not on a KV v2 mount; drop '?version=${version}'.`,
    );
  }
  const apiPath = kv2 ? kv2DataPath(mount, path) : path;
  const response = await client.call({
    method: 'GET',
    path: apiPath,
    query: version === undefined ? undefined : { version: String(version) },
    token: options.token,
  });
  const engine = mount ? (mount.type === 'kv' ? `kv v${mount.version}` : mount.type) : 'unknown mount';
  if (response.status === 404) {
    const deleted = kv2 && isDeletedVersion(response.body);
    if (options.ignoreNotFound) {
      options.warn(
        `${shown} was not found${deleted ? ' (the version is deleted or destroyed)' : ''}; skipped because ignore-not-found is true.`,
      );
      return { secrets: [], report: { path: shown, engine, keys: 0, outcome: 'not found (ignored)' } };
    }
    const what = deleted
      ? `Reading ${shown} (line ${group[0]!.line}): that version is deleted or destroyed; read another version or undelete it`
      : `Reading ${shown} (line ${group[0]!.line})`;
    throw vaultError(what, response);
  }
  if (response.status !== 200) throw vaultError(`Reading ${shown} (line ${group[0]!.line})`, response);

  const envelope = response.body;
  const raw = kv2 ? (envelope?.data?.data as Record<string, unknown> | null | undefined) : envelope?.data;
  const data: Record<string, unknown> = raw && typeof raw === 'object' ? raw : {};
  // Mask every value the path returned, selected or not, before anything else looks at them.
  for (const value of Object.values(data)) options.mask(value);
  let lease: Lease | undefined;
  if (envelope?.lease_id) {
    lease = {
      id: envelope.lease_id,
      durationSeconds: Number(envelope.lease_duration ?? 0),
      renewable: envelope.renewable === true,
    };
    options.onLease(lease);
  }
  const secrets: Secret[] = [];
  for (const request of group) secrets.push(...(await select(request, data, options)));
  return {
    secrets,
    lease,
    report: {
      path: shown,
      engine,
      keys: Object.keys(data).length,
      leaseSeconds: lease?.durationSeconds,
      outcome: 'read',
    },
  };
}

async function select(
  request: SecretRequest,
  data: Record<string, unknown>,
  options: FetchOptions,
): Promise<Secret[]> {
  const surface = options.surface ?? 'gantry';
  const base = { path: pathKey(request), line: request.line, wildcard: false };
  const finish = (secret: Omit<Secret, 'value'>, value: unknown): Secret => ({
    ...secret,
    value: decode(value, options),
  });
  if (isWildcard(request)) {
    return Object.entries(data).map(([key, value]) => {
      const names = wildcardNames(request, key, surface);
      return finish(
        {
          ...base,
          outputName: names.output,
          envName: names.env,
          wildcard: true,
          prefix: request.name,
          source: `${base.path}\0${key}`,
        },
        value,
      );
    });
  }
  const names = explicitNames(request, surface);
  const source = `${base.path}\0${request.expression ?? request.selector}`;
  const named = { ...base, outputName: names.output, envName: names.env, source };
  if (request.expression !== undefined) {
    const value = await evaluate(request.expression, data);
    if (value === undefined) {
      if (options.ignoreNotFound) {
        options.warn(
          `${base.path}: the selector '${request.expression}' matched nothing (line ${request.line}); skipped because ignore-not-found is true.`,
        );
        return [];
      }
      throw new VaultError(
        `Reading ${base.path} (line ${request.line}): the selector '${request.expression}' matched nothing in the secret's ${Object.keys(data).length} key(s). Check the key or selector.`,
        404,
      );
    }
    // A JSONata expression can compute a new value from the secret: a secret too.
    options.mask(value);
    return [finish(named, value)];
  }
  if (!(request.selector in data)) {
    if (options.ignoreNotFound) {
      options.warn(
        `${base.path} has no key '${request.selector}' (line ${request.line}); skipped because ignore-not-found is true.`,
      );
      return [];
    }
    throw new VaultError(
      `Reading ${base.path} (line ${request.line}): the secret has no key '${request.selector}'; it has ${Object.keys(data).length} other key(s). Check the key name.`,
      404,
    );
  }
  return [finish(named, data[request.selector])];
}

/**
 * vault-action's selectData: `data.<selector>` over the secret's data; the result as JSON, a JSON
 * string unquoted. Undefined when nothing matched.
 */
async function evaluate(expression: string, data: Record<string, unknown>): Promise<string | undefined> {
  let result: unknown;
  try {
    result = await jsonata(`data.${expression}`).evaluate({ data });
  } catch (error) {
    // JSONata's messages can quote the value they failed on: only its error code is shown.
    const code = (error as { code?: unknown }).code;
    throw new ConfigurationError(
      `Input 'secrets': the selector '${expression}' failed to evaluate (JSONata error ${typeof code === 'string' ? code : 'unknown'}); check it against the secret's keys.`,
    );
  }
  const text = JSON.stringify(result);
  if (!text) return undefined;
  return text.startsWith('"') ? (JSON.parse(text) as string) : text;
}

/** vault-action's secretEncodingType: Buffer.from(value, encoding) as text; the decoded value is masked before it is used. */
function decode(value: unknown, options: FetchOptions): unknown {
  if (options.encoding === undefined) return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const decoded = Buffer.from(text, options.encoding).toString();
  options.mask(decoded);
  return decoded;
}

/** `secret/app` on KV v2 mount `secret/` is read at `secret/data/app`; vault-action's `secret/data/app` is kept. */
function kv2DataPath(mount: Mount, path: string): string {
  const rest = path.slice(mount.path.length);
  return rest.startsWith('data/') ? path : `${mount.path}data/${rest}`;
}

function isDeletedVersion(body: VaultEnvelope | undefined): boolean {
  const metadata = (
    body?.data as { metadata?: { deletion_time?: string; destroyed?: boolean } } | null | undefined
  )?.metadata;
  return Boolean(metadata && (metadata.deletion_time || metadata.destroyed));
}

/**
 * Finds a path's mount with one sys/internal/ui/mounts lookup per mount: Vault forbids nested
 * mounts, so every path under a found mount shares it. Paths are grouped by their first segment
 * while a lookup is in flight. A lookup that is refused or finds nothing means "read the path as
 * given", as the vault CLI does.
 */
class MountResolver {
  private readonly known: Mount[] = [];
  private readonly pending = new Map<string, Promise<Mount | undefined>>();

  constructor(
    private readonly client: VaultClient,
    private readonly token: string,
  ) {}

  async resolve(path: string): Promise<Mount | undefined> {
    const found = this.covering(path);
    if (found) return found;
    const first = path.split('/')[0]!;
    const inFlight = this.pending.get(first);
    if (inFlight) {
      await inFlight;
      const after = this.covering(path);
      if (after) return after;
    }
    const lookup = this.lookup(path);
    if (!inFlight) this.pending.set(first, lookup);
    return lookup;
  }

  private covering(path: string): Mount | undefined {
    return this.known.find((mount) => `${path}/`.startsWith(mount.path));
  }

  private async lookup(path: string): Promise<Mount | undefined> {
    const response = await this.client.call({
      method: 'GET',
      path: `sys/internal/ui/mounts/${path}`,
      token: this.token,
    });
    if (response.status !== 200) {
      if ([400, 403, 404].includes(response.status)) return undefined;
      throw vaultError(`Looking up the mount of ${path} (sys/internal/ui/mounts)`, response);
    }
    const data = (response.body?.data ?? {}) as {
      path?: unknown;
      type?: unknown;
      options?: { version?: unknown } | null;
    };
    if (typeof data.path !== 'string' || data.path === '') return undefined;
    const mount: Mount = {
      path: data.path.endsWith('/') ? data.path : `${data.path}/`,
      type: String(data.type ?? ''),
      version: String(data.options?.version ?? '1') === '2' ? 2 : 1,
    };
    if (!this.covering(mount.path)) this.known.push(mount);
    return mount;
  }
}
