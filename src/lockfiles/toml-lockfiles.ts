import { PackageCollector } from './collect.js';
import { LockfileError } from './errors.js';
import { lineAt } from './lines.js';
import { readTomlSections, type TomlSection, type TomlTable, type TomlValue } from './toml.js';
import type { ParsedLockfile } from './types.js';

interface TomlPackage {
  /** The `[[package]]` section and the `[package.*]` sub-tables after it. */
  main: TomlSection;
  sub: Map<string, TomlTable>;
}

/** `[[package]]` sections, each with its `[package.<x>]` sub-tables. */
function packagesOf(
  file: string,
  text: string,
): { top: TomlTable; sections: TomlSection[]; packages: TomlPackage[] } {
  const sections = readTomlSections(file, text);
  const packages: TomlPackage[] = [];
  for (const section of sections) {
    if (section.header === 'package' && section.array) packages.push({ main: section, sub: new Map() });
    else if (section.header.startsWith('package.')) {
      const owner = packages.at(-1);
      if (!owner)
        throw LockfileError.at(
          file,
          lineAt(text, section.offset),
          `[${section.header}] before any [[package]]`,
        );
      owner.sub.set(section.header.slice('package.'.length), section.values);
    }
  }
  return { top: sections[0]!.values, sections, packages };
}

function text(
  file: string,
  source: string,
  pkg: TomlPackage,
  key: string,
  required: boolean,
): string | undefined {
  const value = pkg.main.values.get(key);
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value === '')
    throw LockfileError.at(
      file,
      lineAt(source, pkg.main.offset),
      `[[package]] ${value === undefined ? `has no ${key}` : `${key} is not a string`}`,
    );
  return value;
}

/** PEP 503 name normalisation: `Foo_Bar.baz` and `foo-bar-baz` are one PyPI project. */
export function normalizePypiName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/**
 * Cargo.lock (v1 to v4): every `[[package]]` with a `source` is a crate from a registry or git;
 * those without are the workspace's own crates, left out, and what they depend on is direct.
 * A dependency is written `name`, `name version` or `name version (source)`.
 */
export function readCargo(file: string, source: string): ParsedLockfile {
  const { packages } = packagesOf(file, source);
  const out = new PackageCollector('cargo', 'cargo');
  const local: TomlPackage[] = [];
  for (const pkg of packages) {
    const name = text(file, source, pkg, 'name', true)!;
    const version = text(file, source, pkg, 'version', true)!;
    if (pkg.main.values.get('source') === undefined) local.push(pkg);
    else out.add(name, version, false);
  }
  for (const pkg of local) {
    const deps = pkg.main.values.get('dependencies') ?? [];
    if (!Array.isArray(deps))
      throw LockfileError.at(
        file,
        lineAt(source, pkg.main.offset),
        '[[package]] dependencies is not an array',
      );
    for (const dep of deps) {
      if (typeof dep !== 'string')
        throw LockfileError.at(
          file,
          lineAt(source, pkg.main.offset),
          '[[package]] dependency is not a string',
        );
      const [name, version] = dep.split(' ');
      out.markDirect(name!, version);
    }
  }
  return out.result();
}

/**
 * poetry.lock: every `[[package]]` name and version (names normalised as PyPI does). Poetry's
 * lockfile does not list the project's own requirements (pyproject.toml does): direct is unsaid.
 */
export function readPoetry(file: string, source: string): ParsedLockfile {
  const { packages } = packagesOf(file, source);
  const out = new PackageCollector('poetry', 'pypi');
  for (const pkg of packages) {
    const sourceTable = pkg.sub.get('source');
    // A path dependency is the user's own code, not a locked package.
    if (sourceTable?.get('type') === 'directory') continue;
    out.add(
      normalizePypiName(text(file, source, pkg, 'name', true)!),
      text(file, source, pkg, 'version', true)!,
    );
  }
  return out.result();
}

const LOCAL_UV_SOURCES = ['editable', 'virtual', 'directory'];

/**
 * uv.lock: every `[[package]]` from a registry, git or URL. Workspace members and local folders
 * (`source = { editable | virtual | directory = … }`) are the project itself and left out; their
 * dependencies, optional dependencies and dev groups are direct.
 */
export function readUv(file: string, source: string): ParsedLockfile {
  const { packages } = packagesOf(file, source);
  const out = new PackageCollector('uv', 'pypi');
  const local: TomlPackage[] = [];
  for (const pkg of packages) {
    const name = normalizePypiName(text(file, source, pkg, 'name', true)!);
    const from = pkg.main.values.get('source');
    if (from instanceof Map && LOCAL_UV_SOURCES.some((kind) => from.has(kind))) {
      local.push(pkg);
      continue;
    }
    out.add(name, text(file, source, pkg, 'version', true)!, false);
  }
  const markAll = (deps: TomlValue | undefined) => {
    if (!Array.isArray(deps)) return;
    for (const dep of deps) {
      if (!(dep instanceof Map)) continue;
      const name = dep.get('name');
      const version = dep.get('version');
      if (typeof name === 'string')
        out.markDirect(normalizePypiName(name), typeof version === 'string' ? version : undefined);
    }
  };
  for (const pkg of local) {
    markAll(pkg.main.values.get('dependencies'));
    for (const group of ['optional-dependencies', 'dev-dependencies'])
      for (const deps of pkg.sub.get(group)?.values() ?? []) markAll(deps);
  }
  return out.result();
}
