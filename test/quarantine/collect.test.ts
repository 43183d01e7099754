import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  FileTable,
  fingerprint,
  RecordWriter,
  RunCollector,
  SpillWriter,
  settleNotPassed,
  spilled,
  streamNotPassed,
  writePassedSuspects,
} from '../../src/quarantine/collect.js';
import { parseJUnitString } from '../../src/quarantine/junit.js';
import { parseQuarantineFile } from '../../src/quarantine/quarantine-file.js';

// The collector holds a fingerprint per test that did not pass and spills the results to disk:
// what it settles must be what holding every result in memory decided.

const suite = (name: string, cases: string) => `<testsuite name="${name}">${cases}</testsuite>`;
const fail = (name: string, message = 'boom') =>
  `<testcase file="f.ts" classname="c" name="${name}"><failure message="${message}"/></testcase>`;
const pass = (name: string) => `<testcase file="f.ts" classname="c" name="${name}"/>`;

async function collect(
  xml: string,
  options: { suspects?: string[]; keep?: number; quarantine?: string } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'q-collect-'));
  const files = new FileTable(new Map());
  const record = new RecordWriter(join(dir, 'record.json.gz'), {
    run: '1',
    attempt: 1,
    sha: 's',
    branch: 'main',
    time: 0,
  });
  const active = options.quarantine ? parseQuarantineFile(options.quarantine, 'q.yml') : [];
  const spillPath = join(dir, 'spill.jsonl');
  const collector = new RunCollector({
    suspects: new Map((options.suspects ?? []).map((id) => [id, id])),
    entries: active,
    files,
    record,
    spill: new SpillWriter(spillPath),
  });
  parseJUnitString(`<testsuites>${xml}</testsuites>`, {
    displayName: 'r.xml',
    onCase: (c) => collector.add(c),
  });
  collector.end();
  const observed: string[] = [];
  const settled = await settleNotPassed(collector, spillPath, {
    active,
    files,
    record,
    keep: options.keep ?? 100,
    observe: (test, code) => observed.push(`${test.id}=${code}`),
  });
  writePassedSuspects(collector, files, record);
  const encoded = record.close(files.files);
  const tests = (
    JSON.parse(gunzipSync(readFileSync(encoded.path)).toString('utf8')) as { tests: Record<string, string> }
  ).tests;
  const stream = async (kind: 'failed' | 'quarantined' | 'flaky') => {
    const ids: string[] = [];
    for await (const { test } of streamNotPassed(collector, spillPath, kind, active)) ids.push(test.id);
    return ids;
  };
  return { collector, settled, tests, observed, stream };
}

