/**
 * Runs a bundled action (dist/<action>/index.js) the way the GitHub runner does: inputs as
 * INPUT_<NAME> with action.yml defaults applied, file commands (GITHUB_OUTPUT, GITHUB_ENV,
 * GITHUB_STATE, GITHUB_PATH, GITHUB_STEP_SUMMARY), stdout workflow commands (add-mask,
 * annotations, groups), pre/main/post with STATE_* handed on and post-if honoured, and an event
 * payload file. It reports any masked value printed before its mask was registered.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ActionMetadata, inputEnvName, loadActionMetadata } from '../../src/runtime/metadata.js';

export const SUITE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface HarnessOptions {
  action: string;
  inputs?: Record<string, string>;
  /** Extra environment for every step (GITHUB_* overrides, GANTRY_LOG_FILE, …). */
  env?: Record<string, string>;
  event?: { name: string; payload: unknown };
  /** The workspace (GITHUB_WORKSPACE and the working directory). */
  workspace?: string;
  debug?: boolean;
  /** Run the post step when action.yml has one and post-if allows (default true). */
  post?: boolean;
  /** Simulate cancellation for post-if evaluation. */
  cancelled?: boolean;
  timeoutMs?: number;
  /** The runner's temp directory (reuse one to inspect what the action left there). */
  runnerTemp?: string;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  value: string;
}

export interface StepResult {
  phase: 'pre' | 'main' | 'post';
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout as the runner would show it: masks applied, commands removed. */
  log: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  env: Record<string, string>;
  path: string[];
  summary: string;
  commands: WorkflowCommand[];
  annotations: WorkflowCommand[];
  masks: string[];
  /** Masked values that appeared in stdout before their mask, or anywhere in stderr. */
  leaks: string[];
  /** The single error annotations (::error::) raised by this step. */
  errors: string[];
}

export interface ActionRun {
  steps: StepResult[];
  main: StepResult;
  post?: StepResult;
  runnerTemp: string;
  /** All masks registered over the whole run. */
  masks: string[];
}

const DEFAULT_REPOSITORY = 'acme/service';

export function actionMetadata(action: string): ActionMetadata {
  return loadActionMetadata(action, SUITE_ROOT);
}

export async function runAction(options: HarnessOptions): Promise<ActionRun> {
  const metadata = actionMetadata(options.action);
  const runnerTemp = options.runnerTemp ?? mkdtempSync(join(tmpdir(), 'gantry-runner-'));
  const workspace = options.workspace ?? mkdtempSync(join(tmpdir(), 'gantry-workspace-'));
  const eventPath = join(runnerTemp, '_github_workflow', 'event.json');
  mkdirSync(dirname(eventPath), { recursive: true });
  writeFileSync(eventPath, JSON.stringify(options.event?.payload ?? {}));

  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? runnerTemp,
    TMPDIR: process.env.TMPDIR ?? tmpdir(),
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: join(runnerTemp, '_tool'),
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: options.event?.name ?? 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: DEFAULT_REPOSITORY,
    GITHUB_REPOSITORY_OWNER: DEFAULT_REPOSITORY.split('/')[0]!,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_RUN_ID: '1000',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_JOB: 'build',
    GITHUB_ACTOR: 'octocat',
    GITHUB_ACTION_PATH: join(SUITE_ROOT, 'actions', options.action),
    ...(options.debug ? { RUNNER_DEBUG: '1' } : {}),
    ...options.env,
  };
  for (const [name, spec] of Object.entries(metadata.inputs)) {
    const value = options.inputs?.[name] ?? evaluateDefault(spec.default ?? '', base);
    base[inputEnvName(name)] = value;
  }
  for (const name of Object.keys(options.inputs ?? {})) {
    if (!(name in metadata.inputs)) throw new Error(`harness: ${options.action} has no input '${name}'`);
  }

  const steps: StepResult[] = [];
  const masks: string[] = [];
  let exported: Record<string, string> = {};
  let pathAdditions: string[] = [];
  let state: Record<string, string> = {};
  let jobOk = true;

  for (const phase of ['pre', 'main', 'post'] as const) {
    const target = metadata.runs[phase];
    if (!target) continue;
    if (phase === 'post' && options.post === false) continue;
    if (phase !== 'main') {
      const condition = metadata.runs[`${phase}-if` as 'post-if' | 'pre-if'] ?? 'always()';
      if (!evaluateStatusCondition(condition, { success: jobOk, cancelled: options.cancelled ?? false })) continue;
    }
    const script = resolve(SUITE_ROOT, 'actions', options.action, target);
    if (!existsSync(script)) throw new Error(`harness: ${script} does not exist; run npm run build`);
    const env: Record<string, string> = { ...base, ...exported };
    if (pathAdditions.length) env.PATH = [...pathAdditions, env.PATH].join(':');
    for (const [key, value] of Object.entries(state)) env[`STATE_${key}`] = value;
    const step = await runStep(phase, script, env, runnerTemp, workspace, masks, options.timeoutMs ?? 120_000);
    steps.push(step);
    exported = { ...exported, ...step.env };
    pathAdditions = [...step.path.reverse(), ...pathAdditions];
    if (phase !== 'post') state = { ...state, ...step.state };
    if (step.exitCode !== 0) jobOk = false;
  }
  for (const [i, step] of steps.entries()) {
    for (const later of steps.slice(i + 1)) {
      for (const mask of later.masks) if (step.stdout.includes(mask) && !step.masks.includes(mask)) step.leaks.push(mask);
    }
  }
  const main = steps.find((s) => s.phase === 'main')!;
  return { steps, main, post: steps.find((s) => s.phase === 'post'), runnerTemp, masks };
}

