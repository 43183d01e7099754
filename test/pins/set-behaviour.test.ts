/**
 * What `pins set` promises beyond the happy path, one behaviour per test (issue 25's surviving
 * mutants of src/pins/set.ts): each test fails when the check or detail it names is removed.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type PinTarget,
  resolveTag,
  rewriteSuiteRefs,
  setPins,
  validateTarget,
  verifyRewrite,
  writeFileAtomic,
} from '../../src/pins/set.js';
import { ConfigurationError } from '../../src/runtime/errors.js';
import { git, makeRepo, pins, SHA_A, writeFiles } from './repo.js';

const SHA_B = 'b'.repeat(40);
const TAG_ONLY: PinTarget = { suite: 'acme/gantry', version: 'v2.0.0' };
const PINNED: PinTarget = { suite: 'acme/gantry', version: 'v1.4.2', sha: SHA_A };

const step = (uses: string) => `jobs:\n  a:\n    steps:\n      - uses: ${uses}\n`;
/** The single uses: line of `step(uses)` after a rewrite. */
const rewritten = (uses: string, target: PinTarget) =>
  rewriteSuiteRefs(step(uses), 'w.yml', 'workflow', target)
    .text.split('\n')[3]!
    .slice('      - uses: '.length);

describe('version comments with --tag-only', () => {
  it.each([
    ['a version written alone', 'x@v1 # v1', 'x@v2.0.0'],
    ['a version with no space after #', 'x@v1 #v1', 'x@v2.0.0'],
    ['a version without v', 'x@v1 # 1.2.0', 'x@v2.0.0'],
    ['a version with several digits', 'x@v1 # v10.20.30', 'x@v2.0.0'],
    ['a pre-release version', 'x@v1 # v1.0.0-rc.1', 'x@v2.0.0'],
    ['a version with build metadata', 'x@v1 # v1.0.0+build.5', 'x@v2.0.0'],
    ['a tag= version', 'x@v1 # tag=v1.2.3', 'x@v2.0.0'],
    ['a version with spaces after it', 'x@v1 # v1.2.3   ', 'x@v2.0.0'],
  ])('drops a comment that is only %s', (_what, before, after) => {
    const uses = before.replace('x@', 'acme/gantry/actions/changes@');
    expect(rewritten(uses, TAG_ONLY)).toBe(after.replace('x@', 'acme/gantry/actions/changes@'));
  });

  it.each([
    ['a leading version', 'x@v1 # v1 until we pin', 'x@v2.0.0 # until we pin'],
    ['a leading version followed by several spaces', 'x@v1 # v1   until we pin', 'x@v2.0.0 # until we pin'],
    ['a leading version after several spaces', 'x@v1 #   v1 keep', 'x@v2.0.0 #   keep'],
    ['a leading version right after #', 'x@v1 #v1 keep', 'x@v2.0.0 #keep'],
    ['no version at all', 'x@v1 # keep short', 'x@v2.0.0 # keep short'],
    ['a version that is not the first word', 'x@v1 # pinned v1', 'x@v2.0.0 # pinned v1'],
  ])('keeps the words of a comment with %s', (_what, before, after) => {
    const uses = before.replace('x@', 'acme/gantry/actions/changes@');
    expect(rewritten(uses, TAG_ONLY)).toBe(after.replace('x@', 'acme/gantry/actions/changes@'));
  });
});

