/**
 * A local HTTP server shaped like GitHub's REST API for issues, for tests that cannot reach
 * api.github.com. Response bodies, status codes and headers follow GitHub's REST documentation:
 *   GET  /search/issues?q=…            (search issues and pull requests)
 *   GET  /repos/{owner}/{repo}/issues  (list repository issues)
 *   POST /repos/{owner}/{repo}/issues  (create an issue: 201, 401, 403, 404, 410, 422)
 *   GET  /repos/{owner}/{repo}/issues/{number}
 * Authentication is a bearer (or `token`) header checked against the configured tokens; a token
 * without write access gets GitHub's 403 "Resource not accessible by integration". Faults can be
 * queued per route to exercise retries, and every request is recorded.
 */
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

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Fault {
  method: string;
  /** Matches the path (without query) by prefix. */
  path: string;
  status: number;
  times: number;
  headers?: Record<string, string>;
}

export interface GitHubApiOptions {
  /** token -> whether it may write issues. */
  tokens?: Record<string, { write: boolean }>;
  /** Repositories that exist, as owner/name. */
  repositories?: string[];
  /** Issues created through the API appear in search only after index() (GitHub's search lags). */
  searchLag?: boolean;
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
  fail(fault: Omit<Fault, 'times'> & { times?: number }): void;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';

export async function startGitHubApi(options: GitHubApiOptions = {}): Promise<GitHubApi> {
  const tokens = options.tokens ?? { 'ghs_test-token': { write: true } };
  const repositories = new Set(options.repositories ?? ['acme/service']);
  const store = new Map<string, (GitHubIssue & { pull_request?: unknown })[]>();
  const searchable = new Set<number>();
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  let nextId = 1000;
  let base = '';

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

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-resource': 'core',
      ...headers,
    });
    res.end(text);
  };
  const error = (res: ServerResponse, status: number, message: string, extra: Record<string, unknown> = {}) =>
    send(res, status, { message, documentation_url: DOCS, status: String(status), ...extra });

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const body = Buffer.concat(chunks).toString('utf8');
    requests.push({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body });

    const fault = faults.find((f) => f.method === method && url.pathname.startsWith(f.path) && f.times > 0);
    if (fault) {
      fault.times -= 1;
      return send(
        res,
        fault.status,
        { message: fault.status === 503 ? 'Service Unavailable' : 'Server Error', documentation_url: DOCS },
        fault.headers,
      );
    }

    const auth = req.headers.authorization ?? '';
    const token = /^(?:Bearer|token)\s+(.+)$/i.exec(auth)?.[1];
    if (token === undefined) return error(res, 401, 'Requires authentication');
    const grant = tokens[token];
    if (grant === undefined) return error(res, 401, 'Bad credentials');

    if (method === 'GET' && url.pathname === '/search/issues') return search(res, url.searchParams);
    const match = /^\/repos\/([^/]+)\/([^/]+)\/issues(?:\/(\d+))?$/.exec(url.pathname);
    if (!match) return error(res, 404, 'Not Found');
    const repository = `${match[1]}/${match[2]}`;
    if (!repositories.has(repository)) return error(res, 404, 'Not Found');
    const list = store.get(repository) ?? [];
    if (match[3] !== undefined) {
      const issue = list.find((i) => i.number === Number(match[3]));
      return issue && method === 'GET' ? send(res, 200, issue) : error(res, 404, 'Not Found');
    }
    if (method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open';
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
      const page = Number(url.searchParams.get('page') ?? 1);
      const matching = list.filter((i) => state === 'all' || i.state === state);
      return send(res, 200, matching.slice((page - 1) * perPage, page * perPage));
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

  const search = (res: ServerResponse, params: URLSearchParams) => {
    const q = params.get('q') ?? '';
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
    const perPage = Math.min(100, Number(params.get('per_page') ?? 30));
    const page = Number(params.get('page') ?? 1);
    send(
      res,
      200,
      {
        total_count: items.length,
        incomplete_results: false,
        items: items.slice((page - 1) * perPage, page * perPage),
      },
      {
        'x-ratelimit-limit': '30',
        'x-ratelimit-resource': 'search',
      },
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
    fail: (fault) => faults.push({ times: 1, ...fault }),
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
