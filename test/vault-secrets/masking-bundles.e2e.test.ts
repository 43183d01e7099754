/**
 * Issue 13, property-based, through the bundles: the masking invariant of masking.property.test.ts
 * (no token of any value is printed) checked on the bundled CLI and the bundled action against the
 * Vault API server (few runs: each is a process). An e2e file: mutation testing leaves it out, since
 * it runs dist/, not the mutated source.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/local-runner/index.js';
import { SUITE_ROOT } from '../harness/index.js';
import { VaultServer } from '../../src/demo/services/vault-api-server.js';
import { type Fixture, fixture, type VaultBackend, fakeBackend } from './backend.js';
import { runVaultAction } from './run-action.js';
import { runnerView, tokensOf, values } from './masking-arbitraries.js';

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
