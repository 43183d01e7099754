import { createHash, createPublicKey, type KeyObject, verify as verifySignature } from 'node:crypto';
import { type Bundle, bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import seeds from '@sigstore/tuf/seeds.json' with { type: 'json' };
import {
  type SignedEntity,
  type Signer,
  type TrustMaterial,
  toSignedEntity,
  toTrustMaterial,
  type VerificationPolicy,
  Verifier,
} from '@sigstore/verify';

/** The Sigstore public-good trusted root, as @sigstore/tuf ships it (its TUF seed). */
const PUBLIC_GOOD_TUF = 'https://tuf-repo-cdn.sigstore.dev';

/** What a signature is checked against: a trusted root (Fulcio CAs, Rekor, CT logs, TSAs) or one public key. */
export type Trust =
  | { kind: 'root'; root: TrustedRoot; name: string }
  | { kind: 'key'; key: KeyObject; name: string; root?: TrustedRoot; transparencyLog: boolean };

/** Who must have signed: the certificate's identity (SAN) and OIDC issuer. */
export interface IdentityPolicy {
  /** Exact subject alternative name (e.g. https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main). */
  identity?: string;
  /** A regular expression the whole SAN must match. */
  identityPattern?: string;
  /** Exact OIDC issuer (e.g. https://token.actions.githubusercontent.com). */
  issuer?: string;
  /** Refuse older bundle formats (gh attestation verify requires 0.2 or later). */
  minBundleVersion?: string;
}

/** The bundle format version its media type names (0.1, 0.2, 0.3), or undefined. */
export function bundleVersion(mediaType: string): string | undefined {
  return (
    /^application\/vnd\.dev\.sigstore\.bundle\.v(\d+\.\d+)\+json$/.exec(mediaType)?.[1] ??
    /^application\/vnd\.dev\.sigstore\.bundle\+json;\s*version=(\d+\.\d+)$/.exec(mediaType)?.[1]
  );
}

function versionBelow(version: string, min: string): boolean {
  const [a1, a2] = version.split('.').map(Number);
  const [b1, b2] = min.split('.').map(Number);
  return a1! < b1! || (a1 === b1 && a2! < b2!);
}

/** A trusted root that does not say when each of its keys starts being valid is refused (sigstore-conformance). */
export class TrustRootError extends Error {}

export function defaultTrustedRoot(): Trust {
  const entry = (seeds as Record<string, { targets: Record<string, string> }>)[PUBLIC_GOOD_TUF];
  const text = Buffer.from(entry!.targets['trusted_root.json']!, 'base64').toString('utf8');
  return {
    kind: 'root',
    root: parseTrustedRoot(text, 'the Sigstore public-good trusted root'),
    name: 'public-good',
  };
}

/** A trusted_root.json (application/vnd.dev.sigstore.trustedroot+json;version=0.1), checked. */
export function parseTrustedRoot(text: string, name: string): TrustedRoot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TrustRootError(`${name} is not JSON (${(error as Error).message})`);
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    !String((json as { mediaType?: unknown }).mediaType ?? '').startsWith(
      'application/vnd.dev.sigstore.trustedroot',
    )
  )
    throw new TrustRootError(`${name} is not a Sigstore trusted root (no trustedroot mediaType)`);
  const root = TrustedRoot.fromJSON(json);
  const periods: [string, { start?: Date } | undefined][] = [
    ...root.tlogs.map(
      (t) =>
        [`transparency log ${t.baseUrl}`, t.publicKey?.validFor] as [string, { start?: Date } | undefined],
    ),
    ...root.ctlogs.map(
      (t) => [`CT log ${t.baseUrl}`, t.publicKey?.validFor] as [string, { start?: Date } | undefined],
    ),
    ...root.certificateAuthorities.map(
      (c) => [`certificate authority ${c.uri}`, c.validFor] as [string, { start?: Date } | undefined],
    ),
    ...root.timestampAuthorities.map(
      (c) => [`timestamp authority ${c.uri}`, c.validFor] as [string, { start?: Date } | undefined],
    ),
  ];
  for (const [what, validFor] of periods)
    if (!validFor?.start)
      throw new TrustRootError(
        `${name}: the ${what} has no validFor.start (a key with no start of validity is not trusted)`,
      );
  return root;
}

