import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { RecordKey } from '../history/index.js';
import { detach } from './collect.js';
import type { HistoryStore, RunRecord } from './history.js';

/** A stored record without its tests: what a scan returns once every test was visited. */
export type RecordHeader = Omit<RunRecord, 'tests'>;

/**
 * Reads a stored run record (gzipped JSON, the v1 shape) as a stream, handing each test's entry to
 * `onTest` instead of building the `tests` object: a million-test record is about 100 MB of JSON,
 * and a window of them decoded whole took gigabytes. Memory holds one inflated chunk and the
 * record's other fields (its file table). Returns undefined for a damaged record, as `parseRecord`
 * does; entries of a damaged record may already have been visited, so a caller that keeps them
 * commits them only once the scan succeeded. An id written twice is visited twice, in order (the
 * last one wins, as in JSON.parse).
 */
export async function scanRecord(
  bytes: Buffer | Readable,
  onTest: (id: string, value: string) => void,
  options: ScanOptions = {},
): Promise<RecordHeader | undefined> {
  const scanner = new TestsScanner(onTest, options);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    const gunzip = createGunzip({ chunkSize: options.chunkSize });
    if (Buffer.isBuffer(bytes)) gunzip.end(bytes);
    else {
      bytes.on('error', (error) => gunzip.destroy(error));
      bytes.pipe(gunzip);
    }
    for await (const chunk of gunzip) {
      scanner.feed(decoder.decode(chunk as Buffer, { stream: true }));
      // The record's index answered: the rest is not inflated (leaving the loop ends the stream).
      if (scanner.done) break;
    }
    if (!scanner.done) scanner.feed(decoder.decode());
    const record = scanner.finish() as Partial<RunRecord> | undefined;
    return record && record.v === 1 && Array.isArray(record.files) ? (record as RecordHeader) : undefined;
  } catch {
    return undefined;
  }
}

export interface ScanOptions {
  /** The inflated piece size (zlib's 16 KB by default); tests make it small to cut entries anywhere. */
  chunkSize?: number;
  /**
   * Visit only entries whose outcome is not a pass (no string is made for a passing entry). A
   * record that carries `failed` (the ids written with another code, ahead of `tests`) is read only
   * that far: its ids are visited with the value 'F', and `files` is empty unless it came first.
   * A failure written before a pass of the same id makes the id visited although the pass won.
   */
  notPassed?: boolean;
  /** Visit only the entries of these ids. */
  ids?: { has(id: string): boolean };
}

class DamagedRecord extends Error {}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * The record's text with its `tests` object taken out entry by entry. Everything around that object
 * (the run's fields and the file table, small) is kept as text and parsed at the end.
 */
class TestsScanner {
  private state: 'head' | 'tests' | 'tail' | 'done' = 'head';
  /** The record's fields before `tests`, when its `failed` index made reading further needless. */
  private indexed: Record<string, unknown> | undefined;
  /** Text of the tests object not yet consumed. */
  private text = '';
  /** The record's text outside the tests object; the object itself becomes `{}`. */
  private outside = '';
  // The head is read a character at a time (it is small): where it stands in the top-level object.
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The string being read, up to six characters: enough to tell the key `tests`. */
  private word = '';
  /** A `"tests":` key was just read at the top level. */
  private testsKey = false;

  constructor(
    private readonly onTest: (id: string, value: string) => void,
    private readonly options: ScanOptions,
  ) {}

  /** Hands an entry over unless the options leave it out; its strings are made only if wanted. */
  private visit(text: string, keyStart: number, keyEnd: number, valueStart: number, valueEnd: number): void {
    if (this.options.notPassed && text[valueStart + 1] === 'P') return;
    const id = jsonString(text, keyStart, keyEnd);
    if (this.options.ids && !this.options.ids.has(id)) return;
    this.onTest(id, jsonString(text, valueStart, valueEnd));
  }

  feed(chunk: string): void {
    if (this.state === 'head') chunk = this.readHead(chunk);
    if (this.state === 'tests') {
      this.text += chunk;
      this.readTests();
      chunk = '';
    }
    if (this.state === 'tail') {
      this.outside += this.text + chunk;
      this.text = '';
    }
  }

  get done(): boolean {
    return this.state === 'done';
  }

  finish(): unknown {
    if (this.indexed) {
      const { tests: _tests, failed: _failed, ...header } = this.indexed;
      return { files: [], ...header };
    }
    if (this.state === 'tests' || this.text !== '') throw new DamagedRecord();
    const record = JSON.parse(this.outside) as Record<string, unknown> | null;
    if (typeof record !== 'object' || record === null || !('tests' in record)) throw new DamagedRecord();
    // A key spelled with escapes (no writer of ours does that) was not recognised: its entries are here.
    if (this.state === 'head') {
      const tests = record.tests;
      if (typeof tests !== 'object' || tests === null) throw new DamagedRecord();
      for (const [id, value] of Object.entries(tests)) {
        if (typeof value !== 'string') throw new DamagedRecord();
        const entry = JSON.stringify(id) + JSON.stringify(value);
        const keyEnd = JSON.stringify(id).length - 1;
        this.visit(entry, 0, keyEnd, keyEnd + 1, entry.length - 1);
      }
    }
    delete record.tests;
    delete record.failed;
    return record;
  }

  /** Reads up to and including the `{` that opens the top-level `tests` object; returns the rest. */
  private readHead(chunk: string): string {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') {
          this.inString = false;
          continue;
        }
        if (this.word.length < 6) this.word += c;
        continue;
      }
      if (WHITESPACE.has(c)) continue;
      if (c === '"') {
        this.inString = true;
        this.word = '';
        continue;
      }
      if (c === ':') {
        this.testsKey = this.depth === 1 && this.word === 'tests';
        continue;
      }
      const opensTests = c === '{' && this.testsKey && this.depth === 1;
      this.testsKey = false;
      this.word = '';
      if (c === '{' || c === '[') this.depth += 1;
      else if (c === '}' || c === ']') {
        this.depth -= 1;
        if (this.depth < 0) throw new DamagedRecord();
      }
      if (opensTests) {
        this.outside += chunk.slice(0, i + 1);
        if (this.options.notPassed && this.readIndex()) {
          this.state = 'done';
          return '';
        }
        this.state = 'tests';
        return chunk.slice(i + 1);
      }
    }
    this.outside += chunk;
    return '';
  }

  /** Visits the ids of the head's `failed` index; false when the record has none (an older one). */
  private readIndex(): boolean {
    const head = JSON.parse(`${this.outside}}}`) as Record<string, unknown>;
    const failed = head.failed;
    if (!Array.isArray(failed) || !failed.every((id) => typeof id === 'string')) return false;
    for (const id of failed as string[])
      if (!this.options.ids || this.options.ids.has(id)) this.onTest(id, 'F');
    this.indexed = head;
    return true;
  }

  /** Entries `"id":"value"`, as far as the text holds complete ones; then the closing `}`. */
  private readTests(): void {
    const text = this.text;
    let at = 0;
    for (;;) {
      while (at < text.length && (WHITESPACE.has(text[at]!) || text[at] === ',')) at += 1;
      if (at >= text.length) break;
      if (text[at] === '}') {
        this.outside += '}';
        this.text = text.slice(at + 1);
        this.state = 'tail';
        return;
      }
      if (text[at] !== '"') throw new DamagedRecord();
      const keyEnd = stringEnd(text, at);
      if (keyEnd < 0) break;
      let colon = keyEnd + 1;
      while (colon < text.length && WHITESPACE.has(text[colon]!)) colon += 1;
      if (colon >= text.length) break;
      if (text[colon] !== ':') throw new DamagedRecord();
      let value = colon + 1;
      while (value < text.length && WHITESPACE.has(text[value]!)) value += 1;
      if (value >= text.length) break;
      if (text[value] !== '"') throw new DamagedRecord();
      const valueEnd = stringEnd(text, value);
      if (valueEnd < 0) break;
      this.visit(text, at, keyEnd, value, valueEnd);
      at = valueEnd + 1;
    }
    this.text = text.slice(at);
  }
}

