import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChangedFile } from '../../src/changes/diff.js';
import type { EventContext, Payload } from '../../src/changes/event.js';
import { detectChanges } from '../../src/changes/detect.js';
import type { Comparison } from '../../src/changes/resolve.js';
import { countGitTrace, type GitCounts } from '../../src/changes/trace.js';
import { Git } from '../../src/git/index.js';
import { ConfigurationError } from '../../src/runtime/errors.js';
import { events, GIT_ENV, git, Scenario, traceCounts, ZERO_SHA } from '../support/git-scenarios.js';

const scenarios: Scenario[] = [];
const traceDirs: string[] = [];
afterAll(() => {
  for (const s of scenarios) s.cleanup();
  for (const dir of traceDirs) rmSync(dir, { recursive: true, force: true });
});
function scenario(options?: ConstructorParameters<typeof Scenario>[0]): Scenario {
  const s = new Scenario(options);
  scenarios.push(s);
  return s;
}

interface Detected {
  comparison: Comparison;
  changes: ChangedFile[];
  paths: string[];
  warnings: string[];
  git: Git;
  networkFetches: number;
  traced: GitCounts;
}

/** Run the action's own chain (detectChanges, as run.ts does) on a checkout, with git traced to count fetches. */
async function detect(
  dir: string,
  event: { name: string; payload: unknown },
  options: {
    ref?: string;
    base?: string;
    githubRef?: string;
    lastSuccess?: string;
    initialDepth?: number;
  } = {},
): Promise<Detected> {
  const traceDir = mkdtempSync(join(tmpdir(), 'gantry-trace-'));
  traceDirs.push(traceDir);
  const trace = join(traceDir, 'trace.json');
  const git = new Git(dir, { ...process.env, ...GIT_ENV, GIT_TRACE2_EVENT: trace });
  const payload = event.payload as Payload;
  const context: EventContext = {
    name: event.name,
    payload,
    sha: '',
    ref: options.githubRef ?? payload.ref ?? 'refs/heads/main',
    repository: 'acme/service',
    apiUrl: 'http://127.0.0.1:1',
  };
  const warnings: string[] = [];
  const { comparison, changes } = await detectChanges(git, context, {
    base: options.base,
    ref: options.ref,
    initialFetchDepth: options.initialDepth ?? 100,
    allowTruncated: false,
    needsHistory: false,
    workingDirectory: dir,
    warn: (message) => warnings.push(message),
    notice: (message) => warnings.push(message),
    lastSuccess: async () => options.lastSuccess,
    pullRequestFiles: () => Promise.reject(new Error('these tests have a checkout: git answers')),
  });
  return {
    traced: countGitTrace(trace)!,
    comparison,
    changes,
    paths: changes.map((c) => c.path).sort(),
    warnings,
    git,
    networkFetches: traceCounts(trace).networkFetches,
  };
}

/** main: two commits; feature forks from the second and adds two; main moves on by one more. */
function forkedHistory(s = scenario()) {
  const root = s.commit('root', { 'README.md': '# service\n', 'src/app.ts': 'app\n' });
  const forkPoint = s.commit('main work', { 'src/lib.ts': 'lib\n' });
  s.branch('feature');
  s.switch('feature');
  s.commit('feature 1', { 'feature/a.ts': 'a\n' });
  const featureTip = s.commit('feature 2', { 'src/app.ts': 'app v2\n' });
  s.switch(s.defaultBranch);
  const mainTip = s.commit('main moves on', { 'main-only.txt': 'later\n' });
  return { s, root, forkPoint, featureTip, mainTip };
}

describe('pull_request and pull_request_target', () => {
  it.each(['pull_request', 'pull_request_target'])(
    '%s: merge-base of the PR base and the checked-out merge commit',
    async (name) => {
      const { s, featureTip, mainTip } = forkedHistory();
      const pr = s.pullRequest(7, 'feature', 'main');
      const dir = s.checkout(pr.merge, 'refs/pull/7/merge');
      const found = await detect(
        dir,
        events.pullRequest({ number: 7, base: mainTip, head: featureTip, name }),
      );
      expect(found.paths).toEqual(['feature/a.ts', 'src/app.ts']);
      expect(found.comparison.base).toBe(mainTip);
      expect(found.comparison.head).toBe(pr.merge);
      // The reason names the merge-base the code computed, of the PR base and the merge commit.
      expect(found.comparison.reason).toBe(
        `pull request #7 into main: merge-base of ${mainTip.slice(0, 12)} and ${pr.merge.slice(0, 12)}`,
      );
    },
  );

  it('pull_request with the head SHA checked out: three-dot from the fork point, main-only changes excluded', async () => {
    const { s, forkPoint, featureTip, mainTip } = forkedHistory();
    const dir = s.checkout(featureTip, 'refs/heads/feature');
    const found = await detect(dir, events.pullRequest({ number: 7, base: mainTip, head: featureTip }));
    expect(found.comparison.base).toBe(forkPoint);
    expect(found.paths).toEqual(['feature/a.ts', 'src/app.ts']);
    expect(found.git.stats.fetches).toBe(1);
  });
});

