import { ConfigurationError } from '../runtime/errors.js';
import type { Evaluation, Evidence, GateSpec } from './spec.js';
import {
  type BundleVerdict,
  defaultTrustedRoot,
  parsePublicKey,
  parseTrustedRoot,
  TrustRootError,
  COSIGN_SIGNATURE_ANNOTATION,
  COSIGN_SIMPLESIGNING_TYPE,
  type Statement,
  subjectOf,
  type Trust,
  verifyBundle,
  verifyClassic,
} from './sigstore.js';
import { checkProvenance, type SourcePolicy } from './slsa.js';
import {
  judgeScan,
  parseScanReport,
  SCAN_TYPES,
  type ScanReport,
  type VulnerabilityPolicy,
} from './vulnerabilities.js';

export { describeFailures, type Evaluation, type Evidence, RULES, type Rule } from './spec.js';

/** What the promotion gate verifies, and against what (the trust parsed). */
export interface GateConfig extends Omit<GateSpec, 'trust'> {
  trust: Trust;
}

/** The configured gate with its trust material parsed; a malformed root or key is a mistake in the input that named it. */
export function loadGate(spec: GateSpec): GateConfig {
  const guard = <T>(input: string, given: string, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof TrustRootError) throw ConfigurationError.forInput(input, given, error.message);
      throw error;
    }
  };
  const t = spec.trust;
  const root = (r: { text: string; name: string }) =>
    guard('trusted-root', r.name, () => parseTrustedRoot(r.text, r.name));
  let trust: Trust;
  if (t.kind === 'key')
    trust = {
      kind: 'key',
      key: guard('public-key', t.name, () => parsePublicKey(t.pem, 'public-key')),
      name: t.name,
      root: t.root ? root(t.root) : undefined,
      transparencyLog: t.transparencyLog,
    };
  else if (t.kind === 'root') trust = { kind: 'root', root: root(t), name: t.name };
  else trust = defaultTrustedRoot();
  return { ...spec, trust };
}

const BUNDLE_TYPE = /^application\/vnd\.dev\.sigstore\.bundle/;
/** A bundle is small; anything larger is not read. */
const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;

interface Checked {
  evidence: string[];
  verdict: BundleVerdict;
}

/** Every signature and attestation attached to the digest, each verified. */
async function verifyAll(
  config: GateConfig,
  digest: string,
  manifest: Uint8Array,
  referrers: Evidence[],
): Promise<Checked[]> {
  const subject = subjectOf(manifest, digest);
  const checked: Checked[] = [];
  for (const referrer of referrers) {
    if (referrer.artifactType && BUNDLE_TYPE.test(referrer.artifactType)) {
      for (const layer of referrer.layers.filter((l) => BUNDLE_TYPE.test(l.mediaType))) {
        const evidence = [referrer.digest, layer.digest];
        if (layer.size > MAX_BUNDLE_BYTES) {
          checked.push({ evidence, verdict: { ok: false, reason: 'the bundle is over 4 MiB' } });
          continue;
        }
        checked.push({
          evidence,
          verdict: verifyBundle(await referrer.read(layer.digest), subject, config.trust, config.identity),
        });
      }
    } else if (referrer.artifactType === 'cosign:sig') {
      for (const layer of referrer.layers.filter((l) => l.mediaType === COSIGN_SIMPLESIGNING_TYPE)) {
        const evidence = [referrer.digest, layer.digest];
        if (!layer.annotations?.[COSIGN_SIGNATURE_ANNOTATION]) {
          checked.push({
            evidence,
            verdict: { ok: false, reason: `the layer has no ${COSIGN_SIGNATURE_ANNOTATION} annotation` },
          });
          continue;
        }
        if (layer.size > MAX_BUNDLE_BYTES) {
          checked.push({ evidence, verdict: { ok: false, reason: 'the signed payload is over 4 MiB' } });
          continue;
        }
        const payload = await referrer.read(layer.digest);
        checked.push({
          evidence,
          verdict: verifyClassic(payload, layer.annotations, digest, config.trust, config.identity),
        });
      }
    }
  }
  return checked;
}

function describeSigner(config: GateConfig): string {
  if (config.trust.kind === 'key') return `a signature by the public key ${config.trust.name}`;
  const who =
    config.identity.identity ??
    (config.identity.identityPattern ? `/${config.identity.identityPattern}/` : 'any identity');
  return `a signature by ${who}${config.identity.issuer ? ` (issuer ${config.identity.issuer})` : ''} under the ${config.trust.name} trusted root`;
}

