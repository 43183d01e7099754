/**
 * The bundled action (dist/changes/index.js) run through test/harness exactly as the runner runs
 * it: action.yml defaults applied, outputs read back from GITHUB_OUTPUT, event payload files,
 * workflow commands parsed from stdout.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePath } from '../../src/changes/paths.js';
import { runAction } from '../harness/index.js';
import { events, Scenario, ZERO_SHA } from '../support/git-scenarios.js';
import { startForwardProxy } from '../support/forward-proxy.js';
import { type GitHubApi, secondaryRateLimit, startGitHubApi } from '../support/github-api.js';
import { HOSTILE_NAMES } from './hostile-names.js';

const scenarios: Scenario[] = [];
const tempDirs: string[] = [];
afterAll(() => {
  for (const s of scenarios) s.cleanup();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
function scenario(): Scenario {
  const s = new Scenario();
  scenarios.push(s);
  return s;
}

const HARNESS_TOKEN = 'ghs_harness-token';
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

function pullRequestScenario() {
  const s = scenario();
  s.commit('root', { 'README.md': '# service\n', 'src/app.ts': 'app\n', 'docs/guide.md': 'guide\n' });
  s.branch('feature');
  s.switch('feature');
  s.commit('feature', { 'src/app.ts': 'app v2\n', 'feature/a.ts': 'a\n' });
  s.switch('main');
  const mainTip = s.commit('main moves on', { 'docs/guide.md': 'guide v2\n' });
  const pr = s.pullRequest(12, 'feature', 'main');
  const workspace = s.checkout(pr.merge, 'refs/pull/12/merge');
  return {
    s,
    pr,
    mainTip,
    workspace,
    event: events.pullRequest({ number: 12, base: mainTip, head: pr.head }),
  };
}

describe('changes action end to end', () => {
  it('applies action.yml defaults, reads the event payload file, writes outputs, summary and structured log', async () => {
    const { pr, mainTip, workspace, event } = pullRequestScenario();
    const logFile = join(tempDir('gantry-log-'), 'log.jsonl');
    const run = await runAction({
      action: 'changes',
      workspace,
      event,
      env: { GANTRY_LOG_FILE: logFile, GITHUB_SHA: pr.merge, GITHUB_REF: 'refs/pull/12/merge' },
      inputs: { filters: "backend:\n  - 'src/**'\nfeature: 'feature/**'\ndocs: ['docs/**']\n" },
    });
    expect(run.main.exitCode, run.main.stdout + run.main.stderr).toBe(0);
    expect(run.main.outputs).toEqual({
      backend: 'true',
      backend_count: '1',
      feature: 'true',
      feature_count: '1',
      docs: 'false',
      docs_count: '0',
      changes: '["backend","feature"]',
      'base-sha': mainTip,
      'head-sha': pr.merge,
      files: JSON.stringify([
        { status: 'added', path: 'feature/a.ts' },
        { status: 'modified', path: 'src/app.ts' },
      ]),
    });
    // token's default, ${{ github.token }}, reached the action and was masked before anything printed.
    expect(run.masks).toContain(HARNESS_TOKEN);
    expect(run.main.leaks).toEqual([]);
    expect(run.main.summary).toContain('| filter | changed | files |');
    expect(run.main.summary).toMatch(/\| backend \| ✅ true \| 1 \|/);
    expect(run.main.summary).toContain('<details><summary>Changed files (2)</summary>');
    const stages = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(stages.map((s) => s.stage)).toEqual(['resolve', 'diff', 'match']);
    expect(stages[0]).toMatchObject({
      action: 'changes',
      outcome: 'success',
      mode: 'commits',
      base: mainTip,
    });
    expect(stages[0]!.git_fetches).toBe(1);
    expect(stages[0]!.git_processes).toBeGreaterThan(1);
    expect(stages[0]!.correlation).toEqual({
      repository: 'acme/service',
      sha: pr.merge,
      run_id: '1000',
      attempt: '1',
    });
  });

  it('list-files formats and predicate-quantifier from inputs; filters read from a file in working-directory', async () => {
    const s = scenario();
    const before = s.commit('one', { 'repo/.keep': '' });
    s.write({ 'repo/.github/filters.yml': "ts:\n  - 'src/**'\n  - '**/*.ts'\n" });
    const head = s.commit('two', { 'src/a.ts': 'a\n', 'src/b.js': 'b\n', 'lib/c.ts': 'c\n' });
    const root = s.checkout(head);
    const run = await runAction({
      action: 'changes',
      workspace: root,
      event: events.push({ before, after: head, ref: 'refs/heads/main' }),
      inputs: { filters: 'repo/.github/filters.yml', 'list-files': 'csv', 'predicate-quantifier': 'every' },
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    expect(run.main.outputs.ts_files).toBe('src/a.ts');
    const some = await runAction({
      action: 'changes',
      workspace: root,
      event: events.push({ before, after: head, ref: 'refs/heads/main' }),
      inputs: { filters: "ts: ['**/*.ts']", 'list-files': 'shell', 'working-directory': '.' },
    });
    expect(some.main.outputs.ts_files).toBe('lib/c.ts src/a.ts');
  });

  it('hostile file names: exact in json, no workflow command in the log', async () => {
    const s = scenario();
    const before = s.commit('one', { 'a.txt': 'a\n' });
    for (const name of HOSTILE_NAMES) {
      const path = Buffer.concat([Buffer.from(`${s.origin}/dir/`), encodePath(name)]);
      mkdirSync(dirname(join(s.origin, 'dir', name)), { recursive: true });
      writeFileSync(path, 'x\n');
    }
    const head = s.commit('hostile');
    const workspace = s.checkout(head);
    const run = await runAction({
      action: 'changes',
      workspace,
      event: events.push({ before, after: head, ref: 'refs/heads/main' }),
      inputs: { filters: "all: '**'\nnone: '!**'", 'list-files': 'json' },
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    const expected = HOSTILE_NAMES.map((n) => `dir/${n}`).sort(bytewise);
    expect((JSON.parse(run.main.outputs.all_files!) as string[]).sort(bytewise)).toEqual(expected);
    expect(run.main.outputs.all_count).toBe(String(HOSTILE_NAMES.length));
    // No file name became a command: one group, and masks that are the token's own forms (raw and
    // Markdown-escaped, src/runtime/text.ts secretMasks).
    const kinds = run.main.commands.map((c) => c.command);
    expect(kinds.filter((k) => k !== 'add-mask').sort()).toEqual(['endgroup', 'group']);
    const masks = run.main.commands.filter((c) => c.command === 'add-mask').map((c) => c.value);
    expect(masks.length).toBeGreaterThan(0);
    expect(masks.every((m) => m.replace(/\\/g, '') === 'ghs_harness-token')).toBe(true);
    expect(run.main.stdout).not.toMatch(/^\s*::error::injected/m);
  });

  it('a ConfigurationError ends the step with exactly one ::error:: line and no stack trace', async () => {
    const { workspace, event } = pullRequestScenario();
    const cases: [Record<string, string>, string][] = [
      [{ filters: "ok: 'src/**'\nchanges: 'x/**'" }, "Filter 'changes' ('filters' input, line 2)"],
      [{ filters: "web:\n  - modifed: 'src/**'" }, 'unknown change type "modifed"'],
      [
        { filters: "web: 'src/**'", 'list-files': 'yaml' },
        'Input \'list-files\': got "yaml"; expected one of none, csv, json, shell, escape',
      ],
      [{ filters: "web: 'src/**'", 'initial-fetch-depth': 'deep' }, "Input 'initial-fetch-depth'"],
      [{ filters: "web: 'src/**'", base: 'no-such-branch' }, 'Input \'base\': got "no-such-branch"'],
      [{ filters: 'missing-filters.yml' }, 'Input \'filters\': got "missing-filters.yml"'],
      [{ filters: "web: 'src/**'", 'working-directory': 'nope' }, 'Input \'working-directory\': got "nope"'],
      [
        { filters: "web: 'src/**'", 'predicate-quantifier': 'all' },
        'Input \'predicate-quantifier\': got "all"; expected one of some, every',
      ],
      [{ filters: "web: 'src/**'", 'allow-truncated': 'yes' }, 'Input \'allow-truncated\': got "yes"'],
    ];
    for (const [inputs, message] of cases) {
      const run = await runAction({ action: 'changes', workspace, event, inputs });
      expect(run.main.exitCode).toBe(1);
      expect(run.main.errors).toHaveLength(1);
      expect(run.main.errors[0]).toContain(message);
      noStack(run.main.stdout);
      noStack(run.main.stderr);
    }
  });

  it('warns about patterns that name a directory, which match no file under it', async () => {
    const { workspace, event } = pullRequestScenario();
    const run = await runAction({
      action: 'changes',
      workspace,
      event,
      inputs: { filters: "docs: 'docs/'\nsrc:\n  - 'src'\n  - 'README.md'" },
    });
    expect(run.main.exitCode).toBe(0);
    expect(run.main.annotations.filter((a) => a.command === 'warning').map((a) => a.value)).toEqual([
      expect.stringContaining('the pattern "docs/" names a directory and matches no file; write \'docs/**\''),
      expect.stringContaining("Filter 'src' ('filters' input, line 3): 'src' is a directory"),
    ]);
  });
});

