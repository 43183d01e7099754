import { spawn } from 'node:child_process';

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export interface GitRunOptions {
  /** Exit codes that are answers, not failures (e.g. 1 from merge-base when there is none). */
  okCodes?: number[];
  input?: string | Buffer;
}

export class GitError extends Error {
  override name = 'GitError';
  constructor(
    readonly args: string[],
    readonly code: number,
    readonly stderr: string,
  ) {
    super(
      `git ${args.join(' ')} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' / ') || 'no message'}`,
    );
  }
}

export interface GitStats {
  /** git processes this wrapper started. */
  processes: number;
  /** Of those, `git fetch` calls: the ones that cross the network. */
  fetches: number;
}

/**
 * The only code in Gantry that spawns git. Output is read as bytes (names with any byte survive);
 * prompts are off so a missing credential fails instead of hanging; the working directory is marked
 * safe for this process only, since container jobs trip git's ownership check.
 */
export class Git {
  readonly stats: GitStats = { processes: 0, fetches: 0 };
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly cwd: string,
    env: Readonly<Record<string, string | undefined>> = process.env,
    private readonly binary = 'git',
  ) {
    this.env = { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' };
  }

  async run(args: string[], options: GitRunOptions = {}): Promise<GitResult> {
    const fullArgs = ['-c', `safe.directory=${this.cwd}`, '-c', 'core.quotePath=false', ...args];
    this.stats.processes += 1;
    if (args[0] === 'fetch') this.stats.fetches += 1;
    const result = await new Promise<GitResult>((resolve, reject) => {
      const child = spawn(this.binary, fullArgs, {
        cwd: this.cwd,
        env: this.env,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', reject);
      child.on('close', (code) =>
        resolve({
          code: code ?? 128,
          stdout: Buffer.concat(out),
          stderr: Buffer.concat(err).toString('utf8'),
        }),
      );
      child.stdin.end(options.input);
    });
    const ok = result.code === 0 || options.okCodes?.includes(result.code);
    if (!ok) throw new GitError(args, result.code, result.stderr);
    return result;
  }

  /** stdout as trimmed text. */
  async text(args: string[], options: GitRunOptions = {}): Promise<string> {
    return (await this.run(args, options)).stdout.toString('utf8').trim();
  }

  /** Whether the command exits 0 (for questions such as "is this object here?"). */
  async succeeds(args: string[]): Promise<boolean> {
    return (await this.run(args, { okCodes: [1, 128, 129] })).code === 0;
  }
}

/** Split NUL-terminated output (`-z`) into raw byte fields. */
export function splitNul(buffer: Buffer): Buffer[] {
  const fields: Buffer[] = [];
  let start = 0;
  for (let i = buffer.indexOf(0, start); i !== -1; i = buffer.indexOf(0, start)) {
    fields.push(buffer.subarray(start, i));
    start = i + 1;
  }
  if (start < buffer.length) fields.push(buffer.subarray(start));
  return fields;
}
