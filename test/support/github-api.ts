/**
 * A local HTTP server shaped like GitHub's REST API, for tests that cannot reach api.github.com.
 * Response bodies, status codes and headers follow GitHub's REST documentation:
 *   GET  /search/issues?q=…            (search issues and pull requests)
 *   GET  /repos/{owner}/{repo}/issues  (list repository issues, pull requests among them: state, labels)
 *   POST /repos/{owner}/{repo}/issues  (create an issue: 201, 400, 401, 403, 404, 422)
 *   GET  /repos/{owner}/{repo}/issues/{number}
 *   PATCH /repos/{owner}/{repo}/issues/{number}  (update an issue: title, body, state; 403 without write)
 *   GET  /repos/{owner}/{repo}/pulls?state=…&head=owner:branch&base=…  (list pull requests)
 *   POST /repos/{owner}/{repo}/pulls   (create a pull request: 201, 403, 422 when one is open for the head)
 *   GET  /repos/{owner}/{repo}/pulls/{number}
 *   GET  /repos/{owner}/{repo}/pulls/{number}/files  (at most 3,000 files in all)
 *   GET  /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs?branch=…&status=…
 *   GET  /repos/{owner}/{repo}/commits/{ref}/check-runs  (list check runs for a ref, paginated)
 *   GET  /repos/{owner}/{repo}/commits/{ref}/status      (the combined commit status)
 *   POST /repos/{owner}/{repo}/check-runs                (create a check run: 201, 403, 422)
 *   PATCH /repos/{owner}/{repo}/check-runs/{id}          (update a check run: annotations appended)
 *     both take at most 50 output.annotations a request (422 beyond, as GitHub answers)
 *   GET|POST /repos/{owner}/{repo}/issues/{number}/comments  (list, create an issue or PR comment)
 *   PATCH /repos/{owner}/{repo}/issues/comments/{id}          (update a comment)
 *   GET    /orgs/{org}/packages/{package_type}/{package_name}/versions        (list package versions)
 *   GET    /users/{username}/packages/{package_type}/{package_name}/versions
 *   DELETE /orgs/{org}/packages/{package_type}/{package_name}/versions/{id}   (204; 404; 403 without delete)
 *   DELETE /users/{username}/packages/{package_type}/{package_name}/versions/{id}
 *     A container version's `name` is its manifest digest and `metadata.container.tags` its tags;
 *     a package name holding '/' is URL-encoded in the path (`app%2Fweb`).
 *   GET  /repos/{owner}/{repo}/actions/runs?created=…&branch=…&event=…&status=…&head_sha=…
 *     (list workflow runs for a repository, newest first; with any of those filters at most 1,000
 *     results are served, as GitHub documents; `created` takes GitHub's date syntax: `a..b`,
 *     `>=a`, `<=a`, `>a`, `<a`, or a date)
 *   GET  /repos/{owner}/{repo}/actions/runs/{run_id}                              (the latest attempt)
 *   GET  /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}
 *   GET  /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs  (with steps)
 *     These answer with an ETag and 304 Not Modified to a matching If-None-Match; a 304 does not
 *     count against the rate limit. With `rateLimit` set, x-ratelimit-limit/remaining/reset count
 *     down on every other answer and, once used up, every request gets GitHub's 403 "API rate limit
 *     exceeded" until resetRateLimit(). `counts` tallies requests, 304s and rate-limited answers.
 * Lists are paginated with `per_page` (default 30, at most 100) and `page`, with a Link header
 * (rel="next", "last", "first", "prev") as GitHub sends. Authentication is a bearer (or `token`)
 * header checked against the configured tokens; a token without write access gets GitHub's 403
 * "Resource not accessible by integration" when it creates an issue. Faults can be queued per
 * route to exercise retries (secondaryRateLimit() builds GitHub's secondary rate limit answer), and
 * every request is recorded.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GitHubIssue {
  id: number;
  node_id: string;
  url: string;
  repository_url: string;
  labels_url: string;
  comments_url: string;
  events_url: string;
  html_url: string;
  number: number;
  state: 'open' | 'closed';
  state_reason: string | null;
  title: string;
  body: string | null;
  user: { login: string; id: number; type: string };
  labels: { id: number; name: string; color: string; default: boolean }[];
  assignee: null;
  assignees: [];
  milestone: null;
  locked: boolean;
  comments: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  author_association: string;
}

export interface PullFixture {
  number: number;
  files: { filename: string; status: string; previous_filename?: string }[];
}

/** A pull request opened through the API (POST /pulls). */
export interface OpenedPull {
  number: number;
  title: string;
  head: string;
  base: string;
  body: string;
  state: 'open' | 'closed';
  html_url: string;
}

export interface RunFixture {
  /** The workflow file name, e.g. ci.yml. */
  workflow: string;
  head_branch: string;
  head_sha: string;
  conclusion: 'success' | 'failure' | 'cancelled';
  /** The run id (GITHUB_RUN_ID of that run); assigned when not given. */
  id?: number;
  /** ISO time the run was created (default: when it was added). */
  created_at?: string;
}

/** One step of a job, as the jobs API lists it. */
export interface StepFixture {
  name: string;
  status?: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  started_at?: string | null;
  completed_at?: string | null;
}

/** One job of a run attempt. */
export interface JobFixture {
  name: string;
  status?: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  created_at: string;
  started_at?: string | null;
  completed_at?: string | null;
  runner_name?: string | null;
  steps: StepFixture[];
}

/** One attempt of a workflow run; jobs may be produced on request (large generated histories). */
export interface AttemptFixture {
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  run_started_at: string;
  updated_at?: string;
  jobs: JobFixture[] | (() => JobFixture[]);
}

/** A workflow run of the repository-wide runs API, with its attempts (the last is the run's state). */
export interface WorkflowRunFixture {
  id?: number;
  /** The workflow's display name. */
  name?: string;
  /** The workflow file, `.github/workflows/ci.yml`. */
  path?: string;
  head_branch: string;
  head_sha: string;
  event?: string;
  created_at: string;
  attempts: AttemptFixture[];
}

export interface GenerateRunsOptions {
  runs: number;
  jobs: number;
  /** Steps per job (default 5). */
  steps?: number;
  /** Created time of the first (oldest) run, ms. */
  start: number;
  /** Between two runs' created times, ms. */
  intervalMs: number;
  /** First id (default: the server's next id). */
  firstId?: number;
  branch?: string;
}

