/**
 * End to end: the restore and save sub-actions (dist/layer-cache-restore, dist/layer-cache-save)
 * with actions/cache's inputs and outputs, against the CNCF registry. Jobs are composite actions run
 * by src/runner the way the runner runs steps (`if: always()`, step outputs, a failing step).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/net/index.js';
import { RegistryClient } from '../../src/oci/index.js';
import { runComposite, runnerEnvironment } from '../../src/local-runner/index.js';
import { runAction, SUITE_ROOT } from '../harness/index.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { makeTree, snapshot } from './trees.js';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => {
  await registry?.stop();
});

const workspace = () => mkdtempSync(join(tmpdir(), 'lc-rs-'));
const PUSH = { name: 'push', payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } } };
const env = { GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'push' };
const tags = (name: string) =>
  new RegistryClient({ http: new HttpClient() }).repository(registry.host, name).tags();

/** One job: a composite action whose steps are written in `steps` (YAML), run in `ws`. */
async function job(ws: string, steps: string) {
  const dir = mkdtempSync(join(tmpdir(), 'lc-rs-job-'));
  writeFileSync(
    join(dir, 'action.yml'),
    `name: job\ndescription: a job\nruns:\n  using: composite\n  steps:\n${steps}`,
  );
  const runnerTemp = mkdtempSync(join(tmpdir(), 'lc-rs-runner-'));
  return runComposite({
    templateDir: dir,
    inputs: {},
    env: runnerEnvironment({ runnerTemp, workspace: ws, event: PUSH, env }),
    event: PUSH,
    workspace: ws,
    runnerTemp,
    suiteRoot: SUITE_ROOT,
    log: () => {},
  });
}

const restore = (inputs: Record<string, string>, ws: string) =>
  runAction({ action: 'layer-cache/restore', inputs, workspace: ws, event: PUSH, env });
const save = (inputs: Record<string, string>, ws: string) =>
  runAction({ action: 'layer-cache/save', inputs, workspace: ws, event: PUSH, env });

