// Issue 16 "First": a real failure must never pass as flaky. Each case runs the bundled action
// (dist/quarantine through the runner harness) on the peers' own fixtures or on reports shaped like them.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../harness/index.js';

const PEERS = join(import.meta.dirname, 'fixtures/peers');
const CORPUS = join(import.meta.dirname, 'fixtures/corpus');

function workspace(files: Record<string, string> = {}, copies: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'q-identity-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const [path, from] of Object.entries(copies)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    cpSync(from, join(dir, path));
  }
  return dir;
}

function run(ws: string, inputs: Record<string, string> = {}) {
  return runAction({
    action: 'quarantine',
    workspace: ws,
    inputs: { reports: 'reports/**/*.xml', history: 'dir', 'history-dir': '.history', ...inputs },
    env: { GITHUB_SHA: 'c0ffee', GITHUB_REF_NAME: 'main' },
  });
}

describe('test identity without a file attribute (dist/quarantine)', () => {
  it('jest-junit: same describe and name in different test files are different tests; totals match dorny/test-reporter (4239: 4207 passed, 2 failed, 30 skipped)', async () => {
    const ws = workspace({}, { 'reports/jest.xml': join(PEERS, 'test-reporter/jest-test-results.xml') });
    const { main } = await run(ws, { mode: 'report' });
    expect(main.outputs).toMatchObject({
      total: '4239',
      passed: '4207',
      failed: '2',
      skipped: '30',
      flaky: '0',
      verdict: 'failed',
    });
  });

  it('a failure in one suite and a pass of the same classname and name in a sibling suite fail the step, never flaky', async () => {
    const ws = workspace({
      'reports/junit.xml': `<?xml version="1.0"?><testsuites name="jest tests">
  <testsuite name="src/a.test.js"><testcase classname="login" name="works"><failure message="real bug">x</failure></testcase></testsuite>
  <testsuite name="src/b.test.js"><testcase classname="login" name="works"/></testsuite>
</testsuites>`,
    });
    const { main } = await run(ws);
    expect(main.exitCode).toBe(1);
    expect(main.outputs).toMatchObject({
      total: '2',
      passed: '1',
      failed: '1',
      flaky: '0',
      verdict: 'failed',
    });
  });

  it('the same classname and name failing in one report file and passing in another fail the step, never flaky', async () => {
    const ws = workspace({
      'reports/unit.xml':
        '<testsuites><testsuite name="unit"><testcase classname="Cart" name="adds items"><failure message="real bug"/></testcase></testsuite></testsuites>',
      'reports/e2e.xml':
        '<testsuites><testsuite name="unit"><testcase classname="Cart" name="adds items"/></testsuite></testsuites>',
    });
    const { main } = await run(ws);
    expect(main.exitCode).toBe(1);
    expect(main.outputs).toMatchObject({ total: '2', failed: '1', flaky: '0', verdict: 'failed' });
  });

  it('nested suites keep same-named tests apart (mikepenz nested/junit.xml: 5 tests, 3 failed)', async () => {
    const ws = workspace({}, { 'reports/nested.xml': join(CORPUS, 'action-junit-report/nested/junit.xml') });
    const { main } = await run(ws, { mode: 'report' });
    expect(main.outputs).toMatchObject({ total: '5', passed: '2', failed: '3', flaky: '0' });
  });
});

describe('repeated test cases in one suite (dist/quarantine)', () => {
  it('TestNG data-provider runs sharing one name stay separate tests; totals match dorny/test-reporter on pulsar (808: 793 passed, 1 failed, 14 skipped)', async () => {
    const ws = workspace({}, { 'reports/pulsar.xml': join(PEERS, 'test-reporter/pulsar-test-report.xml') });
    const { main } = await run(ws, { mode: 'report' });
    expect(main.outputs).toMatchObject({
      total: '808',
      passed: '793',
      failed: '1',
      skipped: '14',
      flaky: '0',
    });
  });

  it('a data-provider run that fails among passing runs of the same name fails the step, never flaky', async () => {
    const runs = Array.from({ length: 5 }, (_, i) =>
      i === 2
        ? '<testcase classname="org.acme.AcksTest" name="testNegativeAcks"><failure message="param 3 broke"/></testcase>'
        : '<testcase classname="org.acme.AcksTest" name="testNegativeAcks"/>',
    ).join('');
    const ws = workspace({
      'reports/testng.xml': `<testsuites><testsuite name="org.acme.AcksTest">${runs}</testsuite></testsuites>`,
    });
    const { main } = await run(ws);
    expect(main.exitCode).toBe(1);
    expect(main.outputs).toMatchObject({
      total: '5',
      passed: '4',
      failed: '1',
      flaky: '0',
      verdict: 'failed',
    });
  });

  it('a retry written as repeated test cases (failed, then one pass last) in one suite is flaky and passes', async () => {
    const ws = workspace(
      {},
      {
        'reports/retries.xml': join(
          CORPUS,
          'action-junit-report/flaky_retries/flaky_with_classname_file.xml',
        ),
      },
    );
    const { main } = await run(ws);
    expect(main.exitCode).toBe(0);
    expect(main.outputs).toMatchObject({
      total: '3',
      passed: '2',
      failed: '0',
      flaky: '1',
      verdict: 'passed',
    });
  });
});
