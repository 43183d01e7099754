/**
 * Property: whatever tree of names a cache holds (`.`, `..`, empty segments, backslashes, aliases of
 * root indexes, symlinks and hard links in any order), a restore creates, changes and follows
 * nothing outside its targets; and when it is refused, the targets are as they were.
 * Checked by listing the filesystem around the targets before and after.
 */
import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { zstdCompressSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { extractLayers, UnsafeArchiveError } from '../../src/layer-cache/extract.js';
import { END_OF_ARCHIVE, encodeHeader, padding, type TarEntry } from '../../src/oci/tar.js';

const base = mkdtempSync(join(tmpdir(), 'lc-prop-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const ROOT_ALIASES = ['00', '000', '01', '+0', ' 0', '0 ', '-0', '0x0', '1e0', '２', '', '.', '..'];
const HOSTILE_SEGMENTS = ['.', '..', '', 'a\\b', '\\', '..\\..', '.git'];
// A small alphabet, so that names meet: a link and a later entry under it, a name and its alias.
const PLAIN_SEGMENTS = ['u', 'l', 'u', 'l', 'a'];
const TARGET_PARTS = ['.', '.', '..', '..', 'a', 'u', 'u', 'l', '', '.git', '..\\..', '0', '00'];

/** Mostly names a real cache has, so that restores succeed often enough to be checked too. */
const root = fc.oneof(
  { weight: 30, arbitrary: fc.constant('0') },
  { weight: 10, arbitrary: fc.constant('1') },
  { weight: 25, arbitrary: fc.constant('00') },
  { weight: 1, arbitrary: fc.constantFrom(...ROOT_ALIASES) },
);
const segment = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...PLAIN_SEGMENTS) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
);
const entryType = fc.oneof(
  { weight: 2, arbitrary: fc.constant<TarEntry['type']>('file') },
  { weight: 3, arbitrary: fc.constant<TarEntry['type']>('directory') },
  { weight: 4, arbitrary: fc.constant<TarEntry['type']>('symlink') },
  { weight: 1, arbitrary: fc.constant<TarEntry['type']>('hardlink') },
);

const member: fc.Arbitrary<TarEntry> = fc
  .record({
    root,
    rest: fc.oneof(
      { weight: 20, arbitrary: fc.array(segment, { minLength: 1, maxLength: 2 }) },
      { weight: 1, arbitrary: fc.constant<string[]>([]) },
    ),
    slash: fc.boolean(),
    type: entryType,
    link: fc.oneof(
      {
        weight: 20,
        arbitrary: fc
          .array(fc.constantFrom(...TARGET_PARTS), { minLength: 1, maxLength: 3 })
          .map((p) => p.join('/')),
      },
      {
        weight: 5,
        arbitrary: fc
          .record({ root, rest: fc.array(segment, { maxLength: 3 }) })
          .map(({ root, rest }) => [root, ...rest].join('/')),
      },
      { weight: 1, arbitrary: fc.constant('/tmp') },
    ),
  })
  .map(({ root, rest, slash, type, link }) => ({
    name: [root, ...rest].join('/') + (slash && type === 'directory' ? '/' : ''),
    type,
    mode: type === 'directory' ? 0o755 : 0o644,
    mtime: 1_600_000_000,
    size: type === 'file' ? 3 : 0,
    ...(type === 'symlink' || type === 'hardlink' ? { linkname: link } : {}),
  }));

const link = (name: string, linkname: string): TarEntry => ({
  name,
  type: 'symlink',
  mode: 0o777,
  mtime: 1_600_000_000,
  size: 0,
  linkname,
});

/**
 * A chain of links of the kind that escapes when two names of one place are checked apart: a link
 * to '.', a link through it to '..', and an entry under the second, each under any root spelling.
 */
const chain: fc.Arbitrary<TarEntry[]> = fc
  .record({
    roots: fc.tuple(root, root, root),
    names: fc.tuple(fc.constantFrom(...PLAIN_SEGMENTS), fc.constantFrom(...PLAIN_SEGMENTS)),
    target: fc.constantFrom('.', '', './.'),
    under: fc.constantFrom<TarEntry['type']>('file', 'directory', 'symlink'),
  })
  .map(({ roots: [r1, r2, r3], names: [dot, up], target, under }) => [
    link(`${r1}/${dot}`, target),
    link(`${r2}/${up}`, `${dot}/..`),
    under === 'symlink'
      ? link(`${r3}/${up}/escaped`, '.')
      : {
          name: `${r3}/${up}/escaped`,
          type: under,
          mode: 0o644,
          mtime: 1_600_000_000,
          size: under === 'file' ? 3 : 0,
        },
  ]);

/** Random entries with link chains among them, unique by name (duplicates are refused, tested apart). */
const layerEntries = fc
  .array(fc.oneof({ weight: 4, arbitrary: member.map((m) => [m]) }, { weight: 1, arbitrary: chain }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((groups) => {
    const seen = new Set<string>();
    return groups.flat().filter((m) => {
      const name = m.name.replace(/\/$/, '');
      if (seen.has(name)) return false;
      seen.add(name);
      return true;
    });
  });

function tarOf(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    parts.push(encodeHeader(entry));
    if (entry.type === 'file') parts.push(Buffer.from('abc'), Buffer.alloc(padding(3)));
  }
  parts.push(END_OF_ARCHIVE);
  return Buffer.concat(parts);
}

/** A workspace: two cached paths, a .git with hooks, and a directory with a link out of the workspace. */
function scene(id: number) {
  const root = join(base, `case-${id}`);
  const ws = join(root, 'ws');
  mkdirSync(join(ws, '.git', 'hooks'), { recursive: true });
  writeFileSync(join(ws, '.git', 'hooks', 'pre-commit.sample'), 'sample');
  mkdirSync(join(ws, 'deps', 'a'), { recursive: true });
  writeFileSync(join(ws, 'deps', 'a', 'old'), 'old');
  writeFileSync(join(ws, 'other'), 'a file root');
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'outside', 'sentinel'), 'sentinel');
  symlinkSync(join(root, 'outside'), join(ws, 'out-link'));
  return { root, ws, targets: [join(ws, 'deps'), join(ws, 'other')] };
}

