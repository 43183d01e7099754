import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigurationError } from '../runtime/errors.js';
import type { InputReader, Runtime } from '../runtime/index.js';
import { compileTest, normalizePattern } from './matcher.js';
import { INPUT, LIST_FORMATS, type ListFormat, QUANTIFIERS, type Quantifier } from './constants.js';

export interface ChangesConfig {
  filtersText: string;
  /** Where the filters came from, for error messages: 'filters input' or the file's path. */
  filtersSource: string;
  /** The filters came from a file: errors then name lines only, never the file's content. */
  filtersFromFile: boolean;
  base?: string;
  ref?: string;
  /** Absolute path of the repository checkout. */
  workingDirectory: string;
  listFiles: ListFormat;
  quantifier: Quantifier;
  token?: string;
  initialFetchDepth: number;
  allowTruncated: boolean;
  workspaces: boolean;
  /** global-files: globs whose change affects every workspace package. */
  globalFiles: { pattern: string; test: (path: string) => boolean }[];
}

export function readConfig(inputs: InputReader, runtime: Runtime, workspace: string): ChangesConfig {
  const token = inputs.optional(INPUT.token);
  if (token) runtime.setSecret(token);
  const dir = inputs.optional(INPUT.workingDirectory);
  const workingDirectory = dir ? resolve(workspace, dir) : workspace;
  if (!existsSync(workingDirectory) || !statSync(workingDirectory).isDirectory()) {
    throw ConfigurationError.forInput(
      INPUT.workingDirectory,
      dir ?? workingDirectory,
      'an existing directory (relative to the workspace)',
    );
  }
  const filters = inputs.required(INPUT.filters);
  let filtersText = filters;
  let filtersSource = `'${INPUT.filters}' input`;
  let filtersFromFile = false;
  // dorny/paths-filter's rule: one line without ':' is a path to a YAML file.
  if (!filters.includes('\n') && !filters.includes(':')) {
    filtersText = readFiltersFile(filters, workingDirectory, workspace);
    filtersSource = filters;
    filtersFromFile = true;
  }
  return {
    filtersText,
    filtersSource,
    filtersFromFile,
    base: inputs.optional(INPUT.base),
    ref: inputs.optional(INPUT.ref),
    workingDirectory,
    listFiles: inputs.oneOf(INPUT.listFiles, LIST_FORMATS, 'none'),
    quantifier: inputs.oneOf(INPUT.predicateQuantifier, QUANTIFIERS, 'some'),
    token,
    initialFetchDepth: inputs.integer(INPUT.initialFetchDepth, { min: 1, max: 1_000_000, fallback: 100 }),
    allowTruncated: inputs.boolean(INPUT.allowTruncated, false),
    workspaces: inputs.boolean(INPUT.workspaces, false),
    globalFiles: inputs.lines(INPUT.globalFiles).map((given) => {
      const pattern = normalizePattern(given);
      try {
        return { pattern, test: compileTest(pattern) };
      } catch {
        throw ConfigurationError.forInput(INPUT.globalFiles, given, 'glob patterns, one per line');
      }
    }),
  };
}

/**
 * The filters file, which must be a regular file inside the workspace once every symbolic link is
 * resolved: the input may come from a workflow run on a pull request, and the file's content ends
 * up in outputs and errors. Absolute paths and `..` are refused before the disk is touched.
 */
function readFiltersFile(given: string, workingDirectory: string, workspace: string): string {
  const expected = 'the path of a YAML file inside the workspace, relative to working-directory';
  const refuse = (why: string): never => {
    throw ConfigurationError.forInput(INPUT.filters, given, `${expected} (${why})`);
  };
  if (isAbsolute(given) || /^[A-Za-z]:/.test(given)) refuse('an absolute path');
  if (given.split(/[\\/]/).includes('..')) refuse("'..' is not allowed");
  const file = resolve(workingDirectory, given);
  if (!existsSync(file) || !statSync(file).isFile()) refuse('no such file');
  const root = realpathSync(workspace);
  const real = realpathSync(file);
  const rel = relative(root, real);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
    refuse('it resolves outside the workspace through a symbolic link');
  return readFileSync(real, 'utf8');
}
