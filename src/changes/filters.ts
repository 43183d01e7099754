import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  YAMLParseError,
} from 'yaml';
import { ConfigurationError } from '../runtime/errors.js';
import { oneLine } from '../runtime/text.js';
import { CHANGE_TYPES, type ChangeType, COUNT_SUFFIX, FILES_SUFFIX, OUTPUT } from './constants.js';
import { compilePattern, normalizePattern } from './matcher.js';
import { outputKey, outputName } from './outputs.js';
import { isGlob } from '../glob/index.js';

/** One pattern of a filter: `!` excludes; `types` limits it to those change types (all when absent). */
export interface Rule {
  pattern: string;
  negated: boolean;
  types?: ReadonlySet<ChangeType>;
  line: number;
}

export interface FilterDef {
  name: string;
  rules: Rule[];
  line: number;
}

export interface ParsedFilters {
  filters: FilterDef[];
  /** Patterns that can never match a file (a bare `dir/`), worth a warning. */
  warnings: string[];
}

/**
 * The `filters` YAML, as dorny/paths-filter reads it: a map of filter name to a pattern, a list of
 * patterns (nested lists from aliases are flattened), or `type|type: patterns` rules. Every mistake
 * is a ConfigurationError naming the filter and the line.
 */
export function parseFilters(
  text: string,
  source: string,
  options: { quoteContent?: boolean } = {},
): ParsedFilters {
  // A filters file is read from disk: its errors name lines, never its keys or values.
  const quote = options.quoteContent ?? true;
  const shown = (value: string) => (quote ? ` ${JSON.stringify(value)}` : '');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const lineOf = (node: Node | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const where = (line: number) => `${source}, line ${line}`;
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const line = error instanceof YAMLParseError && error.linePos ? error.linePos[0].line : 1;
    const detail = quote ? error.message.split('\n')[0] : `YAML error ${error.code}`;
    throw new ConfigurationError(`Invalid YAML in filters (${where(line)}): ${detail}`);
  }
  if (!isMap(doc.contents)) {
    throw new ConfigurationError(
      `Filters (${source}) must be a YAML map of filter name to patterns, e.g. "backend: ['api/**']"; got ${doc.contents === null ? 'nothing' : 'another kind of value'}.`,
    );
  }
  const filters: FilterDef[] = [];
  const warnings: string[] = [];
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as Node | null;
    const line = lineOf(keyNode);
    const name = isScalar(keyNode) && keyNode.value !== null ? String(keyNode.value) : '';
    const fail = (problem: string, at = line): never => {
      const which = quote ? `Filter ${shownName(name)}` : 'A filter';
      throw new ConfigurationError(`${which} (${where(at)}): ${problem}`);
    };
    if (name === '') fail('a filter name must be a non-empty string (it becomes an output name).');
    if (filters.some((f) => f.name === name)) fail('defined twice.');
    const rules: Rule[] = [];
    const addPattern = (node: Node, types: ReadonlySet<ChangeType> | undefined) => {
      const at = lineOf(node);
      if (!isScalar(node) || typeof node.value !== 'string') {
        fail(`expected a glob pattern (a string), got ${describe(node, quote)}.`, at);
      }
      const raw = String((node as { value: unknown }).value);
      const negated = raw.startsWith('!');
      const pattern = normalizePattern(negated ? raw.slice(1) : raw);
      if (pattern === '') fail(`empty pattern${shown(raw)}.`, at);
      try {
        compilePattern(pattern);
      } catch (error) {
        fail(`cannot parse the glob${shown(raw)}${quote ? `: ${(error as Error).message}` : ''}.`, at);
      }
      if (pattern.endsWith('/')) {
        warnings.push(
          `Filter ${shownName(name)} (${where(at)}): the pattern ${JSON.stringify(raw)} names a directory and matches no file; write '${pattern}**'.`,
        );
      }
      rules.push({ pattern, negated, types, line: at });
    };
    const addItems = (node: Node | null | undefined, types: ReadonlySet<ChangeType> | undefined): void => {
      const resolved = resolveAlias(doc, node);
      if (resolved === undefined || resolved === null || (isScalar(resolved) && resolved.value === null)) {
        fail(
          types
            ? 'a change-type rule has no patterns.'
            : 'has no patterns (a null value); give a pattern or a list of patterns.',
          lineOf(node ?? keyNode),
        );
      }
      const value = resolved as Node;
      if (isSeq(value)) {
        for (const item of value.items) addItems(item as Node, types);
      } else if (isMap(value) && types === undefined) {
        for (const rule of value.items) {
          const typeNode = rule.key as Node;
          const spec = isScalar(typeNode) ? String(typeNode.value) : '';
          const names = spec.split('|').map((t) => t.trim());
          const unknown = names.filter((t) => !(CHANGE_TYPES as readonly string[]).includes(t));
          if (unknown.length > 0) {
            fail(
              `unknown change type${quote ? ` ${JSON.stringify(unknown[0])} in '${spec}'` : ''}; expected ${CHANGE_TYPES.join(', ')}, joined with '|'.`,
              lineOf(typeNode),
            );
          }
          addItems(rule.value as Node, new Set(names as ChangeType[]));
        }
      } else {
        addPattern(value, types);
      }
    };
    addItems(pair.value as Node | null, undefined);
    filters.push({ name, rules, line });
  }
  checkOutputNames(filters, { quote, where });
  return { filters, warnings };
}

