import { gunzipSync, gzipSync } from 'node:zlib';
import type { RecordFormat } from '../history/index.js';

/**
 * A fingerprint of one run's inputs: everything that can change a run's outcome without a line of
 * the code diff changing. Compact and stable: maps keyed by path or name, values that compare by
 * equality. Never a raw configuration value: names and SHA-256 only, nothing at all for values that
 * may be secret.
 */
export interface PipelineRecord {
  v: 1;
  /** The stream the record belongs to: `<branch>` and the workflow file, see streamOf(). */
  branch: string;
  run: string;
  attempt: number;
  /** Milliseconds since the epoch. */
  time: number;
  sha: string;
  ref: string;
  event: string;
  repository: string;
  /** The running workflow file's path in the repository ('' when unknown). */
  workflow: string;
  /** The run's page ('' outside a run). */
  url: string;
  /** Workflow files, local composite actions and reusable workflows reached: path -> blob id. */
  files: Record<string, string>;
  /** Every `uses:` reached: the reference as written -> what it resolves to now. */
  uses: Record<string, UsesResolution>;
  /** Lockfiles found in the repository: path -> parsed packages, or a content hash. */
  lockfiles: Record<string, LockfileEntry>;
  /** Images the run depends on: the reference as written -> its digest now. */
  images: Record<string, ImageResolution>;
  runner: Record<string, string>;
  /** Tool -> version line (or `error: …`). */
  toolchain: Record<string, string>;
  /** Configuration names -> SHA-256 of the value ('secret' when the value is never looked at). */
  config: { env: Record<string, string>; vars: Record<string, string> };
  /** Problems met while recording (a reference that did not resolve, an unreadable lockfile). */
  notes: string[];
}

export interface UsesResolution {
  /** The commit it resolves to (for a full SHA, itself). */
  commit?: string;
  /** Files that name it. */
  from: string[];
  error?: string;
}

export interface LockfileEntry {
  /** The blob id of the file (git's). */
  blob: string;
  kind?: string;
  ecosystem?: string;
  /** [name, version, direct: 1 | 0 | -1 (unknown)], sorted. */
  packages?: [string, string, number][];
  /** Why only the hash was kept. */
  error?: string;
}

export interface ImageResolution {
  digest?: string;
  from: string[];
  error?: string;
}

export const RECORD_KIND = 'gantry-pipeline-record';

/** The store key of a workflow's records on a branch: both, so two workflows keep separate windows. */
export function streamOf(branch: string, workflow: string): string {
  return workflow ? `${branch}#${workflow}` : branch;
}

export function encodePipelineRecord(record: PipelineRecord): Buffer {
  return gzipSync(JSON.stringify({ kind: RECORD_KIND, ...record }), { level: 1 });
}

/** A record from bytes; undefined when they are not one (damaged, foreign, another version). */
export function decodePipelineRecord(bytes: Buffer): PipelineRecord | undefined {
  try {
    const text =
      bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
    return validRecord(JSON.parse(text));
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The shape checks a record must pass before any of it is trusted (a record file is user input). */
export function validRecord(value: unknown): PipelineRecord | undefined {
  if (!isObject(value) || value.v !== 1 || value.kind !== RECORD_KIND) return undefined;
  for (const key of ['branch', 'run', 'sha', 'ref', 'event', 'workflow'] as const)
    if (typeof value[key] !== 'string') return undefined;
  if (typeof value.time !== 'number' || typeof value.attempt !== 'number') return undefined;
  for (const key of ['files', 'uses', 'lockfiles', 'images', 'runner', 'toolchain'] as const)
    if (!isObject(value[key])) return undefined;
  if (!isObject(value.config) || !isObject(value.config.env) || !isObject(value.config.vars))
    return undefined;
  for (const entry of Object.values(value.lockfiles as Record<string, unknown>)) {
    if (!isObject(entry) || typeof entry.blob !== 'string') return undefined;
    if (entry.packages !== undefined && !Array.isArray(entry.packages)) return undefined;
  }
  const { kind: _kind, ...record } = value;
  const parsed = record as unknown as PipelineRecord;
  return {
    ...parsed,
    repository: typeof parsed.repository === 'string' ? parsed.repository : '',
    url: typeof parsed.url === 'string' ? parsed.url : '',
    notes: Array.isArray(parsed.notes) ? parsed.notes.filter((n) => typeof n === 'string') : [],
  };
}

export const PIPELINE_RECORDS: RecordFormat<PipelineRecord> = {
  name: 'pipeline-diff',
  encode: encodePipelineRecord,
  decode: decodePipelineRecord,
};
