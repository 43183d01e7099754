// The sources that read what the suite already writes: promote's records in a real registry (the
// CNCF distribution registry), quarantine's history store, and structured stage log files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirHistory } from '../../src/history/index.js';
import { openRepository } from '../../src/oci/index.js';
import {
  type CollectDeps,
  collectFacts,
  deployFacts,
  serviceOf,
  stageFact,
} from '../../src/pipeline-metrics/sources/index.js';
import { promote } from '../../src/promote/promote.js';
import { rollback } from '../../src/promote/rollback.js';
import type { PromotionRecord } from '../../src/promote/types.js';
import { RUN_RECORDS, type RunRecord } from '../../src/quarantine/history.js';
import { ConfigurationError } from '../../src/runtime/errors.js';
import { StructuredLog } from '../../src/runtime/log.js';
import { configFrom, depsFor, testClient } from '../promote/support.js';
import { buildImage, pushImage } from '../support/oci-images.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

const T0 = Date.parse('2026-11-26T12:00:00Z');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-metrics-sources-'));
  dirs.push(dir);
  return dir;
}

function deps(extra: Partial<CollectDeps> = {}, warnings: string[] = []): CollectDeps {
  return { now: () => T0 + 86_400_000, warn: (m) => warnings.push(m), ...extra };
}

describe('pipeline-metrics sources: deploys from promote records', () => {
  let registry: TestRegistry;
  const client = testClient();
  let v1: string;
  let v2: string;
  beforeAll(async () => {
    registry = await startRegistry();
    const staging = client.repository(registry.host, 'staging/app');
    const one = buildImage({ label: 'v1' });
    const two = buildImage({ label: 'v2' });
    await pushImage(staging, one, '1');
    await pushImage(staging, two, '2');
    v1 = one.top.descriptor.digest;
    v2 = two.top.descriptor.digest;
    const log: string[] = [];
    const promoteDeps = depsFor(client, log);
    for (const tag of ['1', '2'])
      await promote(
        configFrom({
          source: `${registry.host}/staging/app:${tag}`,
          destinations: `${registry.host}/prod/app:production`,
          immutable: 'false',
        }),
        promoteDeps,
      );
    await rollback(
      configFrom({ rollback: 'true', destinations: `${registry.host}/prod/app:production` }),
      promoteDeps,
    );
  }, 120_000);
  afterAll(async () => {
    await registry?.stop();
  });

  it('walks an environment back through each record’s previous digest: promotions and the rollback', async () => {
    const warnings: string[] = [];
    const { facts, stats } = await collectFacts(
      deps({ openRegistry: (ref) => openRepository(ref, client) }, warnings),
      {
        repository: 'acme/service',
        defaultBranch: 'main',
        since: T0 - 86_400_000,
        promotions: [`${registry.host}/prod/app:production`],
      },
    );
    expect(
      facts.deploys.map((d) => [d.kind, d.digest, d.environment, d.service, d.outcome, d.commit]),
    ).toEqual([
      ['promotion', v1, 'production', 'prod/app', 'success', 'c0ffee'],
      ['promotion', v2, 'production', 'prod/app', 'success', 'c0ffee'],
      ['rollback', v1, 'production', 'prod/app', 'success', 'c0ffee'],
    ]);
    expect(facts.deploys.every((d) => d.time >= T0 && d.commitTime === undefined)).toBe(true);
    expect(stats.deploys).toMatchObject({ repositories: 1, records: 3 });
    expect(warnings).toEqual([]);

    // The repository without a tag: every tag's history, the same deploys once each.
    const all = await collectFacts(deps({ openRegistry: (ref) => openRepository(ref, client) }), {
      repository: 'acme/service',
      defaultBranch: 'main',
      since: T0 - 86_400_000,
      promotions: [`${registry.host}/prod/app`, `${registry.host}/prod/app:production`],
    });
    expect(all.facts.deploys).toEqual(facts.deploys);

    // A window that starts after them holds none, and reads no further back.
    const later = await collectFacts(deps({ openRegistry: (ref) => openRepository(ref, client) }), {
      repository: 'acme/service',
      defaultBranch: 'main',
      since: T0 + 3_600_000,
      promotions: [`${registry.host}/prod/app:production`],
    });
    expect(later.facts.deploys).toEqual([]);
  });

  it('an unreachable registry is a warning and no deploys; a reference that is not one is a clear error', async () => {
    const warnings: string[] = [];
    const unreachable = testClient(undefined, { retries: 0 });
    const { facts } = await collectFacts(
      deps({ openRegistry: (ref) => openRepository(ref, unreachable) }, warnings),
      {
        repository: 'acme/service',
        defaultBranch: 'main',
        since: 0,
        promotions: ['127.0.0.1:9/prod/app:production'],
      },
    );
    expect(facts.deploys).toEqual([]);
    expect(warnings.join('\n')).toMatch(/127\.0\.0\.1:9\/prod\/app:production: promotion records not read/);
    await expect(
      collectFacts(deps({ openRegistry: (ref) => openRepository(ref, client) }), {
        repository: 'acme/service',
        defaultBranch: 'main',
        since: 0,
        promotions: ['Not A Reference!'],
      }),
    ).rejects.toThrow(ConfigurationError);
  });
});

