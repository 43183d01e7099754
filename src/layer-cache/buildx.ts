import type { OciRepository } from '../oci/index.js';
import { branchTag } from './tags.js';

/** What the workflow run tells us about the ref being built. */
export interface BuildContext {
  eventName: string;
  /** GITHUB_REF, e.g. refs/heads/main, refs/pull/7/merge, refs/tags/v1. */
  ref: string;
  /** GITHUB_HEAD_REF / GITHUB_BASE_REF: set for pull_request events. */
  headRef: string;
  baseRef: string;
  defaultBranch: string;
  /** The pull request comes from another repository (its token cannot write to ours). */
  fromFork: boolean;
}

export interface BuildxPlan {
  /** Candidate refs in order of preference, each with why it is a candidate. */
  candidates: { ref: string; branch: string; why: string }[];
  /** The ref written by this build, or undefined with the reason in writeReason. */
  writeRef: string | undefined;
  writeReason: string;
}

export const CACHE_TO_OPTIONS = 'mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true';

export function planBuildx(
  repository: string,
  scope: string,
  ctx: BuildContext,
  readOnly: boolean,
): BuildxPlan {
  const candidates: BuildxPlan['candidates'] = [];
  const add = (branch: string, why: string) => {
    if (!branch) return;
    const ref = `${repository}:${branchTag(branch, scope)}`;
    if (!candidates.some((c) => c.ref === ref)) candidates.push({ ref, branch, why });
  };
  const isPullRequest =
    ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_target' || ctx.headRef !== '';
  let current = '';
  if (isPullRequest) {
    current = ctx.headRef;
    add(ctx.headRef, 'pull request branch');
    add(ctx.baseRef, 'pull request base branch');
  } else if (ctx.ref.startsWith('refs/heads/')) {
    current = ctx.ref.slice('refs/heads/'.length);
    add(current, 'this branch');
  }
  add(ctx.defaultBranch, 'default branch');

  let writeReason: string;
  let writeRef: string | undefined;
  if (readOnly) writeReason = "'read-only' is true";
  else if (isPullRequest && ctx.fromFork)
    writeReason = "a pull request from a fork: its token cannot write to this repository's cache";
  else if (!current)
    writeReason = `${ctx.ref || 'this ref'} is not a branch; it reads the default branch's cache only`;
  else {
    writeRef = candidates[0]!.ref;
    writeReason = `the cache of ${isPullRequest ? 'pull request branch' : 'branch'} ${current}`;
  }
  return { candidates, writeRef, writeReason };
}

export interface BuildxResult {
  plan: BuildxPlan;
  found: string[];
  cacheFrom: string[];
  cacheTo: string[];
}

/** Checks which candidate refs exist (manifest HEAD) and renders the BuildKit cache lines. */
export async function resolveBuildx(plan: BuildxPlan, store: OciRepository): Promise<BuildxResult> {
  const found: string[] = [];
  for (const candidate of plan.candidates) {
    const tag = candidate.ref.slice(candidate.ref.lastIndexOf(':') + 1);
    if (await store.resolve(tag)) found.push(candidate.ref);
  }
  return {
    plan,
    found,
    cacheFrom: found.map((ref) => `type=registry,ref=${ref}`),
    cacheTo: cacheToLines(plan),
  };
}

/** When the registry cannot be asked: no cache-from, and cache-to as planned (ignore-error lets BuildKit cope). */
export function unresolvedBuildx(plan: BuildxPlan): BuildxResult {
  return { plan, found: [], cacheFrom: [], cacheTo: cacheToLines(plan) };
}

function cacheToLines(plan: BuildxPlan): string[] {
  return plan.writeRef ? [`type=registry,ref=${plan.writeRef},${CACHE_TO_OPTIONS}`] : [];
}
