import type { Readable } from 'node:stream';
import type { Descriptor, Manifest } from './media-types.js';

/** Blob content: bytes, a Node stream, or a function that opens the stream when the upload is ready. */
export type BlobBody = Readable | Uint8Array | (() => Promise<Readable>);

/**
 * One repository of images: a repository in a registry (RegistryRepository) or an OCI image layout
 * directory (LayoutRepository). `ref` arguments are a tag or a digest.
 */
export interface OciRepository {
  readonly kind: 'registry' | 'layout';
  /** For messages: `host/name` or `oci-layout:<dir>`. */
  readonly display: string;
  /** Descriptor of the manifest a tag or digest points at, or undefined when there is none. */
  resolve(ref: string): Promise<Descriptor | undefined>;
  /** The manifest's exact bytes, verified against its digest. Throws when it does not exist. */
  getManifest(ref: string): Promise<Manifest>;
  /**
   * Store manifest bytes unchanged under a tag or its digest, with its own media type. A manifest
   * with a `subject` is also listed in the referrers tag index (`sha256-<hex>`) where the store has
   * no referrers API.
   */
  putManifest(bytes: Uint8Array, mediaType: string, ref: string): Promise<Descriptor>;
  deleteManifest(digest: string): Promise<void>;
  hasBlob(digest: string): Promise<boolean>;
  /** A stream of the blob that errors at its end when the content does not match the descriptor. */
  openBlob(descriptor: Descriptor): Promise<Readable>;
  /**
   * Upload a blob from bytes or a stream (never held whole in memory); the digest is verified by the
   * store. Given a function, the store opens the stream itself, alongside starting its upload.
   */
  pushBlob(descriptor: Descriptor, body: BlobBody): Promise<void>;
  tags(): Promise<string[]>;
  /** Manifests whose `subject` is the digest (referrers API, else the referrers tag schema). */
  referrers(digest: string, artifactType?: string): Promise<Descriptor[]>;
  /**
   * Optional capability: mounting blobs from `source` into this repository without moving bytes (a
   * registry's cross-repository mount). Returns the mount (true: mounted; false: not, copy instead),
   * or undefined when this store cannot mount from that source.
   */
  mountFrom?(source: OciRepository): ((blob: Descriptor) => Promise<boolean>) | undefined;
}
