// Property-based tests (fast-check) for the JUnit reader, the code that meets hostile reports.
// fast-check prints the seed and the shrunk counterexample on failure; rerun one with FC_SEED=<seed>.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDENTITY_PART_LIMIT } from '../../src/quarantine/identity.js';
import { JUnitReader, KEPT_TEXT_LIMIT, MAX_DEPTH, type TestCaseElement } from '../../src/quarantine/junit.js';
import { ConfigurationError } from '../../src/runtime/errors.js';

const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const params = { numRuns: 50, ...(seed === undefined ? {} : { seed }) };

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Sizes reach well past the kept-text limit; long runs are made by repetition so generation stays cheap.
const small = fc.integer({ min: 0, max: 40 });
const large = fc.integer({ min: KEPT_TEXT_LIMIT - 10, max: 3 * KEPT_TEXT_LIMIT });
const textOf = (n: fc.Arbitrary<number>) =>
  fc
    .tuple(fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }), n)
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
const anyText = textOf(fc.oneof({ arbitrary: small, weight: 12 }, { arbitrary: large, weight: 1 }));

type Node = { tag: string; attributes: [string, string][]; children: (Node | string)[] };
const TAGS = [
  'testsuite',
  'testcase',
  'failure',
  'error',
  'skipped',
  'flakyFailure',
  'rerunFailure',
  'system-out',
  'properties',
  'x',
];
const ATTRIBUTES = ['name', 'classname', 'file', 'message', 'line', 'status', 'type'];

const nodeOf = (text: fc.Arbitrary<string>): fc.Memo<Node> =>
  fc.memo((n) =>
    fc.record({
      tag: fc.constantFrom(...TAGS),
      attributes: fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTRIBUTES), text), {
        maxLength: 4,
        selector: ([name]) => name,
      }),
      children:
        n <= 1 ? fc.array(text, { maxLength: 2 }) : fc.array(fc.oneof(text, node(n - 1)), { maxLength: 4 }),
    }),
  );
const node = nodeOf(anyText);
const smallNode = nodeOf(textOf(small));

function serialise(root: Node, wrap: number): string {
  const parts: string[] = ['<testsuites>', '<testsuite name="deep">'.repeat(wrap)];
  const write = (item: Node | string, cdata: boolean): void => {
    if (typeof item === 'string') {
      parts.push(cdata ? `<![CDATA[${item.replace(/]]>/g, ']]]]><![CDATA[>')}]]>` : escapeXml(item));
      return;
    }
    parts.push(`<${item.tag}${item.attributes.map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('')}>`);
    item.children.forEach((child, i) => {
      write(child, i % 2 === 1);
    });
    parts.push(`</${item.tag}>`);
  };
  write(root, false);
  parts.push('</testsuite>'.repeat(wrap), '</testsuites>');
  return parts.join('');
}

/** Feeds the text in the given piece sizes; checks what the parser holds after every piece. */
function read(xml: string, pieces: number[]): { cases: TestCaseElement[]; error?: unknown; maxKept: number } {
  const cases: TestCaseElement[] = [];
  const reader = new JUnitReader('hostile.xml', { onCase: (c) => cases.push(c) });
  let maxKept = 0;
  try {
    let start = 0;
    for (let i = 0; start < xml.length; i++) {
      const piece = Math.min(256 * 1024, pieces[i % pieces.length]!);
      reader.write(xml.slice(start, start + piece));
      maxKept = Math.max(maxKept, reader.keptCharacters);
      start += piece;
    }
    reader.close();
    return { cases, maxKept };
  } catch (error) {
    return { cases, error, maxKept };
  }
}

describe('JUnit reader properties', () => {
  it('random nesting and sizes: never crashes (only a ConfigurationError naming the file and line), holds at most 2x the kept-text limit between writes, and keeps messages and ids bounded', () => {
    fc.assert(
      fc.property(
        node(4),
        fc.integer({ min: 0, max: MAX_DEPTH + 40 }),
        fc.array(fc.integer({ min: 1, max: 300_000 }), { minLength: 1, maxLength: 5 }),
        fc.option(fc.nat(), { nil: undefined }),
        (root, wrap, pieces, cut) => {
          let xml = serialise(root, wrap);
          // Sometimes a report cut short (a killed test run): malformed, never a crash.
          if (cut !== undefined) xml = xml.slice(0, cut % (xml.length + 1));
          const { cases, error, maxKept } = read(xml, pieces);
          if (error !== undefined) {
            expect(error).toBeInstanceOf(ConfigurationError);
            expect((error as Error).message).toMatch(/^Report hostile\.xml, line \d+: not valid JUnit XML: /);
          }
          if (wrap + 2 > MAX_DEPTH) expect(error).toBeDefined();
          expect(maxKept).toBeLessThanOrEqual(2 * KEPT_TEXT_LIMIT);
          for (const c of cases) {
            expect(c.message?.length ?? 0).toBeLessThanOrEqual(2000);
            expect(c.name.length).toBeLessThanOrEqual(IDENTITY_PART_LIMIT);
            expect(c.classname.length).toBeLessThanOrEqual(IDENTITY_PART_LIMIT);
            expect(c.id.length).toBeLessThanOrEqual(IDENTITY_PART_LIMIT * (wrap + 4) + 2 * (wrap + 4));
          }
        },
      ),
      params,
    );
  });

  it('splitting a report into pieces anywhere never changes what is read', () => {
    fc.assert(
      fc.property(
        smallNode(4),
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 4 }),
        (root, pieces) => {
          const xml = serialise(root, 1);
          const whole = read(xml, [256 * 1024]);
          const split = read(xml, pieces);
          expect(split.cases.map((c) => [c.id, c.outcome, c.message])).toEqual(
            whole.cases.map((c) => [c.id, c.outcome, c.message]),
          );
          expect(String(split.error ?? '')).toBe(String(whole.error ?? ''));
        },
      ),
      { ...params, numRuns: 60 },
    );
  });
});
