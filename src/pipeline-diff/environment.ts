import { createHash } from 'node:crypto';

type Env = Readonly<Record<string, string | undefined>>;

/** The runner a job ran on: what changes under a job when GitHub rolls a new runner image. */
export function runnerInfo(env: Env, labels: string[]): Record<string, string> {
  const info: Record<string, string> = {};
  const take = (key: string, value: string | undefined) => {
    if (value) info[key] = value;
  };
  take('os', env.RUNNER_OS);
  take('arch', env.RUNNER_ARCH);
  take('image-os', env.ImageOS);
  take('image-version', env.ImageVersion);
  // The runner sets RUNNER_ENVIRONMENT to github-hosted or self-hosted.
  take('environment', env.RUNNER_ENVIRONMENT);
  if (labels.length) info.labels = [...labels].sort().join(',');
  return info;
}

/** Runs one command with a timeout: the adapter's job (domain code does not spawn). */
export type CommandRunner = (argv: string[], timeoutMs: number) => Promise<string>;

/** Each tool's version line (the first non-empty line it prints), or `error: …`; all at once. */
export async function toolchainVersions(
  tools: Record<string, string[]>,
  run: CommandRunner,
  timeoutMs: number,
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(tools).map(async ([name, argv]) => {
      try {
        const out = await run(argv, timeoutMs);
        const line = out.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
        return [name, line.trim().slice(0, 200)] as const;
      } catch (error) {
        return [name, `error: ${(error as Error).message.split('\n')[0]!.slice(0, 200)}`] as const;
      }
    }),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Variables the runner or the step itself sets, which differ on every run or every machine: they
 * would make every diff noisy and say nothing about the pipeline's configuration.
 */
const VOLATILE = [
  /^GITHUB_/,
  /^RUNNER_/,
  /^ACTIONS_/,
  /^INPUT_/,
  /^STATE_/,
  /^GANTRY_/,
  /^(?:ImageOS|ImageVersion|AGENT_TOOLSDIRECTORY|RUNNER_TOOL_CACHE)$/,
  /^(?:HOME|PWD|OLDPWD|SHLVL|_|HOSTNAME|USER|LOGNAME|SHELL|TERM|TMPDIR|TEMP|TMP|LANG|LC_[A-Z]+|PATH|MAIL|JOURNAL_STREAM|INVOCATION_ID|SYSTEMD_EXEC_PID|XDG_[A-Z_]+|DEBIAN_FRONTEND|CI|NODE_OPTIONS|NODE_EXTRA_CA_CERTS|SSH_[A-Z_]+|DISPLAY|COLUMNS|LINES)$/,
  /^npm_/,
  /^(?:VITEST|VITEST_[A-Z_]+|NODE_ENV|TEST|JEST_WORKER_ID)$/,
];

/** Names that say their value is a credential: such a value is never hashed, only its name kept. */
const SECRET_NAME =
  /(?:^|_|-)(?:TOKEN|SECRET|SECRETS|PASSWORD|PASSWD|PWD|PASS|PASSPHRASE|KEY|KEYS|APIKEY|PRIVATE|CREDENTIAL|CREDENTIALS|CREDS|AUTH|AUTHORIZATION|CERT|CERTIFICATE|COOKIE|SESSION|SIGNATURE|SALT|PAT|DSN|WEBHOOK|CONNECTION|CONNSTR|OTP|PIN)(?:$|_|-)/i;

/**
 * Values that look like credentials whatever the name: known token prefixes, PEM blocks, JWTs, URLs
 * carrying a password, long high-entropy strings. A masked value of an earlier step is invisible to
 * this process (the runner keeps masks to itself), so the value is judged on its own.
 */
export function looksSecret(value: string): boolean {
  if (
    /^(?:ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|xox[abprs]-|sk-|sk_live_|rk_live_|AKIA|ASIA|AIza|ya29\.|hvs\.|hvb\.|s\.[A-Za-z0-9]{20})/.test(
      value,
    )
  )
    return true;
  if (/-----BEGIN [A-Z ]*(?:PRIVATE KEY|CERTIFICATE)-----/.test(value)) return true;
  if (/^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i.test(value)) return true;
  const compact = value.trim();
  if (compact.length >= 20 && !/\s/.test(compact) && !/^[\w.-]+(?:\/[\w.-]+)+$/.test(compact)) {
    const classes =
      Number(/[a-z]/.test(compact)) + Number(/[A-Z]/.test(compact)) + Number(/\d/.test(compact));
    if (classes >= 3 && entropy(compact) >= 3.5) return true;
    if (/^[a-f0-9]{32,}$/i.test(compact) && !/^[a-f0-9]{40}$|^[a-f0-9]{64}$/.test(compact)) return true;
  }
  return false;
}

function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export const SECRET_MARK = 'secret';

export interface ConfigOptions {
  /** A value the runtime knows as masked. */
  isMasked: (value: string) => boolean;
  /** Names the user excluded (globs, compiled by the caller). */
  excluded: (name: string) => boolean;
}

/**
 * Names and SHA-256 of configuration values: never a raw value. A value that is masked, looks like
 * a credential or sits under a credential-like name is recorded as `secret` (its name only), so its
 * appearance and disappearance show but nothing derived from it is kept.
 */
export function hashConfig(
  values: Record<string, string | undefined>,
  options: ConfigOptions,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(values).sort()) {
    const value = values[name];
    if (value === undefined || options.excluded(name)) continue;
    if (SECRET_NAME.test(name) || options.isMasked(value) || looksSecret(value)) out[name] = SECRET_MARK;
    else out[name] = `sha256:${createHash('sha256').update(value).digest('hex')}`;
  }
  return out;
}

/** The job's environment minus what the runner and the step set themselves. */
export function jobEnvironment(env: Env): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env))
    if (!VOLATILE.some((re) => re.test(name))) out[name] = value;
  return out;
}
