// bench/pipeline-metrics: the workflow runs source against the test GitHub API server
// (test/support/github-api.ts) holding 10,000 runs of 20 jobs (5 steps each) over 7 days, each
// collection in its own process so its wall time and peak RSS are its own. Collections 1, 2 and
// 2b run the action's bundle (dist/pipeline-metrics/index.js) the way the runner does (test/harness:
// INPUT_*, file commands; history: dir), so they include the metrics, summary and files; without
// the bundle (or PIPELINE_METRICS_BENCH_MODE=direct) they run collectFacts alone:
//   1. first collection with GITHUB_TOKEN (server limit 1,000 an hour; the default budget, 500);
//   2. the backfill continued, one collection per rate-limit hour, until the window is complete;
//  2b. the next collection after 50 new runs, on that store;
// and collectFacts alone (bundled with esbuild), the per-endpoint pace lifted, which the action
// does not let a user do (GitHub's 900 points a minute would stretch 10,000 requests to 11 min):
//   3. the whole backfill in one collection where the limit allows it (GHEC's GITHUB_TOKEN:
//      15,000 an hour);
//   4. a second collection after 50 new runs, on the store of 3, side by side with
//   5. the same collection without a store (every run fetched again: what a stateless exporter does).
// Collections 3-5 keep V8's young generation small as the action does (src/pipeline-metrics/
// memory.ts); PIPELINE_METRICS_BENCH_YOUNG=default leaves Node's default growth.
// Targets (issue 21): under a minute, requests within the documented limits, under 300 MB.
//   node_modules/.bin/node scripts/build.mjs pipeline-metrics && npm run bench -- pipeline-metrics
//   PIPELINE_METRICS_BENCH_RUNS=2000 PIPELINE_METRICS_BENCH_JOBS=20 npm run bench -- pipeline-metrics
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.PIPELINE_METRICS_BENCH_RUNS ?? 10_000);
const JOBS = Number(process.env.PIPELINE_METRICS_BENCH_JOBS ?? 20);
const NEW_RUNS = 50;
const DAY = 86_400_000;
const REPO = 'acme/bench';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PRELOAD = join(ROOT, 'bench/_rss-preload.mjs');
const BUNDLE = join(ROOT, 'dist/pipeline-metrics/index.js');
const MODE =
  process.env.PIPELINE_METRICS_BENCH_MODE ?? (existsSync(BUNDLE) && hasSources(BUNDLE) ? 'bundle' : 'direct');

/** A bundle built before the sources were wired reads a facts file only. */
function hasSources(bundle: string): boolean {
  return readFileSync(bundle, 'utf8').includes('workflow-runs');
}

interface ChildStats {
  ms: number;
  runs: number;
  jobs: number;
  stats: {
    requests: number;
    notModified: number;
    budgetUsed: number;
    budget: number;
    budgetExhausted: boolean;
    complete: boolean;
    fetched: number;
    fromStore: number;
    hoursLeft: number;
    segments: number;
    rateLimitRemaining?: number;
  };
}

interface Measured extends ChildStats {
  wallMs: number;
  peakRssMb: number;
  serverRequests: number;
  serverNotModified: number;
}

let childBundle = '';
const child = process.env.PIPELINE_METRICS_BENCH_CHILD;
if (child) await runChild();
else await runBench();

