import { type GitHub, gitHubError } from '../github/client.js';
import type { ChangedFile } from './diff.js';

/** The REST API (src/github's Octokit), for the two questions no local checkout can answer. */
export interface GitHubApi {
  client: GitHub;
  /** owner/name. */
  repository: string;
}

/** The pull request files endpoint returns at most this many files, whatever the pull request holds. */
export const PULL_FILES_LIMIT = 3000;
const PER_PAGE = 100;
const PERMISSIONS =
  "check the 'token' input and the job's permissions (contents: read, pull-requests: read, actions: read).";

function repo(api: GitHubApi): { owner: string; repo: string } {
  const [owner = '', name = ''] = api.repository.split('/');
  return { owner, repo: name };
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

/**
 * The files of a pull request, every page (Octokit follows GitHub's Link header, 100 a page, so
 * 30 requests for the 3,000 the endpoint lists at most); truncated when the API listed fewer files
 * than the pull request says it changes.
 */
export async function pullRequestFiles(
  api: GitHubApi,
  number: number,
  changedFiles?: number,
): Promise<PullFiles> {
  try {
    const expected =
      changedFiles ??
      (await api.client.rest.pulls.get({ ...repo(api), pull_number: number })).data.changed_files;
    const listed = (await api.client.paginate(api.client.rest.pulls.listFiles, {
      ...repo(api),
      pull_number: number,
      per_page: PER_PAGE,
    })) as PullFile[];
    const files = listed.map(fromPullFile);
    return { files, expected, truncated: files.length < expected };
  } catch (error) {
    throw gitHubError(error, PERMISSIONS);
  }
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

/** The head SHA of the newest successful run of a workflow on a branch. */
export async function lastSuccessfulRun(
  api: GitHubApi,
  workflowFile: string,
  branch: string,
): Promise<string | undefined> {
  try {
    const runs = await api.client.rest.actions.listWorkflowRuns({
      ...repo(api),
      workflow_id: workflowFile,
      branch,
      status: 'success',
      per_page: 1,
      exclude_pull_requests: true,
    });
    return runs.data.workflow_runs[0]?.head_sha;
  } catch (error) {
    throw gitHubError(error, PERMISSIONS);
  }
}
