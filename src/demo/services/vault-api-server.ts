/**
 * An HTTP server implementing the part of HashiCorp Vault's HTTP API that vault-secrets uses, as
 * Vault's API documentation gives it (../shared/reference/vault-api.md): the response envelope,
 * `{"errors":[…]}` bodies and status codes; sys/health (sealed 503, standby 429); JWT (signature
 * against a JWKS or PEM keys, bound_audiences/bound_subject/bound_claims), AppRole, Kubernetes and
 * userpass logins; token lookup/renew/revoke-self (which revokes the token's leases); KV v1 and v2
 * (versions, deleted and destroyed versions); sys/internal/ui/mounts; database/creds with leases;
 * sys/leases; ACL policies in HCL (403 permission denied); namespaces (X-Vault-Namespace); rate
 * limits (429 with Retry-After); response wrapping (X-Vault-Wrap-TTL, or forced per path, with
 * sys/wrapping/unwrap); injected faults (statuses, redirects, and answers that stall after their
 * headers) and latency.
 *
 * Standalone: `npx tsx src/demo/services/vault-api-server.ts --port 8200 --seed seed.json [--latency 20]`
 * prints `VAULT_ADDR=…` and `VAULT_TOKEN=…`.
 */
import { createPublicKey, randomBytes, randomUUID, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

// ---------------------------------------------------------------------------------------------
// Seed: the same declarative shape test/vault-secrets/backend.ts replays against a real Vault.

export type MountSeed =
  | { type: 'kv'; version?: 1 | 2 }
  | { type: 'database'; roles: Record<string, { ttl?: number }> };

export interface JwtRoleSeed {
  bound_audiences?: string[];
  bound_subject?: string;
  bound_claims?: Record<string, string | string[]>;
  user_claim?: string;
  policies: string[];
  token_ttl?: number;
}

export type AuthSeed =
  | {
      type: 'approle';
      roles: Record<string, { role_id: string; secret_id: string; policies: string[]; token_ttl?: number }>;
    }
  | { type: 'userpass'; users: Record<string, { password: string; policies: string[] }> }
  | {
      type: 'jwt';
      jwks_url?: string;
      jwt_validation_pubkeys?: string[];
      bound_issuer?: string;
      roles: Record<string, JwtRoleSeed>;
    }
  | {
      type: 'kubernetes';
      jwt_validation_pubkeys?: string[];
      jwks_url?: string;
      roles: Record<
        string,
        {
          bound_service_account_names: string[];
          bound_service_account_namespaces: string[];
          policies: string[];
        }
      >;
    };

export interface NamespaceSeed {
  /** Secret engines by mount path (no trailing slash). */
  mounts?: Record<string, MountSeed>;
  /** KV writes in order, by logical path (`secret/app`); a second write to a KV v2 path adds a version. */
  writes?: { path: string; data: Record<string, unknown> }[];
  /** KV v2 soft deletes (or destroys) of versions. */
  deletes?: { path: string; versions: number[]; destroy?: boolean }[];
  /** ACL policies in HCL. */
  policies?: Record<string, string>;
  /** Auth methods by mount path (no `auth/`). */
  auth?: Record<string, AuthSeed>;
}

export interface VaultSeed {
  rootToken?: string;
  /** '' is the root namespace. */
  namespaces?: Record<string, NamespaceSeed>;
}

export interface VaultServerOptions {
  seed?: VaultSeed;
  latencyMs?: number;
  /** Requests allowed per window before 429 (Vault's rate-limit quota). */
  rateLimit?: { requests: number; windowMs: number };
  tls?: { key: string; cert: string; ca?: string; requestCert?: boolean };
}

export interface RecordedRequest {
  method: string;
  path: string;
  namespace: string;
  status: number;
}

export interface Fault {
  method?: string;
  /** Matches the API path without /v1/. */
  path: RegExp;
  status: number;
  times: number;
  retryAfter?: string;
  /** The `errors` array of the answer (Vault sometimes echoes request data in it). */
  errors?: string[];
  /**
   * A redirect (status 307 or 308 by default) to this origin, the request's path and query kept: a
   * standby pointing at the active node, or someone on the path steering the client elsewhere.
   */
  redirectTo?: string;
  /** Send the status and headers (and a few bytes of body), then nothing more: a stalled server. */
  stall?: boolean;
}

// ---------------------------------------------------------------------------------------------

interface KvVersion {
  data: Record<string, unknown>;
  created_time: string;
  deletion_time: string;
  destroyed: boolean;
}

interface Mount {
  type: 'kv' | 'database';
  version: 1 | 2;
  roles: Record<string, { ttl?: number }>;
  kv1: Map<string, Record<string, unknown>>;
  kv2: Map<string, KvVersion[]>;
}

interface Namespace {
  mounts: Map<string, Mount>;
  policies: Map<string, Rule[]>;
  auth: Map<string, AuthSeed>;
}

interface Rule {
  pattern: string;
  capabilities: string[];
}

export interface Token {
  id: string;
  accessor: string;
  namespace: string;
  policies: string[];
  ttl: number;
  issuedAt: number;
  revoked: boolean;
  leases: Set<string>;
  meta: Record<string, string>;
  path: string;
}

export interface Lease {
  id: string;
  token: string;
  duration: number;
  revoked: boolean;
}

class VaultHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: string[],
    readonly body?: unknown,
  ) {
    super(errors.join('; '));
  }
}

