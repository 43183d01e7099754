import { spawn } from 'node:child_process';
import type { Runtime } from '../runtime/runtime.js';

/**
 * `run`: the command gets the secrets in its environment and nothing else does; they leave with
 * its process tree. Under the runner its output goes straight to the step log (the runner masks
 * it); in the CLI it is redacted line by line on the way to stderr.
 */
export async function runWithSecrets(
  runtime: Runtime,
  command: string,
  secrets: Record<string, string>,
  cwd: string,
): Promise<number> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(runtime.env)) {
    // The action's own inputs and state (credentials among them) are not the command's business.
    if (value !== undefined && !name.startsWith('INPUT_') && !name.startsWith('STATE_')) env[name] = value;
  }
  Object.assign(env, secrets);
  const piped = runtime.kind === 'cli';
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
    cwd,
    env,
    stdio: ['ignore', piped ? 'pipe' : 'inherit', piped ? 'pipe' : 'inherit'],
  });
  if (piped) {
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) runtime.info(line);
      });
      stream?.on('end', () => pending && runtime.info(pending));
    }
  }
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
