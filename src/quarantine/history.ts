import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Clock } from '../net/clock.js';
import { ConfigurationError } from '../runtime/errors.js';
import { GitError, type Git } from '../git/index.js';
import type { TestResult } from './results.js';

/**
 * One run's per-test outcomes, as stored. Compact: skipped tests are left out, outcomes are one
 * letter, each test points at its file by index, and the file's content hash lets detection tell a
 * flip on unchanged code (flaky) from a flip after an edit (a fix or a regression).
 */
export interface RunRecord {
  v: 1;
  run: string;
  attempt: number;
  sha: string;
  branch: string;
  /** Milliseconds since the epoch. */
  time: number;
  /** [path, content hash] for the files the tests live in. */
  files: [string, string][];
  /** id -> outcome letter (P passed, F failed, K flaky: failed then passed) + optional file index. */
  tests: Record<string, string>;
}

export type Code = 'P' | 'F' | 'K';
const CODES: Record<string, Code> = { passed: 'P', failed: 'F', flaky: 'K' };

export interface RunInfo {
  run: string;
  attempt: number;
  sha: string;
  branch: string;
  time: number;
}

export function makeRecord(info: RunInfo, results: TestResult[], fileHashes: Map<string, string>): RunRecord {
  const files: [string, string][] = [];
  const fileIndex = new Map<string, number>();
  const tests: Record<string, string> = {};
  // Sorted ids share long prefixes (file, class), which is what makes the gzipped record small.
  for (const result of [...results].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const code = CODES[result.outcome];
    if (code === undefined) continue;
    let suffix = '';
    const file = sourceFileOf(result);
    const hash = fileHashes.get(file);
    if (hash !== undefined) {
      let index = fileIndex.get(file);
      if (index === undefined) {
        index = files.push([file, hash]) - 1;
        fileIndex.set(file, index);
      }
      suffix = String(index);
    }
    tests[result.id] = code + suffix;
  }
  return { v: 1, ...info, files, tests };
}

/**
 * The file a test lives in: its `file` attribute, else its classname, which vitest and mocha-style
 * reporters fill with the test file's path (a hash is only found when that path exists).
 */
export function sourceFileOf(test: Pick<TestResult, 'file' | 'classname'>): string {
  return test.file ?? test.classname;
}

/** Outcome and file hash of one test in one record. */
export function observe(record: RunRecord, id: string): { code: Code; fileHash?: string } | undefined {
  const value = record.tests[id];
  if (value === undefined) return undefined;
  const index = value.length > 1 ? Number(value.slice(1)) : undefined;
  return { code: value[0] as Code, fileHash: index === undefined ? undefined : record.files[index]?.[1] };
}

/** A record already encoded (gzipped JSON) in a file, as the run collector writes it. */
export type EncodedRecord = RunInfo & { path: string };

/** A record to store: in memory, or already encoded on disk. */
export type StoredRecord = RunRecord | EncodedRecord;

function isEncoded(record: StoredRecord): record is EncodedRecord {
  return 'path' in record;
}

export interface HistoryStore {
  readonly kind: 'cache' | 'branch' | 'dir';
  /** Records of this branch, oldest first, at most `window`. */
  load(branch: string, window: number): Promise<RunRecord[]>;
  /** Store this run's record and drop the branch's records beyond `window`. */
  append(record: StoredRecord, window: number): Promise<void>;
}

// File names sort by time; the branch is encoded so that '@' and '/' cannot occur in it.
export function recordFileName(record: RunInfo): string {
  const safeRun = record.run.replace(/[^A-Za-z0-9_.-]/g, '_');
  return `${encodeURIComponent(record.branch)}@${String(record.time).padStart(15, '0')}-${safeRun}-${record.attempt}${RECORD_SUFFIX}`;
}

function branchOfFileName(name: string): string | undefined {
  const at = name.indexOf('@');
  return at > 0 && name.endsWith(RECORD_SUFFIX) ? decodeURIComponent(name.slice(0, at)) : undefined;
}

const RECORD_SUFFIX = '.json.gz';

/** A record as stored: gzipped JSON. */
export function encodeRecord(record: RunRecord): Buffer {
  return gzipSync(JSON.stringify(record));
}

