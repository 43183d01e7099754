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
import { basename, dirname, join, resolve, sep } from 'node:path';
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
 * How much a restore may write. A cache is written by whoever can push to its repository, so its
 * size is not taken on trust: past any limit the restore is refused as a whole (a miss).
 */
export interface RestoreLimits {
  /** Decompressed tar bytes of the whole cache. */
  cacheBytes: number;
  /** Entries (files, directories, links) of the whole cache. */
  cacheEntries: number;
  /** Entries of one layer (a save cuts layers well below this: see MAX_LAYER_ENTRIES). */
  layerEntries: number;
  /** One layer may expand to at most max(ratioFloor, compressed size × maxRatio) bytes. */
  maxRatio: number;
  ratioFloor: number;
}

const MiB = 1024 * 1024;
export const DEFAULT_RESTORE_LIMITS: RestoreLimits = {
  cacheBytes: 20 * 1024 * MiB,
  cacheEntries: 2_000_000,
  layerEntries: 200_000,
  maxRatio: 250,
  ratioFloor: 64 * MiB,
};

/**
 * Extracts verified layer blobs (files on disk, in manifest order) into staging directories next
 * to each target, checking every entry; only when every layer extracted cleanly are the staged
 * roots moved into place. On any failure the staging is removed and the targets are untouched.
 */
export async function extractLayers(
  blobFiles: string[],
  compression: Compression,
  targets: ExtractTarget[],
  limits: RestoreLimits = DEFAULT_RESTORE_LIMITS,
): Promise<{ files: number }> {
  checkTargets(targets);
  const tag = randomBytes(4).toString('hex');
  const staging = targets.map((t) => join(dirname(t.abs), `.gantry-restore-${tag}-${basename(t.abs)}`));
  const state = new ExtractState(staging, limits);
  try {
    const budget = { bytes: 0 };
    // The next layer decompresses on the thread pool while this one's files are written.
    const prefetch = (i: number) => {
      // Stryker: equivalent as `>` or removed — the one extra call fails and is caught just below.
      if (i >= blobFiles.length) return undefined;
      const promise = layerSource(blobFiles[i]!, compression);
      promise.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
      return promise;
    };
    let next = prefetch(0);
    for (let i = 0; i < blobFiles.length; i++) {
      const source = await next!;
      next = prefetch(i + 1);
      const limit = layerByteLimit(blobFiles[i]!, limits);
      state.startLayer(i);
      await readTar(counted(source, i, limit, budget, limits), (entry, content) => state.add(entry, content));
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
      () => false, // Stryker: `undefined` is as false
    );
    await mkdir(dirname(target.abs), { recursive: true });
    if (hadOld) await rename(target.abs, old);
    await rename(staging[index]!, target.abs);
    await rm(old, { recursive: true, force: true }); // nothing there when there was nothing before
  }
  return { files: state.files };
}

/**
 * Two roots that are one directory, or one inside the other, would give one place on disk two names
 * the checks keep apart: a save never produces them (findRoots drops nested roots), a restore refuses them.
 */
function checkTargets(targets: ExtractTarget[]): void {
  const all = targets.map((t) => resolve(t.abs));
  for (const [i, a] of all.entries()) {
    for (const [j, b] of all.entries()) {
      if (i !== j && (a === b || b.startsWith(a.endsWith(sep) ? a : a + sep)))
        throw new UnsafeArchiveError(
          `cached paths ${i} and ${j} are the same directory or one inside the other (${b} in ${a})`,
        );
    }
  }
}

function layerByteLimit(file: string, limits: RestoreLimits): number {
  return Math.min(limits.cacheBytes, Math.max(limits.ratioFloor, statSync(file).size * limits.maxRatio));
}

