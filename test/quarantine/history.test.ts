import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Git } from '../../src/git/index.js';
import { BranchHistory, type CacheClient, CacheHistory, DirHistory } from '../../src/history/index.js';
import { systemClock } from '../../src/net/clock.js';
import { detectFlakes } from '../../src/quarantine/flakes.js';
import {
  encodeRecord,
  type HistoryStore,
  makeRecord,
  parseRecord,
  RUN_RECORDS,
  type RunRecord,
} from '../../src/quarantine/history.js';
import type { TestResult } from '../../src/quarantine/results.js';

const noWait = { now: () => Date.now(), sleep: async () => undefined };

function result(id: string, outcome: TestResult['outcome'], file?: string): TestResult {
  return {
    id,
    file,
    classname: '',
    name: id,
    outcome,
    failedAttempts: 0,
    report: 'r.xml',
    reportLine: 1,
    elements: 1,
    suite: '',
    group: 'r.xml',
    counts: { passed: 0, failed: 0, skipped: 0, flaky: 0, [outcome]: 1 },
  };
}

let clock = 1_700_000_000_000;
function record(
  run: number,
  sha: string,
  outcomes: Record<string, TestResult['outcome']>,
  options: { attempt?: number; branch?: string; hashes?: Record<string, string> } = {},
): RunRecord {
  const hashes = new Map(Object.entries(options.hashes ?? { 'a.test.ts': 'h1' }));
  clock += 60_000;
  return makeRecord(
    { run: String(run), attempt: options.attempt ?? 1, sha, branch: options.branch ?? 'main', time: clock },
    Object.entries(outcomes).map(([id, outcome]) => result(id, outcome, 'a.test.ts')),
    hashes,
  );
}

