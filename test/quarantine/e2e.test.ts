import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAction } from '../harness/index.js';
import { type GitHubApi, startGitHubApi } from '../support/github-api.js';
import { startCacheService } from './cache-service.js';

const CORPUS = join(import.meta.dirname, 'fixtures/corpus');

function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'q-e2e-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function withCorpus(...paths: string[]): string {
  const dir = workspace();
  for (const path of paths) cpSync(join(CORPUS, path), join(dir, 'reports', path));
  return dir;
}

const report = (cases: string) =>
  `<?xml version="1.0"?><testsuites><testsuite name="s">${cases}</testsuite></testsuites>`;
const QUARANTINE = (id: string, expires = '2099-01-01') =>
  `quarantine:\n  - id: "${id}"\n    reason: flaky on shared runners\n    owner: "@acme/qa"\n    issue: https://github.com/acme/service/issues/9\n    expires: ${expires}\n`;

async function run(ws: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runAction({
    action: 'quarantine',
    workspace: ws,
    inputs: { history: 'dir', 'history-dir': '.history', ...inputs },
    env: { GITHUB_SHA: 'c0ffee', GITHUB_REF_NAME: 'main', ...env },
  });
}

describe('verdict end to end (dist/quarantine through the runner harness)', () => {
  it('fails on a failure that is not quarantined, with an error annotation at file and line', async () => {
    const ws = withCorpus('action-junit-report/xunit/report.xml');
    const { main } = await run(ws, { reports: 'reports/**/*.xml' });
    expect(main.exitCode).toBe(1);
    expect(main.outputs).toMatchObject({
      total: '4',
      passed: '3',
      failed: '1',
      skipped: '0',
      flaky: '0',
      'quarantined-failures': '0',
      verdict: 'failed',
    });
    const failure = main.annotations.find(
      (a) => a.command === 'error' && a.properties.title?.startsWith('Test failed'),
    );
    expect(failure).toMatchObject({
      properties: { file: 'main.c', line: '38' },
      value: 'main.c::CI basic test::test_my_sum_fail: Expected 2 Was 0',
    });
    expect(main.errors.at(-1)).toBe('Tests failed: 1 test failed and is not quarantined.');
    expect(main.summary).toContain('## Tests: ❌ failed');
  });

  it('passes with a warning per quarantined failure when only quarantined tests failed', async () => {
    const ws = withCorpus('action-junit-report/xunit/report.xml');
    mkdirSync(join(ws, '.github'));
    writeFileSync(join(ws, '.github/quarantine.yml'), QUARANTINE('main.c::*::test_my_sum_*'));
    const { main } = await run(ws, { reports: 'reports/**/*.xml' });
    expect(main.exitCode).toBe(0);
    expect(main.outputs).toMatchObject({
      failed: '1',
      'quarantined-failures': '1',
      verdict: 'passed-with-quarantined',
    });
    expect(main.errors).toEqual([]);
    const warning = main.annotations.find((a) => a.command === 'warning')!;
    expect(warning.properties).toMatchObject({
      title: 'Quarantined test failed: test_my_sum_fail',
      file: 'main.c',
      line: '38',
    });
    expect(warning.value).toContain('Quarantined until 2099-01-01 (owner @acme/qa)');
    expect(main.summary).toContain('### Failed, quarantined (not blocking)');
  });

  it('stops quarantining at expiry and fails by default; on-expired: warn keeps only the failure rule', async () => {
    const ws = withCorpus('action-junit-report/xunit/report.xml');
    mkdirSync(join(ws, '.github'));
    writeFileSync(
      join(ws, '.github/quarantine.yml'),
      `${QUARANTINE('main.c::CI basic test::test_my_sum_fail', '2020-01-01')}  - id: gone::test\n    reason: r\n    owner: o\n    expires: 2099-01-01\n`,
    );
    const { main } = await run(ws, { reports: 'reports/**/*.xml' });
    expect(main.outputs.verdict).toBe('failed');
    expect(main.errors.at(-1)).toMatch(
      /1 test failed and is not quarantined; 1 quarantine entry has expired \(on-expired: fail\)/,
    );
    expect(main.summary).toContain('### Expired quarantines');
    expect(main.summary).toContain('### Quarantines that matched no test in this run');
    expect(
      main.annotations.find((a) => a.properties.title === 'Quarantine matched no test')?.value,
    ).toContain("'gone::test' (line 7)");
  });

  it('mode: report never fails the step', async () => {
    const ws = withCorpus('action-junit-report/xunit/report.xml');
    const { main } = await run(ws, { reports: 'reports/**/*.xml', mode: 'report' });
    expect(main.exitCode).toBe(0);
    expect(main.outputs.verdict).toBe('failed');
    expect(main.errors).toEqual([]);
    expect(main.annotations.filter((a) => a.command === 'warning').map((a) => a.properties.title)).toContain(
      'Test failed: test_my_sum_fail',
    );
    expect(main.summary).toContain('(mode: report, the step does not fail)');
  });

  it('passes a test that failed then passed in the run (Surefire flakyFailure, repeated test cases)', async () => {
    const ws = withCorpus(
      'action-junit-report/maven_surefire_flaky/surefire-report.xml',
      'action-junit-report/flaky_retries/flaky_with_classname_file.xml',
    );
    const { main } = await run(ws, { reports: 'reports/**/*.xml' });
    expect(main.exitCode).toBe(0);
    expect(main.outputs).toMatchObject({ total: '4', flaky: '2', failed: '0', verdict: 'passed' });
    expect(main.summary).toContain('### Flaky');
    expect(main.annotations.filter((a) => a.command === 'notice').map((a) => a.properties.title)).toEqual([
      'Flaky test: test_foo',
      'Flaky test: createWebhook',
    ]);
  });

  it('fails when no report matched or the reports hold no tests, unless allow-empty', async () => {
    const empty = await run(workspace(), { reports: 'test-results/*.xml' });
    expect(empty.main.exitCode).toBe(1);
    expect(empty.main.errors).toEqual([
      expect.stringMatching(
        /^Input 'reports': no file matched 'test-results\/\*\.xml' in .*set allow-empty: true/,
      ),
    ]);
    const zero = await run(withCorpus('test-reporter/empty/jest-junit.xml'), { reports: 'reports/**/*.xml' });
    expect(zero.main.errors).toEqual([expect.stringMatching(/the 1 report\(s\) found hold no test cases/)]);
    const allowed = await run(workspace(), { reports: 'test-results/*.xml', 'allow-empty': 'true' });
    expect(allowed.main.exitCode).toBe(0);
    expect(allowed.main.outputs).toMatchObject({ total: '0', verdict: 'passed' });
  });

  it('ends with one error line naming the file and line of a malformed report', async () => {
    const ws = withCorpus(
      'action-junit-report/corrupt-junit/e2e-tests/corrupt/target/sf-reports/TEST-test.CorruptTest.xml',
    );
    const { main } = await run(ws, { reports: 'reports/**/*.xml' });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual([
      'Report reports/action-junit-report/corrupt-junit/e2e-tests/corrupt/target/sf-reports/TEST-test.CorruptTest.xml, line 18: not valid JUnit XML: unclosed tag: system-out.',
    ]);
    expect(main.stdout).not.toContain('    at ');
  });

  it('more than one report, one corrupt: on-malformed fail (default) names file and line; warn names them and judges the rest', async () => {
    const corrupt =
      'action-junit-report/corrupt-junit/e2e-tests/corrupt/target/sf-reports/TEST-test.CorruptTest.xml';
    const ws = withCorpus(corrupt, 'action-junit-report/xunit/report.xml');
    const named = `reports/${corrupt}, line 18: not valid JUnit XML: unclosed tag: system-out.`;
    const failed = await run(ws, { reports: 'reports/**/*.xml', mode: 'report' });
    expect(failed.main.exitCode).toBe(1);
    expect(failed.main.errors).toEqual([`Report ${named}`]);
    const warned = await run(ws, { reports: 'reports/**/*.xml', 'on-malformed': 'warn' });
    // The good report still decides: its failure fails the step in enforce mode.
    expect(warned.main.exitCode).toBe(1);
    expect(warned.main.errors.at(-1)).toBe('Tests failed: 1 test failed and is not quarantined.');
    const warning = warned.main.annotations.find(
      (a) => a.properties.title === 'Malformed test report skipped',
    );
    expect(warning?.command).toBe('warning');
    expect(warning?.value).toContain(named);
    expect(warning?.value).toMatch(/\d+ test case\(s\) read before it are counted/);
    expect(Number(warned.main.outputs.total)).toBeGreaterThanOrEqual(4);
    expect(warned.main.summary).toContain('malformed report(s) read only up to the bad line');
  });

  it.each([
    [{ mode: 'strict' }, /^Input 'mode': got "strict"; expected one of enforce, report\.$/],
    [{ window: '0' }, /^Input 'window': got "0"; expected an integer >= 1 <= 10000\.$/],
    [{ 'flake-threshold': '1.5' }, /^Input 'flake-threshold': got "1\.5"; expected a rate from 0 up to 1/],
    [{ 'max-report-size': 'huge' }, /^Input 'max-report-size': got "huge"; expected a size such as 512MB/],
    [{ 'on-expired': 'ignore' }, /^Input 'on-expired': got "ignore"; expected one of warn, fail\.$/],
    [{ 'on-malformed': 'skip' }, /^Input 'on-malformed': got "skip"; expected one of fail, warn\.$/],
    [{ history: 'dir', 'history-dir': '' }, /^Input 'history-dir' is required with history: dir/],
    [{ 'history-branch': 'bad..name' }, /^Input 'history-branch': got "bad\.\.name"/],
    [{ 'quarantine-file': 'ci/missing.yml' }, /^Input 'quarantine-file': .*ci\/missing\.yml does not exist/],
    [{ 'create-issues': 'yes' }, /^Input 'create-issues': got "yes"; expected 'true' or 'false'\.$/],
  ])('refuses bad input %j with one clear line', async (inputs, message) => {
    const { main } = await run(withCorpus('action-junit-report/xunit/report.xml'), {
      reports: 'reports/**/*.xml',
      ...inputs,
    });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual([expect.stringMatching(message)]);
  });

  it('names the line of a malformed quarantine file', async () => {
    const ws = withCorpus('action-junit-report/xunit/report.xml');
    mkdirSync(join(ws, '.github'));
    writeFileSync(
      join(ws, '.github/quarantine.yml'),
      'quarantine:\n  - id: a\n    reason: r\n    owner: o\n',
    );
    const { main } = await run(ws, { reports: 'reports/**/*.xml' });
    expect(main.errors).toEqual([
      expect.stringMatching(/\.github\/quarantine\.yml, line 2: entry 'a' is missing 'expires'/),
    ]);
  });

  it('keeps annotations within 10 per type, blocking failures first, and the summary under 1 MiB with failures first', async () => {
    const cases = Array.from(
      { length: 30_000 },
      (_, i) =>
        `<testcase classname="big.Suite" name="t${i}" file="src/t.ts" line="${i + 1}"><failure message="${'m'.repeat(60)} ${i}"/></testcase>`,
    ).join('');
    const quarantined = Array.from(
      { length: 15 },
      (_, i) => `<testcase classname="q.Suite" name="q${i}"><failure message="q"/></testcase>`,
    ).join('');
    const ws = workspace({
      'reports/big.xml': report(cases + quarantined),
      '.github/quarantine.yml': QUARANTINE('s::q.Suite::*'),
    });
    const { main } = await run(ws, { reports: 'reports/big.xml' });
    const count = (level: string) => main.annotations.filter((a) => a.command === level).length;
    expect(count('error')).toBe(10);
    expect(count('warning')).toBe(10);
    expect(
      main.annotations
        .filter((a) => a.command === 'error')
        .slice(0, 9)
        .map((a) => a.properties.line),
    ).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(Buffer.byteLength(main.summary)).toBeLessThan(1024 * 1024);
    expect(main.summary.indexOf('### Failed\n')).toBeLessThan(
      main.summary.indexOf('### Failed, quarantined'),
    );
    expect(main.outputs).toMatchObject({ failed: '30015', 'quarantined-failures': '15' });
  });

  it('tolerates control characters and refuses a DOCTYPE', async () => {
    const ws = workspace({
      'r/ansi.xml': report(
        '<testcase classname="c" name="t"><failure>\u001b[31mred\u001b[0m</failure></testcase>',
      ),
      'r/xxe.xml':
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><testsuite><testcase name="&e;"/></testsuite>',
    });
    const ansi = await run(ws, { reports: 'r/ansi.xml' });
    expect(ansi.main.outputs.failed).toBe('1');
    const xxe = await run(ws, { reports: 'r/xxe.xml' });
    expect(xxe.main.errors).toEqual([
      'Report r/xxe.xml, line 1: not valid JUnit XML: a DOCTYPE is not allowed in a test report (entity expansion and external entities are refused).',
    ]);
  });
});

