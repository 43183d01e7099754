import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface RunnerEnvironmentOptions {
  runnerTemp: string;
  workspace: string;
  event?: { name: string; payload: unknown };
  debug?: boolean;
  /** Overrides and additions (GITHUB_SHA, GITHUB_REF, GANTRY_LOG_FILE, …). */
  env?: Record<string, string>;
}

/**
 * The environment the runner gives every step of a job, with the event payload written to
 * GITHUB_EVENT_PATH. Nothing leaks in from the host's own CI variables: only PATH, HOME and TMPDIR.
 */
export function runnerEnvironment(options: RunnerEnvironmentOptions): Record<string, string> {
  const eventPath = join(options.runnerTemp, '_github_workflow', 'event.json');
  mkdirSync(dirname(eventPath), { recursive: true });
  writeFileSync(eventPath, JSON.stringify(options.event?.payload ?? {}));
  const repository = options.env?.GITHUB_REPOSITORY ?? 'acme/service';
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? options.runnerTemp,
    TMPDIR: process.env.TMPDIR ?? tmpdir(),
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: options.runnerTemp,
    RUNNER_TOOL_CACHE: join(options.runnerTemp, '_tool'),
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.event?.name ?? 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0]!,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_RUN_ID: '1000',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_JOB: 'build',
    GITHUB_ACTOR: 'octocat',
    ...(options.debug ? { RUNNER_DEBUG: '1' } : {}),
    ...options.env,
  };
}
