import { posix } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { type Git, splitNul } from '../git/index.js';
import { closureChange, LOCKFILES, type LockfileGraph, LockfileError, readLockfile } from './lockfile.js';
import { compileTest } from './matcher.js';
import { decodePath } from './paths.js';

/** A workspace package, identified by its directory (names can repeat: playgrounds, fixtures). */
export interface WorkspacePackage {
  name: string;
  path: string;
  /** Every dependency field merged: name → spec (`^1.0.0`, `workspace:*`, `file:../x`, …). */
  dependencies: Record<string, string>;
  /** Why its package.json could not be read; such a package is treated as affected. */
  unreadable?: string;
}

export interface Workspace {
  packages: WorkspacePackage[];
  /** The root package.json as parsed (undefined when missing or unreadable). */
  root?: Record<string, unknown>;
  rootDependencies: Record<string, string>;
  /** Manifests that could not be read, and other things worth a warning. */
  warnings: string[];
}

export interface AffectedPackage {
  name: string;
  path: string;
  reason: string;
}

export interface AffectedResult {
  affected: AffectedPackage[];
  warnings: string[];
  /** Changes that reach only the root project (root scripts, packageManager, metadata). */
  rootOnly: string[];
}

/** Files at the repository root whose change affects every package, whatever their content. */
const WORKSPACE_FILES = new Set(['pnpm-workspace.yaml']);

/** Root package.json fields that change no install: a change to them touches only the root. */
const ROOT_ONLY_FIELDS = new Set([
  'scripts',
  'packageManager',
  'name',
  'version',
  'description',
  'keywords',
  'author',
  'contributors',
  'maintainers',
  'license',
  'repository',
  'homepage',
  'bugs',
  'funding',
  'private',
  'simple-git-hooks',
  'lint-staged',
  'nano-staged',
  'commitlint',
]);

/** Root fields whose effect on installs shows in the lockfile: read from there when it is. */
const INSTALL_FIELDS = new Set([
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
  'overrides',
  'resolutions',
  'pnpm',
]);

const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

const BOM = /^\uFEFF/;

function parseManifest(text: string): Record<string, unknown> {
  const value = JSON.parse(text.replace(BOM, '')) as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON object');
  return value as Record<string, unknown>;
}

function dependenciesOf(json: Record<string, unknown>): Record<string, string> {
  const deps: Record<string, string> = {};
  for (const field of DEPENDENCY_FIELDS) {
    const value = json[field];
    if (!value || typeof value !== 'object') continue;
    for (const [name, spec] of Object.entries(value)) if (!(name in deps)) deps[name] = String(spec);
  }
  return deps;
}

function why(error: unknown): string {
  return (error as Error).message.split('\n')[0]!.slice(0, 200);
}

/**
 * The workspace packages at a commit: npm/yarn `workspaces` and pnpm-workspace.yaml. A manifest
 * that cannot be read never fails the step: it is reported, and its package counts as affected.
 * When the root manifest or pnpm-workspace.yaml cannot be read, every directory holding a
 * package.json is taken for a package (more packages rather than a missed one).
 */
