import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { systemClock } from '../net/clock.js';
import { HttpClient } from '../net/http.js';
import { ConfigurationError, errorMessage } from '../runtime/errors.js';
import { escapeMarkdown, markdownTable, oneLine } from '../runtime/text.js';
import {
  openPinPullRequest,
  PullRequestsApi,
  parseConsumers,
  rollOutPins,
} from '../templates/pin-rollout.js';
import { ChecksApi, planWaves } from '../templates/rollout.js';
import { defaultIo, duration, flags, type Io, repository, token } from './templates-checks.js';

export const ROLLOUT_USAGE = `Usage: gantry templates rollout --release owner/name@<sha> --version vX.Y.Z --consumers <file>
                              [--waves 10,50,100] [--deadline 90m] [--poll 30s] [--work <dir>]

Rolls a released version out to the consumer repositories listed in <file> (owner/name per line),
after its canary: the release commit must carry a successful 'canary' check run (canary.yml records
it). The suite whose references are pinned is the release repository. Each wave's consumers get a pin pull request (gantry pins set to the release commit, branch
gantry/rollout-<version>); the next wave starts only when every consumer of this one is green
(check runs and commit statuses, read through the API, before the deadline). The first red, late or
unreachable consumer halts the rollout; the table says which and why. Exit 0 when every consumer is
green, 1 when the rollout halted or the canary record is missing, 2 on bad arguments.

GITHUB_TOKEN: contents: write, pull-requests: write, checks: read and statuses: read on the consumers.
GITHUB_RECORD_TOKEN (default GITHUB_TOKEN): checks: read on the release repository.
GITHUB_API_URL and GITHUB_SERVER_URL name the host (default github.com).`;

const SEMVER = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

function percents(value: string): number[] {
  const list = value.split(',').map((p) => p.trim());
  if (list.some((p) => !/^\d+$/.test(p)))
    throw new ConfigurationError(
      `--waves: got ${JSON.stringify(value)}; expected percentages such as 10,50,100.`,
    );
  return list.map(Number);
}

export async function rolloutCommand(
  args: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  io: Io = defaultIo,
  options: { clock?: typeof systemClock; http?: HttpClient } = {},
): Promise<number> {
  let consumers: string[];
  let release: { repository: string; sha: string };
  let version: string;
  let f: Record<string, string>;
  let waves: number[];
  try {
    f = flags(args, ['release', 'version', 'consumers', 'waves', 'deadline', 'poll', 'work'], ROLLOUT_USAGE);
    const at = /^([^@]+)@([0-9a-f]{40})$/.exec(f.release ?? '');
    if (!at) throw new ConfigurationError('--release: expected owner/name@<full commit SHA> of the release.');
    release = { repository: repository('release', at[1]), sha: at[2]! };
    version = f.version ?? '';
    if (!SEMVER.test(version))
      throw new ConfigurationError(
        `--version: got ${JSON.stringify(version)}; expected a release tag such as v1.4.2.`,
      );
    if (!f.consumers) throw new ConfigurationError('--consumers: give the file listing owner/name per line.');
    const file = resolve(f.consumers);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigurationError(`--consumers: cannot read ${f.consumers} (${errorMessage(error)}).`);
    }
    consumers = parseConsumers(text, f.consumers);
    waves = percents(f.waves ?? '10,50,100');
    try {
      planWaves(consumers, waves);
    } catch (error) {
      throw new ConfigurationError(`--${errorMessage(error)}`);
    }
  } catch (error) {
    io.stderr(`error: ${errorMessage(error)}\n`);
    return 2;
  }
  try {
    const http = options.http ?? new HttpClient();
    const apiUrl = env.GITHUB_API_URL ?? 'https://api.github.com';
    const recordReader = new ChecksApi(http, apiUrl, token(env, 'GITHUB_RECORD_TOKEN'));
    const canary = await recordReader.record(release.repository, release.sha, 'canary');
    if (!canary.ok) {
      io.stdout(
        `::error title=rollout::${release.repository}@${release.sha} has no successful 'canary' check run: run the canary (canary.yml) first; nothing was rolled out.\n`,
      );
      return 1;
    }
    const consumerToken = token(env);
    const pulls = new PullRequestsApi(http, apiUrl, consumerToken);
    const workDir = f.work ? resolve(f.work) : mkdtempSync(join(tmpdir(), 'gantry-rollout-'));
    const result = await rollOutPins(consumers, {
      percents: waves,
      open: (consumer) =>
        openPinPullRequest(consumer, {
          serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
          token: consumerToken,
          target: { suite: release.repository, version, sha: release.sha },
          workDir,
          pulls,
          env,
        }),
      checks: new ChecksApi(http, apiUrl, consumerToken),
      clock: options.clock ?? systemClock,
      deadlineMs: duration('deadline', f.deadline ?? '90m'),
      pollMs: duration('poll', f.poll ?? '30s'),
    });
    io.stdout(`### Rollout of Gantry ${version}\n\n`);
    io.stdout(
      markdownTable(
        ['wave', 'repository', 'pull request', 'state', 'why'],
        result.rows.map((r) => [
          String(r.wave),
          r.repository,
          escapeMarkdown(r.pull),
          r.state,
          escapeMarkdown(r.reason),
        ]),
      ),
    );
    if (result.halted) {
      const { consumer, wave, verdict } = result.halted;
      io.stdout(
        `\n::error title=rollout::halted in wave ${wave} at ${consumer}: ${verdict.state} — ${oneLine(verdict.reason)}. ${result.untouched.length} consumer(s) not reached.\n`,
      );
      return 1;
    }
    io.stdout(
      `\nEvery consumer is green on ${version} (${consumers.length} in ${result.green.length} wave(s)).\n`,
    );
    return 0;
  } catch (error) {
    io.stderr(`error: ${errorMessage(error)}\n`);
    return 2;
  }
}
