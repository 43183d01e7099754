import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInputArgs } from '../../src/cli/cli.js';
import { evaluateDefault } from '../../src/local-runner/index.js';
import { CliRuntime } from '../../src/runtime/cli-runtime.js';
import { ConfigurationError, inputReader, runStep } from '../../src/runtime/index.js';
import { parseActionMetadata } from '../../src/runtime/metadata.js';
import { defuseCommands, escapeMarkdown, truncateUtf8 } from '../../src/runtime/text.js';

const metadata = parseActionMetadata(
  `
name: demo
description: demo action
inputs:
  mode: {description: the mode, default: fast}
  count: {description: how many, default: '3'}
  flag: {description: a flag, default: 'false'}
  token: {description: token, default: '\${{ github.token }}'}
  need: {description: needed, required: true}
outputs:
  result: {description: the result}
runs: {using: node24, main: ../../dist/demo/index.js}
`,
  'demo/action.yml',
);

const cli = (inputs: Record<string, string>, env: Record<string, string> = {}) => {
  const printed: string[] = [];
  const runtime = new CliRuntime({
    action: 'demo',
    metadata,
    inputs,
    env,
    write: (t) => printed.push(t),
    evaluateDefault: (value) => evaluateDefault(value, env),
  });
  return { runtime, printed };
};

describe('CliRuntime', () => {
  it('applies action.yml defaults, including the github.token expression', () => {
    const { runtime } = cli({ need: 'x' }, { GITHUB_TOKEN: 'ghs_abc' });
    expect(runtime.getInput('mode')).toBe('fast');
    expect(runtime.getInput('count')).toBe('3');
    expect(runtime.getInput('token')).toBe('ghs_abc');
  });

  it('refuses unknown inputs and missing required ones with the fix in the message', () => {
    expect(() => cli({ need: 'x', mdoe: 'slow' })).toThrow(
      /Unknown input '--mdoe'.*Known inputs: mode, count/,
    );
    expect(() => cli({})).toThrow(/Input 'need' is required: pass --need <value>/);
  });

  it('redacts registered secrets, line by line, in everything it prints', async () => {
    const { runtime, printed } = cli({ need: 'x' });
    runtime.setSecret('line-one-secret\nline-two-secret');
    runtime.info('got line-two-secret here');
    runtime.setOutput('result', 'line-one-secret');
    runtime.setFailed('failed with line-one-secret');
    expect(printed.join('')).not.toMatch(/line-(one|two)-secret/);
    expect(runtime.outputsJson()).toContain('***');
  });

  it('keeps at most 10 annotations per level', () => {
    const { runtime, printed } = cli({ need: 'x' });
    for (let i = 0; i < 15; i++) runtime.annotate({ level: 'warning', message: `w${i}` });
    runtime.annotate({ level: 'error', message: 'e' });
    expect(printed.filter((p) => p.startsWith('warning')).length).toBe(10);
    expect(printed.filter((p) => p.startsWith('error')).length).toBe(1);
  });
});

describe('inputReader', () => {
  const reader = (inputs: Record<string, string>) => inputReader(cli({ need: 'x', ...inputs }).runtime);

  it('parses typed inputs and names the input, the value and the expectation on error', () => {
    expect(reader({ count: '12' }).integer('count', { min: 1 })).toBe(12);
    expect(() => reader({ count: '1e3' }).integer('count', { min: 1 })).toThrow(
      'Input \'count\': got "1e3"; expected an integer >= 1.',
    );
    expect(reader({ flag: 'True' }).boolean('flag')).toBe(true);
    expect(() => reader({ flag: 'yes' }).boolean('flag')).toThrow(
      /Input 'flag': got "yes"; expected 'true' or 'false'/,
    );
    expect(() => reader({ mode: 'slow' }).oneOf('mode', ['fast', 'safe'])).toThrow(
      /expected one of fast, safe/,
    );
  });

  it('parses durations and sizes', () => {
    expect(reader({ mode: '7d' }).duration('mode')).toBe(7 * 86_400_000);
    expect(reader({ mode: '512MB' }).size('mode')).toBe(512e6);
    expect(() => reader({ mode: 'a week' }).duration('mode')).toThrow(ConfigurationError);
  });
});

describe('runStep', () => {
  it('ends a ConfigurationError as one line without a stack, and logs one JSON line per stage to GANTRY_LOG_FILE without secrets', async () => {
    const logFile = join(mkdtempSync(join(tmpdir(), 'gantry-log-')), 'log.jsonl');
    const { runtime, printed } = cli(
      { need: 'x' },
      { GANTRY_LOG_FILE: logFile, GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: 'abc' },
    );
    const ok = await runStep(
      'demo',
      'main',
      async (ctx) => {
        ctx.runtime.setSecret('hunter2-password');
        await ctx.log.stage(
          'resolve',
          async () => 'hunter2-password',
          (v) => ({ value: v }),
        );
        await ctx.log.stage('fail', async () => {
          throw ConfigurationError.forInput('mode', 'slow', 'fast or safe');
        });
      },
      { runtime },
    );
    expect(ok).toBe(false);
    const errors = printed.filter((p) => p.startsWith('error:'));
    expect(errors).toEqual(['error: Input \'mode\': got "slow"; expected fast or safe.\n']);
    expect(printed.join('')).not.toContain('    at ');
    const lines = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.stage, l.outcome])).toEqual([
      ['resolve', 'success'],
      ['fail', 'failure'],
    ]);
    expect(lines[0]).toMatchObject({ action: 'demo', correlation: { repository: 'acme/app', sha: 'abc' } });
    expect(typeof lines[0].duration_ms).toBe('number');
    expect(readFileSync(logFile, 'utf8')).not.toContain('hunter2-password');
  });
});

describe('text safety', () => {
  it('defuses workflow commands at any line start', () => {
    expect(defuseCommands('ok\n::set-output name=x::y\n  ::error::boom')).toBe(
      'ok\n\u200b::set-output name=x::y\n  \u200b::error::boom',
    );
  });
  it('escapes Markdown and truncates on a character boundary', () => {
    expect(escapeMarkdown('a|b<script>\n`x`')).toBe('a\\|b&lt;script&gt;\\n\\`x\\`');
    const cut = truncateUtf8('é'.repeat(100), 51, '');
    expect(cut).toBe('é'.repeat(25));
  });
});

describe('parseInputArgs', () => {
  it('reads --name value, --name=value, bare flags and repeated inputs as lines', () => {
    expect(parseInputArgs(['--a', '1', '--b=2', '--c', '--d', 'x', '--d', 'y'])).toEqual({
      a: '1',
      b: '2',
      c: 'true',
      d: 'x\ny',
    });
    expect(() => parseInputArgs(['stray'])).toThrow(/Unexpected argument "stray"/);
  });
});
