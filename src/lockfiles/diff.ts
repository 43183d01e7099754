import type { LockChange, LockDiff, LockedPackage, ParsedLockfile } from './types.js';
import { compareVersions, isMajorBump } from './version.js';

interface Side {
  versions: Set<string>;
  direct?: boolean;
}

function group(parsed: ParsedLockfile | undefined): Map<string, Side & { name: string; ecosystem: string }> {
  const byKey = new Map<string, Side & { name: string; ecosystem: string }>();
  for (const pkg of parsed?.packages ?? []) {
    const key = `${pkg.ecosystem}\u0000${pkg.name}`;
    let side = byKey.get(key);
    if (!side) {
      side = { name: pkg.name, ecosystem: pkg.ecosystem, versions: new Set() };
      byKey.set(key, side);
    }
    side.versions.add(pkg.version);
    mergeDirect(side, pkg);
  }
  return byKey;
}

function mergeDirect(side: Side, pkg: LockedPackage): void {
  if (pkg.direct === true) side.direct = true;
  else if (pkg.direct === false && side.direct === undefined) side.direct = false;
}

/** Versions in order, oldest first; ones that cannot be ordered keep their text order. */
function sorted(versions: Iterable<string>, ecosystem: string): string[] {
  return [...versions].sort((a, b) => compareVersions(a, b, ecosystem) ?? (a < b ? -1 : a > b ? 1 : 0));
}

/** The newest of a non-empty list, or undefined when two of them cannot be ordered. */
function newest(versions: readonly string[], ecosystem: string): string | undefined {
  let best = versions[0];
  for (const version of versions.slice(1)) {
    const order = compareVersions(best!, version, ecosystem);
    if (order === undefined) return undefined;
    if (order < 0) best = version;
  }
  return best;
}

/**
 * Compares the two lockfiles name by name, each name's versions as a set (npm and yarn trees hold
 * several copies). A name that appears or goes is added or removed. Otherwise the newest version
 * that went is compared with the newest that came: upgraded or downgraded, `major` when the
 * breaking component rose; a copy only added or only dropped beside versions that stay, or
 * versions that cannot be ordered, is "changed". Sorted by ecosystem and name.
 */
export function diffLockfiles(
  before: ParsedLockfile | undefined,
  after: ParsedLockfile | undefined,
): LockDiff {
  const old = group(before);
  const now = group(after);
  const changes: LockChange[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const was = old.get(key);
    const is = now.get(key);
    const { name, ecosystem } = (was ?? is)!;
    const direct = is?.direct ?? was?.direct;
    const withDirect = (change: LockChange): LockChange => {
      if (direct !== undefined) change.direct = direct;
      return change;
    };
    if (!was) {
      changes.push(withDirect({ name, ecosystem, kind: 'added', after: sorted(is!.versions, ecosystem) }));
      continue;
    }
    if (!is) {
      changes.push(withDirect({ name, ecosystem, kind: 'removed', before: sorted(was.versions, ecosystem) }));
      continue;
    }
    const gone = [...was.versions].filter((v) => !is.versions.has(v));
    const came = [...is.versions].filter((v) => !was.versions.has(v));
    if (gone.length === 0 && came.length === 0) continue;
    const change: LockChange = {
      name,
      ecosystem,
      kind: 'changed',
      before: sorted(was.versions, ecosystem),
      after: sorted(is.versions, ecosystem),
    };
    if (gone.length > 0 && came.length > 0) {
      const from = newest(gone, ecosystem);
      const to = newest(came, ecosystem);
      const order = from !== undefined && to !== undefined ? compareVersions(from, to, ecosystem) : undefined;
      if (order !== undefined && order < 0) {
        change.kind = 'upgraded';
        change.major = isMajorBump(from!, to!, ecosystem);
      } else if (order !== undefined && order > 0) change.kind = 'downgraded';
    }
    changes.push(withDirect(change));
  }
  changes.sort((a, b) =>
    a.ecosystem !== b.ecosystem
      ? a.ecosystem < b.ecosystem
        ? -1
        : 1
      : a.name < b.name
        ? -1
        : a.name > b.name
          ? 1
          : 0,
  );
  return { changes };
}