/** A PEM public key (SPKI), as cosign writes it. */
export function parsePublicKey(pem: string, name: string): KeyObject {
  try {
    return createPublicKey(pem);
  } catch (error) {
    throw new TrustRootError(`${name} is not a PEM public key (${(error as Error).message})`);
  }
}

/** An in-toto statement carried by a DSSE bundle. */
export interface Statement {
  _type?: string;
  subject?: { name?: string; digest?: Record<string, string> }[];
  predicateType?: string;
  predicate?: unknown;
}

export interface BundleVerdict {
  ok: boolean;
  /** Why not, when not ok: names what was expected and what was found. */
  reason?: string;
  /** The signer's identity and issuer (keyless), or 'public key'. */
  signer?: { identity?: string; issuer?: string; key?: boolean };
  statement?: Statement;
  mediaType?: string;
}

/** The artifact a signature must be about: its bytes (a message signature signs them) and/or its digests. */
export interface Subject {
  bytes?: Uint8Array;
  /** `algorithm:hex` digests it is known by (sha256:… for an OCI manifest). */
  digests: string[];
}

export function subjectOf(bytes: Uint8Array, digest?: string): Subject {
  const digests = [
    `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    `sha512:${createHash('sha512').update(bytes).digest('hex')}`,
  ];
  if (digest && !digests.includes(digest)) digests.push(digest);
  return { bytes, digests };
}

function fail(reason: string, extra: Partial<BundleVerdict> = {}): BundleVerdict {
  return { ok: false, reason, ...extra };
}

/**
 * Verifies one Sigstore bundle (v0.1–v0.3) with @sigstore/verify: signature, certificate chain to
 * the trusted root's Fulcio CA, SCTs, transparency log inclusion and timestamps; then the identity
 * policy; then that it is about the subject (a DSSE statement's subject names one of its digests; a
 * message signature's digest is the subject's). Never throws for a bad bundle: the verdict says why.
 */
export function verifyBundle(
  text: string | Uint8Array,
  subject: Subject,
  trust: Trust,
  policy: IdentityPolicy,
): BundleVerdict {
  let json: unknown;
  try {
    json = JSON.parse(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
  } catch (error) {
    return fail(`the bundle is not JSON (${(error as Error).message})`);
  }
  const mediaType = String((json as { mediaType?: unknown })?.mediaType ?? '');
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(json);
  } catch (error) {
    return fail(`the bundle is malformed (${(error as Error).message})`, { mediaType });
  }
  if (policy.minBundleVersion) {
    const version = bundleVersion(mediaType);
    if (!version || versionBelow(version, policy.minBundleVersion))
      return fail(
        `expected a bundle of version ${policy.minBundleVersion} or later, found ${version ?? mediaType}`,
        {
          mediaType,
        },
      );
  }
  const content = bundle.content;
  let entity: SignedEntity;
  try {
    entity = toSignedEntity(bundle, subject.bytes ? Buffer.from(subject.bytes) : undefined);
  } catch (error) {
    return fail(`the bundle is malformed (${(error as Error).message})`, { mediaType });
  }
  const isKeyBundle = bundle.verificationMaterial.content.$case === 'publicKey';
  let material: TrustMaterial;
  let options: ConstructorParameters<typeof Verifier>[1];
  if (trust.kind === 'key') {
    if (!isKeyBundle)
      return fail(
        'expected a bundle signed with the given public key, found a certificate (keyless) bundle',
        {
          mediaType,
        },
      );
    const key = trust.key;
    material = toTrustMaterial(trust.root ?? emptyRoot(), () => ({ publicKey: key, validFor: () => true }));
    options = trust.transparencyLog
      ? { tlogThreshold: 1, ctlogThreshold: 0, timestampThreshold: 1 }
      : { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 };
  } else {
    if (isKeyBundle)
      return fail(
        'expected a keyless (certificate) bundle: it is signed with a public key and no key was given',
        {
          mediaType,
        },
      );
    material = toTrustMaterial(trust.root);
    options = { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 };
  }
  if (content.$case === 'messageSignature' && !subject.bytes)
    return fail('a message signature needs the signed bytes', { mediaType });
  const verificationPolicy: VerificationPolicy = {};
  if (trust.kind === 'root') {
    if (policy.identity !== undefined)
      verificationPolicy.subjectAlternativeName = new RegExp(`^${escapeRegExp(policy.identity)}$`);
    else if (policy.identityPattern !== undefined)
      verificationPolicy.subjectAlternativeName = anchored(policy.identityPattern);
    if (policy.issuer !== undefined) verificationPolicy.extensions = { issuer: policy.issuer };
  }
  let signer: Signer;
  try {
    signer = new Verifier(material, options).verify(entity, verificationPolicy);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return fail(`${e.code ? `${e.code}: ` : ''}${e.message ?? String(error)}`, { mediaType });
  }
  const found: BundleVerdict['signer'] =
    trust.kind === 'key'
      ? { key: true }
      : { identity: signer.identity?.subjectAlternativeName, issuer: signer.identity?.extensions?.issuer };

  if (content.$case === 'messageSignature') {
    const digest = content.messageSignature.messageDigest;
    const hex = Buffer.from(digest?.digest ?? []).toString('hex');
    if (!subject.digests.some((d) => d.endsWith(`:${hex}`)))
      return fail(`the signature is over ${hex || 'no digest'}, not ${subject.digests[0]}`, {
        mediaType,
        signer: found,
      });
    return { ok: true, signer: found, mediaType };
  }
  const envelope = content.dsseEnvelope;
  if (envelope.payloadType !== 'application/vnd.in-toto+json')
    return fail(
      `expected an in-toto statement (payloadType application/vnd.in-toto+json), found ${envelope.payloadType}`,
      {
        mediaType,
        signer: found,
      },
    );
  let statement: Statement;
  try {
    statement = JSON.parse(Buffer.from(envelope.payload).toString('utf8')) as Statement;
  } catch (error) {
    return fail(`the statement is not JSON (${(error as Error).message})`, { mediaType, signer: found });
  }
  const subjects = Array.isArray(statement?.subject) ? statement.subject : [];
  const named = subjects.flatMap((s) =>
    Object.entries(s?.digest ?? {}).map(([alg, hex]) => `${alg.toLowerCase()}:${String(hex).toLowerCase()}`),
  );
  if (!named.some((d) => subject.digests.includes(d)))
    return fail(`the statement's subject is ${named.join(', ') || 'empty'}, not ${subject.digests[0]}`, {
      mediaType,
      signer: found,
      statement,
    });
  return { ok: true, signer: found, statement, mediaType };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The whole identity must match (cosign's --certificate-identity-regexp matches anywhere; a gate should not). */
export function anchored(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

function emptyRoot(): TrustedRoot {
  return TrustedRoot.fromJSON({
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [],
    certificateAuthorities: [],
    ctlogs: [],
    timestampAuthorities: [],
  });
}

/** cosign's classic signature layer: the simple-signing payload and its base64 signature annotation. */
export interface SimpleSigning {
  payload: Uint8Array;
  signature: string;
}

export const COSIGN_SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
export const COSIGN_SIMPLESIGNING_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';

/**
 * Verifies a cosign classic (`sha256-<hex>.sig`) signature with a public key: the signature over the
 * payload bytes, then that the payload's `critical.image.docker-manifest-digest` is the digest.
 */
export function verifySimpleSigning(sig: SimpleSigning, digest: string, key: KeyObject): BundleVerdict {
  let signature: Buffer;
  try {
    signature = Buffer.from(sig.signature, 'base64');
  } catch {
    return fail('the signature annotation is not base64');
  }
  let ok = false;
  try {
    ok = verifySignature('sha256', sig.payload, key, signature);
  } catch (error) {
    return fail(`the signature does not verify (${(error as Error).message})`);
  }
  if (!ok) return fail('the signature does not verify with the given public key');
  let payload: { critical?: { image?: { 'docker-manifest-digest'?: string }; type?: string } };
  try {
    payload = JSON.parse(Buffer.from(sig.payload).toString('utf8'));
  } catch (error) {
    return fail(`the signed payload is not JSON (${(error as Error).message})`);
  }
  const signed = payload?.critical?.image?.['docker-manifest-digest'];
  if (signed !== digest)
    return fail(`the signed payload names ${signed ?? 'no digest'}, not ${digest}`, {
      signer: { key: true },
    });
  return { ok: true, signer: { key: true } };
}

export const COSIGN_CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
export const COSIGN_CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain';
export const COSIGN_BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';

function pemToDer(pem: string): Buffer[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) =>
    Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'),
  );
}

