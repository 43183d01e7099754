import { ConfigurationError } from '../runtime/errors.js';
import { isWildcard, normalizeName, pathKey, type SecretRequest } from './secrets-spec.js';
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
  const seen = new Map<string, Secret>();
  for (const result of results) {
    for (const secret of result.secrets) {
      const clash = seen.get(secret.outputName);
      if (clash) {
        throw new ConfigurationError(
          `Input 'secrets': line ${clash.line} (${clash.path}) and line ${secret.line} (${secret.path}) both produce the name '${secret.outputName}'; rename one with '| NAME' or a prefix.`,
        );
      }
      seen.set(secret.outputName, secret);
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
  const secrets = group.flatMap((request) => select(request, data, options));
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

function select(request: SecretRequest, data: Record<string, unknown>, options: FetchOptions): Secret[] {
  const base = { path: pathKey(request), line: request.line, wildcard: false };
  if (isWildcard(request)) {
    const upper = request.selector === '*';
    const prefix = request.name ?? '';
    return Object.entries(data).map(([key, value]) => {
      const name = prefix + normalizeName(key, upper);
      return { ...base, outputName: name, envName: name, value, wildcard: true, prefix: request.name };
    });
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
  const value = data[request.selector];
  if (request.name) return [{ ...base, outputName: request.name, envName: request.name, value }];
  return [
    {
      ...base,
      outputName: normalizeName(request.selector, false),
      envName: normalizeName(request.selector, true),
      value,
    },
  ];
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
