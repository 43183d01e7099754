// Templates run the way the runner runs them (src/runner), with the suite's real bundles and real
// test runners, so their step logic is tested, not only their shape.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runComposite, runnerEnvironment } from '../../src/local-runner/index.js';
import { SUITE_ROOT } from '../harness/index.js';
import { testClient } from '../promote/support.js';
import { ArtifactType, buildImage, buildReferrer, pushImage } from '../support/oci-images.js';
import { startRegistry } from '../support/registry.js';
import { GITHUB_ISSUER, OidcIssuer } from '../../src/demo/services/github-oidc-issuer.js';
import { VaultServer } from '../../src/demo/services/vault-api-server.js';
import { git, makeRepo, writeFiles } from '../pins/repo.js';

const TESTS = `import { test } from 'node:test';
import assert from 'node:assert';
test('adds', () => assert.equal(1 + 1, 2));
test('talks to the network', () => assert.equal(process.env.NETWORK_UP, 'yes'));
`;

const QUARANTINE = `quarantine:
  - id: "*talks to the network*"
    reason: needs a network the runners do not have
    owner: "@acme/platform"
    expires: 2099-12-31
`;

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-twq-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

async function runTemplate(
  name: string,
  ws: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  extra: {
    event?: { name: string; payload: Record<string, unknown> };
    stubs?: Record<string, Record<string, string>>;
  } = {},
) {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'gantry-runner-'));
  const event = extra.event ?? { name: 'push', payload: { ref: 'refs/heads/main' } };
  return runComposite({
    stubs: extra.stubs,
    templateDir: join(SUITE_ROOT, 'action-templates', name),
    inputs,
    env: runnerEnvironment({ runnerTemp, workspace: ws, event, env: { GITHUB_SHA: 'a'.repeat(40), ...env } }),
    event,
    workspace: ws,
    runnerTemp,
    suiteRoot: SUITE_ROOT,
    log: () => {},
  });
}

function testWithQuarantine(ws: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runTemplate(
    'test-with-quarantine',
    ws,
    {
      command:
        'mkdir -p reports && node --test --test-reporter=junit --test-reporter-destination=reports/junit.xml tests/*.test.mjs',
      reports: 'reports/*.xml',
      history: 'dir',
      'history-dir': '.history',
      ...inputs,
    },
    env,
  );
}

