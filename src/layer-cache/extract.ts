import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  createReadStream,
  createWriteStream,
  lutimesSync,
  mkdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { promisify } from 'node:util';
import { gunzip, zstdDecompress } from 'node:zlib';
import { chmod, link, lstat, mkdir, rename, rm, symlink, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Compression } from './constants.js';
import { decompressor } from './layers.js';
import { isSafeRelative } from './paths.js';
import { readTar, type TarEntry } from '../oci/tar.js';

/** A restore refused or failed: the cache counts as a miss and nothing was changed. */
export class UnsafeArchiveError extends Error {
  override name = 'UnsafeArchiveError';
}

export interface ExtractTarget {
  /** Where root `<index>` goes. */
  abs: string;
}

/**
 * Extracts verified layer blobs (files on disk, in manifest order) into staging directories next
 * to each target, checking every entry; only when every layer extracted cleanly are the staged
 * roots moved into place. On any failure the staging is removed and the targets are untouched.
 */
export async function extractLayers(
  blobFiles: string[],
  compression: Compression,
  targets: ExtractTarget[],
): Promise<{ files: number }> {
  const tag = randomBytes(4).toString('hex');
  const staging = targets.map((t) => join(dirname(t.abs), `.gantry-restore-${tag}-${basename(t.abs)}`));
  const state = new ExtractState(staging);
  try {
    // The next layer decompresses on the thread pool while this one's files are written.
    const prefetch = (i: number) => {
      if (i >= blobFiles.length) return undefined;
      const promise = layerSource(blobFiles[i]!, compression);
      promise.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
      return promise;
    };
    let next = prefetch(0);
    for (let i = 0; i < blobFiles.length; i++) {
      const source = await next!;
      next = prefetch(i + 1);
      await readTar(source, (entry, content) => state.add(entry, content));
    }
    state.checkSymlinks();
    await state.finish();
  } catch (error) {
    await Promise.all(staging.map((dir) => rm(dir, { recursive: true, force: true })));
    if (error instanceof UnsafeArchiveError) throw error;
    throw new UnsafeArchiveError(`the cache could not be extracted: ${(error as Error).message}`);
  }
  for (const [index, target] of targets.entries()) {
    if (!state.rootsSeen.has(index)) continue;
    const old = join(dirname(target.abs), `.gantry-replaced-${tag}-${basename(target.abs)}`);
    const hadOld = await lstat(target.abs).then(
      () => true,
      () => false,
    );
    await mkdir(dirname(target.abs), { recursive: true });
    if (hadOld) await rename(target.abs, old);
    await rename(staging[index]!, target.abs);
    if (hadOld) await rm(old, { recursive: true, force: true });
  }
  return { files: state.files };
}

const SMALL_FILE = 1024 * 1024;

const ONE_SHOT_OUTPUT = 64 * 1024 * 1024;
const zstdOneShot = promisify(zstdDecompress);
const gunzipOneShot = promisify(gunzip);

/** A layer's tar: decompressed in one call when it is small, streamed otherwise (large files, bombs). */
async function layerSource(
  file: string,
  compression: Compression,
): Promise<Iterable<Uint8Array> | AsyncIterable<Uint8Array>> {
  if (statSync(file).size <= ONE_SHOT_OUTPUT / 8) {
    const blob = readFileSync(file);
    const options = { maxOutputLength: ONE_SHOT_OUTPUT };
    const tar = await (compression === 'zstd'
      ? zstdOneShot(blob, options)
      : gunzipOneShot(blob, options)
    ).catch(() => undefined);
    if (tar) return [tar];
  }
  return createReadStream(file).pipe(decompressor(compression));
}

class ExtractState {
  readonly rootsSeen = new Set<number>();
  files = 0;
  private readonly names = new Map<string, TarEntry['type']>();
  private readonly symlinks = new Map<string, string>();
  private readonly directories: { path: string; mode: number; mtime: number }[] = [];
  private readonly madeDirs = new Set<string>();

  constructor(private readonly staging: string[]) {}

  private unsafe(name: string, why: string): never {
    throw new UnsafeArchiveError(`refused entry ${JSON.stringify(name)}: ${why}`);
  }

