/**
 * The canary gate as the workflows run it: canary.yml's wait-and-record step and release.yml's
 * major-tag check run with bash, as written, against the fake GitHub API (check runs, statuses).
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git, makeRepo } from '../pins/repo.js';
import { type GitHubApi, startGitHubApi } from '../support/github-api.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TOKEN = 'ghs_test-token';
const RELEASE_SHA = '5'.repeat(40);

interface Step {
  name?: string;
  run?: string;
}

function workflowStep(file: string, job: string, name: string): Step {
  const doc = parse(readFileSync(join(ROOT, '.github/workflows', file), 'utf8')) as {
    jobs: Record<string, { steps: Step[] }>;
  };
  const step = doc.jobs[job]?.steps.find((s) => s.name === name);
  if (!step?.run) throw new Error(`${file} has no run step '${name}' in job ${job}`);
  return step;
}

/** bash -eo pipefail, as the runner runs `shell: bash`; asynchronous, so the fake API can answer. */
function runStep(step: Step, cwd: string, env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

let api: GitHubApi;
beforeAll(async () => {
  api = await startGitHubApi({ repositories: ['acme/canary', 'acme/gantry'] });
});
afterAll(() => api.close());

/**
 * The canary job's working directory: the release at gantry/, the canary checkout at canary/. Each
 * canary commit has its own content: two identical commits made in the same second share a SHA,
 * and then one's checks would decide for the other.
 */
let canaries = 0;
function canaryWorkspace(): { dir: string; head: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-canary-'));
  symlinkSync(ROOT, join(dir, 'gantry'));
  const canary = makeRepo({ 'README.md': `service ${++canaries}\n` });
  symlinkSync(canary, join(dir, 'canary'));
  return { dir, head: git(canary, 'rev-parse', 'HEAD') };
}

describe('canary gate through the API, as the workflows run it', () => {
  it('a red canary is recorded as failure and the major tag does not move; a green one is recorded and it does', async () => {
    const wait = workflowStep(
      'canary.yml',
      'pin-pull-request',
      "Wait for the canary's checks and record the outcome",
    );
    const record = workflowStep(
      'release.yml',
      'move-major-tag',
      "Check the canary's record on the release commit",
    );
    const env = (extra: Record<string, string>) => ({
      GITHUB_API_URL: api.url,
      GITHUB_TOKEN: TOKEN,
      GITHUB_RECORD_TOKEN: TOKEN,
      REPOSITORY: 'acme/canary',
      GITHUB_REPOSITORY: 'acme/gantry',
      ...extra,
    });

    const red = canaryWorkspace();
    api.addCheckRun('acme/canary', red.head, {
      name: 'pipeline / test',
      status: 'completed',
      conclusion: 'failure',
      output: { title: '1 test failed' },
    });
    const waited = await runStep(wait, red.dir, env({ SHA: RELEASE_SHA }));
    expect(waited.stdout).toContain('red — check pipeline / test failure: 1 test failed');
    expect(waited.stdout).toContain(`Recorded failure on acme/gantry@${RELEASE_SHA}`);
    expect(waited.status).toBe(1);
    const refused = await runStep(record, ROOT, env({ GITHUB_SHA: RELEASE_SHA }));
    expect(refused.stdout).toContain("no successful 'canary' check run (failure)");
    expect(refused.status).toBe(1);

    const greenRelease = '6'.repeat(40);
    const green = canaryWorkspace();
    api.addCheckRun('acme/canary', green.head, {
      name: 'pipeline',
      status: 'completed',
      conclusion: 'success',
    });
    api.addStatus('acme/canary', green.head, { context: 'deploy/staging', state: 'success' });
    const ok = await runStep(wait, green.dir, env({ SHA: greenRelease }));
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const moved = await runStep(record, ROOT, env({ GITHUB_SHA: greenRelease }));
    expect(moved.stdout).toContain("carries a successful 'canary' check run");
    expect(moved.status).toBe(0);
  });
});

describe('the rollout job as release.yml runs it', () => {
  it('rolls a green canary out to the listed consumers through the bundled CLI, and halts on a red one', async () => {
    const step = workflowStep('release.yml', 'rollout', 'Roll out to the consumers in waves');
    const server = mkdtempSync(join(tmpdir(), 'gantry-rollout-server-'));
    const consumers = ['acme/svc-green', 'acme/svc-red'];
    for (const name of consumers) {
      const work = makeRepo({
        '.github/workflows/ci.yml': `on: push\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: acme/gantry/actions/changes@v0.1.0\n`,
      });
      const bare = join(server, `${name}.git`);
      git(tmpdir(), 'clone', '-q', '--bare', work, bare);
      api.addIssue(name, { title: 'so the repository exists' });
      // The consumer's CI, answering as soon as the pin branch is pushed: a post-receive hook
      // posts its check run through the API before the push returns.
      const conclusion = name === 'acme/svc-red' ? 'failure' : 'success';
      const hook = join(bare, 'hooks/post-receive');
      writeFileSync(
        hook,
        `#!/bin/sh\nread old new ref\nexec "${process.execPath}" -e 'fetch(process.argv[1], { method: "POST", headers: { authorization: "Bearer ${TOKEN}" }, body: JSON.stringify({ name: "ci", head_sha: process.argv[2], status: "completed", conclusion: "${conclusion}" }) }).then((r) => process.exit(r.ok ? 0 : 1))' "${api.url}/repos/${name}/check-runs" "$new"\n`,
      );
      chmodSync(hook, 0o755);
    }
    const release = '7'.repeat(40);
    api.addCheckRun('acme/gantry', release, { name: 'canary', status: 'completed', conclusion: 'success' });
    const dir = mkdtempSync(join(tmpdir(), 'gantry-rollout-job-'));
    symlinkSync(join(ROOT, 'dist'), join(dir, 'dist'));
    mkdirSync(join(dir, '.github/gantry'), { recursive: true });
    writeFileSync(join(dir, '.github/gantry/consumers.txt'), `${consumers.join('\n')}\n`);
    const summary = join(dir, 'summary.md');
    const run = await runStep(step, dir, {
      GITHUB_API_URL: api.url,
      GITHUB_SERVER_URL: `file://${server}`,
      GITHUB_TOKEN: TOKEN,
      GITHUB_RECORD_TOKEN: TOKEN,
      GITHUB_REPOSITORY: 'acme/gantry',
      GITHUB_SHA: release,
      GITHUB_STEP_SUMMARY: summary,
      VERSION: 'v0.2.0',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      '::error title=rollout::halted in wave 2 at acme/svc-red: red — check ci failure',
    );
    expect(run.status).toBe(1);
    expect(readFileSync(summary, 'utf8')).toContain('| 1 | acme/svc-green |');
    expect(api.openedPulls('acme/svc-green')).toHaveLength(1);
    expect(api.openedPulls('acme/svc-red')).toHaveLength(1);
  });
});
