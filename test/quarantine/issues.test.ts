import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/net/http.js';
import { GitHubIssues, issueTitle } from '../../src/quarantine/issues.js';
import { type GitHubApi, startGitHubApi } from '../support/github-api.js';

const servers: GitHubApi[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function api(options?: Parameters<typeof startGitHubApi>[0]) {
  const server = await startGitHubApi(options);
  servers.push(server);
  return server;
}

const http = () => new HttpClient({ backoffBaseMs: 1, backoffMaxMs: 2, random: () => 0 });

describe('GitHub issues for flaky tests', () => {
  it('opens one issue per test and finds it again instead of duplicating', async () => {
    const server = await api();
    const issues = new GitHubIssues(http(), server.url, 'acme/service', 'ghs_test-token');
    const first = await issues.findOrCreate({ testId: 'tests/a.py::A::test_x[1]', body: 'evidence' });
    expect(first).toMatchObject({
      number: 1,
      created: true,
      url: 'https://github.com/acme/service/issues/1',
    });
    const again = await issues.findOrCreate({ testId: 'tests/a.py::A::test_x[1]', body: 'evidence' });
    expect(again).toMatchObject({ number: 1, created: false });
    const other = await issues.findOrCreate({ testId: 'tests/a.py::A::test_x[2]', body: 'evidence' });
    expect(other).toMatchObject({ number: 2, created: true });
    expect(server.issues('acme/service').map((i) => i.title)).toEqual([
      'Flaky test: tests/a.py::A::test_x[1]',
      'Flaky test: tests/a.py::A::test_x[2]',
    ]);
    const create = server.requests.find((r) => r.method === 'POST')!;
    expect(create.headers.authorization).toBe('Bearer ghs_test-token');
    expect(create.headers['x-github-api-version']).toBe('2022-11-28');
    expect(JSON.parse(create.body)).toEqual({
      title: 'Flaky test: tests/a.py::A::test_x[1]',
      body: 'evidence',
    });
  });

  it('finds an issue opened earlier by hand with the same title, ignoring pull requests and near matches', async () => {
    const server = await api();
    server.addIssue('acme/service', { title: 'Flaky test: t::a', pullRequest: true });
    server.addIssue('acme/service', { title: 'Flaky test: t::a extra' });
    const existing = server.addIssue('acme/service', { title: 'Flaky test: t::a', state: 'closed' });
    const ref = await new GitHubIssues(http(), server.url, 'acme/service', 'ghs_test-token').findOrCreate({
      testId: 't::a',
      body: '',
    });
    expect(ref).toMatchObject({ number: existing.number, created: false });
  });

  it('retries a search that failed with 502, but never retries the create', async () => {
    const server = await api();
    server.fail({ method: 'GET', path: '/search/issues', status: 502 });
    server.fail({ method: 'POST', path: '/repos/acme/service/issues', status: 502 });
    const issues = new GitHubIssues(http(), server.url, 'acme/service', 'ghs_test-token');
    await expect(issues.findOrCreate({ testId: 't::a', body: '' })).rejects.toThrow(
      /GitHub API POST \/repos\/acme\/service\/issues: HTTP 502/,
    );
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /search/issues',
      'GET /search/issues',
      'POST /repos/acme/service/issues',
    ]);
    expect(server.issues('acme/service')).toEqual([]);
  });

  it('explains a token without issues: write, and bad credentials, as configuration errors', async () => {
    const server = await api({ tokens: { 'ghs_read-only': { write: false } } });
    const readOnly = new GitHubIssues(http(), server.url, 'acme/service', 'ghs_read-only');
    await expect(readOnly.findOrCreate({ testId: 't::a', body: '' })).rejects.toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringMatching(
        /HTTP 403 Resource not accessible by integration.*permissions: issues: write/,
      ),
    });
    const wrong = new GitHubIssues(http(), server.url, 'acme/service', 'ghs_wrong');
    await expect(wrong.findOrCreate({ testId: 't::a', body: '' })).rejects.toThrow(
      /HTTP 401 Bad credentials/,
    );
  });

  it('keeps titles on one line and within GitHub limits, and the search query under 256 characters', async () => {
    const server = await api();
    const long = `t::${'x'.repeat(400)}\n"quoted"`;
    expect(issueTitle(long)).toHaveLength(256);
    expect(issueTitle('a\nb')).toBe('Flaky test: a\\nb');
    const issues = new GitHubIssues(http(), server.url, 'acme/service', 'ghs_test-token');
    expect((await issues.findOrCreate({ testId: long, body: '' })).created).toBe(true);
    expect((await issues.findOrCreate({ testId: long, body: '' })).created).toBe(false);
  });
});
