import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../harness/index.js';
import { CHECK_ANNOTATIONS_PER_REQUEST, type GitHubApi, startGitHubApi } from '../support/github-api.js';

// Check runs, the pull request comment and fork pull requests, through dist/quarantine and the
// runner harness against the GitHub API server of test/support (403 for read-only tokens as GitHub).

const HEAD = 'a'.repeat(40);
const MERGE = 'b'.repeat(40);

function report(failed: number, quarantined: number, flaky: number, extra = ''): string {
  const cases: string[] = [];
  for (let i = 0; i < failed; i++)
    cases.push(
      `<testcase classname="app.Fail" name="f${i}" file="src/fail.ts" line="${i + 1}"><failure message="boom ${i}"/></testcase>`,
    );
  for (let i = 0; i < quarantined; i++)
    cases.push(
      `<testcase classname="app.Quar" name="q${i}" file="src/quar.ts" line="${i + 1}"><failure message="known ${i}"/></testcase>`,
    );
  for (let i = 0; i < flaky; i++)
    cases.push(
      `<testcase classname="app.Flaky" name="k${i}" file="src/flaky.ts" line="${i + 1}"><failure message="first try"/></testcase><testcase classname="app.Flaky" name="k${i}" file="src/flaky.ts" line="${i + 1}"/>`,
    );
  cases.push('<testcase classname="app.Ok" name="ok"/>');
  return `<?xml version="1.0"?><testsuites><testsuite name="s">${cases.join('')}${extra}</testsuite></testsuites>`;
}

function workspace(xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'q-gh-'));
  mkdirSync(join(dir, 'reports'));
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, 'reports/junit.xml'), xml);
  writeFileSync(
    join(dir, '.github/quarantine.yml'),
    'quarantine:\n  - id: "src/quar.ts::*"\n    reason: known\n    owner: "@acme/qa"\n    expires: 2099-01-01\n',
  );
  return dir;
}

const pullRequestEvent = (fork: boolean, number = 7) => ({
  name: 'pull_request',
  payload: {
    number,
    pull_request: {
      number,
      base: { sha: 'c'.repeat(40), ref: 'main' },
      head: {
        sha: HEAD,
        ref: 'feature',
        repo: { fork, full_name: fork ? 'outsider/service' : 'acme/service' },
      },
    },
    repository: { full_name: 'acme/service' },
  },
});

let server: GitHubApi | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(
  ws: string,
  inputs: Record<string, string>,
  options: { token: string; event?: ReturnType<typeof pullRequestEvent>; env?: Record<string, string> },
) {
  return runAction({
    action: 'quarantine',
    workspace: ws,
    inputs: {
      reports: 'reports/*.xml',
      history: 'dir',
      'history-dir': '.history',
      'github-token': options.token,
      ...inputs,
    },
    event: options.event,
    env: { GITHUB_SHA: MERGE, GITHUB_REF_NAME: '7/merge', GITHUB_API_URL: server!.url, ...options.env },
  });
}

