/** Artifact types a scan report is attached as (the format itself is read from the content). */
export const SCAN_TYPES = [
  'application/sarif+json',
  'application/vnd.cyclonedx+json',
  'application/vnd.aquasec.trivy.report+json',
  'application/vnd.trivy.report+json',
  'application/vnd.anchore.grype.report+json',
  'application/vnd.grype.report+json',
];

export interface Finding {
  id: string;
  package: string;
  cvss: number;
}

export interface ScanReport {
  format: 'sarif' | 'cyclonedx' | 'trivy' | 'grype';
  /** When the scan ran (ms since the epoch), as the report says. */
  time?: number;
  findings: Finding[];
}

export interface Waiver {
  id: string;
  package: string;
  reason: string;
  owner: string;
  expires: string;
  /** Parsed `expires`, end of that day when only a date is given. */
  until: number;
}

/** Without a numeric score, a severity word counts as the lowest score of its CVSS v3 band. */
const SEVERITY_SCORE: Record<string, number> = {
  critical: 9.0,
  high: 7.0,
  medium: 4.0,
  moderate: 4.0,
  low: 0.1,
};

function score(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number.parseFloat(value) : typeof value === 'number' ? value : NaN;
  return Number.isFinite(n) ? n : undefined;
}
function severity(word: unknown): number {
  return SEVERITY_SCORE[String(word ?? '').toLowerCase()] ?? 0;
}
function time(value: unknown): number | undefined {
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(t) ? t : undefined;
}

/**
 * Untrusted report JSON, read only through optional chaining and the coercions above (String,
 * score, time), so a field of the wrong type yields an empty or zero value, never a throw.
 */
// biome-ignore lint/suspicious/noExplicitAny: four external report schemas, every read is guarded
type Json = Record<string, any>;

/**
 * SARIF has no field for the package or the advisory: scanners put them in properties or in the
 * text. Trivy writes `Package: <name>` in the result message and the advisory as the rule id;
 * Grype writes `Vulnerability <id>` and `Package: <name>` in the rule's help and makes the rule id
 * `<advisory>-<package>`. Without the package, a waiver (id and package) could never match.
 */
function sarifIdentity(ruleId: string, props: Json, texts: string[]): { id: string; pkg: string } {
  const fromText = (pattern: RegExp) => {
    for (const text of texts) {
      const found = pattern.exec(text)?.[1]?.trim();
      if (found) return found;
    }
    return undefined;
  };
  const pkg = String(
    props.PkgName ?? props.packageName ?? props.package ?? fromText(/^Package: ?(\S.*)$/m) ?? '',
  );
  const advisory = fromText(/^Vulnerability ?(\S+)$/m);
  const id =
    advisory && ruleId.startsWith(advisory)
      ? advisory
      : pkg && ruleId.endsWith(`-${pkg}`)
        ? ruleId.slice(0, -pkg.length - 1)
        : ruleId;
  return { id, pkg };
}

/** Reads SARIF 2.1, CycloneDX (with vulnerabilities), Trivy JSON or Grype JSON; undefined for anything else. */
export function parseScanReport(text: string): ScanReport | undefined {
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null) return undefined;
  if (Array.isArray(doc.runs) && String(doc.version ?? '').startsWith('2.')) {
    const findings: Finding[] = [];
    let when: number | undefined;
    for (const run of doc.runs as Json[]) {
      const rules = new Map<string, Json>();
      for (const rule of (run?.tool?.driver?.rules ?? []) as Json[]) rules.set(String(rule?.id), rule);
      for (const inv of (run?.invocations ?? []) as Json[])
        when ??= time(inv?.endTimeUtc) ?? time(inv?.startTimeUtc);
      for (const result of (run?.results ?? []) as Json[]) {
        const rule = rules.get(String(result?.ruleId));
        const props = { ...(rule?.properties ?? {}), ...(result?.properties ?? {}) } as Json;
        const { id, pkg } = sarifIdentity(String(result?.ruleId ?? ''), props, [
          String(result?.message?.text ?? ''),
          String(rule?.help?.text ?? ''),
        ]);
        findings.push({
          id,
          package: pkg,
          cvss:
            score(props['security-severity']) ??
            severity(result?.level === 'error' ? 'high' : result?.level === 'warning' ? 'medium' : 'low'),
        });
      }
    }
    return { format: 'sarif', time: when, findings };
  }
  if (doc.bomFormat === 'CycloneDX') {
    const names = new Map<string, string>();
    for (const c of (doc.components ?? []) as Json[])
      if (c?.['bom-ref']) names.set(String(c['bom-ref']), String(c.name ?? c['bom-ref']));
    const findings: Finding[] = [];
    for (const v of (doc.vulnerabilities ?? []) as Json[]) {
      const ratings = (v?.ratings ?? []) as Json[];
      const cvss = Math.max(0, ...ratings.map((r) => score(r?.score) ?? severity(r?.severity)));
      const refs = ((v?.affects ?? []) as Json[]).map((a) => String(a?.ref ?? ''));
      for (const ref of refs.length ? refs : [''])
        findings.push({ id: String(v?.id ?? ''), package: names.get(ref) ?? ref, cvss });
    }
    return { format: 'cyclonedx', time: time(doc.metadata?.timestamp), findings };
  }
  if (Array.isArray(doc.Results) && (doc.SchemaVersion !== undefined || doc.ArtifactName !== undefined)) {
    const findings: Finding[] = [];
    for (const r of doc.Results as Json[])
      for (const v of (r?.Vulnerabilities ?? []) as Json[]) {
        const scores = Object.values((v?.CVSS ?? {}) as Record<string, Json>).map(
          (c) => score(c?.V3Score) ?? score(c?.V2Score) ?? 0,
        );
        findings.push({
          id: String(v?.VulnerabilityID ?? ''),
          package: String(v?.PkgName ?? ''),
          cvss: scores.length ? Math.max(...scores) : severity(v?.Severity),
        });
      }
    return { format: 'trivy', time: time(doc.CreatedAt), findings };
  }
  if (Array.isArray(doc.matches) && doc.descriptor !== undefined) {
    const findings: Finding[] = (doc.matches as Json[]).map((m) => {
      const scores = ((m?.vulnerability?.cvss ?? []) as Json[]).map((c) => score(c?.metrics?.baseScore) ?? 0);
      return {
        id: String(m?.vulnerability?.id ?? ''),
        package: String(m?.artifact?.name ?? ''),
        cvss: scores.length ? Math.max(...scores) : severity(m?.vulnerability?.severity),
      };
    });
    return { format: 'grype', time: time(doc.descriptor?.timestamp), findings };
  }
  return undefined;
}

