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
  /**
   * Kill git after this long. Default: LS_REMOTE_TIMEOUT_MS for `ls-remote` (it only lists refs, yet
   * git sets no limit of its own: a server that accepts and never answers holds the step until the
   * job's timeout), none for the rest (a fetch of a large history may rightly take long).
   */
  timeoutMs?: number;
}

/** How long `git ls-remote` may take before it is killed: a listing is seconds even on a slow link. */
export const LS_REMOTE_TIMEOUT_MS = 60_000;

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

/** git did not finish within its time limit and was killed. */
export class GitTimeoutError extends GitError {
  override name = 'GitTimeoutError';
  constructor(args: string[], timeoutMs: number) {
    super(args, -1, `no answer within ${timeoutMs / 1000} s; killed`);
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
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs(args);
    const result = await new Promise<GitResult>((resolve, reject) => {
      const child = spawn(this.binary, fullArgs, {
        cwd: this.cwd,
        env: this.env,
        stdio: ['pipe', 'pipe', 'pipe'],
        // Its own process group when it may be killed: git's remote helper (git-remote-https) is a
        // child of git holding the same pipes, so killing git alone would leave it talking.
        detached: timeoutMs !== undefined,
      });
      let timedOut = false;
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              timedOut = true;
              try {
                process.kill(-child.pid!, 'SIGKILL');
              } catch {
                child.kill('SIGKILL');
              }
            }, timeoutMs);
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (timedOut) reject(new GitTimeoutError(args, timeoutMs!));
        else
          resolve({
            code: code ?? 128,
            stdout: Buffer.concat(out),
            stderr: Buffer.concat(err).toString('utf8'),
          });
      });
      child.stdin.on('error', () => {}); // a killed git closes its stdin before we finish writing
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
  async succeeds(args: string[], options: Pick<GitRunOptions, 'timeoutMs'> = {}): Promise<boolean> {
    try {
      return (await this.run(args, { ...options, okCodes: [1, 128, 129] })).code === 0;
    } catch (error) {
      // Killed for taking too long is an answer too: it did not succeed.
      if (error instanceof GitTimeoutError) return false;
      throw error;
    }
  }
}

/** The time limit a command gets when its caller names none. */
export function defaultTimeoutMs(args: readonly string[]): number | undefined {
  return args[0] === 'ls-remote' ? LS_REMOTE_TIMEOUT_MS : undefined;
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
