import type { HttpClient, HttpResponse } from '../net/http.js';
import { ConfigurationError } from '../runtime/errors.js';
import { oneLine } from '../runtime/text.js';

/**
 * One GitHub issue per proposed quarantine, found again by its exact title on later runs so a flaky
 * test gets one issue, not one per run. Search first (GET /search/issues), create when absent
 * (POST /repos/{owner}/{repo}/issues, never retried: a repeat would make a duplicate).
 */
export interface IssueRequest {
  testId: string;
  body: string;
}

export interface IssueRef {
  testId: string;
  number: number;
  url: string;
  created: boolean;
}

interface GitHubIssue {
  number: number;
  title: string;
  html_url: string;
  pull_request?: unknown;
}

export const ISSUE_TITLE_PREFIX = 'Flaky test: ';

export function issueTitle(testId: string): string {
  return `${ISSUE_TITLE_PREFIX}${oneLine(testId)}`.slice(0, 256);
}

export class GitHubIssues {
  constructor(
    private readonly http: HttpClient,
    private readonly apiUrl: string,
    private readonly repository: string,
    private readonly token: string,
  ) {}

  async findOrCreate(request: IssueRequest): Promise<IssueRef> {
    const title = issueTitle(request.testId);
    const found = await this.find(title);
    if (found) return { testId: request.testId, number: found.number, url: found.html_url, created: false };
    const response = await this.call('POST', `/repos/${this.repository}/issues`, {
      title,
      body: request.body,
    });
    const issue = (await response.json()) as GitHubIssue;
    return { testId: request.testId, number: issue.number, url: issue.html_url, created: true };
  }

  private async find(title: string): Promise<GitHubIssue | undefined> {
    // Search is word-based and capped at 256 characters: narrow with a phrase, then compare exactly.
    const phrase = title.replace(/["\\]/g, ' ').slice(0, 120);
    const q = `repo:${this.repository} is:issue in:title "${phrase}"`;
    const response = await this.call('GET', `/search/issues?q=${encodeURIComponent(q)}&per_page=100`);
    const result = (await response.json()) as { items?: GitHubIssue[] };
    return result.items?.find((issue) => issue.title === title && issue.pull_request === undefined);
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<HttpResponse> {
    const response = await this.http.request({
      url: `${this.apiUrl.replace(/\/$/, '')}${path}`,
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${this.token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'gantry-quarantine',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.ok) return response;
    const text = await response.text();
    let message = text.slice(0, 200);
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? message;
    } catch {}
    const what = `${method} ${path.split('?')[0]}: HTTP ${response.status} ${oneLine(message)}`;
    if (response.status === 401 || response.status === 403 || response.status === 404) {
      throw new ConfigurationError(
        `Input 'create-issues': ${what}. Give the job 'permissions: issues: write' and pass a token that can create issues in ${this.repository} (input 'github-token').`,
      );
    }
    throw new Error(`GitHub API ${what}`);
  }
}