describe('flake detection', () => {
  it('flags a retry that passed within the run', () => {
    const stats = detectFlakes([record(1, 's1', { 't::a': 'flaky', 't::b': 'passed' })]);
    expect(stats).toEqual([
      {
        id: 't::a',
        runs: 1,
        flakyRuns: 1,
        rate: 1,
        evidence: [{ kind: 'retry', run: '1', attempt: 1, sha: 's1' }],
      },
    ]);
  });

  it('flags a failure when a re-run attempt of the same commit passed (GITHUB_RUN_ATTEMPT)', () => {
    const stats = detectFlakes([
      record(7, 'same', { 't::a': 'failed' }),
      record(7, 'same', { 't::a': 'passed' }, { attempt: 2 }),
    ]);
    expect(stats[0]).toMatchObject({
      id: 't::a',
      runs: 2,
      flakyRuns: 1,
      rate: 0.5,
      evidence: [{ kind: 'same-commit', run: '7', attempt: 1, sha: 'same' }],
    });
  });

  it('flags outcome flips while the file did not change, and not after the file changed', () => {
    const unchanged = detectFlakes([
      record(1, 'c1', { 't::a': 'passed' }),
      record(2, 'c2', { 't::a': 'failed' }),
      record(3, 'c3', { 't::a': 'passed' }),
      record(4, 'c4', { 't::a': 'passed' }),
    ]);
    expect(unchanged[0]).toMatchObject({
      runs: 4,
      flakyRuns: 1,
      rate: 0.25,
      evidence: [{ kind: 'flip', run: '2', sha: 'c2' }],
    });
    // Broken by an edit, fixed by the next edit: a regression and its fix, not a flake.
    const edited = detectFlakes([
      record(1, 'c1', { 't::a': 'passed' }, { hashes: { 'a.test.ts': 'v1' } }),
      record(2, 'c2', { 't::a': 'failed' }, { hashes: { 'a.test.ts': 'v2' } }),
      record(3, 'c3', { 't::a': 'passed' }, { hashes: { 'a.test.ts': 'v3' } }),
    ]);
    expect(edited).toEqual([]);
  });

  it('does not call a test that always fails flaky', () => {
    expect(
      detectFlakes([record(1, 'c1', { 't::a': 'failed' }), record(2, 'c2', { 't::a': 'failed' })]),
    ).toEqual([]);
  });

  it('aggregates parameterised tests by family when asked', () => {
    const records = [
      record(1, 'c1', { 't::p[1]': 'failed', 't::p[2]': 'passed' }),
      record(2, 'c1', { 't::p[1]': 'passed', 't::p[2]': 'passed' }),
    ];
    expect(detectFlakes(records).map((s) => s.id)).toEqual(['t::p[1]']);
    expect(detectFlakes(records, { by: 'family' }).map((s) => [s.id, s.runs, s.flakyRuns])).toEqual([
      ['t::p', 2, 1],
    ]);
  });

  it('stores a record of 20,000 tests in under 4 bytes per test (sorted ids, gzip)', () => {
    const results = Array.from({ length: 20_000 }, (_, i) =>
      result(
        `src/module${i % 50}/feature.test.ts::Feature ${i % 50}::handles case ${i}`,
        i % 97 ? 'passed' : 'failed',
        `src/module${i % 50}/feature.test.ts`,
      ),
    );
    const hashes = new Map(results.map((r) => [r.file!, 'abcdef0123456789']));
    const stored = encodeRecord(
      makeRecord({ run: '1', attempt: 1, sha: 's', branch: 'main', time: 1 }, results, hashes),
    );
    expect(stored.length).toBeLessThan(20_000 * 4);
    expect(Object.keys(parseRecord(stored)!.tests)).toHaveLength(20_000);
  });

  it("takes the test's file from its classname when the report has no file attribute (vitest)", () => {
    const vitestCase = { ...result('flaky.test.ts::api > works', 'failed'), classname: 'flaky.test.ts' };
    const r = makeRecord(
      { run: '1', attempt: 1, sha: 's', branch: 'main', time: 1 },
      [vitestCase],
      new Map([['flaky.test.ts', 'h']]),
    );
    expect(r.tests).toEqual({ 'flaky.test.ts::api > works': 'F0' });
    expect(r.files).toEqual([['flaky.test.ts', 'h']]);
  });

  it('keeps records compact: skipped tests out, one letter per outcome, files by index', () => {
    const r = makeRecord(
      { run: '1', attempt: 1, sha: 's', branch: 'main', time: 1 },
      [result('a', 'passed', 'f.ts'), result('b', 'skipped', 'f.ts'), result('c', 'failed')],
      new Map([['f.ts', 'abc']]),
    );
    expect(r.tests).toEqual({ a: 'P0', c: 'F' });
    expect(r.files).toEqual([['f.ts', 'abc']]);
  });
});

async function roundTrip(store: HistoryStore) {
  const window = 3;
  for (let run = 1; run <= 5; run++) {
    await store.append(record(run, `c${run}`, { 't::a': run % 2 ? 'passed' : 'failed' }), window);
  }
  await store.append(record(99, 'other', { 't::a': 'passed' }, { branch: 'feature/x@y' }), window);
  const main = await store.load('main', window);
  expect(main.map((r) => r.run)).toEqual(['3', '4', '5']);
  expect((await store.load('feature/x@y', window)).map((r) => r.run)).toEqual(['99']);
  expect(detectFlakes(main)[0]).toMatchObject({ id: 't::a', runs: 3, flakyRuns: 1 });
}

