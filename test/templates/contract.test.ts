// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions are the test data
// The interface contract and removed-gate detection between two versions of the suite, read from a
// real git repository, through the bundled CLI (dist/cli) where the command is the subject.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Git } from '../../src/git/index.js';
import { type ContractChange, contractBetween, findRenames } from '../../src/templates/contract.js';
import { SUITE_ROOT } from '../harness/index.js';
import { git } from '../pins/repo.js';

/** A git repository holding the suite's actions and templates, tagged v1.0.0. */
function suiteRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-contract-'));
  git(dir, 'init', '-q', '-b', 'main');
  for (const part of ['actions', 'action-templates'])
    cpSync(join(SUITE_ROOT, part), join(dir, part), { recursive: true });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'v1.0.0');
  git(dir, 'tag', 'v1.0.0');
  return dir;
}

/** Edit a file of the repository and commit it. */
function change(dir: string, file: string, edit: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(path, after);
  git(dir, 'commit', '-q', '-am', `edit ${file}`);
}

const TWQ = 'action-templates/test-with-quarantine/action.yml';

async function contract(dir: string): Promise<ContractChange[]> {
  return (await contractBetween(new Git(dir), 'v1.0.0', 'HEAD')).changes;
}

const summary = (changes: ContractChange[]) =>
  changes.map((c) => `${c.action} ${c.kind} ${c.name} ${c.breaking}`);

