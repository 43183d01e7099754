import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import { ConfigurationError } from '../runtime/errors.js';

/**
 * The one reader of owned, expiring entries: quarantine's `.github/quarantine.yml` and promote's
 * vulnerability waivers are the same kind of file, a list of exceptions that each name who owns
 * them, why, and the last day they apply. One set of rules for both:
 * - the file is `<list key>: [entries]` and nothing else; YAML errors and duplicate keys name the line;
 * - `id`, `reason`, `owner`, `expires` are required, non-empty text; unknown fields are refused;
 * - `expires` is a calendar date `YYYY-MM-DD` (no times, no "next week", no 2026-02-30) and the entry
 *   applies through the whole of that day (UTC), not a millisecond after;
 * - entries past `expires` are kept in the result (callers list them as expired), never applied.
 */
export interface OwnedEntry {
  id: string;
  reason: string;
  owner: string;
  /** The last day (UTC, YYYY-MM-DD) the entry applies. */
  expires: string;
  /** Milliseconds since the epoch at the end of the `expires` day (UTC). */
  until: number;
  /** Line of the entry in the file, for messages. */
  line: number;
  /** The kind's own fields (waivers' `package`, quarantine's `issue`), trimmed text. */
  extra: Record<string, string>;
}

export interface EntryKind {
  /** How messages name one entry, e.g. 'quarantine', 'waiver'. */
  noun: string;
  /** The file's one top-level key holding the list. */
  listKey: string;
  /** Fields beyond id, reason, owner, expires: whether each is required, and its check. */
  extra: Record<string, { required: boolean; check?: (value: string) => string | undefined }>;
  /** Appended to messages about the file's shape, e.g. where the format is documented. */
  hint: string;
}

const BASE = ['id', 'reason', 'owner', 'expires'] as const;

export function readOwnedEntries(text: string, fileName: string, kind: EntryKind): OwnedEntry[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line;
  const fail = (offset: number | undefined, message: string) =>
    new ConfigurationError(`${fileName}, line ${lineOf(offset)}: ${message}`);
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw fail(first.pos[0], `not valid YAML: ${first.message.split('\n')[0]}`);
  }
  if (doc.contents === null) return [];
  if (!isMap(doc.contents))
    throw fail(doc.contents.range?.[0], `expected a mapping with a '${kind.listKey}:' list; ${kind.hint}`);
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== kind.listKey)
      throw fail(
        isScalar(pair.key) ? pair.key.range?.[0] : undefined,
        `unknown key '${key}'; the file has one key, '${kind.listKey}'`,
      );
  }
  const list = doc.contents.get(kind.listKey, true);
  if (list === undefined || (isScalar(list) && list.value === null)) return [];
  if (!isSeq(list))
    throw fail(
      (list as { range?: number[] }).range?.[0],
      `'${kind.listKey}' must be a list of entries; ${kind.hint}`,
    );
  const fields = [...BASE, ...Object.keys(kind.extra)];
  const required = [...BASE, ...Object.keys(kind.extra).filter((f) => kind.extra[f]!.required)];
  return list.items.map((item) => {
    const at = (item as { range?: number[] }).range?.[0];
    if (!isMap(item))
      throw fail(at, `each ${kind.noun} entry must be a mapping with ${required.join(', ')}; ${kind.hint}`);
    return readEntry(item, lineOf(at), fields, required, kind, (offset, message) =>
      fail(offset ?? at, message),
    );
  });
}

function readEntry(
  map: YAMLMap,
  line: number,
  fields: string[],
  required: string[],
  kind: EntryKind,
  fail: (offset: number | undefined, message: string) => ConfigurationError,
): OwnedEntry {
  const values: Record<string, string> = {};
  for (const pair of map.items) {
    const keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!fields.includes(key)) throw fail(keyOffset, `unknown field '${key}' (fields: ${fields.join(', ')})`);
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (value === null || value === undefined || typeof value === 'object' || String(value).trim() === '')
      throw fail(keyOffset, `'${key}' must be a non-empty text value`);
    values[key] = String(value).trim();
  }
  const named = values.id ? `'${values.id}' ` : '';
  for (const field of required) {
    if (values[field] === undefined) {
      const why =
        field === 'expires' ? ' (a date such as 2026-12-31: an exception without an end never ends)' : '';
      throw fail(undefined, `entry ${named}is missing '${field}'${why}`);
    }
  }
  const expires = values.expires!;
  const until = endOfDay(expires);
  if (until === undefined) throw fail(undefined, `'expires' is '${expires}'; expected a date as YYYY-MM-DD`);
  const extra: Record<string, string> = {};
  for (const [field, rule] of Object.entries(kind.extra)) {
    const value = values[field];
    if (value === undefined) continue;
    const problem = rule.check?.(value);
    if (problem) throw fail(undefined, `'${field}' is '${value}'; ${problem}`);
    extra[field] = value;
  }
  return { id: values.id!, reason: values.reason!, owner: values.owner!, expires, until, line, extra };
}

/** The end of a `YYYY-MM-DD` day (UTC) in milliseconds, or undefined when it is not a calendar date. */
export function endOfDay(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const start = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(start) || !new Date(start).toISOString().startsWith(value)) return undefined;
  return start + 86_400_000 - 1;
}

/** An entry applies through the whole of its `expires` day (UTC). */
export function isExpired(entry: Pick<OwnedEntry, 'until'>, now: number): boolean {
  return now > entry.until;
}

/** Entries in force and entries past their date (listed, never applied). */
export function partitionByExpiry<T extends Pick<OwnedEntry, 'until'>>(
  entries: T[],
  now: number,
): { active: T[]; expired: T[] } {
  const active: T[] = [];
  const expired: T[] = [];
  for (const entry of entries) (isExpired(entry, now) ? expired : active).push(entry);
  return { active, expired };
}
