import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';

/**
 * Who a test is: the file it lives in (when the report says), its classname and its name; without a
 * file, the names of the suites around it (jest-junit writes the test file as the suite name, and
 * nested describe blocks as nested suites), so two tests that only share a classname and a name in
 * different files or suites never become one.
 */
export interface TestIdentity {
  file?: string;
  /** Enclosing suite names, outermost first, joined by `::` (only used when `file` is missing). */
  suite?: string;
  classname: string;
  name: string;
}

/**
 * The id a quarantine entry names: `file::classname::name` with empty parts left out, the shape of a
 * pytest node id; `suite::classname::name` when the report gives no file. Parameterised names are
 * kept whole, so each parameter set is its own test.
 */
export function testId(test: TestIdentity): string {
  return [test.file, test.file === undefined ? test.suite : undefined, test.classname, test.name]
    .filter((part) => part !== undefined && part !== '')
    .join('::');
}

/** Longest identity part kept whole; longer parts keep their head and a digest of the whole. */
export const IDENTITY_PART_LIMIT = 1024;

/**
 * Bounds one part of an identity (a hostile report can put megabytes in a name). Two different long
 * names still get different ids: the digest covers the whole text.
 */
export function boundedPart(text: string): string {
  if (text.length <= IDENTITY_PART_LIMIT) return text;
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
  return `${text.slice(0, IDENTITY_PART_LIMIT - 20)}…#${digest}`;
}

/**
 * The id with the parameters stripped from the name (`test_x[a-1]`, `test(int)[1]`, `add(1, 2)`),
 * so history can aggregate a parameterised family as one test.
 */
export function familyId(test: TestIdentity): string {
  // The name comes last in the id, so stripping the id strips the name.
  return stripParameters(testId(test));
}

export function stripParameters(name: string): string {
  let stripped = name.trim();
  for (;;) {
    const next = stripped.replace(/\s*(\[[^[\]]*\]|\([^()]*\))$/, '');
    if (next === stripped || next === '') return stripped;
    stripped = next;
  }
}

/**
 * Reports written on a runner carry absolute paths that change with the checkout directory; a path
 * inside the workspace becomes relative (with forward slashes) so the id is the same on every machine.
 */
export function normaliseFile(file: string | undefined, workspace: string | undefined): string | undefined {
  if (file === undefined || file.trim() === '') return undefined;
  let path = boundedPart(file.trim());
  if (path.startsWith('file://')) path = decodeURIComponent(path.slice('file://'.length));
  if (workspace && isAbsolute(path)) {
    const rel = relative(workspace, path);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) path = rel;
  }
  // On POSIX `sep` is '/' and this changes nothing; one expression for both keeps it testable here.
  return path.split(sep).join('/');
}