describe('layer-cache/restore and layer-cache/save', () => {
  it('a miss, a failing step, a save with if: always(); a new job then hits the exact key', async () => {
    const repo = `${registry.host}/rs/always`;
    const first = workspace();
    const steps = `    - id: cache
      uses: acme/gantry/actions/layer-cache/restore@v1
      with:
        cache-repository: ${repo}
        path: deps
        key: deps-\${{ runner.os }}-1
    - shell: bash
      run: mkdir -p deps && cp -a "$SEED"/. deps/ && echo "tests failed" && exit 1
      env:
        SEED: ${join(first, 'seed')}
    - uses: acme/gantry/actions/layer-cache/save@v1
      if: always() && steps.cache.outputs.cache-hit != 'true'
      with:
        cache-repository: ${repo}
        path: deps
        key: \${{ steps.cache.outputs.cache-primary-key }}
`;
    makeTree(join(first, 'seed'));
    const failed = await job(first, steps);
    expect(failed.ok).toBe(false);
    const [restored, failing, saved] = failed.steps;
    expect(restored).toMatchObject({
      outcome: 'success',
      outputs: { 'cache-hit': 'false', 'cache-matched-key': '' },
    });
    expect(restored!.outputs['cache-primary-key']).toMatch(/^deps-\w+-1$/);
    expect(failing!.outcome).toBe('failure');
    expect(saved).toMatchObject({ outcome: 'success', kind: 'suite-action' });
    expect(saved!.summary).toMatch(/saved/);
    expect(await tags('rs/always')).toHaveLength(1);

    // A new job on a clean machine: the exact key hits and the tree is the one the failed job built.
    const second = workspace();
    makeTree(join(second, 'seed'));
    const next = await job(second, steps.replace('exit 1', 'exit 0'));
    expect(next.ok).toBe(true);
    expect(next.steps[0]!.outputs).toMatchObject({ 'cache-hit': 'true' });
    expect(next.steps[0]!.outputs['cache-matched-key']).toBe(next.steps[0]!.outputs['cache-primary-key']);
    expect(snapshot(join(second, 'deps'))).toEqual(snapshot(join(first, 'deps')));
    // The save step's condition (cache-hit != 'true') skipped it.
    expect(next.steps[2]!.outcome).toBe('skipped');
  });

  it('restore-keys: the newest cache whose key starts with a prefix, cache-hit false; no prefix match is a miss', async () => {
    const repo = `${registry.host}/rs/prefix`;
    const older = workspace();
    makeTree(join(older, 'deps'));
    expect(
      (await save({ 'cache-repository': repo, path: 'deps', key: 'npm-aaa' }, older)).main.exitCode,
    ).toBe(0);
    const newer = workspace();
    makeTree(join(newer, 'deps'));
    writeFileSync(join(newer, 'deps/alpha/index.js'), 'module.exports = 2;\n');
    expect(
      (await save({ 'cache-repository': repo, path: 'deps', key: 'npm-bbb' }, newer)).main.exitCode,
    ).toBe(0);

    const ws = workspace();
    const run = await restore(
      { 'cache-repository': repo, path: 'deps', key: 'npm-ccc', 'restore-keys': 'yarn-\nnpm-' },
      ws,
    );
    expect(run.main.exitCode).toBe(0);
    expect(run.main.outputs).toEqual({
      'cache-hit': 'false',
      'cache-primary-key': 'npm-ccc',
      'cache-matched-key': 'npm-bbb',
    });
    expect(snapshot(join(ws, 'deps'))).toEqual(snapshot(join(newer, 'deps')));

    const none = await restore(
      { 'cache-repository': repo, path: 'deps', key: 'npm-ccc', 'restore-keys': 'yarn-' },
      workspace(),
    );
    expect(none.main.outputs).toMatchObject({ 'cache-hit': 'false', 'cache-matched-key': '' });
  });

  it('lookup-only: outputs say what exists, nothing is downloaded', async () => {
    const repo = `${registry.host}/rs/lookup`;
    const src = workspace();
    makeTree(join(src, 'deps'));
    await save({ 'cache-repository': repo, path: 'deps', key: 'look-1' }, src);
    const ws = workspace();
    const exact = await restore(
      { 'cache-repository': repo, path: 'deps', key: 'look-1', 'lookup-only': 'true' },
      ws,
    );
    expect(exact.main.outputs).toMatchObject({ 'cache-hit': 'true', 'cache-matched-key': 'look-1' });
    const partial = await restore(
      {
        'cache-repository': repo,
        path: 'deps',
        key: 'look-2',
        'restore-keys': 'look-',
        'lookup-only': 'true',
      },
      ws,
    );
    expect(partial.main.outputs).toMatchObject({ 'cache-hit': 'false', 'cache-matched-key': 'look-1' });
    expect(readdirSync(ws)).toEqual([]);
  });

  it('fail-on-cache-miss: a miss fails the step with one error; a restore-keys match does not', async () => {
    const repo = `${registry.host}/rs/fail`;
    const miss = await restore(
      { 'cache-repository': repo, path: 'deps', key: 'gone-1', 'fail-on-cache-miss': 'true' },
      workspace(),
    );
    expect(miss.main.exitCode).toBe(1);
    expect(miss.main.errors).toEqual(["No cache for key gone-1, and 'fail-on-cache-miss' is true."]);
    expect(miss.main.outputs).toMatchObject({ 'cache-hit': 'false', 'cache-matched-key': '' });

    const src = workspace();
    makeTree(join(src, 'deps'));
    await save({ 'cache-repository': repo, path: 'deps', key: 'gone-0' }, src);
    const partial = await restore(
      {
        'cache-repository': repo,
        path: 'deps',
        key: 'gone-1',
        'restore-keys': 'gone-',
        'fail-on-cache-miss': 'true',
      },
      workspace(),
    );
    expect(partial.main.exitCode).toBe(0);
    expect(partial.main.outputs['cache-matched-key']).toBe('gone-0');
  });

  it('save with a key that has a cache: skipped with a notice, the step succeeds, the cache is unchanged', async () => {
    const repo = `${registry.host}/rs/immutable`;
    const first = workspace();
    makeTree(join(first, 'deps'));
    expect((await save({ 'cache-repository': repo, path: 'deps', key: 'imm-1' }, first)).main.exitCode).toBe(
      0,
    );
    const store = new RegistryClient({ http: new HttpClient() }).repository(registry.host, 'rs/immutable');
    const [tag] = await store.tags();
    const before = (await store.resolve(tag!))!.digest;

    const second = workspace();
    makeTree(join(second, 'deps'));
    writeFileSync(join(second, 'deps/alpha/index.js'), 'changed\n');
    const again = await save({ 'cache-repository': repo, path: 'deps', key: 'imm-1' }, second);
    expect(again.main.exitCode).toBe(0);
    expect(again.main.annotations).toEqual([
      expect.objectContaining({
        command: 'notice',
        value:
          'Cache not saved: key imm-1 already has a cache; caches are immutable, so it was not saved again.',
      }),
    ]);
    expect(await store.tags()).toEqual([tag]);
    expect((await store.resolve(tag!))!.digest).toBe(before);

    // Nothing to save is said too, and is not a failure.
    const empty = await save({ 'cache-repository': repo, path: 'nothing-here', key: 'imm-2' }, workspace());
    expect(empty.main.exitCode).toBe(0);
    expect(empty.main.log).toMatch(/none of the paths exist/);
  });

  describe('bad input: one error naming the input and the fix, before any registry call', () => {
    const repo = () => `${registry.host}/rs/bad`;
    const base = () => ({ 'cache-repository': repo(), path: 'deps', key: 'k-1' });
    const restoreCases: [string, Record<string, string | undefined>, RegExp][] = [
      ['path missing', { path: undefined }, /Input 'path' is required.*the files and directories to cache/],
      [
        'path only exclusions',
        { path: '!deps' },
        /Input 'path'.*at least one path that is not an !exclusion/,
      ],
      ['key missing', { key: undefined }, /Input 'key' is required/],
      ['key with a comma', { key: 'a,b' }, /Input 'key'.*a key without commas/],
      ['key too long', { key: 'k'.repeat(513) }, /Input 'key'.*at most 512 characters/],
      ['restore-keys with a comma', { 'restore-keys': 'a-\nb,c' }, /Input 'restore-keys'.*without commas/],
      ['fail-on-cache-miss not a boolean', { 'fail-on-cache-miss': 'maybe' }, /fail-on-cache-miss/],
      ['lookup-only not a boolean', { 'lookup-only': 'yes please' }, /lookup-only/],
      [
        'cache-repository with a tag',
        { 'cache-repository': 'ghcr.io/acme/c:latest' },
        /Input 'cache-repository'.*without a tag/,
      ],
      ['cache-repository not a reference', { 'cache-repository': 'UPPER CASE' }, /Input 'cache-repository'/],
      ['username without password', { username: 'ci' }, /'username' and 'password' go together/],
      ['password without username', { password: 'p4ss-w0rd-x' }, /'username' and 'password' go together/],
      ['compression unknown', { compression: 'lz4' }, /compression.*zstd.*gzip/],
    ];
    const saveCases = restoreCases.filter(([, inputs]) =>
      Object.keys(inputs).every(
        (name) => !['restore-keys', 'fail-on-cache-miss', 'lookup-only'].includes(name),
      ),
    );
    const withInputs = (patch: Record<string, string | undefined>) => {
      const inputs: Record<string, string> = { ...base() };
      for (const [name, value] of Object.entries(patch))
        if (value === undefined) delete inputs[name];
        else inputs[name] = value;
      return inputs;
    };
    it.each(restoreCases)('restore: %s', async (_name, patch, message) => {
      const run = await restore(withInputs(patch), workspace());
      expect(run.main.exitCode).toBe(1);
      expect(run.main.errors).toHaveLength(1);
      expect(run.main.errors[0]).toMatch(message);
      expect(run.main.log).not.toContain('p4ss-w0rd-x');
    });
    it.each(saveCases)('save: %s', async (_name, patch, message) => {
      const ws = workspace();
      mkdirSync(join(ws, 'deps'));
      writeFileSync(join(ws, 'deps/file'), 'x');
      const run = await save(withInputs(patch), ws);
      expect(run.main.exitCode).toBe(1);
      expect(run.main.errors).toHaveLength(1);
      expect(run.main.errors[0]).toMatch(message);
    });
    it('nothing reached the registry', async () => {
      expect(await tags('rs/bad').catch(() => [])).toEqual([]);
    });
  });
});

