import { isValidTag } from '../oci/reference.js';
import {
  type Credentials,
  formatReference,
  InvalidReferenceError,
  isDigest,
  parseReference,
  type Reference,
} from '../oci/index.js';
import { ConfigurationError } from '../runtime/errors.js';
import type { InputReader } from '../runtime/inputs.js';
import { INPUT, REQUIRE_ALIASES } from './constants.js';
import { type GateSpec, POLICY_KEYS, RULES, type Rule, type TrustSpec } from '../policy/spec.js';
import { parseExpectedSource } from '../policy/slsa.js';
import type { Waiver } from '../policy/vulnerabilities.js';
import type * as PolicyFiles from '../policy/file.js';
import { dirname, isAbsolute, join } from 'node:path';
import { inputReader } from '../runtime/inputs.js';
import type { Runtime } from '../runtime/runtime.js';

export interface Destination {
  /** As given, for messages and outputs. */
  text: string;
  ref: Reference & { tag: string };
}

export interface RequiredArtifact {
  /** As given: an alias (signature, sbom, spdx, …) or a media type. */
  name: string;
  types: string[];
  cosign?: 'sig' | 'sbom' | 'att';
}

export interface PromoteConfig {
  source?: { text: string; ref: Reference };
  destinations: Destination[];
  expectedDigest?: string;
  require: RequiredArtifact[];
  copyReferrers: boolean;
  immutable: boolean;
  stableTag?: string;
  rollback: boolean;
  credentials?: Credentials;
  insecureRegistries: string[];
  concurrency: number;
  dryRun: boolean;
  /** Signatures and provenance verified before anything moves (no rules: nothing verified). */
  gate: GateSpec;
}

/** Reads a file an input names (trusted-root, public-key); the runtime hands it in. */
export type FileReader = (path: string) => string;

/**
 * The YAML readers for policy and waivers files (src/policy/file.ts): the caller loads them only
 * when `policy` or `waivers` is given, so promotions without them do not carry a YAML parser.
 */
export type PolicyFileReaders = Pick<typeof PolicyFiles, 'readPolicy' | 'parseWaivers'>;

function needReaders(readers: PolicyFileReaders | undefined): PolicyFileReaders {
  if (!readers) throw new Error('policy and waivers files need the YAML readers of src/policy/file.ts');
  return readers;
}

const REFERENCE_EXAMPLE =
  'an image reference such as ghcr.io/acme/app:1.4.2, ghcr.io/acme/app@sha256:<64 hex>, or oci-layout:<dir>[:tag|@digest]';

function reference(input: string, text: string): Reference {
  try {
    return parseReference(text);
  } catch (error) {
    if (error instanceof InvalidReferenceError)
      throw ConfigurationError.forInput(input, text, `${REFERENCE_EXAMPLE} (${error.reason})`);
    throw error;
  }
}

/** Items given one per line or separated by commas. */
function list(inputs: InputReader, name: string): string[] {
  return inputs.lines(name).flatMap((line) =>
    line
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );
}

/**
 * Every input parsed and checked against the others before anything touches a registry. `password`
 * must already be registered as a secret by the caller.
 */