/**
 * cosign's classic signature layer (payload, signature, and the certificate, chain and Rekor bundle
 * annotations) as the Sigstore v0.1 bundle it is equivalent to: a message signature over the
 * payload, the certificate (or the key hint), and the Rekor entry with its signed entry timestamp.
 * sigstore-js then verifies it like any other bundle.
 */
export function classicToBundle(payload: Uint8Array, annotations: Record<string, string>): unknown {
  const signature = annotations[COSIGN_SIGNATURE_ANNOTATION] ?? '';
  const certificate = annotations[COSIGN_CERTIFICATE_ANNOTATION];
  const material: Record<string, unknown> = certificate
    ? {
        x509CertificateChain: {
          certificates: pemToDer(certificate).map((der) => ({ rawBytes: der.toString('base64') })),
        },
      }
    : { publicKey: { hint: '' } };
  const tlogEntries: unknown[] = [];
  const rekor = annotations[COSIGN_BUNDLE_ANNOTATION];
  if (rekor) {
    const parsed = JSON.parse(rekor) as {
      SignedEntryTimestamp?: string;
      Payload?: { body?: string; integratedTime?: number; logIndex?: number; logID?: string };
    };
    const p = parsed.Payload ?? {};
    const body = JSON.parse(Buffer.from(p.body ?? '', 'base64').toString('utf8') || '{}') as {
      kind?: string;
      apiVersion?: string;
    };
    tlogEntries.push({
      logIndex: String(p.logIndex ?? ''),
      logId: { keyId: Buffer.from(p.logID ?? '', 'hex').toString('base64') },
      kindVersion: { kind: body.kind ?? 'hashedrekord', version: body.apiVersion ?? '0.0.1' },
      integratedTime: String(p.integratedTime ?? ''),
      inclusionPromise: { signedEntryTimestamp: parsed.SignedEntryTimestamp ?? '' },
      canonicalizedBody: p.body ?? '',
    });
  }
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    verificationMaterial: { ...material, tlogEntries },
    messageSignature: {
      messageDigest: { algorithm: 'SHA2_256', digest: createHash('sha256').update(payload).digest('base64') },
      signature,
    },
  };
}

