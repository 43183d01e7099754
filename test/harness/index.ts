/**
 * Runs a bundled action (dist/<action>/index.js) the way the GitHub runner does: inputs as
 * INPUT_<NAME> with action.yml defaults applied, file commands (GITHUB_OUTPUT, GITHUB_ENV,
 * GITHUB_STATE, GITHUB_PATH, GITHUB_STEP_SUMMARY), stdout workflow commands (add-mask,
 * annotations, groups), pre/main/post with STATE_* handed on and post-if honoured, and an event
 * payload file. It reports any masked value printed before its mask was registered.
 * The step mechanics live in src/runner, shared with `gantry templates run`.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  evaluateDefault,
  evaluateActionCondition,
  runNodePhase,
  runnerEnvironment,
  type StepResult,
} from '../../src/local-runner/index.js';
import { type ActionMetadata, loadActionMetadata } from '../../src/runtime/metadata.js';

export {
  parseCommand,
  parseKeyValueFile,
  type StepResult,
  type WorkflowCommand,
} from '../../src/local-runner/index.js';

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

export interface ActionRun {
  steps: StepResult[];
  main: StepResult;
  post?: StepResult;
  runnerTemp: string;
  /** All masks registered over the whole run. */
  masks: string[];
}

export function actionMetadata(action: string): ActionMetadata {
  return loadActionMetadata(action, SUITE_ROOT);
}

export async function runAction(options: HarnessOptions): Promise<ActionRun> {
  const metadata = actionMetadata(options.action);
  const runnerTemp = options.runnerTemp ?? mkdtempSync(join(tmpdir(), 'gantry-runner-'));
  const workspace = options.workspace ?? mkdtempSync(join(tmpdir(), 'gantry-workspace-'));
  const base = runnerEnvironment({
    runnerTemp,
    workspace,
    event: options.event,
    debug: options.debug,
    env: options.env,
  });
  const actionDir = join(SUITE_ROOT, 'actions', options.action);

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
      const condition = metadata.runs[`${phase}-if` as 'post-if' | 'pre-if'];
      const status = { failed: !jobOk, cancelled: options.cancelled ?? false };
      if (!evaluateActionCondition(condition, status, base)) continue;
    }
    const script = resolve(actionDir, target);
    if (!existsSync(script)) throw new Error(`harness: ${script} does not exist; run npm run build`);
    const env: Record<string, string> = { ...base, ...exported };
    if (pathAdditions.length) env.PATH = [...pathAdditions, env.PATH].join(':');
    const step = await runNodePhase(
      phase,
      {
        actionDir,
        metadata,
        inputs: options.inputs ?? {},
        evaluateDefault: (value) => evaluateDefault(value, env, env.GITHUB_TOKEN ?? 'ghs_harness-token'),
        env,
        workspace,
        runnerTemp,
        masks,
        timeoutMs: options.timeoutMs ?? 120_000,
      },
      state,
    );
    steps.push(step);
    exported = { ...exported, ...step.env };
    pathAdditions = [...[...step.path].reverse(), ...pathAdditions];
    if (phase !== 'post') state = { ...state, ...step.state };
    if (step.exitCode !== 0) jobOk = false;
  }
  // A mask registered in a later step does not cover what an earlier step already printed.
  for (const [i, step] of steps.entries()) {
    for (const later of steps.slice(i + 1)) {
      for (const mask of later.masks)
        if (step.stdout.includes(mask) && !step.masks.includes(mask)) step.leaks.push(mask);
    }
  }
  const main = steps.find((s) => s.phase === 'main')!;
  return { steps, main, post: steps.find((s) => s.phase === 'post'), runnerTemp, masks };
}