describe('pull_request whose base was force-pushed since the event', () => {
  it('warns and compares with the current base branch', async () => {
    const { s, forkPoint, featureTip, mainTip } = forkedHistory();
    s.forceMove('main', forkPoint);
    const newMain = s.commit('main rewritten', { 'rewritten.txt': 'x\n' });
    expect(() => s.git(['cat-file', '-e', mainTip])).toThrow();
    const dir = s.checkout(featureTip, 'refs/heads/feature');
    const found = await detect(dir, events.pullRequest({ number: 4, base: mainTip, head: featureTip }));
    expect(found.warnings.join()).toContain('is gone from the remote');
    expect(found.comparison.base).toBe(forkPoint);
    expect(found.paths).toEqual(['feature/a.ts', 'src/app.ts']);
    // Compared with the base branch as it is now, not with a commit the fixture made up.
    expect(found.comparison.reason).toContain(`merge-base of ${newMain.slice(0, 12)} and`);
  });
});

describe('pull_request_target with the base branch checked out (its default)', () => {
  it('compares the PR head, fetched by SHA, from its merge-base with the base', async () => {
    const { s, forkPoint, featureTip, mainTip } = forkedHistory();
    const dir = s.checkout(mainTip);
    const found = await detect(
      dir,
      events.pullRequest({ number: 9, base: mainTip, head: featureTip, name: 'pull_request_target' }),
    );
    expect(found.comparison).toMatchObject({ base: forkPoint, head: featureTip });
    expect(found.paths).toEqual(['feature/a.ts', 'src/app.ts']);
  });
});

describe('merge_group', () => {
  it('compares base_sha..head_sha', async () => {
    const s = scenario();
    const base = s.commit('base', { 'a.txt': '1\n' });
    const head = s.commit('queued', { 'b.txt': '2\n', 'a.txt': '1b\n' });
    const dir = s.checkout(head, 'refs/heads/gh-readonly-queue/main/pr-1');
    const found = await detect(dir, events.mergeGroup({ baseSha: base, headSha: head }));
    expect(found.comparison).toMatchObject({ base, head, mode: 'commits' });
    expect(found.paths).toEqual(['a.txt', 'b.txt']);
  });
});

