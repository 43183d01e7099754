// Templates run the way the runner runs them (src/runner), with the suite's real bundles and real
// test runners, so their step logic is tested, not only their shape.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runComposite, runnerEnvironment } from '../../src/runner/index.js';
import { SUITE_ROOT } from '../harness/index.js';
import { VaultServer } from '../support/vault-server.js';

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

async function testWithQuarantine(
  ws: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
) {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'gantry-runner-'));
  const event = { name: 'push', payload: { ref: 'refs/heads/main' } };
  return runComposite({
    templateDir: join(SUITE_ROOT, 'action-templates/test-with-quarantine'),
    inputs: {
      command:
        'mkdir -p reports && node --test --test-reporter=junit --test-reporter-destination=reports/junit.xml tests/*.test.mjs',
      reports: 'reports/*.xml',
      history: 'dir',
      'history-dir': '.history',
      ...inputs,
    },
    env: runnerEnvironment({ runnerTemp, workspace: ws, event, env: { GITHUB_SHA: 'a'.repeat(40), ...env } }),
    event,
    workspace: ws,
    runnerTemp,
    suiteRoot: SUITE_ROOT,
    log: () => {},
  });
}

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
      const runnerTemp = mkdtempSync(join(tmpdir(), 'gantry-runner-'));
      const event = { name: 'push', payload: { ref: 'refs/heads/main' } };
      const report = await runComposite({
        templateDir: join(SUITE_ROOT, 'action-templates/deploy-with-secrets'),
        inputs: {
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
        },
        env: runnerEnvironment({ runnerTemp, workspace: ws, event, env: { GITHUB_SHA: 'a'.repeat(40) } }),
        event,
        workspace: ws,
        runnerTemp,
        suiteRoot: SUITE_ROOT,
        log: () => {},
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
