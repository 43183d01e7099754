/**
 * Issue 13, property-based: random secret values built from random tokens and the characters that
 * change a value's form (quotes, backslashes, CR, LF, NUL, control characters, unicode, JSON). The
 * invariant, checked on every output: no token of any value appears, so no form of any value was
 * printed. In-process through both runtimes (many runs), then through the bundled CLI and the
 * bundled action against the Vault API server (few runs: each is a process). fast-check prints the
 * seed and the shrunk counterexample when a run fails.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCommand } from '../../src/local-runner/index.js';
import { ActionsRuntime } from '../../src/runtime/actions-runtime.js';
import { CliRuntime } from '../../src/runtime/cli-runtime.js';
import { StructuredLog } from '../../src/runtime/log.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { escapeMarkdown, maskSecrets } from '../../src/runtime/text.js';
import { maskParts, valueText } from '../../src/vault-secrets/masking.js';
import { SUITE_ROOT } from '../harness/index.js';
import { VaultServer } from '../../src/demo/services/vault-api-server.js';
import { type Fixture, fixture, type VaultBackend, fakeBackend } from './backend.js';
import { runVaultAction } from './run-action.js';

const TOKEN = /Qk[0-9a-f]+q/g;
const token = fc.integer({ min: 0, max: 0x7fffffff }).map((n) => `Qk${n.toString(16)}q`);
const HOSTILE = [
  '"',
  '\\',
  '\r',
  '\n',
  '\r\n',
  '\u0000',
  '\t',
  '\u0001',
  '\u001b[31m',
  '\u007f',
  'é',
  '😀',
  '\u2028',
  '\u00a0',
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  ' ',
  '%',
  '%0A',
  '*',
  '_',
  '`',
  '|',
  '<',
  '&',
  '#',
  "'",
  '$',
  '::',
];
const piece = fc.oneof(
  { weight: 2, arbitrary: token },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
);
const text = fc
  .array(piece, { minLength: 1, maxLength: 10 })
  .map((pieces) => pieces.join(''))
  .filter((value) => /Qk[0-9a-f]+q/.test(value));
/** A value as Vault holds it: a string, or a JSON document (as text, or as an object) with hostile leaves. */
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: text },
  {
    weight: 1,
    arbitrary: fc
      .record({ password: text, list: fc.array(text, { maxLength: 2 }), n: fc.constant(1) })
      .map((doc) => JSON.stringify(doc)),
  },
  { weight: 1, arbitrary: fc.record({ nested: text, list: fc.array(text, { maxLength: 2 }) }) },
);
const values = fc.array(value, { minLength: 1, maxLength: 4 });

function tokensOf(vals: unknown[]): string[] {
  return vals.flatMap((v) => valueText(v).match(TOKEN) ?? []);
}

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

/** The log as the runner shows it: lines end at CR or LF, commands parsed, add-mask values masked. */
function runnerView(written: string[]): string {
  const masks: string[] = [];
  const shown: string[] = [];
  for (const line of written.join('\n').split(/\r\n|\r|\n/)) {
    const command = parseCommand(line);
    if (command?.command === 'add-mask') {
      masks.push(command.value);
      continue;
    }
    for (const part of (command ? command.value : line).split(/\r\n|\r|\n/))
      shown.push(maskSecrets(part, masks));
  }
  return shown.join('\n');
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

describe('masking properties (bundled CLI and action, Vault API server)', () => {
  let server: VaultServer;
  let vault: VaultBackend;
  let f: Fixture;
  let n = 0;

  beforeAll(async () => {
    server = await new VaultServer().start();
    vault = fakeBackend(server);
    f = await fixture('127.0.0.1');
    await vault.seed(f.seed);
  });
  afterAll(async () => {
    await f?.issuer.stop();
    await server?.stop();
  });

  /** A fresh path holding the values as keys k0, k1, … */
  function store(vals: unknown[]): string {
    const path = `${f.names.kv2}/bench/prop-${n++}`;
    server.applySeed('', { writes: [{ path, data: Object.fromEntries(vals.map((v, i) => [`k${i}`, v])) }] });
    return path;
  }

  it('gantry vault-secrets (dist/cli): no token of any value in stdout or stderr, with outputs, debug and a run command that prints them', async () => {
    await fc.assert(
      fc.asyncProperty(values, fc.boolean(), async (vals, withRun) => {
        const path = store(vals);
        const args = [
          join(SUITE_ROOT, 'dist', 'cli', 'index.js'),
          'vault-secrets',
          '--url',
          server.address,
          '--method',
          'approle',
          '--auth-path',
          f.names.approle,
          '--role-id',
          f.approle.roleId,
          '--secret-id',
          f.approle.secretId,
          '--secrets',
          `${path} * | P_`,
        ];
        if (withRun)
          args.push('--run', `printf '%s\\n' ${vals.map((_, i) => `"$P_K${i}"`).join(' ')}; exit 1`);
        const child = spawn(join(SUITE_ROOT, 'node_modules', '.bin', 'node'), args, {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { PATH: process.env.PATH, HOME: process.env.HOME, GANTRY_DEBUG: '1' },
        });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
        expect(code).not.toBeNull();
        const leaked = tokensOf(vals).filter((t) => out.includes(t));
        expect(leaked).toEqual([]);
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it('the bundled action: no token of any value outside the outputs file (raw stdout, stderr, summary, structured log), nor in the log as the runner shows it', async () => {
    await fc.assert(
      fc.asyncProperty(values, async (vals) => {
        const path = store(vals);
        const result = await runVaultAction(vault, f, {
          method: 'jwt',
          role: 'ci',
          'auth-path': f.names.jwt,
          secrets: `${path} * | P_`,
        });
        expect(result.main.exitCode).toBe(0);
        const raw = result.steps
          .map((s) =>
            [
              s.stdout
                .split(/\r\n|\r|\n/)
                .filter((l) => parseCommand(l)?.command !== 'add-mask')
                .join('\n'),
              s.stderr,
              s.summary,
            ].join('\n'),
          )
          .join('\n');
        const view = runnerView(result.steps.map((s) => s.stdout));
        const log = readFileSync(result.logFile, 'utf8');
        const leaked = tokensOf(vals).filter((t) => raw.includes(t) || view.includes(t) || log.includes(t));
        expect(leaked).toEqual([]);
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});
