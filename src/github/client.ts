import type { IncomingMessage } from 'node:http';
import type { HttpClient } from '../net/http.js';
import { safeUrl } from '../net/http.js';
import { ConfigurationError } from '../runtime/errors.js';
import { oneLine } from '../runtime/text.js';
import type { GitHubContext } from './context.js';

/**
 * The one GitHub REST client: @actions/github's getOctokit with @octokit/plugin-retry (server
 * errors retried with backoff) and @octokit/plugin-throttling (primary and secondary rate limits
 * waited out as GitHub's Retry-After / X-RateLimit-Reset say, writes spaced out). Requests go over
 * src/net (node:http), handed to Octokit as its `fetch`: one HTTP layer, so the suite's proxy rule
 * (HTTPS_PROXY / HTTP_PROXY / NO_PROXY), timeouts, circuit breaker and the step's request counts
 * apply to GitHub as to every other service. src/net's own retries are off here: Octokit's plugins
 * own retrying, and know GitHub's rate limit headers.
 * The toolkit loads on first use (dynamic import): a step that makes no GitHub call does not pay
 * for Octokit at start.
 */
export type GitHub = Awaited<ReturnType<typeof githubClient>>;

export interface GitHubClientOptions {
  token: string;
  context: Pick<GitHubContext, 'apiUrl' | 'payload'>;
  http: HttpClient;
  /** Told each wait for a rate limit, and each retry. */
  onWait?: (message: string) => void;
  /** Longest Retry-After waited for (seconds); beyond it the limit is reported. */
  maxWaitSeconds?: number;
  /** Scales Retry-After (ms per second given); tests shorten the waits with it. */
  retryAfterBaseValue?: number;
}

const USER_AGENT = 'gantry (+https://github.com/acme/gantry)';
/** Largest API response body read (a page of 100 pull request files with patches stays far below). */
const BODY_LIMIT = 64 * 1024 * 1024;

export async function githubClient(options: GitHubClientOptions) {
  // @actions/github builds its own context at import and throws a bare SyntaxError on a malformed
  // payload: our policy for the payload speaks first.
  void options.context.payload;
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
  ]);
  const maxWait = options.maxWaitSeconds ?? 300;
  const wait = options.onWait ?? (() => undefined);
  return getOctokit(
    options.token,
    {
      baseUrl: options.context.apiUrl,
      userAgent: USER_AGENT,
      request: { fetch: netFetch(options.http) },
      retry: { retries: 3 },
      throttle: {
        retryAfterBaseValue: options.retryAfterBaseValue ?? 1000,
        onRateLimit: (retryAfter, request, _octokit, retryCount) => {
          const go = retryCount < 2 && retryAfter <= maxWait;
          wait(
            `GitHub API rate limit on ${request.method} ${request.url}: ${go ? `waiting ${retryAfter} s as GitHub asks` : 'not waiting longer'}.`,
          );
          return go;
        },
        onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
          const go = retryCount < 3 && retryAfter <= maxWait;
          wait(
            `GitHub API secondary rate limit on ${request.method} ${request.url}: ${go ? `waiting ${retryAfter} s as GitHub asks` : 'not waiting longer'}.`,
          );
          return go;
        },
      },
    },
    retry,
    throttling,
  );
}

/** A fetch over src/net: Octokit's transport, without undici and with the suite's proxy rule. */
export function netFetch(http: HttpClient): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const body =
      init?.body == null
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : new Uint8Array(await new Response(init.body).arrayBuffer());
    const method = (init?.method ?? 'GET').toUpperCase();
    const response = await http.request({
      url,
      method,
      headers,
      body,
      retries: 0,
      redirect: init?.redirect === 'manual' ? 'manual' : init?.redirect === 'error' ? 'error' : 'follow',
      ...(init?.signal ? { signal: init.signal } : {}),
    });
    const out = new Headers();
    for (const [name, value] of Object.entries((response.body as IncomingMessage).headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) out.append(name, one);
    }
    const empty = method === 'HEAD' || response.status === 204 || response.status === 304;
    const bytes = empty ? undefined : await response.bytes(BODY_LIMIT);
    if (empty) response.discard();
    const answer = new Response(bytes && bytes.byteLength > 0 ? bytes : null, {
      status: response.status,
      headers: out,
    });
    // A constructed Response has an empty url; Octokit reads it (pagination, errors).
    Object.defineProperty(answer, 'url', { value: url });
    return answer;
  };
}

