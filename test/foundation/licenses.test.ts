// Every package a bundle carries is in its licenses.txt (ncc's own list leaves out the ES modules
// webpack concatenates, such as @actions/core 3). Reads the committed dist, which check-dist keeps
// equal to what the source builds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { bundledPackages } from '../../scripts/build.mjs';

const dist = join(import.meta.dirname, '../../dist');
const bundles = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((path) => basename(path) === 'index.js' && existsSync(join(dist, path, '../licenses.txt')))
  .map((path) => join(dist, path, '..'));

describe('dist licenses', () => {
  it('finds the bundles', () => {
    expect(bundles.length).toBeGreaterThan(8);
  });

  it.each(bundles.map((dir) => [dir.slice(dist.length + 1) || '.', dir]))(
    '%s: every bundled package has a license entry with its license and text',
    (_name, dir) => {
      const text = readFileSync(join(dir, 'licenses.txt'), 'utf8');
      const packages = [...(bundledPackages(dir) as Map<string, string>).keys()];
      const missing = packages.filter(
        (name) => !text.startsWith(`${name}\n`) && !text.includes(`\n${name}\n`),
      );
      expect(missing).toEqual([]);
      expect(text).not.toMatch(/\nUNKNOWN\n/);
    },
  );
});