describe('history stores', () => {
  it('dir: appends, keeps the window per branch, survives a damaged record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'q-hist-'));
    const store = new DirHistory(RUN_RECORDS, join(dir, 'h'));
    expect(await store.load('main', 10)).toEqual([]);
    await roundTrip(store);
    expect(
      readdirSync(join(dir, 'h')).filter((n) => n.startsWith('main@') && n.endsWith('.json.gz')),
    ).toHaveLength(3);
    writeFileSync(join(dir, 'h', `main@${'9'.repeat(15)}-x-1.json.gz`), '{not gzip');
    expect((await store.load('main', 10)).map((r) => r.run)).toEqual(['3', '4', '5']);
  });

  it('cache: restores the newest entry by prefix and saves each run under its own key', async () => {
    // A stand-in for GitHub's cache service with its semantics: immutable keys, newest prefix match.
    const service = mkdtempSync(join(tmpdir(), 'q-cache-service-'));
    const saved: string[] = [];
    const client: CacheClient = {
      async restoreCache(paths, primaryKey, restoreKeys = []) {
        for (const key of [primaryKey, ...restoreKeys]) {
          const hit =
            key === primaryKey ? saved.filter((k) => k === key) : saved.filter((k) => k.startsWith(key));
          const newest = hit.at(-1);
          if (newest) {
            rmSync(paths[0]!, { recursive: true, force: true });
            cpSync(join(service, newest), paths[0]!, { recursive: true });
            return newest;
          }
        }
        return undefined;
      },
      async saveCache(paths, key) {
        // @actions/cache logs "Failed to save: Unable to reserve cache with key …" and returns -1.
        if (saved.includes(key)) return -1;
        cpSync(paths[0]!, join(service, key), { recursive: true });
        saved.push(key);
        return 1;
      },
    };
    const runner = (run: number, attempt = 1) =>
      new CacheHistory(RUN_RECORDS, join(mkdtempSync(join(tmpdir(), 'q-runner-')), 'history'), client, {
        run: String(run),
        attempt,
      });
    for (let run = 1; run <= 4; run++) {
      const store = runner(run);
      const before = await store.load('main', 3);
      expect(before).toHaveLength(Math.min(run - 1, 3));
      await store.append(record(run, `c${run}`, { 't::a': run === 2 ? 'failed' : 'passed' }), 3);
    }
    expect(saved).toEqual([
      'gantry-quarantine-v1-main-1-1',
      'gantry-quarantine-v1-main-2-1',
      'gantry-quarantine-v1-main-3-1',
      'gantry-quarantine-v1-main-4-1',
    ]);
    // A re-run attempt restores the first attempt's entry; a new branch starts from another branch's.
    const rerun = runner(4, 2);
    expect((await rerun.load('main', 3)).map((r) => r.run)).toEqual(['2', '3', '4']);
    expect(rerun.restoredKey).toBe('gantry-quarantine-v1-main-4-1');
    await rerun.append(record(4, 'c4', { 't::a': 'passed' }, { attempt: 2 }), 3);
    const again = runner(4, 2);
    await again.load('main', 3);
    await expect(again.append(record(4, 'c4', { 't::a': 'passed' }), 3)).rejects.toThrow(
      /the cache entry gantry-quarantine-v1-main-4-2 was not saved/,
    );
    const feature = runner(5);
    expect(await feature.load('feature', 3)).toEqual([]);
    expect(feature.restoredKey).toBe('gantry-quarantine-v1-main-4-2');
  });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    },
  }).trim();
}

/** A bare origin and a depth-1 clone of it, as actions/checkout leaves the workspace. */
function checkout(origin: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'q-clone-'));
  git(dir, 'clone', '--quiet', '--depth=1', `file://${origin}`, '.');
  return dir;
}

