/**
 * Property-based (fast-check prints the seed and the shrunk counterexample on failure): a key-signed
 * bundle verifies only as signed. Any change to one byte of the statement, the signature, the
 * payload type or the subject digest is refused, and arbitrary JSON as a bundle is refused with a
 * reason, never a throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Trust, parsePublicKey, verifyBundle } from '../../src/policy/sigstore.js';
import { githubProvenance, keyBundle, keyPair, statement } from './signing.js';

const signer = keyPair();
const trust: Trust = {
  kind: 'key',
  key: parsePublicKey(signer.publicPem, 'test'),
  name: 'test',
  transparencyLog: false,
};
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const bundle = keyBundle(
  signer.privateKey,
  statement(
    DIGEST,
    'https://slsa.dev/provenance/v1',
    githubProvenance('acme/app', 'refs/heads/main', 'c'.repeat(40)),
  ),
) as { dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string }[] } };
const subject = { digests: [DIGEST] };

function flip(base64: string, index: number, bit: number): string {
  const bytes = Buffer.from(base64, 'base64');
  const i = index % bytes.length;
  bytes[i] = bytes[i]! ^ (1 << bit);
  return bytes.toString('base64');
}

describe('bundle verification properties', () => {
  it('the unmodified bundle verifies (the baseline the properties change)', () => {
    expect(verifyBundle(JSON.stringify(bundle), subject, trust, {}).reason).toBeUndefined();
  });
  it('invariant: flipping any bit of the signed statement or of the signature is refused', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.nat(), fc.integer({ min: 0, max: 7 }), (inPayload, index, bit) => {
        const changed = structuredClone(bundle);
        if (inPayload) changed.dsseEnvelope.payload = flip(changed.dsseEnvelope.payload, index, bit);
        else
          changed.dsseEnvelope.signatures[0]!.sig = flip(changed.dsseEnvelope.signatures[0]!.sig, index, bit);
        const verdict = verifyBundle(JSON.stringify(changed), subject, trust, {});
        expect(verdict.ok).toBe(false);
        expect(verdict.reason).toMatch(/\S/);
      }),
      { numRuns: 300 },
    );
  });
  it('invariant: the bundle is refused for any digest but the one its statement names', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{64}$/), (hex) => {
        fc.pre(hex !== 'ab'.repeat(32));
        const verdict = verifyBundle(JSON.stringify(bundle), { digests: [`sha256:${hex}`] }, trust, {});
        expect(verdict.ok).toBe(false);
        expect(verdict.reason).toContain(`not sha256:${hex}`);
      }),
      { numRuns: 100 },
    );
  });
  it('invariant: arbitrary JSON (or a bundle with arbitrary fields replaced) is refused with a reason and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            mediaType: fc.string(),
            verificationMaterial: fc.jsonValue(),
            dsseEnvelope: fc.jsonValue(),
          }),
        ),
        (value) => {
          const verdict = verifyBundle(JSON.stringify(value) ?? 'null', subject, trust, {});
          expect(verdict.ok).toBe(false);
          expect(verdict.reason).toMatch(/\S/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
