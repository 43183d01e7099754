// Alert issues against the GitHub API server in test/support, through the one GitHub client.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubClient } from '../../src/github/client.js';
import { HttpClient } from '../../src/net/index.js';
import { alertKey, alertMarker, MAX_CREATED, syncAlertIssues } from '../../src/pipeline-metrics/alerts.js';
import type { Alert } from '../../src/pipeline-metrics/model.js';
import { type GitHubApi, startGitHubApi } from '../support/github-api.js';

let api: GitHubApi;
beforeEach(async () => {
  api = await startGitHubApi({ repositories: ['acme/service'] });
});
afterEach(async () => {
  await api.close();
});

const client = () =>
  githubClient({
    token: 'ghs_test-token',
    context: { apiUrl: api.url, payload: {} },
    http: new HttpClient({ backoffBaseMs: 1, backoffMaxMs: 2, random: () => 0 }),
  });

const alert = (n: number, firing = true): Alert => ({
  key: alertKey('duration', ['ci.yml', `job ${n}`]),
  kind: 'duration',
  title: `Slower than its baseline: ci.yml › job ${n}`,
  body: `job ${n} is slow`,
  firing,
});

describe('alert issues', () => {
  // The client spaces writes out as GitHub asks (about a second each): a cap of 2 keeps this short.
  it(`opens at most a cap of new issues in one run (${MAX_CREATED} in the action); the rest wait for the next run`, async () => {
    const alerts = Array.from({ length: 3 }, (_, i) => alert(i));
    const first = await syncAlertIssues(await client(), 'acme/service', alerts, '', 2);
    expect(first.map((r) => r.action)).toEqual(['created', 'created', 'skipped']);
    const second = await syncAlertIssues(await client(), 'acme/service', alerts, '', 2);
    expect(second.map((r) => r.action)).toEqual(['unchanged', 'unchanged', 'created']);
    expect(api.issues('acme/service')).toHaveLength(3);
  });

  it('an unchanged alert sends no update; a pull request carrying the marker is not taken for the issue', async () => {
    api.addIssue('acme/service', { title: 'PR', body: alertMarker(alert(1).key), pullRequest: true });
    await syncAlertIssues(await client(), 'acme/service', [alert(1)], '');
    const created = api.issues('acme/service').filter((i) => i.title.startsWith('Slower'));
    expect(created).toHaveLength(1);
    const patches = () => api.requests.filter((r) => r.method === 'PATCH').length;
    const before = patches();
    const again = await syncAlertIssues(await client(), 'acme/service', [alert(1)], '');
    expect(again).toEqual([expect.objectContaining({ action: 'unchanged', number: created[0]!.number })]);
    expect(patches()).toBe(before);
  });

  it('a closed issue is not reopened or reused: an alert firing again after recovery gets a new issue', async () => {
    await syncAlertIssues(await client(), 'acme/service', [alert(1)], '');
    await syncAlertIssues(await client(), 'acme/service', [alert(1, false)], '');
    expect(api.issues('acme/service').map((i) => i.state)).toEqual(['closed']);
    const again = await syncAlertIssues(await client(), 'acme/service', [alert(1)], '');
    expect(again[0]?.action).toBe('created');
    expect(api.issues('acme/service').map((i) => i.state)).toEqual(['closed', 'open']);
  });

  it('an alert that does not fire and has no open issue does nothing', async () => {
    expect(await syncAlertIssues(await client(), 'acme/service', [alert(1, false)], '')).toEqual([]);
    expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
