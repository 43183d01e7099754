import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { ConfigurationError } from '../runtime/errors.js';
import { type ActionMetadata, parseActionMetadata } from '../runtime/metadata.js';
import { maskSecrets } from '../runtime/text.js';
import {
  type Contexts,
  evaluateCondition,
  githubContextFromEnv,
  interpolate,
  type JobStatus,
} from './expressions.js';
import { runNodePhase } from './node-action.js';
import { runProcessStep, type StepResult } from './step.js';
import { flattenSteps } from './step-groups.js';

/**
 * Runs a composite action (a pipeline template) step by step the way the runner does: `${{ }}` with
 * GitHub's evaluator over inputs, steps, env, github and runner; `if:`, `id:`, `env:`,
 * `working-directory:`, `continue-on-error:`; GITHUB_OUTPUT, GITHUB_ENV and GITHUB_PATH passed
 * between steps; the suite's own actions run from their bundles; post steps at the end of the job.
 * A third-party action runs only as a stub the user supplied, and is reported as stubbed.
 */
export interface CompositeRunOptions {
  templateDir: string;
  inputs: Record<string, string>;
  /** The job environment (GITHUB_*, RUNNER_*, PATH…), as the runner would set it. */
  env: Record<string, string>;
  event: { name: string; payload: Record<string, unknown> };
  workspace: string;
  runnerTemp: string;
  suiteRoot: string;
  /** `owner/repo[/path]` → outputs for a third-party action the runner cannot run here. */
  stubs?: Record<string, Record<string, string>>;
  log?: (line: string) => void;
  /** Print each step's outputs after its outcome (default true). */
  showOutputs?: boolean;
  timeoutMs?: number;
}

export interface StepReport {
  /** Nested steps of sub-templates are named parent/child. */
  name: string;
  id?: string;
  kind: 'run' | 'suite-action' | 'template' | 'local-action' | 'stub' | 'post';
  uses?: string;
  outcome: 'success' | 'failure' | 'skipped';
  conclusion: 'success' | 'failure' | 'skipped';
  durationMs: number;
  outputs: Record<string, string>;
  summary: string;
  leaks: string[];
  error?: string;
}

export interface CompositeReport {
  ok: boolean;
  steps: StepReport[];
  outputs: Record<string, string>;
  stubbed: string[];
  masks: string[];
  summary: string;
}

interface StepSpec {
  id?: string;
  name?: string;
  if?: string | boolean;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'working-directory'?: string;
  'continue-on-error'?: boolean | string;
}

interface Job {
  options: CompositeRunOptions;
  status: JobStatus;
  env: Record<string, string>;
  path: string[];
  masks: string[];
  reports: StepReport[];
  stubbed: Set<string>;
  posts: Array<() => Promise<void>>;
  /** Every GITHUB_ENV export, in order. */
  exports: Array<[string, string]>;
}

type Resolved =
  | { kind: 'suite-action' | 'local-action'; dir: string; metadata: ActionMetadata }
  | { kind: 'template'; dir: string; metadata: ActionMetadata }
  | { kind: 'stub'; key: string; outputs: Record<string, string> };

export function loadTemplate(dir: string): ActionMetadata & { steps: StepSpec[] } {
  const file = ['action.yml', 'action.yaml'].map((name) => join(dir, name)).find((path) => existsSync(path));
  if (!file)
    throw new ConfigurationError(`No action.yml in ${dir}: give the directory of a composite template.`);
  const text = readFileSync(file, 'utf8');
  const metadata = parseActionMetadata(text, file);
  // A parallel group's steps run here one after the other, in the order written: each sees the
  // outputs and exports of the ones before it, a serialisation the real runner may also produce.
  const written = (parse(text) as { runs?: { steps?: unknown } }).runs?.steps;
  const steps = flattenSteps<StepSpec>(written, file).map(({ step }) => step);
  return { ...metadata, steps };
}

