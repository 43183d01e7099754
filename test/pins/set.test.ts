import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewriteSuiteRefs, writeFileAtomic } from '../../src/pins/set.js';
import { CHECKOUT, git, makeRepo, pins, SHA_A } from './repo.js';

// Formatting a YAML library would "fix": CRLF, a BOM, odd indentation, anchors, quotes, comments
// everywhere, a flow mapping, trailing spaces, no final newline.
const WORKFLOW =
  '\uFEFF# deploy pipeline   \r\n' +
  'on: { push: { branches: [main] } }\r\n' +
  'x-defaults: &defaults\r\n' +
  '    timeout-minutes: 10 # keep short\r\n' +
  'jobs:\r\n' +
  '  build:\r\n' +
  '    <<: *defaults\r\n' +
  '    steps:\r\n' +
  `       - uses: ${CHECKOUT}\r\n` +
  '       - uses: acme/gantry/actions/changes@v1   # v1 until we pin\r\n' +
  "       - name: 'cache'\r\n" +
  "         uses: 'acme/gantry/actions/layer-cache@v1.2.0'\r\n" +
  '       - uses: "acme/gantry/action-templates/build-once@main"\r\n' +
  '       - {uses: acme/gantry/actions/promote@v1, with: {source: x}}\r\n' +
  '       - uses: someone/else-gantry/actions/changes@v1\r\n' +
  '  pipeline:\r\n' +
  '    uses: acme/gantry/.github/workflows/service-pipeline.yml@v1.3.0 # v1.3.0 \r\n' +
  '    with: {image: ghcr.io/acme/api}';

const ACTION = `name: local
description: composite
runs:
  using: composite
  steps:
    - uses: acme/gantry/action-templates/service-pipeline@${'b'.repeat(40)} # v1.3.0 canary
      with:
        image: x
`;

