import { describe, expect, test } from 'vitest';
import { parseWaivers } from '../../src/policy/file.js';
import { judgeScan } from '../../src/policy/vulnerabilities.js';
import { parseQuarantineFile } from '../../src/quarantine/quarantine-file.js';

// Waivers and quarantines are the same kind of entry (owned, expiring): one reader, one set of rules.
const waiver = (fields: string) =>
  `waivers:\n  - id: CVE-2024-0001\n    package: openssl\n    reason: not reachable\n    owner: alice@acme.example\n${fields}`;

describe('waivers file: the shared reader of owned, expiring entries', () => {
  test.each([
    ['2026-12-31T10:00:00Z', 'a time of day'],
    ['Dec 31 2026', 'a date in words'],
    ['2026-02-30', 'a day that does not exist'],
    ['2026-12-31 extra', 'trailing text'],
    ['1767139200000', 'a timestamp'],
  ])('refuses expires %j (%s), naming file, line and the expected form', (expires) => {
    expect(() => parseWaivers(waiver(`    expires: ${expires}\n`), 'w.yml')).toThrow(
      /^w\.yml, line 2: 'expires' is '.*'; expected a date as YYYY-MM-DD$/,
    );
  });

  test('refuses unknown fields and duplicate keys, naming the line', () => {
    expect(() => parseWaivers(waiver('    expires: 2026-12-31\n    ownr: bob\n'), 'w.yml')).toThrow(
      "w.yml, line 7: unknown field 'ownr'",
    );
    expect(() => parseWaivers(waiver('    expires: 2026-12-31\n    owner: bob\n'), 'w.yml')).toThrow(
      /^w\.yml, line 7: not valid YAML/,
    );
  });

  test('refuses a waiver without package, and a list that is not one', () => {
    expect(() =>
      parseWaivers('waivers:\n  - {id: CVE-1, reason: r, owner: o, expires: 2027-01-01}\n', 'w.yml'),
    ).toThrow("w.yml, line 2: entry 'CVE-1' is missing 'package'");
    expect(() => parseWaivers('waivers: {}\n', 'w.yml')).toThrow("'waivers' must be a list of entries");
  });

  test('a waiver applies through the whole of its expires day (UTC), and is listed as expired after it', () => {
    const [w] = parseWaivers(waiver('    expires: 2026-12-03\n'), 'w.yml');
    expect(w).toMatchObject({ expires: '2026-12-03', until: Date.parse('2026-12-03T23:59:59.999Z') });
    const report = {
      format: 'trivy' as const,
      findings: [{ id: 'CVE-2024-0001', package: 'openssl', cvss: 9.8 }],
    };
    const at = (iso: string) => judgeScan(report, { maxCvss: 7, waivers: [w!] }, Date.parse(iso));
    expect(at('2026-12-03T23:59:59.999Z').outcome).toBe('waived');
    const after = at('2026-12-04T00:00:00.000Z');
    expect(after.outcome).toBe('fail');
    expect(after.expiredWaivers).toEqual([
      { id: 'CVE-2024-0001', package: 'openssl', owner: 'alice@acme.example', expires: '2026-12-03' },
    ]);
  });

  test('the same entry text means the same thing in a waivers file and a quarantine file', () => {
    const body = '    reason: r\n    owner: o\n    expires: 2026-12-31\n';
    const [w] = parseWaivers(`waivers:\n  - id: X\n    package: p\n${body}`, 'w.yml');
    const [q] = parseQuarantineFile(`quarantine:\n  - id: X\n${body}`, 'q.yml');
    expect({ ...w, package: undefined }).toMatchObject({ id: q!.id, owner: q!.owner, expires: q!.expires });
    expect(w!.until).toBe(q!.until);
    for (const bad of ['2026-12-31T00:00', '2026-13-01'])
      for (const read of [
        () =>
          parseWaivers(`waivers:\n  - id: X\n    package: p\n${body.replace('2026-12-31', bad)}`, 'w.yml'),
        () => parseQuarantineFile(`quarantine:\n  - id: X\n${body.replace('2026-12-31', bad)}`, 'q.yml'),
      ])
        expect(read).toThrow(`'expires' is '${bad}'; expected a date as YYYY-MM-DD`);
  });
});
