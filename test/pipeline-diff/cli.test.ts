/**
 * `gantry pipeline-diff --base/--head` on a real repository holding the real lockfile pairs of
 * ../shared/corpus/lockfiles (before at one commit, after at the next): each pair's upgrade, as its
 * commit message names it, comes out; and `--from/--to` over records, including bad ones.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import type { PipelineDiff } from '../../src/pipeline-diff/diff.js';
import { pipelineDiffCommand } from '../../src/pipeline-diff/cli.js';
import { Scenario } from '../support/git-scenarios.js';

const CORPUS = '/work/shared/corpus/lockfiles';
const PAIRS: [string, string, string][] = [
  [
    'npm/checkout-b6849436/package-lock.json',
    'npm/checkout-db0cee9a/package-lock.json',
    'web/package-lock.json',
  ],
  ['yarn-classic/webpack-51b8f339/yarn.lock', 'yarn-classic/webpack-6c843b6f/yarn.lock', 'webpack/yarn.lock'],
  ['yarn-berry/prettier-9308a1ea/yarn.lock', 'yarn-berry/prettier-f33bc684/yarn.lock', 'prettier/yarn.lock'],
  ['pnpm/core-733f63a0/pnpm-lock.yaml', 'pnpm/core-e3713c04/pnpm-lock.yaml', 'vue/pnpm-lock.yaml'],
  ['go/cli-22c1da07/go.sum', 'go/cli-fbdf0ccb/go.sum', 'gh/go.sum'],
  ['go/cli-22c1da07/go.mod', 'go/cli-fbdf0ccb/go.mod', 'gh/go.mod'],
  ['cargo/bat-7cb21264/Cargo.lock', 'cargo/bat-1cf12d49/Cargo.lock', 'bat/Cargo.lock'],
  ['poetry/poetry-f3d239ba/poetry.lock', 'poetry/poetry-4a8031f6/poetry.lock', 'poetry/poetry.lock'],
  ['uv/pydantic-4ed89038/uv.lock', 'uv/pydantic-ec9962dc/uv.lock', 'pydantic/uv.lock'],
  [
    'bundler/brew-f90fce5d/Library/Homebrew/Gemfile.lock',
    'bundler/brew-6342554b/Library/Homebrew/Gemfile.lock',
    'brew/Gemfile.lock',
  ],
];
/** The commit messages' own bumps (EXPECTED.md, "Oracle"): file -> package, from, to. */
const ORACLE: [string, string, string, string][] = [
  ['web/package-lock.json', 'typescript', '5.4.5', '5.5.4'],
  ['web/package-lock.json', 'eslint-plugin-jest', '28.5.0', '28.8.2'],
  ['webpack/yarn.lock', 'lint-staged', '17.2.0', '17.3.0'],
  ['webpack/yarn.lock', 'pkg-pr-new', '0.0.82', '0.0.86'],
  ['gh/go.sum', 'github.com/sigstore/sigstore-go', 'v0.6.1', 'v0.6.2'],
  ['bat/Cargo.lock', 'gix', '0.85.0', '0.86.0'],
  ['pydantic/uv.lock', 'cryptography', '48.0.1', '50.0.0'],
  ['brew/Gemfile.lock', 'rubocop-rspec', '3.9.0', '3.10.2'],
  ['brew/Gemfile.lock', 'simplecov-cobertura', '3.1.0', '3.2.0'],
];

const io = (cwd: string) => {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { cwd, stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) },
  };
};

let repo: Scenario;
let base: string;
let head: string;

beforeAll(() => {
  repo = new Scenario();
  const read = (p: string) => readFileSync(join(CORPUS, p));
  base = repo.commit('before', Object.fromEntries(PAIRS.map(([b, , to]) => [to, read(b)])));
  head = repo.commit('after', Object.fromEntries(PAIRS.map(([, a, to]) => [to, read(a)])));
});
afterAll(() => repo?.cleanup());

