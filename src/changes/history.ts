import { type Git, GitError, splitNul } from '../git/index.js';
import { EMPTY_TREE_SHA1, EMPTY_TREE_SHA256 } from './constants.js';
import { type ChangedFile, parseNameStatus } from './diff.js';
import { decodePath } from './paths.js';

/** git diff as the action reads it: raw names (-z), every path root-relative, submodules included, no user diff drivers. */
const DIFF = [
  'diff',
  '--no-ext-diff',
  '--no-textconv',
  '--no-relative',
  '--ignore-submodules=none',
  '--name-status',
  '-z',
  '--find-renames',
];

/**
 * How far history is grown per round: depth d, then 16d, 256d, … (one fetch per round). A round is
 * commits and trees only (no blobs), so a deep round costs little next to a round trip, and a
 * branch 1,000 commits from its base is found in the second round.
 */
export const DEEPEN_FACTOR = 16;
const MAX_ROUNDS = 4;

export const HEX_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
export const SHORT_SHA = /^[0-9a-f]{7,63}$/i;

/**
 * git cannot reach the remote at all (no credentials in the checkout, a network failure): unlike a
 * refused SHA, this says nothing about whether a commit is gone, so it is never read as a force push.
 */
export class RemoteUnreachableError extends Error {
  override name = 'RemoteUnreachableError';
  constructor(
    readonly remote: string,
    /** git's own message for the failed fetch, without credentials. */
    readonly detail: string,
  ) {
    super(`git cannot fetch from the remote '${remote}' (${detail})`);
  }
}

