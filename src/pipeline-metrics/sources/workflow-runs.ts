/**
 * Workflow runs and their attempts' jobs (with steps) from the GitHub REST API, fetched
 * incrementally and within a request budget.
 *
 * What GitHub documents, and what follows from it here:
 *  - GITHUB_TOKEN has a primary rate limit of 1,000 REST requests per hour per repository (15,000
 *    on GitHub Enterprise Cloud); a personal access token 5,000 per hour.
 *    https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#primary-rate-limit-for-github_token-in-github-actions
 *    So a collection spends at most `requestBudget` requests (default 500, half the hour, so the
 *    repository's other workflows keep theirs), stops early when x-ratelimit-remaining falls to a
 *    tenth of x-ratelimit-limit, and a backfill larger than that continues in the next collection.
 *  - Secondary limits: no more than 100 concurrent requests, no more than 900 points per minute for
 *    one REST endpoint (a GET is 1 point); over them GitHub answers 403 or 429 with Retry-After.
 *    https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
 *    So jobs are fetched 16 at a time, each endpoint is paced under 900 requests a minute, and the
 *    one GitHub client (src/github/client.ts, Octokit's throttling plugin) waits out Retry-After.
 *  - A conditional request answered 304 Not Modified does not count against the primary rate limit.
 *    https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate
 *    So list pages whose runs are all stored are asked again with If-None-Match: a quiet hour costs
 *    nothing, and 304s are not counted against the budget.
 *  - "List workflow runs for a repository" returns up to 1,000 results for each search with the
 *    `created` (or actor, branch, event, status…) parameter.
 *    https://docs.github.com/en/rest/actions/workflow-runs#list-workflow-runs-for-a-repository
 *    So the window is listed an hour at a time (`created=<start>..<end>`), newest first, and an hour
 *    holding more than 1,000 runs is split until each part holds fewer.
 *  - Each completed attempt's jobs come from "List jobs for a workflow run attempt"
 *    (`GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs`, 100 a page),
 *    an earlier attempt's run fields from `GET …/runs/{run_id}/attempts/{attempt_number}`.
 *    https://docs.github.com/en/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt
 *
 * A completed attempt never changes, so what was fetched is kept in the history store (run-store.ts)
 * and never fetched again: a later collection fetches only new attempts and those still in progress
 * last time. Hours the state marks complete are not listed again once they are older than the re-run
 * lookback (a re-run of an old run adds an attempt to a run created long ago).
 */
import { type GitHub, GitHubRateLimitError, gitHubError } from '../../github/index.js';
import type { HistoryStore } from '../../history/index.js';
import { createLimiter } from '../../net/pool.js';
import { errorMessage, isConfigurationError } from '../../runtime/errors.js';
import { compactRun, jobOf, stepOf } from '../compact.js';
import type { JobFact, RunFact, StepFact } from '../model.js';
import type { SourceDeps } from './deps.js';
import { type FetchState, type RangeState, RUNS_STREAM, type RunSegment, SEGMENT_RUNS } from './run-store.js';

export const HOUR = 3_600_000;
export const DEFAULT_BUDGET = 500;
export const DEFAULT_LOOKBACK = 24 * HOUR;
/** GitHub's documented secondary limit for one REST endpoint, less a margin. */
export const POINTS_PER_MINUTE = 800;
/** A filtered list returns at most this many runs. */
const LIST_CAP = 1000;
const PER_PAGE = 100;
/** Segments kept before they are rewritten as few (compaction). */
const COMPACT_AT = 200;
/** Window handed to the store's append: compaction, not the store, bounds the segments. */
const STORE_WINDOW = 100_000;
const PERMISSIONS =
  "the token needs read access to Actions (give the job 'permissions: actions: read'; a fine-grained token needs 'Actions: read').";

