import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ActionRun, runAction } from '../harness/index.js';
import type { Fixture, VaultBackend } from './backend.js';

/** The bundled action through the harness, debug on, the structured log under the runner temp dir. */
export async function runVaultAction(
  vault: VaultBackend,
  f: Fixture,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<ActionRun & { logFile: string }> {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'gantry-runner-vault-'));
  const logFile = join(runnerTemp, 'gantry-log.jsonl');
  const result = await runAction({
    action: 'vault-secrets',
    debug: true,
    runnerTemp,
    inputs: { url: vault.addr, ...inputs },
    env: { GANTRY_LOG_FILE: logFile, ...f.issuer.runnerEnv(), ...env },
  });
  return { ...result, logFile };
}
