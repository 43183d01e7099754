import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUITE_ROOT, runAction } from '../harness/index.js';
import { testClient } from '../promote/support.js';
import { buildImage, buildReferrer, pushImage, writeLayout } from '../support/oci-images.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { githubProvenance, keyBundle, keyPair, statement } from './signing.js';

const run = promisify(execFile);
const CLI = join(SUITE_ROOT, 'dist/cli/index.js');
const NODE = join(SUITE_ROOT, 'node_modules/.bin/node');
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const SLSA = 'https://slsa.dev/provenance/v1';
const COMMIT = 'c0ffee'.padEnd(40, '0');

async function gantry(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(NODE, [CLI, ...args], { env: { PATH: process.env.PATH } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const signer = keyPair();
const other = keyPair();

/** A layout holding one image tagged 'image' and, optionally, a bundle about it (or about another digest). */
async function layoutCase(dir: string, evidence: 'provenance' | 'none' | 'fork' | 'other-key') {
  const image = buildImage({ label: dir });
  const layout = await writeLayout(dir, [{ image, tag: 'image' }]);
  const subject = image.top.descriptor;
  if (evidence === 'none') return;
  const key = evidence === 'other-key' ? other.privateKey : signer.privateKey;
  const source = evidence === 'fork' ? 'evil/app' : 'acme/app';
  const bundle = keyBundle(
    key,
    statement(subject.digest, SLSA, githubProvenance(source, 'refs/heads/main', COMMIT)),
  );
  await pushImage(layout, buildReferrer(subject, BUNDLE, bundle));
}

describe('gantry policy test (bundled CLI): a policy evaluated against known-good and known-bad OCI layouts', () => {
  const root = mkdtempSync(join(tmpdir(), 'gantry-policy-test-'));
  const corpus = join(root, 'corpus');
  const policy = join(root, 'policy.yml');
  beforeAll(async () => {
    writeFileSync(join(root, 'cosign.pub'), signer.publicPem);
    writeFileSync(
      policy,
      [
        'environments:',
        '  staging:',
        '    verify: [signature]',
        '    public-key: cosign.pub',
        '    transparency-log: false',
        '  production:',
        '    verify: [signature, provenance]',
        '    public-key: cosign.pub',
        '    transparency-log: false',
        '    expected-source: acme/app@refs/heads/main',
        '',
      ].join('\n'),
    );
    await layoutCase(join(corpus, 'staging/good/signed'), 'provenance');
    await layoutCase(join(corpus, 'staging/good/fork-signed'), 'fork');
    await layoutCase(join(corpus, 'staging/bad/unsigned'), 'none');
    await layoutCase(join(corpus, 'production/good/release'), 'provenance');
    await layoutCase(join(corpus, 'production/bad/fork'), 'fork');
    await layoutCase(join(corpus, 'production/bad/other-key'), 'other-key');
    await layoutCase(join(corpus, 'production/bad/unsigned'), 'none');
  }, 60_000);

  it('passes when every good case passes and every bad case is refused', async () => {
    const result = await gantry(['policy', 'test', '--policy', policy, '--corpus', corpus]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('7/7 as expected');
    expect(result.stdout).toMatch(
      /ok {3}production\/bad\/fork: refused \(provenance: .*source repository expected acme\/app@?.*found https:\/\/github.com\/evil\/app/,
    );
  });

  it('fails, naming the case, when a policy change would let a bad artifact through', async () => {
    const loose = join(root, 'loose.yml');
    writeFileSync(
      loose,
      'environments:\n  production:\n    verify: [signature]\n    public-key: cosign.pub\n    transparency-log: false\n',
    );
    const result = await gantry([
      'policy',
      'test',
      '--policy',
      loose,
      '--corpus',
      corpus,
      '--environment',
      'production',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL production/bad/fork: passes');
    expect(result.stdout).toContain('3/4 as expected');
  });

  it('a malformed policy is one clear error naming the file and the environment', async () => {
    const broken = join(root, 'broken.yml');
    writeFileSync(broken, 'environments:\n  production:\n    verify: [signatures]\n');
    const result = await gantry([
      'policy',
      'test',
      '--policy',
      broken,
      '--corpus',
      corpus,
      '--environment',
      'production',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Policy ${broken}, environment 'production'`);
    expect(result.stderr).toContain('signatures');
    const unknown = join(root, 'unknown.yml');
    writeFileSync(unknown, 'environments:\n  production:\n    verfy: [signature]\n');
    expect((await gantry(['policy', 'test', '--policy', unknown, '--corpus', corpus])).stderr).toContain(
      "unknown key 'verfy'",
    );
  });
});

describe('promote with a policy file, and gantry policy log listing the recorded evaluations', () => {
  let registry: TestRegistry;
  const client = testClient();
  const root = mkdtempSync(join(tmpdir(), 'gantry-policy-log-'));
  let digest = '';
  beforeAll(async () => {
    registry = await startRegistry();
    writeFileSync(join(root, 'cosign.pub'), signer.publicPem);
    writeFileSync(
      join(root, 'policy.yml'),
      'environments:\n  production:\n    verify: [signature, provenance]\n    public-key: cosign.pub\n    transparency-log: false\n    expected-source: acme/app\n',
    );
    const repo = client.repository(registry.host, 'staging/app');
    const image = buildImage({ label: 'log' });
    const subject = await pushImage(repo, image, 'rc1');
    digest = subject.digest;
    const bundle = keyBundle(
      signer.privateKey,
      statement(digest, SLSA, githubProvenance('acme/app', 'refs/heads/main', COMMIT)),
    );
    await pushImage(repo, buildReferrer(subject, BUNDLE, bundle));
  }, 60_000);
  afterAll(() => registry.stop());

  it('the environment of the policy file gates the promotion; the log lists each rule with its evidence', async () => {
    const promoted = await runAction({
      action: 'promote',
      inputs: {
        source: `${registry.host}/staging/app:rc1`,
        destinations: `${registry.host}/prod/app:1.0.0`,
        policy: join(root, 'policy.yml'),
        environment: 'production',
      },
      env: { GITHUB_ACTOR: 'octocat' },
    });
    expect(promoted.main.errors).toEqual([]);
    const log = await gantry(['policy', 'log', `${registry.host}/prod/app:1.0.0`]);
    expect(log.code).toBe(0);
    expect(log.stdout).toContain(`is ${digest}: 1 promotion record(s)`);
    expect(log.stdout).toMatch(
      /PASS signature: expected a signature by the public key .*; evidence sha256:[0-9a-f]{64}/,
    );
    expect(log.stdout).toMatch(
      /PASS provenance: expected verified SLSA provenance \(v1 or v0\.2\) from acme\/app/,
    );
  });

  it('an environment the policy does not have, or a gate input given beside the policy, is refused', async () => {
    const base = {
      source: `${registry.host}/staging/app:rc1`,
      destinations: `${registry.host}/prod/app:1.0.1`,
      policy: join(root, 'policy.yml'),
    };
    const missing = await runAction({ action: 'promote', inputs: { ...base, environment: 'qa' } });
    expect(missing.main.errors.join('\n')).toContain("no environment 'qa' (it has production)");
    const both = await runAction({
      action: 'promote',
      inputs: { ...base, environment: 'production', verify: 'signature' },
    });
    expect(both.main.errors.join('\n')).toContain("'verify' must be set in the policy file");
    expect(await client.repository(registry.host, 'prod/app').resolve('1.0.1')).toBeUndefined();
  });
});

describe("the repository's own policy (.github/gantry/policy.yml) against its corpus kept as OCI layouts", () => {
  it('every known-good artifact passes and every known-bad one is refused, per environment', async () => {
    const result = await gantry([
      'policy',
      'test',
      '--policy',
      join(SUITE_ROOT, '.github/gantry/policy.yml'),
      '--corpus',
      join(SUITE_ROOT, '.github/gantry/policy-corpus'),
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('10/10 as expected');
    expect(result.code).toBe(0);
  });
});
