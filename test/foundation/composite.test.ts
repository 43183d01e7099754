import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runComposite, runnerEnvironment } from '../../src/local-runner/index.js';
import { SUITE_ROOT } from '../harness/index.js';

function template(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-template-'));
  writeFileSync(join(dir, 'action.yml'), yaml);
  return dir;
}

async function run(
  dir: string,
  inputs: Record<string, string> = {},
  stubs: Record<string, Record<string, string>> = {},
) {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'gantry-runner-'));
  const workspace = mkdtempSync(join(tmpdir(), 'gantry-ws-'));
  mkdirSync(join(workspace, 'sub'));
  const event = { name: 'push', payload: { ref: 'refs/heads/main' } };
  const lines: string[] = [];
  const report = await runComposite({
    templateDir: dir,
    inputs,
    env: runnerEnvironment({ runnerTemp, workspace, event, env: { GITHUB_SHA: 'a'.repeat(40) } }),
    event,
    workspace,
    runnerTemp,
    suiteRoot: SUITE_ROOT,
    stubs,
    log: (l) => lines.push(l),
  });
  return { report, lines };
}

const PIPELINE = `
name: sample
description: exercises the composite contract
inputs:
  greeting: {description: what to say, default: hello}
  fail-at: {description: a step to fail, default: ''}
outputs:
  message: {description: from a step, value: '\${{ steps.say.outputs.message }}'}
  pushed: {description: from a stub, value: '\${{ steps.push.outputs.digest }}'}
  recovered: {description: outcome of a failing step, value: '\${{ steps.flaky.outcome }}/\${{ steps.flaky.conclusion }}'}
runs:
  using: composite
  steps:
    - id: say
      shell: bash
      env:
        WHO: \${{ github.event_name }}-\${{ inputs.greeting }}
      run: |
        echo "message=$WHO from $(basename "$PWD")" >> "$GITHUB_OUTPUT"
        echo "CARRIED=yes" >> "$GITHUB_ENV"
      working-directory: sub
    - id: flaky
      shell: bash
      continue-on-error: true
      run: exit 3
    - id: sees-env
      if: env.CARRIED == 'yes' && startsWith(github.sha, 'aaa')
      shell: bash
      run: echo "ok=$CARRIED" >> "$GITHUB_OUTPUT"
    - id: skipped
      if: inputs.greeting == 'never'
      shell: bash
      run: exit 1
    - id: push
      uses: docker/build-push-action@263435318d21b8e681c14492fe198d362a7d2c83 # v6.18.0
      with:
        push: true
    - id: boom
      if: inputs.fail-at == 'boom'
      shell: bash
      run: exit 1
    - id: after-failure
      shell: bash
      run: echo never
    - id: cleanup
      if: always()
      shell: bash
      run: echo "ran=true" >> "$GITHUB_OUTPUT"
`;

describe('gantry templates run (composite runner)', () => {
  it('evaluates expressions, passes outputs and env between steps, honours if and continue-on-error, and stubs only on request', async () => {
    const dir = template(PIPELINE);
    const { report } = await run(
      dir,
      { greeting: 'hi' },
      { 'docker/build-push-action': { digest: 'sha256:abc' } },
    );
    expect(report.ok).toBe(true);
    expect(report.outputs).toEqual({
      message: 'push-hi from sub',
      pushed: 'sha256:abc',
      recovered: 'failure/success',
    });
    const byId = Object.fromEntries(report.steps.map((s) => [s.id, s]));
    expect(byId['sees-env']?.outputs).toEqual({ ok: 'yes' });
    expect(byId.skipped?.outcome).toBe('skipped');
    expect(byId.boom?.outcome).toBe('skipped');
    expect(report.stubbed).toEqual(['docker/build-push-action']);
  });

  it('fails the template when a step fails, skips later steps, still runs always() steps', async () => {
    const { report } = await run(
      template(PIPELINE),
      { 'fail-at': 'boom' },
      { 'docker/build-push-action': { digest: 'x' } },
    );
    expect(report.ok).toBe(false);
    const byId = Object.fromEntries(report.steps.map((s) => [s.id, s]));
    expect(byId.boom?.outcome).toBe('failure');
    expect(byId['after-failure']?.outcome).toBe('skipped');
    expect(byId.cleanup?.outputs).toEqual({ ran: 'true' });
  });

  it('refuses to run a third-party action without a stub, naming the fix', async () => {
    await expect(run(template(PIPELINE))).rejects.toThrow(/--stub docker\/build-push-action=outputs.json/);
  });

  it('refuses unknown and missing required inputs', async () => {
    const dir = template(`name: t
description: t
inputs:
  need: {description: needed, required: true}
runs: {using: composite, steps: [{shell: bash, run: 'true'}]}
`);
    await expect(run(dir, { nope: '1' })).rejects.toThrow(/Unknown input 'nope'/);
    await expect(run(dir)).rejects.toThrow(/Input 'need' .* is required/);
  });
});
