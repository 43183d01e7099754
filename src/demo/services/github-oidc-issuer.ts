/**
 * A stand-in for GitHub's OIDC provider: signs RS256 ID tokens carrying the claims GitHub puts in
 * them, serves the discovery document and JWKS, and fakes the runner's ID-token request endpoint
 * (ACTIONS_ID_TOKEN_REQUEST_URL + ACTIONS_ID_TOKEN_REQUEST_TOKEN, `&audience=` appended), so an
 * action asks for its token exactly as it does under the runner.
 */
import { createHash, generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

export interface GithubTokenOptions {
  repository?: string;
  ref?: string;
  /** A job with an environment gets `repo:ORG/REPO:environment:NAME` as its subject. */
  environment?: string;
  eventName?: string;
  audience?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  extra?: Record<string, unknown>;
}

export class OidcIssuer {
  readonly issuer: string;
  readonly kid: string;
  readonly publicKeyPem: string;
  /** The bearer token the fake runner endpoint accepts (ACTIONS_ID_TOKEN_REQUEST_TOKEN). */
  readonly requestToken = `ghs_idtoken-request-${randomUUID()}`;
  /** The audiences the action asked for, in order. */
  readonly requestedAudiences: string[] = [];
  /** Claims used for tokens handed out by the runner endpoint. */
  runnerClaims: GithubTokenOptions = {};
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private server?: Server;
  private base = '';

  constructor(issuer = GITHUB_ISSUER) {
    this.issuer = issuer;
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
    this.publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.kid = createHash('sha256').update(this.publicKeyPem).digest('hex').slice(0, 16);
  }

  jwks(): { keys: Record<string, unknown>[] } {
    return {
      keys: [{ ...this.publicKey.export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' }],
    };
  }

  /** Sign arbitrary claims (RS256, with this issuer's kid). */
  sign(claims: Record<string, unknown>): string {
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid };
    const encode = (part: unknown) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const input = `${encode(header)}.${encode(claims)}`;
    return `${input}.${sign('sha256', Buffer.from(input), this.privateKey).toString('base64url')}`;
  }

  /** The claims GitHub Actions puts in an ID token. */
  githubClaims(options: GithubTokenOptions = {}): Record<string, unknown> {
    const repository = options.repository ?? 'acme/service';
    const ref = options.ref ?? 'refs/heads/main';
    const owner = repository.split('/')[0]!;
    const now = Math.floor(Date.now() / 1000);
    const sub = options.environment
      ? `repo:${repository}:environment:${options.environment}`
      : `repo:${repository}:ref:${ref}`;
    return {
      jti: randomUUID(),
      sub,
      aud: options.audience ?? `https://github.com/${owner}`,
      ref,
      sha: 'a'.repeat(40),
      repository,
      repository_owner: owner,
      repository_owner_id: '1001',
      repository_id: '2002',
      repository_visibility: 'private',
      run_id: '1000',
      run_number: '1',
      run_attempt: '1',
      actor: 'octocat',
      actor_id: '583231',
      workflow: 'ci',
      workflow_ref: `${repository}/.github/workflows/ci.yml@${ref}`,
      job_workflow_ref: `${repository}/.github/workflows/ci.yml@${ref}`,
      event_name: options.eventName ?? 'push',
      ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      ref_protected: 'true',
      runner_environment: 'github-hosted',
      ...(options.environment ? { environment: options.environment } : {}),
      iss: this.issuer,
      nbf: now - 5,
      iat: now - 5,
      exp: now + (options.expiresIn ?? 300),
      ...options.extra,
    };
  }

  githubToken(options: GithubTokenOptions = {}): string {
    return this.sign(this.githubClaims(options));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === '/.well-known/openid-configuration') {
        return json(200, {
          issuer: this.issuer,
          jwks_uri: this.jwksUrl,
          id_token_signing_alg_values_supported: ['RS256'],
        });
      }
      if (url.pathname === '/.well-known/jwks') return json(200, this.jwks());
      if (url.pathname === '/_apis/distributedtask/idtoken') {
        if (req.headers.authorization !== `Bearer ${this.requestToken}`)
          return json(401, { message: 'Unauthorized' });
        const audience = url.searchParams.get('audience');
        this.requestedAudiences.push(audience ?? '');
        const claims = { ...this.runnerClaims, ...(audience ? { audience } : {}) };
        return json(200, { value: this.githubToken(claims) });
      }
      json(404, { message: 'Not Found' });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get url(): string {
    return this.base;
  }
  get jwksUrl(): string {
    return `${this.base}/.well-known/jwks`;
  }
  /** What the runner puts in ACTIONS_ID_TOKEN_REQUEST_URL (it already has a query string). */
  get requestUrl(): string {
    return `${this.base}/_apis/distributedtask/idtoken?api-version=2.0`;
  }
  /** The environment a job with `permissions: id-token: write` gets. */
  runnerEnv(): Record<string, string> {
    return {
      ACTIONS_ID_TOKEN_REQUEST_URL: this.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: this.requestToken,
    };
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