describe('push', () => {
  it('compares before..after, including what a merge commit brought in', async () => {
    const { s, mainTip } = forkedHistory();
    const merge = s.merge('feature');
    const dir = s.checkout(merge);
    const found = await detect(dir, events.push({ before: mainTip, after: merge, ref: 'refs/heads/main' }));
    expect(found.comparison).toMatchObject({ base: mainTip, head: merge });
    expect(found.paths).toEqual(['feature/a.ts', 'src/app.ts']);
  });

  it('a new branch (before is zeros): merge-base with the default branch', async () => {
    const { s, forkPoint, featureTip } = forkedHistory();
    const dir = s.checkout(featureTip, 'refs/heads/feature');
    const found = await detect(
      dir,
      events.push({ before: ZERO_SHA, after: featureTip, ref: 'refs/heads/feature' }),
    );
    expect(found.comparison.base).toBe(forkPoint);
    expect(found.paths).toEqual(['feature/a.ts', 'src/app.ts']);
  });

  it('the initial push to the default branch: every file is added', async () => {
    const s = scenario();
    s.commit('one', { 'a.txt': 'a\n' });
    const head = s.commit('two', { 'b/c.txt': 'c\n' });
    const dir = s.checkout(head);
    const found = await detect(dir, events.push({ before: ZERO_SHA, after: head, ref: 'refs/heads/main' }));
    expect(found.comparison.mode).toBe('all-files');
    expect(found.changes).toEqual([
      { status: 'added', path: 'a.txt' },
      { status: 'added', path: 'b/c.txt' },
    ]);
  });

  it("a force push to another branch whose 'before' is gone: the merge-base with the default branch, as any push there", async () => {
    const { s, forkPoint } = forkedHistory();
    s.switch('feature');
    const old = s.commit('to be rewritten', { 'feature/old.ts': 'old\n' });
    s.forceMove('feature', forkPoint);
    const rewritten = s.commit('rewritten', { 'feature/new.ts': 'new\n' });
    expect(() => s.git(['cat-file', '-e', old])).toThrow();
    const dir = s.checkout(rewritten, 'refs/heads/feature');
    const found = await detect(
      dir,
      events.push({ before: old, after: rewritten, ref: 'refs/heads/feature', forced: true }),
    );
    expect(found.warnings).toEqual([]);
    expect(found.comparison.base).toBe(forkPoint);
    expect(found.paths).toEqual(['feature/new.ts']);
  });

  it("a force push to the default branch whose 'before' is gone: the first parent, with a warning", async () => {
    const { s, forkPoint, mainTip } = forkedHistory();
    s.forceMove('main', forkPoint);
    const parent = s.commit('rewritten 1', { 'rewritten/1.ts': '1\n' });
    const rewritten = s.commit('rewritten 2', { 'rewritten/2.ts': '2\n' });
    expect(() => s.git(['cat-file', '-e', mainTip])).toThrow();
    const found = await detect(
      s.checkout(rewritten),
      events.push({ before: mainTip, after: rewritten, ref: 'refs/heads/main', forced: true }),
    );
    expect(found.warnings.join('\n')).toContain('gone from the remote');
    expect(found.comparison.base).toBe(parent);
    expect(found.paths).toEqual(['rewritten/2.ts']);
  });

  it("a push to another branch compares from the merge-base, not from 'before' (dorny/paths-filter's rule)", async () => {
    const { s, forkPoint } = forkedHistory();
    s.switch('feature');
    const before = s.head();
    const after = s.commit('feature 3', { 'feature/b.ts': 'b\n' });
    const found = await detect(
      s.checkout(after, 'refs/heads/feature'),
      events.push({ before, after, ref: 'refs/heads/feature' }),
    );
    expect(found.comparison.base).toBe(forkPoint);
    expect(found.paths).toEqual(['feature/a.ts', 'feature/b.ts', 'src/app.ts']);
  });

  it('a deleted branch changes nothing', async () => {
    const s = scenario();
    const head = s.commit('one', { 'a.txt': 'a\n' });
    const dir = s.checkout(head);
    const found = await detect(
      dir,
      events.push({ before: head, after: ZERO_SHA, ref: 'refs/heads/gone', deleted: true }),
    );
    expect(found.comparison.mode).toBe('nothing');
    expect(found.changes).toEqual([]);
  });
});

describe('tags', () => {
  it('a tag push compares with the previous tag reachable from it, not the default branch', async () => {
    const s = scenario();
    s.commit('one', { 'a.txt': 'a\n' });
    const v1 = s.commit('two', { 'b.txt': 'b\n' });
    s.tag('v1.0.0');
    s.commit('three', { 'c.txt': 'c\n' });
    s.branch('other');
    s.switch('other');
    s.commit('elsewhere', { 'x.txt': 'x\n' });
    s.tag('v9-unrelated');
    s.switch('main');
    const v2 = s.commit('four', { 'd.txt': 'd\n' });
    s.tag('v1.1.0');
    const dir = s.checkout(v2, 'refs/tags/v1.1.0');
    const found = await detect(dir, events.push({ before: ZERO_SHA, after: v2, ref: 'refs/tags/v1.1.0' }));
    expect(found.comparison).toMatchObject({ base: v1, head: v2 });
    expect(found.comparison.reason).toContain('v1.0.0');
    expect(found.paths).toEqual(['c.txt', 'd.txt']);
  });

  it('the first tag compares with nothing: every file is added', async () => {
    const s = scenario();
    s.commit('one', { 'a.txt': 'a\n' });
    const head = s.commit('two', { 'b.txt': 'b\n' });
    s.tag('v0.1.0', 'HEAD', false);
    const dir = s.checkout(head, 'refs/tags/v0.1.0');
    const found = await detect(dir, events.push({ before: ZERO_SHA, after: head, ref: 'refs/tags/v0.1.0' }));
    expect(found.comparison.mode).toBe('all-files');
    expect(found.paths).toEqual(['a.txt', 'b.txt']);
  });
});