export interface RunStats {
  /** Requests made to GitHub (304s among them; one the client retried after a rate-limit wait counts once). */
  requests: number;
  notModified: number;
  /** Requests counted against the budget (304s are not). */
  budgetUsed: number;
  budget: number;
  budgetExhausted: boolean;
  /** GitHub answered that the rate limit is used up (after the waits it asked for). */
  rateLimited: boolean;
  complete: boolean;
  fetched: number;
  fromStore: number;
  inProgress: number;
  hoursLeft: number;
  rateLimitRemaining?: number;
  rateLimitReset?: number;
  /** Waits for a rate limit or the per-endpoint pace. */
  waits: number;
  /** List items or jobs answered in a shape that cannot be read (skipped). */
  skipped: number;
  /** A fetch error that ended the fetch early (what was fetched is kept). */
  error?: string;
  /** Segments in the store after this collection. */
  segments: number;
}

export interface RunsDeps extends SourceDeps {
  github: GitHub;
  store?: HistoryStore<RunSegment>;
}

export interface RunsOptions {
  repository: string;
  since: number;
  requestBudget?: number;
  rerunLookbackMs?: number;
  concurrency?: number;
  pointsPerMinute?: number;
  /** Segments kept before they are rewritten as few (default 200). */
  compactAt?: number;
}

interface ApiRun {
  id?: unknown;
  name?: unknown;
  path?: unknown;
  head_branch?: unknown;
  head_sha?: unknown;
  event?: unknown;
  status?: unknown;
  conclusion?: unknown;
  run_attempt?: unknown;
  created_at?: unknown;
  run_started_at?: unknown;
  updated_at?: unknown;
  html_url?: unknown;
}

interface ApiJob {
  id?: unknown;
  name?: unknown;
  status?: unknown;
  conclusion?: unknown;
  created_at?: unknown;
  started_at?: unknown;
  completed_at?: unknown;
  runner_name?: unknown;
  steps?: unknown;
}

type Answer<T> = { status: 200; data: T; etag?: string } | { status: 304 };

class BudgetSpent extends Error {}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const time = (value: unknown): number | undefined => {
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
};
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;

