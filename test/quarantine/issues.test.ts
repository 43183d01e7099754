// Issues through the suite's one GitHub client (src/github: Octokit over src/net, with the retry and
// throttling plugins) against test/support/github-api.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { githubClient } from '../../src/github/client.js';
import { HttpClient } from '../../src/net/http.js';
import { GitHubIssues, issueMarker, issueTitle } from '../../src/quarantine/issues.js';
import { type GitHubApi, secondaryRateLimit, startGitHubApi } from '../support/github-api.js';

const servers: GitHubApi[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function api(options?: Parameters<typeof startGitHubApi>[0]) {
  const server = await startGitHubApi(options);
  servers.push(server);
  return server;
}

async function issues(server: GitHubApi, token = 'ghs_test-token', waits: string[] = []) {
  const client = await githubClient({
    token,
    context: { apiUrl: server.url, payload: {} },
    http: new HttpClient({ backoffBaseMs: 1, backoffMaxMs: 2, random: () => 0 }),
    onWait: (message) => waits.push(message),
    // Retry-After seconds count as milliseconds here: the waits are real, only shorter.
    retryAfterBaseValue: 1,
  });
  return new GitHubIssues(client, 'acme/service');
}

const route = (server: GitHubApi) => server.requests.map((r) => `${r.method} ${r.path}`);

describe('GitHub issues for flaky tests', () => {
  it('opens one issue per test and finds it again instead of duplicating, without the search API', async () => {
    const server = await api();
    const first = await (await issues(server)).findOrCreate({
      testId: 'tests/a.py::A::test_x[1]',
      body: 'evidence',
    });
    expect(first).toMatchObject({
      number: 1,
      created: true,
      url: 'https://github.com/acme/service/issues/1',
    });
    // A later run: a new client, the issue found by listing open issues.
    const later = await issues(server);
    const again = await later.findOrCreate({ testId: 'tests/a.py::A::test_x[1]', body: 'evidence' });
    expect(again).toMatchObject({ number: 1, created: false });
    const other = await later.findOrCreate({ testId: 'tests/a.py::A::test_x[2]', body: 'evidence' });
    expect(other).toMatchObject({ number: 2, created: true });
    expect(server.issues('acme/service').map((i) => i.title)).toEqual([
      'Flaky test: tests/a.py::A::test_x[1]',
      'Flaky test: tests/a.py::A::test_x[2]',
    ]);
    expect(route(server).some((r) => r.includes('/search/'))).toBe(false);
    // One listing per run, however many tests are looked up.
    expect(route(server).filter((r) => r === 'GET /repos/acme/service/issues')).toHaveLength(2);
    const create = server.requests.find((r) => r.method === 'POST')!;
    expect(create.headers.authorization).toBe('token ghs_test-token');
    expect(JSON.parse(create.body)).toEqual({
      title: 'Flaky test: tests/a.py::A::test_x[1]',
      body: `evidence\n${issueMarker('tests/a.py::A::test_x[1]')}\n`,
    });
  });

  it('finds an open issue opened by hand with the same title, ignoring pull requests, near matches and closed issues', async () => {
    const server = await api();
    server.addIssue('acme/service', { title: 'Flaky test: t::a', pullRequest: true });
    server.addIssue('acme/service', { title: 'Flaky test: t::a extra' });
    server.addIssue('acme/service', { title: 'Flaky test: t::a', state: 'closed' });
    const existing = server.addIssue('acme/service', { title: 'Flaky test: t::a' });
    const ref = await (await issues(server)).findOrCreate({ testId: 't::a', body: '' });
    expect(ref).toMatchObject({ number: existing.number, created: false });

    // Flaky again after its issue was closed: a new issue.
    const reopened = await api();
    reopened.addIssue('acme/service', { title: 'Flaky test: t::b', state: 'closed' });
    const fresh = await (await issues(reopened)).findOrCreate({ testId: 't::b', body: '' });
    expect(fresh).toMatchObject({ number: 2, created: true });
  });

  it('finds its own issue by the hidden marker on any page of open issues, even renamed', async () => {
    const server = await api();
    for (let i = 0; i < 230; i++) server.addIssue('acme/service', { title: `unrelated ${i}` });
    const mine = server.addIssue('acme/service', {
      title: 'Renamed by a maintainer',
      body: `notes\n${issueMarker('suite::slow test')}\n`,
    });
    const ref = await (await issues(server)).findOrCreate({ testId: 'suite::slow test', body: '' });
    expect(ref).toMatchObject({ number: mine.number, created: false });
    const pages = server.requests.filter((r) => r.path === '/repos/acme/service/issues');
    expect(pages.map((r) => r.query.get('page') ?? '1')).toEqual(['1', '2', '3']);
  });

  it('retries a listing that failed with 502, but never retries the create', async () => {
    const server = await api();
    server.fail({ method: 'GET', path: '/repos/acme/service/issues', status: 502 });
    server.fail({ method: 'POST', path: '/repos/acme/service/issues', status: 502 });
    await expect((await issues(server)).findOrCreate({ testId: 't::a', body: '' })).rejects.toThrow(
      /GitHub API POST \/repos\/acme\/service\/issues: HTTP 502/,
    );
    expect(route(server)).toEqual([
      'GET /repos/acme/service/issues',
      'GET /repos/acme/service/issues',
      'POST /repos/acme/service/issues',
    ]);
    expect(server.issues('acme/service')).toEqual([]);
  });

  it('waits out a secondary rate limit (403 with Retry-After) on the listing and the create, and opens exactly one issue', async () => {
    const server = await api();
    server.fail(secondaryRateLimit('GET', '/repos/acme/service/issues'));
    server.fail(secondaryRateLimit('POST', '/repos/acme/service/issues'));
    const waits: string[] = [];
    const ref = await (await issues(server, 'ghs_test-token', waits)).findOrCreate({
      testId: 't::a',
      body: '',
    });
    expect(ref).toMatchObject({ number: 1, created: true });
    expect(server.issues('acme/service')).toHaveLength(1);
    expect(waits).toHaveLength(2);
    expect(waits.every((w) => /secondary rate limit.*waiting 1 s/.test(w))).toBe(true);
  });

  it('reports a secondary rate limit that does not clear as a rate limit, not as permissions', async () => {
    const server = await api();
    server.fail(secondaryRateLimit('GET', '/repos/acme/service/issues', 1, 10));
    const failure = (await issues(server)).findOrCreate({ testId: 't::a', body: '' });
    await expect(failure).rejects.toMatchObject({
      name: 'GitHubRateLimitError',
      message: expect.stringMatching(/rate limited \(HTTP 403: You have exceeded a secondary rate limit/),
    });
    await expect(failure).rejects.not.toThrow(/permissions/);
  });

  it('explains a token without issues: write, and bad credentials, as configuration errors', async () => {
    const server = await api({ tokens: { 'ghs_read-only': { write: false } } });
    await expect(
      (await issues(server, 'ghs_read-only')).findOrCreate({ testId: 't::a', body: '' }),
    ).rejects.toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringMatching(
        /HTTP 403 Resource not accessible by integration.*permissions: issues: write/,
      ),
    });
    await expect(
      (await issues(server, 'ghs_wrong')).findOrCreate({ testId: 't::a', body: '' }),
    ).rejects.toThrow(/HTTP 401 Bad credentials/);
  });

  it('keeps titles on one line and within GitHub limits', async () => {
    const server = await api();
    const long = `t::${'x'.repeat(400)}\n"quoted"`;
    expect(issueTitle(long)).toHaveLength(256);
    expect(issueTitle('a\nb')).toBe('Flaky test: a\\nb');
    expect((await (await issues(server)).findOrCreate({ testId: long, body: '' })).created).toBe(true);
    expect((await (await issues(server)).findOrCreate({ testId: long, body: '' })).created).toBe(false);
  });
});
