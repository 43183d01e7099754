// The random secret values of the masking properties: in-process (masking.property.test.ts) and
// through the bundles (masking-bundles.e2e.test.ts). Every value carries tokens Qk<hex>q; a printed
// token is a printed form of a value.
import fc from 'fast-check';
import { parseCommand } from '../../src/local-runner/index.js';
import { maskSecrets } from '../../src/runtime/text.js';
import { valueText } from '../../src/vault-secrets/masking.js';

export const TOKEN = /Qk[0-9a-f]+q/g;
export const token = fc.integer({ min: 0, max: 0x7fffffff }).map((n) => `Qk${n.toString(16)}q`);
export const HOSTILE = [
  '"',
  '\\',
  '\r',
  '\n',
  '\r\n',
  '\u0000',
  '\t',
  '\u0001',
  '\u001b[31m',
  '\u007f',
  'é',
  '😀',
  '\u2028',
  '\u00a0',
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  ' ',
  '%',
  '%0A',
  '*',
  '_',
  '`',
  '|',
  '<',
  '&',
  '#',
  "'",
  '$',
  '::',
];
export const piece = fc.oneof(
  { weight: 2, arbitrary: token },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
);
export const text = fc
  .array(piece, { minLength: 1, maxLength: 10 })
  .map((pieces) => pieces.join(''))
  .filter((value) => /Qk[0-9a-f]+q/.test(value));
/** A value as Vault holds it: a string, or a JSON document (as text, or as an object) with hostile leaves. */
export const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: text },
  {
    weight: 1,
    arbitrary: fc
      .record({ password: text, list: fc.array(text, { maxLength: 2 }), n: fc.constant(1) })
      .map((doc) => JSON.stringify(doc)),
  },
  { weight: 1, arbitrary: fc.record({ nested: text, list: fc.array(text, { maxLength: 2 }) }) },
);
export const values = fc.array(value, { minLength: 1, maxLength: 4 });

export function tokensOf(vals: unknown[]): string[] {
  return vals.flatMap((v) => valueText(v).match(TOKEN) ?? []);
}

/** The log as the runner shows it: lines end at CR or LF, commands parsed, add-mask values masked. */
export function runnerView(written: string[]): string {
  const masks: string[] = [];
  const shown: string[] = [];
  for (const line of written.join('\n').split(/\r\n|\r|\n/)) {
    const command = parseCommand(line);
    if (command?.command === 'add-mask') {
      masks.push(command.value);
      continue;
    }
    for (const part of (command ? command.value : line).split(/\r\n|\r|\n/))
      shown.push(maskSecrets(part, masks));
  }
  return shown.join('\n');
}
