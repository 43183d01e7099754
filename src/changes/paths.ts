/**
 * File names as git gives them: bytes. Valid UTF-8 decodes as is; any byte that is not part of a
 * valid UTF-8 sequence becomes a lone surrogate U+DC80–U+DCFF (Python's "surrogateescape"), so a
 * name round-trips exactly: JSON shows it as "\udcXX" and shell output turns it back into the byte.
 */
const strict = new TextDecoder('utf-8', { fatal: true });

export function decodePath(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    return decodeEscaping(bytes);
  }
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function decodeEscaping(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      out += String.fromCharCode(lead);
      i += 1;
      continue;
    }
    const length = sequenceLength(lead);
    if (length > 0 && i + length <= bytes.length) {
      try {
        out += strict.decode(bytes.subarray(i, i + length));
        i += length;
        continue;
      } catch {
        // not a valid sequence: escape the lead byte alone and resynchronise
      }
    }
    out += String.fromCharCode(0xdc00 + lead);
    i += 1;
  }
  return out;
}

/** The bytes of a name decoded by decodePath. */
export function encodePath(path: string): Buffer {
  const parts: Buffer[] = [];
  let run = '';
  for (const char of path) {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xdc80 && code <= 0xdcff) {
      parts.push(Buffer.from(run, 'utf8'), Buffer.from([code - 0xdc00]));
      run = '';
    } else run += char;
  }
  parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}

/** Control characters, DEL, and escaped non-UTF-8 bytes: what needs $'…' quoting in a shell. */
export function hasUnprintable(path: string): boolean {
  return /[\u0000-\u001f\u007f\udc80-\udcff]/.test(path);
}
