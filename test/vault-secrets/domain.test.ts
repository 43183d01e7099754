/**
 * The domain pieces on their own: the `secrets` parser, what gets masked, and the fetcher's request
 * pattern (one request per distinct path, one mount lookup per mount, all paths in flight at once)
 * against the Vault API server, or a real Vault when VAULT_ADDR and VAULT_TOKEN are set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, type HttpRequest } from '../../src/net/index.js';
import { fetchSecrets } from '../../src/vault-secrets/fetch-secrets.js';
import { maskParts } from '../../src/vault-secrets/masking.js';
import { normalizeName, parseSecrets, pathKey } from '../../src/vault-secrets/secrets-spec.js';
import { VaultClient } from '../../src/vault-secrets/vault-client.js';
import { type Fixture, fixture, startBackend, type VaultBackend } from './backend.js';

describe('secrets syntax (vault-action compatible)', () => {
  it('parses keys, names, wildcards, prefixes, versions, ; and comments', () => {
    const parsed = parseSecrets(
      [
        'secret/data/ci/aws accessKey | AWS_ACCESS_KEY_ID ; secret/ci/aws secretKey | AWS_SECRET',
        '# a comment',
        '',
        '/secret/app *',
        'secret/app ** | APP_',
        'secret/app?version=3 password',
      ].join('\n'),
    );
    expect(parsed).toEqual([
      {
        path: 'secret/data/ci/aws',
        selector: 'accessKey',
        name: 'AWS_ACCESS_KEY_ID',
        version: undefined,
        line: 1,
      },
      { path: 'secret/ci/aws', selector: 'secretKey', name: 'AWS_SECRET', version: undefined, line: 1 },
      { path: 'secret/app', selector: '*', name: undefined, version: undefined, line: 4 },
      { path: 'secret/app', selector: '**', name: 'APP_', version: undefined, line: 5 },
      { path: 'secret/app', selector: 'password', name: undefined, version: 3, line: 6 },
    ]);
  });

  it.each([
    ['secret/app', 1, 'a path needs a key after it'],
    ['secret/app key |', 1, "nothing after '|'"],
    ['secret/app key | my-name', 1, "'my-name' is not a valid name"],
    ['secret/app key|NAME', 1, "put spaces around '|'"],
    ['secret/app key extra words', 1, "expected 'path key'"],
    ['https://vault/v1/secret/app key', 1, 'not a URL'],
    ['secret/../sys/app key', 1, "'..' segment"],
    ['secret/app?version=0 key', 1, "'?version=N'"],
    ['secret/app?v=1 key', 1, "'?version=N'"],
    ['ok/path key\n\n  bad', 3, 'a path needs a key after it'],
  ])('rejects %j at line %i', (text, line, why) => {
    expect(() => parseSecrets(text)).toThrow(
      new RegExp(`^Input 'secrets', line ${line}: .*${why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });

  it('normalizes keys into names', () => {
    expect(normalizeName('dotted.key', true)).toBe('DOTTED_KEY');
    expect(normalizeName('api-key', false)).toBe('api_key');
    expect(normalizeName('1st', false)).toBe('_1st');
    // A digit is refused only at the start; an empty key still gets a name.
    expect(normalizeName('key2', true)).toBe('KEY2');
    expect(normalizeName('', true)).toBe('_');
  });

  it('reads runs of spaces and tabs as one separator, indented comments, and empty entries (;; or a trailing ;)', () => {
    expect(
      parseSecrets(
        [
          '  # an indented comment',
          'secret/app\t\tkey  |  NAME ;; secret/b  other ;',
          '   ',
          'secret/c k;',
        ].join('\n'),
      ),
    ).toEqual([
      { path: 'secret/app', selector: 'key', name: 'NAME', version: undefined, line: 2 },
      { path: 'secret/b', selector: 'other', name: undefined, version: undefined, line: 2 },
      { path: 'secret/c', selector: 'k', name: undefined, version: undefined, line: 4 },
    ]);
  });

  it('removes every leading and trailing slash of a path, and reads any positive version', () => {
    expect(parseSecrets('//secret/app// key;secret/app?version=1 a;secret/app?version=12 b')).toMatchObject([
      { path: 'secret/app', version: undefined },
      { path: 'secret/app', version: 1 },
      { path: 'secret/app', version: 12 },
    ]);
  });

  it.each([
    ['secret/app | NAME', 'a path needs a key after it'],
    ['secret/app  |  NAME', 'a path needs a key after it'],
    ['secret/app?version=1?x key', "a path has at most one '?'"],
    ['secret/app?xversion=1 key', "the only query is '?version=N'"],
    ['secret/app?version=1x key', "the only query is '?version=N'"],
    ['/ key', "a Vault path such as 'secret/app'"],
    ['?version=2 key', "a Vault path such as 'secret/app'"],
  ])('refuses %j (%s)', (text, why) => {
    expect(() => parseSecrets(text)).toThrow(why);
  });

  it('one request per path and version: the key of a path without a version is the path', () => {
    expect(pathKey({ path: 'secret/app' })).toBe('secret/app');
    expect(pathKey({ path: 'secret/app', version: 2 })).toBe('secret/app?version=2');
  });
});

describe('masking', () => {
  it('masks the value, each line, each JSON leaf (strings and numbers), not booleans or null', () => {
    expect(maskParts('a-long-value')).toEqual(['a-long-value']);
    expect(maskParts('line-one\n  line-two  \n')).toEqual([
      'line-one\n  line-two  \n',
      'line-one',
      'line-two',
    ]);
    const json = JSON.stringify({
      db: { password: 'pw-secret', port: 5432, tls: true, none: null },
      list: ['leaf-1'],
    });
    expect(maskParts(json).sort()).toEqual([json, '5432', 'leaf-1', 'pw-secret'].sort());
    // A KV value that is itself an object (not a string).
    expect(maskParts({ nested: 'inner-secret' }).sort()).toEqual(
      ['{"nested":"inner-secret"}', 'inner-secret'].sort(),
    );
    expect(maskParts('')).toEqual([]);
    expect(maskParts(true)).toEqual([]);
  });
});

describe('fetching', () => {
  let vault: VaultBackend;
  let f: Fixture;
  const paths = 6;

  beforeAll(async () => {
    vault = await startBackend();
    f = await fixture(new URL(vault.addr).hostname);
    await vault.seed({
      ...f.seed,
      writes: [
        ...(f.seed.writes ?? []),
        ...Array.from({ length: paths }, (_, i) => ({
          path: `${f.names.kv2}/bench/p${i}`,
          data: { a: `a-${i}-value`, b: `b-${i}-value`, c: `c-${i}-value` },
        })),
      ],
    });
  });
  afterAll(async () => {
    await f?.issuer.stop();
    await vault?.stop();
  });

  it('sends one request per distinct path and one mount lookup per mount, all paths at once', async () => {
    const calls: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    class CountingHttpClient extends HttpClient {
      override async request(req: HttpRequest) {
        calls.push(new URL(req.url).pathname);
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          return await super.request(req);
        } finally {
          inFlight -= 1;
        }
      }
    }
    const client = new VaultClient(new CountingHttpClient(), new URL(vault.addr), undefined);
    const lines = Array.from({ length: paths }, (_, i) => [
      `${f.names.kv2}/bench/p${i} a | A${i}`,
      `${f.names.kv2}/bench/p${i} b | B${i}`,
      `${f.names.kv2}/bench/p${i} c | C${i}`,
    ]).flat();
    const masked: unknown[] = [];
    const result = await fetchSecrets(client, parseSecrets(lines.join('\n')), {
      token: vault.rootToken,
      ignoreNotFound: false,
      mask: (value) => masked.push(value),
      onLease: () => undefined,
      warn: () => undefined,
    });
    expect(result.secrets).toHaveLength(paths * 3);
    expect(result.secrets.find((s) => s.outputName === 'B4')?.value).toBe('b-4-value');
    expect(calls.filter((p) => p.includes('/sys/internal/ui/mounts/'))).toHaveLength(1);
    const reads = calls.filter((p) => p.includes('/data/bench/'));
    expect(reads).toHaveLength(paths);
    expect(new Set(reads).size).toBe(paths);
    expect(maxInFlight).toBe(paths);
    expect(masked).toHaveLength(paths * 3);
  });

  it('two lines producing the same name are refused, naming both lines', async () => {
    const client = new VaultClient(new HttpClient(), new URL(vault.addr), undefined);
    const requests = parseSecrets(`${f.names.kv2}/app password | X\n${f.names.kv1}/legacy token | X`);
    await expect(
      fetchSecrets(client, requests, {
        token: vault.rootToken,
        ignoreNotFound: false,
        mask: () => undefined,
        onLease: () => undefined,
        warn: () => undefined,
      }),
    ).rejects.toThrow(/^Input 'secrets': line 1 \(.*\) and line 2 \(.*\) both produce the name 'X'/);
  });
});
