// Property tests over generated globs and paths (fast-check prints the seed and the shrunk
// counterexample on failure; rerun with { seed, path } to reproduce).
import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { typeMask } from '../../src/changes/diff.js';
import { FilterSet } from '../../src/changes/matcher.js';
import { globTest } from '../../src/glob/index.js';
import { DOCUMENTED } from './documented.js';

const NAMES = [
  'a',
  'b',
  'src',
  'docs',
  '.x',
  'x.ts',
  'a.ts',
  'b.md',
  '.github',
  'a b',
  '...',
  '-rf',
  '[a]',
  'a(b)',
];
const PATTERN_SEGMENTS = [
  ...NAMES.filter((n) => !/[[(]/.test(n)),
  '*',
  '**',
  '*.ts',
  '*.md',
  '?',
  '.*',
  'a*',
  '*b',
  '{a,b}',
  '{src,docs}',
  '[ab]',
  '[a-c]*',
  '+(a|b)',
  '@(x.ts|b.md)',
  '!(a)',
  '*.{ts,md}',
];

const path = fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
const pattern = fc
  .array(fc.constantFrom(...PATTERN_SEGMENTS), { minLength: 1, maxLength: 4 })
  .map((s) => s.join('/'))
  // a leading `!` is the filters' own exclusion syntax, not part of a glob there
  .filter((p) => !p.startsWith('!'));

const RUNS = { numRuns: 300 };

describe('glob properties', () => {
  it('the changes index selects exactly the paths each pattern itself matches', () => {
    fc.assert(
      fc.property(
        fc.array(pattern, { minLength: 1, maxLength: 8 }),
        fc.array(path, { maxLength: 30 }),
        (patterns, paths) => {
          const sorted = [...new Set(paths)].sort();
          const filters = patterns.map((p, i) => ({
            name: `f${i}`,
            line: i + 1,
            rules: [{ pattern: p, negated: false, line: i + 1 }],
          }));
          const selected = new FilterSet(filters, 'some').match(
            sorted.map((p) => ({ path: p, types: typeMask('modified') })),
          );
          patterns.forEach((p, i) => {
            const test = globTest(p);
            expect(selected[i], p).toEqual(sorted.filter((x) => test(x)));
          });
        },
      ),
      RUNS,
    );
  });

  it("agrees with dorny/paths-filter's picomatch 2.3.1 (dot: true) on generated globs and paths, but for documented differences", () => {
    fc.assert(
      fc.property(pattern, path, (p, x) => {
        fc.pre(!DOCUMENTED.some((d) => d.applies(p, x)));
        expect(globTest(p)(x), `${JSON.stringify(p)} on ${JSON.stringify(x)}`).toBe(
          picomatch(p, { dot: true })(x),
        );
      }),
      { numRuns: 3000 },
    );
  });
});
