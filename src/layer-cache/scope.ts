import type { BuildContext } from './buildx.js';

/**
 * Which caches a paths-mode run may restore, and under which scope it saves: the rule of
 * actions/cache. A run restores its own scope's caches first, then its pull request's base branch's,
 * then the default branch's; never another pull request's. A run whose code the repository does not
 * vouch for (a pull request from a fork, any pull_request_target run: it checks the base branch out
 * with the base's token while it may build the pull request's code) saves nothing, so it can never
 * write a cache that the default branch would restore.
 */
export interface CacheScopes {
  /** The scope saved under, or undefined when this run never saves (why in `why`). */
  write: string | undefined;
  /** Scopes searched in order, each for the exact key and then for the restore-keys. */
  read: string[];
  why: string;
}

/** Outside a workflow run (the CLI on a laptop): its own scope, and the default branch's caches. */
export const LOCAL_SCOPE = 'local';

export function cacheScopes(ctx: BuildContext): CacheScopes {
  const defaultScope = `refs/heads/${ctx.defaultBranch}`;
  const baseScope = ctx.baseRef ? `refs/heads/${ctx.baseRef}` : undefined;
  const read = (...scopes: (string | undefined)[]) => [...new Set(scopes.filter((s): s is string => !!s))];
  if (ctx.eventName === 'pull_request_target') {
    return {
      write: undefined,
      read: read(baseScope, defaultScope),
      why: "a pull_request_target run: it runs with the base branch's rights on a pull request's changes, so it never saves",
    };
  }
  const isPullRequest = ctx.eventName === 'pull_request' || ctx.headRef !== '';
  if (isPullRequest) {
    const own = ctx.ref.startsWith('refs/pull/') ? ctx.ref : undefined;
    if (ctx.fromFork)
      return {
        write: undefined,
        read: read(own, baseScope, defaultScope),
        why: 'a pull request from a fork: it never saves',
      };
    return {
      write: own,
      read: read(own, baseScope, defaultScope),
      why: own
        ? `the scope of pull request ${own}`
        : `no pull request ref (GITHUB_REF is ${ctx.ref || 'empty'})`,
    };
  }
  if (ctx.ref === '')
    return { write: LOCAL_SCOPE, read: read(LOCAL_SCOPE, defaultScope), why: 'outside a workflow run' };
  return { write: ctx.ref, read: read(ctx.ref, defaultScope), why: `the scope of ${ctx.ref}` };
}