describe('pipeline-metrics sources: deploy facts from one record', () => {
  const record: PromotionRecord = {
    kind: 'promotion',
    source: 'r/staging/app:1',
    digest: 'sha256:'.padEnd(71, 'a'),
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    destinations: [
      {
        reference: 'ghcr.io/acme/app:production',
        repository: 'ghcr.io/acme/app',
        tag: 'production',
        role: 'destination',
        previous: null,
      },
      {
        reference: 'ghcr.io/acme/app:stable',
        repository: 'ghcr.io/acme/app',
        tag: 'stable',
        role: 'stable',
        previous: null,
      },
    ],
    checks: [],
    repository: 'acme/app',
    commit: 'abc',
    workflowRun: 'https://github.com/acme/app/actions/runs/1',
    actor: 'octocat',
    time: '2026-11-26T12:00:00.000Z',
  };

  it('one deploy per destination tag (not the stable tag); refusals and records before the window are none', () => {
    expect(deployFacts(record, 0)).toEqual([
      {
        service: 'acme/app',
        environment: 'production',
        digest: record.digest,
        time: T0,
        kind: 'promotion',
        outcome: 'success',
        commit: 'abc',
      },
    ]);
    expect(deployFacts({ ...record, kind: 'refusal' }, 0)).toBeUndefined();
    expect(deployFacts(record, T0 + 1)).toBeUndefined();
    expect(deployFacts({ ...record, time: 'yesterday' }, 0)).toBeUndefined();
    const recorded = { ...record, commitTime: '2026-11-26T11:00:00Z', outcome: 'failure' } as PromotionRecord;
    expect(deployFacts(recorded, 0)![0]).toMatchObject({ commitTime: T0 - 3_600_000, outcome: 'failure' });
  });

  it('the service is the repository path without its registry host', () => {
    expect(serviceOf('ghcr.io/acme/app')).toBe('acme/app');
    expect(serviceOf('127.0.0.1:5000/prod/app')).toBe('prod/app');
    expect(serviceOf('localhost/app')).toBe('app');
    expect(serviceOf('acme/app')).toBe('acme/app');
  });
});

describe('pipeline-metrics sources: tests from quarantine history', () => {
  const record = (run: number, sha: string, tests: Record<string, string>, time = T0 + run): RunRecord => ({
    v: 1,
    run: String(run),
    attempt: 1,
    sha,
    branch: 'main',
    time,
    files: [],
    tests,
  });

  it('counts runs, failures and flaky runs (retried to a pass, or failed and passed on one commit)', async () => {
    const store = new DirHistory(RUN_RECORDS, tempDir());
    await store.append(
      record(1, 'aaa', { 'a.test > ok': 'P', 'a.test > flips': 'F0', 'a.test > retried': 'K' }),
      50,
    );
    await store.append(
      record(2, 'aaa', { 'a.test > ok': 'P', 'a.test > flips': 'P0', 'a.test > retried': 'P' }),
      50,
    );
    await store.append(
      record(3, 'bbb', { 'a.test > ok': 'P', 'a.test > flips': 'F0', 'a.test > broken': 'F' }),
      50,
    );
    // Before the window: not counted.
    await store.append(record(0, 'old', { 'a.test > ok': 'F' }, T0 - 7 * 86_400_000), 50);
    // A damaged record file is skipped by the store.
    const { facts, stats } = await collectFacts(deps({ testStore: store }), {
      repository: 'acme/service',
      defaultBranch: 'main',
      since: T0 - 86_400_000,
      tests: { branches: [], window: 50 },
    });
    // Tests that only passed cannot be flaky and are not listed ('a.test > ok').
    expect(facts.tests).toEqual([
      { id: 'a.test > broken', runs: 1, failures: 1, flakyRuns: 0 },
      { id: 'a.test > flips', runs: 3, failures: 2, flakyRuns: 1 },
      { id: 'a.test > retried', runs: 2, failures: 0, flakyRuns: 1 },
    ]);
    expect(stats.tests.records).toBe(3);
  });

  it('entries that are not outcomes and records that are not JSON records are skipped and counted', async () => {
    const store = new DirHistory(RUN_RECORDS, tempDir());
    await store.append(record(1, 'aaa', { ok: 'F', bad: 'X' }), 50);
    await store.append(record(2, 'aaa', { ok: 'P', worse: 7 as unknown as string }), 50);
    const { facts, stats } = await collectFacts(deps({ testStore: store }), {
      repository: 'acme/service',
      defaultBranch: 'main',
      since: 0,
      tests: { branches: ['main'], window: 50 },
    });
    expect(facts.tests.map((t) => t.id)).toEqual(['ok']);
    expect(stats.tests.skipped).toBe(2);
  });
});

