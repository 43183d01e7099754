import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/pipeline.js';
import { SUITE_ROOT } from '../harness/index.js';

// The README's main job, in its shorter variant (no staging hop), so it cannot rot. It runs the
// committed bundles (dist/), the real CNCF registry and the Vault API server.
describe('gantry demo', () => {
  it.each([
    ['a local CNCF registry', false],
    ['OCI layout directories standing in for registries', true],
  ])('runs the service pipeline end to end on %s', async (_name, noRegistry) => {
    const lines: string[] = [];
    const result = await runDemo({
      short: true,
      noRegistry,
      cliScript: join(SUITE_ROOT, 'dist/cli/index.js'),
      log: (l) => lines.push(l),
    });
    const failures = Object.entries(result.reports).flatMap(([name, r]) =>
      r.steps.filter((s) => s.conclusion === 'failure').map((s) => `${name}: ${s.name}: ${s.error}`),
    );
    expect(failures).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.usedRegistry).toBe(!noRegistry);
    // changes selected the api only; web's pipeline skipped every stage
    expect(result.services.api).toMatchObject({ changed: true, verdict: 'passed-with-quarantined' });
    expect(result.services.web).toMatchObject({ changed: false, digest: '' });
    const webSteps = result.reports['web/pipeline']!.steps.filter((s) => !s.name.includes('/'));
    expect(webSteps.map((s) => `${s.name}: ${s.outcome}`)).toEqual([
      'Check the history inputs: success',
      'Build once: success',
      'Test with quarantine: skipped',
      'Promote the digest: skipped',
      'Deploy with secrets: skipped',
      'Record the pipeline fingerprint (on failure, what changed since the last green run): success',
    ]);
    // Every pipeline run leaves its fingerprint, whether or not the service changed (issue 20).
    for (const service of ['api', 'web']) {
      const record = result.reports[`${service}/pipeline`]!.steps.find((s) => s.id === 'pipeline-diff');
      expect(record?.summary).toContain('Pipeline fingerprint recorded');
    }
    expect(result.summary).toContain('Pipeline fingerprints recorded (pipeline-diff): api, web');
    // the same digest everywhere; production's stable tag is back on the previous release
    expect(result.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.stable.dev).toBe(result.digest);
    expect(result.stable.production).not.toBe(result.digest);
    expect(result.stable.production).toMatch(/^sha256:/);
    expect(result.secretReceived).toBe(true);
    expect(lines.join('\n')).not.toContain('demo-deploy-key-7f3a9c');
    expect(result.summary).toContain('rolled back');
    // The production gate verified the key-signed provenance before promoting (issue 19).
    expect(lines.join('\n')).toContain("rule 'signature' passed");
    expect(lines.join('\n')).toContain("rule 'provenance' passed");
    expect(lines.join('\n')).toContain(noRegistry ? 'OCI layout directories' : 'CNCF distribution registry');
  });
});