async function runBench(): Promise<void> {
  const { startGitHubApi } = await import('../test/support/github-api.js');
  const dir = mkdtempSync(join(tmpdir(), 'gantry-bench-metrics-'));
  const now = Date.now();
  const since = now - 8 * DAY;
  const start = now - 7 * DAY;
  const interval = Math.floor((7 * DAY - 3_600_000) / RUNS);
  const servers: Awaited<ReturnType<typeof startGitHubApi>>[] = [];
  const serve = async (limit: number) => {
    const server = await startGitHubApi({ repositories: [REPO], rateLimit: { limit } });
    server.recordRequests = false;
    const generated = performance.now();
    server.generateWorkflowRuns(REPO, { runs: RUNS, jobs: JOBS, start, intervalMs: interval, firstId: 1 });
    servers.push(server);
    return { server, ms: performance.now() - generated };
  };
  try {
    console.log(
      `${RUNS.toLocaleString('en')} runs x ${JOBS} jobs x 5 steps over 7 days; window 8 days; load ${loadavg()[0]!.toFixed(2)}`,
    );
    // The collector runs bundled (esbuild, as an action bundle is), not through tsx: its memory is its own.
    childBundle = join(dir, 'collect.mjs');
    execFileSync(
      join(ROOT, 'node_modules/.bin/esbuild'),
      [
        fileURLToPath(import.meta.url),
        '--bundle',
        '--platform=node',
        '--format=esm',
        '--log-level=error',
        `--outfile=${childBundle}`,
        "--banner:js=import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      ],
      { stdio: 'inherit' },
    );
    // 1 and 2: GITHUB_TOKEN, 1,000 requests an hour per repository.
    const token = await serve(1000);
    const collect = (server: typeof token.server, store: string | undefined, extra: Record<string, string>) =>
      measure(server, {
        PIPELINE_METRICS_BENCH_URL: server.url,
        PIPELINE_METRICS_BENCH_STORE: store ?? '',
        PIPELINE_METRICS_BENCH_SINCE: String(since),
        ...extra,
      });
    const tokenStore = join(dir, 'store-token');
    let runId = 1000;
    const collectToken = () =>
      MODE === 'bundle'
        ? measureBundle(token.server, tokenStore, dir, runId++)
        : collect(token.server, tokenStore, {});
    const first = await collectToken();
    const rounds = [first];
    // PIPELINE_METRICS_BENCH_ROUNDS: collections of the GITHUB_TOKEN backfill at most (default: until complete).
    const maxRounds = Number(process.env.PIPELINE_METRICS_BENCH_ROUNDS ?? 40);
    while (!rounds.at(-1)!.stats.complete && rounds.length < maxRounds) {
      token.server.resetRateLimit();
      rounds.push(await collectToken());
    }
    token.server.generateWorkflowRuns(REPO, {
      runs: NEW_RUNS,
      jobs: JOBS,
      start: Date.now() - 10 * 60_000,
      intervalMs: 1000,
      firstId: RUNS + 1,
    });
    token.server.resetRateLimit();
    const tokenSecond = await collectToken();
    // 3: the whole backfill at once (GitHub Enterprise Cloud's GITHUB_TOKEN: 15,000 an hour).
    const ghec = await serve(15_000);
    const fullStore = join(dir, 'store-full');
    const full = await collect(ghec.server, fullStore, {
      PIPELINE_METRICS_BENCH_BUDGET: '15000',
      PIPELINE_METRICS_BENCH_PACE: String(Number.MAX_SAFE_INTEGER),
    });
    // 4 and 5: 50 new runs; with the store, and without.
    ghec.server.generateWorkflowRuns(REPO, {
      runs: NEW_RUNS,
      jobs: JOBS,
      start: Date.now() - 10 * 60_000,
      intervalMs: 1000,
      firstId: RUNS + 1,
    });
    ghec.server.resetRateLimit();
    const second = await collect(ghec.server, fullStore, {});
    ghec.server.resetRateLimit();
    const stateless = await collect(ghec.server, undefined, {
      PIPELINE_METRICS_BENCH_BUDGET: '15000',
      PIPELINE_METRICS_BENCH_PACE: String(Number.MAX_SAFE_INTEGER),
    });

    const row = (label: string, m: Measured) =>
      console.log(
        `${label.padEnd(46)} ${(m.wallMs / 1000).toFixed(2).padStart(7)} s  ${String(m.serverRequests).padStart(6)} req (${String(m.serverNotModified).padStart(4)} 304)  ${m.peakRssMb.toFixed(0).padStart(4)} MB  ${String(m.runs).padStart(6)} runs ${String(m.jobs).padStart(7)} jobs  fetched ${m.stats.fetched}, stored ${m.stats.fromStore}${m.stats.complete ? '' : `, ${m.stats.hoursLeft} h left`}`,
      );
    console.log(
      `${''.padEnd(46)} ${'wall'.padStart(9)}  ${'requests (304s)'.padStart(20)}  ${'peak RSS'.padStart(7)}`,
    );
    row('1. first collection, GITHUB_TOKEN, budget 500', first);
    const tokenTotal = rounds.reduce((sum, m) => sum + m.serverRequests, 0);
    const worst = rounds.reduce((max, m) => Math.max(max, m.serverRequests - m.serverNotModified), 0);
    row(
      `2. backfill ${rounds.at(-1)!.stats.complete ? 'done' : 'NOT done'} after ${rounds.length} collections (last)`,
      rounds.at(-1)!,
    );
    console.log(
      `   ${rounds.length} collections, ${tokenTotal} requests in all, at most ${worst} counted in one hour (limit 1,000); slowest ${Math.max(...rounds.map((m) => m.wallMs / 1000)).toFixed(2)} s, peak ${Math.max(...rounds.map((m) => m.peakRssMb)).toFixed(0)} MB`,
    );
    row(`2b. next collection, ${NEW_RUNS} new runs`, tokenSecond);
    row('3. whole backfill, one collection (15,000/h)', full);
    const paceMinutes = (full.serverRequests - full.serverNotModified) / 900;
    console.log(
      `   pace lifted here; on github.com the 900 points/minute per endpoint limit stretches ${full.serverRequests} requests to >= ${paceMinutes.toFixed(1)} min`,
    );
    row(`4. second collection, ${NEW_RUNS} new runs, with the store`, second);
    row(`5. the same without a store (all fetched again)`, stateless);
    console.log(
      `   ratio 5/4: ${(stateless.serverRequests / Math.max(1, second.serverRequests - second.serverNotModified)).toFixed(0)}x the counted requests, ${(stateless.wallMs / second.wallMs).toFixed(1)}x the wall time`,
    );
    console.log(
      `   server setup ${(token.ms / 1000).toFixed(2)} s; targets: < 60 s per collection (slowest GITHUB_TOKEN one ${Math.max(...rounds.map((m) => m.wallMs / 1000), tokenSecond.wallMs / 1000).toFixed(1)} s; 3: ${(full.wallMs / 1000).toFixed(1)} s), < 300 MB (max ${Math.max(...rounds.map((m) => m.peakRssMb), tokenSecond.peakRssMb, full.peakRssMb, second.peakRssMb, stateless.peakRssMb).toFixed(0)} MB), requests within 1,000/h per collection (${worst})`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(
  server: { counts: { requests: number; notModified: number } },
  env: Record<string, string>,
): Promise<Measured> {
  const before = { ...server.counts };
  const started = performance.now();
  const { code, stdout, stderr, peakKb } = await spawnMeasured(
    process.execPath,
    ['--import', PRELOAD, childBundle],
    { ...(process.env as Record<string, string>), PIPELINE_METRICS_BENCH_CHILD: '1', ...env },
    ROOT,
  );
  const wallMs = performance.now() - started;
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{'))
    throw new Error(`collection failed (exit ${code}): ${stderr.trim().split('\n').slice(-5).join(' / ')}`);
  return {
    ...(JSON.parse(line) as ChildStats),
    wallMs,
    peakRssMb: peakKb / 1024,
    serverRequests: server.counts.requests - before.requests,
    serverNotModified: server.counts.notModified - before.notModified,
  };
}

/** One collection by the action's bundle, run as the runner runs it (test/harness). */
async function measureBundle(
  server: { url: string; counts: { requests: number; notModified: number } },
  store: string,
  dir: string,
  runId: number,
): Promise<Measured> {
  const { runAction } = await import('../test/harness/index.js');
  const before = { ...server.counts };
  const runnerTemp = mkdtempSync(join(dir, 'runner-'));
  const started = performance.now();
  const { main } = await runAction({
    action: 'pipeline-metrics',
    inputs: { 'github-token': 'ghs_test-token', history: 'dir', 'history-dir': store, window: '8d' },
    env: {
      GITHUB_REPOSITORY: REPO,
      GITHUB_API_URL: server.url,
      GITHUB_RUN_ID: String(runId),
      NODE_OPTIONS: `--import ${PRELOAD}`,
    },
    runnerTemp,
    post: false,
    timeoutMs: 900_000,
  });
  const wallMs = performance.now() - started;
  if (main.exitCode !== 0)
    throw new Error(
      `the action failed (exit ${main.exitCode}): ${main.errors.join(' / ') || main.stderr.slice(-500)}`,
    );
  const peakKb = Number(/GANTRY_BENCH_MAXRSS_KB=(\d+)/.exec(main.stderr)?.[1] ?? 0);
  const note =
    /workflow runs: (\d+) fetched, (\d+) from the \w+ history, (\d+) requests \((\d+) not modified\) of a budget of (\d+)([^\n]*)/.exec(
      main.summary,
    );
  if (!note) throw new Error(`no workflow runs line in the summary:\n${main.summary.slice(0, 2000)}`);
  const [fetched, fromStore, requests, notModified, budget] = note.slice(1, 6).map(Number) as number[];
  const left = /(\d+) hours of the window are left/.exec(main.summary);
  return {
    ms: main.durationMs,
    runs: fetched! + fromStore!,
    jobs: (fetched! + fromStore!) * JOBS,
    stats: {
      requests: requests!,
      notModified: notModified!,
      budgetUsed: requests! - notModified!,
      budget: budget!,
      budgetExhausted: left !== null,
      complete: left === null,
      fetched: fetched!,
      fromStore: fromStore!,
      hoursLeft: left ? Number(left[1]) : 0,
      segments: 0,
    },
    wallMs,
    peakRssMb: peakKb / 1024,
    serverRequests: server.counts.requests - before.requests,
    serverNotModified: server.counts.notModified - before.notModified,
  };
}

function spawnMeasured(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string; peakKb: number }> {
  return new Promise((resolve) => {
    const proc = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sampledKb = 0;
    const timer = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
        if (match) sampledKb = Math.max(sampledKb, Number(match[1]));
      } catch {}
    }, 100);
    proc.stdout.on('data', (c: Buffer) => (stdout += c));
    proc.stderr.on('data', (c: Buffer) => (stderr += c));
    proc.on('close', (code) => {
      clearInterval(timer);
      const reported = Number(/GANTRY_BENCH_MAXRSS_KB=(\d+)/.exec(stderr)?.[1] ?? 0);
      resolve({ code, stdout, stderr, peakKb: Math.max(reported, sampledKb) });
    });
  });
}

/** One collection: collectFacts over the one GitHub client and a dir history store. */
async function runChild(): Promise<void> {
  const started = performance.now();
  const { githubClient } = await import('../src/github/index.js');
  const { HttpClient } = await import('../src/net/index.js');
  const { DirHistory } = await import('../src/history/index.js');
  const { collectFacts, RUN_SEGMENTS } = await import('../src/pipeline-metrics/sources/index.js');
  // As the action does first (src/pipeline-metrics/memory.ts); =default measures without it.
  if (process.env.PIPELINE_METRICS_BENCH_YOUNG !== 'default')
    (await import('../src/pipeline-metrics/memory.js')).keepYoungGenerationSmall();
  const env = process.env;
  const github = await githubClient({
    token: 'ghs_test-token',
    context: { apiUrl: env.PIPELINE_METRICS_BENCH_URL!, payload: {} },
    http: new HttpClient({}),
  });
  const store = env.PIPELINE_METRICS_BENCH_STORE
    ? new DirHistory(RUN_SEGMENTS, env.PIPELINE_METRICS_BENCH_STORE)
    : undefined;
  const { facts, stats } = await collectFacts(
    {
      github,
      runStore: store,
      now: () => Date.now(),
      warn: (message) => process.stderr.write(`warning: ${message}\n`),
      run: { run: String(Date.now()), attempt: 1 },
    },
    {
      repository: REPO,
      defaultBranch: 'main',
      since: Number(env.PIPELINE_METRICS_BENCH_SINCE),
      runs: {
        ...(env.PIPELINE_METRICS_BENCH_BUDGET
          ? { requestBudget: Number(env.PIPELINE_METRICS_BENCH_BUDGET) }
          : {}),
        ...(env.PIPELINE_METRICS_BENCH_PACE
          ? { pointsPerMinute: Number(env.PIPELINE_METRICS_BENCH_PACE) }
          : {}),
      },
    },
  );
  const jobs = facts.runs.reduce((sum, run) => sum + run.jobs.length, 0);
  console.log(
    JSON.stringify({ ms: performance.now() - started, runs: facts.runs.length, jobs, stats: stats.runs }),
  );
}
