// The runs store's format (fast-check prints the seed and the shrunk counterexample on failure;
// rerun one with FC_SEED=<seed>), and what the runs source does with a damaged store and bad input.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Git } from '../../src/git/index.js';
import { githubClient } from '../../src/github/index.js';
import {
  BranchHistory,
  type CacheClient,
  CacheHistory,
  DirHistory,
  recordFileName,
} from '../../src/history/index.js';
import { HttpClient } from '../../src/net/index.js';
import type { JobFact, RunFact, StepFact } from '../../src/pipeline-metrics/model.js';
import {
  type CollectOptions,
  collectFacts,
  RUN_SEGMENTS,
  RUNS_STREAM,
  type RunSegment,
} from '../../src/pipeline-metrics/sources/index.js';
import { decodeSegment, encodeSegment } from '../../src/pipeline-metrics/sources/run-store.js';
import { ConfigurationError } from '../../src/runtime/errors.js';
import { type GitHubApi, startGitHubApi } from '../support/github-api.js';

const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const params = { numRuns: 60, ...(seed === undefined ? {} : { seed }) };
const REPO = 'acme/service';
const HOUR = 3_600_000;

const servers: GitHubApi[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const time = fc.integer({ min: 1_500_000_000_000, max: 1_900_000_000_000 });
const name = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('build', 'test', 'Set up job'));
const conclusion = fc.option(fc.constantFrom('success', 'failure', 'cancelled', 'skipped'), { nil: null });
const optionalTime = fc.option(time, { nil: undefined });

const step: fc.Arbitrary<StepFact> = fc
  .record({ name, number: fc.nat(200), conclusion, startedAt: optionalTime, completedAt: optionalTime })
  .map(defined);
const job: fc.Arbitrary<JobFact> = fc
  .record({
    id: fc.nat(),
    name,
    conclusion,
    createdAt: time,
    startedAt: optionalTime,
    completedAt: optionalTime,
    runnerName: fc.option(name, { nil: undefined }),
    steps: fc.array(step, { maxLength: 6 }),
  })
  .map(defined);
const run: fc.Arbitrary<RunFact> = fc.record({
  id: fc.nat(),
  attempt: fc.integer({ min: 1, max: 5 }),
  workflow: name,
  name,
  branch: name,
  event: name,
  sha: fc.string({ maxLength: 40 }),
  conclusion,
  createdAt: time,
  startedAt: time,
  updatedAt: time,
  url: fc.string({ maxLength: 30 }),
  jobs: fc.array(job, { maxLength: 4 }),
});

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function segment(runs: RunFact[], state?: RunSegment['state']): RunSegment {
  return {
    v: 1,
    run: '7',
    attempt: 1,
    branch: RUNS_STREAM,
    time: 1_700_000_000_000,
    runs,
    ...(state ? { state } : {}),
  };
}

describe('pipeline-metrics runs store', () => {
  it('decode(encode(segment)) is the segment, for any runs, jobs and steps', () => {
    fc.assert(
      fc.property(fc.array(run, { maxLength: 5 }), (runs) => {
        const state = {
          ranges: {
            '2026-01-01T00:00:00Z..2026-01-01T00:59:59Z': { complete: true, pages: 1, etags: ['W/"x"'] },
          },
        };
        expect(decodeSegment(encodeSegment(segment(runs, state)))).toEqual(segment(runs, state));
      }),
      params,
    );
  });

  it('any damage to a stored segment is a segment skipped, never a throw', () => {
    const bytes = encodeSegment(segment([fc.sample(run, { numRuns: 1, seed: 3 })[0]!]));
    const json = JSON.parse(gunzipSync(bytes).toString()) as Record<string, unknown>;
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('strings', 'runs', 'state', 'v'), (value, field) => {
        const damaged = gzipSync(JSON.stringify({ ...json, [field]: value }));
        const decoded = decodeSegment(damaged);
        if (decoded !== undefined) expect(decoded.v).toBe(1);
      }),
      params,
    );
    expect(decodeSegment(Buffer.from('not gzip'))).toBeUndefined();
    expect(decodeSegment(gzipSync('{"v":1,"strings":[],"runs":[[1]]}'))).toBeUndefined();
    expect(decodeSegment(gzipSync('null'))).toBeUndefined();
  });
});

