// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile ARGs and GitHub expressions are the test data
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import type { AuditResult } from '../../src/pins/audit.js';
import { CHECKOUT, makeRepo, pins, writeFiles } from './repo.js';

const SERVICE = {
  '.github/workflows/ci.yml': `name: ci
on: push
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: ${CHECKOUT}
      - uses: actions/setup-node@v4
      - uses: tj-actions/changed-files@main
      - uses: ./.github/actions/setup
      - uses: acme/gantry/actions/changes@v1.4.2
      - uses: acme/gantry/action-templates/build-once@v1
      - uses: docker://alpine:3.20
      - run: 'echo "uses: not/a-step@main"'
  deploy:
    uses: acme/gantry/.github/workflows/service-pipeline.yml@${'f'.repeat(40)} # v1.4.2
`,
  '.github/actions/setup/action.yml': `name: setup
description: local composite
runs:
  using: composite
  steps:
    - uses: actions/cache@1bd1e32a3bdc45362d1e726936510720a7c30a57
    - uses: acme/gantry/actions/layer-cache@main
    - run: echo hi
      shell: bash
`,
  'docker/action.yaml': `name: in docker
description: a docker action
runs:
  using: docker
  image: docker://ghcr.io/acme/tool:1
`,
  'services/api/Dockerfile': `ARG BASE=node:24
FROM \${BASE} AS build
FROM gcr.io/distroless/nodejs24@sha256:${'a'.repeat(64)}
COPY --from=build /app /app
`,
  '.gitignore': 'node_modules/\n',
  'node_modules/pkg/action.yml': 'runs:\n  using: composite\n  steps:\n    - uses: evil/ignored@main\n',
  'docs/example.yml': 'jobs:\n  x:\n    steps:\n      - uses: not/audited@main\n',
};

async function auditJson(...args: string[]): Promise<{ code: number; result: AuditResult }> {
  const { code, stdout, stderr } = await pins('audit', '--json', ...args);
  expect(stderr).toBe('');
  return { code, result: JSON.parse(stdout) as AuditResult };
}

