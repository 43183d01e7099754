/**
 * Version order for the diff: semver (npm, cargo), Go's `v`-prefixed versions and pseudo-versions
 * (their timestamp is a numeric pre-release part, so they sort by time), RubyGems' dotted
 * pre-releases (`1.0.0.rc1`) and PEP 440 for PyPI (epochs, a/b/rc, post and dev releases). A version
 * none of these read (a git commit, a URL) is incomparable: the diff calls it "changed".
 */

interface Parsed {
  epoch: number;
  release: number[];
  /** Pre-release identifiers; empty for a release. Compared as semver compares them. */
  pre: (string | number)[];
  /** PEP 440 only: post-release number (-1 none) and dev-release number (Infinity none). */
  post: number;
  dev: number;
}

const PEP440 =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d*))?(?:-(\d+)|[-_.]?(?:post|rev|r)[-_.]?(\d*))?(?:[-_.]?dev[-_.]?(\d*))?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$/i;

function parsePep440(version: string): Parsed | undefined {
  const m = PEP440.exec(version.trim());
  if (!m) return undefined;
  const pre: (string | number)[] = [];
  if (m[3]) {
    const letter = m[3].toLowerCase();
    const phase = letter.startsWith('a') ? 'a' : letter.startsWith('b') ? 'b' : 'rc';
    pre.push(phase, Number(m[4] || 0));
  }
  const post = m[5] !== undefined ? Number(m[5]) : m[6] !== undefined ? Number(m[6] || 0) : -1;
  const dev = m[7] !== undefined ? Number(m[7] || 0) : Number.POSITIVE_INFINITY;
  return { epoch: Number(m[1] ?? 0), release: m[2]!.split('.').map(Number), pre, post, dev };
}

const SEMVERISH = /^v?(\d+(?:\.\d+)*)(?:[-.]?([0-9A-Za-z][0-9A-Za-z.-]*))?(?:\+[0-9A-Za-z.-]*)?$/;

function parseSemverish(version: string): Parsed | undefined {
  const m = SEMVERISH.exec(version.trim());
  if (!m) return undefined;
  const pre = m[2] ? m[2].split(/[.-]/).map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [];
  return { epoch: 0, release: m[1]!.split('.').map(Number), pre, post: -1, dev: Number.POSITIVE_INFINITY };
}

function parse(version: string, ecosystem: string): Parsed | undefined {
  return ecosystem === 'pypi'
    ? (parsePep440(version) ?? parseSemverish(version))
    : (parseSemverish(version) ?? parsePep440(version));
}

function compareIdentifiers(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1; // a shorter set of pre-release fields sorts first (semver 11.4.4)
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : 1;
    if (typeof x === 'number') return -1; // numeric identifiers sort before alphanumeric ones
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function compareParsed(a: Parsed, b: Parsed): number {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  for (let i = 0; i < Math.max(a.release.length, b.release.length); i++) {
    const x = a.release[i] ?? 0;
    const y = b.release[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  // PEP 440: X.devN < X.aN < X < X.postN; dev of a pre- or post-release sorts just before it.
  const aDevOnly = a.pre.length === 0 && a.post === -1 && a.dev !== Number.POSITIVE_INFINITY;
  const bDevOnly = b.pre.length === 0 && b.post === -1 && b.dev !== Number.POSITIVE_INFINITY;
  if (aDevOnly !== bDevOnly) return aDevOnly ? -1 : 1;
  if (a.pre.length === 0 || b.pre.length === 0) {
    if (a.pre.length !== b.pre.length) return a.pre.length === 0 ? 1 : -1; // a release beats its pre-release
  } else {
    const byPre = compareIdentifiers(a.pre, b.pre);
    if (byPre !== 0) return byPre;
  }
  if (a.post !== b.post) return a.post < b.post ? -1 : 1;
  if (a.dev !== b.dev) return a.dev < b.dev ? -1 : 1;
  return 0;
}

/** -1, 0 or 1; undefined when either version is not one this module can order. */
export function compareVersions(a: string, b: string, ecosystem: string): number | undefined {
  if (a === b) return 0;
  const x = parse(a, ecosystem);
  const y = parse(b, ecosystem);
  if (!x || !y) return undefined;
  return compareParsed(x, y);
}

/**
 * The part of a version whose increase breaks compatibility: the major component, or for 0.x the
 * minor (semver's rule for initial development: 0.3 → 0.4 may break). Undefined when unreadable.
 */
export function breakingKey(version: string, ecosystem: string): [number, number] | undefined {
  const parsed = parse(version, ecosystem);
  if (!parsed) return undefined;
  const major = parsed.release[0] ?? 0;
  return major > 0 ? [parsed.epoch, major * 1e6] : [parsed.epoch, parsed.release[1] ?? 0];
}

/** True when `to`'s breaking component is above `from`'s (0.25.2 → 1.0.0, 1.9 → 2.0, 0.3 → 0.4). */
export function isMajorBump(from: string, to: string, ecosystem: string): boolean {
  const a = breakingKey(from, ecosystem);
  const b = breakingKey(to, ecosystem);
  if (!a || !b) return false;
  return b[0] > a[0] || (b[0] === a[0] && b[1] > a[1]);
}
