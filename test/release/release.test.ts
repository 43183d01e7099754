/**
 * A dry run of the release workflow: its steps that can run here (tag and version checks, the
 * changelog section, what `npm publish` would ship, the release notes) run as release.yml writes
 * them, on a copy of the suite, and the packed CLI pins a sample service the way the notes say.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git, makeRepo } from '../pins/repo.js';

const ROOT = resolve(import.meta.dirname, '../..');
const VERSION = '3.7.1';
const TAG = `v${VERSION}`;
const SHA = 'c0ffee0000000000000000000000000000c0ffee';

const CHANGELOG = `# Changelog

Intro text that is not part of any release.

## Unreleased

- not yet released

## ${TAG} — 2026-12-04

### Fixed

- the fix that ships in ${TAG}

## v3.7.0 — 2026-11-01

- an older change that must not appear in ${TAG}'s notes
`;

interface WorkflowStep {
  name?: string;
  run?: string;
  env?: Record<string, string>;
}

/** A `run:` step of release.yml, by name, so the test runs exactly what the workflow runs. */
function releaseStep(job: string, name: string): WorkflowStep {
  const workflow = parse(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
    jobs: Record<string, { steps: WorkflowStep[] }>;
  };
  const step = workflow.jobs[job]?.steps.find((s) => s.name === name);
  if (!step?.run) throw new Error(`release.yml has no run step '${name}' in job ${job}`);
  return step;
}

/** Runs a workflow step with bash the way the runner does (`bash -e {0}`), `${{ }}` values given. */
function runStep(step: WorkflowStep, cwd: string, env: Record<string, string>) {
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let suite: string;

/** A copy of what the package is made from, with a package.json and CHANGELOG for TAG. */
function copySuite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-release-'));
  for (const path of ['dist', 'actions', 'action-templates', 'scripts', 'README.md', 'LICENSE'])
    cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, version: VERSION }, null, 2));
  writeFileSync(join(dir, 'CHANGELOG.md'), CHANGELOG);
  return dir;
}

beforeAll(() => {
  suite = copySuite();
});
afterAll(() => rmSync(suite, { recursive: true, force: true }));

