/**
 * What the extractor guarantees, one behaviour per test (issue 25's surviving mutants): each test
 * fails when the check it names is removed. Exclusive creation ('wx') is not observable once the
 * name model refuses every second entry at one path; it stays as defence in depth.
 */
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zstdCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTORE_LIMITS, extractLayers, UnsafeArchiveError } from '../../src/layer-cache/extract.js';
import { END_OF_ARCHIVE, encodeHeader, padding, type TarEntry } from '../../src/oci/tar.js';

type Member = Partial<TarEntry> & { name: string; type: TarEntry['type']; data?: Buffer | string };

function layer(dir: string, members: Member[], index = 0): string {
  const parts: Buffer[] = [];
  for (const m of members) {
    const data = Buffer.from(m.data ?? '');
    parts.push(
      encodeHeader({
        name: m.name,
        type: m.type,
        mode: m.mode ?? (m.type === 'directory' ? 0o755 : 0o644),
        mtime: m.mtime ?? 1_600_000_000,
        size: m.type === 'file' ? data.length : 0,
        linkname: m.linkname,
      }),
    );
    if (m.type === 'file') parts.push(data, Buffer.alloc(padding(data.length)));
  }
  parts.push(END_OF_ARCHIVE);
  const file = join(dir, `layer-${index}.tar.zst`);
  writeFileSync(file, zstdCompressSync(Buffer.concat(parts)));
  return file;
}

function scene(roots = 1) {
  const base = mkdtempSync(join(tmpdir(), 'lc-behave-'));
  mkdirSync(join(base, 'work'));
  mkdirSync(join(base, 'ws'));
  const targets = Array.from({ length: roots }, (_, i) => ({ abs: join(base, 'ws', `t${i}`) }));
  return { base, work: join(base, 'work'), ws: join(base, 'ws'), targets };
}

const refused = async (
  s: ReturnType<typeof scene>,
  members: Member[],
  why: RegExp,
  limits = DEFAULT_RESTORE_LIMITS,
) => {
  const error = await extractLayers([layer(s.work, members)], 'zstd', s.targets, limits).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnsafeArchiveError);
  expect((error as Error).message).toMatch(why);
  expect(readdirSync(s.ws)).toEqual([]);
};

