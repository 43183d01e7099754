import { describe, expect, test } from 'vitest';
import { parseWaivers } from '../../src/policy/file.js';
import { judgeScan, parseScanReport } from '../../src/policy/vulnerabilities.js';
import { cyclonedxReport, grypeReport, sarifReport, trivyReport } from './scan-reports.js';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const VULNS = [
  { id: 'CVE-2024-0001', pkg: 'openssl', score: 9.8, severity: 'CRITICAL' },
  { id: 'GHSA-aaaa-bbbb-cccc', pkg: 'lodash', severity: 'HIGH' },
  { id: 'CVE-2024-0003', pkg: 'zlib', score: 5.3, severity: 'MEDIUM' },
];
const FORMATS = { trivy: trivyReport, grype: grypeReport, cyclonedx: cyclonedxReport, sarif: sarifReport };

describe('scan reports: the same findings read from each format', () => {
  for (const [format, make] of Object.entries(FORMATS))
    test(`${format}: ids, packages, scores (a severity without a score counts as its band's lowest) and the scan time`, () => {
      const report = parseScanReport(JSON.stringify(make('2026-12-04T10:00:00Z', VULNS)))!;
      expect(report.format).toBe(format);
      expect(report.time).toBe(Date.parse('2026-12-04T10:00:00Z'));
      expect(report.findings.map((f) => [f.id, f.package, f.cvss])).toEqual([
        ['CVE-2024-0001', 'openssl', 9.8],
        ['GHSA-aaaa-bbbb-cccc', 'lodash', 7.0],
        ['CVE-2024-0003', 'zlib', 5.3],
      ]);
    });
  test('anything else is not a report', () => {
    expect(parseScanReport('{"spdxVersion":"SPDX-2.3"}')).toBeUndefined();
    expect(parseScanReport('not json')).toBeUndefined();
  });
});

const waiversYaml = (expires: string) => `waivers:
  - id: CVE-2024-0001
    package: openssl
    reason: not reachable, no TLS server in the image
    owner: alice@acme.example
    expires: ${expires}
  - id: GHSA-aaaa-bbbb-cccc
    package: lodash
    reason: fixed upstream next week
    owner: bob@acme.example
    expires: 2027-01-31
`;

describe('the vulnerability gate', () => {
  const report = parseScanReport(JSON.stringify(trivyReport('2026-12-04T10:00:00Z', VULNS)))!;
  test('blocks on any finding at or above max-cvss (default 7.0: a 7.0 blocks), naming each', () => {
    const r = judgeScan(report, { maxCvss: 7.0, waivers: [] }, NOW);
    expect(r.outcome).toBe('fail');
    expect(r.found).toContain('CVE-2024-0001 in openssl (9.8)');
    expect(r.found).toContain('GHSA-aaaa-bbbb-cccc in lodash (7)');
    expect(r.found).not.toContain('zlib');
  });
  test('waivers covering every blocking finding let it through as waived, with their owners', () => {
    const r = judgeScan(
      report,
      { maxCvss: 7.0, waivers: parseWaivers(waiversYaml('2026-12-31'), 'w.yml') },
      NOW,
    );
    expect(r.outcome).toBe('waived');
    expect(r.waived.map((w) => w.owner)).toEqual(['alice@acme.example', 'bob@acme.example']);
  });
  test('an expired waiver stops working and is listed', () => {
    const r = judgeScan(
      report,
      { maxCvss: 7.0, waivers: parseWaivers(waiversYaml('2026-12-03'), 'w.yml') },
      NOW,
    );
    expect(r.outcome).toBe('fail');
    expect(r.found).toContain('CVE-2024-0001 in openssl');
    expect(r.found).toContain(
      'expired waivers (no longer applied): CVE-2024-0001 openssl (alice@acme.example, 2026-12-03)',
    );
    expect(r.expiredWaivers).toEqual([
      { id: 'CVE-2024-0001', package: 'openssl', owner: 'alice@acme.example', expires: '2026-12-03' },
    ]);
  });
  test('a waiver for another package does not cover the finding', () => {
    const w = parseWaivers(
      waiversYaml('2026-12-31').replace('package: openssl', 'package: libssl3'),
      'w.yml',
    );
    expect(judgeScan(report, { maxCvss: 7.0, waivers: w }, NOW).found).toContain('CVE-2024-0001 in openssl');
  });
  test('a report older than max-scan-age, or none, fails', () => {
    expect(judgeScan(report, { maxCvss: 10, maxScanAge: 3_600_000, waivers: [] }, NOW).found).toContain(
      'older than max-scan-age',
    );
    expect(judgeScan(report, { maxCvss: 10, maxScanAge: 3 * 3_600_000, waivers: [] }, NOW).outcome).toBe(
      'pass',
    );
    expect(judgeScan(undefined, { maxCvss: 10, waivers: [] }, NOW).found).toContain('no scan report');
  });
  test('a waiver without expires (or owner) is refused, naming the entry', () => {
    expect(() =>
      parseWaivers('waivers:\n  - id: CVE-1\n    package: a\n    reason: r\n    owner: o\n', 'w.yml'),
    ).toThrow("w.yml, line 2: entry 'CVE-1' is missing 'expires'");
    expect(() =>
      parseWaivers(
        'waivers:\n  - id: CVE-1\n    package: a\n    reason: r\n    expires: 2027-01-01\n',
        'w.yml',
      ),
    ).toThrow("entry 'CVE-1' is missing 'owner'");
    expect(() =>
      parseWaivers('waivers:\n  - {id: CVE-1, package: a, reason: r, owner: o, expires: soon}\n', 'w.yml'),
    ).toThrow("'expires' is 'soon'; expected a date as YYYY-MM-DD");
  });
});