export interface RecordedRequest {
  method: string;
  /** The request target as sent: path and query string. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Fault {
  method: string;
  /** Matches the path (without query) by prefix. */
  path: string;
  /** Matches the query string (with its '?'), e.g. a later page: /page=2/. */
  query?: RegExp;
  status: number;
  times: number;
  headers?: Record<string, string>;
  /** The error body's message (default: GitHub's text for 503, else 'Server Error'). */
  message?: string;
}

/**
 * GitHub's secondary rate limit as its REST docs describe it: 403 (or 429) with a Retry-After and
 * this message; a client should wait Retry-After seconds, and it is not a permissions problem.
 */
export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.';

export function secondaryRateLimit(
  method: string,
  path: string,
  retryAfterSeconds = 1,
  times = 1,
): Omit<Fault, 'times'> & { times: number } {
  return {
    method,
    path,
    status: 403,
    times,
    message: SECONDARY_RATE_LIMIT_MESSAGE,
    headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-remaining': '4990' },
  };
}

export interface CheckRunFixture {
  name: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion?:
    | 'success'
    | 'failure'
    | 'neutral'
    | 'cancelled'
    | 'skipped'
    | 'timed_out'
    | 'action_required'
    | 'stale'
    | null;
  output?: { title?: string; summary?: string; text?: string };
  head_sha?: string;
  /** Annotations received through create and update requests, in order. */
  annotations?: CheckAnnotationFixture[];
}

