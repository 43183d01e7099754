import { GitError } from '../git/index.js';
import { ConfigurationError } from '../runtime/errors.js';
import { LAST_SUCCESS, ZERO_SHA } from './constants.js';
import { branchOf, type EventContext, type Payload, PULL_REQUEST_EVENTS, tagOf } from './event.js';
import { HEX_SHA, type History, SHORT_SHA } from './history.js';

/** What gets compared, and why (shown in the summary and the log). */
export interface Comparison {
  /** The commit compared against (a merge-base where one was used); the empty tree for "all files". */
  base: string;
  head: string;
  mode: 'commits' | 'working-tree' | 'all-files' | 'nothing';
  reason: string;
}

export interface ResolveOptions {
  base?: string;
  ref?: string;
  baseInput: string;
  refInput: string;
  warn: (message: string) => void;
  /** `base: last-success`: the head SHA of the last successful run of this workflow on the branch. */
  lastSuccess: (branch: string) => Promise<string | undefined>;
}

const REF_NAME = /^(?!-)(?!.*\.\.)[^\s~^:?*[\\\u0000-\u001f\u007f]+$/;

/** What every step below reads: the event, the history, the inputs, and the head being compared. */
interface Step {
  readonly event: EventContext;
  readonly history: History;
  readonly options: ResolveOptions;
  readonly head: string;
}

const short = (sha: string) => sha.slice(0, 12);

/** Decide base and head from the inputs, or from the event when no base is given. */
export async function resolveComparison(
  event: EventContext,
  history: History,
  options: ResolveOptions,
): Promise<Comparison> {
  const head = options.ref
    ? await resolveName(history, options.ref, options.refInput)
    : await checkedOut(event, history, options);
  const step: Step = { event, history, options, head };
  const base = options.base;
  if (base === 'HEAD')
    return { base: head, head, mode: 'working-tree', reason: 'base HEAD: uncommitted changes' };
  if (base === LAST_SUCCESS) return (await sinceLastSuccess(step)) ?? fromEvent(step);
  if (base) return fromBaseInput(step, base);
  return fromEvent(step);
}

/** The checked-out commit, or the event's SHA when the checkout has none. */
async function checkedOut(event: EventContext, history: History, options: ResolveOptions): Promise<string> {
  const local = await history.resolve('HEAD');
  if (local) return local;
  if (!event.sha)
    throw new ConfigurationError(
      `The checkout has no commit; give the '${options.refInput}' input or check out the repository first.`,
    );
  return resolveName(history, event.sha, options.refInput);
}

/** `base: last-success`: undefined (with a warning) when the event's default base applies instead. */
async function sinceLastSuccess({ event, history, options, head }: Step): Promise<Comparison | undefined> {
  const branch = branchOf(event.ref) ?? event.payload.workflow_run?.head_branch ?? '';
  if (!branch) {
    options.warn(
      `'${options.baseInput}: ${LAST_SUCCESS}' needs a branch, and ${event.ref || 'this event'} is none; using the event's default base.`,
    );
    return undefined;
  }
  const sha = await options.lastSuccess(branch);
  if (!sha) {
    options.warn(`No successful run of this workflow on '${branch}' yet; using the event's default base.`);
    return undefined;
  }
  if ((await history.ensureCommits([sha])).length > 0) {
    options.warn(
      `The last successful run's commit ${short(sha)} is gone from the remote; using the event's default base.`,
    );
    return undefined;
  }
  return { base: sha, head, mode: 'commits', reason: `last successful run on ${branch} (${short(sha)})` };
}

/** `base:` a branch (merge-base; on a push to that branch, the push), a tag, or a SHA. */
async function fromBaseInput(step: Step, base: string): Promise<Comparison> {
  const { event, history, options, head } = step;
  if (event.name === 'push' && base === branchOf(event.ref) && !SHORT_SHA.test(base))
    return fromPush(step, base);
  const baseSha = await resolveName(history, base, options.baseInput);
  if (HEX_SHA.test(base) || SHORT_SHA.test(base))
    return { base: baseSha, head, mode: 'commits', reason: `base ${short(baseSha)}` };
  return mergeBaseWith(step, baseSha, `base ${base}`);
}

/** No `base` input: what the event says. */
async function fromEvent(step: Step): Promise<Comparison> {
  const { event } = step;
  const payload = event.payload;
  if (PULL_REQUEST_EVENTS.has(event.name) && payload.pull_request)
    return fromPullRequest(step, payload.pull_request);
  if (event.name === 'merge_group' && payload.merge_group) return fromMergeGroup(step, payload.merge_group);
  if (event.name === 'push') return fromPush(step);
  const branch = branchOf(event.ref) ?? payload.workflow_run?.head_branch;
  if (tagOf(event.ref)) return sinceTag(step);
  return sinceDefaultBranch(step, branch, event.name || 'no event');
}

async function fromPullRequest(step: Step, pr: NonNullable<Payload['pull_request']>): Promise<Comparison> {
  const { history, options } = step;
  const prHead = payloadSha(pr.head.sha, 'pull_request.head.sha');
  const at = { ...step, head: await pullRequestHead(step, prHead) };
  const baseSha = payloadSha(pr.base.sha, 'pull_request.base.sha');
  const why = `pull request #${pr.number} into ${pr.base.ref}`;
  try {
    return await mergeBaseWith(at, baseSha, why);
  } catch (error) {
    // The base branch was force-pushed since the event: its old tip can no longer be fetched.
    if (!(error instanceof GitError) || (await history.ensureCommits([baseSha])).length === 0) throw error;
    options.warn(
      `The pull request's base commit ${short(baseSha)} is gone from the remote (force push to ${pr.base.ref}?); comparing with the current ${pr.base.ref}.`,
    );
    return mergeBaseWith(at, await resolveName(history, pr.base.ref, options.baseInput), why);
  }
}

/**
 * The head a pull request compares: the checkout (the merge commit or the head SHA), or, when the
 * checkout is neither (pull_request_target and some workflows check out the base branch), the
 * pull request's head, fetched.
 */
async function pullRequestHead({ history, options, head }: Step, prHead: string): Promise<string> {
  if (options.ref || head === prHead || (await history.parents(head)).includes(prHead)) return head;
  if ((await history.ensureCommits([prHead])).length > 0)
    throw new Error(`the pull request head ${prHead} cannot be fetched`);
  return prHead;
}

async function fromMergeGroup(
  { history, head }: Step,
  group: NonNullable<Payload['merge_group']>,
): Promise<Comparison> {
  payloadSha(group.base_sha, 'merge_group.base_sha');
  const gone = await history.ensureCommits([group.base_sha]);
  if (gone.length) throw new Error(`merge group base ${group.base_sha} cannot be fetched from the remote`);
  return {
    base: group.base_sha,
    head,
    mode: 'commits',
    reason: `merge group: ${short(group.base_sha)}..${short(head)}`,
  };
}

/**
 * A push, as dorny/paths-filter compares it: to the base branch itself (`base`, or the default
 * branch), `before..after`; to any other branch, the merge-base with the base branch, so a
 * branch's second push still reports everything the branch changed since it left the base (its
 * first pipeline may have failed).
 */
async function fromPush(step: Step, baseBranch?: string): Promise<Comparison> {
  const { event, history, options, head } = step;
  const payload = event.payload;
  if (tagOf(payload.ref ?? event.ref)) return sinceTag(step);
  const branch = branchOf(payload.ref ?? event.ref);
  if (payload.deleted)
    return { base: head, head, mode: 'nothing', reason: `push deleted ${branch ?? 'the ref'}` };
  const target = baseBranch ?? (await defaultBranch(step));
  const what = baseBranch === undefined ? 'the default branch' : 'the base branch';
  if (branch !== undefined && branch !== target)
    return mergeBaseWithBranch(step, target, `push to ${branch}, compared with ${what} ${target}`);
  const before = payload.before ?? '';
  if (before === '' || ZERO_SHA.test(before)) {
    return {
      base: history.emptyTree(head),
      head,
      mode: 'all-files',
      reason: `initial push to ${target}: every file is added`,
    };
  }
  const gone = await history.ensureCommits([before]);
  if (gone.length === 0)
    return { base: before, head, mode: 'commits', reason: `push: ${short(before)}..${short(head)}` };
  options.warn(
    `The push's 'before' commit ${short(before)} is gone from the remote (force push); comparing with the first parent instead.`,
  );
  return firstParent(step, `force push to ${branch ?? event.ref}`, target);
}

async function sinceTag({ event, history, head }: Step): Promise<Comparison> {
  const tag = tagOf(event.payload.ref ?? event.ref) ?? '';
  const previous = await history.previousTag(head);
  if (!previous) {
    return {
      base: history.emptyTree(head),
      head,
      mode: 'all-files',
      reason: `tag ${tag}: no earlier tag, every file is added`,
    };
  }
  return {
    base: previous.sha,
    head,
    mode: 'commits',
    reason: `tag ${tag}: since the previous tag ${previous.tag}`,
  };
}

/** Dispatch, schedule and the like: the first parent on the default branch, the merge-base elsewhere. */
async function sinceDefaultBranch(step: Step, branch: string | undefined, why: string): Promise<Comparison> {
  const main = await defaultBranch(step);
  if (branch === main) return firstParent(step, why, `the default branch ${main}`);
  return mergeBaseWithBranch(step, main, `${why}, compared with the default branch ${main}`);
}

async function defaultBranch({ event, history }: Step): Promise<string> {
  const name = event.payload.repository?.default_branch ?? (await history.remoteDefaultBranch());
  if (!name)
    throw new ConfigurationError(
      `Cannot tell the repository's default branch (event ${event.name}); give the 'base' input.`,
    );
  return name;
}

async function firstParent({ history, head }: Step, why: string, branch: string): Promise<Comparison> {
  const parent = (await history.parents(head))[0];
  if (!parent)
    return {
      base: history.emptyTree(head),
      head,
      mode: 'all-files',
      reason: `${why}: first commit, every file is added`,
    };
  await history.ensureCommits([parent]);
  return { base: parent, head, mode: 'commits', reason: `${why}: first parent on ${branch}` };
}

async function mergeBaseWith(
  { history, options, head }: Step,
  base: string,
  why: string,
): Promise<Comparison> {
  const mergeBase = await history.findMergeBase(base, head);
  if (!mergeBase) {
    options.warn(
      `${why}: ${short(base)} and ${short(head)} share no history; comparing the two commits directly.`,
    );
    return { base, head, mode: 'commits', reason: `${why} (no common history)` };
  }
  return {
    base: mergeBase,
    head,
    mode: 'commits',
    reason: `${why}: merge-base of ${short(base)} and ${short(head)}`,
  };
}

/**
 * The merge-base with a branch of the remote that is not here (the default branch, in a checkout
 * of another branch): its tip comes with the first round of history, not in a fetch of its own, so
 * a branch 1,000 commits away costs at most two rounds.
 */
async function mergeBaseWithBranch(step: Step, branch: string, why: string): Promise<Comparison> {
  const { history, options, head } = step;
  if (REF_NAME.test(branch) && !(await history.resolve(branch)) && (await history.hasRemote())) {
    const found = await history.findMergeBaseWithBranch(branch, head).catch((error: unknown) => {
      if (error instanceof GitError) return undefined;
      throw error;
    });
    if (found)
      return {
        base: found.mergeBase,
        head,
        mode: 'commits',
        reason: `${why}: merge-base of ${short(found.tip)} and ${short(head)}`,
      };
  }
  return mergeBaseWith(step, await resolveName(history, branch, options.baseInput), why);
}

/** A SHA from the event payload; anything else means the payload is not GitHub's. */
function payloadSha(value: string | undefined, field: string): string {
  if (!value || !HEX_SHA.test(value))
    throw new Error(`The event payload's ${field} is not a commit SHA: ${JSON.stringify(value)}`);
  return value.toLowerCase();
}

/** A branch, tag or SHA (short or long) as a commit, fetched from origin when it is not here. */
async function resolveName(history: History, name: string, input: string): Promise<string> {
  if (!REF_NAME.test(name)) throw ConfigurationError.forInput(input, name, 'a branch, tag or commit SHA');
  if (HEX_SHA.test(name)) {
    const sha = name.toLowerCase();
    if ((await history.hasCommit(sha)) || (await history.ensureCommits([sha])).length === 0) return sha;
    throw ConfigurationError.forInput(
      input,
      name,
      'a commit that exists in the repository (it is not on the remote)',
    );
  }
  const local = await history.resolve(name);
  if (local) return local;
  if (await history.hasRemote()) {
    if (SHORT_SHA.test(name)) {
      const head = await history.resolve('HEAD');
      const found = head ? await history.deepenUntil([head], () => history.resolve(name)) : undefined;
      if (found) return found;
    }
    for (const [refspec, local] of [
      [`+refs/heads/${name}:refs/remotes/origin/${name}`, `refs/remotes/origin/${name}`],
      [`+refs/tags/${name}:refs/tags/${name}`, `refs/tags/${name}`],
    ] as const) {
      if (await history.fetch([refspec], { depth: 1 })) {
        const sha = await history.resolve(local);
        if (sha) return sha;
      }
    }
  }
  throw ConfigurationError.forInput(
    input,
    name,
    'a branch, tag or commit SHA that exists locally or on the remote',
  );
}
