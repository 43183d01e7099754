import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/** A cosign-style ECDSA P-256 key pair, made in the test. */
export function keyPair(): { privateKey: KeyObject; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { privateKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** DSSE's pre-authentication encoding, what the envelope signature is over. */
function pae(type: string, payload: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${payload.byteLength} `),
    payload,
  ]);
}

/** An in-toto statement about one digest. */
export function statement(digest: string, predicateType: string, predicate: unknown): unknown {
  const [alg, hex] = digest.split(':');
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'image', digest: { [alg!]: hex } }],
    predicateType,
    predicate,
  };
}

/** A key-signed Sigstore v0.3 bundle holding a DSSE envelope (as cosign attest --key --tlog-upload=false makes). */
export function keyBundle(privateKey: KeyObject, content: unknown): unknown {
  const type = 'application/vnd.in-toto+json';
  const payload = Buffer.from(JSON.stringify(content));
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      publicKey: { hint: 'test-key' },
      tlogEntries: [],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    dsseEnvelope: {
      payload: payload.toString('base64'),
      payloadType: type,
      signatures: [{ sig: sign('sha256', pae(type, payload), privateKey).toString('base64'), keyid: '' }],
    },
  };
}

/** SLSA v1 provenance as GitHub Actions writes it. */
export function githubProvenance(repository: string, ref: string, commit: string): unknown {
  return {
    buildDefinition: {
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      externalParameters: {
        workflow: {
          ref,
          repository: `https://github.com/${repository}`,
          path: '.github/workflows/release.yml',
        },
      },
      resolvedDependencies: [
        { uri: `git+https://github.com/${repository}@${ref}`, digest: { gitCommit: commit } },
      ],
    },
    runDetails: { builder: { id: 'https://github.com/actions/runner/github-hosted' }, metadata: {} },
  };
}

export const cosignSign = (privateKey: KeyObject) => (payload: Uint8Array) =>
  sign('sha256', payload, privateKey).toString('base64');
