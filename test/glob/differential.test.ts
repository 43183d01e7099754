// Differential test: the suite's globs (minimatch with src/glob's rules) against
// dorny/paths-filter's (picomatch 2.3.1, the version its lockfile pins, with `dot: true`, exactly as
// its src/filter.ts configures it), on every (pattern, path) pair of test/glob/corpus.ts. Every
// disagreement must belong to a class listed in actions/changes/README.md's differences table.
import { readFileSync } from 'node:fs';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { typeMask } from '../../src/changes/diff.js';
import { parseFilters } from '../../src/changes/filters.js';
import { FilterSet } from '../../src/changes/matcher.js';
import { globTest } from '../../src/glob/index.js';
import { PATHS, PATTERNS } from './corpus.js';
import { DOCUMENTED } from './documented.js';

const DORNY_OPTIONS = { dot: true };

/**
 * A class that can match nothing (a reversed range): dorny's picomatch silently never matches,
 * the suite refuses the pattern (the changes action fails the step naming the filter and line).
 */
const REFUSED_HERE = ['a/[z-a]'];

function throws(fn: () => unknown): boolean {
  try {
    fn();
    return false;
  } catch {
    return true;
  }
}

const EVALUATED = PATTERNS.filter((pattern) => !REFUSED_HERE.includes(pattern));

describe('globs against dorny/paths-filter (picomatch 2.3.1, dot: true)', () => {
  it('agrees on every (pattern, path) pair of the corpus except the documented differences', () => {
    let pairs = 0;
    const undocumented: string[] = [];
    const byRow = new Map<string, number>(DOCUMENTED.map((d) => [d.row, 0]));
    for (const pattern of EVALUATED) {
      const [ours, dorny] = [globTest(pattern), picomatch(pattern, DORNY_OPTIONS)];
      for (const path of PATHS) {
        pairs++;
        const [a, b] = [ours(path), dorny(path)];
        if (a === b) continue;
        const row = DOCUMENTED.find((d) => d.applies(pattern, path))?.row;
        if (row === undefined)
          undocumented.push(`${JSON.stringify(pattern)} on ${JSON.stringify(path)}: ours ${a}, dorny ${b}`);
        else byRow.set(row, byRow.get(row)! + 1);
      }
    }
    const disagreements = [...byRow.values()].reduce((n, c) => n + c, 0) + undocumented.length;
    console.log(
      `glob differential: ${EVALUATED.length} patterns x ${PATHS.length} paths = ${pairs} pairs, ` +
        `${pairs - disagreements} agree, ${disagreements} differ: ${JSON.stringify(Object.fromEntries(byRow))}`,
    );
    expect(pairs).toBeGreaterThanOrEqual(300);
    expect(undocumented).toEqual([]);
    // A documented row no pair shows any more is stale: remove it from the README and here.
    for (const [row, count] of byRow) expect(count, row).toBeGreaterThan(0);
    const readme = readFileSync(new URL('../../actions/changes/README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('## Differences from dorny/paths-filter'));
    for (const { row } of DOCUMENTED) expect(table.split('\n## ')[0], row).toContain(row);
    expect(table).toContain('a class that matches nothing (`[z-a]`)');
  });

  it('parses the patterns dorny parses, except classes that match nothing, which dorny never matches', () => {
    const refusedByOne = PATTERNS.filter(
      (pattern) => throws(() => globTest(pattern)) !== throws(() => picomatch(pattern, DORNY_OPTIONS)),
    );
    expect(refusedByOne).toEqual(REFUSED_HERE);
    for (const pattern of REFUSED_HERE) {
      expect(throws(() => globTest(pattern))).toBe(true);
      const dorny = picomatch(pattern, DORNY_OPTIONS);
      expect(PATHS.filter((path) => dorny(path))).toEqual([]);
    }
  });

  it("keeps dorny's documented examples: pkg/a/b/c/** minus jpeg and md, and !(**/*.tsx|**/*.less)", () => {
    const yaml = [
      "backend: ['pkg/a/b/c/**', '!**/*.jpeg', '!**/*.md']",
      "every: ['pkg/a/b/c/**', '!**/*.jpeg', '!**/*.md']",
      "notUi: '!(**/*.tsx|**/*.less)'",
    ].join('\n');
    const { filters } = parseFilters(yaml, 'test');
    const files = [
      'pkg/a/b/c/main.ts',
      'pkg/a/b/c/some-pics.jpeg',
      'pkg/a/b/c/src/main/jpeg/some-pic.jpeg',
      'pkg/a/b/c/src/main/some-docs.md',
      'pkg/a/b/c/some-docs.md',
      'pkg/x/main.ts',
      'src/ui.tsx',
      'src/style.less',
      'src/app.py',
    ];
    const entries = files.map((path) => ({ path, types: typeMask('modified') }));
    const [backend, , notUi] = new FilterSet(filters, 'some').match(entries);
    expect(backend).toEqual(['pkg/a/b/c/main.ts']);
    expect(notUi).toEqual(files.filter((f) => !f.endsWith('.tsx') && !f.endsWith('.less')));
  });

  it("the changes index (FilterSet) gives each corpus pattern's own answer on every corpus path", () => {
    // Filters give a leading `!` their own meaning (exclusion), so only patterns without one.
    const patterns = EVALUATED.filter((p) => !p.startsWith('!') || p.startsWith('!('));
    const filters = patterns.map((pattern, i) => ({
      name: `f${i}`,
      line: i + 1,
      rules: [{ pattern, negated: false, line: i + 1 }],
    }));
    const entries = PATHS.map((path) => ({ path, types: typeMask('modified') }));
    const selected = new FilterSet(filters, 'some').match(entries);
    patterns.forEach((pattern, i) => {
      const test = globTest(pattern);
      expect(selected[i], pattern).toEqual(PATHS.filter((path) => test(path)));
    });
  });
});