describe('version comments with a SHA', () => {
  it('puts the version before the words of a comment that has none, with one space', () => {
    expect(rewritten('acme/gantry/actions/changes@v1 #   pinned by bot', PINNED)).toBe(
      `acme/gantry/actions/changes@${SHA_A} # v1.4.2 pinned by bot`,
    );
  });

  it('updates a stale version comment on a reference already at the wanted SHA, and reports it', () => {
    const result = rewriteSuiteRefs(
      step(`acme/gantry/actions/changes@${SHA_A} # v1.0.0`),
      'w.yml',
      'workflow',
      PINNED,
    );
    expect(result.text).toBe(step(`acme/gantry/actions/changes@${SHA_A} # v1.4.2`));
    expect(result.unchanged).toBe(0);
    expect(result.changes).toEqual([
      {
        file: 'w.yml',
        line: 4,
        from: `acme/gantry/actions/changes@${SHA_A} # v1.0.0`,
        to: `acme/gantry/actions/changes@${SHA_A} # v1.4.2`,
      },
    ]);
    // Already at the SHA with the right comment: nothing to do.
    const again = rewriteSuiteRefs(result.text, 'w.yml', 'workflow', PINNED);
    expect([again.text, again.changes, again.unchanged]).toEqual([result.text, [], 1]);
  });
});

describe('what a rewrite reports', () => {
  it('shows each change as it was and as it becomes, comments included, flow mappings without', () => {
    const text = [
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: acme/gantry/actions/changes@v1   # v1 until we pin',
      '      - uses: acme/gantry/actions/quarantine@v1',
      '      - {uses: acme/gantry/actions/promote@v1, with: {source: x}} # promote',
      '',
    ].join('\n');
    const pinned = rewriteSuiteRefs(text, 'w.yml', 'workflow', PINNED);
    expect(pinned.changes.map((c) => [c.line, c.from, c.to])).toEqual([
      [
        4,
        'acme/gantry/actions/changes@v1 # v1 until we pin',
        `acme/gantry/actions/changes@${SHA_A} # v1.4.2`,
      ],
      [5, 'acme/gantry/actions/quarantine@v1', `acme/gantry/actions/quarantine@${SHA_A} # v1.4.2`],
      [6, 'acme/gantry/actions/promote@v1', `acme/gantry/actions/promote@${SHA_A}`],
    ]);
    expect(pinned.notes).toEqual(['w.yml:6:16: inside a flow mapping, so no # v1.4.2 comment was added']);
    const tagged = rewriteSuiteRefs(text, 'w.yml', 'workflow', TAG_ONLY);
    expect(tagged.changes.map((c) => c.to)).toEqual([
      'acme/gantry/actions/changes@v2.0.0',
      'acme/gantry/actions/quarantine@v2.0.0',
      'acme/gantry/actions/promote@v2.0.0',
    ]);
    // No comment is wanted with a tag: nothing to note about flow mappings.
    expect(tagged.notes).toEqual([]);
    expect(
      rewriteSuiteRefs(step('acme/gantry/actions/changes@v1'), 'w.yml', 'workflow', PINNED).notes,
    ).toEqual([]);
  });

  it('names the file, line and column of a uses: it cannot rewrite', () => {
    expect(() =>
      rewriteSuiteRefs(
        'jobs:\n  a:\n    steps:\n      - uses: >-\n          acme/gantry/actions/changes@v1\n',
        'w.yml',
        'workflow',
        PINNED,
      ),
    ).toThrow(/^w\.yml:4:15: uses: is written as a block scalar/);
  });

  it('--only selects the reusable workflow of that name at the top of the suite, nothing that merely ends or starts like it', () => {
    const only: PinTarget = { ...TAG_ONLY, only: 'service-pipeline' };
    const text = [
      'jobs:',
      '  a:',
      '    uses: acme/gantry/.github/workflows/service-pipeline.yml@v1',
      '  b:',
      '    uses: acme/gantry/.github/workflows/service-pipeline.yaml@v1',
      '  c:',
      '    steps:',
      '      - uses: acme/gantry/tools/.github/workflows/service-pipeline.yml@v1',
      '      - uses: acme/gantry/.github/workflows/service-pipeline.yml.bak@v1',
      '      - uses: acme/gantry/action-templates/service-pipeline@v1',
      '      - uses: acme/gantry/action-templates/build-once@v1',
      '',
    ].join('\n');
    const result = rewriteSuiteRefs(text, 'w.yml', 'workflow', only);
    expect(result.changes.map((c) => c.line)).toEqual([3, 5, 10]);
  });
});

