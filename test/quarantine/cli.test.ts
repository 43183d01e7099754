import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';

async function gantry(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const write = { stdout: process.stdout.write, stderr: process.stderr.write };
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string) => {
      out[stream] += chunk;
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  try {
    return { code: await cli(args, { PATH: process.env.PATH, ...env }), ...out };
  } finally {
    process.stdout.write = write.stdout;
    process.stderr.write = write.stderr;
  }
}

it('gantry quarantine: the same verdict and exit code outside the runner, history in a directory', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'q-cli-'));
  mkdirSync(join(ws, 'reports'));
  cpSync(
    join(import.meta.dirname, 'fixtures/corpus/action-junit-report/xunit/report.xml'),
    join(ws, 'reports/a.xml'),
  );
  const args = ['quarantine', '--reports', 'reports/*.xml', '--history', 'dir', '--history-dir', '.history'];
  const env = { GITHUB_WORKSPACE: ws, GITHUB_SHA: 'abc', GITHUB_REF_NAME: 'main' };
  const failing = await gantry(args, { ...env, GITHUB_RUN_ID: '1' });
  expect(failing.code).toBe(1);
  expect(failing.stderr).toContain('error: Tests failed: 1 test failed and is not quarantined.');
  expect(JSON.parse(failing.stdout)).toMatchObject({ total: '4', failed: '1', verdict: 'failed' });

  mkdirSync(join(ws, '.github'));
  writeFileSync(
    join(ws, '.github/quarantine.yml'),
    'quarantine:\n  - id: "main.c::*::test_my_sum_fail"\n    reason: r\n    owner: o\n    expires: 2099-01-01\n',
  );
  const quarantined = await gantry(args, { ...env, GITHUB_RUN_ID: '2' });
  expect(quarantined.code).toBe(0);
  expect(JSON.parse(quarantined.stdout)).toMatchObject({ verdict: 'passed-with-quarantined' });
  expect(readdirSync(join(ws, '.history'))).toHaveLength(2);
});
