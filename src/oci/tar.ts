/**
 * A small POSIX tar (ustar + pax) writer and reader. The writer is deterministic: the same entries
 * give the same bytes (no uid/gid/user names, no atime, pax records only where ustar cannot hold a
 * value), so an unchanged part of a tree gives an unchanged layer digest. The reader accepts what
 * GNU tar and other writers produce (pax 'x'/'g', GNU 'L'/'K' long names) and validates every
 * header checksum, so a corrupt archive is an error, never silently wrong content.
 */

export type EntryType = 'file' | 'directory' | 'symlink' | 'hardlink';

export interface TarEntry {
  name: string;
  type: EntryType;
  mode: number;
  /** Seconds since the epoch. */
  mtime: number;
  size: number;
  /** Symlink or hard-link target. */
  linkname?: string;
}

const BLOCK = 512;
const TYPE_FLAGS: Record<EntryType, string> = { file: '0', directory: '5', symlink: '2', hardlink: '1' };

export class TarFormatError extends Error {
  override name = 'TarFormatError';
}

/** The header (plus a pax header when needed) for one entry; file data follows, padded to 512. */
export function encodeHeader(entry: TarEntry): Buffer {
  const pax: Record<string, string> = {};
  const name = entry.type === 'directory' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name;
  const split = splitUstarName(name);
  if (!split) pax.path = name;
  const linkname = entry.linkname ?? '';
  if (Buffer.byteLength(linkname) > 100 || !isAscii(linkname)) pax.linkpath = linkname;
  if (entry.size > 0o77777777777) pax.size = String(entry.size);
  const main = ustarHeader({
    name: split?.name ?? truncateAscii(name, 100),
    prefix: split?.prefix ?? '',
    mode: entry.mode,
    size: entry.size > 0o77777777777 ? 0 : entry.type === 'file' ? entry.size : 0,
    mtime: Math.max(0, Math.floor(entry.mtime)),
    typeflag: TYPE_FLAGS[entry.type],
    linkname: pax.linkpath ? truncateAscii(linkname, 100) : linkname,
  });
  if (Object.keys(pax).length === 0) return main;
  const body = Buffer.from(
    Object.entries(pax)
      .map(([k, v]) => paxRecord(k, v))
      .join(''),
  );
  const paxHeader = ustarHeader({
    name: truncateAscii(`PaxHeaders/${split?.name ?? name}`, 100),
    prefix: '',
    mode: 0o644,
    size: body.length,
    mtime: 0,
    typeflag: 'x',
    linkname: '',
  });
  return Buffer.concat([paxHeader, body, Buffer.alloc(padding(body.length)), main]);
}

/** Two zero blocks end an archive. */
export const END_OF_ARCHIVE = Buffer.alloc(BLOCK * 2);

export function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

function truncateAscii(text: string, max: number): string {
  return text.replace(/[^\x20-\x7e]/g, '_').slice(0, max);
}

function splitUstarName(name: string): { name: string; prefix: string } | undefined {
  if (!isAscii(name)) return undefined;
  if (name.length <= 100) return { name, prefix: '' };
  for (let i = name.lastIndexOf('/', 155); i > 0; i = name.lastIndexOf('/', i - 1)) {
    if (name.length - i - 1 <= 100 && i <= 155) return { name: name.slice(i + 1), prefix: name.slice(0, i) };
  }
  return undefined;
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length)
    length = String(length).length + Buffer.byteLength(body);
  return `${length}${body}`;
}

interface UstarFields {
  name: string;
  prefix: string;
  mode: number;
  size: number;
  mtime: number;
  typeflag: string;
  linkname: string;
}

function ustarHeader(f: UstarFields): Buffer {
  const header = Buffer.alloc(BLOCK);
  header.write(f.name, 0, 100, 'utf8');
  writeOctal(header, f.mode & 0o7777, 100, 8);
  writeOctal(header, 0, 108, 8);
  writeOctal(header, 0, 116, 8);
  writeOctal(header, f.size, 124, 12);
  writeOctal(header, f.mtime, 136, 12);
  header.fill(' ', 148, 156);
  header.write(f.typeflag, 156, 1, 'ascii');
  header.write(f.linkname, 157, 100, 'utf8');
  header.write('ustar\u000000', 257, 8, 'ascii');
  header.write(f.prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of header) sum += byte;
  writeOctal(header, sum, 148, 7);
  return header;
}

function writeOctal(buffer: Buffer, value: number, offset: number, length: number): void {
  buffer.write(value.toString(8).padStart(length - 1, '0'), offset, length - 1, 'ascii');
}

function readString(block: Buffer, offset: number, length: number): string {
  const slice = block.subarray(offset, offset + length);
  const end = slice.indexOf(0);
  return slice.subarray(0, end === -1 ? length : end).toString('utf8');
}

function readNumber(block: Buffer, offset: number, length: number): number {
  const slice = block.subarray(offset, offset + length);
  if (slice[0]! & 0x80) {
    // GNU base-256 for values that do not fit in octal.
    let value = 0;
    for (let i = 1; i < slice.length; i++) value = value * 256 + slice[i]!;
    return value;
  }
  const text = readString(block, offset, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text))
    throw new TarFormatError(`bad octal field ${JSON.stringify(text)} in a tar header`);
  return Number.parseInt(text, 8);
}