/** A damaged record is skipped, not fatal: history is advisory. */
export function parseRecord(bytes: Buffer): RunRecord | undefined {
  try {
    const value = JSON.parse(gunzipSync(bytes).toString('utf8')) as RunRecord;
    return value && value.v === 1 && typeof value.tests === 'object' && Array.isArray(value.files)
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

/** Names of this branch's records beyond the window (the oldest), given all stored names. */
function overflow(names: string[], branch: string, window: number): string[] {
  const mine = names.filter((name) => branchOfFileName(name) === branch).sort();
  return mine.slice(0, Math.max(0, mine.length - window));
}

function newest(names: string[], branch: string, window: number): string[] {
  return names
    .filter((name) => branchOfFileName(name) === branch)
    .sort()
    .slice(-window);
}

/** `history: dir`: one JSON file per run in a directory (the CLI, other CI systems, caches). */
export class DirHistory implements HistoryStore {
  readonly kind: 'dir' | 'cache' = 'dir';
  constructor(readonly dir: string) {}

  async load(branch: string, window: number): Promise<RunRecord[]> {
    const names = await readdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const records: RunRecord[] = [];
    for (const name of newest(names, branch, window)) {
      const record = parseRecord(await readFile(join(this.dir, name)));
      if (record) records.push(record);
    }
    return records;
  }

  async append(record: StoredRecord, window: number): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const name = recordFileName(record);
    // Write then rename: a reader never sees half a record.
    const temp = join(this.dir, `.${name}.tmp`);
    if (isEncoded(record)) await copyFile(record.path, temp);
    else await writeFile(temp, encodeRecord(record));
    await rename(temp, join(this.dir, name));
    for (const old of overflow(await readdir(this.dir), record.branch, window))
      await rm(join(this.dir, old), { force: true });
  }
}

/** The subset of @actions/cache the cache store uses (injected so the domain stays pure). */
export interface CacheClient {
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<number>;
}

/**
 * `history: cache`: the directory store kept in GitHub's cache service. Cache entries are immutable,
 * so every run saves the whole window under its own key and the next run restores the newest entry
 * by prefix: this branch's first, then any branch's (a pull request starts from its base's history).
 */
export class CacheHistory extends DirHistory {
  override readonly kind = 'cache' as const;
  restoredKey: string | undefined;

  constructor(
    dir: string,
    private readonly cache: CacheClient,
    private readonly run: { run: string; attempt: number },
    private readonly prefix = 'gantry-quarantine-v1-',
  ) {
    super(dir);
  }

  keyFor(branch: string): string {
    return `${this.prefix}${cacheSafe(branch)}-${this.run.run}-${this.run.attempt}`;
  }

  override async load(branch: string, window: number): Promise<RunRecord[]> {
    // The cache is the truth: leftovers of an earlier job on a persistent runner are not history.
    await rm(this.dir, { recursive: true, force: true });
    this.restoredKey = await this.cache.restoreCache([this.dir], this.keyFor(branch), [
      `${this.prefix}${cacheSafe(branch)}-`,
      this.prefix,
    ]);
    return super.load(branch, window);
  }

  override async append(record: StoredRecord, window: number): Promise<void> {
    await super.append(record, window);
    const key = this.keyFor(record.branch);
    // The toolkit reports a key that is already taken (or any save failure) as -1, not as an error.
    if ((await this.cache.saveCache([this.dir], key)) === -1) {
      throw new Error(
        `the cache entry ${key} was not saved (is a second quarantine step in this job using the same history?)`,
      );
    }
  }
}

function cacheSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9_./-]/g, '_');
}

/**
 * `history: branch`: records as files on a data branch of the repository, durable and visible.
 * Written with git plumbing (no checkout, the working tree is untouched); a push that loses a race
 * with another job is retried on top of the new branch head.
 */
export class BranchHistory implements HistoryStore {
  readonly kind = 'branch' as const;
  /** Pushes tried, and those rejected because another job pushed first. */
  readonly stats = { pushes: 0, rejected: 0 };
  private readonly localRef = 'refs/gantry/quarantine-history';
  private head: string | undefined;
  private loaded = false;

