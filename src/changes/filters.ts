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
import { CHANGE_TYPES, type ChangeType, COUNT_SUFFIX, FILES_SUFFIX, OUTPUT } from './constants.js';
import { compilePattern, normalizePattern } from './matcher.js';
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

const RESERVED = new Set<string>(Object.values(OUTPUT));
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

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
    const name = isScalar(keyNode) ? String(keyNode.value) : '';
    const fail = (problem: string, at = line): never => {
      const which = quote ? `Filter '${name}'` : 'A filter';
      throw new ConfigurationError(`${which} (${where(at)}): ${problem}`);
    };
    if (!NAME.test(name))
      fail('a filter name may hold only letters, digits, and _ . - (it becomes an output name).');
    if (RESERVED.has(name))
      fail(`its name${quote ? ` '${name}'` : ''} is one of this action's own outputs; rename the filter.`);
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
          `Filter '${name}' (${where(at)}): the pattern ${JSON.stringify(raw)} names a directory and matches no file; write '${pattern}**'.`,
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
  const names = new Set(filters.map((f) => f.name));
  for (const filter of filters) {
    for (const suffix of [COUNT_SUFFIX, FILES_SUFFIX]) {
      if (filter.name.endsWith(suffix) && names.has(filter.name.slice(0, -suffix.length))) {
        throw new ConfigurationError(
          quote
            ? `Filter '${filter.name}' (${where(filter.line)}): collides with the '${suffix}' output of filter '${filter.name.slice(0, -suffix.length)}'; rename it.`
            : `A filter (${where(filter.line)}): its name collides with the '${suffix}' output of another filter; rename it.`,
        );
      }
    }
  }
  return { filters, warnings };
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
        `Filter '${filter.name}' (${source}, line ${rule.line}): '${rule.pattern}' is a directory, and a pattern without a glob matches only a file of that name; write '${rule.pattern}/**'.`,
      );
    }
  }
  return warnings;
}
