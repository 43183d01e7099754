/**
 * Hostile lockfiles: truncated and corrupt files give a LockfileError naming the file (and line);
 * CRLF line ends and a byte-order mark read the same; package names such as __proto__ stay names.
 * (Random inputs: lockfiles.property.test.ts; a 50 MB file: huge.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { diffLockfiles, LockfileError, parseLockfile } from '../../src/lockfiles/index.js';
import { corpusFile, PAIRS } from './corpus.js';
import { WRITERS } from './writers.js';

const key = (p: { name: string; version: string }) => `${p.name}@${p.version}`;

function failure(run: () => unknown): LockfileError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof LockfileError) return error;
    throw error;
  }
}

describe('truncated lockfiles (every corpus file, cut at 60 points)', () => {
  for (const pair of PAIRS) {
    it(`${pair.after}/${pair.file}: cut mid-line is a LockfileError naming the file; cut at a line end reads a subset or fails the same way`, () => {
      const text = corpusFile(`${pair.after}/${pair.file}`);
      const full = new Set(parseLockfile(pair.file, text).packages.map(key));
      let refused = 0;
      for (let i = 1; i < 60; i++) {
        const cut = Math.floor((text.length * i) / 60);
        const error = failure(() => parseLockfile(pair.file, text.slice(0, cut)));
        if (error) {
          expect(error.message.startsWith(pair.file)).toBe(true);
          expect(error.file).toBe(pair.file);
          refused++;
          continue;
        }
        // Only a cut at a line end may read (go.mod also mid-comment): the packages it lists are real.
        if (pair.file !== 'go.mod') expect(text[cut - 1]).toBe('\n');
        for (const p of parseLockfile(pair.file, text.slice(0, cut)).packages)
          expect(full.has(key(p))).toBe(true);
      }
      expect(refused).toBeGreaterThan(50);
    });
  }
});

describe('corrupt lockfiles name the file and the line', () => {
  it.each([
    [
      'package-lock.json',
      '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": {"version": "1.0.0",}\n  }\n}\n',
      /^package-lock.json line 4: not valid JSON/,
    ],
    ['package-lock.json', '[1, 2]\n', /^package-lock.json: expected a JSON object/],
    [
      'package-lock.json',
      '{"lockfileVersion": 3, "packages": {"node_modules/a": {}}}',
      /^package-lock.json: packages\["node_modules\/a"\] has no version/,
    ],
    [
      'yarn.lock',
      '# yarn lockfile v1\n\na@^1:\n  version "1.0.0\n',
      /^yarn.lock line 4: malformed quoted string/,
    ],
    [
      'yarn.lock',
      '# yarn lockfile v1\n\na@^1\n  version "1.0.0"\n',
      /^yarn.lock line 3: expected an entry header/,
    ],
    ['yarn.lock', '# yarn lockfile v1\n\na@^1:\n  resolved "x"\n', /^yarn.lock line 3: entry has no version/],
    ['yarn.lock', 'a@^1:\n  version "1.0.0"\n', /^yarn.lock has no "# yarn lockfile v1" header/],
    [
      'yarn.lock',
      '__metadata:\n  version: 8\n\n"a@npm:^1":\n  resolution: "a@npm:1.0.0"\n',
      /^yarn.lock line 4: entry has no version/,
    ],
    [
      'yarn.lock',
      '__metadata:\n  version: 8\n\n"a@npm:^1:\n  version: 1.0.0\n',
      /^yarn.lock line 4: unterminated quoted key/,
    ],
    [
      'pnpm-lock.yaml',
      "lockfileVersion: '9.0'\n\npackages:\n\n  a@1.0.0:\n    engines: {node: '>=8'}\n",
      /^pnpm-lock.yaml line 5: package "a@1.0.0" has no resolution/,
    ],
    [
      'pnpm-lock.yaml',
      "lockfileVersion: '9.0'\npackages:\n  a@1.0.0\n",
      /^pnpm-lock.yaml line 3: expected "key: value"/,
    ],
    ['pnpm-lock.yaml', 'packages:\n  a@1.0.0:\n    resolution: {}\n', /^pnpm-lock.yaml: no lockfileVersion/],
    ['pnpm-lock.yaml', "lockfileVersion: '9.0'\npackages:\n\t a@1.0.0:\n", /^pnpm-lock.yaml line 3: a tab/],
    [
      'go.mod',
      'module m\n\nrequire (\n\tgithub.com/a/b v1.0.0\n',
      /^go.mod line 3: the require block is not closed/,
    ],
    ['go.mod', 'module m\nrequire github.com/a/b\n', /^go.mod line 2: expected "require <module> <version>"/],
    ['go.mod', 'module m\nrequires github.com/a/b v1\n', /^go.mod line 2: unknown directive "requires"/],
    [
      'go.sum',
      'github.com/a/b v1.0.0 h1:x=\ngithub.com/a/b v1.0.0\n',
      /^go.sum line 2: expected "<module> <version> <hash>"/,
    ],
    ['Cargo.lock', '[[package]]\nname = "a"\nversion = "1.0.0\n', /^Cargo.lock line 3: unterminated string/],
    [
      'Cargo.lock',
      '[[package]]\nname = "a"\n\n[[package]]\nname = "b"\nversion = "1"\n',
      /^Cargo.lock line 1: \[\[package\]\] has no version/,
    ],
    [
      'Cargo.lock',
      '[[package]]\nname = "a"\nversion = "1"\nversion = "2"\n',
      /^Cargo.lock line 4: "version" is defined twice/,
    ],
    ['Cargo.lock', '[[package]\n', /^Cargo.lock line 1: expected "\]\]"/],
    [
      'poetry.lock',
      '[[package]]\nname = "a"\nversion = "1"\nfiles = [\n  {file = "a"},\n',
      /^poetry.lock line 4: unterminated array/,
    ],
    [
      'poetry.lock',
      '[package.extras]\nx = []\n',
      /^poetry.lock line 1: \[package.extras\] before any \[\[package\]\]/,
    ],
    [
      'uv.lock',
      '[[package]]\nname = "a"\nversion = "1"\nsource = { registry = "x"\n',
      /^uv.lock line 4: unterminated inline table/,
    ],
    [
      'uv.lock',
      `[[package]]\nname = "a"\nx = ${'['.repeat(100)}\n`,
      /^uv.lock line 3: arrays or tables nested more than 64 deep/,
    ],
    ['Gemfile.lock', 'GEM\n  specs:\n    rack (3.0\n', /^Gemfile.lock line 3: expected "name \(version\)"/],
    ['Gemfile.lock', '  specs:\n', /^Gemfile.lock line 1: indented line before any section/],
    ['Gemfile.lock', 'PLATFORMS\n  ruby\n', /^Gemfile.lock: no GEM, GIT or PATH section/],
  ])('%s: %j', (file, text, message) => {
    const error = failure(() => parseLockfile(file, text));
    expect(error?.message).toMatch(message);
  });

  it('a deeply nested package-lock v1 tree is read without recursion (no stack overflow)', () => {
    // 3,000 levels of nested dependencies, written by hand (JSON.stringify recurses too).
    const text = `{"lockfileVersion":1,"dependencies":${'{"p":{"version":"1.0.0","dependencies":'.repeat(3000)}{}${'}}'.repeat(3000)}}`;
    expect(parseLockfile('package-lock.json', text).packages).toEqual([
      { name: 'p', version: '1.0.0', ecosystem: 'npm' },
    ]);
  });
});

describe('CRLF line ends and a byte-order mark', () => {
  for (const pair of PAIRS) {
    it(`${pair.before}/${pair.file} reads the same with CRLF and a BOM`, () => {
      const text = corpusFile(`${pair.before}/${pair.file}`);
      const windows = `\uFEFF${text.replace(/\r?\n/g, '\r\n')}`;
      expect(parseLockfile(pair.file, windows)).toEqual(parseLockfile(pair.file, text));
    });
  }
});

describe('package names that are Object.prototype keys stay plain names', () => {
  const HOSTILE = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'];
  for (const [kind, { file, write }] of Object.entries(WRITERS)) {
    it(`${kind}: __proto__, constructor and friends are listed as packages and pollute nothing`, () => {
      // PEP 508 names start and end with a letter or digit: pip's `__proto__` is refused below.
      const names =
        kind === 'go-mod' || kind === 'go-sum'
          ? HOSTILE.map((n) => `example.test/${n}`)
          : kind === 'pip-requirements'
            ? HOSTILE.slice(1)
            : HOSTILE;
      const before = parseLockfile(file, write(names.map((n) => [n, '1.0.0'])));
      const after = parseLockfile(file, write(names.map((n) => [n, '2.0.0'])));
      const normalize = (n: string) =>
        ['poetry', 'uv', 'pip-requirements'].includes(kind) ? n.replace(/[-_.]+/g, '-').toLowerCase() : n;
      expect(before.packages.map((p) => p.name).sort()).toEqual(names.map(normalize).sort());
      for (const p of before.packages) expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
      const { changes } = diffLockfiles(before, after);
      expect(changes.map((c) => [c.name, c.kind, c.major])).toEqual(
        names
          .map(normalize)
          .sort()
          .map((n) => [n, 'upgraded', true]),
      );
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
      expect(({} as Record<string, unknown>).version).toBeUndefined();
    });
  }
});

it('requirements: __proto__ is not a PEP 508 name and is refused at its line', () => {
  expect(() => parseLockfile('requirements.txt', 'attrs==1.0\n__proto__==1.0.0\n')).toThrow(
    /^requirements.txt line 2: not a requirement/,
  );
});

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
