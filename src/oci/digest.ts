import { createHash, type Hash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ServiceError } from '../net/errors.js';

/** A content digest `algorithm:hex`; only the two algorithms the OCI image spec registers. */
const DIGEST_PATTERN = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

export function isDigest(value: string): boolean {
  return DIGEST_PATTERN.test(value);
}

function algorithmOf(digest: string): 'sha256' | 'sha512' {
  if (!isDigest(digest))
    throw new DigestMismatchError(`not a valid digest: ${JSON.stringify(digest.slice(0, 80))}`);
  return digest.startsWith('sha512:') ? 'sha512' : 'sha256';
}

export function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export function digestOf(bytes: Uint8Array, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** Content did not match the digest (or size) it was addressed by. */
export class DigestMismatchError extends ServiceError {
  override name = 'DigestMismatchError';
  /** The same content comes back next time (a broken stream is a NetworkError, not this). */
  readonly transient = false;
  readonly unreachable = false;
}

export function verifyBytes(bytes: Uint8Array, expected: string, what: string): void {
  const actual = digestOf(bytes, algorithmOf(expected));
  if (actual !== expected)
    throw new DigestMismatchError(`${what}: content has digest ${actual}, expected ${expected}`);
}

/**
 * A pass-through stream that hashes what flows through it and fails at the end when the digest or
 * the size differs from the expected one, so a streamed blob is verified without being held whole.
 */
export function verifyingStream(expected: string, expectedSize: number | undefined, what: string): Transform {
  const hash: Hash = createHash(algorithmOf(expected));
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.byteLength;
      if (expectedSize !== undefined && size > expectedSize)
        callback(new DigestMismatchError(`${what}: more than the expected ${expectedSize} bytes`));
      else callback(null, chunk);
    },
    flush(callback) {
      const actual = `${expected.slice(0, expected.indexOf(':'))}:${hash.digest('hex')}`;
      if (expectedSize !== undefined && size !== expectedSize)
        callback(new DigestMismatchError(`${what}: got ${size} bytes, expected ${expectedSize}`));
      else if (actual !== expected)
        callback(new DigestMismatchError(`${what}: content has digest ${actual}, expected ${expected}`));
      else callback();
    },
  });
}

/**
 * `source` as it is read, verified: the returned stream fails (at its end, or at the first byte
 * over the size) when the content is not the descriptor's; a source error reaches it too.
 */
export function verified(
  source: Readable,
  descriptor: { digest: string; size: number },
  what: string,
): Readable {
  const verifier = verifyingStream(descriptor.digest, descriptor.size, what);
  pipeline(source, verifier).catch(() => undefined);
  return verifier;
}

/** The referrers tag schema: `sha256:abc…` → `sha256-abc…`. */
export function digestTag(digest: string): string {
  return digest.replace(':', '-');
}
