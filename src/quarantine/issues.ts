import { createHash } from 'node:crypto';
import { callGitHub, type GitHub, type ListedIssue, openIssues } from '../github/client.js';
import { ConfigurationError } from '../runtime/errors.js';
import { oneLine } from '../runtime/text.js';

/**
 * One GitHub issue per proposed quarantine, found again on later runs so a flaky test gets one
 * issue, not one per run. Without the search API (30 requests a minute, and its index lags behind
 * a just-created issue): the repository's open issues are listed once per run (100 a page) and an
 * issue is recognised by the hidden marker this action writes in its body, or by its exact title
 * (an issue opened by hand). A closed issue is not reused: a test flaky again after its issue was
 * closed gets a new one. Creating is never retried on a server error (a repeat would make a
 * duplicate); a secondary rate limit, which creates nothing, is waited out by the client.
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

export const ISSUE_TITLE_PREFIX = 'Flaky test: ';
/** Open issues read at most, to find the ones this action opened (30 pages). */
const MAX_LISTED = 3000;

export function issueTitle(testId: string): string {
  return `${ISSUE_TITLE_PREFIX}${oneLine(testId)}`.slice(0, 256);
}

/** The hidden marker that names the test an issue is about, whatever its title became. */
export function issueMarker(testId: string): string {
  return `<!-- gantry-quarantine: ${createHash('sha256').update(testId).digest('hex').slice(0, 32)} -->`;
}

export class GitHubIssues {
  private open?: Promise<ListedIssue[]>;
  private readonly owner: string;
  private readonly repo: string;

  constructor(
    private readonly client: GitHub,
    private readonly repository: string,
  ) {
    [this.owner = '', this.repo = ''] = repository.split('/');
  }

  async findOrCreate(request: IssueRequest): Promise<IssueRef> {
    const title = issueTitle(request.testId);
    const marker = issueMarker(request.testId);
    const issues = await this.listOpen();
    const found =
      issues.find((issue) => issue.body?.includes(marker)) ?? issues.find((issue) => issue.title === title);
    if (found) return { testId: request.testId, number: found.number, url: found.html_url, created: false };
    const created = await this.call('POST', `/repos/${this.repository}/issues`, () =>
      this.client.rest.issues.create({
        owner: this.owner,
        repo: this.repo,
        title,
        body: `${request.body}\n${marker}\n`,
        request: { retries: 0 },
      }),
    );
    const issue = created.data as ListedIssue;
    issues.push({ ...issue, body: `${marker}` });
    return { testId: request.testId, number: issue.number, url: issue.html_url, created: true };
  }

  private listOpen(): Promise<ListedIssue[]> {
    this.open ??= this.call('GET', `/repos/${this.repository}/issues`, () =>
      openIssues(this.client, this.repository, MAX_LISTED),
    );
    return this.open;
  }

  private call<T>(method: string, path: string, fn: () => Promise<T>): Promise<T> {
    return callGitHub(method, path, fn, (what, status) =>
      status === 401 || status === 403 || status === 404
        ? // The status goes with it: a fork's read-only token is told apart from a wrong setup.
          Object.assign(
            new ConfigurationError(
              `Input 'create-issues': ${what}. Give the job 'permissions: issues: write' and pass a token that can create issues in ${this.repository} (input 'github-token').`,
            ),
            { status },
          )
        : undefined,
    );
  }
}
