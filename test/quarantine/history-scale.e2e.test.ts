import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DirHistory } from '../../src/history/index.js';
import { parseRecord, RUN_RECORDS, type RunRecord } from '../../src/quarantine/history.js';
import { runAction } from '../harness/index.js';

// The history of a big suite: each earlier run's record names every test that ran (300,000 here;
// a million-test suite's record is about 100 MB of JSON). The action must read a window of them
// without holding them: under a 48 MB heap the run still completes and still finds the flip.
const TESTS_PER_RECORD = 300_000;
const HEAP_MB = 48;

const report = (outcome: 'pass' | 'fail') =>
  `<?xml version="1.0"?><testsuites><testsuite name="s">` +
  `<testcase classname="c" name="x" file="src/x.test.ts">${outcome === 'fail' ? '<failure message="boom"/>' : ''}</testcase>` +
  `<testcase classname="c" name="y" file="src/x.test.ts"/></testsuite></testsuites>`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

async function run(ws: string, runId: string, env: Record<string, string> = {}) {
  return runAction({
    action: 'quarantine',
    workspace: ws,
    inputs: { history: 'dir', 'history-dir': '.history', reports: 'reports/*.xml', mode: 'report' },
    env: { GITHUB_SHA: `sha-${runId}`, GITHUB_REF_NAME: 'main', GITHUB_RUN_ID: runId, ...env },
  });
}

describe('quarantine history at scale (dist/quarantine through the runner harness)', () => {
  it(`reads a window of ${TESTS_PER_RECORD.toLocaleString('en')}-test records under a ${HEAP_MB} MB heap and still finds a flip on an unchanged file`, async () => {
    const ws = mkdtempSync(join(tmpdir(), 'q-history-scale-'));
    mkdirSync(join(ws, 'src'));
    mkdirSync(join(ws, 'reports'));
    writeFileSync(join(ws, 'src/x.test.ts'), 'test("x", () => {});\n');
    git(ws, 'init', '--quiet', '-b', 'main');
    git(ws, 'add', 'src');
    git(ws, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'tests');

    // Run 1, for real: x passes; its record gives the ids and the file's content hash.
    writeFileSync(join(ws, 'reports/junit.xml'), report('pass'));
    const first = await run(ws, '1');
    expect(first.main.exitCode).toBe(0);
    const [name] = readdirSync(join(ws, '.history'));
    const seed = parseRecord(readFileSync(join(ws, '.history', name!)))!;
    expect(Object.keys(seed.tests)).toEqual(['src/x.test.ts::c::x', 'src/x.test.ts::c::y']);

    // Runs 2 to 4: the same two tests passing among 300,000 others (some failing, elsewhere).
    const store = new DirHistory<RunRecord>(RUN_RECORDS, join(ws, '.history'));
    for (let n = 2; n <= 4; n++) {
      const tests: Record<string, string> = { ...seed.tests };
      for (let i = 0; i < TESTS_PER_RECORD; i++)
        tests[`src/gen/suite${i % 997}.test.ts::Suite${i % 997}::case ${i}`] = i % 1000 === n ? 'F' : 'P';
      await store.append({ ...seed, run: String(n), sha: `sha-${n}`, time: seed.time + n, tests }, 200);
    }

    // Run 5 under a small heap: x fails on the unchanged file, a flip against run 4.
    writeFileSync(join(ws, 'reports/junit.xml'), report('fail'));
    const fifth = await run(ws, '5', { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` });
    expect(fifth.main.errors).toEqual([]);
    expect(fifth.main.exitCode, fifth.main.stderr.slice(-2000)).toBe(0);
    expect(fifth.main.outputs).toMatchObject({ total: '2', failed: '1', verdict: 'failed' });
    expect(JSON.parse(fifth.main.outputs['new-flaky']!)).toEqual([
      {
        id: 'src/x.test.ts::c::x',
        runs: 5,
        flakyRuns: 1,
        rate: 0.2,
        evidence: [{ kind: 'flip', run: '5', attempt: 1, sha: 'sha-5' }],
      },
    ]);
    // The window was read whole: run 5's record joined the four earlier ones.
    expect(readdirSync(join(ws, '.history'))).toHaveLength(5);
  }, 120_000);
});
