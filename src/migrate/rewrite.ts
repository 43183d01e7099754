/**
 * Rewrites the steps of one workflow or action.yml that use an action `gantry migrate` replaces,
 * editing only the bytes of what changes: the `uses:` value and its version comment (the way
 * `gantry pins set` does), renamed input keys, replaced values, removed input lines and added ones.
 * The result is parsed again and must equal the original document with exactly those changes.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument, type YAMLMap } from 'yaml';
import { type PinTarget, versionComment } from '../pins/set.js';
import { parseUses } from '../pins/uses.js';
import { type LocatedUses, scanYaml, type YamlRole } from '../pins/yaml-refs.js';
import { type MigrateOptions, type SourceAction, type StepPlan, sourceFor } from './mappings.js';

export interface StepReport {
  file: string;
  /** jobs.<id>.steps[<n>] or runs.steps[<n>] (1-based), and the line of its uses:. */
  where: string;
  line: number;
  from: string;
  to?: string;
  migrated: boolean;
  notes: string[];
  blockers: string[];
}

export interface FileResult {
  text: string;
  steps: StepReport[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface FoundStep {
  map: YAMLMap;
  /** Path from the document root to the step (for the verification). */
  path: (string | number)[];
  where: string;
  /** The text of the job (or the whole file for an action) where its outputs may be read. */
  scope: [number, number];
}

function findSteps(doc: ReturnType<typeof parseDocument>, role: YamlRole, textLength: number): FoundStep[] {
  const found: FoundStep[] = [];
  const collect = (seq: unknown, path: (string | number)[], where: string, scope: [number, number]) => {
    if (!isSeq(seq)) return;
    seq.items.forEach((step, index) => {
      if (isMap(step) && step.has('uses'))
        found.push({ map: step, path: [...path, index], where: `${where}[${index + 1}]`, scope });
    });
  };
  const root = doc.contents;
  if (!isMap(root)) return found;
  if (role === 'workflow') {
    const jobs = root.get('jobs', true);
    if (!isMap(jobs)) return found;
    for (const job of jobs.items) {
      if (!isMap(job.value) || !isScalar(job.key)) continue;
      const id = String(job.key.value);
      const range = job.value.range ?? [0, textLength];
      collect(job.value.get('steps', true), ['jobs', id, 'steps'], `jobs.${id}.steps`, [range[0], range[1]]);
    }
  } else {
    const runs = root.get('runs', true);
    if (isMap(runs)) collect(runs.get('steps', true), ['runs', 'steps'], 'runs.steps', [0, textLength]);
  }
  return found;
}

/** Outputs of step `id` read in `text`: steps.id.outputs.name and steps.id.outputs['name']. */
export function referencedOutputs(text: string, id: string): string[] {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const names = new Set<string>();
  const pattern = new RegExp(
    `\\bsteps\\.${escaped}\\.outputs(?:\\.([A-Za-z_][\\w-]*)|\\[\\s*'([^']*)'\\s*\\]|\\[\\s*"([^"]*)"\\s*\\])`,
    'g',
  );
  for (const m of text.matchAll(pattern)) names.add((m[1] ?? m[2] ?? m[3])!);
  return [...names];
}

const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
const lineEnd = (text: string, pos: number) => {
  const at = text.indexOf('\n', pos);
  return at === -1 ? text.length : at + 1;
};

/** The written form of a value: single-quoted, so no YAML reading can change it. */
export function quoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** [start, end) of a block-map pair's lines (key line through its value's last line). */
function pairLines(text: string, pair: Pair): [number, number] | undefined {
  const key = pair.key as Node;
  if (!key.range) return undefined;
  const start = lineStart(text, key.range[0]);
  if (text.slice(start, key.range[0]).trim() !== '') return undefined; // not alone on its line
  const value = pair.value as Node | null;
  const valueEnd = value?.range ? value.range[1] : key.range[1];
  const end = valueEnd > 0 && text[valueEnd - 1] === '\n' ? valueEnd : lineEnd(text, valueEnd);
  return [start, end];
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

/**
 * Plans and applies the migration of each matching step. Steps that cannot be migrated safely are
 * left as they are and reported with their reasons.
 */
export function migrateText(
  text: string,
  file: string,
  role: YamlRole,
  target: PinTarget,
  options: MigrateOptions,
): FileResult {
  const scanned = scanYaml(text, file, role);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const located = new Map<number, LocatedUses>(scanned.uses.map((u) => [u.range[0], u]));
  const edits: Edit[] = [];
  const steps: StepReport[] = [];
  const expected = scanned.doc.toJS() as Record<string, unknown>;

  for (const step of findSteps(doc, role, text.length)) {
    const usesNode = step.map.get('uses', true);
    if (!isScalar(usesNode) || typeof usesNode.value !== 'string' || !usesNode.range) continue;
    const ref = parseUses(usesNode.value);
    if (ref.kind === 'invalid' || ref.kind === 'local' || ref.kind.startsWith('docker')) continue;
    const source = sourceFor(ref.name);
    if (!source) continue;
    const uses = located.get(usesNode.range[0]);
    const line = lines.linePos(usesNode.range[0]).line;
    const report: StepReport = {
      file,
      where: step.where,
      line,
      from: usesNode.value,
      migrated: false,
      notes: [],
      blockers: [],
    };
    steps.push(report);
    const stepEdits = planStep(text, step, source, options, report, target, uses);
    if (report.blockers.length || !stepEdits) continue;
    edits.push(...stepEdits.edits);
    applyExpected(expected, step.path, stepEdits.plan, stepEdits.to);
    report.to = stepEdits.to;
    report.migrated = true;
  }
  if (!edits.length) return { text, steps };
  let next = text;
  for (const edit of edits.sort((a, b) => b.start - a.start || b.end - a.end))
    next = next.slice(0, edit.start) + edit.text + next.slice(edit.end);
  const fresh = scanYaml(next, file, role).doc.toJS();
  if (!isDeepStrictEqual(fresh, expected))
    throw new Error(
      `internal error: migrating ${file} would change more than the migrated steps; nothing was written`,
    );
  return { text: next, steps };
}

function planStep(
  text: string,
  step: FoundStep,
  source: SourceAction,
  options: MigrateOptions,
  report: StepReport,
  target: PinTarget,
  uses: LocatedUses | undefined,
): { edits: Edit[]; plan: StepPlan; to: string } | undefined {
  const withNode = step.map.get('with', true);
  // Lines added keep the file's line endings.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const inputs = new Map<string, string | undefined>();
  const pairs = new Map<string, Pair>();
  if (withNode !== undefined && withNode !== null && !isMap(withNode)) {
    report.blockers.push('with: is not a mapping');
    return undefined;
  }
  if (isMap(withNode))
    for (const pair of withNode.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      pairs.set(name, pair);
      inputs.set(name, isScalar(pair.value) ? scalarText(pair.value) : pair.value ? '' : undefined);
    }
  const plan = source.plan(inputs, options);
  report.notes.push(...plan.notes);
  report.blockers.push(...plan.blockers);
  // Outputs the workflow reads that the Gantry action does not set.
  const id = scalarText(step.map.get('id', true));
  if (id && source.outputs !== '*') {
    const known = source.outputs;
    for (const output of referencedOutputs(text.slice(step.scope[0], step.scope[1]), id))
      if (!known.includes(output))
        report.blockers.push(
          `steps.${id}.outputs.${output} is read, but ${plan.target} has no output '${output}'`,
        );
  }
  if (report.blockers.length) return undefined;

  const to = `${target.suite}/actions/${plan.target}@${target.sha ?? target.version}`;
  const edits: Edit[] = [];
  // uses: exactly as `pins set` rewrites a suite reference.
  const usesNode = step.map.get('uses', true) as Node;
  const [start, end] = [usesNode.range![0], usesNode.range![1]];
  const isQuoted =
    isScalar(usesNode) && (usesNode.type === 'QUOTE_DOUBLE' || usesNode.type === 'QUOTE_SINGLE');
  if (isScalar(usesNode) && usesNode.type !== 'PLAIN' && !isQuoted) {
    report.blockers.push('uses: is a block scalar; write it on one line');
    return undefined;
  }
  const inner: [number, number] = isQuoted ? [start + 1, end - 1] : [start, end];
  if (text.slice(inner[0], inner[1]) !== (usesNode as { value: string }).value) {
    report.blockers.push('uses: contains escape sequences; write it without escapes');
    return undefined;
  }
  edits.push({ start: inner[0], end: inner[1], text: to });
  if (uses?.flow)
    report.notes.push(`uses: is inside a flow mapping, so no # ${target.version} comment was added`);
  else if (uses) {
    // The source's version comment (# v4.2.0) would now lie: it becomes the suite's version.
    const comment = versionComment(uses, end, { ...target, sha: target.sha ?? undefined });
    if (comment) edits.push(comment);
  }

  const needsWithEdits = plan.rename.length + plan.remove.length + plan.add.length > 0;
  if (needsWithEdits && isMap(withNode) && withNode.flow) {
    report.blockers.push(
      'with: is written as a flow mapping ({…}); write it as a block to migrate its inputs',
    );
    return undefined;
  }
  for (const { from, to: name, value } of plan.rename) {
    const pair = pairs.get(from)!;
    const key = pair.key as Node;
    edits.push({ start: key.range![0], end: key.range![1], text: name });
    if (value !== undefined) {
      const node = pair.value as Node | null;
      if (node?.range) edits.push({ start: node.range[0], end: node.range[1], text: quoted(value) });
      else edits.push({ start: key.range![1] + 1, end: key.range![1] + 1, text: ` ${quoted(value)}` });
    }
  }
  const removed = new Set(plan.remove);
  for (const name of removed) {
    const pair = pairs.get(name);
    if (!pair) continue;
    const span = pairLines(text, pair);
    if (!span) {
      report.blockers.push(`input '${name}' shares its line with other YAML; put it on its own line`);
      return undefined;
    }
    edits.push({ start: span[0], end: span[1], text: '' });
  }
  const remaining = [...pairs.keys()].filter((name) => !removed.has(name));
  if (plan.add.length) {
    if (isMap(withNode) && withNode.items.length) {
      const first = withNode.items[0]!.key as Node;
      const indent = first.range![0] - lineStart(text, first.range![0]);
      const last = withNode.items[withNode.items.length - 1]!;
      const span = pairLines(text, last);
      if (!span) {
        report.blockers.push('the last input of with: shares its line with other YAML');
        return undefined;
      }
      const newline = text.slice(span[1] - 1, span[1]) === '\n' ? '' : eol;
      edits.push({
        start: span[1],
        end: span[1],
        text:
          newline + plan.add.map((a) => `${' '.repeat(indent)}${a.name}: ${quoted(a.value)}${eol}`).join(''),
      });
    } else if (withNode === undefined || withNode === null) {
      const usesKey = step.map.items.find((p) => isScalar(p.key) && p.key.value === 'uses')!.key as Node;
      const indent = usesKey.range![0] - lineStart(text, usesKey.range![0]);
      if (uses?.flow || step.map.flow) {
        report.blockers.push('the step is written as a flow mapping; write it as a block to add inputs');
        return undefined;
      }
      const at = lineEnd(text, end);
      const newline = text.slice(at - 1, at) === '\n' ? '' : eol;
      edits.push({
        start: at,
        end: at,
        text: `${newline}${' '.repeat(indent)}with:${eol}${plan.add
          .map((a) => `${' '.repeat(indent + 2)}${a.name}: ${quoted(a.value)}${eol}`)
          .join('')}`,
      });
    } else {
      report.blockers.push('with: is empty; remove it or give it an input');
      return undefined;
    }
  } else if (isMap(withNode) && remaining.length === 0 && withNode.items.length > 0) {
    // Every input went: drop `with:` too (an empty with: is null, which GitHub refuses).
    const withPair = step.map.items.find((p) => isScalar(p.key) && p.key.value === 'with')!;
    const key = withPair.key as Node;
    const start = lineStart(text, key.range![0]);
    if (text.slice(start, key.range![0]).trim() !== '') {
      report.blockers.push('with: shares its line with other YAML');
      return undefined;
    }
    edits.push({ start, end: lineEnd(text, key.range![1]), text: '' });
  }
  return { edits, plan, to };
}

/** The document as it must read after the step's migration, for the verification. */
function applyExpected(
  expected: Record<string, unknown>,
  path: (string | number)[],
  plan: StepPlan,
  to: string,
): void {
  let node: unknown = expected;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  const step = node as Record<string, unknown>;
  step.uses = to;
  const withMap = { ...((step.with as Record<string, unknown> | null | undefined) ?? {}) };
  for (const { from, to: name, value } of plan.rename) {
    const old = withMap[from];
    delete withMap[from];
    withMap[name] = value ?? old;
  }
  for (const name of plan.remove) delete withMap[name];
  for (const { name, value } of plan.add) withMap[name] = value;
  if (Object.keys(withMap).length) step.with = withMap;
  else delete step.with;
}