describe('action-templates/build-once, run step by step on a real repository', () => {
  // Docker builds cannot run here: the three docker/* actions are stubbed (and reported so).
  const BUILT = `sha256:${'b'.repeat(64)}`;
  const stubs = {
    'docker/login-action': {},
    'docker/setup-buildx-action': {},
    'docker/build-push-action': { digest: BUILT },
  };
  const filters = 'api:\n  - services/api/**\nweb:\n  - services/web/**\n';

  function pushedRepo() {
    const ws = makeRepo({
      'services/api/main.go': 'package main\n',
      'services/web/index.html': '<p>hi</p>\n',
    });
    const before = git(ws, 'rev-parse', 'HEAD');
    writeFiles(ws, { 'services/api/main.go': 'package main // v2\n' });
    git(ws, 'commit', '-qam', 'api change');
    const after = git(ws, 'rev-parse', 'HEAD');
    const event = {
      name: 'push',
      payload: { ref: 'refs/heads/main', before, after, repository: { default_branch: 'main' } },
    };
    return { ws, after, event };
  }

  it('builds when the filter changed, outputs the digest, image and sha- tag', async () => {
    const { ws, after, event } = pushedRepo();
    const report = await runTemplate(
      'build-once',
      ws,
      { image: 'registry.local/api', filters, filter: 'api' },
      { GITHUB_SHA: after, GITHUB_REF: 'refs/heads/main' },
      { event, stubs },
    );
    expect(report.steps.map((s) => `${s.name}: ${s.outcome}`)).toEqual([
      'Detect changes: success',
      'Decide whether to build: success',
      'Log in to the registry: skipped', // no registry-username
      'Set up Buildx: success',
      'Restore the registry build cache refs: skipped', // no cache-repository
      'Build and push the sha-<commit> tag: success',
      'Build the sha-<commit> image into an OCI layout: skipped', // builder is docker
      "Attach an SBOM to the layout's image (syft through the tool cache): skipped", // BuildKit's own SBOM
      'Push the layout as the sha-<commit> tag: skipped',
      'Record the digest: success',
    ]);
    expect(report.ok).toBe(true);
    expect(report.outputs).toMatchObject({
      changed: 'true',
      digest: BUILT,
      image: `registry.local/api@${BUILT}`,
      tag: `registry.local/api:sha-${after}`,
    });
    expect(report.stubbed.sort()).toEqual(['docker/build-push-action', 'docker/setup-buildx-action']);
    expect(report.summary).toContain(BUILT);
  });

  it('builds nothing when the filter did not change, and refuses a filter that does not exist', async () => {
    const { ws, after, event } = pushedRepo();
    const env = { GITHUB_SHA: after, GITHUB_REF: 'refs/heads/main' };
    const unchanged = await runTemplate(
      'build-once',
      ws,
      { image: 'registry.local/web', filters, filter: 'web' },
      env,
      { event, stubs },
    );
    expect(unchanged.ok).toBe(true);
    expect([unchanged.outputs.changed, unchanged.outputs.digest]).toEqual(['false', '']);
    expect(unchanged.stubbed).toEqual([]);
    const typo = await runTemplate(
      'build-once',
      ws,
      { image: 'registry.local/api', filters, filter: 'apii' },
      env,
      { event, stubs },
    );
    expect(typo.ok).toBe(false);
    expect(JSON.stringify(typo.steps)).toContain("no filter named 'apii'");
  });
});

describe('action-templates/service-pipeline, the whole chain run step by step', () => {
  it('gates, builds (stubbed), tests with quarantine, promotes with the SBOM required and deploys with Vault secrets', async () => {
    const password = 'pipeline-Registry-pw';
    const registry = await startRegistry({ kind: 'htpasswd', users: { ci: password } });
    const vault = await new VaultServer().start();
    const issuer = await new OidcIssuer(GITHUB_ISSUER).start();
    try {
      // What the (stubbed) docker build pushed: a real image with an SBOM, in the real registry.
      const client = testClient(() => ({ username: 'ci', password }));
      const image = buildImage({ label: 'pipeline' });
      const builds = client.repository(registry.host, 'builds/api');
      const subject = await pushImage(builds, image);
      await pushImage(builds, buildReferrer(subject, ArtifactType.Spdx, { spdxVersion: 'SPDX-2.3' }));
      const digest = image.top.descriptor.digest;
      // GitHub OIDC login, the deploy's role bound to this repository's main branch.
      vault.applySeed('', {
        mounts: { secret: { type: 'kv', version: 2 } },
        writes: [{ path: 'secret/api', data: { token: 'deploy-token-for-staging' } }],
        policies: { deploy: 'path "secret/data/api" { capabilities = ["read"] }' },
        auth: {
          jwt: {
            type: 'jwt',
            jwt_validation_pubkeys: [issuer.publicKeyPem],
            bound_issuer: GITHUB_ISSUER,
            roles: {
              'api-staging': {
                bound_audiences: ['127.0.0.1'],
                bound_subject: 'repo:acme/service:ref:refs/heads/main',
                policies: ['deploy'],
              },
            },
          },
        },
      });
      const ws = makeRepo({
        'services/api/main.go': 'package main\n',
        'tests/a.test.mjs': TESTS,
        '.github/quarantine.yml': QUARANTINE,
      });
      const before = git(ws, 'rev-parse', 'HEAD');
      writeFiles(ws, { 'services/api/main.go': 'package main // v2\n' });
      git(ws, 'commit', '-qam', 'api change');
      const after = git(ws, 'rev-parse', 'HEAD');
      const event = {
        name: 'push',
        payload: { ref: 'refs/heads/main', before, after, repository: { default_branch: 'main' } },
      };
      const report = await runTemplate(
        'service-pipeline',
        ws,
        {
          image: `${registry.host}/builds/api`,
          filters: 'service:\n  - services/api/**\n',
          'registry-username': 'ci',
          'registry-password': password,
          'test-command':
            'mkdir -p reports && node --test --test-reporter=junit --test-reporter-destination=reports/junit.xml tests/*.test.mjs',
          'test-reports': 'reports/*.xml',
          destinations: `${registry.host}/staging/api:sha-${after}`,
          require: 'sbom',
          'stable-tag': 'stable',
          'vault-url': vault.address,
          'vault-role': 'api-staging',
          'deploy-command': 'test -n "$DEPLOY_TOKEN" && echo "$DEPLOY_IMAGE@$DEPLOY_DIGEST" > deployed.txt',
          'vault-secrets': 'secret/api token | DEPLOY_TOKEN',
        },
        { GITHUB_SHA: after, GITHUB_REF: 'refs/heads/main', ...issuer.runnerEnv() },
        {
          event,
          stubs: {
            'docker/login-action': {},
            'docker/setup-buildx-action': {},
            'docker/build-push-action': { digest },
          },
        },
      );
      const failed = report.steps.filter((s) => s.outcome === 'failure').map((s) => `${s.name}: ${s.error}`);
      expect(failed).toEqual([]);
      expect(report.outputs).toMatchObject({ changed: 'true', digest, verdict: 'passed-with-quarantined' });
      expect(JSON.parse(report.outputs.record!)).toMatchObject({ kind: 'promotion', digest });
      expect((await client.repository(registry.host, 'staging/api').resolve('stable'))!.digest).toBe(digest);
      expect(readFileSync(join(ws, 'deployed.txt'), 'utf8')).toBe(
        `${registry.host}/staging/api:sha-${after}@${digest}\n`,
      );
    } finally {
      await issuer.stop();
      await vault.stop();
      await registry.stop();
    }
  });
});