/** Fetches what is new since the last collection; returns every stored attempt created since `since`. */
export async function fetchWorkflowRuns(
  deps: RunsDeps,
  options: RunsOptions,
): Promise<{ runs: RunFact[]; stats: RunStats }> {
  const [owner, repo] = options.repository.split('/') as [string, string];
  const budget = options.requestBudget ?? DEFAULT_BUDGET;
  const lookback = options.rerunLookbackMs ?? DEFAULT_LOOKBACK;
  const concurrency = Math.min(options.concurrency ?? 16, 50);
  const pace = options.pointsPerMinute ?? POINTS_PER_MINUTE;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const stats: RunStats = {
    requests: 0,
    notModified: 0,
    budgetUsed: 0,
    budget,
    budgetExhausted: false,
    rateLimited: false,
    complete: false,
    fetched: 0,
    fromStore: 0,
    inProgress: 0,
    hoursLeft: 0,
    waits: 0,
    skipped: 0,
    segments: 0,
  };
  const started = deps.now();

  // What earlier collections stored.
  const known = new Map<string, RunFact>();
  let state: FetchState = { ranges: {} };
  let segments = 0;
  if (deps.store) {
    try {
      const loaded = await deps.store.load(RUNS_STREAM, STORE_WINDOW);
      segments = loaded.length;
      for (const segment of loaded) {
        for (const run of segment.runs) known.set(`${run.id}/${run.attempt}`, run);
        if (segment.state) state = segment.state;
      }
    } catch (error) {
      if (isConfigurationError(error)) throw error;
      deps.warn(
        `Stored workflow runs not read (history: ${deps.store.kind}): ${errorMessage(error)}; fetching them again.`,
      );
    }
  }
  const before = JSON.stringify(state);
  const intern = interner();
  const fresh: RunFact[] = [];

  // Requests: counted, paced per endpoint, within the budget and GitHub's remaining limit.
  let reserve = 0;
  let inFlight = 0;
  const paced = new Map<string, number[]>();
  const canSpend = () => {
    if (stats.budgetExhausted) return false;
    if (stats.budgetUsed >= budget) stats.budgetExhausted = true;
    // Requests in flight will each take one more of what GitHub said remains.
    if (stats.rateLimitRemaining !== undefined && stats.rateLimitRemaining - inFlight <= reserve)
      stats.budgetExhausted = true;
    return !stats.budgetExhausted;
  };
  const readHeaders = (headers: Record<string, unknown> | undefined) => {
    if (!headers) return;
    const remaining = Number(headers['x-ratelimit-remaining']);
    const limit = Number(headers['x-ratelimit-limit']);
    const reset = Number(headers['x-ratelimit-reset']);
    if (headers['x-ratelimit-remaining'] !== undefined && Number.isFinite(remaining))
      stats.rateLimitRemaining = remaining;
    if (headers['x-ratelimit-limit'] !== undefined && Number.isFinite(limit)) reserve = Math.ceil(limit / 10);
    if (headers['x-ratelimit-reset'] !== undefined && Number.isFinite(reset))
      stats.rateLimitReset = reset * 1000;
  };
  const get = async <T>(
    endpoint: string,
    params: Record<string, string | number>,
    etag?: string | null,
  ): Promise<Answer<T>> => {
    if (!canSpend()) throw new BudgetSpent();
    stats.budgetUsed += 1;
    // Under the per-endpoint pace: wait for the oldest request of the last minute to leave it.
    const times = paced.get(endpoint) ?? [];
    paced.set(endpoint, times);
    for (;;) {
      const now = deps.now();
      while (times.length > 0 && times[0]! <= now - 60_000) times.shift();
      if (times.length < pace) break;
      stats.waits += 1;
      await sleep(times[0]! + 60_000 - now);
    }
    times.push(deps.now());
    stats.requests += 1;
    inFlight += 1;
    try {
      const response = await deps.github.request(`GET ${endpoint}`, {
        owner,
        repo,
        ...params,
        ...(etag ? { headers: { 'if-none-match': etag } } : {}),
        // The body is parsed here with JSON.parse: Octokit's parse revives every value to keep
        // integers beyond 2^53 (GitHub's ids are far below), and took a third of a 10,000-run fetch.
        request: { parseSuccessResponseBody: false },
      });
      readHeaders(response.headers as Record<string, unknown>);
      const tag = (response.headers as Record<string, unknown>).etag;
      const text = await new Response(response.data as unknown as ReadableStream | null).text();
      let data: T;
      try {
        data = JSON.parse(text) as T;
      } catch {
        throw new Error(`GitHub API GET ${endpoint} answered 200 with a body that is not JSON`);
      }
      return { status: 200, data, ...(typeof tag === 'string' ? { etag: tag } : {}) };
    } catch (error) {
      const e = error as { status?: number; response?: { headers?: Record<string, unknown> } };
      readHeaders(e.response?.headers);
      if (e.status === 304) {
        stats.budgetUsed -= 1;
        stats.notModified += 1;
        return { status: 304 };
      }
      throw gitHubError(error, PERMISSIONS);
    } finally {
      inFlight -= 1;
    }
  };

  const runFact = (item: ApiRun, jobs: JobFact[]): RunFact | undefined => {
    const id = num(item.id);
    const attempt = num(item.run_attempt) ?? 1;
    const created = time(item.created_at);
    if (id === undefined || created === undefined) return undefined;
    return {
      id,
      attempt,
      workflow: intern(typeof item.path === 'string' ? item.path : ''),
      name: intern(typeof item.name === 'string' ? item.name : ''),
      branch: intern(typeof item.head_branch === 'string' ? item.head_branch : ''),
      event: intern(typeof item.event === 'string' ? item.event : ''),
      sha: typeof item.head_sha === 'string' ? item.head_sha : '',
      conclusion: typeof item.conclusion === 'string' ? intern(item.conclusion) : null,
      createdAt: created,
      startedAt: time(item.run_started_at) ?? created,
      updatedAt: time(item.updated_at) ?? created,
      url: typeof item.html_url === 'string' ? item.html_url : '',
      jobs,
    };
  };

  const jobFact = (job: ApiJob): JobFact | undefined => {
    const id = num(job.id);
    const created = time(job.created_at) ?? time(job.started_at);
    if (id === undefined || created === undefined) return undefined;
    const steps: StepFact[] = [];
    for (const step of Array.isArray(job.steps) ? (job.steps as Record<string, unknown>[]) : []) {
      if (typeof step !== 'object' || step === null || num(step.number) === undefined) {
        stats.skipped += 1;
        continue;
      }
      steps.push(
        stepOf(
          intern(typeof step.name === 'string' ? step.name : ''),
          step.number as number,
          typeof step.conclusion === 'string' ? intern(step.conclusion) : null,
          time(step.started_at),
          time(step.completed_at),
        ),
      );
    }
    return jobOf(
      id,
      intern(typeof job.name === 'string' ? job.name : ''),
      typeof job.conclusion === 'string' ? intern(job.conclusion) : null,
      created,
      time(job.started_at),
      time(job.completed_at),
      typeof job.runner_name === 'string' ? intern(job.runner_name) : undefined,
      steps,
    );
  };

  /** One completed attempt with its jobs; false when the budget ran out first. */
  const fetchAttempt = async (item: ApiRun, attempt: number): Promise<boolean> => {
    const id = item.id as number;
    let meta = item;
    if (attempt !== num(item.run_attempt)) {
      const answer = await get<ApiRun>(`/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt}`, {
        run_id: id,
        attempt,
      });
      if (answer.status !== 200) return false;
      meta = { ...answer.data, run_attempt: attempt };
    }
    const jobs: JobFact[] = [];
    for (let page = 1; ; page++) {
      const answer = await get<{ total_count?: unknown; jobs?: unknown }>(
        '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt}/jobs',
        { run_id: id, attempt, per_page: PER_PAGE, page },
      );
      if (answer.status !== 200) return false;
      const listed = Array.isArray(answer.data.jobs) ? (answer.data.jobs as ApiJob[]) : [];
      for (const job of listed) {
        const fact = typeof job === 'object' && job !== null ? jobFact(job) : undefined;
        if (fact) jobs.push(fact);
        else stats.skipped += 1;
      }
      const total = num(answer.data.total_count) ?? 0;
      if (listed.length < PER_PAGE || page * PER_PAGE >= total) break;
    }
    const plain = runFact(meta, jobs);
    if (!plain) {
      stats.skipped += 1;
      return true;
    }
    plain.attempt = attempt;
    // Held compactly until the collection ends (compact.ts): its jobs are built when read.
    const fact = compactRun(plain);
    known.set(`${id}/${attempt}`, fact);
    fresh.push(fact);
    stats.fetched += 1;
    return true;
  };

  // One queue for every jobs request: an hour's jobs are queued before the next hour's, so the
  // fetch stays newest first while the next hour is listed.
  const jobLimit = createLimiter(concurrency);

  /**
   * Lists one created range (newest first) and fetches what it holds that is not stored; complete
   * or not. `queued` is told once the first page's jobs are in the queue.
   */
  const listRange = async (
    lo: number,
    hi: number,
    queued: () => void = () => undefined,
  ): Promise<boolean> => {
    const range = `${iso(lo)}..${iso(hi)}`;
    const previous = state.ranges[range];
    const current: RangeState = { complete: false, pages: previous?.pages ?? 1, etags: [] };
    state.ranges[range] = current;
    let complete = hi < started;
    for (let page = 1; page <= current.pages; page++) {
      const etag = previous?.etags[page - 1] ?? null;
      let answer: Answer<{ total_count?: unknown; workflow_runs?: unknown }>;
      try {
        answer = await get(
          '/repos/{owner}/{repo}/actions/runs',
          {
            created: range,
            per_page: PER_PAGE,
            page,
          },
          etag,
        );
      } catch (error) {
        if (error instanceof BudgetSpent) {
          current.etags = [...current.etags, ...(previous?.etags.slice(page - 1) ?? [])];
          return false;
        }
        throw error;
      }
      if (answer.status === 304) {
        // Unchanged since every run on it was stored and completed.
        current.etags.push(etag);
        continue;
      }
      const total = Math.min(num(answer.data.total_count) ?? 0, Number.MAX_SAFE_INTEGER);
      if (page === 1 && total > LIST_CAP && hi - lo >= 2000) {
        // More than a filtered list returns: list the halves, newer first.
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        const parts = [`${iso(mid + 1000)}..${iso(hi)}`, `${iso(lo)}..${iso(mid)}`];
        current.parts = parts;
        const newer = await listRange(mid + 1000, hi, queued);
        const older = newer || !stats.budgetExhausted ? await listRange(lo, mid) : false;
        current.complete = newer && older;
        current.listed = parts.every((part) => state.ranges[part]?.listed === true);
        return current.complete;
      }
      current.pages = Math.max(1, Math.ceil(Math.min(total, LIST_CAP) / PER_PAGE));
      const items = Array.isArray(answer.data.workflow_runs) ? (answer.data.workflow_runs as ApiRun[]) : [];
      let pageDone = true;
      const wanted: [ApiRun, number][] = [];
      for (const item of items) {
        const id = typeof item === 'object' && item !== null ? num(item.id) : undefined;
        const attempts = id === undefined ? undefined : (num(item.run_attempt) ?? 1);
        if (
          id === undefined ||
          attempts === undefined ||
          attempts < 1 ||
          time(item.created_at) === undefined
        ) {
          stats.skipped += 1;
          continue;
        }
        const completed = item.status === 'completed';
        for (let attempt = 1; attempt <= attempts; attempt++) {
          if (known.has(`${id}/${attempt}`)) continue;
          if (attempt === attempts && !completed) {
            stats.inProgress += 1;
            pageDone = false;
            continue;
          }
          wanted.push([item, attempt]);
        }
      }
      let spent = false;
      const fetching = Promise.all(
        wanted.map(([item, attempt]) =>
          jobLimit(async () => {
            if (spent) return;
            try {
              if (!(await fetchAttempt(item, attempt))) pageDone = false;
            } catch (error) {
              if (!(error instanceof BudgetSpent)) throw error;
              spent = true;
              pageDone = false;
            }
          }),
        ),
      );
      queued();
      await fetching;
      current.etags.push(pageDone && answer.etag ? answer.etag : null);
      if (!pageDone) complete = false;
      if (spent) {
        current.etags = [...current.etags, ...(previous?.etags.slice(page) ?? [])];
        return false;
      }
    }
    current.complete = complete;
    // Every page read and every completed run stored: only runs in progress are left.
    current.listed = true;
    return complete;
  };

  // The window's hours, newest first.
  const first = Math.floor(options.since / HOUR) * HOUR;
  const last = Math.floor(started / HOUR) * HOUR;
  const hourRange = (hour: number) => `${iso(hour)}..${iso(hour + HOUR - 1000)}`;
  try {
    // Two hours at a time: the next is listed while this one's jobs are fetched.
    let failure: unknown;
    const inFlight: Promise<void>[] = [];
    for (let hour = last; hour >= first; hour -= HOUR) {
      if (failure !== undefined || stats.budgetExhausted) break;
      if (state.ranges[hourRange(hour)]?.complete && hour + HOUR <= started - lookback) continue;
      let queued: () => void = () => undefined;
      const ready = new Promise<void>((resolve) => {
        queued = resolve;
      });
      inFlight.push(
        listRange(hour, hour + HOUR - 1000, () => queued())
          .then(
            () => undefined,
            (error: unknown) => {
              failure ??= error;
            },
          )
          .finally(() => queued()),
      );
      await ready;
      if (inFlight.length >= 2) await inFlight.shift();
    }
    await Promise.all(inFlight);
    if (failure !== undefined) throw failure;
  } catch (error) {
    if (isConfigurationError(error)) throw error;
    if (error instanceof GitHubRateLimitError) {
      stats.rateLimited = true;
      stats.budgetExhausted = true;
    } else {
      stats.error = errorMessage(error);
    }
    deps.warn(
      `Workflow runs: fetching stopped early (${errorMessage(error)}); the ${stats.fetched} run attempts fetched are kept and the next run continues.`,
    );
  }
  // Past hours not fetched yet (the current hour is listed again anyway; an hour whose only
  // runs left are in progress is fetched, and listed again until they finish).
  for (let hour = last - HOUR; hour >= first; hour -= HOUR) {
    const range = state.ranges[hourRange(hour)];
    if (!range?.complete && !range?.listed) stats.hoursLeft += 1;
  }

  // Ranges before the window are forgotten.
  for (const range of Object.keys(state.ranges)) {
    const end = Date.parse(range.slice(range.indexOf('..') + 2));
    if (!Number.isFinite(end) || end < first) delete state.ranges[range];
  }
  stats.complete = stats.hoursLeft === 0 && stats.error === undefined;
  const inWindow = [...known.values()].filter((run) => run.createdAt >= options.since);
  stats.fromStore = inWindow.length - fresh.filter((run) => run.createdAt >= options.since).length;

  if (deps.store && (fresh.length > 0 || JSON.stringify(state) !== before)) {
    try {
      stats.segments = await saveSegments(
        deps,
        fresh,
        inWindow,
        state,
        segments,
        started,
        options.compactAt ?? COMPACT_AT,
      );
    } catch (error) {
      if (isConfigurationError(error)) throw error;
      deps.warn(
        `Fetched workflow runs not stored (history: ${deps.store.kind}): ${errorMessage(error)}; the next run fetches them again.`,
      );
    }
  } else stats.segments = segments;
  inWindow.sort((a, b) => a.createdAt - b.createdAt || a.id - b.id || a.attempt - b.attempt);
  return { runs: inWindow, stats };
}

