import { ConfigurationError } from '../runtime/errors.js';
import type { InputReader } from '../runtime/inputs.js';
import type { AuthConfig } from './auth.js';
import { type ResolvedInputs, type Surface, vaultActionNameOf } from './compat.js';
import {
  type AnyMethod,
  DEFAULT_KUBERNETES_TOKEN_PATH,
  ENCODINGS,
  type Encoding,
  INPUT,
  METHOD_INPUTS,
  METHODS,
  type Method,
} from './constants.js';
import { checkEnvNames } from './env-names.js';
import { pathTraversal } from './paths.js';
import { explicitNames, isWildcard, parseSecrets, type SecretRequest } from './secrets-spec.js';

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
  /** extra-headers / extraHeaders: sent on every request, names lower-cased, values masked. */
  headers: Record<string, string>;
  surface: Surface;
  auth: AuthConfig;
  secrets: SecretRequest[];
  exportEnv: boolean;
  run?: string;
  revoke: boolean;
  /** The vault-token output (and vault_token in the vault-action surface). */
  exportToken: boolean;
  /** VAULT_TOKEN in the environment of later steps (export-token with export-env; vault-action's exportToken). */
  exportTokenEnv: boolean;
  ignoreNotFound: boolean;
  encoding?: Encoding;
  retries: number;
  timeoutMs: number;
}

/**
 * Credential inputs, under both names, masked before anything is parsed (a parse error must not be
 * the first to print one).
 */
export const CREDENTIAL_INPUTS = [
  INPUT.secretId,
  INPUT.password,
  INPUT.token,
  INPUT.clientKey,
  INPUT.githubToken,
  INPUT.authPayload,
  'secretId',
  'clientKey',
  'githubToken',
  'authPayload',
  'jwtPrivateKey',
  'jwtKeyPassword',
] as const;

export type Connection = Pick<VaultConfig, 'url' | 'namespace' | 'tls' | 'headers' | 'retries' | 'timeoutMs'>;

/** Headers extra-headers may not set: Vault's own, and what the HTTP layer decides. */
const RESERVED_HEADERS = new Set([
  'x-vault-token',
  'x-vault-namespace',
  'x-vault-request',
  'x-vault-wrap-ttl',
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'upgrade',
  'expect',
  'te',
  'trailer',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
]);

/**
 * vault-action's extraHeaders: 'Name: value' per line, names lower-cased, a repeated name joined
 * with ', '. A line without ':' or a name that is not an HTTP token is refused (vault-action sends
 * it as it comes); so is a header Vault or the HTTP layer owns.
 */
export function parseHeaders(text: string, input: string): Record<string, string> {
  const headers: Record<string, string> = {};
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '') return;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name))
      throw new ConfigurationError(
        `Input '${input}', line ${index + 1}: expected 'Header-Name: value' (a header name, then ':').`,
      );
    if (RESERVED_HEADERS.has(name))
      throw new ConfigurationError(
        `Input '${input}', line ${index + 1}: ${name} is set by vault-secrets itself (namespace, token, the HTTP layer); remove it${name === 'x-vault-namespace' ? ' and use namespace' : ''}.`,
      );
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  });
  return headers;
}

/** The name the user wrote for an input (vault-action's alias when the value came from it). */
type Shown = (name: string) => string;
const asWritten: Shown = (name) => name;

export function parseConnection(inputs: InputReader, shown: Shown = asWritten): Connection {
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
  const cert = pem(inputs, INPUT.clientCertificate, shown);
  const key = pem(inputs, INPUT.clientKey, shown);
  if ((cert === undefined) !== (key === undefined)) {
    throw new ConfigurationError(
      `Inputs '${shown(INPUT.clientCertificate)}' and '${shown(INPUT.clientKey)}' go together: give both or neither.`,
    );
  }
  return {
    url,
    namespace: namespace || undefined,
    headers: parseHeaders(inputs.string(INPUT.extraHeaders), shown(INPUT.extraHeaders)),
    tls: {
      ca: pem(inputs, INPUT.caCertificate, shown),
      cert,
      key,
      skipVerify: inputs.boolean(INPUT.tlsSkipVerify, false),
    },
    retries: inputs.integer(INPUT.retries, { min: 0, max: 10, fallback: 3 }),
    timeoutMs: inputs.duration(INPUT.timeout, 30_000)!,
  };
}