describe('gantry layer-cache-save and layer-cache-restore (the CLI bundle, same functions)', () => {
  const gantry = (args: string[], cwd: string) =>
    spawnSync(process.execPath, [join(SUITE_ROOT, 'dist/cli/index.js'), ...args], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: cwd },
    });

  it('saves to an OCI layout directory, restores it elsewhere, and says an existing key is kept', () => {
    const layout = join(mkdtempSync(join(tmpdir(), 'lc-cli-')), 'cache');
    const first = workspace();
    makeTree(join(first, 'deps'));
    const repo = `oci-layout:${layout}`;
    const saved = gantry(
      ['layer-cache-save', '--cache-repository', repo, '--path', 'deps', '--key', 'cli-1'],
      first,
    );
    expect(saved.status, saved.stderr).toBe(0);
    const second = workspace();
    const restored = gantry(
      [
        'layer-cache-restore',
        '--cache-repository',
        repo,
        '--path',
        'deps',
        '--key',
        'cli-2',
        '--restore-keys',
        'cli-',
      ],
      second,
    );
    expect(restored.status, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toEqual({
      'cache-hit': 'false',
      'cache-primary-key': 'cli-2',
      'cache-matched-key': 'cli-1',
    });
    expect(snapshot(join(second, 'deps'))).toEqual(snapshot(join(first, 'deps')));
    const again = gantry(
      ['layer-cache-save', '--cache-repository', repo, '--path', 'deps', '--key', 'cli-1'],
      first,
    );
    expect(again.status).toBe(0);
    expect(again.stdout + again.stderr).toMatch(/already has a cache/);
    // The restore step's inputs only: save has no restore-keys.
    const unknown = gantry(
      ['layer-cache-save', '--restore-keys', 'x', '--path', 'deps', '--key', 'k'],
      first,
    );
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown input '--restore-keys' for 'gantry layer-cache-save'/);
  });
});