export async function readWorkspaces(git: Git, commit: string): Promise<Workspace> {
  const tree = splitNul((await git.run(['ls-tree', '-r', '-z', '--name-only', commit])).stdout).map(
    decodePath,
  );
  const manifests = tree.filter((path) => path === 'package.json' || path.endsWith('/package.json'));
  const [rootJson, pnpmYaml] = await readBlobs(git, commit, ['package.json', 'pnpm-workspace.yaml']);
  const warnings: string[] = [];
  const patterns: string[] = [];
  let patternsKnown = true;
  let root: Record<string, unknown> | undefined;
  if (rootJson !== undefined) {
    try {
      root = parseManifest(rootJson);
      const ws = root.workspaces as string[] | { packages?: string[] } | undefined;
      const list = Array.isArray(ws) ? ws : (ws?.packages ?? []);
      patterns.push(...list.filter((p): p is string => typeof p === 'string'));
    } catch (error) {
      patternsKnown = false;
      warnings.push(
        `package.json (the root manifest) cannot be read (${why(error)}): every directory with a package.json is taken for a workspace package.`,
      );
    }
  }
  if (pnpmYaml !== undefined) {
    try {
      const doc = parseYaml(pnpmYaml.replace(BOM, '')) as { packages?: unknown } | null;
      const list = Array.isArray(doc?.packages) ? doc.packages : [];
      patterns.push(...list.filter((p): p is string => typeof p === 'string'));
    } catch (error) {
      patternsKnown = false;
      warnings.push(
        `pnpm-workspace.yaml cannot be read (${why(error)}): every directory with a package.json is taken for a workspace package.`,
      );
    }
  }
  const compile = (pattern: string) => {
    try {
      return compileTest(trimSlash(pattern));
    } catch {
      warnings.push(`The workspace pattern ${JSON.stringify(pattern)} cannot be parsed; it is ignored.`);
      return () => false;
    }
  };
  const include = patterns.filter((p) => !p.startsWith('!')).map(compile);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => compile(p.slice(1)));
  const dirs = manifests
    .filter((path) => path !== 'package.json')
    .map((path) => path.slice(0, -'/package.json'.length))
    .filter((dir) => !dir.split('/').includes('node_modules'))
    .filter((dir) => (patternsKnown ? include.some((m) => m(dir)) && !exclude.some((m) => m(dir)) : true));
  const texts = await readBlobs(
    git,
    commit,
    dirs.map((dir) => `${dir}/package.json`),
  );
  const packages = dirs.map((dir, i): WorkspacePackage => {
    try {
      const json = parseManifest(texts[i] ?? '{}');
      return {
        name: typeof json.name === 'string' ? json.name : dir,
        path: dir,
        dependencies: dependenciesOf(json),
      };
    } catch (error) {
      const reason = why(error);
      warnings.push(
        `${dir}/package.json cannot be read (${reason}): the package is treated as affected, with whatever depends on it.`,
      );
      return { name: dir, path: dir, dependencies: {}, unreadable: reason };
    }
  });
  packages.sort((a, b) => a.path.localeCompare(b.path));
  return { packages, root, rootDependencies: root ? dependenciesOf(root) : {}, warnings };
}

/** What the action needs to look at the base commit too: the lockfile and the root manifest. */
export interface BaseSide {
  root?: Record<string, unknown>;
  rootReadable: boolean;
  /** Lockfile text at the base (undefined: not there). */
  lockfiles: Map<string, string | undefined>;
  /** Workspace packages at the base (for lockfiles that list no importers: yarn classic). */
  workspace?: Workspace;
}

export interface AffectedInput {
  head: Workspace;
  /** Lockfile texts at head, by root lockfile name. */
  headLockfiles: Map<string, string | undefined>;
  base: BaseSide;
  changedPaths: readonly string[];
  /** global-files: tests of globs whose change affects every package. */
  globalFiles: readonly { pattern: string; test: (path: string) => boolean }[];
}

/**
 * Packages owning a changed file, packages whose resolved dependency closure changed in the
 * lockfile, then every package that depends on one of those (transitively), each with the reason
 * it is in. Packages are identified by path; each dependency is resolved to the package it links to
 * (the lockfile's own record first, then `workspace:`, `file:`, `link:`, `npm:` specs, then names).
 */
