import { describe, expect, it } from 'vitest';
import { evaluate, proposalSnippet, proposals } from '../../src/quarantine/evaluate.js';
import { isExpired, parseQuarantineFile } from '../../src/quarantine/quarantine-file.js';
import type { TestResult } from '../../src/quarantine/results.js';

const FILE = '.github/quarantine.yml';
const NOW = Date.parse('2026-11-26T10:00:00Z');

const good = `# owned and expiring
quarantine:
  - id: "tests/test_net.py::tests.test_net::test_reconnect"
    reason: times out on shared runners
    owner: "@acme/platform"
    issue: https://github.com/acme/service/issues/42
    expires: 2026-12-31
  - id: "*::test_param[*"
    reason: parameter sets flake on ARM
    owner: alice
    expires: 2026-11-26
  - id: legacy::*
    reason: old suite
    owner: bob
    expires: 2026-11-25
`;

function test(id: string, outcome: TestResult['outcome']): TestResult {
  const name = id.split('::').at(-1)!;
  return {
    id,
    classname: '',
    name,
    outcome,
    failedAttempts: outcome === 'failed' ? 1 : 0,
    report: 'r.xml',
    reportLine: 1,
    elements: 1,
    suite: '',
    group: 'r.xml',
    counts: { passed: 0, failed: 0, skipped: 0, flaky: 0, [outcome]: 1 },
  };
}