/** The last line git printed that says something, with any user:password@ taken out of URLs. */
function gitMessage(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.findLast((l) => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? 'no message';
  return line.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1');
}

/**
 * The local checkout's history, grown only as far as an answer needs. actions/checkout leaves one
 * commit with no parents; every question here (is this commit here, where do two lines meet, which
 * tag came before) fetches by SHA, without file contents, deepening geometrically.
 */
export class History {
  private depth = 0;
  /** Whether the clone was shallow when first asked: it decides how every fetch is made. */
  private shallowClone?: boolean;
  /** Whether the remote answers at all, asked once, after the first failed fetch. */
  private reachable?: boolean;

  constructor(
    readonly git: Git,
    private readonly initialDepth: number,
    private readonly remote = 'origin',
  ) {}

  async hasRemote(): Promise<boolean> {
    return this.git.succeeds(['remote', 'get-url', this.remote]);
  }

  async isShallow(): Promise<boolean> {
    return (await this.git.text(['rev-parse', '--is-shallow-repository'])) === 'true';
  }

  /** The commit a name resolves to locally, or undefined. */
  async resolve(name: string): Promise<string | undefined> {
    const result = await this.git.run(
      ['rev-parse', '--verify', '--quiet', '--end-of-options', `${name}^{commit}`],
      {
        okCodes: [1, 128],
      },
    );
    return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
  }

  async hasCommit(sha: string): Promise<boolean> {
    return (await this.resolve(sha)) === sha.toLowerCase();
  }

  /**
   * One fetch without tags; returns false when the remote refused (e.g. an unknown SHA). In a
   * shallow clone (CI) it is blob-less and depth-limited; a complete clone (a laptop) gets whole
   * history, so the action never turns it shallow or partial. A remote that does not answer at all
   * (no credentials, no network) is a RemoteUnreachableError, never a `false`.
   */
  async fetch(wants: string[], depth: { depth?: number; deepen?: number } = {}): Promise<boolean> {
    const args = [
      'fetch',
      '--no-tags',
      '--no-write-fetch-head',
      '--no-recurse-submodules',
      '--no-auto-maintenance',
      '--quiet',
    ];
    this.shallowClone ??= await this.isShallow();
    if (this.shallowClone) {
      args.push('--filter=blob:none');
      if (depth.depth) args.push(`--depth=${depth.depth}`);
      if (depth.deepen) args.push(`--deepen=${depth.deepen}`);
    }
    const result = await this.git.run([...args, this.remote, ...wants], { okCodes: [1, 128] });
    if (result.code === 0) return true;
    if (!(await this.remoteAnswers()))
      throw new RemoteUnreachableError(this.remote, gitMessage(result.stderr));
    return false;
  }

  /** One `ls-remote` (no objects): a failed fetch then means "not there", or "cannot reach". */
  private async remoteAnswers(): Promise<boolean> {
    this.reachable ??= await this.git.succeeds(['ls-remote', '--quiet', this.remote, 'HEAD']);
    return this.reachable;
  }

  /** Make sure each commit is present (one fetch for all that are missing), history depth 1. */
  async ensureCommits(shas: string[]): Promise<string[]> {
    const missing: string[] = [];
    for (const sha of shas) if (!(await this.hasCommit(sha))) missing.push(sha);
    if (missing.length === 0) return [];
    if (await this.fetch(missing, { depth: 1 })) return [];
    // One of them is gone from the remote: find out which.
    const gone: string[] = [];
    for (const sha of missing) if (!(await this.fetch([sha], { depth: 1 }))) gone.push(sha);
    return gone;
  }

  /**
   * Fetch `wants` with history until `answer` returns a value: depth d, then DEEPEN_FACTOR (16)
   * times deeper per round, at most MAX_ROUNDS rounds and then the whole history. Returns undefined
   * when the full history holds no answer.
   */
  async deepenUntil<T>(wants: string[], answer: () => Promise<T | undefined>): Promise<T | undefined> {
    const first = await answer();
    if (first !== undefined) return first;
    if (!(await this.isShallow())) {
      // Complete history: one fetch of whatever is missing, and the answer is final.
      if (await this.hasRemote()) await this.fetch(wants);
      return answer();
    }
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (this.depth > 0 && !(await this.isShallow())) return undefined;
      const next = this.depth === 0 ? this.initialDepth : this.depth * DEEPEN_FACTOR;
      const ok =
        this.depth === 0
          ? await this.fetch(wants, { depth: next })
          : await this.fetch(wants, { deepen: next - this.depth });
      if (!ok) throw new GitError(['fetch', this.remote, ...wants], 128, 'the remote refused the fetch');
      this.depth = next;
      const found = await answer();
      if (found !== undefined) return found;
    }
    if (await this.isShallow()) {
      await this.git.run([
        'fetch',
        '--no-tags',
        '--no-write-fetch-head',
        '--no-auto-maintenance',
        '--filter=blob:none',
        '--quiet',
        '--unshallow',
        this.remote,
        ...wants,
      ]);
    }
    return answer();
  }

  /** The merge-base, or undefined while there is none in the history at hand (or a commit is missing). */
  async mergeBase(a: string, b: string): Promise<string | undefined> {
    const result = await this.git.run(['merge-base', a, b], { okCodes: [1, 128] });
    return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
  }

  /** The merge-base of base and head, fetching history from the remote as needed. */
  async findMergeBase(base: string, head: string): Promise<string | undefined> {
    return this.deepenUntil([base, head], () => this.mergeBase(base, head));
  }

  /**
   * The merge-base of head and a branch of the remote that is not here: the branch's tip is fetched
   * in the same rounds as the history, not in a fetch of its own.
   */
  async findMergeBaseWithBranch(
    branch: string,
    head: string,
  ): Promise<{ tip: string; mergeBase: string } | undefined> {
    const local = `refs/remotes/${this.remote}/${branch}`;
    let tip: string | undefined;
    const mergeBase = await this.deepenUntil([`+refs/heads/${branch}:${local}`, head], async () => {
      tip = await this.resolve(local);
      return tip ? this.mergeBase(tip, head) : undefined;
    });
    return tip && mergeBase ? { tip, mergeBase } : undefined;
  }

  /** A commit's parents as its object records them (shallow grafts hide them from rev-list). */
  async parents(sha: string): Promise<string[]> {
    const body = await this.git.text(['cat-file', 'commit', sha]);
    const parents: string[] = [];
    for (const line of body.split('\n')) {
      if (line === '') break;
      if (line.startsWith('parent ')) parents.push(line.slice('parent '.length));
    }
    return parents;
  }

  /** The remote's default branch (for payloads that do not name it, such as schedule). */
  async remoteDefaultBranch(): Promise<string | undefined> {
    const result = await this.git.run(['ls-remote', '--symref', this.remote, 'HEAD'], {
      okCodes: [1, 2, 128],
    });
    const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(result.stdout.toString('utf8'));
    return match?.[1];
  }

  /** The nearest tag reachable from head's parent, fetching tags and history as needed. */
  async previousTag(head: string): Promise<{ tag: string; sha: string } | undefined> {
    const wants = ['+refs/tags/*:refs/tags/*', head];
    const describe = async () => {
      const result = await this.git.run(['describe', '--tags', '--abbrev=0', `${head}^`], { okCodes: [128] });
      return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
    };
    if ((await this.parents(head)).length === 0) return undefined;
    const tag = await this.deepenUntil(wants, describe);
    if (!tag) return undefined;
    return { tag, sha: (await this.resolve(`refs/tags/${tag}`))! };
  }

  emptyTree(head: string): string {
    return head.length === 64 ? EMPTY_TREE_SHA256 : EMPTY_TREE_SHA1;
  }

  /** Committed changes from base to head (two-dot), renames and copies detected. */
  async diff(base: string, head: string): Promise<ChangedFile[]> {
    const output = await this.git.run([...DIFF, '--find-copies', base, head, '--']);
    return parseNameStatus(output.stdout);
  }

  /** Uncommitted changes against HEAD: tracked changes plus untracked files (as added). */
  async diffWorkingTree(): Promise<ChangedFile[]> {
    const tracked = await this.git.run([...DIFF, 'HEAD', '--']);
    const untracked = await this.git.run(['ls-files', '--others', '--exclude-standard', '-z', '--full-name']);
    return [
      ...parseNameStatus(tracked.stdout),
      ...splitNul(untracked.stdout).map((bytes) => ({ status: 'added' as const, path: decodePath(bytes) })),
    ];
  }
}
