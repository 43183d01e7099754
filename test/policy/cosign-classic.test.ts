import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  parsePublicKey,
  parseTrustedRoot,
  type Trust,
  verifyClassic,
  verifySimpleSigning,
} from '../../src/policy/sigstore.js';
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
    annotations: json.annotations as Record<string, string>,
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

/** containers/image verifies with fulcio_v1.crt.pem + rekor.pub: the public-good root holds both (checked below). */
const publicGood = () =>
  parseTrustedRoot(
    readFileSync(join(CORPUS, 'trusted-roots/public-good.trusted_root.json'), 'utf8'),
    'public-good',
  );
const ISSUER = 'https://github.com/login/oauth';

describe('cosign classic signatures with their Rekor entry and Fulcio certificate, through sigstore-js', () => {
  test('the corpus public-good root holds the Fulcio root and the Rekor key containers/image was given', () => {
    const root = publicGood();
    const rekor = readFileSync(join(CORPUS, 'containers-image/rekor.pub'), 'utf8').replace(
      /-----[^-]+-----|\s/g,
      '',
    );
    expect(root.tlogs.some((t) => Buffer.from(t.publicKey!.rawBytes!).toString('base64') === rekor)).toBe(
      true,
    );
    const fulcio = readFileSync(join(CORPUS, 'containers-image/fulcio_v1.crt.pem'), 'utf8').replace(
      /-----[^-]+-----|\s/g,
      '',
    );
    expect(
      root.certificateAuthorities.some((ca) =>
        ca.certChain!.certificates.some((c) => Buffer.from(c.rawBytes).toString('base64') === fulcio),
      ),
    ).toBe(true);
  });
  const keyless: () => Trust = () => ({ kind: 'root', root: publicGood(), name: 'public-good' });
  test('dir-img-cosign-fulcio-rekor-valid is accepted for mitr@redhat.com / github oauth', () => {
    const { digest, sig, annotations } = image('dir-img-cosign-fulcio-rekor-valid');
    const r = verifyClassic(sig.payload, annotations, digest, keyless(), {
      identity: 'mitr@redhat.com',
      issuer: ISSUER,
    });
    expect(r.reason).toBeUndefined();
    expect(r.signer).toMatchObject({ identity: 'mitr@redhat.com', issuer: ISSUER });
  });
  test('fulcio-rekor: refused for another email, without the SET, without the certificate', () => {
    const { digest, sig, annotations } = image('dir-img-cosign-fulcio-rekor-valid');
    const policy = { identity: 'mitr@redhat.com', issuer: ISSUER };
    expect(
      verifyClassic(sig.payload, annotations, digest, keyless(), {
        ...policy,
        identity: 'this-does-not-match@example.com',
      }).ok,
    ).toBe(false);
    const { 'dev.sigstore.cosign/bundle': _set, ...noSet } = annotations;
    expect(verifyClassic(sig.payload, noSet, digest, keyless(), policy).ok).toBe(false);
    const { 'dev.sigstore.cosign/certificate': _cert, ...noCert } = annotations;
    expect(verifyClassic(sig.payload, noCert, digest, keyless(), policy).ok).toBe(false);
  });
  test('dir-img-cosign-key-rekor-valid: accepted with cosign2.pub and the Rekor key; refused without the SET, with cosign.pub, or with cosign.pub as the Rekor key', () => {
    const { digest, sig, annotations } = image('dir-img-cosign-key-rekor-valid');
    const trust = (k: string, root = publicGood()): Trust => ({
      kind: 'key',
      key: key(k),
      name: k,
      root,
      transparencyLog: true,
    });
    expect(verifyClassic(sig.payload, annotations, digest, trust('cosign2.pub'), {}).reason).toBeUndefined();
    const withCosign = verifyClassic(sig.payload, annotations, digest, trust('cosign.pub'), {});
    expect(withCosign.reason).toContain('SIGNATURE_ERROR');
    const { 'dev.sigstore.cosign/bundle': _set, ...noSet } = annotations;
    expect(verifyClassic(sig.payload, noSet, digest, trust('cosign2.pub'), {}).ok).toBe(false);
    const wrongRekor = publicGood();
    const cosignDer = Buffer.from(
      readFileSync(join(CORPUS, 'containers-image/cosign.pub'), 'utf8').replace(/-----[^-]+-----|\s/g, ''),
      'base64',
    );
    for (const t of wrongRekor.tlogs) t.publicKey!.rawBytes = cosignDer;
    expect(verifyClassic(sig.payload, annotations, digest, trust('cosign2.pub', wrongRekor), {}).ok).toBe(
      false,
    );
  });
});
