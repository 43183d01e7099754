import { ConfigurationError } from '../runtime/errors.js';
import {
  CircuitOpenError,
  type HttpClient,
  type HttpResponse,
  HttpTimeoutError,
  NetworkError,
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
}

export class VaultClient {
  private readonly base: URL;

  constructor(
    private readonly http: HttpClient,
    url: URL,
    private readonly namespace: string | undefined,
    private readonly debug: (message: string) => void = () => undefined,
  ) {
    this.base = new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
  }

  get address(): string {
    return safeUrl(this.base);
  }

  /** Sends one call; returns any status (callers decide what a 404 means). Network failures throw a ConfigurationError. */
  async call(call: VaultCall): Promise<VaultResponse> {
    const url = new URL(`v1/${call.path.split('/').map(encodeURIComponent).join('/')}`, this.base);
    for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = { 'x-vault-request': 'true', accept: 'application/json' };
    if (this.namespace) headers['x-vault-namespace'] = this.namespace;
    if (call.token) headers['x-vault-token'] = call.token;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    let response: HttpResponse;
    try {
      response = await this.http.request({
        url,
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        retrySafe: call.retrySafe,
      });
    } catch (error) {
      throw unreachable(this.address, call.path, error);
    }
    const text = await response.text();
    let body: VaultEnvelope | undefined;
    try {
      body = text ? (JSON.parse(text) as VaultEnvelope) : undefined;
    } catch {
      body = undefined;
    }
    this.debug(
      `${call.method} ${call.path}${call.query?.version ? ` (version ${call.query.version})` : ''}: HTTP ${response.status}`,
    );
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
      `Input 'url': Vault at ${address} could not be reached for ${path} (${message}) after the configured retries; check url and the network.`,
    );
  }
  return error instanceof Error ? error : new Error(message);
}