describe('extractLayers behaviour', () => {
  it('a symlink that a later symlink makes point outside is refused at the final check', async () => {
    const s = scene();
    await refused(
      s,
      [
        { name: '0', type: 'directory' },
        { name: '0/a', type: 'directory' },
        { name: '0/l', type: 'symlink', linkname: 'a/b/..' },
        { name: '0/a/b', type: 'symlink', linkname: '..' },
      ],
      /"0\/l": symlink "a\/b\/\.\." points outside/,
    );
  });

  it('symlink loops and chains over 40 hops are refused; 40 hops are followed', async () => {
    await refused(scene(), [{ name: '0/l', type: 'symlink', linkname: 'l' }], /points outside/);
    await refused(
      scene(),
      [
        { name: '0/x', type: 'symlink', linkname: 'y' },
        { name: '0/y', type: 'symlink', linkname: 'x' },
      ],
      /points outside/,
    );
    const chain = (n: number): Member[] => [
      { name: '0/f', type: 'file', data: 'end' },
      ...Array.from({ length: n }, (_, i) => ({
        name: `0/l${i}`,
        type: 'symlink' as const,
        linkname: i === 0 ? 'f' : `l${i - 1}`,
      })),
      { name: '0/entry', type: 'symlink', linkname: `l${n - 1}` },
    ];
    const ok = scene();
    await extractLayers([layer(ok.work, chain(39))], 'zstd', ok.targets);
    expect(readFileSync(join(ok.targets[0]!.abs, 'entry'), 'utf8')).toBe('end');
    await refused(scene(), chain(41), /points outside/);
  });

  it('a hard link from one cached path to another is refused; within one it is the same file', async () => {
    const s = scene(2);
    await refused(
      s,
      [
        { name: '0/f', type: 'file', data: 'x' },
        { name: '1/h', type: 'hardlink', linkname: '0/f' },
      ],
      /not a file of the same cached path/,
    );
    const ok = scene();
    await extractLayers(
      [
        layer(ok.work, [
          { name: '0/f', type: 'file', data: 'x' },
          { name: '0/h', type: 'hardlink', linkname: '0/f' },
        ]),
      ],
      'zstd',
      ok.targets,
    );
    const t = ok.targets[0]!.abs;
    expect(statSync(join(t, 'h')).ino).toBe(statSync(join(t, 'f')).ino);
  });

  it.each([
    ['a backslash', '0/a\\b'],
    ['a . segment', '0/./f'],
    ['an empty segment', '0//f'],
    ['a root index with a leading zero', '00/f'],
    ['a root index with a sign', '+0/f'],
    ['a root index with a space', ' 0/f'],
    ['a hex root index', '0x0/f'],
  ])('a name with %s is refused, not normalised', async (_what, name) => {
    await refused(
      scene(),
      [{ name, type: 'file', data: 'x' }],
      /not a plain relative path|not under a cached path/,
    );
  });

  it('modes lose setuid, setgid and sticky bits; read-only directories are restored read-only', async () => {
    const s = scene();
    await extractLayers(
      [
        layer(s.work, [
          { name: '0', type: 'directory', mode: 0o755 },
          { name: '0/ro', type: 'directory', mode: 0o555 },
          { name: '0/ro/f', type: 'file', data: 'x', mode: 0o4755 },
          { name: '0/g', type: 'file', data: 'x', mode: 0o2640 },
        ]),
      ],
      'zstd',
      s.targets,
    );
    const t = s.targets[0]!.abs;
    expect(statSync(join(t, 'ro/f')).mode & 0o7777).toBe(0o755);
    expect(statSync(join(t, 'g')).mode & 0o7777).toBe(0o640);
    expect(statSync(join(t, 'ro')).mode & 0o7777).toBe(0o555);
  });

  it('mtimes of files, directories and symlinks are restored', async () => {
    const s = scene();
    await extractLayers(
      [
        layer(s.work, [
          { name: '0', type: 'directory', mtime: 1_500_000_000 },
          { name: '0/d', type: 'directory', mtime: 1_400_000_000 },
          { name: '0/d/f', type: 'file', data: 'x', mtime: 1_300_000_000 },
          { name: '0/l', type: 'symlink', linkname: 'd/f', mtime: 1_200_000_000 },
        ]),
      ],
      'zstd',
      s.targets,
    );
    const t = s.targets[0]!.abs;
    expect(statSync(join(t, 'd/f')).mtimeMs).toBe(1_300_000_000_000);
    expect(statSync(join(t, 'd')).mtimeMs).toBe(1_400_000_000_000);
    expect(lstatSync(join(t, 'l')).mtimeMs).toBe(1_200_000_000_000);
    expect(readlinkSync(join(t, 'l'))).toBe('d/f');
  });

  it('a file over 1 MiB is streamed intact', async () => {
    const s = scene();
    const big = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
    await extractLayers(
      [layer(s.work, [{ name: '0/big', type: 'file', data: big, mode: 0o600 }])],
      'zstd',
      s.targets,
    );
    expect(readFileSync(join(s.targets[0]!.abs, 'big')).equals(big)).toBe(true);
    expect(statSync(join(s.targets[0]!.abs, 'big')).mode & 0o777).toBe(0o600);
  });

  it('entry limits per layer and per cache, and the ratio guard, refuse the whole restore', async () => {
    const many: Member[] = Array.from({ length: 5 }, (_, i) => ({
      name: `0/f${i}`,
      type: 'file',
      data: 'x',
    }));
    await refused(scene(), many, /more than 4 entries, the limit per layer/, {
      ...DEFAULT_RESTORE_LIMITS,
      layerEntries: 4,
    });
    await refused(scene(), many, /more than 3 entries, the limit per cache/, {
      ...DEFAULT_RESTORE_LIMITS,
      cacheEntries: 3,
    });
    const zeros: Member[] = [{ name: '0/z', type: 'file', data: Buffer.alloc(2 * 1024 * 1024) }];
    await refused(scene(), zeros, /expands beyond its limit/, {
      ...DEFAULT_RESTORE_LIMITS,
      ratioFloor: 1024 * 1024,
      maxRatio: 10,
    });
    const s = scene();
    const half: Member[] = [{ name: '0/z', type: 'file', data: Buffer.alloc(700 * 1024) }];
    const second: Member[] = [{ name: '0/y', type: 'file', data: Buffer.alloc(700 * 1024) }];
    const error = await extractLayers([layer(s.work, half, 0), layer(s.work, second, 1)], 'zstd', s.targets, {
      ...DEFAULT_RESTORE_LIMITS,
      cacheBytes: 1024 * 1024,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/the cache expands beyond the limit of 1 MiB/);
    expect(readdirSync(s.ws)).toEqual([]);
  });
});
