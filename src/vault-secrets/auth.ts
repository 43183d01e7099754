import { type VaultClient, VaultError, vaultError } from './vault-client.js';

export type AuthConfig =
  | { method: 'token'; token: string }
  | { method: 'jwt'; mount: string; role: string; audience: string }
  | { method: 'approle'; mount: string; roleId: string; secretId: string }
  | { method: 'kubernetes'; mount: string; role: string; tokenPath: string }
  | { method: 'userpass' | 'ldap'; mount: string; username: string; password: string }
  | { method: 'github'; mount: string; token: string }
  /** vault-action's custom methods: any other method name, logged in with a JSON payload. */
  | { method: 'custom'; name: string; mount: string; payload: Record<string, unknown> };

export interface LoginResult {
  token: string;
  /** True when this step created the token (so post revokes it); false for a token given to us. */
  issued: boolean;
  ttlSeconds: number;
  policies: string[];
}

export interface CredentialSources {
  /** Registers a value as a mask before anything else happens to it. */
  mask: (value: string) => void;
  /** GitHub's OIDC ID token for an audience (Runtime.getIDToken, @actions/core's request). */
  githubIdToken: (audience: string) => Promise<string>;
  /** The Kubernetes service-account token (read from a file by the adapter). */
  kubernetesToken: (path: string) => Promise<string>;
}

export async function login(
  client: VaultClient,
  auth: AuthConfig,
  sources: CredentialSources,
): Promise<LoginResult> {
  if (auth.method === 'token') {
    const body = await client.expect(
      { method: 'GET', path: 'auth/token/lookup-self', token: auth.token },
      "Input 'token': looking the token up (auth/token/lookup-self) failed",
    );
    const data = body?.data ?? {};
    return {
      token: auth.token,
      issued: false,
      ttlSeconds: Number(data.ttl ?? 0),
      policies: asStrings(data.policies),
    };
  }
  const { path, body } = await loginRequest(auth, sources);
  // The body is a credential (role_id/secret_id, a JWT, a password): never resent to another origin.
  const response = await client.call({ method: 'POST', path, body, retrySafe: true, sensitive: true });
  const clientToken = response.body?.auth?.client_token;
  // The token is masked before anything else can see it, even when the status says failure.
  if (typeof clientToken === 'string' && clientToken !== '') sources.mask(clientToken);
  if (response.status !== 200 || typeof clientToken !== 'string' || clientToken === '') {
    if (response.status === 200)
      throw new VaultError(`Login with method ${auth.method} at ${path}: Vault returned no token.`, 200);
    throw vaultError(
      `Login with method ${auth.method === 'custom' ? auth.name : auth.method} at ${path} (role ${describeRole(auth)})`,
      response,
    );
  }
  const authBlock = response.body!.auth!;
  return {
    token: clientToken,
    issued: true,
    ttlSeconds: Number(authBlock.lease_duration ?? 0),
    policies: asStrings(authBlock.policies),
  };
}

async function loginRequest(
  auth: Exclude<AuthConfig, { method: 'token' }>,
  sources: CredentialSources,
): Promise<{ path: string; body: unknown }> {
  switch (auth.method) {
    case 'jwt': {
      const jwt = await sources.githubIdToken(auth.audience);
      sources.mask(jwt);
      return { path: `auth/${auth.mount}/login`, body: { role: auth.role, jwt } };
    }
    case 'kubernetes': {
      const jwt = (await sources.kubernetesToken(auth.tokenPath)).trim();
      sources.mask(jwt);
      return { path: `auth/${auth.mount}/login`, body: { role: auth.role, jwt } };
    }
    case 'approle':
      return { path: `auth/${auth.mount}/login`, body: { role_id: auth.roleId, secret_id: auth.secretId } };
    case 'userpass':
    case 'ldap':
      return { path: `auth/${auth.mount}/login/${auth.username}`, body: { password: auth.password } };
    case 'github':
      return { path: `auth/${auth.mount}/login`, body: { token: auth.token } };
    case 'custom':
      return { path: `auth/${auth.mount}/login`, body: auth.payload };
  }
}

function describeRole(auth: Exclude<AuthConfig, { method: 'token' }>): string {
  switch (auth.method) {
    case 'jwt':
    case 'kubernetes':
      return `'${auth.role}'`;
    case 'approle':
      return 'from role-id';
    case 'userpass':
    case 'ldap':
      return `user '${auth.username}'`;
    case 'github':
      return 'from github-token';
    case 'custom':
      return `method ${auth.name}, from auth-payload`;
  }
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
