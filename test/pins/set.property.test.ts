/**
 * Property test of `pins set`'s rewrite: for random workflows and action.yml files (line endings,
 * BOM, indentation, quoting, trailing comments and spaces, flow mappings, anchors, other actions,
 * `run:` lines that mention the suite), only the suite's `uses:` lines change, and on those lines
 * only the reference (and its version comment): every other byte is the original's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rewriteSuiteRefs } from '../../src/pins/set.js';

const SHA = 'c'.repeat(40);
const TARGET = { suite: 'acme/gantry', version: 'v1.4.2', sha: SHA };

const suiteRef = fc
  .tuple(
    fc.constantFrom(
      'acme/gantry/actions/changes',
      'acme/gantry/actions/promote',
      'acme/gantry/action-templates/build-once',
    ),
    fc.constantFrom('v1', 'v1.2.0', 'main', 'b'.repeat(40), 'v1.4.2'),
  )
  .map(([name, ref]) => `${name}@${ref}`);
const otherRef = fc.constantFrom(
  'actions/checkout@v4',
  'acme/gantry-fork/actions/changes@v1',
  'someone/acme-gantry/x@v1',
  './local/action',
);
const commentText = fc.stringMatching(/^[a-zA-Z0-9 .:@#'"-]{0,20}$/);
const trailing = fc.oneof(
  fc.constant(''),
  fc.constantFrom(' ', '  ', '\t'),
  commentText.map((c) => ` # ${c}`),
  fc.constantFrom(' # v1', '   # v1.2.0 until we pin', ' #tag=v1.0.0 '),
);
const quote = fc.constantFrom('', "'", '"');

interface Line {
  text: string;
  /** A line holding a suite reference: it may change, and only from the reference on. */
  refAt?: string;
  flow?: boolean;
}

const step = (indent: string): fc.Arbitrary<Line[]> =>
  fc.oneof(
    fc.tuple(fc.oneof(suiteRef, otherRef), quote, trailing).map(([ref, q, t]) => [
      {
        text: `${indent}- uses: ${q}${ref}${q}${t}`,
        refAt: ref.startsWith('acme/gantry/') ? ref : undefined,
      },
    ]),
    fc.tuple(fc.oneof(suiteRef, otherRef), quote, trailing, commentText).map(([ref, q, t, name]) => [
      { text: `${indent}- name: '${name.replace(/'/g, "''")}'` },
      {
        text: `${indent}  uses: ${q}${ref}${q}${t}`,
        refAt: ref.startsWith('acme/gantry/') ? ref : undefined,
      },
    ]),
    fc
      .tuple(suiteRef, quote)
      .map(([ref, q]) => [
        { text: `${indent}- {uses: ${q}${ref}${q}, with: {x: 1}}`, refAt: ref, flow: true },
      ]),
    // The suite named in a shell line: never a reference.
    suiteRef.map((ref) => [{ text: `${indent}- run: 'echo "uses: ${ref}"' # uses: ${ref}` }]),
    fc.tuple(commentText, trailing).map(([c, t]) => [{ text: `${indent}# ${c}${t}` }]),
  );

const workflow = fc
  .tuple(
    fc.boolean(),
    fc.constantFrom('\n', '\r\n'),
    fc.constantFrom('  ', '    '),
    fc.array(
      fc.constantFrom('  ', '    ', '      ').chain((i) => step(i)),
      { minLength: 1, maxLength: 8 },
    ),
    fc.boolean(),
  )
  .map(([bom, eol, indent, steps, finalEol]) => {
    const lines: Line[] = [
      { text: `${bom ? '\uFEFF' : ''}# pipeline` },
      { text: 'on: { push: { branches: [main] } }' },
      { text: 'x-defaults: &defaults' },
      { text: `${indent}timeout-minutes: 10 # keep` },
      { text: 'jobs:' },
      { text: `${indent}build:` },
      { text: `${indent}${indent}<<: *defaults` },
      { text: `${indent}${indent}steps:` },
    ];
    // Steps are indented under `steps:` by at least one more level.
    const stepIndent = `${indent}${indent}  `;
    for (const group of steps)
      for (const line of group)
        lines.push({
          ...line,
          text: `${stepIndent}${line.text.trimStart().startsWith('-') || line.text.trimStart().startsWith('#') ? line.text.trimStart() : `  ${line.text.trimStart()}`}`,
        });
    return { lines, eol, text: lines.map((l) => l.text).join(eol) + (finalEol ? eol : '') };
  });

describe('pins set rewrite, property-based', () => {
  it('only the suite references (and their version comments) change; every other byte stays', () => {
    fc.assert(
      fc.property(workflow, ({ lines, eol, text }) => {
        const result = rewriteSuiteRefs(text, '.github/workflows/deploy.yml', 'workflow', TARGET);
        const after = result.text.split(eol);
        const before = text.split(eol);
        expect(after.length).toBe(before.length);
        for (let i = 0; i < before.length; i++) {
          if (after[i] === before[i]) continue;
          const line = lines[i];
          expect(line?.refAt, `line ${i + 1} changed: ${JSON.stringify(before[i])}`).toBeDefined();
          const at = before[i]!.indexOf(line!.refAt!);
          expect(after[i]!.slice(0, at)).toBe(before[i]!.slice(0, at));
          const name = line!.refAt!.slice(0, line!.refAt!.indexOf('@'));
          expect(after[i]!.slice(at).startsWith(`${name}@${SHA}`)).toBe(true);
          if (!line!.flow) expect(after[i]).toContain('v1.4.2');
        }
        // Every suite reference now names the commit.
        for (const [i, line] of lines.entries()) if (line.refAt) expect(after[i]).toContain(`@${SHA}`);
        // And a second run has nothing to change.
        expect(rewriteSuiteRefs(result.text, '.github/workflows/deploy.yml', 'workflow', TARGET).text).toBe(
          result.text,
        );
      }),
      { numRuns: 300 },
    );
  });
});
