import { describe, expect, it } from 'vitest';
import { type BuildContext, planBuildx } from '../../src/layer-cache/buildx.js';
import {
  branchTag,
  encodeTagPart,
  keyTag,
  TAG_PATTERN,
  tagMayMatchPrefix,
} from '../../src/layer-cache/tags.js';

const REPO = 'ghcr.io/acme/app-cache';
const push = (branch: string): BuildContext => ({
  eventName: 'push',
  ref: `refs/heads/${branch}`,
  headRef: '',
  baseRef: '',
  defaultBranch: 'main',
  fromFork: false,
});
const pr = (head: string, base: string, fromFork = false): BuildContext => ({
  eventName: 'pull_request',
  ref: 'refs/pull/9/merge',
  headRef: head,
  baseRef: base,
  defaultBranch: 'main',
  fromFork,
});

describe('branch names as tags', () => {
  const branches = [
    'main',
    'feature/x',
    'feature-x',
    'feature_x',
    'feature.x',
    'Feature/X',
    'dependabot/npm_and_yarn/@types/node-24.1.0',
    'ü/ñ',
    `${'long/'.repeat(40)}end`,
    `${'long/'.repeat(40)}other`,
  ];

  it('are valid, distinct, and stable', () => {
    const tags = branches.map((b) => branchTag(b, 'linux/amd64'));
    for (const tag of tags) expect(tag).toMatch(TAG_PATTERN);
    expect(new Set(tags).size).toBe(branches.length);
    expect(branchTag('feature/x', 'linux/amd64')).toBe(tags[1]);
  });

  it('scope and branch cannot be confused', () => {
    expect(branchTag('b', 'a-x')).not.toBe(branchTag('x-b', 'a'));
    expect(branchTag('a.b', '')).not.toBe(branchTag('b', 'a'));
    expect(branchTag('-x', '')).toMatch(TAG_PATTERN);
  });

  it('keep readable names readable', () => {
    expect(branchTag('main', '')).toBe('main');
    expect(branchTag('feature/login', 'linux')).toBe('linux.feature_2flogin');
  });
});

describe('keys as tags', () => {
  it('the tag of a prefix is a prefix of the tag of the key', () => {
    const pairs: [string, string][] = [
      ['npm-Linux-abc', 'npm-Linux-'],
      ['a/b_c', 'a/b'],
      ['ü-1', 'ü'],
    ];
    for (const [key, prefix] of pairs) {
      expect(
        keyTag('v1', 'refs/heads/main', key).startsWith(
          `v1-${encodeTagPart('refs/heads/main')}.${encodeTagPart(prefix)}`,
        ),
      ).toBe(true);
      expect(tagMayMatchPrefix(keyTag('v1', 'refs/heads/main', key), 'v1', 'refs/heads/main', prefix)).toBe(
        true,
      );
    }
    expect(tagMayMatchPrefix(keyTag('v1', 'refs/heads/main', 'npm-x'), 'v1', 'refs/heads/main', 'pip-')).toBe(
      false,
    );
    expect(tagMayMatchPrefix(keyTag('v2', 'refs/heads/main', 'npm-x'), 'v1', 'refs/heads/main', 'npm-')).toBe(
      false,
    );
  });

  it('a cut tag stays a candidate for a prefix longer than what it kept', () => {
    const key = `k-${'x'.repeat(300)}`;
    const tag = keyTag('v1', 'refs/heads/main', key);
    expect(tag).toMatch(TAG_PATTERN);
    expect(tagMayMatchPrefix(tag, 'v1', 'refs/heads/main', key.slice(0, 250))).toBe(true);
    expect(tagMayMatchPrefix(tag, 'v1', 'refs/heads/main', `k-${'y'.repeat(10)}`)).toBe(false);
  });
});

describe('buildx plan', () => {
  it('a branch push reads its own then the default branch, writes its own', () => {
    const plan = planBuildx(REPO, 'linux', push('feature/x'), false);
    expect(plan.candidates.map((c) => c.ref)).toEqual([`${REPO}:linux.feature_2fx`, `${REPO}:linux.main`]);
    expect(plan.writeRef).toBe(`${REPO}:linux.feature_2fx`);
  });

  it('the default branch reads and writes itself once', () => {
    const plan = planBuildx(REPO, '', push('main'), false);
    expect(plan.candidates.map((c) => c.ref)).toEqual([`${REPO}:main`]);
    expect(plan.writeRef).toBe(`${REPO}:main`);
  });

  it('a pull request reads head, base, default; a same-repository one writes its head branch', () => {
    const plan = planBuildx(REPO, '', pr('fix/a', 'release/2'), false);
    expect(plan.candidates.map((c) => c.why)).toEqual([
      'pull request branch',
      'pull request base branch',
      'default branch',
    ]);
    expect(plan.writeRef).toBe(`${REPO}:fix_2fa`);
  });

  it('a pull request from a fork, read-only, and a tag build write nothing', () => {
    expect(planBuildx(REPO, '', pr('main', 'main', true), false)).toMatchObject({
      writeRef: undefined,
      writeReason: expect.stringMatching(/fork/),
    });
    expect(planBuildx(REPO, '', push('main'), true)).toMatchObject({
      writeRef: undefined,
      writeReason: expect.stringMatching(/read-only/),
    });
    const tag = planBuildx(REPO, '', { ...push('x'), ref: 'refs/tags/v1' }, false);
    expect(tag.writeRef).toBeUndefined();
    expect(tag.candidates.map((c) => c.branch)).toEqual(['main']);
  });

  it('pull_request_target from a fork writes nothing either', () => {
    expect(
      planBuildx(REPO, '', { ...pr('feat', 'main', true), eventName: 'pull_request_target' }, false).writeRef,
    ).toBeUndefined();
  });
});
