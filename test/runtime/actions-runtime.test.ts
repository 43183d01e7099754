// ActionsRuntime writes the runner's workflow and file commands through @actions/core; these tests
// read what it wrote back with src/runner (the runner contract the harness and `gantry templates run`
// use), with values chosen to break a careless writer: newlines, %, ::, commas and colons,
// delimiter-like lines; and compare it with what core itself writes for the same calls, so every
// place where Gantry adds to core (defused info, one-line failures, multi-line masks) is explicit.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCommand, parseKeyValueFile } from '../../src/local-runner/commands.js';
import { ActionsRuntime } from '../../src/runtime/actions-runtime.js';

const HOSTILE = 'line one\n::error::not a command\r\n100% done, a:b\nEOF\n';

function setup(extraEnv: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-actions-runtime-'));
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  Object.assign(process.env, files, extraEnv);
  const lines = captureStdout();
  const runtime = new ActionsRuntime();
  const read = (name: keyof typeof files) => readFileSync(files[name], 'utf8');
  return { runtime, lines, read, files };
}

/** What core (and so the runtime) prints, one entry per line, empty lines dropped. */
function captureStdout(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(
      ...String(chunk)
        .split(/\r?\n/)
        .filter((line) => line !== ''),
    );
    return true;
  });
  return lines;
}

const savedEnv = { ...process.env };
for (const key of Object.keys(process.env))
  if (/^(GITHUB_(OUTPUT|STATE|ENV|PATH|STEP_SUMMARY)|INPUT_|STATE_|RUNNER_DEBUG)/.test(key))
    delete savedEnv[key];
afterEach(() => {
  vi.restoreAllMocks();
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
});

