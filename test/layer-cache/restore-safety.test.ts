/**
 * Hostile archives, written by an independent tar implementation (Python's tarfile), must be
 * refused as a whole: nothing outside the target, nothing half-restored, no staging left behind.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zstdCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractLayers, UnsafeArchiveError } from '../../src/layer-cache/extract.js';

type Member =
  | { name: string; type: 'file'; data?: string }
  | { name: string; type: 'dir' }
  | { name: string; type: 'symlink' | 'hardlink'; target: string }
  | { name: string; type: 'chardev' };

const PYTHON = `
import io, json, sys, tarfile
members = json.loads(sys.argv[1])
with tarfile.open(sys.argv[2], 'w', format=tarfile.PAX_FORMAT) as tar:
    for m in members:
        info = tarfile.TarInfo(m['name'])
        data = None
        if m['type'] == 'file':
            data = m.get('data', 'x').encode()
            info.size = len(data)
        elif m['type'] == 'dir':
            info.type = tarfile.DIRTYPE; info.mode = 0o755
        elif m['type'] == 'symlink':
            info.type = tarfile.SYMTYPE; info.linkname = m['target']
        elif m['type'] == 'hardlink':
            info.type = tarfile.LNKTYPE; info.linkname = m['target']
        elif m['type'] == 'chardev':
            info.type = tarfile.CHRTYPE; info.devmajor = 1; info.devminor = 3
        tar.addfile(info, io.BytesIO(data) if data is not None else None)
`;

function layer(dir: string, members: Member[], index = 0): string {
  const tar = join(dir, `layer-${index}.tar`);
  execFileSync('python3', ['-c', PYTHON, JSON.stringify(members), tar]);
  const file = `${tar}.zst`;
  writeFileSync(file, zstdCompressSync(readFileSync(tar)));
  return file;
}

function scene() {
  const base = mkdtempSync(join(tmpdir(), 'lc-hostile-'));
  const work = join(base, 'work');
  mkdirSync(work);
  const target = join(base, 'ws', 'deps');
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'keep.txt'), 'mine');
  return { base, work, target };
}

function untouched(s: ReturnType<typeof scene>): void {
  expect(readdirSync(join(s.base, 'ws'))).toEqual(['deps']);
  expect(readdirSync(s.target)).toEqual(['keep.txt']);
  expect(readdirSync(s.base).sort()).toEqual(['work', 'ws']);
}

const HOSTILE: [string, Member[], RegExp][] = [
  ['an absolute path', [{ name: '/tmp/gantry-evil', type: 'file' }], /absolute path/],
  ['a .. path', [{ name: '0/../evil', type: 'file' }], /'\.\.'/],
  ['a deeper .. path', [{ name: '0/a/../../evil', type: 'file' }], /'\.\.'/],
  ['an entry outside any cached path', [{ name: '7/file', type: 'file' }], /not under a cached path/],
  ['a non-numbered entry', [{ name: 'etc/passwd', type: 'file' }], /not under a cached path/],
  ['a symlink to an absolute path', [{ name: '0/etc', type: 'symlink', target: '/etc' }], /absolute path/],
  ['a symlink climbing out', [{ name: '0/out', type: 'symlink', target: '../../outside' }], /points outside/],
  [
    'a symlink escaping through another symlink',
    [
      { name: '0/a', type: 'dir' },
      { name: '0/a/up', type: 'symlink', target: '..' },
      { name: '0/l', type: 'symlink', target: 'a/up/..' },
    ],
    /points outside/,
  ],
  [
    'a symlink made to escape by a later entry',
    [
      { name: '0/l', type: 'symlink', target: 'b/..' },
      { name: '0/b', type: 'symlink', target: '..' },
    ],
    /points outside/,
  ],
  [
    'a write through a symlink',
    [
      { name: '0/sub', type: 'dir' },
      { name: '0/d', type: 'symlink', target: 'sub' },
      { name: '0/d/file', type: 'file' },
    ],
    /parent 0\/d is a symlink/,
  ],
  [
    'a hard link to an absolute path',
    [{ name: '0/h', type: 'hardlink', target: '/etc/passwd' }],
    /absolute path/,
  ],
  ['a hard link climbing out', [{ name: '0/h', type: 'hardlink', target: '0/../../x' }], /'\.\.'/],
  [
    'a hard link to a file not in the archive',
    [{ name: '0/h', type: 'hardlink', target: '0/missing' }],
    /not a file of the same cached path/,
  ],
  ['a device node', [{ name: '0/null', type: 'chardev' }], /unsupported tar entry type/],
  [
    'an entry given twice',
    [
      { name: '0/f', type: 'file' },
      { name: '0/f', type: 'file' },
    ],
    /appears twice/,
  ],
];

describe('restore refuses hostile archives as a whole', () => {
  it.each(HOSTILE)('%s', async (_what, members, why) => {
    const s = scene();
    // A good layer first: it must not be restored either.
    const good = layer(
      s.work,
      [
        { name: '0', type: 'dir' },
        { name: '0/good.txt', type: 'file', data: 'good' },
      ],
      0,
    );
    const bad = layer(s.work, members, 1);
    const error = await extractLayers([good, bad], 'zstd', [{ abs: s.target }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeArchiveError);
    expect((error as Error).message).toMatch(why);
    untouched(s);
    expect(existsSync('/tmp/gantry-evil')).toBe(false);
  });

  it('a truncated layer is refused', async () => {
    const s = scene();
    const tar = join(s.work, 'big.tar');
    execFileSync('python3', [
      '-c',
      PYTHON,
      JSON.stringify([{ name: '0/a', type: 'file', data: 'y'.repeat(5000) }]),
      tar,
    ]);
    const whole = readFileSync(tar);
    const file = join(s.work, 'cut.zst');
    writeFileSync(file, zstdCompressSync(whole.subarray(0, 1500)));
    await expect(extractLayers([file], 'zstd', [{ abs: s.target }])).rejects.toThrow(/ends inside a file/);
    untouched(s);
  });

  it('accepts what a real tree needs: in-root symlinks (node_modules/.bin), hard links, GNU long names', async () => {
    const s = scene();
    const members: Member[] = [
      { name: '0', type: 'dir' },
      { name: '0/pkg/bin/cli.js', type: 'file', data: 'cli' },
      { name: '0/.bin/cli', type: 'symlink', target: '../pkg/bin/cli.js' },
      { name: '0/pkg/copy.js', type: 'hardlink', target: '0/pkg/bin/cli.js' },
      { name: `0/${'long-'.repeat(40)}/file.txt`, type: 'file', data: 'long' },
    ];
    await extractLayers([layer(s.work, members)], 'zstd', [{ abs: s.target }]);
    expect(readFileSync(join(s.target, '.bin/cli'), 'utf8')).toBe('cli');
    expect(readFileSync(join(s.target, 'pkg/copy.js'), 'utf8')).toBe('cli');
    expect(readFileSync(join(s.target, `${'long-'.repeat(40)}/file.txt`), 'utf8')).toBe('long');
    // The cached directory replaces what was there.
    expect(existsSync(join(s.target, 'keep.txt'))).toBe(false);
    expect(readdirSync(s.base).sort()).toEqual(['work', 'ws']);
  });
});