const PERMISSION_DENIED = () => new VaultHttpError(403, ['permission denied']);
const NOT_FOUND = () => new VaultHttpError(404, []);

const DEFAULT_POLICY: Rule[] = [
  { pattern: 'auth/token/lookup-self', capabilities: ['read'] },
  { pattern: 'auth/token/renew-self', capabilities: ['update'] },
  { pattern: 'auth/token/revoke-self', capabilities: ['update'] },
  { pattern: 'sys/capabilities-self', capabilities: ['update'] },
  { pattern: 'sys/internal/ui/mounts', capabilities: ['read'] },
  { pattern: 'sys/internal/ui/mounts/*', capabilities: ['read'] },
  { pattern: 'sys/leases/renew', capabilities: ['update'] },
  { pattern: 'sys/leases/lookup', capabilities: ['update'] },
  { pattern: 'sys/wrapping/*', capabilities: ['update'] },
];

/** `path "secret/data/app" { capabilities = ["read"] }` blocks. */
export function parsePolicy(hcl: string): Rule[] {
  const rules: Rule[] = [];
  for (const block of hcl.matchAll(/path\s+"([^"]+)"\s*\{([^}]*)\}/g)) {
    const caps = /capabilities\s*=\s*\[([^\]]*)\]/.exec(block[2]!)?.[1] ?? '';
    rules.push({ pattern: block[1]!, capabilities: [...caps.matchAll(/"([^"]+)"/g)].map((m) => m[1]!) });
  }
  return rules;
}

function globMatches(pattern: string, path: string): boolean {
  const prefix = pattern.endsWith('*');
  const parts = (prefix ? pattern.slice(0, -1) : pattern).split('/');
  const target = path.split('/');
  if (!prefix && parts.length !== target.length) return false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const actual = target[i];
    if (actual === undefined) return false;
    if (part === '+') continue;
    if (i === parts.length - 1 && prefix) return actual.startsWith(part);
    if (part !== actual) return false;
  }
  return true;
}

function randomId(bytes = 12): string {
  return randomBytes(bytes).toString('base64url');
}

