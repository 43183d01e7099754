import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { LockfileError } from '../lockfiles/errors.js';
import { parseYarnClassic, type YarnEntry } from '../lockfiles/yarn-classic.js';

export { LockfileError };

/**
 * What a root lockfile says about each workspace project ("importer", by path; the root is '.'):
 * the resolved external packages it installs, transitively (its closure), and the workspace
 * packages its dependencies link to. Comparing closures at two commits tells which projects a
 * lockfile change reaches, as turbo does.
 */
export interface LockfileGraph {
  format: string;
  /** importer path → identities (name@version plus integrity/resolution) of its closure. */
  closures: Map<string, Set<string>>;
  /** importer path → dependency name → the workspace path it links to. */
  links: Map<string, Map<string, string>>;
}

/** Direct dependencies of a project, for formats whose lockfile lists no importers (yarn classic). */
export type ManifestDeps = Map<string, Record<string, string>>;

export const LOCKFILES = [
  'pnpm-lock.yaml',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'bun.lock',
  'bun.lockb',
] as const;

/** Parse a root lockfile; throws LockfileError saying why when it cannot be read. */
export function readLockfile(file: string, text: string, manifests: () => ManifestDeps): LockfileGraph {
  const body = text.replace(/^\uFEFF/, '');
  try {
    if (file === 'pnpm-lock.yaml') return pnpmGraph(body);
    if (file === 'package-lock.json' || file === 'npm-shrinkwrap.json') return npmGraph(body);
    if (file === 'yarn.lock')
      return /^__metadata:/m.test(body) ? yarnBerryGraph(body) : yarnClassicGraph(body, manifests());
  } catch (error) {
    if (error instanceof LockfileError) throw error;
    throw new LockfileError(`${file} cannot be parsed (${oneLine((error as Error).message)})`);
  }
  throw new LockfileError(`${file} is not a lockfile this action reads (npm, yarn and pnpm lockfiles are)`);
}

const DEP_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;
const IMPORTER_FIELDS = [...DEP_FIELDS, 'devDependencies'] as const;

function oneLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 200);
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function normalizeImporter(path: string): string {
  const normal = posix.normalize(path.replace(/^\.\//, '') || '.');
  return normal === '' ? '.' : normal.replace(/\/$/, '');
}

/** Depth-first closure over a node graph: node id → [identity, child ids]. */
function closureOf(
  starts: Iterable<string>,
  node: (id: string) => { identity: string; children: string[] } | undefined,
): Set<string> {
  const seen = new Set<string>();
  const identities = new Set<string>();
  const stack = [...starts];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const found = node(id);
    if (!found) continue;
    identities.add(found.identity);
    stack.push(...found.children);
  }
  return identities;
}

// ---------------------------------------------------------------------------------------- pnpm

function pnpmGraph(text: string): LockfileGraph {
  const doc = record(parseYaml(text, { maxAliasCount: -1, uniqueKeys: false }));
  const version = String(doc.lockfileVersion ?? '');
  const major = Number.parseInt(version, 10);
  if (!(major >= 5 && major <= 9))
    throw new LockfileError(
      `pnpm-lock.yaml has lockfileVersion ${JSON.stringify(version)}; versions 5 to 9 are read`,
    );
  const packages = record(doc.packages);
  const snapshots = major >= 9 ? record(doc.snapshots) : packages;
  const importers = doc.importers
    ? record(doc.importers)
    : {
        '.': {
          dependencies: doc.dependencies,
          devDependencies: doc.devDependencies,
          optionalDependencies: doc.optionalDependencies,
        },
      };
  const keyFor = (name: string, ref: string): string | undefined => {
    for (const key of [ref, `/${name}@${ref}`, `${name}@${ref}`, `/${name}/${ref}`])
      if (key in snapshots) return key;
    return undefined;
  };
  const identity = (key: string): string => {
    const meta = major >= 9 ? record(packages[key.replace(/(?<=.)\(.*$/, '')]) : record(snapshots[key]);
    const resolution = record(meta.resolution);
    return `${key}#${String(resolution.integrity ?? resolution.tarball ?? resolution.commit ?? '')}`;
  };
  const refOf = (value: unknown): string => {
    const entry = record(value);
    return typeof value === 'string' ? value : String(entry.version ?? '');
  };
  const closures = new Map<string, Set<string>>();
  const links = new Map<string, Map<string, string>>();
  for (const [importerPath, importerValue] of Object.entries(importers)) {
    const path = normalizeImporter(importerPath);
    const importer = record(importerValue);
    const starts: string[] = [];
    const linked = new Map<string, string>();
    for (const field of IMPORTER_FIELDS) {
      for (const [name, value] of Object.entries(record(importer[field]))) {
        const ref = refOf(value);
        if (ref.startsWith('link:')) {
          linked.set(name, normalizeImporter(posix.join(path, ref.slice('link:'.length))));
          continue;
        }
        const key = keyFor(name, ref);
        if (key) starts.push(key);
        else starts.push(`unresolved:${name}@${ref}`);
      }
    }
    links.set(path, linked);
    closures.set(
      path,
      closureOf(starts, (id) => {
        if (id.startsWith('unresolved:')) return { identity: id, children: [] };
        const entry = record(snapshots[id]);
        const children: string[] = [];
        for (const field of ['dependencies', 'optionalDependencies'] as const) {
          for (const [name, value] of Object.entries(record(entry[field]))) {
            const ref = refOf(value);
            if (ref.startsWith('link:')) continue;
            children.push(keyFor(name, ref) ?? `unresolved:${name}@${ref}`);
          }
        }
        return { identity: identity(id), children };
      }),
    );
  }
  return { format: `pnpm lockfile v${version}`, closures, links };
}

// ----------------------------------------------------------------------------------------- npm

function npmGraph(text: string): LockfileGraph {
  const doc = record(JSON.parse(text));
  const version = Number(doc.lockfileVersion);
  if (!doc.packages || !(version >= 2))
    throw new LockfileError(
      `package-lock.json has lockfileVersion ${JSON.stringify(doc.lockfileVersion)}; versions 2 and 3 (npm 7 and later) are read`,
    );
  const packages = record(doc.packages);
  const importerKeys = Object.keys(packages).filter((key) => !/(^|\/)node_modules\//.test(key));
  /** Node's resolution: `name` from the directory `from`, walking up through node_modules. */
  const locate = (from: string, name: string): string | undefined => {
    let dir = from;
    for (;;) {
      const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
      if (candidate in packages) return candidate;
      if (dir === '') return undefined;
      const up = posix.dirname(dir);
      dir = up === '.' ? '' : up;
    }
  };
  const linkTarget = (key: string): string | undefined => {
    const entry = record(packages[key]);
    return entry.link ? normalizeImporter(String(entry.resolved ?? '')) : undefined;
  };
  const closures = new Map<string, Set<string>>();
  const links = new Map<string, Map<string, string>>();
  for (const importerKey of importerKeys) {
    const path = normalizeImporter(importerKey);
    const importer = record(packages[importerKey]);
    const starts: string[] = [];
    const linked = new Map<string, string>();
    for (const field of IMPORTER_FIELDS) {
      for (const name of Object.keys(record(importer[field]))) {
        const key = locate(importerKey, name);
        if (key === undefined) continue; // an optional or peer dependency npm did not install
        const target = linkTarget(key);
        if (target !== undefined) linked.set(name, target);
        else starts.push(key);
      }
    }
    links.set(path, linked);
    closures.set(
      path,
      closureOf(starts, (key) => {
        if (linkTarget(key) !== undefined) return undefined;
        const entry = record(packages[key]);
        const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
        const children: string[] = [];
        for (const field of DEP_FIELDS)
          for (const dep of Object.keys(record(entry[field]))) {
            const child = locate(key, dep);
            if (child !== undefined) children.push(child);
          }
        return {
          identity: `${name}@${String(entry.version ?? '')}#${String(entry.integrity ?? entry.resolved ?? '')}`,
          children,
        };
      }),
    );
  }
  return { format: `npm lockfile v${version}`, closures, links };
}

// --------------------------------------------------------------------------------- yarn classic

function yarnClassicGraph(text: string, manifests: ManifestDeps): LockfileGraph {
  const entries = parseYarnClassic(text);
  const ids = new Map<YarnEntry, string>();
  const idOf = (descriptor: string) => {
    const entry = entries.get(descriptor);
    if (!entry) return undefined;
    const known = ids.get(entry);
    if (known !== undefined) return known;
    ids.set(entry, descriptor);
    return descriptor;
  };
  const closures = new Map<string, Set<string>>();
  for (const [path, deps] of manifests) {
    const starts: string[] = [];
    for (const [name, range] of Object.entries(deps)) {
      const id = idOf(`${name}@${range}`);
      if (id) starts.push(id);
    }
    closures.set(
      path,
      closureOf(starts, (id) => {
        const entry = entries.get(id)!;
        const nameEnd = id.lastIndexOf('@');
        const children: string[] = [];
        for (const [dep, range] of Object.entries(entry.dependencies)) {
          const child = idOf(`${dep}@${range}`);
          if (child) children.push(child);
        }
        return {
          identity: `${id.slice(0, nameEnd > 0 ? nameEnd : id.length)}@${entry.version ?? ''}#${entry.integrity ?? entry.resolved ?? ''}`,
          children,
        };
      }),
    );
  }
  return { format: 'yarn classic lockfile v1', closures, links: new Map() };
}

// ---------------------------------------------------------------------------------- yarn berry

function yarnBerryGraph(text: string): LockfileGraph {
  const doc = record(parseYaml(text, { maxAliasCount: -1, uniqueKeys: false }));
  const byDescriptor = new Map<string, Record<string, unknown>>();
  for (const [keys, value] of Object.entries(doc)) {
    if (keys === '__metadata') continue;
    for (const descriptor of keys.split(/,\s*/)) byDescriptor.set(descriptor.trim(), record(value));
  }
  const find = (name: string, range: string) =>
    byDescriptor.get(`${name}@${range}`) ?? byDescriptor.get(`${name}@npm:${range}`);
  const workspacePath = (entry: Record<string, unknown>): string | undefined => {
    const resolution = String(entry.resolution ?? '');
    const at = resolution.indexOf('@workspace:', 1);
    return at > 0 ? normalizeImporter(resolution.slice(at + '@workspace:'.length)) : undefined;
  };
  const closures = new Map<string, Set<string>>();
  const links = new Map<string, Map<string, string>>();
  for (const entry of new Set(byDescriptor.values())) {
    const path = workspacePath(entry);
    if (path === undefined) continue;
    const linked = new Map<string, string>();
    const starts: Record<string, unknown>[] = [];
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'] as const) {
      for (const [name, range] of Object.entries(record(entry[field]))) {
        const target = find(name, String(range));
        if (!target) continue;
        const targetPath = workspacePath(target);
        if (targetPath !== undefined) linked.set(name, targetPath);
        else starts.push(target);
      }
    }
    links.set(path, linked);
    const ids = new Map<Record<string, unknown>, string>();
    const idOf = (e: Record<string, unknown>) => {
      const known = ids.get(e);
      if (known !== undefined) return known;
      const id = String(ids.size);
      ids.set(e, id);
      return id;
    };
    const byId = new Map<string, Record<string, unknown>>();
    const startIds = starts.map((e) => {
      const id = idOf(e);
      byId.set(id, e);
      return id;
    });
    closures.set(
      path,
      closureOf(startIds, (id) => {
        const node = byId.get(id)!;
        if (workspacePath(node) !== undefined) return undefined;
        const children: string[] = [];
        for (const field of ['dependencies', 'optionalDependencies'] as const)
          for (const [name, range] of Object.entries(record(node[field]))) {
            const child = find(name, String(range));
            if (!child) continue;
            const childId = idOf(child);
            byId.set(childId, child);
            children.push(childId);
          }
        return { identity: `${String(node.resolution ?? '')}#${String(node.checksum ?? '')}`, children };
      }),
    );
  }
  if (closures.size === 0) throw new LockfileError('yarn.lock (berry) lists no workspace');
  return { format: `yarn berry lockfile v${String(record(doc.__metadata).version ?? '?')}`, closures, links };
}

/** What changed in a closure, for a reason line: a few `name@version` that appeared or went. */
export function closureChange(before: ReadonlySet<string>, after: ReadonlySet<string>): string | undefined {
  const added = [...after].filter((id) => !before.has(id));
  const removed = [...before].filter((id) => !after.has(id));
  if (added.length === 0 && removed.length === 0) return undefined;
  const label = (id: string) => id.replace(/#.*$/, '').replace(/^\//, '');
  const shown = [...added.map((id) => `+${label(id)}`), ...removed.map((id) => `-${label(id)}`)];
  const more = shown.length > 3 ? ` (+${shown.length - 3} more)` : '';
  return `${shown.slice(0, 3).join(', ')}${more}`;
}