/**
 * No two outputs may be one: the runner's outputs are case-insensitive, so `API` and `api`, a filter
 * `x_count` and filter `x`'s count, or a filter `Changes` and this action's `changes` output would
 * silently overwrite each other. Compared after encoding (see outputs.ts).
 */
function checkOutputNames(
  filters: readonly FilterDef[],
  { quote, where }: { quote: boolean; where: (line: number) => string },
): void {
  const taken = new Map<string, { filter?: FilterDef; output: string }>();
  for (const output of Object.values(OUTPUT)) taken.set(outputKey(output), { output });
  for (const filter of filters) {
    const own = outputName(filter.name);
    for (const output of [own, `${own}${COUNT_SUFFIX}`, `${own}${FILES_SUFFIX}`]) {
      const key = outputKey(output);
      const other = taken.get(key);
      if (other && other.filter !== filter) {
        const which = quote ? `Filter ${shownName(filter.name)}` : 'A filter';
        const its = quote ? `its output ${shownName(output)}` : 'one of its outputs';
        const clash = other.filter
          ? `is also an output of ${quote ? `filter ${shownName(other.filter.name)}` : 'the filter'} on line ${other.filter.line}`
          : `is this action's own output '${other.output}'`;
        throw new ConfigurationError(
          `${which} (${where(filter.line)}): ${its} ${clash} (output names ignore case); rename one of them.`,
        );
      }
      taken.set(key, { filter, output });
    }
  }
}

/** A name in a message: quoted, on one line whatever it holds. */
function shownName(name: string): string {
  return `'${oneLine(name)}'`;
}

function resolveAlias(doc: Document, node: Node | null | undefined): Node | null | undefined {
  return isAlias(node) ? (node.resolve(doc) as Node | undefined) : node;
}

function describe(node: Node, quote: boolean): string {
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node))
    return node.value === null
      ? 'null'
      : `${typeof node.value}${quote ? ` ${JSON.stringify(node.value)}` : ''}`;
  return 'something else';
}

/**
 * Literal patterns that name a directory of the checkout (`src`): they match only a file of that
 * name, so never anything under the directory. Worth a warning, like `src/`.
 */
export function directoryPatternWarnings(
  filters: readonly FilterDef[],
  source: string,
  isDirectory: (path: string) => boolean,
): string[] {
  const warnings: string[] = [];
  for (const filter of filters) {
    for (const rule of filter.rules) {
      if (isGlob(rule.pattern) || rule.pattern.endsWith('/') || !isDirectory(rule.pattern)) continue;
      warnings.push(
        `Filter ${shownName(filter.name)} (${source}, line ${rule.line}): '${rule.pattern}' is a directory, and a pattern without a glob matches only a file of that name; write '${rule.pattern}/**'.`,
      );
    }
  }
  return warnings;
}