describe('quarantine file', () => {
  it('reads entries with their lines', () => {
    const entries = parseQuarantineFile(good, FILE);
    expect(entries.map((e) => [e.id, e.owner, e.expires, e.line, e.issue])).toEqual([
      [
        'tests/test_net.py::tests.test_net::test_reconnect',
        '@acme/platform',
        '2026-12-31',
        3,
        'https://github.com/acme/service/issues/42',
      ],
      ['*::test_param[*', 'alice', '2026-11-26', 8, undefined],
      ['legacy::*', 'bob', '2026-11-25', 12, undefined],
    ]);
  });

  it('matches exact ids (brackets included) and globs where * crosses / and ::', () => {
    const [exact, glob, legacy] = parseQuarantineFile(good, FILE);
    expect(exact!.matches('tests/test_net.py::tests.test_net::test_reconnect')).toBe(true);
    expect(exact!.matches('tests/test_net.py::tests.test_net::test_reconnect2')).toBe(false);
    expect(legacy!.matches('legacy::a/b::c')).toBe(true);
    expect(glob!.matches('tests/x.py::T::test_param[arm-1]')).toBe(true);
    const literal = parseQuarantineFile(
      'quarantine:\n  - {id: "t::test_x[a-1]", reason: r, owner: o, expires: 2030-01-01}\n',
      FILE,
    )[0]!;
    expect(literal.matches('t::test_x[a-1]')).toBe(true);
    expect(literal.matches('t::test_xa')).toBe(false);
  });

  it('keeps an entry in force through its expiry day', () => {
    const [, lastDay, past] = parseQuarantineFile(good, FILE);
    expect(isExpired(lastDay!, NOW)).toBe(false);
    expect(isExpired(past!, NOW)).toBe(true);
  });

  it('accepts an empty file or an empty list', () => {
    expect(parseQuarantineFile('', FILE)).toEqual([]);
    expect(parseQuarantineFile('quarantine:\n', FILE)).toEqual([]);
  });

  it.each([
    [
      'quarantine:\n  - id: a\n    reason: r\n    owner: o\n',
      /line 2: entry 'a' is missing 'expires' \(a date such as 2026-12-31/,
    ],
    [
      'quarantine:\n  - id: a\n    reason: r\n    owner: o\n    expires: 31/12/2026\n',
      /line 2: 'expires' is '31\/12\/2026'; expected a date as YYYY-MM-DD/,
    ],
    [
      'quarantine:\n  - id: a\n    reason: r\n    owner: o\n    expires: 2026-02-30\n',
      /'expires' is '2026-02-30'/,
    ],
    [
      'quarantine:\n  - id: a\n    owner: o\n    expires: 2026-12-01\n',
      /line 2: entry 'a' is missing 'reason'/,
    ],
    [
      'quarantine:\n  - id: a\n    reason: r\n    owner: o\n    expires: 2026-12-01\n    ownr: x\n',
      /line 6: unknown field 'ownr'/,
    ],
    [
      'quarantine:\n  - id: a\n    reason: r\n    owner: o\n    issue: not a url\n    expires: 2026-12-01\n',
      /'issue' is 'not a url'; expected a URL/,
    ],
    ['quarantine:\n  - id: a\n    reason: [x]\n', /line 3: 'reason' must be a non-empty text value/],
    ['quarantine:\n  - just-a-string\n', /line 2: each quarantine entry must be a mapping/],
    ['quarantine: {}\n', /line 1: 'quarantine' must be a list/],
    ['tests:\n  - id: a\n', /line 1: unknown key 'tests'/],
    ['quarantine:\n  - id: a\n   reason: bad indent\n', /line \d: not valid YAML/],
    ['- id: a\n', /line 1: expected a mapping with a 'quarantine:' list/],
  ])('refuses %j', (text, message) => {
    expect(() => parseQuarantineFile(text, FILE)).toThrow(message);
    try {
      parseQuarantineFile(text, FILE);
    } catch (error) {
      expect((error as Error).name).toBe('ConfigurationError');
      expect((error as Error).message.startsWith(`${FILE}, line `)).toBe(true);
    }
  });
});

describe('verdict', () => {
  const entries = parseQuarantineFile(good, FILE);

  it('fails on a failure that is not quarantined', () => {
    const e = evaluate([test('a::b', 'failed'), test('a::c', 'passed')], entries, NOW, 'warn');
    expect(e.verdict).toBe('failed');
    expect(e.failures.map((t) => t.id)).toEqual(['a::b']);
  });

  it('passes with quarantined failures only, and lists expired and dead entries', () => {
    const e = evaluate(
      [test('x.py::T::test_param[1]', 'failed'), test('a::c', 'passed')],
      entries,
      NOW,
      'warn',
    );
    expect(e.verdict).toBe('passed-with-quarantined');
    expect(e.quarantined.map((q) => [q.test.id, q.entry.owner])).toEqual([
      ['x.py::T::test_param[1]', 'alice'],
    ]);
    expect(e.expired.map((x) => x.id)).toEqual(['legacy::*']);
    expect(e.dead.map((x) => x.id)).toEqual(['tests/test_net.py::tests.test_net::test_reconnect']);
  });

  it('does not quarantine with an expired entry, and fails on expiry with on-expired: fail', () => {
    const warn = evaluate([test('legacy::old', 'failed')], entries, NOW, 'warn');
    expect(warn.failures.map((t) => t.id)).toEqual(['legacy::old']);
    const fail = evaluate([test('a::ok', 'passed')], entries, NOW, 'fail');
    expect(fail.verdict).toBe('failed');
    expect(fail.reasons.join()).toMatch(
      /1 quarantine entry has expired \(on-expired: fail\): renew or remove 'legacy::\*'/,
    );
  });

  it('passes a test that failed then passed (flaky), counting it', () => {
    const e = evaluate([test('a::f', 'flaky'), test('a::s', 'skipped')], [], NOW, 'fail');
    expect(e.verdict).toBe('passed');
    expect(e.totals).toEqual({ total: 2, passed: 0, failed: 0, skipped: 1, flaky: 1 });
    expect(e.flakyInRun.map((t) => t.id)).toEqual(['a::f']);
  });

  it('proposes flaky tests above the threshold that no entry covers, as a snippet the parser accepts', () => {
    const stat = (id: string, rate: number) => ({ id, runs: 10, flakyRuns: rate * 10, rate, evidence: [] });
    const list = proposals(
      [stat('a::hot', 0.3), stat('a::cold', 0.05), stat('x::T::test_param[2]', 0.5)],
      entries,
      NOW,
      0.05,
    );
    expect(list.map((p) => p.stat.id)).toEqual(['a::hot']);
    const snippet = proposalSnippet(
      [{ ...list[0]!, issue: 'https://github.com/acme/service/issues/7' }],
      NOW,
    );
    const parsed = parseQuarantineFile(snippet, 'snippet');
    expect(parsed.map((e) => [e.id, e.expires, e.issue, e.reason])).toEqual([
      [
        'a::hot',
        '2026-12-26',
        'https://github.com/acme/service/issues/7',
        'flaky: 3 of 10 runs (30%) failed without a code change',
      ],
    ]);
  });
});
