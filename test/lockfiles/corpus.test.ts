/**
 * diffLockfiles on real upgrade commits (../shared/corpus/lockfiles): for each pair it reports
 * exactly the changes EXPECTED.md verified by diffing the files (the commit message's oracle plus
 * the transitive moves it does not name), with the same counts, and the oracle's own packages
 * with the from → to versions the commit names.
 */
import { describe, expect, it } from 'vitest';
import { diffLockfiles, type LockChange, parseLockfile } from '../../src/lockfiles/index.js';
import { corpusFile, expectedFor, PAIRS } from './corpus.js';

/** The project's own packages: EXPECTED.md counts them among the names, the readers leave them out. */
const SELF: Record<string, string[]> = {
  cargo: ['bat'],
  uv: ['pydantic', 'pydantic-core'],
};

/** What each commit's message or title names (the independent oracle). */
const ORACLE: Record<string, [string, string | undefined, string | undefined][]> = {
  npm: [
    ['eslint-plugin-jest', '28.5.0', '28.8.2'],
    ['prettier', '3.2.5', '3.3.3'],
    ['ts-jest', '29.1.2', '29.2.5'],
    ['typescript', '5.4.5', '5.5.4'],
  ],
  'yarn-classic': [
    ['enhanced-resolve', '5.24.4', '5.24.5'],
    ['lint-staged', '17.2.0', '17.3.0'],
    ['pkg-pr-new', '0.0.82', '0.0.86'],
  ],
  'yarn-berry': [
    ['@typescript-eslint/eslint-plugin', '8.64.0', '8.65.0'],
    ['@typescript-eslint/parser', '8.64.0', '8.65.0'],
  ],
  pnpm: [
    ['npm-run-all', '4.1.5', undefined],
    ['npm-run-all2', undefined, '5.0.2'],
  ],
  go: [['github.com/sigstore/sigstore-go', 'v0.6.1', 'v0.6.2']],
  cargo: [['gix', '0.85.0', '0.86.0']],
  poetry: [['dulwich', '0.25.2', '1.0.0']],
  uv: [['cryptography', '48.0.1', '50.0.0']],
  bundler: [
    ['rubocop-rspec', '3.9.0', '3.10.2'],
    ['simplecov-cobertura', '3.1.0', '3.2.0'],
    ['sorbet-static-and-runtime', '0.6.13284', '0.6.13296'],
    ['sorbet-runtime', '0.6.13284', '0.6.13296'],
    ['rbi', '0.3.12', '0.3.13'],
    ['rbs', '4.0.2', '4.0.3'],
    ['sorbet', '0.6.13284', '0.6.13296'],
    ['sorbet-static', '0.6.13284', '0.6.13296'],
  ],
};

const byName = (changes: LockChange[]) => new Map(changes.map((c) => [c.name, c]));

describe('diffLockfiles on the corpus pairs', () => {
  for (const pair of PAIRS) {
    const expected = expectedFor(pair.ecosystem, pair.file);
    it(`${pair.ecosystem} ${pair.before} → ${pair.after} (${pair.file}): exactly the ${expected.items.size} changes EXPECTED.md verified`, () => {
      const before = parseLockfile(pair.file, corpusFile(`${pair.before}/${pair.file}`));
      const after = parseLockfile(pair.file, corpusFile(`${pair.after}/${pair.file}`));
      const { changes } = diffLockfiles(before, after);

      const self = SELF[pair.ecosystem] ?? [];
      const names = (p: typeof before) => new Set(p.packages.map((x) => x.name)).size + self.length;
      expect([names(before), names(after)]).toEqual([expected.namesBefore, expected.namesAfter]);
      const count = (kind: string) =>
        changes.filter((c) => (kind === 'changed' ? !['added', 'removed'].includes(c.kind) : c.kind === kind))
          .length;
      expect({ added: count('added'), removed: count('removed'), changed: count('changed') }).toEqual({
        added: expected.added,
        removed: expected.removed,
        changed: expected.changed,
      });
      expect(expected.items.size).toBe(expected.added + expected.removed + expected.changed);
      const asSets = new Map(
        changes.map((c) => [c.name, [[...(c.before ?? [])].sort(), [...(c.after ?? [])].sort()]]),
      );
      const wanted = new Map(
        [...expected.items].map(([name, [b, a]]) => [name, [[...b].sort(), [...a].sort()]]),
      );
      expect(asSets).toEqual(wanted);

      const found = byName(changes);
      for (const [name, from, to] of ORACLE[pair.ecosystem]!) {
        const change = found.get(name);
        expect(change, name).toBeDefined();
        if (from) expect(change!.before, name).toContain(from);
        if (to) expect(change!.after, name).toContain(to);
        if (from && to) expect(change!.kind, name).toBe('upgraded');
      }
    });
  }
});

