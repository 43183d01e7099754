import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
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

export interface Shell {
  file: string;
  args: (command: string) => string[];
}

/**
 * The platform's default shell for `run`, as a workflow's `run:` step gets it: bash (`-eo
 * pipefail`) where it is on PATH, otherwise `sh -e` on Linux and macOS, and pwsh (else Windows
 * PowerShell, else cmd) on Windows. A command given with CRLF line ends (an input edited on
 * Windows) runs with LF for the POSIX shells, where a trailing CR would be part of each word.
 */
export function defaultShell(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
): Shell {
  const find = (name: string) => onPath(name, env, platform);
  const bash = find('bash');
  const posix = (command: string) => command.replace(/\r\n/g, '\n');
  if (bash) return { file: bash, args: (c) => ['--noprofile', '--norc', '-eo', 'pipefail', '-c', posix(c)] };
  if (platform !== 'win32') return { file: find('sh') ?? '/bin/sh', args: (c) => ['-e', '-c', posix(c)] };
  const pwsh = find('pwsh') ?? find('powershell');
  if (pwsh)
    return {
      file: pwsh,
      args: (c) => [
        '-NoLogo',
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        `$ErrorActionPreference = 'stop'; ${c}; if ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }`,
      ],
    };
  return { file: find('cmd') ?? 'cmd.exe', args: (c) => ['/D', '/E:ON', '/V:OFF', '/S', '/C', c] };
}

function onPath(
  name: string,
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
): string | undefined {
  const path = env.PATH ?? env.Path ?? '';
  const separator = platform === 'win32' ? ';' : delimiter;
  const extensions = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of path.split(separator).filter(Boolean))
    for (const extension of extensions) {
      const candidate = join(dir, `${name}${extension.toLowerCase()}`);
      if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    }
  return undefined;
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
  const shell = defaultShell(env);
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn(shell.file, shell.args(command), {
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
