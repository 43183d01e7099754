import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { githubClient } from '../../src/github/index.js';
import { DirHistory } from '../../src/history/index.js';
import { HttpClient } from '../../src/net/index.js';
import {
  type CollectDeps,
  type CollectOptions,
  collectFacts,
  RUN_SEGMENTS,
} from '../../src/pipeline-metrics/sources/index.js';
import {
  type GitHubApi,
  type GitHubApiOptions,
  type JobFixture,
  secondaryRateLimit,
  startGitHubApi,
} from '../support/github-api.js';

const REPO = 'acme/service';
const HOUR = 3_600_000;
const servers: GitHubApi[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function api(options: GitHubApiOptions = {}): Promise<GitHubApi> {
  const server = await startGitHubApi({ repositories: [REPO], ...options });
  servers.push(server);
  return server;
}

function storeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-metrics-runs-'));
  dirs.push(dir);
  return dir;
}

interface Harness {
  server: GitHubApi;
  dir: string;
  warnings: string[];
  waits: string[];
  collect(
    options?: Partial<NonNullable<CollectOptions['runs']>>,
    since?: number,
  ): ReturnType<typeof collectFacts>;
}

async function harness(server: GitHubApi, token = 'ghs_test-token'): Promise<Harness> {
  const dir = storeDir();
  const warnings: string[] = [];
  const waits: string[] = [];
  const github = await githubClient({
    token,
    context: { apiUrl: server.url, payload: {} },
    http: new HttpClient({ backoffBaseMs: 1, backoffMaxMs: 2, random: () => 0 }),
    onWait: (message) => waits.push(message),
    // Retry-After seconds count as milliseconds here: the waits are real, only shorter.
    retryAfterBaseValue: 1,
  });
  let run = 100;
  return {
    server,
    dir,
    warnings,
    waits,
    collect: (options = {}, since = Date.now() - 24 * HOUR) => {
      const deps: CollectDeps = {
        github,
        runStore: new DirHistory(RUN_SEGMENTS, dir),
        now: () => Date.now(),
        warn: (message) => warnings.push(message),
        run: { run: String(run++), attempt: 1 },
      };
      return collectFacts(deps, {
        repository: REPO,
        defaultBranch: 'main',
        since,
        runs: { requestBudget: 1000, ...options },
      });
    },
  };
}

/** Requests for jobs, by run id. */
function jobRequests(server: GitHubApi): Map<number, number> {
  const byRun = new Map<number, number>();
  for (const r of server.requests) {
    const m = /\/actions\/runs\/(\d+)\/attempts\/\d+\/jobs$/.exec(r.path);
    if (m) byRun.set(Number(m[1]), (byRun.get(Number(m[1])) ?? 0) + 1);
  }
  return byRun;
}

const iso = (ms: number) => new Date(ms).toISOString();

function job(name: string, created: number, conclusion = 'success'): JobFixture {
  return {
    name,
    conclusion,
    created_at: iso(created),
    started_at: iso(created + 5000),
    completed_at: iso(created + 65_000),
    runner_name: 'GitHub Actions 3',
    steps: [
      {
        name: 'Set up job',
        conclusion: 'success',
        started_at: iso(created + 5000),
        completed_at: iso(created + 6000),
      },
      { name: 'Test', conclusion, started_at: iso(created + 6000), completed_at: iso(created + 64_000) },
    ],
  };
}

