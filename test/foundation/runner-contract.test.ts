import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluateActionCondition,
  parseCommand,
  parseKeyValueFile,
  runProcessStep,
} from '../../src/local-runner/index.js';

describe('runner contract mechanics (shared by test/harness and gantry templates run)', () => {
  it('parses file commands, including heredoc values with the delimiter-like lines inside', () => {
    const text = 'plain=1\nmulti<<ghadelimiter_1\nline a\nEOF\nline c\nghadelimiter_1\nempty=\n';
    expect(parseKeyValueFile(text)).toEqual({ plain: '1', multi: 'line a\nEOF\nline c', empty: '' });
    expect(() => parseKeyValueFile('x<<D\nno end\n')).toThrow(/unterminated heredoc/);
  });

  it('parses workflow commands with escaped properties and data', () => {
    expect(parseCommand('::error file=a%2Cb.ts,line=3::bad%0Athing')).toEqual({
      command: 'error',
      properties: { file: 'a,b.ts', line: '3' },
      value: 'bad\nthing',
    });
    expect(parseCommand('plain text')).toBeUndefined();
  });

  it('reports a value printed before its mask, and masks what follows', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'gantry-contract-'));
    const script = [
      'echo "early s3cr3t-value"',
      'echo "::add-mask::s3cr3t-value"',
      'echo "late s3cr3t-value"',
      'echo "out=done" >> "$GITHUB_OUTPUT"',
      'printf "big<<EOF_1\\nA\\nB\\nEOF_1\\n" >> "$GITHUB_OUTPUT"',
      'echo "K=V" >> "$GITHUB_ENV"',
      'echo "/opt/tool" >> "$GITHUB_PATH"',
      'echo "s=1" >> "$GITHUB_STATE"',
      'echo "| a |" >> "$GITHUB_STEP_SUMMARY"',
    ].join('\n');
    const masks: string[] = [];
    const step = await runProcessStep(
      'run',
      {
        command: 'bash',
        args: ['-c', script],
        env: { PATH: process.env.PATH ?? '' },
        cwd: temp,
        timeoutMs: 10_000,
      },
      temp,
      masks,
    );
    expect(step.exitCode).toBe(0);
    expect(step.leaks).toEqual(['s3cr3t-value']);
    expect(step.log).toContain('late ***');
    expect(step.outputs).toEqual({ out: 'done', big: 'A\nB' });
    expect(step.env).toEqual({ K: 'V' });
    expect(step.path).toEqual(['/opt/tool']);
    expect(step.state).toEqual({ s: '1' });
    expect(step.summary).toBe('| a |\n');
    expect(masks).toEqual(['s3cr3t-value']);
  });

  it("evaluates pre-if/post-if with GitHub's evaluator: status functions and the runner context", () => {
    const failed = { failed: true, cancelled: false };
    const ok = { failed: false, cancelled: false };
    expect(evaluateActionCondition(undefined, { failed: true, cancelled: true }, {})).toBe(true);
    expect(evaluateActionCondition('always()', { failed: true, cancelled: true }, {})).toBe(true);
    expect(evaluateActionCondition('success()', failed, {})).toBe(false);
    expect(evaluateActionCondition(`$\{{ !cancelled() && failure() }}`, failed, {})).toBe(true);
    // GitHub's documented example; without a status function success() is implied.
    expect(evaluateActionCondition("runner.os == 'Linux'", ok, { RUNNER_OS: 'Linux' })).toBe(true);
    expect(evaluateActionCondition("runner.os == 'Linux'", failed, { RUNNER_OS: 'Linux' })).toBe(false);
    expect(evaluateActionCondition("runner.os == 'Linux'", ok, { RUNNER_OS: 'macOS' })).toBe(false);
    expect(evaluateActionCondition("github.event_name == 'push' || failure()", failed, {})).toBe(true);
    expect(() => evaluateActionCondition('process.exit(1)', ok, {})).toThrow();
  });
});