export function parseAuth(
  inputs: InputReader,
  url: URL,
  surface: Surface = 'gantry',
  shown: Shown = asWritten,
): AuthConfig {
  // vault-action's default method is token; its unknown methods log in with authPayload.
  const givenMethod = inputs.optional(INPUT.method)?.toLowerCase();
  const method: AnyMethod =
    givenMethod === undefined
      ? surface === 'vault-action'
        ? 'token'
        : 'jwt'
      : (METHODS as readonly string[]).includes(givenMethod)
        ? (givenMethod as Method)
        : inputs.optional(INPUT.authPayload) !== undefined
          ? 'custom'
          : inputs.oneOf<Method>(INPUT.method, METHODS);
  for (const [other, names] of Object.entries(METHOD_INPUTS)) {
    if (other === method) continue;
    for (const name of names) {
      if (METHOD_INPUTS[method].includes(name)) continue;
      if (inputs.optional(name) !== undefined) {
        throw new ConfigurationError(
          `Input '${shown(name)}' is used only with method ${other}, but method is ${givenMethod ?? method}; remove it or change method.`,
        );
      }
    }
  }
  const mount = (inputs.optional(INPUT.authPath) ?? givenMethod ?? method)
    .replace(/^\/+|\/+$/g, '')
    .replace(/^auth\//, '');
  if (method !== 'token')
    checkPath(shown(INPUT.authPath), mount, 'the auth mount path, such as jwt or github-actions');
  const need = (name: string) => {
    const value = inputs.optional(name);
    if (value === undefined)
      throw new ConfigurationError(
        `Input '${name}'${surface === 'vault-action' ? ` (vault-action: ${vaultActionNameOf(name)})` : ''} is required with method ${givenMethod ?? method}.`,
      );
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
        // vault-action asks for GitHub's default audience (https://github.com/OWNER), which the roles
        // made for it are bound to; Gantry's own surface binds the token to this Vault.
        audience: inputs.optional(INPUT.jwtAudience) ?? (surface === 'vault-action' ? '' : url.hostname),
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
    case 'userpass':
    case 'ldap': {
      const username = need(INPUT.username);
      if (username.includes('/') || pathTraversal(username))
        throw ConfigurationError.forInput(
          INPUT.username,
          username,
          "a user name without '/', not '.' or '..'",
        );
      return { method, mount, username, password: need(INPUT.password) };
    }
    case 'github':
      return { method, mount, token: need(INPUT.githubToken) };
    case 'custom': {
      let payload: unknown;
      try {
        payload = JSON.parse(need(INPUT.authPayload));
      } catch {
        // The payload is a credential: never quoted.
        throw new ConfigurationError(
          `Input '${shown(INPUT.authPayload)}': expected a JSON object (the body of auth/${mount}/login); the value given is not valid JSON.`,
        );
      }
      if (!payload || typeof payload !== 'object' || Array.isArray(payload))
        throw new ConfigurationError(
          `Input '${shown(INPUT.authPayload)}': expected a JSON object (the body of auth/${mount}/login).`,
        );
      return { method, name: givenMethod!, mount, payload: payload as Record<string, unknown> };
    }
  }
}

export function parseConfig(resolved: ResolvedInputs | InputReader): VaultConfig {
  const { inputs, surface, shown } =
    'surface' in resolved ? resolved : { inputs: resolved, surface: 'gantry' as Surface, shown: asWritten };
  const compat = surface === 'vault-action';
  const connection = parseConnection(inputs, shown);
  const auth = parseAuth(inputs, connection.url, surface, shown);
  const secrets = parseSecrets(inputs.string(INPUT.secrets), surface);
  const exportToken = inputs.boolean(INPUT.exportToken, false);
  const run = inputs.optional(INPUT.run);
  // vault-action exports to the environment by default; 'run' keeps the secrets in its command instead.
  const exportEnv = inputs.boolean(INPUT.exportEnv, compat && run === undefined);
  const exportTokenEnv = compat
    ? inputs.boolean('exportToken', false) || (exportToken && exportEnv)
    : exportToken && exportEnv;
  if (secrets.length === 0 && !exportToken && !exportTokenEnv) {
    throw new ConfigurationError(
      `Input '${INPUT.secrets}' is empty: list what to read ('secret/app key | NAME'), or set ${INPUT.exportToken}: true to only log in.`,
    );
  }
  if (run !== undefined && exportEnv) {
    throw new ConfigurationError(
      `Inputs '${INPUT.run}' and '${INPUT.exportEnv}' contradict each other: run keeps the secrets inside the command; export-env hands them to every later step. Choose one.`,
    );
  }
  const encoding = inputs.optional(INPUT.secretEncodingType);
  if (encoding !== undefined && !(ENCODINGS as readonly string[]).includes(encoding))
    throw ConfigurationError.forInput(
      shown(INPUT.secretEncodingType),
      encoding,
      `one of ${ENCODINGS.join(', ')}`,
    );
  // Names are checked before logging in; names derived from keys again once the keys are known.
  if (run !== undefined || exportEnv) {
    checkEnvNames(
      secrets.map((request) =>
        isWildcard(request)
          ? { name: request.name ?? '', line: request.line, wildcard: !compat, prefix: request.name }
          : { name: explicitNames(request, surface).env, line: request.line, wildcard: false },
      ),
    );
  }
  return {
    ...connection,
    surface,
    auth,
    secrets,
    exportEnv,
    run,
    revoke: inputs.boolean(INPUT.revoke, true),
    exportToken,
    exportTokenEnv,
    ignoreNotFound: inputs.boolean(INPUT.ignoreNotFound, false),
    encoding: encoding as Encoding | undefined,
  };
}

/** A Vault path input: no traversal (paths.ts), and only the characters Vault's paths use. */
function checkPath(input: string, path: string, expected: string): void {
  const traversal = pathTraversal(path);
  if (traversal) throw ConfigurationError.forInput(input, path, `${expected}; ${traversal}`);
  if (!/^[A-Za-z0-9_.\-/]+$/.test(path)) throw ConfigurationError.forInput(input, path, expected);
}

/** PEM text, or base64 of PEM as vault-action takes it. */
function pem(inputs: InputReader, name: string, shown: Shown): string | undefined {
  const value = inputs.optional(name);
  if (value === undefined) return undefined;
  if (value.includes('-----BEGIN ')) return value;
  const decoded = /^[A-Za-z0-9+/=\s]+$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : '';
  if (decoded.includes('-----BEGIN ')) return decoded;
  throw new ConfigurationError(
    `Input '${shown(name)}': expected PEM text (-----BEGIN …) or base64 of it; the value given is neither.`,
  );
}
