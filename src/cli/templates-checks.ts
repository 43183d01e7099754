import { systemClock } from '../net/clock.js';
import { HttpClient } from '../net/http.js';
import { ConfigurationError, errorMessage } from '../runtime/errors.js';
import { escapeMarkdown, markdownTable } from '../runtime/text.js';
import { REPOSITORY } from '../templates/pin-rollout.js';
import { ChecksApi, waitForChecks } from '../templates/rollout.js';

export const CHECKS_USAGE = `Usage: gantry templates await-checks --repository owner/name --ref <sha> [--deadline 90m] [--poll 30s]
                                     [--record-on owner/name@<sha>] [--record-name canary]
       gantry templates check-record --repository owner/name --sha <sha> [--name canary]

await-checks waits, up to the deadline, until every check run and commit status on the ref is
green (exit 0) or one is red or the deadline passes (exit 1, naming which and why); with
--record-on it records the outcome there as a completed check run (the canary's record on the
release commit, read with GITHUB_RECORD_TOKEN or GITHUB_TOKEN). check-record exits 0 only when
that commit carries a successful check run of that name. The token is GITHUB_TOKEN; the API is
GITHUB_API_URL (default https://api.github.com).`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const defaultIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

export function flags(args: string[], known: string[], usage = CHECKS_USAGE): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!.replace(/^--/, '');
    if (!args[i]!.startsWith('--') || !known.includes(name))
      throw new ConfigurationError(`Unexpected argument ${JSON.stringify(args[i])}.\n${usage}`);
    const value = args[++i];
    if (value === undefined) throw new ConfigurationError(`--${name} needs a value.`);
    out[name] = value;
  }
  return out;
}

export function duration(flag: string, value: string): number {
  const m = /^(\d+)(ms|s|m|h)?$/.exec(value.trim());
  if (!m)
    throw new ConfigurationError(
      `--${flag}: got ${JSON.stringify(value)}; expected a duration such as 90m or 30s.`,
    );
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
}

export function repository(flag: string, value: string | undefined): string {
  if (!value || !REPOSITORY.test(value)) throw new ConfigurationError(`--${flag}: expected owner/name.`);
  return value;
}

export function token(env: Readonly<Record<string, string | undefined>>, name = 'GITHUB_TOKEN'): string {
  const value = env[name] ?? env.GITHUB_TOKEN;
  if (!value) throw new ConfigurationError(`Set ${name} to a token that can read the checks.`);
  return value;
}

export async function awaitChecksCommand(
  args: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  io: Io = defaultIo,
  options: { clock?: typeof systemClock; http?: HttpClient } = {},
): Promise<number> {
  try {
    const f = flags(args, ['repository', 'ref', 'deadline', 'poll', 'record-on', 'record-name']);
    const repo = repository('repository', f.repository);
    if (!f.ref) throw new ConfigurationError('--ref: give the commit SHA whose checks decide.');
    const record = f['record-on'] ? /^([^@]+)@([0-9a-f]{40})$/.exec(f['record-on']) : undefined;
    if (f['record-on'] && !record)
      throw new ConfigurationError('--record-on: expected owner/name@<full commit SHA>.');
    const apiUrl = env.GITHUB_API_URL ?? 'https://api.github.com';
    const http = options.http ?? new HttpClient();
    const api = new ChecksApi(http, apiUrl, token(env));
    const verdict = await waitForChecks(() => api.verdict(repo, f.ref!), {
      clock: options.clock ?? systemClock,
      deadlineMs: duration('deadline', f.deadline ?? '90m'),
      pollMs: duration('poll', f.poll ?? '30s'),
    });
    io.stdout(
      markdownTable(
        ['check', 'state', 'detail'],
        verdict.checks.map((c) => [escapeMarkdown(c.name), c.state, escapeMarkdown(c.detail)]),
      ),
    );
    const green = verdict.state === 'green';
    io.stdout(`\n${repo}@${f.ref}: ${verdict.state} — ${verdict.reason}\n`);
    if (record) {
      const recorder = new ChecksApi(http, apiUrl, token(env, 'GITHUB_RECORD_TOKEN'));
      await recorder.recordCheckRun(repository('record-on', record[1]), record[2]!, {
        name: f['record-name'] ?? 'canary',
        conclusion: green ? 'success' : 'failure',
        title: `${repo}: ${verdict.state}`,
        summary: `${repo}@${f.ref}: ${verdict.reason}`,
      });
      io.stdout(`Recorded ${green ? 'success' : 'failure'} on ${f['record-on']}.\n`);
    }
    return green ? 0 : 1;
  } catch (error) {
    io.stderr(`error: ${errorMessage(error)}\n`);
    return 2;
  }
}

export async function checkRecordCommand(
  args: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  io: Io = defaultIo,
  options: { http?: HttpClient } = {},
): Promise<number> {
  try {
    const f = flags(args, ['repository', 'sha', 'name']);
    const repo = repository('repository', f.repository);
    if (!/^[0-9a-f]{40}$/.test(f.sha ?? ''))
      throw new ConfigurationError('--sha: expected a full commit SHA.');
    const name = f.name ?? 'canary';
    const api = new ChecksApi(
      options.http ?? new HttpClient(),
      env.GITHUB_API_URL ?? 'https://api.github.com',
      token(env),
    );
    const { runs, ok } = await api.record(repo, f.sha!, name);
    io.stdout(
      ok
        ? `${repo}@${f.sha} carries a successful '${name}' check run.\n`
        : `::error title=${name}::${repo}@${f.sha} has no successful '${name}' check run (${runs.length ? runs.map((r) => r.conclusion ?? r.status).join(', ') : 'none'}): run the canary first.\n`,
    );
    return ok ? 0 : 1;
  } catch (error) {
    io.stderr(`error: ${errorMessage(error)}\n`);
    return 2;
  }
}
