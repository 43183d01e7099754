import { nameGlobMatcher } from '../glob/index.js';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import { ConfigurationError } from '../runtime/errors.js';

/**
 * `.github/quarantine.yml`: every quarantine names its test (an id or a glob over ids), why, who
 * owns it, and when it ends. An entry past its `expires` date stops quarantining.
 *
 *   quarantine:
 *     - id: "tests/test_net.py::test_reconnect"
 *       reason: times out on shared runners
 *       owner: "@acme/platform"
 *       issue: https://github.com/acme/service/issues/42
 *       expires: 2026-12-31
 */
export interface QuarantineEntry {
  id: string;
  reason: string;
  owner: string;
  issue?: string;
  /** The last day (UTC, YYYY-MM-DD) the entry quarantines. */
  expires: string;
  /** Line of the entry in the file, for messages. */
  line: number;
  matches: (testId: string) => boolean;
}

const FIELDS = ['id', 'reason', 'owner', 'issue', 'expires'] as const;
const EXAMPLE = 'see actions/quarantine/README.md for the format';

export function parseQuarantineFile(text: string, fileName: string): QuarantineEntry[] {
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
    throw fail(doc.contents.range?.[0], `expected a mapping with a 'quarantine:' list; ${EXAMPLE}`);
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'quarantine')
      throw fail(
        isScalar(pair.key) ? pair.key.range?.[0] : undefined,
        `unknown key '${key}'; the file has one key, 'quarantine'`,
      );
  }
  const list = doc.contents.get('quarantine', true);
  if (list === undefined || (isScalar(list) && list.value === null)) return [];
  if (!isSeq(list))
    throw fail(
      (list as { range?: number[] }).range?.[0],
      `'quarantine' must be a list of entries; ${EXAMPLE}`,
    );
  return list.items.map((item) => {
    const at = (item as { range?: number[] }).range?.[0];
    if (!isMap(item))
      throw fail(at, `each quarantine entry must be a mapping with id, reason, owner, expires; ${EXAMPLE}`);
    return readEntry(item, lineOf(at), (offset, message) => fail(offset ?? at, message));
  });
}

function readEntry(
  map: YAMLMap,
  line: number,
  fail: (offset: number | undefined, message: string) => ConfigurationError,
): QuarantineEntry {
  const values: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const pair of map.items) {
    const keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const field = FIELDS.find((f) => f === key);
    if (field === undefined) throw fail(keyOffset, `unknown field '${key}' (fields: ${FIELDS.join(', ')})`);
    if (!isScalar(pair.value) || pair.value.value === null || String(pair.value.value).trim() === '') {
      throw fail(keyOffset, `'${field}' must be a non-empty text value`);
    }
    values[field] = String(pair.value.value).trim();
  }
  for (const field of ['id', 'reason', 'owner', 'expires'] as const) {
    if (values[field] === undefined) {
      const why =
        field === 'expires' ? ' (a date such as 2026-12-31: a quarantine without an end never ends)' : '';
      throw fail(undefined, `entry ${values.id ? `'${values.id}' ` : ''}is missing '${field}'${why}`);
    }
  }
  const expires = values.expires!;
  if (!isCalendarDate(expires))
    throw fail(undefined, `'expires' is '${expires}'; expected a date as YYYY-MM-DD`);
  if (values.issue !== undefined && !/^https?:\/\/\S+$/.test(values.issue))
    throw fail(undefined, `'issue' is '${values.issue}'; expected a URL`);
  const id = values.id!;
  const glob = nameGlobMatcher(id);
  return {
    id,
    reason: values.reason!,
    owner: values.owner!,
    issue: values.issue,
    expires,
    line,
    // The exact id first: parameterised names contain [brackets] a glob would read as a class.
    matches: (testId) => testId === id || glob(testId),
  };
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** An entry is in force through the whole of its `expires` day (UTC). */
export function isExpired(entry: QuarantineEntry, now: number): boolean {
  return new Date(now).toISOString().slice(0, 10) > entry.expires;
}
