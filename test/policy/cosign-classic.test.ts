import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parsePublicKey, verifySimpleSigning } from '../../src/policy/sigstore.js';
import { CORPUS } from './corpus.js';

/** containers/image's dir layout: manifest.json and signature-1 (`\0sigstore-json\n` + JSON). */
function image(dir: string) {
  const base = join(CORPUS, 'containers-image', dir);
  const manifest = readFileSync(join(base, 'manifest.json'));
  const raw = readFileSync(join(base, 'signature-1'));
  const json = JSON.parse(raw.subarray(raw.indexOf(0x0a) + 1).toString('utf8'));
  return {
    digest: `sha256:${createHash('sha256').update(manifest).digest('hex')}`,
    sig: {
      payload: Buffer.from(json.payload, 'base64'),
      signature: json.annotations['dev.cosignproject.cosign/signature'] as string,
    },
  };
}
const key = (name: string) =>
  parsePublicKey(readFileSync(join(CORPUS, 'containers-image', name), 'utf8'), name);

describe('cosign classic signatures from containers/image, verdicts as its tests expect', () => {
  test('dir-img-cosign-valid is accepted with cosign.pub', () => {
    const { digest, sig } = image('dir-img-cosign-valid');
    expect(verifySimpleSigning(sig, digest, key('cosign.pub'))).toMatchObject({ ok: true });
  });
  test('dir-img-cosign-key-rekor-valid is accepted with cosign2.pub and refused with cosign.pub', () => {
    const { digest, sig } = image('dir-img-cosign-key-rekor-valid');
    expect(verifySimpleSigning(sig, digest, key('cosign2.pub')).ok).toBe(true);
    expect(verifySimpleSigning(sig, digest, key('cosign.pub')).ok).toBe(false);
  });
  test('dir-img-cosign-modified-manifest: a valid signature for another manifest is refused, naming both digests', () => {
    const { digest, sig } = image('dir-img-cosign-modified-manifest');
    const r = verifySimpleSigning(sig, digest, key('cosign.pub'));
    expect(r.ok).toBe(false);
    expect(r.reason).toContain(digest);
    expect(r.reason).toContain('sha256:634a8f35b5f16dcf4aaa0822adc0b1964bb786fca12f6831de8ddc45e5986a00');
  });
});