export function affectedPackages(input: AffectedInput): AffectedResult {
  const { head, changedPaths } = input;
  const packages = head.packages;
  const warnings: string[] = [...head.warnings];
  const rootOnly: string[] = [];
  const reasons = new Map<string, string>();
  const everything = (reason: string) => {
    for (const pkg of packages) if (!reasons.has(pkg.path)) reasons.set(pkg.path, reason);
  };
  const changed = new Set(changedPaths);

  for (const path of changedPaths) {
    const global = input.globalFiles.find((g) => g.test(path));
    if (global) {
      everything(`${path} changed (global-files: ${global.pattern})`);
      break;
    }
  }
  for (const file of WORKSPACE_FILES) if (changed.has(file)) everything(`root ${file} changed`);

  // Lockfiles: the closure of each project at base and at head.
  const headGraph = new Map<string, LockfileGraph>();
  let lockfileRead = false;
  for (const file of LOCKFILES) {
    const after = input.headLockfiles.get(file);
    const before = input.base.lockfiles.get(file);
    const graphAt = (text: string, side: 'base' | 'head') =>
      readLockfile(file, text, () =>
        manifestDeps(
          side === 'head' ? head : (input.base.workspace ?? head),
          side === 'head' ? head.root : input.base.root,
        ),
      );
    if (after !== undefined) {
      try {
        headGraph.set(file, graphAt(after, 'head'));
      } catch {
        // reported below when the lockfile changed; links then come from the manifests
      }
    }
    if (!changed.has(file)) continue;
    if (after === undefined || before === undefined) {
      everything(`root ${file} ${after === undefined ? 'deleted' : 'added'}`);
      continue;
    }
    let graphs: [LockfileGraph, LockfileGraph];
    try {
      graphs = [graphAt(before, 'base'), headGraph.get(file) ?? graphAt(after, 'head')];
    } catch (error) {
      const message = error instanceof LockfileError ? error.message : why(error);
      warnings.push(`${message}: every package counts as affected by its change.`);
      everything(`root ${file} changed and cannot be read`);
      continue;
    }
    lockfileRead = true;
    const [old, now] = graphs;
    for (const [importer, closure] of now.closures) {
      const diff = closureChange(old.closures.get(importer) ?? new Set(), closure);
      if (diff === undefined) continue;
      if (importer === '.') {
        // The root's node_modules is on every package's resolution path.
        everything(`root dependencies changed in ${file}: ${diff}`);
      } else if (packages.some((p) => p.path === importer) && !reasons.has(importer)) {
        reasons.set(importer, `resolved dependencies changed in ${file}: ${diff}`);
      }
    }
  }

  // The root manifest: only fields that change installs reach the packages.
  if (changed.has('package.json')) {
    if (!head.root || !input.base.root) {
      everything('root package.json changed and cannot be compared');
    } else {
      const fields = new Set([...Object.keys(head.root), ...Object.keys(input.base.root)]);
      const differing = [...fields].filter((f) => !isDeepStrictEqual(head.root![f], input.base.root![f]));
      const install = differing.filter((f) => INSTALL_FIELDS.has(f));
      const other = differing.filter((f) => !ROOT_ONLY_FIELDS.has(f) && !INSTALL_FIELDS.has(f));
      if (other.length > 0) everything(`root package.json changed (${other.join(', ')})`);
      else if (install.length > 0 && !lockfileRead)
        everything(`root package.json changed (${install.join(', ')}) without a lockfile change to read`);
      const only = differing.filter((f) => ROOT_ONLY_FIELDS.has(f));
      if (only.length > 0) rootOnly.push(`root package.json: ${only.join(', ')}`);
    }
  }

  // Files under a package: the package with the deepest directory holding the file.
  const byDepth = [...packages].sort((a, b) => b.path.length - a.path.length);
  for (const path of changedPaths) {
    const owner = byDepth.find((pkg) => path.startsWith(`${pkg.path}/`));
    if (owner && !reasons.has(owner.path)) reasons.set(owner.path, `files changed under ${owner.path}/`);
  }
  for (const pkg of packages)
    if (pkg.unreadable && !reasons.has(pkg.path))
      reasons.set(pkg.path, `package.json cannot be read (${pkg.unreadable})`);

  // Dependents, by path.
  const links = linkGraph(head, headGraph);
  const queue = [...reasons.keys()];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    for (const dependent of links.dependents.get(path) ?? []) {
      if (reasons.has(dependent)) continue;
      reasons.set(dependent, `depends on ${links.label(path)}`);
      queue.push(dependent);
    }
  }
  // A package whose manifest is unreadable has an unknown name: whatever links to a workspace
  // package that cannot be found may be linking to it.
  if (packages.some((p) => p.unreadable)) {
    for (const path of links.unresolved) {
      if (reasons.has(path)) continue;
      reasons.set(path, 'links to a workspace package that cannot be found (a package.json cannot be read)');
    }
  }
  return {
    affected: packages
      .filter((pkg) => reasons.has(pkg.path))
      .map((pkg) => ({ name: pkg.name, path: pkg.path, reason: reasons.get(pkg.path)! })),
    warnings,
    rootOnly,
  };
}

/** Direct dependencies of the root ('.') and every package, by path, for yarn classic. */
function manifestDeps(workspace: Workspace, root: Record<string, unknown> | undefined) {
  const deps = new Map<string, Record<string, string>>();
  deps.set('.', root ? dependenciesOf(root) : {});
  for (const pkg of workspace.packages) deps.set(pkg.path, pkg.dependencies);
  return deps;
}

interface LinkGraph {
  dependents: Map<string, string[]>;
  /** Packages with a `workspace:`/`link:`/`file:` dependency that resolves to no package. */
  unresolved: Set<string>;
  label: (path: string) => string;
}

