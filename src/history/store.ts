import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { type Git, GitError } from '../git/index.js';
import type { Clock } from '../net/clock.js';
import { ConfigurationError } from '../runtime/errors.js';

/**
 * The history stores quarantine and pipeline-diff keep their per-run records in (`history: cache`,
 * `branch` or `dir`). A store holds named byte records: it names each record from its key (branch,
 * time, run, attempt) so that names sort by time, keeps a window per branch, and leaves the bytes'
 * meaning to the action's RecordFormat.
 */
export interface RecordKey {
  run: string;
  attempt: number;
  /** The stream the record belongs to (a branch; an action may fold more into it). */
  branch: string;
  /** Milliseconds since the epoch. */
  time: number;
}

/** How one action's records become bytes and back; `name` keeps each action's stores apart. */
export interface RecordFormat<T extends RecordKey> {
  /** Short, [a-z-]: used in cache keys, the local ref and the data branch's commit author. */
  readonly name: string;
  encode(record: T): Buffer;
  /** A damaged record is skipped, not fatal: history is advisory. */
  decode(bytes: Buffer): T | undefined;
}

/** A record already encoded in a file, as a collector writes it. */
export type EncodedRecord = RecordKey & { path: string };

/** A record to store: in memory, or already encoded on disk. */
export type StoredRecord<T extends RecordKey> = T | EncodedRecord;

function isEncoded<T extends RecordKey>(record: StoredRecord<T>): record is EncodedRecord {
  return 'path' in record && typeof (record as EncodedRecord).path === 'string';
}

export interface HistoryStore<T extends RecordKey> {
  readonly kind: 'cache' | 'branch' | 'dir';
  /**
   * Records of this branch, oldest first, at most `window`. `select`, given each stored name's key
   * (the run as stored in the name, made file-safe), picks records before any is read.
   */
  load(branch: string, window: number, select?: (key: RecordKey) => boolean): Promise<T[]>;
  /**
   * The stored bytes of the same records as `load`, oldest first, one at a time and undecoded, as
   * streams: a reader that keeps only part of each record (quarantine's history of a million-test
   * suite) never holds a whole one, nor its compressed bytes when they come from a file.
   */
  each(
    branch: string,
    window: number,
    visit: (record: Readable) => Promise<void>,
    select?: (key: RecordKey) => boolean,
  ): Promise<void>;
  /** Store this run's record and drop the branch's records beyond `window`. */
  append(record: StoredRecord<T>, window: number): Promise<void>;
  /**
   * Store several records of one branch at once (one cache entry saved, one push), then drop the
   * branch's records beyond `window`: a run that stores its records in parts.
   */
  appendAll(records: StoredRecord<T>[], window: number): Promise<void>;
}

const RECORD_SUFFIX = '.json.gz';

// File names sort by time; the branch is encoded so that '@' and '/' cannot occur in it.
export function recordFileName(record: RecordKey): string {
  return `${encodeURIComponent(record.branch)}@${String(record.time).padStart(15, '0')}-${safeRunId(record.run)}-${record.attempt}${RECORD_SUFFIX}`;
}

/** The run id as it appears in a record's name. */
export function safeRunId(run: string): string {
  return run.replace(/[^A-Za-z0-9_.-]/g, '_');
}

function branchOfFileName(name: string): string | undefined {
  const at = name.indexOf('@');
  if (at <= 0 || !name.endsWith(RECORD_SUFFIX)) return undefined;
  try {
    return decodeURIComponent(name.slice(0, at));
  } catch {
    return undefined;
  }
}

/** The key a record's name carries (run made file-safe), or undefined for a foreign file. */
export function keyOfFileName(name: string): RecordKey | undefined {
  const branch = branchOfFileName(name);
  if (branch === undefined) return undefined;
  const match = /^(\d{15})-(.*)-(\d+)$/.exec(name.slice(name.indexOf('@') + 1, -RECORD_SUFFIX.length));
  if (!match) return undefined;
  return { branch, time: Number(match[1]), run: match[2]!, attempt: Number(match[3]) };
}

/** Names of this branch's records beyond the window (the oldest), given all stored names. */
function overflow(names: string[], branch: string, window: number): string[] {
  const mine = names.filter((name) => branchOfFileName(name) === branch).sort();
  return mine.slice(0, Math.max(0, mine.length - window));
}

function newest(
  names: string[],
  branch: string,
  window: number,
  select?: (key: RecordKey) => boolean,
): string[] {
  const mine = names
    .filter((name) => branchOfFileName(name) === branch)
    .sort()
    .slice(-window);
  if (!select) return mine;
  return mine.filter((name) => {
    const key = keyOfFileName(name);
    return key !== undefined && select(key);
  });
}