describe('history: branch (real git repositories)', () => {
  function origin(): string {
    const root = mkdtempSync(join(tmpdir(), 'q-origin-'));
    const bare = join(root, 'origin.git');
    mkdirSync(bare);
    git(bare, 'init', '--quiet', '--bare', '-b', 'main');
    const seed = join(root, 'seed');
    mkdirSync(seed);
    git(seed, 'init', '--quiet', '-b', 'main');
    writeFileSync(join(seed, 'a.test.ts'), 'test');
    git(seed, 'add', '.');
    git(seed, 'commit', '--quiet', '-m', 'seed');
    git(seed, 'push', '--quiet', bare, 'main');
    return bare;
  }

  it('creates the data branch, appends and windows, leaving the working tree alone', async () => {
    const bare = origin();
    const work = checkout(bare);
    await roundTrip(new BranchHistory(RUN_RECORDS, new Git(work), 'gantry/quarantine-history', noWait));
    expect(git(work, 'status', '--porcelain')).toBe('');
    expect(git(work, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    const files = git(bare, 'ls-tree', '--name-only', 'gantry/quarantine-history').split('\n');
    expect(files.filter((f) => f.startsWith('main@'))).toHaveLength(3);
    expect(existsSync(join(work, 'main@'))).toBe(false);
  });

  it('reads a window bigger than one git batch in several, in order, one record per batch at the smallest', async () => {
    const bare = origin();
    const git = new Git(checkout(bare));
    const store = new BranchHistory(RUN_RECORDS, git, 'history', noWait, { batchBytes: 1 });
    await store.appendAll(
      [1, 2, 3, 4].map((n) => record(n, `c${n}`, { 't::a': n % 2 ? 'passed' : 'failed' })),
      10,
    );
    const catFiles = () => git.stats.processes;
    const before = catFiles();
    const loaded = await store.load('main', 3);
    expect(loaded.map((r) => r.run)).toEqual(['2', '3', '4']);
    // ls-remote, fetch, rev-parse, ls-tree, then one cat-file per record.
    expect(catFiles() - before).toBe(4 + 3);
    const whole = new BranchHistory(RUN_RECORDS, git, 'history', noWait);
    const start = catFiles();
    expect((await whole.load('main', 3)).map((r) => r.run)).toEqual(['2', '3', '4']);
    expect(catFiles() - start).toBe(4 + 1);
  });

  it('retries a push that lost the race to another job, keeping both records', async () => {
    const bare = origin();
    const jobA = new BranchHistory(RUN_RECORDS, new Git(checkout(bare)), 'history', noWait);
    const jobB = new BranchHistory(RUN_RECORDS, new Git(checkout(bare)), 'history', noWait);
    await jobA.append(record(1, 'c1', { 't::a': 'passed' }), 10);
    // Both jobs read the branch, B pushes first, A's push is then rejected and retried on top.
    expect(await jobA.load('main', 10)).toHaveLength(1);
    expect(await jobB.load('main', 10)).toHaveLength(1);
    await jobB.append(record(2, 'c2', { 't::a': 'failed' }), 10);
    await jobA.append(record(3, 'c3', { 't::a': 'passed' }), 10);
    expect(jobA.stats).toEqual({ pushes: 3, rejected: 1 });
    expect(jobB.stats).toEqual({ pushes: 1, rejected: 0 });
    const reader = new BranchHistory(RUN_RECORDS, new Git(checkout(bare)), 'history', systemClock);
    expect((await reader.load('main', 10)).map((r) => r.run)).toEqual(['1', '2', '3']);
    expect(git(bare, 'rev-list', '--count', 'history')).toBe('3');
  });

  it('explains a push refused for lack of permission as a configuration error, without retrying', async () => {
    const bare = origin();
    // GitHub's answer to a token without contents: write.
    writeFileSync(
      join(bare, 'hooks', 'pre-receive'),
      '#!/bin/sh\necho "Permission to acme/service.git denied to github-actions[bot]." >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const store = new BranchHistory(RUN_RECORDS, new Git(checkout(bare)), 'history', noWait);
    await expect(store.append(record(1, 'c1', { 't::a': 'passed' }), 10)).rejects.toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringMatching(
        /cannot push the history branch 'history'.*permissions: contents: write/,
      ),
    });
    expect(store.stats).toEqual({ pushes: 1, rejected: 1 });
  });

  it('gives up after the attempts when the push keeps failing', async () => {
    const bare = origin();
    // A pre-receive hook that refuses every push to the data branch.
    writeFileSync(join(bare, 'hooks', 'pre-receive'), '#!/bin/sh\necho "declined by policy" >&2\nexit 1\n', {
      mode: 0o755,
    });
    const store = new BranchHistory(RUN_RECORDS, new Git(checkout(bare)), 'history', noWait, { attempts: 2 });
    await expect(store.append(record(1, 'c1', { 't::a': 'passed' }), 10)).rejects.toThrow(
      /git push .* failed/,
    );
  });
});
