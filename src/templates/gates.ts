import { evaluateCondition } from '../local-runner/expressions.js';
import type { ActionVersion, ContractChange, StepShape } from './contract.js';

/**
 * Gates: the steps that stop a bad change from reaching production. A new version that drops one,
 * or keeps it but switches it off, is breaking whatever its interface says: every pinned consumer
 * would deploy without it. How a gate is recognised (action-templates/README.md repeats this):
 *
 * - tests: a `run:` step whose id or name says test/tests, or a step using the test-with-quarantine
 *   template;
 * - quarantine: a step using the quarantine action (it judges the reports and fails the stage);
 * - promote: a step using the promote action with `expected-digest` or `require`, or the
 *   promote-environment template: its digest check and its required referrers;
 * - secret revoke: a step using the vault-secrets action (its post step revokes the token and
 *   leases) or the deploy-with-secrets template; and an action's own `runs.post`.
 *
 * Switched off means: `if:` that is constant false, or false with the version's input defaults
 * where the previous version's was true; `continue-on-error` newly set; a `with:` (or, when not
 * given, the used action's default; `${{ inputs.x }}` read from the template's default) that turns
 * the gate off: quarantine `mode: report`, promote `dry-run: true` or an emptied `require` /
 * `expected-digest`, vault-secrets `revoke: false`; a post step removed or its `post-if` changed.
 */

type GateKind = 'tests' | 'quarantine' | 'promote' | 'secret revoke';

interface Gate {
  kind: GateKind;
  /** The suite action or template used, or 'run' for a test command. */
  target: string;
  step: StepShape;
}

/** A switch that turns a gate off: the input and the values (after resolution) that mean off. */
interface Switch {
  input: string;
  off: (value: string, before: string) => boolean;
  says: string;
  /** Writing the input in `with:` is itself the gate: dropping the key switches it off. */
  keyed?: boolean;
}

const emptied = (value: string, before: string) => before.trim() !== '' && value.trim() === '';

const SWITCHES: Record<string, Switch[]> = {
  'actions/quarantine': [
    { input: 'mode', off: (v) => v.trim() === 'report', says: 'mode: report never fails' },
  ],
  'action-templates/test-with-quarantine': [
    { input: 'mode', off: (v) => v.trim() === 'report', says: 'mode: report never fails' },
  ],
  'actions/promote': [
    { input: 'dry-run', off: (v) => v.trim() === 'true', says: 'dry-run: true promotes nothing it checks' },
    { input: 'require', off: emptied, says: 'require emptied: referrers no longer required', keyed: true },
    {
      input: 'expected-digest',
      off: emptied,
      says: 'expected-digest emptied: the digest is not checked',
      keyed: true,
    },
  ],
  'action-templates/promote-environment': [
    { input: 'dry-run', off: (v) => v.trim() === 'true', says: 'dry-run: true' },
    { input: 'require', off: emptied, says: 'require emptied: referrers no longer required', keyed: true },
  ],
  'actions/vault-secrets': [
    {
      input: 'revoke',
      off: (v) => v.trim() === 'false',
      says: 'revoke: false leaves the token and leases alive',
    },
  ],
};

const SUITE_USES = /^(?:\.\/|[\w.-]+\/[\w.-]+\/)((?:actions|action-templates)\/[\w.-]+)(?:@.*)?$/;

function suiteTarget(uses: string | undefined): string | undefined {
  return uses ? SUITE_USES.exec(uses.trim())?.[1] : undefined;
}

export function findGates(version: ActionVersion): Gate[] {
  const gates: Gate[] = [];
  for (const step of version.steps) {
    const target = suiteTarget(step.uses);
    const label = `${step.id ?? ''} ${step.name ?? ''}`;
    if (step.run !== undefined && /\btests?\b/i.test(label))
      gates.push({ kind: 'tests', target: 'run', step });
    else if (target === 'action-templates/test-with-quarantine') gates.push({ kind: 'tests', target, step });
    else if (target === 'actions/quarantine') gates.push({ kind: 'quarantine', target, step });
    else if (
      target === 'actions/promote' &&
      step.with &&
      ('expected-digest' in step.with || 'require' in step.with)
    )
      gates.push({ kind: 'promote', target, step });
    else if (target === 'action-templates/promote-environment') gates.push({ kind: 'promote', target, step });
    else if (target === 'actions/vault-secrets' || target === 'action-templates/deploy-with-secrets')
      gates.push({ kind: 'secret revoke', target, step });
  }
  return gates;
}

const CONSTANT_FALSE = /^\s*(?:\$\{\{\s*)?(?:false|0|''|""|null)(?:\s*\}\})?\s*$/i;

function constantFalse(condition: unknown): boolean {
  return (
    condition === false ||
    condition === 0 ||
    (typeof condition === 'string' && CONSTANT_FALSE.test(condition))
  );
}

