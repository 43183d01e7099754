import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../runtime/errors.js';

/**
 * The GitHub context of a step, read from the runner's GITHUB_* variables in ONE place (here) and
 * handed to domain code, which never reads the environment itself. It carries what
 * @actions/github's `context` carries (event name and payload, SHA, refs, workflow, run id, number
 * and attempt, server, API and GraphQL URLs) plus the pull request refs and the repository, and
 * differs from it in two ways:
 * - it is read from the environment it is given (the runtime's), not from process.env at import;
 * - the event payload is read when first asked for, with one policy for a bad one: GITHUB_EVENT_PATH
 *   unset (the CLI, a local run) is an empty payload; set but missing, unreadable, not JSON or not
 *   a JSON object is a ConfigurationError naming the path. @actions/github prints a line and goes
 *   on with {} for a missing file, and throws a bare SyntaxError at import for a malformed one.
 * Every URL comes from GITHUB_SERVER_URL / GITHUB_API_URL / GITHUB_GRAPHQL_URL, so GitHub
 * Enterprise Server works unchanged; github.com only when they are unset (the CLI).
 */
export interface GitHubContext {
  eventName: string;
  /** The webhook payload of the event (lazily read, see above). */
  readonly payload: EventPayload;
  /** GITHUB_SHA. */
  sha: string;
  /** GITHUB_REF, e.g. refs/heads/main, refs/pull/7/merge, refs/tags/v1. */
  ref: string;
  /** GITHUB_REF_NAME. */
  refName: string;
  /** GITHUB_HEAD_REF / GITHUB_BASE_REF: set for pull_request events only. */
  headRef: string;
  baseRef: string;
  /** owner/name. */
  repository: string;
  repo: { owner: string; repo: string };
  workflow: string;
  /** GITHUB_WORKFLOW_REF, e.g. acme/app/.github/workflows/ci.yml@refs/heads/main. */
  workflowRef: string;
  /** The workflow file name from workflowRef (ci.yml), when it names one. */
  workflowFile?: string;
  action: string;
  actor: string;
  job: string;
  /** GITHUB_RUN_ID as given ('' outside a run). */
  runId: string;
  runNumber: number;
  runAttempt: number;
  serverUrl: string;
  apiUrl: string;
  graphqlUrl: string;
  /** The workflow run's page, '' outside a run. */
  runUrl: string;
}

/** The parts of a webhook payload the suite reads; everything else is kept as given. */
export interface EventPayload {
  [key: string]: unknown;
  before?: string;
  after?: string;
  created?: boolean;
  deleted?: boolean;
  forced?: boolean;
  ref?: string;
  repository?: { default_branch?: string; full_name?: string; name?: string; owner?: { login?: string } };
  pull_request?: {
    number: number;
    changed_files?: number;
    base: { sha: string; ref: string };
    head: { sha: string; ref: string; repo?: { fork?: boolean } };
  };
  merge_group?: { base_sha: string; head_sha: string; base_ref?: string; head_ref?: string };
  workflow_run?: { head_sha?: string; head_branch?: string };
}

type Env = Readonly<Record<string, string | undefined>>;

export function readGitHubContext(env: Env): GitHubContext {
  const serverUrl = trimSlash(env.GITHUB_SERVER_URL || 'https://github.com');
  const apiUrl = trimSlash(env.GITHUB_API_URL || 'https://api.github.com');
  const graphqlUrl = trimSlash(env.GITHUB_GRAPHQL_URL || `${apiUrl}/graphql`);
  const workflowRef = env.GITHUB_WORKFLOW_REF ?? '';
  const runId = env.GITHUB_RUN_ID ?? '';
  let payload: EventPayload | undefined;
  const context: GitHubContext = {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    get payload(): EventPayload {
      payload ??= readPayload(env.GITHUB_EVENT_PATH);
      return payload;
    },
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    refName: env.GITHUB_REF_NAME ?? '',
    headRef: env.GITHUB_HEAD_REF ?? '',
    baseRef: env.GITHUB_BASE_REF ?? '',
    repository: env.GITHUB_REPOSITORY ?? '',
    repo: { owner: '', repo: '' },
    workflow: env.GITHUB_WORKFLOW ?? '',
    workflowRef,
    workflowFile: /\/\.github\/workflows\/([^@]+)@/.exec(workflowRef)?.[1],
    action: env.GITHUB_ACTION ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    job: env.GITHUB_JOB ?? '',
    runId,
    runNumber: positive(env.GITHUB_RUN_NUMBER, 0),
    runAttempt: positive(env.GITHUB_RUN_ATTEMPT, 1),
    serverUrl,
    apiUrl,
    graphqlUrl,
    runUrl: '',
  };
  // Outside a run the repository may still be named by the payload (a replayed event).
  if (!context.repository && env.GITHUB_EVENT_PATH) {
    try {
      context.repository = context.payload.repository?.full_name ?? '';
    } catch {
      // A bad payload fails where the payload is needed, not here.
    }
  }
  const [owner = '', repo = ''] = context.repository.split('/');
  context.repo = { owner, repo };
  context.runUrl =
    runId && context.repository ? `${serverUrl}/${context.repository}/actions/runs/${runId}` : '';
  return context;
}

function readPayload(path: string | undefined): EventPayload {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(
      `The event payload GITHUB_EVENT_PATH=${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(
      `The event payload GITHUB_EVENT_PATH=${path} is not JSON: ${(error as Error).message}`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ConfigurationError(`The event payload GITHUB_EVENT_PATH=${path} is not a JSON object.`);
  return parsed as EventPayload;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function branchOf(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

export function tagOf(ref: string): string | undefined {
  return ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
}