/** Which package links to which, by path. */
export function linkGraph(head: Workspace, lockfiles: ReadonlyMap<string, LockfileGraph>): LinkGraph {
  const packages = head.packages;
  const byPath = new Map(packages.map((p) => [p.path, p]));
  const byName = new Map<string, WorkspacePackage[]>();
  for (const pkg of packages) {
    if (pkg.unreadable) continue;
    byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), pkg]);
  }
  const recorded = [...lockfiles.values()].map((g) => g.links);
  const names = (name: string) => (byName.get(name) ?? []).map((p) => p.path);
  const dependents = new Map<string, string[]>();
  const unresolved = new Set<string>();
  for (const pkg of packages) {
    for (const [dep, spec] of Object.entries(pkg.dependencies)) {
      const targets = resolveLink(pkg, dep, spec);
      if (targets === undefined) {
        unresolved.add(pkg.path);
        continue;
      }
      for (const target of targets) {
        if (target === pkg.path) continue;
        dependents.set(target, [...(dependents.get(target) ?? []), pkg.path]);
      }
    }
  }
  function resolveLink(pkg: WorkspacePackage, dep: string, spec: string): string[] | undefined {
    for (const links of recorded) {
      const target = links.get(pkg.path)?.get(dep);
      if (target !== undefined) return byPath.has(target) ? [target] : [];
    }
    const local = /^(workspace|file|link|portal):(.*)$/s.exec(spec);
    if (local) {
      const [, protocol, rest] = local as unknown as [string, string, string];
      if (protocol !== 'workspace' || /^\.{0,2}\//.test(rest)) {
        const target = posix.normalize(posix.join(pkg.path, rest)).replace(/\/$/, '');
        if (byPath.has(target)) return [target];
        return protocol === 'workspace' ? undefined : [];
      }
      // workspace:*, workspace:^1.0.0, or an alias workspace:other@*
      const alias = /^(@?[^@]+)@/.exec(rest)?.[1];
      const found = names(alias ?? dep);
      return found.length > 0 ? found : undefined;
    }
    if (spec.startsWith('npm:')) {
      const target = /^npm:(@?[^@]+)/.exec(spec)?.[1];
      return target ? names(target) : [];
    }
    // A plain range: npm and yarn link a workspace package of that name.
    if (/^[a-z+]+:|^[^@]*\//i.test(spec)) return [];
    return names(dep);
  }
  return {
    dependents,
    unresolved,
    label: (path) => {
      const pkg = byPath.get(path);
      if (!pkg) return path;
      return (byName.get(pkg.name)?.length ?? 0) > 1 || pkg.name === path
        ? `${pkg.name} (${path})`
        : pkg.name;
    },
  };
}

function trimSlash(pattern: string): string {
  return pattern.replace(/^\.\//, '').replace(/\/+$/, '');
}

/** Blob contents at a commit in one `git cat-file --batch` process; undefined where a path is missing. */
export async function readBlobs(
  git: Git,
  commit: string,
  paths: readonly string[],
): Promise<(string | undefined)[]> {
  if (paths.length === 0) return [];
  const input = paths.map((path) => `${commit}:${path}\n`).join('');
  const out = (await git.run(['cat-file', '--batch'], { input })).stdout;
  const results: (string | undefined)[] = [];
  let offset = 0;
  for (let i = 0; i < paths.length; i++) {
    const eol = out.indexOf(0x0a, offset);
    const header = out.subarray(offset, eol).toString('utf8');
    offset = eol + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
      results.push(undefined);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    results.push(out.subarray(offset, offset + size).toString('utf8'));
    offset += size + 1;
  }
  return results;
}

/** Everything affectedPackages needs, read from git at base and head in a few cat-file calls. */
export async function readAffectedInput(
  git: Git,
  base: string,
  head: string,
  changedPaths: readonly string[],
  globalFiles: AffectedInput['globalFiles'],
): Promise<AffectedInput> {
  const headWs = await readWorkspaces(git, head);
  const changed = new Set(changedPaths);
  const headTexts = await readBlobs(git, head, LOCKFILES);
  const headLockfiles = new Map(LOCKFILES.map((file, i) => [file, headTexts[i]] as const));
  const baseSide: BaseSide = { rootReadable: false, lockfiles: new Map() };
  const wantsBase = changed.has('package.json') || LOCKFILES.some((f) => changed.has(f));
  if (wantsBase && (await git.succeeds(['cat-file', '-e', `${base}^{tree}`]))) {
    const [rootText, ...lockTexts] = await readBlobs(git, base, ['package.json', ...LOCKFILES]);
    for (const [i, file] of LOCKFILES.entries()) baseSide.lockfiles.set(file, lockTexts[i]);
    if (rootText !== undefined) {
      try {
        baseSide.root = parseManifest(rootText);
        baseSide.rootReadable = true;
      } catch {
        // compared as unreadable: every package
      }
    }
    if (changed.has('yarn.lock')) baseSide.workspace = await readWorkspaces(git, base);
  }
  return { head: headWs, headLockfiles, base: baseSide, changedPaths, globalFiles };
}
