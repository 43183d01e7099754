import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Git, GitError } from '../git/index.js';
import { type GitHub, gitHubError, githubClient } from '../github/client.js';
import type { Clock } from '../net/clock.js';
import type { HttpClient } from '../net/http.js';
import { type PinTarget, setPins } from '../pins/set.js';
import { ConfigurationError, errorMessage } from '../runtime/errors.js';
import {
  type ChecksApi,
  type ChecksVerdict,
  planWaves,
  type RolloutResult,
  rollout,
  waitForChecks,
} from './rollout.js';

/**
 * The rollout after a green canary: each consumer repository gets the same pin pull request the
 * canary got (`pins set` to the release commit, on the branch gantry/rollout-<version>), wave by
 * wave; a wave starts only when every consumer of the previous one is green, and the first red or
 * late consumer halts the rollout. A consumer whose pull request cannot be opened (gone, no
 * access, no suite references) counts as red: a rollout never skips past what it could not check.
 */

/** owner/name as GitHub spells repositories. */
export const REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/** `owner/name` per line; blank lines and `#` comments are ignored; duplicates are refused. */
export function parseConsumers(text: string, file: string): string[] {
  const consumers: string[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    if (!REPOSITORY.test(line) || line.split('/')[1]!.startsWith('.'))
      throw new ConfigurationError(
        `${file}:${index + 1}: ${JSON.stringify(line.slice(0, 100))} is not a repository; write owner/name, one per line.`,
      );
    if (consumers.some((c) => c.toLowerCase() === line.toLowerCase()))
      throw new ConfigurationError(`${file}:${index + 1}: ${line} is listed twice.`);
    consumers.push(line);
  }
  if (!consumers.length) throw new ConfigurationError(`${file}: lists no consumer repository.`);
  return consumers;
}

/** Pull requests through the one GitHub client: find the open one for a branch, or open it. */
export class PullRequestsApi {
  private readonly client: Promise<GitHub>;

  constructor(http: HttpClient, apiUrl: string, token: string) {
    this.client = githubClient({ token, context: { apiUrl, payload: {} }, http });
  }

  async ensureOpen(
    repository: string,
    pull: { head: string; base: string; title: string; body: string },
  ): Promise<string> {
    const gh = await this.client;
    const [owner = '', repo = ''] = repository.split('/');
    const hint = 'the token needs pull-requests: write and contents: write on each consumer.';
    try {
      const { data: existing } = await gh.rest.pulls.list({
        owner,
        repo,
        state: 'open',
        head: `${owner}:${pull.head}`,
        per_page: 1,
      });
      if (existing[0]) return existing[0].html_url;
      const { data } = await gh.rest.pulls.create({ owner, repo, ...pull, maintainer_can_modify: true });
      return data.html_url;
    } catch (error) {
      throw gitHubError(error, hint);
    }
  }
}

export interface PinPullRequest {
  repository: string;
  /** The commit whose checks decide: the pin branch's head, or the default branch's when already pinned. */
  head: string;
  url?: string;
  alreadyPinned: boolean;
}

export interface OpenOptions {
  /** Where repositories are cloned from: `${serverUrl}/${owner}/${name}.git`. */
  serverUrl: string;
  /** Sent to git as an HTTP header through the environment, never on a command line or in a URL. */
  token?: string;
  target: PinTarget & { sha: string };
  workDir: string;
  pulls: PullRequestsApi;
  /** The environment git runs with (the CLI's): the domain reads no environment of its own. */
  env: Readonly<Record<string, string | undefined>>;
}

