import { ConfigurationError } from '../runtime/errors.js';
import {
  CircuitOpenError,
  type HttpClient,
  type HttpResponse,
  HttpTimeoutError,
  NetworkError,
  RedirectRefusedError,
  safeUrl,
} from '../net/index.js';

/**
 * Vault's HTTP API over src/net. Errors name the operation, the path and the status and say what to
 * do; they never carry a response body, a value or a token (Vault bodies can echo request data, and
 * a deleted KV version's 404 still carries its metadata).
 */
export interface VaultResponse {
  status: number;
  /** The parsed JSON body, or undefined for 204 / non-JSON. */
  body: VaultEnvelope | undefined;
}

export interface VaultEnvelope {
  lease_id?: string;
  lease_duration?: number;
  renewable?: boolean;
  data?: Record<string, unknown> | null;
  auth?: { client_token?: string; accessor?: string; lease_duration?: number; policies?: string[] } | null;
  /** Present when Vault wrapped the answer: a single-use token in place of the data. */
  wrap_info?: { token?: string; ttl?: number; creation_path?: string } | null;
  errors?: unknown[];
}

export interface VaultCall {
  method: 'GET' | 'POST' | 'PUT';
  /** The API path without /v1/, segments unencoded. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  token?: string;
  /** POST logins may be retried: a lost answer only costs an unused token that expires. */
  retrySafe?: boolean;
  /** The body carries credentials (a login): src/net never resends it to another origin. */
  sensitive?: boolean;
}

export class VaultClient {
  private readonly base: URL;

  constructor(
    private readonly http: HttpClient,
    url: URL,
    private readonly namespace: string | undefined,
    private readonly debug: (message: string) => void = () => undefined,
    /** Registers a credential found in an answer (a wrapping token) as a mask. */
    private readonly mask: (value: string) => void = () => undefined,
    /** extra-headers: sent on every call, treated as credentials by src/net. */
    private readonly extraHeaders: Record<string, string> = {},
  ) {
    this.base = new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
  }

  get address(): string {
    return safeUrl(this.base);
  }

  /** Sends one call; returns any status (callers decide what a 404 means). Network failures throw a ConfigurationError. */
  async call(call: VaultCall): Promise<VaultResponse> {
    // URL resolution would apply '.' and '..' segments: a path with one reaches another endpoint.
    // Inputs are checked with their names in config; this guards paths built from Vault's answers.
    const segments = call.path.split('/');
    if (segments.some((segment) => segment === '' || segment === '.' || segment === '..'))
      throw new Error(
        `Refusing a Vault path with an empty, '.' or '..' segment (${call.path.split('/')[0]}/…).`,
      );
    const url = new URL(`v1/${segments.map(encodeURIComponent).join('/')}`, this.base);
    for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = {
      ...this.extraHeaders,
      'x-vault-request': 'true',
      accept: 'application/json',
    };
    if (this.namespace) headers['x-vault-namespace'] = this.namespace;
    if (call.token) headers['x-vault-token'] = call.token;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    let response: HttpResponse;
    let text: string;
    try {
      response = await this.http.request({
        url,
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        retrySafe: call.retrySafe,
        // A Vault that redirects elsewhere is a standby pointing at its active node, or someone on
        // the path: either way the token must not follow, and another server's answer is no secret.
        redirect: 'same-origin',
        // Vault answers 412 when a performance standby has not yet caught up with the token or the
        // secret (its replication is eventually consistent): vault-action retries it, so do we.
        retryStatuses: [412],
        sensitive: {
          headers: ['x-vault-token', ...Object.keys(this.extraHeaders)],
          body: call.sensitive === true,
        },
      });
      text = await response.text();
    } catch (error) {
      throw unreachable(this.address, call.path, error);
    }
    let body: VaultEnvelope | undefined;
    try {
      body = text ? (JSON.parse(text) as VaultEnvelope) : undefined;
    } catch {
      body = undefined;
    }
    this.debug(
      `${call.method} ${call.path}${call.query?.version ? ` (version ${call.query.version})` : ''}: HTTP ${response.status}`,
    );
    if (body?.wrap_info) {
      // The wrapping token unwraps to the answer: a credential like the answer itself.
      if (typeof body.wrap_info.token === 'string' && body.wrap_info.token) this.mask(body.wrap_info.token);
      throw new VaultError(
        `${call.method} ${call.path}: Vault answered with a response-wrapped token (wrap_info) instead of the answer. Something asks Vault to wrap this path's responses (an X-Vault-Wrap-TTL header added by a proxy or Vault Agent, a control group, or a policy's min_wrapping_ttl); vault-secrets reads secrets directly, so exempt this path from wrapping, or unwrap the token yourself (vault unwrap) in a step of your own.`,
        response.status,
      );
    }
    return { status: response.status, body };
  }

  /** A call that must succeed (2xx); anything else becomes a VaultError for `what`. */
  async expect(call: VaultCall, what: string): Promise<VaultEnvelope | undefined> {
    const response = await this.call(call);
    if (response.status >= 200 && response.status < 300) return response.body;
    throw vaultError(what, response);
  }
}

/** A failure reported by Vault: what was attempted, the status, and what to do. */
export class VaultError extends Error {
  override name = 'VaultError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export function isSealed(response: VaultResponse): boolean {
  return (
    response.status === 503 &&
    (response.body?.errors ?? []).some((e) => typeof e === 'string' && /sealed/i.test(e))
  );
}

export function vaultError(what: string, response: VaultResponse): VaultError {
  const status = response.status;
  const hint = (() => {
    if (isSealed(response)) return 'Vault is sealed: unseal it (or point url at an unsealed node) and re-run';
    switch (status) {
      case 400:
        return 'Vault rejected the request: check the role, the credentials and what the role binds (audience, subject, claims)';
      case 403:
        return "permission denied: the token's policies do not allow this, or the token is invalid or revoked";
      case 404:
        return 'not found: check the path and the mount (or set ignore-not-found)';
      case 405:
        return 'method not allowed: the path is not a readable secret';
      case 412:
        return 'not yet consistent on this node: re-run, or read from the active node';
      case 429:
        return 'rate limited by a Vault quota after the configured retries: raise the quota or the retries';
      case 503:
        return 'Vault is unavailable (standby without forwarding, or in maintenance)';
      default:
        return status >= 500 ? 'Vault failed internally after the configured retries' : 'unexpected answer';
    }
  })();
  return new VaultError(`${what}: HTTP ${status} (${hint}).`, status);
}

function unreachable(address: string, path: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RedirectRefusedError) {
    return new ConfigurationError(
      `Input 'url': Vault at ${address} redirected ${path} elsewhere, and the redirect was refused (${message}). Credentials never follow a redirect to another address or to plain http: set url to the address that answers (the active node, or the one Vault advertises as api_addr).`,
    );
  }
  const code = error instanceof NetworkError ? (error.causeCode ?? '') : '';
  if (/CERT|SELF_SIGNED|SSL|TLS|UNABLE_TO_VERIFY|ALERT/i.test(code)) {
    return new ConfigurationError(
      `Input 'ca-certificate': TLS to ${address} failed (${code}); give the CA that signed Vault's certificate (and client-certificate/client-key if Vault requires one).`,
    );
  }
  if (
    error instanceof NetworkError ||
    error instanceof HttpTimeoutError ||
    error instanceof CircuitOpenError
  ) {
    return new ConfigurationError(
      `Input 'url': Vault at ${address} could not be reached for ${path} (${message}) after the configured retries; check url and the network (and the timeout input if Vault is slow).`,
    );
  }
  return error instanceof Error ? error : new Error(message);
}
