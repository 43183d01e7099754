/**
 * pipeline-metrics over its real sources, through the bundled action: workflow runs and jobs from
 * the GitHub API server in test/support (Octokit through src/net), kept in a history directory so
 * the second run fetches only what is new; stage lines from a structured log file; and the same
 * history directory read by `gantry pipeline-metrics` without a token, as another CI system would.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsReport } from '../../src/pipeline-metrics/model.js';
import { runAction, SUITE_ROOT } from '../harness/index.js';
import { startCacheService } from '../quarantine/cache-service.js';
import { type GitHubApi, startGitHubApi } from '../support/github-api.js';

const TOKEN = 'ghs_test-token';
const HOUR = 3_600_000;

let api: GitHubApi;
let history: string;
let logs: string;

beforeAll(async () => {
  api = await startGitHubApi({ repositories: ['acme/service'] });
  // 40 runs of 3 jobs, one every 4 hours up to an hour ago.
  api.generateWorkflowRuns('acme/service', {
    runs: 40,
    jobs: 3,
    start: Date.now() - 161 * HOUR,
    intervalMs: 4 * HOUR,
  });
  history = mkdtempSync(join(tmpdir(), 'pmetrics-history-'));
  logs = mkdtempSync(join(tmpdir(), 'pmetrics-logs-'));
  const line = (daysAgo: number, exhausted: number) =>
    JSON.stringify({
      action: 'promote',
      stage: 'network',
      start: new Date(Date.now() - daysAgo * 24 * HOUR).toISOString(),
      duration_ms: 1,
      outcome: 'success',
      correlation: { repository: 'acme/service', sha: 'a', run_id: '1', attempt: 1 },
      requests: 3,
      retries: 2,
      exhausted,
    });
  writeFileSync(join(logs, 'gantry.log'), `${[line(1, 1), line(2, 0), 'not json', line(3, 1)].join('\n')}\n`);
});

afterAll(async () => {
  await api?.close();
});

const metrics = (inputs: Record<string, string>) =>
  runAction({
    action: 'pipeline-metrics',
    inputs: { 'github-token': TOKEN, history: 'dir', 'history-dir': history, ...inputs },
    env: { GITHUB_REPOSITORY: 'acme/service', GITHUB_API_URL: api.url, GITHUB_RUN_ID: '99' },
  });

describe('pipeline-metrics over its sources', () => {
  it('fetches the runs and jobs, reads the stage log, and fetches nothing again on the next run', async () => {
    const first = await metrics({ 'stage-logs': join(logs, 'gantry.log'), window: '7d' });
    expect(first.main.exitCode, first.main.stderr + first.main.log).toBe(0);
    const report = JSON.parse(readFileSync(first.main.outputs['report-file']!, 'utf8')) as MetricsReport;
    expect(report.repository).toBe('acme/service');
    expect(report.passRates[0]).toMatchObject({
      workflow: '.github/workflows/ci.yml',
      branch: 'main',
      runs: 40,
    });
    expect(report.durations.filter((d) => d.step === undefined).map((d) => d.job)).toEqual([
      'job-0',
      'job-1',
      'job-2',
    ]);
    expect(report.queue).toHaveLength(3);
    expect(report.stages).toEqual([
      expect.objectContaining({ action: 'promote', stage: 'network', runs: 3, exhausted: 2 }),
    ]);
    expect(first.main.summary).toMatch(/workflow runs: 40 fetched, 0 from the dir history/);
    expect(first.main.summary).toMatch(/stage logs: 3 lines read, 1 skipped/);

    const jobsRequests = () => api.requests.filter((r) => /\/jobs$/.test(r.path)).length;
    const before = jobsRequests();
    const second = await metrics({ window: '7d' });
    expect(second.main.exitCode, second.main.stderr + second.main.log).toBe(0);
    expect(jobsRequests()).toBe(before);
    expect(second.main.summary).toMatch(/workflow runs: 0 fetched, 40 from the dir history/);
  });

  it('history: cache carries the fetched runs from run to run through the cache service, on a fresh machine each time', async () => {
    const cache = await startCacheService();
    try {
      const runnerTemp = mkdtempSync(join(tmpdir(), 'pmetrics-runner-temp-'));
      const step = async (run: number) => {
        rmSync(join(runnerTemp, 'gantry-pipeline-metrics-runs'), { recursive: true, force: true });
        const { main } = await runAction({
          action: 'pipeline-metrics',
          runnerTemp,
          inputs: { 'github-token': TOKEN, history: 'cache', window: '7d' },
          env: {
            GITHUB_REPOSITORY: 'acme/service',
            GITHUB_API_URL: api.url,
            GITHUB_RUN_ID: String(run),
            ACTIONS_CACHE_URL: cache.url,
            ACTIONS_RUNTIME_TOKEN: cache.token,
          },
        });
        expect(main.exitCode, main.stderr + main.log).toBe(0);
        expect(main.annotations.filter((a) => a.command === 'warning')).toEqual([]);
        return main;
      };
      expect((await step(501)).summary).toMatch(/workflow runs: 40 fetched, 0 from the cache history/);
      expect((await step(502)).summary).toMatch(/workflow runs: 0 fetched, 40 from the cache history/);
    } finally {
      await cache.close();
    }
  });

  it('gantry pipeline-metrics reads the same history directory without a token, as another CI system would', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'pmetrics-cli-'));
    const result = spawnSync(
      process.execPath,
      [
        join(SUITE_ROOT, 'dist/cli/index.js'),
        'pipeline-metrics',
        '--history',
        'dir',
        '--history-dir',
        history,
        '--repository',
        'acme/service',
        '--window',
        '7d',
      ],
      {
        cwd,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: cwd },
        timeout: 60_000,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(
      readFileSync(JSON.parse(result.stdout)['report-file'], 'utf8'),
    ) as MetricsReport;
    expect(report.passRates[0]?.runs).toBe(40);
    expect(result.stderr).toContain('no github-token: 40 runs from the dir history only');
  });
});

describe('bad input of the source inputs', () => {
  it.each([
    ['history', { history: 'disk' }, /Input 'history': got "disk"; expected one of cache, branch, dir/],
    [
      'history-dir',
      { history: 'dir', 'history-dir': '' },
      /Input 'history-dir' is required with history: dir/,
    ],
    [
      'history-branch',
      { history: 'branch', 'history-branch': 'a..b' },
      /Input 'history-branch': got "a\.\.b"; expected a branch name/,
    ],
    [
      'default-branch',
      { 'default-branch': '-x' },
      /Input 'default-branch': got "-x"; expected a branch name/,
    ],
    [
      'request-budget',
      { 'request-budget': '0' },
      /Input 'request-budget': got "0"; expected an integer >= 1 <= 100000/,
    ],
    [
      'promotions',
      { promotions: 'ghcr.io/Acme App' },
      /Input 'promotions': got "ghcr\.io\/Acme App"; expected a registry repository/,
    ],
    [
      'insecure-registries',
      { 'insecure-registries': 'http://registry:5000' },
      /Input 'insecure-registries': got "http:\/\/registry:5000"; expected registry hosts as host or host:port/,
    ],
    [
      'repository',
      { repository: 'acme' },
      /Input 'repository': got "acme"; expected owner\/name, such as acme\/service/,
    ],
    [
      'test-history',
      { 'test-history': 'cache' },
      /Input 'test-history': got "cache"; expected one of none, branch, dir/,
    ],
    [
      'test-history-dir',
      { 'test-history': 'dir' },
      /Input 'test-history-dir' is required with test-history: dir/,
    ],
    [
      'test-history-branch',
      { 'test-history': 'branch', 'test-history-branch': 'x.lock' },
      /Input 'test-history-branch': got "x\.lock"/,
    ],
  ] as [string, Record<string, string>, RegExp][])('%s: %j', async (_input, given, message) => {
    const { main } = await metrics(given);
    expect(main.exitCode).toBe(1);
    expect(main.errors).toHaveLength(1);
    expect(main.errors[0]).toMatch(message);
  });

  it('stage-logs: a missing file is a warning, not a failure', async () => {
    const { main } = await metrics({ 'stage-logs': join(logs, 'missing.log'), window: '7d' });
    expect(main.exitCode, main.stderr + main.log).toBe(0);
    expect(main.annotations.some((a) => a.command === 'warning' && /missing\.log/.test(a.value))).toBe(true);
  });
});