describe('the rewrite check', () => {
  const before =
    'jobs:\n  a:\n    steps:\n      - uses: acme/gantry/actions/changes@v1 # v1\n        with: { a: 1 }\n';
  const start = before.indexOf('acme/');
  const to = `acme/gantry/actions/changes@${SHA_A}`;

  it('accepts a text where only the expected uses: values changed (comments may change)', () => {
    const after = before.replace('changes@v1 # v1', `changes@${SHA_A} # v1.4.2`);
    expect(() => verifyRewrite(before, after, 'w.yml', 'workflow', new Map([[start, to]]))).not.toThrow();
  });

  it('refuses a text where anything else changed, or a value changed to something else', () => {
    const other = before.replace('changes@v1', `changes@${SHA_A}`).replace('a: 1', 'a: 2');
    expect(() => verifyRewrite(before, other, 'w.yml', 'workflow', new Map([[start, to]]))).toThrow(
      'internal error: rewriting w.yml would change more than its uses: values; nothing was written',
    );
    const wrong = before.replace('changes@v1', `changes@${SHA_B}`);
    expect(() => verifyRewrite(before, wrong, 'w.yml', 'workflow', new Map([[start, to]]))).toThrow(
      /would change more than its uses/,
    );
  });
});

describe('validateTarget', () => {
  it.each([
    ['a space in the owner', 'evil org/gantry'],
    ['a path after the repository', 'acme/gantry/actions'],
    ['a trailing newline', 'acme/gantry\n'],
  ])('refuses a suite with %s, saying what is expected', (_what, suite) => {
    expect(() => validateTarget({ ...PINNED, suite })).toThrow(
      `Input '--suite': got ${JSON.stringify(suite)}; expected owner/repo, e.g. acme/gantry`,
    );
  });

  it('lists the templates --only accepts, one by one', () => {
    expect(() => validateTarget({ ...PINNED, only: 'nope' })).toThrow(
      /expected one of the suite's templates: build-once, test-with-quarantine, promote-environment, /,
    );
  });
});

