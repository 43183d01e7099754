import { createHash, hash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import type { Totals } from './evaluate.js';
import type { RunInfo } from './history.js';
import type { TestCaseElement } from './junit.js';
import type { QuarantineEntry } from './quarantine-file.js';
import { addToEntry, type Entry, resultOf, type TestResult } from './results.js';

/**
 * Folds the <testcase> stream of a run as it arrives, holding only what the verdict and flake
 * detection need: the tests that did not pass, and the passing results of tests that failed in an
 * earlier run of the window. Every other result goes straight into the run's history record on
 * disk. Retries are folded per group (one report's suite), which the reader delivers together, so
 * only the current group is held while it is read.
 */
export interface CollectorOptions {
  /** Ids that failed somewhere in the history window: their passing result is evidence. */
  /** Each suspect's id mapped to the one copy held (a passing suspect is kept under it). */
  suspects: ReadonlyMap<string, string>;
  /** Entries in force; those that match a test are marked used. */
  entries: QuarantineEntry[];
  files: FileTable;
  record: RecordWriter;
}

export class RunCollector {
  readonly totals: Totals = { total: 0, passed: 0, failed: 0, skipped: 0, flaky: 0 };
  /**
   * Every test id that did not pass, as a fingerprint (96 bits of SHA-1) -> outcome, in typed arrays:
   * 16 bytes a failure (a Map of strings took ten times that), whatever their text. The results
   * themselves go to the spill file.
   */
  readonly notPassed = new FingerprintTable();
  /** Suspects that passed in this run (their pass is evidence), held until the end. */
  readonly passedSuspects = new Map<string, TestPlace>();
  readonly usedEntries = new Set<QuarantineEntry>();
  /** Test ids seen (counted per group: an id in two suites counts twice). */
  ids = 0;
  private group: string | undefined;
  private pending = new Map<string, Entry>();

  get spillLines(): number {
    return this.options.spill.lines;
  }

  constructor(
    private readonly options: CollectorOptions & {
      /** Where the results that did not pass go, one JSON line each, read back at the end. */
      spill: SpillWriter;
    },
  ) {}

  add(element: TestCaseElement): void {
    if (element.group !== this.group) {
      this.flush();
      this.group = element.group;
    }
    let entry = this.pending.get(element.id);
    if (entry === undefined) {
      entry = { carrier: element, sequences: [] };
      this.pending.set(element.id, entry);
    }
    addToEntry(entry, element);
  }

  /** Ends the stream (the last group is folded) and closes the spill file. */
  end(): void {
    this.flush();
    this.options.spill.close();
  }

  private flush(): void {
    const { entries, suspects, files, record, spill } = this.options;
    for (const entry of this.pending.values()) {
      const only = entry.sequences.length === 1 ? entry.sequences[0]! : undefined;
      // Most tests ran once and passed: no result object for them. A pass is written to the record
      // at once; if the same id failed elsewhere, its failure is written last and wins.
      if (only !== undefined && only.elements === 1 && only.passes === 1) {
        const id = entry.carrier.id;
        this.ids += 1;
        this.totals.passed += 1;
        this.totals.total += 1;
        if (entries.length > 0) {
          const used = entries.find((candidate) => candidate.matches(id));
          if (used) this.usedEntries.add(used);
        }
        const held = suspects.get(id);
        if (held !== undefined) this.passedSuspects.set(held, slim(resultOf(entry), held));
        else record.add(id, 'P', files.indexOf(entry.carrier));
        continue;
      }
      const result = resultOf(entry);
      this.ids += 1;
      for (const outcome of ['passed', 'failed', 'skipped', 'flaky'] as const) {
        this.totals[outcome] += result.counts[outcome];
        this.totals.total += result.counts[outcome];
      }
      if (entries.length > 0) {
        const entry = entries.find((candidate) => candidate.matches(result.id));
        if (entry) this.usedEntries.add(entry);
      }
      if (result.outcome === 'skipped') continue;
      if (result.outcome === 'passed') {
        const held = suspects.get(result.id);
        if (held !== undefined) this.passedSuspects.set(held, slim(result, held));
        else record.add(result.id, 'P', files.indexOf(result));
        continue;
      }
      // The same id in another suite or report: a failure anywhere stays a failure.
      const code = result.outcome === 'failed' ? FAILED : FLAKY;
      this.notPassed.raise(result.id, code);
      spill.add(result);
    }
    this.pending = new Map();
  }
}

const FLAKY = 1;
const FAILED = 2;
/** Set on a fingerprint once its result was taken from the spill (one result per id). */
const TAKEN = 4;
const STREAMED = 8;

/**
 * 96 bits of a test id's SHA-1, as 16 base64 characters. Two ids sharing one would count as one
 * test: a quarantined failure could hide a real one. At 96 bits the odds among ten million failures
 * are below 1 in 10^15 (53 bits, a safe integer, gave 1 in 10^4 at a million).
 */
export function fingerprint(id: string): string {
  return hash('sha1', id, 'buffer').subarray(0, 12).toString('base64');
}

/**
 * A map from test id fingerprints (96 bits of SHA-1, see `fingerprint`) to a small state, held in
 * typed arrays with open addressing: three 32-bit words and a byte a slot, no object per entry.
 * A state of 0 means absent.
 */
export class FingerprintTable {
  private keys = new Uint32Array(3 * 1024);
  private states = new Uint8Array(1024);
  size = 0;

  get(id: string): number {
    const slot = this.find(hash('sha1', id, 'buffer'));
    return slot < 0 ? 0 : this.states[slot]!;
  }

  /** Sets a state (not 0 on a held fingerprint: entries are never removed). */
  set(id: string, state: number): void {
    this.update(id, () => state);
  }

  /** Sets the state to `state` unless it is already higher (a failure outranks a flaky run). */
  raise(id: string, state: number): void {
    this.update(id, (old) => Math.max(old, state));
  }

  private update(id: string, next: (old: number) => number): void {
    const digest = hash('sha1', id, 'buffer');
    const slot = this.find(digest);
    if (slot >= 0) {
      const state = next(this.states[slot]!);
      // 0 marks an empty slot: clearing one would cut the probe chains through it.
      if (state === 0) throw new RangeError('a held fingerprint cannot be cleared');
      this.states[slot] = state;
      return;
    }
    const state = next(0);
    if (state === 0) return;
    if ((this.size + 1) * 2 > this.states.length) this.grow();
    this.insert(digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), state);
  }

  /** The slot holding this digest's fingerprint, or -1. */
  private find(digest: Buffer): number {
    const a = digest.readUInt32LE(0);
    const b = digest.readUInt32LE(4);
    const c = digest.readUInt32LE(8);
    const mask = this.states.length - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      if (this.states[slot] === 0) return -1;
      const at = slot * 3;
      if (this.keys[at] === a && this.keys[at + 1] === b && this.keys[at + 2] === c) return slot;
    }
  }

  private insert(a: number, b: number, c: number, state: number): void {
    const mask = this.states.length - 1;
    let slot = a & mask;
    while (this.states[slot] !== 0) slot = (slot + 1) & mask;
    this.keys.set([a, b, c], slot * 3);
    this.states[slot] = state;
    this.size += 1;
  }

  private grow(): void {
    const { keys, states } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.states = new Uint8Array(states.length * 2);
    this.size = 0;
    for (let slot = 0; slot < states.length; slot++)
      if (states[slot] !== 0)
        this.insert(keys[slot * 3]!, keys[slot * 3 + 1]!, keys[slot * 3 + 2]!, states[slot]!);
  }
}