export async function runComposite(options: CompositeRunOptions): Promise<CompositeReport> {
  const job: Job = {
    options,
    status: { failed: false, cancelled: false },
    env: { ...options.env },
    path: [],
    masks: [],
    reports: [],
    stubbed: new Set(),
    posts: [],
    exports: [],
  };
  const outputs = await runTemplate(job, resolve(options.templateDir), options.inputs, '');
  // Post steps of the actions the template used run at the end of the job, last first.
  for (const post of job.posts.reverse()) await post();
  return {
    ok: !job.status.failed,
    steps: job.reports,
    outputs,
    stubbed: [...job.stubbed],
    masks: job.masks,
    summary: job.reports.map((r) => r.summary).join(''),
  };
}

async function runTemplate(
  job: Job,
  dir: string,
  givenInputs: Record<string, string>,
  prefix: string,
): Promise<Record<string, string>> {
  const template = loadTemplate(dir);
  if (template.runs.using !== 'composite')
    throw new ConfigurationError(
      `${dir}/action.yml is not a composite action (runs.using: ${template.runs.using}).`,
    );
  for (const name of Object.keys(givenInputs)) {
    if (!(name in template.inputs))
      throw new ConfigurationError(
        `Unknown input '${name}' for ${dir}; its inputs: ${Object.keys(template.inputs).join(', ')}.`,
      );
  }
  const steps: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> = {};
  const baseContexts = (): Contexts => ({
    github: githubContext(job),
    runner: { os: 'Linux', arch: 'X64', temp: job.options.runnerTemp, name: 'gantry-local' },
    env: job.env,
    job: { status: job.status.failed ? 'failure' : 'success' },
    steps,
    matrix: {},
    strategy: {},
    vars: {},
    secrets: {},
  });
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(template.inputs)) {
    const value = givenInputs[name] ?? interpolate(spec.default ?? '', baseContexts(), job.status);
    if (spec.required && value === '' && givenInputs[name] === undefined) {
      throw new ConfigurationError(`Input '${name}' of ${dir} is required: pass --input ${name}=<value>.`);
    }
    inputs[name] = value;
  }
  const contexts = (): Contexts => ({ ...baseContexts(), inputs });

  for (const [index, spec] of template.steps.entries()) {
    const label = `${prefix}${spec.name ? interpolate(spec.name, contexts(), job.status) : (spec.id ?? spec.uses ?? `step ${index + 1}`)}`;
    const kind: StepReport['kind'] = spec.run !== undefined ? 'run' : 'suite-action';
    if (!evaluateCondition(spec.if, contexts(), job.status)) {
      if (spec.id) steps[spec.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      job.reports.push({
        name: label,
        id: spec.id,
        kind,
        uses: spec.uses,
        outcome: 'skipped',
        conclusion: 'skipped',
        durationMs: 0,
        outputs: {},
        summary: '',
        leaks: [],
      });
      job.options.log?.(`- ${label}: skipped`);
      continue;
    }
    const started = Date.now();
    const continueOnError =
      spec['continue-on-error'] === true ||
      interpolate(String(spec['continue-on-error'] ?? 'false'), contexts(), job.status) === 'true';
    let report: StepReport;
    try {
      report = await runOneStep(job, dir, spec, label, contexts);
    } catch (error) {
      if (error instanceof ConfigurationError) throw error;
      report = {
        name: label,
        id: spec.id,
        kind,
        uses: spec.uses,
        outcome: 'failure',
        conclusion: 'failure',
        durationMs: Date.now() - started,
        outputs: {},
        summary: '',
        leaks: [],
        error: (error as Error).message,
      };
    }
    if (report.outcome === 'failure' && continueOnError) report.conclusion = 'success';
    if (report.conclusion === 'failure') job.status.failed = true;
    if (spec.id)
      steps[spec.id] = { outputs: report.outputs, outcome: report.outcome, conclusion: report.conclusion };
    job.reports.push(report);
    job.options.log?.(
      `- ${label}: ${report.outcome}${report.outcome !== report.conclusion ? ' (continue-on-error)' : ''} in ${report.durationMs} ms${report.error ? ` — ${maskSecrets(report.error, job.masks)}` : ''}`,
    );
    if (job.options.showOutputs !== false) {
      for (const [key, value] of Object.entries(report.outputs))
        job.options.log?.(`    ${key} = ${maskSecrets(value, job.masks)}`);
    }
  }

  const outputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(template.outputs)) {
    outputs[name] = interpolate(String((spec as { value?: string }).value ?? ''), contexts(), job.status);
  }
  return outputs;
}

