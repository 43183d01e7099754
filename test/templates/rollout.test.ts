// Canary and rollout gates read through the API: the fake GitHub API in test/support (checks,
// statuses, check run creation) reached through the suite's HTTP client; time is a fake clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/net/clock.js';
import { HttpClient } from '../../src/net/http.js';
import { ChecksApi, planWaves, rollout, waitForChecks } from '../../src/templates/rollout.js';
import { type GitHubApi, startGitHubApi } from '../support/github-api.js';

const TOKEN = 'ghs_test-token';
let api: GitHubApi;

beforeAll(async () => {
  api = await startGitHubApi({ repositories: ['acme/canary', 'acme/gantry'] });
});
afterAll(() => api.close());

/** A clock that only moves when slept on, calling `onSleep` so a test can change the world meanwhile. */
function fakeClock(onSleep: (now: number) => void = () => {}): Clock & { slept: number } {
  let now = 0;
  const clock = {
    slept: 0,
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
      clock.slept += 1;
      onSleep(now);
    },
  };
  return clock;
}

const checksApi = () => new ChecksApi(new HttpClient({ retries: 0 }), api.url, TOKEN);

describe('canary gate through the Checks API and commit statuses', () => {
  it('waits while a check is in progress, then is green once every check and status passed', async () => {
    const sha = 'a'.repeat(40);
    api.addCheckRun('acme/canary', sha, { name: 'build', status: 'completed', conclusion: 'success' });
    api.addStatus('acme/canary', sha, { context: 'deploy/staging', state: 'pending' });
    const clock = fakeClock(() => {
      if (clock.slept === 2)
        api.addStatus('acme/canary', sha, { context: 'deploy/staging', state: 'success' });
    });
    const client = checksApi();
    const verdict = await waitForChecks(() => client.verdict('acme/canary', sha), {
      clock,
      deadlineMs: 60_000,
      pollMs: 10_000,
    });
    expect(verdict.state).toBe('green');
    expect(verdict.checks.map((c) => `${c.name}=${c.state}`)).toEqual([
      'check build=green',
      'status deploy/staging=green',
    ]);
    expect(clock.slept).toBe(2);
  });

  it('the first failing check makes it red, naming the check and why; a deadline ends the wait', async () => {
    const red = 'b'.repeat(40);
    api.addCheckRun('acme/canary', red, {
      name: 'pipeline / test',
      status: 'completed',
      conclusion: 'failure',
      output: { title: '2 tests failed' },
    });
    api.addCheckRun('acme/canary', red, { name: 'lint', status: 'in_progress' });
    const client = checksApi();
    const verdict = await waitForChecks(() => client.verdict('acme/canary', red), {
      clock: fakeClock(),
      deadlineMs: 60_000,
      pollMs: 10_000,
    });
    expect(verdict).toMatchObject({ state: 'red', reason: 'check pipeline / test failure: 2 tests failed' });

    const stuck = 'c'.repeat(40);
    api.addCheckRun('acme/canary', stuck, { name: 'slow', status: 'queued' });
    const clock = fakeClock();
    const late = await waitForChecks(() => client.verdict('acme/canary', stuck), {
      clock,
      deadlineMs: 30_000,
      pollMs: 10_000,
    });
    expect(late).toMatchObject({ state: 'timed-out', reason: 'deadline passed: waiting for check slow' });
    expect(clock.now()).toBe(30_000);
  });

  it('reads every page of check runs (a failing 101st run is not missed)', async () => {
    const sha = 'd'.repeat(40);
    for (let i = 0; i < 100; i++)
      api.addCheckRun('acme/canary', sha, { name: `shard ${i}`, status: 'completed', conclusion: 'success' });
    api.addCheckRun('acme/canary', sha, { name: 'shard 100', status: 'completed', conclusion: 'timed_out' });
    expect((await checksApi().verdict('acme/canary', sha)).reason).toBe('check shard 100 timed_out');
  });

  it('records the canary outcome on the release commit as a check run', async () => {
    const release = 'e'.repeat(40);
    await checksApi().recordCheckRun('acme/gantry', release, {
      name: 'canary',
      conclusion: 'success',
      title: 'acme/canary green',
      summary: 'pin pull request #7 green',
    });
    expect(api.checkRuns('acme/gantry', release)).toEqual([
      expect.objectContaining({ name: 'canary', status: 'completed', conclusion: 'success' }),
    ]);
    expect((await checksApi().verdict('acme/gantry', release)).state).toBe('green');
  });
});

