/** The cache scope rule (scope.ts) as a table, and through the bundle: a fork cannot poison main. */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildContext } from '../../src/layer-cache/buildx.js';
import { cacheScopes } from '../../src/layer-cache/scope.js';
import { runAction } from '../harness/index.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

const base: BuildContext = {
  eventName: 'push',
  ref: 'refs/heads/main',
  headRef: '',
  baseRef: '',
  defaultBranch: 'main',
  fromFork: false,
};

const TABLE: [string, Partial<BuildContext>, string | undefined, string[]][] = [
  ['push to the default branch', {}, 'refs/heads/main', ['refs/heads/main']],
  ['push to a branch', { ref: 'refs/heads/feat' }, 'refs/heads/feat', ['refs/heads/feat', 'refs/heads/main']],
  ['a tag', { ref: 'refs/tags/v1' }, 'refs/tags/v1', ['refs/tags/v1', 'refs/heads/main']],
  [
    'a pull request from this repository',
    { eventName: 'pull_request', ref: 'refs/pull/7/merge', headRef: 'feat', baseRef: 'release' },
    'refs/pull/7/merge',
    ['refs/pull/7/merge', 'refs/heads/release', 'refs/heads/main'],
  ],
  [
    'a pull request from a fork',
    { eventName: 'pull_request', ref: 'refs/pull/8/merge', headRef: 'main', baseRef: 'main', fromFork: true },
    undefined,
    ['refs/pull/8/merge', 'refs/heads/main'],
  ],
  [
    'pull_request_target (ref is the base branch)',
    { eventName: 'pull_request_target', ref: 'refs/heads/main', headRef: 'feat', baseRef: 'main' },
    undefined,
    ['refs/heads/main'],
  ],
  [
    'pull_request_target from a fork',
    {
      eventName: 'pull_request_target',
      ref: 'refs/heads/main',
      headRef: 'x',
      baseRef: 'main',
      fromFork: true,
    },
    undefined,
    ['refs/heads/main'],
  ],
  [
    'a pull request without its ref',
    { eventName: 'pull_request', ref: '', headRef: 'feat', baseRef: 'main' },
    undefined,
    ['refs/heads/main'],
  ],
  [
    'schedule on a branch',
    { eventName: 'schedule', ref: 'refs/heads/main' },
    'refs/heads/main',
    ['refs/heads/main'],
  ],
  [
    'another default branch',
    { ref: 'refs/heads/dev', defaultBranch: 'trunk' },
    'refs/heads/dev',
    ['refs/heads/dev', 'refs/heads/trunk'],
  ],
  ['outside a workflow run', { eventName: '', ref: '' }, 'local', ['local', 'refs/heads/main']],
];

describe('cacheScopes', () => {
  it.each(TABLE)('%s', (_what, ctx, write, read) => {
    const scopes = cacheScopes({ ...base, ...ctx });
    expect(scopes.write).toBe(write);
    expect(scopes.read).toEqual(read);
  });

  it('no run other than the default branch itself, a pull request of this repository excepted, writes what the default branch reads', () => {
    const mainReads = cacheScopes(base).read;
    for (const [, ctx] of TABLE) {
      const scopes = cacheScopes({ ...base, ...ctx });
      const isMain =
        (ctx.ref ?? base.ref) === 'refs/heads/main' && !ctx.eventName?.startsWith('pull_request');
      if (!isMain && scopes.write !== undefined) expect(mainReads).not.toContain(scopes.write);
    }
  });
});

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => {
  await registry?.stop();
});

describe('scopes through the bundle', () => {
  it('a pull_request_target run for a fork saves nothing that a run on main restores', async () => {
    const repo = `${registry.host}/cache/scopes`;
    const inputs = {
      'cache-repository': repo,
      path: 'deps',
      key: 'npm-Linux-fork1',
      'restore-keys': 'npm-Linux-',
    };
    const forkWs = mkdtempSync(join(tmpdir(), 'lc-scope-'));
    mkdirSync(join(forkWs, 'deps'));
    writeFileSync(join(forkWs, 'deps', 'index.js'), 'poisoned');
    const pr = {
      number: 9,
      head: { ref: 'main', repo: { full_name: 'mallory/service' } },
      base: { ref: 'main', repo: { full_name: 'acme/service' } },
    };
    const fork = await runAction({
      action: 'layer-cache',
      inputs,
      workspace: forkWs,
      event: {
        name: 'pull_request_target',
        payload: { pull_request: pr, repository: { default_branch: 'main', full_name: 'acme/service' } },
      },
      env: { GITHUB_REF: 'refs/heads/main', GITHUB_HEAD_REF: 'main', GITHUB_BASE_REF: 'main' },
    });
    expect(fork.main.exitCode).toBe(0);
    expect(fork.post?.exitCode).toBe(0);
    expect(fork.post?.log).toMatch(/pull_request_target/);

    const mainWs = mkdtempSync(join(tmpdir(), 'lc-scope-'));
    mkdirSync(join(mainWs, 'deps'));
    writeFileSync(join(mainWs, 'deps', 'index.js'), 'main');
    const main = await runAction({
      action: 'layer-cache',
      inputs: { ...inputs, key: 'npm-Linux-main1' },
      workspace: mainWs,
      event: { name: 'push', payload: { repository: { default_branch: 'main', full_name: 'acme/service' } } },
      env: { GITHUB_REF: 'refs/heads/main' },
    });
    expect(main.main.outputs['cache-matched-key']).toBe('');
    expect(readFileSync(join(mainWs, 'deps', 'index.js'), 'utf8')).toBe('main');

    // A pull request of this repository saves under its own scope: main never restores it either,
    // while a later run of the same pull request does.
    const prWs = mkdtempSync(join(tmpdir(), 'lc-scope-'));
    mkdirSync(join(prWs, 'deps'));
    writeFileSync(join(prWs, 'deps', 'index.js'), 'pr');
    const own = { ...pr, head: { ref: 'feat', repo: { full_name: 'acme/service' } } };
    const prEnv = { GITHUB_REF: 'refs/pull/9/merge', GITHUB_HEAD_REF: 'feat', GITHUB_BASE_REF: 'main' };
    const prEvent = {
      name: 'pull_request',
      payload: { pull_request: own, repository: { default_branch: 'main', full_name: 'acme/service' } },
    };
    const prRun = await runAction({
      action: 'layer-cache',
      inputs: { ...inputs, key: 'npm-Linux-pr9' },
      workspace: prWs,
      event: prEvent,
      env: prEnv,
    });
    expect(prRun.post?.summary).toMatch(/saved/);
    const again = await runAction({
      action: 'layer-cache',
      inputs: { ...inputs, key: 'npm-Linux-pr9b' },
      workspace: mkdtempSync(join(tmpdir(), 'lc-scope-')),
      event: prEvent,
      env: prEnv,
    });
    expect(again.main.outputs['cache-matched-key']).toBe('npm-Linux-pr9');
    const main2 = await runAction({
      action: 'layer-cache',
      inputs: { ...inputs, key: 'npm-Linux-main2', save: 'never' },
      workspace: mkdtempSync(join(tmpdir(), 'lc-scope-')),
      event: { name: 'push', payload: { repository: { default_branch: 'main', full_name: 'acme/service' } } },
      env: { GITHUB_REF: 'refs/heads/main' },
    });
    expect(main2.main.outputs['cache-matched-key']).toBe('npm-Linux-main1');
  });
});
