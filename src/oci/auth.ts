/**
 * Registry auth, as the distribution spec and Docker's token protocol define it: the challenge a
 * registry answers with (learnt from `GET /v2/` or a 401), basic credentials, and bearer tokens from
 * its token service cached per set of scopes. Credentials and tokens are handed to `onSecret` before
 * use, and never sent to a token service over plain HTTP unless the registry itself may be.
 */
import type { HttpClient, HttpRequest, HttpResponse } from '../net/http.js';
import { safeUrl, sendsOnce } from '../net/http.js';
import type { CredentialSource, Credentials } from './credentials.js';
import { RegistryAuthError, RegistryError } from './errors.js';
import { isLoopback } from './reference.js';

export type Challenge =
  | { scheme: 'none' }
  | { scheme: 'basic'; realm?: string }
  | { scheme: 'bearer'; realm: string; service?: string; scope?: string; error?: string };

interface Token {
  value: string;
  expiresAt: number;
}

interface Token {
  value: string;
  expiresAt: number;
}

/** Per-registry auth state: the challenge learnt from `GET /v2/`, and tokens by scope set. */
class RegistryAuth {
  challenge?: Challenge;
  readonly tokens = new Map<string, Token>();
  credentials?: Credentials | null;
}

const TOKEN_MARGIN_MS = 10_000;

export interface AuthOptions {
  http: HttpClient;
  credentials?: CredentialSource;
  /** Registries (and token services) that may be spoken to over plain HTTP. */
  insecure: ReadonlySet<string>;
  onSecret?: (value: string) => void;
  now: () => number;
  /** `http(s)://host` of a registry's API. */
  baseUrl(registry: string): string;
}

/** Sends requests to registries with the auth each asks for; one per RegistryClient. */
export class RegistryAuthenticator {
  private readonly auths = new Map<string, RegistryAuth>();

  constructor(private readonly options: AuthOptions) {}

  /**
   * Send a request to a registry with the auth it asks for. `scopes` are token scopes such as
   * `repository:team/app:pull,push`. A 401 is answered once (new token or credentials) when the body
   * can be sent again; a second 401 is a RegistryAuthError.
   */
  async send(registry: string, scopes: string[], req: HttpRequest): Promise<HttpResponse> {
    const resendable = !sendsOnce(req.body);
    const auth = await this.authFor(registry, !resendable);
    let header = await this.authorization(registry, auth, scopes, false);
    let response = await this.options.http.request(withAuth(req, header));
    if (response.status !== 401) return response;
    const challenge = parseChallenge(response.headers.get('www-authenticate'));
    response.discard();
    if (challenge && challenge.scheme !== 'none') auth.challenge = challenge;
    const extra = challenge?.scheme === 'bearer' && challenge.scope ? [challenge.scope] : [];
    if (!resendable) {
      auth.tokens.clear();
      throw new RegistryError(
        `${req.method ?? 'GET'} ${safeUrl(req.url)}: HTTP 401 (token expired during a streamed upload)`,
        401,
        'UNAUTHORIZED',
      );
    }
    header = await this.authorization(registry, auth, [...scopes, ...extra], true);
    response = await this.options.http.request(withAuth(req, header));
    if (response.status === 401) {
      const again = parseChallenge(response.headers.get('www-authenticate'));
      response.discard();
      const what = `${req.method ?? 'GET'} ${safeUrl(req.url)}`;
      if (again?.scheme === 'bearer' && again.error === 'insufficient_scope' && auth.credentials) {
        const access = again.scope ?? scopes.join(' ');
        throw new RegistryAuthError(
          `Registry ${registry} denied user '${auth.credentials.username}' the access ${access} (${what}). Grant that user ${rightsFor(req.method ?? 'GET')} rights, or use other credentials.`,
        );
      }
      throw this.refused(registry, auth, what);
    }
    return response;
  }

  private refused(registry: string, auth: RegistryAuth, what: string): RegistryAuthError {
    const user = auth.credentials?.username;
    return new RegistryAuthError(
      user
        ? `Registry ${registry} refused the credentials of user '${user}' (${what}). Check the username and password or token for ${registry}.`
        : `Registry ${registry} requires credentials (${what}). Give username and password, or log in with docker/login-action first.`,
    );
  }