describe('gantry pipeline-diff --base --head', () => {
  it('finds every corpus pair upgrade its commit message names, per lockfile', async () => {
    const { out, io: cliIo } = io(repo.origin);
    const diffFile = join(mkdtempSync(join(tmpdir(), 'pdiff-cli-')), 'diff.json');
    const code = await pipelineDiffCommand(
      ['--base', base, '--head', 'HEAD', '--json', '--no-resolve', '--diff-file', diffFile],
      {},
      cliIo,
    );
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
    const diff = JSON.parse(out.stdout) as PipelineDiff;
    expect(JSON.parse(readFileSync(diffFile, 'utf8'))).toEqual(diff);
    expect(diff.head.sha).toBe(head);
    for (const [file, name, from, to] of ORACLE) {
      const change = diff.dependencies.find((d) => d.file === file && d.name === name);
      expect(change, `${file} ${name}`).toBeDefined();
      expect(change!.before, `${file} ${name}`).toContain(from);
      expect(change!.after, `${file} ${name}`).toContain(to);
    }
    // pnpm: npm-run-all replaced by npm-run-all2.
    expect(diff.dependencies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'vue/pnpm-lock.yaml', name: 'npm-run-all', kind: 'removed' }),
        expect.objectContaining({ file: 'vue/pnpm-lock.yaml', name: 'npm-run-all2', kind: 'added' }),
      ]),
    );
    expect(diff.lockfiles).toEqual([]);
    expect(Object.keys(diff.code!.directories).sort()).toEqual(
      PAIRS.map(([, , to]) => to.split('/')[0])
        .filter((d, i, a) => a.indexOf(d) === i)
        .sort(),
    );
  });

  it('refuses a base that is not a commit, and one that looks like an option', async () => {
    for (const bad of ['no-such-branch', '--upload-pack=evil']) {
      const { out, io: cliIo } = io(repo.origin);
      expect(await pipelineDiffCommand([`--base=${bad}`, '--head', head, '--no-resolve'], {}, cliIo)).toBe(2);
      expect(out.stderr).toMatch(/^error: --base "/);
    }
  });
});

describe('gantry pipeline-diff --from --to', () => {
  it('diffs two records written by --json, through the gantry command; bad files are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdiff-cli-'));
    const record = (sha: string, env: Record<string, string>) => ({
      kind: 'gantry-pipeline-record',
      v: 1,
      branch: 'main',
      run: sha,
      attempt: 1,
      time: 1,
      sha,
      ref: 'refs/heads/main',
      event: 'push',
      workflow: '',
      files: {},
      uses: { 'a/b@v1': { commit: sha.repeat(40).slice(0, 40), from: ['x.yml'] } },
      lockfiles: {},
      images: {},
      runner: {},
      toolchain: { node: sha === 'a' ? 'v24.1.0' : 'v24.2.0' },
      config: { env, vars: {} },
    });
    writeFileSync(join(dir, 'a.json'), JSON.stringify(record('a', { X: 'sha256:1' })));
    writeFileSync(join(dir, 'b.json.gz'), gzipSync(JSON.stringify(record('b', { X: 'sha256:2' }))));
    const written: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((t: string) => written.push(t) > 0) as typeof process.stdout.write;
    let code: number;
    try {
      code = await cli(['pipeline-diff', '--from', join(dir, 'a.json'), '--to', join(dir, 'b.json.gz')], {});
    } finally {
      process.stdout.write = write;
    }
    expect(code).toBe(0);
    const summary = written.join('');
    expect(summary).toContain('## What changed since the last green run');
    expect(summary).toMatch(/Moved action tags[\s\S]*`a\/b@v1`/);
    expect(summary).toContain('| node | v24.1.0 | v24.2.0 |');
    expect(summary).toContain('| `env.X` | changed |');
    writeFileSync(join(dir, 'bad.json'), '{"kind":"gantry-pipeline-record","v":1}');
    for (const [file, message] of [
      [join(dir, 'bad.json'), /--to .*bad\.json: not a pipeline-diff record/],
      [join(dir, 'missing.json'), /--to .*missing\.json: cannot be read \(ENOENT\)/],
    ] as const) {
      const { out, io: cliIo } = io(dir);
      expect(await pipelineDiffCommand(['--from', join(dir, 'a.json'), '--to', file], {}, cliIo)).toBe(2);
      expect(out.stderr).toMatch(message);
    }
    const { out, io: cliIo } = io(dir);
    expect(await pipelineDiffCommand(['--from', join(dir, 'a.json'), '--head', 'x'], {}, cliIo)).toBe(2);
    expect(out.stderr).toMatch(/give either --base and --head, or --from and --to/);
  });
});
