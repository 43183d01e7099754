import { wellFormed } from './text.js';

/**
 * The little of protocol buffers' wire format the OTLP exporter needs: writing varints, fixed64,
 * length-delimited fields and nested messages; reading the fields of a (small) response. Written
 * here so the action bundle carries no protobuf runtime; the test receiver decodes what this
 * writes with protobufjs and the official OTLP .proto files.
 */

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH = 2;
const WIRE_FIXED32 = 5;

/** Builds one message. Nested messages are written into their own writer and appended. */
export class ProtoWriter {
  private chunks: Uint8Array[] = [];
  private current: number[] = [];
  private size = 0;

  private flush(): void {
    if (this.current.length > 0) {
      this.chunks.push(Uint8Array.from(this.current));
      this.current = [];
    }
  }

  private byte(b: number): void {
    this.current.push(b);
    this.size += 1;
  }

  private raw(bytes: Uint8Array): void {
    this.flush();
    this.chunks.push(bytes);
    this.size += bytes.byteLength;
  }

  private varint(value: bigint | number): void {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.byte(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.byte(Number(v));
  }

  private tag(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }

  get length(): number {
    return this.size;
  }

  /** uint32/uint64/int64/enum/bool (negative int64 as two's complement, as protobuf does). */
  uint(field: number, value: number | bigint): this {
    this.tag(field, WIRE_VARINT);
    this.varint(value);
    return this;
  }

  bool(field: number, value: boolean): this {
    return this.uint(field, value ? 1 : 0);
  }

  fixed64(field: number, value: bigint): this {
    this.tag(field, WIRE_FIXED64);
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setBigUint64(0, BigInt.asUintN(64, value), true);
    this.raw(bytes);
    return this;
  }

  fixed32(field: number, value: number): this {
    this.tag(field, WIRE_FIXED32);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, value >>> 0, true);
    this.raw(bytes);
    return this;
  }

  double(field: number, value: number): this {
    this.tag(field, WIRE_FIXED64);
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, value, true);
    this.raw(bytes);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, WIRE_LENGTH);
    this.varint(value.byteLength);
    this.raw(value);
    return this;
  }

  /** A string field, as UTF-8 (lone surrogates become U+FFFD: protobuf strings must be valid UTF-8). */
  string(field: number, value: string): this {
    return this.bytes(field, Buffer.from(wellFormed(value), 'utf8'));
  }

  message(field: number, build: (writer: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    build(inner);
    this.tag(field, WIRE_LENGTH);
    this.varint(inner.length);
    inner.flush();
    this.flush();
    this.chunks.push(...inner.chunks);
    this.size += inner.length;
    return this;
  }

  finish(): Uint8Array {
    this.flush();
    return Buffer.concat(this.chunks);
  }
}

export type ProtoField =
  | { field: number; wire: 0; value: bigint }
  | { field: number; wire: 1; value: Uint8Array }
  | { field: number; wire: 2; value: Uint8Array }
  | { field: number; wire: 5; value: Uint8Array };

/** The top-level fields of a message, in order; throws on malformed input. */
export function readFields(bytes: Uint8Array): ProtoField[] {
  const fields: ProtoField[] = [];
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (pos >= bytes.length) throw new Error('truncated varint');
      const b = bytes[pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
    }
    throw new Error('varint too long');
  };
  const take = (n: number): Uint8Array => {
    if (pos + n > bytes.length) throw new Error('truncated field');
    const out = bytes.subarray(pos, pos + n);
    pos += n;
    return out;
  };
  while (pos < bytes.length) {
    const key = varint();
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (field === 0) throw new Error('field number 0');
    if (wire === WIRE_VARINT) fields.push({ field, wire, value: varint() });
    else if (wire === WIRE_FIXED64) fields.push({ field, wire, value: take(8) });
    else if (wire === WIRE_LENGTH) fields.push({ field, wire, value: take(Number(varint())) });
    else if (wire === WIRE_FIXED32) fields.push({ field, wire, value: take(4) });
    else throw new Error(`unsupported wire type ${wire}`);
  }
  return fields;
}
