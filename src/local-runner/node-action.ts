import { resolve } from 'node:path';
import { type ActionMetadata, inputEnvName } from '../runtime/metadata.js';
import { runProcessStep, type StepResult } from './step.js';

/** A node action invoked as the runner invokes it: one process per phase, inputs as INPUT_<NAME>. */
export interface NodeActionInvocation {
  actionDir: string;
  metadata: ActionMetadata;
  /** Inputs given by the caller (`with:`), already evaluated. */
  inputs: Record<string, string>;
  /** Evaluates `${{ … }}` in an action.yml default (the runner does this with the job's contexts). */
  evaluateDefault: (value: string) => string;
  /** The job environment: GITHUB_*, RUNNER_*, PATH, and what earlier steps exported. */
  env: Record<string, string>;
  workspace: string;
  runnerTemp: string;
  masks: string[];
  timeoutMs: number;
}

/** INPUT_* for every declared input: given values, else the action.yml default. Unknown inputs are refused. */
export function inputEnvironment(
  invocation: Pick<NodeActionInvocation, 'metadata' | 'inputs' | 'evaluateDefault'>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of Object.keys(invocation.inputs)) {
    if (!(name in invocation.metadata.inputs)) {
      throw new Error(
        `Unexpected input '${name}' for ${invocation.metadata.name || 'the action'}; valid inputs: ${Object.keys(invocation.metadata.inputs).join(', ')}`,
      );
    }
  }
  for (const [name, spec] of Object.entries(invocation.metadata.inputs)) {
    env[inputEnvName(name)] = invocation.inputs[name] ?? invocation.evaluateDefault(spec.default ?? '');
  }
  return env;
}

export async function runNodePhase(
  phase: 'pre' | 'main' | 'post',
  invocation: NodeActionInvocation,
  state: Record<string, string>,
): Promise<StepResult> {
  const target = invocation.metadata.runs[phase];
  if (!target) throw new Error(`action has no runs.${phase}`);
  const env: Record<string, string> = {
    ...invocation.env,
    ...inputEnvironment(invocation),
    GITHUB_ACTION_PATH: invocation.actionDir,
  };
  for (const [key, value] of Object.entries(state)) env[`STATE_${key}`] = value;
  return runProcessStep(
    phase,
    {
      command: process.execPath,
      args: [resolve(invocation.actionDir, target)],
      env,
      cwd: invocation.workspace,
      timeoutMs: invocation.timeoutMs,
    },
    invocation.runnerTemp,
    invocation.masks,
  );
}
