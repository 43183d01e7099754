import { walkBlockYaml } from './block-yaml.js';
import { PackageCollector } from './collect.js';
import { LockfileError } from './errors.js';
import { unquoteScalar } from './lines.js';
import type { ParsedLockfile } from './types.js';

const DEP_FIELDS = new Set(['dependencies', 'devDependencies', 'optionalDependencies']);

/**
 * pnpm-lock.yaml, lockfileVersion 5.x to 9.0. Every `packages` key is one resolved package:
 * `/name/1.0.0_peer` (v5), `/name@1.0.0(peer)` (v6), `name@1.0.0` (v9); `name:` and `version:`
 * fields, when an entry has them (tarballs, git), win over the key. What an importer (the root
 * or a workspace) lists is direct.
 */
export function readPnpm(file: string, text: string): ParsedLockfile {
  let major: number | undefined;
  let top: string | undefined; // the top-level key we are under
  let importerField: string | undefined; // dependencies / devDependencies / … under an importer
  let depName: string | undefined; // v6+: the dependency whose specifier/version lines follow
  const directRefs: [string, string, number][] = [];
  interface Entry {
    key: string;
    line: number;
    name?: string;
    version?: string;
    resolved: boolean;
  }
  const entries: Entry[] = [];
  let entry: Entry | undefined;
  walkBlockYaml(file, text, (indent, key, value, line) => {
    if (indent === 0) {
      top = key;
      entry = undefined;
      importerField = undefined;
      if (key === 'lockfileVersion') {
        const version = value === undefined ? '' : unquoteScalar(value, file, line);
        major = Number.parseInt(version, 10);
        if (!(major >= 5 && major <= 9))
          throw LockfileError.at(
            file,
            line,
            `lockfileVersion ${JSON.stringify(version)} is not one this reader knows (5.x to 9.0)`,
          );
      }
      return;
    }
    if (top === 'packages') {
      if (indent === 2) {
        if (value !== undefined && value !== '{}')
          throw LockfileError.at(file, line, 'expected a package entry');
        entry = { key, line, resolved: false };
        entries.push(entry);
      } else if (indent === 4 && entry && value !== undefined) {
        if (key === 'resolution') entry.resolved = true;
        else if (key === 'name') entry.name = unquoteScalar(value, file, line);
        else if (key === 'version') entry.version = unquoteScalar(value, file, line);
      }
      return;
    }
    // v5 without importers: the root's dependencies are top-level maps of name: version.
    if (DEP_FIELDS.has(top ?? '') && indent === 2 && value !== undefined) {
      directRefs.push([key, unquoteScalar(value, file, line), line]);
      return;
    }
    if (top !== 'importers') return;
    if (indent === 2) importerField = undefined;
    else if (indent === 4) importerField = DEP_FIELDS.has(key) ? key : undefined;
    else if (indent === 6 && importerField) {
      depName = key;
      if (value !== undefined) directRefs.push([key, unquoteScalar(value, file, line), line]); // v5
    } else if (
      indent === 8 &&
      importerField &&
      key === 'version' &&
      depName !== undefined &&
      value !== undefined
    )
      directRefs.push([depName, unquoteScalar(value, file, line), line]);
  });
  if (major === undefined) throw new LockfileError(`${file}: no lockfileVersion; not a pnpm lockfile`, file);
  const v5 = major < 6;
  const out = new PackageCollector('pnpm', 'npm');
  for (const e of entries) {
    if (!e.resolved)
      throw LockfileError.at(
        file,
        e.line,
        `package ${JSON.stringify(e.key)} has no resolution (a truncated file?)`,
      );
    const fromKey = splitKey(e.key, v5);
    const name = e.name ?? fromKey?.name;
    const version = e.version ?? fromKey?.version;
    if (!name || !version)
      throw LockfileError.at(file, e.line, `cannot read a name and version from ${JSON.stringify(e.key)}`);
    out.add(name, version, false);
  }
  for (const [name, ref] of directRefs) {
    if (ref.startsWith('link:') || ref.startsWith('file:')) continue;
    const bare = stripPeers(ref, v5);
    // An alias (`npm:other@1.0.0`) or a non-registry dependency points at a packages key.
    const keyed = bare.startsWith('/') || bare.indexOf('@', 1) > 0 ? splitKey(bare, v5) : undefined;
    if (keyed) out.markDirect(keyed.name, keyed.version);
    else out.markDirect(name, bare);
  }
  return out.result();
}

function stripPeers(version: string, v5: boolean): string {
  const cut = v5 ? version.indexOf('_') : version.indexOf('(');
  return cut > 0 ? version.slice(0, cut) : version;
}

/** The name and version a packages key names, or undefined for keys that do not (git, tarballs). */
function splitKey(key: string, v5: boolean): { name: string; version: string } | undefined {
  const path = key.startsWith('/') ? key.slice(1) : key;
  if (v5) {
    // `name/version_peers` or `@scope/name/version_peers` (peers may hold `/` and `@`).
    const segments = path.split('/');
    const nameLength = path.startsWith('@') ? 2 : 1;
    const version = segments[nameLength];
    if (segments.length <= nameLength || !version) return undefined;
    return { name: segments.slice(0, nameLength).join('/'), version: stripPeers(version, true) };
  }
  const bare = stripPeers(path, false);
  const at = bare.indexOf('@', 1);
  if (at <= 0 || at === bare.length - 1) return undefined;
  return { name: bare.slice(0, at), version: bare.slice(at + 1) };
}
