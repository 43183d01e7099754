import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  familyId,
  IDENTITY_PART_LIMIT,
  normaliseFile,
  stripParameters,
  testId,
} from '../../src/quarantine/identity.js';
import { parseJUnitFile, parseJUnitString, type TestCaseElement } from '../../src/quarantine/junit.js';
import { RunResults } from '../../src/quarantine/results.js';

const CORPUS = join(import.meta.dirname, 'fixtures/corpus');

async function parse(relativePath: string, workspace?: string) {
  const cases: TestCaseElement[] = [];
  await parseJUnitFile(join(CORPUS, relativePath), {
    maxBytes: 1 << 20,
    workspace,
    onCase: (c) => cases.push(c),
  });
  return cases;
}

async function merged(relativePath: string) {
  const results = new RunResults();
  for (const c of await parse(relativePath)) results.add(c);
  return results.list();
}

function parseText(xml: string) {
  const cases: TestCaseElement[] = [];
  parseJUnitString(xml, { displayName: 'inline.xml', onCase: (c) => cases.push(c) });
  return cases;
}

const count = (cases: { outcome: string }[]) => {
  const counts: Record<string, number> = {};
  for (const c of cases) counts[c.outcome] = (counts[c.outcome] ?? 0) + 1;
  return counts;
};

