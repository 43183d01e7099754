// Properties of the contract, the gate detection and the rollout waves; fast-check prints the seed
// and the shrunk counterexample when one fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  type ActionVersion,
  compareVersions,
  interfaceChanges,
  parseVersion,
} from '../../src/templates/contract.js';
import { findGates } from '../../src/templates/gates.js';
import { planWaves } from '../../src/templates/rollout.js';
import { TEMPLATE_NAMES } from '../../src/templates/names.js';
import { SUITE_ROOT } from '../harness/index.js';

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const input = fc.record({
  description: fc.string({ maxLength: 20 }),
  required: fc.boolean(),
  default: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
});
const inputs = fc.dictionary(name, input, { maxKeys: 6 });

function version(
  ins: Record<string, { description: string; required: boolean; default?: string }>,
): ActionVersion {
  return {
    path: 'action-templates/x',
    metadata: { name: 'x', description: '', inputs: ins, outputs: {}, runs: { using: 'composite' } },
    steps: [],
  };
}

describe('contract properties', () => {
  it('a version compared with itself has no change', () => {
    fc.assert(
      fc.property(inputs, (ins) => {
        expect(interfaceChanges('x', version(ins), version(ins))).toEqual([]);
      }),
    );
  });

  it('removing any input is breaking; adding an optional input never is', () => {
    fc.assert(
      fc.property(inputs, name, input, (ins, extra, spec) => {
        fc.pre(!(extra in ins));
        for (const removed of Object.keys(ins)) {
          const rest = { ...ins };
          delete rest[removed];
          const changes = interfaceChanges('x', version(ins), version(rest));
          expect(changes.some((c) => c.breaking)).toBe(true);
        }
        const optional = { ...spec, required: false };
        const added = interfaceChanges('x', version(ins), version({ ...ins, [extra]: optional }));
        expect(added).toEqual([expect.objectContaining({ kind: 'input-added', breaking: false })]);
      }),
    );
  });
});

describe('gate detection over the real templates', () => {
  it('dropping any one gate step of any template is flagged breaking', () => {
    let gatesSeen = 0;
    for (const template of TEMPLATE_NAMES) {
      const path = `action-templates/${template}`;
      const text = readFileSync(join(SUITE_ROOT, path, 'action.yml'), 'utf8');
      const before = parseVersion(path, text, path);
      const doc = parse(text) as { runs: { steps: { id?: string; name?: string }[] } };
      for (const gate of findGates(before)) {
        gatesSeen += 1;
        expect(gate.step.id, `${template}: every gate step has an id`).toBeTruthy();
        const steps = doc.runs.steps.filter((s) => s.id !== gate.step.id);
        const after = parseVersion(path, stringify({ ...doc, runs: { ...doc.runs, steps } }), path);
        const changes = compareVersions(new Map([[path, before]]), new Map([[path, after]]));
        expect(changes, `${template} without ${gate.kind}`).toContainEqual(
          expect.objectContaining({ kind: 'gate-removed', breaking: true }),
        );
      }
    }
    // tests + quarantine, promote, secret revoke, and service-pipeline's three stages.
    expect(gatesSeen).toBeGreaterThanOrEqual(6);
  });
});

describe('rollout wave properties', () => {
  it('waves cover every consumer exactly once, in order, none empty, at most one per percentage', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 60 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 4 }),
        (consumers, cuts) => {
          const percents = [...cuts.sort((a, b) => a - b), 100];
          const waves = planWaves(consumers, percents);
          expect(waves.flat()).toEqual(consumers);
          expect(waves.every((w) => w.length > 0)).toBe(true);
          expect(waves.length).toBeLessThanOrEqual(percents.length);
        },
      ),
    );
  });
});
