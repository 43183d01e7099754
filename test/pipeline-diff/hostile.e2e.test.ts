// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the vars expression is the expected message
/**
 * Hostile input to pipeline-diff, through the bundled action: secrets in the job's environment and
 * in vars (never in the record, not even hashed), a bad baseline, a missing or corrupt record,
 * and path traversal through GITHUB_WORKFLOW_REF and local `uses:`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../harness/index.js';
import { Scenario } from '../support/git-scenarios.js';

let service: Scenario;
let sha: string;

beforeAll(() => {
  service = new Scenario();
  sha = service.commit('first', {
    '.github/workflows/ci.yml':
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./../../../../etc\n      - uses: ./.github/actions/../../../outside\n      - uses: ./.github/actions/ok\n',
    '.github/actions/ok/action.yml':
      'name: ok\nruns:\n  using: composite\n  steps:\n    - run: true\n      shell: bash\n',
    '.github/workflows/other.yml':
      'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n',
    'package.json': '{}\n',
  });
});
afterAll(() => service?.cleanup());

function env(run: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_RUN_ID: String(run),
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REPOSITORY: 'acme/service',
    GITHUB_WORKFLOW_REF: 'acme/service/.github/workflows/ci.yml@refs/heads/main',
    ...extra,
  };
}

const run = (history: string, inputs: Record<string, string>, extra: Record<string, string> = {}, id = 1) =>
  runAction({
    action: 'pipeline-diff',
    workspace: service.checkout(sha),
    inputs: { history: 'dir', 'history-dir': history, toolchains: 'git', ...inputs },
    env: env(id, extra),
  });

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

function storedRecords(history: string): string[] {
  return readdirSync(history)
    .filter((n) => n.endsWith('.json.gz'))
    .flatMap((n) => {
      try {
        return [gunzipSync(readFileSync(join(history, n))).toString('utf8')];
      } catch {
        return [];
      }
    });
}

describe('pipeline-diff: secrets never reach the record', () => {
  // A value masked by an earlier step (the runner never tells this step), a credential under a
  // plain name, credentials under credential names, one in vars.
  const secrets = {
    BUILD_OPTS: 'ghp_R2d2C3poAbCdEfGhIjKlMnOpQrStUvWx0123', // masked earlier: a token value, plain name
    DATABASE_URL: 'postgres://app:Pa55w0rd-x@db.internal:5432/app',
    NPM_TOKEN: 'npm_short',
    DEPLOY_PASSWORD: 'hunter2',
    SIGNING_KEY: 'abc',
    CLOUD_CONFIG: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl',
    OPAQUE: 'kF9xQ2mZ7pL4vR8tW1yB6nC3hJ5',
  };
  const vars = {
    REGION: 'eu-west-1',
    API_KEY: 'vars-secret-1',
    WEBHOOK_URL: 'https://u:p4ss@hooks.example/x',
  };

  it('records their names as secret, no value and no hash of one, in the record, summary, outputs or log', async () => {
    const history = mkdtempSync(join(tmpdir(), 'pdiff-h-'));
    const { main } = await run(
      history,
      { mode: 'record', vars: JSON.stringify(vars) },
      { ...secrets, PLAIN: 'visible-hash' },
    );
    expect(main.exitCode).toBe(0);
    const [text] = storedRecords(history);
    const record = JSON.parse(text!);
    for (const name of Object.keys(secrets)) expect(record.config.env[name], name).toBe('secret');
    expect(record.config.vars).toEqual({
      REGION: `sha256:${sha256('eu-west-1')}`,
      API_KEY: 'secret',
      WEBHOOK_URL: 'secret',
    });
    expect(record.config.env.PLAIN).toBe(`sha256:${sha256('visible-hash')}`);
    const everything = [text!, main.stdout, main.summary, JSON.stringify(main.outputs)].join('\n');
    for (const value of [...Object.values(secrets), vars.API_KEY, vars.WEBHOOK_URL]) {
      expect(everything, value).not.toContain(value);
      expect(everything, value).not.toContain(sha256(value));
    }
    // Runner variables are not configuration: no GITHUB_*, RUNNER_*, INPUT_* (inputs carry vars).
    expect(Object.keys(record.config.env).filter((n) => /^(GITHUB|RUNNER|INPUT|ACTIONS)_/.test(n))).toEqual(
      [],
    );
  });

  it('a vars input that is not JSON is refused without echoing it', async () => {
    const history = mkdtempSync(join(tmpdir(), 'pdiff-h-'));
    const { main } = await run(history, { mode: 'record', vars: 'API_KEY=vars-secret-2' });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual([
      "Input 'vars': not JSON; pass the vars context as vars: ${{ toJSON(vars) }}.",
    ]);
    expect(main.stdout).not.toContain('vars-secret-2');
  });
});

describe('pipeline-diff: bad baseline, missing and corrupt records', () => {
  for (const bad of ['HEAD~1', '../../etc/passwd', 'run:abc', 'sha:xyz', '0']) {
    it(`baseline: ${bad} is a configuration error naming the input`, async () => {
      const { main } = await run(mkdtempSync(join(tmpdir(), 'pdiff-h-')), { mode: 'diff', baseline: bad });
      expect(main.exitCode).toBe(1);
      expect(main.errors).toHaveLength(1);
      expect(main.errors[0]).toMatch(/^Input 'baseline': got .*; expected auto \(the last successful run/);
    });
  }

  it('a baseline with no record is a notice, not a failure; changed is {}', async () => {
    const { main } = await run(mkdtempSync(join(tmpdir(), 'pdiff-h-')), { mode: 'diff', baseline: '999' });
    expect(main.exitCode).toBe(0);
    expect(main.outputs.changed).toBe('{}');
    expect(main.annotations.find((a) => a.command === 'notice')?.value).toMatch(/no record of run 999/);
    expect(main.summary).toContain('No baseline: no record of run 999');
  });

  it('a corrupt or foreign record under the baseline name is skipped, and the next good one is used', async () => {
    const history = mkdtempSync(join(tmpdir(), 'pdiff-h-'));
    expect((await run(history, { mode: 'record' }, {}, 5)).main.exitCode).toBe(0);
    const [name] = readdirSync(history).filter((n) => n.endsWith('.json.gz'));
    const stream = name!.slice(0, name!.indexOf('@'));
    // Later records of run 6: garbage, gzip of not-JSON, and JSON of another shape.
    writeFileSync(join(history, `${stream}@${'9'.repeat(15)}-6-1.json.gz`), 'not gzip at all');
    writeFileSync(
      join(history, `${stream}@${'9'.repeat(14)}8-6-2.json.gz`),
      gzipSync('{"v":1,"kind":"gantry-pipeline-record"'),
    );
    writeFileSync(
      join(history, `${stream}@${'9'.repeat(14)}7-6-3.json.gz`),
      gzipSync(JSON.stringify({ v: 1, kind: 'gantry-pipeline-record', branch: 1, uses: [] })),
    );
    const corrupt = await run(history, { mode: 'diff', baseline: '6' }, {}, 7);
    expect(corrupt.main.exitCode).toBe(0);
    expect(corrupt.main.summary).toContain('No baseline: no record of run 6');
    const good = await run(history, { mode: 'diff', baseline: 'run:5' }, {}, 8);
    expect(good.main.exitCode).toBe(0);
    expect(good.main.outputs['baseline-run']).toBe('5');
    expect(good.main.summary).toContain('Nothing recorded changed.');
  });

  it('a damaged record of the baseline run is skipped; the run still records and passes', async () => {
    const history = mkdtempSync(join(tmpdir(), 'pdiff-h-'));
    writeFileSync(join(history, 'main%23.github%2Fworkflows%2Fci.yml@000000000000001-1-1.json.gz'), 'junk');
    const { main } = await run(history, { mode: 'diff', baseline: '1' }, {}, 9);
    expect(main.exitCode).toBe(0);
    expect(main.summary).toContain('No baseline: no record of run 1');
    expect(storedRecords(history).length).toBe(1);
  });
});

describe('pipeline-diff: path traversal', () => {
  it('local uses: that leave the repository are noted, not followed; the record reads only git objects', async () => {
    const history = mkdtempSync(join(tmpdir(), 'pdiff-h-'));
    const { main } = await run(history, { mode: 'record' });
    expect(main.exitCode).toBe(0);
    const record = JSON.parse(storedRecords(history)[0]!);
    expect(Object.keys(record.files)).toEqual(['.github/actions/ok/action.yml', '.github/workflows/ci.yml']);
    expect(record.notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining('./../../../../etc is not in the repository'),
        expect.stringContaining('./.github/actions/../../../outside is not in the repository'),
      ]),
    );
  });

  for (const ref of [
    'acme/service/.github/workflows/../../../../etc/passwd@refs/heads/main',
    'acme/service/../../etc/passwd@refs/heads/main',
    'other/repo/.github/workflows/ci.yml@refs/heads/main',
  ]) {
    it(`GITHUB_WORKFLOW_REF=${ref} names no workflow: every workflow of the commit is recorded instead`, async () => {
      const history = mkdtempSync(join(tmpdir(), 'pdiff-h-'));
      const { main } = await run(history, { mode: 'record' }, { GITHUB_WORKFLOW_REF: ref });
      expect(main.exitCode).toBe(0);
      const record = JSON.parse(storedRecords(history)[0]!);
      expect(record.workflow).toBe('');
      expect(Object.keys(record.files)).toEqual([
        '.github/actions/ok/action.yml',
        '.github/workflows/ci.yml',
        '.github/workflows/other.yml',
      ]);
      expect(record.notes[0]).toMatch(/GITHUB_WORKFLOW_REF does not name a workflow file/);
    });
  }
});
