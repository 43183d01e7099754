/** End to end: dist/layer-cache (main restore, post save with state) through the runner harness. */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/net/index.js';
import { RegistryClient } from '../../src/oci/index.js';
import { runAction } from '../harness/index.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { makeTree, snapshot } from './trees.js';

let registry: TestRegistry;
let secured: TestRegistry;
beforeAll(async () => {
  [registry, secured] = await Promise.all([
    startRegistry(),
    startRegistry({ kind: 'htpasswd', users: { ci: 's3cret-Passw0rd' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([registry?.stop(), secured?.stop()]);
});

const workspace = () => mkdtempSync(join(tmpdir(), 'lc-e2e-'));

describe('paths mode through the runner', () => {
  it('misses and saves, then hits exactly, then restores a prefix match and saves only what changed', async () => {
    const repo = `${registry.host}/cache/e2e`;
    const first = workspace();
    makeTree(join(first, 'deps'));
    const inputs = { 'cache-repository': repo, path: 'deps', key: 'deps-v1', 'restore-keys': 'deps-' };

    const miss = await runAction({ action: 'layer-cache', inputs, workspace: first });
    expect(miss.main.exitCode).toBe(0);
    expect(miss.main.outputs).toMatchObject({
      'cache-hit': 'false',
      'cache-matched-key': '',
      'cache-primary-key': 'deps-v1',
    });
    expect(miss.main.state['primary-key']).toBe('deps-v1');
    expect(miss.post?.exitCode).toBe(0);
    expect(miss.post?.summary).toMatch(/saved/);
    expect(miss.post?.log).toMatch(/"stage":"save".*"saved":true/);

    const second = workspace();
    const hit = await runAction({ action: 'layer-cache', inputs, workspace: second });
    expect(hit.main.outputs).toMatchObject({ 'cache-hit': 'true', 'cache-matched-key': 'deps-v1' });
    expect(snapshot(join(second, 'deps'))).toEqual(snapshot(join(first, 'deps')));
    expect(hit.post?.log).toMatch(/not saved again/);

    const third = workspace();
    const partial = await runAction({
      action: 'layer-cache',
      inputs: { ...inputs, key: 'deps-v2' },
      workspace: third,
    });
    expect(partial.main.outputs).toMatchObject({ 'cache-hit': 'false', 'cache-matched-key': 'deps-v1' });
    writeFileSync(join(third, 'deps/gamma/empty.txt'), 'now with content');
    // The post step ran already in that run; run the save again as its own step to change the tree first.
    const saveRun = await runAction({
      action: 'layer-cache',
      inputs: { ...inputs, key: 'deps-v3', 'lookup-only': 'true' },
      workspace: third,
    });
    expect(saveRun.main.outputs['cache-matched-key']).toBe('deps-v2');
    const saved = JSON.parse(saveRun.post!.log.split('\n').find((l) => l.includes('"stage":"save"'))!);
    expect(saved.uploaded_layers).toBe(1);
    expect(saved.layers).toBeGreaterThan(1);
  });

  it('a cache under the key with a lost layer is a miss with a warning, and the post step replaces it', async () => {
    const repo = `${registry.host}/cache/corrupt`;
    const first = workspace();
    makeTree(join(first, 'deps'));
    const inputs = { 'cache-repository': repo, path: 'deps', key: 'corrupt-1' };
    await runAction({ action: 'layer-cache', inputs, workspace: first });
    // Lose the last layer from the registry's own storage (as a garbage collection gone wrong would).
    const store = new RegistryClient({ http: new HttpClient() }).repository(registry.host, 'cache/corrupt');
    const [tag] = await store.tags();
    const manifest = JSON.parse(Buffer.from((await store.getManifest(tag!)).bytes).toString()) as {
      layers: { digest: string }[];
    };
    const hex = manifest.layers.at(-1)!.digest.slice('sha256:'.length);
    rmSync(join(registry.dir, 'data/docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex), {
      recursive: true,
    });

    const second = workspace();
    cpSync(join(first, 'deps'), join(second, 'deps'), {
      recursive: true,
      preserveTimestamps: true,
      verbatimSymlinks: true,
    });
    const broken = await runAction({ action: 'layer-cache', inputs, workspace: second });
    expect(broken.main.exitCode).toBe(0);
    expect(broken.main.outputs['cache-hit']).toBe('false');
    expect(broken.main.annotations.map((a) => a.value).join('\n')).toMatch(/treated as a miss/);
    expect(broken.post?.summary).toMatch(/saved/);

    const third = workspace();
    const healed = await runAction({ action: 'layer-cache', inputs, workspace: third });
    expect(healed.main.outputs['cache-hit']).toBe('true');
    expect(snapshot(join(third, 'deps'))).toEqual(snapshot(join(second, 'deps')));
  });

  it('lookup-only reports the match without writing anything; fail-on-cache-miss fails a miss', async () => {
    const repo = `${registry.host}/cache/lookup`;
    const source = workspace();
    makeTree(join(source, 'deps'));
    await runAction({
      action: 'layer-cache',
      inputs: { 'cache-repository': repo, path: 'deps', key: 'k' },
      workspace: source,
    });
    const empty = workspace();
    const lookup = await runAction({
      action: 'layer-cache',
      inputs: { 'cache-repository': repo, path: 'deps', key: 'k', 'lookup-only': 'true' },
      workspace: empty,
    });
    expect(lookup.main.outputs['cache-hit']).toBe('true');
    expect(readdirSync(empty)).toEqual([]);

    const failing = await runAction({
      action: 'layer-cache',
      inputs: { 'cache-repository': repo, path: 'deps', key: 'other', 'fail-on-cache-miss': 'true' },
      workspace: empty,
    });
    expect(failing.main.exitCode).toBe(1);
    expect(failing.main.errors).toEqual([
      expect.stringMatching(/No cache for key other.*fail-on-cache-miss/),
    ]);
    expect(failing.post).toBeUndefined();
  });

  it('a registry that is down makes a miss with a warning, not a failure', async () => {
    const ws = workspace();
    makeTree(join(ws, 'deps'));
    const run = await runAction({
      action: 'layer-cache',
      inputs: { 'cache-repository': '127.0.0.1:9/cache/x', path: 'deps', key: 'k' },
      workspace: ws,
    });
    expect(run.main.exitCode).toBe(0);
    expect(run.main.outputs['cache-hit']).toBe('false');
    expect(run.main.annotations.map((a) => a.value).join('\n')).toMatch(/treated as a miss/);
    expect(run.post?.exitCode).toBe(0);
    expect(run.post?.annotations.map((a) => a.value).join('\n')).toMatch(/Cache not saved/);
  });

  it('with credentials: the password is masked and never printed; a wrong one is one clear error', async () => {
    const ws = workspace();
    makeTree(join(ws, 'deps'));
    const inputs = {
      'cache-repository': `${secured.host}/cache/auth`,
      path: 'deps',
      key: 'k',
      username: 'ci',
      password: 's3cret-Passw0rd',
    };
    const ok = await runAction({ action: 'layer-cache', inputs, workspace: ws });
    expect(ok.main.exitCode).toBe(0);
    expect(ok.post?.summary).toMatch(/saved/);
    expect(ok.masks).toContain('s3cret-Passw0rd');
    for (const step of ok.steps) expect(step.leaks).toEqual([]);

    const wrong = await runAction({
      action: 'layer-cache',
      inputs: { ...inputs, password: 'wrong-Passw0rd' },
      workspace: ws,
    });
    expect(wrong.main.exitCode).toBe(1);
    expect(wrong.main.errors).toEqual([expect.stringMatching(/refused the credentials of user 'ci'/)]);
    expect(wrong.main.leaks).toEqual([]);
    expect(wrong.main.log).not.toContain('wrong-Passw0rd');
  });

  it('without cache-repository falls back to @actions/cache, which says when the service is unavailable', async () => {
    const ws = workspace();
    makeTree(join(ws, 'deps'));
    const run = await runAction({ action: 'layer-cache', inputs: { path: 'deps', key: 'k' }, workspace: ws });
    expect(run.main.exitCode).toBe(0);
    expect(run.main.outputs['cache-hit']).toBe('false');
    expect(run.main.annotations.map((a) => a.value).join('\n')).toMatch(
      /GitHub's cache service is not available/,
    );
    expect(run.post?.annotations.map((a) => a.value).join('\n')).toMatch(
      /Not saved: GitHub's cache service is not available/,
    );
  });
});

describe('the CLI (gantry layer-cache)', () => {
  it('lookup-only then save: the way to save after a failed job, as the save: always error advises', async () => {
    const { cli } = await import('../../src/cli/cli.js');
    const ws = workspace();
    makeTree(join(ws, 'deps'));
    const repo = `${registry.host}/cache/cli`;
    const args = [
      'layer-cache',
      '--cache-repository',
      repo,
      '--path',
      'deps',
      '--key',
      'after-failure',
      '--lookup-only',
      'true',
    ];
    const env = { ...process.env, GITHUB_WORKSPACE: ws, GITHUB_RUN_ID: '77' };
    const written: string[] = [];
    const stdout = process.stdout.write.bind(process.stdout);
    const stderr = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string) =>
      written.push(String(chunk)) > 0) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) =>
      written.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      expect(await cli(args, env)).toBe(0);
    } finally {
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    }
    expect(written.join('')).toMatch(/"cache-hit": "false"/);
    const store = new RegistryClient({ http: new HttpClient() }).repository(registry.host, 'cache/cli');
    const tags = await store.tags();
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatch(/\.after-failure$/);
  });
});

describe('buildx mode through the runner', () => {
  async function seedRef(repository: string, tag: string): Promise<void> {
    const repo = new RegistryClient({ http: new HttpClient() }).repository(registry.host, repository);
    const config = Buffer.from('{}');
    const digest = `sha256:${(await import('node:crypto')).createHash('sha256').update(config).digest('hex')}`;
    await repo.pushBlob({ mediaType: 'application/vnd.oci.empty.v1+json', digest, size: 2 }, config);
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.buildkit.cacheconfig.v0', digest, size: 2 },
      layers: [],
    };
    await repo.putManifest(Buffer.from(JSON.stringify(manifest)), manifest.mediaType, tag);
  }

  it('a push to a branch reads its own and the default branch cache, and writes its own', async () => {
    await seedRef('cache/buildx', 'linux.main');
    const run = await runAction({
      action: 'layer-cache',
      inputs: { mode: 'buildx', 'cache-repository': `${registry.host}/cache/buildx`, scope: 'linux' },
      env: { GITHUB_REF: 'refs/heads/feature/login', GITHUB_EVENT_NAME: 'push' },
      event: { name: 'push', payload: { repository: { default_branch: 'main', full_name: 'acme/service' } } },
    });
    expect(run.main.exitCode).toBe(0);
    expect(run.main.outputs['cache-from']).toBe(`type=registry,ref=${registry.host}/cache/buildx:linux.main`);
    expect(run.main.outputs['cache-to']).toBe(
      `type=registry,ref=${registry.host}/cache/buildx:linux.feature_2flogin,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`,
    );
    expect(run.main.summary).toMatch(/linux\.feature\\_2flogin/);
    expect(run.post?.exitCode ?? 0).toBe(0);
  });

  it('a registry that cannot be reached: no cache-from, cache-to as planned, a warning, and the build goes on', async () => {
    const run = await runAction({
      action: 'layer-cache',
      inputs: { mode: 'buildx', 'cache-repository': '127.0.0.1:9/cache/down' },
      env: { GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'push' },
    });
    expect(run.main.exitCode).toBe(0);
    expect(run.main.outputs['cache-from']).toBe('');
    expect(run.main.outputs['cache-to']).toMatch(
      /^type=registry,ref=127\.0\.0\.1:9\/cache\/down:main,mode=max/,
    );
    expect(run.main.annotations.map((a) => a.value).join('\n')).toMatch(/Cache refs not checked/);
  });

  it('a pull request from a fork reads branch, base and default caches and writes none', async () => {
    await seedRef('cache/fork', 'feature-x');
    await seedRef('cache/fork', 'release_2f1');
    const run = await runAction({
      action: 'layer-cache',
      inputs: { mode: 'buildx', 'cache-repository': `${registry.host}/cache/fork` },
      env: {
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_HEAD_REF: 'feature-x',
        GITHUB_BASE_REF: 'release/1',
      },
      event: {
        name: 'pull_request',
        payload: {
          repository: { default_branch: 'main', full_name: 'acme/service' },
          pull_request: {
            head: { repo: { full_name: 'stranger/service' } },
            base: { repo: { full_name: 'acme/service' } },
          },
        },
      },
    });
    expect(run.main.outputs['cache-from']?.split('\n')).toEqual([
      `type=registry,ref=${registry.host}/cache/fork:feature-x`,
      `type=registry,ref=${registry.host}/cache/fork:release_2f1`,
    ]);
    expect(run.main.outputs['cache-to']).toBe('');
    expect(run.main.summary).toMatch(/fork/);
  });
});

