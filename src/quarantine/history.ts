import { gunzipSync, gzipSync } from 'node:zlib';
import type {
  EncodedRecord,
  RecordFormat,
  HistoryStore as RecordStore,
  StoredRecord as StoredRunRecord,
} from '../history/index.js';
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
export type { EncodedRecord };

/** A record to store: in memory, or already encoded on disk. */
export type StoredRecord = StoredRunRecord<RunRecord>;

/** The stores (src/history) hold quarantine's records in this format. */
export type HistoryStore = RecordStore<RunRecord>;

/** A record as stored: gzipped JSON. */
export function encodeRecord(record: RunRecord): Buffer {
  return gzipSync(JSON.stringify(record));
}

/** A damaged record is skipped, not fatal: history is advisory. */
export function parseRecord(bytes: Buffer): RunRecord | undefined {
  try {
    const value = JSON.parse(gunzipSync(bytes).toString('utf8')) as RunRecord & { failed?: unknown };
    if (!(value && value.v === 1 && typeof value.tests === 'object' && Array.isArray(value.files)))
      return undefined;
    // The index of ids that did not pass (RecordWriter) serves readers that stop at the head.
    delete value.failed;
    return value;
  } catch {
    return undefined;
  }
}

export const RUN_RECORDS: RecordFormat<RunRecord> = {
  name: 'quarantine',
  encode: encodeRecord,
  decode: parseRecord,
};