describe('every event, end to end from a depth-1 checkout and its payload file', () => {
  // main: root → a → (tag v1) → b; feature forks at a and adds f; a new tag v2 on b.
  const s = scenario();
  const root = s.commit('root', { 'README.md': 'r\n' });
  const a = s.commit('a', { 'src/a.ts': 'a\n' });
  s.tag('v1');
  s.branch('feature');
  const b = s.commit('b', { 'src/b.ts': 'b\n' });
  s.tag('v2');
  s.switch('feature');
  const f = s.commit('f', { 'feature/f.ts': 'f\n' });
  s.switch('main');
  const cases: {
    title: string;
    ref: string;
    sha: string;
    event: { name: string; payload: unknown };
    githubRef: string;
    base: string;
    files: string[];
  }[] = [
    {
      title: 'merge_group',
      sha: b,
      ref: 'refs/heads/main',
      githubRef: 'refs/heads/gh-readonly-queue/main/pr-1',
      event: events.mergeGroup({ baseSha: root, headSha: b }),
      base: root,
      files: ['src/a.ts', 'src/b.ts'],
    },
    {
      title: 'push to main',
      sha: b,
      ref: 'refs/heads/main',
      githubRef: 'refs/heads/main',
      event: events.push({ before: a, after: b, ref: 'refs/heads/main' }),
      base: a,
      files: ['src/b.ts'],
    },
    {
      title: 'push of a new branch',
      sha: f,
      ref: 'refs/heads/feature',
      githubRef: 'refs/heads/feature',
      event: events.push({ before: ZERO_SHA, after: f, ref: 'refs/heads/feature' }),
      base: a,
      files: ['feature/f.ts'],
    },
    {
      title: 'tag push',
      sha: b,
      ref: 'refs/tags/v2',
      githubRef: 'refs/tags/v2',
      event: events.push({ before: ZERO_SHA, after: b, ref: 'refs/tags/v2' }),
      base: a,
      files: ['src/b.ts'],
    },
    {
      title: 'schedule on main',
      sha: b,
      ref: 'refs/heads/main',
      githubRef: 'refs/heads/main',
      event: events.other('schedule'),
      base: a,
      files: ['src/b.ts'],
    },
    {
      title: 'workflow_dispatch on feature',
      sha: f,
      ref: 'refs/heads/feature',
      githubRef: 'refs/heads/feature',
      event: events.other('workflow_dispatch'),
      base: a,
      files: ['feature/f.ts'],
    },
    {
      title: 'workflow_run',
      sha: b,
      ref: 'refs/heads/main',
      githubRef: 'refs/heads/main',
      event: events.other('workflow_run'),
      base: a,
      files: ['src/b.ts'],
    },
  ];
  it.each(cases)('$title', async ({ sha, ref, githubRef, event, base, files }) => {
    const run = await runAction({
      action: 'changes',
      workspace: s.checkout(sha, ref),
      event,
      env: { GITHUB_SHA: sha, GITHUB_REF: githubRef },
      inputs: { filters: "all: '**'", 'list-files': 'json' },
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    expect(run.main.outputs['base-sha']).toBe(base);
    expect(run.main.outputs['head-sha']).toBe(sha);
    expect(JSON.parse(run.main.outputs.all_files!)).toEqual(files);
  });
});

describe('GitHub API', () => {
  let server: GitHubApi;
  const files = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ filename: `pkg${i % 7}/file-${i}.ts`, status: 'modified' }));
  beforeAll(async () => {
    server = await startGitHubApi({ tokens: { [HARNESS_TOKEN]: { write: false } } });
    server.addPull('acme/service', {
      number: 5,
      files: [
        ...files(148),
        { filename: 'new/name.ts', status: 'renamed', previous_filename: 'old/name.ts' },
        { filename: 'gone.ts', status: 'removed' },
      ],
    });
    server.addPull('acme/service', { number: 6, files: files(3105) });
  });
  afterAll(() => server.close());

  const noCheckout = () => tempDir('gantry-no-checkout-');
  const prEvent = (number: number, changedFiles: number) =>
    events.pullRequest({ number, base: 'a'.repeat(40), head: 'b'.repeat(40), changedFiles });

  it('without a checkout, reads every page of the pull request files', async () => {
    const run = await runAction({
      action: 'changes',
      workspace: noCheckout(),
      event: prEvent(5, 150),
      env: { GITHUB_API_URL: server.url },
      inputs: { filters: "pkg0: 'pkg0/**'\nrenamed: [{renamed: 'old/**'}]\ndeleted: [{deleted: '**'}]" },
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    expect(run.main.outputs).toMatchObject({
      pkg0_count: '22',
      renamed: 'true',
      deleted_count: '2',
      'head-sha': 'b'.repeat(40),
    });
    expect(
      server.requests
        .filter((r) => r.path === '/repos/acme/service/pulls/5/files')
        .map((r) => r.query.get('page') ?? '1'),
    ).toEqual(['1', '2']);
  });

  it('fails on a truncated file list unless allow-truncated is true', async () => {
    const base = {
      action: 'changes',
      workspace: noCheckout(),
      event: prEvent(6, 3105),
      env: { GITHUB_API_URL: server.url },
    };
    const strict = await runAction({ ...base, inputs: { filters: "all: '**'" } });
    expect(strict.main.exitCode).toBe(1);
    expect(strict.main.errors).toEqual([
      expect.stringContaining('changes 3105 files but the GitHub API returns only 3000'),
    ]);
    const allowed = await runAction({ ...base, inputs: { filters: "all: '**'", 'allow-truncated': 'true' } });
    expect(allowed.main.exitCode).toBe(0);
    expect(allowed.main.outputs.all_count).toBe('3000');
    expect(allowed.main.annotations.map((a) => a.command)).toEqual(['warning']);
  });

  it('a 3,000-file pull request is read in 30 requests (100 a page, no extra call when the payload has changed_files)', async () => {
    const before = server.requests.length;
    const run = await runAction({
      action: 'changes',
      workspace: noCheckout(),
      event: prEvent(6, 3105),
      env: { GITHUB_API_URL: server.url },
      inputs: { filters: "all: '**'", 'allow-truncated': 'true' },
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    const made = server.requests.slice(before);
    expect(made.map((r) => r.path)).toEqual(Array(30).fill('/repos/acme/service/pulls/6/files'));
    expect(made.map((r) => r.query.get('per_page') ?? '')).toEqual(Array(30).fill('100'));
  });

  it('waits out a secondary rate limit (403 with Retry-After) instead of reporting permissions', async () => {
    server.fail(secondaryRateLimit('GET', '/repos/acme/service/pulls/5/files'));
    const run = await runAction({
      action: 'changes',
      workspace: noCheckout(),
      event: prEvent(5, 150),
      env: { GITHUB_API_URL: server.url },
      inputs: { filters: "all: '**'" },
    });
    expect(run.main.errors).toEqual([]);
    expect(run.main.exitCode).toBe(0);
    expect(run.main.outputs.all).toBe('true');
    expect(run.main.log).toMatch(/secondary rate limit .*waiting 1 s/);
  });

  it('goes through HTTP_PROXY (a real tinyproxy), not when NO_PROXY names the host; a refusing proxy is named as such', async () => {
    const proxy = await startForwardProxy();
    const refusing = await startForwardProxy({ refuse: true });
    try {
      const base = {
        action: 'changes',
        workspace: noCheckout(),
        event: prEvent(5, 150),
        inputs: { filters: "all: '**'" },
      };
      let before = server.requests.length;
      const proxied = await runAction({
        ...base,
        env: { GITHUB_API_URL: server.url, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url },
      });
      expect(proxied.main.errors).toEqual([]);
      const through = server.requests.slice(before);
      expect(through.length).toBe(2);
      expect(through.every((r) => String(r.headers.via).includes(proxy.via))).toBe(true);

      before = server.requests.length;
      const direct = await runAction({
        ...base,
        env: { GITHUB_API_URL: server.url, HTTP_PROXY: proxy.url, NO_PROXY: 'example.com,127.0.0.1' },
      });
      expect(direct.main.errors).toEqual([]);
      expect(server.requests.slice(before).every((r) => r.headers.via === undefined)).toBe(true);

      const refused = await runAction({
        ...base,
        env: { GITHUB_API_URL: server.url, HTTP_PROXY: refusing.url },
      });
      expect(refused.main.exitCode).toBe(1);
      expect(refused.main.errors).toEqual([
        expect.stringMatching(
          /HTTP 403 from a proxy or gateway, not from GitHub.*HTTPS_PROXY, HTTP_PROXY and NO_PROXY/,
        ),
      ]);
      expect(refused.main.errors[0]).not.toContain("'token' input");
    } finally {
      await proxy.stop();
      await refusing.stop();
    }
  });

  it('a bad token is a ConfigurationError naming the token input', async () => {
    const run = await runAction({
      action: 'changes',
      workspace: noCheckout(),
      event: prEvent(5, 150),
      env: { GITHUB_API_URL: server.url },
      inputs: { filters: "all: '**'", token: 'ghs_wrong' },
    });
    expect(run.main.exitCode).toBe(1);
    expect(run.main.errors).toEqual([
      expect.stringContaining("answered 401 (Bad credentials): check the 'token' input"),
    ]);
    expect(run.main.log).not.toContain('ghs_wrong');
    expect(run.main.leaks).toEqual([]);
  });

  it('a push without a checkout is a ConfigurationError asking for actions/checkout', async () => {
    const run = await runAction({
      action: 'changes',
      workspace: noCheckout(),
      event: events.push({ before: 'a'.repeat(40), after: 'b'.repeat(40), ref: 'refs/heads/main' }),
      inputs: { filters: "all: '**'" },
    });
    expect(run.main.errors).toEqual([expect.stringContaining('add actions/checkout')]);
  });

  it('base: last-success compares with the last successful run of this workflow on the branch', async () => {
    const s = scenario();
    s.commit('one', { 'a.txt': 'a\n' });
    const green = s.commit('two', { 'b.txt': 'b\n' });
    const red = s.commit('three', { 'c.txt': 'c\n' });
    const head = s.commit('four', { 'd.txt': 'd\n' });
    const api = await startGitHubApi({ tokens: { [HARNESS_TOKEN]: { write: false } } });
    api.addRun('acme/service', {
      workflow: 'ci.yml',
      head_branch: 'main',
      head_sha: green,
      conclusion: 'success',
    });
    api.addRun('acme/service', {
      workflow: 'ci.yml',
      head_branch: 'main',
      head_sha: red,
      conclusion: 'failure',
    });
    api.addRun('acme/service', {
      workflow: 'other.yml',
      head_branch: 'main',
      head_sha: red,
      conclusion: 'success',
    });
    try {
      const run = await runAction({
        action: 'changes',
        workspace: s.checkout(head),
        event: events.other('workflow_dispatch'),
        env: {
          GITHUB_API_URL: api.url,
          GITHUB_REF: 'refs/heads/main',
          GITHUB_WORKFLOW_REF: 'acme/service/.github/workflows/ci.yml@refs/heads/main',
        },
        inputs: { filters: "all: '**'", base: 'last-success', 'list-files': 'json' },
      });
      expect(run.main.exitCode, run.main.stdout).toBe(0);
      expect(run.main.outputs['base-sha']).toBe(green);
      expect(run.main.outputs.all_files).toBe('["c.txt","d.txt"]');
      expect(api.requests[0]!.url).toContain('/actions/workflows/ci.yml/runs?branch=main&status=success');
    } finally {
      await api.close();
    }
  });
});

describe('workspaces: true', () => {
  const manifest = (name: string, deps: Record<string, string> = {}) =>
    `${JSON.stringify({ name, version: '1.0.0', dependencies: deps }, null, 2)}\n`;
  const ROOTS: Record<'npm' | 'yarn' | 'pnpm', Record<string, string>> = {
    npm: {
      'package.json': JSON.stringify({
        name: 'root',
        private: true,
        workspaces: ['packages/*', 'apps/*', '!apps/legacy'],
      }),
    },
    yarn: {
      'package.json': JSON.stringify({
        name: 'root',
        private: true,
        workspaces: { packages: ['packages/*', 'apps/*', '!apps/legacy'], nohoist: ['**/react'] },
      }),
    },
    pnpm: {
      'package.json': JSON.stringify({ name: 'root', private: true }),
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'apps/*'\n  - '!apps/legacy'\n",
    },
  };
  function monorepo(layout: keyof typeof ROOTS) {
    const s = scenario();
    const root = ROOTS[layout];
    const before = s.commit('monorepo', {
      ...root,
      'package-lock.json': '{}\n',
      'packages/core/package.json': manifest('@acme/core'),
      'packages/ui/package.json': manifest('@acme/ui', { '@acme/core': 'workspace:*', react: '^19' }),
      'apps/web/package.json': manifest('web', { '@acme/ui': '1.0.0' }),
      'apps/cli/package.json': manifest('cli'),
      'apps/legacy/package.json': manifest('legacy', { '@acme/core': '1.0.0' }),
      'packages/core/src/index.ts': 'export {}\n',
    });
    return { s, before };
  }

  it.each(['npm', 'yarn', 'pnpm'] as const)(
    '%s: the owner of a changed file and its transitive dependents, with reasons',
    async (layout) => {
      const { s, before } = monorepo(layout);
      const head = s.commit('core change', { 'packages/core/src/index.ts': 'export const x = 1;\n' });
      const run = await runAction({
        action: 'changes',
        workspace: s.checkout(head),
        event: events.push({ before, after: head, ref: 'refs/heads/main' }),
        inputs: { filters: "all: '**'", workspaces: 'true' },
      });
      expect(run.main.exitCode, run.main.stdout).toBe(0);
      expect(JSON.parse(run.main.outputs['affected-packages']!)).toEqual([
        { name: 'web', path: 'apps/web', reason: 'depends on @acme/ui' },
        { name: '@acme/core', path: 'packages/core', reason: 'files changed under packages/core/' },
        { name: '@acme/ui', path: 'packages/ui', reason: 'depends on @acme/core' },
      ]);
      expect(run.main.summary).toContain('#### Affected packages (3)');
      expect(run.main.summary).toContain('| web | apps/web | depends on @acme/ui |');
    },
  );

  it('a root lockfile change that cannot be read affects every package, with a warning', async () => {
    const { s, before } = monorepo('npm');
    const head = s.commit('lock', { 'package-lock.json': '{"lockfileVersion": 3}\n' });
    const run = await runAction({
      action: 'changes',
      workspace: s.checkout(head),
      event: events.push({ before, after: head, ref: 'refs/heads/main' }),
      inputs: { filters: "all: '**'", workspaces: 'true' },
    });
    const affected = JSON.parse(run.main.outputs['affected-packages']!) as { name: string; reason: string }[];
    expect(affected.map((p) => p.name)).toEqual(['cli', 'web', '@acme/core', '@acme/ui']);
    expect(new Set(affected.map((p) => p.reason))).toEqual(
      new Set(['root package-lock.json changed and cannot be read']),
    );
    expect(run.main.annotations.map((a) => a.value)).toEqual([
      expect.stringContaining('package-lock.json has lockfileVersion undefined'),
    ]);
  });
});

function bytewise(a: string, b: string): number {
  return Buffer.compare(encodePath(a), encodePath(b));
}
