import { type GitHub, gitHubError, githubClient } from '../github/client.js';
import type { Clock } from '../net/clock.js';
import type { HttpClient } from '../net/http.js';
import { ConfigurationError } from '../runtime/errors.js';

/**
 * The canary and rollout gates read through GitHub's API instead of a person's eyes: a commit is
 * green when every check run on it completed without failing and its combined commit status is
 * success (or it has no status at all); the first failing one makes it red, with its name and why.
 * A rollout opens pin pull requests in waves; each wave waits for the previous one to be green,
 * and the first red consumer halts it.
 */

export type GateState = 'green' | 'red' | 'pending';

export interface CheckOutcome {
  /** `check <name>` or `status <context>`. */
  name: string;
  state: GateState;
  detail: string;
}

export interface ChecksVerdict {
  state: GateState | 'timed-out';
  checks: CheckOutcome[];
  /** One line: what made it red, what it still waits for, or that it is green. */
  reason: string;
}

interface CheckRun {
  name: string;
  status: string;
  conclusion: string | null;
  output?: { title?: string | null; summary?: string | null };
}

interface CombinedStatus {
  state: string;
  statuses: { context: string; state: string; description: string | null }[];
}

const PASSING = new Set(['success', 'neutral', 'skipped']);

/** The verdict over a commit's check runs and its combined status. */
export function judgeChecks(runs: CheckRun[], status: CombinedStatus): ChecksVerdict {
  const checks: CheckOutcome[] = [];
  for (const run of runs) {
    if (run.status !== 'completed')
      checks.push({ name: `check ${run.name}`, state: 'pending', detail: run.status });
    else
      checks.push({
        name: `check ${run.name}`,
        state: PASSING.has(run.conclusion ?? '') ? 'green' : 'red',
        detail: [run.conclusion ?? 'no conclusion', run.output?.title].filter(Boolean).join(': '),
      });
  }
  for (const s of status.statuses)
    checks.push({
      name: `status ${s.context}`,
      state: s.state === 'success' ? 'green' : s.state === 'pending' ? 'pending' : 'red',
      detail: [s.state, s.description].filter(Boolean).join(': '),
    });
  const red = checks.filter((c) => c.state === 'red');
  const pending = checks.filter((c) => c.state === 'pending');
  if (red.length) return { state: 'red', checks, reason: red.map((c) => `${c.name} ${c.detail}`).join('; ') };
  if (!checks.length) return { state: 'pending', checks, reason: 'no check or status reported yet' };
  if (pending.length)
    return { state: 'pending', checks, reason: `waiting for ${pending.map((c) => c.name).join(', ')}` };
  return { state: 'green', checks, reason: `${checks.length} check(s) and status(es) green` };
}

const PERMISSIONS_HINT =
  'the token needs checks: read and statuses: read on the repository (checks: write to record).';

/** The Checks and commit-status calls of the gates, through the one GitHub client (Octokit). */
export class ChecksApi {
  private readonly client: Promise<GitHub>;

  constructor(http: HttpClient, apiUrl: string, token: string) {
    this.client = githubClient({ token, context: { apiUrl, payload: {} }, http });
  }

  /** Every check run on a ref, all pages. */
  async checkRuns(repository: string, ref: string): Promise<CheckRun[]> {
    const gh = await this.client;
    return this.call(() =>
      gh.paginate(gh.rest.checks.listForRef, { ...split(repository), ref, per_page: 100 }),
    );
  }

  async combinedStatus(repository: string, ref: string): Promise<CombinedStatus> {
    const gh = await this.client;
    const { data } = await this.call(() =>
      gh.rest.repos.getCombinedStatusForRef({ ...split(repository), ref, per_page: 100 }),
    );
    return data;
  }

  async verdict(repository: string, ref: string): Promise<ChecksVerdict> {
    return judgeChecks(await this.checkRuns(repository, ref), await this.combinedStatus(repository, ref));
  }

