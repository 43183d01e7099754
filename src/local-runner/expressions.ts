import { data, Evaluator, Lexer, Parser } from '@actions/expressions';

type ExpressionData = data.ExpressionData;

/**
 * `${{ … }}` evaluated with GitHub's own expression implementation (@actions/expressions), over the
 * contexts a composite action sees. Status functions (success, failure, always, cancelled) are
 * supplied here because they depend on the job's state, which only the runner knows.
 */
export interface JobStatus {
  failed: boolean;
  cancelled: boolean;
}

export type Contexts = Record<string, unknown>;

const STATUS_FUNCTIONS = ['success', 'failure', 'always', 'cancelled'] as const;

function toData(value: unknown): ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as ExpressionData;
}

function statusFunctions(status: JobStatus) {
  const result: Record<(typeof STATUS_FUNCTIONS)[number], boolean> = {
    success: !status.failed && !status.cancelled,
    failure: status.failed && !status.cancelled,
    always: true,
    cancelled: status.cancelled,
  };
  return new Map(
    STATUS_FUNCTIONS.map((name) => [
      name,
      { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(result[name]) },
    ]),
  );
}

export function evaluateExpression(
  expression: string,
  contexts: Contexts,
  status: JobStatus,
): ExpressionData {
  const lexed = new Lexer(expression).lex();
  const functions = statusFunctions(status);
  const parser = new Parser(lexed.tokens, Object.keys(contexts), [...functions.values()]);
  const tree = parser.parse();
  const dictionary = new data.Dictionary(
    ...Object.entries(contexts).map(([key, value]) => ({ key, value: toData(value) })),
  );
  return new Evaluator(tree, dictionary, functions).evaluate();
}

export function isTruthy(value: ExpressionData): boolean {
  switch (value.kind) {
    case data.Kind.Null:
      return false;
    case data.Kind.Boolean:
      return (value as data.BooleanData).value;
    case data.Kind.Number: {
      const n = value.number();
      return n !== 0 && !Number.isNaN(n);
    }
    case data.Kind.String:
      return value.coerceString() !== '';
    default:
      return true;
  }
}

/** Values as the runner renders them into strings: objects and arrays as JSON. */
function render(value: ExpressionData): string {
  if (!value.primitive) {
    return JSON.stringify(value, data.replacer, 2);
  }
  return value.coerceString();
}

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;

/** A string with `${{ }}` parts replaced by their values. */
export function interpolate(text: string, contexts: Contexts, status: JobStatus): string {
  return text.replace(EXPRESSION, (_, expr: string) =>
    render(evaluateExpression(expr.trim(), contexts, status)),
  );
}

/** An `if:` condition: with or without `${{ }}`; a condition without a status function implies success(). */
export function evaluateCondition(
  condition: string | boolean | undefined,
  contexts: Contexts,
  status: JobStatus,
): boolean {
  if (condition === undefined || condition === '') return !status.failed && !status.cancelled;
  if (typeof condition === 'boolean') return condition && !status.failed;
  let expr = condition.trim();
  const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(expr);
  if (whole) expr = whole[1]!.trim();
  const usesStatus = /\b(success|failure|always|cancelled)\s*\(/.test(expr);
  const value = isTruthy(evaluateExpression(expr, contexts, status));
  return usesStatus ? value : value && !status.failed && !status.cancelled;
}

/**
 * A `pre-if` / `post-if` of action.yml, evaluated the one way every condition is: GitHub's evaluator,
 * with the contexts the runner offers there (github and runner, e.g. `runner.os == 'Linux'`).
 * Absent, it is `always()`, as the runner's default.
 */
export function evaluateActionCondition(
  condition: string | undefined,
  status: JobStatus,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const runner = { os: env.RUNNER_OS ?? '', arch: env.RUNNER_ARCH ?? '', temp: env.RUNNER_TEMP ?? '' };
  return evaluateCondition(condition || 'always()', { github: githubContextFromEnv(env), runner }, status);
}

/** The github context as the runner's GITHUB_* variables give it. */
export function githubContextFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  return {
    event_name: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    ref_name: env.GITHUB_REF_NAME ?? '',
    repository: env.GITHUB_REPOSITORY ?? '',
    repository_owner: env.GITHUB_REPOSITORY_OWNER ?? '',
    workspace: env.GITHUB_WORKSPACE ?? '',
    run_id: env.GITHUB_RUN_ID ?? '',
    run_number: env.GITHUB_RUN_NUMBER ?? '',
    run_attempt: env.GITHUB_RUN_ATTEMPT ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    server_url: env.GITHUB_SERVER_URL ?? 'https://github.com',
    api_url: env.GITHUB_API_URL ?? 'https://api.github.com',
    token: env.GITHUB_TOKEN ?? '',
    head_ref: env.GITHUB_HEAD_REF ?? '',
    base_ref: env.GITHUB_BASE_REF ?? '',
  };
}

/**
 * The contexts an action.yml `default:` may use (the runner evaluates them before the action
 * starts): the github context from the job environment, and the runner context.
 */
export function defaultContexts(
  env: Readonly<Record<string, string | undefined>>,
  token = env.GITHUB_TOKEN ?? '',
): Contexts {
  return {
    github: { ...githubContextFromEnv(env), token },
    runner: { os: env.RUNNER_OS ?? '', arch: env.RUNNER_ARCH ?? '', temp: env.RUNNER_TEMP ?? '' },
    env,
  };
}

/** An action.yml default with its `${{ }}` evaluated, as the runner hands it to the action. */
export function evaluateDefault(
  value: string,
  env: Readonly<Record<string, string | undefined>>,
  token?: string,
): string {
  return interpolate(value, defaultContexts(env, token), { failed: false, cancelled: false });
}
