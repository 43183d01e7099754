import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluateStatusCondition,
  parseCommand,
  parseKeyValueFile,
  runProcessStep,
} from '../../src/runner/index.js';

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

  it('evaluates post-if status functions', () => {
    expect(evaluateStatusCondition('always()', { success: false, cancelled: true })).toBe(true);
    expect(evaluateStatusCondition('success()', { success: false, cancelled: false })).toBe(false);
    expect(
      evaluateStatusCondition(`$\{{ !cancelled() && failure() }}`, { success: false, cancelled: false }),
    ).toBe(true);
    expect(() => evaluateStatusCondition('github.ref == 1', { success: true, cancelled: false })).toThrow(
      /unsupported/,
    );
  });
});
