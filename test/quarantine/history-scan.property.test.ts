// Property-based tests (fast-check) for reading quarantine history without holding a record whole:
// the streaming record scanner, the typed-array fingerprint table and narrowed detection.
// fast-check prints the seed and the shrunk counterexample on failure; rerun one with FC_SEED=<seed>.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FingerprintTable, RecordWriter } from '../../src/quarantine/collect.js';
import { detectFlakes } from '../../src/quarantine/flakes.js';
import { encodeRecord, parseRecord, type RunRecord } from '../../src/quarantine/history.js';
import { scanRecord } from '../../src/quarantine/record-scan.js';

const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const params = { numRuns: 60, ...(seed === undefined ? {} : { seed }) };

// Ids a hostile report can produce: any code point, and the strings a scanner could mistake for
// structure (quotes, backslashes, the key `tests`, prototype names).
const id = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 4 },
  {
    arbitrary: fc.string({
      unit: fc.constantFrom('"', '\\', ':', ',', '{', '}', 't', 'e', 's'),
      maxLength: 12,
    }),
    weight: 2,
  },
  fc.constantFrom('__proto__', 'constructor', 'tests', '"tests":{', '\\"', 'a\\', '0', '17'),
);
const code = fc.constantFrom('P', 'F', 'K', 'P0', 'F12', 'K3');
const text = fc.string({ unit: 'binary', maxLength: 20 });
const header = fc.record({
  run: text,
  attempt: fc.integer({ min: 1, max: 9 }),
  sha: text,
  branch: fc.oneof(text, fc.constant('tests')),
  time: fc.integer({ min: 0, max: 2 ** 41 }),
  files: fc.array(fc.tuple(fc.oneof(text, fc.constant('"tests":{')), text), { maxLength: 4 }),
  // A field a later version might add, holding its own `tests` key one level down.
  extra: fc.option(fc.record({ tests: fc.dictionary(id, code, { maxKeys: 3 }) }), { nil: undefined }),
});
/** Entries in writing order; an id may come twice (the collector writes held results last). */
const entries = fc.array(fc.tuple(id, code), { maxLength: 60 });

const sorted = (tests: Record<string, string>) =>
  Object.entries(tests).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

async function scan(bytes: Buffer, chunkSize: number) {
  const tests: Record<string, string> = Object.create(null);
  const found = await scanRecord(
    bytes,
    (key, value) => {
      tests[key] = value;
    },
    { chunkSize },
  );
  return found && { ...found, tests };
}

/** The three shapes a stored record has: the collector's stream, JSON.stringify's, and pretty-printed. */
function encodings(h: Omit<RunRecord, 'v' | 'tests'>, list: [string, string][]): Buffer[] {
  const writer = new RecordWriter(join(mkdtempSync(join(tmpdir(), 'q-scan-')), 'r.json.gz'), h);
  for (const [key, value] of list)
    writer.add(key, value[0] as 'P', value.length > 1 ? Number(value.slice(1)) : undefined);
  const stream = readFileSync(writer.close(h.files).path);
  const tests: Record<string, string> = Object.create(null);
  for (const [key, value] of list) tests[key] = value;
  const record: RunRecord = { v: 1, ...h, tests };
  return [stream, encodeRecord(record), gzipSync(JSON.stringify(record, null, 2))];
}

describe('streaming record scanner', () => {
  it('visits exactly the entries JSON.parse keeps (last one wins) and returns the same header, in every shape, at any chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(header, entries, fc.integer({ min: 64, max: 4096 }), async (h, list, chunkSize) => {
        for (const bytes of encodings(h, list)) {
          const expected = parseRecord(bytes);
          expect(expected).toBeDefined();
          const { tests, ...rest } = (await scan(bytes, chunkSize))!;
          const { tests: expectedTests, ...expectedRest } = expected!;
          expect(sorted(tests)).toEqual(sorted(expectedTests));
          expect(rest).toEqual(expectedRest);
        }
      }),
      params,
    );
  });

  it('with notPassed it visits every id whose entry is not a pass, and no id that only passed; with ids, exactly those ids, last one winning', async () => {
    await fc.assert(
      fc.asyncProperty(
        header,
        entries,
        fc.integer({ min: 64, max: 4096 }),
        fc.array(id, { maxLength: 10 }),
        async (h, list, chunkSize, some) => {
          const wanted = new Set([...some, ...list.filter((_, i) => i % 3 === 0).map(([key]) => key)]);
          for (const bytes of encodings(h, list)) {
            const whole = parseRecord(bytes)!;
            const failing = new Set<string>();
            await scanRecord(
              bytes,
              (key, value) => {
                expect(value[0]).not.toBe('P');
                failing.add(key);
              },
              { chunkSize, notPassed: true },
            );
            for (const [key, value] of Object.entries(whole.tests))
              if (value[0] !== 'P') expect(failing.has(key)).toBe(true);
            for (const key of failing) expect(list.some(([k, v]) => k === key && v[0] !== 'P')).toBe(true);
            const only: Record<string, string> = Object.create(null);
            await scanRecord(
              bytes,
              (key, value) => {
                only[key] = value;
              },
              { chunkSize, ids: wanted },
            );
            expect(sorted(only)).toEqual(sorted(whole.tests).filter(([key]) => wanted.has(key)));
          }
        },
      ),
      params,
    );
  });

  it('a damaged record (cut short, or a byte changed) is refused whenever JSON.parse refuses it, and read the same when it does not', async () => {
    await fc.assert(
      fc.asyncProperty(
        header,
        entries,
        fc.nat(),
        fc.oneof(fc.constant('cut' as const), fc.constant('flip' as const)),
        fc.integer({ min: 1, max: 255 }),
        async (h, list, at, how, xor) => {
          const good = encodings(h, list)[0]!;
          const bytes = Buffer.from(good);
          const position = at % bytes.length;
          const damaged = how === 'cut' ? bytes.subarray(0, position) : bytes;
          if (how === 'flip') damaged[position]! ^= xor;
          const expected = parseRecord(damaged);
          const found = await scan(damaged, 128);
          if (expected === undefined) expect(found).toBeUndefined();
          else {
            expect(found).toBeDefined();
            expect(sorted(found!.tests)).toEqual(sorted(expected.tests));
          }
        },
      ),
      params,
    );
  });
});