  /** The check runs of that name on a commit, and whether one of them completed successfully. */
  async record(repository: string, sha: string, name: string): Promise<{ runs: CheckRun[]; ok: boolean }> {
    const runs = (await this.checkRuns(repository, sha)).filter((run) => run.name === name);
    return { runs, ok: runs.some((run) => run.status === 'completed' && run.conclusion === 'success') };
  }

  /** Records an outcome on a commit as a completed check run (the canary's record on the release). */
  async recordCheckRun(
    repository: string,
    sha: string,
    run: { name: string; conclusion: 'success' | 'failure'; title: string; summary: string },
  ): Promise<void> {
    const gh = await this.client;
    await this.call(() =>
      gh.rest.checks.create({
        ...split(repository),
        name: run.name,
        head_sha: sha,
        status: 'completed',
        conclusion: run.conclusion,
        output: { title: run.title, summary: run.summary },
      }),
    );
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw gitHubError(error, PERMISSIONS_HINT);
    }
  }
}

function split(repository: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = repository.split('/');
  return { owner, repo };
}

/** Polls until green or red, or the deadline passes (then 'timed-out', with what it waited for). */
export async function waitForChecks(
  read: () => Promise<ChecksVerdict>,
  options: { clock: Clock; deadlineMs: number; pollMs: number },
): Promise<ChecksVerdict> {
  const end = options.clock.now() + options.deadlineMs;
  for (;;) {
    const verdict = await read();
    if (verdict.state === 'green' || verdict.state === 'red') return verdict;
    const left = end - options.clock.now();
    if (left <= 0) return { ...verdict, state: 'timed-out', reason: `deadline passed: ${verdict.reason}` };
    await options.clock.sleep(Math.min(options.pollMs, left));
  }
}

/** Consumers split into waves by cumulative percentage (10, 50, 100): each wave at least one. */
export function planWaves<T>(consumers: T[], percents: number[]): T[][] {
  if (!percents.length || percents.some((p, i) => !(p > 0 && p <= 100) || (i > 0 && p <= percents[i - 1]!)))
    throw new ConfigurationError(
      `waves: got ${JSON.stringify(percents)}; expected increasing percentages up to 100, such as 10,50,100.`,
    );
  const cuts = [...percents.slice(0, -1), 100];
  const waves: T[][] = [];
  let done = 0;
  for (const percent of cuts) {
    const upTo = Math.max(done + 1, Math.ceil((consumers.length * percent) / 100));
    const wave = consumers.slice(done, Math.min(upTo, consumers.length));
    if (wave.length) waves.push(wave);
    done += wave.length;
  }
  return waves;
}

export interface RolloutResult<T> {
  /** Consumers green, wave by wave. */
  green: T[][];
  halted?: { consumer: T; wave: number; verdict: ChecksVerdict };
  /** Consumers never reached because the rollout halted. */
  untouched: T[];
}

/**
 * Opens the pin pull requests of one wave, waits for all of them, and goes on only when every one
 * is green: the first consumer that is red or times out halts the rollout, and says which and why.
 */
export async function rollout<T>(
  waves: T[][],
  step: { open: (consumer: T) => Promise<void>; wait: (consumer: T) => Promise<ChecksVerdict> },
): Promise<RolloutResult<T>> {
  const result: RolloutResult<T> = { green: [], untouched: [] };
  for (const [index, wave] of waves.entries()) {
    for (const consumer of wave) await step.open(consumer);
    const greens: T[] = [];
    for (const consumer of wave) {
      const verdict = await step.wait(consumer);
      if (verdict.state !== 'green' && !result.halted) result.halted = { consumer, wave: index + 1, verdict };
      else if (verdict.state === 'green') greens.push(consumer);
    }
    result.green.push(greens);
    if (result.halted) {
      result.untouched = waves.slice(index + 1).flat();
      return result;
    }
  }
  return result;
}