function checksumOk(block: Buffer): boolean {
  const stored = readNumber(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
  return sum === stored;
}

function parsePax(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    if (space === -1) throw new TarFormatError('malformed pax record');
    const length = Number(body.subarray(at, space).toString('ascii'));
    if (!Number.isSafeInteger(length) || length <= 0 || at + length > body.length)
      throw new TarFormatError('malformed pax record length');
    const record = body.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    at += length;
  }
  return out;
}

/** A byte source the reader pulls from: exact reads, or undefined at the end. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;
  private done = false;
  private readonly iterator: AsyncIterator<Uint8Array> | Iterator<Uint8Array>;

  constructor(source: Iterable<Uint8Array> | AsyncIterable<Uint8Array>) {
    this.iterator =
      Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  }

  private async fill(n: number): Promise<void> {
    while (this.length < n && !this.done) {
      const next = await this.iterator.next();
      if (next.done) this.done = true;
      else {
        const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
        this.buffered.push(chunk);
        this.length += chunk.length;
      }
    }
  }

  /** Exactly n bytes, or fewer only at the end of the stream. */
  async read(n: number): Promise<Buffer> {
    await this.fill(n);
    const all = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered);
    const out = all.subarray(0, Math.min(n, all.length));
    const rest = all.subarray(out.length);
    this.buffered = rest.length ? [rest] : [];
    this.length = rest.length;
    return out;
  }

  /** Hand the next n bytes to sink chunk by chunk, without holding them all. */
  async pipe(n: number, sink: (chunk: Buffer) => void | Promise<void>): Promise<void> {
    let left = n;
    while (left > 0) {
      await this.fill(1);
      if (this.length === 0) throw new TarFormatError('tar archive ends inside a file');
      const chunk = await this.read(Math.min(left, this.length));
      left -= chunk.length;
      await sink(chunk);
    }
  }

  async drain(): Promise<void> {
    while (!(await this.iterator.next()).done) {
      /* read to the end so a decompressor can report trailing damage */
    }
  }
}

/**
 * Reads entries one by one; for each, onEntry is called and must consume the content through the
 * given `content` function (or not, to skip it). Throws TarFormatError on any damage.
 */
export async function readTar(
  source: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  onEntry: (
    entry: TarEntry,
    content: (sink: (chunk: Buffer) => void | Promise<void>) => Promise<void>,
  ) => Promise<void>,
): Promise<void> {
  const reader = new ByteReader(source);
  let pax: Record<string, string> = {};
  let gnuName: string | undefined;
  let gnuLink: string | undefined;
  for (;;) {
    const block = await reader.read(BLOCK);
    if (block.length === 0) throw new TarFormatError('tar archive ends without its end-of-archive marker');
    if (block.length < BLOCK) throw new TarFormatError('tar archive ends inside a header');
    if (block.every((b) => b === 0)) {
      await reader.drain();
      return;
    }
    if (!checksumOk(block)) throw new TarFormatError('tar header checksum mismatch');
    const typeflag = String.fromCharCode(block[156]!) || '0';
    const size = pax.size !== undefined ? Number(pax.size) : readNumber(block, 124, 12);
    if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError('bad size in a tar header');
    if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
      if (size > 1 << 20) throw new TarFormatError('tar extension header over 1 MiB');
      const body = await reader.read(size + padding(size));
      if (body.length < size + padding(size))
        throw new TarFormatError('tar archive ends inside an extension header');
      const data = body.subarray(0, size);
      if (typeflag === 'x') pax = { ...pax, ...parsePax(data) };
      else if (typeflag === 'L') gnuName = readString(data, 0, data.length);
      else if (typeflag === 'K') gnuLink = readString(data, 0, data.length);
      continue;
    }
    const ustar = readString(block, 257, 6) === 'ustar';
    const prefix = ustar ? readString(block, 345, 155) : '';
    const rawName =
      pax.path ?? gnuName ?? (prefix ? `${prefix}/${readString(block, 0, 100)}` : readString(block, 0, 100));
    const linkname = pax.linkpath ?? gnuLink ?? readString(block, 157, 100);
    const type = entryType(typeflag, rawName);
    const entry: TarEntry = {
      name: rawName,
      type,
      mode: readNumber(block, 100, 8),
      mtime: pax.mtime !== undefined ? Math.floor(Number(pax.mtime)) : readNumber(block, 136, 12),
      size: type === 'file' ? size : 0,
      ...(type === 'symlink' || type === 'hardlink' ? { linkname } : {}),
    };
    pax = {};
    gnuName = undefined;
    gnuLink = undefined;
    let consumed = false;
    await onEntry(entry, async (sink) => {
      consumed = true;
      await reader.pipe(size, sink);
    });
    if (!consumed) await reader.pipe(size, () => undefined);
    const pad = await reader.read(padding(size));
    if (pad.length < padding(size)) throw new TarFormatError('tar archive ends inside file padding');
  }
}

function entryType(typeflag: string, name: string): EntryType {
  switch (typeflag) {
    case '0':
    case '\0':
    case '7':
      return name.endsWith('/') ? 'directory' : 'file';
    case '5':
      return 'directory';
    case '2':
      return 'symlink';
    case '1':
      return 'hardlink';
    default:
      throw new TarFormatError(
        `unsupported tar entry type '${typeflag}' for ${JSON.stringify(name)} (devices, FIFOs and sparse files are not cached)`,
      );
  }
}