// --- Reports written by real test runners, run twice with history ------------------------------

const NODE = process.execPath;
const VITEST = join(import.meta.dirname, '../../node_modules/.bin/vitest');

/** A test that fails on its first execution in a workspace and passes afterwards. */
const COUNTER = 'const counterFile = process.env.FLAKY_COUNTER;';

function nodeTestProject(): string {
  return workspace({
    'test/math.test.mjs': `import test from 'node:test';
import assert from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
${COUNTER}
test('adds', () => assert.equal(1 + 1, 2));
test('reconnects', () => {
  const n = existsSync(counterFile) ? Number(readFileSync(counterFile, 'utf8')) : 0;
  writeFileSync(counterFile, String(n + 1));
  assert.ok(n > 0, 'first attempt fails');
});
test('always broken', () => assert.equal(1, 2));
test.describe('params', () => { for (const p of [1, 2]) test.it(\`works [p=\${p}]\`, () => {}); });
`,
  });
}

function runNodeTests(ws: string, out: string): void {
  mkdirSync(join(out, '..'), { recursive: true });
  try {
    execFileSync(
      NODE,
      ['--test', '--test-reporter=junit', `--test-reporter-destination=${out}`, 'test/math.test.mjs'],
      { cwd: ws, env: { ...process.env, FLAKY_COUNTER: join(ws, '.counter') }, stdio: 'ignore' },
    );
  } catch {
    // The test run fails (that is the point); the report is what matters.
  }
}