describe('bad input: one clear error naming the input', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['an unknown mode', { mode: 'zip' }, /Input 'mode': got "zip"; expected one of buildx, paths, prune/],
    [
      'buildx without a repository',
      { mode: 'buildx' },
      /Input 'cache-repository' is required in mode 'buildx'/,
    ],
    [
      'buildx with a layout directory',
      { mode: 'buildx', 'cache-repository': 'oci-layout:./x' },
      /BuildKit cannot use an oci-layout/,
    ],
    [
      'a repository with a tag',
      { mode: 'buildx', 'cache-repository': 'ghcr.io/a/b:v1' },
      /without a tag or digest/,
    ],
    [
      'a malformed repository',
      { mode: 'buildx', 'cache-repository': 'ghcr.io/A B' },
      /Input 'cache-repository'/,
    ],
    ['paths without path', { key: 'k' }, /Input 'path' is required in mode 'paths'/],
    ['paths without key', { path: 'deps' }, /Input 'key' is required in mode 'paths'/],
    [
      'a key with a comma',
      { path: 'deps', key: 'a,b' },
      /Input 'key': got "a,b"; expected a key without commas/,
    ],
    [
      'a restore key too long',
      { path: 'deps', key: 'k', 'restore-keys': 'x'.repeat(600) },
      /Input 'restore-keys'.*at most 512/,
    ],
    ['only exclusions', { path: '!deps', key: 'k' }, /at least one path that is not an !exclusion/],
    ['save: always', { path: 'deps', key: 'k', save: 'always' }, /Input 'save': 'always' cannot be honoured/],
    [
      'an unknown compression',
      { path: 'deps', key: 'k', compression: 'xz' },
      /Input 'compression': got "xz"; expected one of zstd, gzip/,
    ],
    ['a bad boolean', { path: 'deps', key: 'k', 'lookup-only': 'yes' }, /Input 'lookup-only': got "yes"/],
    [
      'a username without password',
      { path: 'deps', key: 'k', username: 'u' },
      /'username' and 'password' go together/,
    ],
    [
      'prune without limits',
      { mode: 'prune', 'cache-repository': 'ghcr.io/a/b' },
      /needs 'keep-last'.*'max-age'/,
    ],
    [
      'prune with keep-last 0',
      { mode: 'prune', 'cache-repository': 'ghcr.io/a/b', 'keep-last': '0' },
      /Input 'keep-last': got "0"; expected an integer >= 1/,
    ],
    [
      'prune with a bad max-age',
      { mode: 'prune', 'cache-repository': 'ghcr.io/a/b', 'max-age': 'soon' },
      /Input 'max-age': got "soon"; expected a duration/,
    ],
  ];
  it.each(cases)('%s', async (_what, inputs, message) => {
    const run = await runAction({ action: 'layer-cache', inputs, post: false });
    expect(run.main.exitCode).toBe(1);
    expect(run.main.errors).toEqual([expect.stringMatching(message)]);
    expect(run.main.stdout).not.toMatch(/\n\s+at /);
  });
});
