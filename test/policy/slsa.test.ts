import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseTrustedRoot, type Statement, subjectOf, verifyBundle } from '../../src/policy/sigstore.js';
import { checkProvenance, parseExpectedSource, provenanceFacts } from '../../src/policy/slsa.js';
import { CORPUS } from './corpus.js';

const read = (path: string) => readFileSync(join(CORPUS, path));

/** The statement of a corpus bundle, only once it verified. */
function verifiedStatement(
  bundle: string,
  subject: ReturnType<typeof subjectOf> | { digests: string[] },
  root: string,
  identity: string,
  issuer: string,
): Statement {
  const verdict = verifyBundle(
    read(bundle),
    subject,
    { kind: 'root', root: parseTrustedRoot(read(root).toString('utf8'), root), name: root },
    { identity, issuer },
  );
  expect(verdict.reason).toBeUndefined();
  return verdict.statement!;
}

const GHA = 'https://token.actions.githubusercontent.com';
const SIGSTORE_JS_RELEASE =
  'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main';

describe('SLSA provenance policy on real attestations', () => {
  const v1 = () =>
    verifiedStatement(
      'cli-cli/sigstore-js-2.1.0-bundle.json',
      subjectOf(read('cli-cli/sigstore-js-2.1.0.tgz')),
      'cli-cli/trusted_root.json',
      SIGSTORE_JS_RELEASE,
      GHA,
    );
  test('v1 (gh attestation, sigstore-js 2.1.0): source, ref, builder read; the expected source passes', () => {
    const statement = v1();
    const facts = provenanceFacts(statement);
    expect(facts).toMatchObject({
      repository: 'https://github.com/sigstore/sigstore-js',
      ref: 'refs/heads/main',
    });
    expect(typeof facts === 'object' && facts.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(
      checkProvenance(statement, parseExpectedSource('sigstore/sigstore-js@refs/heads/main')),
    ).toBeUndefined();
    expect(
      checkProvenance(statement, parseExpectedSource('https://github.com/sigstore/sigstore-js')),
    ).toBeUndefined();
  });
  test('v1: gh refuses --repo fakeowner/fakerepo; so does the gate, naming expected and found', () => {
    const problem = checkProvenance(v1(), parseExpectedSource('fakeowner/fakerepo'));
    expect(problem).toContain('expected fakeowner/fakerepo');
    expect(problem).toContain('found https://github.com/sigstore/sigstore-js');
  });
  test('v1: another ref, another commit and another builder are each refused', () => {
    const statement = v1();
    expect(checkProvenance(statement, { ref: 'refs/heads/evil' })).toContain('ref expected refs/heads/evil');
    expect(checkProvenance(statement, { commit: '0'.repeat(40) })).toContain(
      `commit expected ${'0'.repeat(40)}`,
    );
    expect(checkProvenance(statement, { builderId: 'https://example.com/builder' })).toContain(
      'builder expected',
    );
  });
  test('v0.2 (sigstore-go bundle-provenance, sigstore@1.3.0): source and builder read and checked', () => {
    const statement = verifiedStatement(
      'sigstore-go/bundle-provenance.json',
      {
        digests: [
          'sha512:76176ffa33808b54602c7c35de5c6e9a4deb96066dba6533f50ac234f4f1f4c6b3527515dc17c06fbe2860030f410eee69ea20079bd3a2c6f3dcf3b329b10751',
        ],
      },
      'sigstore-go/public-good.json',
      'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main',
      GHA,
    );
    expect(statement.predicateType).toBe('https://slsa.dev/provenance/v0.2');
    const facts = provenanceFacts(statement);
    expect(facts).toMatchObject({
      repository: 'git+https://github.com/sigstore/sigstore-js',
      ref: 'refs/heads/main',
    });
    expect(
      checkProvenance(statement, parseExpectedSource('sigstore/sigstore-js@refs/heads/main')),
    ).toBeUndefined();
    expect(checkProvenance(statement, parseExpectedSource('acme/app'))).toContain('expected acme/app');
  });
  test('a statement of another predicate type is not provenance', () => {
    expect(
      checkProvenance({ predicateType: 'https://cosign.sigstore.dev/attestation/v1', predicate: {} }, {}),
    ).toContain('predicate type');
  });
});
