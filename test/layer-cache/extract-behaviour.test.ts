/**
 * What the extractor guarantees, one behaviour per test (issue 25's surviving mutants): each test
 * fails when the check it names is removed. Exclusive creation ('wx') is not observable once the
 * name model refuses every second entry at one path; it stays as defence in depth.
 */
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, zstdCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTORE_LIMITS, extractLayers, UnsafeArchiveError } from '../../src/layer-cache/extract.js';
import { END_OF_ARCHIVE, encodeHeader, padding, type TarEntry } from '../../src/oci/tar.js';

type Member = Partial<TarEntry> & { name: string; type: TarEntry['type']; data?: Buffer | string };

function tarOf(members: Member[]): Buffer {
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
  return Buffer.concat(parts);
}

function layer(dir: string, members: Member[], index = 0): string {
  const file = join(dir, `layer-${index}.tar.zst`);
  writeFileSync(file, zstdCompressSync(tarOf(members)));
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
  expect((error as Error).name).toBe('UnsafeArchiveError');
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
    // The checker follows at most 40 hops: one more is refused. (The kernel counts the link itself
    // too, so a 40-hop chain dangles there: restored, but it leads nowhere.)
    const forty = scene();
    await extractLayers([layer(forty.work, chain(40))], 'zstd', forty.targets);
    expect(readlinkSync(join(forty.targets[0]!.abs, 'entry'))).toBe('l39');
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
    ['a root index one past the last cached path', '1/f'],
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

describe('extractLayers: the cached paths', () => {
  it('refuses two cached paths that are one directory or one inside the other, before reading anything', async () => {
    const s = scene();
    const file = layer(s.work, [{ name: '0/f', type: 'file', data: 'x' }]);
    const same = [{ abs: join(s.ws, 'a') }, { abs: join(s.ws, 'b', '..', 'a') }];
    await expect(extractLayers([file], 'zstd', same)).rejects.toThrow(
      /^cached paths 0 and 1 are the same directory or one inside the other/,
    );
    const nested = [{ abs: join(s.ws, 'a', 'b') }, { abs: join(s.ws, 'a') }];
    await expect(extractLayers([file], 'zstd', nested)).rejects.toThrow(
      `cached paths 1 and 0 are the same directory or one inside the other (${join(s.ws, 'a', 'b')} in ${join(s.ws, 'a')})`,
    );
    expect(readdirSync(s.ws)).toEqual([]);
    // The file system root holds every other path. (The layer is refused at its first entry should
    // the check ever let this through, so nothing is written at /.)
    const hostile = layer(s.work, [{ name: '/gantry-never', type: 'file', data: 'x' }], 1);
    await expect(extractLayers([hostile], 'zstd', [{ abs: '/' }, { abs: s.ws }])).rejects.toThrow(
      /cached paths 0 and 1 are the same directory or one inside the other/,
    );
  });

  it('restores sibling paths that only share a prefix of their names', async () => {
    const s = scene();
    const targets = [{ abs: join(s.ws, 'a') }, { abs: join(s.ws, 'ab') }];
    const file = layer(s.work, [
      { name: '0/f', type: 'file', data: 'in a' },
      { name: '1/f', type: 'file', data: 'in ab' },
    ]);
    expect(await extractLayers([file], 'zstd', targets)).toEqual({ files: 2 });
    expect(readFileSync(join(s.ws, 'a/f'), 'utf8')).toBe('in a');
    expect(readFileSync(join(s.ws, 'ab/f'), 'utf8')).toBe('in ab');
  });

  it('replaces a cached path the archive holds, leaves one it does not hold as it was, and leaves nothing beside them', async () => {
    const s = scene(2);
    for (const [i, t] of s.targets.entries()) {
      mkdirSync(t.abs);
      writeFileSync(join(t.abs, 'old.txt'), `old ${i}`);
    }
    const file = layer(s.work, [
      { name: '0', type: 'directory' },
      { name: '0/new.txt', type: 'file', data: 'new' },
    ]);
    expect(await extractLayers([file], 'zstd', s.targets)).toEqual({ files: 1 });
    expect(readdirSync(s.targets[0]!.abs)).toEqual(['new.txt']);
    expect(readdirSync(s.targets[1]!.abs)).toEqual(['old.txt']);
    expect(readFileSync(join(s.targets[1]!.abs, 'old.txt'), 'utf8')).toBe('old 1');
    expect(readdirSync(s.ws).sort()).toEqual(['t0', 't1']);
  });

  it('creates the directories above a cached path that is not there yet', async () => {
    const s = scene();
    const target = { abs: join(s.ws, 'deep', 'er', 'deps') };
    const file = layer(s.work, [{ name: '0/f', type: 'file', data: 'x' }]);
    await extractLayers([file], 'zstd', [target]);
    expect(readFileSync(join(target.abs, 'f'), 'utf8')).toBe('x');
    expect(readdirSync(join(s.ws, 'deep', 'er'))).toEqual(['deps']);
  });

  it('restores a cached path that is a single file, in a directory not there yet', async () => {
    const s = scene();
    const target = { abs: join(s.ws, 'config', 'settings.json') };
    const file = layer(s.work, [{ name: '0', type: 'file', data: 'just a file', mode: 0o640 }]);
    await extractLayers([file], 'zstd', [target]);
    expect(readFileSync(target.abs, 'utf8')).toBe('just a file');
    expect(statSync(target.abs).mode & 0o777).toBe(0o640);
  });

  it('reads root indexes of two digits', async () => {
    const s = scene(12);
    const file = layer(s.work, [
      { name: '10/f', type: 'file', data: 'ten' },
      { name: '11', type: 'directory' },
      { name: '11/f', type: 'file', data: 'eleven' },
    ]);
    await extractLayers([file], 'zstd', s.targets);
    expect(readFileSync(join(s.targets[10]!.abs, 'f'), 'utf8')).toBe('ten');
    expect(readFileSync(join(s.targets[11]!.abs, 'f'), 'utf8')).toBe('eleven');
    expect(readdirSync(s.ws).sort()).toEqual(['t10', 't11']);
  });
});

describe('extractLayers: entries', () => {
  it.each([
    ['an empty target', '', /symlink to an absolute path ""/],
    ['a NUL byte in its target', 'a\0b', /symlink target with a NUL byte/],
    ['a target over 4095 bytes', 'a/'.repeat(2048), /symlink target longer than 4095 bytes/],
  ])('refuses a symlink with %s', async (_what, linkname, why) => {
    await refused(scene(), [{ name: '0/l', type: 'symlink', linkname }], why);
  });

  it.each([
    ['the directory above the cached path', '..'],
    ['out past an empty segment', 'a//../..'],
    ['out past a . segment', 'a/./../..'],
    ['out from a subdirectory', 'd/../../x'],
  ])('refuses a symlink to %s', async (_what, linkname) => {
    await refused(
      scene(),
      [
        { name: '0/d', type: 'directory' },
        { name: '0/l', type: 'symlink', linkname },
      ],
      /"0\/l": symlink .* points outside the cached path/,
    );
  });

  it('follows symlinks through empty and . segments inside the cached path', async () => {
    const s = scene();
    await extractLayers(
      [
        layer(s.work, [
          { name: '0/d/f', type: 'file', data: 'x' },
          { name: '0/a', type: 'symlink', linkname: './d//f' },
          { name: '0/d/up', type: 'symlink', linkname: '../d/./f' },
          { name: '0/d/e', type: 'directory' },
          { name: '0/d/top', type: 'symlink', linkname: 'e/../..' },
        ]),
      ],
      'zstd',
      s.targets,
    );
    expect(readFileSync(join(s.targets[0]!.abs, 'a'), 'utf8')).toBe('x');
    expect(readFileSync(join(s.targets[0]!.abs, 'd/up'), 'utf8')).toBe('x');
    expect(readFileSync(join(s.targets[0]!.abs, 'd/top/d/f'), 'utf8')).toBe('x');
  });

  it('follows a symlink target of exactly 4095 bytes', async () => {
    const s = scene();
    const linkname = `${'./'.repeat(2046)}f.t`; // 4092 + 3 bytes
    expect(Buffer.byteLength(linkname)).toBe(4095);
    await extractLayers(
      [
        layer(s.work, [
          { name: '0/f.t', type: 'file', data: 'x' },
          { name: '0/l', type: 'symlink', linkname },
        ]),
      ],
      'zstd',
      s.targets,
    );
    expect(readFileSync(join(s.targets[0]!.abs, 'l'), 'utf8')).toBe('x');
  });

  it('refuses a cached path that is itself a symlink or a hard link', async () => {
    await refused(
      scene(),
      [{ name: '0', type: 'symlink', linkname: 'x' }],
      /"0": a cached path itself must be a file or directory/,
    );
    await refused(
      scene(),
      [
        { name: '0/f', type: 'file', data: 'x' },
        { name: '0', type: 'hardlink', linkname: '0/f' },
      ],
      /"0": a cached path itself must be a file or directory/,
    );
  });

  it('refuses an entry below a file, and below a symlink', async () => {
    await refused(
      scene(),
      [
        { name: '0/f', type: 'file', data: 'x' },
        { name: '0/f/g', type: 'file', data: 'y' },
      ],
      /"0\/f\/g": its parent 0\/f is not a directory/,
    );
    await refused(
      scene(),
      [
        { name: '0/d', type: 'directory' },
        { name: '0/l', type: 'symlink', linkname: 'd' },
        { name: '0/l/g', type: 'file', data: 'y' },
      ],
      /"0\/l\/g": its parent 0\/l is a symlink/,
    );
  });

  it('a directory entry after its files (made implicitly) is completed with its own mode and mtime; a second one is refused', async () => {
    const s = scene();
    await extractLayers(
      [
        layer(s.work, [
          { name: '0/d/e/f', type: 'file', data: 'x' },
          { name: '0/d/', type: 'directory', mode: 0o700, mtime: 1_400_000_000 },
          { name: '0', type: 'directory', mode: 0o750 },
        ]),
      ],
      'zstd',
      s.targets,
    );
    const t = s.targets[0]!.abs;
    expect(readFileSync(join(t, 'd/e/f'), 'utf8')).toBe('x');
    expect(statSync(join(t, 'd')).mode & 0o777).toBe(0o700);
    expect(statSync(join(t, 'd')).mtimeMs).toBe(1_400_000_000_000);
    expect(statSync(t).mode & 0o777).toBe(0o750);
    await refused(
      scene(),
      [
        { name: '0/d/f', type: 'file', data: 'x' },
        { name: '0/d', type: 'directory' },
        { name: '0/d', type: 'directory' },
      ],
      /"0\/d\/?": appears twice/,
    );
    await refused(
      scene(),
      [
        { name: '0/d', type: 'directory' },
        { name: '0/d', type: 'directory' },
      ],
      /"0\/d\/?": appears twice/,
    );
    await refused(
      scene(),
      [
        { name: '0/d', type: 'directory' },
        { name: '0/d/f', type: 'file', data: 'x' },
        { name: '0/d', type: 'directory' },
      ],
      /"0\/d\/?": appears twice/,
    );
    // A directory made for a file's parent is completed only by a directory entry.
    await refused(
      scene(),
      [
        { name: '0/d/f', type: 'file', data: 'x' },
        { name: '0/d', type: 'file', data: 'y' },
      ],
      /^refused entry "0\/d": appears twice$/,
    );
    // Trailing slashes are the tar convention for directories, however many.
    const slashes = scene();
    await extractLayers(
      [layer(slashes.work, [{ name: '0/d//', type: 'directory', mode: 0o700 }])],
      'zstd',
      slashes.targets,
    );
    expect(statSync(join(slashes.targets[0]!.abs, 'd')).mode & 0o777).toBe(0o700);
  });

  it('a hard link may name its file with a trailing slash; it may not name a directory, a symlink or a later file', async () => {
    const ok = scene();
    await extractLayers(
      [
        layer(ok.work, [
          { name: '0/f', type: 'file', data: 'x' },
          { name: '0/h', type: 'hardlink', linkname: '0/f/' },
        ]),
      ],
      'zstd',
      ok.targets,
    );
    expect(readFileSync(join(ok.targets[0]!.abs, 'h'), 'utf8')).toBe('x');
    // A hard link is the file itself: another hard link may name it.
    const chain = scene();
    await extractLayers(
      [
        layer(chain.work, [
          { name: '0/f', type: 'file', data: 'x' },
          { name: '0/h', type: 'hardlink', linkname: '0/f' },
          { name: '0/h2', type: 'hardlink', linkname: '0/h' },
        ]),
      ],
      'zstd',
      chain.targets,
    );
    expect(statSync(join(chain.targets[0]!.abs, 'h2')).ino).toBe(
      statSync(join(chain.targets[0]!.abs, 'f')).ino,
    );
    for (const members of [
      [
        { name: '0/d', type: 'directory' },
        { name: '0/h', type: 'hardlink', linkname: '0/d' },
      ],
      [
        { name: '0/f', type: 'file', data: 'x' },
        { name: '0/l', type: 'symlink', linkname: 'f' },
        { name: '0/h', type: 'hardlink', linkname: '0/l' },
      ],
      [
        { name: '0/h', type: 'hardlink', linkname: '0/f' },
        { name: '0/f', type: 'file', data: 'x' },
      ],
    ] as Member[][])
      await refused(
        scene(),
        members,
        /"0\/h": hard link to "0\/[dlf]", which is not a file of the same cached path/,
      );
  });

  it('counts the files it restores, hard links included', async () => {
    const s = scene();
    const result = await extractLayers(
      [
        layer(s.work, [
          { name: '0/d', type: 'directory' },
          { name: '0/d/f', type: 'file', data: 'x' },
          { name: '0/l', type: 'symlink', linkname: 'd/f' },
          { name: '0/h', type: 'hardlink', linkname: '0/d/f' },
        ]),
      ],
      'zstd',
      s.targets,
    );
    expect(result).toEqual({ files: 2 });
  });
});

describe('extractLayers: layers and limits', () => {
  it('restores gzip layers', async () => {
    const s = scene();
    const file = join(s.work, 'layer.tar.gz');
    writeFileSync(file, gzipSync(tarOf([{ name: '0/f', type: 'file', data: 'gzipped' }])));
    await extractLayers([file], 'gzip', s.targets);
    expect(readFileSync(join(s.targets[0]!.abs, 'f'), 'utf8')).toBe('gzipped');
  });

  it('a layer file that is missing refuses the restore as a whole, whichever layer it is', async () => {
    const s = scene();
    const first = layer(s.work, [{ name: '0/f', type: 'file', data: 'x' }]);
    const error = await extractLayers([first, join(s.work, 'gone.tar.zst')], 'zstd', s.targets).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnsafeArchiveError);
    expect((error as Error).message).toMatch(/^the cache could not be extracted: ENOENT/);
    expect(readdirSync(s.ws)).toEqual([]);
  });

  it('names the layer past a limit', async () => {
    const s = scene();
    const first = layer(s.work, [{ name: '0/a', type: 'file', data: 'a' }], 0);
    const many = layer(
      s.work,
      ['b', 'c', 'd'].map((n) => ({ name: `0/${n}`, type: 'file' as const, data: n })),
      1,
    );
    await expect(
      extractLayers([first, many], 'zstd', s.targets, { ...DEFAULT_RESTORE_LIMITS, layerEntries: 2 }),
    ).rejects.toThrow(/^layer 1 has more than 2 entries, the limit per layer$/);
    const big = layer(s.work, [{ name: '0/z', type: 'file', data: Buffer.alloc(64 * 1024) }], 2);
    await expect(
      extractLayers([first, big], 'zstd', s.targets, {
        ...DEFAULT_RESTORE_LIMITS,
        ratioFloor: 32 * 1024,
        maxRatio: 1,
      }),
    ).rejects.toThrow(/^layer 1 expands beyond its limit of 32768 bytes/);
    expect(readdirSync(s.ws)).toEqual([]);
  });

  it('a later layer that cannot be read while an earlier one is written is no unhandled rejection', async () => {
    const s = scene();
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      // Over 1 MiB, so the first layer's file is written through the event loop.
      const first = layer(s.work, [{ name: '0/big', type: 'file', data: Buffer.alloc(2 * 1024 * 1024) }]);
      await expect(extractLayers([first, join(s.work, 'gone.tar.zst')], 'zstd', s.targets)).rejects.toThrow(
        /^the cache could not be extracted: ENOENT/,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('unhandledRejection', record);
    }
    expect(unhandled).toEqual([]);
  });

  it('refuses at the first unsafe entry, before reading the next layer', async () => {
    const s = scene();
    const bad = layer(s.work, [{ name: '0/out', type: 'symlink', linkname: '../x' }]);
    const error = await extractLayers([bad, join(s.work, 'gone.tar.zst')], 'zstd', s.targets).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe(
      'refused entry "0/out": symlink "../x" points outside the cached path',
    );
  });

  it('restores the modes of directories below one without search permission', async () => {
    // Children first: as an ordinary user, a parent set to 0o600 first would block them. (Root is
    // not blocked, so this only tells the orders apart when the tests run unprivileged, as on CI.)
    const s = scene();
    await extractLayers(
      [
        layer(s.work, [
          { name: '0/p', type: 'directory', mode: 0o600 },
          { name: '0/p/c', type: 'directory', mode: 0o750 },
        ]),
      ],
      'zstd',
      s.targets,
    );
    const parent = join(s.targets[0]!.abs, 'p');
    expect(statSync(parent).mode & 0o777).toBe(0o600);
    chmodSync(parent, 0o700);
    expect(statSync(join(parent, 'c')).mode & 0o777).toBe(0o750);
  });

  it('limits are inclusive: a layer of exactly the allowed entries and bytes is restored', async () => {
    const members: Member[] = [
      { name: '0', type: 'directory' },
      { name: '0/a', type: 'file', data: 'a' },
      { name: '0/b', type: 'file', data: 'b' },
    ];
    const bytes = tarOf(members).length;
    const s = scene();
    const limits = { cacheBytes: bytes, cacheEntries: 3, layerEntries: 3, maxRatio: 0, ratioFloor: bytes };
    expect(await extractLayers([layer(s.work, members)], 'zstd', s.targets, limits)).toEqual({ files: 2 });
    await refused(scene(), members, new RegExp(`layer 0 expands beyond its limit of ${bytes - 1} bytes`), {
      ...limits,
      ratioFloor: bytes - 1,
    });
    // Two layers: the cache may hold exactly twice the bytes, and six entries.
    const second: Member[] = [
      { name: '0/c', type: 'file', data: 'c' },
      { name: '0/d', type: 'file', data: 'd' },
      { name: '0/e', type: 'directory' },
    ];
    expect(tarOf(second).length).toBe(bytes);
    const two = scene();
    const twoLayers = [layer(two.work, members, 0), layer(two.work, second, 1)];
    const cache = { ...limits, cacheBytes: 2 * bytes, cacheEntries: 6 };
    expect(await extractLayers(twoLayers, 'zstd', two.targets, cache)).toEqual({ files: 4 });
    const over = scene();
    const overLayers = [layer(over.work, members, 0), layer(over.work, second, 1)];
    await expect(
      extractLayers(overLayers, 'zstd', over.targets, { ...cache, cacheBytes: 2 * bytes - 1 }),
    ).rejects.toThrow(`the cache expands beyond the limit of ${2 * bytes - 1} bytes`);
    await refused(scene(), members, /more than 2 entries, the limit per layer/, {
      ...limits,
      layerEntries: 2,
    });
    await refused(scene(), members, /more than 2 entries, the limit per cache/, {
      ...limits,
      cacheEntries: 2,
    });
  });

  it('says each limit in bytes or MiB, and a layer limit is never above the cache limit', async () => {
    const members: Member[] = [{ name: '0/z', type: 'file', data: Buffer.alloc(3 * 1024 * 1024) }];
    // The layer's own limit is the larger of the floor and its ratio, capped by the cache's.
    await refused(
      scene(),
      members,
      /^layer 0 expands beyond its limit of 1\.5 MiB \(at most 2 times its compressed size, and never less than 1\.5 MiB\): refused as a possible decompression bomb$/,
      { ...DEFAULT_RESTORE_LIMITS, ratioFloor: 1.5 * 1024 * 1024, maxRatio: 2 },
    );
    await refused(scene(), members, /^layer 0 expands beyond its limit of 5000 bytes /, {
      ...DEFAULT_RESTORE_LIMITS,
      cacheBytes: 5000,
    });
    const s = scene();
    const compressed = statSync(layer(s.work, members)).size;
    await refused(s, members, new RegExp(`^layer 0 expands beyond its limit of ${compressed * 100} bytes `), {
      ...DEFAULT_RESTORE_LIMITS,
      ratioFloor: 10,
      maxRatio: 100,
    });
  });

  it('a layer over 8 MiB compressed is streamed intact; refused part way (in a file over 1 MiB), it leaves no file open', async () => {
    const s = scene();
    const noise = randomBytes(9 * 1024 * 1024); // does not compress
    const file = layer(s.work, [{ name: '0/noise', type: 'file', data: noise }]);
    expect(statSync(file).size).toBeGreaterThan(8 * 1024 * 1024);
    await extractLayers([file], 'zstd', s.targets);
    expect(readFileSync(join(s.targets[0]!.abs, 'noise')).equals(noise)).toBe(true);

    const openDescriptors = () => readdirSync('/proc/self/fd').length;
    const before = openDescriptors();
    const t = scene();
    for (let i = 0; i < 5; i++)
      await expect(
        extractLayers([file], 'zstd', t.targets, { ...DEFAULT_RESTORE_LIMITS, cacheBytes: 1024 * 1024 }),
      ).rejects.toThrow(/expands beyond its limit of 1 MiB/);
    // Closing happens on a later turn of the event loop.
    for (let wait = 0; wait < 50 && openDescriptors() - before >= 5; wait++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(openDescriptors() - before).toBeLessThan(5);
  });

  it('a small layer that expands past what one call may decompress (64 MiB) is streamed instead', async () => {
    const s = scene();
    const size = 65 * 1024 * 1024;
    const file = join(s.work, 'zeros.tar.zst');
    writeFileSync(
      file,
      zstdCompressSync(tarOf([{ name: '0/zeros', type: 'file', data: Buffer.alloc(size) }])),
    );
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
    await extractLayers([file], 'zstd', s.targets, {
      ...DEFAULT_RESTORE_LIMITS,
      ratioFloor: 128 * 1024 * 1024,
    });
    expect(statSync(join(s.targets[0]!.abs, 'zeros')).size).toBe(size);
  });
});
