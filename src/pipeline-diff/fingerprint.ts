import { posix } from 'node:path';
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { detectLockfileKind, type LockedPackage, parseLockfile } from '../lockfiles/index.js';
import { createLimiter } from '../oci/copy.js';
import { baseImages, isDockerfile } from '../pins/dockerfile.js';
import { FULL_SHA, type UsesRef } from '../pins/uses.js';
import { scanYaml, type YamlRole } from '../pins/yaml-refs.js';
import { errorMessage } from '../runtime/errors.js';
import { MAX_LOCAL_DEPTH, MAX_LOCKFILE_BYTES } from './constants.js';
import type { ImageResolution, LockfileEntry, UsesResolution } from './record.js';
import type { CommitTree } from './tree.js';

/** Resolves a repository reference (owner/repo, ref) to the commit it names now. */
export type UsesResolver = (repository: string, ref: string) => Promise<string>;
/** Resolves an image reference to the digest it names now. */
export type ImageResolver = (image: string) => Promise<string>;

export interface RepoFingerprint {
  files: Record<string, string>;
  uses: Record<string, UsesResolution>;
  lockfiles: Record<string, LockfileEntry>;
  images: Record<string, ImageResolution>;
  notes: string[];
}

export interface FingerprintOptions {
  /** The running workflow's path; undefined: every workflow under .github/workflows. */
  workflow?: string;
  resolveUses?: UsesResolver;
  resolveImage?: ImageResolver;
  /** Extra files recorded by content hash (their paths matched by the caller's globs). */
  extraLockfile?: (path: string) => boolean;
  concurrency?: number;
}

const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;
/** Lockfile-like names no parser knows: recorded by content hash. */
const UNKNOWN_LOCKFILE =
  /(?:^|\/)(?:[^/]+\.lock|[^/]+-lock\.(?:json|ya?ml)|[^/]+\.lockb|packages\.lock\.json|composer\.lock|mix\.lock|Podfile\.lock|flake\.lock)$/;
const VENDORED = /(?:^|\/)(?:node_modules|vendor|\.yarn\/cache|third_party)\//;

/** Everything recorded from the repository at one commit: workflows reached, uses, images, lockfiles. */
export async function fingerprint(
  tree: CommitTree,
  options: FingerprintOptions = {},
): Promise<RepoFingerprint> {
  const notes: string[] = [];
  const files: Record<string, string> = {};
  const uses = new Map<string, { ref: UsesRef; from: Set<string> }>();
  const images = new Map<string, Set<string>>();
  const addImage = (image: string, from: string) => {
    if (!images.has(image)) images.set(image, new Set());
    images.get(image)!.add(from);
  };

  // Workflows and every local composite action and reusable workflow they reach.
  let frontier: { path: string; role: YamlRole }[];
  if (options.workflow !== undefined) {
    if (!tree.blobs.has(options.workflow)) {
      notes.push(`the workflow ${options.workflow} is not in commit ${tree.commit.slice(0, 12)}`);
      frontier = [];
    } else frontier = [{ path: options.workflow, role: 'workflow' }];
  } else {
    frontier = [...tree.blobs.keys()]
      .filter((p) => WORKFLOW_FILE.test(p))
      .sort()
      .map((path) => ({ path, role: 'workflow' as const }));
  }
  const visited = new Set<string>();
  for (let depth = 0; frontier.length > 0 && depth <= MAX_LOCAL_DEPTH; depth++) {
    const texts = await tree.read(frontier.map((f) => f.path));
    const next: { path: string; role: YamlRole }[] = [];
    for (const { path, role } of frontier) {
      if (visited.has(path)) continue;
      visited.add(path);
      files[path] = tree.blobs.get(path)!;
      const bytes = texts.get(path);
      if (!bytes) continue;
      let scanned: ReturnType<typeof scanYaml>;
      try {
        scanned = scanYaml(bytes.toString('utf8'), path, role);
      } catch (error) {
        notes.push(errorMessage(error));
        continue;
      }
      for (const located of scanned.uses) {
        const ref = located.ref;
        if (ref.kind === 'local') {
          const target = localTarget(tree, ref.raw);
          if (target === undefined)
            notes.push(`${path}:${located.line}: ${ref.raw} is not in the repository`);
          else if (!visited.has(target.path)) next.push(target);
        } else if (ref.kind === 'docker' || ref.kind === 'docker-digest') {
          addImage(ref.name, path);
        } else if (ref.kind === 'invalid') {
          notes.push(`${path}:${located.line}: uses: ${ref.raw}: ${ref.problem}`);
        } else {
          const entry = uses.get(ref.raw) ?? { ref, from: new Set<string>() };
          entry.from.add(path);
          uses.set(ref.raw, entry);
        }
      }
      if (role === 'workflow') for (const image of jobImages(scanned.doc.contents)) addImage(image, path);
    }
    frontier = next;
  }

  // Dockerfiles and lockfiles anywhere in the commit.
  const dockerfiles: string[] = [];
  const lockfiles: { path: string; kind?: string; probe?: boolean }[] = [];
  for (const path of tree.blobs.keys()) {
    if (VENDORED.test(path)) continue;
    if (isDockerfile(path)) dockerfiles.push(path);
    const kind = detectLockfileKind(path);
    if (kind) lockfiles.push({ path, kind });
    else if (/(?:^|\/)requirements[^/]*\.txt$/.test(path)) lockfiles.push({ path, probe: true });
    else if (UNKNOWN_LOCKFILE.test(path) || options.extraLockfile?.(path)) lockfiles.push({ path });
  }
  dockerfiles.sort();
  for (const [path, bytes] of await tree.read(dockerfiles)) {
    for (const image of baseImages(bytes.toString('utf8'))) {
      if (image.image === undefined || image.image.includes('$')) {
        notes.push(`${path}:${image.line}: ${image.written} depends on a build argument without a default`);
        continue;
      }
      addImage(image.image, path);
    }
  }
  const lockEntries: Record<string, LockfileEntry> = {};
  const contents = await tree.read(lockfiles.filter((l) => l.kind || l.probe).map((l) => l.path));
  for (const { path, kind, probe } of lockfiles.sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const blob = tree.blobs.get(path)!;
    const bytes = contents.get(path);
    if (!bytes) {
      lockEntries[path] = { blob };
      continue;
    }
    if (bytes.length > MAX_LOCKFILE_BYTES) {
      lockEntries[path] = {
        blob,
        error: `larger than ${MAX_LOCKFILE_BYTES} bytes: recorded by content hash`,
      };
      continue;
    }
    const text = bytes.toString('utf8');
    const detected = probe ? detectLockfileKind(path, text) : kind;
    if (!detected) continue; // a requirements file with ranges, not pins: not a lockfile
    try {
      const parsed = parseLockfile(path, text);
      lockEntries[path] = {
        blob,
        kind: parsed.kind,
        ecosystem: parsed.packages[0]?.ecosystem,
        packages: compactPackages(parsed.packages),
      };
    } catch (error) {
      lockEntries[path] = { blob, kind: detected, error: errorMessage(error) };
      notes.push(errorMessage(error));
    }
  }

  // Resolve what moves: tags and branches to commits, image tags to digests.
  const limit = createLimiter(options.concurrency ?? 8);
  const resolvedUses: Record<string, UsesResolution> = {};
  const byRepoRef = new Map<string, Promise<string>>();
  await Promise.all(
    [...uses].map(async ([raw, { ref, from }]) => {
      const entry: UsesResolution = { from: [...from].sort() };
      resolvedUses[raw] = entry;
      if (FULL_SHA.test(ref.ref ?? '')) {
        entry.commit = ref.ref;
        return;
      }
      if (!options.resolveUses) return;
      const key = `${ref.repository}@${ref.ref}`;
      let pending = byRepoRef.get(key);
      if (!pending) {
        pending = limit(() => options.resolveUses!(ref.repository!, ref.ref!));
        byRepoRef.set(key, pending);
      }
      try {
        entry.commit = await pending;
      } catch (error) {
        entry.error = errorMessage(error);
      }
    }),
  );
  const resolvedImages: Record<string, ImageResolution> = {};
  await Promise.all(
    [...images].map(async ([image, from]) => {
      const entry: ImageResolution = { from: [...from].sort() };
      resolvedImages[image] = entry;
      const pinned = /@(sha256:[a-f0-9]{64})$/.exec(image);
      if (pinned) {
        entry.digest = pinned[1];
        return;
      }
      if (!options.resolveImage) return;
      try {
        entry.digest = await limit(() => options.resolveImage!(image));
      } catch (error) {
        entry.error = errorMessage(error);
      }
    }),
  );
  return {
    files: sortKeys(files),
    uses: sortKeys(resolvedUses),
    lockfiles: lockEntries,
    images: sortKeys(resolvedImages),
    notes,
  };
}

