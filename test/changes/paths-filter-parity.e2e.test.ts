/**
 * dorny/paths-filter parity, through the bundled action (dist/changes/index.js) and test/harness:
 * pushes to a branch other than the base compare from the merge-base; any YAML key is a filter
 * name and its outputs read back from the output file as the runner reads it; a pull request in a
 * checkout whose git cannot fetch (persist-credentials: false on a private repository) falls back to
 * the pull request files API, and when nothing works the error says what failed and how to fix it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../harness/index.js';
import { events, git, Scenario } from '../support/git-scenarios.js';
import { type GitHubApi, startGitHubApi } from '../support/github-api.js';

const HARNESS_TOKEN = 'ghs_harness-token';
const scenarios: Scenario[] = [];
afterAll(() => {
  for (const s of scenarios) s.cleanup();
});
function scenario(): Scenario {
  const s = new Scenario();
  scenarios.push(s);
  return s;
}

describe('push: merge-base with the base branch unless the push is to the base branch itself', () => {
  // main: root → m1 → m2; feature forks at m1 with f1 (pushed, its pipeline failed) then f2.
  const s = scenario();
  s.commit('root', { 'README.md': 'r\n' });
  const m1 = s.commit('m1', { 'src/main.ts': 'm1\n' });
  s.branch('feature');
  s.branch('release');
  const m2 = s.commit('m2', { 'src/main.ts': 'm2\n' });
  s.switch('feature');
  const f1 = s.commit('f1', { 'api/first.ts': 'f1\n' });
  const f2 = s.commit('f2', { 'web/second.ts': 'f2\n' });
  s.switch('release');
  const r1 = s.commit('r1', { 'release/notes.md': 'r1\n' });
  const r2 = s.commit('r2', { 'release/more.md': 'r2\n' });
  s.switch('main');

  const run = (sha: string, branch: string, before: string, inputs: Record<string, string> = {}) =>
    runAction({
      action: 'changes',
      workspace: s.checkout(sha, `refs/heads/${branch}`),
      event: events.push({ before, after: sha, ref: `refs/heads/${branch}` }),
      env: { GITHUB_SHA: sha, GITHUB_REF: `refs/heads/${branch}` },
      inputs: { filters: "api: 'api/**'\nweb: 'web/**'\nall: '**'", 'list-files': 'json', ...inputs },
    });

  it("a branch's second push reports everything the branch changed since it left the default branch", async () => {
    const second = await run(f2, 'feature', f1);
    expect(second.main.exitCode, second.main.stdout).toBe(0);
    expect(second.main.outputs['base-sha']).toBe(m1);
    expect(second.main.outputs.api).toBe('true');
    expect(JSON.parse(second.main.outputs.all_files!)).toEqual(['api/first.ts', 'web/second.ts']);
    expect(second.main.log).toContain('push to feature, compared with the default branch main');
  });

  it('a push to the default branch itself compares before..after', async () => {
    const pushed = await run(m2, 'main', m1);
    expect(pushed.main.exitCode, pushed.main.stdout).toBe(0);
    expect(pushed.main.outputs['base-sha']).toBe(m1);
    expect(JSON.parse(pushed.main.outputs.all_files!)).toEqual(['src/main.ts']);
  });

  it("'base' names the base branch: before..after on it, the merge-base with it elsewhere", async () => {
    const onBase = await run(r2, 'release', r1, { base: 'release' });
    expect(onBase.main.exitCode, onBase.main.stdout).toBe(0);
    expect(onBase.main.outputs['base-sha']).toBe(r1);
    expect(JSON.parse(onBase.main.outputs.all_files!)).toEqual(['release/more.md']);
    const elsewhere = await run(f2, 'feature', f1, { base: 'release' });
    expect(elsewhere.main.outputs['base-sha']).toBe(m1);
    expect(JSON.parse(elsewhere.main.outputs.all_files!)).toEqual(['api/first.ts', 'web/second.ts']);
  });
});

describe('any YAML key is a filter name; outputs never break the output file', () => {
  const long = `very/long/${'x'.repeat(5000)}`;
  // Names as YAML double-quoted keys: every escape YAML has.
  const names: [yaml: string, name: string, output: string][] = [
    ['"services/api"', 'services/api', 'services/api'],
    ['"a=b"', 'a=b', 'a%3Db'],
    ['"x<<y"', 'x<<y', 'x%3C%3Cy'],
    ['"ends<"', 'ends<', 'ends%3C'],
    ['"a<b"', 'a<b', 'a%3Cb'],
    ['"new\\nline"', 'new\nline', 'new%0Aline'],
    ['"x\\n::error::injected"', 'x\n::error::injected', 'x%0A::error::injected'],
    ['"ünï©ødé 測試"', 'ünï©ødé 測試', 'ünï©ødé 測試'],
    ['"__proto__"', '__proto__', '__proto__'],
    ['"constructor"', 'constructor', 'constructor'],
    ['"50%"', '50%', '50%'],
    [`"${long}"`, long, long],
  ];

  it('each filter is readable under its output name, with _count and _files; changes lists the names as written', async () => {
    const s = scenario();
    const before = s.commit('one', { 'a.txt': 'a\n' });
    const head = s.commit('two', { 'src/b.ts': 'b\n' });
    // An explicit key (`? key`), since YAML limits an implicit one to 1,024 characters.
    const filters = names.map(([yaml]) => `? ${yaml}\n: 'src/**'`).join('\n') + "\nnone: 'docs/**'";
    const run = await runAction({
      action: 'changes',
      workspace: s.checkout(head),
      event: events.push({ before, after: head, ref: 'refs/heads/main' }),
      inputs: { filters, 'list-files': 'json' },
    });
    expect(run.main.exitCode, run.main.stdout + run.main.stderr).toBe(0);
    const expected: Record<string, string> = {};
    for (const [, , output] of names) {
      Object.defineProperty(expected, output, { value: 'true', enumerable: true });
      expected[`${output}_count`] = '1';
      expected[`${output}_files`] = '["src/b.ts"]';
    }
    const outputs = run.main.outputs;
    const perFilter = Object.fromEntries(
      Object.entries(outputs).filter(([key]) => !['changes', 'base-sha', 'head-sha', 'files'].includes(key)),
    );
    expect(Object.keys(perFilter).sort()).toEqual(
      [...Object.keys(expected), 'none', 'none_count', 'none_files'].sort(),
    );
    for (const [key, value] of Object.entries(expected)) expect(outputs[key], key.slice(0, 40)).toBe(value);
    expect(JSON.parse(outputs.changes!)).toEqual(names.map(([, name]) => name));
    // A name is never a workflow command in the log.
    expect(run.main.stdout).not.toMatch(/^\s*::error::injected/m);
    expect(run.main.errors).toEqual([]);
  });

  it('names that would be the same output (case, encoding, suffixes) are refused naming both', async () => {
    const s = scenario();
    const head = s.commit('one', { 'a.txt': 'a\n' });
    for (const [filters, message] of [
      [
        "api: 'a/**'\nAPI: 'b/**'",
        "Filter 'API' ('filters' input, line 2): its output 'API' is also an output of filter 'api' on line 1",
      ],
      ['"a=b": \'a/**\'\n"a%3Db": \'b/**\'', "Filter 'a%3Db'"],
      ["Changes: 'a/**'", "is this action's own output 'changes'"],
    ]) {
      const run = await runAction({
        action: 'changes',
        workspace: s.checkout(head),
        event: events.push({ before: head, after: head, ref: 'refs/heads/main' }),
        inputs: { filters: filters! },
      });
      expect(run.main.exitCode).toBe(1);
      expect(run.main.errors).toEqual([expect.stringContaining(message!)]);
    }
  });
});

describe('a checkout whose git cannot fetch (persist-credentials: false on a private repository)', () => {
  let api: GitHubApi;
  let privateRemote: Server;
  let remoteUrl: string;
  beforeAll(async () => {
    api = await startGitHubApi({ tokens: { [HARNESS_TOKEN]: { write: false } } });
    api.addPull('acme/service', {
      number: 12,
      files: [
        { filename: 'src/app.ts', status: 'modified' },
        { filename: 'feature/a.ts', status: 'added' },
      ],
    });
    api.addPull('acme/service', {
      number: 13,
      files: Array.from({ length: 3105 }, (_, i) => ({ filename: `f/${i}.ts`, status: 'added' })),
    });
    // What GitHub answers an anonymous git request for a private repository.
    privateRemote = createServer((_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="GitHub"' });
      res.end();
    });
    await new Promise<void>((resolve) => privateRemote.listen(0, '127.0.0.1', resolve));
    remoteUrl = `http://127.0.0.1:${(privateRemote.address() as AddressInfo).port}/acme/service`;
  });
  afterAll(async () => {
    await api.close();
    await new Promise((resolve) => privateRemote.close(resolve));
  });

  /** A depth-1 checkout of the PR's merge commit whose remote then needs credentials it does not have. */
  function checkoutWithoutCredentials(number: number) {
    const s = scenario();
    s.commit('root', { 'README.md': '# service\n', 'src/app.ts': 'app\n' });
    s.branch('feature');
    s.switch('feature');
    s.commit('feature', { 'src/app.ts': 'app v2\n', 'feature/a.ts': 'a\n' });
    s.switch('main');
    const mainTip = s.commit('main moves on', { 'docs/guide.md': 'guide\n' });
    const pr = s.pullRequest(number, 'feature', 'main');
    const workspace = s.checkout(pr.merge, `refs/pull/${number}/merge`);
    git(workspace, ['remote', 'set-url', 'origin', remoteUrl]);
    return { s, pr, mainTip, workspace };
  }

  it('a pull request falls back to the pull request files API, with a notice', async () => {
    const { pr, mainTip, workspace } = checkoutWithoutCredentials(12);
    const run = await runAction({
      action: 'changes',
      workspace,
      event: events.pullRequest({ number: 12, base: mainTip, head: pr.head }),
      env: { GITHUB_API_URL: api.url, GITHUB_SHA: pr.merge, GITHUB_REF: 'refs/pull/12/merge' },
      inputs: { filters: "src: 'src/**'\nfeature: 'feature/**'\ndocs: 'docs/**'" },
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    expect(run.main.outputs).toMatchObject({ src: 'true', feature: 'true', docs: 'false' });
    expect(run.main.outputs['base-sha']).toBe(mainTip);
    expect(run.main.annotations.map((a) => [a.command, a.value])).toEqual([
      [
        'notice',
        expect.stringMatching(
          /git cannot fetch from the remote 'origin' \(.*could not read Username.*\); using pull request #12's files from the GitHub API instead/,
        ),
      ],
    ]);
    expect(run.main.log).not.toMatch(/force push/i);
  });

  it('when the API cannot answer either, one error says what failed and how to fix it; no force-push warning, no input the user never set', async () => {
    const { pr, mainTip, workspace } = checkoutWithoutCredentials(12);
    const run = await runAction({
      action: 'changes',
      workspace,
      event: events.pullRequest({ number: 12, base: mainTip, head: pr.head }),
      env: { GITHUB_API_URL: api.url },
      inputs: { filters: "src: 'src/**'", token: 'ghs_wrong' },
    });
    expect(run.main.exitCode).toBe(1);
    expect(run.main.errors).toHaveLength(1);
    const error = run.main.errors[0]!;
    expect(error).toContain(
      "Cannot tell what pull request #12 changed: git cannot fetch from the remote 'origin'",
    );
    expect(error).toContain('the GitHub API fallback failed');
    expect(error).toContain('401');
    expect(error).toContain("'persist-credentials: true'");
    expect(error).toContain("'fetch-depth: 0'");
    expect(error).toContain('pull-requests: read');
    expect(error).not.toContain("Input 'base'");
    expect(run.main.log).not.toMatch(/force push/i);
    expect(run.main.annotations.filter((a) => a.command === 'warning')).toEqual([]);
    expect(run.main.leaks).toEqual([]);
  });

  it('a truncated API list still fails unless allow-truncated, and says how to get an exact answer', async () => {
    const { pr, mainTip, workspace } = checkoutWithoutCredentials(13);
    const event = events.pullRequest({ number: 13, base: mainTip, head: pr.head, changedFiles: 3105 });
    const strict = await runAction({
      action: 'changes',
      workspace,
      event,
      env: { GITHUB_API_URL: api.url },
      inputs: { filters: "all: '**'" },
    });
    expect(strict.main.exitCode).toBe(1);
    expect(strict.main.errors).toEqual([
      expect.stringMatching(
        /changes 3105 files but the GitHub API returns only 3000.*'fetch-depth: 0'.*'allow-truncated: true'/,
      ),
    ]);
    const allowed = await runAction({
      action: 'changes',
      workspace,
      event,
      env: { GITHUB_API_URL: api.url },
      inputs: { filters: "all: '**'", 'allow-truncated': 'true' },
    });
    expect(allowed.main.exitCode, allowed.main.stdout).toBe(0);
    expect(allowed.main.outputs.all_count).toBe('3000');
  });

  it('a push cannot be answered without git: the error says what failed and how to fix it', async () => {
    const s = scenario();
    const before = s.commit('one', { 'a.txt': 'a\n' });
    const head = s.commit('two', { 'b.txt': 'b\n' });
    const workspace = s.checkout(head);
    git(workspace, ['remote', 'set-url', 'origin', remoteUrl]);
    const run = await runAction({
      action: 'changes',
      workspace,
      event: events.push({ before, after: head, ref: 'refs/heads/main' }),
      inputs: { filters: "all: '**'" },
    });
    expect(run.main.exitCode).toBe(1);
    expect(run.main.errors).toEqual([
      expect.stringMatching(
        /^Cannot compare: git cannot fetch from the remote 'origin' \(.*\)\. To fix it, .*'persist-credentials: true'.*'fetch-depth: 0'/,
      ),
    ]);
    expect(run.main.log).not.toMatch(/force push/i);
  });
});