describe('pipeline-metrics sources: stages from structured log files', () => {
  it('reads the lines StructuredLog writes, with the network stage’s retry counters', async () => {
    const file = join(tempDir(), 'gantry.log');
    let now = T0;
    const log = new StructuredLog({
      action: 'promote',
      correlation: { repository: 'acme/service', sha: 'abc', run_id: '42', attempt: '2' },
      clock: { now: () => now, sleep: async () => undefined },
      emit: () => undefined,
      file,
      redact: (t) => t,
    });
    await log.stage('copy', async () => {
      now += 1500;
    });
    log.record('network', now, 'success', { requests: 12, retries: 3, exhausted: 1, breakerTrips: 0 });
    await log
      .stage('verify', async () => {
        now += 10;
        throw new Error('boom');
      })
      .catch(() => undefined);
    const { facts, stats } = await collectFacts(deps(), {
      repository: 'acme/service',
      defaultBranch: 'main',
      since: 0,
      stageLogs: [file],
    });
    expect(facts.stages).toEqual([
      {
        action: 'promote',
        stage: 'copy',
        start: T0,
        durationMs: 1500,
        outcome: 'success',
        runId: '42',
        attempt: '2',
      },
      {
        action: 'promote',
        stage: 'network',
        start: T0 + 1500,
        durationMs: 0,
        outcome: 'success',
        runId: '42',
        attempt: '2',
        retries: 3,
        exhausted: 1,
      },
      {
        action: 'promote',
        stage: 'verify',
        start: T0 + 1500,
        durationMs: 10,
        outcome: 'failure',
        runId: '42',
        attempt: '2',
      },
    ]);
    expect(stats.stages).toEqual({ lines: 3, skipped: 0, unreadable: 0 });
  });

  it('damaged and hostile lines are skipped and counted, a missing file is a warning; nothing is fatal', async () => {
    const file = join(tempDir(), 'hostile.log');
    const good = JSON.stringify({
      action: 'a',
      stage: 's',
      start: '2026-11-26T12:00:00Z',
      duration_ms: 5,
      outcome: 'success',
      correlation: { run_id: '1', attempt: '1' },
    });
    const hostile = [
      'not json',
      '{"action":"a","stage":"s","start":"2026-11-26T12:00:00Z","duration_ms":5,"outcome":"succ', // cut off
      '[1,2,3]',
      'null',
      '"a string"',
      JSON.stringify({ action: 'a', stage: 's', start: 'yesterday', duration_ms: 5, outcome: 'success' }),
      JSON.stringify({
        action: 'a',
        stage: 's',
        start: '2026-11-26T12:00:00Z',
        duration_ms: -1,
        outcome: 'success',
      }),
      JSON.stringify({
        action: 'a',
        stage: 's',
        start: '2026-11-26T12:00:00Z',
        duration_ms: '5',
        outcome: 'success',
      }),
      JSON.stringify({
        action: 7,
        stage: 's',
        start: '2026-11-26T12:00:00Z',
        duration_ms: 5,
        outcome: 'success',
      }),
      JSON.stringify({
        action: 'a'.repeat(300),
        stage: 's',
        start: '2026-11-26T12:00:00Z',
        duration_ms: 5,
        outcome: 'success',
      }),
      `{"__proto__":{"polluted":true},"action":"a","stage":"s","start":"2026-11-26T12:00:00Z","duration_ms":5,"outcome":"success"}`,
      `${good.slice(0, -1)},"pad":"${'x'.repeat(70_000)}"}`,
      '\u0000\u0001binary\uffff',
    ];
    writeFileSync(file, `${[good, ...hostile, '', good.replace('"s"', '"t"')].join('\r\n')}\r\n`);
    const warnings: string[] = [];
    const { facts, stats } = await collectFacts(deps({}, warnings), {
      repository: 'acme/service',
      defaultBranch: 'main',
      since: 0,
      stageLogs: [file, join(tempDir(), 'missing.log')],
    });
    // The __proto__ line is a well-formed stage line: read, and nothing is polluted.
    expect(facts.stages.map((s) => s.stage)).toEqual(['s', 's', 't']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(stats.stages).toEqual({ lines: 3, skipped: hostile.length - 1, unreadable: 1 });
    expect(warnings.join('\n')).toMatch(/hostile\.log.*12 lines are not stage lines/);
    expect(warnings.join('\n')).toMatch(/missing\.log.* not read/);
    expect(stageFact(good)).toMatchObject({ durationMs: 5, runId: '1' });
  });
});
