// What vault-secrets registers as masks for a value read from Vault, judged by what a log then shows.
// Property tests state their invariant in the name; fast-check prints the seed when one fails.
//
// Mutants of src/vault-secrets/masking.ts that survive these tests are equivalent (same behaviour):
// - `typeof node === 'number' && Number.isFinite(node)` -> `true && Number.isFinite(node)`:
//   Number.isFinite is false for anything but a number.
// - `else if (Array.isArray(node))` -> `else if (false)`: an array then takes the object branch, and
//   Object.values of an array is its elements in order.
// - `node && typeof node === 'object'` -> `node && true`: the remaining truthy non-objects (true,
//   Infinity) have no own values, so nothing is added either way.
// - `if (parsed !== undefined) walk(parsed)` -> `if (true)`: walk(undefined) adds nothing.
// - `catch { return undefined; }` -> `catch {}`: the function then ends and returns undefined anyway.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/runtime/text.js';
import { SHORT_SECRET_LENGTH } from '../../src/vault-secrets/constants.js';
import { isShort, maskParts, valueText } from '../../src/vault-secrets/masking.js';

const runs = { numRuns: 200 };

/** The log as the runner shows it once every part is registered as a mask. */
const logShows = (line: string, value: unknown) => maskSecrets(line, maskParts(value));

describe('maskParts', () => {
  it('secrets abc and abcdef from one value never show as ***def', () => {
    const value = { user: 'abc', password: 'abcdef' };
    expect(logShows('login abcdef as abc', value)).toBe('login *** as ***');
    expect(logShows('login abcdef as abc', JSON.stringify(value))).toBe('login *** as ***');
    expect(logShows('abcdef', 'abc\nabcdef')).toBe('***');
  });

  it('a numeric value read whole is masked, at the top level and as a JSON leaf', () => {
    expect(maskParts(12345678)).toEqual(['12345678']);
    expect(maskParts(0.5)).toEqual(['0.5']);
    expect(logShows('pin 4711 accepted', { pin: 4711 })).toBe('pin *** accepted');
    expect(logShows('pin 4711 accepted', '{"pin": 4711}')).toBe('pin *** accepted');
  });

  it('a number that is not finite is not a secret', () => {
    expect(maskParts(Number.NaN)).toEqual([]);
    expect(maskParts(Number.POSITIVE_INFINITY)).toEqual([]);
  });

  it('the leaves of a JSON array are masked, given as text or as a value', () => {
    expect(maskParts('["alpha-secret", "beta-secret"]')).toEqual(
      expect.arrayContaining(['alpha-secret', 'beta-secret']),
    );
    expect(logShows('using beta-secret', ['alpha-secret', 'beta-secret'])).toBe('using ***');
    expect(logShows('using beta-secret', '[["alpha-secret"], {"b": "beta-secret"}]')).toBe('using ***');
  });

  it('JSON with leading or trailing whitespace is still looked into', () => {
    const text = '\n  {"token": "tok-secret-1"}\n';
    expect(maskParts(text)).toEqual(expect.arrayContaining(['tok-secret-1']));
    expect(maskParts(' \t["arr-secret-1"] ')).toEqual(expect.arrayContaining(['arr-secret-1']));
  });

  it('a whitespace-only value, or a blank line, is never a mask', () => {
    expect(maskParts('   ')).toEqual([]);
    expect(maskParts(' \t\r\n ')).toEqual([]);
    expect(maskParts({ a: '  ', b: '\n' })).toEqual(['{"a":"  ","b":"\\n"}']);
    expect(maskParts('first-line\n   \n\nsecond-line')).toEqual([
      'first-line\n   \n\nsecond-line',
      'first-line',
      'second-line',
    ]);
  });

  it('booleans and null are not secrets', () => {
    expect(maskParts(true)).toEqual([]);
    expect(maskParts(null)).toEqual([]);
    expect(maskParts({ on: true, off: false, none: null })).toEqual(['{"on":true,"off":false,"none":null}']);
    expect(logShows('enabled: true', '{"enabled": true}')).toBe('enabled: true');
  });

  it('only objects and arrays are looked into: a quoted string is masked as written', () => {
    expect(maskParts('"hunter22"')).toEqual(['"hunter22"']);
    expect(maskParts('not json {')).toEqual(['not json {']);
    expect(maskParts('{not: json}')).toEqual(['{not: json}']);
  });

  // JSON values whose strings often span lines, carry blanks or look like JSON themselves.
  const leafText = fc.oneof(
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.constantFrom(
      'multi\nline-secret',
      ' padded-secret ',
      '  ',
      '{"inner": "deep-secret"}',
      '[ "in-array" ]',
    ),
  );
  const jsonValue = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      leafText,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 6 }), tie('node'), { maxKeys: 4 }),
    ),
  })).node;

  /** What a reader should never see: each non-blank line of each string leaf, each finite number. */
  const leaves = (node: unknown): string[] => {
    if (typeof node === 'string') {
      const inner = (() => {
        const t = node.trim();
        if (!t.startsWith('{') && !t.startsWith('[')) return [];
        try {
          return leaves(JSON.parse(t));
        } catch {
          return [];
        }
      })();
      return [...node.split(/\r?\n/).filter((line) => line.trim() !== ''), ...inner];
    }
    if (typeof node === 'number') return [String(node)];
    if (node && typeof node === 'object') return Object.values(node).flatMap(leaves);
    return [];
  };

  it('every string line and number of a JSON value is hidden once its parts are masked', () => {
    fc.assert(
      fc.property(jsonValue, fc.constantFrom('', '  ', '\n'), (value, pad) => {
        // A container also arrives as JSON text; a string's JSON (a quoted string) is not looked into.
        const given =
          value !== null && typeof value === 'object' ? [value, pad + JSON.stringify(value) + pad] : [value];
        // Leaves made only of asterisks are left out: the mask itself shows them.
        const visible = leaves(value)
          .map((leaf) => leaf.trim())
          .filter((leaf) => /[^*]/.test(leaf));
        for (const g of given)
          for (const leaf of visible) expect(logShows(`\u0000${leaf}\u0000`, g)).not.toContain(leaf);
      }),
      runs,
    );
  });

  it('no registered part is blank', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        for (const part of [...maskParts(value), ...maskParts(JSON.stringify(value))])
          expect(part.trim()).not.toBe('');
      }),
      runs,
    );
  });
});

describe('valueText', () => {
  it('hands strings on as they are and anything else as JSON', () => {
    expect(valueText('as is "quoted"')).toBe('as is "quoted"');
    expect(valueText('')).toBe('');
    expect(valueText(42)).toBe('42');
    expect(valueText({ a: [1, 'b'] })).toBe('{"a":[1,"b"]}');
    expect(valueText(true)).toBe('true');
  });
});

describe('isShort', () => {
  it(`a part shorter than ${SHORT_SECRET_LENGTH} characters is short, one of ${SHORT_SECRET_LENGTH} is not`, () => {
    expect(isShort('x'.repeat(SHORT_SECRET_LENGTH - 1))).toBe(true);
    expect(isShort('x'.repeat(SHORT_SECRET_LENGTH))).toBe(false);
    expect(isShort('x'.repeat(SHORT_SECRET_LENGTH + 5))).toBe(false);
  });
});
