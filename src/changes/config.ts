import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigurationError } from '../runtime/errors.js';
import type { InputReader, Runtime } from '../runtime/index.js';
import { INPUT, LIST_FORMATS, type ListFormat, QUANTIFIERS, type Quantifier } from './constants.js';

export interface ChangesConfig {
  filtersText: string;
  /** Where the filters came from, for error messages: 'filters input' or the file's path. */
  filtersSource: string;
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
  // dorny/paths-filter's rule: one line without ':' is a path to a YAML file.
  if (!filters.includes('\n') && !filters.includes(':')) {
    const file = isAbsolute(filters) ? filters : join(workingDirectory, filters);
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw ConfigurationError.forInput(
        INPUT.filters,
        filters,
        'inline YAML, or the path of a YAML file in the repository (no such file)',
      );
    }
    filtersText = readFileSync(file, 'utf8');
    filtersSource = filters;
  }
  return {
    filtersText,
    filtersSource,
    base: inputs.optional(INPUT.base),
    ref: inputs.optional(INPUT.ref),
    workingDirectory,
    listFiles: inputs.oneOf(INPUT.listFiles, LIST_FORMATS, 'none'),
    quantifier: inputs.oneOf(INPUT.predicateQuantifier, QUANTIFIERS, 'some'),
    token,
    initialFetchDepth: inputs.integer(INPUT.initialFetchDepth, { min: 1, max: 1_000_000, fallback: 100 }),
    allowTruncated: inputs.boolean(INPUT.allowTruncated, false),
    workspaces: inputs.boolean(INPUT.workspaces, false),
  };
}