export interface VulnerabilityPolicy {
  maxCvss: number;
  /** Milliseconds; undefined: any age. */
  maxScanAge?: number;
  waivers: Waiver[];
}

export interface VulnerabilityResult {
  outcome: 'pass' | 'fail' | 'waived';
  found: string;
  waived: { id: string; package: string; owner: string; expires: string }[];
  expiredWaivers: { id: string; package: string; owner: string; expires: string }[];
}

const key = (w: { id: string; package: string; owner: string; expires: string }) => ({
  id: w.id,
  package: w.package,
  owner: w.owner,
  expires: w.expires,
});

/** The newest report decides; a finding at or above max-cvss blocks unless an unexpired waiver covers its id and package. */
export function judgeScan(
  report: ScanReport | undefined,
  policy: VulnerabilityPolicy,
  now: number,
): VulnerabilityResult {
  const expired = policy.waivers.filter((w) => w.until < now);
  const live = policy.waivers.filter((w) => w.until >= now);
  const base = { waived: [], expiredWaivers: expired.map(key) };
  if (!report)
    return {
      ...base,
      outcome: 'fail',
      found: 'no scan report (SARIF, CycloneDX, Trivy or Grype JSON) attached',
    };
  if (policy.maxScanAge !== undefined) {
    if (report.time === undefined)
      return { ...base, outcome: 'fail', found: `a ${report.format} report that does not say when it ran` };
    if (now - report.time > policy.maxScanAge)
      return {
        ...base,
        outcome: 'fail',
        found: `a ${report.format} report from ${new Date(report.time).toISOString()}, older than max-scan-age`,
      };
  }
  const blocking = report.findings.filter((f) => f.cvss >= policy.maxCvss);
  const waived: VulnerabilityResult['waived'] = [];
  const open: Finding[] = [];
  for (const f of blocking) {
    const w = live.find(
      (w) => w.id.toLowerCase() === f.id.toLowerCase() && (w.package === f.package || w.package === '*'),
    );
    if (w) waived.push(key(w));
    else open.push(f);
  }
  const expiredNote = expired.length
    ? `; expired waivers (no longer applied): ${expired.map((w) => `${w.id} ${w.package} (${w.owner}, ${w.expires})`).join(', ')}`
    : '';
  if (open.length)
    return {
      outcome: 'fail',
      waived,
      expiredWaivers: expired.map(key),
      found: `${open.length} finding(s) at or above CVSS ${policy.maxCvss} in the ${report.format} report: ${open
        .slice(0, 20)
        .map((f) => `${f.id} in ${f.package || '?'} (${f.cvss})`)
        .join(', ')}${open.length > 20 ? ', …' : ''}${expiredNote}`,
    };
  if (waived.length)
    return {
      outcome: 'waived',
      waived,
      expiredWaivers: expired.map(key),
      found: `${waived.length} finding(s) at or above CVSS ${policy.maxCvss} waived: ${waived.map((w) => `${w.id} in ${w.package} by ${w.owner} until ${w.expires}`).join(', ')}${expiredNote}`,
    };
  return {
    ...base,
    outcome: 'pass',
    found: `no finding at or above CVSS ${policy.maxCvss} in the ${report.format} report (${report.findings.length} below)${expiredNote}`,
  };
}
