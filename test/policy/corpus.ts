import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The real Sigstore corpus (../shared/corpus/sigstore) and the verdicts its projects' tests expect. */
export const CORPUS = process.env.GANTRY_SIGSTORE_CORPUS ?? '/work/shared/corpus/sigstore';

const BEACON =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const GHA = 'https://token.actions.githubusercontent.com';

export interface CorpusCase {
  section: string;
  bundle: string;
  artifact?: string;
  digest?: string;
  expected: 'valid' | 'invalid' | 'valid-2' | 'gh-policy' | 'not-asserted' | 'no-root';
  identity?: string;
  issuer?: string;
  key?: string;
  root?: string;
  why: string;
}

function ticks(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

/** Every bundle row of EXPECTED.md (the containers-image table is read separately). */
export function corpusCases(): CorpusCase[] {
  const text = readFileSync(join(CORPUS, 'EXPECTED.md'), 'utf8');
  const cases: CorpusCase[] = [];
  let section = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) section = line.slice(3);
    if (!line.startsWith('| `') || section.startsWith('cosign signatures attached')) continue;
    const cells = line.split(' | ').map((c) => c.replace(/^\| /, '').trim());
    const [bundleCell, , artifactCell, expectedCell, why, identityCell, rootCell] = cells as string[];
    const conformance = section.startsWith('sigstore-conformance');
    const bundle = (conformance ? 'conformance/bundle-verify/' : '') + ticks(bundleCell!)[0]!;
    const c: CorpusCase = { section, bundle, why: why!, expected: 'invalid' };
    const artifact = ticks(artifactCell!)[0]!;
    if (artifactCell!.startsWith('digest')) c.digest = artifact;
    else c.artifact = artifact;
    const expected = expectedCell!.replace(/\*/g, '');
    c.expected = expected.startsWith('valid (2')
      ? 'valid-2'
      : expected.startsWith('valid (needs')
        ? 'no-root'
        : expected.startsWith('valid')
          ? 'valid'
          : expected.startsWith('invalid for gh')
            ? 'gh-policy'
            : expected.startsWith('not asserted')
              ? 'not-asserted'
              : 'invalid';
    if (identityCell!.startsWith('BEACON')) {
      c.identity = BEACON;
      c.issuer = GHA;
    } else if (identityCell!.startsWith('—')) {
      const key = ticks(identityCell!)[0];
      if (key) c.key = key;
    } else {
      [c.identity, c.issuer] = ticks(identityCell!);
    }
    c.root =
      rootCell === 'PG'
        ? 'trusted-roots/public-good.trusted_root.json'
        : rootCell === 'ST'
          ? 'trusted-roots/staging.trusted_root.json'
          : ticks(rootCell!)[0];
    if (rootCell!.includes('not included')) c.root = undefined;
    cases.push(c);
  }
  return cases;
}
