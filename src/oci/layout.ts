import { ServiceError } from '../net/errors.js';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { addToReferrersIndex, referrersFromTag } from './referrers-tag.js';
import { DigestMismatchError, digestOf, isDigest, verified, verifyBytes, verifyingStream } from './digest.js';
import { type Descriptor, type ImageIndex, type Manifest, MediaType, parseManifest } from './media-types.js';
import type { BlobBody, OciRepository } from './repository.js';

const REF_NAME = 'org.opencontainers.image.ref.name';

/** A layout directory that is missing, malformed or lacks what was asked for. */
export class LayoutError extends ServiceError {
  override name = 'LayoutError';
  readonly transient = false;
  readonly unreachable = false;
}

/**
 * An OCI image layout directory (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`), as `docker buildx
 * --output type=oci,tar=false`, skopeo (`oci:<dir>`) and other tools write it. Tags are the
 * `org.opencontainers.image.ref.name` annotations of index.json; referrers use the tag schema.
 */
export class LayoutRepository implements OciRepository {
  readonly kind = 'layout' as const;
  readonly display: string;

  private constructor(readonly dir: string) {
    this.display = `oci-layout:${dir}`;
  }

  /** Open an existing layout, or (create: true) make an empty one where there is none. */
  static open(dir: string, options: { create?: boolean } = {}): LayoutRepository {
    const marker = join(dir, 'oci-layout');
    if (!existsSync(marker)) {
      if (!options.create) throw new LayoutError(`${dir} is not an OCI image layout (no oci-layout file)`);
      mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
      writeFileSync(marker, JSON.stringify({ imageLayoutVersion: '1.0.0' }));
      writeFileSync(
        join(dir, 'index.json'),
        JSON.stringify({ schemaVersion: 2, mediaType: MediaType.OciIndex, manifests: [] }),
      );
    }
    return new LayoutRepository(dir);
  }

  private blobPath(digest: string): string {
    if (!isDigest(digest)) throw new LayoutError(`not a digest: ${JSON.stringify(digest)}`);
    const [alg, hex] = digest.split(':');
    return join(this.dir, 'blobs', alg!, hex!);
  }

  private index(): ImageIndex {
    try {
      return JSON.parse(readFileSync(join(this.dir, 'index.json'), 'utf8')) as ImageIndex;
    } catch (error) {
      throw new LayoutError(`${this.dir}/index.json cannot be read: ${(error as Error).message}`);
    }
  }

  private writeIndex(index: ImageIndex): void {
    const file = join(this.dir, 'index.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(index));
    renameSync(`${file}.tmp`, file);
  }

  async resolve(ref: string): Promise<Descriptor | undefined> {
    const listed = this.index().manifests.find((d) =>
      isDigest(ref) ? d.digest === ref : d.annotations?.[REF_NAME] === ref,
    );
    if (listed) {
      const { annotations: _annotations, ...descriptor } = listed;
      return descriptor;
    }
    if (isDigest(ref) && existsSync(this.blobPath(ref))) return (await this.getManifest(ref)).descriptor;
    return undefined;
  }

  async getManifest(ref: string): Promise<Manifest> {
    const descriptor = isDigest(ref) ? { digest: ref, mediaType: undefined } : await this.resolve(ref);
    if (!descriptor) throw new LayoutError(`${this.display}: no manifest tagged ${ref}`);
    const path = this.blobPath(descriptor.digest);
    if (!existsSync(path)) throw new LayoutError(`${this.display}: manifest ${descriptor.digest} is missing`);
    const bytes = readFileSync(path);
    verifyBytes(bytes, descriptor.digest, `${this.display} manifest`);
    return parseManifest(bytes, descriptor.digest, descriptor.mediaType);
  }

  async putManifest(bytes: Uint8Array, mediaType: string, ref: string): Promise<Descriptor> {
    const digest = digestOf(bytes);
    if (isDigest(ref) && ref !== digest)
      throw new DigestMismatchError(`manifest for ${this.display}@${ref} has digest ${digest}`);
    this.writeBlobBytes(digest, bytes);
    const manifest = parseManifest(bytes, digest, mediaType);
    const descriptor: Descriptor = { mediaType, digest, size: bytes.byteLength };
    if (!isDigest(ref)) {
      const index = this.index();
      index.manifests = index.manifests.filter((d) => d.annotations?.[REF_NAME] !== ref);
      index.manifests.push({ ...descriptor, annotations: { [REF_NAME]: ref } });
      this.writeIndex(index);
    }
    if (manifest.json.subject) await addToReferrersIndex(this, manifest.json.subject.digest, manifest);
    return descriptor;
  }

  async deleteManifest(digest: string): Promise<void> {
    const index = this.index();
    index.manifests = index.manifests.filter((d) => d.digest !== digest);
    this.writeIndex(index);
  }

  async hasBlob(digest: string): Promise<boolean> {
    return existsSync(this.blobPath(digest));
  }

  async openBlob(descriptor: Descriptor): Promise<Readable> {
    const path = this.blobPath(descriptor.digest);
    if (!existsSync(path)) throw new LayoutError(`${this.display}: blob ${descriptor.digest} is missing`);
    return verified(createReadStream(path), descriptor, `${this.display} blob ${descriptor.digest}`);
  }

  async pushBlob(descriptor: Descriptor, source: BlobBody): Promise<void> {
    const path = this.blobPath(descriptor.digest);
    if (existsSync(path) && statSync(path).size === descriptor.size) return;
    const body = typeof source === 'function' ? await source() : source;
    if (body instanceof Uint8Array) {
      verifyBytes(body, descriptor.digest, `${this.display} blob`);
      return this.writeBlobBytes(descriptor.digest, body);
    }
    mkdirSync(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    try {
      await pipeline(
        body,
        verifyingStream(descriptor.digest, descriptor.size, `${this.display} blob ${descriptor.digest}`),
        createWriteStream(partial) as Writable,
      );
      renameSync(partial, path);
    } finally {
      rmSync(partial, { force: true });
    }
  }

  private writeBlobBytes(digest: string, bytes: Uint8Array): void {
    const path = this.blobPath(digest);
    if (existsSync(path)) return;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.tmp`, bytes);
    renameSync(`${path}.tmp`, path);
  }

  async tags(): Promise<string[]> {
    return this.index()
      .manifests.map((d) => d.annotations?.[REF_NAME])
      .filter((t): t is string => t !== undefined);
  }

  async referrers(digest: string, artifactType?: string): Promise<Descriptor[]> {
    const all = await referrersFromTag(this, digest);
    return artifactType ? all.filter((d) => d.artifactType === artifactType) : all;
  }
}
