/**
 * Real OCI and Docker images built in code: layers are real tar archives (gzip-compressed where the
 * media type says so), configs list the layers' diff_ids, multi-platform images are indexes (OCI)
 * or manifest lists (Docker). Signatures, SBOMs and attestations attach both ways: as OCI 1.1
 * referrers (manifests with `subject`, found through the referrers tag schema on registry 2.8) and
 * as cosign's legacy tags (`sha256-<hex>.sig` / `.sbom` / `.att`). Images can be pushed through any
 * OciRepository or written to an OCI image layout directory.
 */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  type Descriptor,
  digestTag,
  LayoutRepository,
  MediaType,
  type OciRepository,
  sha256,
} from '../../src/oci/index.js';
import { END_OF_ARCHIVE, encodeHeader, padding } from '../../src/oci/tar.js';

export interface Blob {
  descriptor: Descriptor;
  bytes: Uint8Array;
}

export interface BuiltManifest {
  descriptor: Descriptor;
  bytes: Uint8Array;
}

export interface BuiltImage {
  /** The manifest (or index) the image is known by. */
  top: BuiltManifest;
  /** Child manifests of an index (empty for a single-platform image). */
  children: BuiltManifest[];
  blobs: Blob[];
}

export interface ImageSpec {
  format?: 'oci' | 'docker';
  platforms?: { os: string; architecture: string; variant?: string }[];
  layers?: number;
  layerSize?: number;
  /** gzip the layers (default true; false gives plain tar layers, fast to build at bench sizes). */
  compress?: boolean;
  /** Distinguishes otherwise identical images. */
  label?: string;
  /** The config's `created` (default 2024-01-01T00:00:00Z). */
  created?: string;
}

const encoder = new TextEncoder();