  /** The registry's auth state; `probe` learns its challenge first (a streamed body cannot be sent twice). */
  private async authFor(registry: string, probe: boolean): Promise<RegistryAuth> {
    let auth = this.auths.get(registry);
    if (!auth) {
      auth = new RegistryAuth();
      this.auths.set(registry, auth);
    }
    if (auth.credentials === undefined) {
      const credentials = this.options.credentials?.(registry) ?? null;
      if (credentials) {
        this.options.onSecret?.(credentials.password);
        this.options.onSecret?.(
          Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'),
        );
      }
      auth.credentials = credentials;
    }
    if (!auth.challenge && probe) {
      const response = await this.options.http.request({
        url: `${this.options.baseUrl(registry)}/v2/`,
        method: 'GET',
      });
      response.discard();
      if (response.status === 401)
        auth.challenge = parseChallenge(response.headers.get('www-authenticate')) ?? { scheme: 'none' };
      else if (response.ok) auth.challenge = { scheme: 'none' };
      else
        throw new RegistryError(
          `${registry} is not an OCI registry: GET /v2/ answered HTTP ${response.status}`,
          response.status,
          undefined,
        );
    }
    return auth;
  }

  private async authorization(
    registry: string,
    auth: RegistryAuth,
    scopes: string[],
    renew: boolean,
  ): Promise<string | undefined> {
    const challenge = auth.challenge;
    // Not known yet: the first request goes without, and its 401 (if any) says what is wanted.
    if (!challenge || challenge.scheme === 'none') return undefined;
    const credentials = auth.credentials ?? undefined;
    if (challenge.scheme === 'basic') {
      if (!credentials) throw this.refused(registry, auth, 'basic auth');
      return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    }
    const wanted = [...new Set(scopes)].sort();
    const key = wanted.join(' ');
    const cached = auth.tokens.get(key);
    if (cached && !renew && cached.expiresAt > this.options.now()) return `Bearer ${cached.value}`;
    const url = new URL(challenge.realm);
    // The registry names its token service; it must not talk us into sending credentials in clear
    // (or anywhere but http(s)). Plain http only where the registry itself is allowed plain http.
    const plainAllowed =
      isLoopback(url.host) || this.options.insecure.has(url.host) || this.options.insecure.has(registry);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && plainAllowed))
      throw new RegistryAuthError(
        `Registry ${registry} names token service ${safeUrl(url)}, which is not https: credentials are never sent there. Fix the registry's token realm, or list ${url.host} in insecure-registries for a test registry.`,
      );
    if (challenge.service) url.searchParams.set('service', challenge.service);
    for (const scope of wanted) url.searchParams.append('scope', scope);
    const headers: Record<string, string> = {};
    if (credentials)
      headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    // The registry's credentials: never sent on to another origin (src/net drops them on a redirect).
    const response = await this.options.http.request({
      url,
      method: 'GET',
      headers,
      sensitive: { headers: ['authorization'] },
    });
    if (response.status === 401 || response.status === 403) {
      response.discard();
      throw this.refused(registry, auth, `token service ${safeUrl(url)}`);
    }
    if (!response.ok) throw await RegistryError.from(`token service ${safeUrl(url)}`, response);
    const body = (await response.json()) as { token?: string; access_token?: string; expires_in?: number };
    const value = body.token ?? body.access_token;
    if (!value)
      throw new RegistryError(`token service ${safeUrl(url)} returned no token`, response.status, undefined);
    this.options.onSecret?.(value);
    auth.tokens.set(key, {
      value,
      expiresAt: this.options.now() + (body.expires_in ?? 60) * 1000 - TOKEN_MARGIN_MS,
    });
    return `Bearer ${value}`;
  }
}

function withAuth(req: HttpRequest, header: string | undefined): HttpRequest {
  return header ? { ...req, headers: { ...req.headers, authorization: header } } : req;
}

/** `WWW-Authenticate: Bearer realm="…",service="…",scope="…"` or `Basic realm="…"`. */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const p of match[2]!.matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g))
    params[p[1]!.toLowerCase()] = p[2] ?? p[3] ?? '';
  const scheme = match[1]!.toLowerCase();
  if (scheme === 'basic') return { scheme: 'basic', realm: params.realm };
  if (scheme === 'bearer' && params.realm) {
    return {
      scheme: 'bearer',
      realm: params.realm,
      service: params.service,
      scope: params.scope,
      error: params.error,
    };
  }
  return undefined;
}

/** The right a request needs, in the words registries use for it (a DELETE needs more than push). */
function rightsFor(method: string): string {
  const verb = method.toUpperCase();
  if (verb === 'DELETE') return 'delete';
  return verb === 'GET' || verb === 'HEAD' ? 'pull' : 'push';
}
