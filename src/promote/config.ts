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
export function readConfig(inputs: InputReader): PromoteConfig {
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
  };
}
