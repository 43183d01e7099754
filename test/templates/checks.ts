/**
 * Checks of workflows, templates and action.yml files with GitHub's own parsers: the workflow and
 * action schemas (@actions/workflow-parser), expressions (@actions/expressions), plus the suite's
 * own rules: pins, and inputs/outputs that exist in the action.yml of the suite action a step uses.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, Parser } from '@actions/expressions';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { isMap, isScalar, isSeq, parse, parseDocument, visit } from 'yaml';
import { isSuiteRef, parseUses } from '../../src/pins/uses.js';
import { flattenSteps } from '../../src/local-runner/step-groups.js';

export const SUITE = 'acme/gantry';

export type Role = 'workflow' | 'action';

export function schemaErrors(name: string, content: string, role: Role): string[] {
  const file = { name, content };
  const result =
    role === 'workflow'
      ? parseWorkflow(file, new NoOperationTraceWriter())
      : parseAction(file, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((e) => e.message);
}

/** `${{ … }}` bodies in a string, ending at the first `}}` outside a string literal. */
export function embeddedExpressions(text: string): string[] {
  const found: string[] = [];
  let at = text.indexOf('${{');
  while (at !== -1) {
    let i = at + 3;
    let inString = false;
    for (; i < text.length; i++) {
      if (text[i] === "'") inString = !inString;
      else if (!inString && text.startsWith('}}', i)) break;
    }
    if (i >= text.length) {
      found.push(text.slice(at + 3)); // unterminated: parsing it reports the error
      break;
    }
    found.push(text.slice(at + 3, i));
    at = text.indexOf('${{', i + 2);
  }
  return found;
}

const STATUS_FUNCTIONS = ['always', 'success', 'failure', 'cancelled'].map((name) => ({
  name,
  minArgs: 0,
  maxArgs: 0,
}));
const HASH_FILES = { name: 'hashFiles', minArgs: 1, maxArgs: 255 };
const CONTEXTS: Record<Role, string[]> = {
  action: ['github', 'inputs', 'steps', 'env', 'runner', 'job', 'strategy', 'matrix'],
  workflow: [
    'github',
    'inputs',
    'steps',
    'env',
    'runner',
    'job',
    'jobs',
    'strategy',
    'matrix',
    'needs',
    'secrets',
    'vars',
  ],
};

export function expressionError(expression: string, role: Role): string | undefined {
  try {
    const { tokens } = new Lexer(expression).lex();
    new Parser(tokens, CONTEXTS[role], [...STATUS_FUNCTIONS, HASH_FILES]).parse();
    return undefined;
  } catch (error) {
    return `${JSON.stringify(expression)}: ${(error as Error).message}`;
  }
}

/** Every expression in the file: `${{ }}` in any string, and the bare expressions of `if:`. */
export function allExpressions(content: string): string[] {
  const expressions: string[] = [];
  visit(parseDocument(content), {
    Pair(_key, pair) {
      if (
        isScalar(pair.key) &&
        pair.key.value === 'if' &&
        isScalar(pair.value) &&
        typeof pair.value.value === 'string'
      ) {
        const condition = pair.value.value.trim();
        if (!condition.startsWith('${{')) expressions.push(condition);
      }
    },
    Scalar(_key, node) {
      if (typeof node.value === 'string') expressions.push(...embeddedExpressions(node.value));
    },
  });
  return expressions;
}

export interface StepUse {
  where: string;
  uses: string;
  comment?: string;
  id?: string;
  with: Record<string, unknown>;
}

/** Steps (and reusable-workflow jobs) with their `uses:`, `id:` and `with:`. */
export function stepUses(content: string, role: Role, name: string): StepUse[] {
  const doc = parseDocument(content);
  const found: StepUse[] = [];
  const comment = (node: unknown) => (isScalar(node) && node.comment) || undefined;
  const steps = (seq: unknown, where: string) => {
    if (!isSeq(seq)) return;
    seq.items.forEach((step, index) => {
      if (!isMap(step)) return;
      // Parallel step groups hold steps too.
      steps(step.get('parallel', true), `${where} step ${index + 1} parallel`);
      steps(step.get('sequential', true), `${where} step ${index + 1} sequential`);
      if (!step.has('uses')) return;
      const raw = step.toJSON() as { uses: string; id?: string; with?: Record<string, unknown> };
      found.push({
        where: `${where} step ${index + 1}`,
        uses: raw.uses,
        comment: comment(step.get('uses', true)),
        id: raw.id,
        with: raw.with ?? {},
      });
    });
  };
  if (role === 'action') steps(doc.getIn(['runs', 'steps'], true), name);
  else {
    const jobs = doc.get('jobs', true);
    if (isMap(jobs))
      for (const job of jobs.items) {
        if (!isMap(job.value)) continue;
        const where = `${name} job ${String(isScalar(job.key) ? job.key.value : '?')}`;
        if (job.value.has('uses')) {
          const raw = job.value.toJSON() as { uses: string; with?: Record<string, unknown> };
          found.push({
            where,
            uses: raw.uses,
            comment: comment(job.value.get('uses', true)),
            with: raw.with ?? {},
          });
        }
        steps(job.value.get('steps', true), where);
      }
  }
  return found;
}

/** `run:` scripts of steps whose text contains `${{`: GitHub pastes the value into the script. */
export function injectableRuns(content: string, role: Role, name: string): string[] {
  const doc = parse(content) as {
    runs?: { steps?: { run?: unknown }[] };
    jobs?: Record<string, { steps?: { run?: unknown }[] }>;
  };
  const lists = role === 'action' ? [doc.runs?.steps] : Object.values(doc.jobs ?? {}).map((j) => j.steps);
  const steps = lists.flatMap((list) => flattenSteps<{ run?: unknown }>(list, name).map(({ step }) => step));
  return steps
    .filter((step) => typeof step.run === 'string' && step.run.includes('${{'))
    .map((step) => `${name}: ${String(step.run).split('\n')[0]}`);
}

