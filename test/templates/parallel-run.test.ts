// A composite template with a parallel step group runs every step of the group in the local runner.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runComposite, runnerEnvironment } from '../../src/local-runner/index.js';
import { SUITE_ROOT } from '../harness/index.js';
import { writeFiles } from '../pins/repo.js';

const TEMPLATE = `name: grouped
description: a template with a parallel group
outputs:
  both:
    description: what the grouped steps said
    value: \${{ steps.a.outputs.said }}-\${{ steps.c.outputs.said }}-\${{ steps.tool.outputs.result }}
runs:
  using: composite
  steps:
    - parallel:
        - id: a
          shell: bash
          run: echo "said=a" >> "$GITHUB_OUTPUT"
        - sequential:
            - id: tool
              uses: third/party-tool@0123456789abcdef0123456789abcdef01234567
            - id: c
              shell: bash
              run: echo "said=c" >> "$GITHUB_OUTPUT"
    - id: after
      shell: bash
      run: echo "said=after" >> "$GITHUB_OUTPUT"
`;

async function run(template: string) {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-parallel-'));
  writeFiles(dir, { 'template/action.yml': template });
  const runnerTemp = mkdtempSync(join(tmpdir(), 'gantry-runner-'));
  const event = { name: 'push', payload: { ref: 'refs/heads/main' } };
  return runComposite({
    templateDir: join(dir, 'template'),
    inputs: {},
    env: runnerEnvironment({ runnerTemp, workspace: dir, event, env: {} }),
    event,
    workspace: dir,
    runnerTemp,
    suiteRoot: SUITE_ROOT,
    stubs: { 'third/party-tool': { result: 'stubbed' } },
    log: () => {},
  });
}

describe('local runner: parallel step groups', () => {
  it('runs every step of a parallel group and its sequential lists, third-party ones stubbed', async () => {
    const report = await run(TEMPLATE);
    expect(report.ok).toBe(true);
    expect(report.steps.map((s) => `${s.id}:${s.kind}:${s.outcome}`)).toEqual([
      'a:run:success',
      'tool:stub:success',
      'c:run:success',
      'after:run:success',
    ]);
    expect(report.outputs).toEqual({ both: 'a-c-stubbed' });
    expect(report.stubbed).toEqual(['third/party-tool']);
  });

  it('an if: on the group itself is refused rather than ignored', async () => {
    await expect(
      run(TEMPLATE.replace('    - parallel:\n', "    - if: github.ref == 'x'\n      parallel:\n")),
    ).rejects.toThrow(/a parallel group has 'if' beside 'parallel'/);
  });
});
