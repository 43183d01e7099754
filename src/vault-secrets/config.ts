import { ConfigurationError } from '../runtime/errors.js';
import type { InputReader } from '../runtime/inputs.js';
import type { AuthConfig } from './auth.js';
import { DEFAULT_KUBERNETES_TOKEN_PATH, INPUT, METHOD_INPUTS, METHODS, type Method } from './constants.js';
import { checkEnvNames } from './env-names.js';
import { pathTraversal } from './paths.js';
import { explicitEnvName, isWildcard, parseSecrets, type SecretRequest } from './secrets-spec.js';

export interface TlsConfig {
  ca?: string;
  cert?: string;
  key?: string;
  skipVerify: boolean;
}

/** What main needs to log in and fetch; post uses the connection and auth parts only. */
export interface VaultConfig {
  url: URL;
  namespace?: string;
  tls: TlsConfig;
  auth: AuthConfig;
  secrets: SecretRequest[];
  exportEnv: boolean;
  run?: string;
  revoke: boolean;
  exportToken: boolean;
  ignoreNotFound: boolean;
  retries: number;
  timeoutMs: number;
}

/** Credential inputs, masked before anything is parsed (a parse error must not be the first to print one). */
export const CREDENTIAL_INPUTS = [INPUT.secretId, INPUT.password, INPUT.token, INPUT.clientKey] as const;

export function parseConnection(
  inputs: InputReader,
): Pick<VaultConfig, 'url' | 'namespace' | 'tls' | 'retries' | 'timeoutMs'> {
  const rawUrl = inputs.required(INPUT.url);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw ConfigurationError.forInput(
      INPUT.url,
      rawUrl,
      "Vault's address such as https://vault.example.com:8200",
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw ConfigurationError.forInput(INPUT.url, rawUrl, 'an http:// or https:// address');
  if (url.username || url.password)
    throw new ConfigurationError(
      `Input '${INPUT.url}': remove the credentials from the URL; use method and its inputs instead.`,
    );
  if (url.search || url.hash)
    throw ConfigurationError.forInput(
      INPUT.url,
      `${url.origin}${url.pathname}…`,
      'an address without ?query or #fragment',
    );
  const namespace = inputs.optional(INPUT.namespace)?.replace(/^\/+|\/+$/g, '');
  if (namespace !== undefined) checkPath(INPUT.namespace, namespace, 'a namespace path such as admin/team-a');
  const cert = pem(inputs, INPUT.clientCertificate);
  const key = pem(inputs, INPUT.clientKey);
  if ((cert === undefined) !== (key === undefined)) {
    throw new ConfigurationError(
      `Inputs '${INPUT.clientCertificate}' and '${INPUT.clientKey}' go together: give both or neither.`,
    );
  }
  return {
    url,
    namespace: namespace || undefined,
    tls: {
      ca: pem(inputs, INPUT.caCertificate),
      cert,
      key,
      skipVerify: inputs.boolean(INPUT.tlsSkipVerify, false),
    },
    retries: inputs.integer(INPUT.retries, { min: 0, max: 10, fallback: 3 }),
    timeoutMs: inputs.duration(INPUT.timeout, 30_000)!,
  };
}

export function parseAuth(inputs: InputReader, url: URL): AuthConfig {
  const method = inputs.oneOf<Method>(INPUT.method, METHODS, 'jwt');
  for (const [other, names] of Object.entries(METHOD_INPUTS)) {
    if (other === method) continue;
    for (const name of names) {
      if (METHOD_INPUTS[method].includes(name)) continue;
      if (inputs.optional(name) !== undefined) {
        throw new ConfigurationError(
          `Input '${name}' is used only with method ${other}, but method is ${method}; remove it or change method.`,
        );
      }
    }
  }
  const mount = (inputs.optional(INPUT.authPath) ?? method).replace(/^\/+|\/+$/g, '').replace(/^auth\//, '');
  if (method !== 'token')
    checkPath(INPUT.authPath, mount, 'the auth mount path, such as jwt or github-actions');
  const need = (name: string) => {
    const value = inputs.optional(name);
    if (value === undefined)
      throw new ConfigurationError(`Input '${name}' is required with method ${method}.`);
    return value;
  };
  switch (method) {
    case 'token':
      return { method, token: need(INPUT.token) };
    case 'jwt':
      return {
        method,
        mount,
        role: need(INPUT.role),
        audience: inputs.optional(INPUT.jwtAudience) ?? url.hostname,
      };
    case 'approle':
      return { method, mount, roleId: need(INPUT.roleId), secretId: need(INPUT.secretId) };
    case 'kubernetes':
      return {
        method,
        mount,
        role: need(INPUT.role),
        tokenPath: inputs.optional(INPUT.kubernetesTokenPath) ?? DEFAULT_KUBERNETES_TOKEN_PATH,
      };
    case 'userpass': {
      const username = need(INPUT.username);
      if (username.includes('/') || pathTraversal(username))
        throw ConfigurationError.forInput(
          INPUT.username,
          username,
          "a user name without '/', not '.' or '..'",
        );
      return { method, mount, username, password: need(INPUT.password) };
    }
  }
}

export function parseConfig(inputs: InputReader): VaultConfig {
  const connection = parseConnection(inputs);
  const auth = parseAuth(inputs, connection.url);
  const secrets = parseSecrets(inputs.string(INPUT.secrets));
  const exportToken = inputs.boolean(INPUT.exportToken, false);
  const run = inputs.optional(INPUT.run);
  const exportEnv = inputs.boolean(INPUT.exportEnv, false);
  if (secrets.length === 0 && !exportToken) {
    throw new ConfigurationError(
      `Input '${INPUT.secrets}' is empty: list what to read ('secret/app key | NAME'), or set ${INPUT.exportToken}: true to only log in.`,
    );
  }
  if (run !== undefined && exportEnv) {
    throw new ConfigurationError(
      `Inputs '${INPUT.run}' and '${INPUT.exportEnv}' contradict each other: run keeps the secrets inside the command; export-env hands them to every later step. Choose one.`,
    );
  }
  // Names are checked before logging in; names derived from keys again once the keys are known.
  if (run !== undefined || exportEnv) {
    checkEnvNames(
      secrets.map((request) =>
        isWildcard(request)
          ? { name: request.name ?? '', line: request.line, wildcard: true, prefix: request.name }
          : { name: explicitEnvName(request), line: request.line, wildcard: false },
      ),
    );
  }
  return {
    ...connection,
    auth,
    secrets,
    exportEnv,
    run,
    revoke: inputs.boolean(INPUT.revoke, true),
    exportToken,
    ignoreNotFound: inputs.boolean(INPUT.ignoreNotFound, false),
  };
}

/** A Vault path input: no traversal (paths.ts), and only the characters Vault's paths use. */
function checkPath(input: string, path: string, expected: string): void {
  const traversal = pathTraversal(path);
  if (traversal) throw ConfigurationError.forInput(input, path, `${expected}; ${traversal}`);
  if (!/^[A-Za-z0-9_.\-/]+$/.test(path)) throw ConfigurationError.forInput(input, path, expected);
}

/** PEM text, or base64 of PEM as vault-action takes it. */
function pem(inputs: InputReader, name: string): string | undefined {
  const value = inputs.optional(name);
  if (value === undefined) return undefined;
  if (value.includes('-----BEGIN ')) return value;
  const decoded = /^[A-Za-z0-9+/=\s]+$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : '';
  if (decoded.includes('-----BEGIN ')) return decoded;
  throw new ConfigurationError(
    `Input '${name}': expected PEM text (-----BEGIN …) or base64 of it; the value given is neither.`,
  );
}
