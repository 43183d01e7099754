import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ActionsRuntime } from '../../src/runtime/actions-runtime.js';
import { CliRuntime } from '../../src/runtime/cli-runtime.js';
import { StructuredLog } from '../../src/runtime/log.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { escapeMarkdown } from '../../src/runtime/text.js';
import { maskParts, valueText } from '../../src/vault-secrets/masking.js';
import { runnerView, tokensOf, values } from './masking-arbitraries.js';

/** Every sink a runtime offers, each given text that carries the value in some form. */
async function exercise(runtime: Runtime, v: unknown): Promise<void> {
  const shown = valueText(v);
  const log = new StructuredLog({
    action: 'vault-secrets',
    correlation: { repository: 'a/b', sha: '', run_id: '', attempt: '' },
    clock: { now: () => 0, sleep: async () => undefined },
    emit: (line) => runtime.info(line),
    redact: (t) => runtime.redact(t),
  });
  runtime.info(`value ${shown} end`);
  runtime.info(JSON.stringify({ shown, nested: JSON.stringify({ shown }) }));
  runtime.debug(`debug ${shown}`);
  runtime.annotate({ level: 'warning', message: `warning ${shown}` });
  await runtime.group(`group ${shown}`, async () => undefined);
  log.record('fetch', 0, 'failure', { error: `failed ${shown}`, list: [shown] });
  await runtime.appendSummary(`| ${escapeMarkdown(shown)} | ${shown} |\n`);
  runtime.setFailed(runtime.redact(`failed: ${shown}`));
}

describe('masking properties (in process)', () => {
  it('CLI runtime: no token of any value appears in anything it prints (info, JSON lines, debug, annotations, groups, structured log, error, summary, outputs)', async () => {
    await fc.assert(
      fc.asyncProperty(values, async (vals) => {
        let printed = '';
        const runtime = new CliRuntime({
          action: 'vault-secrets',
          metadata: { name: '', description: '', inputs: {}, outputs: {}, runs: { using: 'node24' } },
          inputs: {},
          env: { GANTRY_DEBUG: '1' },
          write: (t) => {
            printed += t;
          },
        });
        for (const v of vals) for (const part of maskParts(v)) runtime.setSecret(part);
        for (const [i, v] of vals.entries()) {
          runtime.setOutput(`S_${i}`, valueText(v));
          await exercise(runtime, v);
        }
        printed += runtime.outputsJson() + runtime.redact(runtime.summary);
        const leaked = tokensOf(vals).filter((t) => printed.includes(t));
        expect(leaked).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('Actions runtime: no token of any value appears in the log as the runner shows it (lines split at CR and LF), nor in the summary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-mask-prop-'));
    await fc.assert(
      fc.asyncProperty(values, async (vals) => {
        const summary = join(dir, 'summary');
        writeFileSync(summary, '');
        // ActionsRuntime writes through @actions/core: process.env in, process.stdout out.
        const written: string[] = [];
        const saved = { summary: process.env.GITHUB_STEP_SUMMARY, debug: process.env.RUNNER_DEBUG };
        process.env.GITHUB_STEP_SUMMARY = summary;
        process.env.RUNNER_DEBUG = '1';
        const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
          written.push(
            ...String(chunk)
              .split('\n')
              .filter((line) => line !== ''),
          );
          return true;
        });
        try {
          const runtime = new ActionsRuntime();
          for (const v of vals) for (const part of maskParts(v)) runtime.setSecret(part);
          for (const v of vals) await exercise(runtime, v);
        } finally {
          spy.mockRestore();
          for (const [key, value] of [
            ['GITHUB_STEP_SUMMARY', saved.summary],
            ['RUNNER_DEBUG', saved.debug],
          ] as const)
            if (value === undefined) delete process.env[key];
            else process.env[key] = value;
          process.exitCode = undefined;
        }
        const view = runnerView(written) + readFileSync(summary, 'utf8');
        const leaked = tokensOf(vals).filter((t) => view.includes(t));
        expect(leaked).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
