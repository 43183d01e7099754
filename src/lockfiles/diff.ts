import type { LockChange, LockDiff, ParsedLockfile } from './types.js';
import { compareVersions, isMajorBump } from './version.js';

type Keyed = { ecosystem: string; name: string };

/** One name's entries in one lockfile: its versions and whether any copy is direct. */
interface Run {
  name: string;
  ecosystem: string;
  versions: string[];
  direct?: boolean;
}

const byEcosystemAndName = (a: Keyed, b: Keyed): number =>
  a.ecosystem !== b.ecosystem
    ? a.ecosystem < b.ecosystem
      ? -1
      : 1
    : a.name < b.name
      ? -1
      : a.name > b.name
        ? 1
        : 0;

/**
 * The packages grouped into runs of one (ecosystem, name). A ParsedLockfile is sorted by name
 * already (one ecosystem per file), so this is one pass; a list built by hand is sorted first.
 */
function runs(parsed: ParsedLockfile | undefined): Run[] {
  let packages = parsed?.packages ?? [];
  for (let i = 1; i < packages.length; i++)
    if (byEcosystemAndName(packages[i - 1]!, packages[i]!) > 0) {
      packages = [...packages].sort(byEcosystemAndName);
      break;
    }
  const out: Run[] = [];
  let run: Run | undefined;
  for (const pkg of packages) {
    if (!run || run.name !== pkg.name || run.ecosystem !== pkg.ecosystem) {
      run = { name: pkg.name, ecosystem: pkg.ecosystem, versions: [] };
      out.push(run);
    }
    if (!run.versions.includes(pkg.version)) run.versions.push(pkg.version);
    if (pkg.direct === true) run.direct = true;
    else if (pkg.direct === false && run.direct === undefined) run.direct = false;
  }
  return out;
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

function sameVersions(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 1) return a[0] === b[0];
  const set = new Set(a);
  return b.every((v) => set.has(v));
}

function compareRuns(was: Run | undefined, is: Run | undefined): LockChange | undefined {
  const { name, ecosystem } = (was ?? is)!;
  const direct = is?.direct ?? was?.direct;
  let change: LockChange;
  if (!was) change = { name, ecosystem, kind: 'added', after: sorted(is!.versions, ecosystem) };
  else if (!is) change = { name, ecosystem, kind: 'removed', before: sorted(was.versions, ecosystem) };
  else {
    if (sameVersions(was.versions, is.versions)) return undefined;
    const old = new Set(was.versions);
    const now = new Set(is.versions);
    const gone = was.versions.filter((v) => !now.has(v));
    const came = is.versions.filter((v) => !old.has(v));
    change = {
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
  }
  if (direct !== undefined) change.direct = direct;
  return change;
}

/**
 * Compares the two lockfiles name by name, each name's versions as a set (npm and yarn trees hold
 * several copies). A name that appears or goes is added or removed. Otherwise the newest version
 * that went is compared with the newest that came: upgraded or downgraded, `major` when the
 * breaking component rose; a copy only added or only dropped beside versions that stay, or
 * versions that cannot be ordered, is "changed". One merge pass over both sorted lists; changes
 * come out sorted by ecosystem and name.
 */
export function diffLockfiles(
  before: ParsedLockfile | undefined,
  after: ParsedLockfile | undefined,
): LockDiff {
  const old = runs(before);
  const now = runs(after);
  const changes: LockChange[] = [];
  let i = 0;
  let j = 0;
  while (i < old.length || j < now.length) {
    const a = old[i];
    const b = now[j];
    const order = !a ? 1 : !b ? -1 : byEcosystemAndName(a, b);
    const change = compareRuns(order <= 0 ? a : undefined, order >= 0 ? b : undefined);
    if (order <= 0) i++;
    if (order >= 0) j++;
    if (change) changes.push(change);
  }
  return { changes };
}
