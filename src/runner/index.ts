export { applyMasks, parseCommand, parseKeyValueFile, type WorkflowCommand } from './commands.js';
export {
  evaluateStatusCondition,
  inputEnvironment,
  type NodeActionInvocation,
  runNodePhase,
} from './node-action.js';
export { type ProcessSpec, runProcessStep, type StepResult } from './step.js';
export {
  type CompositeReport,
  type CompositeRunOptions,
  loadTemplate,
  runComposite,
  type StepReport,
} from './composite.js';
export { runnerEnvironment, type RunnerEnvironmentOptions } from './environment.js';
export { evaluateCondition, interpolate } from './expressions.js';
