/**
 * `gantry changes --filters … --base … --ref …` from a freshly built CLI bundle prints the outputs
 * as JSON: the same action code, inputs and defaults from actions/changes/action.yml.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUITE_ROOT } from '../harness/index.js';
import { Scenario } from '../support/git-scenarios.js';

const run = promisify(execFile);
let out: string;
const scenario = new Scenario();

beforeAll(async () => {
  // Inside the repository (gitignored .tmp/) so the bundle finds actions/changes/action.yml above it.
  mkdirSync(join(SUITE_ROOT, '.tmp'), { recursive: true });
  out = mkdtempSync(join(SUITE_ROOT, '.tmp', 'cli-'));
  await run(process.execPath, ['scripts/build.mjs', '--out', out, 'cli', 'changes'], {
    cwd: SUITE_ROOT,
    maxBuffer: 64 << 20,
  });
}, 300_000);
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  scenario.cleanup();
});

function gantry(args: string[], cwd: string) {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  return run(process.execPath, [join(out, 'cli', 'index.js'), ...args], { cwd, env }).catch(
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('gantry changes', () => {
  it('prints the outputs as JSON', async () => {
    const base = scenario.commit('one', { 'api/a.ts': 'a\n', 'web/b.ts': 'b\n' });
    const head = scenario.commit('two', { 'api/a.ts': 'a2\n', 'docs/x.md': 'x\n' });
    const result = await gantry(
      [
        'changes',
        '--filters',
        "api: 'api/**'\nweb: 'web/**'",
        '--base',
        base.slice(0, 10),
        '--ref',
        head,
        '--list-files',
        'json',
      ],
      scenario.origin,
    );
    expect('code' in result ? result.code : 0, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      api: 'true',
      api_count: '1',
      api_files: '["api/a.ts"]',
      web: 'false',
      web_count: '0',
      web_files: '[]',
      changes: '["api"]',
      'base-sha': base,
      'head-sha': head,
      files: JSON.stringify([
        { status: 'modified', path: 'api/a.ts' },
        { status: 'added', path: 'docs/x.md' },
      ]),
    });
    expect(result.stderr).toContain('| api | ✅ true | 1 |');
  });

  it('a user mistake prints one error line and exits 1', async () => {
    const result = await gantry(['changes', '--filters', 'changes: x/**', '--base', 'HEAD'], scenario.origin);
    expect('code' in result ? result.code : 0).toBe(1);
    expect(
      result.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('error:')),
    ).toEqual([expect.stringContaining("Filter 'changes' ('filters' input, line 1)")]);
  });

  it('--help lists the inputs from action.yml', async () => {
    const result = await gantry(['changes', '--help'], SUITE_ROOT);
    expect(result.stdout).toContain('--predicate-quantifier (default: some)');
    expect(result.stdout).toContain('--filters (required)');
  });
});