/**
 * The results that did not pass, one JSON line each, written in blocks as they are folded so
 * memory holds one block at most. An id can have several lines (several suites or reports).
 */
export class SpillWriter {
  private readonly out: BlockWriter;
  lines = 0;
  private closed = false;

  constructor(readonly path: string) {
    this.out = new BlockWriter(path, (block) => block);
  }

  add(result: TestResult): void {
    this.out.write(`${JSON.stringify(result)}\n`);
    this.lines += 1;
  }

  close(): void {
    if (this.closed) return;
    this.out.close();
    this.closed = true;
  }
}

export async function* spilled(path: string): AsyncGenerator<TestResult> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) if (line !== '') yield JSON.parse(line) as TestResult;
}

/** What the end of a run needs from the tests that did not pass: counts, and the first few in full. */
export interface NotPassedSummary {
  failures: TestResult[];
  quarantined: { test: TestResult; entry: QuarantineEntry }[];
  flaky: TestResult[];
  counts: { failures: number; quarantined: number; flaky: number };
}

/**
 * Reads the spill back once the stream ended: one result per id (its first failure, else its
 * first flaky run), written to the record last (so it wins over a pass of the same id elsewhere),
 * handed to `observe` (detection), counted, and kept in full for the first `keep` of each kind.
 */
