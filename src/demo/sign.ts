import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../oci/digest.js';
import { MediaType } from '../oci/media-types.js';
import type { OciRepository } from '../oci/repository.js';

const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

/**
 * The demo's release key (made per run, like `cosign generate-key-pair`): it signs SLSA provenance
 * for the built digest as a key-signed Sigstore bundle (`cosign attest --key --tlog-upload=false`),
 * attached as a referrer; production's policy verifies it at the gate.
 */
export function demoSigner() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  /** Attaches signed provenance (built from `repository` at `ref`, `commit`) to `digest` in `repo`. */
  async function attest(
    repo: OciRepository,
    digest: string,
    source: { repository: string; ref: string; commit: string },
  ) {
    const subject = await repo.resolve(digest);
    if (!subject) throw new Error(`${repo.display} has no ${digest} to sign`);
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: repo.display, digest: { sha256: digest.slice('sha256:'.length) } }],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: {
        buildDefinition: {
          buildType: 'https://actions.github.io/buildtypes/workflow/v1',
          externalParameters: {
            workflow: {
              ref: source.ref,
              repository: `https://github.com/${source.repository}`,
              path: '.github/workflows/pipeline.yml',
            },
          },
          resolvedDependencies: [
            {
              uri: `git+https://github.com/${source.repository}@${source.ref}`,
              digest: { gitCommit: source.commit },
            },
          ],
        },
        runDetails: { builder: { id: 'https://github.com/actions/runner/github-hosted' }, metadata: {} },
      },
    };
    const payloadType = 'application/vnd.in-toto+json';
    const payload = Buffer.from(JSON.stringify(statement));
    const pae = Buffer.concat([
      Buffer.from(`DSSEv1 ${payloadType.length} ${payloadType} ${payload.byteLength} `),
      payload,
    ]);
    const bundle = new TextEncoder().encode(
      JSON.stringify({
        mediaType: BUNDLE_TYPE,
        verificationMaterial: {
          publicKey: { hint: '' },
          tlogEntries: [],
          timestampVerificationData: { rfc3161Timestamps: [] },
        },
        dsseEnvelope: {
          payload: payload.toString('base64'),
          payloadType,
          signatures: [{ sig: sign('sha256', pae, privateKey).toString('base64'), keyid: '' }],
        },
      }),
    );
    const empty = new TextEncoder().encode('{}');
    const config = { mediaType: MediaType.OciEmpty, digest: sha256(empty), size: empty.byteLength };
    const layer = { mediaType: BUNDLE_TYPE, digest: sha256(bundle), size: bundle.byteLength };
    await repo.pushBlob(config, empty);
    await repo.pushBlob(layer, bundle);
    const manifest = new TextEncoder().encode(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.OciManifest,
        artifactType: BUNDLE_TYPE,
        config,
        layers: [layer],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
      }),
    );
    await repo.putManifest(manifest, MediaType.OciManifest, sha256(manifest));
  }

  /** The policy file the demo's production gate reads, with the public key beside it. */
  function writePolicy(dir: string, source: { repository: string; ref: string }): string {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'cosign.pub'), publicPem);
    const file = join(dir, 'policy.yml');
    writeFileSync(
      file,
      [
        'environments:',
        '  production:',
        '    verify: [signature, provenance]',
        '    public-key: cosign.pub',
        '    transparency-log: false',
        `    expected-source: ${source.repository}@${source.ref}`,
        '',
      ].join('\n'),
    );
    return file;
  }
  return { attest, writePolicy };
}