/** A check run annotation as the Checks API takes it. */
export interface CheckAnnotationFixture {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

/** An issue or pull request comment as the REST API returns it. */
export interface IssueCommentFixture {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: { login: string; id: number; type: string };
  created_at: string;
  updated_at: string;
}

/** The Checks API takes at most this many annotations in one create or update request. */
export const CHECK_ANNOTATIONS_PER_REQUEST = 50;

export interface StatusFixture {
  context: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description?: string;
}

export interface PackageVersionFixture {
  /** The manifest digest. */
  name: string;
  tags?: string[];
  created_at?: string;
}

export interface PackageVersion {
  id: number;
  name: string;
  url: string;
  package_html_url: string;
  html_url: string;
  created_at: string;
  updated_at: string;
  metadata: { package_type: 'container'; container: { tags: string[] } };
}

export interface GitHubApiOptions {
  /**
   * token -> whether it may write issues; `packages` what it may do to packages (default: 'delete'
   * when it may write, else 'read'), as `read:packages` / `delete:packages` scopes grant.
   */
  tokens?: Record<string, { write: boolean; packages?: 'read' | 'delete' }>;
  /** Repositories that exist, as owner/name. */
  repositories?: string[];
  /** Issues created through the API appear in search only after index() (GitHub's search lags). */
  searchLag?: boolean;
  /** A primary rate limit that counts down (GITHUB_TOKEN: 1,000 an hour per repository). */
  rateLimit?: { limit: number; remaining?: number; resetAt?: number };
}

export interface GitHubApi {
  url: string;
  issues(repository: string): GitHubIssue[];
  addIssue(
    repository: string,
    fields: { title: string; body?: string; state?: 'open' | 'closed'; pullRequest?: boolean },
  ): GitHubIssue;
  /** Make every issue visible to search (with searchLag). */
  index(): void;
  addPull(repository: string, pull: PullFixture): void;
  /** Runs are listed newest first: add them oldest first. */
  addRun(repository: string, run: RunFixture): void;
  /** Check runs on a commit, as the Checks API lists them (added ones follow created ones). */
  addCheckRun(repository: string, sha: string, run: CheckRunFixture): void;
  /** Commit statuses; the latest per context counts, as GitHub combines them. */
  addStatus(repository: string, sha: string, status: StatusFixture): void;
  checkRuns(repository: string, sha: string): (CheckRunFixture & { id: number })[];
  /** Pull requests opened through the API, oldest first. */
  openedPulls(repository: string): OpenedPull[];
  /** Comments on an issue or pull request, oldest first. */
  comments(repository: string, number: number): IssueCommentFixture[];
  /** A container package version (org or user package); returns it with its id. */
  addPackageVersion(
    owner: { org: string } | { user: string },
    name: string,
    version: PackageVersionFixture,
  ): PackageVersion;
  /** The versions a package still has, newest first (as GitHub lists them). */
  packageVersions(owner: { org: string } | { user: string }, name: string): PackageVersion[];
  fail(fault: Omit<Fault, 'times'> & { times?: number }): void;
  /** A run of the repository-wide runs API; returns its id. Add runs oldest first. */
  addWorkflowRun(repository: string, run: WorkflowRunFixture): number;
  /** The stored run, to change (finish an attempt, push a re-run attempt). */
  workflowRun(repository: string, id: number): (WorkflowRunFixture & { id: number }) | undefined;
  /** N runs of M jobs (5 steps each by default), jobs built on request; returns the ids, oldest first. */
  generateWorkflowRuns(repository: string, options: GenerateRunsOptions): number[];
  /** The rate limit's hour is over: remaining back to the limit (or to `remaining`). */
  resetRateLimit(remaining?: number): void;
  /** Requests answered, 304s among them, and answers refused for the rate limit. */
  counts: { requests: number; notModified: number; rateLimited: number };
  /** Keep a record of each request in `requests` (default true; a bench of 10,000 requests turns it off). */
  recordRequests: boolean;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';
/** The pull request files endpoint lists at most this many files, whatever the pull request holds. */
const PULL_FILES_LIMIT = 3000;

export async function startGitHubApi(options: GitHubApiOptions = {}): Promise<GitHubApi> {
  const tokens = options.tokens ?? { 'ghs_test-token': { write: true } };
  const repositories = new Set(options.repositories ?? ['acme/service']);
  const store = new Map<string, (GitHubIssue & { pull_request?: unknown })[]>();
  const searchable = new Set<number>();
  const pulls = new Map<string, PullFixture[]>();
  const opened = new Map<string, OpenedPull[]>();
  const runs = new Map<string, (RunFixture & { id: number })[]>();
  const checks = new Map<string, (CheckRunFixture & { id: number })[]>();
  const statuses = new Map<string, (StatusFixture & { id: number })[]>();
  const comments = new Map<string, IssueCommentFixture[]>();
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  /** `orgs/<org>` or `users/<user>` + '/' + package name -> versions, oldest first. */
  const packages = new Map<string, PackageVersion[]>();
  const packageKey = (owner: { org: string } | { user: string }, name: string) =>
    'org' in owner ? `orgs/${owner.org}/${name}` : `users/${owner.user}/${name}`;
  let nextId = 1000;
  let requestCounter = 1;
  let base = '';
  const workflowRunStore = new Map<string, (WorkflowRunFixture & { id: number })[]>();
  const counts = { requests: 0, notModified: 0, rateLimited: 0 };
  let recordRequests = true;
  const rate = options.rateLimit
    ? {
        limit: options.rateLimit.limit,
        remaining: options.rateLimit.remaining ?? options.rateLimit.limit,
        resetAt: options.rateLimit.resetAt ?? Date.now() + 3_600_000,
      }
    : undefined;
  const rateHeaders = (): Record<string, string> =>
    rate
      ? {
          'x-ratelimit-limit': String(rate.limit),
          'x-ratelimit-remaining': String(rate.remaining),
          'x-ratelimit-reset': String(Math.ceil(rate.resetAt / 1000)),
          'x-ratelimit-used': String(rate.limit - rate.remaining),
        }
      : {};

  const makeIssue = (
    repository: string,
    fields: { title: string; body?: string; state?: 'open' | 'closed'; pullRequest?: boolean },
  ) => {
    const list = store.get(repository) ?? [];
    store.set(repository, list);
    const number = list.length + 1;
    const id = nextId++;
    const now = new Date().toISOString();
    const apiRepo = `${base}/repos/${repository}`;
    const issue: GitHubIssue & { pull_request?: unknown } = {
      id,
      node_id: Buffer.from(`I_${id}`).toString('base64'),
      url: `${apiRepo}/issues/${number}`,
      repository_url: apiRepo,
      labels_url: `${apiRepo}/issues/${number}/labels{/name}`,
      comments_url: `${apiRepo}/issues/${number}/comments`,
      events_url: `${apiRepo}/issues/${number}/events`,
      html_url: `https://github.com/${repository}/${fields.pullRequest ? 'pull' : 'issues'}/${number}`,
      number,
      state: fields.state ?? 'open',
      state_reason: null,
      title: fields.title,
      body: fields.body ?? null,
      user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
      labels: [],
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      comments: 0,
      created_at: now,
      updated_at: now,
      closed_at: fields.state === 'closed' ? now : null,
      author_association: 'NONE',
      ...(fields.pullRequest
        ? {
            pull_request: {
              url: `${apiRepo}/pulls/${number}`,
              html_url: `https://github.com/${repository}/pull/${number}`,
            },
          }
        : {}),
    };
    list.push(issue);
    if (!options.searchLag) searchable.add(id);
    return issue;
  };

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
    serialised?: string,
  ) => {
    const text = serialised ?? (body === undefined ? '' : JSON.stringify(body));
    // A 304 (and the rate limit's own 403) does not count against the rate limit.
    if (rate && status !== 304 && rate.remaining > 0) rate.remaining -= 1;
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-resource': 'core',
      'x-github-request-id': `0000:${(requestCounter++).toString(16).toUpperCase()}:GANTRY`,
      ...rateHeaders(),
      ...headers,
    });
    res.end(text);
  };
  const error = (res: ServerResponse, status: number, message: string, extra: Record<string, unknown> = {}) =>
    send(res, status, { message, documentation_url: DOCS, status: String(status), ...extra });

  /** One page of a list, and GitHub's Link header pointing at the other pages. */
  const paginate = <T>(url: URL, items: T[]): { page: T[]; headers: Record<string, string> } => {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (target: number, rel: string) => {
      const to = new URL(`${url.pathname}${url.search}`, base);
      to.searchParams.set('per_page', String(perPage));
      to.searchParams.set('page', String(target));
      return `<${to}>; rel="${rel}"`;
    };
    const links = [
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
    ];
    return {
      page: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length ? { link: links.join(', ') } : {},
    };
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const body = Buffer.concat(chunks).toString('utf8');
    counts.requests += 1;
    if (recordRequests)
      requests.push({
        method,
        url: req.url ?? '/',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
      });

    const fault = faults.find(
      (f) =>
        f.method === method &&
        url.pathname.startsWith(f.path) &&
        (!f.query || f.query.test(url.search)) &&
        f.times > 0,
    );
    if (fault) {
      fault.times -= 1;
      return send(
        res,
        fault.status,
        {
          message: fault.message ?? (fault.status === 503 ? 'Service Unavailable' : 'Server Error'),
          documentation_url:
            fault.message === SECONDARY_RATE_LIMIT_MESSAGE
              ? `${DOCS}/overview/rate-limits-for-the-rest-api`
              : DOCS,
        },
        fault.headers,
      );
    }

    const auth = req.headers.authorization ?? '';
    const token = /^(?:Bearer|token)\s+(.+)$/i.exec(auth)?.[1];
    if (token === undefined) return error(res, 401, 'Requires authentication');
    const grant = tokens[token];
    if (grant === undefined) return error(res, 401, 'Bad credentials');
    if (rate && Date.now() >= rate.resetAt) {
      rate.remaining = rate.limit;
      rate.resetAt = Date.now() + 3_600_000;
    }
    if (rate && rate.remaining === 0) {
      counts.rateLimited += 1;
      return error(res, 403, 'API rate limit exceeded for installation ID 1.', {
        documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-primary-rate-limits`,
      });
    }

    if (method === 'GET' && url.pathname === '/search/issues') return search(res, url);
    const pkg = /^\/(orgs|users)\/([^/]+)\/packages\/([^/]+)\/([^/]+)\/versions(?:\/(\d+))?$/.exec(
      url.pathname,
    );
    if (pkg) {
      const key = `${pkg[1]}/${decodeURIComponent(pkg[2]!)}/${decodeURIComponent(pkg[4]!)}`;
      const versions = pkg[3] === 'container' ? packages.get(key) : undefined;
      if (!versions) return error(res, 404, 'Package not found.');
      if (pkg[5] === undefined && method === 'GET') {
        const { page, headers } = paginate(url, [...versions].reverse());
        return send(res, 200, page, headers);
      }
      if (pkg[5] !== undefined && method === 'DELETE') {
        const index = versions.findIndex((v) => v.id === Number(pkg[5]));
        if (index < 0) return error(res, 404, 'Not Found');
        if ((grant.packages ?? (grant.write ? 'delete' : 'read')) !== 'delete')
          return error(res, 403, 'Resource not accessible by integration', {
            documentation_url: `${DOCS}/packages/packages#delete-package-version-for-an-organization`,
          });
        versions.splice(index, 1);
        res.writeHead(204, { 'x-github-api-version-selected': '2022-11-28' });
        return res.end();
      }
      return error(res, 404, 'Not Found');
    }
    const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(url.pathname);
    if (!match || !repositories.has(`${match[1]}/${match[2]}`)) return error(res, 404, 'Not Found');
    const repository = `${match[1]}/${match[2]}`;
    const route = match[3]!;
    if (route === '/actions/runs' || route.startsWith('/actions/runs/'))
      return actionsRuns(req, res, url, repository, route);
    if (route === '/pulls') return pullList(res, url, method, body, repository, grant.write);
    const pull = /^\/pulls\/(\d+)(\/files)?$/.exec(route);
    if (pull && method === 'GET')
      return pullRequest(res, url, repository, Number(pull[1]), pull[2] !== undefined);
    const workflow = /^\/actions\/workflows\/([^/]+)\/runs$/.exec(route);
    if (workflow && method === 'GET')
      return workflowRuns(res, url, repository, decodeURIComponent(workflow[1]!));
    const commit = /^\/commits\/([^/]+)\/(check-runs|status)$/.exec(route);
    if (commit && method === 'GET') {
      const sha = decodeURIComponent(commit[1]!);
      if (commit[2] === 'check-runs') {
        const all = (checks.get(`${repository}@${sha}`) ?? []).map((run) => ({
          id: run.id,
          head_sha: sha,
          name: run.name,
          status: run.status,
          conclusion: run.status === 'completed' ? (run.conclusion ?? null) : null,
          output: { title: run.output?.title ?? null, summary: run.output?.summary ?? null },
          html_url: `https://github.com/${repository}/runs/${run.id}`,
        }));
        const { page, headers } = paginate(url, all);
        return send(res, 200, { total_count: all.length, check_runs: page }, headers);
      }
      const latest = new Map<string, StatusFixture & { id: number }>();
      for (const status of statuses.get(`${repository}@${sha}`) ?? []) latest.set(status.context, status);
      const list = [...latest.values()];
      const state = list.some((x) => x.state === 'error' || x.state === 'failure')
        ? 'failure'
        : list.length === 0 || list.some((x) => x.state === 'pending')
          ? 'pending'
          : 'success';
      return send(res, 200, {
        state,
        sha,
        total_count: list.length,
        statuses: list.map((x) => ({
          id: x.id,
          context: x.context,
          state: x.state,
          description: x.description ?? null,
        })),
      });
    }
    const checkRunUpdate = /^\/check-runs\/(\d+)$/.exec(route);
    if (checkRunUpdate && method === 'PATCH') {
      if (!grant.write)
        return error(res, 403, 'Resource not accessible by integration', {
          documentation_url: `${DOCS}/checks/runs#update-a-check-run`,
        });
      const run = [...checks.values()].flat().find((r) => r.id === Number(checkRunUpdate[1]));
      if (!run) return error(res, 404, 'Not Found');
      let payload: Partial<CheckRunFixture> & { output?: { annotations?: unknown } };
      try {
        payload = JSON.parse(body) as typeof payload;
      } catch {
        return error(res, 400, 'Problems parsing JSON');
      }
      const invalid = checkOutput(payload.output);
      if (invalid) return error(res, 422, 'Validation Failed', { errors: [invalid] });
      const { annotations, ...output } = (payload.output ?? {}) as { annotations?: CheckAnnotationFixture[] };
      if (payload.status) run.status = payload.status;
      if (payload.conclusion !== undefined) run.conclusion = payload.conclusion;
      if (payload.output) run.output = { ...run.output, ...output };
      if (annotations) run.annotations = [...(run.annotations ?? []), ...annotations];
      return send(res, 200, checkRunBody(repository, run));
    }
    if (route === '/check-runs' && method === 'POST') {
      if (!grant.write)
        return error(res, 403, 'Resource not accessible by integration', {
          documentation_url: `${DOCS}/checks/runs#create-a-check-run`,
        });
      let payload: CheckRunFixture & { head_sha?: unknown; output?: { annotations?: unknown } };
      try {
        payload = JSON.parse(body) as typeof payload;
      } catch {
        return error(res, 400, 'Problems parsing JSON');
      }
      if (typeof payload.name !== 'string' || typeof payload.head_sha !== 'string')
        return error(res, 422, 'Validation Failed', {
          errors: [
            { resource: 'CheckRun', code: 'missing_field', field: payload.name ? 'head_sha' : 'name' },
          ],
        });
      const invalid = checkOutput(payload.output);
      if (invalid) return error(res, 422, 'Validation Failed', { errors: [invalid] });
      const key = `${repository}@${payload.head_sha}`;
      const { annotations, ...output } = (payload.output ?? {}) as { annotations?: CheckAnnotationFixture[] };
      const run = {
        ...payload,
        ...(payload.output ? { output } : {}),
        annotations: annotations ?? [],
        status: payload.status ?? 'queued',
        id: nextId++,
      };
      checks.set(key, [...(checks.get(key) ?? []), run]);
      return send(res, 201, {
        id: run.id,
        head_sha: payload.head_sha,
        name: run.name,
        status: run.status,
        conclusion: run.conclusion ?? null,
        output: run.output ?? {},
      });
    }
    const commentsOf = /^\/issues\/(\d+)\/comments$/.exec(route);
    const commentUpdate = /^\/issues\/comments\/(\d+)$/.exec(route);
    if (commentsOf || commentUpdate)
      return issueComments(res, req, url, grant, repository, body, commentsOf, commentUpdate);
    const issues = /^\/issues(?:\/(\d+))?$/.exec(route);
    if (!issues) return error(res, 404, 'Not Found');
    const list = store.get(repository) ?? [];
    if (issues[1] !== undefined) {
      const issue = list.find((i) => i.number === Number(issues[1]));
      if (issue && method === 'PATCH') return updateIssue(res, issue, grant, body);
      return issue && method === 'GET' ? send(res, 200, issue) : error(res, 404, 'Not Found');
    }
    if (method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open';
      const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
      const { page, headers } = paginate(
        url,
        list.filter(
          (i) =>
            (state === 'all' || i.state === state) &&
            labels.every((name) => i.labels.some((l) => l.name === name)),
        ),
      );
      return send(res, 200, page, headers);
    }
    if (method === 'POST') {
      if (!grant.write)
        return error(res, 403, 'Resource not accessible by integration', {
          documentation_url: `${DOCS}/issues/issues#create-an-issue`,
        });
      let payload: { title?: unknown; body?: unknown };
      try {
        payload = JSON.parse(body) as typeof payload;
      } catch {
        return error(res, 400, 'Problems parsing JSON');
      }
      if (typeof payload.title !== 'string' || payload.title === '') {
        return error(res, 422, 'Validation Failed', {
          errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }],
        });
      }
      const issue = makeIssue(repository, {
        title: payload.title,
        body: typeof payload.body === 'string' ? payload.body : undefined,
      });
      return send(res, 201, issue, { location: issue.url });
    }
    return error(res, 404, 'Not Found');
  });

  /** PATCH an issue: title, body, state (closed_at set and cleared as GitHub does). */
  const updateIssue = (res: ServerResponse, issue: GitHubIssue, grant: { write: boolean }, body: string) => {
    if (!grant.write)
      return error(res, 403, 'Resource not accessible by integration', {
        documentation_url: `${DOCS}/issues/issues#update-an-issue`,
      });
    let payload: { title?: unknown; body?: unknown; state?: unknown };
    try {
      payload = JSON.parse(body) as typeof payload;
    } catch {
      return error(res, 400, 'Problems parsing JSON');
    }
    if (payload.state !== undefined && payload.state !== 'open' && payload.state !== 'closed')
      return error(res, 422, 'Validation Failed', {
        errors: [{ resource: 'Issue', code: 'invalid', field: 'state' }],
      });
    if (typeof payload.title === 'string') issue.title = payload.title;
    if (typeof payload.body === 'string') issue.body = payload.body;
    if (payload.state === 'open' || payload.state === 'closed') issue.state = payload.state;
    issue.updated_at = new Date().toISOString();
    issue.closed_at = issue.state === 'closed' ? issue.updated_at : null;
    issue.state_reason = issue.state === 'closed' ? 'completed' : null;
    return send(res, 200, issue);
  };

  /** A check run as the Checks API returns it. */
  const checkRunBody = (repository: string, run: CheckRunFixture & { id: number }) => ({
    id: run.id,
    head_sha: run.head_sha,
    name: run.name,
    status: run.status,
    conclusion: run.conclusion ?? null,
    output: { ...(run.output ?? {}), annotations_count: run.annotations?.length ?? 0 },
    html_url: `https://github.com/${repository}/runs/${run.id}`,
  });

  /** The output object's rules: title and summary when given, at most 50 annotations, each complete. */
  const checkOutput = (output: unknown): Record<string, unknown> | undefined => {
    if (output === undefined) return undefined;
    const o = output as { title?: unknown; summary?: unknown; annotations?: unknown };
    if (typeof o.title !== 'string' || typeof o.summary !== 'string')
      return {
        resource: 'CheckRun',
        code: 'missing_field',
        field: typeof o.title !== 'string' ? 'title' : 'summary',
      };
    if (o.annotations === undefined) return undefined;
    if (!Array.isArray(o.annotations) || o.annotations.length > CHECK_ANNOTATIONS_PER_REQUEST)
      return {
        resource: 'CheckRun',
        code: 'invalid',
        field: 'annotations',
        message: `Only ${CHECK_ANNOTATIONS_PER_REQUEST} annotations are allowed per request`,
      };
    for (const a of o.annotations as Partial<CheckAnnotationFixture>[]) {
      const missing = (['path', 'start_line', 'end_line', 'annotation_level', 'message'] as const).find(
        (field) => a?.[field] === undefined || a[field] === '',
      );
      if (missing) return { resource: 'CheckRun', code: 'missing_field', field: `annotations.${missing}` };
      if (!['notice', 'warning', 'failure'].includes(a.annotation_level!))
        return { resource: 'CheckRun', code: 'invalid', field: 'annotations.annotation_level' };
    }
    return undefined;
  };

  const issueComments = (
    res: ServerResponse,
    req: IncomingMessage,
    url: URL,
    grant: { write: boolean },
    repository: string,
    body: string,
    on: RegExpExecArray | null,
    update: RegExpExecArray | null,
  ) => {
    const method = req.method ?? 'GET';
    if (on && method === 'GET') {
      const { page, headers } = paginate(url, comments.get(`${repository}#${on[1]}`) ?? []);
      return send(res, 200, page, headers);
    }
    if (method !== 'POST' && method !== 'PATCH') return error(res, 404, 'Not Found');
    if (!grant.write)
      return error(res, 403, 'Resource not accessible by integration', {
        documentation_url: `${DOCS}/issues/comments#${update ? 'update' : 'create'}-an-issue-comment`,
      });
    let payload: { body?: unknown };
    try {
      payload = JSON.parse(body) as typeof payload;
    } catch {
      return error(res, 400, 'Problems parsing JSON');
    }
    if (typeof payload.body !== 'string' || payload.body === '')
      return error(res, 422, 'Validation Failed', {
        errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }],
      });
    if (payload.body.length > 65536)
      return error(res, 422, 'Validation Failed', {
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: 'body is too long (maximum is 65536 characters)',
          },
        ],
      });
    const now = new Date().toISOString();
    if (update) {
      const found = [...comments.values()].flat().find((c) => c.id === Number(update[1]));
      if (!found) return error(res, 404, 'Not Found');
      found.body = payload.body;
      found.updated_at = now;
      return send(res, 200, found);
    }
    const number = Number(on![1]);
    if (
      !(store.get(repository) ?? []).some((i) => i.number === number) &&
      !pulls.get(repository)?.some((p) => p.number === number)
    )
      return error(res, 404, 'Not Found');
    const id = nextId++;
    const comment: IssueCommentFixture = {
      id,
      node_id: Buffer.from(`IC_${id}`).toString('base64'),
      url: `${base}/repos/${repository}/issues/comments/${id}`,
      html_url: `https://github.com/${repository}/pull/${number}#issuecomment-${id}`,
      issue_url: `${base}/repos/${repository}/issues/${number}`,
      body: payload.body,
      user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
      created_at: now,
      updated_at: now,
    };
    const key = `${repository}#${number}`;
    comments.set(key, [...(comments.get(key) ?? []), comment]);
    return send(res, 201, comment, { location: comment.url });
  };

  const pullJson = (repository: string, p: OpenedPull) => ({
    url: `${base}/repos/${repository}/pulls/${p.number}`,
    html_url: p.html_url,
    number: p.number,
    state: p.state,
    title: p.title,
    body: p.body,
    head: { ref: p.head, label: `${repository.split('/')[0]}:${p.head}` },
    base: { ref: p.base },
  });

  const pullList = (
    res: ServerResponse,
    url: URL,
    method: string,
    body: string,
    repository: string,
    write: boolean,
  ) => {
    const owner = repository.split('/')[0]!;
    const list = opened.get(repository) ?? [];
    if (method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open';
      const head = url.searchParams.get('head');
      const baseRef = url.searchParams.get('base');
      const { page, headers } = paginate(
        url,
        list.filter(
          (p) =>
            (state === 'all' || p.state === state) &&
            (!head || head === `${owner}:${p.head}`) &&
            (!baseRef || p.base === baseRef),
        ),
      );
      return send(
        res,
        200,
        page.map((p) => pullJson(repository, p)),
        headers,
      );
    }
    if (method !== 'POST') return error(res, 404, 'Not Found');
    if (!write)
      return error(res, 403, 'Resource not accessible by integration', {
        documentation_url: `${DOCS}/pulls/pulls#create-a-pull-request`,
      });
    let payload: { title?: unknown; head?: unknown; base?: unknown; body?: unknown };
    try {
      payload = JSON.parse(body) as typeof payload;
    } catch {
      return error(res, 400, 'Problems parsing JSON');
    }
    const missing = (['title', 'head', 'base'] as const).find(
      (f) => typeof payload[f] !== 'string' || !payload[f],
    );
    if (missing)
      return error(res, 422, 'Validation Failed', {
        errors: [{ resource: 'PullRequest', code: 'missing_field', field: missing }],
      });
    const head = String(payload.head).replace(new RegExp(`^${owner}:`), '');
    if (list.some((p) => p.state === 'open' && p.head === head))
      return error(res, 422, 'Validation Failed', {
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${owner}:${head}.`,
          },
        ],
      });
    const issue = makeIssue(repository, { title: String(payload.title), pullRequest: true });
    const created: OpenedPull = {
      number: issue.number,
      title: String(payload.title),
      head,
      base: String(payload.base),
      body: typeof payload.body === 'string' ? payload.body : '',
      state: 'open',
      html_url: `https://github.com/${repository}/pull/${issue.number}`,
    };
    opened.set(repository, [...list, created]);
    return send(res, 201, pullJson(repository, created), {
      location: `${base}/repos/${repository}/pulls/${issue.number}`,
    });
  };

  const pullRequest = (res: ServerResponse, url: URL, repository: string, number: number, files: boolean) => {
    const fixture = pulls.get(repository)?.find((p) => p.number === number);
    if (!fixture) {
      return error(res, 404, 'Not Found', {
        documentation_url: files
          ? `${DOCS}/pulls/pulls#list-pull-requests-files`
          : `${DOCS}/pulls/pulls#get-a-pull-request`,
      });
    }
    const apiRepo = `${base}/repos/${repository}`;
    if (!files) {
      return send(res, 200, {
        url: `${apiRepo}/pulls/${number}`,
        html_url: `https://github.com/${repository}/pull/${number}`,
        number,
        state: 'open',
        changed_files: fixture.files.length,
      });
    }
    const listed = fixture.files.slice(0, PULL_FILES_LIMIT).map((file, i) => ({
      sha: i.toString(16).padStart(40, '0'),
      additions: 1,
      deletions: 0,
      changes: 1,
      ...file,
    }));
    const { page, headers } = paginate(url, listed);
    return send(res, 200, page, headers);
  };

  const workflowRuns = (res: ServerResponse, url: URL, repository: string, workflow: string) => {
    const branch = url.searchParams.get('branch');
    const status = url.searchParams.get('status');
    const matching = (runs.get(repository) ?? [])
      .filter(
        (r) =>
          r.workflow === workflow &&
          (!branch || r.head_branch === branch) &&
          (!status || r.conclusion === status),
      )
      .reverse();
    const { page, headers } = paginate(url, matching);
    return send(
      res,
      200,
      {
        total_count: matching.length,
        workflow_runs: page.map((r) => ({
          id: r.id,
          name: 'ci',
          head_branch: r.head_branch,
          head_sha: r.head_sha,
          path: `.github/workflows/${r.workflow}`,
          event: 'push',
          status: 'completed',
          conclusion: r.conclusion,
          run_attempt: 1,
          html_url: `https://github.com/${repository}/actions/runs/${r.id}`,
          created_at: r.created_at,
          updated_at: r.created_at,
        })),
      },
      headers,
    );
  };

  /** A body answered with its ETag, or 304 when the client already holds it. */
  const sendTagged = (
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    const text = JSON.stringify(body);
    const etag = `W/"${createHash('sha1').update(text).digest('hex')}"`;
    const asked = req.headers['if-none-match'];
    if (asked?.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
      counts.notModified += 1;
      res.writeHead(304, {
        etag,
        'x-github-api-version-selected': '2022-11-28',
        'x-github-request-id': `0000:${(requestCounter++).toString(16).toUpperCase()}:GANTRY`,
        ...rateHeaders(),
      });
      return res.end();
    }
    return send(res, 200, body, { etag, ...headers }, text);
  };

  const attemptOf = (run: WorkflowRunFixture & { id: number }, n: number) => run.attempts[n - 1];

  const runJson = (repository: string, run: WorkflowRunFixture & { id: number }, n = run.attempts.length) => {
    const attempt = attemptOf(run, n)!;
    const api = `${base}/repos/${repository}/actions/runs/${run.id}`;
    return {
      id: run.id,
      name: run.name ?? 'CI',
      node_id: Buffer.from(`WFR_${run.id}`).toString('base64'),
      head_branch: run.head_branch,
      head_sha: run.head_sha,
      path: run.path ?? '.github/workflows/ci.yml',
      display_title: run.name ?? 'CI',
      run_number: run.id,
      event: run.event ?? 'push',
      status: attempt.status,
      conclusion: attempt.status === 'completed' ? attempt.conclusion : null,
      workflow_id: 1,
      url: api,
      html_url: `https://github.com/${repository}/actions/runs/${run.id}`,
      created_at: run.created_at,
      updated_at: attempt.updated_at ?? attempt.run_started_at,
      run_attempt: n,
      run_started_at: attempt.run_started_at,
      jobs_url: `${api}/jobs`,
      previous_attempt_url: n > 1 ? `${api}/attempts/${n - 1}` : null,
    };
  };

  const jobsOf = (attempt: AttemptFixture) =>
    typeof attempt.jobs === 'function' ? attempt.jobs() : attempt.jobs;

  const jobJson = (
    repository: string,
    run: WorkflowRunFixture & { id: number },
    n: number,
    job: JobFixture,
    i: number,
  ) => {
    const id = run.id * 10_000 + n * 100 + i;
    return {
      id,
      run_id: run.id,
      run_url: `${base}/repos/${repository}/actions/runs/${run.id}`,
      run_attempt: n,
      node_id: Buffer.from(`CR_${id}`).toString('base64'),
      head_sha: run.head_sha,
      url: `${base}/repos/${repository}/actions/jobs/${id}`,
      html_url: `https://github.com/${repository}/actions/runs/${run.id}/job/${id}`,
      status: job.status ?? 'completed',
      conclusion: (job.status ?? 'completed') === 'completed' ? job.conclusion : null,
      created_at: job.created_at,
      started_at: job.started_at ?? null,
      completed_at: job.completed_at ?? null,
      name: job.name,
      steps: job.steps.map((step, k) => ({
        name: step.name,
        status: step.status ?? 'completed',
        conclusion: step.conclusion,
        number: k + 1,
        started_at: step.started_at ?? null,
        completed_at: step.completed_at ?? null,
      })),
      labels: ['ubuntu-latest'],
      runner_name: job.runner_name ?? null,
      workflow_name: run.name ?? 'CI',
      head_branch: run.head_branch,
    };
  };

  /** GitHub's `created` qualifier: `a..b`, `>=a`, `<=a`, `>a`, `<a`, or one date (that whole day). */
  const createdFilter = (text: string): ((ms: number) => boolean) | undefined => {
    const at = (t: string) => {
      const ms = Date.parse(t);
      return Number.isFinite(ms) ? ms : undefined;
    };
    const range = /^(.+)\.\.(.+)$/.exec(text);
    if (range) {
      const lo = range[1] === '*' ? -Infinity : at(range[1]!);
      const hi = range[2] === '*' ? Infinity : at(range[2]!);
      if (lo === undefined || hi === undefined) return undefined;
      // A bare date as the upper end covers that whole day.
      const end = /^\d{4}-\d{2}-\d{2}$/.test(range[2]!) ? hi + 86_399_999 : hi;
      return (ms) => ms >= lo && ms <= end;
    }
    const cmp = /^(>=|<=|>|<)(.+)$/.exec(text);
    if (cmp) {
      const v = at(cmp[2]!);
      if (v === undefined) return undefined;
      const op = cmp[1];
      return (ms) => (op === '>=' ? ms >= v : op === '<=' ? ms <= v : op === '>' ? ms > v : ms < v);
    }
    const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? at(text) : undefined;
    if (day === undefined) return undefined;
    return (ms) => ms >= day && ms < day + 86_400_000;
  };

  const actionsRuns = (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    repository: string,
    route: string,
  ) => {
    if ((req.method ?? 'GET') !== 'GET') return error(res, 404, 'Not Found');
    const list = workflowRunStore.get(repository) ?? [];
    if (route === '/actions/runs') {
      const q = url.searchParams;
      const created = q.get('created');
      const inCreated = created === null ? () => true : createdFilter(created);
      if (!inCreated)
        return error(res, 422, 'Validation Failed', {
          errors: [{ resource: 'WorkflowRun', field: 'created', code: 'invalid' }],
        });
      const filtered = ['actor', 'branch', 'check_suite_id', 'created', 'event', 'head_sha', 'status'].some(
        (name) => q.has(name),
      );
      const status = q.get('status');
      const matching = list
        .filter((run) => {
          const attempt = attemptOf(run, run.attempts.length)!;
          return (
            inCreated(Date.parse(run.created_at)) &&
            (!q.has('branch') || run.head_branch === q.get('branch')) &&
            (!q.has('event') || (run.event ?? 'push') === q.get('event')) &&
            (!q.has('head_sha') || run.head_sha === q.get('head_sha')) &&
            (!status ||
              attempt.status === status ||
              (attempt.status === 'completed' && attempt.conclusion === status))
          );
        })
        .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id);
      // "This API will return up to 1,000 results for each search when using the following
      // parameters: actor, branch, check_suite_id, created, event, head_sha, status."
      const served = filtered ? matching.slice(0, 1000) : matching;
      const { page, headers } = paginate(url, served);
      return sendTagged(
        req,
        res,
        { total_count: matching.length, workflow_runs: page.map((run) => runJson(repository, run)) },
        headers,
      );
    }
    const m = /^\/actions\/runs\/(\d+)(?:\/attempts\/(\d+)(\/jobs)?)?$/.exec(route);
    const run = m ? list.find((r) => r.id === Number(m[1])) : undefined;
    if (!m || !run) return error(res, 404, 'Not Found');
    const n = m[2] === undefined ? run.attempts.length : Number(m[2]);
    const attempt = attemptOf(run, n);
    if (!attempt || n < 1) return error(res, 404, 'Not Found');
    if (m[3] === undefined) return sendTagged(req, res, runJson(repository, run, n));
    const jobs = jobsOf(attempt).map((job, i) => jobJson(repository, run, n, job, i));
    const { page, headers } = paginate(url, jobs);
    return sendTagged(req, res, { total_count: jobs.length, jobs: page }, headers);
  };

  const search = (res: ServerResponse, url: URL) => {
    const q = url.searchParams.get('q') ?? '';
    if (q.trim() === '') {
      return error(res, 422, 'Validation Failed', {
        errors: [{ resource: 'Search', field: 'q', code: 'missing' }],
      });
    }
    if (q.length > 256) {
      return error(res, 422, 'Validation Failed', {
        errors: [
          {
            message: 'The search is longer than 256 characters.',
            resource: 'Search',
            field: 'q',
            code: 'invalid',
          },
        ],
      });
    }
    const terms: string[] = [];
    const qualifiers: [string, string][] = [];
    for (const token of q.match(/"[^"]*"|\S+/g) ?? []) {
      const qualifier = /^(repo|is|in|state|label|author|type):(.+)$/.exec(token);
      if (qualifier) qualifiers.push([qualifier[1]!, qualifier[2]!.replace(/^"|"$/g, '')]);
      else terms.push(token.replace(/^"|"$/g, ''));
    }
    const repos = qualifiers.filter(([k]) => k === 'repo').map(([, v]) => v);
    const fields = qualifiers.filter(([k]) => k === 'in').map(([, v]) => v);
    const wanted = (issue: GitHubIssue & { pull_request?: unknown }, repo: string) => {
      if (!searchable.has(issue.id)) return false;
      if (repos.length && !repos.includes(repo)) return false;
      for (const [key, value] of qualifiers) {
        if (
          (key === 'is' || key === 'type') &&
          (value === 'issue'
            ? issue.pull_request !== undefined
            : value === 'pr'
              ? issue.pull_request === undefined
              : false)
        )
          return false;
        if (
          (key === 'is' || key === 'state') &&
          (value === 'open' || value === 'closed') &&
          issue.state !== value
        )
          return false;
        if (key === 'label' && !issue.labels.some((l) => l.name === value)) return false;
      }
      const haystacks = (fields.length ? fields : ['title', 'body']).map((f) =>
        normalise(f === 'title' ? issue.title : f === 'body' ? (issue.body ?? '') : ''),
      );
      return terms.every((term) => haystacks.some((h) => h.includes(normalise(term))));
    };
    const items = [...store]
      .flatMap(([repo, list]) => list.filter((issue) => wanted(issue, repo)))
      .map((issue) => ({ ...issue, score: 1 }));
    const { page, headers } = paginate(url, items);
    send(
      res,
      200,
      { total_count: items.length, incomplete_results: false, items: page },
      { 'x-ratelimit-limit': '30', 'x-ratelimit-resource': 'search', ...headers },
    );
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    issues: (repository) => [...(store.get(repository) ?? [])],
    addIssue: (repository, fields) => {
      repositories.add(repository);
      const issue = makeIssue(repository, fields);
      searchable.add(issue.id);
      return issue;
    },
    index: () => {
      for (const list of store.values()) for (const issue of list) searchable.add(issue.id);
    },
    addPull: (repository, pull) => {
      repositories.add(repository);
      pulls.set(repository, [...(pulls.get(repository) ?? []), pull]);
    },
    addRun: (repository, run) => {
      repositories.add(repository);
      runs.set(repository, [
        ...(runs.get(repository) ?? []),
        { ...run, id: run.id ?? nextId++, created_at: run.created_at ?? new Date().toISOString() },
      ]);
    },
    addCheckRun: (repository, sha, run) => {
      repositories.add(repository);
      const key = `${repository}@${sha}`;
      checks.set(key, [...(checks.get(key) ?? []), { ...run, id: nextId++ }]);
    },
    addStatus: (repository, sha, status) => {
      repositories.add(repository);
      const key = `${repository}@${sha}`;
      statuses.set(key, [...(statuses.get(key) ?? []), { ...status, id: nextId++ }]);
    },
    checkRuns: (repository, sha) => [...(checks.get(`${repository}@${sha}`) ?? [])],
    openedPulls: (repository) => [...(opened.get(repository) ?? [])],
    comments: (repository, number) => [...(comments.get(`${repository}#${number}`) ?? [])],
    addPackageVersion: (owner, name, fixture) => {
      const key = packageKey(owner, name);
      const list = packages.get(key) ?? [];
      packages.set(key, list);
      const id = nextId++;
      const who = 'org' in owner ? `orgs/${owner.org}` : `users/${owner.user}`;
      const created = fixture.created_at ?? new Date().toISOString();
      const version: PackageVersion = {
        id,
        name: fixture.name,
        url: `${base}/${who}/packages/container/${encodeURIComponent(name)}/versions/${id}`,
        package_html_url: `https://github.com/${who}/packages/container/package/${encodeURIComponent(name)}`,
        html_url: `https://github.com/${who}/packages/container/${encodeURIComponent(name)}/${id}`,
        created_at: created,
        updated_at: created,
        metadata: { package_type: 'container', container: { tags: fixture.tags ?? [] } },
      };
      list.push(version);
      return version;
    },
    packageVersions: (owner, name) => [...(packages.get(packageKey(owner, name)) ?? [])].reverse(),
    fail: (fault) => faults.push({ times: 1, ...fault }),
    addWorkflowRun: (repository, run) => {
      repositories.add(repository);
      const id = run.id ?? nextId++;
      const list = workflowRunStore.get(repository) ?? [];
      workflowRunStore.set(repository, list);
      list.push({ ...run, id });
      return id;
    },
    workflowRun: (repository, id) => workflowRunStore.get(repository)?.find((r) => r.id === id),
    generateWorkflowRuns: (repository, o) => {
      repositories.add(repository);
      const list = workflowRunStore.get(repository) ?? [];
      workflowRunStore.set(repository, list);
      const first = o.firstId ?? nextId;
      nextId = Math.max(nextId, first + o.runs);
      const ids: number[] = [];
      const steps = o.steps ?? 5;
      for (let r = 0; r < o.runs; r++) {
        const id = first + r;
        // GitHub's times have whole seconds.
        const created = Math.floor((o.start + r * o.intervalMs) / 1000) * 1000;
        const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
        const failed = r % 17 === 5;
        const jobs = () =>
          Array.from({ length: o.jobs }, (_, j): JobFixture => {
            // Jobs queue 2-31 s, run 40-100 s; steps share the job's time.
            const queued = created + 1000 * (1 + j);
            const start = queued + 1000 * (2 + ((r * 7 + j * 13) % 30));
            const duration = 1000 * (40 + ((r * 31 + j * 17) % 61));
            const jobFailed = failed && j === o.jobs - 1;
            return {
              name: `job-${j}`,
              conclusion: jobFailed ? 'failure' : 'success',
              created_at: iso(queued),
              started_at: iso(start),
              completed_at: iso(start + duration),
              runner_name: `GitHub Actions ${(r * o.jobs + j) % 50}`,
              steps: Array.from({ length: steps }, (_, k) => ({
                name: k === 0 ? 'Set up job' : k === steps - 1 ? 'Complete job' : `Step ${k}`,
                conclusion: jobFailed && k === steps - 2 ? 'failure' : 'success',
                started_at: iso(start + Math.floor((duration * k) / steps)),
                completed_at: iso(start + Math.floor((duration * (k + 1)) / steps)),
              })),
            };
          });
        list.push({
          id,
          name: 'CI',
          path: '.github/workflows/ci.yml',
          head_branch: o.branch ?? 'main',
          head_sha: (id * 2654435761).toString(16).padStart(40, '0').slice(-40),
          event: 'push',
          created_at: iso(created),
          attempts: [
            {
              status: 'completed',
              conclusion: failed ? 'failure' : 'success',
              run_started_at: iso(created),
              updated_at: iso(created + 200_000),
              jobs,
            },
          ],
        });
        ids.push(id);
      }
      return ids;
    },
    resetRateLimit: (remaining) => {
      if (rate) {
        rate.remaining = remaining ?? rate.limit;
        rate.resetAt = Date.now() + 3_600_000;
      }
    },
    counts,
    get recordRequests() {
      return recordRequests;
    },
    set recordRequests(value: boolean) {
      recordRequests = value;
    },
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** GitHub's search ignores case and punctuation between words; compare on words. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