describe('workflow_dispatch, schedule, workflow_run', () => {
  it.each(['workflow_dispatch', 'schedule', 'workflow_run'] as const)(
    '%s on the default branch: the first parent, never every tracked file',
    async (name) => {
      const s = scenario();
      s.commit('one', { 'a.txt': 'a\n', 'b.txt': 'b\n' });
      const parent = s.commit('two', { 'c.txt': 'c\n' });
      const head = s.commit('three', { 'd.txt': 'd\n' });
      const dir = s.checkout(head);
      const found = await detect(dir, events.other(name), { githubRef: 'refs/heads/main' });
      expect(found.comparison.base).toBe(parent);
      expect(found.paths).toEqual(['d.txt']);
    },
  );

  it('workflow_dispatch on another branch: merge-base with the default branch', async () => {
    const { s, forkPoint, featureTip } = forkedHistory();
    const dir = s.checkout(featureTip, 'refs/heads/feature');
    const found = await detect(dir, events.other('workflow_dispatch'), { githubRef: 'refs/heads/feature' });
    expect(found.comparison.base).toBe(forkPoint);
    expect(found.paths).toEqual(['feature/a.ts', 'src/app.ts']);
  });

  it('schedule on another branch finds the default branch from the remote (its payload has none)', async () => {
    const { s, forkPoint, featureTip } = forkedHistory(scenario({ defaultBranch: 'trunk' }));
    const dir = s.checkout(featureTip, 'refs/heads/feature');
    const found = await detect(dir, events.other('schedule'), { githubRef: 'refs/heads/feature' });
    expect(found.comparison.base).toBe(forkPoint);
    expect(found.comparison.reason).toContain('trunk');
  });

  it('base last-success compares with the head of the last successful run', async () => {
    const s = scenario();
    s.commit('one', { 'a.txt': 'a\n' });
    const green = s.commit('two', { 'b.txt': 'b\n' });
    s.commit('three', { 'c.txt': 'c\n' });
    const head = s.commit('four', { 'd.txt': 'd\n' });
    const dir = s.checkout(head);
    const found = await detect(dir, events.other('workflow_dispatch'), {
      base: 'last-success',
      lastSuccess: green,
    });
    expect(found.comparison.base).toBe(green);
    expect(found.paths).toEqual(['c.txt', 'd.txt']);
  });

  it('base last-success without a successful run warns and falls back to the event default', async () => {
    const s = scenario();
    const parent = s.commit('one', { 'a.txt': 'a\n' });
    const head = s.commit('two', { 'b.txt': 'b\n' });
    const dir = s.checkout(head);
    const found = await detect(dir, events.other('workflow_dispatch'), { base: 'last-success' });
    expect(found.warnings.join()).toContain('No successful run');
    expect(found.comparison.base).toBe(parent);
  });
});

