/**
 * Writes the policy corpus kept in the repository (.github/gantry/policy-corpus): known-good and
 * known-bad artifacts as OCI layouts, signed with a key made here and thrown away (only its public
 * half, .github/gantry/cosign.pub, is kept). Run: npx tsx test/policy/make-corpus.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUITE_ROOT } from '../harness/index.js';
import { buildImage, buildReferrer, pushImage, writeLayout } from '../support/oci-images.js';
import { githubProvenance, keyBundle, keyPair, statement } from './signing.js';

const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const SLSA = 'https://slsa.dev/provenance/v1';
const COMMIT = '4b1e5c0ffee0000000000000000000000000beef';
const base = join(SUITE_ROOT, '.github/gantry');
const corpus = join(base, 'policy-corpus');

const signer = keyPair();
const stranger = keyPair();
rmSync(corpus, { recursive: true, force: true });
mkdirSync(corpus, { recursive: true });
writeFileSync(join(base, 'cosign.pub'), signer.publicPem);

type Evidence = 'release' | 'feature-branch' | 'fork' | 'stranger' | 'unsigned' | 'borrowed';
let borrowedFrom = '';
async function write(path: string, evidence: Evidence): Promise<void> {
  const image = buildImage({ label: path });
  const layout = await writeLayout(join(corpus, path), [{ image, tag: 'image' }]);
  const subject = image.top.descriptor;
  if (!borrowedFrom) borrowedFrom = subject.digest;
  if (evidence === 'unsigned') return;
  const about = evidence === 'borrowed' ? borrowedFrom : subject.digest;
  const key = evidence === 'stranger' ? stranger.privateKey : signer.privateKey;
  const repo = evidence === 'fork' ? 'evil/gantry' : 'acme/gantry';
  const ref = evidence === 'feature-branch' ? 'refs/heads/feature' : 'refs/heads/main';
  const bundle = keyBundle(key, statement(about, SLSA, githubProvenance(repo, ref, COMMIT)));
  await pushImage(layout, buildReferrer(subject, BUNDLE, bundle));
}

await write('production/good/release-from-main', 'release');
await write('production/bad/feature-branch', 'feature-branch');
await write('production/bad/fork', 'fork');
await write('production/bad/signed-by-another-key', 'stranger');
await write('production/bad/unsigned', 'unsigned');
await write('production/bad/bundle-about-another-digest', 'borrowed');
await write('staging/good/release-from-main', 'release');
await write('staging/good/feature-branch', 'feature-branch');
await write('staging/bad/signed-by-another-key', 'stranger');
await write('staging/bad/unsigned', 'unsigned');