describe('action-templates/promote-environment, run step by step against registry 2.8', () => {
  it('promotes the build digest with its required SBOM and moves the stable tag; a wrong digest moves nothing', async () => {
    const password = 'promote-Registry-pw';
    const registry = await startRegistry({ kind: 'htpasswd', users: { deployer: password } });
    try {
      const client = testClient(() => ({ username: 'deployer', password }));
      const image = buildImage({
        platforms: [
          { os: 'linux', architecture: 'amd64' },
          { os: 'linux', architecture: 'arm64' },
        ],
        label: 'template',
      });
      const builds = client.repository(registry.host, 'builds/api');
      const subject = await pushImage(builds, image, `sha-${'a'.repeat(40)}`);
      await pushImage(builds, buildReferrer(subject, ArtifactType.Spdx, { spdxVersion: 'SPDX-2.3' }));
      const digest = image.top.descriptor.digest;
      const inputs = {
        source: `${registry.host}/builds/api@${digest}`,
        'expected-digest': digest,
        destinations: `${registry.host}/staging/api:sha-${'a'.repeat(40)}`,
        require: 'sbom',
        'stable-tag': 'stable',
        username: 'deployer',
        password,
      };
      const wrong = await runTemplate('promote-environment', workspace({}), {
        ...inputs,
        'expected-digest': `sha256:${'0'.repeat(64)}`,
      });
      expect(wrong.ok).toBe(false);
      const staging = client.repository(registry.host, 'staging/api');
      expect(await staging.resolve('stable')).toBeUndefined();

      const promoted = await runTemplate('promote-environment', workspace({}), inputs);
      expect(promoted.ok).toBe(true);
      expect(promoted.outputs.digest).toBe(digest);
      expect(JSON.parse(promoted.outputs.record!)).toMatchObject({ kind: 'promotion', digest });
      expect((await staging.resolve('stable'))!.digest).toBe(digest);
      expect(promoted.masks).toContain(password);
    } finally {
      await registry.stop();
    }
  });
});