function gantry(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(SUITE_ROOT, 'dist/cli/index.js'), ...args], {
    cwd,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('interface contract between two versions', () => {
  it('a compatible version (optional input, new output) has no breaking change', async () => {
    const dir = suiteRepo();
    change(dir, TWQ, (t) =>
      t
        .replace(
          'inputs:\n',
          'inputs:\n  shard:\n    description: Which shard to run.\n    required: false\n    default: "1"\n',
        )
        .replace('outputs:\n', 'outputs:\n  duration:\n    description: Seconds.\n    value: "0"\n'),
    );
    expect(summary(await contract(dir))).toEqual([
      'action-templates/test-with-quarantine input-added shard false',
      'action-templates/test-with-quarantine output-added duration false',
    ]);
    const cli = gantry(dir, 'templates', 'contract', '--from', 'v1.0.0', '--to', 'HEAD');
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toContain(
      '| action-templates/test-with-quarantine | input-added | shard | compatible |',
    );
    expect(cli.status).toBe(0);
  });

  it('removed, renamed (same description), newly required, default changed inputs and a removed output are breaking', async () => {
    const dir = suiteRepo();
    change(dir, TWQ, (t) =>
      t
        .replace('  reports:\n', '  report-globs:\n')
        .replace(/ {2}history-dir:\n(?: {4}.*\n)+/, '')
        .replace(
          /( {2}quarantine-file:\n {4}description: .*\n {4}required:) false\n {4}default: .*\n/,
          '$1 true\n',
        )
        .replace('    default: "0.05"', '    default: "0.10"')
        .replace(/ {2}flaky:\n {4}description: .*\n {4}value: .*\n/, ''),
    );
    expect(summary(await contract(dir))).toEqual([
      'action-templates/test-with-quarantine input-renamed reports → report-globs true',
      'action-templates/test-with-quarantine input-removed history-dir true',
      'action-templates/test-with-quarantine input-now-required quarantine-file true',
      'action-templates/test-with-quarantine input-default-changed quarantine-file true',
      'action-templates/test-with-quarantine input-default-changed flake-threshold true',
      'action-templates/test-with-quarantine output-removed flaky true',
    ]);
    const cli = gantry(dir, 'templates', 'contract', '--from', 'v1.0.0', '--to', 'HEAD', '--json');
    expect(JSON.parse(cli.stdout)).toMatchObject({ breaking: true, refused: true });
    expect(cli.status).toBe(1);
  });

  it('a rename by default is recognised only when it is unambiguous', () => {
    const spec = (description: string, value?: string) => ({ description, default: value, required: false });
    expect(
      findRenames(
        new Map([['timeout', spec('Old words', '30s')]]),
        new Map([['deadline', spec('New words', '30s')]]),
      ),
    ).toEqual([['timeout', 'deadline', 'default']]);
    expect(
      findRenames(
        new Map([
          ['a', spec('x', 'true')],
          ['b', spec('y', 'true')],
        ]),
        new Map([
          ['c', spec('z', 'true')],
          ['d', spec('w', 'true')],
        ]),
      ),
    ).toEqual([]);
  });

  it('an action removed from the suite is breaking; a ref that is not a commit is refused', async () => {
    const dir = suiteRepo();
    git(dir, 'rm', '-q', '-r', 'actions/changes');
    git(dir, 'commit', '-q', '-m', 'drop changes');
    expect(summary(await contract(dir))).toContain('actions/changes action-removed actions/changes true');
    await expect(contractBetween(new Git(dir), 'v9.9.9', 'HEAD')).rejects.toThrow(/'v9.9.9' is not a commit/);
  });
});

describe('removed-gate detection', () => {
  const gates = async (dir: string) =>
    summary((await contract(dir)).filter((c) => c.kind.startsWith('gate')));

  it('dropping the test step is breaking although the interface is unchanged', async () => {
    const dir = suiteRepo();
    change(dir, TWQ, (t) => t.replace(/ {4}- id: tests\n[\s\S]*?exit 0\n\n/, ''));
    const changes = await contract(dir);
    expect(changes.filter((c) => !c.kind.startsWith('gate'))).toEqual([]);
    expect(summary(changes)).toEqual([
      "action-templates/test-with-quarantine gate-removed tests (step 'tests') true",
    ]);
  });

  it('if: false, continue-on-error and a default that switches quarantine to report disable gates', async () => {
    const dir = suiteRepo();
    change(dir, TWQ, (t) =>
      t
        .replace('    - id: tests\n', '    - id: tests\n      if: false\n')
        .replace('    - id: quarantine\n', '    - id: quarantine\n      continue-on-error: true\n')
        .replace('    default: enforce', '    default: report'),
    );
    // service-pipeline does not pass mode: the new default switches its test stage off too.
    expect(await gates(dir)).toEqual([
      "action-templates/service-pipeline gate-disabled tests (step 'test', action-templates/test-with-quarantine) true",
      "action-templates/test-with-quarantine gate-disabled tests (step 'tests') true",
      "action-templates/test-with-quarantine gate-disabled quarantine (step 'quarantine', actions/quarantine) true",
      "action-templates/test-with-quarantine gate-disabled quarantine (step 'quarantine', actions/quarantine) true",
    ]);
    const details = (await contract(dir)).filter((c) => c.kind === 'gate-disabled').map((c) => c.detail);
    expect(details).toEqual([
      'mode: report never fails',
      'if: false never runs it',
      'continue-on-error: true ignores its failure',
      'mode: report never fails',
    ]);
  });

  it("promote's require removed, the vault-secrets post step removed, revoke defaulted off: all breaking", async () => {
    const dir = suiteRepo();
    change(dir, 'action-templates/promote-environment/action.yml', (t) =>
      t.replace('        require: ${{ inputs.require }}\n', ''),
    );
    change(dir, 'actions/vault-secrets/action.yml', (t) =>
      t
        .replace(/ {2}post: .*\n {2}post-if: .*\n/, '')
        .replace(/( {2}revoke:\n(?: {4}.*\n)*? {4}default:) "true"/, '$1 "false"'),
    );
    // deploy-with-secrets does not pass revoke: vault-secrets' new default reaches it.
    expect(await gates(dir)).toEqual([
      "action-templates/deploy-with-secrets gate-disabled secret revoke (step 'deploy', actions/vault-secrets) true",
      "action-templates/promote-environment gate-disabled promote (step 'promote', actions/promote) true",
      'actions/vault-secrets gate-removed post true',
      'actions/vault-secrets gate-disabled revoke true',
    ]);
  });

  it('a gate moved into a parallel step group is still there', async () => {
    const dir = suiteRepo();
    change(dir, TWQ, (t) =>
      t.replace(
        /( {4}- id: tests\n[\s\S]*?exit 0\n)/,
        (step: string) => `    - parallel:\n${step.replace(/^/gm, '    ').replace(/^ +$/gm, '')}`,
      ),
    );
    expect(await gates(dir)).toEqual([]);
  });
});

describe('release check: gantry templates contract --release', () => {
  it('refuses a patch or minor release that breaks the contract against the previous tag; a major one passes', () => {
    const dir = suiteRepo();
    change(dir, TWQ, (t) => t.replace(/ {4}- id: tests\n[\s\S]*?exit 0\n\n/, ''));
    const patch = gantry(dir, 'templates', 'contract', '--release', 'v1.0.1');
    expect(patch.stdout).toContain('Contract v1.0.0 → HEAD (release v1.0.1, a patch bump)');
    expect(patch.stdout).toMatch(
      /^::error title=contract::v1\.0\.1 is a patch release of v1\.0\.0 but breaks the contract/m,
    );
    expect(patch.status).toBe(1);
    expect(gantry(dir, 'templates', 'contract', '--release', 'v1.1.0').status).toBe(1);
    const major = gantry(dir, 'templates', 'contract', '--release', 'v2.0.0');
    expect(major.stdout).toContain('allowed by the major bump');
    expect(major.status).toBe(0);
  });
});
