import type { HttpClient } from '../net/index.js';
import { safeUrl } from '../net/index.js';
import { ConfigurationError } from '../runtime/errors.js';
import type { ChangedFile } from './diff.js';

/** The REST API, for the two questions no local checkout can answer. */
export interface GitHubApi {
  http: HttpClient;
  apiUrl: string;
  repository: string;
  token: string;
}

/** The pull request files endpoint returns at most this many files, whatever the pull request holds. */
export const PULL_FILES_LIMIT = 3000;
const PER_PAGE = 100;

async function getJson<T>(api: GitHubApi, path: string): Promise<T> {
  const url = `${api.apiUrl.replace(/\/$/, '')}${path}`;
  const response = await api.http.request({
    url,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${api.token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'gantry-changes',
    },
  });
  if (response.ok) return (await response.json()) as T;
  const body = await response.text().catch(() => '');
  const message = (() => {
    try {
      return String((JSON.parse(body) as { message?: string }).message ?? '');
    } catch {
      return '';
    }
  })();
  if (response.status === 401 || response.status === 403 || response.status === 404) {
    throw new ConfigurationError(
      `GitHub API ${safeUrl(url)} answered ${response.status}${message ? ` (${message})` : ''}: check the 'token' input and the job's permissions (contents: read, pull-requests: read, actions: read).`,
    );
  }
  throw new Error(`GitHub API ${safeUrl(url)} answered ${response.status}${message ? `: ${message}` : ''}`);
}

interface PullFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
}

export interface PullFiles {
  files: ChangedFile[];
  /** What the pull request says it changes (changed_files). */
  expected: number;
  truncated: boolean;
}

/** The files of a pull request, every page; truncated when the API returned fewer than the PR holds. */
export async function pullRequestFiles(
  api: GitHubApi,
  number: number,
  changedFiles?: number,
): Promise<PullFiles> {
  const base = `/repos/${api.repository}/pulls/${number}`;
  const expected = changedFiles ?? (await getJson<{ changed_files: number }>(api, base)).changed_files;
  const files: ChangedFile[] = [];
  for (let page = 1; page <= PULL_FILES_LIMIT / PER_PAGE; page++) {
    const batch = await getJson<PullFile[]>(api, `${base}/files?per_page=${PER_PAGE}&page=${page}`);
    for (const file of batch) files.push(fromPullFile(file));
    if (batch.length < PER_PAGE) break;
  }
  return { files, expected, truncated: files.length < expected };
}

function fromPullFile(file: PullFile): ChangedFile {
  switch (file.status) {
    case 'added':
      return { status: 'added', path: file.filename };
    case 'removed':
      return { status: 'deleted', path: file.filename };
    case 'renamed':
      return {
        status: 'renamed',
        path: file.filename,
        previousPath: file.previous_filename ?? file.filename,
      };
    case 'copied':
      return { status: 'copied', path: file.filename, previousPath: file.previous_filename };
    default:
      return { status: 'modified', path: file.filename };
  }
}

interface WorkflowRuns {
  workflow_runs: { head_sha: string; conclusion: string | null }[];
}

/** The head SHA of the newest successful run of a workflow on a branch. */
export async function lastSuccessfulRun(
  api: GitHubApi,
  workflowFile: string,
  branch: string,
): Promise<string | undefined> {
  const query = `branch=${encodeURIComponent(branch)}&status=success&per_page=1&exclude_pull_requests=true`;
  const runs = await getJson<WorkflowRuns>(
    api,
    `/repos/${api.repository}/actions/workflows/${encodeURIComponent(workflowFile)}/runs?${query}`,
  );
  return runs.workflow_runs[0]?.head_sha;
}
