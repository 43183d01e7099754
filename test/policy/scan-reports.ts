/** Scan reports in each tool's JSON shape (fields as Trivy 0.5x, Grype 0.8x, CycloneDX 1.5 and SARIF 2.1.0 write them). */
export function trivyReport(
  createdAt: string,
  vulns: { id: string; pkg: string; score?: number; severity: string }[],
) {
  return {
    SchemaVersion: 2,
    CreatedAt: createdAt,
    ArtifactName: 'registry.example/app@sha256:…',
    ArtifactType: 'container_image',
    Results: [
      {
        Target: 'app (debian 12.5)',
        Class: 'os-pkgs',
        Type: 'debian',
        Vulnerabilities: vulns.map((v) => ({
          VulnerabilityID: v.id,
          PkgName: v.pkg,
          InstalledVersion: '1.0',
          Severity: v.severity,
          ...(v.score !== undefined
            ? { CVSS: { nvd: { V3Vector: 'CVSS:3.1/AV:N', V3Score: v.score } } }
            : {}),
        })),
      },
    ],
  };
}

export function grypeReport(
  timestamp: string,
  vulns: { id: string; pkg: string; score?: number; severity: string }[],
) {
  return {
    matches: vulns.map((v) => ({
      vulnerability: {
        id: v.id,
        severity: v.severity,
        cvss: v.score !== undefined ? [{ version: '3.1', metrics: { baseScore: v.score } }] : [],
      },
      artifact: { name: v.pkg, version: '1.0', type: 'deb' },
    })),
    source: { type: 'image' },
    descriptor: { name: 'grype', version: '0.80.0', timestamp },
  };
}

export function cyclonedxReport(
  timestamp: string,
  vulns: { id: string; pkg: string; score?: number; severity: string }[],
) {
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    metadata: { timestamp },
    components: vulns.map((v) => ({
      'bom-ref': `pkg:deb/debian/${v.pkg}@1.0`,
      type: 'library',
      name: v.pkg,
    })),
    vulnerabilities: vulns.map((v) => ({
      id: v.id,
      ratings: [
        v.score !== undefined
          ? { score: v.score, method: 'CVSSv31' }
          : { severity: v.severity.toLowerCase() },
      ],
      affects: [{ ref: `pkg:deb/debian/${v.pkg}@1.0` }],
    })),
  };
}

export function sarifReport(
  endTimeUtc: string,
  vulns: { id: string; pkg: string; score?: number; severity: string }[],
) {
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'Trivy',
            rules: vulns.map((v) => ({
              id: v.id,
              properties: v.score !== undefined ? { 'security-severity': String(v.score) } : {},
            })),
          },
        },
        invocations: [{ executionSuccessful: true, endTimeUtc }],
        results: vulns.map((v) => ({
          ruleId: v.id,
          level: v.severity === 'HIGH' || v.severity === 'CRITICAL' ? 'error' : 'warning',
          message: { text: `Package: ${v.pkg}` },
          properties: { PkgName: v.pkg },
        })),
      },
    ],
  };
}