async function runOneStep(
  job: Job,
  templateDir: string,
  spec: StepSpec,
  label: string,
  contexts: () => Contexts,
): Promise<StepReport> {
  const { options } = job;
  const ctx = contexts();
  const stepEnv: Record<string, string> = { ...job.env };
  for (const [key, value] of Object.entries(spec.env ?? {}))
    stepEnv[key] = interpolate(String(value), ctx, job.status);
  if (job.path.length) stepEnv.PATH = [...job.path, job.env.PATH ?? ''].join(':');
  const base = { name: label, id: spec.id, uses: spec.uses };

  if (spec.run !== undefined) {
    if (!spec.shell)
      throw new ConfigurationError(
        `${templateDir}: step '${label}' needs a shell: composite run steps must name one.`,
      );
    const script = interpolate(spec.run, ctx, job.status);
    const cwd = spec['working-directory']
      ? resolve(options.workspace, interpolate(spec['working-directory'], ctx, job.status))
      : options.workspace;
    const file = join(mkdtempSync(join(options.runnerTemp, 'run-')), 'script');
    writeFileSync(file, script);
    const [command, ...args] = shellCommand(spec.shell, file);
    const result = await runProcessStep(
      'run',
      {
        command: command!,
        args,
        env: { ...stepEnv, GITHUB_ACTION_PATH: templateDir },
        cwd,
        timeoutMs: options.timeoutMs ?? 600_000,
      },
      options.runnerTemp,
      job.masks,
    );
    absorb(job, result);
    return { ...base, kind: 'run', ...fromStep(result) };
  }

  if (!spec.uses) throw new ConfigurationError(`${templateDir}: step '${label}' has neither run nor uses.`);
  const resolved = resolveUses(spec.uses, options);
  const withInputs: Record<string, string> = {};
  for (const [key, value] of Object.entries(spec.with ?? {}))
    withInputs[key] = interpolate(String(value), ctx, job.status);

  if (resolved.kind === 'stub') {
    job.stubbed.add(resolved.key);
    return {
      ...base,
      kind: 'stub',
      outcome: 'success',
      conclusion: 'success',
      durationMs: 0,
      outputs: resolved.outputs,
      summary: '',
      leaks: [],
    };
  }
  if (resolved.kind === 'template') {
    const started = Date.now();
    // The step's env: applies inside the sub-template; what its steps export stays for the job.
    const saved = job.env;
    const mark = job.exports.length;
    job.env = { ...stepEnv };
    const failedBefore = job.status.failed;
    try {
      const outputs = await runTemplate(job, resolved.dir, withInputs, `${label} / `);
      const failed = job.status.failed && !failedBefore;
      return {
        ...base,
        kind: 'template',
        outcome: failed ? 'failure' : 'success',
        conclusion: failed ? 'failure' : 'success',
        durationMs: Date.now() - started,
        outputs,
        summary: '',
        leaks: [],
      };
    } finally {
      job.env = { ...saved, ...Object.fromEntries(job.exports.slice(mark)) };
    }
  }

  const invocation = {
    actionDir: resolved.dir,
    metadata: resolved.metadata,
    inputs: withInputs,
    evaluateDefault: (value: string) => interpolate(value, ctx, job.status),
    env: stepEnv,
    workspace: options.workspace,
    runnerTemp: options.runnerTemp,
    masks: job.masks,
    timeoutMs: options.timeoutMs ?? 600_000,
  };
  const result = await runNodePhase('main', invocation, {});
  absorb(job, result);
  if (resolved.metadata.runs.post) {
    const state = result.state;
    job.posts.push(async () => {
      const condition = resolved.metadata.runs['post-if'] ?? 'always()';
      if (!evaluateCondition(condition, contexts(), job.status)) return;
      const post = await runNodePhase('post', { ...invocation, env: { ...job.env } }, state);
      absorb(job, post);
      const report: StepReport = { ...base, name: `post: ${label}`, kind: 'post', ...fromStep(post) };
      if (post.exitCode !== 0) job.status.failed = true;
      job.reports.push(report);
      job.options.log?.(`- post: ${label}: ${report.outcome} in ${report.durationMs} ms`);
    });
  }
  return { ...base, kind: resolved.kind, ...fromStep(result) };
}

