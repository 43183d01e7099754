import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/runtime/errors.js';
import {
  explicitNames,
  isWildcard,
  parseSecrets,
  vaultActionName,
  wildcardNames,
} from '../../src/vault-secrets/secrets-spec.js';

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

  it('property: a name made from any key holds only letters (with their combining marks), digits and _ (nothing the runner’s output or env file misreads)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (key, upper) => {
        // Upper-casing a letter can give a letter and a combining mark ('ΰ' -> 'Ϋ́'), as it does in
        // vault-action: harmless to the runner, which misreads only '=', '<', line breaks, controls.
        expect(vaultActionName(key, upper)).toMatch(/^[\p{L}\p{M}\p{N}_]*$/u);
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

describe("vault-action's secrets parser (parseSecretsInput), each rule", () => {
  const parse = (text: string) => parseSecrets(text, 'vault-action');
  it.each([
    ['test key|', "nothing after '|'"],
    ['x|', "nothing after '|'"],
    ['|', "nothing after '|'"],
    ['|testName', "expected 'path key'"],
    ['a b c', "expected 'path key'"],
    ['a', "expected 'path key'"],
    ['secret/app foo@bar | X', 'is not a valid JSONata expression'],
    ['secret/app $uppercase(x)', 'a JSONata selector needs a name'],
    ['secret/app a[0]', 'a JSONata selector needs a name'],
    ['secret/app other-Secret-dash', 'a JSONata selector needs a name'],
    ['secret/app ""', 'the key is empty'],
    ['secret/app key | A=B', "'A=B' cannot name an output or a variable"],
    ['secret/app key | A<B', "'A<B' cannot name an output or a variable"],
    ['secret/app key | "A"', `'"A"' cannot name an output or a variable`],
    ['secret/../sys key', 'not a plain Vault path'],
    ['secret/app?version=x key', "'?version=N'"],
  ])('%s is refused (%s)', (text, why) => {
    expect(() => parse(text)).toThrow(ConfigurationError);
    expect(() => parse(text)).toThrow(why);
  });

  it('selectors: quotes removed, a "." makes a JSONata expression, wildcards and named expressions pass', () => {
    const [quoted, dotted, star, quotedStar, named, backtick, version] = parse(
      [
        'secret/app "other-Secret-dash"',
        'secret/app key.value',
        '/secret/app/ *',
        'secret/app "*"|P_',
        'secret/app $uppercase(x)|UP',
        'secret/app `secret.foo`|DOT',
        'secret/app?version=2 key',
      ].join(';'),
    );
    expect(quoted).toMatchObject({
      path: 'secret/app',
      selector: 'other-Secret-dash',
      expression: undefined,
    });
    expect(dotted).toMatchObject({ selector: 'key.value', expression: 'key.value' });
    expect(star).toMatchObject({ path: 'secret/app', selector: '*', expression: undefined, name: undefined });
    expect(quotedStar).toMatchObject({ selector: '*', name: 'P_', expression: undefined });
    expect(named).toMatchObject({ selector: '$uppercase(x)', name: 'UP', expression: undefined });
    expect(backtick).toMatchObject({ selector: '`secret.foo`', expression: '`secret.foo`', name: 'DOT' });
    expect(version).toMatchObject({ path: 'secret/app', version: 2, selector: 'key' });
  });

  it('explicit names per surface, and a wildcard named after itself has no prefix', () => {
    expect(explicitNames({ selector: 'other-Secret-dash' }, 'vault-action')).toEqual({
      output: 'otherSecretdash',
      env: 'OTHERSECRETDASH',
    });
    expect(explicitNames({ selector: 'other-Secret-dash' }, 'gantry')).toEqual({
      output: 'other_Secret_dash',
      env: 'OTHER_SECRET_DASH',
    });
    expect(explicitNames({ selector: 'x', name: 'my-name' }, 'vault-action')).toEqual({
      output: 'my-name',
      env: 'my-name',
    });
    expect(wildcardNames({ selector: '*', name: '*' }, 'Key', 'vault-action')).toEqual({
      output: 'Key',
      env: 'KEY',
    });
  });
});

describe('wildcards in the vault-action surface', () => {
  it('* and ** need no name; isWildcard knows both and nothing else', () => {
    expect(parseSecrets('secret/app **;secret/app *', 'vault-action')).toMatchObject([
      { selector: '**', name: undefined },
      { selector: '*', name: undefined },
    ]);
    expect(isWildcard({ selector: '*' })).toBe(true);
    expect(isWildcard({ selector: '**' })).toBe(true);
    expect(isWildcard({ selector: '***' })).toBe(false);
    expect(isWildcard({ selector: 'key' })).toBe(false);
  });

  it('runs of whitespace separate the path and the key, and around the last | (on either side or none)', () => {
    expect(
      parseSecrets(
        'secret/app \t key |X;secret/app key| Y;secret/app  key  |  Z;secret/app key',
        'vault-action',
      ),
    ).toMatchObject([
      { path: 'secret/app', selector: 'key', name: 'X' },
      { path: 'secret/app', selector: 'key', name: 'Y' },
      { path: 'secret/app', selector: 'key', name: 'Z' },
      { path: 'secret/app', selector: 'key', name: undefined },
    ]);
  });

  it('a name must be readable back in full: a bad character at its start or end is refused too', () => {
    for (const name of ['=A', 'A=', '<A', 'A>', 'A\u0007']) {
      expect(() => parseSecrets(`secret/app key | ${name}`, 'vault-action'), name).toThrow(
        'cannot name an output or a variable',
      );
    }
    expect(parseSecrets('secret/app key | ä-ö.1', 'vault-action')[0]?.name).toBe('ä-ö.1');
  });
});