export interface ActionSpec {
  inputs: Record<string, { required?: boolean; default?: unknown }>;
  outputs: Record<string, unknown>;
}

/** The action.yml a suite reference resolves to in this checkout, or a problem. */
export function suiteActionFile(root: string, uses: string): string | undefined {
  const ref = parseUses(uses);
  if (ref.kind === 'local') return join(root, uses, 'action.yml');
  if (!isSuiteRef(ref, SUITE) || ref.path?.startsWith('.github/')) return undefined;
  return join(root, ref.path ?? '', 'action.yml');
}

export function loadSpec(file: string): ActionSpec {
  const doc = parse(readFileSync(file, 'utf8')) as Partial<ActionSpec>;
  return { inputs: doc.inputs ?? {}, outputs: doc.outputs ?? {} };
}

/**
 * What is wrong with the `with:` of steps that use the suite's actions and templates: unknown
 * inputs, required inputs not given, and `steps.<id>.outputs.<name>` naming an output the action
 * does not declare (a renamed input or output breaks here, not in a user's pipeline).
 */
export function interfaceProblems(root: string, content: string, role: Role, name: string): string[] {
  const problems: string[] = [];
  const specsById = new Map<string, ActionSpec>();
  for (const step of stepUses(content, role, name)) {
    const file = suiteActionFile(root, step.uses);
    if (!file) continue;
    if (!existsSync(file)) {
      problems.push(`${step.where}: ${step.uses} resolves to ${file}, which does not exist`);
      continue;
    }
    const spec = loadSpec(file);
    if (step.id) specsById.set(step.id, spec);
    for (const input of Object.keys(step.with))
      if (!(input in spec.inputs)) problems.push(`${step.where}: ${step.uses} has no input '${input}'`);
    for (const [input, def] of Object.entries(spec.inputs))
      if (def?.required && (def.default === undefined || def.default === '') && !(input in step.with))
        problems.push(`${step.where}: ${step.uses} requires input '${input}'`);
  }
  for (const expression of allExpressions(content)) {
    for (const match of expression.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
      const spec = specsById.get(match[1]!);
      if (spec && !declaresOutput(spec, match[2]!))
        problems.push(`${name}: steps.${match[1]}.outputs.${match[2]} is not an output of that action`);
    }
  }
  return problems;
}

/**
 * In a workflow: `needs.<job>.outputs.<name>` names a job listed in `needs:` and an output it
 * declares; `jobs.<job>.outputs.<name>` (workflow_call outputs) names a declared output too.
 */
export function jobOutputProblems(content: string, name: string): string[] {
  const doc = parse(content) as {
    on?: { workflow_call?: { outputs?: Record<string, { value?: string }> } };
    jobs?: Record<
      string,
      { needs?: string | string[]; outputs?: Record<string, string> } & Record<string, unknown>
    >;
  };
  const jobs = doc.jobs ?? {};
  const problems: string[] = [];
  const check = (text: string, where: string, needs: string[] | undefined) => {
    for (const expression of embeddedExpressions(text).concat(where.endsWith('.if') ? [text] : [])) {
      for (const m of expression.matchAll(/\b(needs|jobs)\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
        const [, kind, job, output] = m as unknown as [string, string, string, string];
        if (kind === 'needs' && needs && !needs.includes(job))
          problems.push(`${where}: needs.${job} but ${job} is not in needs`);
        if (!(output in (jobs[job]?.outputs ?? {})))
          problems.push(`${where}: ${kind}.${job}.outputs.${output} is not an output of job ${job}`);
      }
    }
  };
  const walk = (node: unknown, where: string, needs: string[] | undefined) => {
    if (typeof node === 'string') check(node, where, needs);
    else if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, `${where}[${i}]`, needs);
    } else if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) walk(value, `${where}.${key}`, needs);
  };
  for (const [id, job] of Object.entries(jobs)) {
    const needs = job.needs === undefined ? [] : ([] as string[]).concat(job.needs);
    walk(job, `${name} jobs.${id}`, needs);
  }
  walk(doc.on?.workflow_call?.outputs ?? {}, `${name} on.workflow_call.outputs`, undefined);
  return problems;
}

/** Outputs named like `<filter>` or `<filter>_count` stand for every name of that shape. */
function declaresOutput(spec: ActionSpec, name: string): boolean {
  return Object.keys(spec.outputs).some((declared) => {
    if (!declared.includes('<')) return declared === name;
    const pattern = declared.split(/<[^>]+>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${pattern.join('.+')}$`).test(name);
  });
}

/** The files the suite ships and runs: workflows, action.yml of actions and templates. */
export function suiteFiles(root: string): { path: string; role: Role }[] {
  const files: { path: string; role: Role }[] = [];
  const workflows = join(root, '.github/workflows');
  if (existsSync(workflows))
    for (const f of readdirSync(workflows).sort())
      if (/\.ya?ml$/.test(f)) files.push({ path: `.github/workflows/${f}`, role: 'workflow' });
  for (const parent of ['actions', 'action-templates']) {
    if (!existsSync(join(root, parent))) continue;
    for (const name of readdirSync(join(root, parent)).sort()) {
      if (!existsSync(join(root, parent, name, 'action.yml'))) continue;
      files.push({ path: `${parent}/${name}/action.yml`, role: 'action' });
      for (const sub of readdirSync(join(root, parent, name)).sort())
        if (existsSync(join(root, parent, name, sub, 'action.yml')))
          files.push({ path: `${parent}/${name}/${sub}/action.yml`, role: 'action' });
    }
  }
  return files;
}