describe('gantry pins set', () => {
  it('rewrites only the suite references, byte for byte everywhere else (SHA + version comment)', async () => {
    const dir = makeRepo({ '.github/workflows/deploy.yml': WORKFLOW, 'ci/action.yml': ACTION });
    const { code, stdout, stderr } = await pins('set', '--version', 'v1.4.2', '--sha', SHA_A, dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const after = readFileSync(join(dir, '.github/workflows/deploy.yml'), 'utf8');
    const lines = after.split('\r\n');
    expect(lines[9]).toBe(`       - uses: acme/gantry/actions/changes@${SHA_A}   # v1.4.2 until we pin`);
    expect(lines[11]).toBe(`         uses: 'acme/gantry/actions/layer-cache@${SHA_A}' # v1.4.2`);
    expect(lines[12]).toBe(`       - uses: "acme/gantry/action-templates/build-once@${SHA_A}" # v1.4.2`);
    expect(lines[13]).toBe(`       - {uses: acme/gantry/actions/promote@${SHA_A}, with: {source: x}}`);
    expect(lines[16]).toBe(`    uses: acme/gantry/.github/workflows/service-pipeline.yml@${SHA_A} # v1.4.2 `);
    // Every other byte is the original's: undo the five rewrites and compare the whole file.
    const undone = after
      .replace(`changes@${SHA_A}   # v1.4.2 until we pin`, 'changes@v1   # v1 until we pin')
      .replace(`layer-cache@${SHA_A}' # v1.4.2`, "layer-cache@v1.2.0'")
      .replace(`build-once@${SHA_A}" # v1.4.2`, 'build-once@main"')
      .replace(`promote@${SHA_A},`, 'promote@v1,')
      .replace(`service-pipeline.yml@${SHA_A} # v1.4.2 `, 'service-pipeline.yml@v1.3.0 # v1.3.0 ');
    expect(Buffer.from(undone)).toEqual(Buffer.from(WORKFLOW));
    expect(readFileSync(join(dir, 'ci/action.yml'), 'utf8')).toBe(
      ACTION.replace(`${'b'.repeat(40)} # v1.3.0 canary`, `${SHA_A} # v1.4.2 canary`),
    );
    expect(stdout).toContain('Rewrote 6 references in 2 files');
    expect(stdout).toContain('inside a flow mapping');
    // Nothing else in the repository changed.
    expect(git(dir, 'status', '--porcelain')).toBe(
      ' M .github/workflows/deploy.yml\n M ci/action.yml'.trim(),
    );
    // A second run has nothing to do.
    const again = await pins('set', '--version', 'v1.4.2', '--sha', SHA_A, dir);
    expect(again.stdout).toContain('All 6 references already at');
    expect(readFileSync(join(dir, '.github/workflows/deploy.yml'), 'utf8')).toBe(after);
  });

  it('--tag-only writes the exact tag and drops a stale version comment', async () => {
    const dir = makeRepo({ '.github/workflows/deploy.yml': WORKFLOW, 'ci/action.yml': ACTION });
    expect((await pins('set', '--version', 'v2.0.0', '--tag-only', dir)).code).toBe(0);
    const lines = readFileSync(join(dir, '.github/workflows/deploy.yml'), 'utf8').split('\r\n');
    expect(lines[9]).toBe('       - uses: acme/gantry/actions/changes@v2.0.0   # until we pin');
    expect(lines[16]).toBe('    uses: acme/gantry/.github/workflows/service-pipeline.yml@v2.0.0');
    expect(lines[14]).toBe('       - uses: someone/else-gantry/actions/changes@v1');
    expect(readFileSync(join(dir, 'ci/action.yml'), 'utf8')).toContain('service-pipeline@v2.0.0 # canary\n');
  });

  it('--only touches one template (composite and reusable workflow of that name)', async () => {
    const dir = makeRepo({ '.github/workflows/deploy.yml': WORKFLOW, 'ci/action.yml': ACTION });
    const { stdout } = await pins(
      'set',
      '--version',
      'v1.4.2',
      '--sha',
      SHA_A,
      '--only',
      'service-pipeline',
      dir,
    );
    expect(stdout).toContain('Rewrote 2 references in 2 files');
    const after = readFileSync(join(dir, '.github/workflows/deploy.yml'), 'utf8');
    expect(after).toContain('acme/gantry/actions/changes@v1   # v1 until we pin');
    expect(after).toContain(`service-pipeline.yml@${SHA_A} # v1.4.2 `);
  });

  it('resolves the tag to its commit with git ls-remote (annotated tags peeled)', async () => {
    const suite = makeRepo({ 'README.md': 'gantry' });
    git(suite, 'tag', '-a', 'v1.4.2', '-m', 'release');
    const commit = git(suite, 'rev-parse', 'HEAD');
    expect(git(suite, 'rev-parse', 'v1.4.2')).not.toBe(commit); // the tag object, not the commit
    const dir = makeRepo({ '.github/workflows/deploy.yml': WORKFLOW });
    const { code, stdout } = await pins(
      'set',
      '--version',
      'v1.4.2',
      '--suite-remote',
      `file://${suite}`,
      dir,
    );
    expect(code).toBe(0);
    expect(stdout).toContain(`${commit} (v1.4.2)`);
    expect(readFileSync(join(dir, '.github/workflows/deploy.yml'), 'utf8')).toContain(
      `changes@${commit}   # v1.4.2`,
    );
    const missing = await pins('set', '--version', 'v9.9.9', '--suite-remote', `file://${suite}`, dir);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('tag v9.9.9 not found')]);
    const unreachable = await pins(
      'set',
      '--version',
      'v1.4.2',
      '--suite-remote',
      `file://${suite}-gone`,
      dir,
    );
    expect(unreachable.stderr).toMatch(/could not list tags of .*give --sha, or --tag-only/);
  });

  it('a custom --suite is matched case-insensitively; other owners are left alone', async () => {
    const dir = makeRepo({
      '.github/workflows/a.yml':
        'jobs:\n  a:\n    steps:\n      - uses: Platform/Gantry/actions/changes@v1\n      - uses: acme/gantry/actions/changes@v1\n',
    });
    await pins('set', '--version', 'v3.0.0', '--tag-only', '--suite', 'platform/gantry', dir);
    expect(readFileSync(join(dir, '.github/workflows/a.yml'), 'utf8')).toBe(
      'jobs:\n  a:\n    steps:\n      - uses: Platform/Gantry/actions/changes@v3.0.0\n      - uses: acme/gantry/actions/changes@v1\n',
    );
  });

  it.each([
    [
      ['--version', '1.4.2', '--sha', SHA_A],
      'Input \'--version\': got "1.4.2"; expected a release tag such as v1.4.2',
    ],
    [['--version', 'v1.4', '--sha', SHA_A], 'Input \'--version\': got "v1.4"'],
    [['--version', 'v1.4.2; rm -rf /', '--sha', SHA_A], "Input '--version'"],
    [['--version', 'v1.4.2', '--sha', 'abc123'], 'Input \'--sha\': got "abc123"; expected a full commit SHA'],
    [['--version', 'v1.4.2', '--sha', `${SHA_A}\n::error::x`], "Input '--sha'"],
    [
      ['--version', 'v1.4.2', '--sha', SHA_A, '--only', 'nope'],
      "Input '--only': got \"nope\"; expected one of the suite's templates: build-once",
    ],
    [['--version', 'v1.4.2', '--sha', SHA_A, '--suite', 'not a repo'], "Input '--suite'"],
    [['--version', 'v1.4.2', '--sha', SHA_A, '--tag-only'], 'either --sha or --tag-only'],
    [['--version', 'v1.4.2', '--version', 'v1.4.3', '--sha', SHA_A], '--version was given 2 times'],
    [['--sha', SHA_A], 'needs --version'],
    [['--sha', SHA_A, '--version'], 'exactly one directory'],
  ])('rejects %j with a clear error and writes nothing', async (args, message) => {
    const dir = makeRepo({ '.github/workflows/deploy.yml': WORKFLOW });
    const { code, stderr } = await pins('set', ...args, dir);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('refuses a directory that is not a repository, or a repository with no suite references', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'gantry-plain-'));
    expect((await pins('set', '--version', 'v1.0.0', '--sha', SHA_A, plain)).stderr).toMatch(
      /not inside a git repository/,
    );
    const dir = makeRepo({
      '.github/workflows/a.yml': `jobs:\n  a:\n    steps:\n      - uses: ${CHECKOUT}\n`,
    });
    expect((await pins('set', '--version', 'v1.0.0', '--sha', SHA_A, dir)).stderr).toMatch(
      /no references to acme\/gantry found/,
    );
    expect((await pins('set', '--version', 'v1.0.0', '--sha', SHA_A, dir, dir)).stderr).toMatch(
      /exactly one directory/,
    );
  });

  it('writes nothing at all when any file cannot be rewritten safely', async () => {
    const cases: Record<string, [string | Buffer, RegExp]> = {
      'broken YAML': [
        'jobs:\n  a:\n    steps:\n      - uses: [acme/gantry/actions/changes@v1\n',
        /not valid YAML/,
      ],
      'block scalar': [
        'jobs:\n  a:\n    steps:\n      - uses: >-\n          acme/gantry/actions/changes@v1\n',
        /block scalar/,
      ],
      escapes: [
        'jobs:\n  a:\n    steps:\n      - uses: "acme/gantry/actions/changes@v\\x31"\n',
        /escape sequences/,
      ],
      'not UTF-8': [
        Buffer.concat([Buffer.from('# \xff\n', 'latin1'), Buffer.from('jobs: {}\n')]),
        /not UTF-8/,
      ],
    };
    for (const [name, [content, error]] of Object.entries(cases)) {
      const dir = makeRepo({
        '.github/workflows/a-good.yml': WORKFLOW,
        '.github/workflows/z-bad.yml': content,
      });
      const { code, stderr } = await pins('set', '--version', 'v1.4.2', '--sha', SHA_A, dir);
      expect([name, code, stderr]).toEqual([name, 2, expect.stringMatching(error)]);
      expect(git(dir, 'status', '--porcelain')).toBe(''); // the good file was not written either
    }
  });

  it('refuses to replace a symbolic link with a regular file', async () => {
    const dir = makeRepo({ 'shared/deploy.yml': WORKFLOW });
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    symlinkSync('../../shared/deploy.yml', join(dir, '.github/workflows/deploy.yml'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'link');
    const { code, stderr } = await pins('set', '--version', 'v1.4.2', '--sha', SHA_A, dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is a symbolic link/);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('keeps the file mode and leaves no temporary file behind', async () => {
    const dir = makeRepo({ '.github/workflows/deploy.yml': WORKFLOW });
    chmodSync(join(dir, '.github/workflows/deploy.yml'), 0o640);
    await pins('set', '--version', 'v1.4.2', '--sha', SHA_A, dir);
    expect(statSync(join(dir, '.github/workflows/deploy.yml')).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(dir, '.github/workflows'))).toEqual(['deploy.yml']);
  });
});

