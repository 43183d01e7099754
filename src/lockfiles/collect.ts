import type { Ecosystem, LockedPackage, LockfileKind, ParsedLockfile } from './types.js';
import { compareVersions } from './version.js';

/**
 * Gathers name@version pairs as a reader finds them and hands back the sorted, deduplicated list.
 * Keys live in a Map, never on an object, so a package called `__proto__` is only a string.
 * A package met several times is direct when any sighting says so.
 */
export class PackageCollector {
  private readonly seen = new Map<string, LockedPackage>();
  /** name → its entries, built on the first markDirect by name alone (most readers never need it). */
  private byName: Map<string, LockedPackage[]> | undefined;
  constructor(
    readonly kind: LockfileKind,
    readonly ecosystem: Ecosystem,
  ) {}

  add(name: string, version: string, direct?: boolean): void {
    const key = `${name}\u0000${version}`;
    const known = this.seen.get(key);
    if (known) {
      if (direct === true) known.direct = true;
      else if (direct === false && known.direct === undefined) known.direct = false;
      return;
    }
    const entry: LockedPackage = { name, version, ecosystem: this.ecosystem };
    if (direct !== undefined) entry.direct = direct;
    this.seen.set(key, entry);
    if (this.byName) index(this.byName, entry);
  }

  /** Marks every collected version of `name` (or only `version`) as a direct dependency. */
  markDirect(name: string, version?: string): void {
    if (version !== undefined) {
      const known = this.seen.get(`${name}\u0000${version}`);
      if (known) known.direct = true;
      return;
    }
    if (!this.byName) {
      this.byName = new Map();
      for (const entry of this.seen.values()) index(this.byName, entry);
    }
    for (const entry of this.byName.get(name) ?? []) entry.direct = true;
  }

  result(): ParsedLockfile {
    const packages = [...this.seen.values()].sort(comparePackages);
    return { kind: this.kind, packages };
  }
}

function index(byName: Map<string, LockedPackage[]>, entry: LockedPackage): void {
  const same = byName.get(entry.name);
  if (same) same.push(entry);
  else byName.set(entry.name, [entry]);
}

export function comparePackages(a: LockedPackage, b: LockedPackage): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  const order = compareVersions(a.version, b.version, a.ecosystem);
  if (order !== undefined && order !== 0) return order;
  return a.version < b.version ? -1 : a.version > b.version ? 1 : 0;
}
