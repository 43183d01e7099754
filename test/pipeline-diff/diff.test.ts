// Unit and property-based tests (fast-check) of the record diff and the configuration hashing.
// fast-check prints the seed and the shrunk counterexample on failure; rerun one with FC_SEED=<seed>.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedNames, diffRecords, tripped } from '../../src/pipeline-diff/diff.js';
import { hashConfig, looksSecret } from '../../src/pipeline-diff/environment.js';
import { compactPackages } from '../../src/pipeline-diff/fingerprint.js';
import {
  decodePipelineRecord,
  encodePipelineRecord,
  type PipelineRecord,
} from '../../src/pipeline-diff/record.js';
import { DirHistory } from '../../src/history/index.js';
import { PIPELINE_RECORDS } from '../../src/pipeline-diff/record.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const params = { numRuns: 100, ...(seed === undefined ? {} : { seed }) };

type Tuple = [string, string, number];
const tuple = fc.tuple(
  fc.constantFrom('a', 'b', 'c', 'd', '@s/x', 'Z'),
  fc.constantFrom('1.0.0', '1.0.1', '2.0.0', '0.9'),
  fc.constantFrom(-1, 0, 1),
);

function namesBySet(a: Tuple[], b: Tuple[]): Set<string> {
  const key = (p: Tuple) => p.join('\0');
  const inA = new Set(a.map(key));
  const inB = new Set(b.map(key));
  return new Set(
    [...a.filter((p) => !inB.has(key(p))), ...b.filter((p) => !inA.has(key(p)))].map((p) => p[0]),
  );
}

const sortTuples = (list: Tuple[]) =>
  compactPackages(
    list.map(([name, version, d]) => ({
      name,
      version,
      ecosystem: 'npm',
      ...(d === -1 ? {} : { direct: d === 1 }),
    })),
  );

function record(over: Partial<PipelineRecord>): PipelineRecord {
  return {
    v: 1,
    branch: 'main#.github/workflows/ci.yml',
    run: '1',
    attempt: 1,
    time: 0,
    sha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    event: 'push',
    repository: 'acme/app',
    workflow: '.github/workflows/ci.yml',
    url: '',
    files: {},
    uses: {},
    lockfiles: {},
    images: {},
    runner: {},
    toolchain: {},
    config: { env: {}, vars: {} },
    notes: [],
    ...over,
  };
}

