import type { IdentityPolicy } from './sigstore.js';
import type { SourcePolicy } from './slsa.js';
import type { VulnerabilityPolicy } from './vulnerabilities.js';

/**
 * The gate as configured, before any Sigstore code is loaded: promote imports the verifier (and
 * sigstore-js, about 0.6 MB of bundle) only when a rule is set, so a promotion without `verify`
 * starts as fast as before.
 */
export const RULES = ['signature', 'provenance', 'vulnerabilities'] as const;
export type Rule = (typeof RULES)[number];

/** What to trust, as given: parsed (and refused when malformed) by loadGate before any registry is read. */
export type TrustSpec =
  | { kind: 'default' }
  | { kind: 'root'; text: string; name: string }
  | {
      kind: 'key';
      pem: string;
      name: string;
      root?: { text: string; name: string };
      transparencyLog: boolean;
    };

export interface GateSpec {
  rules: Rule[];
  trust: TrustSpec;
  identity: IdentityPolicy;
  source: SourcePolicy;
  vulnerabilities: VulnerabilityPolicy;
}

/** One referrer of the promoted digest, as the gate sees it: its own manifest's type and its layers. */
export interface Evidence {
  digest: string;
  /** The manifest's own artifact type, or `cosign:sig` for cosign's legacy tag. */
  artifactType?: string;
  /** The referrer manifest's org.opencontainers.image.created, when it says. */
  created?: string;
  layers: { mediaType: string; digest: string; size: number; annotations?: Record<string, string> }[];
  read(layerDigest: string): Promise<Uint8Array>;
}

/** One rule's decision, as it goes into the promotion record. */
export interface Evaluation {
  rule: Rule;
  outcome: 'pass' | 'fail' | 'waived';
  digest: string;
  /** Digests of the referrers (and their layers) the decision rests on. */
  evidence: string[];
  expected: string;
  found: string;
  /** Findings let through by a waiver, with the waiver's owner. */
  waivers?: { id: string; package: string; owner: string; expires: string }[];
  /** Waivers past their date: listed, never applied. */
  expiredWaivers?: { id: string; package: string; owner: string; expires: string }[];
}

/** One line per failed rule: the rule, the digest, expected and found. */
export function describeFailures(evaluations: Evaluation[]): string {
  return evaluations
    .filter((e) => e.outcome === 'fail')
    .map((e) => `rule '${e.rule}' refused ${e.digest}: expected ${e.expected}; found ${e.found}`)
    .join('. ');
}

/** The keys an environment of a policy file may set: the promote action's gate inputs. */
export const POLICY_KEYS = [
  'verify',
  'certificate-identity',
  'certificate-identity-regexp',
  'certificate-oidc-issuer',
  'trusted-root',
  'public-key',
  'transparency-log',
  'expected-source',
  'expected-commit',
  'expected-builder',
  'max-cvss',
  'max-scan-age',
  'waivers',
] as const;
