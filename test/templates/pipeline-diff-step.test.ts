// The service-pipeline template's last step: pipeline-diff records every run's fingerprint (a failed
// run too, in mode diff) through the real bundle, run by the local runner the way the runner runs
// composite steps; the second, failing run names what changed since the first, green one.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CompositeReport, runComposite, runnerEnvironment } from '../../src/local-runner/index.js';
import { SUITE_ROOT } from '../harness/index.js';
import { startCacheService } from '../quarantine/cache-service.js';
import { git, makeRepo, writeFiles } from '../pins/repo.js';
import { type GitHubApi, startGitHubApi } from '../support/github-api.js';

const CORPUS = '/work/shared/corpus/lockfiles/npm';
const LOCK_BEFORE = readFileSync(join(CORPUS, 'checkout-b6849436/package-lock.json'), 'utf8');
const LOCK_AFTER = readFileSync(join(CORPUS, 'checkout-db0cee9a/package-lock.json'), 'utf8');
const TOKEN = 'ghs_test-token';
const RECORD_STEP = 'Record the pipeline fingerprint (on failure, what changed since the last green run)';
const BAD_DIGEST = { 'docker/build-push-action': { digest: 'not-a-digest' } };
const STUBS = {
  'docker/login-action': {},
  'docker/setup-buildx-action': {},
  'docker/build-push-action': { digest: `sha256:${'b'.repeat(64)}` },
};
const FILTERS = 'service:\n  - services/api/**\n';
const FAILING_TEST = `import { test } from 'node:test';
import assert from 'node:assert';
test('adds', () => assert.equal(1 + 1, 3));
`;
const WORKFLOW =
  'name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: make\n';

let api: GitHubApi;
beforeAll(async () => {
  api = await startGitHubApi({ repositories: ['acme/service'] });
});
afterAll(async () => {
  await api?.close();
});

/** A service repository with one pushed commit on main: `files` changed since the one before. */
function pushed(ws: string, files: Record<string, string>) {
  const before = git(ws, 'rev-parse', 'HEAD');
  writeFiles(ws, files);
  git(ws, 'add', '-A');
  git(ws, 'commit', '-qm', 'change');
  const after = git(ws, 'rev-parse', 'HEAD');
  return {
    after,
    event: {
      name: 'push',
      payload: { ref: 'refs/heads/main', before, after, repository: { default_branch: 'main' } },
    },
  };
}

async function pipeline(
  ws: string,
  push: ReturnType<typeof pushed>,
  options: {
    run: number;
    /** An input set to undefined is not given: the template's default applies. */
    inputs?: Record<string, string | undefined>;
    stubs?: Record<string, Record<string, string>>;
    env?: Record<string, string>;
    log?: string[];
  },
): Promise<CompositeReport> {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'gantry-runner-'));
  return runComposite({
    templateDir: join(SUITE_ROOT, 'action-templates', 'service-pipeline'),
    inputs: Object.fromEntries(
      Object.entries({
        image: 'registry.local/api',
        filters: FILTERS,
        destinations: 'registry.local/api-staging:sha-x',
        history: 'dir',
        'history-dir': '.history',
        ...options.inputs,
      }).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
    env: runnerEnvironment({
      runnerTemp,
      workspace: ws,
      event: push.event,
      env: {
        GITHUB_SHA: push.after,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_REF_NAME: 'main',
        GITHUB_REPOSITORY: 'acme/service',
        GITHUB_RUN_ID: String(options.run),
        GITHUB_WORKFLOW_REF: 'acme/service/.github/workflows/ci.yml@refs/heads/main',
        GITHUB_API_URL: api.url,
        GITHUB_TOKEN: TOKEN,
        ...options.env,
      },
    }),
    event: push.event,
    workspace: ws,
    runnerTemp,
    suiteRoot: SUITE_ROOT,
    stubs: { ...STUBS, ...options.stubs },
    log: (line) => options.log?.push(line),
  });
}

function recordStep(report: CompositeReport) {
  return report.steps.find((s) => s.name === RECORD_STEP);
}

function records(dir: string): Array<{ run: string; sha: string; lockfiles: Record<string, unknown> }> {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json.gz'))
    .sort()
    .map((n) => JSON.parse(gunzipSync(readFileSync(join(dir, n))).toString('utf8')));
}

