import { ConfigurationError } from '../runtime/errors.js';
import { type InputReader, inputReader } from '../runtime/inputs.js';
import type { Runtime } from '../runtime/runtime.js';
import { INPUT } from './constants.js';

/**
 * hashicorp/vault-action's inputs (v3.4.0 action.yml), so a step switches by changing its `uses:`
 * line. Each alias stands for one Gantry input; the vault-action surface (see `detectSurface`) also
 * takes vault-action's defaults and naming, so `env.X` references and Vault roles keep working.
 */
export const VAULT_ACTION_ALIASES: Readonly<Record<string, string>> = {
  path: INPUT.authPath,
  roleId: INPUT.roleId,
  secretId: INPUT.secretId,
  githubToken: INPUT.githubToken,
  kubernetesTokenPath: INPUT.kubernetesTokenPath,
  authPayload: INPUT.authPayload,
  extraHeaders: INPUT.extraHeaders,
  exportEnv: INPUT.exportEnv,
  outputToken: INPUT.exportToken,
  caCertificate: INPUT.caCertificate,
  clientCertificate: INPUT.clientCertificate,
  clientKey: INPUT.clientKey,
  tlsSkipVerify: INPUT.tlsSkipVerify,
  jwtGithubAudience: INPUT.jwtAudience,
  secretEncodingType: INPUT.secretEncodingType,
  ignoreNotFound: INPUT.ignoreNotFound,
};

/** vault-action's exportToken: VAULT_TOKEN in the environment of later steps (no Gantry input of its own). */
export const EXPORT_TOKEN_ALIAS = 'exportToken';

/** vault-action inputs Gantry refuses, and why (checked before anything else). */
export const REFUSED_VAULT_ACTION_INPUTS: Readonly<Record<string, string>> = {
  jwtPrivateKey:
    "self-signed JWTs (jwtPrivateKey) are not supported: a long-lived signing key kept as a repository secret is what GitHub's OIDC token replaces. Remove jwtPrivateKey, jwtKeyPassword and jwtTtl and log in with method jwt (GitHub OIDC, 'permissions: id-token: write'), or with approle",
  jwtKeyPassword: 'it goes with jwtPrivateKey, which is not supported',
  jwtTtl: 'it goes with jwtPrivateKey, which is not supported',
  pki: "issuing PKI certificates (pki) is not supported: read them with 'secrets' from pki/issue/<role> in a step of your own, or keep hashicorp/vault-action for that step",
};

/** Gantry inputs whose value is a boolean: 'True' and 'true' agree when an alias and its input are compared. */
const BOOLEAN_INPUTS: ReadonlySet<string> = new Set([
  INPUT.exportEnv,
  INPUT.exportToken,
  INPUT.tlsSkipVerify,
  INPUT.ignoreNotFound,
]);

export type Surface = 'gantry' | 'vault-action';

export interface ResolvedInputs {
  inputs: InputReader;
  surface: Surface;
  /** The vault-action names the step used (for the warning line). */
  aliasesUsed: string[];
  /** The name the user wrote for a Gantry input (the alias when the value came from it). */
  shown(name: string): string;
}

/**
 * Which surface is active, and the inputs with aliases folded in.
 *
 * The vault-action surface is on when `compat: vault-action` is given, or (without `compat`) when
 * any vault-action-only input name is used, or `token` is given without `method` (vault-action's
 * default method is token; Gantry's surface always needed `method: token`). `compat: gantry` turns
 * it off and refuses the aliases.
 */