describe('the corpus of real reports', () => {
  // Expected counts derived by reading each file and the framework's rules.
  it.each([
    [
      'action-junit-report/tests/email/target/surefire-reports/TEST-action.surefire.report.email.EmailAddressTest.xml',
      { failed: 7, passed: 2 },
    ],
    [
      'action-junit-report/tests/utils/target/surefire-reports/TEST-action.surefire.report.calc.StringUtilsTest.xml',
      { passed: 2, failed: 2, skipped: 1 },
    ],
    ['action-junit-report/python/report.xml', { passed: 1, failed: 2 }],
    ['action-junit-report/nextest/basic.xml', { passed: 2, failed: 1 }],
    ['action-junit-report/catch2/report.xml', { failed: 1 }],
    [
      'action-junit-report/multiple_failures/test_multiple_failures.xml',
      { failed: 2, skipped: 1, passed: 1 },
    ],
    ['action-junit-report/issues/testDisabled.xml', { skipped: 10, failed: 6, passed: 6 }],
    ['test-reporter/jest-junit.xml', { passed: 1, failed: 4, skipped: 1 }],
    ['test-reporter/python-xunit-pytest.xml', { passed: 6, skipped: 2, failed: 2 }],
    ['test-reporter/nette-tester/tester-v1.7-report.xml', { passed: 61, skipped: 3, failed: 1 }],
    ['test-reporter/phpunit/phpunit.xml', { passed: 10, failed: 2 }],
  ])('%s', async (file, expected) => {
    expect(count(await parse(file))).toEqual(expected);
  });

  it('tells failure from error and keeps the first message', async () => {
    const cases = await parse('action-junit-report/python/report.xml');
    expect(cases.find((c) => c.name === 'test_with_error')).toMatchObject({
      failureKind: 'failure',
      message: "AttributeError: 'dict' object has no attribute 'attr'",
    });
    const unittest = await parse('test-reporter/python-xunit-unittest.xml');
    expect(unittest.find((c) => c.name === 'test_always_fail')).toMatchObject({
      failureKind: 'failure',
      message: 'failed',
    });
    expect(unittest.find((c) => c.name === 'test_error')).toMatchObject({
      failureKind: 'error',
      message: 'error',
    });
  });

  it('counts several failure elements in one case as one failed test with several failed attempts', async () => {
    const cases = await parse('action-junit-report/multiple_failures/test_multiple_failures.xml');
    const multi = cases.find((c) => c.name === 'testWithMultipleFailures')!;
    expect(multi).toMatchObject({ outcome: 'failed', failedAttempts: 3, message: 'First assertion failed' });
  });

  it('reads Surefire flakyFailure as flaky (failed, then passed) with the stack trace as message', async () => {
    const [c] = await parse('action-junit-report/maven_surefire_flaky/surefire-report.xml');
    expect(c).toMatchObject({
      outcome: 'flaky',
      failedAttempts: 1,
      id: 'io.sodadata.dependson.soda.integrations.msteams.MicrosoftTeamsCrudTest::createWebhook',
    });
    expect(c!.message).toContain('Expected: <false>');
    expect(count(await parse('action-junit-report/junit_flaky_failure/mixed_flaky_and_passed.xml'))).toEqual({
      flaky: 1,
      passed: 2,
    });
  });

  it('reads rerunFailure beside failure as a test that failed every attempt', () => {
    const [c] = parseText(`<testsuite name="s"><testcase classname="a.B" name="t">
      <failure message="boom" type="AssertionError">trace</failure>
      <rerunFailure message="boom again" type="AssertionError"><stackTrace>x</stackTrace></rerunFailure>
      <rerunError message="broke" type="IOException"/>
    </testcase></testsuite>`);
    expect(c).toMatchObject({
      outcome: 'failed',
      failureKind: 'failure',
      failedAttempts: 3,
      message: 'boom',
    });
  });

  it('merges retries written as repeated test cases: failed then passed is flaky', async () => {
    const results = await merged('action-junit-report/flaky_retries/flaky_with_classname_file.xml');
    expect(results.map((r) => [r.name, r.classname, r.outcome, r.elements])).toEqual([
      ['test_foo', 'test_foo.TestFoo', 'flaky', 3],
      ['test_foo', 'test_bar.TestBar', 'passed', 1],
      ['test_baz', 'test_baz.TestBaz', 'passed', 1],
    ]);
    expect(results[0]).toMatchObject({
      message: 'it failed',
      line: 42,
      file: '/home/runner/work/foo/bar/test_foo.py',
      failedAttempts: 2,
    });
  });

  it('merges retries that never passed as failed; a pass followed by failures is no retry (a runner stops at the first pass) and fails', async () => {
    expect(
      (await merged('action-junit-report/flaky_retries/flaky_all_failures.xml')).map((r) => [
        r.outcome,
        r.elements,
      ]),
    ).toEqual([['failed', 3]]);
    expect(
      (await merged('action-junit-report/flaky_retries/flaky_success_first.xml')).map((r) => r.outcome),
    ).toEqual(['failed']);
    const go = await merged('action-junit-report/junit-server-test/report.xml');
    expect(go.find((r) => r.name === 'TestWebSocketReconnectRace')?.outcome).toBe('flaky');
  });

  it('treats status="disabled" as skipped even when the case carries a failure', async () => {
    expect((await parse('action-junit-report/issues/testFailedDisabled.xml')).map((c) => c.outcome)).toEqual([
      'skipped',
    ]);
  });

  it('keeps nested suites apart: without a file, the suite path is part of the id', async () => {
    const results = await merged('action-junit-report/nested/junit.xml');
    expect(results.map((r) => `${r.id}=${r.outcome}`).sort()).toEqual([
      'All tests::tests::packet::A=failed',
      'All tests::tests::packet::TestA::A=failed',
      'All tests::tests::packet::TestA::B=passed',
      'All tests::tests::packet::TestB::A=passed',
      'All tests::tests::packet::TestB::B=failed',
    ]);
    expect(count(await parse('action-junit-report/nested/multi-level.xml'))).toEqual({ passed: 3 });
  });

  it('reads file and line attributes, and the suite file for cases without one', async () => {
    const [c] = await parse('action-junit-report/xunit/report.xml');
    expect(c).toMatchObject({ file: 'main.c', line: 44 });
    const [inherited] = parseText(
      '<testsuites><testsuite name="s" file="spec/a.spec.ts"><testcase name="x"/></testsuite></testsuites>',
    );
    expect(inherited!.file).toBe('spec/a.spec.ts');
  });

  it('makes absolute paths inside the workspace relative', async () => {
    const [c] = await parse('action-junit-report/flaky_retries/flaky_all_failures.xml', '/home/runner/work');
    expect(c!.file).toBe('tests/test_always_fails.py');
    expect(c!.id).toBe('tests/test_always_fails.py::test_always_fails.TestAlwaysFails::test_always_fails');
  });

  it('reads properties and system-out/err without mistaking their content for tests', async () => {
    // Surefire puts a whole JUnit document in CDATA system-out; none of it is a test.
    const cases = parseText(`<testsuite name="s"><properties><property name="a" value="1"/></properties>
      <testcase classname="c" name="t"><properties><property name="p" value="v"/></properties>
      <system-out><![CDATA[<testcase name="fake"/>]]></system-out><system-err>warn</system-err></testcase>
      <system-out>suite out</system-out></testsuite>`);
    expect(cases.map((c) => [c.id, c.outcome])).toEqual([['s::c::t', 'passed']]);
  });

  it('accepts empty reports as zero tests', async () => {
    for (const file of [
      'test-reporter/empty/java-junit.xml',
      'test-reporter/empty/jest-junit.xml',
      'test-reporter/empty/phpunit-empty.xml',
      'action-junit-report/cunit/testEmpty.xml',
    ]) {
      expect(await parse(file)).toEqual([]);
    }
  });
});

