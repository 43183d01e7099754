/**
 * `gantry pipeline-metrics` in another CI system: the CLI bundle (dist/cli) run as a process over a
 * facts file, as a Jenkins or GitLab job would; the same action code, the summary on stderr and
 * the outputs as JSON on stdout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetricsReport } from '../../src/pipeline-metrics/model.js';
import { SUITE_ROOT } from '../harness/index.js';
import { scenario } from './facts.js';

const gantry = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [join(SUITE_ROOT, 'dist/cli/index.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: cwd },
    timeout: 60_000,
  });

describe('gantry pipeline-metrics', () => {
  it('computes from a facts file: outputs as JSON on stdout, the summary on stderr, the files in output-dir', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pmetrics-cli-'));
    writeFileSync(join(dir, 'facts.json'), JSON.stringify(scenario(Date.now(), 3)));
    const result = gantry(['pipeline-metrics', '--facts-file', 'facts.json', '--output-dir', 'out'], dir);
    expect(result.status, result.stderr).toBe(0);
    const outputs = JSON.parse(result.stdout) as Record<string, string>;
    expect(outputs['report-file']).toBe(join(dir, 'out', 'metrics.json'));
    expect(Number(outputs['alerts-firing'])).toBeGreaterThan(0);
    const report = JSON.parse(readFileSync(outputs['report-file']!, 'utf8')) as MetricsReport;
    expect(report.dora[0]?.deployments).toBe(2);
    expect(result.stderr).toContain('## Pipeline metrics');
  });

  it('a bad input is one error line naming it, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pmetrics-cli-'));
    const result = gantry(['pipeline-metrics', '--facts-file', 'missing.json'], dir);
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toMatch(
      /Input 'facts-file': .*missing\.json cannot be read \(ENOENT\)/,
    );
  });
});
