import { ConfigurationError } from '../runtime/errors.js';
import { LAST_SUCCESS, ZERO_SHA } from './constants.js';
import { branchOf, type EventContext, PULL_REQUEST_EVENTS, tagOf } from './event.js';
import { GitError } from '../git/index.js';
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

/** Decide base and head from the inputs, or from the event when no base is given. */
export async function resolveComparison(
  event: EventContext,
  history: History,
  options: ResolveOptions,
): Promise<Comparison> {
  let head = options.ref ? await resolveName(history, options.ref, options.refInput) : await checkedOut();
  const short = (sha: string) => sha.slice(0, 12);
  const mergeBaseWith = async (base: string, why: string): Promise<Comparison> => {
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
  };
  /**
   * The merge-base with a branch of the remote that is not here (the default branch, in a
   * checkout of another branch): its tip comes with the first round of history, not in a fetch of
   * its own, so a branch 1,000 commits away costs at most two rounds.
   */
  const mergeBaseWithBranch = async (branch: string, why: string): Promise<Comparison> => {
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
    return mergeBaseWith(await resolveName(history, branch, options.baseInput), why);
  };
  const defaultBranch = async () => {
    const name = event.payload.repository?.default_branch ?? (await history.remoteDefaultBranch());
    if (!name)
      throw new ConfigurationError(
        `Cannot tell the repository's default branch (event ${event.name}); give the 'base' input.`,
      );
    return name;
  };
  const sinceDefaultBranch = async (branch: string | undefined, why: string): Promise<Comparison> => {
    const main = await defaultBranch();
    if (branch === main) {
      const parent = (await history.parents(head))[0];
      if (!parent)
        return {
          base: history.emptyTree(head),
          head,
          mode: 'all-files',
          reason: `${why}: first commit, every file is added`,
        };
      await history.ensureCommits([parent]);
      return {
        base: parent,
        head,
        mode: 'commits',
        reason: `${why}: first parent on the default branch ${main}`,
      };
    }
    return mergeBaseWithBranch(main, `${why}, compared with the default branch ${main}`);
  };

  const base = options.base;
  if (base === 'HEAD')
    return { base: head, head, mode: 'working-tree', reason: 'base HEAD: uncommitted changes' };
  if (base === LAST_SUCCESS) {
    const branch = branchOf(event.ref) ?? event.payload.workflow_run?.head_branch ?? '';
    const sha = branch ? await options.lastSuccess(branch) : undefined;
    if (!branch) {
      options.warn(
        `'${options.baseInput}: ${LAST_SUCCESS}' needs a branch, and ${event.ref || 'this event'} is none; using the event's default base.`,
      );
    } else if (sha) {
      const gone = await history.ensureCommits([sha]);
      if (gone.length === 0)
        return {
          base: sha,
          head,
          mode: 'commits',
          reason: `last successful run on ${branch} (${short(sha)})`,
        };
      options.warn(
        `The last successful run's commit ${short(sha)} is gone from the remote; using the event's default base.`,
      );
    } else {
      options.warn(`No successful run of this workflow on '${branch}' yet; using the event's default base.`);
    }
  } else if (base) {
    const currentBranch = branchOf(event.ref);
    if (event.name === 'push' && base === currentBranch && !SHORT_SHA.test(base)) return fromPush();
    const baseSha = await resolveName(history, base, options.baseInput);
    if (HEX_SHA.test(base) || SHORT_SHA.test(base)) {
      return { base: baseSha, head, mode: 'commits', reason: `base ${short(baseSha)}` };
    }
    return mergeBaseWith(baseSha, `base ${base}`);
  }
  return fromEvent();

  async function checkedOut(): Promise<string> {
    const local = await history.resolve('HEAD');
    if (local) return local;
    if (!event.sha)
      throw new ConfigurationError(
        `The checkout has no commit; give the '${options.refInput}' input or check out the repository first.`,
      );
    return resolveName(history, event.sha, options.refInput);
  }

  async function fromEvent(): Promise<Comparison> {
    const payload = event.payload;
    if (PULL_REQUEST_EVENTS.has(event.name) && payload.pull_request) {
      const pr = payload.pull_request;
      const prHead = payloadSha(pr.head.sha, 'pull_request.head.sha');
      // pull_request_target (and some workflows) check out the base branch: then compare the PR's head.
      if (!options.ref && head !== prHead && !(await history.parents(head)).includes(prHead)) {
        if ((await history.ensureCommits([prHead])).length > 0)
          throw new Error(`the pull request head ${prHead} cannot be fetched`);
        head = prHead;
      }
      const baseSha = payloadSha(pr.base.sha, 'pull_request.base.sha');
      const why = `pull request #${pr.number} into ${pr.base.ref}`;
      try {
        return await mergeBaseWith(baseSha, why);
      } catch (error) {
        // The base branch was force-pushed since the event: its old tip can no longer be fetched.
        if (!(error instanceof GitError) || (await history.ensureCommits([baseSha])).length === 0)
          throw error;
        options.warn(
          `The pull request's base commit ${short(baseSha)} is gone from the remote (force push to ${pr.base.ref}?); comparing with the current ${pr.base.ref}.`,
        );
        return mergeBaseWith(await resolveName(history, pr.base.ref, options.baseInput), why);
      }
    }
    if (event.name === 'merge_group' && payload.merge_group) {
      const group = payload.merge_group;
      payloadSha(group.base_sha, 'merge_group.base_sha');
      const gone = await history.ensureCommits([group.base_sha]);
      if (gone.length)
        throw new Error(`merge group base ${group.base_sha} cannot be fetched from the remote`);
      return {
        base: group.base_sha,
        head,
        mode: 'commits',
        reason: `merge group: ${short(group.base_sha)}..${short(head)}`,
      };
    }
    if (event.name === 'push') return fromPush();
    const branch = branchOf(event.ref) ?? payload.workflow_run?.head_branch;
    if (tagOf(event.ref)) return sinceTag();
    return sinceDefaultBranch(branch, event.name || 'no event');
  }

  async function fromPush(): Promise<Comparison> {
    const payload = event.payload;
    if (tagOf(payload.ref ?? event.ref)) return sinceTag();
    const branch = branchOf(payload.ref ?? event.ref);
    if (payload.deleted)
      return { base: head, head, mode: 'nothing', reason: `push deleted ${branch ?? 'the ref'}` };
    const before = payload.before ?? '';
    if (before === '' || ZERO_SHA.test(before)) {
      const main = await defaultBranch();
      if (branch === main) {
        return {
          base: history.emptyTree(head),
          head,
          mode: 'all-files',
          reason: `initial push to ${main}: every file is added`,
        };
      }
      return mergeBaseWithBranch(
        main,
        `new branch ${branch ?? ''}, compared with the default branch ${main}`,
      );
    }
    const gone = await history.ensureCommits([before]);
    if (gone.length === 0)
      return { base: before, head, mode: 'commits', reason: `push: ${short(before)}..${short(head)}` };
    options.warn(
      `The push's 'before' commit ${short(before)} is gone from the remote (force push); comparing with the default branch instead.`,
    );
    return sinceDefaultBranch(branch, `force push to ${branch ?? event.ref}`);
  }

  async function sinceTag(): Promise<Comparison> {
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
