import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { listRepoFiles } from '../pins/repo-files.js';
import { isSuiteRef, parseUses } from '../pins/uses.js';
import { yamlRole } from '../pins/yaml-refs.js';
import { runComposite, runnerEnvironment } from '../local-runner/index.js';
import { flattenSteps } from '../local-runner/step-groups.js';
import { errorMessage } from '../runtime/errors.js';
import { type ActionMetadata, parseActionMetadata } from '../runtime/metadata.js';

/**
 * `gantry templates verify`: a new version of the suite checked against how services call it.
 * For each consumer (a local checkout), every step that uses the suite's actions or templates is
 * checked against the new version's action.yml (each `with:` key, required inputs, each
 * `steps.<id>.outputs.<name>` read in the job), and each job that uses a template runs in the
 * local runner at the new version: the suite's actions from their bundles, third-party actions
 * stubbed and listed as stubbed.
 */

export interface ReferenceCheck {
  file: string;
  job: string;
  step: string;
  uses: string;
  problems: string[];
}

export interface JobRun {
  file: string;
  job: string;
  ok: boolean;
  failed: string[];
  stubbed: string[];
  error?: string;
}

export interface ConsumerReport {
  consumer: string;
  /** Why the consumer could not be read; nothing else is filled then. */
  unreadable?: string;
  references: ReferenceCheck[];
  runs: JobRun[];
}

export interface VerifyOptions {
  /** The suite checkout at the new version (actions/, action-templates/, dist/). */
  suiteRoot: string;
  suite?: string;
  run?: boolean;
  /** Outputs for third-party actions, by owner/repo[/path]; the others are stubbed with none. */
  stubs?: Record<string, Record<string, string>>;
  env?: Record<string, string>;
  log?: (line: string) => void;
  timeoutMs?: number;
}

interface StepLike {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  'working-directory'?: string;
}

interface JobLike {
  steps?: unknown;
  env?: Record<string, unknown>;
  defaults?: { run?: { shell?: string; 'working-directory'?: string } };
}

/** The consumers file: one checkout per line, relative to the file; blank lines and # comments skipped. */
export function readConsumersFile(file: string): string[] {
  const base = resolve(file, '..');
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean)
    .map((line) => resolve(base, line));
}

const SUITE_PATH = /^(actions|action-templates)\/[\w.-]+$/;