describe('check-run: every failure as a check run annotation, 50 a request', () => {
  it('carries all 123 failures in order (not quarantined, quarantined, flaky) on the pull request head, in batches GitHub accepts', async () => {
    server = await startGitHubApi({ tokens: { ghs_rw: { write: true } } });
    const ws = workspace(report(110, 8, 5));
    const { main } = await run(
      ws,
      { 'check-run': 'true', mode: 'report' },
      { token: 'ghs_rw', event: pullRequestEvent(false) },
    );
    expect(main.exitCode).toBe(0);
    // The step itself still shows at most 10 a level.
    expect(main.annotations.filter((a) => a.command === 'warning').length).toBeLessThanOrEqual(10);
    const [check] = server.checkRuns('acme/service', HEAD);
    expect(check).toMatchObject({ name: 'Test results', status: 'completed', conclusion: 'neutral' });
    expect(check!.output?.title).toBe('Failed: 124 tests: 110 failed, 8 quarantined failures, 5 flaky');
    const levels = check!.annotations!.map((a) => a.annotation_level);
    expect(levels).toEqual([
      ...Array(110).fill('failure'),
      ...Array(8).fill('warning'),
      ...Array(5).fill('notice'),
    ]);
    expect(check!.annotations![0]).toMatchObject({
      path: 'src/fail.ts',
      start_line: 1,
      end_line: 1,
      title: 'Test failed: f0',
      message: 'src/fail.ts::app.Fail::f0: boom 0',
    });
    expect(check!.annotations![110]!.message).toContain(
      'Quarantined until 2099-01-01 (owner @acme/qa): known',
    );
    const writes = server.requests.filter((r) => r.path.includes('/check-runs'));
    expect(writes.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH']);
    for (const w of writes)
      expect(JSON.parse(w.body).output.annotations.length).toBeLessThanOrEqual(CHECK_ANNOTATIONS_PER_REQUEST);
    expect(main.stdout).toContain('123 annotation(s) in 3 request(s)');
  });

  it('the API server refuses more than 50 annotations in one request, as GitHub does (422)', async () => {
    server = await startGitHubApi({ tokens: { ghs_rw: { write: true } } });
    const annotation = {
      path: 'a.ts',
      start_line: 1,
      end_line: 1,
      annotation_level: 'failure',
      message: 'm',
    };
    const response = await fetch(`${server.url}/repos/acme/service/check-runs`, {
      method: 'POST',
      headers: { authorization: 'Bearer ghs_rw', 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'x',
        head_sha: HEAD,
        output: { title: 't', summary: 's', annotations: Array(51).fill(annotation) },
      }),
    });
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain('Only 50 annotations are allowed per request');
  });

  it('a passing run creates a successful check run without annotations', async () => {
    server = await startGitHubApi({ tokens: { ghs_rw: { write: true } } });
    const { main } = await run(
      workspace(report(0, 0, 0)),
      { 'check-run': 'true', 'check-name': 'unit' },
      { token: 'ghs_rw', env: { GITHUB_SHA: HEAD } },
    );
    expect(main.exitCode).toBe(0);
    expect(server.checkRuns('acme/service', HEAD)).toMatchObject([
      { name: 'unit', conclusion: 'success', annotations: [] },
    ]);
  });
});

