import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../harness/index.js';
import { testClient } from '../promote/support.js';
import {
  type BuiltImage,
  buildCosignSignature,
  buildImage,
  buildReferrer,
  pushImage,
} from '../support/oci-images.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { readFileSync } from 'node:fs';
import { CORPUS } from './corpus.js';
import { trivyReport } from './scan-reports.js';
import { cosignSign, githubProvenance, keyBundle, keyPair, statement } from './signing.js';

const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const SLSA = 'https://slsa.dev/provenance/v1';
const COMMIT = 'c0ffee'.padEnd(40, '0');

describe('promote verify gate end to end (dist/promote/index.js), key-signed evidence in the CNCF registry', () => {
  let registry: TestRegistry;
  const client = testClient();
  const signer = keyPair();
  const stranger = keyPair();
  const dir = mkdtempSync(join(tmpdir(), 'gantry-policy-'));
  const keyFile = join(dir, 'cosign.pub');
  const strangerFile = join(dir, 'stranger.pub');
  const images: Record<string, BuiltImage> = {};
  const digests: Record<string, string> = {};

  /** An image in staging with the given evidence attached (by the referrers tag schema: registry 2.8 has no referrers API). */
  async function stage(name: string, attach: (digest: string) => Promise<void>) {
    images[name] = buildImage({ label: name });
    const repo = client.repository(registry.host, 'staging/app');
    const subject = await pushImage(repo, images[name]!, name);
    digests[name] = subject.digest;
    await attach(subject.digest);
    return subject;
  }

  beforeAll(async () => {
    registry = await startRegistry();
    writeFileSync(keyFile, signer.publicPem);
    writeFileSync(strangerFile, stranger.publicPem);
    const repo = client.repository(registry.host, 'staging/app');
    const attachBundle = async (subjectDigest: string, aboutDigest: string, source = 'acme/app') => {
      const subject = await repo.resolve(subjectDigest);
      const bundle = keyBundle(
        signer.privateKey,
        statement(aboutDigest, SLSA, githubProvenance(source, 'refs/heads/main', COMMIT)),
      );
      await pushImage(repo, buildReferrer(subject!, BUNDLE, bundle));
    };
    await stage('good', (d) => attachBundle(d, d));
    await stage('forked', (d) => attachBundle(d, d, 'evil/app'));
    // A valid bundle copied from another image: signed, but about another digest.
    await stage('borrowed', (d) => attachBundle(d, digests.good!));
    await stage('unsigned', async () => undefined);
    await stage('classic', async (d) => {
      const subject = await repo.resolve(d);
      const { image, tag } = buildCosignSignature(
        subject!,
        `${registry.host}/staging/app`,
        cosignSign(signer.privateKey),
      );
      await pushImage(repo, image, tag);
    });
    await stage('scanned', async (d) => {
      const subject = await repo.resolve(d);
      const report = trivyReport(new Date().toISOString(), [
        { id: 'CVE-2024-3094', pkg: 'xz-utils', score: 10.0, severity: 'CRITICAL' },
        { id: 'CVE-2023-0001', pkg: 'zlib', score: 5.0, severity: 'MEDIUM' },
      ]);
      await pushImage(repo, buildReferrer(subject!, 'application/vnd.aquasec.trivy.report+json', report));
    });
    // A real GitHub attestation (gh's sigstore-js 2.1.0 provenance), about another artifact.
    await stage('gh-attested', async (d) => {
      const subject = await repo.resolve(d);
      const bundle = JSON.parse(readFileSync(join(CORPUS, 'cli-cli/sigstore-js-2.1.0-bundle.json'), 'utf8'));
      await pushImage(repo, buildReferrer(subject!, BUNDLE, bundle));
    });
    await stage('stale-scan', async (d) => {
      const subject = await repo.resolve(d);
      await pushImage(
        repo,
        buildReferrer(
          subject!,
          'application/vnd.aquasec.trivy.report+json',
          trivyReport('2020-01-01T00:00:00Z', []),
        ),
      );
    });
  }, 60_000);
  afterAll(() => registry.stop());

  const waivers = (expires: string) => {
    const file = join(dir, `waivers-${expires}.yml`);
    writeFileSync(
      file,
      `waivers:\n  - id: CVE-2024-3094\n    package: xz-utils\n    reason: sshd not in the image\n    owner: alice@acme.example\n    expires: ${expires}\n`,
    );
    return file;
  };
  const vuln = (name: string, tag: string, extra: Record<string, string>) =>
    runAction({
      action: 'promote',
      inputs: {
        source: `${registry.host}/staging/app:${name}`,
        destinations: `${registry.host}/prod/app:${tag}`,
        verify: 'vulnerabilities',
        ...extra,
      },
    });

  it('blocks a digest whose scan has a finding at or above max-cvss (default 7.0), naming it', async () => {
    const run = await vuln('scanned', 'scanned-1', {});
    expect(run.main.exitCode).toBe(1);
    const error = run.main.errors.join('\n');
    expect(error).toContain("rule 'vulnerabilities'");
    expect(error).toContain(digests.scanned!);
    expect(error).toContain('CVE-2024-3094 in xz-utils (10)');
    expect(await tagIn('scanned-1')).toBeUndefined();
  });

  it('a waiver lets it through; the record says waived and the waiver owner', async () => {
    const run = await vuln('scanned', 'scanned-2', { waivers: waivers('2099-12-31'), 'max-scan-age': '1d' });
    expect(run.main.errors).toEqual([]);
    const [evaluation] = JSON.parse(run.main.outputs.record!).evaluations;
    expect(evaluation).toMatchObject({
      rule: 'vulnerabilities',
      outcome: 'waived',
      waivers: [{ id: 'CVE-2024-3094', owner: 'alice@acme.example' }],
    });
    expect(await tagIn('scanned-2')).toBe(digests.scanned);
  });

  it('an expired waiver no longer applies and is listed', async () => {
    const run = await vuln('scanned', 'scanned-3', { waivers: waivers('2021-01-01') });
    expect(run.main.exitCode).toBe(1);
    expect(run.main.errors.join('\n')).toContain(
      'expired waivers (no longer applied): CVE-2024-3094 xz-utils (alice@acme.example, 2021-01-01)',
    );
    expect(run.main.annotations.map((a) => a.value).join('\n')).toContain('expired on 2021-01-01');
    expect(await tagIn('scanned-3')).toBeUndefined();
  });

  it('a scan older than max-scan-age, and a digest with no scan, are refused', async () => {
    const stale = await vuln('stale-scan', 'stale', { 'max-scan-age': '7d' });
    expect(stale.main.errors.join('\n')).toContain('older than max-scan-age');
    const none = await vuln('unsigned', 'unscanned', {});
    expect(none.main.errors.join('\n')).toContain('no scan report');
    expect(await tagIn('stale')).toBeUndefined();
  });

  const promote = (name: string, extra: Record<string, string>) =>
    runAction({
      action: 'promote',
      inputs: {
        source: `${registry.host}/staging/app:${name}`,
        destinations: `${registry.host}/prod/app:${name}`,
        'public-key': keyFile,
        'transparency-log': 'false',
        ...extra,
      },
    });
  const tagIn = async (name: string) =>
    (await client.repository(registry.host, 'prod/app').resolve(name))?.digest;

  it('promotes a digest with a verified signature and provenance from the expected source, and records each evaluation', async () => {
    const run = await promote('good', {
      verify: 'signature, provenance',
      'expected-source': 'acme/app@refs/heads/main',
      'expected-commit': COMMIT,
    });
    expect(run.main.errors).toEqual([]);
    expect(run.main.exitCode).toBe(0);
    const record = JSON.parse(run.main.outputs.record!);
    expect(
      record.evaluations.map((e: { rule: string; outcome: string }) => `${e.rule}:${e.outcome}`),
    ).toEqual(['signature:pass', 'provenance:pass']);
    for (const e of record.evaluations) {
      expect(e.digest).toBe(digests.good);
      expect(e.evidence.length).toBeGreaterThan(0);
      for (const d of e.evidence) expect(d).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    expect(await tagIn('good')).toBe(digests.good);
  });

  it('refuses a signature by another key: names the rule, the digest, expected and found; promotes nothing', async () => {
    const run = await promote('good', { verify: 'signature', 'public-key': strangerFile });
    expect(run.main.exitCode).toBe(1);
    const error = run.main.errors.join('\n');
    expect(error).toContain("rule 'signature'");
    expect(error).toContain(digests.good!);
    expect(error).toContain('expected a signature by the public key');
    expect(error).toContain('found');
    expect(error).toContain('Nothing was promoted');
  });

  it('refuses provenance from another repository (a fork), naming expected and found', async () => {
    const run = await promote('forked', { verify: 'provenance', 'expected-source': 'acme/app' });
    expect(run.main.exitCode).toBe(1);
    const error = run.main.errors.join('\n');
    expect(error).toContain("rule 'provenance'");
    expect(error).toContain(digests.forked!);
    expect(error).toContain('source repository expected acme/app, found https://github.com/evil/app');
    expect(await tagIn('forked')).toBeUndefined();
  });

  it('refuses a valid bundle borrowed from another digest (the statement subject is not the promoted digest)', async () => {
    const run = await promote('borrowed', { verify: 'signature' });
    expect(run.main.exitCode).toBe(1);
    const error = run.main.errors.join('\n');
    expect(error).toContain(`the statement's subject is ${digests.good}, not ${digests.borrowed}`);
    expect(await tagIn('borrowed')).toBeUndefined();
  });

  it('refuses an unsigned digest, also in a dry run', async () => {
    const run = await promote('unsigned', { verify: 'signature', 'dry-run': 'true' });
    expect(run.main.exitCode).toBe(1);
    expect(run.main.errors.join('\n')).toContain('no signature or attestation attached');
    expect(await tagIn('unsigned')).toBeUndefined();
  });

  it("verifies cosign's classic sha256-<hex>.sig signature with the key, and refuses it with another key", async () => {
    const good = await promote('classic', { verify: 'signature' });
    expect(good.main.errors).toEqual([]);
    expect(JSON.parse(good.main.outputs.record!).evaluations[0]).toMatchObject({
      rule: 'signature',
      outcome: 'pass',
    });
    const other = await runAction({
      action: 'promote',
      inputs: {
        source: `${registry.host}/staging/app:classic`,
        destinations: `${registry.host}/prod/app:classic-2`,
        'public-key': strangerFile,
        'transparency-log': 'false',
        verify: 'signature',
      },
    });
    expect(other.main.exitCode).toBe(1);
    expect(other.main.errors.join('\n')).toContain('does not verify with the given public key');
    // With the transparency log required (the default), a signature never logged in Rekor is refused.
    const unlogged = await runAction({
      action: 'promote',
      inputs: {
        source: `${registry.host}/staging/app:classic`,
        destinations: `${registry.host}/prod/app:classic-3`,
        'public-key': keyFile,
        verify: 'signature',
      },
    });
    expect(unlogged.main.exitCode).toBe(1);
    expect(unlogged.main.errors.join('\n')).toMatch(/TIMESTAMP_ERROR|TLOG_ERROR/);
    expect(await tagIn('classic-2')).toBeUndefined();
  });

  it('keyless verification without an identity policy is a configuration error, not an open door', async () => {
    const run = await runAction({
      action: 'promote',
      inputs: {
        source: `${registry.host}/staging/app:good`,
        destinations: `${registry.host}/prod/app:x`,
        verify: 'signature',
      },
    });
    expect(run.main.exitCode).toBe(1);
    expect(run.main.errors.join('\n')).toContain("set 'certificate-identity'");
  });

  it('keyless with a custom trusted root: a real GitHub attestation verifies its signer, then is refused as being about another artifact', async () => {
    const base = {
      source: `${registry.host}/staging/app:gh-attested`,
      destinations: `${registry.host}/prod/app:gh`,
      verify: 'signature',
      'trusted-root': join(CORPUS, 'cli-cli/trusted_root.json'),
      'certificate-oidc-issuer': 'https://token.actions.githubusercontent.com',
    };
    const right = await runAction({
      action: 'promote',
      inputs: {
        ...base,
        'certificate-identity-regexp':
          'https://github\\.com/sigstore/sigstore-js/\\.github/workflows/release\\.yml@refs/heads/main',
      },
    });
    expect(right.main.exitCode).toBe(1);
    expect(right.main.errors.join('\n')).toContain(`the statement's subject is sha512:`);
    expect(right.main.errors.join('\n')).toContain(`not ${digests['gh-attested']}`);
    const wrong = await runAction({
      action: 'promote',
      inputs: {
        ...base,
        'certificate-identity': 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
      },
    });
    expect(wrong.main.errors.join('\n')).toContain('certificate identity error');
    expect(await tagIn('gh')).toBeUndefined();
  });

  it('a trusted root whose log key has no start of validity is refused as a mistake in trusted-root, before any registry is read', async () => {
    const run = await runAction({
      action: 'promote',
      inputs: {
        source: `${registry.host}/staging/app:good`,
        destinations: `${registry.host}/prod/app:bad-root`,
        verify: 'signature',
        'trusted-root': join(
          CORPUS,
          'conformance/bundle-verify/trust-root-tlog-missing-validity-start_fail/trusted_root.json',
        ),
        'certificate-identity': 'x',
        'certificate-oidc-issuer': 'y',
      },
    });
    expect(run.main.exitCode).toBe(1);
    expect(run.main.errors.join('\n')).toMatch(/Input 'trusted-root'.*no validFor.start/);
    expect(await tagIn('bad-root')).toBeUndefined();
  });
});