/**
 * The file a local `uses: ./path` names, inside the repository: `path/action.yml` (or .yaml) for a
 * composite action, the file itself for a reusable workflow. A path that leaves the repository
 * (`./../x`, `./a/../../x`) names nothing.
 */
export function localTarget(tree: CommitTree, raw: string): { path: string; role: YamlRole } | undefined {
  const normal = posix.normalize(raw.slice(2) || '.');
  if (normal === '..' || normal.startsWith('../') || posix.isAbsolute(normal)) return undefined;
  const base = normal === '.' ? '' : normal.replace(/\/$/, '');
  if (/\.ya?ml$/.test(base) && tree.blobs.has(base)) return { path: base, role: 'workflow' };
  for (const name of ['action.yml', 'action.yaml']) {
    const path = base ? `${base}/${name}` : name;
    if (tree.blobs.has(path)) return { path, role: 'action' };
  }
  return undefined;
}

/** Images named by jobs.<id>.container and jobs.<id>.services.<name>; expressions are skipped. */
function jobImages(root: unknown): string[] {
  const found: string[] = [];
  const take = (node: unknown) => {
    const value = isMap(node) ? node.get('image', true) : node;
    if (isScalar(value) && typeof value.value === 'string' && value.value && !value.value.includes('${{'))
      found.push(value.value.trim());
  };
  if (!isMap(root)) return found;
  const jobs = (root as YAMLMap).get('jobs', true);
  if (!isMap(jobs)) return found;
  for (const job of jobs.items) {
    if (!isMap(job.value)) continue;
    take(job.value.get('container', true));
    const services = job.value.get('services', true);
    if (isMap(services)) for (const service of services.items) take(service.value);
    else if (isSeq(services)) for (const service of services.items) take(service);
  }
  return found;
}

export function compactPackages(packages: LockedPackage[]): [string, string, number][] {
  const tuples: [string, string, number][] = packages.map((p) => [
    p.name,
    p.version,
    p.direct === undefined ? -1 : p.direct ? 1 : 0,
  ]);
  // Sorted by code unit (not locale), so two records compare in one merge walk.
  return tuples.sort((a, b) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2],
  );
}

export function expandPackages(ecosystem: string, packages: [string, string, number][]): LockedPackage[] {
  return packages.map(([name, version, direct]) => ({
    name,
    version,
    ecosystem: ecosystem as LockedPackage['ecosystem'],
    ...(direct === -1 ? {} : { direct: direct === 1 }),
  }));
}

function sortKeys<T>(map: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