export function readConfig(
  inputs: InputReader,
  readFile?: FileReader,
  readers?: PolicyFileReaders,
): PromoteConfig {
  const rollback = inputs.boolean(INPUT.rollback, false);
  const sourceText = inputs.optional(INPUT.source);
  let source: PromoteConfig['source'];
  if (sourceText) {
    const ref = reference(INPUT.source, sourceText);
    if (!ref.tag && !ref.digest) {
      throw ConfigurationError.forInput(
        INPUT.source,
        sourceText,
        'a reference with a tag or a digest (…:1.4.2 or …@sha256:…): the image to promote must be named exactly',
      );
    }
    source = { text: sourceText, ref };
  } else if (!rollback) {
    throw new ConfigurationError(
      `Input '${INPUT.source}' is required (the image to promote, by digest or by tag), unless '${INPUT.rollback}' is true.`,
    );
  }

  const destinationTexts = inputs.lines(INPUT.destinations);
  if (destinationTexts.length === 0) {
    throw new ConfigurationError(
      `Input '${INPUT.destinations}' is required: one destination reference per line, such as ghcr.io/acme/app:prod.`,
    );
  }
  const destinations: Destination[] = [];
  const seen = new Set<string>();
  for (const text of destinationTexts) {
    const ref = reference(INPUT.destinations, text);
    if (ref.digest) {
      throw ConfigurationError.forInput(
        INPUT.destinations,
        text,
        'a repository and tag (…/app:prod): a destination names the tag to point at the promoted digest, not a digest',
      );
    }
    if (!ref.tag)
      throw ConfigurationError.forInput(
        INPUT.destinations,
        text,
        'a repository and tag such as ghcr.io/acme/app:prod',
      );
    const key = formatReference(ref);
    if (seen.has(key))
      throw ConfigurationError.forInput(
        INPUT.destinations,
        text,
        'each destination once (this one is listed twice)',
      );
    seen.add(key);
    destinations.push({ text, ref: ref as Reference & { tag: string } });
  }

  const expected = inputs.optional(INPUT.expectedDigest);
  if (expected !== undefined && !isDigest(expected)) {
    throw ConfigurationError.forInput(
      INPUT.expectedDigest,
      expected,
      'a digest such as sha256:<64 lowercase hex> (the digest CI recorded at build time; a tag cannot pin what was built)',
    );
  }

  const require: RequiredArtifact[] = list(inputs, INPUT.require).map((name) => {
    const alias = REQUIRE_ALIASES[name.toLowerCase()];
    if (alias) return { name, ...alias };
    if (/^[a-z0-9][\w.+-]*\/[\w.+-]+(;.*)?$/i.test(name)) return { name, types: [name] };
    throw ConfigurationError.forInput(
      INPUT.require,
      name,
      `one of ${Object.keys(REQUIRE_ALIASES).join(', ')}, or an artifact media type such as application/spdx+json`,
    );
  });

  const stableTag = inputs.optional(INPUT.stableTag);
  if (stableTag !== undefined) {
    if (!isValidTag(stableTag))
      throw ConfigurationError.forInput(
        INPUT.stableTag,
        stableTag,
        'a tag name such as stable (letters, digits, _ . -; at most 128)',
      );
    const clash = destinations.find((d) => d.ref.tag === stableTag);
    if (clash)
      throw ConfigurationError.forInput(
        INPUT.stableTag,
        stableTag,
        `a tag other than the destination tag of ${clash.text}`,
      );
  }

  const username = inputs.optional(INPUT.username);
  const password = inputs.optional(INPUT.password);
  if ((username === undefined) !== (password === undefined)) {
    throw new ConfigurationError(
      `Inputs '${INPUT.username}' and '${INPUT.password}' go together: ${username === undefined ? `'${INPUT.password}' was given without '${INPUT.username}'` : `'${INPUT.username}' was given without '${INPUT.password}'`}.`,
    );
  }

  const insecureRegistries = list(inputs, INPUT.insecureRegistries);
  for (const host of insecureRegistries) {
    if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host))
      throw ConfigurationError.forInput(
        INPUT.insecureRegistries,
        host,
        'registry hosts such as registry.internal:5000, one per line or comma-separated',
      );
  }

  return {
    source,
    destinations,
    expectedDigest: expected,
    require,
    copyReferrers: inputs.boolean(INPUT.copyReferrers, true),
    immutable: inputs.boolean(INPUT.immutable, true),
    stableTag,
    rollback,
    credentials: username !== undefined && password !== undefined ? { username, password } : undefined,
    insecureRegistries,
    concurrency: inputs.integer(INPUT.concurrency, { min: 1, max: 64, fallback: 6 }),
    dryRun: inputs.boolean(INPUT.dryRun, false),
    gate: readGateOrPolicy(inputs, readFile, readers),
  };
}

/**
 * The gate comes from the inputs, or from one environment of a policy file (then no gate input may
 * be given as well: one place says what an environment needs).
 */
