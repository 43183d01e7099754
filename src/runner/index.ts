export { applyMasks, parseCommand, parseKeyValueFile, type WorkflowCommand } from './commands.js';
export {
  evaluateStatusCondition,
  inputEnvironment,
  type NodeActionInvocation,
  runNodePhase,
} from './node-action.js';
export { type ProcessSpec, runProcessStep, type StepResult } from './step.js';
