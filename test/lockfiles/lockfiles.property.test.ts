/**
 * Properties of parseLockfile and diffLockfiles over random lockfiles of every kind: written from
 * random packages, they read back exactly; mangled (cut, spliced, garbage inserted, CRLF), they
 * either read or throw a LockfileError naming the file, never anything else, and never leave a
 * polluted prototype or a result object with extra keys. fast-check prints the seed and the
 * shrunk counterexample on failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffLockfiles,
  type LockfileKind,
  LockfileError,
  type ParsedLockfile,
  parseLockfile,
} from '../../src/lockfiles/index.js';
import { WRITERS } from './writers.js';

const KINDS = Object.keys(WRITERS) as LockfileKind[];
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const PACKAGE_KEYS = new Set(['name', 'version', 'direct', 'ecosystem']);

const hostileName = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  '__defineGetter__',
);
const plainName = fc.stringMatching(/^[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6})?$/);
const version = fc.tuple(fc.nat(30), fc.nat(30), fc.nat(30)).map(([a, b, c]) => `${a}.${b}.${c}`);
const packages = fc.uniqueArray(fc.tuple(fc.oneof(hostileName, plainName), version), {
  selector: ([name]) => name,
  minLength: 0,
  maxLength: 12,
});

/** The name each ecosystem reports (PyPI normalises; Go module paths need a host). */
function expectedName(kind: LockfileKind, name: string): string {
  if (kind === 'poetry' || kind === 'uv' || kind === 'pip-requirements')
    return name.replace(/[-_.]+/g, '-').toLowerCase();
  return name;
}
function written(kind: LockfileKind, name: string): string {
  return kind === 'go-mod' || kind === 'go-sum' ? `example.test/${name}` : name;
}

function assertClean(parsed: ParsedLockfile): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).name).toBeUndefined();
  for (const p of parsed.packages) {
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    for (const key of Object.keys(p)) expect(PACKAGE_KEYS.has(key)).toBe(true);
    expect(typeof p.name).toBe('string');
    expect(typeof p.version).toBe('string');
  }
}

describe('lockfile properties', () => {
  it('written from random packages (including __proto__ and constructor), every kind reads back exactly those name@version pairs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), packages, (kind, list) => {
        // PEP 508 names start and end with a letter or digit.
        const usable =
          kind === 'pip-requirements' ? list.filter(([n]) => /^[a-z0-9].*[a-z0-9]$/i.test(n)) : list;
        const { file, write } = WRITERS[kind];
        const parsed = parseLockfile(file, write(usable.map(([n, v]) => [written(kind, n), v])));
        assertClean(parsed);
        expect(parsed.packages.map((p) => `${p.name}@${p.version}`).sort()).toEqual(
          usable
            .map(
              ([n, v]) => `${written(kind, expectedName(kind, n))}@${kind.startsWith('go-') ? 'v' : ''}${v}`,
            )
            .sort(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a mangled lockfile (cut, spliced, garbage, CRLF) reads or throws a LockfileError naming the file, nothing else, and pollutes nothing', () => {
    const garbage = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '"',
        "'",
        '{',
        '[',
        ':',
        ' ',
        '\t',
        '\n',
        '\r\n',
        '\uFEFF',
        '\\',
        '(',
        '#',
        '[[package]]\n',
        '  ',
        '\u0000',
        '__proto__',
        '"__proto__": {"polluted": 1}',
      ),
    );
    const mangle = fc.record({
      cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      insert: fc.array(garbage, { maxLength: 3 }),
      drop: fc.nat(40),
      crlf: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), packages, mangle, (kind, list, m) => {
        const { file, write } = WRITERS[kind];
        let text = write(list.map(([n, v]) => [written(kind, n), v]));
        const at = Math.floor(text.length * m.at);
        text = text.slice(0, at) + m.insert.join('') + text.slice(at + m.drop);
        if (m.cut !== undefined) text = text.slice(0, Math.floor(text.length * m.cut));
        if (m.crlf) text = text.replace(/\n/g, '\r\n');
        let parsed: ParsedLockfile;
        try {
          parsed = parseLockfile(file, text);
        } catch (error) {
          expect(error).toBeInstanceOf(LockfileError);
          expect((error as LockfileError).message.startsWith(file)).toBe(true);
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
          return;
        }
        assertClean(parsed);
        assertClean({ kind: parsed.kind, packages: [] });
        const diff = diffLockfiles(undefined, parsed);
        expect(diff.changes.every((c) => c.kind === 'added')).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('package-lock.json of any JSON shape (entries, versions and trees of random values, __proto__ keys) reads or throws a LockfileError naming the file', () => {
    const key = fc.oneof(
      fc.constantFrom(
        '',
        'node_modules/__proto__',
        'node_modules/constructor',
        '__proto__',
        'packages/w',
        'node_modules/a/node_modules/b',
      ),
      plainName.map((n) => `node_modules/${n}`),
    );
    const entry = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.record(
        {
          version: fc.oneof(version, fc.jsonValue({ maxDepth: 1 })),
          link: fc.boolean(),
          dependencies: fc.jsonValue({ maxDepth: 2 }),
        },
        { requiredKeys: [] },
      ),
    );
    const doc = fc.record(
      {
        lockfileVersion: fc.oneof(fc.constantFrom(1, 2, 3, '3', null), fc.jsonValue({ maxDepth: 0 })),
        packages: fc.oneof(fc.dictionary(key, entry, { maxKeys: 6 }), fc.jsonValue({ maxDepth: 1 })),
        dependencies: fc.oneof(
          fc.dictionary(fc.oneof(hostileName, plainName), entry, { maxKeys: 6 }),
          fc.jsonValue({ maxDepth: 1 }),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, (value) => {
        // fc.dictionary defines keys as own properties, so a __proto__ key reaches the text.
        const text = JSON.stringify(value);
        try {
          assertClean(parseLockfile('package-lock.json', text));
        } catch (error) {
          expect(error).toBeInstanceOf(LockfileError);
          expect((error as LockfileError).message.startsWith('package-lock.json')).toBe(true);
        }
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
      }),
      { numRuns: 1000 },
    );
  });

  it('diffing a lockfile with itself is empty; with nothing, every name is added (or removed the other way)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), packages, (kind, list) => {
        const usable =
          kind === 'pip-requirements' ? list.filter(([n]) => /^[a-z0-9].*[a-z0-9]$/i.test(n)) : list;
        const { file, write } = WRITERS[kind];
        const parsed = parseLockfile(file, write(usable.map(([n, v]) => [written(kind, n), v])));
        expect(diffLockfiles(parsed, parsed).changes).toEqual([]);
        const names = new Set(parsed.packages.map((p) => p.name)).size;
        expect(diffLockfiles(undefined, parsed).changes.filter((c) => c.kind === 'added')).toHaveLength(
          names,
        );
        expect(diffLockfiles(parsed, undefined).changes.filter((c) => c.kind === 'removed')).toHaveLength(
          names,
        );
      }),
      { numRuns: 200 },
    );
  });
});
