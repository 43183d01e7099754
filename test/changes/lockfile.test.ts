/**
 * The lockfile readers on real upgrade commits (../shared/corpus/lockfiles, see its SOURCES.md and
 * EXPECTED.md): the projects whose resolved dependency closure changed are exactly those the
 * commit's upgrade reaches, and the links the lockfile records are read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closureChange, LockfileError, readLockfile } from '../../src/changes/lockfile.js';

const CORPUS = '/work/shared/corpus/lockfiles';
const read = (path: string) => readFileSync(join(CORPUS, path), 'utf8');
const none = () => new Map<string, Record<string, string>>();

function changedImporters(file: string, before: string, after: string, manifests = none) {
  const old = readLockfile(file, read(before), manifests);
  const now = readLockfile(file, read(after), manifests);
  const changed: Record<string, string> = {};
  for (const [importer, closure] of now.closures) {
    const diff = closureChange(old.closures.get(importer) ?? new Set(), closure);
    if (diff) changed[importer] = diff;
  }
  return { changed, old, now };
}

describe('lockfile closures on real upgrade commits', () => {
  it('pnpm v6 (vuejs/core, npm-run-all → npm-run-all2 in the root): only the root project changed; links recorded', () => {
    const { changed, now } = changedImporters(
      'pnpm-lock.yaml',
      'pnpm/core-733f63a0/pnpm-lock.yaml',
      'pnpm/core-e3713c04/pnpm-lock.yaml',
    );
    expect(Object.keys(changed)).toEqual(['.']);
    expect(changed['.']).toContain('+npm-run-all2@5.0.2');
    expect(now.closures.size).toBeGreaterThan(10);
    expect(now.links.get('packages/compiler-dom')?.get('@vue/compiler-core')).toBe('packages/compiler-core');
    expect(now.format).toBe('pnpm lockfile v6.0');
  });

  it('npm v3 (actions/checkout, 4 dev dependency bumps): the root closure shows the bumps', () => {
    const { changed } = changedImporters(
      'package-lock.json',
      'npm/checkout-b6849436/package-lock.json',
      'npm/checkout-db0cee9a/package-lock.json',
    );
    expect(Object.keys(changed)).toEqual(['.']);
    expect(changed['.']).toMatch(
      /eslint-plugin-jest@28\.8\.2|prettier@3\.3\.3|ts-jest@29\.2\.5|typescript@5\.5\.4/,
    );
  });

  it('yarn berry (prettier, typescript-eslint 8.64 → 8.65): the root workspace changed', () => {
    const { changed, now } = changedImporters(
      'yarn.lock',
      'yarn-berry/prettier-9308a1ea/yarn.lock',
      'yarn-berry/prettier-f33bc684/yarn.lock',
    );
    expect(now.format).toBe('yarn berry lockfile v10');
    expect(Object.keys(changed)).toContain('.');
    expect(changed['.']).toContain('@typescript-eslint/');
  });

  it('yarn classic (webpack, enhanced-resolve/lint-staged bumps): a project reaching enhanced-resolve changed, one that does not stayed', () => {
    // yarn v1 lists no importers: the projects' direct dependencies come from their manifests.
    const manifests = () =>
      new Map<string, Record<string, string>>([
        ['reaches', { 'enhanced-resolve': '^5.24.4' }],
        ['stays', { acorn: '^7.1.1', 'webpack-cli': '^7.2.1' }],
      ]);
    const { changed } = changedImporters(
      'yarn.lock',
      'yarn-classic/webpack-51b8f339/yarn.lock',
      'yarn-classic/webpack-6c843b6f/yarn.lock',
      manifests,
    );
    expect(Object.keys(changed)).toEqual(['reaches']);
    expect(changed.reaches).toContain('+enhanced-resolve@5.24.5');
  });

  it('says why a lockfile cannot be read', () => {
    expect(() => readLockfile('pnpm-lock.yaml', 'lockfileVersion: 3.0\n', none)).toThrow(LockfileError);
    expect(() => readLockfile('pnpm-lock.yaml', 'a: [\n', none)).toThrow(/pnpm-lock.yaml cannot be parsed/);
    expect(() =>
      readLockfile('package-lock.json', '{"lockfileVersion": 1, "dependencies": {}}', none),
    ).toThrow(/versions 2 and 3/);
    expect(() => readLockfile('yarn.lock', 'not a lockfile', none)).toThrow(/yarn lockfile v1/);
    expect(() => readLockfile('bun.lockb', '', none)).toThrow(/not a lockfile this action reads/);
  });
});