describe('reports from real runners, with flaky tests detected across runs', () => {
  it('node:test --test-reporter=junit: a flip on an unchanged file is flaky and proposed', async () => {
    const ws = nodeTestProject();
    runNodeTests(ws, join(ws, 'results/run1.xml'));
    const first = await run(ws, { reports: 'results/run1.xml' }, { GITHUB_RUN_ID: '100', GITHUB_SHA: 'a1' });
    expect(first.main.outputs).toMatchObject({
      total: '5',
      passed: '3',
      failed: '2',
      verdict: 'failed',
      'new-flaky': '[]',
    });
    expect(
      first.main.annotations.find((a) => a.properties.title === 'Test failed: reconnects')?.properties,
    ).toMatchObject({ file: 'test/math.test.mjs' });

    runNodeTests(ws, join(ws, 'results/run2.xml'));
    const second = await run(ws, { reports: 'results/run2.xml' }, { GITHUB_RUN_ID: '101', GITHUB_SHA: 'a2' });
    expect(second.main.outputs).toMatchObject({ passed: '4', failed: '1', verdict: 'failed' });
    const flaky = JSON.parse(second.main.outputs['new-flaky']!);
    expect(flaky).toEqual([
      {
        id: 'test/math.test.mjs::test::reconnects',
        rate: 0.5,
        runs: 2,
        flakyRuns: 1,
        evidence: [{ kind: 'flip', run: '100', attempt: 1, sha: 'a1' }],
      },
    ]);
    expect(second.main.summary).toContain('### Proposed quarantines');
    expect(second.main.summary).toMatch(
      /```yaml\nquarantine:\n {2}- id: test\/math\.test\.mjs::test::reconnects\n/,
    );
    expect(readdirSync(join(ws, '.history'))).toHaveLength(2);
  });

  it('vitest --reporter=junit: a passing re-run attempt of the same commit, then a flip on the unchanged file, mark the test flaky', async () => {
    const ws = workspace({
      'flaky.test.ts': `import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
${COUNTER}
describe('api', () => {
  it('passes', () => expect(1).toBe(1));
  it('times out sometimes', () => {
    const n = existsSync(counterFile) ? Number(readFileSync(counterFile, 'utf8')) : 0;
    writeFileSync(counterFile, String(n + 1));
    expect(n % 2).toBe(1);
  });
  it.each([1, 2])('param %i', (x) => expect(x).toBeLessThan(3));
  it.skip('later', () => {});
});
`,
    });
    const vitest = (out: string) => {
      try {
        execFileSync(NODE, [VITEST, 'run', '--root', ws, '--reporter=junit', `--outputFile=${out}`], {
          cwd: ws,
          env: { ...process.env, FLAKY_COUNTER: join(ws, '.counter') },
          stdio: 'ignore',
        });
      } catch {}
    };
    vitest(join(ws, 'out/attempt1.xml'));
    const attempt1 = await run(
      ws,
      { reports: 'out/attempt1.xml' },
      { GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '1', GITHUB_SHA: 'same' },
    );
    expect(attempt1.main.outputs).toMatchObject({ total: '5', failed: '1', skipped: '1', verdict: 'failed' });
    vitest(join(ws, 'out/attempt2.xml'));
    const attempt2 = await run(
      ws,
      { reports: 'out/attempt2.xml', 'flake-threshold': '10%' },
      { GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '2', GITHUB_SHA: 'same' },
    );
    expect(attempt2.main.outputs).toMatchObject({ failed: '0', verdict: 'passed' });
    expect(JSON.parse(attempt2.main.outputs['new-flaky']!)).toEqual([
      {
        id: 'flaky.test.ts::api > times out sometimes',
        rate: 0.5,
        runs: 2,
        flakyRuns: 1,
        evidence: [{ kind: 'same-commit', run: '7', attempt: 1, sha: 'same' }],
      },
    ]);
    // The next commit leaves the test file alone and the test fails again: an outcome flip. The
    // report has no file attribute; vitest's classname is the file's path, whose content is hashed.
    vitest(join(ws, 'out/next.xml'));
    const next = await run(ws, { reports: 'out/next.xml' }, { GITHUB_RUN_ID: '8', GITHUB_SHA: 'next' });
    const [stat] = JSON.parse(next.main.outputs['new-flaky']!);
    expect(stat).toMatchObject({ runs: 3, flakyRuns: 2 });
    expect(stat.evidence.map((e: { kind: string; sha: string }) => `${e.kind}@${e.sha}`)).toEqual([
      'same-commit@same',
      'flip@next',
    ]);
  });

  it('python3 -m pytest --junitxml (xunit1, with file and line): flaky detected, then quarantined', async () => {
    const ws = workspace({
      'tests/test_service.py': `import os, pytest
COUNTER = os.environ["FLAKY_COUNTER"]
def test_ok():
    assert True
def test_flaky_network():
    n = int(open(COUNTER).read()) if os.path.exists(COUNTER) else 0
    open(COUNTER, "w").write(str(n + 1))
    assert n % 2 == 1, "connection reset"
@pytest.mark.parametrize("size", [1, 2])
def test_sizes(size):
    assert size
`,
    });
    const pytest = (out: string) => {
      try {
        execFileSync(
          'python3',
          [
            '-m',
            'pytest',
            '-q',
            '-p',
            'no:cacheprovider',
            '-o',
            'junit_family=xunit1',
            `--junitxml=${out}`,
            'tests',
          ],
          { cwd: ws, env: { ...process.env, FLAKY_COUNTER: join(ws, '.counter') }, stdio: 'ignore' },
        );
      } catch {}
    };
    for (let i = 1; i <= 3; i++) pytest(join(ws, `out/run${i}.xml`));
    const results = [];
    for (let i = 1; i <= 3; i++)
      results.push(
        await run(
          ws,
          { reports: `out/run${i}.xml` },
          { GITHUB_RUN_ID: String(200 + i), GITHUB_SHA: `s${i}` },
        ),
      );
    expect(results.map((r) => r.main.outputs.verdict)).toEqual(['failed', 'passed', 'failed']);
    const failure = results[0]!.main.annotations.find(
      (a) => a.command === 'error' && a.properties.title?.includes('test_flaky_network'),
    );
    expect(failure?.properties).toMatchObject({ file: 'tests/test_service.py', line: '4' });
    const flaky = JSON.parse(results[2]!.main.outputs['new-flaky']!);
    expect(
      flaky.map((f: { id: string; flakyRuns: number; runs: number }) => [f.id, f.flakyRuns, f.runs]),
    ).toEqual([['tests/test_service.py::tests.test_service::test_flaky_network', 2, 3]]);

    // The team pastes the proposal; the next failure of that test no longer blocks.
    mkdirSync(join(ws, '.github'));
    writeFileSync(
      join(ws, '.github/quarantine.yml'),
      QUARANTINE('tests/test_service.py::tests.test_service::test_flaky_network'),
    );
    pytest(join(ws, 'out/run4.xml'));
    pytest(join(ws, 'out/run5.xml'));
    const quarantined = await run(
      ws,
      { reports: 'out/run5.xml' },
      { GITHUB_RUN_ID: '205', GITHUB_SHA: 's5' },
    );
    expect(quarantined.main.outputs).toMatchObject({
      verdict: 'passed-with-quarantined',
      'quarantined-failures': '1',
      'new-flaky': '[]',
    });
    expect(quarantined.main.exitCode).toBe(0);
  });
});

describe('history stores end to end', () => {
  it('history: branch keeps records on a data branch of the checkout', async () => {
    const root = mkdtempSync(join(tmpdir(), 'q-e2e-git-'));
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', args, {
        cwd,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e',
        },
      }).trim();
    git(root, 'init', '--quiet', '--bare', '-b', 'main', 'origin.git');
    git(root, 'init', '--quiet', '-b', 'main', 'seed');
    cpSync(
      join(CORPUS, 'action-junit-report/flaky_retries/flaky_with_classname_file.xml'),
      join(root, 'seed/report.xml'),
    );
    git(join(root, 'seed'), 'add', '.');
    git(join(root, 'seed'), 'commit', '--quiet', '-m', 'seed');
    git(join(root, 'seed'), 'push', '--quiet', join(root, 'origin.git'), 'main');
    git(root, 'clone', '--quiet', '--depth=1', `file://${join(root, 'origin.git')}`, 'ws');
    const ws = join(root, 'ws');
    for (const id of ['1', '2']) {
      const { main } = await runAction({
        action: 'quarantine',
        workspace: ws,
        inputs: { reports: 'report.xml', history: 'branch' },
        env: { GITHUB_RUN_ID: id, GITHUB_SHA: 'abc', GITHUB_REF_NAME: 'main' },
      });
      expect(main.exitCode).toBe(0);
      expect(main.summary).toContain(`History: branch, ${id} run(s) of branch main`);
    }
    expect(
      git(join(root, 'origin.git'), 'ls-tree', '--name-only', 'gantry/quarantine-history').split('\n'),
    ).toHaveLength(2);
    expect(git(ws, 'status', '--porcelain')).toBe('');
  });

  it('history: cache (the default) keeps history in the cache service through @actions/cache, one key per run', async () => {
    const service = await startCacheService();
    try {
      const ws = withCorpus('action-junit-report/flaky_retries/flaky_with_classname_file.xml');
      // Hosted runners share one RUNNER_TEMP path (part of the cache version) with fresh content.
      const runnerTemp = mkdtempSync(join(tmpdir(), 'q-runner-temp-'));
      const outcomes = [];
      const warnings = [];
      for (const [id, attempt] of [
        ['31', '1'],
        ['32', '1'],
        ['32', '2'],
        ['32', '2'], // a second quarantine step in the same job
      ] as const) {
        // Each run on a fresh machine: nothing survives between runs but the cache service.
        rmSync(join(runnerTemp, 'gantry-quarantine-history'), { recursive: true, force: true });
        const { main } = await runAction({
          action: 'quarantine',
          workspace: ws,
          runnerTemp,
          inputs: { reports: 'reports/**/*.xml' },
          env: {
            ACTIONS_CACHE_URL: service.url,
            ACTIONS_RUNTIME_TOKEN: service.token,
            GITHUB_RUN_ID: id,
            GITHUB_RUN_ATTEMPT: attempt,
            GITHUB_SHA: 'abc',
            GITHUB_REF_NAME: 'main',
          },
        });
        expect(main.exitCode).toBe(0);
        outcomes.push(main.summary.match(/History: cache, (\d+) run\(s\)/)?.[1]);
        warnings.push(...main.annotations.filter((a) => a.command === 'warning').map((a) => a.value));
      }
      expect(outcomes).toEqual(['1', '2', '3', '3']);
      expect(warnings).toEqual([
        'history: cache: the cache entry gantry-quarantine-v1-main-32-2 was not saved (is a second quarantine step in this job using the same history?)',
      ]);
      expect(service.committedKeys()).toEqual([
        'gantry-quarantine-v1-main-31-1',
        'gantry-quarantine-v1-main-32-1',
        'gantry-quarantine-v1-main-32-2',
      ]);
    } finally {
      await service.close();
    }
  });

  it('history: cache (the default) without the cache service warns and still judges the run', async () => {
    const ws = withCorpus('action-junit-report/xunit/report.xml');
    const { main } = await runAction({
      action: 'quarantine',
      workspace: ws,
      inputs: { reports: 'reports/**/*.xml' },
      env: { GITHUB_SHA: 'x', GITHUB_REF_NAME: 'main' },
    });
    expect(main.outputs.verdict).toBe('failed');
    expect(main.annotations.find((a) => a.properties.title === 'Test history not kept')?.value).toMatch(
      /history: cache needs GitHub's cache service/,
    );
  });
});

describe('create-issues against a server shaped like the GitHub REST API', () => {
  let server: GitHubApi;
  afterAll(async () => server?.close());

  it('opens one issue per proposed flaky test and finds it again on the next run', async () => {
    server = await startGitHubApi({ tokens: { 'ghs_e2e-token': { write: true } } });
    const ws = withCorpus('action-junit-report/maven_surefire_flaky/surefire-report.xml');
    const env = {
      GITHUB_API_URL: server.url,
      GITHUB_TOKEN: 'ghs_e2e-token',
      GITHUB_SHA: 'abc',
      GITHUB_REF_NAME: 'main',
    };
    const inputs = { reports: 'reports/**/*.xml', 'create-issues': 'true' };
    const first = await run(ws, inputs, { ...env, GITHUB_RUN_ID: '1' });
    expect(first.main.exitCode).toBe(0);
    const [flaky] = JSON.parse(first.main.outputs['new-flaky']!);
    expect(flaky).toMatchObject({
      id: 'io.sodadata.dependson.soda.integrations.msteams.MicrosoftTeamsCrudTest::createWebhook',
      issue: 'https://github.com/acme/service/issues/1',
    });
    expect(first.main.summary).toContain('issue: https://github.com/acme/service/issues/1');
    expect(first.main.masks).toContain('ghs_e2e-token');
    const second = await run(ws, inputs, { ...env, GITHUB_RUN_ID: '2' });
    expect(JSON.parse(second.main.outputs['new-flaky']!)[0].issue).toBe(
      'https://github.com/acme/service/issues/1',
    );
    expect(server.issues('acme/service')).toHaveLength(1);
    expect(server.issues('acme/service')[0]!.body).toContain(
      'Evidence:\n- retry: run [1](https://github.com/acme/service/actions/runs/1/attempts/1) attempt 1, commit abc',
    );
  });

  it('fails with a clear line when the token cannot create issues', async () => {
    const readOnly = await startGitHubApi({ tokens: { ghs_ro: { write: false } } });
    try {
      const ws = withCorpus('action-junit-report/maven_surefire_flaky/surefire-report.xml');
      const { main } = await run(
        ws,
        { reports: 'reports/**/*.xml', 'create-issues': 'true', 'github-token': 'ghs_ro' },
        { GITHUB_API_URL: readOnly.url },
      );
      expect(main.exitCode).toBe(1);
      expect(main.errors).toEqual([
        expect.stringMatching(
          /^Input 'create-issues': POST \/repos\/acme\/service\/issues: HTTP 403 Resource not accessible by integration/,
        ),
      ]);
      expect(main.outputs.verdict).toBe('passed');
    } finally {
      await readOnly.close();
    }
  });
});