function b64urlJson(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export class VaultServer {
  readonly rootToken: string;
  readonly requests: RecordedRequest[] = [];
  readonly tokens = new Map<string, Token>();
  readonly leases = new Map<string, Lease>();
  latencyMs: number;
  rateLimit?: { requests: number; windowMs: number };
  sealed = false;
  standby = false;
  private readonly namespaces = new Map<string, Namespace>();
  private faults: Fault[] = [];
  /** Paths whose answers Vault wraps even when the client did not ask (as a control group or a proxy adding X-Vault-Wrap-TTL would). */
  readonly wrapPaths: RegExp[] = [];
  private readonly wrapped = new Map<string, unknown>();
  private window = { start: 0, count: 0 };
  private server?: Server;
  private base = '';

  constructor(private readonly options: VaultServerOptions = {}) {
    this.rootToken = options.seed?.rootToken ?? 'root';
    this.latencyMs = options.latencyMs ?? 0;
    this.rateLimit = options.rateLimit;
    this.namespaces.set('', this.emptyNamespace());
    this.mintToken('', ['root'], this.rootToken, 0);
    for (const [name, ns] of Object.entries(options.seed?.namespaces ?? {})) this.applySeed(name, ns);
  }

  // ---- control, for tests ------------------------------------------------------------------

  applySeed(namespace: string, seed: NamespaceSeed): void {
    const ns = this.namespaces.get(namespace) ?? this.emptyNamespace();
    this.namespaces.set(namespace, ns);
    for (const [path, mount] of Object.entries(seed.mounts ?? {})) {
      ns.mounts.set(`${path.replace(/\/+$/, '')}/`, {
        type: mount.type,
        version: mount.type === 'kv' ? (mount.version ?? 1) : 1,
        roles: mount.type === 'database' ? mount.roles : {},
        kv1: new Map(),
        kv2: new Map(),
      });
    }
    for (const write of seed.writes ?? []) {
      const [mount, rest] = this.mountOf(ns, write.path);
      if (mount?.type !== 'kv') throw new Error(`seed: ${write.path} is not on a KV mount`);
      if (mount.version === 1) mount.kv1.set(rest, write.data);
      else this.kv2Write(mount, rest, write.data);
    }
    for (const del of seed.deletes ?? []) {
      const [mount, rest] = this.mountOf(ns, del.path);
      if (mount?.version !== 2) throw new Error(`seed: ${del.path} is not on a KV v2 mount`);
      this.kv2Delete(mount, rest, del.versions, del.destroy ?? false);
    }
    for (const [name, hcl] of Object.entries(seed.policies ?? {})) ns.policies.set(name, parsePolicy(hcl));
    for (const [path, auth] of Object.entries(seed.auth ?? {})) ns.auth.set(path.replace(/\/+$/, ''), auth);
  }

  mintToken(
    namespace: string,
    policies: string[],
    id = `hvs.${randomId(18)}`,
    ttl = 3600,
    path = 'auth/token/create',
  ): Token {
    const token: Token = {
      id,
      accessor: randomId(18),
      namespace,
      policies: policies.includes('root') ? ['root'] : [...new Set(['default', ...policies])],
      ttl,
      issuedAt: Date.now(),
      revoked: false,
      leases: new Set(),
      meta: {},
      path,
    };
    this.tokens.set(id, token);
    return token;
  }

  injectFault(fault: Omit<Fault, 'times'> & { times?: number }): void {
    this.faults.push({ times: 1, ...fault });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** The wrapping tokens handed out and not yet unwrapped. */
  wrappedTokens(): string[] {
    return [...this.wrapped.keys()];
  }

  /** Tokens issued by logins (not the root token) that are still valid. */
  liveLoginTokens(): Token[] {
    return [...this.tokens.values()].filter(
      (t) => !t.revoked && t.path.startsWith('auth/') && t.path !== 'auth/token/create',
    );
  }

  activeLeases(): Lease[] {
    return [...this.leases.values()].filter((l) => !l.revoked);
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  async start(port = 0, host = '127.0.0.1'): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) this.reply(res, 500, { errors: [String(error)] });
      });
    };
    const tls = this.options.tls;
    this.server = tls
      ? createHttpsServer(
          {
            key: tls.key,
            cert: tls.cert,
            ca: tls.ca,
            requestCert: tls.requestCert ?? false,
            rejectUnauthorized: tls.requestCert ?? false,
          },
          handler,
        )
      : createHttpServer(handler);
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    this.base = `${tls ? 'https' : 'http'}://${host}:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get address(): string {
    return this.base;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  // ---- HTTP --------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const url = new URL(req.url ?? '/', 'http://vault');
    const method = (req.method ?? 'GET').toUpperCase();
    const namespace = String(req.headers['x-vault-namespace'] ?? '').replace(/^\/+|\/+$/g, '');
    const path = url.pathname.startsWith('/v1/')
      ? decodeURIComponent(url.pathname.slice(4)).replace(/\/+$/, '')
      : '';
    const record: RecordedRequest = { method, path, namespace, status: 0 };
    this.requests.push(record);
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      this.reply(res, status, body, headers);
    };

    const fault = this.faults.find(
      (f) => f.times > 0 && f.path.test(path) && (!f.method || f.method === method),
    );
    if (fault) {
      fault.times -= 1;
      if (fault.redirectTo)
        return send(fault.status, undefined, { location: new URL(req.url ?? '/', fault.redirectTo).href });
      if (fault.stall) {
        record.status = fault.status;
        res.writeHead(fault.status, { 'content-type': 'application/json', 'content-length': '4096' });
        res.write('{"request_id":');
        return;
      }
      return send(
        fault.status,
        {
          errors: fault.errors ?? (fault.status === 429 ? ['rate limit quota exceeded'] : ['injected fault']),
        },
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
    }
    if (this.rateLimit) {
      const now = Date.now();
      if (now - this.window.start >= this.rateLimit.windowMs) this.window = { start: now, count: 0 };
      this.window.count += 1;
      if (this.window.count > this.rateLimit.requests) {
        const retryAfter = Math.max(1, Math.ceil((this.window.start + this.rateLimit.windowMs - now) / 1000));
        return send(
          429,
          { errors: [`request path "${path}": rate limit quota exceeded`] },
          {
            'retry-after': String(retryAfter),
            'x-ratelimit-limit': String(this.rateLimit.requests),
            'x-ratelimit-remaining': '0',
          },
        );
      }
    }
    if (!url.pathname.startsWith('/v1/')) return send(404, { errors: [] });
    if (path === 'sys/health') return this.health(url, method, send);
    if (this.sealed) return send(503, { errors: ['Vault is sealed'] });

    let body: Record<string, unknown> = {};
    if (chunks.length) {
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return send(400, { errors: ['failed to parse JSON input: invalid character'] });
      }
    }
    try {
      if (path === 'sys/wrapping/unwrap' && (method === 'POST' || method === 'PUT')) {
        const id = String(body.token ?? req.headers['x-vault-token'] ?? '');
        const answer = this.wrapped.get(id);
        if (answer === undefined)
          throw new VaultHttpError(400, ['wrapping token is not valid or does not exist']);
        this.wrapped.delete(id);
        return send(200, answer);
      }
      const result = await this.route(method, path, url.searchParams, namespace, body, req);
      const wrapTtl = req.headers['x-vault-wrap-ttl'];
      if (result !== undefined && (wrapTtl || this.wrapPaths.some((p) => p.test(path))))
        send(200, this.wrap(result, path, Number.parseInt(String(wrapTtl ?? '300'), 10) || 300));
      else if (result === undefined) send(204);
      else send(200, result);
    } catch (error) {
      if (!(error instanceof VaultHttpError)) throw error;
      send(error.status, error.body ?? { errors: error.errors });
    }
  }

  private reply(
    res: ServerResponse,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
  ): void {
    if (body === undefined) {
      res.writeHead(status, { 'cache-control': 'no-store', ...headers });
      res.end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
    res.end(JSON.stringify(body));
  }

  private health(url: URL, method: string, send: (status: number, body?: unknown) => void): void {
    const status = this.sealed
      ? Number(url.searchParams.get('sealedcode') ?? 503)
      : this.standby && url.searchParams.get('standbyok') !== 'true'
        ? Number(url.searchParams.get('standbycode') ?? 429)
        : Number(url.searchParams.get('activecode') ?? 200);
    const body = {
      initialized: true,
      sealed: this.sealed,
      standby: this.standby,
      performance_standby: false,
      replication_performance_mode: 'disabled',
      replication_dr_mode: 'disabled',
      server_time_utc: Math.floor(Date.now() / 1000),
      version: '1.17.0',
      cluster_name: 'vault-cluster-test',
      cluster_id: '00000000-0000-0000-0000-000000000000',
    };
    send(status, method === 'HEAD' ? undefined : body);
  }

  private async route(
    method: string,
    path: string,
    query: URLSearchParams,
    nsName: string,
    body: Record<string, unknown>,
    req: IncomingMessage,
  ): Promise<unknown> {
    const ns = this.namespaces.get(nsName);
    if (!ns) throw PERMISSION_DENIED();

    const login = /^auth\/(.+?)\/login(?:\/([^/]+))?$/.exec(path);
    if (login && (method === 'POST' || method === 'PUT'))
      return this.login(nsName, ns, login[1]!, login[2], body);

    const token = this.authenticate(req, nsName);
    const cap =
      method === 'GET' || method === 'HEAD'
        ? query.get('list') === 'true'
          ? 'list'
          : 'read'
        : method === 'DELETE'
          ? 'delete'
          : method === 'LIST'
            ? 'list'
            : 'update';

    if (path.startsWith('sys/internal/ui/mounts/')) {
      this.authorize(token, ns, 'sys/internal/ui/mounts/x', 'read');
      const target = path.slice('sys/internal/ui/mounts/'.length);
      const [mount, , mountPath] = this.mountOf(ns, target);
      if (!mount) throw NOT_FOUND();
      if (!this.mayUseMount(token, ns, mountPath)) throw PERMISSION_DENIED();
      return this.envelope({
        path: mountPath,
        type: mount.type,
        description: '',
        options: mount.type === 'kv' ? { version: String(mount.version) } : null,
        accessor: `${mount.type}_${mountPath.length}`,
        local: false,
        seal_wrap: false,
        external_entropy_access: false,
        config: { default_lease_ttl: 0, max_lease_ttl: 0, force_no_cache: false },
      });
    }

    this.authorize(token, ns, path, cap);

    if (path === 'auth/token/lookup-self' && method === 'GET') return this.envelope(this.tokenData(token));
    if (path === 'auth/token/renew-self' && (method === 'POST' || method === 'PUT')) {
      const increment = Number(body.increment ?? token.ttl);
      token.ttl = Number.isFinite(increment) && increment > 0 ? increment : token.ttl;
      token.issuedAt = Date.now();
      return this.envelope(null, { auth: this.authBlock(token) });
    }
    if (path === 'auth/token/revoke-self' && (method === 'POST' || method === 'PUT')) {
      this.revokeToken(token);
      return undefined;
    }
    if (path === 'auth/token/create' && (method === 'POST' || method === 'PUT')) {
      const policies = Array.isArray(body.policies) ? body.policies.map(String) : token.policies;
      const ttl = parseTtl(body.ttl) ?? 3600;
      const child = this.mintToken(nsName, policies, undefined, ttl);
      return this.envelope(null, { auth: this.authBlock(child) });
    }
    if (path === 'auth/token/lookup' && (method === 'POST' || method === 'PUT')) {
      const other = this.tokens.get(String(body.token ?? ''));
      if (!other || other.revoked) throw new VaultHttpError(403, ['bad token']);
      return this.envelope(this.tokenData(other));
    }
    if (path === 'sys/leases/lookup' && method === 'PUT') {
      const lease = this.leases.get(String(body.lease_id ?? ''));
      if (!lease || lease.revoked) throw new VaultHttpError(400, ['invalid lease']);
      return this.envelope({ id: lease.id, ttl: lease.duration, renewable: true });
    }
    const leaseRevoke = /^sys\/leases\/revoke(?:\/(.+))?$/.exec(path);
    if (leaseRevoke && method === 'PUT') {
      const id = leaseRevoke[1] ?? String(body.lease_id ?? '');
      if (!id) throw new VaultHttpError(400, ['missing lease ID']);
      const lease = this.leases.get(id);
      if (lease) lease.revoked = true;
      return undefined;
    }
    const leaseRenew = /^sys\/leases\/renew(?:\/(.+))?$/.exec(path);
    if (leaseRenew && method === 'PUT') {
      const lease = this.leases.get(leaseRenew[1] ?? String(body.lease_id ?? ''));
      if (!lease || lease.revoked) throw new VaultHttpError(400, ['lease not found']);
      return { lease_id: lease.id, renewable: true, lease_duration: lease.duration };
    }

    const [mount, rest, mountPath] = this.mountOf(ns, path);
    if (!mount) throw new VaultHttpError(404, [`no handler for route "${path}". route entry not found.`]);
    if (mount.type === 'database') return this.database(mount, mountPath, rest, method, token);
    if (mount.version === 1) return this.kv1(mount, rest, method, body);
    return this.kv2(mount, rest, method, query, body);
  }

  private authenticate(req: IncomingMessage, nsName: string): Token {
    const header =
      req.headers['x-vault-token'] ?? /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const token = header ? this.tokens.get(String(header)) : undefined;
    if (!token || token.revoked) throw PERMISSION_DENIED();
    if (token.ttl > 0 && Date.now() > token.issuedAt + token.ttl * 1000) throw PERMISSION_DENIED();
    // A token works in its own namespace and, for the root token, below it.
    if (token.namespace !== nsName && !(token.policies.includes('root') && token.namespace === ''))
      throw PERMISSION_DENIED();
    return token;
  }

  private rulesOf(token: Token, ns: Namespace): Rule[] {
    return token.policies.flatMap((name) =>
      name === 'default' ? DEFAULT_POLICY : (ns.policies.get(name) ?? []),
    );
  }

  private authorize(token: Token, ns: Namespace, path: string, capability: string): void {
    if (token.policies.includes('root')) return;
    const matching = this.rulesOf(token, ns).filter((rule) => globMatches(rule.pattern, path));
    if (matching.some((rule) => rule.capabilities.includes('deny'))) throw PERMISSION_DENIED();
    const caps = new Set(matching.flatMap((rule) => rule.capabilities));
    const ok = capability === 'update' ? caps.has('update') || caps.has('create') : caps.has(capability);
    if (!ok) throw PERMISSION_DENIED();
  }

  /** Vault answers sys/internal/ui/mounts/<path> only to a token with some access to the mount. */
  private mayUseMount(token: Token, ns: Namespace, mountPath: string): boolean {
    if (token.policies.includes('root')) return true;
    return this.rulesOf(token, ns).some(
      (rule) => rule.pattern.startsWith(mountPath) && !rule.capabilities.includes('deny'),
    );
  }

  private mountOf(ns: Namespace, path: string): [Mount | undefined, string, string] {
    const candidates = [...ns.mounts.keys()]
      .filter((m) => `${path}/`.startsWith(m))
      .sort((a, b) => b.length - a.length);
    const mountPath = candidates[0];
    if (!mountPath) return [undefined, path, ''];
    return [ns.mounts.get(mountPath), path.slice(mountPath.length), mountPath];
  }

  // ---- logins -------------------------------------------------------------------------------

  private async login(
    nsName: string,
    ns: Namespace,
    mountPath: string,
    user: string | undefined,
    body: Record<string, unknown>,
  ): Promise<unknown> {
    const auth = ns.auth.get(mountPath);
    if (!auth)
      throw new VaultHttpError(400, [
        `no handler for route "auth/${mountPath}/login". route entry not found.`,
      ]);
    const issue = (policies: string[], ttl = 3600, meta: Record<string, string> = {}) => {
      const token = this.mintToken(nsName, policies, undefined, ttl, `auth/${mountPath}/login`);
      token.meta = meta;
      return this.envelope(null, { auth: this.authBlock(token) });
    };
    switch (auth.type) {
      case 'approle': {
        const role = Object.entries(auth.roles).find(([, r]) => r.role_id === body.role_id);
        if (!body.role_id) throw new VaultHttpError(400, ['missing role_id']);
        if (!role || role[1].secret_id !== body.secret_id)
          throw new VaultHttpError(400, ['invalid role or secret ID']);
        return issue(role[1].policies, role[1].token_ttl, { role_name: role[0] });
      }
      case 'userpass': {
        const entry = user ? auth.users[user] : undefined;
        if (!entry || entry.password !== body.password)
          throw new VaultHttpError(400, ['invalid username or password']);
        return issue(entry.policies, 3600, { username: user! });
      }
      case 'jwt': {
        const roleName = String(body.role ?? '');
        const role = auth.roles[roleName];
        if (!roleName) throw new VaultHttpError(400, ['missing role']);
        if (!role) throw new VaultHttpError(400, [`role "${roleName}" could not be found`]);
        const claims = await this.verifyJwt(auth, String(body.jwt ?? ''));
        if (auth.bound_issuer && claims.iss !== auth.bound_issuer)
          throw new VaultHttpError(400, ['error validating token: invalid issuer (iss) claim']);
        const aud = Array.isArray(claims.aud)
          ? claims.aud.map(String)
          : claims.aud === undefined
            ? []
            : [String(claims.aud)];
        if (role.bound_audiences?.length) {
          if (!aud.some((a) => role.bound_audiences!.includes(a))) {
            throw new VaultHttpError(400, [
              'error validating token: invalid audience (aud) claim: audience claim does not match any expected audience',
            ]);
          }
        } else if (aud.length) {
          throw new VaultHttpError(400, [
            'error validating token: audience claim found in JWT but no audiences bound to the role',
          ]);
        }
        if (role.bound_subject && claims.sub !== role.bound_subject)
          throw new VaultHttpError(400, [
            'error validating token: sub (subject) claim does not match expected subject',
          ]);
        for (const [claim, expected] of Object.entries(role.bound_claims ?? {})) {
          const allowed = Array.isArray(expected) ? expected : [expected];
          if (!allowed.includes(String(claims[claim])))
            throw new VaultHttpError(400, [
              `error validating claims: claim "${claim}" does not match any associated bound claim values`,
            ]);
        }
        return issue(role.policies, role.token_ttl, {
          role: roleName,
          sub: String(claims[role.user_claim ?? 'sub'] ?? ''),
        });
      }
      case 'kubernetes': {
        const roleName = String(body.role ?? '');
        const role = auth.roles[roleName];
        if (!role) throw new VaultHttpError(400, [`invalid role name "${roleName}"`]);
        const claims = await this.verifyJwt(auth, String(body.jwt ?? ''));
        const [, , saNamespace, saName] = String(claims.sub ?? '').split(':');
        if (
          !role.bound_service_account_namespaces.includes(saNamespace ?? '') &&
          !role.bound_service_account_namespaces.includes('*')
        ) {
          throw new VaultHttpError(403, ['namespace not authorized']);
        }
        if (
          !role.bound_service_account_names.includes(saName ?? '') &&
          !role.bound_service_account_names.includes('*')
        ) {
          throw new VaultHttpError(403, ['service account name not authorized']);
        }
        return issue(role.policies, 3600, {
          role: roleName,
          service_account_name: saName ?? '',
          service_account_namespace: saNamespace ?? '',
        });
      }
    }
  }

  private async verifyJwt(
    auth: { jwks_url?: string; jwt_validation_pubkeys?: string[] },
    jwt: string,
  ): Promise<Record<string, unknown>> {
    const parts = jwt.split('.');
    if (parts.length !== 3) throw new VaultHttpError(400, ['error validating token: token is malformed']);
    let header: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      header = b64urlJson(parts[0]!);
      claims = b64urlJson(parts[1]!);
    } catch {
      throw new VaultHttpError(400, ['error validating token: token is malformed']);
    }
    if (header.alg !== 'RS256')
      throw new VaultHttpError(400, ['error validating token: unsupported signing algorithm']);
    const keys = auth.jwks_url
      ? ((await (await fetch(auth.jwks_url)).json()) as { keys: Record<string, unknown>[] }).keys.map((jwk) =>
          createPublicKey({ key: jwk as never, format: 'jwk' }),
        )
      : (auth.jwt_validation_pubkeys ?? []).map((pem) => createPublicKey(pem));
    const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
    const signature = Buffer.from(parts[2]!, 'base64url');
    if (!keys.some((key) => verify('sha256', signed, key, signature)))
      throw new VaultHttpError(400, ['error validating token: failed to verify id token signature']);
    const now = Date.now() / 1000;
    if (typeof claims.exp === 'number' && claims.exp < now - 5)
      throw new VaultHttpError(400, ['error validating token: token is expired (exp)']);
    if (typeof claims.nbf === 'number' && claims.nbf > now + 5)
      throw new VaultHttpError(400, ['error validating token: token not valid yet (nbf)']);
    return claims;
  }

  // ---- secret engines ----------------------------------------------------------------------

  private kv1(mount: Mount, rest: string, method: string, body: Record<string, unknown>): unknown {
    if (method === 'GET') {
      const data = mount.kv1.get(rest);
      if (!data) throw NOT_FOUND();
      return this.envelope(data, { lease_duration: 2764800 });
    }
    if (method === 'POST' || method === 'PUT') {
      mount.kv1.set(rest, body);
      return undefined;
    }
    if (method === 'DELETE') {
      mount.kv1.delete(rest);
      return undefined;
    }
    throw new VaultHttpError(405, ['unsupported operation']);
  }

  private kv2(
    mount: Mount,
    rest: string,
    method: string,
    query: URLSearchParams,
    body: Record<string, unknown>,
  ): unknown {
    const [kind, ...tail] = rest.split('/');
    const key = tail.join('/');
    if (kind === 'data' && method === 'GET') {
      const versions = mount.kv2.get(key);
      if (!versions?.length) throw NOT_FOUND();
      const wanted = query.get('version');
      const number = wanted && wanted !== '0' ? Number(wanted) : versions.length;
      const version = versions[number - 1];
      if (!version) throw NOT_FOUND();
      const metadata = {
        created_time: version.created_time,
        custom_metadata: null,
        deletion_time: version.deletion_time,
        destroyed: version.destroyed,
        version: number,
      };
      if (version.deletion_time || version.destroyed) {
        // Vault answers 404 but still sends the metadata of a deleted or destroyed version.
        throw new VaultHttpError(404, [], this.envelope({ data: null, metadata }));
      }
      return this.envelope({ data: version.data, metadata });
    }
    if (kind === 'data' && (method === 'POST' || method === 'PUT')) {
      const number = this.kv2Write(mount, key, (body.data ?? {}) as Record<string, unknown>);
      return this.envelope({
        created_time: new Date().toISOString(),
        custom_metadata: null,
        deletion_time: '',
        destroyed: false,
        version: number,
      });
    }
    if ((kind === 'delete' || kind === 'destroy') && (method === 'POST' || method === 'PUT')) {
      this.kv2Delete(mount, key, (body.versions as number[]) ?? [], kind === 'destroy');
      return undefined;
    }
    if (kind === 'metadata' && method === 'GET') {
      const versions = mount.kv2.get(key);
      if (!versions?.length) throw NOT_FOUND();
      return this.envelope({
        current_version: versions.length,
        versions: Object.fromEntries(
          versions.map((v, i) => [
            String(i + 1),
            { created_time: v.created_time, deletion_time: v.deletion_time, destroyed: v.destroyed },
          ]),
        ),
      });
    }
    // A KV v2 mount read without data/: Vault answers 404 with a warning.
    if (method === 'GET')
      throw new VaultHttpError(404, [], {
        errors: [],
        warnings: [
          "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv get' for this operation.",
        ],
      });
    throw new VaultHttpError(405, ['unsupported operation']);
  }

  private kv2Write(mount: Mount, key: string, data: Record<string, unknown>): number {
    const versions = mount.kv2.get(key) ?? [];
    versions.push({ data, created_time: new Date().toISOString(), deletion_time: '', destroyed: false });
    mount.kv2.set(key, versions);
    return versions.length;
  }

  private kv2Delete(mount: Mount, key: string, numbers: number[], destroy: boolean): void {
    const versions = mount.kv2.get(key) ?? [];
    for (const n of numbers) {
      const version = versions[n - 1];
      if (!version) continue;
      if (destroy) {
        version.destroyed = true;
        version.data = {};
      } else version.deletion_time = new Date().toISOString();
    }
  }

  private database(mount: Mount, mountPath: string, rest: string, method: string, token: Token): unknown {
    const creds = /^creds\/([^/]+)$/.exec(rest);
    if (!creds || method !== 'GET') throw new VaultHttpError(405, ['unsupported operation']);
    const role = mount.roles[creds[1]!];
    if (!role) throw new VaultHttpError(400, [`unknown role: ${creds[1]}`]);
    const lease: Lease = {
      id: `${mountPath}creds/${creds[1]}/${randomId(18)}`,
      token: token.id,
      duration: role.ttl ?? 3600,
      revoked: false,
    };
    this.leases.set(lease.id, lease);
    token.leases.add(lease.id);
    return this.envelope(
      { username: `v-token-${creds[1]}-${randomId(6)}`, password: `A1a-${randomId(15)}` },
      { lease_id: lease.id, lease_duration: lease.duration, renewable: true },
    );
  }

  private revokeToken(token: Token): void {
    token.revoked = true;
    for (const id of token.leases) {
      const lease = this.leases.get(id);
      if (lease) lease.revoked = true;
    }
  }

  // ---- envelopes ---------------------------------------------------------------------------

  /** A response-wrapped answer: the real one is kept for sys/wrapping/unwrap, the client gets a single-use token. */
  private wrap(answer: unknown, path: string, ttl: number): Record<string, unknown> {
    const token = `hvs.${randomId(18)}`;
    this.wrapped.set(token, answer);
    return this.envelope(null, {
      wrap_info: {
        token,
        accessor: randomId(18),
        ttl,
        creation_time: new Date().toISOString(),
        creation_path: path,
      },
    });
  }

  private envelope(data: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      request_id: randomUUID(),
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data,
      wrap_info: null,
      warnings: null,
      auth: null,
      ...extra,
    };
  }

  private authBlock(token: Token): Record<string, unknown> {
    return {
      client_token: token.id,
      accessor: token.accessor,
      policies: token.policies,
      token_policies: token.policies,
      metadata: token.meta,
      lease_duration: token.ttl,
      renewable: true,
      entity_id: randomUUID(),
      token_type: 'service',
      orphan: true,
      mfa_requirement: null,
      num_uses: 0,
    };
  }

  private tokenData(token: Token): Record<string, unknown> {
    const remaining =
      token.ttl > 0 ? Math.max(0, Math.round(token.ttl - (Date.now() - token.issuedAt) / 1000)) : 0;
    return {
      accessor: token.accessor,
      creation_time: Math.floor(token.issuedAt / 1000),
      creation_ttl: token.ttl,
      display_name: token.path.replace(/^auth\/|\/login$/g, ''),
      entity_id: '',
      expire_time: token.ttl > 0 ? new Date(token.issuedAt + token.ttl * 1000).toISOString() : null,
      explicit_max_ttl: 0,
      id: token.id,
      meta: token.meta,
      num_uses: 0,
      orphan: true,
      path: token.path,
      policies: token.policies,
      renewable: token.ttl > 0,
      ttl: remaining,
      type: 'service',
    };
  }

  private emptyNamespace(): Namespace {
    return { mounts: new Map(), policies: new Map(), auth: new Map() };
  }
}

/** Vault TTLs: seconds as a number, or a duration string such as 90s, 10m, 1h. */
function parseTtl(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  const match = /^(\d+)(s|m|h)?$/.exec(String(value ?? ''));
  if (!match) return undefined;
  return Number(match[1]) * { s: 1, m: 60, h: 3600 }[(match[2] ?? 's') as 's' | 'm' | 'h'];
}

// ---- standalone ------------------------------------------------------------------------------

function argValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const seedFile = argValue(args, 'seed');
  const seed = seedFile
    ? (JSON.parse(readFileSync(seedFile, 'utf8')) as VaultSeed)
    : { namespaces: { '': { mounts: { secret: { type: 'kv', version: 2 } } } } };
  const server = await new VaultServer({
    seed: seed as VaultSeed,
    latencyMs: Number(argValue(args, 'latency') ?? 0),
  }).start(Number(argValue(args, 'port') ?? 8200), argValue(args, 'host') ?? '127.0.0.1');
  console.log(`Vault API server listening on ${server.address}`);
  console.log(`VAULT_ADDR=${server.address}`);
  console.log(`VAULT_TOKEN=${server.rootToken}`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