/** The `if:` with the version's input defaults and nothing else known; undefined when it cannot tell. */
function withDefaults(condition: unknown, version: ActionVersion): boolean | undefined {
  if (condition === undefined || condition === null) return true;
  if (typeof condition === 'boolean') return condition;
  const inputs = Object.fromEntries(
    Object.entries(version.metadata.inputs).map(([k, v]) => [k, v.default ?? '']),
  );
  try {
    return evaluateCondition(
      String(condition),
      { inputs, steps: {}, github: {}, env: {} },
      {
        failed: false,
        cancelled: false,
      },
    );
  } catch {
    return undefined;
  }
}

function continuesOnError(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  return String(value).trim() !== 'false';
}

/** A `with:` value as the gate sees it: `${{ inputs.x }}` is the template's default of x. */
function effective(
  step: StepShape,
  input: string,
  version: ActionVersion,
  all: Map<string, ActionVersion>,
  target: string,
): string {
  const written = step.with?.[input];
  if (written === undefined || written === null)
    return all.get(target)?.metadata.inputs[input]?.default ?? '';
  const text = String(written);
  const ref = /^\s*\$\{\{\s*inputs\.([\w-]+)\s*\}\}\s*$/.exec(text);
  if (ref) return version.metadata.inputs[ref[1]!]?.default ?? '';
  return text;
}

const describeGate = (gate: Gate) =>
  `${gate.kind} (${gate.step.id ? `step '${gate.step.id}'` : gate.step.name ? `'${gate.step.name}'` : 'unnamed step'}${gate.target === 'run' ? '' : `, ${gate.target}`})`;

export function gateChanges(
  path: string,
  before: ActionVersion,
  after: ActionVersion,
  allBefore: Map<string, ActionVersion> = new Map(),
  allAfter: Map<string, ActionVersion> = new Map(),
): ContractChange[] {
  const changes: ContractChange[] = [];
  const flag = (kind: 'gate-removed' | 'gate-disabled', name: string, detail: string) =>
    changes.push({ action: path, kind, name, detail, breaking: true });

  // The action's own post step (vault-secrets revokes there).
  const oldRuns = before.metadata.runs;
  const newRuns = after.metadata.runs;
  if (oldRuns.post && !newRuns.post)
    flag('gate-removed', 'post', 'the post step is gone (secret revoke, cleanup)');
  else if (oldRuns.post && (oldRuns['post-if'] ?? 'always()') !== (newRuns['post-if'] ?? 'always()'))
    flag(
      'gate-disabled',
      'post',
      `post-if ${oldRuns['post-if'] ?? 'always()'} → ${newRuns['post-if'] ?? 'always()'}`,
    );
  // An action's own default that switches it off (quarantine mode, vault-secrets revoke…).
  for (const sw of SWITCHES[path] ?? []) {
    if (!path.startsWith('actions/')) continue;
    const was = before.metadata.inputs[sw.input]?.default ?? '';
    const is = after.metadata.inputs[sw.input]?.default ?? '';
    if (sw.off(is, was) && !sw.off(was, was)) flag('gate-disabled', sw.input, `default ${sw.says}`);
  }

  const newGates = findGates(after);
  const used = new Set<Gate>();
  for (const gate of findGates(before)) {
    // The same gate in the new version: same kind and target, the same id when it had one.
    const match =
      newGates.find(
        (g) => !used.has(g) && g.kind === gate.kind && g.target === gate.target && g.step.id === gate.step.id,
      ) ?? newGates.find((g) => !used.has(g) && g.kind === gate.kind && g.target === gate.target);
    if (!match) {
      flag('gate-removed', describeGate(gate), `${gate.kind} gate dropped`);
      continue;
    }
    used.add(match);
    const name = describeGate(match);
    if (constantFalse(match.step.if) && !constantFalse(gate.step.if))
      flag('gate-disabled', name, `if: ${String(match.step.if)} never runs it`);
    else if (withDefaults(match.step.if, after) === false && withDefaults(gate.step.if, before) === true)
      flag('gate-disabled', name, `if: ${String(match.step.if)} is false with the default inputs`);
    if (
      continuesOnError(match.step['continue-on-error']) &&
      !continuesOnError(gate.step['continue-on-error'])
    )
      flag(
        'gate-disabled',
        name,
        `continue-on-error: ${String(match.step['continue-on-error'])} ignores its failure`,
      );
    for (const sw of SWITCHES[match.target] ?? []) {
      if (
        sw.keyed &&
        gate.step.with &&
        sw.input in gate.step.with &&
        !(match.step.with && sw.input in match.step.with)
      ) {
        flag('gate-disabled', name, `with: ${sw.input} removed`);
        continue;
      }
      const was = effective(gate.step, sw.input, before, allBefore, gate.target);
      const is = effective(match.step, sw.input, after, allAfter, match.target);
      if (sw.off(is, was) && !sw.off(was, was)) flag('gate-disabled', name, sw.says);
    }
  }
  return changes;
}