describe('the failed index ahead of the tests', () => {
  it('the first pass reads a record only up to its index: a record cut after it still gives its suspects', async () => {
    const h = {
      run: '9',
      attempt: 1,
      sha: 's',
      branch: 'main',
      time: 5,
      files: [['a.ts', 'b'] as [string, string]],
    };
    const list: [string, string][] = [
      ['t::ok', 'P0'],
      ['t::bad', 'F0'],
      ['t::retried', 'K'],
      ['t::bad', 'F0'],
    ];
    for (let i = 0; i < 50_000; i++) list.push([`t::pass ${i}`, 'P0']);
    const [stream] = encodings(h, list);
    const whole = gunzipSync(stream!).toString('utf8');
    expect(whole.indexOf('"failed":["t::bad","t::retried","t::bad"],"tests":{')).toBeGreaterThan(0);
    // Cut deep in the tests section: a full read refuses it, the first pass never gets there.
    const cut = gzipSync(whole.slice(0, whole.length / 2));
    expect(await scan(cut, 16_384)).toBeUndefined();
    const seen: string[] = [];
    const found = await scanRecord(cut, (key) => seen.push(key), { notPassed: true });
    expect(found).toEqual({ v: 1, run: '9', attempt: 1, sha: 's', branch: 'main', time: 5, files: [] });
    expect(seen).toEqual(['t::bad', 't::retried', 't::bad']);
  });
});

describe('fingerprint table', () => {
  it('answers as a Map from id to state would, through growth, for any ids', () => {
    const op = fc.oneof(
      fc.tuple(fc.constant('raise' as const), id, fc.integer({ min: 1, max: 2 })),
      fc.tuple(fc.constant('set' as const), id, fc.integer({ min: 1, max: 15 })),
      fc.tuple(fc.constant('get' as const), id, fc.constant(0)),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        const table = new FingerprintTable();
        const model = new Map<string, number>();
        for (const [kind, key, state] of ops) {
          if (kind === 'raise') model.set(key, Math.max(model.get(key) ?? 0, state));
          if (kind === 'set') model.set(key, state);
          if (kind !== 'get') table[kind](key, state);
          expect(table.get(key)).toBe(model.get(key) ?? 0);
        }
        expect(table.size).toBe(model.size);
        for (const [key, state] of model) expect(table.get(key)).toBe(state);
      }),
      { ...params, numRuns: 20 },
    );
  });
});

describe('narrowed history', () => {
  // What the action does: earlier records keep only the tests that did not pass somewhere in them,
  // and the tests that did not pass in this run; this run's record holds those (and the suspects).
  it('detection over narrowed records equals detection over whole records, by id and by family', () => {
    const testId = fc.constantFrom('f::c::a', 'f::c::b', 'f::c::b[1]', 'f::c::b[2]', 'g::c::d', 'g::c::e');
    const record = fc.record({
      sha: fc.constantFrom('s1', 's2', 's3'),
      tests: fc.dictionary(testId, fc.constantFrom('P', 'F', 'K', 'P0', 'F0', 'P1', 'F1'), { maxKeys: 6 }),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), (window) => {
        const records: RunRecord[] = window.map((r, i) => ({
          v: 1,
          run: String(i),
          attempt: 1,
          sha: r.sha,
          branch: 'main',
          time: i,
          files: [
            ['f', `h${i % 2}`],
            ['g', 'h'],
          ],
          tests: r.tests,
        }));
        const current = records.at(-1)!;
        const earlier = records.slice(0, -1);
        const suspects = new Set(
          earlier.flatMap((r) =>
            Object.entries(r.tests)
              .filter(([, v]) => v[0] !== 'P')
              .map(([k]) => k),
          ),
        );
        // This run's record as the action builds it: its failures, and its passes of suspects.
        const narrowedCurrent = {
          ...current,
          tests: Object.fromEntries(
            Object.entries(current.tests).filter(([k, v]) => v[0] !== 'P' || suspects.has(k)),
          ),
        };
        const keep = (k: string) => suspects.has(k) || (narrowedCurrent.tests[k] ?? 'P')[0] !== 'P';
        const narrowed = earlier.map((r) => ({
          ...r,
          tests: Object.fromEntries(Object.entries(r.tests).filter(([k]) => keep(k))),
        }));
        for (const by of ['id', 'family'] as const)
          expect(detectFlakes([...narrowed, narrowedCurrent], { by })).toEqual(detectFlakes(records, { by }));
      }),
      { ...params, numRuns: 300 },
    );
  });
});
