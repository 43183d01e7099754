import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface InputMetadata {
  description: string;
  required: boolean;
  default?: string;
}

export interface ActionMetadata {
  name: string;
  description: string;
  inputs: Record<string, InputMetadata>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main?: string; pre?: string; post?: string; 'post-if'?: string; 'pre-if'?: string };
}

export function parseActionMetadata(text: string, source: string): ActionMetadata {
  const doc = parse(text) as Partial<ActionMetadata> | null;
  if (!doc || typeof doc !== 'object' || !doc.runs)
    throw new Error(`${source} is not an action.yml (no runs:)`);
  const inputs: Record<string, InputMetadata> = {};
  for (const [name, raw] of Object.entries(doc.inputs ?? {})) {
    const spec = (raw ?? {}) as Partial<InputMetadata> & { default?: unknown };
    inputs[name] = {
      description: String(spec.description ?? ''),
      required: spec.required === true || String(spec.required) === 'true',
      default: spec.default === undefined || spec.default === null ? undefined : String(spec.default),
    };
  }
  return {
    name: String(doc.name ?? ''),
    description: String(doc.description ?? ''),
    inputs,
    outputs: (doc.outputs ?? {}) as ActionMetadata['outputs'],
    runs: doc.runs,
  };
}

/**
 * The repository root: the nearest ancestor of this module (src/runtime or dist/<bundle>) that holds
 * actions/. The CLI reads each action's action.yml from there, so defaults have one source.
 */
export function findSuiteRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'actions')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`Cannot find the Gantry suite root (a directory with actions/) above ${from}`);
    dir = parent;
  }
}

export function loadActionMetadata(action: string, root = findSuiteRoot()): ActionMetadata {
  const file = join(root, 'actions', action, 'action.yml');
  return parseActionMetadata(readFileSync(file, 'utf8'), file);
}

/** The environment variable the runner uses for an input: upper-cased, spaces to '_', hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