export async function settleNotPassed(
  collector: RunCollector,
  spillPath: string,
  options: {
    active: QuarantineEntry[];
    files: FileTable;
    record: RecordWriter;
    keep: number;
    observe: (test: TestResult, code: 'F' | 'K', fileIndex: number | undefined) => void;
  },
): Promise<NotPassedSummary> {
  const { notPassed } = collector;
  const out: NotPassedSummary = {
    failures: [],
    quarantined: [],
    flaky: [],
    counts: { failures: 0, quarantined: 0, flaky: 0 },
  };
  for await (const test of spilled(spillPath)) {
    const state = notPassed.get(test.id);
    if (state & TAKEN) continue;
    const kind = state & 3;
    if (kind === FAILED && test.outcome !== 'failed') continue;
    notPassed.set(test.id, state | TAKEN);
    collector.passedSuspects.delete(test.id);
    const code = kind === FAILED ? 'F' : 'K';
    const index = options.files.indexOf(test);
    options.record.add(test.id, code, index);
    options.observe(test, code, index);
    if (kind === FLAKY) {
      out.counts.flaky += 1;
      if (out.flaky.length < options.keep) out.flaky.push(test);
      continue;
    }
    const entry = options.active.find((candidate) => candidate.matches(test.id));
    if (entry) {
      out.counts.quarantined += 1;
      if (out.quarantined.length < options.keep) out.quarantined.push({ test, entry });
    } else {
      out.counts.failures += 1;
      if (out.failures.length < options.keep) out.failures.push(test);
    }
  }
  return out;
}

/**
 * Every result of one kind from the spill, one per id, in report order: the check run's
 * annotations, however many, without holding them.
 */
export async function* streamNotPassed(
  collector: RunCollector,
  spillPath: string,
  kind: 'failed' | 'quarantined' | 'flaky',
  active: QuarantineEntry[],
): AsyncGenerator<{ test: TestResult; entry?: QuarantineEntry }> {
  const { notPassed } = collector;
  for await (const test of spilled(spillPath)) {
    const state = notPassed.get(test.id);
    if (state & STREAMED) continue;
    const own = state & 3;
    if ((kind === 'flaky') !== (own === FLAKY)) continue;
    if (own === FAILED && test.outcome !== 'failed') continue;
    const entry = own === FAILED ? active.find((candidate) => candidate.matches(test.id)) : undefined;
    if (kind === 'failed' && entry) continue;
    if (kind === 'quarantined' && !entry) continue;
    notPassed.set(test.id, state | STREAMED);
    yield { test, entry };
  }
}

/** The suspects that passed and did not fail elsewhere in this run: written last as passes. */
export function writePassedSuspects(collector: RunCollector, files: FileTable, record: RecordWriter): void {
  for (const test of collector.passedSuspects.values()) record.add(test.id, 'P', files.indexOf(test));
}

/** What is kept of a suspect that passed: its id and where its file can be named. */
export type TestPlace = Pick<TestResult, 'id' | 'file' | 'classname' | 'suite'>;

/**
 * A held result must not pin the reader's input: V8 keeps a substring as a slice of its parent, so
 * a name cut from a 256 KB read chunk would keep the whole chunk alive. Held strings are copied, and
 * only those the end of the run needs are held.
 */
function slim(result: TestResult, id: string): TestPlace {
  return {
    id,
    file: result.file === undefined ? undefined : detach(result.file),
    suite: detach(result.suite),
    classname: detach(result.classname),
  };
}