/** Outputs named like `<filter>` stand for every name of that shape (the changes action). */
function declaresOutput(metadata: ActionMetadata, name: string): boolean {
  return Object.keys(metadata.outputs).some((declared) => {
    if (!declared.includes('<')) return declared === name;
    const parts = declared.split(/<[^>]+>/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${parts.join('.+')}$`).test(name);
  });
}

/** Every string in a value, for the `steps.<id>.outputs.<name>` reads of a job. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, out);
  return out;
}

function checkJob(
  suiteRoot: string,
  suite: string,
  file: string,
  jobName: string,
  steps: StepLike[],
  readsFrom: unknown,
): { checks: ReferenceCheck[]; usesTemplate: boolean } {
  const checks: ReferenceCheck[] = [];
  const byId = new Map<string, { metadata: ActionMetadata; check: ReferenceCheck }>();
  let usesTemplate = false;
  steps.forEach((step, index) => {
    if (typeof step.uses !== 'string') return;
    const ref = parseUses(step.uses);
    if (!isSuiteRef(ref, suite) || !ref.path || !SUITE_PATH.test(ref.path)) return;
    if (ref.path.startsWith('action-templates/')) usesTemplate = true;
    const check: ReferenceCheck = {
      file,
      job: jobName,
      step: step.id ?? step.name ?? `step ${index + 1}`,
      uses: step.uses,
      problems: [],
    };
    checks.push(check);
    const actionFile = join(suiteRoot, ref.path, 'action.yml');
    if (!existsSync(actionFile)) {
      check.problems.push(`${ref.path} does not exist at the new version`);
      return;
    }
    const metadata = parseActionMetadata(readFileSync(actionFile, 'utf8'), actionFile);
    const given = Object.keys(step.with ?? {});
    for (const input of given)
      if (!(input in metadata.inputs)) check.problems.push(`with: ${input} is not an input any more`);
    for (const [input, spec] of Object.entries(metadata.inputs))
      if (spec.required && !spec.default && !given.includes(input))
        check.problems.push(`input ${input} is required and not given`);
    if (step.id) byId.set(step.id, { metadata, check });
  });
  for (const text of strings(readsFrom)) {
    for (const match of text.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
      const target = byId.get(match[1]!);
      if (target && !declaresOutput(target.metadata, match[2]!)) {
        const problem = `steps.${match[1]}.outputs.${match[2]} is not an output any more`;
        if (!target.check.problems.includes(problem)) target.check.problems.push(problem);
      }
    }
  }
  return { checks, usesTemplate };
}

/**
 * A job that calls one of the suite's reusable workflows (`jobs.<id>.uses: …/.github/workflows/x.yml@…`):
 * its `with:` against the new version's `on.workflow_call.inputs`, and `needs.<id>.outputs.*` reads
 * are left to GitHub (they go through the caller's own job outputs).
 */
function checkWorkflowCall(
  suiteRoot: string,
  suite: string,
  file: string,
  jobName: string,
  uses: string,
  job: JobLike & { with?: Record<string, unknown> },
): ReferenceCheck | undefined {
  const ref = parseUses(uses);
  if (!isSuiteRef(ref, suite) || !ref.path?.startsWith('.github/workflows/')) return undefined;
  const check: ReferenceCheck = { file, job: jobName, step: '(reusable workflow)', uses, problems: [] };
  const path = join(suiteRoot, ref.path);
  if (!existsSync(path)) {
    check.problems.push(`${ref.path} does not exist at the new version`);
    return check;
  }
  const doc = parse(readFileSync(path, 'utf8')) as {
    on?: { workflow_call?: { inputs?: Record<string, { required?: boolean; default?: unknown }> } };
  } | null;
  const inputs = doc?.on?.workflow_call?.inputs;
  if (!doc?.on?.workflow_call) {
    check.problems.push(`${ref.path} is not a reusable workflow any more (no on.workflow_call)`);
    return check;
  }
  const given = Object.keys(job.with ?? {});
  for (const input of given)
    if (!inputs || !(input in inputs)) check.problems.push(`with: ${input} is not an input any more`);
  for (const [input, spec] of Object.entries(inputs ?? {}))
    if (spec?.required && spec.default === undefined && !given.includes(input))
      check.problems.push(`input ${input} is required and not given`);
  return check;
}

/** A job's steps as one composite action the local runner can run: shells made explicit. */
function jobAsComposite(job: JobLike, steps: StepLike[], name: string): string {
  const shell = job.defaults?.run?.shell ?? 'bash';
  const workingDirectory = job.defaults?.run?.['working-directory'];
  const composite = steps.map((step) =>
    step.run === undefined
      ? step
      : {
          ...step,
          shell: step.shell ?? shell,
          ...(workingDirectory && !step['working-directory']
            ? { 'working-directory': workingDirectory }
            : {}),
        },
  );
  return stringify({ name, description: `job ${name}`, runs: { using: 'composite', steps: composite } });
}

async function runJob(
  options: VerifyOptions,
  consumer: string,
  file: string,
  jobName: string,
  job: JobLike,
  steps: StepLike[],
  suite: string,
): Promise<JobRun> {
  const result: JobRun = { file, job: jobName, ok: false, failed: [], stubbed: [] };
  const scratch = mkdtempSync(join(tmpdir(), 'gantry-verify-'));
  try {
    // The job runs in a copy: its run: steps may write to the checkout.
    const workspace = join(scratch, 'workspace');
    cpSync(consumer, workspace, { recursive: true });
    const templateDir = join(scratch, 'job');
    const stubs: Record<string, Record<string, string>> = {};
    for (const step of steps) {
      if (typeof step.uses !== 'string' || step.uses.startsWith('./')) continue;
      const ref = parseUses(step.uses);
      if (isSuiteRef(ref, suite) && ref.path && SUITE_PATH.test(ref.path)) continue;
      const key = step.uses.startsWith('docker://') ? step.uses : step.uses.replace(/@.*$/, '');
      stubs[key] = options.stubs?.[key] ?? options.stubs?.[key.split('/').slice(0, 2).join('/')] ?? {};
    }
    mkdirSync(templateDir);
    writeFileSync(join(templateDir, 'action.yml'), jobAsComposite(job, steps, jobName));
    const runnerTemp = join(scratch, 'temp');
    const event = {
      name: 'push',
      payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
    };
    const jobEnv = Object.fromEntries(Object.entries(job.env ?? {}).map(([k, v]) => [k, String(v)]));
    mkdirSync(runnerTemp, { recursive: true });
    const report = await runComposite({
      templateDir,
      inputs: {},
      env: runnerEnvironment({ runnerTemp, workspace, event, env: { ...options.env, ...jobEnv } }),
      event,
      workspace,
      runnerTemp,
      suiteRoot: options.suiteRoot,
      stubs,
      showOutputs: false,
      log: options.log,
      timeoutMs: options.timeoutMs,
    });
    result.ok = report.ok;
    result.failed = report.steps
      .filter((s) => s.conclusion === 'failure')
      .map((s) => `${s.name}${s.error ? `: ${s.error}` : ''}`);
    result.stubbed = report.stubbed;
  } catch (error) {
    result.error = errorMessage(error);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return result;
}

/** One consumer: its references checked, its template-using jobs run. Never throws. */
export async function verifyConsumer(consumer: string, options: VerifyOptions): Promise<ConsumerReport> {
  const suite = options.suite ?? 'acme/gantry';
  const report: ConsumerReport = { consumer, references: [], runs: [] };
  let files: { path: string; abs: Buffer }[];
  try {
    files = (await listRepoFiles(consumer)).files;
  } catch (error) {
    report.unreadable = errorMessage(error);
    return report;
  }
  for (const file of files) {
    const role = yamlRole(file.path);
    if (!role) continue;
    let doc: { jobs?: Record<string, JobLike>; runs?: { steps?: unknown } } | null;
    try {
      doc = parse(readFileSync(file.abs, 'utf8')) as typeof doc;
    } catch (error) {
      report.references.push({
        file: file.path,
        job: '',
        step: '',
        uses: '',
        problems: [`not readable YAML: ${errorMessage(error).split('\n')[0]}`],
      });
      continue;
    }
    if (!doc || typeof doc !== 'object') continue;
    const jobs: Array<[string, JobLike]> =
      role === 'workflow' ? Object.entries(doc.jobs ?? {}) : [['(composite)', { steps: doc.runs?.steps }]];
    for (const [jobName, job] of jobs) {
      if (!job || typeof job !== 'object') continue;
      const called = (job as { uses?: unknown }).uses;
      if (role === 'workflow' && typeof called === 'string') {
        const check = checkWorkflowCall(options.suiteRoot, suite, file.path, jobName, called, job);
        if (check) report.references.push(check);
        continue;
      }
      let steps: StepLike[];
      try {
        steps = flattenSteps<StepLike>(job.steps, `${file.path} ${jobName}`).map(({ step }) => step);
      } catch (error) {
        report.references.push({
          file: file.path,
          job: jobName,
          step: '',
          uses: '',
          problems: [errorMessage(error)],
        });
        continue;
      }
      const { checks, usesTemplate } = checkJob(options.suiteRoot, suite, file.path, jobName, steps, job);
      report.references.push(...checks);
      if (usesTemplate && role === 'workflow' && options.run !== false)
        report.runs.push(await runJob(options, consumer, file.path, jobName, job, steps, suite));
    }
  }
  return report;
}

export async function verifyConsumers(
  consumers: string[],
  options: VerifyOptions,
): Promise<ConsumerReport[]> {
  const reports: ConsumerReport[] = [];
  for (const consumer of consumers) reports.push(await verifyConsumer(consumer, options));
  return reports;
}

export function consumerOk(report: ConsumerReport): boolean {
  return (
    !report.unreadable &&
    report.references.every((r) => r.problems.length === 0) &&
    report.runs.every((r) => r.ok && !r.error)
  );
}
