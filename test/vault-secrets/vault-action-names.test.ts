import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/runtime/errors.js';
import { parseSecrets, vaultActionName, wildcardNames } from '../../src/vault-secrets/secrets-spec.js';

describe("vault-action's naming (normalizeOutputKey) in the vault-action surface", () => {
  it.each([
    ['secret.foo', 'secret__foo', 'SECRET__FOO'],
    ['secret.foo.bar', 'secret__foo__bar', 'SECRET__FOO__BAR'],
    ['other-Secret-dash', 'otherSecretdash', 'OTHERSECRETDASH'],
    ['测试', '测试', '测试'],
    ['key.value', 'key__value', 'KEY__VALUE'],
    ['a b!c=d<e', 'abcde', 'ABCDE'],
  ])('%s → output %s, variable %s', (key, output, env) => {
    expect(vaultActionName(key, false)).toBe(output);
    expect(vaultActionName(key, true)).toBe(env);
  });

  it('under * the output keeps the case and the variable is upper-cased; ** keeps both; a prefix goes first', () => {
    expect(wildcardNames({ selector: '*' }, 'secret.foo', 'vault-action')).toEqual({
      output: 'secret__foo',
      env: 'SECRET__FOO',
    });
    expect(wildcardNames({ selector: '**' }, 'zip', 'vault-action')).toEqual({ output: 'zip', env: 'zip' });
    expect(wildcardNames({ selector: '*', name: 'GROUP_' }, 'secret', 'vault-action')).toEqual({
      output: 'GROUP_secret',
      env: 'GROUP_SECRET',
    });
    // Gantry's own surface keeps its documented naming.
    expect(wildcardNames({ selector: '*' }, 'secret.foo', 'gantry')).toEqual({
      output: 'SECRET_FOO',
      env: 'SECRET_FOO',
    });
  });

  it('property: a name made from any key holds only letters, digits and _ (nothing the runner’s output or env file misreads)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (key, upper) => {
        expect(vaultActionName(key, upper)).toMatch(/^[\p{L}\p{N}_]*$/u);
      }),
      { numRuns: 500, verbose: true },
    );
  });

  it('property: keys of letters, digits and _ in any script keep their name, so two such keys never collide (as 测试 and 测验 did)', () => {
    const letter = fc.constantFrom(...'a_Z9测试验ñßΩж٣'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: letter, minLength: 1 }), (key) => {
        expect(vaultActionName(key, false)).toBe(key);
      }),
      { numRuns: 500, verbose: true },
    );
  });

  it('parses key|NAME without spaces, quoted keys, and names such as my-name; refuses what the runner cannot read back', () => {
    expect(parseSecrets('secret/data/app "other-Secret-dash"|my-name', 'vault-action')).toEqual([
      {
        path: 'secret/data/app',
        selector: 'other-Secret-dash',
        name: 'my-name',
        line: 1,
        version: undefined,
      },
    ]);
    expect(() => parseSecrets('secret/data/app key | two words', 'vault-action')).toThrow(ConfigurationError);
    // Gantry's surface still refuses these, as documented.
    expect(() => parseSecrets('secret/data/app key|NAME', 'gantry')).toThrow(ConfigurationError);
  });
});
