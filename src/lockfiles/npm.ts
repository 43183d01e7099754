import { PackageCollector } from './collect.js';
import { LockfileError } from './errors.js';
import { lineAt, oneLine } from './lines.js';
import type { ParsedLockfile } from './types.js';

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

const IMPORTER_FIELDS = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
] as const;
const MARKER = 'node_modules/';

/** JSON.parse with the file and line of a syntax error (V8 reports a character position). */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? lineAt(text, Number(position[1])) : undefined;
    throw new LockfileError(
      `${file}${line ? ` line ${line}` : ''}: not valid JSON (${oneLine(message)})`,
      file,
      line,
    );
  }
}

/**
 * package-lock.json / npm-shrinkwrap.json. v2 and v3 list every installed copy under `packages`,
 * keyed by its node_modules path: the name is the path after the last `node_modules/` (an alias
 * keeps the name the project imports), workspace folders and links are the project's own code.
 * A copy is direct when Node's resolution from an importer (the root or a workspace) that declares
 * the name lands on it. v1 has only the nested `dependencies` tree and does not say what is direct.
 */
export function readNpm(file: string, text: string): ParsedLockfile {
  const doc = object(parseJson(file, text));
  if (!doc) throw new LockfileError(`${file}: expected a JSON object at the top`, file);
  const version = doc.lockfileVersion;
  const out = new PackageCollector('npm', 'npm');
  const packages = object(doc.packages);
  if (packages && (version === 2 || version === 3)) {
    const directKeys = new Set<string>();
    for (const key of Object.keys(packages)) {
      if (key.includes(MARKER) || key.startsWith(MARKER.slice(0, -1))) continue;
      const importer = object(packages[key]);
      if (!importer) continue;
      for (const field of IMPORTER_FIELDS)
        for (const name of Object.keys(object(importer[field]) ?? {})) {
          const found = locate(packages, key, name);
          if (found !== undefined) directKeys.add(found);
        }
    }
    for (const [key, value] of Object.entries(packages)) {
      const at = key.lastIndexOf(MARKER);
      if (at === -1 || (at > 0 && key[at - 1] !== '/')) continue; // the root or a workspace folder
      const entry = object(value);
      if (!entry) throw new LockfileError(`${file}: packages[${JSON.stringify(key)}] is not an object`, file);
      if (entry.link === true) continue; // a symlink to a workspace folder
      const name = key.slice(at + MARKER.length);
      if (typeof entry.version !== 'string' || entry.version === '')
        throw new LockfileError(`${file}: packages[${JSON.stringify(key)}] has no version`, file);
      out.add(name, entry.version, directKeys.has(key));
    }
    return out.result();
  }
  const tree = object(doc.dependencies);
  if (version === 1 || (version === undefined && tree)) {
    readV1Tree(file, tree ?? {}, out, 'dependencies');
    return out.result();
  }
  throw new LockfileError(
    `${file}: lockfileVersion ${JSON.stringify(version)} is not one npm writes (1, 2 or 3); regenerate it with npm install`,
    file,
  );
}

/** Node's resolution of `name` from the folder `from`, walking up through node_modules. */
function locate(packages: Json, from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = dir === '' ? `${MARKER}${name}` : `${dir}/${MARKER}${name}`;
    if (Object.hasOwn(packages, candidate)) return candidate;
    if (dir === '') return undefined;
    const cut = dir.lastIndexOf('/');
    dir = cut === -1 ? '' : dir.slice(0, cut);
    // Step over a `node_modules` segment (and a scope folder) the way Node does.
    if (dir.endsWith('/node_modules') || dir === 'node_modules') {
      const cut2 = dir.lastIndexOf('/');
      dir = cut2 === -1 ? '' : dir.slice(0, cut2);
    }
  }
}

function readV1Tree(file: string, tree: Json, out: PackageCollector, where: string): void {
  // An explicit stack, so a hostile, deeply nested file cannot overflow the call stack.
  const stack: [Json, string][] = [[tree, where]];
  while (stack.length > 0) {
    const [deps, path] = stack.pop()!;
    for (const [name, value] of Object.entries(deps)) {
      const entry = object(value);
      const here = `${path}[${JSON.stringify(name)}]`;
      if (!entry || typeof entry.version !== 'string')
        throw new LockfileError(`${file}: ${here} has no version`, file);
      // `file:` versions are the project's own folders, not registry packages.
      if (!entry.version.startsWith('file:')) out.add(name, entry.version);
      const nested = object(entry.dependencies);
      if (nested) stack.push([nested, `${here}.dependencies`]);
    }
  }
}
