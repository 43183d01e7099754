// gantry templates verify: a new version of the suite against local git checkouts of its consumers,
// through the bundled CLI (dist/cli); the templates run in the local runner with the real bundles.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConsumerReport } from '../../src/templates/verify.js';
import { SUITE_ROOT } from '../harness/index.js';
import { makeRepo } from '../pins/repo.js';

const TWQ = 'action-templates/test-with-quarantine/action.yml';

/** The suite at a "new version": its action.yml files, edited, with the real bundles. */
function suiteVersion(edit: (twq: string) => string = (t) => t): string {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-suite-'));
  for (const part of ['actions', 'action-templates'])
    cpSync(join(SUITE_ROOT, part), join(dir, part), { recursive: true });
  cpSync(join(SUITE_ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(SUITE_ROOT, 'dist'), join(dir, 'dist'));
  writeFileSync(join(dir, TWQ), edit(readFileSync(join(dir, TWQ), 'utf8')));
  return dir;
}

const workflow = (extraStep = '') => `name: ci
on: push
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - parallel:
          - id: twq
            uses: acme/gantry/action-templates/test-with-quarantine@v1.0.0
            with:
              command: mkdir -p reports && node --test --test-reporter=junit --test-reporter-destination=reports/junit.xml tests/*.test.mjs
              reports: reports/*.xml
              history: dir
              history-dir: .history
      - run: echo "verdict=\${{ steps.twq.outputs.verdict }}"
${extraStep}  lint:
    runs-on: ubuntu-24.04
    steps:
      - run: echo lint
`;

const PASSING = "import { test } from 'node:test';\ntest('adds', () => {});\n";
const FAILING =
  "import { test } from 'node:test';\nimport assert from 'node:assert';\ntest('breaks', () => assert.equal(1, 2));\n";

function consumers(): { file: string; green: string; red: string } {
  const green = makeRepo({ '.github/workflows/ci.yml': workflow(), 'tests/a.test.mjs': PASSING });
  const red = makeRepo({ '.github/workflows/ci.yml': workflow(), 'tests/a.test.mjs': FAILING });
  const dir = mkdtempSync(join(tmpdir(), 'gantry-consumers-'));
  const file = join(dir, 'consumers.txt');
  writeFileSync(
    file,
    `# services pinned to the suite\n${green}\n${join(dir, 'missing-checkout')}\n\n${red}\n`,
  );
  return { file, green, red };
}

function verify(suite: string, file: string, ...extra: string[]) {
  const result = spawnSync(
    process.execPath,
    [
      join(SUITE_ROOT, 'dist/cli/index.js'),
      'templates',
      'verify',
      '--consumers',
      file,
      '--suite',
      suite,
      ...extra,
    ],
    { encoding: 'utf8' },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('gantry templates verify --consumers', () => {
  it('a compatible version: each consumer checked and run, third-party stubbed; an unreadable one does not stop the others', () => {
    const { file, green, red } = consumers();
    const result = verify(suiteVersion(), file, '--json');
    const reports = JSON.parse(result.stdout) as ConsumerReport[];
    expect(reports.map((r) => r.consumer)).toEqual([green, expect.stringContaining('missing-checkout'), red]);
    const [ok, missing, failing] = reports as [ConsumerReport, ConsumerReport, ConsumerReport];
    expect(ok.references).toEqual([expect.objectContaining({ job: 'test', step: 'twq', problems: [] })]);
    expect(ok.runs).toEqual([
      expect.objectContaining({ job: 'test', ok: true, stubbed: ['actions/checkout'] }),
    ]);
    expect(missing.unreadable).toMatch(/is not a directory/);
    expect(failing.references[0]!.problems).toEqual([]);
    expect(failing.runs[0]).toMatchObject({ ok: false });
    expect(failing.runs[0]!.failed.join(' ')).toMatch(/twq|Test with quarantine|Judge the reports/);
    expect(result.status).toBe(1);
  });

  it('a version that renames an input and drops an output: every with: and outputs read that breaks is named, in a table per consumer', () => {
    const { file, green } = consumers();
    const suite = suiteVersion((t) =>
      t
        .replace('  reports:\n', '  report-globs:\n')
        .replace(/ {2}verdict:\n {4}description: .*\n {4}value: .*\n/, ''),
    );
    const result = verify(suite, file);
    expect(result.stdout).toContain(`## ${green}: FAILS`);
    expect(result.stdout).toContain(
      '**with: reports is not an input any more; input report-globs is required and not given; steps.twq.outputs.verdict is not an output any more**',
    );
    expect(result.stdout).toMatch(/missing-checkout: FAILS\n\nUnreadable: /);
    // The job cannot even start at the new version: the runner refuses the unknown input.
    expect(result.stdout).toContain(
      "| .github/workflows/ci.yml | test | **error: Unknown input 'reports' for",
    );
    expect(result.stdout).toContain('3 of 3 consumer(s) FAIL.');
    expect(result.status).toBe(1);
  });

  it("a call of the suite's reusable workflow is checked against its workflow_call inputs", async () => {
    const { verifyConsumer } = await import('../../src/templates/verify.js');
    const caller = makeRepo({
      '.github/workflows/deploy.yml': `on: push
jobs:
  pipeline:
    uses: acme/gantry/.github/workflows/service-pipeline.yml@${'f'.repeat(40)} # v1.4.2
    with:
      image: ghcr.io/acme/api
      staging-destinations: ghcr.io/acme/api-staging
      no-such-input: x
`,
    });
    const report = await verifyConsumer(caller, { suiteRoot: SUITE_ROOT });
    expect(report.references).toEqual([
      expect.objectContaining({
        job: 'pipeline',
        step: '(reusable workflow)',
        problems: ['with: no-such-input is not an input any more'],
      }),
    ]);
  });

  it('only passing consumers: exit 0, and --no-run checks the interface alone', () => {
    const green = makeRepo({ '.github/workflows/ci.yml': workflow(), 'tests/a.test.mjs': PASSING });
    const dir = mkdtempSync(join(tmpdir(), 'gantry-consumers-'));
    writeFileSync(join(dir, 'list'), `${green}\n`);
    const result = verify(suiteVersion(), join(dir, 'list'));
    expect(result.stdout).toContain('| .github/workflows/ci.yml | test | passed | actions/checkout |');
    expect(result.stdout).toContain('All 1 consumer(s) pass.');
    expect(result.status).toBe(0);
    const interfaceOnly = verify(suiteVersion(), join(dir, 'list'), '--no-run', '--json');
    expect((JSON.parse(interfaceOnly.stdout) as ConsumerReport[])[0]!.runs).toEqual([]);
  });
});
