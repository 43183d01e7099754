import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskSecrets } from '../runtime/text.js';
import { parseCommand, parseKeyValueFile, type WorkflowCommand } from './commands.js';

/**
 * One step run the way the GitHub runner runs it: fresh file-command files (GITHUB_OUTPUT, GITHUB_ENV,
 * GITHUB_STATE, GITHUB_PATH, GITHUB_STEP_SUMMARY), stdout parsed for workflow commands, masks applied
 * to what is shown, and a report of any masked value printed before its mask was registered.
 * Used by the test harness and by `gantry templates run`, so both follow one contract.
 */
export interface StepResult {
  phase: 'pre' | 'main' | 'post' | 'run';
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
  /** Masks registered by this step. */
  masks: string[];
  /** Masked values that appeared in stdout before their mask, or anywhere in stderr. */
  leaks: string[];
  /** The error annotations (::error::) raised by this step. */
  errors: string[];
  durationMs: number;
}

export interface ProcessSpec {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  timeoutMs: number;
}

export async function runProcessStep(
  phase: StepResult['phase'],
  spec: ProcessSpec,
  runnerTemp: string,
  /** Masks registered by earlier steps of the job; this step's masks are appended. */
  masks: string[],
): Promise<StepResult> {
  const started = Date.now();
  const commandsDir = mkdtempSync(join(runnerTemp, `_runner_file_commands_${phase}_`));
  const files = {
    GITHUB_OUTPUT: join(commandsDir, 'set_output'),
    GITHUB_ENV: join(commandsDir, 'set_env'),
    GITHUB_STATE: join(commandsDir, 'save_state'),
    GITHUB_PATH: join(commandsDir, 'add_path'),
    GITHUB_STEP_SUMMARY: join(commandsDir, 'step_summary'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: { ...spec.env, ...files },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  child.stderr.on('data', (c: Buffer) => err.push(c));
  const timer = setTimeout(() => child.kill('SIGKILL'), spec.timeoutMs);
  const exitCode = await new Promise<number>((resolve) => {
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 137));
  });
  clearTimeout(timer);
  const stdout = Buffer.concat(out).toString('utf8');
  const stderr = Buffer.concat(err).toString('utf8');

  // The runner reads output line by line, and a line ends at CR as well as at LF.
  const lines = stdout.split(/\r\n|\r|\n/);
  const parsed = lines.map((line) => parseCommand(line));
  // A value printed before its ::add-mask:: reached the log unmasked: the runner masks only later lines.
  const registeredAt = new Map<string, number>();
  parsed.forEach((command, index) => {
    if (command?.command === 'add-mask' && command.value !== '' && !registeredAt.has(command.value))
      registeredAt.set(command.value, index);
  });
  const leaks = new Set<string>();
  lines.forEach((line, index) => {
    if (parsed[index]?.command === 'add-mask') return;
    for (const [mask, at] of registeredAt) if (index < at && line.includes(mask)) leaks.add(mask);
  });

  const commands: WorkflowCommand[] = [];
  const stepMasks: string[] = [];
  const logLines: string[] = [];
  lines.forEach((line, index) => {
    const command = parsed[index];
    if (!command) {
      logLines.push(maskSecrets(line, masks));
    } else {
      commands.push(command);
      if (command.command === 'add-mask' && command.value !== '') {
        masks.push(command.value);
        stepMasks.push(command.value);
      }
    }
  });
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
    durationMs: Date.now() - started,
  };
}