describe('gantry pins audit', () => {
  it('classifies every uses: in workflows and composite actions, and fails on mutable ones', async () => {
    const dir = makeRepo(SERVICE);
    const { code, result } = await auditJson(dir);
    expect(code).toBe(1);
    const rows = result.uses.map(
      (u) => `${u.file}:${u.line} ${u.kind} ${u.suite ? 'suite' : '-'} ${u.failing ? 'FAIL' : 'ok'}`,
    );
    expect(rows).toEqual([
      '.github/actions/setup/action.yml:6 sha - ok',
      '.github/actions/setup/action.yml:7 branch suite FAIL',
      '.github/workflows/ci.yml:7 sha+comment - ok',
      '.github/workflows/ci.yml:8 major - FAIL',
      '.github/workflows/ci.yml:9 branch - FAIL',
      '.github/workflows/ci.yml:10 local - ok',
      '.github/workflows/ci.yml:11 semver suite ok',
      '.github/workflows/ci.yml:12 major suite FAIL',
      '.github/workflows/ci.yml:13 docker - FAIL',
      '.github/workflows/ci.yml:16 sha+comment suite ok',
      'docker/action.yaml:5 docker - FAIL',
    ]);
    expect(result.uses.find((u) => u.kind === 'sha+comment' && !u.suite)?.version).toBe('v4.2.2');
    expect(result.images.map((i) => `${i.file}:${i.line} ${i.image} ${i.pinned} ${i.failing}`)).toEqual([
      'services/api/Dockerfile:2 ${BASE} (= node:24) false true',
      `services/api/Dockerfile:3 gcr.io/distroless/nodejs24@sha256:${'a'.repeat(64)} true false`,
    ]);
    expect(result.problems).toEqual([]);
    expect(result.failing).toBe(7);
  });

  it('--allow turns listed exceptions into allowed rows; a clean repository exits 0', async () => {
    const dir = makeRepo(SERVICE);
    const { code, result } = await auditJson(
      '--allow',
      'actions/*',
      '--allow=tj-actions/changed-files@main',
      '--allow',
      'acme/gantry/**',
      '--allow',
      'alpine',
      '--allow',
      'ghcr.io/acme/*',
      '--allow',
      'node',
      dir,
    );
    expect(result.uses.filter((u) => u.allowed).map((u) => u.uses)).toEqual([
      'acme/gantry/actions/layer-cache@main',
      'actions/setup-node@v4',
      'tj-actions/changed-files@main',
      'acme/gantry/action-templates/build-once@v1',
      'docker://alpine:3.20',
      'docker://ghcr.io/acme/tool:1',
    ]);
    expect(result.images.filter((i) => i.allowed)).toHaveLength(1);
    expect(code).toBe(0);
  });

  it('prints a table with one line per reference, whatever the file names hold', async () => {
    const hostile = '.github/workflows/we ird $(touch x) `id`.yml';
    const dir = makeRepo({
      [hostile]: `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: a/b@main\n`,
    });
    const { code, stdout } = await pins('audit', dir);
    expect(code).toBe(1);
    expect(stdout).toContain(`FAIL    ${hostile}:6`);
    expect(stdout).toMatch(/1 uses: references \(1 failing\)/);
  });

  it('reports files that are not YAML or not shaped like a workflow, and keeps auditing the rest', async () => {
    const dir = makeRepo({
      '.github/workflows/broken.yml': 'jobs:\n  a: [unclosed\n',
      '.github/workflows/list.yml': '- just\n- a list\n',
      '.github/workflows/dupe.yml': 'on: push\non: pull_request\n',
      '.github/workflows/number.yml': 'jobs:\n  a:\n    steps:\n      - uses: 42\n',
      '.github/workflows/ok.yml': `jobs:\n  a:\n    steps:\n      - uses: ${CHECKOUT}\n`,
      '.github/workflows/expr.yml': 'jobs:\n  a:\n    steps:\n      - uses: a/b@${{ inputs.ref }}\n',
    });
    const { code, result } = await auditJson(dir);
    expect(code).toBe(1);
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^\.github\/workflows\/broken\.yml:\d+:\d+: not valid YAML/),
      expect.stringMatching(/^\.github\/workflows\/dupe\.yml:2:1: not valid YAML: Map keys must be unique/),
      '.github/workflows/list.yml: not a workflow: the top level is not a mapping.',
      '.github/workflows/number.yml:4:15: uses: must be a string such as owner/repo@<full SHA>.',
    ]);
    expect(result.uses.map((u) => [u.file, u.kind, u.failing])).toEqual([
      ['.github/workflows/expr.yml', 'invalid', true],
      ['.github/workflows/ok.yml', 'sha+comment', false],
    ]);
    expect(result.uses[0]!.reason).toContain('expressions are not allowed');
  });

  it('audits untracked files too, and several directories at once', async () => {
    const one = makeRepo({ 'README.md': 'x' });
    writeFiles(one, {
      '.github/workflows/new.yml': 'jobs:\n  a:\n    uses: o/r/.github/workflows/x.yml@main\n',
    });
    const two = makeRepo({ Containerfile: 'FROM fedora:41\n' });
    const { result } = await auditJson(one, two);
    expect(result.roots).toHaveLength(2);
    expect(result.uses.map((u) => u.kind)).toEqual(['branch']);
    expect(result.images.map((i) => i.image)).toEqual(['fedora:41']);
  });

  it('refuses a directory that is not a git repository, and bad options, with exit code 2', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'gantry-plain-'));
    const notRepo = await pins('audit', plain);
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toMatch(/is not inside a git repository/);
    expect((await pins('audit', join(plain, 'missing'))).stderr).toMatch(/is not a directory/);
    expect((await pins('audit', '--allow', '', plain)).stderr).toMatch(/--allow: got an empty pattern/);
    expect((await pins('audit', '--frobnicate')).stderr).toMatch(/unknown option --frobnicate/);
    expect((await pins('frob')).code).toBe(2);
  });

  it('runs as `gantry pins audit` through the CLI registry', async () => {
    const dir = makeRepo({
      '.github/workflows/a.yml': `jobs:\n  a:\n    steps:\n      - uses: ${CHECKOUT}\n`,
    });
    const write = process.stdout.write;
    let printed = '';
    process.stdout.write = ((chunk: string) => {
      printed += chunk;
      return true;
    }) as typeof process.stdout.write;
    try {
      expect(await cli(['pins', 'audit', dir])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(printed).toContain('full SHA with version comment');
  });
});
