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
    ['changes: src/**', "Filter 'changes' ('filters' input, line 1)", 'own outputs'],
    ['files: src/**', "Filter 'files'", 'own outputs'],
    ['ok: a/**\nbase-sha: b/**', "Filter 'base-sha' ('filters' input, line 2)", 'own outputs'],
    [
      'web: a/**\nweb_count: b/**',
      "Filter 'web_count' ('filters' input, line 2)",
      "'_count' output of filter 'web'",
    ],
    ['web:\napi: a/**', "Filter 'web' ('filters' input, line 1)", 'null value'],
    ['web:\n  - changed: a/**', "Filter 'web' ('filters' input, line 2)", 'unknown change type "changed"'],
    ['web:\n  - a/**\n  - 42', "Filter 'web' ('filters' input, line 3)", 'got number 42'],
    ["web: 'a/[z-a]'", "Filter 'web' ('filters' input, line 1)", 'cannot parse the glob'],
    ['"bad name": a/**', "Filter 'bad name'", 'only letters'],
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
