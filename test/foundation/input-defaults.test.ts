/**
 * Input defaults live in action.yml. Each `fallback` a config.ts passes to the input reader (for an
 * input left empty: the CLI, or a runner that passes ''), is the action.yml default read the same
 * way; an input with a fallback but no documented default fails too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inputReader } from '../../src/runtime/inputs.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { SUITE_ROOT } from '../harness/index.js';

interface Fallback {
  line: number;
  method: 'boolean' | 'oneOf' | 'integer' | 'duration' | 'size';
  input: string;
  fallback: unknown;
}

/** A computed default (an expression of other inputs, e.g. vault-action's surface): see below. */
const COMPUTED = Symbol('computed');

/** A literal, a constant exported by the action's constants module, or COMPUTED. */
function literalOf(expr: string, constants: Record<string, unknown>): unknown {
  const text = expr.trim();
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?[\d_]+(\.\d+)?$/.test(text)) return Number(text.replaceAll('_', ''));
  const quoted = /^'([^']*)'$/.exec(text);
  if (quoted) return quoted[1];
  if (text in constants) return constants[text];
  if (/^[\w.]+( *(&&|\|\||===|!==) *[\w.]+)+$/.test(text)) return COMPUTED;
  throw new Error(`cannot read fallback ${text}`);
}

async function fallbacksOf(action: string): Promise<Fallback[]> {
  const file = join(SUITE_ROOT, 'src', action, 'config.ts');
  const constants = (await import(join(SUITE_ROOT, 'src', action, 'constants.ts'))) as Record<
    string,
    unknown
  >;
  const names = { ...(constants.INPUT as object), ...(constants.INPUTS as object) } as Record<string, string>;
  const found: Fallback[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      for (const m of text.matchAll(
        /inputs\.(boolean|oneOf|integer|duration|size)\(INPUTS?\.(\w+)([^)]*)\)/g,
      )) {
        const [, method, key, rest] = m as unknown as [string, Fallback['method'], string, string];
        const input = names[key];
        if (!input) throw new Error(`${file}:${i + 1}: no input constant ${key}`);
        let expr: string | undefined;
        if (method === 'integer') expr = /fallback:\s*([^,}]+)/.exec(rest)?.[1];
        else if (method === 'oneOf') expr = rest.split(',')[2];
        else expr = rest.split(',')[1];
        if (expr?.trim()) found.push({ line: i + 1, method, input, fallback: literalOf(expr, constants) });
      }
    });
  return found;
}

/** The action.yml default read by the same reader method the config uses. */
function readDefault(method: Fallback['method'], input: string, value: string): unknown {
  const reader = inputReader({ getInput: () => value } as unknown as Runtime);
  if (method === 'oneOf') return value;
  if (method === 'integer') return reader.integer(input);
  return reader[method](input);
}

const actions = [
  'changes',
  'layer-cache',
  'promote',
  'quarantine',
  'vault-secrets',
  'sbom',
  'pipeline-metrics',
].filter((a) => existsSync(join(SUITE_ROOT, 'src', a, 'config.ts')));

describe('input defaults in one place: action.yml', () => {
  it.each(actions)('src/%s/config.ts: every fallback is the action.yml default', async (action) => {
    const yml = parse(readFileSync(join(SUITE_ROOT, 'actions', action, 'action.yml'), 'utf8'));
    const fallbacks = await fallbacksOf(action);
    const wrong = fallbacks.flatMap(({ line, method, input, fallback }) => {
      const spec = yml.inputs?.[input];
      // A default that depends on other inputs cannot be an action.yml default (the runner would
      // fill it in, and a value the user wrote could not be told apart): its description says it.
      const described = /Default: ([^.;]+)/.exec(String(spec?.description ?? ''))?.[1]?.trim();
      if (spec?.default === undefined && described !== undefined)
        return fallback === COMPUTED || described.split(/[;,]/)[0]!.trim() === String(fallback)
          ? []
          : [
              `config.ts:${line} ${input}: fallback ${JSON.stringify(fallback)}, description says Default: ${described}`,
            ];
      if (fallback === COMPUTED)
        return [
          `config.ts:${line} ${input}: a computed fallback needs "Default: …" in its action.yml description`,
        ];
      if (spec?.default === undefined)
        return [
          `config.ts:${line} ${input}: fallback ${JSON.stringify(fallback)} but action.yml has no default`,
        ];
      const documented = readDefault(method, input, String(spec.default));
      return documented === fallback
        ? []
        : [
            `config.ts:${line} ${input}: fallback ${JSON.stringify(fallback)}, action.yml default ${JSON.stringify(spec.default)}`,
          ];
    });
    expect(wrong).toEqual([]);
  });

  it('finds the fallbacks it checks (a reader that found none would pass blind)', async () => {
    expect((await fallbacksOf('promote')).map((f) => f.input)).toEqual(
      expect.arrayContaining(['copy-referrers', 'immutable', 'concurrency', 'dry-run']),
    );
    expect((await fallbacksOf('quarantine')).map((f) => f.input)).toEqual(
      expect.arrayContaining(['window', 'max-report-size']),
    );
  });
});
