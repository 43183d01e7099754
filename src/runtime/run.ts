import { type GitHub, githubClient } from '../github/client.js';
import { type GitHubContext, readGitHubContext } from '../github/context.js';
import { HttpClient, type HttpOptions, type HttpStats } from '../net/http.js';
import { type Clock, systemClock } from '../net/clock.js';
import { ActionsRuntime } from './actions-runtime.js';
import { errorMessage, isConfigurationError } from './errors.js';
import { type InputReader, inputReader } from './inputs.js';
import { correlationFrom, StructuredLog } from './log.js';
import type { Runtime } from './runtime.js';

/** Everything an action's adapter is handed; domain code gets only the parts it needs. */
export interface ActionContext {
  action: string;
  phase: 'main' | 'post';
  runtime: Runtime;
  inputs: InputReader;
  log: StructuredLog;
  clock: Clock;
  /** The workspace: GITHUB_WORKSPACE under the runner, the current directory in the CLI. */
  workspace: string;
  /** The GitHub context (event, refs, run, URLs), read once from the runner's environment. */
  github: GitHubContext;
  /**
   * An HTTP client whose counters appear in this step's summary. It honours HTTPS_PROXY,
   * HTTP_PROXY and NO_PROXY from the step's environment unless `proxyEnv` says otherwise.
   */
  http(overrides?: Partial<HttpOptions>): HttpClient;
  /** The GitHub REST client (Octokit with retry and throttling) for a token, over ctx.http(). */
  gitHub(token: string): Promise<GitHub>;
}

export type ActionFn = (ctx: ActionContext) => Promise<void>;

export interface StepOptions {
  runtime?: Runtime;
  clock?: Clock;
  cwd?: string;
}

/**
 * Runs one phase of an action: builds the context, runs it, and turns errors into exactly one error
 * line: a ConfigurationError as its message, anything else with its stack only in the debug log.
 * Returns true when the step succeeded.
 */
export async function runStep(
  action: string,
  phase: 'main' | 'post',
  fn: ActionFn,
  options: StepOptions = {},
): Promise<boolean> {
  const runtime = options.runtime ?? new ActionsRuntime();
  const clock = options.clock ?? systemClock;
  const clients: HttpClient[] = [];
  const github = readGitHubContext(runtime.env);
  const log = new StructuredLog({
    action,
    correlation: correlationFrom(github),
    clock,
    emit: (line) => runtime.info(line),
    file: runtime.env.GANTRY_LOG_FILE || undefined,
    redact: (text) => runtime.redact(text),
  });
  const ctx: ActionContext = {
    action,
    phase,
    runtime,
    inputs: inputReader(runtime),
    log,
    clock,
    workspace: runtime.env.GITHUB_WORKSPACE || options.cwd || process.cwd(),
    github,
    http(overrides) {
      const client = new HttpClient({
        clock,
        onRetry: (message) => runtime.info(message),
        proxyEnv: runtime.env,
        ...overrides,
      });
      clients.push(client);
      return client;
    },
    gitHub(token) {
      runtime.setSecret(token);
      return githubClient({
        token,
        context: github,
        http: ctx.http(),
        onWait: (message) => runtime.info(message),
      });
    },
  };
  let ok = true;
  try {
    await fn(ctx);
  } catch (error) {
    ok = false;
    if (!isConfigurationError(error) && error instanceof Error && error.stack)
      runtime.debug(runtime.redact(error.stack));
    runtime.setFailed(runtime.redact(errorMessage(error)));
  }
  const stats = sumStats(clients.map((client) => client.stats()));
  if (stats.requests > 0) {
    log.record('network', clock.now(), 'success', { ...stats });
    await runtime
      .appendSummary(
        `\n<sub>Network: ${stats.requests} requests, ${stats.retries} retries, ${stats.exhausted} retries exhausted, ${stats.breakerTrips} circuit-breaker trips.</sub>\n`,
      )
      .catch(() => undefined);
  }
  return ok;
}

function sumStats(all: HttpStats[]): HttpStats {
  return all.reduce(
    (sum, s) => ({
      requests: sum.requests + s.requests,
      retries: sum.retries + s.retries,
      exhausted: sum.exhausted + s.exhausted,
      breakerTrips: sum.breakerTrips + s.breakerTrips,
    }),
    { requests: 0, retries: 0, exhausted: 0, breakerTrips: 0 },
  );
}
