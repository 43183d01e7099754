/**
 * `gantry migrate` on real workflows and composite actions from public repositories
 * (test/migrate/fixtures, SOURCES.md): every byte outside the migrated steps is kept, the result
 * parses with `yaml` and passes GitHub's own workflow/action parser and the suite's interface
 * checks, and the report says what changes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { migrateCommand } from '../../src/migrate/cli.js';
import { unifiedDiff } from '../../src/migrate/diff.js';
import { SOURCES } from '../../src/migrate/mappings.js';
import { migrateRepository } from '../../src/migrate/migrate.js';
import { migrateText, type StepReport } from '../../src/migrate/rewrite.js';
import { type YamlRole, yamlRole } from '../../src/pins/yaml-refs.js';
import { SUITE_ROOT } from '../harness/index.js';
import { outside, stepSpans } from './spans.js';
import { interfaceProblems, schemaErrors } from '../templates/checks.js';

const FIXTURES = join(SUITE_ROOT, 'test/migrate/fixtures');
const SHA = 'a'.repeat(40);
const TARGET = { suite: 'acme/gantry', version: 'v0.1.0', sha: SHA };
const CACHE = 'ghcr.io/acme/app-cache';

interface Fixture {
  name: string;
  /** The path inside its repository. */
  path: string;
  abs: string;
  role: YamlRole;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? walk(abs) : [abs];
  });
}

const fixtures: Fixture[] = walk(FIXTURES).flatMap((abs) => {
  const [repo, ...rest] = relative(FIXTURES, abs).split('/');
  const path = rest.join('/');
  const role = yamlRole(path);
  return role ? [{ name: `${repo}/${path}`, path, abs, role }] : [];
});