/** The index of the quote closing the JSON string that opens at `start`, or -1 if not in `text` yet. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end >= 0) {
    let backslashes = 0;
    while (text[end - 1 - backslashes] === '\\') backslashes += 1;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/** The JSON string text[start..end] (quotes included), unescaped; most ids have nothing to unescape. */
function jsonString(text: string, start: number, end: number): string {
  const raw = text.slice(start, end + 1);
  if (!raw.includes('\\')) return raw.slice(1, -1);
  return JSON.parse(raw) as string;
}

/**
 * The two reads of a window of stored records that never hold one whole (quarantine's history and
 * pipeline-metrics' flake rates).
 */
export class WindowReader {
  /** Outcome codes, one copy each across the window. */
  private readonly codes = new Map<string, string>();

  constructor(
    private readonly store: HistoryStore,
    private readonly window: number,
    private readonly select?: (key: RecordKey) => boolean,
  ) {}

  /**
   * First read: each readable record's fields and the ids it did not pass (its `failed` index), one
   * copy of each id across the branch's records.
   */
  async failing(branch: string, visit: (header: RecordHeader, ids: string[]) => void): Promise<void> {
    const interned = new Map<string, string>();
    await this.store.each(
      branch,
      this.window,
      async (stream) => {
        const ids: string[] = [];
        const header = await scanRecord(stream, (id) => ids.push(intern(interned, id)), { notPassed: true });
        if (header) visit(header, ids);
      },
      this.select,
    );
  }

  /**
   * Second read: the records holding only the entries of `keep`'s ids, keyed by the copies `keep`
   * maps them to; `damaged` counts records that could not be read.
   */
  async narrowed(
    branch: string,
    keep: ReadonlyMap<string, string>,
    into: { records: RunRecord[]; damaged: number },
  ): Promise<void> {
    await this.store.each(
      branch,
      this.window,
      async (stream) => {
        const tests: Record<string, string> = Object.create(null);
        const header = await scanRecord(
          stream,
          (id, value) => (tests[keep.get(id)!] = intern(this.codes, value)),
          {
            ids: keep,
          },
        );
        if (header) into.records.push({ ...header, tests });
        else into.damaged += 1;
      },
      this.select,
    );
  }
}

/** The one copy of `text` held in `copies` (a detached one, made on first sight). */
function intern(copies: Map<string, string>, text: string): string {
  let kept = copies.get(text);
  if (kept === undefined) {
    kept = detach(text);
    copies.set(kept, kept);
  }
  return kept;
}
