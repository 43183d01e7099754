import type { DeployFact, Facts, JobFact, RunFact, StageFact, StepFact, TestFact } from './model.js';

/**
 * Facts read from a file (input facts-file, `gantry pipeline-metrics` in another CI system): the
 * model's shape checked field by field, so a wrong file is one clear error naming the first bad
 * field (`runs[3].jobs[0].startedAt: expected a time in ms`), never a crash deep in the metrics.
 * Times are milliseconds since the epoch or ISO 8601 strings (as the GitHub API writes them).
 */
export class FactsError extends Error {
  override name = 'FactsError';
}

type Obj = Record<string, unknown>;

function object(value: unknown, path: string): Obj {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new FactsError(`${path}: expected an object`);
  return value as Obj;
}

function array(value: unknown, path: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new FactsError(`${path}: expected an array`);
  return value;
}

function text(o: Obj, key: string, path: string, fallback?: string): string {
  const value = o[key];
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string') throw new FactsError(`${path}.${key}: expected a string`);
  return value;
}

function count(o: Obj, key: string, path: string, fallback?: number): number {
  const value = o[key];
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new FactsError(`${path}.${key}: expected a whole number >= 0`);
  return value;
}

function time(o: Obj, key: string, path: string): number;
function time(o: Obj, key: string, path: string, optional: true): number | undefined;
function time(o: Obj, key: string, path: string, optional?: true): number | undefined {
  const value = o[key];
  if ((value === undefined || value === null) && optional) return undefined;
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw new FactsError(`${path}.${key}: expected a time in ms or ISO 8601`);
  return ms;
}

function conclusion(o: Obj, key: string, path: string): string | null {
  const value = o[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new FactsError(`${path}.${key}: expected a string or null`);
  return value;
}

function step(value: unknown, path: string): StepFact {
  const o = object(value, path);
  return {
    name: text(o, 'name', path),
    number: count(o, 'number', path, 0),
    conclusion: conclusion(o, 'conclusion', path),
    startedAt: time(o, 'startedAt', path, true),
    completedAt: time(o, 'completedAt', path, true),
  };
}

function job(value: unknown, path: string): JobFact {
  const o = object(value, path);
  return {
    id: count(o, 'id', path),
    name: text(o, 'name', path),
    conclusion: conclusion(o, 'conclusion', path),
    createdAt: time(o, 'createdAt', path),
    startedAt: time(o, 'startedAt', path, true),
    completedAt: time(o, 'completedAt', path, true),
    ...(typeof o.runnerName === 'string' ? { runnerName: o.runnerName } : {}),
    steps: array(o.steps, `${path}.steps`).map((s, i) => step(s, `${path}.steps[${i}]`)),
  };
}

function run(value: unknown, path: string): RunFact {
  const o = object(value, path);
  const createdAt = time(o, 'createdAt', path);
  return {
    id: count(o, 'id', path),
    attempt: count(o, 'attempt', path, 1),
    workflow: text(o, 'workflow', path),
    name: text(o, 'name', path, ''),
    branch: text(o, 'branch', path),
    event: text(o, 'event', path, ''),
    sha: text(o, 'sha', path, ''),
    conclusion: conclusion(o, 'conclusion', path),
    createdAt,
    startedAt: time(o, 'startedAt', path, true) ?? createdAt,
    updatedAt: time(o, 'updatedAt', path, true) ?? createdAt,
    url: text(o, 'url', path, ''),
    jobs: array(o.jobs, `${path}.jobs`).map((j, i) => job(j, `${path}.jobs[${i}]`)),
  };
}

function oneOf<T extends string>(o: Obj, key: string, path: string, allowed: readonly T[]): T {
  const value = o[key];
  if (typeof value !== 'string' || !allowed.includes(value as T))
    throw new FactsError(`${path}.${key}: expected one of ${allowed.join(', ')}`);
  return value as T;
}

function deploy(value: unknown, path: string): DeployFact {
  const o = object(value, path);
  const commitTime = time(o, 'commitTime', path, true);
  return {
    service: text(o, 'service', path),
    environment: text(o, 'environment', path),
    digest: text(o, 'digest', path, ''),
    ...(typeof o.commit === 'string' ? { commit: o.commit } : {}),
    ...(commitTime === undefined ? {} : { commitTime }),
    time: time(o, 'time', path),
    kind: oneOf(o, 'kind', path, ['promotion', 'rollback'] as const),
    outcome: oneOf(o, 'outcome', path, ['success', 'failure'] as const),
  };
}

function test(value: unknown, path: string): TestFact {
  const o = object(value, path);
  return {
    id: text(o, 'id', path),
    runs: count(o, 'runs', path),
    failures: count(o, 'failures', path, 0),
    flakyRuns: count(o, 'flakyRuns', path, 0),
  };
}

function stage(value: unknown, path: string): StageFact {
  const o = object(value, path);
  const optionalCount = (key: string) => (o[key] === undefined ? undefined : count(o, key, path));
  const retries = optionalCount('retries');
  const exhausted = optionalCount('exhausted');
  return {
    action: text(o, 'action', path),
    stage: text(o, 'stage', path),
    start: time(o, 'start', path),
    durationMs: count(o, 'durationMs', path, 0),
    outcome: text(o, 'outcome', path, ''),
    runId: String(o.runId ?? ''),
    attempt: String(o.attempt ?? ''),
    ...(retries === undefined ? {} : { retries }),
    ...(exhausted === undefined ? {} : { exhausted }),
  };
}

export function parseFacts(value: unknown): Facts {
  const o = object(value, 'facts');
  return {
    repository: text(o, 'repository', 'facts', ''),
    defaultBranch: text(o, 'defaultBranch', 'facts', 'main'),
    runs: array(o.runs, 'runs').map((r, i) => run(r, `runs[${i}]`)),
    deploys: array(o.deploys, 'deploys').map((d, i) => deploy(d, `deploys[${i}]`)),
    tests: array(o.tests, 'tests').map((t, i) => test(t, `tests[${i}]`)),
    stages: array(o.stages, 'stages').map((s, i) => stage(s, `stages[${i}]`)),
  };
}