describe('pins set with YAML anchors and flow collections', () => {
  it('rewrites an anchored reference once, where it is written, and every alias follows', async () => {
    const text = [
      'x-gantry: &changes acme/gantry/actions/changes@v1 # v1',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: *changes',
      '  b:',
      '    steps:',
      '      - uses: *changes',
      '      - {uses: acme/gantry/actions/promote@v1,',
      '         with: {source: x}}',
      '      - {',
      '          uses: acme/gantry/actions/quarantine@v1',
      '        }',
      '',
    ].join('\n');
    const dir = makeRepo({ '.github/workflows/a.yml': text });
    const { code, stdout } = await pins('set', '--version', 'v1.4.2', '--sha', SHA_A, dir);
    expect(code).toBe(0);
    expect(stdout).toContain('Rewrote 3 references in 1 files');
    expect(readFileSync(join(dir, '.github/workflows/a.yml'), 'utf8')).toBe(
      text
        .replace('changes@v1 # v1', `changes@${SHA_A} # v1.4.2`)
        .replace('promote@v1,', `promote@${SHA_A},`)
        .replace('quarantine@v1', `quarantine@${SHA_A} # v1.4.2`),
    );
    const audited = await pins('audit', '--json', dir);
    const uses = (JSON.parse(audited.stdout) as { uses: { line: number; kind: string }[] }).uses;
    expect(uses.map((u) => `${u.line} ${u.kind}`)).toEqual(['1 sha+comment', '9 sha', '12 sha+comment']);
  });
});