describe('explicit base and ref', () => {
  it('a long SHA, a short SHA (not a branch name), and a branch (merge-base)', async () => {
    const { s, root, forkPoint, featureTip } = forkedHistory();
    const dir = s.checkout(featureTip, 'refs/heads/feature');
    const push = events.push({ before: forkPoint, after: featureTip, ref: 'refs/heads/feature' });
    const long = await detect(dir, push, { base: root });
    expect(long.comparison.base).toBe(root);
    expect(long.paths).toEqual(['feature/a.ts', 'src/app.ts', 'src/lib.ts']);
    const short = await detect(dir, push, { base: root.slice(0, 8) });
    expect(short.comparison.base).toBe(root);
    const branch = await detect(dir, push, { base: 'main' });
    expect(branch.comparison.base).toBe(forkPoint);
    expect(branch.paths).toEqual(['feature/a.ts', 'src/app.ts']);
  });

  it('ref picks the head; a tag works as base', async () => {
    const s = scenario();
    s.commit('one', { 'a.txt': 'a\n' });
    s.tag('v1');
    const middle = s.commit('two', { 'b.txt': 'b\n' });
    const head = s.commit('three', { 'c.txt': 'c\n' });
    const dir = s.checkout(head);
    const found = await detect(dir, events.other('workflow_dispatch'), { base: 'v1', ref: middle });
    expect(found.comparison.head).toBe(middle);
    expect(found.paths).toEqual(['b.txt']);
  });

  it('HEAD: uncommitted changes, untracked files included', async () => {
    const s = scenario();
    const head = s.commit('one', { 'a.txt': 'a\n', 'b.txt': 'b\n' });
    const dir = s.checkout(head);
    writeFileSync(join(dir, 'a.txt'), 'changed\n');
    writeFileSync(join(dir, 'new.txt'), 'new\n');
    const found = await detect(dir, events.other('workflow_dispatch'), { base: 'HEAD' });
    expect(found.changes).toEqual([
      { status: 'modified', path: 'a.txt' },
      { status: 'added', path: 'new.txt' },
    ]);
  });

  it('a base that exists nowhere is a ConfigurationError naming the input', async () => {
    const s = scenario();
    const head = s.commit('one', { 'a.txt': 'a\n' });
    const dir = s.checkout(head);
    for (const base of ['no-such-branch', 'f'.repeat(40), '--upload-pack=touch /tmp/x']) {
      const error = await detect(dir, events.other('workflow_dispatch'), { base }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toContain("Input 'base'");
    }
  });

  it('works on a SHA-256 repository', async () => {
    const s = scenario({ objectFormat: 'sha256' });
    s.commit('one', { 'a.txt': 'a\n' });
    const parent = s.commit('two', { 'b.txt': 'b\n' });
    const head = s.commit('three', { 'c.txt': 'c\n' });
    expect(head).toHaveLength(64);
    const dir = s.checkout(head);
    const found = await detect(dir, events.push({ before: parent, after: head, ref: 'refs/heads/main' }));
    expect(found.paths).toEqual(['c.txt']);
    const short = await detect(dir, events.other('workflow_dispatch'), { base: parent.slice(0, 10) });
    expect(short.comparison.base).toBe(parent);
    const initial = await detect(
      dir,
      events.push({ before: '0'.repeat(64), after: head, ref: 'refs/heads/main' }),
    );
    expect(initial.paths).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });
});

describe('shallow checkouts', () => {
  it('finds the merge-base of a branch 1,000 commits away from its base with at most 3 network fetches', async () => {
    const s = scenario();
    s.commit('root', { 'README.md': 'r\n' });
    s.commitMany('main', 30, 'history');
    const forkPoint = s.head('main');
    s.branch('feature');
    const featureTip = s.commitMany('feature', 1000, 'feature');
    const mainTip = s.commitMany('main', 20, 'main-later');
    const dir = s.checkout(featureTip, 'refs/heads/feature');
    const found = await detect(dir, events.pullRequest({ number: 1, base: mainTip, head: featureTip }));
    expect(found.comparison.base).toBe(forkPoint);
    expect(found.paths).toEqual(Array.from({ length: 50 }, (_, i) => `feature/file-${i}.txt`).sort());
    expect(found.networkFetches).toBeGreaterThan(0);
    expect(found.networkFetches).toBeLessThanOrEqual(3);
    expect(found.git.stats.fetches).toBe(found.networkFetches);
  });

  it('a new branch pushed 1,000 commits from the default branch: at most 3 fetches in all, file contents for rename detection included', async () => {
    const s = scenario();
    const text = 'a file long enough for git to find it again after a move\n'.repeat(8);
    s.commit('root', { 'README.md': 'r\n', 'old/x.txt': text });
    s.commitMany('main', 30, 'history');
    const forkPoint = s.head('main');
    s.branch('feature');
    s.switch('feature');
    s.commit('move', { 'old/x.txt': null, 'new/x.txt': `${text}plus\n` });
    const featureTip = s.commitMany('feature', 999, 'feature');
    s.switch('main');
    s.commitMany('main', 20, 'main-later');
    const dir = s.checkout(featureTip, 'refs/heads/feature');
    const found = await detect(
      dir,
      events.push({ before: ZERO_SHA, after: featureTip, ref: 'refs/heads/feature' }),
    );
    expect(found.comparison.base).toBe(forkPoint);
    expect(found.changes).toContainEqual({ status: 'renamed', previousPath: 'old/x.txt', path: 'new/x.txt' });
    expect(found.traced.git_fetches).toBe(found.networkFetches);
    expect(found.networkFetches).toBeLessThanOrEqual(3);
  });

  it("counts git's own lazy blob fetch (rename detection in a blob-less clone) in the trace", async () => {
    const s = scenario();
    const text = 'a file long enough for git to find it again after a move\n'.repeat(8);
    s.commit('one', { 'README.md': 'r\n', 'old/x.txt': text });
    s.branch('feature');
    s.switch('feature');
    const featureTip = s.commit('move', { 'old/x.txt': null, 'new/x.txt': `${text}plus\n` });
    s.switch('main');
    const mainTip = s.commit('main', { 'README.md': 'r2\n' });
    const dir = s.checkout(featureTip, 'refs/heads/feature');
    const found = await detect(dir, events.pullRequest({ number: 3, base: mainTip, head: featureTip }));
    expect(found.changes).toEqual([{ status: 'renamed', previousPath: 'old/x.txt', path: 'new/x.txt' }]);
    expect(found.git.stats.fetches).toBe(1);
    expect(found.traced.git_fetches).toBe(2);
    expect(found.traced.git_fetches).toBe(found.networkFetches);
    expect(found.traced.git_processes).toBeGreaterThan(found.git.stats.processes);
  });

  it('fetches nothing when the checkout already holds the answer', async () => {
    const s = scenario();
    s.commit('one', { 'a.txt': 'a\n' });
    const parent = s.commit('two', { 'b.txt': 'b\n' });
    const head = s.commit('three', { 'c.txt': 'c\n' });
    const dir = s.checkout(head, 'refs/heads/main', { fetchDepth: 0 });
    const found = await detect(dir, events.push({ before: parent, after: head, ref: 'refs/heads/main' }));
    expect(found.networkFetches).toBe(0);
    expect(found.paths).toEqual(['c.txt']);
  });
});

describe('complete clones (a laptop, fetch-depth 0)', () => {
  it('fetch what is missing without making the clone shallow or partial', async () => {
    const { s, forkPoint, featureTip, mainTip } = forkedHistory();
    const dir = s.checkout(mainTip, 'refs/heads/main', { fetchDepth: 0 });
    const found = await detect(dir, events.other('workflow_dispatch'), { base: 'main', ref: featureTip });
    expect(found.comparison.base).toBe(forkPoint);
    expect(found.paths).toEqual(['feature/a.ts', 'src/app.ts']);
    expect(git(dir, ['rev-parse', '--is-shallow-repository'])).toBe('false');
    expect(() => git(dir, ['config', 'remote.origin.promisor'])).toThrow();
  });
});

describe('change types from git', () => {
  it('renames, type changes (file to symlink), chmod, deletions and submodule pointer moves', async () => {
    const s = scenario();
    const sub = s.submoduleRepo('lib');
    scenarios.push(sub);
    s.commit('one', {
      'old/name.txt': 'a long enough line of text for rename detection\n'.repeat(5),
      link: 'plain\n',
      'run.sh': 'echo\n',
      'gone.txt': 'x\n',
    });
    s.addSubmodule('vendor/lib', sub);
    const before = s.head();
    const subNext = sub.commit('lib moves', { 'lib.txt': 'two\n' });
    s.moveSubmodule('vendor/lib', subNext);
    s.write({
      'old/name.txt': null,
      'new/name.txt': 'a long enough line of text for rename detection\n'.repeat(5),
      link: { symlink: 'run.sh' },
      'gone.txt': null,
    });
    chmodSync(join(s.origin, 'run.sh'), 0o755);
    const head = s.commit('everything');
    const dir = s.checkout(head);
    const found = await detect(dir, events.push({ before, after: head, ref: 'refs/heads/main' }));
    expect(found.changes).toEqual(
      expect.arrayContaining([
        { status: 'renamed', previousPath: 'old/name.txt', path: 'new/name.txt' },
        { status: 'modified', path: 'link' },
        { status: 'modified', path: 'run.sh' },
        { status: 'deleted', path: 'gone.txt' },
        { status: 'modified', path: 'vendor/lib' },
      ]),
    );
    expect(found.changes).toHaveLength(5);
  });

  it('a copy of a file that was also modified is copied', async () => {
    const s = scenario();
    const text = 'shared text that is long enough for git to call it a copy\n'.repeat(6);
    const before = s.commit('one', { 'lib/x.ts': text });
    const head = s.commit('copy', { 'lib/x.ts': `${text}one more line\n`, 'lib/y.ts': text });
    const found = await detect(
      s.checkout(head),
      events.push({ before, after: head, ref: 'refs/heads/main' }),
    );
    expect(found.changes).toEqual([
      { status: 'modified', path: 'lib/x.ts' },
      { status: 'copied', previousPath: 'lib/x.ts', path: 'lib/y.ts' },
    ]);
  });
});
