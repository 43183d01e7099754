import { type OwnedEntry, isExpired as pastExpiry, readOwnedEntries } from '../expiring/entries.js';
import { nameGlobMatcher } from '../glob/index.js';

/**
 * `.github/quarantine.yml`: every quarantine names its test (an id or a glob over ids), why, who
 * owns it, and when it ends. An entry past its `expires` date stops quarantining. The file is read
 * by the suite's one reader of owned, expiring entries (src/expiring), as promote's waivers are.
 *
 *   quarantine:
 *     - id: "tests/test_net.py::test_reconnect"
 *       reason: times out on shared runners
 *       owner: "@acme/platform"
 *       issue: https://github.com/acme/service/issues/42
 *       expires: 2026-12-31
 */
export interface QuarantineEntry extends OwnedEntry {
  issue?: string;
  matches: (testId: string) => boolean;
}

export const QUARANTINE_KIND = {
  noun: 'quarantine',
  listKey: 'quarantine',
  hint: 'see actions/quarantine/README.md for the format',
  extra: {
    issue: {
      required: false,
      check: (value: string) => (/^https?:\/\/\S+$/.test(value) ? undefined : 'expected a URL'),
    },
  },
};

export function parseQuarantineFile(text: string, fileName: string): QuarantineEntry[] {
  return readOwnedEntries(text, fileName, QUARANTINE_KIND).map((entry) => {
    const glob = nameGlobMatcher(entry.id);
    return {
      ...entry,
      issue: entry.extra.issue,
      // The exact id first: parameterised names contain [brackets] a glob would read as a class.
      matches: (testId: string) => testId === entry.id || glob(testId),
    };
  });
}

/** An entry is in force through the whole of its `expires` day (UTC). */
export function isExpired(entry: QuarantineEntry, now: number): boolean {
  return pastExpiry(entry, now);
}
