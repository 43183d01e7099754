import { describe, expect, it } from 'vitest';
import { parseFilters } from '../../src/changes/filters.js';
import { ConfigurationError } from '../../src/runtime/errors.js';

const parse = (text: string) => parseFilters(text, "'filters' input");
const failure = (text: string) => {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
};

describe('parseFilters', () => {
  it('reads a pattern, a list, and change-type rules, with ./ removed and ! kept as exclusion', () => {
    const { filters } = parse(`
one: 'src/**'
list:
  - './api/**'
  - '!api/docs/**'
typed:
  - added|modified: 'lib/**'
  - deleted: ['old/**', 'older/**']
`);
    expect(filters.map((f) => f.name)).toEqual(['one', 'list', 'typed']);
    expect(filters[0]!.rules).toMatchObject([{ pattern: 'src/**', negated: false, line: 2 }]);
    expect(filters[1]!.rules.map((r) => [r.pattern, r.negated, r.line])).toEqual([
      ['api/**', false, 4],
      ['api/docs/**', true, 5],
    ]);
    const typed = filters[2]!.rules;
    expect(typed.map((r) => [r.pattern, [...(r.types ?? [])]])).toEqual([
      ['lib/**', ['added', 'modified']],
      ['old/**', ['deleted']],
      ['older/**', ['deleted']],
    ]);
  });

  it('resolves anchors and aliases, flattening nested lists as dorny/paths-filter does', () => {
    const { filters } = parse(`
shared: &shared
  - 'common/**'
  - 'package.json'
web:
  - *shared
  - 'web/**'
`);
    expect(filters[1]!.rules.map((r) => r.pattern)).toEqual(['common/**', 'package.json', 'web/**']);
  });

  it('keeps an empty list as a filter that matches nothing', () => {
    expect(parse('nothing: []').filters[0]!.rules).toEqual([]);
  });

  it('warns about a pattern naming a directory, which matches no file', () => {
    const { warnings } = parse("docs:\n  - 'docs/'\n");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("Filter 'docs'");
    expect(warnings[0]).toContain('line 2');
    expect(warnings[0]).toContain("'docs/**'");
  });

  it.each([
    ['changes: src/**', "Filter 'changes' ('filters' input, line 1)", "own output 'changes'"],
    ['files: src/**', "Filter 'files'", "own output 'files'"],
    ['ok: a/**\nbase-sha: b/**', "Filter 'base-sha' ('filters' input, line 2)", "own output 'base-sha'"],
    ['Changes: src/**', "Filter 'Changes'", "own output 'changes' (output names ignore case)"],
    [
      'web: a/**\nweb_count: b/**',
      "Filter 'web_count' ('filters' input, line 2)",
      "its output 'web_count' is also an output of filter 'web' on line 1",
    ],
    ['api: a/**\nAPI: b/**', "Filter 'API' ('filters' input, line 2)", "also an output of filter 'api'"],
    ['x_files: a/**\nX: b/**', "Filter 'X' ('filters' input, line 2)", "its output 'X_files' is also"],
    ['"a=b": a/**\n"a%3Db": b/**', "Filter 'a%3Db'", "also an output of filter 'a=b'"],
    ['"": a/**', "Filter '' ('filters' input, line 1)", 'non-empty string'],
    ['~: a/**', "('filters' input, line 1)", 'non-empty string'],
    ['web:\napi: a/**', "Filter 'web' ('filters' input, line 1)", 'null value'],
    ['web:\n  - changed: a/**', "Filter 'web' ('filters' input, line 2)", 'unknown change type "changed"'],
    ['web:\n  - a/**\n  - 42', "Filter 'web' ('filters' input, line 3)", 'got number 42'],
    ["web: 'a/[z-a]'", "Filter 'web' ('filters' input, line 1)", 'cannot parse the glob'],
    ['web: [a/**\napi: b', "Invalid YAML in filters ('filters' input, line", ''],
    ['web: a\nweb: b', "Filter 'web' ('filters' input, line 2)", 'defined twice'],
    ['- a/**', "Filters ('filters' input) must be a YAML map", ''],
    ['web:\n  added: ', "Filter 'web' ('filters' input, line 2)", 'change-type rule has no patterns'],
  ])('rejects %j with a ConfigurationError naming the filter and line', (text, where, what) => {
    const message = failure(text);
    expect(message).toContain(where);
    expect(message).toContain(what);
  });
});

describe('filter names (any YAML key, as dorny/paths-filter reads them)', () => {
  it('accepts path-like, unicode, dotted, numeric and prototype-like names as written', () => {
    const names = parse(
      '"services/api": a/**\n"with space": b/**\nünï©ødé: c/**\n__proto__: d/**\nconstructor: e/**\n42: f/**\n"a.b-c": g/**\n',
    ).filters.map((f) => f.name);
    expect(names).toEqual([
      'services/api',
      'with space',
      'ünï©ødé',
      '__proto__',
      'constructor',
      '42',
      'a.b-c',
    ]);
  });
});
