import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outputKey, outputName } from '../../src/changes/outputs.js';
import { parseKeyValueFile } from '../../src/local-runner/commands.js';

/** The line @actions/core writes for an output (its heredoc form), with a fixed delimiter. */
const DELIMITER = 'ghadelimiter_00000000-0000-4000-8000-000000000000';
const outputFile = (outputs: [string, string][]) =>
  outputs.map(([name, value]) => `${name}<<${DELIMITER}\n${value}\n${DELIMITER}\n`).join('');

describe('outputName', () => {
  it.each([
    ['services/api', 'services/api'],
    ['ünï©ødé', 'ünï©ødé'],
    ['__proto__', '__proto__'],
    ['50%', '50%'],
    ['a=b', 'a%3Db'],
    ['a<<b', 'a%3C%3Cb'],
    ['ends<', 'ends%3C'],
    ['new\nline', 'new%0Aline'],
    ['cr\rlf', 'cr%0Dlf'],
    ['tab\t', 'tab%09'],
    ['del\u007f', 'del%7F'],
  ])('%j is the output %j', (name, output) => {
    expect(outputName(name)).toBe(output);
  });

  it('every filter name reads back from the output file as its own output name (the runner reads the file line by line)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.oneof(
            fc.string({ minLength: 1, maxLength: 40 }),
            fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
            fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
            fc.constantFrom('=', '<<', '<', 'a=b<<c', '\n::error::x', '__proto__', 'x'.repeat(5000)),
          ),
          { minLength: 1, maxLength: 8, selector: (name) => outputKey(outputName(name)) },
        ),
        (names) => {
          const written = names.map((name, i) => [outputName(name), `value ${i}`] as [string, string]);
          const read = parseKeyValueFile(outputFile(written));
          const sorted = (entries: [string, string][]) => [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
          expect(sorted(Object.entries(read))).toEqual(sorted(written));
        },
      ),
      { numRuns: 300, verbose: true },
    );
  });

  it('outputKey compares names as the runner does: ignoring case, one character at a time', () => {
    expect(outputKey('Api')).toBe(outputKey('aPI'));
    expect(outputKey('straße')).not.toBe(outputKey('STRASSE'));
  });
});