/**
 * A cosign classic signature, keyless or key-based with its Rekor entry, verified through
 * sigstore-js (certificate chain, SCT, signed entry timestamp, identity), then the payload's
 * manifest digest checked against the promoted digest.
 */
export function verifyClassic(
  payload: Uint8Array,
  annotations: Record<string, string>,
  digest: string,
  trust: Trust,
  policy: IdentityPolicy,
): BundleVerdict {
  if (trust.kind === 'key' && !trust.transparencyLog)
    return verifySimpleSigning(
      { payload, signature: annotations[COSIGN_SIGNATURE_ANNOTATION] ?? '' },
      digest,
      trust.key,
    );
  let bundle: unknown;
  try {
    bundle = classicToBundle(payload, annotations);
  } catch (error) {
    return fail(`the cosign signature's annotations are malformed (${(error as Error).message})`);
  }
  const verdict = verifyBundle(JSON.stringify(bundle), subjectOf(payload), trust, policy);
  if (!verdict.ok) return verdict;
  let signed: string | undefined;
  try {
    signed = (
      JSON.parse(Buffer.from(payload).toString('utf8')) as {
        critical?: { image?: { 'docker-manifest-digest'?: string } };
      }
    )?.critical?.image?.['docker-manifest-digest'];
  } catch (error) {
    return fail(`the signed payload is not JSON (${(error as Error).message})`, { signer: verdict.signer });
  }
  if (signed !== digest)
    return fail(`the signed payload names ${signed ?? 'no digest'}, not ${digest}`, {
      signer: verdict.signer,
    });
  return verdict;
}