async function runStep(
  phase: StepResult['phase'],
  script: string,
  env: Record<string, string>,
  runnerTemp: string,
  workspace: string,
  masks: string[],
  timeoutMs: number,
): Promise<StepResult> {
  const commandsDir = mkdtempSync(join(runnerTemp, `_runner_file_commands_${phase}_`));
  const files = {
    GITHUB_OUTPUT: join(commandsDir, 'set_output'),
    GITHUB_ENV: join(commandsDir, 'set_env'),
    GITHUB_STATE: join(commandsDir, 'save_state'),
    GITHUB_PATH: join(commandsDir, 'add_path'),
    GITHUB_STEP_SUMMARY: join(commandsDir, 'step_summary'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const child = spawn(process.execPath, [script], { cwd: workspace, env: { ...env, ...files }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  child.stderr.on('data', (c: Buffer) => err.push(c));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await new Promise<number>((res) => child.on('close', (code) => res(code ?? 137)));
  clearTimeout(timer);
  const stdout = Buffer.concat(out).toString('utf8');
  const stderr = Buffer.concat(err).toString('utf8');

  const commands: WorkflowCommand[] = [];
  const stepMasks: string[] = [];
  const logLines: string[] = [];
  const leaks = new Set<string>();
  const lines = stdout.split('\n');
  // A value printed before its ::add-mask:: reached the log unmasked: the runner masks only later lines.
  const registeredAt = new Map<string, number>();
  lines.forEach((line, index) => {
    const command = parseCommand(line);
    if (command?.command === 'add-mask' && command.value !== '' && !registeredAt.has(command.value)) registeredAt.set(command.value, index);
  });
  lines.forEach((line, index) => {
    const command = parseCommand(line);
    if (command?.command === 'add-mask') return;
    for (const [mask, at] of registeredAt) if (index < at && line.includes(mask)) leaks.add(mask);
  });
  for (const line of lines) {
    const command = parseCommand(line);
    if (command) {
      commands.push(command);
      if (command.command === 'add-mask' && command.value !== '') {
        masks.push(command.value);
        stepMasks.push(command.value);
      }
      continue;
    }
    logLines.push(applyMasks(line, masks));
  }
  // The runner masks stderr too, but a secret has no business there.
  for (const mask of masks) if (mask && stderr.includes(mask)) leaks.add(mask);

  const annotations = commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command));
  return {
    phase,
    exitCode,
    stdout,
    stderr,
    log: logLines.join('\n'),
    outputs: parseKeyValueFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: parseKeyValueFile(readFileSync(files.GITHUB_STATE, 'utf8')),
    env: parseKeyValueFile(readFileSync(files.GITHUB_ENV, 'utf8')),
    path: readFileSync(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    commands,
    annotations,
    masks: stepMasks,
    leaks: [...leaks],
    errors: annotations.filter((a) => a.command === 'error').map((a) => a.value),
  };
}

/** The runner's command syntax: ::name key=value,key=value::data, with %-escapes. */
export function parseCommand(line: string): WorkflowCommand | undefined {
  const match = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/s.exec(line.replace(/\r$/, '').trimStart());
  if (!match) return undefined;
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { command: match[1]!, properties, value: unescapeData(match[3] ?? '') };
}

function unescapeData(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

function applyMasks(line: string, masks: string[]): string {
  let out = line;
  for (const mask of [...masks].sort((a, b) => b.length - a.length)) if (mask) out = out.split(mask).join('***');
  return out;
}

/** GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE: `name=value` or `name<<DELIM` … `DELIM`. */
export function parseKeyValueFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i]!.replace(/\r$/, '') !== delimiter; i++) value.push(lines[i]!);
      if (i >= lines.length) throw new Error(`unterminated heredoc for ${name} (delimiter ${delimiter})`);
      result[name!] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`malformed file-command line: ${JSON.stringify(line)}`);
    result[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return result;
}

function evaluateDefault(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
    if (expr === 'github.token') return env.GITHUB_TOKEN ?? 'ghs_harness-token';
    if (expr === 'github.workspace') return env.GITHUB_WORKSPACE ?? '';
    if (expr === 'github.repository') return env.GITHUB_REPOSITORY ?? '';
    if (expr === 'runner.temp') return env.RUNNER_TEMP ?? '';
    throw new Error(`harness: unsupported default expression \${{ ${expr} }}`);
  });
}

/** post-if / pre-if status functions, as the runner evaluates them for a single action. */
export function evaluateStatusCondition(condition: string, status: { success: boolean; cancelled: boolean }): boolean {
  const expr = condition.replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim();
  const withValues = expr
    .replace(/always\(\)/g, 'true')
    .replace(/success\(\)/g, String(status.success && !status.cancelled))
    .replace(/failure\(\)/g, String(!status.success && !status.cancelled))
    .replace(/cancelled\(\)/g, String(status.cancelled));
  if (!/^[\s()!&|truefals]*$/.test(withValues)) throw new Error(`harness: unsupported condition ${condition}`);
  return Function(`"use strict"; return (${withValues});`)() as boolean;
}
