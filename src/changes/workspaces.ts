import { globMatcher } from '../glob/index.js';
import { parse as parseYaml } from 'yaml';
import { type Git, splitNul } from '../git/index.js';
import { ConfigurationError } from '../runtime/errors.js';
import { decodePath } from './paths.js';

export interface WorkspacePackage {
  name: string;
  path: string;
  dependencies: string[];
}

export interface AffectedPackage {
  name: string;
  path: string;
  reason: string;
}

/** Files at the repository root whose change affects every package. */
const ROOT_FILES = new Set([
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'bun.lock',
  'bun.lockb',
]);

const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

interface PackageJson {
  name?: string;
  workspaces?: string[] | { packages?: string[] };
  [field: string]: unknown;
}

/** Read the workspace packages at a commit: npm/yarn `workspaces` and pnpm-workspace.yaml. */
export async function readWorkspaces(git: Git, commit: string): Promise<WorkspacePackage[]> {
  const tree = splitNul((await git.run(['ls-tree', '-r', '-z', '--name-only', commit])).stdout).map(
    decodePath,
  );
  const manifests = tree.filter((path) => path === 'package.json' || path.endsWith('/package.json'));
  const [rootJson, pnpmYaml] = await readBlobs(git, commit, ['package.json', 'pnpm-workspace.yaml']);
  const patterns: string[] = [];
  if (rootJson !== undefined) {
    const root = parseJson<PackageJson>(rootJson, 'package.json');
    const workspaces = Array.isArray(root.workspaces) ? root.workspaces : (root.workspaces?.packages ?? []);
    patterns.push(...workspaces);
  }
  if (pnpmYaml !== undefined) {
    let doc: { packages?: string[] } | null;
    try {
      doc = parseYaml(pnpmYaml) as { packages?: string[] } | null;
    } catch (error) {
      throw new ConfigurationError(
        `pnpm-workspace.yaml at ${commit.slice(0, 12)} is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    patterns.push(...(doc?.packages ?? []));
  }
  const include = patterns.filter((p) => !p.startsWith('!')).map((p) => globMatcher(trimSlash(p)));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => globMatcher(trimSlash(p.slice(1))));
  const dirs = manifests
    .map((path) => path.slice(0, -'/package.json'.length))
    .filter((dir) => dir !== 'package.json' && !dir.split('/').includes('node_modules'))
    .filter((dir) => include.some((m) => m(dir)) && !exclude.some((m) => m(dir)));
  const texts = await readBlobs(
    git,
    commit,
    dirs.map((dir) => `${dir}/package.json`),
  );
  const packages = dirs.map((dir, i) => {
    const json = parseJson<PackageJson>(texts[i] ?? '{}', `${dir}/package.json`);
    const dependencies = new Set<string>();
    for (const field of DEPENDENCY_FIELDS) {
      const deps = json[field];
      if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) dependencies.add(name);
    }
    return { name: json.name ?? dir, path: dir, dependencies: [...dependencies] };
  });
  return packages.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Packages owning a changed file, then every package that depends on one of those (transitively),
 * or all packages when a root manifest or lockfile changed. Each comes with the reason it is in.
 */
export function affectedPackages(
  packages: readonly WorkspacePackage[],
  changedPaths: readonly string[],
): AffectedPackage[] {
  const reasons = new Map<string, string>();
  const rootChange = changedPaths.find((path) => ROOT_FILES.has(path));
  if (rootChange) {
    for (const pkg of packages) reasons.set(pkg.name, `root ${rootChange} changed`);
  } else {
    const byDepth = [...packages].sort((a, b) => b.path.length - a.path.length);
    for (const path of changedPaths) {
      const owner = byDepth.find((pkg) => path.startsWith(`${pkg.path}/`));
      if (owner && !reasons.has(owner.name)) reasons.set(owner.name, `files changed under ${owner.path}/`);
    }
    const names = new Set(packages.map((p) => p.name));
    const dependents = new Map<string, string[]>();
    for (const pkg of packages) {
      for (const dep of pkg.dependencies) {
        if (names.has(dep)) dependents.set(dep, [...(dependents.get(dep) ?? []), pkg.name]);
      }
    }
    const queue = [...reasons.keys()];
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      for (const dependent of dependents.get(name) ?? []) {
        if (reasons.has(dependent)) continue;
        reasons.set(dependent, `depends on ${name}`);
        queue.push(dependent);
      }
    }
  }
  return packages
    .filter((pkg) => reasons.has(pkg.name))
    .map((pkg) => ({ name: pkg.name, path: pkg.path, reason: reasons.get(pkg.name)! }));
}

function trimSlash(pattern: string): string {
  return pattern.replace(/^\.\//, '').replace(/\/+$/, '');
}

function parseJson<T>(text: string, file: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new ConfigurationError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Blob contents at a commit in one `git cat-file --batch` process; undefined where a path is missing. */
async function readBlobs(
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
