import { walkBlockYaml } from './block-yaml.js';
import { PackageCollector } from './collect.js';
import { LockfileError } from './errors.js';
import { unquoteScalar } from './lines.js';
import type { ParsedLockfile } from './types.js';
import { descriptorName, parseYarnClassic } from './yarn-classic.js';

/** yarn.lock written by Yarn 2+ (berry) starts with a `__metadata:` map; v1 with its header comment. */
export function isYarnBerry(text: string): boolean {
  return /^__metadata:/m.test(text);
}

/**
 * yarn v1: every entry's names (from its descriptors; an alias keeps its own) and version. The lockfile does not list
 * the project's own dependencies (package.json does), so `direct` is left unsaid.
 */
export function readYarnClassic(file: string, text: string): ParsedLockfile {
  const out = new PackageCollector('yarn-classic', 'npm');
  for (const [descriptor, entry] of parseYarnClassic(text, file)) {
    if (entry.version === undefined) throw LockfileError.at(file, entry.line, 'entry has no version');
    // `file:` and `link:` descriptors are folders of the project itself.
    const name = descriptorName(descriptor);
    const range = descriptor.slice(name.length + 1);
    if (range.startsWith('file:') || range.startsWith('link:')) continue;
    out.add(name, entry.version); // under each name it is imported by (aliases included)
  }
  return out.result();
}

interface BerryEntry {
  line: number;
  descriptors: string[];
  version?: string;
  resolution?: string;
  /** dependencies, optionalDependencies and peerDependencies: name → range. */
  deps: [string, string][];
}

const BERRY_DEP_FIELDS = new Set(['dependencies', 'optionalDependencies', 'peerDependencies']);
const LOCAL_PROTOCOLS = ['@workspace:', '@link:', '@portal:'];

/**
 * Yarn berry: each entry's names (from its descriptors) and `version`. Workspaces, links and
 * portals are the project's own folders and are left out; what a workspace depends on is direct.
 */
export function readYarnBerry(file: string, text: string): ParsedLockfile {
  const entries: BerryEntry[] = [];
  let entry: BerryEntry | undefined;
  let section: string | undefined;
  let sawMetadata = false;
  walkBlockYaml(file, text, (indent, key, value, line) => {
    if (indent === 0) {
      section = undefined;
      if (key === '__metadata') {
        sawMetadata = true;
        entry = undefined;
        return;
      }
      if (value !== undefined)
        throw LockfileError.at(file, line, `expected an entry, got a value for ${key}`);
      entry = { line, descriptors: key.split(/,\s*/), deps: [] };
      entries.push(entry);
      return;
    }
    if (!entry) return; // inside __metadata
    if (indent === 2) {
      section = value === undefined && BERRY_DEP_FIELDS.has(key) ? key : undefined;
      if (key === 'version' && value !== undefined) entry.version = unquoteScalar(value, file, line);
      else if (key === 'resolution' && value !== undefined)
        entry.resolution = unquoteScalar(value, file, line);
      return;
    }
    if (indent === 4 && section !== undefined && value !== undefined)
      entry.deps.push([key, unquoteScalar(value, file, line)]);
  });
  if (!sawMetadata) throw new LockfileError(`${file}: no __metadata map; not a Yarn 2+ lockfile`, file);
  const byDescriptor = new Map<string, BerryEntry>();
  for (const e of entries) for (const d of e.descriptors) byDescriptor.set(d, e);
  const out = new PackageCollector('yarn-berry', 'npm');
  const isLocal = (e: BerryEntry) => LOCAL_PROTOCOLS.some((p) => e.resolution!.includes(p, 1));
  for (const e of entries) {
    if (e.resolution === undefined) throw LockfileError.at(file, e.line, 'entry has no resolution');
    if (e.version === undefined) throw LockfileError.at(file, e.line, 'entry has no version');
    if (isLocal(e)) continue;
    // Under each name the project imports it by (an alias `react-is-18@npm:react-is@18` is
    // react-is-18, as npm's node_modules/react-is-18 is), like the npm and yarn v1 readers.
    for (const name of new Set(e.descriptors.map(descriptorName))) out.add(name, e.version, false);
  }
  for (const e of entries) {
    if (!isLocal(e)) continue;
    for (const [name, range] of e.deps) {
      const target = byDescriptor.get(`${name}@${range}`) ?? byDescriptor.get(`${name}@npm:${range}`);
      if (target && !isLocal(target)) out.markDirect(name, target.version);
    }
  }
  return out.result();
}
