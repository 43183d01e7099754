/**
 * Property tests of the `<filter>_files` formats: for random file names (any byte but NUL, biased
 * toward quotes, shell metacharacters, control bytes, invalid and multi-byte UTF-8), json maps back
 * to exactly the names, and shell/escape output read by bash gives back exactly their bytes and
 * runs nothing. fast-check prints the seed and the shrunk counterexample on failure.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFiles } from '../../src/changes/format.js';
import { decodePath, encodePath } from '../../src/changes/paths.js';

const sandbox = mkdtempSync(join(tmpdir(), 'gantry-format-prop-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

const HOSTILE_BYTES = [...` '"\\$\`!*?[]{}()<>|&;~#=%^-.,:@+\t\n\r\x0b\x0c\x1b\x7f`].map((c) =>
  c.charCodeAt(0),
);
const byte = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_BYTES) },
  { weight: 2, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 0xff }) },
);
/** A name as git gives it: bytes without NUL; sometimes valid multi-byte UTF-8 is spliced in. */
const nameBytes = fc
  .array(
    fc.oneof(
      byte.map((b) => [b]),
      fc.constantFrom([0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80]),
    ),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((chunks) => Buffer.from(chunks.flat()));
const names = fc.array(nameBytes, { minLength: 1, maxLength: 8 });
/** Many names per bash process: starting bash is what costs here. */
const manyNames = fc.array(nameBytes, { minLength: 1, maxLength: 40 });

/** bash evaluates the output as a command's arguments; each word comes back as exact bytes. */
function bashWords(output: string): Buffer[] {
  const printed = execFileSync(
    'bash',
    ['-c', `cd "$1" && eval "printf '%s\\0' $2"`, 'bash', sandbox, output],
    {
      env: { PATH: process.env.PATH },
    },
  );
  expect(readdirSync(sandbox), 'a file name ran a command').toEqual([]);
  const words = printed.toString('latin1').split('\0').slice(0, -1);
  return words.map((word) => Buffer.from(word, 'latin1'));
}

const optionSafe = (bytes: Buffer) => (bytes[0] === 0x2d ? Buffer.concat([Buffer.from('./'), bytes]) : bytes);

describe('list-files formats, property-based', () => {
  it('json: JSON.parse gives back exactly the names, and each name exactly its bytes', () => {
    fc.assert(
      fc.property(names, (raw) => {
        const paths = raw.map((bytes) => decodePath(bytes));
        const back = JSON.parse(formatFiles(paths, 'json')) as string[];
        expect(back).toEqual(paths);
        expect(back.map((name) => encodePath(name))).toEqual(raw);
      }),
      { numRuns: 500 },
    );
  });

  it.each(['shell', 'escape'] as const)(
    '%s: bash reads back exactly the bytes of every name (./ before a leading -), one word each, running nothing',
    (format) => {
      fc.assert(
        fc.property(manyNames, (raw) => {
          const output = formatFiles(
            raw.map((bytes) => decodePath(bytes)),
            format,
          );
          expect(output).not.toMatch(/[\n\r]/);
          expect(bashWords(output)).toEqual(raw.map(optionSafe));
        }),
        { numRuns: 20 },
      );
    },
    120_000,
  );
});
