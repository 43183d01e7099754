import { parse } from 'yaml';
import { ConfigurationError } from '../runtime/errors.js';
import { POLICY_KEYS } from './spec.js';
import type { Waiver } from './vulnerabilities.js';

export { POLICY_KEYS };

/**
 * A policy file: which checks each environment needs, versioned in the repository.
 *
 *   environments:
 *     staging:
 *       verify: [signature]
 *       certificate-identity-regexp: https://github\.com/acme/app/\.github/workflows/.*
 *       certificate-oidc-issuer: https://token.actions.githubusercontent.com
 *     production:
 *       verify: [signature, provenance]
 *       public-key: .github/gantry/cosign.pub
 *       expected-source: acme/app@refs/heads/main
 *
 * Keys are the promote action's gate inputs; a list is one item per line. Paths in it (public-key,
 * trusted-root) are relative to the file's directory.
 */

export type PolicyValues = Partial<Record<(typeof POLICY_KEYS)[number], string>>;

/** The gate inputs one environment of a policy file sets, as input strings. */
export function readPolicy(text: string, file: string, environment: string): PolicyValues {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    throw new ConfigurationError(`Policy ${file}: not YAML (${(error as Error).message.split('\n')[0]}).`);
  }
  const environments = (doc as { environments?: unknown })?.environments;
  if (typeof environments !== 'object' || environments === null || Array.isArray(environments))
    throw new ConfigurationError(
      `Policy ${file}: expected a mapping 'environments:' of environment names to checks.`,
    );
  const env = (environments as Record<string, unknown>)[environment];
  if (env === undefined)
    throw new ConfigurationError(
      `Policy ${file}: no environment '${environment}' (it has ${Object.keys(environments).join(', ') || 'none'}).`,
    );
  if (typeof env !== 'object' || env === null || Array.isArray(env))
    throw new ConfigurationError(`Policy ${file}: environment '${environment}' must be a mapping of checks.`);
  const values: PolicyValues = {};
  for (const [key, value] of Object.entries(env)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key))
      throw new ConfigurationError(
        `Policy ${file}: environment '${environment}' has unknown key '${key}'; expected ${POLICY_KEYS.join(', ')}.`,
      );
    if (Array.isArray(value)) values[key as keyof PolicyValues] = value.map(String).join('\n');
    else if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
      values[key as keyof PolicyValues] = String(value);
    else throw new ConfigurationError(`Policy ${file}: '${environment}.${key}' must be a string or a list.`);
  }
  return values;
}

/** A waivers file: `waivers: [{id, package, reason, owner, expires}]`, every field required. */
export function parseWaivers(text: string, file: string): Waiver[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    throw new ConfigurationError(`Waivers ${file}: not YAML (${(error as Error).message.split('\n')[0]}).`);
  }
  const list = (doc as { waivers?: unknown })?.waivers ?? [];
  if (!Array.isArray(list))
    throw new ConfigurationError(`Waivers ${file}: expected 'waivers:' to be a list.`);
  return list.map((entry, i) => {
    const w = (entry ?? {}) as Record<string, unknown>;
    for (const key of ['id', 'package', 'reason', 'owner', 'expires'])
      if (w[key] === undefined || w[key] === null || String(w[key]).trim() === '')
        throw new ConfigurationError(
          `Waivers ${file}: entry ${i + 1}${w.id ? ` (${String(w.id)})` : ''} has no '${key}'; every waiver needs id, package, reason, owner and expires.`,
        );
    const expires = w.expires instanceof Date ? w.expires.toISOString().slice(0, 10) : String(w.expires);
    const date = /^\d{4}-\d{2}-\d{2}$/.test(expires)
      ? Date.parse(`${expires}T23:59:59.999Z`)
      : Date.parse(expires);
    if (!Number.isFinite(date))
      throw new ConfigurationError(
        `Waivers ${file}: entry ${i + 1} (${String(w.id)}) expires ${JSON.stringify(expires)}, not a date such as 2026-12-31.`,
      );
    return {
      id: String(w.id),
      package: String(w.package),
      reason: String(w.reason),
      owner: String(w.owner),
      expires,
      until: date,
    };
  });
}
