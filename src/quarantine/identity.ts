import { isAbsolute, relative, sep } from 'node:path';

/** Who a test is: the file it lives in (when the report says), its classname and its name. */
export interface TestIdentity {
  file?: string;
  classname: string;
  name: string;
}

/**
 * The id a quarantine entry names: `file::classname::name` with empty parts left out, the shape of a
 * pytest node id. Parameterised names are kept whole, so each parameter set is its own test.
 */
export function testId(test: TestIdentity): string {
  return [test.file, test.classname, test.name]
    .filter((part) => part !== undefined && part !== '')
    .join('::');
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
  let path = file.trim();
  if (path.startsWith('file://')) path = decodeURIComponent(path.slice('file://'.length));
  if (workspace && isAbsolute(path)) {
    const rel = relative(workspace, path);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) path = rel;
  }
  return sep === '/' ? path : path.split(sep).join('/');
}