function sizeText(bytes: number): string {
  return bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MiB` : `${bytes} bytes`;
}

/** The layer's tar, counted as it flows: past a limit the restore stops before writing more. */
async function* counted(
  source: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  layer: number,
  layerLimit: number,
  budget: { bytes: number },
  limits: RestoreLimits,
): AsyncGenerator<Uint8Array> {
  let bytes = 0;
  for await (const chunk of source) {
    bytes += chunk.byteLength;
    budget.bytes += chunk.byteLength;
    if (bytes > layerLimit)
      throw new UnsafeArchiveError(
        `layer ${layer} expands beyond its limit of ${sizeText(layerLimit)} (at most ${limits.maxRatio} times its compressed size, and never less than ${sizeText(limits.ratioFloor)}): refused as a possible decompression bomb`,
      );
    if (budget.bytes > limits.cacheBytes)
      throw new UnsafeArchiveError(`the cache expands beyond the limit of ${sizeText(limits.cacheBytes)}`);
    yield chunk;
  }
}

/**
 * Files up to this size are written in one synchronous call, larger ones streamed. Stryker:
 * mutants of this size and of the test below are equivalent — both ways write the same bytes and
 * mode; they differ in speed and memory only.
 */
const SMALL_FILE = 1024 * 1024;
const MAX_SYMLINK_HOPS = 40;
/** Linux's PATH_MAX less its NUL: symlink(2) refuses longer targets anyway. */
const MAX_SYMLINK_TARGET = 4095;

const ONE_SHOT_OUTPUT = 64 * 1024 * 1024;
const zstdOneShot = promisify(zstdDecompress);
const gunzipOneShot = promisify(gunzip);

/**
 * A layer's tar: decompressed in one call when it is small, streamed otherwise (large files, bombs).
 * Stryker: mutants of the choice (the size test, ONE_SHOT_OUTPUT, maxOutputLength, `if (tar)`, the
 * compression test of the one-shot call) are equivalent: a failed or skipped one-shot call falls back
 * to the stream, which gives the same bytes; they differ in speed and memory only. Dropping the
 * fallback (the catch) is not: see the 65 MiB test.
 */
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
  const input = createReadStream(file);
  const output = input.pipe(decompressor(compression));
  // A refused layer stops reading mid-way: the file is closed with the decompressor.
  output.once('close', () => input.destroy());
  return output;
}

/** The only spelling of a root index: `0`, `1`, … (never `00`, `+0`, ` 0`, `0x0`). */
const ROOT_INDEX = /^(0|[1-9][0-9]{0,8})$/;

/**
 * An entry name as the one canonical path the checks and the filesystem share:
 * `<root index>` or `<root index>/<segment>/…`, every segment plain (no '', '.', '..', backslash,
 * NUL). Anything else is refused rather than normalised, so no two spellings reach one place.
 */
export function canonicalName(
  rawName: string,
  roots: number,
): { ok: true; root: number; rel: string; name: string } | { ok: false; why: string } {
  // Directories may end with '/': that is the tar convention, not part of the name.
  const name = rawName.replace(/\/+$/, '');
  if (rawName.startsWith('/')) return { ok: false, why: 'absolute path' };
  const parts = name.split('/');
  if (parts.includes('..')) return { ok: false, why: "'..' in the path" };
  const first = parts[0]!;
  if (!ROOT_INDEX.test(first) || Number(first) >= roots) return { ok: false, why: 'not under a cached path' };
  const rel = parts.slice(1).join('/');
  if (parts.length > 1 && !isSafeRelative(rel)) return { ok: false, why: 'not a plain relative path' };
  return { ok: true, root: Number(first), rel, name };
}

class ExtractState {
  readonly rootsSeen = new Set<number>();
  files = 0;
  private entries = 0;
  private layer = 0;
  private layerEntries = 0;
  /** Every path in the staging roots by canonical name, including directories made implicitly. */
  private readonly names = new Map<string, TarEntry['type']>();
  /** Directories created for an entry's parent, not (yet) by an entry of their own. */
  private readonly implicitDirs = new Set<string>();
  private readonly symlinks = new Map<string, string>();
  private readonly directories: { path: string; mode: number; mtime: number }[] = [];

  constructor(
    private readonly staging: string[],
    private readonly limits: RestoreLimits,
  ) {}

  startLayer(index: number): void {
    this.layer = index;
    this.layerEntries = 0;
  }

  private unsafe(name: string, why: string): never {
    throw new UnsafeArchiveError(`refused entry ${JSON.stringify(name)}: ${why}`);
  }

  /** The entry's canonical name; every check below sees only this, as the filesystem will. */
  private locate(rawName: string): { root: number; rel: string; name: string } {
    const located = canonicalName(rawName, this.staging.length);
    if (!located.ok) this.unsafe(rawName, located.why);
    return located;
  }

  /** Never write through a link: every parent is a directory of this archive (made here if missing). */
  private parentsOf(name: string, rawName: string): string[] {
    const parts = name.split('/');
    // Stryker: a non-empty initial list is equivalent — an extra name that no entry can have
    // (every name starts with a root index), and one more mkdir -p of an existing parent.
    const missing: string[] = [];
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      const kind = this.names.get(parent);
      if (kind === 'symlink') this.unsafe(rawName, `its parent ${parent} is a symlink`);
      if (kind !== undefined && kind !== 'directory')
        this.unsafe(rawName, `its parent ${parent} is not a directory`);
      if (kind === undefined) missing.push(parent);
    }
    return missing;
  }

  private pathOf(root: number, rel: string): string {
    return join(this.staging[root]!, rel); // join(dir, '') is dir
  }

  async add(
    entry: TarEntry,
    content: (sink: (chunk: Buffer) => void | Promise<void>) => Promise<void>,
  ): Promise<void> {
    this.entries += 1;
    this.layerEntries += 1;
    if (this.layerEntries > this.limits.layerEntries)
      throw new UnsafeArchiveError(
        `layer ${this.layer} has more than ${this.limits.layerEntries} entries, the limit per layer`,
      );
    if (this.entries > this.limits.cacheEntries)
      throw new UnsafeArchiveError(
        `the cache has more than ${this.limits.cacheEntries} entries, the limit per cache`,
      );
    const { root, rel, name } = this.locate(entry.name);
    const path = this.pathOf(root, rel);
    if (rel === '' && entry.type !== 'directory' && entry.type !== 'file')
      this.unsafe(entry.name, 'a cached path itself must be a file or directory');
    const existing = this.names.get(name);
    // An implicit directory is recorded as a directory: only a directory entry completes it.
    const completesImplicitDir = entry.type === 'directory' && this.implicitDirs.has(name);
    if (existing !== undefined && !completesImplicitDir) this.unsafe(entry.name, 'appears twice');
    const missing = this.parentsOf(name, entry.name);
    // Checked before anything is written for this entry.
    let linkSource: string | undefined;
    if (entry.type === 'symlink') {
      const target = entry.linkname ?? '';
      if (target === '' || target.startsWith('/'))
        this.unsafe(entry.name, `symlink to an absolute path ${JSON.stringify(target)}`);
      if (target.includes('\0')) this.unsafe(entry.name, 'symlink target with a NUL byte');
      if (Buffer.byteLength(target) > MAX_SYMLINK_TARGET)
        this.unsafe(entry.name, `symlink target longer than ${MAX_SYMLINK_TARGET} bytes`);
      if (!this.resolvesInside(name, target))
        this.unsafe(entry.name, `symlink ${JSON.stringify(target)} points outside the cached path`);
    } else if (entry.type === 'hardlink') {
      const target = this.locate(entry.linkname ?? ''); // trailing slashes dropped there
      if (target.root !== root || this.names.get(target.name) !== 'file') {
        this.unsafe(
          entry.name,
          `hard link to ${JSON.stringify(entry.linkname)}, which is not a file of the same cached path in this archive`,
        );
      }
      linkSource = this.pathOf(target.root, target.rel);
    }
    this.rootsSeen.add(root);
    if (rel === '') mkdirSync(dirname(path), { recursive: true });
    // Stryker: `true` is equivalent (mkdir -p of a parent that exists).
    else if (missing.length) {
      for (const dir of missing) {
        this.names.set(dir, 'directory');
        this.implicitDirs.add(dir);
      }
      mkdirSync(dirname(path), { recursive: true });
    }
    this.names.set(name, entry.type === 'hardlink' ? 'file' : entry.type);
    switch (entry.type) {
      case 'directory':
        if (completesImplicitDir) this.implicitDirs.delete(name);
        else mkdirSync(path); // its parent exists (made above); exclusive, like the files
        this.directories.push({ path, mode: entry.mode & 0o777, mtime: entry.mtime });
        break;
      case 'file': {
        if (entry.size <= SMALL_FILE) {
          // Synchronous for small files: many times faster than thread-pool round trips per file.
          const chunks: Buffer[] = [];
          await content((chunk) => {
            chunks.push(chunk);
          });
          // Stryker: the options (here and on the stream below) are equivalent to none — the name
          // model refuses a second entry at one path and staging starts empty; exclusive creation
          // stays as defence in depth.
          writeFileSync(path, Buffer.concat(chunks), { mode: 0o600, flag: 'wx' });
        } else {
          const out = createWriteStream(path, { mode: 0o600, flags: 'wx' });
          try {
            await content(async (chunk) => {
              if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
            });
            out.end();
            await finished(out);
          } catch (error) {
            // A restore refused mid-file (a bomb past its limit): the staging file is removed, and its
            // descriptor must not keep the space it took until the process ends.
            // Writes still queued fail with ERR_STREAM_DESTROYED: expected, and not the error to report.
            out.on('error', () => undefined);
            out.destroy();
            throw error;
          }
        }
        chmodSync(path, entry.mode & 0o777);
        utimesSync(path, entry.mtime, entry.mtime);
        this.files += 1;
        break;
      }
      case 'symlink':
        this.symlinks.set(name, entry.linkname!);
        await symlink(entry.linkname!, path);
        lutimesSync(path, entry.mtime, entry.mtime);
        break;
      case 'hardlink':
        await link(linkSource!, path);
        this.files += 1;
        break;
    }
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
    // Reversed, so the next part is a pop: a long target costs linear time, not quadratic.
    const pending = target.split('/').reverse();
    let hops = 0;
    while (pending.length) {
      const part = pending.pop()!;
      if (part === '' || part === '.') continue;
      if (part === '..') {
        // stack[0] is the root index: '..' from the root leaves the cached path.
        if (stack.length <= 1) return false;
        stack.pop();
        continue;
      }
      stack.push(part);
      const next = this.symlinks.get(stack.join('/'));
      if (next !== undefined) {
        // The kernel's own limit is 40 links per lookup; a loop never resolves.
        // (No target in the map is absolute: those were refused before they were added.)
        if (++hops > MAX_SYMLINK_HOPS) return false;
        stack.pop();
        const parts = next.split('/');
        for (let i = parts.length - 1; i >= 0; i--) pending.push(parts[i]!);
      }
    }
    return true;
  }

  async finish(): Promise<void> {
    // Directories last and deepest first, so a read-only directory does not block its children.
    // (Stryker: dropping reverse() survives when the tests run as root, whom no mode blocks.)
    for (const dir of this.directories.reverse()) {
      await chmod(dir.path, dir.mode);
      await utimes(dir.path, dir.mtime, dir.mtime);
    }
  }
}