describe('setPins on a repository', () => {
  const WORKFLOW = step('acme/gantry/actions/changes@v1');

  it('reads only workflows and action.yml files: other files, binary or not YAML, are never parsed', async () => {
    const dir = makeRepo({
      '.github/workflows/deploy.yml': WORKFLOW,
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x80]),
      'notes.md': 'key: [unclosed\n  - : :\n',
    });
    const result = await setPins(dir, PINNED);
    expect(result.files).toEqual(['.github/workflows/deploy.yml']);
    expect(result.notes).toEqual([]);
  });

  it('leaves files that need no change alone: not rewritten, not listed, even when they are symbolic links', async () => {
    const pinned = step(`acme/gantry/actions/changes@${SHA_A} # v1.4.2`);
    const dir = makeRepo({
      '.github/workflows/deploy.yml': WORKFLOW,
      '.github/workflows/done.yml': pinned,
      'shared/linked.yml': pinned,
    });
    symlinkSync('../../shared/linked.yml', join(dir, '.github/workflows/linked.yml'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'link');
    const ino = statSync(join(dir, '.github/workflows/done.yml')).ino;
    const result = await setPins(dir, PINNED);
    expect(result.files).toEqual(['.github/workflows/deploy.yml']);
    expect([result.changes.length, result.unchanged]).toEqual([1, 2]);
    expect(statSync(join(dir, '.github/workflows/done.yml')).ino).toBe(ino);
  });

  it('works in a repository whose path and file names are not ASCII', async () => {
    const base = mkdtempSync(join(tmpdir(), 'gantry-pins-ñandú-'));
    const dir = join(base, 'dépôt');
    mkdirSync(dir);
    git(dir, 'init', '-q', '-b', 'main');
    writeFiles(dir, { '.github/workflows/déploiement.yml': WORKFLOW });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'service');
    const result = await setPins(dir, PINNED);
    expect(result.files).toEqual(['.github/workflows/déploiement.yml']);
    expect(readFileSync(join(dir, '.github/workflows/déploiement.yml'), 'utf8')).toBe(
      step(`acme/gantry/actions/changes@${SHA_A} # v1.4.2`),
    );
  });

  /** A repository at <base>/repo whose .github/workflows is swapped for a link to `link`. */
  function linkedOut(link: (base: string) => string) {
    const base = mkdtempSync(join(tmpdir(), 'gantry-pins-out-'));
    const dir = join(base, 'repo');
    mkdirSync(dir);
    git(dir, 'init', '-q', '-b', 'main');
    const action = 'runs:\n  using: composite\n  steps:\n    - uses: acme/gantry/actions/promote@v1\n';
    // The workflow outside holds no suite reference: only the check before reading can refuse it.
    writeFiles(dir, { '.github/workflows/deploy.yml': 'on: push\n', 'ci/action.yml': action });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'service');
    rmSync(join(dir, '.github/workflows'), { recursive: true });
    symlinkSync(link(base), join(dir, '.github/workflows'));
    return { base, dir, action };
  }

  it.each([
    [
      'a directory beside the repository',
      (base: string) => {
        writeFiles(base, { 'victim/deploy.yml': 'on: push\n' });
        return join(base, 'victim');
      },
    ],
    [
      'the directory holding the repository',
      (base: string) => {
        writeFiles(base, { 'deploy.yml': 'on: push\n' });
        return '../..';
      },
    ],
  ])('refuses to read a workflow through a link to %s, and writes nothing', async (_what, link) => {
    const { dir, action } = linkedOut(link);
    const { code, stderr } = await pins('set', '--version', 'v1.4.2', '--sha', SHA_A, dir);
    expect(code).toBe(2);
    expect(stderr).toContain(
      '.github/workflows/deploy.yml: a directory on its path is a symbolic link that leads outside the repository',
    );
    expect(readFileSync(join(dir, 'ci/action.yml'), 'utf8')).toBe(action);
  });
});

describe('writeFileAtomic', () => {
  const openDescriptors = () => readdirSync('/proc/self/fd').length;

  it('leaves no file descriptor open, whether it succeeds or fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-atomic-'));
    const file = join(dir, 'a.yml');
    writeFiles(dir, { 'a.yml': 'old' });
    const before = openDescriptors();
    for (let i = 0; i < 20; i++) writeFileAtomic(file, `new ${i}`);
    expect(readFileSync(file, 'utf8')).toBe('new 19');
    mkdirSync(join(dir, 'd.yml')); // rename(2) cannot replace a directory with a file
    for (let i = 0; i < 20; i++) expect(() => writeFileAtomic(join(dir, 'd.yml'), 'x')).toThrow();
    // 40 calls: a leak shows as tens of descriptors; a margin for whatever else the worker opens.
    expect(openDescriptors() - before).toBeLessThan(10);
    expect(readdirSync(dir).sort()).toEqual(['a.yml', 'd.yml']);
  });
});

describe('resolveTag', () => {
  it("names the remote and git's last line of complaint when the tags cannot be listed", async () => {
    const gone = join(tmpdir(), 'gantry-pins-no-such-remote');
    const error = await resolveTag(tmpdir(), PINNED, { remote: `file://${gone}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(
      `could not list tags of file://${gone} (and the repository exists.); give --sha, or --tag-only.`,
    );
  });

  it('passes on a failure to run git at all unchanged: it is not a remote problem', async () => {
    const error = await resolveTag(join(tmpdir(), 'gantry-pins-no-such-dir'), PINNED, {
      remote: 'file:///nowhere',
    }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ConfigurationError);
    expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});