function json(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

function blobOf(mediaType: string, bytes: Uint8Array): Blob {
  return { descriptor: { mediaType, digest: sha256(bytes), size: bytes.byteLength }, bytes };
}

/** A one-file tar archive, written by the suite's one tar writer. */
export function tarFile(name: string, content: Uint8Array): Uint8Array {
  const header = encodeHeader({
    name,
    type: 'file',
    mode: 0o644,
    mtime: Date.UTC(2024, 0, 1) / 1000,
    size: content.byteLength,
  });
  return Buffer.concat([header, content, Buffer.alloc(padding(content.byteLength)), END_OF_ARCHIVE]);
}

function singleImage(
  spec: ImageSpec,
  platform: { os: string; architecture: string; variant?: string },
): BuiltImage {
  const docker = spec.format === 'docker';
  const compress = docker || spec.compress !== false;
  const layers: Blob[] = [];
  const diffIds: string[] = [];
  for (let i = 0; i < (spec.layers ?? 2); i++) {
    const tar = tarFile(`layer-${i}/${platform.architecture}.bin`, randomBytes(spec.layerSize ?? 1024));
    diffIds.push(sha256(tar));
    const mediaType = docker
      ? MediaType.DockerLayerGzip
      : compress
        ? MediaType.OciLayerGzip
        : MediaType.OciLayer;
    layers.push(blobOf(mediaType, compress ? gzipSync(tar, { level: 1 }) : tar));
  }
  const config = blobOf(
    docker ? MediaType.DockerConfig : MediaType.OciConfig,
    json({
      architecture: platform.architecture,
      os: platform.os,
      ...(platform.variant ? { variant: platform.variant } : {}),
      created: spec.created ?? '2024-01-01T00:00:00Z',
      config: { Labels: { 'dev.gantry.test': spec.label ?? 'image' } },
      rootfs: { type: 'layers', diff_ids: diffIds },
    }),
  );
  const mediaType = docker ? MediaType.DockerManifest : MediaType.OciManifest;
  const bytes = json({
    schemaVersion: 2,
    mediaType,
    config: config.descriptor,
    layers: layers.map((l) => l.descriptor),
  });
  return {
    top: { descriptor: { mediaType, digest: sha256(bytes), size: bytes.byteLength }, bytes },
    children: [],
    blobs: [config, ...layers],
  };
}

/** A single-platform image, or an index / manifest list when more than one platform is given. */
export function buildImage(spec: ImageSpec = {}): BuiltImage {
  const platforms = spec.platforms ?? [{ os: 'linux', architecture: 'amd64' }];
  if (platforms.length === 1) return singleImage(spec, platforms[0]!);
  const images = platforms.map((p) => singleImage(spec, p));
  const mediaType = spec.format === 'docker' ? MediaType.DockerList : MediaType.OciIndex;
  const bytes = json({
    schemaVersion: 2,
    mediaType,
    manifests: images.map((image, i) => ({ ...image.top.descriptor, platform: platforms[i] })),
  });
  return {
    top: { descriptor: { mediaType, digest: sha256(bytes), size: bytes.byteLength }, bytes },
    children: images.map((image) => image.top),
    blobs: images.flatMap((image) => image.blobs),
  };
}

export const ArtifactType = {
  Spdx: 'application/spdx+json',
  CycloneDx: 'application/vnd.cyclonedx+json',
  CosignSignature: 'application/vnd.dev.cosign.artifact.sig.v1+json',
  InToto: 'application/vnd.in-toto+json',
} as const;

/** An OCI 1.1 artifact referring to `subject` (empty config, one payload layer). */
export function buildReferrer(
  subject: Descriptor,
  artifactType: string,
  payload: unknown,
  annotations: Record<string, string> = {},
): BuiltImage {
  const empty = blobOf(MediaType.OciEmpty, encoder.encode('{}'));
  const layer = blobOf(artifactType, json(payload));
  const bytes = json({
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    artifactType,
    config: empty.descriptor,
    layers: [layer.descriptor],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations: { 'org.opencontainers.image.created': '2024-01-01T00:00:00Z', ...annotations },
  });
  return {
    top: {
      descriptor: { mediaType: MediaType.OciManifest, digest: sha256(bytes), size: bytes.byteLength },
      bytes,
    },
    children: [],
    blobs: [empty, layer],
  };
}

/** A cosign legacy-layout signature image (simple signing payload), pushed at `sha256-<hex>.sig`. */
export function buildCosignSignature(
  subject: Descriptor,
  repository: string,
  /** Signs the payload (base64 signature); random bytes when not given. */
  sign: (payload: Uint8Array) => string = () => randomBytes(64).toString('base64'),
): { image: BuiltImage; tag: string } {
  const payload = json({
    critical: {
      identity: { 'docker-reference': repository },
      image: { 'docker-manifest-digest': subject.digest },
      type: 'cosign container image signature',
    },
    optional: null,
  });
  const layer = blobOf('application/vnd.dev.cosign.simplesigning.v1+json', payload);
  const config = blobOf(
    MediaType.OciConfig,
    json({
      architecture: '',
      os: '',
      config: {},
      rootfs: { type: 'layers', diff_ids: [layer.descriptor.digest] },
    }),
  );
  layer.descriptor.annotations = { 'dev.cosignproject.cosign/signature': sign(payload) };
  const bytes = json({
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    config: config.descriptor,
    layers: [layer.descriptor],
  });
  return {
    image: {
      top: {
        descriptor: { mediaType: MediaType.OciManifest, digest: sha256(bytes), size: bytes.byteLength },
        bytes,
      },
      children: [],
      blobs: [config, layer],
    },
    tag: `${digestTag(subject.digest)}.sig`,
  };
}

/** Push blobs, child manifests and the top manifest (by tag when given, else by digest). */
export async function pushImage(repo: OciRepository, image: BuiltImage, tag?: string): Promise<Descriptor> {
  for (const blob of image.blobs)
    if (!(await repo.hasBlob(blob.descriptor.digest))) await repo.pushBlob(blob.descriptor, blob.bytes);
  for (const child of image.children)
    await repo.putManifest(child.bytes, child.descriptor.mediaType, child.descriptor.digest);
  return repo.putManifest(
    image.top.bytes,
    image.top.descriptor.mediaType,
    tag ?? image.top.descriptor.digest,
  );
}

/** Write images into an OCI image layout directory (created when missing), each under its tag. */
export async function writeLayout(
  dir: string,
  images: { image: BuiltImage; tag?: string }[],
): Promise<LayoutRepository> {
  const layout = LayoutRepository.open(dir, { create: true });
  for (const { image, tag } of images) await pushImage(layout, image, tag);
  return layout;
}
