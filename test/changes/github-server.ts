/**
 * The few GitHub REST endpoints the changes action calls, answering as GitHub's REST docs show:
 * pulls/{n} and its paginated files (per_page at most 100, at most 3,000 files in all, Link
 * headers), and a workflow's runs filtered by branch and status. Bearer token required; wrong or
 * missing tokens get GitHub's 401 body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PullFixture {
  number: number;
  files: { filename: string; status: string; previous_filename?: string }[];
}

export interface RunFixture {
  workflow: string;
  head_branch: string;
  head_sha: string;
  conclusion: 'success' | 'failure' | 'cancelled';
}

export class GitHubApiServer {
  readonly requests: { method: string; url: string; authorization?: string }[] = [];
  private server?: Server;
  url = '';

  constructor(
    readonly repository: string,
    readonly token: string,
    readonly pulls: PullFixture[] = [],
    readonly runs: RunFixture[] = [],
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private handle(req: IncomingMessage, res: ServerResponse): boolean {
    this.requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization,
    });
    const url = new URL(req.url ?? '/', this.url);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-api-version-selected': '2022-11-28',
        ...headers,
      });
      res.end(JSON.stringify(body));
      return true;
    };
    if (req.headers.authorization !== `Bearer ${this.token}`) {
      return send(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
    }
    const prefix = `/repos/${this.repository}/`;
    if (!url.pathname.startsWith(prefix))
      return send(404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
        status: '404',
      });
    const rest = url.pathname.slice(prefix.length);
    const pull = /^pulls\/(\d+)(\/files)?$/.exec(rest);
    if (pull) {
      const fixture = this.pulls.find((p) => p.number === Number(pull[1]));
      if (!fixture)
        return send(404, {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request',
          status: '404',
        });
      if (!pull[2])
        return send(200, { number: fixture.number, state: 'open', changed_files: fixture.files.length });
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
      const page = Number(url.searchParams.get('page') ?? 1);
      const listed = fixture.files.slice(0, 3000);
      const items = listed.slice((page - 1) * perPage, page * perPage).map((f, i) => ({
        sha: (page * perPage + i).toString(16).padStart(40, '0'),
        additions: 1,
        deletions: 0,
        changes: 1,
        ...f,
      }));
      const last = Math.max(1, Math.ceil(listed.length / perPage));
      const link: Record<string, string> =
        page < last
          ? {
              link: `<${this.url}${url.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next", <${this.url}${url.pathname}?per_page=${perPage}&page=${last}>; rel="last"`,
            }
          : {};
      return send(200, items, link);
    }
    const runs = /^actions\/workflows\/([^/]+)\/runs$/.exec(rest);
    if (runs) {
      const branch = url.searchParams.get('branch');
      const status = url.searchParams.get('status');
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const matching = this.runs
        .filter(
          (r) =>
            r.workflow === decodeURIComponent(runs[1]!) &&
            (!branch || r.head_branch === branch) &&
            (!status || r.conclusion === status),
        )
        .reverse();
      return send(200, {
        total_count: matching.length,
        workflow_runs: matching.slice(0, perPage).map((r, i) => ({
          id: 1000 + i,
          name: 'ci',
          head_branch: r.head_branch,
          head_sha: r.head_sha,
          path: `.github/workflows/${r.workflow}`,
          event: 'push',
          status: 'completed',
          conclusion: r.conclusion,
        })),
      });
    }
    return send(404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    });
  }
}