describe('record diff', () => {
  it('property: the merge walk finds exactly the names a set comparison finds, sorted or not', () => {
    fc.assert(
      fc.property(
        fc.array(tuple, { maxLength: 30 }),
        fc.array(tuple, { maxLength: 30 }),
        fc.boolean(),
        (a, b, sort) => {
          const [x, y] = sort ? [sortTuples(a), sortTuples(b)] : [a, b];
          expect([...changedNames(x, y)].sort()).toEqual([...namesBySet(x, y)].sort());
        },
      ),
      params,
    );
  });

  it('a second copy of a locked version (the same version at two paths) is no change, as in a set', () => {
    // fast-check seed 1612499525 in a clean-clone CI run: the merge walk reported 'c' changed.
    expect([
      ...changedNames(
        [['c', '0.9', -1]],
        [
          ['c', '0.9', -1],
          ['c', '0.9', -1],
        ],
      ),
    ]).toEqual([]);
    expect([
      ...changedNames(
        [
          ['c', '0.9', -1],
          ['c', '0.9', -1],
        ],
        [['c', '1.0', -1]],
      ),
    ]).toEqual(['c']);
  });

  it('property: an unchanged lockfile (same blob) yields no change, whatever its packages', () => {
    fc.assert(
      fc.property(fc.array(tuple, { maxLength: 30 }), (list) => {
        const lockfiles = {
          'package-lock.json': { blob: 'b1', kind: 'npm', ecosystem: 'npm', packages: sortTuples(list) },
        };
        const diff = diffRecords(record({ lockfiles }), record({ lockfiles }));
        expect(diff.dependencies).toEqual([]);
        expect(diff.lockfiles).toEqual([]);
      }),
      params,
    );
  });

  it('a moved tag, a digest under the same tag, a new uses line and a hash-only lockfile each land in their category', () => {
    const base = record({
      uses: {
        'x/y@v1': { commit: '1'.repeat(40), from: ['ci.yml'] },
        'x/z@v2': { commit: '3'.repeat(40), from: ['ci.yml'] },
      },
      images: {
        'node:22': { digest: 'sha256:aa', from: ['Dockerfile'] },
        'db:1': { error: 'unreachable', from: [] },
      },
      lockfiles: { 'flake.lock': { blob: 'f1' } },
    });
    const head = record({
      run: '2',
      uses: {
        'x/y@v1': { commit: '2'.repeat(40), from: ['ci.yml'] },
        'x/z@v3': { commit: '4'.repeat(40), from: ['ci.yml'] },
      },
      images: {
        'node:22': { digest: 'sha256:bb', from: ['Dockerfile'] },
        'db:1': { digest: 'sha256:cc', from: [] },
      },
      lockfiles: { 'flake.lock': { blob: 'f2' } },
    });
    const diff = diffRecords(base, head);
    expect(diff.movedActionTags.map((m) => m.uses)).toEqual(['x/y@v1']);
    expect(diff.usesChanged).toEqual([
      { name: 'x/z@v2', change: 'removed', commit: '3'.repeat(40) },
      { name: 'x/z@v3', change: 'added', commit: '4'.repeat(40) },
    ]);
    // An image that did not resolve before is not reported as moved.
    expect(diff.imageDigests.map((i) => i.image)).toEqual(['node:22']);
    expect(diff.lockfiles).toEqual([
      { file: 'flake.lock', change: 'modified', note: 'recorded by content hash' },
    ]);
    expect(tripped(diff, ['moved-action-tag', 'runner', 'dependencies', 'any'])).toEqual([
      'moved-action-tag',
      'dependencies',
      'any',
    ]);
  });

  it('a record survives encode and decode; foreign and damaged bytes decode to nothing', () => {
    const r = record({
      lockfiles: {
        'a/Cargo.lock': { blob: 'x', kind: 'cargo', ecosystem: 'cargo', packages: [['serde', '1.0.0', -1]] },
      },
    });
    expect(decodePipelineRecord(encodePipelineRecord(r))).toEqual(r);
    for (const bad of [
      '',
      'null',
      '[]',
      '{"v":1}',
      '{"v":1,"kind":"gantry-pipeline-record","branch":1}',
      '\u001f\u008bjunk',
    ])
      expect(decodePipelineRecord(Buffer.from(bad, 'latin1'))).toBeUndefined();
  });

  it('the shared dir store keeps pipeline records per stream and picks them by run before reading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdiff-store-'));
    const store = new DirHistory(PIPELINE_RECORDS, dir);
    for (let run = 1; run <= 4; run++) await store.append(record({ run: String(run), time: run }), 3);
    await store.append(record({ run: '9', time: 9, branch: 'main#.github/workflows/other.yml' }), 3);
    writeFileSync(
      join(dir, `${encodeURIComponent('main#.github/workflows/ci.yml')}@${'0'.repeat(14)}5-7-1.json.gz`),
      'junk',
    );
    expect((await store.load('main#.github/workflows/ci.yml', 10)).map((r) => r.run)).toEqual([
      '2',
      '3',
      '4',
    ]);
    expect(
      (await store.load('main#.github/workflows/ci.yml', 10, (k) => k.run === '3')).map((r) => r.run),
    ).toEqual(['3']);
    expect((await store.load('main#.github/workflows/other.yml', 10)).map((r) => r.run)).toEqual(['9']);
  });
});

describe('configuration hashing', () => {
  const options = {
    isMasked: (v: string) => v === 'masked-in-this-step',
    excluded: (n: string) => n === 'SKIP',
  };

  it('property: a value under a credential-like name is never hashed, whatever the value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'API_TOKEN',
          'DB_PASSWORD',
          'AWS_SECRET_ACCESS_KEY',
          'npm-auth',
          'SSH_PRIVATE_KEY',
          'GH_PAT',
          'SENTRY_DSN',
        ),
        fc.string({ maxLength: 40 }),
        (name, value) => {
          expect(hashConfig({ [name]: value }, options)).toEqual({ [name]: 'secret' });
        },
      ),
      params,
    );
  });

  it('credential-looking values are secret under any name; ordinary values are hashed; excluded names vanish', () => {
    for (const value of [
      'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      'github_pat_11AAAAAAA0abcdefghijkl',
      'AKIAIOSFODNN7EXAMPLE',
      'https://user:pa55@example.com/x',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nabc',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
      'kF9xQ2mZ7pL4vR8tW1yB6nC3hJ5',
      'masked-in-this-step',
    ])
      expect(hashConfig({ CONFIG: value }, options), value).toEqual({ CONFIG: 'secret' });
    for (const value of [
      'eu-west-1',
      'true',
      'ghcr.io/acme/app',
      'a'.repeat(40),
      '1.2.3',
      'Release build for production',
    ])
      expect(looksSecret(value), value).toBe(false);
    expect(hashConfig({ REGION: 'eu', SKIP: 'x' }, options)).toEqual({
      REGION: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
  });
});