describe('rollout in waves', () => {
  it('waves of 10%, 50%, 100% cover every consumer once, each wave at least one', () => {
    const consumers = Array.from({ length: 20 }, (_, i) => `svc-${i}`);
    const waves = planWaves(consumers, [10, 50, 100]);
    expect(waves.map((w) => w.length)).toEqual([2, 8, 10]);
    expect(waves.flat()).toEqual(consumers);
    expect(planWaves(['a', 'b'], [10, 50, 100])).toEqual([['a'], ['b']]);
    expect(() => planWaves(consumers, [50, 10])).toThrow(/increasing percentages/);
  });

  it('the first red consumer halts the rollout: later waves are never opened, and the result says which and why', async () => {
    const opened: string[] = [];
    const waves = planWaves(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], [10, 50, 100]);
    const result = await rollout(waves, {
      open: async (consumer) => {
        opened.push(consumer);
      },
      wait: async (consumer) =>
        consumer === 'c'
          ? { state: 'red', checks: [], reason: 'check pipeline / test failure' }
          : { state: 'green', checks: [], reason: 'green' },
    });
    expect(opened).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(result.halted).toMatchObject({
      consumer: 'c',
      wave: 2,
      verdict: { reason: 'check pipeline / test failure' },
    });
    expect(result.green).toEqual([['a'], ['b', 'd', 'e']]);
    expect(result.untouched).toEqual(['f', 'g', 'h', 'i', 'j']);
  });
});

describe('gantry templates await-checks and check-record', () => {
  const capture = () => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: {
        stdout: (t: string) => {
          out.stdout += t;
        },
        stderr: (t: string) => {
          out.stderr += t;
        },
      },
    };
  };
  const env = () => ({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: api.url });

  it('a green canary pull request is recorded on the release commit, which check-record then accepts', async () => {
    const { awaitChecksCommand, checkRecordCommand } = await import('../../src/cli/templates-checks.js');
    const head = '1'.repeat(40);
    const release = '2'.repeat(40);
    api.addCheckRun('acme/canary', head, { name: 'pipeline', status: 'completed', conclusion: 'success' });
    const before = capture();
    expect(
      await checkRecordCommand(['--repository', 'acme/gantry', '--sha', release], env(), before.io),
    ).toBe(1);
    expect(before.out.stdout).toContain(
      "::error title=canary::acme/gantry@2222222222222222222222222222222222222222 has no successful 'canary' check run (none)",
    );
    const run = capture();
    const code = await awaitChecksCommand(
      ['--repository', 'acme/canary', '--ref', head, '--record-on', `acme/gantry@${release}`],
      env(),
      run.io,
      { clock: fakeClock() },
    );
    expect(run.out.stderr).toBe('');
    expect(run.out.stdout).toContain('| check pipeline | green | success |');
    expect(code).toBe(0);
    const after = capture();
    expect(await checkRecordCommand(['--repository', 'acme/gantry', '--sha', release], env(), after.io)).toBe(
      0,
    );
  });

  it('a red canary is recorded as a failure, exits 1, and the major tag check refuses it', async () => {
    const { awaitChecksCommand, checkRecordCommand } = await import('../../src/cli/templates-checks.js');
    const head = '3'.repeat(40);
    const release = '4'.repeat(40);
    api.addStatus('acme/canary', head, {
      context: 'ci/deploy',
      state: 'failure',
      description: 'staging deploy failed',
    });
    const run = capture();
    const code = await awaitChecksCommand(
      ['--repository', 'acme/canary', '--ref', head, '--record-on', `acme/gantry@${release}`],
      env(),
      run.io,
      { clock: fakeClock() },
    );
    expect(run.out.stdout).toContain('red — status ci/deploy failure: staging deploy failed');
    expect(code).toBe(1);
    const check = capture();
    expect(await checkRecordCommand(['--repository', 'acme/gantry', '--sha', release], env(), check.io)).toBe(
      1,
    );
    expect(check.out.stdout).toContain("no successful 'canary' check run (failure)");
  });
});