describe('action-templates/deploy-with-secrets, run step by step against the Vault API server', () => {
  const SECRET = 'db-pa55word-only-for-the-deploy';
  const DIGEST = `sha256:${'d'.repeat(64)}`;

  it('hands the secret to the deploy command only, with the digest, and revokes the leases', async () => {
    const vault = await new VaultServer().start();
    try {
      vault.applySeed('', {
        mounts: {
          secret: { type: 'kv', version: 2 },
          database: { type: 'database', roles: { deploy: { ttl: 600 } } },
        },
        writes: [{ path: 'secret/api', data: { db_password: SECRET } }],
      });
      const ws = workspace({ 'deploy.sh': '' });
      const report = await runTemplate('deploy-with-secrets', ws, {
        'vault-url': vault.address,
        method: 'token',
        token: vault.rootToken,
        secrets: 'secret/api db_password | DB_PASSWORD ;\ndatabase/creds/deploy username | DB_USER',
        image: 'registry.local/api-staging',
        digest: DIGEST,
        // Proves it saw the secret without printing it; DEPLOY_* come from the template.
        command:
          'test "$DB_PASSWORD" = "' +
          SECRET +
          '" && test -n "$DB_USER" && echo "$DEPLOY_IMAGE@$DEPLOY_DIGEST" > deployed.txt',
      });
      expect(report.steps.map((s) => [s.kind, s.outcome, s.error])).toEqual([
        ['suite-action', 'success', undefined],
        ['post', 'success', undefined],
      ]);
      expect(readFileSync(join(ws, 'deployed.txt'), 'utf8')).toBe(`registry.local/api-staging@${DIGEST}\n`);
      expect(report.outputs).toEqual({ 'lease-count': '1' });
      expect(report.masks).toContain(SECRET);
      expect(JSON.stringify(report.steps)).not.toContain(SECRET);
      expect([...vault.leases.values()].every((lease) => lease.revoked)).toBe(true);
    } finally {
      await vault.stop();
    }
  });
});

describe('action-templates/test-with-quarantine, run step by step', () => {
  it('is judged by its reports', async () => {
    const passing = await testWithQuarantine(
      workspace({ 'tests/a.test.mjs': TESTS }),
      {},
      { NETWORK_UP: 'yes' },
    );
    expect([
      passing.ok,
      passing.outputs.verdict,
      passing.outputs['test-exit-code'],
      passing.outputs.total,
    ]).toEqual([true, 'passed', '0', '2']);

    const failing = await testWithQuarantine(workspace({ 'tests/a.test.mjs': TESTS }), {});
    expect([failing.ok, failing.outputs.verdict, failing.outputs['test-exit-code']]).toEqual([
      false,
      'failed',
      '1',
    ]);

    const quarantined = await testWithQuarantine(
      workspace({ 'tests/a.test.mjs': TESTS, '.github/quarantine.yml': QUARANTINE }),
      {},
    );
    expect([
      quarantined.ok,
      quarantined.outputs.verdict,
      quarantined.outputs['quarantined-failures'],
    ]).toEqual([true, 'passed-with-quarantined', '1']);

    const reportOnly = await testWithQuarantine(workspace({ 'tests/a.test.mjs': TESTS }), { mode: 'report' });
    expect([reportOnly.ok, reportOnly.outputs.verdict]).toEqual([true, 'failed']);
  });

  it('fails when the command failed but its reports show no failing test', async () => {
    const crashed = await testWithQuarantine(
      workspace({ 'tests/a.test.mjs': TESTS }),
      {
        command:
          'mkdir -p reports && node --test --test-reporter=junit --test-reporter-destination=reports/junit.xml tests/*.test.mjs && exit 3',
      },
      { NETWORK_UP: 'yes' },
    );
    expect(crashed.ok).toBe(false);
    expect(crashed.outputs['test-exit-code']).toBe('3');
    const failedStep = crashed.steps.find((s) => s.outcome === 'failure');
    expect(failedStep?.name).toContain('Check the command against its reports');
  });
});