describe('pr-comment: one comment, updated in place', () => {
  it('adds the comment on the first run and updates the same one on the next', async () => {
    server = await startGitHubApi({ tokens: { ghs_rw: { write: true } } });
    server.addPull('acme/service', { number: 7, files: [] });
    server.addIssue('acme/service', { title: 'unrelated' });
    const event = pullRequestEvent(false);
    const first = await run(
      workspace(report(2, 0, 1)),
      { 'pr-comment': 'true', mode: 'report' },
      { token: 'ghs_rw', event },
    );
    expect(first.main.exitCode).toBe(0);
    expect(server.comments('acme/service', 7)).toHaveLength(1);
    expect(server.comments('acme/service', 7)[0]!.body).toMatch(
      /### Test results: ❌ failed[\s\S]*#### Flaky tests[\s\S]*k0/,
    );
    const second = await run(
      workspace(report(0, 0, 0)),
      { 'pr-comment': 'true' },
      { token: 'ghs_rw', event, env: { GITHUB_RUN_ID: '1001' } },
    );
    expect(second.main.exitCode).toBe(0);
    const comments = server.comments('acme/service', 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('### Test results: ✅ passed');
    expect(comments[0]!.body).not.toContain('Flaky tests');
    expect(
      server.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/issues/comments/')),
    ).toHaveLength(1);
  });
});

describe('fork and Dependabot pull requests: a read-only token degrades every write to a warning', () => {
  const everything = { 'check-run': 'true', 'pr-comment': 'true', 'create-issues': 'true' };

  it('a fork pull request: check run, comment and issues answered 403 are warnings; the verdict decides the step', async () => {
    server = await startGitHubApi({ tokens: { ghs_ro: { write: false } } });
    server.addPull('acme/service', { number: 7, files: [] });
    const ws = workspace(report(0, 1, 1));
    const { main } = await run(ws, everything, { token: 'ghs_ro', event: pullRequestEvent(true) });
    expect(main.exitCode).toBe(0);
    expect(main.outputs.verdict).toBe('passed-with-quarantined');
    expect(main.errors).toEqual([]);
    const skipped = main.annotations.filter((a) => a.properties.title?.endsWith('skipped (read-only token)'));
    expect(skipped.map((a) => a.properties.title)).toEqual([
      'Flaky-test issues not opened: skipped (read-only token)',
      'Check run not created: skipped (read-only token)',
      'Pull request comment not written: skipped (read-only token)',
    ]);
    for (const a of skipped) {
      expect(a.command).toBe('warning');
      expect(a.value).toMatch(
        /HTTP 403 Resource not accessible by integration.* — a pull request from a fork gets a read-only token/,
      );
      expect(a.value).toContain('workflow_run');
    }
    expect(server.checkRuns('acme/service', HEAD)).toEqual([]);
  });

  it('a failing fork pull request still fails on its tests alone, with the writes as warnings', async () => {
    server = await startGitHubApi({ tokens: { ghs_ro: { write: false } } });
    server.addPull('acme/service', { number: 7, files: [] });
    const { main } = await run(workspace(report(3, 0, 0)), everything, {
      token: 'ghs_ro',
      event: pullRequestEvent(true),
    });
    expect(main.exitCode).toBe(1);
    expect(main.errors.at(-1)).toBe('Tests failed: 3 tests failed and are not quarantined.');
    expect(main.errors.some((e) => /403/.test(e))).toBe(false);
  });

  it('a Dependabot pull request: issue creation refused with 403 is a warning, not a failed step', async () => {
    server = await startGitHubApi({ tokens: { ghs_ro: { write: false } } });
    const ws = workspace(report(0, 0, 1));
    const { main } = await run(
      ws,
      { 'create-issues': 'true', 'flake-threshold': '0' },
      {
        token: 'ghs_ro',
        event: pullRequestEvent(false),
        env: { GITHUB_ACTOR: 'dependabot[bot]' },
      },
    );
    expect(main.exitCode).toBe(0);
    expect(main.errors).toEqual([]);
    const warning = main.annotations.find(
      (a) => a.properties.title === 'Flaky-test issues not opened: skipped (read-only token)',
    );
    expect(warning?.value).toMatch(
      /HTTP 403 Resource not accessible by integration.*a Dependabot pull request gets a read-only token/,
    );
  });

  it('the same 403 on a push to the repository itself stays an error (a wrong setup is not hidden)', async () => {
    server = await startGitHubApi({ tokens: { ghs_ro: { write: false } } });
    const { main } = await run(
      workspace(report(0, 0, 0)),
      { 'check-run': 'true' },
      { token: 'ghs_ro', env: { GITHUB_SHA: HEAD } },
    );
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual([
      expect.stringMatching(/check-runs: HTTP 403 Resource not accessible by integration/),
    ]);
  });

  it('history: branch on a fork pull request: a refused push is a warning and the run is still judged', async () => {
    server = await startGitHubApi({ tokens: { ghs_ro: { write: false } } });
    const root = mkdtempSync(join(tmpdir(), 'q-gh-git-'));
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    };
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', args, { cwd, encoding: 'utf8', env }).trim();
    git(root, 'init', '--quiet', '--bare', '-b', 'main', 'origin.git');
    // What GitHub answers a read-only token's push.
    writeFileSync(
      join(root, 'origin.git/hooks/pre-receive'),
      '#!/bin/sh\necho "Permission to acme/service.git denied to github-actions[bot]." >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const ws = workspace(report(0, 0, 1));
    git(ws, 'init', '--quiet', '-b', 'main');
    git(ws, 'add', '.');
    git(ws, 'commit', '--quiet', '-m', 'seed');
    git(ws, 'remote', 'add', 'origin', join(root, 'origin.git'));
    const { main } = await run(ws, { history: 'branch' }, { token: 'ghs_ro', event: pullRequestEvent(true) });
    expect(main.exitCode).toBe(0);
    const warning = main.annotations.find((a) => a.properties.title === 'Test history not updated');
    expect(warning?.command).toBe('warning');
    expect(warning?.value).toMatch(
      /cannot push the history branch.*a pull request from a fork gets a read-only token/,
    );
  });
});