async function collector(server: GitHubApi, dir: string, token = 'ghs_test-token') {
  const github = await githubClient({
    token,
    context: { apiUrl: server.url, payload: {} },
    http: new HttpClient({ backoffBaseMs: 1, backoffMaxMs: 2, random: () => 0 }),
    retryAfterBaseValue: 1,
  });
  const warnings: string[] = [];
  const collect = (runs: CollectOptions['runs'] = { requestBudget: 1000 }, repository = REPO) =>
    collectFacts(
      {
        github,
        runStore: new DirHistory(RUN_SEGMENTS, dir),
        now: () => Date.now(),
        warn: (m) => warnings.push(m),
        run: { run: String(Date.now()), attempt: 1 },
      },
      { repository, defaultBranch: 'main', since: Date.now() - 24 * HOUR, runs },
    );
  return { collect, warnings };
}

async function setup() {
  const server = await startGitHubApi({ repositories: [REPO] });
  servers.push(server);
  const dir = mkdtempSync(join(tmpdir(), 'gantry-metrics-store-'));
  dirs.push(dir);
  return { server, dir };
}

describe('pipeline-metrics runs source: bad input', () => {
  it('a damaged segment in the store is skipped and its runs fetched again', async () => {
    const { server, dir } = await setup();
    const ids = server.generateWorkflowRuns(REPO, {
      runs: 4,
      jobs: 1,
      start: Date.now() - 2 * HOUR,
      intervalMs: 60_000,
    });
    const { collect } = await collector(server, dir);
    await collect();
    // Every segment damaged, and a foreign file beside them.
    for (const file of readdirSync(dir)) writeFileSync(join(dir, file), 'garbage');
    writeFileSync(
      join(dir, recordFileName({ branch: RUNS_STREAM, time: 1, run: 'x', attempt: 1 })),
      gzipSync('[]'),
    );
    writeFileSync(join(dir, 'README'), 'not a record');
    const again = await collect();
    expect(again.facts.runs.map((r) => r.id)).toEqual(ids);
    expect(again.stats.runs.fetched).toBe(4);
  });

  it('list items and jobs that cannot be read are skipped and counted; the rest is kept', async () => {
    const { server, dir } = await setup();
    const created = Date.now() - HOUR;
    const iso = (ms: number) => new Date(ms).toISOString();
    const good = server.addWorkflowRun(REPO, {
      head_branch: 'main',
      head_sha: 'd'.repeat(40),
      created_at: iso(created),
      attempts: [
        {
          status: 'completed',
          conclusion: 'success',
          run_started_at: iso(created),
          jobs: [
            { name: 'ok', conclusion: 'success', created_at: iso(created), steps: [] },
            // A job with no time at all cannot be placed.
            { name: 'broken', conclusion: 'success', created_at: 'yesterday', started_at: null, steps: [] },
          ],
        },
      ],
    });
    // A run whose start time is not a time.
    server.addWorkflowRun(REPO, {
      head_branch: 'main',
      head_sha: 'e'.repeat(40),
      created_at: iso(created + 1000),
      attempts: [{ status: 'completed', conclusion: 'success', run_started_at: 'not a time', jobs: [] }],
    });
    const { collect } = await collector(server, dir);
    const { facts, stats } = await collect();
    expect(facts.runs.map((r) => r.id)).toContain(good);
    const kept = facts.runs.find((r) => r.id === good)!;
    expect(kept.jobs.map((j) => j.name)).toEqual(['ok']);
    expect(stats.runs.skipped).toBe(1);
    // A run with an unreadable start time falls back to its created time.
    expect(facts.runs.find((r) => r.id !== good)!.startedAt).toBe(created + 1000);
  });

  it('refuses a repository that is not owner/name, a budget that is not a count, and a token GitHub refuses', async () => {
    const { server, dir } = await setup();
    const { collect } = await collector(server, dir);
    await expect(collect(undefined, 'acme')).rejects.toThrow(ConfigurationError);
    await expect(collect(undefined, 'acme')).rejects.toThrow(/'acme' is not owner\/name/);
    await expect(collect({ requestBudget: 0 })).rejects.toThrow(/request budget 0/);
    await expect(collect({ requestBudget: 1.5 })).rejects.toThrow(ConfigurationError);
    const refused = await collector(server, dir, 'ghs_wrong');
    const error = await refused.collect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(String(error)).toMatch(/401.*actions: read/);
  });

  it('an hour holding more than the 1,000 runs a filtered list returns is split until every run is listed', async () => {
    const { server, dir } = await setup();
    const hour = Math.floor((Date.now() - 3 * HOUR) / HOUR) * HOUR;
    const ids = server.generateWorkflowRuns(REPO, {
      runs: 1100,
      jobs: 1,
      steps: 1,
      start: hour,
      intervalMs: 3000,
    });
    const { collect } = await collector(server, dir);
    // The per-endpoint pace (800 a minute) is lifted here; its own test is beside the runs source's.
    const { facts, stats } = await collect({ requestBudget: 5000, pointsPerMinute: 100_000 });
    expect(facts.runs).toHaveLength(1100);
    expect(facts.runs.map((r) => r.id)).toEqual(ids);
    expect(stats.runs.complete).toBe(true);
    // Listed again: the halves' pages answer 304.
    const again = await collect({ requestBudget: 5000, pointsPerMinute: 100_000 });
    expect(again.stats.runs.fetched).toBe(0);
    expect(again.stats.runs.notModified).toBeGreaterThan(0);
  });

  it('a collection of many segments is one cache save (a cache key can be saved once)', async () => {
    const { server } = await setup();
    const ids = server.generateWorkflowRuns(REPO, {
      runs: 600,
      jobs: 1,
      steps: 1,
      start: Date.now() - 20 * HOUR,
      intervalMs: 100_000,
    });
    // The cache client as @actions/cache behaves: a key saved twice is refused (-1); restore by
    // the exact key, then by prefix, newest first.
    const saved = new Map<string, string>();
    const cacheRoot = mkdtempSync(join(tmpdir(), 'gantry-metrics-cache-'));
    dirs.push(cacheRoot);
    const cache: CacheClient = {
      saveCache: async ([path], key) => {
        if (saved.has(key)) return -1;
        const copy = join(cacheRoot, String(saved.size));
        cpSync(path!, copy, { recursive: true });
        saved.set(key, copy);
        return saved.size;
      },
      restoreCache: async ([path], primary, restoreKeys = []) => {
        const keys = [...saved.keys()].reverse();
        const hit = saved.has(primary)
          ? primary
          : restoreKeys.map((prefix) => keys.find((k) => k.startsWith(prefix))).find(Boolean);
        if (hit) cpSync(saved.get(hit)!, path!, { recursive: true });
        return hit;
      },
    };
    const github = await githubClient({
      token: 'ghs_test-token',
      context: { apiUrl: server.url, payload: {} },
      http: new HttpClient({}),
    });
    const collectWith = (run: number, warnings: string[]) =>
      collectFacts(
        {
          github,
          runStore: new CacheHistory(RUN_SEGMENTS, join(cacheRoot, `work-${run}`), cache, {
            run: String(run),
            attempt: 1,
          }),
          now: () => Date.now(),
          warn: (m) => warnings.push(m),
          run: { run: String(run), attempt: 1 },
        },
        {
          repository: REPO,
          defaultBranch: 'main',
          since: Date.now() - 24 * HOUR,
          runs: { requestBudget: 1000 },
        },
      );
    const warnings: string[] = [];
    const first = await collectWith(1, warnings);
    expect(first.facts.runs.map((r) => r.id)).toEqual(ids);
    expect(warnings).toEqual([]);
    expect(saved.size).toBe(1);
    expect(first.stats.runs.segments).toBe(3);
    const second = await collectWith(2, warnings);
    expect(second.stats.runs).toMatchObject({ fetched: 0, fromStore: 600 });
    expect(warnings).toEqual([]);
  });

  it('many small segments are rewritten as few, keeping every run', async () => {
    const { server, dir } = await setup();
    const { collect } = await collector(server, dir);
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push(
        ...server.generateWorkflowRuns(REPO, {
          runs: 2,
          jobs: 1,
          start: Date.now() - (10 - i) * HOUR,
          intervalMs: 60_000,
        }),
      );
      const { stats } = await collect({ requestBudget: 1000, compactAt: 3 });
      expect(stats.runs.segments).toBeLessThanOrEqual(3);
    }
    expect(readdirSync(dir).length).toBeLessThanOrEqual(3);
    const { facts } = await collect({ requestBudget: 1000, compactAt: 3 });
    expect(facts.runs.map((r) => r.id)).toEqual(ids.sort((a, b) => a - b));
  });

  it('with history: branch, a collection of many segments is one commit and one push of the data branch', async () => {
    const { server } = await setup();
    const ids = server.generateWorkflowRuns(REPO, {
      runs: 600,
      jobs: 1,
      steps: 1,
      start: Date.now() - 20 * HOUR,
      intervalMs: 100_000,
    });
    const root = mkdtempSync(join(tmpdir(), 'gantry-metrics-branch-'));
    dirs.push(root);
    const sh = (cwd: string, ...args: string[]) =>
      execFileSync('git', args, {
        cwd,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e',
        },
      }).trim();
    const bare = join(root, 'origin.git');
    sh(root, 'init', '--quiet', '--bare', '-b', 'main', bare);
    const seed = join(root, 'seed');
    sh(root, 'init', '--quiet', '-b', 'main', seed);
    writeFileSync(join(seed, 'README'), 'x');
    sh(seed, 'add', '.');
    sh(seed, 'commit', '--quiet', '-m', 'seed');
    sh(seed, 'push', '--quiet', bare, 'main');
    const work = join(root, 'work');
    sh(root, 'clone', '--quiet', '--depth=1', `file://${bare}`, work);
    const github = await githubClient({
      token: 'ghs_test-token',
      context: { apiUrl: server.url, payload: {} },
      http: new HttpClient({}),
    });
    const store = new BranchHistory(RUN_SEGMENTS, new Git(work), 'gantry/pipeline-metrics-history', {
      now: () => Date.now(),
      sleep: async () => undefined,
    });
    const warnings: string[] = [];
    const { stats } = await collectFacts(
      {
        github,
        runStore: store,
        now: () => Date.now(),
        warn: (m) => warnings.push(m),
        run: { run: '9', attempt: 1 },
      },
      {
        repository: REPO,
        defaultBranch: 'main',
        since: Date.now() - 24 * HOUR,
        runs: { requestBudget: 1000 },
      },
    );
    expect(warnings).toEqual([]);
    expect(stats.runs.segments).toBe(3);
    expect(store.stats.pushes).toBe(1);
    expect(sh(bare, 'rev-list', '--count', 'gantry/pipeline-metrics-history')).toBe('1');
    expect(sh(bare, 'ls-tree', '--name-only', 'gantry/pipeline-metrics-history').split('\n')).toHaveLength(3);
    // Read back by another job's store: every run, nothing fetched again.
    const again = await collectFacts(
      {
        github,
        runStore: new BranchHistory(RUN_SEGMENTS, new Git(work), 'gantry/pipeline-metrics-history', {
          now: () => Date.now(),
          sleep: async () => undefined,
        }),
        now: () => Date.now(),
        warn: (m) => warnings.push(m),
        run: { run: '10', attempt: 1 },
      },
      {
        repository: REPO,
        defaultBranch: 'main',
        since: Date.now() - 24 * HOUR,
        runs: { requestBudget: 1000 },
      },
    );
    expect(again.facts.runs.map((r) => r.id)).toEqual(ids);
    expect(again.stats.runs.fetched).toBe(0);
  });
});
