export const INPUT = {
  source: 'source',
  destinations: 'destinations',
  expectedDigest: 'expected-digest',
  require: 'require',
  copyReferrers: 'copy-referrers',
  immutable: 'immutable',
  stableTag: 'stable-tag',
  rollback: 'rollback',
  username: 'username',
  password: 'password',
  insecureRegistries: 'insecure-registries',
  concurrency: 'concurrency',
  dryRun: 'dry-run',
  verify: 'verify',
  certificateIdentity: 'certificate-identity',
  certificateIdentityRegexp: 'certificate-identity-regexp',
  certificateOidcIssuer: 'certificate-oidc-issuer',
  trustedRoot: 'trusted-root',
  publicKey: 'public-key',
  transparencyLog: 'transparency-log',
  expectedSource: 'expected-source',
  expectedCommit: 'expected-commit',
  expectedBuilder: 'expected-builder',
  maxCvss: 'max-cvss',
  maxScanAge: 'max-scan-age',
  waivers: 'waivers',
  policy: 'policy',
  environment: 'environment',
} as const;

export const OUTPUT = {
  digest: 'digest',
  promoted: 'promoted',
  record: 'record',
  blobsMounted: 'blobs-mounted',
  blobsCopied: 'blobs-copied',
  bytesCopied: 'bytes-copied',
} as const;

/** The artifact type of Gantry's promotion records (an OCI artifact whose subject is the promoted digest). */
export const PROMOTION_ARTIFACT_TYPE = 'application/vnd.gantry.promotion.v1+json';

/** The record manifest's annotation saying whether it records a promotion or a rollback. */
export const PROMOTION_KIND_ANNOTATION = 'dev.gantry.promotion.kind';

/**
 * Short names for `require`, each satisfied by any of its artifact types, or by one of cosign's
 * legacy tags (`sha256-<hex>.sig` / `.sbom` / `.att`).
 */
export const REQUIRE_ALIASES: Record<string, { types: string[]; cosign?: 'sig' | 'sbom' | 'att' }> = {
  signature: {
    types: [
      'application/vnd.dev.cosign.artifact.sig.v1+json',
      'application/vnd.dev.sigstore.bundle.v0.3+json',
      'application/vnd.dev.sigstore.bundle+json;version=0.3',
    ],
    cosign: 'sig',
  },
  sbom: {
    types: [
      'application/spdx+json',
      'application/vnd.cyclonedx+json',
      'text/spdx',
      'application/vnd.syft+json',
    ],
    cosign: 'sbom',
  },
  spdx: { types: ['application/spdx+json', 'text/spdx'] },
  cyclonedx: { types: ['application/vnd.cyclonedx+json', 'application/vnd.cyclonedx+xml'] },
  attestation: {
    types: ['application/vnd.in-toto+json', 'application/vnd.dev.sigstore.bundle.v0.3+json'],
    cosign: 'att',
  },
  provenance: {
    types: ['application/vnd.in-toto+json', 'application/vnd.dev.sigstore.bundle.v0.3+json'],
    cosign: 'att',
  },
};