/** What each real file must give: steps migrated and blocked, and what the report must say. */
const EXPECTED: Record<string, { source: string; migrated: number; blocked: number; says: RegExp[] }> = {
  'calcom-cal.com/.github/workflows/changes-and-checks.yml': {
    source: 'dorny/paths-filter',
    migrated: 1,
    blocked: 0,
    says: [],
  },
  'PostHog-posthog/.github/workflows/ci-go.yml': {
    source: 'dorny/paths-filter',
    migrated: 1,
    blocked: 0,
    says: [],
  },
  'artis3n-github-oidc-vault-example/.github/workflows/vault.yml': {
    source: 'hashicorp/vault-action',
    migrated: 2,
    blocked: 0,
    says: [/only uses: changes/, /tlsSkipVerify → tls-skip-verify/, /GitHub's default JWT audience/],
  },
  'jshively37-vault-approle-github-action/.github/workflows/vault.yml': {
    source: 'hashicorp/vault-action',
    migrated: 1,
    blocked: 0,
    says: [/exportEnv true \(every secret in the environment of every later step\)/, /roleId → role-id/],
  },
  'rancher-eio-read-vault-secrets/action.yaml': {
    source: 'hashicorp/vault-action',
    migrated: 1,
    blocked: 0,
    says: [/'outputType' is not an input of hashicorp\/vault-action/],
  },
  'grafana-shared-workflows/actions/get-vault-secrets/action.yaml': {
    source: 'hashicorp/vault-action',
    migrated: 1,
    blocked: 0,
    says: [/jwtGithubAudience → jwt-audience/],
  },
  'pallets-flask/.github/workflows/tests.yaml': {
    source: 'actions/cache',
    migrated: 1,
    blocked: 0,
    says: [/does not name runner\.os/, /first run is a miss/],
  },
  'microsoft-vscode/.github/workflows/ci-cached-yarn/action.yaml': {
    source: 'actions/cache',
    migrated: 2,
    blocked: 0,
    says: [/first run is a miss/],
  },
  'microsoft-vscode/.github/actions/restore-node-modules/action.yml': {
    source: 'actions/cache/restore',
    migrated: 1,
    blocked: 0,
    says: [/logged in to the registry/],
  },
  'microsoft-vscode/.github/actions/save-node-modules/action.yml': {
    source: 'actions/cache/save',
    migrated: 1,
    blocked: 0,
    says: [/logged in to the registry/],
  },
  'apache-nutch/.github/workflows/junit-report.yml': {
    source: 'mikepenz/action-junit-report',
    migrated: 0,
    blocked: 1,
    says: [/'commit' reports on another run's commit/, /'require_passed_tests' has no equivalent/],
  },
  'goto1134-structurizr-d2-exporter/.github/workflows/junit-report.yml': {
    source: 'mikepenz/action-junit-report',
    migrated: 0,
    blocked: 1,
    says: [/'commit' reports on another run's commit/],
  },
  'thbeu-CIDash/.github/workflows/junit-report.yml': {
    source: 'mikepenz/action-junit-report',
    migrated: 1,
    blocked: 0,
    says: [
      /'report_paths' is an expression/,
      /allow-empty 'true' keeps action-junit-report's default/,
      /removed: 'check_name', 'detailed_summary', 'include_passed', 'annotate_only'/,
    ],
  },
  'DbUp-DbUp/.github/workflows/test-report.yml': {
    source: 'dorny/test-reporter',
    migrated: 0,
    blocked: 1,
    says: [
      /reporter 'dotnet-trx': quarantine reads JUnit XML only/,
      /'artifact' reads reports from another run/,
    ],
  },
  'BOINC-boinc/.github/workflows/test-report.yml': {
    source: 'dorny/test-reporter',
    migrated: 1,
    blocked: 0,
    says: [/removed: 'name'/],
  },
  'DestinyItemManager-DIM/.github/workflows/test-report.yml': {
    source: 'dorny/test-reporter',
    migrated: 0,
    blocked: 1,
    says: [/'artifact' reads reports from another run/],
  },
  'AppliedEnergistics-Applied-Energistics-2/.github/workflows/test-report.yml': {
    source: 'dorny/test-reporter',
    migrated: 0,
    blocked: 1,
    says: [/'artifact' reads reports from another run/],
  },
  'DNSBelgium-mercator/.github/workflows/junit-report.yml': {
    source: 'dorny/test-reporter',
    migrated: 1,
    blocked: 0,
    says: [/removed: 'name'/],
  },
};

const KNOWN_SCHEMA_ERRORS: Record<string, string[]> = {
  'microsoft-vscode/.github/workflows/ci-cached-yarn/action.yaml': [
    '.github/workflows/ci-cached-yarn/action.yaml (Line: 20, Col: 7): Required property is missing: shell',
    '.github/workflows/ci-cached-yarn/action.yaml (Line: 1, Col: 1): Required property is missing: description',
  ],
};

/** The id of the step a report names. */
function stepId(text: string, report: StepReport): string {
  const m = /^(?:jobs\.(.+)\.steps|runs\.steps)\[(\d+)\]$/.exec(report.where)!;
  const path = m[1]
    ? ['jobs', m[1], 'steps', Number(m[2]) - 1, 'id']
    : ['runs', 'steps', Number(m[2]) - 1, 'id'];
  return String(parseDocument(text).getIn(path) ?? '');
}

/** vault-action's input names, which vault-secrets accepts as aliases (engineer vaultcompat). */
const VAULT_ALIASES =
  /has no input '(?:roleId|secretId|exportEnv|exportToken|tlsSkipVerify|path|jwtGithubAudience|extraHeaders|ignoreNotFound|outputType)'/;

describe('gantry migrate on real workflows', () => {
  it('has a fixture and an expectation for each file, and a source for each', () => {
    expect(fixtures.map((f) => f.name).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const source of SOURCES)
      expect(
        Object.values(EXPECTED).some((e) => e.source === source.name),
        source.name,
      ).toBe(true);
  });

  it.each(fixtures)(
    '$name: every other byte kept, GitHub parses it, the report says what changes',
    (fixture) => {
      const original = readFileSync(fixture.abs, 'utf8');
      const expected = EXPECTED[fixture.name]!;
      // What GitHub's parser says of the real file (vscode's old composite lacks shell: and description:).
      const before = schemaErrors(fixture.path, original, fixture.role);
      expect(before).toEqual(KNOWN_SCHEMA_ERRORS[fixture.name] ?? []);

      const result = migrateText(original, fixture.path, fixture.role, TARGET, { cacheRepository: CACHE });
      const migrated = result.steps.filter((s) => s.migrated);
      const blocked = result.steps.filter((s) => !s.migrated);
      expect({ migrated: migrated.length, blocked: blocked.length }).toEqual({
        migrated: expected.migrated,
        blocked: expected.blocked,
      });
      const said = result.steps.flatMap((s) => [...s.notes, ...s.blockers]).join('\n');
      for (const pattern of expected.says) expect(said).toMatch(pattern);
      for (const step of blocked) expect(step.blockers.length).toBeGreaterThan(0);

      // Every byte outside the migrated steps is the original's; blocked steps are untouched.
      expect(outside(result.text, stepSpans(result.text, migrated))).toBe(
        outside(original, stepSpans(original, migrated)),
      );
      if (!migrated.length) expect(result.text).toBe(original);
      // Line endings are the file's own.
      if (original.includes('\r\n')) expect(result.text.replace(/\r\n/g, '')).not.toContain('\n');

      // The result is YAML, passes GitHub's parser and the suite's interface checks.
      expect(parseDocument(result.text).errors).toEqual([]);
      // No new error (the lines of the old ones move with the lines added).
      const unplaced = (errors: string[]) => errors.map((e) => e.replace(/ \(Line: \d+, Col: \d+\)/, ''));
      expect(unplaced(schemaErrors(fixture.path, result.text, fixture.role))).toEqual(unplaced(before));
      const vaultIds = result.steps
        .filter((s) => s.to?.includes('/actions/vault-secrets@'))
        .map((s) => stepId(result.text, s));
      const problems = interfaceProblems(SUITE_ROOT, result.text, fixture.role, fixture.path).filter(
        (p) =>
          !VAULT_ALIASES.test(p) &&
          // The repository's own local actions are not in this checkout.
          !/: \.\/\S+ resolves to .* which does not exist$/.test(p) &&
          // vault-secrets names an output after each secret, as vault-action does.
          !vaultIds.some((id) => p.includes(`steps.${id}.outputs.`)),
      );
      expect(problems).toEqual([]);
      for (const step of migrated) {
        expect(step.to).toMatch(new RegExp(`^acme/gantry/actions/[a-z/-]+@${SHA}$`));
        expect(result.text).toContain(`${step.to} # v0.1.0`);
        expect(result.text).not.toContain(step.from);
      }
    },
  );

  it('actions/cache without --cache-repository: not migrated, the reason names the flag, the file is unchanged', () => {
    for (const fixture of fixtures.filter((f) => EXPECTED[f.name]!.source.startsWith('actions/cache'))) {
      const original = readFileSync(fixture.abs, 'utf8');
      const result = migrateText(original, fixture.path, fixture.role, TARGET, {});
      expect(result.text).toBe(original);
      for (const step of result.steps) {
        expect(step.migrated).toBe(false);
        expect(step.blockers.join('\n')).toMatch(/--cache-repository <registry>\/<repository>/);
      }
    }
  });

  it('the tallies the report gives: per source action, files rewritten cleanly of files', () => {
    const tally: Record<string, { clean: number; files: number }> = {};
    for (const fixture of fixtures) {
      const source = EXPECTED[fixture.name]!.source.replace(/\/(restore|save)$/, '');
      const result = migrateText(readFileSync(fixture.abs, 'utf8'), fixture.path, fixture.role, TARGET, {
        cacheRepository: CACHE,
      });
      tally[source] ??= { clean: 0, files: 0 };
      tally[source].files++;
      if (result.steps.every((s) => s.migrated)) tally[source].clean++;
    }
    expect(tally).toEqual({
      'dorny/paths-filter': { clean: 2, files: 2 },
      'hashicorp/vault-action': { clean: 4, files: 4 },
      'actions/cache': { clean: 4, files: 4 },
      'mikepenz/action-junit-report': { clean: 1, files: 3 },
      'dorny/test-reporter': { clean: 2, files: 5 },
    });
  });
});

describe('rewrite mechanics', () => {
  const workflow = (steps: string) =>
    `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

  it('adds with: when the step has none, at the step’s indentation, and keeps a trailing comment', () => {
    const text = workflow('      - uses: actions/cache/save@v4 # save it\n        if: always()\n');
    const result = migrateText(text, '.github/workflows/x.yml', 'workflow', TARGET, {
      cacheRepository: CACHE,
    });
    // No path or key: layer-cache/save requires both, which the step's own action did too.
    expect(result.text).toBe(
      workflow(
        `      - uses: acme/gantry/actions/layer-cache/save@${SHA} # v0.1.0 save it\n        with:\n          cache-repository: 'ghcr.io/acme/app-cache'\n        if: always()\n`,
      ),
    );
  });

  it('refuses what it cannot rewrite exactly: flow-style with:, an output the target lacks, save-always', () => {
    const flow = migrateText(
      workflow('      - uses: actions/cache@v4\n        with: { path: x, key: k, upload-chunk-size: 1 }\n'),
      'w.yml',
      'workflow',
      TARGET,
      { cacheRepository: CACHE },
    );
    expect(flow.steps[0]!.blockers.join()).toMatch(/flow mapping/);
    const output = migrateText(
      workflow(
        `      - id: t\n        uses: dorny/test-reporter@v1\n        with:\n          path: r.xml\n          reporter: java-junit\n      - run: echo $\{{ steps.t.outputs.url_html }}\n`,
      ),
      'w.yml',
      'workflow',
      TARGET,
      {},
    );
    expect(output.steps[0]!.blockers).toEqual([
      "steps.t.outputs.url_html is read, but quarantine has no output 'url_html'",
    ]);
    const always = migrateText(
      workflow(
        '      - uses: actions/cache@v4\n        with:\n          path: x\n          key: k\n          save-always: true\n',
      ),
      'w.yml',
      'workflow',
      TARGET,
      { cacheRepository: CACHE },
    );
    expect(always.steps[0]!.blockers.join()).toMatch(
      /split the step into .*layer-cache\/restore and .*layer-cache\/save/,
    );
  });

  it('a unified diff that patch(1) applies', () => {
    const before = readFileSync(fixtures.find((f) => f.name.startsWith('pallets'))!.abs, 'utf8');
    const after = migrateText(before, '.github/workflows/tests.yaml', 'workflow', TARGET, {
      cacheRepository: CACHE,
    }).text;
    const dir = mkdtempSync(join(tmpdir(), 'migrate-patch-'));
    writeFileSync(join(dir, 'tests.yaml'), before);
    writeFileSync(join(dir, 'p.diff'), unifiedDiff('tests.yaml', before, after));
    execFileSync('patch', ['-p1', '-s', '-i', 'p.diff'], { cwd: dir });
    expect(readFileSync(join(dir, 'tests.yaml'), 'utf8')).toBe(after);
  });
});

