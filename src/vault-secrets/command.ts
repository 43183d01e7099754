import { spawn } from 'node:child_process';
import { ConfigurationError } from '../runtime/errors.js';
import type { Runtime } from '../runtime/runtime.js';
import { INPUT } from './constants.js';

/**
 * An environment variable cannot hold a NUL byte. Checked before anything is spawned or exported,
 * with an error that names the variable only: Node's own refusal quotes the value in an escaped
 * form no mask matches.
 */
export function assertEnvironmentValues(entries: Iterable<[name: string, value: string]>): void {
  for (const [name, value] of entries) {
    if (name.includes('\0') || value.includes('\0'))
      throw new ConfigurationError(
        `Input '${INPUT.secrets}': the secret for ${name.replace(/\0/g, '\\0')} contains a NUL byte, which an environment variable cannot hold; deliver it as an output instead, or store it encoded (for example base64).`,
      );
  }
}

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
  assertEnvironmentValues(Object.entries(secrets));
  Object.assign(env, secrets);
  const piped = runtime.kind === 'cli';
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
      cwd,
      env,
      stdio: ['ignore', piped ? 'pipe' : 'inherit', piped ? 'pipe' : 'inherit'],
    });
  } catch (error) {
    // Node's message may quote the environment (values included): keep only its code.
    throw new Error(
      `Input '${INPUT.run}': the command could not be started (${(error as { code?: string }).code ?? 'spawn failed'}).`,
    );
  }
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