describe('writeFileAtomic', () => {
  it('leaves the target and the directory as they were when the rename fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-atomic-'));
    const target = join(dir, 'deploy.yml');
    mkdirSync(target); // a directory where the file should be: rename(2) refuses to replace it
    writeFileSync(join(target, 'keep'), 'x');
    expect(() => writeFileAtomic(target, 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['deploy.yml']);
    expect(readFileSync(join(target, 'keep'), 'utf8')).toBe('x');
  });
});

describe('rewriteSuiteRefs', () => {
  it('verifies that nothing but the uses: values changed', () => {
    const text =
      'jobs:\n  a:\n    steps:\n      - uses: acme/gantry/actions/changes@v1 # v1\n        with: { a: 1 }\n';
    const result = rewriteSuiteRefs(text, 'w.yml', 'workflow', {
      suite: 'acme/gantry',
      version: 'v1.0.0',
      sha: SHA_A,
    });
    expect(result.text).toBe(text.replace('@v1 # v1', `@${SHA_A} # v1.0.0`));
    expect(result.changes).toEqual([
      {
        file: 'w.yml',
        line: 4,
        from: 'acme/gantry/actions/changes@v1 # v1',
        to: `acme/gantry/actions/changes@${SHA_A} # v1.0.0`,
      },
    ]);
  });
});