  constructor(
    private readonly git: Git,
    readonly branchName: string,
    private readonly clock: Clock,
    private readonly options: { remote?: string; attempts?: number; random?: () => number } = {},
  ) {}

  private get remote(): string {
    return this.options.remote ?? 'origin';
  }

  /** Fetch the data branch; undefined head when it does not exist yet. */
  private async fetch(): Promise<void> {
    const listed = await this.git.text([
      'ls-remote',
      '--heads',
      this.remote,
      `refs/heads/${this.branchName}`,
    ]);
    if (listed === '') {
      this.head = undefined;
    } else {
      await this.git.run([
        'fetch',
        '--no-tags',
        '--depth=1',
        this.remote,
        `+refs/heads/${this.branchName}:${this.localRef}`,
      ]);
      this.head = await this.git.text(['rev-parse', '--verify', `${this.localRef}^{commit}`]);
    }
    this.loaded = true;
  }

  private async entries(): Promise<Map<string, string>> {
    const entries = new Map<string, string>();
    if (this.head === undefined) return entries;
    const out = await this.git.text(['ls-tree', '-z', this.head]);
    for (const line of out.split('\0')) {
      const match = /^100644 blob ([0-9a-f]+)\t(.+)$/.exec(line);
      if (match) entries.set(match[2]!, match[1]!);
    }
    return entries;
  }

  async load(branch: string, window: number): Promise<RunRecord[]> {
    await this.fetch();
    const entries = await this.entries();
    const names = newest([...entries.keys()], branch, window);
    if (names.length === 0) return [];
    const batch = await this.git.run(['cat-file', '--batch'], {
      input: `${names.map((n) => entries.get(n)).join('\n')}\n`,
    });
    const records: RunRecord[] = [];
    let offset = 0;
    const out = batch.stdout;
    while (offset < out.length) {
      const headerEnd = out.indexOf(10, offset);
      const size = Number(out.subarray(offset, headerEnd).toString().split(' ')[2]);
      const record = parseRecord(out.subarray(headerEnd + 1, headerEnd + 1 + size));
      if (record) records.push(record);
      offset = headerEnd + 1 + size + 1;
    }
    return records;
  }

  async append(record: StoredRecord, window: number): Promise<void> {
    if (!this.loaded) await this.fetch();
    const attempts = this.options.attempts ?? 5;
    const blob = isEncoded(record)
      ? await this.git.text(['hash-object', '-w', '--', record.path])
      : await this.git.text(['hash-object', '-w', '--stdin'], { input: encodeRecord(record) });
    for (let attempt = 1; ; attempt++) {
      const entries = await this.entries();
      entries.set(recordFileName(record), blob);
      for (const old of overflow([...entries.keys()], record.branch, window)) entries.delete(old);
      const tree = await this.git.text(['mktree', '-z'], {
        input: [...entries].map(([name, oid]) => `100644 blob ${oid}\t${name}\0`).join(''),
      });
      const commit = await this.git.text([
        '-c',
        'user.name=gantry-quarantine',
        '-c',
        'user.email=gantry-quarantine@users.noreply.github.com',
        'commit-tree',
        tree,
        ...(this.head ? ['-p', this.head] : []),
        '-m',
        `quarantine history: ${record.branch} run ${record.run} attempt ${record.attempt}`,
      ]);
      this.stats.pushes += 1;
      try {
        await this.git.run(['push', '--quiet', this.remote, `${commit}:refs/heads/${this.branchName}`]);
        this.head = commit;
        return;
      } catch (error) {
        if (!(error instanceof GitError)) throw error;
        this.stats.rejected += 1;
        if (/permission|denied|403|not allowed|authentication/i.test(error.stderr)) {
          throw new ConfigurationError(
            `Input 'history': cannot push the history branch '${this.branchName}' (${error.stderr.trim().split('\n').at(-1)}); give the job 'permissions: contents: write' or use history: cache.`,
          );
        }
        if (attempt >= attempts) throw error;
        // Another job pushed first: start again from its head.
        const random = this.options.random ?? Math.random;
        await this.clock.sleep(random() * 250 * 2 ** attempt);
        await this.fetch();
      }
    }
  }
}