/** Stores the new attempts (a segment per 1,000) and the state; rewrites all as few when there are many. */
async function saveSegments(
  deps: RunsDeps,
  fresh: RunFact[],
  inWindow: RunFact[],
  state: FetchState,
  existing: number,
  now: number,
  compactAt: number,
): Promise<number> {
  const store = deps.store!;
  const compact = existing + Math.max(1, Math.ceil(fresh.length / SEGMENT_RUNS)) > compactAt;
  const runs = compact ? inWindow : fresh;
  const chunks: RunFact[][] = [];
  for (let i = 0; i < runs.length; i += SEGMENT_RUNS) chunks.push(runs.slice(i, i + SEGMENT_RUNS));
  if (chunks.length === 0) chunks.push([]);
  const self = deps.run ?? { run: 'local', attempt: 1 };
  // All at once: one cache entry saved (a key is saved once), one push of the history branch.
  await store.appendAll(
    chunks.map((chunk, i) => ({
      v: 1 as const,
      run: chunks.length > 1 ? `${self.run}.${i}` : self.run,
      attempt: self.attempt,
      branch: RUNS_STREAM,
      time: now + i,
      runs: chunk,
      ...(i === chunks.length - 1 ? { state } : {}),
    })),
    // A compaction keeps only what it wrote.
    compact ? chunks.length : STORE_WINDOW,
  );
  return compact ? chunks.length : existing + chunks.length;
}

/** One string object per distinct name: 200,000 jobs repeat a few dozen names. */
function interner(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    const found = seen.get(text);
    if (found !== undefined) return found;
    if (seen.size < 100_000) seen.set(text, text);
    return text;
  };
}