describe('pipeline-metrics sources: workflow runs', () => {
  it('fetches every run of the window with its jobs and steps, queue time from created to started', async () => {
    const server = await api();
    const start = Date.now() - 5 * HOUR;
    const ids = server.generateWorkflowRuns(REPO, { runs: 40, jobs: 3, start, intervalMs: 7 * 60_000 });
    // A run older than the window is not fetched.
    server.generateWorkflowRuns(REPO, {
      runs: 1,
      jobs: 3,
      start: Date.now() - 30 * HOUR,
      intervalMs: 1,
      firstId: 1,
    });
    const h = await harness(server);
    const { facts, stats } = await h.collect();

    expect(facts.runs.map((r) => r.id)).toEqual(ids);
    expect(facts.runs.every((r) => r.jobs.length === 3 && r.jobs.every((j) => j.steps.length === 5))).toBe(
      true,
    );
    const first = facts.runs[0]!;
    expect(first).toMatchObject({
      attempt: 1,
      workflow: '.github/workflows/ci.yml',
      name: 'CI',
      branch: 'main',
      event: 'push',
      createdAt: Math.floor(start / 1000) * 1000,
      url: `https://github.com/${REPO}/actions/runs/${ids[0]}`,
    });
    const job0 = first.jobs[0]!;
    expect(job0.startedAt! - job0.createdAt).toBeGreaterThan(0);
    expect(job0.steps[0]).toMatchObject({ name: 'Set up job', number: 1, conclusion: 'success' });
    expect(stats.runs).toMatchObject({
      fetched: 40,
      fromStore: 0,
      inProgress: 0,
      complete: true,
      budgetExhausted: false,
    });
    // One jobs request per run attempt, and the requests counted are the requests the server saw.
    expect([...jobRequests(server).values()].every((n) => n === 1)).toBe(true);
    expect(jobRequests(server).size).toBe(40);
    expect(stats.runs.requests).toBe(server.counts.requests);
    expect(h.warnings).toEqual([]);
  });

  it('fetches only what is new on the second run; unchanged list pages answer 304 and cost no budget', async () => {
    const server = await api();
    server.generateWorkflowRuns(REPO, {
      runs: 30,
      jobs: 2,
      start: Date.now() - 6 * HOUR,
      intervalMs: 10 * 60_000,
    });
    const h = await harness(server);
    await h.collect();
    const firstCount = server.counts.requests;

    // Nothing new: every list page is asked conditionally and answers 304.
    const quiet = await h.collect();
    expect(quiet.facts.runs).toHaveLength(30);
    expect(quiet.stats.runs).toMatchObject({ fetched: 0, fromStore: 30, budgetUsed: 0 });
    expect(quiet.stats.runs.notModified).toBe(quiet.stats.runs.requests);
    expect(jobRequests(server).size).toBe(30);

    // Three new runs: only their jobs are fetched.
    const newIds = server.generateWorkflowRuns(REPO, {
      runs: 3,
      jobs: 2,
      start: Date.now() - 60_000,
      intervalMs: 1000,
    });
    const before = server.requests.length;
    const next = await h.collect();
    expect(next.facts.runs).toHaveLength(33);
    expect(next.stats.runs).toMatchObject({ fetched: 3, fromStore: 30 });
    const jobsAsked = server.requests
      .slice(before)
      .filter((r) => r.path.endsWith('/jobs'))
      .map((r) => Number(/runs\/(\d+)/.exec(r.path)![1]));
    expect(jobsAsked.sort()).toEqual(newIds);
    expect(next.stats.runs.budgetUsed).toBeLessThanOrEqual(3 + 1);
    expect(firstCount).toBeGreaterThan(30);
  });

  it('a run still in progress is not stored; finished later, the next run fetches it', async () => {
    const server = await api();
    const created = Date.now() - 2 * HOUR;
    const id = server.addWorkflowRun(REPO, {
      head_branch: 'main',
      head_sha: 'a'.repeat(40),
      created_at: iso(created),
      attempts: [
        {
          status: 'in_progress',
          conclusion: null,
          run_started_at: iso(created),
          jobs: [job('build', created)],
        },
      ],
    });
    const h = await harness(server);
    const first = await h.collect();
    expect(first.facts.runs).toEqual([]);
    expect(first.stats.runs.inProgress).toBe(1);
    // Nothing is left to backfill: the run in progress is listed again until it finishes.
    expect(first.stats.runs).toMatchObject({ complete: true, hoursLeft: 0 });
    expect(jobRequests(server).size).toBe(0);

    const attempt = server.workflowRun(REPO, id)!.attempts[0]!;
    attempt.status = 'completed';
    attempt.conclusion = 'failure';
    const second = await h.collect();
    expect(second.facts.runs).toHaveLength(1);
    expect(second.facts.runs[0]).toMatchObject({ id, attempt: 1, conclusion: 'failure' });
    expect(second.stats.runs).toMatchObject({ fetched: 1, inProgress: 0 });
  });

  it('a re-run adds an attempt: the new attempt is fetched and the stored one is not fetched again', async () => {
    const server = await api();
    const created = Date.now() - 3 * HOUR;
    const id = server.addWorkflowRun(REPO, {
      head_branch: 'main',
      head_sha: 'b'.repeat(40),
      created_at: iso(created),
      attempts: [
        {
          status: 'completed',
          conclusion: 'failure',
          run_started_at: iso(created),
          jobs: [job('test', created, 'failure')],
        },
      ],
    });
    // A run first seen at its second attempt: both attempts are fetched (the first's fields from
    // the attempts endpoint).
    const other = server.addWorkflowRun(REPO, {
      head_branch: 'feature',
      head_sha: 'c'.repeat(40),
      created_at: iso(created + 60_000),
      attempts: [
        {
          status: 'completed',
          conclusion: 'failure',
          run_started_at: iso(created + 60_000),
          jobs: [job('test', created + 60_000, 'failure')],
        },
        {
          status: 'completed',
          conclusion: 'success',
          run_started_at: iso(created + HOUR),
          jobs: [job('test', created + HOUR)],
        },
      ],
    });
    const h = await harness(server);
    const first = await h.collect();
    expect(first.facts.runs.map((r) => [r.id, r.attempt, r.conclusion])).toEqual([
      [id, 1, 'failure'],
      [other, 1, 'failure'],
      [other, 2, 'success'],
    ]);
    expect(first.facts.runs[1]!.branch).toBe('feature');
    expect(first.facts.runs[2]!.startedAt).toBe(created + HOUR);

    server.workflowRun(REPO, id)!.attempts.push({
      status: 'completed',
      conclusion: 'success',
      run_started_at: iso(Date.now() - 60_000),
      jobs: [job('test', Date.now() - 60_000)],
    });
    const before = server.requests.length;
    const second = await h.collect();
    expect(second.facts.runs.map((r) => [r.id, r.attempt, r.conclusion])).toEqual([
      [id, 1, 'failure'],
      [id, 2, 'success'],
      [other, 1, 'failure'],
      [other, 2, 'success'],
    ]);
    expect(second.stats.runs.fetched).toBe(1);
    expect(
      server.requests
        .slice(before)
        .filter((r) => r.path.endsWith('/jobs'))
        .map((r) => r.path),
    ).toEqual([`/repos/${REPO}/actions/runs/${id}/attempts/2/jobs`]);
  });

  it('a backfill larger than the budget fetches newest first, says so, and continues on the next runs', async () => {
    const server = await api();
    const ids = server.generateWorkflowRuns(REPO, {
      runs: 120,
      jobs: 2,
      start: Date.now() - 10 * HOUR,
      intervalMs: 4 * 60_000,
    });
    const h = await harness(server);
    const first = await h.collect({ requestBudget: 40 });
    expect(first.stats.runs.budgetUsed).toBeLessThanOrEqual(40);
    expect(first.stats.runs).toMatchObject({ budgetExhausted: true, complete: false });
    expect(first.stats.runs.hoursLeft).toBeGreaterThan(0);
    // The newest runs first.
    const got = first.facts.runs.map((r) => r.id);
    expect(got.length).toBeGreaterThan(20);
    expect(got).toEqual(ids.slice(ids.length - got.length));

    let last = first;
    for (let round = 0; round < 10 && !last.stats.runs.complete; round++) {
      last = await h.collect({ requestBudget: 40 });
      expect(last.stats.runs.budgetUsed).toBeLessThanOrEqual(40);
    }
    expect(last.stats.runs.complete).toBe(true);
    expect(last.facts.runs.map((r) => r.id)).toEqual(ids);
    // No attempt fetched twice over all the runs.
    expect([...jobRequests(server).values()].every((n) => n === 1)).toBe(true);
  });

  it("stops before GitHub's remaining rate limit runs out, and keeps what it fetched", async () => {
    const server = await api({ rateLimit: { limit: 100, remaining: 40 } });
    server.generateWorkflowRuns(REPO, {
      runs: 60,
      jobs: 1,
      start: Date.now() - 3 * HOUR,
      intervalMs: 3 * 60_000,
    });
    const h = await harness(server);
    const first = await h.collect({ requestBudget: 1000 });
    // A tenth of the limit is left for the repository's other workflows.
    expect(first.stats.runs.rateLimitRemaining).toBeGreaterThanOrEqual(10);
    expect(first.stats.runs.rateLimitRemaining).toBeLessThan(20);
    expect(first.stats.runs).toMatchObject({ budgetExhausted: true, rateLimited: false, complete: false });
    expect(server.counts.rateLimited).toBe(0);
    expect(first.stats.runs.rateLimitReset).toBeGreaterThan(Date.now());

    server.resetRateLimit();
    const second = await h.collect({ requestBudget: 1000 });
    expect(second.stats.runs.complete).toBe(true);
    expect(second.facts.runs).toHaveLength(60);
  });

  it('a 403 rate limit answer with Retry-After is waited out and the fetch goes on', async () => {
    const server = await api();
    const ids = server.generateWorkflowRuns(REPO, {
      runs: 5,
      jobs: 1,
      start: Date.now() - HOUR,
      intervalMs: 60_000,
    });
    server.fail(secondaryRateLimit('GET', `/repos/${REPO}/actions/runs/${ids[2]}/attempts/1/jobs`, 2));
    server.fail(secondaryRateLimit('GET', `/repos/${REPO}/actions/runs`, 1));
    const h = await harness(server);
    const { facts, stats } = await h.collect();
    expect(facts.runs.map((r) => r.id)).toEqual(ids);
    expect(h.waits.filter((w) => /secondary rate limit/.test(w))).toHaveLength(2);
    expect(stats.runs.complete).toBe(true);
  });

  it('a used-up primary rate limit ends the fetch with a warning, keeping the stored runs', async () => {
    const server = await api({ rateLimit: { limit: 1000 } });
    server.generateWorkflowRuns(REPO, { runs: 5, jobs: 1, start: Date.now() - 2 * HOUR, intervalMs: 60_000 });
    const h = await harness(server);
    await h.collect();
    server.generateWorkflowRuns(REPO, { runs: 2, jobs: 1, start: Date.now() - 30_000, intervalMs: 1000 });
    // Another workflow spent the hour: GitHub answers 403 with x-ratelimit-remaining 0 and a reset
    // an hour away, longer than the client waits.
    server.resetRateLimit(0);
    const { facts, stats } = await h.collect();
    expect(server.counts.rateLimited).toBeGreaterThan(0);
    expect(stats.runs).toMatchObject({ rateLimited: true, budgetExhausted: true, fetched: 0, fromStore: 5 });
    expect(facts.runs).toHaveLength(5);
    expect(h.warnings.join('\n')).toMatch(/rate limit.*the next run continues/s);

    server.resetRateLimit();
    const later = await h.collect();
    expect(later.facts.runs).toHaveLength(7);
    expect(later.stats.runs.fetched).toBe(2);
  });

  it('keeps each endpoint under the pace GitHub documents (900 points a minute), waiting when it would go over', async () => {
    const server = await api();
    server.generateWorkflowRuns(REPO, { runs: 12, jobs: 1, start: Date.now() - HOUR, intervalMs: 60_000 });
    const github = await githubClient({
      token: 'ghs_test-token',
      context: { apiUrl: server.url, payload: {} },
      http: new HttpClient({}),
    });
    // A clock the waits move forward: the pace is checked without waiting minutes.
    let offset = 0;
    const { facts, stats } = await collectFacts(
      {
        github,
        now: () => Date.now() + offset,
        sleep: async (ms) => {
          offset += ms;
        },
        warn: () => undefined,
      },
      {
        repository: REPO,
        defaultBranch: 'main',
        since: Date.now() - 2 * HOUR,
        runs: { pointsPerMinute: 5, concurrency: 1 },
      },
    );
    expect(facts.runs).toHaveLength(12);
    expect(stats.runs.waits).toBeGreaterThanOrEqual(2);
    // 12 jobs requests at 5 a minute: the fake clock moved at least two minutes.
    expect(offset).toBeGreaterThan(2 * 60_000 - 10_000);
  });
});
