/**
 * `gantry pins set` through the bundled CLI (dist/cli/index.js): git lists a workflow from its
 * index, but the directory holding it has been replaced by a symbolic link out of the repository.
 * Nothing outside the repository may be read as a workflow or written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SUITE_ROOT } from '../harness/index.js';
import { makeRepo, SHA_A } from './repo.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const WORKFLOW =
  'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: acme/gantry/actions/changes@v1\n';

function cli(...args: string[]) {
  const node = join(SUITE_ROOT, 'node_modules/.bin/node');
  const result = spawnSync(node, [join(SUITE_ROOT, 'dist/cli/index.js'), ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout + result.stderr };
}

describe('gantry pins set (bundled CLI): never outside the repository', () => {
  it.each([
    ['the workflows directory', '.github/workflows'],
    ['a parent directory', '.github'],
    ['a nested action directory', 'ci/deploy'],
  ])('refuses a file reached through %s that is a symbolic link out; writes nothing', (_, linked) => {
    const repo = makeRepo({
      '.github/workflows/deploy.yml': WORKFLOW,
      'ci/deploy/action.yml': `runs:\n  using: composite\n  steps:\n    - uses: acme/gantry/actions/promote@v1\n`,
    });
    const outside = mkdtempSync(join(tmpdir(), 'gantry-victim-'));
    dirs.push(repo, outside);
    // The same layout outside, then the repository's directory swapped for a link to it.
    const target = join(outside, linked);
    mkdirSync(target, { recursive: true });
    execFileSync('cp', ['-r', `${join(repo, linked)}/.`, target]);
    rmSync(join(repo, linked), { recursive: true });
    symlinkSync(target, join(repo, linked));
    const victims = execFileSync('find', [outside, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n');
    const before = victims.map((file) => readFileSync(file, 'utf8'));

    const { code, out } = cli('pins', 'set', '--version', 'v1.4.2', '--sha', SHA_A, repo);
    expect(code, out).toBe(2);
    expect(out).toContain('symbolic link that leads outside the repository');
    expect(victims.map((file) => readFileSync(file, 'utf8'))).toEqual(before);
    expect(execFileSync('find', [outside, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n')).toEqual(
      victims,
    );
  });

  it('still rewrites through a symbolic link that stays inside the repository', () => {
    const action = `runs:\n  using: composite\n  steps:\n    - uses: acme/gantry/actions/promote@v1\n`;
    const repo = makeRepo({ 'ci/deploy/action.yml': action, 'shared/deploy/action.yml': action });
    dirs.push(repo);
    rmSync(join(repo, 'ci/deploy'), { recursive: true });
    symlinkSync('../shared/deploy', join(repo, 'ci/deploy'));
    const { code, out } = cli('pins', 'set', '--version', 'v1.4.2', '--sha', SHA_A, repo);
    expect(code, out).toBe(0);
    expect(readFileSync(join(repo, 'shared/deploy/action.yml'), 'utf8')).toContain(
      `promote@${SHA_A} # v1.4.2`,
    );
  });
});
