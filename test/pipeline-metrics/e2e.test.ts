/**
 * pipeline-metrics end to end, through the bundled action (test/harness) as the runner runs it:
 * facts files in, the job summary, the JSON and CSV files and the outputs out; alerts as GitHub
 * issues against the GitHub API server in test/support, through the real Octokit client.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsReport } from '../../src/pipeline-metrics/model.js';
import { runAction } from '../harness/index.js';
import { type GitHubApi, startGitHubApi } from '../support/github-api.js';
import { DAY, scenario } from './facts.js';

const TOKEN = 'ghs_test-token';

let api: GitHubApi;

beforeAll(async () => {
  api = await startGitHubApi({
    repositories: ['acme/service'],
    tokens: { [TOKEN]: { write: true }, 'ghs_read-only': { write: false } },
  });
});

afterAll(async () => {
  await api?.close();
});

function factsFile(value: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'pmetrics-facts-'));
  const path = join(dir, 'facts.json');
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

function metrics(inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runAction({
    action: 'pipeline-metrics',
    inputs: { 'github-token': TOKEN, ...inputs },
    env: { GITHUB_REPOSITORY: 'acme/service', GITHUB_API_URL: api.url, GITHUB_RUN_ID: '42', ...env },
  });
}

describe('pipeline-metrics through the bundle', () => {
  it('writes the summary with tables and Mermaid charts, metrics.json and the CSV files, and the outputs', async () => {
    const { main } = await metrics({ 'facts-file': factsFile(scenario(Date.now(), 3)) });
    expect(main.exitCode, main.stderr + main.log).toBe(0);
    expect(main.summary).toContain('### Deployments (DORA)');
    expect(main.summary).toMatch(/```mermaid\nxychart-beta\n {2}title "Deploys per week: api to production"/);
    expect(main.summary).toContain('### Durations against the 7-day baseline');
    expect(main.summary).toContain('### Flaky tests');
    const report = JSON.parse(readFileSync(main.outputs['report-file']!, 'utf8')) as MetricsReport;
    expect(report.dora[0]).toMatchObject({ service: 'api', environment: 'production', deployments: 2 });
    const build = report.durations.find((d) => d.job === 'build' && d.step === undefined)!;
    expect(build.consecutiveOver).toBe(3);
    expect(main.outputs['alerts-firing']).not.toBe('0');
    expect(main.outputs['alert-keys']).toContain(
      report.alerts.find((a) => a.kind === 'duration' && a.firing)!.key,
    );
    for (const name of [
      'dora.csv',
      'durations.csv',
      'flakes.csv',
      'pass-rates.csv',
      'queue.csv',
      'stages.csv',
      'alerts.csv',
    ])
      expect(existsSync(join(main.outputs['output-dir']!, name)), name).toBe(true);
    expect(main.annotations.some((a) => a.command === 'warning')).toBe(true);
  });

  it('alerts: fail fails the step with one line naming the alerts', async () => {
    const { main } = await metrics({ 'facts-file': factsFile(scenario(Date.now(), 3)), alerts: 'fail' });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toHaveLength(1);
    expect(main.errors[0]).toMatch(/^alerts: fail: \d+ alerts? firing/);
  });

  it('alerts: issue opens one issue per alert, updates it in place on the next run, and closes it with a comment when it recovers', async () => {
    const before = api.issues('acme/service').length;
    const first = await metrics({ 'facts-file': factsFile(scenario(Date.now(), 3)), alerts: 'issue' });
    expect(first.main.exitCode, first.main.stderr + first.main.log).toBe(0);
    const opened = api.issues('acme/service').slice(before);
    const firing = Number(first.main.outputs['alerts-firing']);
    expect(opened).toHaveLength(firing);
    const duration = opened.find((i) =>
      i.title.startsWith('Slower than its baseline: .github/workflows/ci.yml › build'),
    )!;
    expect(duration.body).toMatch(/<!-- gantry-pipeline-metrics-alert: duration-[0-9a-f]{16} -->/);
    expect(first.main.summary).toContain(`#${duration.number}`);

    // A day later, four slow days: the same issues, bodies updated, no duplicate.
    const second = await metrics({ 'facts-file': factsFile(scenario(Date.now() + DAY, 4)), alerts: 'issue' });
    expect(second.main.exitCode, second.main.stderr + second.main.log).toBe(0);
    expect(api.issues('acme/service').length - before).toBe(firing);
    const updated = api.issues('acme/service').find((i) => i.number === duration.number)!;
    expect(updated.body).toContain('consecutive runs over the threshold: 4');
    expect(updated.state).toBe('open');

    // Recovered: no slow day at the end.
    const third = await metrics({ 'facts-file': factsFile(scenario(Date.now(), 0)), alerts: 'issue' });
    expect(third.main.exitCode, third.main.stderr + third.main.log).toBe(0);
    const closed = api.issues('acme/service').find((i) => i.number === duration.number)!;
    expect(closed.state).toBe('closed');
    expect(api.comments('acme/service', duration.number).at(-1)?.body).toMatch(/^Recovered: closing\./);
    expect(api.issues('acme/service').length - before).toBe(firing);
  });
});

describe('bad input: every input refused with one line naming it and the fix', () => {
  const good = () => factsFile(scenario(Date.now(), 0));
  it.each([
    [
      'facts-file',
      { 'facts-file': '/nonexistent/facts.json' },
      /Input 'facts-file': .* cannot be read \(ENOENT\)/,
    ],
    ['facts-file', { 'facts-file': 'JSON' }, /Input 'facts-file': .* is not JSON/],
    [
      'facts-file',
      { 'facts-file': 'BADFIELD' },
      /Input 'facts-file': .*runs\[0\]\.jobs\[0\]\.startedAt: expected a time in ms or ISO 8601/,
    ],
    ['window', { window: 'forever' }, /Input 'window': got "forever"; expected a duration such as/],
    ['window', { window: '12h' }, /Input 'window': got "12h"; expected a window from 1d to 366d/],
    ['alerts', { alerts: 'maybe' }, /Input 'alerts': got "maybe"; expected one of none, issue, fail/],
    [
      'alert-threshold',
      { 'alert-threshold': '0' },
      /Input 'alert-threshold': got "0"; expected a number of spreads/,
    ],
    ['alert-threshold', { 'alert-threshold': '3σ' }, /Input 'alert-threshold': got "3σ"/],
    ['alert-runs', { 'alert-runs': '0' }, /Input 'alert-runs': got "0"; expected an integer >= 1 <= 100/],
    [
      'min-samples',
      { 'min-samples': 'five' },
      /Input 'min-samples': got "five"; expected an integer >= 1 <= 1000/,
    ],
    [
      'pass-rate-drop',
      { 'pass-rate-drop': '10%' },
      /Input 'pass-rate-drop': got "10%"; expected an integer >= 1 <= 100/,
    ],
    ['top-flaky', { 'top-flaky': '-1' }, /Input 'top-flaky': got "-1"; expected an integer >= 1/],
    [
      'output-dir',
      { 'output-dir': 'FILE' },
      /Input 'output-dir': cannot write the report files into .* \(E\w+\)/,
    ],
    [
      'github-token',
      { alerts: 'issue', 'github-token': '' },
      /Input 'alerts' is issue but 'github-token' is empty: pass a token that can write issues/,
    ],
  ] as [string, Record<string, string>, RegExp][])('%s: %j', async (_input, given, message) => {
    const inputs: Record<string, string> = { 'facts-file': good(), ...given };
    if (given['facts-file'] === 'JSON') inputs['facts-file'] = factsFile('{"runs": [');
    if (given['facts-file'] === 'BADFIELD')
      inputs['facts-file'] = factsFile({
        runs: [
          {
            id: 1,
            workflow: 'ci.yml',
            branch: 'main',
            createdAt: 1,
            jobs: [{ id: 2, name: 'b', createdAt: 1, startedAt: 'soon' }],
          },
        ],
      });
    if (given['output-dir'] === 'FILE') inputs['output-dir'] = inputs['facts-file']!;
    const { main } = await metrics(inputs);
    expect(main.exitCode).toBe(1);
    expect(main.errors).toHaveLength(1);
    expect(main.errors[0]).toMatch(message);
    expect(main.stdout).not.toMatch(/\n\s+at /);
  });

  it('github-token: a token that cannot write issues is one line naming the permission and the input', async () => {
    const { main } = await metrics({
      'facts-file': factsFile(scenario(Date.now(), 3)),
      alerts: 'issue',
      'github-token': 'ghs_read-only',
    });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toHaveLength(1);
    expect(main.errors[0]).toMatch(/HTTP 403 .*permissions: issues: write.*input 'github-token'/);
  });
});