describe('safety', () => {
  it('refuses a DOCTYPE (billion laughs) naming the file and line', () => {
    const lol = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;">\n]>\n<testsuite><testcase name="&lol2;"/></testsuite>`;
    expect(() => parseText(lol)).toThrow(
      /^Report inline\.xml, line \d+: not valid JUnit XML: a DOCTYPE is not allowed/,
    );
  });

  it('refuses external entities and undefined entities', () => {
    expect(() =>
      parseText(
        '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><testsuite><testcase name="&xxe;"/></testsuite>',
      ),
    ).toThrow(/DOCTYPE is not allowed/);
    expect(() => parseText('<testsuite><testcase name="&xxe;"/></testsuite>')).toThrow(
      /line 1: not valid JUnit XML: .*entity/i,
    );
  });

  it('tolerates control characters (ANSI colours) in messages', () => {
    const [c] = parseText(
      '<testsuite><testcase classname="c" name="t"><failure>\u001b[31mexpected 1\u001b[0m to be 2\u0000</failure></testcase></testsuite>',
    );
    expect(c).toMatchObject({ outcome: 'failed' });
    expect(c!.message).toBe('expected 1 to be 2\ufffd');
  });

  it('names the file and the line of a malformed report', async () => {
    await expect(
      parse(
        'action-junit-report/corrupt-junit/e2e-tests/corrupt/target/sf-reports/TEST-test.CorruptTest.xml',
      ),
    ).rejects.toThrow(/TEST-test\.CorruptTest\.xml, line 18: not valid JUnit XML: unclosed tag: system-out/);
    expect(() => parseText('<testsuite>\n<testcase name="a">\n</testsuite>')).toThrow(
      /^Report inline\.xml, line 3: not valid JUnit XML/,
    );
  });

  it('refuses a file that is not JUnit, and an empty file', async () => {
    await expect(parse('test-reporter/dotnet-nunit.xml')).rejects.toThrow(
      /the root element is <test-run>, expected <testsuites> or <testsuite>/,
    );
    expect(() => parseText('')).toThrow(
      /^Report inline\.xml, line 1: not valid JUnit XML: document must contain a root element/,
    );
  });

  it('refuses a report over max-report-size before reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'q-size-'));
    const file = join(dir, 'big.xml');
    writeFileSync(file, `<testsuite>${'<testcase name="x"/>'.repeat(100)}</testsuite>`);
    await expect(parseJUnitFile(file, { maxBytes: 1000, onCase: () => undefined })).rejects.toThrow(
      /over the limit of 1000 set by input 'max-report-size'/,
    );
    await expect(parseJUnitFile(file, { maxBytes: 1 << 20, onCase: () => undefined })).resolves.toMatchObject(
      { cases: 100 },
    );
  });

  it('decodes UTF-8 split across chunk boundaries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'q-utf8-'));
    const file = join(dir, 'utf8.xml');
    const names = Array.from({ length: 40_000 }, (_, i) => `ñandú-😋-${i}`);
    writeFileSync(
      file,
      `\ufeff<testsuite>${names.map((n) => `<testcase classname="é" name="${n}"/>`).join('')}</testsuite>`,
    );
    const seen: string[] = [];
    await parseJUnitFile(file, { maxBytes: 1 << 30, onCase: (c) => seen.push(c.name) });
    expect(seen).toEqual(names);
  });
});

