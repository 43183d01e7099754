import { readFileSync } from 'node:fs';
import { globMatcher } from '../glob/index.js';
import { ConfigurationError, errorMessage, isConfigurationError } from '../runtime/errors.js';
import { baseImages, isDockerfile } from './dockerfile.js';
import { listRepoFiles } from './repo-files.js';
import { isMutable, isSuiteRef, type UsesKind, type UsesRef } from './uses.js';
import { scanYaml, yamlRole } from './yaml-refs.js';

export const DEFAULT_SUITE = 'acme/gantry';

export interface UsesFinding {
  file: string;
  line: number;
  column: number;
  uses: string;
  kind: UsesKind;
  version?: string;
  mutable: boolean;
  suite: boolean;
  allowed: boolean;
  failing: boolean;
  reason: string;
}

export interface ImageFinding {
  file: string;
  line: number;
  instruction: string;
  image: string;
  stage?: string;
  platform?: string;
  pinned: boolean;
  allowed: boolean;
  failing: boolean;
  reason: string;
}

export interface FileProblem {
  file: string;
  message: string;
}

export interface AuditResult {
  roots: string[];
  uses: UsesFinding[];
  images: ImageFinding[];
  problems: FileProblem[];
  failing: number;
}

export interface AuditOptions {
  /** owner/repo of the suite whose references `pins set` manages. */
  suite?: string;
  /** Globs over `owner/repo[/path]`, `owner/repo[/path]@ref` or an image name: accepted exceptions. */
  allow?: string[];
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The policy: a third-party reference must be a full SHA (a version comment keeps it readable);
 * a reference to the suite may also be an exact semver tag, because the suite never moves those
 * (only its major tags move, after the suite passed); every image is pinned by digest. Local paths
 * are this repository's own code.
 */
export async function audit(dirs: string[], options: AuditOptions = {}): Promise<AuditResult> {
  const suite = options.suite ?? DEFAULT_SUITE;
  const allow = compileAllow(options.allow ?? []);
  const result: AuditResult = { roots: [], uses: [], images: [], problems: [], failing: 0 };
  const seen = new Set<string>();
  for (const dir of dirs.length ? dirs : ['.']) {
    const { root, files } = await listRepoFiles(dir, options.env);
    if (!result.roots.includes(root)) result.roots.push(root);
    for (const file of files) {
      const key = `${root}\0${file.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const role = yamlRole(file.path);
      if (!role && !isDockerfile(file.path)) continue;
      try {
        const text = readFileSync(file.abs, 'utf8');
        if (role) {
          for (const located of scanYaml(text, file.path, role).uses)
            result.uses.push(judgeUses(file.path, located.line, located.column, located.ref, suite, allow));
        } else {
          for (const image of baseImages(text)) {
            const name = image.image ?? image.written;
            const allowed = !image.pinned && allow(name, withoutTag(name));
            result.images.push({
              file: file.path,
              line: image.line,
              instruction: image.instruction,
              image: image.written === name ? name : `${image.written} (= ${image.image ?? '?'})`,
              stage: image.stage,
              platform: image.platform,
              pinned: image.pinned,
              allowed,
              failing: !image.pinned && !allowed,
              reason: image.reason,
            });
          }
        }
      } catch (error) {
        if (!isConfigurationError(error)) throw error;
        result.problems.push({ file: file.path, message: errorMessage(error) });
      }
    }
  }
  result.failing =
    result.uses.filter((u) => u.failing).length +
    result.images.filter((i) => i.failing).length +
    result.problems.length;
  return result;
}

function judgeUses(
  file: string,
  line: number,
  column: number,
  ref: UsesRef,
  suite: string,
  allow: (...candidates: string[]) => boolean,
): UsesFinding {
  const mutable = isMutable(ref);
  const isSuite = isSuiteRef(ref, suite);
  let reason: string;
  let bad: boolean;
  if (ref.kind === 'invalid') {
    bad = true;
    reason = `cannot be parsed: ${ref.problem}`;
  } else if (!mutable) {
    bad = false;
    reason =
      ref.kind === 'local'
        ? "this repository's own code, at the same commit"
        : ref.kind === 'sha'
          ? 'immutable; add a # vX.Y.Z comment so readers know the version'
          : 'immutable';
  } else if (isSuite && ref.kind === 'semver') {
    bad = false;
    reason = 'suite release tag (exact tags are never moved); pins set --version can pin it by SHA';
  } else if (isSuite) {
    bad = true;
    reason = `mutable: pin the suite with gantry pins set --version vX.Y.Z`;
  } else if (ref.kind === 'docker') {
    bad = true;
    reason = 'mutable: pin the image by digest (docker://image@sha256:…)';
  } else {
    bad = true;
    reason = 'mutable: pin by full commit SHA with a # vX.Y.Z comment';
  }
  const allowed = bad && ref.kind !== 'invalid' && allow(ref.name, ref.raw, withoutTag(ref.name));
  return {
    file,
    line,
    column,
    uses: ref.raw,
    kind: ref.kind,
    version: ref.kind === 'semver' ? ref.ref : ref.commentVersion,
    mutable,
    suite: isSuite,
    allowed,
    failing: bad && !allowed,
    reason: allowed ? `${reason} (allowed by --allow)` : reason,
  };
}

/** An image name without its tag or digest (a registry port stays). */
function withoutTag(image: string): string {
  return image.replace(/@.*$/, '').replace(/:[^/]*$/, '');
}

function compileAllow(patterns: string[]): (...candidates: string[]) => boolean {
  for (const pattern of patterns)
    if (!pattern.trim())
      throw new ConfigurationError(
        "--allow: got an empty pattern; expected a glob such as 'actions/*' or 'node:*'.",
      );
  const matchers = patterns.map((p) => globMatcher(p.trim()));
  return (...candidates) => candidates.some((c) => matchers.some((m) => m(c)));
}
