// Renamed to step.ts ("run" meant four things; this runs one step of an action). Kept only so the
// per-action run.ts files, edited on other branches, compile until their imports move; remove then.
export { type ActionContext, type ActionFn, runStep, type StepOptions } from './step.js';