function fromStep(
  result: StepResult,
): Pick<StepReport, 'outcome' | 'conclusion' | 'durationMs' | 'outputs' | 'summary' | 'leaks' | 'error'> {
  const ok = result.exitCode === 0;
  const error = ok
    ? undefined
    : (result.errors[0] ??
      (result.stderr.trim().split('\n').slice(-3).join(' / ') || `exit code ${result.exitCode}`));
  return {
    outcome: ok ? 'success' : 'failure',
    conclusion: ok ? 'success' : 'failure',
    durationMs: result.durationMs,
    outputs: result.outputs,
    summary: result.summary,
    leaks: result.leaks,
    error,
  };
}

function absorb(job: Job, result: StepResult): void {
  Object.assign(job.env, result.env);
  job.exports.push(...Object.entries(result.env));
  job.path.unshift(...[...result.path].reverse());
  if (result.log.trim()) for (const line of result.log.split('\n')) job.options.log?.(`    | ${line}`);
}

function shellCommand(shell: string, file: string): string[] {
  switch (shell) {
    case 'bash':
      return ['bash', '--noprofile', '--norc', '-eo', 'pipefail', file];
    case 'sh':
      return ['sh', '-e', file];
    case 'python':
      return ['python3', file];
    default: {
      if (!shell.includes('{0}'))
        throw new ConfigurationError(
          `Unsupported shell '${shell}': use bash, sh, python, or a command with {0}.`,
        );
      return shell.split(/\s+/).map((part) => part.replace('{0}', file));
    }
  }
}

/** Where a `uses:` points: the suite's own actions and templates (any ref), local paths, or a stub. */
function resolveUses(uses: string, options: CompositeRunOptions): Resolved {
  // An action or template, or a sub-action such as actions/layer-cache/save.
  const suite =
    /^(?:\.\/|[\w.-]+\/gantry\/)(actions|action-templates)\/([\w.-]+(?:\/[\w.-]+)?)(?:@.+)?$/.exec(uses);
  if (suite && !suite[2]!.split('/').some((segment) => segment === '.' || segment === '..')) {
    const dir = join(options.suiteRoot, suite[1]!, suite[2]!);
    const metadata = loadTemplate(dir);
    return { kind: suite[1] === 'actions' ? 'suite-action' : 'template', dir, metadata };
  }
  if (uses.startsWith('./')) {
    const dir = resolve(options.workspace, uses);
    const metadata = loadTemplate(dir);
    if (metadata.runs.using === 'composite') return { kind: 'template', dir, metadata };
    if (metadata.runs.using.startsWith('node')) return { kind: 'local-action', dir, metadata };
    throw new ConfigurationError(
      `${uses}: runs.using ${metadata.runs.using} cannot run locally; stub it with --stub.`,
    );
  }
  const key = uses.replace(/@.*$/, '');
  for (const candidate of [key, key.split('/').slice(0, 2).join('/')]) {
    const outputs = options.stubs?.[candidate];
    if (outputs) return { kind: 'stub', key: candidate, outputs };
  }
  throw new ConfigurationError(
    `The template uses ${uses}, which cannot run here. Stub it: --stub ${key}=outputs.json (a JSON object of its outputs).`,
  );
}

function githubContext(job: Job): Record<string, unknown> {
  return {
    ...githubContextFromEnv(job.env),
    event_name: job.options.event.name,
    event: job.options.event.payload,
    workspace: job.options.workspace,
    action_path: '',
  };
}
