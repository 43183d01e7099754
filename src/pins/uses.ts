/**
 * What a `uses:` value says and how far it can be trusted to mean the same code tomorrow.
 * Only a full commit SHA (or a digest for docker://) is immutable: tags, exact or not, can be moved,
 * which is how the March 2025 tj-actions/changed-files compromise reached its users.
 */

export type UsesKind =
  | 'sha+comment' // owner/repo@<40 or 64 hex> # v1.2.3
  | 'sha' // full SHA, no version comment: immutable but unreadable
  | 'semver' // exact tag v1.2.3
  | 'major' // moving tag v1 or v1.2
  | 'short-sha' // 7–39 hex: GitHub resolves it as a ref name, not a commit
  | 'branch' // anything else after @
  | 'local' // ./path in this repository
  | 'docker' // docker://image[:tag]
  | 'docker-digest' // docker://image@sha256:…
  | 'invalid';

export interface UsesRef {
  raw: string;
  kind: UsesKind;
  /** owner/repo[/path] for repository actions and reusable workflows; the image for docker://. */
  name: string;
  /** owner/repo, lower-cased, for repository references. */
  repository?: string;
  /** Path inside the repository (actions/changes, .github/workflows/x.yml), '' for the root. */
  path?: string;
  ref?: string;
  /** The version named by a trailing `# v1.2.3` (or `# tag=v1.2.3`) comment. */
  commentVersion?: string;
  /** Why an invalid reference cannot be parsed. */
  problem?: string;
}

export const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
export const SEMVER_TAG =
  /^v?(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const MAJOR_TAG = /^v?\d+(?:\.\d+)?$/;
const SHORT_SHA = /^[0-9a-f]{7,39}$/;
/** A version token at the start of a comment: `v1.2.3`, `v4`, `tag=v1.2.3`, `1.2.3`. */
export const COMMENT_VERSION =
  /^\s*(?:tag=)?(v?\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)(?=\s|$)/;
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const REPO = /^[A-Za-z0-9._-]+$/;
const PATH_SEGMENT = /^[A-Za-z0-9._-]+$/;
const REF = /^[^\s~^:?*[\\]+$/;
const IMAGE_DIGEST = /@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

export function parseUses(raw: string, comment?: string): UsesRef {
  const commentVersion = comment === undefined ? undefined : COMMENT_VERSION.exec(comment)?.[1];
  const invalid = (problem: string): UsesRef => ({ raw, kind: 'invalid', name: raw, problem });
  if (raw.includes('${{'))
    return invalid('expressions are not allowed in uses: (GitHub resolves it before the job runs)');
  if (raw !== raw.trim() || /\s/.test(raw)) return invalid('contains whitespace');
  if (raw.startsWith('./') || raw === '.') return { raw, kind: 'local', name: raw };
  if (raw.startsWith('docker://')) {
    const image = raw.slice('docker://'.length);
    if (!image) return invalid('docker:// without an image');
    return { raw, kind: IMAGE_DIGEST.test(image) ? 'docker-digest' : 'docker', name: image };
  }
  const at = raw.lastIndexOf('@');
  if (at === -1) return invalid("no '@<ref>': write owner/repo[/path]@<full commit SHA>");
  const name = raw.slice(0, at);
  const ref = raw.slice(at + 1);
  const [owner = '', repo = '', ...path] = name.split('/');
  if (!OWNER.test(owner) || !REPO.test(repo)) return invalid('expected owner/repo[/path]@ref');
  if (path.some((segment) => !PATH_SEGMENT.test(segment) || segment === '..'))
    return invalid('the path after owner/repo has an empty or unsafe segment');
  if (!ref || !REF.test(ref)) return invalid('the ref after @ is empty or not a valid git ref');
  const base = { raw, name, repository: `${owner}/${repo}`.toLowerCase(), path: path.join('/'), ref };
  if (FULL_SHA.test(ref)) return { ...base, kind: commentVersion ? 'sha+comment' : 'sha', commentVersion };
  if (SEMVER_TAG.test(ref)) return { ...base, kind: 'semver' };
  if (MAJOR_TAG.test(ref)) return { ...base, kind: 'major' };
  if (SHORT_SHA.test(ref)) return { ...base, kind: 'short-sha' };
  return { ...base, kind: 'branch' };
}

/** Whether the code behind the reference can change without this line changing. */
export function isMutable(ref: UsesRef): boolean {
  return !['sha+comment', 'sha', 'local', 'docker-digest'].includes(ref.kind);
}

export function isSuiteRef(ref: UsesRef, suite: string): boolean {
  return ref.repository !== undefined && ref.repository === suite.toLowerCase();
}

export const KIND_LABEL: Record<UsesKind, string> = {
  'sha+comment': 'full SHA with version comment',
  sha: 'full SHA without version comment',
  semver: 'exact semver tag',
  major: 'major tag',
  'short-sha': 'short SHA (resolved as a ref name)',
  branch: 'branch',
  local: 'local path',
  docker: 'docker image by tag',
  'docker-digest': 'docker image by digest',
  invalid: 'unparsable',
};