describe('test identity', () => {
  it('joins file, classname and name, leaving out empty parts', () => {
    expect(testId({ file: 'tests/a.py', classname: 'tests.a', name: 'test_x' })).toBe(
      'tests/a.py::tests.a::test_x',
    );
    expect(testId({ classname: '', name: 'alone' })).toBe('alone');
  });

  it('keeps parameterised names whole and strips them for the family', () => {
    expect(stripParameters('test_x[param-1]')).toBe('test_x');
    expect(stripParameters('test(int)[1]')).toBe('test');
    expect(stripParameters('adds(1, 2)')).toBe('adds');
    expect(stripParameters('[chromium] › login')).toBe('[chromium] › login');
    expect(familyId({ classname: 'tests.t', name: 'test_p[a-b]' })).toBe('tests.t::test_p');
  });

  it('strips parameters after surrounding whitespace, and never strips a name down to nothing', () => {
    expect(stripParameters('  test_x[param-1]  ')).toBe('test_x');
    expect(stripParameters('test_x[a] \t')).toBe('test_x');
    // A name that is only parameters keeps its last group: a family key is never empty.
    expect(stripParameters('[1]')).toBe('[1]');
    expect(stripParameters('(a)(b)')).toBe('(a)');
    expect(familyId({ classname: '', name: '[chromium]' })).toBe('[chromium]');
  });

  it('keeps a name of exactly the part limit whole, and bounds a longer one to the limit with a digest of the whole', () => {
    const exact = 'n'.repeat(IDENTITY_PART_LIMIT);
    const longA = `${'n'.repeat(IDENTITY_PART_LIMIT)}-a`;
    const longB = `${'n'.repeat(IDENTITY_PART_LIMIT)}-b`;
    const cases = parseText(
      `<testsuite>${[exact, longA, longB, longA].map((n) => `<testcase classname="c" name="${n}"/>`).join('')}</testsuite>`,
    );
    expect(cases[0]!.name).toBe(exact);
    for (const c of cases) expect(c.name.length).toBeLessThanOrEqual(IDENTITY_PART_LIMIT);
    const [, a, b, again] = cases.map((c) => c.name);
    // The head of the name is kept, readable; the tail is a hex digest of the whole text.
    expect(a).toMatch(/^n{1004}…#[0-9a-f]{16}$/);
    expect(b).toMatch(/^n{1004}…#[0-9a-f]{16}$/);
    // Names that differ only past the limit stay two tests; the same name is the same test.
    expect(a).not.toBe(b);
    expect(again).toBe(a);
    expect(cases[1]!.id).not.toBe(cases[2]!.id);
  });

  it('bounds long classnames and file paths the same way', () => {
    const long = 'x'.repeat(5 * IDENTITY_PART_LIMIT);
    const [c] = parseText(`<testsuite><testcase classname="${long}" file="${long}" name="t"/></testsuite>`);
    expect(c!.classname).toMatch(/^x{1004}…#[0-9a-f]{16}$/);
    expect(c!.file).toBe(c!.classname);
    expect(c!.id).toBe(`${c!.classname}::${c!.classname}::t`);
  });

  it('normalises file URLs and workspace paths', () => {
    expect(normaliseFile('file:///work/repo/src/a.test.ts', '/work/repo')).toBe('src/a.test.ts');
    expect(normaliseFile('/elsewhere/a.ts', '/work/repo')).toBe('/elsewhere/a.ts');
    expect(normaliseFile('  ', '/work/repo')).toBeUndefined();
  });

  it('trims a file path before making it relative', () => {
    expect(normaliseFile('  /work/repo/src/a.ts\n', '/work/repo')).toBe('src/a.ts');
    expect(normaliseFile(' tests/b.py ', '/work/repo')).toBe('tests/b.py');
  });

  it('keeps a file that is the workspace itself as given: an id part never becomes empty', () => {
    expect(normaliseFile('/work/repo', '/work/repo')).toBe('/work/repo');
    expect(normaliseFile('/work/repo/', '/work/repo')).toBe('/work/repo/');
    const cases: TestCaseElement[] = [];
    parseJUnitString('<testsuite><testcase file="/work/repo" classname="c" name="t"/></testsuite>', {
      displayName: 'inline.xml',
      workspace: '/work/repo',
      onCase: (c) => cases.push(c),
    });
    expect(cases.map((c) => c.id)).toEqual(['/work/repo::c::t']);
  });
});