describe('action-templates/service-pipeline: the pipeline-diff step', () => {
  it('records a green run, then a failing run in mode diff that names what changed since it', async () => {
    const ws = makeRepo({
      '.github/workflows/ci.yml': WORKFLOW,
      'services/api/main.go': 'package main\n',
      'package-lock.json': LOCK_BEFORE,
    });
    const history = join(ws, '.history', 'pipeline-diff');

    // Run 101: nothing of the service changed, every stage skips, and the run is recorded.
    const green = pushed(ws, { 'docs/notes.md': 'notes\n' });
    const first = await pipeline(ws, green, { run: 101 });
    expect(first.steps.filter((s) => s.conclusion === 'failure')).toEqual([]);
    expect(first.ok).toBe(true);
    expect(recordStep(first)).toMatchObject({ kind: 'suite-action', outcome: 'success' });
    expect(recordStep(first)!.summary).toContain('Pipeline fingerprint recorded');
    expect(first.outputs['pipeline-changes']).toBe(''); // green: recorded, not compared
    expect(records(history).map((r) => [r.run, r.sha])).toEqual([['101', green.after]]);
    expect(Object.keys(records(history)[0]!.lockfiles)).toEqual(['package-lock.json']);
    api.addRun('acme/service', {
      id: 101,
      workflow: 'ci.yml',
      head_branch: 'main',
      head_sha: green.after,
      conclusion: 'success',
    });

    // Run 102: the service and its lockfile changed, it builds, and a test fails: the stage is red.
    const red = pushed(ws, {
      'services/api/main.go': 'package main // v2\n',
      'package-lock.json': LOCK_AFTER,
      'tests/a.test.mjs': FAILING_TEST,
    });
    const second = await pipeline(ws, red, {
      run: 102,
      inputs: {
        'test-command':
          'mkdir -p reports && node --test --test-reporter=junit --test-reporter-destination=reports/junit.xml tests/*.test.mjs',
        'test-reports': 'reports/*.xml',
      },
    });
    expect(second.ok).toBe(false);
    expect(second.outputs.verdict).toBe('failed');
    const top = second.steps.filter((s) => !s.name.includes(' / ')).map((s) => `${s.name}: ${s.outcome}`);
    expect(top).toEqual([
      'Check the history inputs: success',
      'Build once: success',
      'Test with quarantine: failure',
      'Promote the digest: skipped',
      'Deploy with secrets: skipped',
      `${RECORD_STEP}: success`,
    ]);
    // The failed run is recorded too, and compared with the last green one.
    expect(records(history).map((r) => [r.run, r.sha])).toEqual([
      ['101', green.after],
      ['102', red.after],
    ]);
    expect(recordStep(second)!.summary).toContain('What changed since the last green run');
    const changed = JSON.parse(second.outputs['pipeline-changes']!) as Record<string, string[]>;
    expect(Object.keys(changed)).toEqual(expect.arrayContaining(['dependencies', 'code']));
    expect(changed.dependencies!.length).toBeGreaterThan(0);
    expect(recordStep(second)!.outputs['baseline-run']).toBe('101');
    // Quarantine's test history and pipeline-diff's records share history-dir, each in its own place.
    const shared = readdirSync(join(ws, '.history'));
    expect(shared.filter((n) => n.endsWith('.json.gz'))).toHaveLength(1); // quarantine's run 102
    expect(shared).toContain('pipeline-diff');

    // Run 103: the build itself fails (no digest reported): recorded and compared all the same.
    const broken = pushed(ws, { 'services/api/main.go': 'package main // v3\n' });
    const third = await pipeline(ws, broken, { run: 103, stubs: BAD_DIGEST });
    expect(third.ok).toBe(false);
    expect(third.steps.filter((s) => s.outcome === 'failure').map((s) => s.name)).toEqual([
      'Build once / Record the digest',
      'Build once',
    ]);
    expect(recordStep(third)).toMatchObject({ outcome: 'success' });
    expect(records(history).map((r) => r.run)).toEqual(['101', '102', '103']);
    expect(recordStep(third)!.outputs['baseline-run']).toBe('101');
  });

  it('an unreachable history store is a warning: the pipeline stays green', async () => {
    const ws = makeRepo({ 'services/api/main.go': 'package main\n' });
    // history: branch pushes to origin, which does not answer.
    git(ws, 'remote', 'add', 'origin', join(tmpdir(), 'gantry-no-such-remote', 'service.git'));
    const push = pushed(ws, { 'docs/notes.md': 'notes\n' });
    const log: string[] = [];
    const report = await pipeline(ws, push, {
      run: 201,
      inputs: { history: 'branch', 'history-dir': '' },
      log,
    });
    expect(report.steps.filter((s) => s.conclusion === 'failure')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(recordStep(report)).toMatchObject({ outcome: 'success' });
    // The store stage failed (the structured log says why); the step did not.
    const store = log.find((line) => line.includes('"stage":"store"'));
    expect(store).toMatch(
      /"outcome":"failure".*git ls-remote --heads origin refs\/heads\/gantry\/pipeline-diff-history failed/,
    );
  });

  it('by default records into the cache service; a cache service that does not answer keeps the pipeline green', async () => {
    const cache = await startCacheService();
    try {
      const ws = makeRepo({ 'services/api/main.go': 'package main\n' });
      const push = pushed(ws, { 'docs/notes.md': 'notes\n' });
      const cached = await pipeline(ws, push, {
        run: 501,
        inputs: { history: undefined, 'history-dir': undefined }, // the defaults: history cache
        env: { ACTIONS_CACHE_URL: cache.url, ACTIONS_RUNTIME_TOKEN: cache.token },
      });
      expect(cached.ok).toBe(true);
      expect(cache.committedKeys()).toEqual(['gantry-pipeline-diff-v1-main_.github/workflows/ci.yml-501-1']);
    } finally {
      await cache.close();
    }
    const ws = makeRepo({ 'services/api/main.go': 'package main\n' });
    const push = pushed(ws, { 'docs/notes.md': 'notes\n' });
    const log: string[] = [];
    const report = await pipeline(ws, push, {
      run: 502,
      inputs: { history: undefined, 'history-dir': undefined },
      // A port nothing listens on any more: the cache service is gone.
      env: { ACTIONS_CACHE_URL: cache.url, ACTIONS_RUNTIME_TOKEN: cache.token },
      log,
    });
    expect(report.steps.filter((s) => s.conclusion === 'failure')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(recordStep(report)).toMatchObject({ outcome: 'success' });
    const store = log.find((line) => line.includes('"stage":"store"'));
    expect(store).toMatch(/"outcome":"failure".*was not saved/);
  });

  it("pipeline-diff: 'false' drops the step and records nothing", async () => {
    const ws = makeRepo({ 'services/api/main.go': 'package main\n' });
    const push = pushed(ws, { 'docs/notes.md': 'notes\n' });
    const report = await pipeline(ws, push, { run: 301, inputs: { 'pipeline-diff': 'false' } });
    expect(report.ok).toBe(true);
    expect(recordStep(report)).toMatchObject({ outcome: 'skipped' });
    expect(() => readdirSync(join(ws, '.history'))).toThrow();
  });

  it.each([
    [{ 'pipeline-diff': 'yes' }, "Input 'pipeline-diff': got 'yes'; expected true"],
    [{ history: 's3' }, "Input 'history': got 's3'; expected cache, branch or dir"],
    [{ history: 'dir', 'history-dir': '' }, "Input 'history-dir' is required with history dir"],
  ])('refuses %j before anything is built, naming the input', async (inputs, message) => {
    const ws = makeRepo({ 'services/api/main.go': 'package main\n' });
    const push = pushed(ws, { 'services/api/main.go': 'package main // v2\n' });
    const report = await pipeline(ws, push, { run: 401, inputs });
    expect(report.ok).toBe(false);
    const top = report.steps.filter((s) => !s.name.includes(' / '));
    expect(top.map((s) => `${s.name}: ${s.outcome}`)).toEqual([
      'Check the history inputs: failure',
      'Build once: skipped',
      'Test with quarantine: skipped',
      'Promote the digest: skipped',
      'Deploy with secrets: skipped',
      `${RECORD_STEP}: skipped`,
    ]);
    expect(top[0]!.error).toContain(message);
  });
});

describe('.github/workflows/service-pipeline.yml: the fingerprint job', () => {
  const workflow = readFileSync(join(SUITE_ROOT, '.github/workflows/service-pipeline.yml'), 'utf8');
  const doc = parse(workflow) as {
    jobs: Record<
      string,
      {
        needs?: string[];
        if?: string;
        permissions?: Record<string, string>;
        steps?: { uses?: string; with?: Record<string, string> }[];
      }
    >;
  };

  it('runs after every stage unless cancelled, and records', () => {
    const job = doc.jobs.fingerprint!;
    expect([...(job.needs ?? [])].sort()).toEqual(
      Object.keys(doc.jobs)
        .filter((j) => j !== 'fingerprint')
        .sort(),
    );
    expect(job.if).toContain('!cancelled()');
    const step = job.steps!.find((s) => s.uses?.startsWith('acme/gantry/actions/pipeline-diff@'));
    expect(step?.with?.mode).toBe('record');
  });

  // A called workflow's job that asks for more than its caller grants stops the caller's workflow
  // from starting: no job may ask for more than the caller example (the file's header) grants.
  it('no job asks for a permission the documented caller does not grant', () => {
    const header = /^#\s+permissions: \{ (.*) \}$/m.exec(workflow)?.[1];
    expect(header).toBeDefined();
    const granted = Object.fromEntries(
      header!.split(',').map((p) => p.split(':').map((s) => s.trim()) as [string, string]),
    );
    const problems: string[] = [];
    for (const [name, job] of Object.entries(doc.jobs))
      for (const [scope, level] of Object.entries(job.permissions ?? {}))
        if (level !== 'none' && granted[scope] !== level && granted[scope] !== 'write')
          problems.push(`${name}: ${scope}: ${level}`);
    expect(problems).toEqual([]);
  });
});
