// The vulnerability gate on reports the scanners wrote themselves (test/policy/fixtures/
// scan-reports, from Trivy's and Grype's own golden outputs; SOURCES.md says which and what each
// holds): each finding read with its advisory, package and highest score, and a waiver on the
// advisory and package accepting it whatever the format.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeScan, parseScanReport, type Waiver } from '../../src/policy/vulnerabilities.js';

const DIR = join(import.meta.dirname, 'fixtures/scan-reports');
const read = (file: string) => parseScanReport(readFileSync(join(DIR, file), 'utf8'));
const findings = (file: string) => read(file)!.findings.map((f) => `${f.id} ${f.package} ${f.cvss}`);

const ALPINE = [
  'CVE-2019-1549 libcrypto1.1 5.3',
  'CVE-2019-1551 libcrypto1.1 5.3',
  'CVE-2019-1549 libssl1.1 5.3',
  'CVE-2019-1551 libssl1.1 5.3',
];
const GRYPE = ['CVE-1999-0001 package-1 8.2', 'CVE-1999-0002 package-2 8.5'];

describe('reports written by Trivy and Grype', () => {
  it('Trivy JSON: every vulnerability, with the highest CVSS v3 score of any source, and when it ran', () => {
    const report = read('trivy-alpine-310.json')!;
    expect(report.format).toBe('trivy');
    expect(findings('trivy-alpine-310.json')).toEqual(ALPINE);
    expect(report.time).toBe(Date.parse('2021-08-25T12:20:30.000000005Z'));
  });

  it('Trivy SARIF: the same findings, the package read from the result message', () => {
    const report = read('trivy-alpine-310.sarif')!;
    expect(report.format).toBe('sarif');
    expect(findings('trivy-alpine-310.sarif')).toEqual(ALPINE);
    expect(report.time).toBeUndefined();
  });

  it('Trivy CycloneDX: the affected component by its bom-ref, the highest rating of eleven', () => {
    const report = read('trivy-npm.cdx.json')!;
    expect(report.format).toBe('cyclonedx');
    expect(findings('trivy-npm.cdx.json')).toEqual(['CVE-2019-11358 jquery 6.1']);
    expect(report.time).toBe(Date.parse('2021-08-25T12:20:30+00:00'));
  });

  it('Grype JSON: the CVSS base score decides, not the severity word (Low at 8.2 is at or above 7)', () => {
    const report = read('grype-image.json')!;
    expect(report.format).toBe('grype');
    expect(findings('grype-image.json')).toEqual(GRYPE);
    expect(report.time).toBeUndefined();
  });

  it('Grype SARIF: the advisory without the package suffix Grype adds to rule ids, the package from the help', () => {
    expect(findings('grype-image.sarif')).toEqual(GRYPE);
  });
});

describe('the gate on them', () => {
  const waiver = (id: string, pkg: string): Waiver => ({
    id,
    package: pkg,
    reason: 'not reachable in our build',
    owner: '@acme/platform',
    expires: '2030-01-01',
    until: Date.parse('2030-01-01T23:59:59Z'),
  });
  const now = Date.parse('2026-12-04T00:00:00Z');

  it('the same Grype scan blocks at max-cvss 7 in JSON and in SARIF, and the same waivers accept it in both', () => {
    for (const file of ['grype-image.json', 'grype-image.sarif']) {
      const report = read(file);
      const blocked = judgeScan(report, { maxCvss: 7, waivers: [] }, now);
      expect(blocked.outcome).toBe('fail');
      expect(blocked.found).toContain('CVE-1999-0001 in package-1 (8.2), CVE-1999-0002 in package-2 (8.5)');
      const waived = judgeScan(
        report,
        { maxCvss: 7, waivers: [waiver('CVE-1999-0001', 'package-1'), waiver('CVE-1999-0002', 'package-2')] },
        now,
      );
      expect(waived.outcome).toBe('waived');
      // A waiver for one package does not cover the same advisory in another.
      const other = judgeScan(
        report,
        { maxCvss: 7, waivers: [waiver('CVE-1999-0001', 'package-2'), waiver('CVE-1999-0002', 'package-2')] },
        now,
      );
      expect(other.outcome).toBe('fail');
      expect(other.found).toContain('1 finding(s)');
    }
  });

  it('the Trivy scan passes at 7 and blocks at 5 in every format, and a waiver per package accepts it', () => {
    for (const file of ['trivy-alpine-310.json', 'trivy-alpine-310.sarif']) {
      expect(judgeScan(read(file), { maxCvss: 7, waivers: [] }, now).outcome).toBe('pass');
      const blocked = judgeScan(
        read(file),
        { maxCvss: 5, waivers: [waiver('CVE-2019-1549', 'libssl1.1')] },
        now,
      );
      expect(blocked.outcome).toBe('fail');
      expect(blocked.found).toContain('3 finding(s) at or above CVSS 5');
    }
  });

  it('a report that does not say when it ran fails max-scan-age (the referrer’s creation time is the gate’s fallback)', () => {
    const result = judgeScan(
      read('trivy-alpine-310.sarif'),
      { maxCvss: 7, maxScanAge: 86_400_000, waivers: [] },
      now,
    );
    expect(result).toMatchObject({ outcome: 'fail', found: 'a sarif report that does not say when it ran' });
    const old = judgeScan(
      read('trivy-alpine-310.json'),
      { maxCvss: 7, maxScanAge: 86_400_000, waivers: [] },
      now,
    );
    expect(old.found).toContain('older than max-scan-age');
  });
});