/** Clones one consumer, pins it to the release, pushes the branch and opens (or finds) its pull request. */
export async function openPinPullRequest(repository: string, options: OpenOptions): Promise<PinPullRequest> {
  const dir = join(options.workDir, repository.replace('/', '__'));
  mkdirSync(options.workDir, { recursive: true });
  const env: Record<string, string | undefined> = { ...options.env };
  if (options.token && /^https?:/i.test(options.serverUrl)) {
    const basic = Buffer.from(`x-access-token:${options.token}`).toString('base64');
    Object.assign(env, {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.extraheader',
      GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`,
    });
  }
  const url = `${options.serverUrl.replace(/\/+$/, '')}/${repository}.git`;
  try {
    await new Git(options.workDir, env).run(['clone', '--quiet', '--depth', '1', '--no-tags', url, dir]);
  } catch (error) {
    throw new ConfigurationError(
      `could not clone ${repository} (${error instanceof GitError ? error.stderr.trim().split('\n').pop() : errorMessage(error)}): check that it exists and the token can read it.`,
    );
  }
  const git = new Git(dir, env);
  const base = (await git.text(['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'])).replace(
    /^origin\//,
    '',
  );
  const pinned = await setPins(dir, options.target, { env });
  if (!pinned.changes.length)
    return { repository, head: await git.text(['rev-parse', 'HEAD']), alreadyPinned: true };
  const { version, sha } = options.target;
  const branch = `gantry/rollout-${version}`;
  await git.run(['switch', '--quiet', '--create', branch]);
  await git.run([
    '-c',
    'user.name=gantry-rollout',
    '-c',
    'user.email=gantry-rollout@users.noreply.github.com',
    'commit',
    '--quiet',
    '--all',
    '--message',
    `Pin Gantry to ${version} (${sha})`,
  ]);
  await git.run(['push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`]);
  const head = await git.text(['rev-parse', 'HEAD']);
  const lines = pinned.changes.map((c) => `- ${c.file}:${c.line}: \`${c.from}\` → \`${c.to}\``);
  const pullUrl = await options.pulls.ensureOpen(repository, {
    head: branch,
    base,
    title: `Gantry ${version}`,
    body: `Rollout of Gantry ${version} (commit ${sha}), after its canary went green: every suite reference pinned by \`gantry pins set\`.\n\n${lines.join('\n')}\n`,
  });
  return { repository, head, url: pullUrl, alreadyPinned: false };
}

export interface RolloutRow {
  wave: number;
  repository: string;
  pull: string;
  state: ChecksVerdict['state'] | 'not reached';
  reason: string;
}

export interface PinRolloutResult extends RolloutResult<string> {
  rows: RolloutRow[];
}

/**
 * Opens the pull requests of each wave, then waits for their checks until the wave's deadline
 * (counted from when the wave opened, so waiting on one consumer does not extend another's).
 */
export async function rollOutPins(
  consumers: string[],
  options: {
    percents: number[];
    open: (repository: string) => Promise<PinPullRequest>;
    checks: ChecksApi;
    clock: Clock;
    deadlineMs: number;
    pollMs: number;
  },
): Promise<PinRolloutResult> {
  const waves = planWaves(consumers, options.percents);
  const opened = new Map<string, { pull?: PinPullRequest; error?: string; openedAt: number }>();
  const rows: RolloutRow[] = [];
  const result = await rollout(waves, {
    open: async (repository) => {
      const openedAt = options.clock.now();
      try {
        opened.set(repository, { pull: await options.open(repository), openedAt });
      } catch (error) {
        opened.set(repository, { error: errorMessage(error), openedAt });
      }
    },
    wait: async (repository) => {
      const entry = opened.get(repository)!;
      const wave = waves.findIndex((w) => w.includes(repository)) + 1;
      let verdict: ChecksVerdict;
      if (!entry.pull)
        verdict = { state: 'red', checks: [], reason: `could not open the pin pull request: ${entry.error}` };
      else {
        const pull = entry.pull;
        verdict = await waitForChecks(() => options.checks.verdict(repository, pull.head), {
          clock: options.clock,
          deadlineMs: Math.max(0, entry.openedAt + options.deadlineMs - options.clock.now()),
          pollMs: options.pollMs,
        });
      }
      rows.push({
        wave,
        repository,
        pull: entry.pull ? (entry.pull.url ?? `already pinned (${entry.pull.head.slice(0, 12)})`) : '—',
        state: verdict.state,
        reason: verdict.reason,
      });
      return verdict;
    },
  });
  for (const repository of result.untouched)
    rows.push({
      wave: waves.findIndex((w) => w.includes(repository)) + 1,
      repository,
      pull: '—',
      state: 'not reached',
      reason: 'the rollout halted before this wave',
    });
  return { ...result, rows };
}
