import type { Git } from '../git/index.js';
import { ConfigurationError } from '../runtime/errors.js';
import type { StageFields } from '../runtime/log.js';
import { INPUT } from './constants.js';
import type { ChangedFile } from './diff.js';
import { type EventContext, type Payload, PULL_REQUEST_EVENTS } from './event.js';
import type { PullFiles } from './github.js';
import { History, RemoteUnreachableError } from './history.js';
import { type Comparison, resolveComparison } from './resolve.js';

export interface DetectOptions {
  base?: string;
  ref?: string;
  initialFetchDepth: number;
  allowTruncated: boolean;
  /** `workspaces: true` reads packages at the base commit: an answer from the API cannot serve it. */
  needsHistory: boolean;
  /** The checkout's directory, for the error when there is none. */
  workingDirectory: string;
  warn: (message: string) => void;
  notice: (message: string) => void;
  /** `base: last-success`: the head SHA of the last successful run of this workflow on the branch. */
  lastSuccess: (branch: string) => Promise<string | undefined>;
  /** A pull request's files from the REST API, for when git cannot answer. */
  pullRequestFiles: (number: number, changedFiles: number | undefined) => Promise<PullFiles>;
  /** Runs each stage (resolve, diff, api), e.g. the structured log's; by default just runs it. */
  stage?: <T>(name: string, run: () => Promise<T>, fields: (result: T) => StageFields) => Promise<T>;
  /** git processes and fetches so far, added to the fields of the stages that run git. */
  gitCounts?: () => StageFields;
}

export interface Detected {
  comparison: Comparison;
  changes: ChangedFile[];
  /** Whether git answered (a checkout whose history could be fetched), so the commits are here. */
  fromGit: boolean;
}

interface FromApi {
  comparison: Comparison;
  changes: ChangedFile[];
  truncated: boolean;
}

type PullRequest = NonNullable<Payload['pull_request']>;

const justRun = <T>(_name: string, run: () => Promise<T>) => run();

/**
 * What changed for this event and these inputs, and what was compared: from the checkout's git
 * (history fetched as needed); from the pull request files API when there is no checkout, or when
 * git cannot fetch (a checkout without credentials). The whole chain the action runs, for the
 * adapter and the tests alike.
 */
export async function detectChanges(
  git: Git,
  event: EventContext,
  options: DetectOptions,
): Promise<Detected> {
  const stage = options.stage ?? justRun;
  const gitCounts = options.gitCounts ?? (() => ({}));
  const fromApi = (source: () => Promise<FromApi>, fields: StageFields = {}) =>
    stage('api', source, (r) => ({ files: r.changes.length, truncated: r.truncated, ...fields }));

  if (!(await git.succeeds(['rev-parse', '--is-inside-work-tree']))) {
    const { comparison, changes } = await fromApi(() => withoutCheckout(event, options));
    return { comparison, changes, fromGit: false };
  }
  const history = new History(git, options.initialFetchDepth);
  try {
    const comparison = await stage(
      'resolve',
      () =>
        resolveComparison(event, history, {
          base: options.base,
          ref: options.ref,
          baseInput: INPUT.base,
          refInput: INPUT.ref,
          warn: options.warn,
          lastSuccess: options.lastSuccess,
        }),
      (c) => ({ mode: c.mode, base: c.base, head: c.head, reason: c.reason, ...gitCounts() }),
    );
    const changes = await stage(
      'diff',
      () => diff(history, comparison),
      (c) => ({ files: c.length, ...gitCounts() }),
    );
    return { comparison, changes, fromGit: true };
  } catch (error) {
    if (!(error instanceof RemoteUnreachableError)) throw error;
    const { comparison, changes } = await fromApi(() => withoutFetch(event, options, error), {
      fallback: 'git fetch failed',
    });
    return { comparison, changes, fromGit: false };
  }
}

async function diff(history: History, comparison: Comparison): Promise<ChangedFile[]> {
  if (comparison.mode === 'nothing') return [];
  if (comparison.mode === 'working-tree') return history.diffWorkingTree();
  return history.diff(comparison.base, comparison.head);
}

/** No checkout: only a pull request can be answered, from the API. */
async function withoutCheckout(event: EventContext, options: DetectOptions): Promise<FromApi> {
  const pr = event.payload.pull_request;
  if (!PULL_REQUEST_EVENTS.has(event.name) || !pr) {
    throw new ConfigurationError(
      `${options.workingDirectory} is not a git checkout, and a '${event.name || 'non-pull-request'}' event can only be answered from one: add actions/checkout before this step (or set '${INPUT.workingDirectory}').`,
    );
  }
  const files = await options.pullRequestFiles(pr.number, pr.changed_files);
  return fromPullFiles(pr, files, options, 'check out the repository (actions/checkout)');
}

/**
 * The checkout is there but git cannot fetch the history it lacks (a checkout made with
 * `persist-credentials: false` of a private repository, or no network to the server). A pull
 * request can still be answered from the API, with a notice; anything else is an error that says
 * what failed and what fixes it.
 */
async function withoutFetch(
  event: EventContext,
  options: DetectOptions,
  failure: RemoteUnreachableError,
): Promise<FromApi> {
  const fixGit = `let git fetch (actions/checkout keeps its credentials with 'persist-credentials: true', its default) or check out the history the comparison needs ('fetch-depth: 0')`;
  const pr = event.payload.pull_request;
  if (!PULL_REQUEST_EVENTS.has(event.name) || !pr)
    throw new ConfigurationError(`Cannot compare: ${failure.message}. To fix it, ${fixGit}.`);
  if (options.needsHistory)
    throw new ConfigurationError(
      `Input '${INPUT.workspaces}: true' reads the packages at the base commit, which is not in the checkout: ${failure.message}. To fix it, ${fixGit}.`,
    );
  options.notice(`${failure.message}; using pull request #${pr.number}'s files from the GitHub API instead.`);
  let files: PullFiles;
  try {
    files = await options.pullRequestFiles(pr.number, pr.changed_files);
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
    throw new ConfigurationError(
      `Cannot tell what pull request #${pr.number} changed: ${failure.message}, and the GitHub API fallback failed: ${why}. To fix it, ${fixGit}; or give the '${INPUT.token}' input a token that can read the pull request ('pull-requests: read').`,
    );
  }
  return fromPullFiles(pr, files, options, fixGit);
}

/** The API's list, refused when GitHub cut it (3,000 files) unless allow-truncated. */
function fromPullFiles(
  pr: PullRequest,
  files: PullFiles,
  options: DetectOptions,
  exactAnswer: string,
): FromApi {
  if (options.base || options.ref)
    options.warn(
      `Without the pull request's history its own files are used; '${INPUT.base}' and '${INPUT.ref}' are ignored.`,
    );
  if (files.truncated) {
    const message = `The pull request changes ${files.expected} files but the GitHub API returns only ${files.files.length}: filters may miss changes. To get an exact answer, ${exactAnswer}; or set '${INPUT.allowTruncated}: true' to accept a partial list.`;
    if (!options.allowTruncated) throw new ConfigurationError(message);
    options.warn(message);
  }
  return {
    comparison: {
      base: pr.base.sha,
      head: pr.head.sha,
      mode: 'commits',
      reason: `pull request #${pr.number} files from the GitHub API`,
    },
    changes: files.files,
    truncated: files.truncated,
  };
}