describe('kinds, major bumps and direct/transitive on the corpus', () => {
  const diff = (index: number) => {
    const pair = PAIRS[index]!;
    return byName(
      diffLockfiles(
        parseLockfile(pair.file, corpusFile(`${pair.before}/${pair.file}`)),
        parseLockfile(pair.file, corpusFile(`${pair.after}/${pair.file}`)),
      ).changes,
    );
  };

  it('npm: the four bumps are direct upgrades, not major; ts-jest pulls in transitive additions; a copy added beside others is "changed"', () => {
    const changes = diff(0);
    for (const name of ['eslint-plugin-jest', 'prettier', 'ts-jest', 'typescript'])
      expect(changes.get(name), name).toMatchObject({ kind: 'upgraded', major: false, direct: true });
    for (const name of ['async', 'ejs', 'filelist', 'jake'])
      expect(changes.get(name), name).toMatchObject({ kind: 'added', direct: false });
    expect(changes.get('minimatch')).toMatchObject({ kind: 'changed', direct: false });
    expect(changes.get('minimatch')!.after).toEqual(['3.1.2', '5.1.6', '9.0.4']);
  });

  it('yarn classic: two copies of enhanced-resolve collapse into one newer one, an upgrade; direct is not said', () => {
    const change = diff(1).get('enhanced-resolve')!;
    expect(change).toMatchObject({
      kind: 'upgraded',
      before: ['5.24.3', '5.24.4'],
      after: ['5.24.5'],
      major: false,
    });
    expect(change.direct).toBeUndefined();
  });

  it('yarn berry: the four packages package.json names are direct, the rest of the group transitive', () => {
    const changes = diff(2);
    const direct = [...changes.values()].filter((c) => c.direct).map((c) => c.name);
    expect(direct.sort()).toEqual([
      '@typescript-eslint/eslint-plugin',
      '@typescript-eslint/parser',
      '@typescript-eslint/typescript-estree',
      '@typescript-eslint/visitor-keys',
    ]);
  });

  it('pnpm: the replacement is a direct addition and a direct removal; 0.x minor moves are major', () => {
    const changes = diff(3);
    expect(changes.get('npm-run-all2')).toMatchObject({ kind: 'added', direct: true, after: ['5.0.2'] });
    expect(changes.get('npm-run-all')).toMatchObject({ kind: 'removed', before: ['4.1.5'] });
    expect(changes.get('pidtree')).toMatchObject({ kind: 'upgraded', major: true }); // 0.3.1 → 0.5.0
    expect(changes.get('which')).toMatchObject({ kind: 'changed' }); // only a copy dropped
  });

  it('go.mod says which modules are indirect; go.sum does not', () => {
    const mod = diff(5);
    expect(mod.get('github.com/sigstore/sigstore-go')).toMatchObject({ kind: 'upgraded', direct: true });
    expect(mod.get('golang.org/x/sys')).toMatchObject({ kind: 'upgraded', direct: false });
    expect(diff(4).get('golang.org/x/sys')!.direct).toBeUndefined();
  });

  it("cargo: gix is the workspace crate's direct dependency; its 0.x minor bump is major, gix-actor's patch is not", () => {
    const changes = diff(6);
    expect(changes.get('gix')).toMatchObject({ kind: 'upgraded', major: true, direct: true });
    expect(changes.get('gix-actor')).toMatchObject({ kind: 'upgraded', major: false, direct: false });
    expect(changes.get('kstring')).toMatchObject({ kind: 'removed' });
  });

  it('poetry: dulwich 0.25.2 → 1.0.0 is a major upgrade; uv: cryptography 48 → 50 too', () => {
    expect(diff(7).get('dulwich')).toMatchObject({ kind: 'upgraded', major: true });
    expect(diff(8).get('cryptography')).toMatchObject({ kind: 'upgraded', major: true });
  });

  it('bundler: platform variants of sorbet-static are one version; DEPENDENCIES marks direct gems', () => {
    const changes = diff(9);
    expect(changes.get('sorbet-static')).toMatchObject({ before: ['0.6.13284'], after: ['0.6.13296'] });
    expect(changes.get('rubocop-rspec')).toMatchObject({ kind: 'upgraded', direct: true, major: false });
    expect(changes.get('rbs')).toMatchObject({ direct: false });
  });
});
