import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatFiles } from '../../src/changes/format.js';
import { decodePath, encodePath } from '../../src/changes/paths.js';
import { HOSTILE_NAMES } from './hostile-names.js';

/** What bash makes of the output: each word as exact bytes. */
function bashWords(output: string): Buffer[] {
  const dir = execFileSync('mktemp', ['-d']).toString().trim();
  const printed = execFileSync('bash', ['-c', `cd "$1" && eval "printf '%s\\0' $2"`, 'bash', dir, output], {
    env: { PATH: process.env.PATH },
  });
  const created = execFileSync('ls', ['-A', dir]).toString();
  expect(created, 'a file name ran a command').toBe('');
  return printed
    .toString('latin1')
    .split('\0')
    .slice(0, -1)
    .map((word) => Buffer.from(word, 'latin1'));
}

const optionSafe = (name: string) => (name.startsWith('-') ? `./${name}` : name);

describe('list-files formats', () => {
  it('json is exact, non-UTF-8 bytes included (as \\udcXX escapes that map back to the byte)', () => {
    const json = formatFiles(HOSTILE_NAMES, 'json');
    const back = JSON.parse(json) as string[];
    expect(back).toEqual(HOSTILE_NAMES);
    expect(encodePath(back[8]!)).toEqual(Buffer.from([0x62, 0x61, 0x64, 0xff, 0x2e, 0x74, 0x78, 0x74]));
    expect(json).toContain('\\udcff');
  });

  it.each(['shell', 'escape'] as const)(
    '%s output gives bash back every name as its exact bytes, runs nothing, on one line',
    (format) => {
      const output = formatFiles(HOSTILE_NAMES, format);
      expect(output).not.toContain('\n');
      expect(bashWords(output)).toEqual(HOSTILE_NAMES.map((name) => encodePath(optionSafe(name))));
    },
  );

  it('shell output leaves plain names bare like dorny/paths-filter', () => {
    expect(formatFiles(['src/a.ts', 'b c'], 'shell')).toBe("src/a.ts 'b c'");
    expect(formatFiles(['src/a.ts', 'b c'], 'escape')).toBe('src/a.ts b\\ c');
  });

  it('csv quotes fields holding commas, quotes, newlines or edge spaces (RFC 4180)', () => {
    expect(formatFiles(['a.ts', 'b,c.ts', 'say "hi".ts', 'new\nline', ' lead'], 'csv')).toBe(
      'a.ts,"b,c.ts","say ""hi"".ts","new\nline"," lead"',
    );
  });

  it('decodes valid UTF-8 as is and escapes only the invalid bytes', () => {
    expect(decodePath(Buffer.from('ünï', 'utf8'))).toBe('ünï');
    expect(decodePath(Buffer.from([0xc3, 0x28, 0x41]))).toBe('\udcc3(A');
    expect(encodePath('\udcc3(A')).toEqual(Buffer.from([0xc3, 0x28, 0x41]));
  });
});