export function gateFromPolicy(
  file: string,
  environment: string,
  readFile: FileReader,
  readers: PolicyFileReaders,
): GateSpec {
  const values: Record<string, string> = { [INPUT.policy]: file, [INPUT.environment]: environment };
  return readGateOrPolicy(
    inputReader({ getInput: (name: string) => values[name] ?? '' } as unknown as Runtime),
    readFile,
    readers,
  );
}

function readGateOrPolicy(
  inputs: InputReader,
  readFile: FileReader | undefined,
  readers: PolicyFileReaders | undefined,
): GateSpec {
  const file = inputs.optional(INPUT.policy);
  const environment = inputs.optional(INPUT.environment);
  if (file === undefined) {
    if (environment !== undefined)
      throw new ConfigurationError(
        `Input '${INPUT.environment}' selects an environment of '${INPUT.policy}', which was not given.`,
      );
    return readGate(inputs, readFile, readers);
  }
  if (environment === undefined)
    throw new ConfigurationError(
      `Input '${INPUT.policy}' needs '${INPUT.environment}': which environment's checks to apply.`,
    );
  const both = POLICY_KEYS.filter(
    (key) =>
      inputs.optional(key) !== undefined && !(key === 'transparency-log' && inputs.optional(key) === 'true'),
  );
  if (both.length)
    throw new ConfigurationError(
      `Input '${INPUT.policy}' says what ${environment} needs; ${both.map((k) => `'${k}'`).join(', ')} must be set in the policy file, not as inputs.`,
    );
  let text: string;
  try {
    text = (readFile ?? missingReader)(file);
  } catch (error) {
    throw ConfigurationError.forInput(
      INPUT.policy,
      file,
      `a readable policy file (${(error as Error).message})`,
    );
  }
  const values: Record<string, string> = needReaders(readers).readPolicy(text, file, environment);
  const base = dirname(file);
  const fromPolicy = inputReader({ getInput: (name: string) => values[name] ?? '' } as unknown as Runtime);
  try {
    return readGate(
      fromPolicy,
      (path) => (readFile ?? missingReader)(isAbsolute(path) ? path : join(base, path)),
      readers,
    );
  } catch (error) {
    if (error instanceof ConfigurationError)
      throw new ConfigurationError(
        `Policy ${file}, environment '${environment}': ${error.message.replace(/\bInputs? /g, 'key ')}`,
      );
    throw error;
  }
}

function missingReader(path: string): string {
  throw new Error(`no file reader for ${path}`);
}

