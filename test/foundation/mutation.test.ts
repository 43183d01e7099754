import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SUITE_ROOT } from '../harness/index.js';

interface ListedModule {
  name: string;
  threshold: number;
  mutate: string[];
  tests: string[];
}

// `npm run mutation -- --list --json` resolves every module's mutate ranges (functions found by
// name) and the test files that reach it, without running Stryker: it fails when a module's file or
// function is gone or no test reaches it.
const listed = JSON.parse(
  execFileSync(process.execPath, [join(SUITE_ROOT, 'scripts/mutation.mjs'), '--list', '--json'], {
    cwd: SUITE_ROOT,
    encoding: 'utf8',
  }),
) as ListedModule[];

const workflow = parse(readFileSync(join(SUITE_ROOT, '.github/workflows/mutation.yml'), 'utf8')) as {
  on: { pull_request: { paths: string[] }; push: { paths: string[] }; schedule: { cron: string }[] };
  jobs: { mutation: { strategy: { matrix: { module: string[] } } } };
};

describe('npm run mutation', () => {
  it('every module has code to mutate, tests that reach it and a threshold', () => {
    expect(listed.map((m) => m.name)).toEqual(
      expect.arrayContaining([
        'runtime/text',
        'oci/digest',
        'oci/reference',
        'layer-cache/extract',
        'vault-secrets/masking',
        'vault-secrets/env-names',
        'net/redirects',
        'quarantine/identity',
        'pins/set',
      ]),
    );
    for (const m of listed) {
      expect(m.mutate.length, m.name).toBeGreaterThan(0);
      expect(m.tests.length, m.name).toBeGreaterThan(0);
      expect(
        m.tests.filter((t) => /e2e\.test\.ts$/.test(t)),
        m.name,
      ).toEqual([]);
      expect(m.threshold, m.name).toBeGreaterThan(0);
      expect(m.threshold, m.name).toBeLessThanOrEqual(100);
    }
  });

  it('the mutation workflow runs when a mutated module, its tests or the tooling change, and weekly', () => {
    const paths = workflow.on.pull_request.paths;
    expect(workflow.on.push.paths).toEqual(paths);
    const triggers = (file: string) => paths.some((glob) => matchesGlob(file, glob));
    const files = [
      ...listed.flatMap((m) => [...m.mutate.map((p) => p.replace(/:[\d:-]+$/, '')), ...m.tests]),
      'scripts/mutation.mjs',
    ];
    expect(files.filter((file) => !triggers(file))).toEqual([]);
    expect(workflow.on.schedule).toHaveLength(1);
  });

  it('the workflow has one job per module', () => {
    expect(workflow.jobs.mutation.strategy.matrix.module).toEqual(listed.map((m) => m.name));
  });
});