describe('ActionsRuntime', () => {
  it('writes outputs, state and environment as heredocs the runner reads back exactly', () => {
    const { runtime, read } = setup();
    runtime.setOutput('digest', 'sha256:abc');
    runtime.setOutput('hostile', HOSTILE);
    runtime.setOutput('empty', '');
    runtime.saveState('token-accessor', HOSTILE);
    runtime.exportVariable('GANTRY_TEST_VARIABLE', HOSTILE);
    expect(parseKeyValueFile(read('GITHUB_OUTPUT'))).toEqual({
      digest: 'sha256:abc',
      hostile: HOSTILE,
      empty: '',
    });
    expect(parseKeyValueFile(read('GITHUB_STATE'))).toEqual({ 'token-accessor': HOSTILE });
    expect(parseKeyValueFile(read('GITHUB_ENV'))).toEqual({ GANTRY_TEST_VARIABLE: HOSTILE });
    expect(process.env.GANTRY_TEST_VARIABLE).toBe(HOSTILE);
  });

  it('reads inputs and state the way the runner passes them', () => {
    const { runtime } = setup({ 'INPUT_COPY-REFERRERS': 'false', INPUT_MY_INPUT: ' x ', STATE_lease: 'id' });
    expect(runtime.getInput('copy-referrers')).toBe('false');
    expect(runtime.getInput('my input')).toBe(' x ');
    expect(runtime.getInput('missing')).toBe('');
    expect(runtime.getState('lease')).toBe('id');
    expect(runtime.getState('other')).toBe('');
  });

  it('masks every line of a secret and its escaped forms, escaped so the mask is exactly the value', () => {
    const { runtime, lines } = setup();
    runtime.setSecret('s3cr%t\nsecond-line');
    const masks = lines.map(parseCommand).filter((c) => c?.command === 'add-mask');
    expect(masks.map((m) => m!.value)).toEqual(
      expect.arrayContaining(['s3cr%t\nsecond-line', 's3cr%t', 'second-line', 's3cr%t\\nsecond-line']),
    );
    expect(new Set(masks.map((m) => m!.value)).size).toBe(masks.length);
    expect(runtime.redact('x s3cr%t y')).toBe('x *** y');
  });

  it('writes annotations with escaped properties, and no command can be smuggled through info, debug or a group name', () => {
    const { runtime, lines } = setup();
    runtime.annotate({
      level: 'warning',
      message: 'flaky: a\nb 100%',
      title: 'test, with: punctuation',
      file: 'src/a,b:c.ts',
      line: 3,
      col: 7,
    });
    runtime.info('::set-output name=x::y\nsecond ::warning::z');
    runtime.debug('one\n::error::two');
    const group = runtime.group('name\n::error::evil', async () => runtime.info('inside'));
    return group.then(() => {
      const commands = lines.map(parseCommand).filter(Boolean);
      expect(commands[0]).toEqual({
        command: 'warning',
        properties: { title: 'test, with: punctuation', file: 'src/a,b:c.ts', line: '3', col: '7' },
        value: 'flaky: a\nb 100%',
      });
      expect(commands.map((c) => c!.command)).toEqual(['warning', 'debug', 'group', 'endgroup']);
      for (const line of lines)
        expect(
          line
            .split('\n')
            .slice(1)
            .every((l) => !l.startsWith('::')),
        ).toBe(true);
    });
  });

  it('appends the summary and adds PATH entries; falls back to stdout commands without runner files', async () => {
    const { runtime, read } = setup();
    await runtime.appendSummary('## one');
    await runtime.appendSummary('two');
    expect(read('GITHUB_STEP_SUMMARY')).toBe('## one\ntwo\n');
    runtime.addPath('/opt/tool/bin');
    expect(read('GITHUB_PATH')).toBe('/opt/tool/bin\n');
    expect(process.env.PATH?.startsWith('/opt/tool/bin')).toBe(true);

    for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'])
      delete process.env[name];
    vi.restoreAllMocks();
    const lines = captureStdout();
    const bare = new ActionsRuntime();
    bare.setOutput('a', 'x\ny');
    await bare.appendSummary('ignored');
    expect(lines.map(parseCommand)).toEqual([
      { command: 'set-output', properties: { name: 'a' }, value: 'x\ny' },
    ]);
  });

  it('fails the step with one error line and exit code 1', () => {
    const { runtime, lines } = setup();
    const before = process.exitCode;
    try {
      runtime.setFailed('broken\n::notice::smuggled');
      expect(process.exitCode).toBe(1);
      expect(lines).toHaveLength(1);
      expect(parseCommand(lines[0]!)).toMatchObject({ command: 'error' });
      expect(parseCommand(lines[0]!)!.value).toBe('broken\\n::notice::smuggled');
    } finally {
      process.exitCode = before;
    }
  });

  it('writes what @actions/core writes for the same calls, except where Gantry adds to core', async () => {
    const calls = async (api: {
      setOutput(n: string, v: string): void;
      saveState(n: string, v: string): void;
      exportVariable(n: string, v: string): void;
      addPath(d: string): void;
      debug(m: string): void;
      warning(m: string): void;
    }) => {
      api.setOutput('hostile', HOSTILE);
      api.saveState('state', HOSTILE);
      api.exportVariable('GANTRY_COMPARE', HOSTILE);
      api.addPath('/opt/compare/bin');
      api.debug('one\n::error::two');
      api.warning('a\nb, 100%: c');
    };
    const ours = setup();
    await calls({
      setOutput: (n, v) => ours.runtime.setOutput(n, v),
      saveState: (n, v) => ours.runtime.saveState(n, v),
      exportVariable: (n, v) => ours.runtime.exportVariable(n, v),
      addPath: (d) => ours.runtime.addPath(d),
      debug: (m) => ours.runtime.debug(m),
      warning: (m) => ours.runtime.annotate({ level: 'warning', message: m }),
    });
    await ours.runtime.group('g', async () => undefined);
    ours.runtime.setSecret('single-line-secret');
    vi.restoreAllMocks();
    const theirs = setup();
    await calls(core);
    await core.group('g', async () => undefined);
    core.setSecret('single-line-secret');
    for (const file of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV'] as const)
      expect(parseKeyValueFile(ours.read(file))).toEqual(parseKeyValueFile(theirs.read(file)));
    expect(ours.read('GITHUB_PATH')).toBe(theirs.read('GITHUB_PATH'));
    expect(ours.lines.map(parseCommand)).toEqual(theirs.lines.map(parseCommand));

    // Where Gantry adds to core: outside text cannot start a command, a failure is one line, and
    // every line of a multi-line secret is a mask of its own, as is every escaped form of the
    // secret the suite could print (JSON once and twice: src/runtime/text.ts secretMasks).
    vi.restoreAllMocks();
    const added = setup();
    added.runtime.info('::warning::from a file name');
    core.info('::warning::from a file name');
    added.runtime.setSecret('first\nsecond');
    expect(added.lines[0]).not.toMatch(/^::/);
    expect(parseCommand(added.lines[1]!)).toMatchObject({ command: 'warning' });
    expect(
      added.lines
        .map(parseCommand)
        .filter((c) => c?.command === 'add-mask')
        .map((c) => c!.value),
    ).toEqual(['first\nsecond', 'first\\nsecond', 'first\\\\nsecond', 'first', 'second']);
  });
});
