// Issue 13, classes 8 and 9, through the bundled action (dist/quarantine via the runner harness).
// Memory: the step runs with its V8 heap capped (NODE_OPTIONS=--max-old-space-size), so a parser that
// keeps what it reads dies of "heap out of memory" instead of passing.
import { closeSync, mkdirSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../harness/index.js';

const HEAP_CAP_MB = 160;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'q-hostile-'));
  mkdirSync(join(dir, 'reports'));
  return dir;
}

/** Writes head + repeat × count + tail without holding the file in memory. */
function writeRepeated(path: string, head: string, repeat: string, count: number, tail: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    const block = repeat.repeat(Math.max(1, Math.floor((1 << 20) / repeat.length)));
    const perBlock = block.length / repeat.length;
    let left = count;
    while (left >= perBlock) {
      writeSync(fd, block);
      left -= perBlock;
    }
    if (left > 0) writeSync(fd, repeat.repeat(left));
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
}

function run(ws: string, inputs: Record<string, string> = {}) {
  return runAction({
    action: 'quarantine',
    workspace: ws,
    inputs: { reports: 'reports/*.xml', history: 'dir', 'history-dir': '.history', ...inputs },
    env: {
      GITHUB_SHA: 'c0ffee',
      GITHUB_REF_NAME: 'main',
      NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}`,
    },
    timeoutMs: 240_000,
  });
}

describe('class 8: memory stays flat on hostile reports', () => {
  it('5 million nested elements in 35 MB: refused with the file and line, within a capped heap', async () => {
    const ws = workspace();
    writeRepeated(join(ws, 'reports/deep.xml'), '<testsuites>', '<a>', 5_000_000, '');
    const { main } = await run(ws);
    expect(main.stderr).not.toMatch(/heap out of memory/i);
    expect(main.exitCode).toBe(1);
    expect(main.errors.at(-1)).toMatch(
      /^Report reports\/deep\.xml, line 1: not valid JUnit XML: elements are nested deeper than 256 levels/,
    );
  }, 300_000);

  it('nested test suites far below the cap still read (a deep but sane report)', async () => {
    const ws = workspace();
    const depth = 200;
    writeFileSync(
      join(ws, 'reports/nested.xml'),
      `<testsuites>${'<testsuite name="s">'.repeat(depth)}<testcase classname="c" name="t"/>${'</testsuite>'.repeat(depth)}</testsuites>`,
    );
    const { main } = await run(ws);
    expect(main.exitCode).toBe(0);
    expect(main.outputs).toMatchObject({ total: '1', passed: '1' });
  }, 120_000);

  it('one 200 MB attribute (a test name): read within a capped heap, the name kept bounded', async () => {
    const ws = workspace();
    writeRepeated(
      join(ws, 'reports/wide.xml'),
      '<testsuites><testsuite name="s"><testcase classname="c" name="',
      'A',
      200_000_000,
      '"><failure message="boom"/></testcase></testsuite></testsuites>',
    );
    const { main } = await run(ws, { mode: 'report' });
    expect(main.stderr).not.toMatch(/heap out of memory/i);
    expect(main.exitCode).toBe(0);
    expect(main.outputs).toMatchObject({ total: '1', failed: '1' });
    const annotation = main.annotations.find((a) => a.command === 'warning')!;
    expect(annotation.value.length).toBeLessThan(5000);
  }, 300_000);

  it('a 200 MB failure text (CDATA): read within a capped heap, the message truncated', async () => {
    const ws = workspace();
    writeRepeated(
      join(ws, 'reports/text.xml'),
      '<testsuites><testsuite name="s"><testcase classname="c" name="t"><failure><![CDATA[',
      'stack frame line\n',
      12_000_000,
      ']]></failure><system-out>out</system-out></testcase></testsuite></testsuites>',
    );
    const { main } = await run(ws, { mode: 'report' });
    expect(main.stderr).not.toMatch(/heap out of memory/i);
    expect(main.exitCode).toBe(0);
    expect(main.outputs).toMatchObject({ total: '1', failed: '1' });
  }, 300_000);
});

describe('class 9: a report whose tests were all skipped does not pass', () => {
  const allSkipped =
    '<testsuites><testsuite name="s"><testcase classname="c" name="a"><skipped/></testcase><testcase classname="c" name="b" status="disabled"/></testsuite></testsuites>';

  it('fails like a report with no tests, naming the count', async () => {
    const ws = workspace();
    writeFileSync(join(ws, 'reports/skipped.xml'), allSkipped);
    const { main } = await run(ws);
    expect(main.exitCode).toBe(1);
    expect(main.errors.at(-1)).toMatch(/all 2 test case\(s\) in the 1 report\(s\) found were skipped/);
  }, 120_000);

  it('fails in mode: report too (a disabled stage is not a test verdict), and passes with allow-empty', async () => {
    const ws = workspace();
    writeFileSync(join(ws, 'reports/skipped.xml'), allSkipped);
    expect((await run(ws, { mode: 'report' })).main.exitCode).toBe(1);
    const allowed = await run(ws, { 'allow-empty': 'true' });
    expect(allowed.main.exitCode).toBe(0);
    expect(allowed.main.outputs).toMatchObject({ total: '2', skipped: '2' });
  }, 120_000);
});