/** Every path under dir except the targets: type, mode, mtime, links, content. */
function around(dir: string, targets: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (path: string) => {
    if (targets.includes(path)) return;
    const s = lstatSync(path);
    const rel = path.slice(dir.length) || '.';
    // A directory's own mtime and link count change when a target next to it is replaced: not compared.
    const common = s.isDirectory()
      ? (s.mode & 0o7777).toString(8)
      : `${(s.mode & 0o7777).toString(8)} ${s.mtimeMs} ${s.nlink}`;
    if (s.isSymbolicLink()) out[rel] = `link ${readlinkSync(path)} ${common}`;
    else if (s.isFile())
      out[rel] = `file ${common} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    else if (s.isDirectory()) {
      out[rel] = `dir ${common}`;
      for (const child of readdirSync(path)) visit(join(path, child));
    } else out[rel] = 'other';
  };
  visit(dir);
  return out;
}

/** Every symlink under a target resolves (when it resolves) inside that target; no file is shared with outside. */
function containedIn(target: string): string[] {
  const problems: string[] = [];
  const visit = (path: string) => {
    const s = lstatSync(path);
    if (s.isSymbolicLink()) {
      let real: string | undefined;
      try {
        real = realpathSync(path);
      } catch {
        real = undefined; // dangling or a loop: not followed anywhere
      }
      if (real !== undefined && real !== target && !real.startsWith(target + sep))
        problems.push(`${path} -> ${real}`);
    } else if (s.isDirectory()) for (const child of readdirSync(path)) visit(join(path, child));
  };
  try {
    visit(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return problems;
}

describe('extractLayers on random hostile trees', () => {
  it('creates, changes and follows nothing outside the targets; a refused restore leaves the targets as they were', async () => {
    let id = 0;
    let restored = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(layerEntries, { minLength: 1, maxLength: 2 }), async (layers) => {
        const s = scene(id++);
        const before = around(s.root, s.targets);
        const targetsBefore = s.targets.map((t) => around(t, []));
        const files = layers.map((entries, i) => {
          const file = join(s.root, `layer-${i}.tar.zst`);
          writeFileSync(file, zstdCompressSync(tarOf(entries)));
          return file;
        });
        let ok = true;
        try {
          await extractLayers(
            files,
            'zstd',
            s.targets.map((abs) => ({ abs })),
          );
        } catch (error) {
          if (!(error instanceof UnsafeArchiveError)) throw error;
          ok = false;
        }
        for (const file of files) rmSync(file);
        expect(around(s.root, s.targets)).toEqual(before);
        for (const target of s.targets) expect(containedIn(target)).toEqual([]);
        if (ok) restored += 1;
        else {
          refused += 1;
          expect(s.targets.map((t) => around(t, []))).toEqual(targetsBefore);
        }
        rmSync(s.root, { recursive: true, force: true });
      }),
      { numRuns: Number(process.env.GANTRY_PROPERTY_RUNS ?? 200) },
    );
    // The generator must reach both outcomes, or the property says little.
    expect(restored).toBeGreaterThan(5);
    expect(refused).toBeGreaterThan(5);
  }, 120_000);
});
