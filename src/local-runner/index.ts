export { parseCommand, parseKeyValueFile, type WorkflowCommand } from './commands.js';
export {
  type CompositeReport,
  type CompositeRunOptions,
  loadTemplate,
  runComposite,
  type StepReport,
} from './composite.js';
export { type RunnerEnvironmentOptions, runnerEnvironment } from './environment.js';
export { evaluateActionCondition, evaluateCondition, evaluateDefault, interpolate } from './expressions.js';
export {
  inputEnvironment,
  type NodeActionInvocation,
  runNodePhase,
} from './node-action.js';
export { type ProcessSpec, runProcessStep, type StepResult } from './step.js';
export { type FlatStep, flattenSteps } from './step-groups.js';
