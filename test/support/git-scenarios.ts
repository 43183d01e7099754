/**
 * Real git repositories for the changes action's tests: an origin served over file:// (with the
 * options GitHub's servers have: partial-clone filters, fetch by SHA), and depth-1 clones made
 * exactly the way actions/checkout makes them. Commits get fixed authors and increasing dates so
 * every run builds the same history.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const GIT_ENV: Record<string, string> = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Scenario Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Scenario Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  GIT_TERMINAL_PROMPT: '0',
};

export const ZERO_SHA = '0'.repeat(40);

export function git(
  cwd: string,
  args: string[],
  options: { input?: string | Buffer; env?: Record<string, string> } = {},
): string {
  return execFileSync('git', args, {
    cwd,
    input: options.input,
    env: { ...process.env, ...GIT_ENV, ...options.env },
    maxBuffer: 256 << 20,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
    .toString('utf8')
    .trim();
}

export type FileContent = string | Buffer | { symlink: string } | null;

export interface ScenarioOptions {
  objectFormat?: 'sha1' | 'sha256';
  defaultBranch?: string;
}

export class Scenario {
  readonly root: string;
  /** The origin repository (non-bare: commits are made in it directly). */
  readonly origin: string;
  readonly defaultBranch: string;
  readonly objectFormat: 'sha1' | 'sha256';
  private time = 1_700_000_000;
  private clones = 0;

  constructor(options: ScenarioOptions = {}) {
    this.root = mkdtempSync(join(tmpdir(), 'gantry-git-'));
    this.origin = join(this.root, 'origin');
    this.defaultBranch = options.defaultBranch ?? 'main';
    this.objectFormat = options.objectFormat ?? 'sha1';
    mkdirSync(this.origin);
    this.git(['init', '-q', `--object-format=${this.objectFormat}`, '-b', this.defaultBranch]);
    // What GitHub's servers allow: blob-less fetches, and any reachable commit fetched by SHA.
    this.git(['config', 'uploadpack.allowFilter', 'true']);
    this.git(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
    this.git(['config', 'receive.denyCurrentBranch', 'ignore']);
  }

  get url(): string {
    return `file://${this.origin}`;
  }

  git(args: string[], options: { input?: string | Buffer } = {}): string {
    return git(this.origin, args, { ...options, env: this.dates() });
  }

  private dates(): Record<string, string> {
    const date = `${this.time} +0000`;
    return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  }

  /** Write (or with null, delete) files in the origin's working tree. */
  write(files: Record<string, FileContent>): void {
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.origin, path);
      rmSync(full, { force: true, recursive: true });
      if (content === null) continue;
      mkdirSync(dirname(full), { recursive: true });
      if (typeof content === 'object' && !Buffer.isBuffer(content)) {
        execFileSync('ln', ['-s', content.symlink, full]);
      } else writeFileSync(full, content);
    }
  }

  /** Commit everything in the working tree (after writing `files`); returns the new commit. */
  commit(message: string, files: Record<string, FileContent> = {}): string {
    this.write(files);
    this.time += 60;
    this.git(['add', '-A']);
    this.git(['commit', '-q', '--allow-empty', '-m', message]);
    return this.head();
  }

  head(ref = 'HEAD'): string {
    return this.git(['rev-parse', `${ref}^{commit}`]);
  }

  branch(name: string, from = 'HEAD'): void {
    this.git(['branch', '-f', name, from]);
  }

  switch(name: string): void {
    this.git(['checkout', '-q', name]);
  }

  tag(name: string, ref = 'HEAD', annotated = true): string {
    this.time += 1;
    this.git(['tag', ...(annotated ? ['-a', '-m', name] : []), name, ref]);
    return this.head(name);
  }

  /** A merge commit of `branch` into the current branch (no fast-forward). */
  merge(branch: string, message = `Merge ${branch}`): string {
    this.time += 60;
    this.git(['merge', '-q', '--no-ff', '--no-edit', '-m', message, branch]);
    return this.head();
  }

  /**
   * `count` commits on `branch` on top of its tip, each changing one file under `dir`, written with
   * git fast-import so a thousand commits take a moment.
   */
  commitMany(branch: string, count: number, dir: string): string {
    const from = this.head(branch);
    let stream = '';
    for (let i = 1; i <= count; i++) {
      this.time += 1;
      const message = `${dir} change ${i}`;
      const content = `${i}\n`;
      stream += `commit refs/heads/${branch}\ncommitter Scenario Author <author@example.com> ${this.time} +0000\n`;
      stream += `data ${Buffer.byteLength(message)}\n${message}\n`;
      if (i === 1) stream += `from ${from}\n`;
      stream += `M 100644 inline ${dir}/file-${i % 50}.txt\ndata ${Buffer.byteLength(content)}\n${content}\n`;
    }
    this.git(['fast-import', '--quiet'], { input: stream });
    const current = this.git(['rev-parse', '--abbrev-ref', 'HEAD']);
    if (current === branch) this.git(['reset', '-q', '--hard', branch]);
    return this.head(branch);
  }

  /** Move a branch (a force push) and make the old commits unreachable and gone, as after GitHub's GC. */
  forceMove(branch: string, to: string): void {
    const current = this.git(['rev-parse', '--abbrev-ref', 'HEAD']);
    if (current === branch) this.git(['reset', '-q', '--hard', to]);
    else this.branch(branch, to);
    this.git(['reflog', 'expire', '--expire=now', '--all']);
    this.git(['gc', '-q', '--prune=now']);
  }

  /** refs/pull/N/head and refs/pull/N/merge, as GitHub creates them for a pull request. */
  pullRequest(number: number, head: string, base: string): { head: string; merge: string; base: string } {
    const headSha = this.head(head);
    const baseSha = this.head(base);
    const tree = this.git(['merge-tree', '--write-tree', baseSha, headSha]).split('\n')[0]!;
    this.time += 60;
    const merge = git(
      this.origin,
      ['commit-tree', tree, '-p', baseSha, '-p', headSha, '-m', `Merge ${headSha} into ${baseSha}`],
      {
        env: this.dates(),
      },
    );
    this.git(['update-ref', `refs/pull/${number}/head`, headSha]);
    this.git(['update-ref', `refs/pull/${number}/merge`, merge]);
    return { head: headSha, merge, base: baseSha };
  }

  /**
   * A clone as actions/checkout makes it (fetch-depth 1): init, remote, one fetch of one commit
   * with --depth=1, checkout. `ref` is the ref it was fetched as: refs/heads/X, refs/tags/X or
   * refs/pull/N/merge.
   */
  checkout(
    sha: string,
    ref = `refs/heads/${this.defaultBranch}`,
    options: { fetchDepth?: number } = {},
  ): string {
    const dir = join(this.root, `workspace-${++this.clones}`);
    mkdirSync(dir);
    git(dir, ['init', '-q', `--object-format=${this.objectFormat}`]);
    git(dir, ['remote', 'add', 'origin', this.url]);
    const depth = options.fetchDepth ?? 1;
    const fetchDepth = depth > 0 ? [`--depth=${depth}`] : [];
    // Where actions/checkout puts what it fetched, and what it checks out.
    const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
    const localRef = branch
      ? `refs/remotes/origin/${branch}`
      : ref.startsWith('refs/tags/')
        ? ref
        : ref.replace(/^refs\//, 'refs/remotes/');
    git(dir, [
      'fetch',
      '--no-tags',
      '--prune',
      '--no-recurse-submodules',
      ...fetchDepth,
      'origin',
      `+${sha}:${localRef}`,
    ]);
    git(dir, ['checkout', '-q', '--force', ...(branch ? ['-B', branch] : []), localRef]);
    return dir;
  }

  /** A second repository to use as a submodule of the origin. */
  submoduleRepo(name: string): Scenario {
    const sub = new Scenario({ objectFormat: this.objectFormat, defaultBranch: 'main' });
    sub.commit(`${name} first`, { 'lib.txt': 'one\n' });
    return sub;
  }

  addSubmodule(path: string, sub: Scenario): string {
    this.git(['-c', 'protocol.file.allow=always', 'submodule', '-q', 'add', sub.url, path]);
    return this.commit(`add submodule ${path}`);
  }

  /** Point the submodule at `sha` and commit the new gitlink. */
  moveSubmodule(path: string, sha: string): string {
    git(join(this.origin, path), ['-c', 'protocol.file.allow=always', 'fetch', '-q', 'origin']);
    git(join(this.origin, path), ['checkout', '-q', sha]);
    return this.commit(`move submodule ${path}`);
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Event payloads shaped like GitHub's (only the fields the action reads, plus a few around them). */
export const events = {
  push(options: {
    before: string;
    after: string;
    ref: string;
    defaultBranch?: string;
    created?: boolean;
    deleted?: boolean;
    forced?: boolean;
  }) {
    return {
      name: 'push',
      payload: {
        ref: options.ref,
        before: options.before,
        after: options.after,
        created: options.created ?? /^0+$/.test(options.before),
        deleted: options.deleted ?? false,
        forced: options.forced ?? false,
        base_ref: null,
        compare: 'https://github.com/acme/service/compare/x...y',
        commits: [],
        repository: { full_name: 'acme/service', default_branch: options.defaultBranch ?? 'main' },
      },
    };
  },
  pullRequest(options: {
    number: number;
    base: string;
    baseRef?: string;
    head: string;
    headRef?: string;
    changedFiles?: number;
    name?: string;
  }) {
    return {
      name: options.name ?? 'pull_request',
      payload: {
        action: 'synchronize',
        number: options.number,
        pull_request: {
          number: options.number,
          state: 'open',
          changed_files: options.changedFiles,
          base: { sha: options.base, ref: options.baseRef ?? 'main', repo: { full_name: 'acme/service' } },
          head: {
            sha: options.head,
            ref: options.headRef ?? 'feature',
            repo: { full_name: 'acme/service', fork: false },
          },
        },
        repository: { full_name: 'acme/service', default_branch: 'main' },
      },
    };
  },
  mergeGroup(options: { baseSha: string; headSha: string }) {
    return {
      name: 'merge_group',
      payload: {
        action: 'checks_requested',
        merge_group: {
          base_sha: options.baseSha,
          head_sha: options.headSha,
          base_ref: 'refs/heads/main',
          head_ref: 'refs/heads/gh-readonly-queue/main/pr-1',
        },
        repository: { full_name: 'acme/service', default_branch: 'main' },
      },
    };
  },
  /** workflow_dispatch, schedule (no default_branch in its payload) or workflow_run. */
  other(name: 'workflow_dispatch' | 'schedule' | 'workflow_run', options: { defaultBranch?: string } = {}) {
    if (name === 'schedule') return { name, payload: { schedule: '0 3 * * *' } };
    return {
      name,
      payload: {
        ref: undefined,
        repository: { full_name: 'acme/service', default_branch: options.defaultBranch ?? 'main' },
      },
    };
  },
};

/** GIT_TRACE2_EVENT output: how many git processes ran, and how many upload-pack sessions (network fetches) the origin served. */
export function traceCounts(traceFile: string): { processes: number; networkFetches: number } {
  let text = '';
  try {
    text = readFileSync(traceFile, 'utf8');
  } catch {
    return { processes: 0, networkFetches: 0 };
  }
  let processes = 0;
  let networkFetches = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    const event = JSON.parse(line) as { event: string; argv?: string[] };
    if (event.event !== 'start') continue;
    processes += 1;
    if (event.argv?.some((arg) => arg === 'upload-pack' || arg.endsWith('git-upload-pack')))
      networkFetches += 1;
  }
  return { processes, networkFetches };
}