/** `history: dir`: one file per run in a directory (the CLI, other CI systems, caches). */
export class DirHistory<T extends RecordKey> implements HistoryStore<T> {
  readonly kind: 'dir' | 'cache' = 'dir';
  constructor(
    readonly format: RecordFormat<T>,
    readonly dir: string,
  ) {}

  load(branch: string, window: number, select?: (key: RecordKey) => boolean): Promise<T[]> {
    return decodeAll(this, branch, window, select);
  }

  async each(
    branch: string,
    window: number,
    visit: (record: Readable) => Promise<void>,
    select?: (key: RecordKey) => boolean,
  ): Promise<void> {
    const names = await readdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    for (const name of newest(names, branch, window, select)) {
      const stream = createReadStream(join(this.dir, name));
      try {
        await visit(stream);
      } finally {
        stream.destroy();
      }
    }
  }

  async append(record: StoredRecord<T>, window: number): Promise<void> {
    await this.appendAll([record], window);
  }

  async appendAll(records: StoredRecord<T>[], window: number): Promise<void> {
    if (records.length === 0) return;
    await mkdir(this.dir, { recursive: true });
    for (const record of records) {
      const name = recordFileName(record);
      // Write then rename: a reader never sees half a record.
      const temp = join(this.dir, `.${name}.tmp`);
      if (isEncoded(record)) await copyFile(record.path, temp);
      else await writeFile(temp, this.format.encode(record as T));
      await rename(temp, join(this.dir, name));
    }
    const names = await readdir(this.dir);
    for (const branch of new Set(records.map((r) => r.branch)))
      for (const old of overflow(names, branch, window)) await rm(join(this.dir, old), { force: true });
  }
}

/** Compressed record bytes read from git in one process, at most (one record may be larger). */
const BATCH_BYTES = 32 << 20;