export function resolveInputs(runtime: Runtime): ResolvedInputs {
  const raw = (name: string) => runtime.getInput(name).trim();
  for (const [name, why] of Object.entries(REFUSED_VAULT_ACTION_INPUTS)) {
    if (raw(name) !== '') throw new ConfigurationError(`Input '${name}': ${why}.`);
  }
  const aliasesUsed = [...Object.keys(VAULT_ACTION_ALIASES), EXPORT_TOKEN_ALIAS].filter(
    (alias) => raw(alias) !== '',
  );
  const compat = raw(INPUT.compat);
  if (compat !== '' && compat !== 'vault-action' && compat !== 'gantry')
    throw ConfigurationError.forInput(
      INPUT.compat,
      compat,
      "'vault-action' or 'gantry' (or empty: automatic)",
    );
  if (compat === 'gantry' && aliasesUsed.length) {
    const alias = aliasesUsed[0]!;
    throw new ConfigurationError(
      `Input '${alias}' is hashicorp/vault-action's name, and compat is gantry: write ${gantryName(alias)} instead, or remove compat.`,
    );
  }
  const surface: Surface =
    compat === 'vault-action' ||
    (compat === '' && (aliasesUsed.length > 0 || (raw(INPUT.token) !== '' && raw(INPUT.method) === '')))
      ? 'vault-action'
      : 'gantry';

  const fromAlias = new Set<string>();
  const aliasOf = new Map(Object.entries(VAULT_ACTION_ALIASES).map(([alias, name]) => [name, alias]));
  const resolve = (name: string): string => {
    const value = runtime.getInput(name);
    const alias = aliasOf.get(name);
    if (alias === undefined) return value;
    const aliasValue = runtime.getInput(alias);
    if (aliasValue.trim() === '') return value;
    if (value.trim() !== '' && !sameValue(name, value.trim(), aliasValue.trim())) {
      throw new ConfigurationError(
        `Inputs '${name}' and '${alias}' (its hashicorp/vault-action name) are both given, with different values: keep one.`,
      );
    }
    fromAlias.add(name);
    return aliasValue;
  };
  const shown = (name: string) => (fromAlias.has(name) ? aliasOf.get(name)! : name);
  const base = inputReader({ getInput: resolve } as unknown as Runtime);
  // Errors name what the user wrote: the alias when the value came from it.
  const named =
    <A extends unknown[], R>(fn: (name: string, ...rest: A) => R) =>
    (name: string, ...rest: A): R => {
      try {
        return fn(name, ...rest);
      } catch (error) {
        if (error instanceof ConfigurationError && fromAlias.has(name))
          throw new ConfigurationError(error.message.replaceAll(`'${name}'`, `'${shown(name)}'`));
        throw error;
      }
    };
  const inputs: InputReader = {
    string: named(base.string),
    required: named(base.required),
    optional: named(base.optional),
    boolean: named(base.boolean),
    oneOf: named(base.oneOf) as InputReader['oneOf'],
    integer: named(base.integer),
    lines: named(base.lines),
    duration: named(base.duration),
    size: named(base.size),
  };
  return { inputs, surface, aliasesUsed, shown };
}

function sameValue(name: string, a: string, b: string): boolean {
  return BOOLEAN_INPUTS.has(name) ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** vault-action's name for a Gantry input (the Gantry name when the two are the same). */
export function vaultActionNameOf(name: string): string {
  return Object.entries(VAULT_ACTION_ALIASES).find(([, gantry]) => gantry === name)?.[0] ?? name;
}

function gantryName(alias: string): string {
  if (alias === EXPORT_TOKEN_ALIAS) return `${INPUT.exportToken} with ${INPUT.exportEnv}`;
  return VAULT_ACTION_ALIASES[alias] ?? alias;
}

/**
 * The one warning line of the vault-action surface: what the step uses, and the same step in
 * Gantry's inputs with the safer defaults.
 */
export function switchWarning(resolved: ResolvedInputs, method: string): string {
  const used = resolved.aliasesUsed.length
    ? `vault-action inputs (${resolved.aliasesUsed.join(', ')})`
    : 'vault-action defaults';
  const renames = resolved.aliasesUsed
    .filter((alias) => alias !== EXPORT_TOKEN_ALIAS)
    .map((alias) => `${alias} → ${gantryName(alias)}`);
  return [
    `vault-secrets runs this step with ${used}: method ${method}, secrets exported to every later step's environment, vault-action's names, GitHub's default JWT audience.`,
    `With Gantry's inputs and safer defaults: ${[
      ...renames,
      `method: ${method === 'token' ? 'jwt (GitHub OIDC) instead of a stored token' : method}`,
      'export-env: false (read steps.<id>.outputs.<NAME>) or run',
      'jwt-audience: defaults to the Vault host',
      "'path * | PREFIX_' for key-derived names",
    ].join('; ')}.`,
    'See "Switching from hashicorp/vault-action" in the vault-secrets README.',
  ].join(' ');
}