/** A copy that shares no storage with the original (a flattened concatenation). */
export function detach(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/**
 * The files tests live in, with a content id for each, numbered in the order tests name them. The
 * content id is the file's git blob id (from one listing of the index, taken before the reports are
 * read), so detection can tell "nothing changed" from an edit without opening a file.
 */
export class FileTable {
  readonly files: [string, string][] = [];
  private readonly indexByPath = new Map<string, number>();

  constructor(private readonly blobs: Map<string, string>) {}

  /**
   * Outside a git checkout: content ids for the files of the given tests only (the few detection
   * needs), read from disk and computed the way git computes a blob id.
   */
  async hashFromDisk(
    workspace: string,
    tests: Iterable<TestPlace> | AsyncIterable<TestPlace>,
  ): Promise<number> {
    let opened = 0;
    const wanted = new Set<string>();
    for await (const test of tests)
      for (const path of candidates(test)) if (!this.blobs.has(path)) wanted.add(path);
    for (const path of wanted) {
      if (path === '' || !/\.[A-Za-z0-9]+$/.test(path)) continue;
      opened += 1;
      const content = await readFile(isAbsolute(path) ? path : join(workspace, path)).catch(() => undefined);
      if (content === undefined) continue;
      const blob = createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
      this.blobs.set(path, blob);
    }
    return opened;
  }

  indexOf(test: Pick<TestResult, 'file' | 'classname' | 'suite'>): number | undefined {
    for (const path of candidates(test)) {
      const known = this.indexByPath.get(path);
      if (known !== undefined) return known;
      const blob = this.blobs.get(path);
      if (blob === undefined) continue;
      const index = this.files.push([path, blob.slice(0, 16)]) - 1;
      this.indexByPath.set(path, index);
      return index;
    }
    return undefined;
  }
}

/**
 * Where a test's file can be named: its `file` attribute; else its classname, which vitest and
 * mocha-style reporters fill with the file's path; else its innermost suite (jest-junit).
 */
export function candidates(test: Pick<TestResult, 'file' | 'classname' | 'suite'>): string[] {
  if (test.file !== undefined) return [test.file];
  const innermost = test.suite.split('::').at(-1) ?? '';
  return innermost === '' ? [test.classname] : [test.classname, innermost];
}

/**
 * The run's history record, written as it is read: gzipped JSON in the v1 shape, compressed in
 * blocks so memory holds one block at most. A test written twice keeps its last code; the collector
 * writes held results last. Ahead of `tests` goes `failed`, the ids written with a code other than
 * P: a later run finds the suspects of a window from the head of each record, without inflating the
 * million passes after it. Sections are written to their own files and joined at the end.
 */
export class RecordWriter {
  // Concatenated gzip members are one gzip stream to every reader (RFC 1952, zlib's gunzip).
  private readonly testsOut: BlockWriter;
  private readonly failedOut: BlockWriter;
  private firstTest = true;
  private firstFailed = true;
  tests = 0;

  constructor(
    readonly path: string,
    private readonly info: RunInfo,
  ) {
    this.testsOut = new BlockWriter(`${path}.tests`, gzipBlock);
    this.failedOut = new BlockWriter(`${path}.failed`, gzipBlock);
  }

  add(id: string, code: 'P' | 'F' | 'K', fileIndex: number | undefined): void {
    const key = JSON.stringify(id);
    this.testsOut.write(`${this.firstTest ? '' : ','}${key}:"${code}${fileIndex ?? ''}"`);
    this.firstTest = false;
    this.tests += 1;
    if (code === 'P') return;
    this.failedOut.write(`${this.firstFailed ? '' : ','}${key}`);
    this.firstFailed = false;
  }

  close(files: [string, string][]): RunInfo & { path: string } {
    this.testsOut.close();
    this.failedOut.close();
    const { run, attempt, sha, branch, time } = this.info;
    const out = new BlockWriter(this.path, gzipBlock);
    out.write(`${JSON.stringify({ v: 1, run, attempt, sha, branch, time }).slice(0, -1)},"failed":[`);
    out.append(`${this.path}.failed`);
    out.write('],"tests":{');
    out.append(`${this.path}.tests`);
    out.write(`},"files":${JSON.stringify(files)}}`);
    out.close();
    rmSync(`${this.path}.failed`, { force: true });
    rmSync(`${this.path}.tests`, { force: true });
    return { ...this.info, path: this.path };
  }
}

const gzipBlock = (block: Buffer) => gzipSync(block, { level: 1 });

const BLOCK_BYTES = 1 << 20;

/**
 * Text appended to a file a megabyte at a time through one reused buffer, not a growing string: a
 * megabyte of concatenated strings outlives the young generation and piles up in the old one as
 * garbage, which made the heap (and the peak RSS) grow with the report's size.
 */
class BlockWriter {
  private readonly fd: number;
  private readonly block = Buffer.allocUnsafe(BLOCK_BYTES);
  private used = 0;

  constructor(
    path: string,
    /** What a full block becomes on disk (gzip for the record; as is for the spill). */
    private readonly encode: (block: Buffer) => Buffer,
  ) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (this.used + bytes > BLOCK_BYTES) {
      this.flush();
      // A piece longer than a block (a huge id or message, the file table) goes through on its own.
      if (bytes > BLOCK_BYTES) {
        writeSync(this.fd, this.encode(Buffer.from(text)));
        return;
      }
    }
    this.used += this.block.write(text, this.used);
  }

  /** Appends another file's bytes as they are (already encoded: gzip members), after this block. */
  append(path: string): void {
    this.flush();
    const from = openSync(path, 'r');
    try {
      for (let read = readSync(from, this.block); read > 0; read = readSync(from, this.block))
        writeSync(this.fd, this.block, 0, read);
    } finally {
      closeSync(from);
    }
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.used === 0) return;
    writeSync(this.fd, this.encode(this.block.subarray(0, this.used)));
    this.used = 0;
  }
}
