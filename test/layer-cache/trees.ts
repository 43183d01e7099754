/** Trees on disk for the layer-cache tests, and a snapshot that compares them exactly. */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  lutimesSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** A small tree with the cases a cache must keep: modes, symlinks, empty dirs, long and odd names. */
export function makeTree(root: string): void {
  const file = (rel: string, content: string | Buffer, mode = 0o644) => {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    chmodSync(path, mode);
    utimesSync(path, 1_600_000_000, 1_600_000_000);
  };
  file('alpha/index.js', 'module.exports = 1;\n');
  file('alpha/bin/run', '#!/bin/sh\necho run\n', 0o755);
  file('beta/data.bin', Buffer.alloc(300_000, 7));
  file(`gamma/${'deep/'.repeat(25)}${'n'.repeat(90)}.txt`, 'long name\n');
  file('gamma/ünïcødé name.txt', 'utf8 name\n');
  file('gamma/empty.txt', '');
  mkdirSync(join(root, 'empty-dir'), { recursive: true });
  mkdirSync(join(root, '.bin'), { recursive: true });
  symlinkSync('../alpha/bin/run', join(root, '.bin/run'));
  symlinkSync('alpha', join(root, 'alpha-link'));
  lutimesSync(join(root, 'alpha-link'), 1_500_000_000, 1_500_000_000);
}

/** Every entry: type, mode, content hash, link target, file mtime. */
export function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (rel: string) => {
    const path = rel ? join(root, rel) : root;
    const stat = lstatSync(path);
    const mode = (stat.mode & 0o777).toString(8);
    if (stat.isSymbolicLink()) out[rel] = `link ${readlinkSync(path)} ${Math.floor(stat.mtimeMs / 1000)}`;
    else if (stat.isFile()) {
      out[rel] =
        `file ${mode} ${Math.floor(stat.mtimeMs / 1000)} ${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)}`;
    } else if (stat.isDirectory()) {
      out[rel || '.'] = `dir ${mode}`;
      for (const child of readdirSync(path).sort()) visit(rel ? `${rel}/${child}` : child);
    }
  };
  visit('');
  return out;
}
