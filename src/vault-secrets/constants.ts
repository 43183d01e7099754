/** Input, output and state names of vault-secrets, in one place. */
export const INPUT = {
  url: 'url',
  namespace: 'namespace',
  caCertificate: 'ca-certificate',
  clientCertificate: 'client-certificate',
  clientKey: 'client-key',
  tlsSkipVerify: 'tls-skip-verify',
  method: 'method',
  role: 'role',
  authPath: 'auth-path',
  jwtAudience: 'jwt-audience',
  roleId: 'role-id',
  secretId: 'secret-id',
  username: 'username',
  password: 'password',
  token: 'token',
  kubernetesTokenPath: 'kubernetes-token-path',
  githubToken: 'github-token',
  authPayload: 'auth-payload',
  extraHeaders: 'extra-headers',
  secretEncodingType: 'secret-encoding-type',
  compat: 'compat',
  secrets: 'secrets',
  exportEnv: 'export-env',
  run: 'run',
  revoke: 'revoke',
  exportToken: 'export-token',
  ignoreNotFound: 'ignore-not-found',
  retries: 'retries',
  timeout: 'timeout',
} as const;

export const OUTPUT = {
  secretNames: 'secret-names',
  leaseCount: 'lease-count',
  vaultToken: 'vault-token',
  /** vault-action's name for the token output (outputToken), set in the vault-action surface. */
  vaultActionToken: 'vault_token',
} as const;

/** What main hands to post: never a secret value; the token only when post must revoke it. */
export const STATE = {
  token: 'vault-token',
  leases: 'vault-leases',
} as const;

export const METHODS = ['jwt', 'approle', 'kubernetes', 'userpass', 'ldap', 'github', 'token'] as const;
export type Method = (typeof METHODS)[number];
/** Any other method name logs in with auth-payload at auth/<auth-path or method>/login (vault-action's custom method). */
export type AnyMethod = Method | 'custom';

/** The inputs only one method uses: giving one with another method is a mistake worth naming. */
export const METHOD_INPUTS: Record<AnyMethod, string[]> = {
  jwt: [INPUT.role, INPUT.jwtAudience],
  approle: [INPUT.roleId, INPUT.secretId],
  kubernetes: [INPUT.role, INPUT.kubernetesTokenPath],
  userpass: [INPUT.username, INPUT.password],
  ldap: [INPUT.username, INPUT.password],
  github: [INPUT.githubToken],
  token: [INPUT.token],
  custom: [INPUT.authPayload],
};

/** The value encodings vault-action's secretEncodingType decodes. */
export const ENCODINGS = ['base64', 'hex', 'utf8'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export const DEFAULT_KUBERNETES_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/** Values shorter than this are masked anyway, with a warning (masking them garbles the log). */
export const SHORT_SECRET_LENGTH = 4;

/**
 * The most one Vault request may take in main, retries and body included (the timeout input bounds
 * each silence; this bounds a server that trickles). Vault's answers are small: minutes are plenty.
 */
export const MAIN_REQUEST_DEADLINE_MS = 2 * 60_000;
/** Post only revokes: it gives up quickly rather than hold a job that has finished its work. */
export const POST_DEADLINE_MS = 30_000;
export const POST_TIMEOUT_MS = 10_000;
export const POST_RETRIES = 1;