describe('run collector with a bounded memory of failures', () => {
  it('a failure in one suite and a pass or retry in another is one failure, written last to the record', async () => {
    const { settled, tests, observed } = await collect(
      suite('A', fail('t1', 'first') + fail('t2') + pass('t2')) +
        suite('B', pass('t1') + fail('t2', 'second')) +
        suite('C', fail('t3') + pass('t3')),
    );
    expect(settled.counts).toEqual({ failures: 2, quarantined: 0, flaky: 1 });
    expect(settled.failures.map((t) => [t.id, t.message])).toEqual([
      ['f.ts::c::t1', 'first'],
      ['f.ts::c::t2', 'second'],
    ]);
    expect(settled.flaky.map((t) => t.id)).toEqual(['f.ts::c::t3']);
    // JSON keeps the last of duplicate keys: the failure wins over the pass written earlier.
    expect(tests).toEqual({ 'f.ts::c::t1': 'F', 'f.ts::c::t2': 'F', 'f.ts::c::t3': 'K' });
    expect(observed).toEqual(['f.ts::c::t1=F', 'f.ts::c::t2=F', 'f.ts::c::t3=K']);
  });

  it('counts every failure but holds only the first `keep` of each kind in full', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => fail(`f${i}`)).join('');
    const quarantined = Array.from({ length: 30 }, (_, i) => fail(`q${i}`)).join('');
    const { collector, settled, stream } = await collect(suite('A', many + quarantined), {
      keep: 10,
      quarantine:
        'quarantine:\n  - id: "f.ts::c::q*"\n    reason: r\n    owner: o\n    expires: 2099-01-01\n',
    });
    expect(settled.counts).toEqual({ failures: 3000, quarantined: 30, flaky: 0 });
    expect(settled.failures).toHaveLength(10);
    expect(settled.quarantined).toHaveLength(10);
    expect(collector.notPassed.size).toBe(3030);
    // The check run's stream still has every one, once, in report order.
    const failed = await stream('failed');
    expect(failed).toHaveLength(3000);
    expect(failed.slice(0, 3)).toEqual(['f.ts::c::f0', 'f.ts::c::f1', 'f.ts::c::f2']);
    expect(await stream('quarantined')).toHaveLength(30);
    expect(await stream('flaky')).toEqual([]);
  });

  it('a suspect that passed is written as a pass, unless it failed elsewhere in the run', async () => {
    const { tests } = await collect(suite('A', pass('s1') + pass('s2')) + suite('B', fail('s2')), {
      suspects: ['f.ts::c::s1', 'f.ts::c::s2'],
    });
    expect(tests).toEqual({ 'f.ts::c::s2': 'F', 'f.ts::c::s1': 'P' });
  });

  it('fingerprints are 96 bits (16 base64 characters) and differ for ids that differ in one character', () => {
    const a = fingerprint('suite::test[1]');
    const b = fingerprint('suite::test[2]');
    expect(Buffer.from(a, 'base64')).toHaveLength(12);
    expect(a).not.toBe(b);
    expect(fingerprint('suite::test[1]')).toBe(a);
  });
});

describe('history record writer', () => {
  it('writes every entry across block boundaries and an entry larger than a block, in one valid gzip stream', () => {
    const dir = mkdtempSync(join(tmpdir(), 'q-record-'));
    const record = new RecordWriter(join(dir, 'record.json.gz'), {
      run: '7',
      attempt: 2,
      sha: 's',
      branch: 'main',
      time: 1,
    });
    const expected: Record<string, string> = {};
    // Multi-byte names near every boundary, then one id of 3 MB (longer than a block).
    for (let i = 0; i < 60_000; i++) {
      const id = `suite::Klasse ü ${i}::名前 ${'x'.repeat(i % 37)}`;
      record.add(id, i % 3 === 0 ? 'F' : 'P', i % 5 === 0 ? undefined : i % 11);
      expected[id] = `${i % 3 === 0 ? 'F' : 'P'}${i % 5 === 0 ? '' : i % 11}`;
    }
    const huge = `h::${'ø'.repeat(1_500_000)}`;
    record.add(huge, 'K', 3);
    expected[huge] = 'K3';
    const encoded = record.close([['a.ts', 'b'.repeat(16)]]);
    const parsed = JSON.parse(gunzipSync(readFileSync(encoded.path)).toString('utf8'));
    expect(parsed).toMatchObject({ v: 1, run: '7', attempt: 2, files: [['a.ts', 'b'.repeat(16)]] });
    expect(parsed.tests).toEqual(expected);
    expect(record.tests).toBe(60_001);
  });
});

describe('spill file', () => {
  it('gives back every result in order, across blocks and with a message longer than a block', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'q-spill-'));
    const spill = new SpillWriter(join(dir, 'spill.jsonl'));
    const written = Array.from({ length: 3000 }, (_, i) => ({
      id: `s::c::t${i} ü`,
      name: `t${i}`,
      message: i === 1500 ? 'é\n'.repeat(700_000) : `boom ${'x'.repeat(i % 900)}`,
    }));
    for (const result of written) spill.add(result as never);
    spill.close();
    spill.close(); // twice is harmless
    const read: unknown[] = [];
    for await (const result of spilled(spill.path)) read.push(result);
    expect(read).toEqual(written);
    expect(spill.lines).toBe(3000);
  });
});