/** A git repository holding copies of some fixtures, at their paths. */
function repoWith(names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrate-repo-'));
  execFileSync('git', ['init', '-q', dir]);
  for (const name of names) {
    const fixture = fixtures.find((f) => f.name === name)!;
    cpSync(fixture.abs, join(dir, fixture.path), { recursive: true });
  }
  execFileSync('git', ['add', '-A'], { cwd: dir });
  return dir;
}

describe('gantry migrate through the CLI bundle', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [join(SUITE_ROOT, 'dist/cli/index.js'), 'migrate', ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('dry run: the diff and the report, nothing written, exit 1 when a step cannot be migrated', () => {
    const dir = repoWith([
      'pallets-flask/.github/workflows/tests.yaml',
      'DbUp-DbUp/.github/workflows/test-report.yml',
      'calcom-cal.com/.github/workflows/changes-and-checks.yml',
    ]);
    const before = readFileSync(join(dir, '.github/workflows/tests.yaml'), 'utf8');
    const run = cli(['--sha', SHA, '--version', 'v0.1.0', dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('--- a/.github/workflows/changes-and-checks.yml');
    expect(run.stdout).toContain(`+      - uses: acme/gantry/actions/changes@${SHA} # v0.1.0`);
    expect(run.stdout).toMatch(
      /tests\.yaml:\d+ jobs\.tests\.steps\[3\]: actions\/cache@\w+: NOT MIGRATED\n {2}✗ needs the registry repository/,
    );
    expect(run.stdout).toMatch(/test-report\.yml:\d+ .*NOT MIGRATED\n {2}✗ reporter 'dotnet-trx'/);
    expect(run.stdout).toMatch(
      /1 of 3 steps migrated \(dry run: nothing written; --write writes\); 2 cannot be migrated safely/,
    );
    expect(readFileSync(join(dir, '.github/workflows/tests.yaml'), 'utf8')).toBe(before);
  });

  it('--write with --cache-repository: files rewritten, exit 0; a second run finds nothing left', () => {
    const dir = repoWith([
      'pallets-flask/.github/workflows/tests.yaml',
      'microsoft-vscode/.github/actions/restore-node-modules/action.yml',
      'microsoft-vscode/.github/actions/save-node-modules/action.yml',
    ]);
    const run = cli(['--write', '--cache-repository', CACHE, '--sha', SHA, '--version', 'v0.1.0', dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/3 of 3 steps migrated \(3 files written\)\./);
    expect(readFileSync(join(dir, '.github/actions/save-node-modules/action.yml'), 'utf8')).toContain(
      `uses: acme/gantry/actions/layer-cache/save@${SHA} # v0.1.0\n      with:\n        path: .build/node_modules_cache\n        key: \${{ env.NODE_MODULES_CACHE_KEY }}\n        cache-repository: 'ghcr.io/acme/app-cache'\n`,
    );
    const again = cli(['--cache-repository', CACHE, '--sha', SHA, dir]);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('No step uses an action gantry migrate replaces.\n');
  });

  it.each([
    [['--cache-repository', 'ghcr.io/acme/cache:latest'], /--cache-repository.*without tag/],
    [['--cache-repository', 'not a repository'], /--cache-repository/],
    [['--version', 'v1'], /--version.*a release tag such as v1\.4\.2/],
    [['--sha', 'abc'], /--sha.*full commit SHA/],
    [['--sha', SHA, '--tag-only'], /either --sha or --tag-only/],
    [['--suite', 'not/a/suite'], /--suite.*owner\/repo/],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['--write=yes'], /--write takes no value/],
    [['--cache-repository'], /--cache-repository needs a value/],
    [['a', 'b'], /at most one directory; got 2/],
  ])('bad input %j: exit 2 with one line naming it', async (args, message) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await migrateCommand([...args, ...(args.includes('--sha') ? [] : ['--sha', SHA])], {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
    });
    expect(code).toBe(2);
    expect(err.join('')).toMatch(message);
    expect(err.join('')).toMatch(/^error: /);
  });

  it('a directory that is not a git repository: exit 2', async () => {
    const err: string[] = [];
    const code = await migrateCommand(['--sha', SHA, mkdtempSync(join(tmpdir(), 'not-git-'))], {
      stdout: () => {},
      stderr: (t) => err.push(t),
    });
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/not inside a git repository/);
  });

  it('migrateRepository reads composite actions anywhere and workflows in .github/workflows', async () => {
    const dir = repoWith([
      'microsoft-vscode/.github/workflows/ci-cached-yarn/action.yaml',
      'rancher-eio-read-vault-secrets/action.yaml',
    ]);
    const result = await migrateRepository(dir, TARGET, { cacheRepository: CACHE });
    expect(result.steps.map((s) => `${s.file} ${s.where} ${s.migrated}`)).toEqual([
      '.github/workflows/ci-cached-yarn/action.yaml runs.steps[1] true',
      '.github/workflows/ci-cached-yarn/action.yaml runs.steps[2] true',
      'action.yaml runs.steps[1] true',
    ]);
    expect(result.written).toEqual([]);
  });
});

describe('flow-style steps', () => {
  it('a uses:-only migration inside a flow mapping: the value changes, no comment can be added, the note says so', () => {
    const text =
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - {id: f, uses: dorny/paths-filter@v3, with: {filters: "a: b"}}\n';
    const result = migrateText(text, '.github/workflows/f.yml', 'workflow', TARGET, {});
    expect(result.text).toBe(text.replace('dorny/paths-filter@v3', `acme/gantry/actions/changes@${SHA}`));
    expect(result.steps[0]!.notes).toEqual([
      'uses: is inside a flow mapping, so no # v0.1.0 comment was added',
    ]);
  });
});