function readGate(
  inputs: InputReader,
  readFile: FileReader | undefined,
  readers: PolicyFileReaders | undefined,
): GateSpec {
  const rules = list(inputs, INPUT.verify).map((rule) => {
    if (!(RULES as readonly string[]).includes(rule))
      throw ConfigurationError.forInput(INPUT.verify, rule, `one of ${RULES.join(', ')}`);
    return rule as Rule;
  });
  const identity = inputs.optional(INPUT.certificateIdentity);
  const identityPattern = inputs.optional(INPUT.certificateIdentityRegexp);
  const issuer = inputs.optional(INPUT.certificateOidcIssuer);
  const rootPath = inputs.optional(INPUT.trustedRoot);
  const keyText = inputs.optional(INPUT.publicKey);
  if (identity !== undefined && identityPattern !== undefined)
    throw new ConfigurationError(
      `Inputs '${INPUT.certificateIdentity}' and '${INPUT.certificateIdentityRegexp}' exclude each other: give the exact identity or a pattern.`,
    );
  if (identityPattern !== undefined) {
    try {
      new RegExp(identityPattern);
    } catch (error) {
      throw ConfigurationError.forInput(
        INPUT.certificateIdentityRegexp,
        identityPattern,
        `a regular expression (${(error as Error).message})`,
      );
    }
  }
  const read = (input: string, path: string): string => {
    try {
      return (readFile ?? missingReader)(path);
    } catch (error) {
      throw ConfigurationError.forInput(input, path, `a readable file (${(error as Error).message})`);
    }
  };
  const root =
    rootPath !== undefined ? { text: read(INPUT.trustedRoot, rootPath), name: rootPath } : undefined;
  let trust: TrustSpec;
  if (keyText !== undefined) {
    const inline = keyText.includes('-----BEGIN');
    const pem = inline ? keyText : read(INPUT.publicKey, keyText);
    if (identity !== undefined || identityPattern !== undefined || issuer !== undefined)
      throw new ConfigurationError(
        `Input '${INPUT.publicKey}' verifies key-signed artifacts: '${INPUT.certificateIdentity}', '${INPUT.certificateIdentityRegexp}' and '${INPUT.certificateOidcIssuer}' apply to keyless (certificate) signatures only.`,
      );
    trust = {
      kind: 'key',
      pem,
      name: inline ? '(inline PEM)' : keyText,
      root,
      transparencyLog: inputs.boolean(INPUT.transparencyLog, true),
    };
  } else {
    trust = root ? { kind: 'root', ...root } : { kind: 'default' };
  }
  const signing = rules.some((r) => r !== 'vulnerabilities');
  if (signing && trust.kind !== 'key' && identity === undefined && identityPattern === undefined)
    throw new ConfigurationError(
      `Input '${INPUT.verify}': keyless verification needs whose signature to accept: set '${INPUT.certificateIdentity}' (or '${INPUT.certificateIdentityRegexp}') and '${INPUT.certificateOidcIssuer}', or '${INPUT.publicKey}'. Without one, any Sigstore signer would pass.`,
    );
  if (signing && trust.kind !== 'key' && issuer === undefined)
    throw new ConfigurationError(
      `Input '${INPUT.verify}': set '${INPUT.certificateOidcIssuer}' (for GitHub Actions: https://token.actions.githubusercontent.com); an identity is only as good as the issuer that vouched for it.`,
    );
  const sourceText = inputs.optional(INPUT.expectedSource);
  const source = sourceText ? parseExpectedSource(sourceText) : {};
  const commit = inputs.optional(INPUT.expectedCommit);
  if (commit !== undefined && !/^[0-9a-f]{40}$/i.test(commit))
    throw ConfigurationError.forInput(INPUT.expectedCommit, commit, 'a full git commit SHA (40 hex)');
  const builderId = inputs.optional(INPUT.expectedBuilder);
  if ((sourceText || commit || builderId) && !rules.includes('provenance'))
    throw new ConfigurationError(
      `Inputs '${INPUT.expectedSource}', '${INPUT.expectedCommit}' and '${INPUT.expectedBuilder}' are checked against provenance: add 'provenance' to '${INPUT.verify}'.`,
    );
  const maxCvssText = inputs.optional(INPUT.maxCvss);
  const maxCvss = maxCvssText === undefined ? 7.0 : Number(maxCvssText);
  if (!Number.isFinite(maxCvss) || maxCvss < 0 || maxCvss > 10)
    throw ConfigurationError.forInput(
      INPUT.maxCvss,
      maxCvssText ?? '',
      'a CVSS score from 0.0 to 10.0 (findings at or above it block)',
    );
  const maxScanAge = inputs.duration(INPUT.maxScanAge);
  const waiversFile = inputs.optional(INPUT.waivers);
  let waivers: Waiver[] = [];
  if (waiversFile !== undefined)
    waivers = needReaders(readers).parseWaivers(read(INPUT.waivers, waiversFile), waiversFile);
  if (
    (maxCvssText !== undefined || maxScanAge !== undefined || waiversFile !== undefined) &&
    !rules.includes('vulnerabilities')
  )
    throw new ConfigurationError(
      `Inputs '${INPUT.maxCvss}', '${INPUT.maxScanAge}' and '${INPUT.waivers}' apply to the vulnerability gate: add 'vulnerabilities' to '${INPUT.verify}'.`,
    );
  return {
    rules,
    trust,
    identity: { identity, identityPattern, issuer },
    source: { ...source, commit, builderId },
    vulnerabilities: { maxCvss, maxScanAge, waivers },
  };
}
