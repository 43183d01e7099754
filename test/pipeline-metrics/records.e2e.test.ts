/**
 * The deploys and tests the suite already writes, read by the bundled action: promote's records in
 * the CNCF distribution registry (two promotions into production and a rollback, by promote
 * itself) and quarantine's history directory, through the promotions and test-history inputs.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirHistory } from '../../src/history/index.js';
import type { MetricsReport } from '../../src/pipeline-metrics/model.js';
import { promote } from '../../src/promote/promote.js';
import { rollback } from '../../src/promote/rollback.js';
import { RUN_RECORDS, type RunRecord } from '../../src/quarantine/history.js';
import { runAction } from '../harness/index.js';
import { configFrom, depsFor, testClient } from '../promote/support.js';
import { buildImage, pushImage } from '../support/oci-images.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

let registry: TestRegistry;
let testHistory: string;

beforeAll(async () => {
  registry = await startRegistry();
  const client = testClient();
  const staging = client.repository(registry.host, 'staging/app');
  await pushImage(staging, buildImage({ label: 'v1' }), '1');
  await pushImage(staging, buildImage({ label: 'v2' }), '2');
  // Records stamped relative to now (not promote's fixed test date), so they stay in the window.
  let tick = 0;
  const deps = { ...depsFor(client, []), now: () => Date.now() - 3 * 86_400_000 + 60_000 * tick++ };
  for (const tag of ['1', '2'])
    await promote(
      configFrom({
        source: `${registry.host}/staging/app:${tag}`,
        destinations: `${registry.host}/prod/app:production`,
        immutable: 'false',
      }),
      deps,
    );
  await rollback(
    configFrom({ rollback: 'true', destinations: `${registry.host}/prod/app:production` }),
    deps,
  );

  testHistory = mkdtempSync(join(tmpdir(), 'pmetrics-quarantine-'));
  const store = new DirHistory<RunRecord>(RUN_RECORDS, testHistory);
  const day = 86_400_000;
  const record = (run: number, sha: string, tests: Record<string, string>): RunRecord => ({
    v: 1,
    run: String(run),
    attempt: 1,
    sha,
    branch: 'main',
    time: Date.now() - (5 - run) * day,
    files: [],
    tests,
  });
  await store.append(record(1, 'aaa', { 'ui › login': 'F', 'api › health': 'P' }), 50);
  await store.append(record(2, 'aaa', { 'ui › login': 'P', 'api › health': 'P' }), 50);
  await store.append(record(3, 'bbb', { 'ui › login': 'K', 'api › health': 'P' }), 50);
}, 120_000);

afterAll(async () => {
  await registry?.stop();
});

describe('deploys and tests from what the suite writes', () => {
  it('DORA keys from promote records in the registry, flake rates from quarantine history', async () => {
    const { main } = await runAction({
      action: 'pipeline-metrics',
      inputs: {
        'github-token': '',
        history: 'dir',
        'history-dir': mkdtempSync(join(tmpdir(), 'pmetrics-runs-')),
        promotions: `${registry.host}/prod/app:production`,
        'test-history': 'dir',
        'test-history-dir': testHistory,
      },
      env: { GITHUB_REPOSITORY: 'acme/service' },
    });
    expect(main.exitCode, main.stderr + main.log).toBe(0);
    const report = JSON.parse(readFileSync(main.outputs['report-file']!, 'utf8')) as MetricsReport;
    expect(report.dora).toEqual([
      expect.objectContaining({
        environment: 'production',
        deployments: 2,
        failures: 1,
        changeFailureRate: 0.5,
      }),
    ]);
    // login failed and passed on aaa, and was retried to a pass on bbb: 3 runs, 2 flaky.
    expect(report.flakes).toEqual([{ test: 'ui › login', runs: 3, flakyRuns: 2, rate: 2 / 3 }]);
    expect(main.summary).toMatch(/deploys: 3 promotion records read/);
    expect(main.summary).toMatch(/tests: 3 quarantine records read/);
  });

  it('flake rates from a long history of a big suite, read under a 48 MB heap (records of 300,000 tests are never held whole)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pmetrics-big-history-'));
    const store = new DirHistory<RunRecord>(RUN_RECORDS, dir);
    for (let run = 1; run <= 3; run++) {
      const tests: Record<string, string> = { 'ui › login': run === 2 ? 'K' : 'P' };
      for (let i = 0; i < 300_000; i++) tests[`suite${i % 997} › case ${i}`] = i === run ? 'F' : 'P';
      await store.append(
        {
          v: 1,
          run: String(run),
          attempt: 1,
          sha: `s${run}`,
          branch: 'main',
          time: Date.now() - (5 - run) * 3_600_000,
          files: [],
          tests,
        },
        50,
      );
    }
    const { main } = await runAction({
      action: 'pipeline-metrics',
      inputs: {
        'github-token': '',
        history: 'dir',
        'history-dir': mkdtempSync(join(tmpdir(), 'pmetrics-runs-')),
        'test-history': 'dir',
        'test-history-dir': dir,
      },
      env: { GITHUB_REPOSITORY: 'acme/service', NODE_OPTIONS: '--max-old-space-size=48' },
    });
    expect(main.exitCode, main.stderr.slice(-2000) + main.log.slice(-2000)).toBe(0);
    const report = JSON.parse(readFileSync(main.outputs['report-file']!, 'utf8')) as MetricsReport;
    expect(report.flakes).toEqual([{ test: 'ui › login', runs: 3, flakyRuns: 1, rate: 1 / 3 }]);
    expect(main.summary).toMatch(/tests: 3 quarantine records read/);
  }, 120_000);
});