interface RequestErrorLike {
  status?: number;
  message?: string;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

/** Rate limits (primary or secondary) GitHub still reported after the waits. */
export class GitHubRateLimitError extends Error {
  override name = 'GitHubRateLimitError';
}

/** An error status that a proxy or gateway answered instead of GitHub. */
export class GitHubProxyError extends Error {
  override name = 'GitHubProxyError';
}

/**
 * One policy for a failed GitHub call: an answer from a proxy is the proxy's, a rate limit is a
 * rate limit (neither is "check your permissions"), 401/403/404 are a ConfigurationError carrying the caller's hint (token and job
 * permissions), anything else an internal error; GitHub's message is kept, on one line.
 */
export function gitHubError(error: unknown, permissionsHint: string): Error {
  const e = error as RequestErrorLike;
  if (typeof e?.status !== 'number') return error instanceof Error ? error : new Error(String(error));
  const what = `${e.request?.method ?? 'GET'} ${e.request?.url ? safeUrl(e.request.url) : ''}`.trim();
  const message = oneLine(
    String((e.response?.data as { message?: string } | undefined)?.message ?? e.message ?? ''),
  ).slice(0, 300);
  const headers = e.response?.headers ?? {};
  // GitHub stamps every answer with a request id; an error without one came from something in
  // between (a proxy refusing the host, a gateway): the token is not the problem.
  if (!headers['x-github-request-id'] && e.status >= 400) {
    const via = headers.via ? ` (Via: ${oneLine(headers.via)})` : '';
    return new GitHubProxyError(
      `GitHub API ${what}: HTTP ${e.status} from a proxy or gateway, not from GitHub${via}; check HTTPS_PROXY, HTTP_PROXY and NO_PROXY.`,
    );
  }
  if (
    e.status === 429 ||
    ((e.status === 403 || e.status === 429) &&
      (/\bsecondary rate\b|rate limit/i.test(message) || headers['x-ratelimit-remaining'] === '0'))
  ) {
    return new GitHubRateLimitError(
      `GitHub API ${what} is rate limited (HTTP ${e.status}${message ? `: ${message}` : ''}); the waits GitHub asked for did not clear it. Run again later.`,
    );
  }
  if (e.status === 401 || e.status === 403 || e.status === 404)
    return new ConfigurationError(
      `GitHub API ${what} answered ${e.status}${message ? ` (${message})` : ''}: ${permissionsHint}`,
    );
  return new Error(`GitHub API ${what} answered ${e.status}${message ? `: ${message}` : ''}`);
}

/**
 * A call whose failure names the request as the caller wrote it (`POST /repos/o/r/issues`): a proxy's
 * answer or a rate limit as gitHubError describes them; an HTTP status as `onStatus` makes it (the
 * input that asked for the call and its fix), else an error naming method, path, status and
 * GitHub's message.
 */
export async function callGitHub<T>(
  method: string,
  path: string,
  fn: () => Promise<T>,
  onStatus?: (what: string, status: number) => Error | undefined,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const status = (error as RequestErrorLike).status;
    if (typeof status !== 'number') throw error;
    const described = gitHubError(error, '');
    if (described instanceof GitHubRateLimitError || described instanceof GitHubProxyError) throw described;
    const data = (error as RequestErrorLike).response?.data as { message?: string } | undefined;
    const what = `${method} ${path}: HTTP ${status} ${oneLine(String(data?.message ?? (error as Error).message)).slice(0, 200)}`;
    throw onStatus?.(what, status) ?? new Error(`GitHub API ${what}`);
  }
}

/** An open issue as the issues list returns it (pull requests filtered out). */
export interface ListedIssue {
  number: number;
  title: string;
  html_url: string;
  body?: string | null;
  pull_request?: unknown;
}

/**
 * The repository's open issues, without pull requests (the issues API lists both), at most `max`:
 * where an action finds the issue it opened before by a marker in its body.
 */
export async function openIssues(client: GitHub, repository: string, max: number): Promise<ListedIssue[]> {
  const [owner = '', repo = ''] = repository.split('/');
  const issues: ListedIssue[] = [];
  for await (const page of client.paginate.iterator(client.rest.issues.listForRepo, {
    owner,
    repo,
    state: 'open',
    per_page: 100,
  })) {
    for (const issue of page.data as ListedIssue[]) if (issue.pull_request === undefined) issues.push(issue);
    if (issues.length >= max) break;
  }
  return issues;
}