/** `load` for every store: its records' bytes, decoded; a damaged record is left out. */
async function decodeAll<T extends RecordKey>(
  store: HistoryStore<T> & { format: RecordFormat<T> },
  branch: string,
  window: number,
  select?: (key: RecordKey) => boolean,
): Promise<T[]> {
  const records: T[] = [];
  await store.each(
    branch,
    window,
    async (stream) => {
      const record = store.format.decode(await buffer(stream));
      if (record) records.push(record);
    },
    select,
  );
  return records;
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
export class CacheHistory<T extends RecordKey> extends DirHistory<T> {
  override readonly kind = 'cache' as const;
  restoredKey: string | undefined;
  private restored = false;
  private readonly prefix: string;

  constructor(
    format: RecordFormat<T>,
    dir: string,
    private readonly cache: CacheClient,
    private readonly run: { run: string; attempt: number },
    prefix?: string,
  ) {
    super(format, dir);
    this.prefix = prefix ?? `gantry-${format.name}-v1-`;
  }

  keyFor(branch: string): string {
    return `${this.prefix}${cacheSafe(branch)}-${this.run.run}-${this.run.attempt}`;
  }

  /** The entry is restored once, by the first read; a second read (or pass) reads the same files. */
  override async each(
    branch: string,
    window: number,
    visit: (record: Readable) => Promise<void>,
    select?: (key: RecordKey) => boolean,
  ): Promise<void> {
    if (!this.restored) {
      // The cache is the truth: leftovers of an earlier job on a persistent runner are not history.
      await rm(this.dir, { recursive: true, force: true });
      this.restoredKey = await this.cache.restoreCache([this.dir], this.keyFor(branch), [
        `${this.prefix}${cacheSafe(branch)}-`,
        this.prefix,
      ]);
      this.restored = true;
    }
    return super.each(branch, window, visit, select);
  }

  override async append(record: StoredRecord<T>, window: number): Promise<void> {
    await this.appendAll([record], window);
  }

  override async appendAll(records: StoredRecord<T>[], window: number): Promise<void> {
    if (records.length === 0) return;
    await super.appendAll(records, window);
    // One save for all of them: a cache key can be saved once.
    const key = this.keyFor(records.at(-1)!.branch);
    // The toolkit reports a key that is already taken (or any save failure) as -1, not as an error.
    if ((await this.cache.saveCache([this.dir], key)) === -1) {
      throw new Error(
        `the cache entry ${key} was not saved (is a second ${this.format.name} step in this job using the same history?)`,
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
export class BranchHistory<T extends RecordKey> implements HistoryStore<T> {
  readonly kind = 'branch' as const;
  /** Pushes tried, and those rejected because another job pushed first. */
  readonly stats = { pushes: 0, rejected: 0 };
  private readonly localRef: string;
  private head: string | undefined;
  private loaded = false;
  /** Blob sizes from the last tree listing. */
  private readonly sizes = new Map<string, number>();

  constructor(
    readonly format: RecordFormat<T>,
    private readonly git: Git,
    readonly branchName: string,
    private readonly clock: Clock,
    private readonly options: {
      remote?: string;
      attempts?: number;
      random?: () => number;
      batchBytes?: number;
    } = {},
  ) {
    this.localRef = `refs/gantry/${format.name}-history`;
  }

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
    this.sizes.clear();
    if (this.head === undefined) return entries;
    const out = await this.git.text(['ls-tree', '-z', '-l', this.head]);
    for (const line of out.split('\0')) {
      const match = /^100644 blob ([0-9a-f]+) +(\d+)\t(.+)$/.exec(line);
      if (!match) continue;
      entries.set(match[3]!, match[1]!);
      this.sizes.set(match[1]!, Number(match[2]));
    }
    return entries;
  }

  load(branch: string, window: number, select?: (key: RecordKey) => boolean): Promise<T[]> {
    return decodeAll(this, branch, window, select);
  }

  /**
   * The records through `git cat-file --batch`, as many in one process as fit in BATCH_BYTES of
   * compressed bytes (their sizes come with the tree listing): few processes for a small history,
   * and memory bounded for a window of big records. The branch is fetched each time.
   */
  async each(
    branch: string,
    window: number,
    visit: (record: Readable) => Promise<void>,
    select?: (key: RecordKey) => boolean,
  ): Promise<void> {
    await this.fetch();
    const entries = await this.entries();
    const oids = newest([...entries.keys()], branch, window, select).map((name) => entries.get(name)!);
    for (let start = 0; start < oids.length; ) {
      let end = start + 1;
      let bytes = this.sizes.get(oids[start]!) ?? 0;
      const limit = this.options.batchBytes ?? BATCH_BYTES;
      while (end < oids.length && bytes + (this.sizes.get(oids[end]!) ?? 0) <= limit)
        bytes += this.sizes.get(oids[end++]!) ?? 0;
      const batch = await this.git.run(['cat-file', '--batch'], {
        input: `${oids.slice(start, end).join('\n')}\n`,
      });
      let offset = 0;
      const out = batch.stdout;
      while (offset < out.length) {
        const headerEnd = out.indexOf(10, offset);
        const size = Number(out.subarray(offset, headerEnd).toString().split(' ')[2]);
        await visit(Readable.from([out.subarray(headerEnd + 1, headerEnd + 1 + size)]));
        offset = headerEnd + 1 + size + 1;
      }
      start = end;
    }
  }

  async append(record: StoredRecord<T>, window: number): Promise<void> {
    await this.appendAll([record], window);
  }

  /** One commit and one push for all the records. */
  async appendAll(records: StoredRecord<T>[], window: number): Promise<void> {
    if (records.length === 0) return;
    if (!this.loaded) await this.fetch();
    const attempts = this.options.attempts ?? 5;
    const blobs: [string, string][] = [];
    for (const record of records)
      blobs.push([
        recordFileName(record),
        isEncoded(record)
          ? await this.git.text(['hash-object', '-w', '--', record.path])
          : await this.git.text(['hash-object', '-w', '--stdin'], { input: this.format.encode(record as T) }),
      ]);
    const record = records.at(-1)!;
    const name = this.format.name;
    for (let attempt = 1; ; attempt++) {
      const entries = await this.entries();
      for (const [file, blob] of blobs) entries.set(file, blob);
      for (const branch of new Set(records.map((r) => r.branch)))
        for (const old of overflow([...entries.keys()], branch, window)) entries.delete(old);
      const tree = await this.git.text(['mktree', '-z'], {
        input: [...entries].map(([file, oid]) => `100644 blob ${oid}\t${file}\0`).join(''),
      });
      const commit = await this.git.text([
        '-c',
        `user.name=gantry-${name}`,
        '-c',
        `user.email=gantry-${name}@users.noreply.github.com`,
        'commit-tree',
        tree,
        ...(this.head ? ['-p', this.head] : []),
        '-m',
        `${name} history: ${record.branch} run ${record.run} attempt ${record.attempt}${records.length > 1 ? ` (${records.length} records)` : ''}`,
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
