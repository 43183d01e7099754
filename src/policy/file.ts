import { parse } from 'yaml';
import { readOwnedEntries } from '../expiring/entries.js';
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

export const WAIVER_KIND = {
  noun: 'waiver',
  listKey: 'waivers',
  hint: 'each waiver needs id, package, reason, owner and expires (see actions/promote/README.md)',
  extra: { package: { required: true } },
};

/**
 * A waivers file: `waivers: [{id, package, reason, owner, expires}]`, every field required, read by
 * the suite's one reader of owned, expiring entries (src/expiring, as quarantine's file is): strict
 * YYYY-MM-DD dates in force through that day (UTC), lines named, expired waivers kept to be listed.
 */
export function parseWaivers(text: string, file: string): Waiver[] {
  return readOwnedEntries(text, file, WAIVER_KIND).map((entry) => ({
    id: entry.id,
    package: entry.extra.package!,
    reason: entry.reason,
    owner: entry.owner,
    expires: entry.expires,
    until: entry.until,
  }));
}