function summarise(checked: Checked[]): string {
  if (checked.length === 0) return 'no signature or attestation attached';
  return checked.map((c) => `${c.evidence[0]}: ${c.verdict.ok ? 'verified' : c.verdict.reason}`).join('; ');
}

/** Runs every rule; the caller refuses the promotion when any evaluation failed. */
export async function evaluateGate(
  config: GateConfig,
  digest: string,
  manifest: Uint8Array,
  referrers: Evidence[],
  now: number,
): Promise<Evaluation[]> {
  if (config.rules.length === 0) return [];
  const needsSignatures = config.rules.some((r) => r !== 'vulnerabilities');
  const checked = needsSignatures ? await verifyAll(config, digest, manifest, referrers) : [];
  const verified = checked.filter((c) => c.verdict.ok);
  const evaluations: Evaluation[] = [];
  for (const rule of config.rules) {
    if (rule === 'signature') {
      const expected = describeSigner(config);
      evaluations.push(
        verified.length
          ? {
              rule,
              outcome: 'pass',
              digest,
              evidence: verified.flatMap((c) => c.evidence),
              expected,
              found: summarise(verified),
            }
          : {
              rule,
              outcome: 'fail',
              digest,
              evidence: checked.flatMap((c) => c.evidence),
              expected,
              found: summarise(checked),
            },
      );
    } else if (rule === 'vulnerabilities') {
      evaluations.push(await evaluateScans(config.vulnerabilities, digest, referrers, now));
    } else {
      const expected = `verified SLSA provenance (v1 or v0.2)${describeSource(config.source)}, with ${describeSigner(config)}`;
      const results = verified
        .filter((c) => c.verdict.statement)
        .map((c) => ({ c, problem: checkProvenance(c.verdict.statement as Statement, config.source) }));
      const good = results.find((r) => r.problem === undefined);
      evaluations.push(
        good
          ? {
              rule,
              outcome: 'pass',
              digest,
              evidence: good.c.evidence,
              expected,
              found: `provenance ${good.c.evidence[0]}`,
            }
          : {
              rule,
              outcome: 'fail',
              digest,
              evidence: results.flatMap((r) => r.c.evidence),
              expected,
              found: results.length
                ? results.map((r) => `${r.c.evidence[0]}: ${r.problem}`).join('; ')
                : verified.length
                  ? 'verified signatures, but no attestation among them'
                  : summarise(checked),
            },
      );
    }
  }
  return evaluations;
}

/** The newest scan report attached to the digest decides (an older report cannot outvote a newer one). */
async function evaluateScans(
  policy: VulnerabilityPolicy,
  digest: string,
  referrers: Evidence[],
  now: number,
): Promise<Evaluation> {
  const reports: { report: ScanReport; evidence: string[] }[] = [];
  for (const referrer of referrers) {
    if (!referrer.artifactType || !SCAN_TYPES.includes(referrer.artifactType)) continue;
    for (const layer of referrer.layers) {
      if (layer.size > 64 * 1024 * 1024) continue;
      const report = parseScanReport(Buffer.from(await referrer.read(layer.digest)).toString('utf8'));
      if (!report) continue;
      if (report.time === undefined && referrer.created) {
        const t = Date.parse(referrer.created);
        if (Number.isFinite(t)) report.time = t;
      }
      reports.push({ report, evidence: [referrer.digest, layer.digest] });
    }
  }
  reports.sort((a, b) => (b.report.time ?? -Infinity) - (a.report.time ?? -Infinity));
  const newest = reports[0];
  const result = judgeScan(newest?.report, policy, now);
  const age =
    policy.maxScanAge !== undefined ? `, no older than ${Math.round(policy.maxScanAge / 3_600_000)}h` : '';
  return {
    rule: 'vulnerabilities',
    outcome: result.outcome,
    digest,
    evidence: newest?.evidence ?? [],
    expected: `a scan report of this digest${age} with no finding at or above CVSS ${policy.maxCvss} unless waived`,
    found: result.found,
    ...(result.waived.length ? { waivers: result.waived } : {}),
    ...(result.expiredWaivers.length ? { expiredWaivers: result.expiredWaivers } : {}),
  };
}

function describeSource(source: SourcePolicy): string {
  const parts = [
    source.repository && `from ${source.repository}`,
    source.ref && `ref ${source.ref}`,
    source.commit && `commit ${source.commit}`,
    source.builderId && `builder ${source.builderId}`,
  ].filter(Boolean);
  return parts.length ? ` ${parts.join(', ')}` : '';
}