describe('release workflow, dry run', () => {
  it('the release checks pass for a tag that matches package.json and has a dated section', () => {
    const result = runStep(releaseStep('verify', 'Release checks'), suite, { TAG });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`release ${TAG}: tag, changelog and package contents are ready`);
    expect(result.status).toBe(0);
  });

  it('a tag that does not match package.json stops the release, naming both and the fix', () => {
    const result = runStep(releaseStep('verify', 'Release checks'), suite, { TAG: 'v3.7.2' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^::error title=release::tag v3\.7\.2 does not match package\.json version 3\.7\.1;/m,
    );
    expect(result.stdout).toContain('"version": "3.7.2"');
  });

  it('a tag that is not a release version stops the release, and cannot forge a workflow command', () => {
    const result = runStep(releaseStep('verify', 'Release checks'), suite, {
      TAG: 'v1.0.0\n::notice::forged',
    });
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual([
      `::error title=release::tag "v1.0.0\\n::notice::forged" is not a release tag; push a tag such as v1.4.2.`,
    ]);
  });

  it('a missing CHANGELOG section, or one still marked unreleased, stops the release', () => {
    const dir = copySuite();
    try {
      writeFileSync(join(dir, 'CHANGELOG.md'), CHANGELOG.replace(`## ${TAG} — 2026-12-04`, '## v3.6.9'));
      const missing = runStep(releaseStep('verify', 'Release checks'), dir, { TAG });
      expect(missing.status).toBe(1);
      expect(missing.stdout).toContain(`CHANGELOG.md has no section for ${TAG}`);

      writeFileSync(
        join(dir, 'CHANGELOG.md'),
        CHANGELOG.replace(`## ${TAG} — 2026-12-04`, `## ${TAG} — unreleased`),
      );
      const unreleased = runStep(releaseStep('verify', 'Release checks'), dir, { TAG });
      expect(unreleased.status).toBe(1);
      expect(unreleased.stdout).toContain('still marked unreleased');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a package that would ship test files or sources stops the release before publishing', () => {
    const dir = copySuite();
    try {
      mkdirSync(join(dir, 'test/support'), { recursive: true });
      writeFileSync(join(dir, 'test/support/vault-server.ts'), 'export {};\n');
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ ...pkg, files: [...pkg.files, 'test/'] }, null, 2),
      );
      const result = runStep(releaseStep('publish-cli', 'Check the package again'), dir, { TAG });
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('test/support/vault-server.ts');
      expect(result.stdout).toContain('narrow "files" in package.json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a package that lists runtime dependencies or is private is refused', () => {
    const dir = copySuite();
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ ...pkg, private: true, dependencies: { yaml: '^2.0.0' } }, null, 2),
      );
      const result = runStep(releaseStep('verify', 'Release checks'), dir, { TAG });
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('"private": true');
      expect(result.stdout).toContain('runtime dependencies (yaml)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a patch release that drops a template gate or an input of the previous release tag is refused; a major one passes', () => {
    const dir = copySuite();
    try {
      git(dir, 'init', '-q', '-b', 'main');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'v3.7.0');
      git(dir, 'tag', 'v3.7.0');
      const step = releaseStep('verify', 'Template contract');

      const kept = runStep(step, dir, { TAG });
      expect(kept.stderr).toBe('');
      expect(kept.stdout).toContain(`${TAG}: the contract of v3.7.0 is kept`);
      expect(kept.status).toBe(0);

      const file = join(dir, 'action-templates/test-with-quarantine/action.yml');
      const template = readFileSync(file, 'utf8');
      const withoutTests = template.replace(/ {4}- id: tests\n[\s\S]*?exit 0\n\n/, '');
      expect(withoutTests).not.toBe(template);
      writeFileSync(file, withoutTests.replace('  history-dir:\n', '  history-directory:\n'));
      git(dir, 'commit', '-q', '-am', 'drop the test step, rename history-dir');
      const refused = runStep(step, dir, { TAG });
      expect(refused.status).toBe(1);
      const errors = refused.stdout.split('\n').filter((line) => line.startsWith('::error'));
      expect(errors[0]).toBe(
        `::error title=release::${TAG} is a patch release of v3.7.0 but breaks the contract of its actions and templates; release it as a new major version or restore what it removed:`,
      );
      expect(errors).toContain(
        "::error title=release::action-templates/test-with-quarantine: gate-removed tests (step 'tests') (tests gate dropped)",
      );
      expect(errors.some((line) => line.includes('input-renamed history-dir → history-directory'))).toBe(
        true,
      );

      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, version: '4.0.0' }, null, 2));
      const major = runStep(step, dir, { TAG: 'v4.0.0' });
      expect(major.stdout).toMatch(
        /^v4\.0\.0: \d+ breaking change\(s\) since v3\.7\.0, allowed by the major bump$/m,
      );
      expect(major.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the release notes hold only this version's section, the commit to pin and the pins set line", () => {
    const result = runStep(releaseStep('release', 'Release notes'), suite, {
      TAG,
      GITHUB_SHA: SHA,
      REPOSITORY: 'acme/gantry',
      RUNNER_TEMP: suite,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const notes = readFileSync(join(suite, 'notes.md'), 'utf8');
    expect(notes).toContain(`the fix that ships in ${TAG}`);
    expect(notes).not.toContain('an older change');
    expect(notes).not.toContain('not yet released');
    expect(notes).not.toContain('Intro text');
    expect(notes).toContain(`Commit: \`${SHA}\``);
    expect(notes).toContain(`npx @acme/gantry@${VERSION} pins set --version ${TAG} --sha ${SHA} .`);
  });

  it('the real repository packs only shippable files, and its CLI runs from the unpacked package alone', () => {
    // The repository as it is: what `npm publish` would ship today.
    const check = spawnSync(process.execPath, ['scripts/release.mjs', 'check-pack'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(check.stdout).toMatch(/all shippable/);
    expect(check.status).toBe(0);

    // Packed for real, unpacked with no node_modules anywhere above it: the notes' pins set line works.
    const out = mkdtempSync(join(tmpdir(), 'gantry-pack-'));
    try {
      const [pack] = JSON.parse(
        execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], {
          cwd: suite,
          encoding: 'utf8',
        }),
      ) as { filename: string }[];
      execFileSync('tar', ['-xzf', join(out, pack!.filename), '-C', out]);
      const service = makeRepo({
        '.github/workflows/ci.yml': [
          'on: push',
          'jobs:',
          '  build:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
          '      - uses: acme/gantry/actions/changes@v3',
          '      - uses: acme/gantry/action-templates/service-pipeline@v3.6.0',
          '',
        ].join('\n'),
      });
      const cli = join(out, 'package', 'dist/cli/index.js');
      const pinned = spawnSync(process.execPath, [cli, 'pins', 'set', '--version', TAG, '--sha', SHA, '.'], {
        cwd: service,
        encoding: 'utf8',
      });
      expect(pinned.stderr).toBe('');
      expect(pinned.status).toBe(0);
      const workflow = readFileSync(join(service, '.github/workflows/ci.yml'), 'utf8');
      expect(workflow).toContain(`      - uses: acme/gantry/actions/changes@${SHA} # ${TAG}\n`);
      expect(workflow).toContain(
        `      - uses: acme/gantry/action-templates/service-pipeline@${SHA} # ${TAG}\n`,
      );
      expect(workflow).toContain('actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2');
      const help = spawnSync(process.execPath, [cli, 'changes', '--help'], { encoding: 'utf8' });
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('--filters');
      rmSync(service, { recursive: true, force: true });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