  /** The entry name checked and split: root index and the path inside the root. */
  private locate(rawName: string, isNew = true): { root: number; rel: string; name: string } {
    const name = rawName.replace(/\/+$/, '');
    if (name.startsWith('/')) this.unsafe(rawName, 'absolute path');
    const parts = name.split('/');
    if (parts.includes('..')) this.unsafe(rawName, "'..' in the path");
    const root = Number(parts[0]);
    if (!/^\d+$/.test(parts[0] ?? '') || root >= this.staging.length)
      this.unsafe(rawName, 'not under a cached path');
    const rel = parts.slice(1).join('/');
    if (rel !== '' && !isSafeRelative(rel)) this.unsafe(rawName, 'not a plain relative path');
    // Never write through a link: every parent must be a directory from this archive.
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      const kind = this.names.get(parent);
      if (kind === 'symlink') this.unsafe(rawName, `its parent ${parent} is a symlink`);
      if (kind !== undefined && kind !== 'directory')
        this.unsafe(rawName, `its parent ${parent} is not a directory`);
    }
    if (isNew && this.names.has(name)) this.unsafe(rawName, 'appears twice');
    return { root, rel, name };
  }

  private pathOf(root: number, rel: string): string {
    return rel === '' ? this.staging[root]! : join(this.staging[root]!, rel);
  }

  async add(
    entry: TarEntry,
    content: (sink: (chunk: Buffer) => void | Promise<void>) => Promise<void>,
  ): Promise<void> {
    const { root, rel, name } = this.locate(entry.name);
    const path = this.pathOf(root, rel);
    if (rel === '' && entry.type !== 'directory' && entry.type !== 'file')
      this.unsafe(entry.name, 'a cached path itself must be a file or directory');
    this.rootsSeen.add(root);
    const parent = dirname(path);
    if (!this.madeDirs.has(parent)) {
      mkdirSync(parent, { recursive: true });
      this.madeDirs.add(parent);
    }
    switch (entry.type) {
      case 'directory':
        mkdirSync(path, { recursive: rel === '' });
        this.madeDirs.add(path);
        this.directories.push({ path, mode: entry.mode & 0o777, mtime: entry.mtime });
        break;
      case 'file': {
        if (entry.size <= SMALL_FILE) {
          // Synchronous for small files: many times faster than thread-pool round trips per file.
          const chunks: Buffer[] = [];
          await content((chunk) => {
            chunks.push(chunk);
          });
          writeFileSync(path, Buffer.concat(chunks), { mode: 0o600, flag: 'wx' });
        } else {
          const out = createWriteStream(path, { mode: 0o600, flags: 'wx' });
          await content(async (chunk) => {
            if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
          });
          out.end();
          await finished(out);
        }
        chmodSync(path, entry.mode & 0o777);
        utimesSync(path, entry.mtime, entry.mtime);
        this.files += 1;
        break;
      }
      case 'symlink': {
        const target = entry.linkname ?? '';
        if (target === '' || target.startsWith('/'))
          this.unsafe(entry.name, `symlink to an absolute path ${JSON.stringify(target)}`);
        if (target.includes('\0')) this.unsafe(entry.name, 'symlink target with a NUL byte');
        this.symlinks.set(name, target);
        if (!this.resolvesInside(name, target))
          this.unsafe(entry.name, `symlink ${JSON.stringify(target)} points outside the cached path`);
        await symlink(target, path);
        lutimesSync(path, entry.mtime, entry.mtime);
        break;
      }
      case 'hardlink': {
        const target = (entry.linkname ?? '').replace(/\/+$/, '');
        const located = this.locate(target, false);
        if (located.root !== root || this.names.get(located.name) !== 'file') {
          this.unsafe(
            entry.name,
            `hard link to ${JSON.stringify(entry.linkname)}, which is not a file of the same cached path in this archive`,
          );
        }
        await link(this.pathOf(located.root, located.rel), path);
        this.files += 1;
        break;
      }
    }
    this.names.set(name, entry.type === 'hardlink' ? 'file' : entry.type);
  }

  /** A later symlink can change where an earlier one leads: check them all again at the end. */
  checkSymlinks(): void {
    for (const [name, target] of this.symlinks) {
      if (!this.resolvesInside(name, target))
        this.unsafe(name, `symlink ${JSON.stringify(target)} points outside the cached path`);
    }
  }

  /** Follows the target through the archive's own symlinks, as the kernel would after restore. */
  private resolvesInside(linkName: string, target: string): boolean {
    const stack = linkName.split('/').slice(0, -1);
    const queue = target.split('/');
    let hops = 0;
    while (queue.length) {
      const part = queue.shift()!;
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (stack.length <= 1) return false;
        stack.pop();
        continue;
      }
      stack.push(part);
      const next = this.symlinks.get(stack.join('/'));
      if (next !== undefined) {
        if (++hops > 40 || next.startsWith('/')) return false;
        stack.pop();
        queue.unshift(...next.split('/'));
      }
    }
    return true;
  }

  async finish(): Promise<void> {
    // Directories last and deepest first, so a read-only directory does not block its children.
    for (const dir of this.directories.reverse()) {
      await chmod(dir.path, dir.mode);
      await utimes(dir.path, dir.mtime, dir.mtime);
    }
  }
}
