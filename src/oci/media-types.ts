/** Media types and the JSON shapes of manifests, as the OCI image spec and Docker's v2 schema 2 define them. */
export const MediaType = {
  OciIndex: 'application/vnd.oci.image.index.v1+json',
  OciManifest: 'application/vnd.oci.image.manifest.v1+json',
  DockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  DockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  OciConfig: 'application/vnd.oci.image.config.v1+json',
  DockerConfig: 'application/vnd.docker.container.image.v1+json',
  OciEmpty: 'application/vnd.oci.empty.v1+json',
  OciLayer: 'application/vnd.oci.image.layer.v1.tar',
  OciLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  DockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

/** Every manifest type, sent on every manifest request: a registry otherwise may convert or hide one. */
export const MANIFEST_ACCEPT = [
  MediaType.OciIndex,
  MediaType.OciManifest,
  MediaType.DockerList,
  MediaType.DockerManifest,
].join(', ');

export const INDEX_TYPES: ReadonlySet<string> = new Set([MediaType.OciIndex, MediaType.DockerList]);
export const MANIFEST_TYPES: ReadonlySet<string> = new Set([
  MediaType.OciIndex,
  MediaType.OciManifest,
  MediaType.DockerList,
  MediaType.DockerManifest,
]);

export interface Platform {
  architecture: string;
  os: string;
  variant?: string;
  'os.version'?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
  platform?: Platform;
  urls?: string[];
}

export interface ImageManifest {
  schemaVersion: 2;
  mediaType?: string;
  artifactType?: string;
  config: Descriptor;
  layers: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export interface ImageIndex {
  schemaVersion: 2;
  mediaType?: string;
  artifactType?: string;
  manifests: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

/** A manifest exactly as stored: its bytes are what its digest covers; `json` is parsed from them. */
export interface Manifest {
  descriptor: Descriptor;
  bytes: Uint8Array;
  json: ImageManifest | ImageIndex;
}

export function isIndex(mediaType: string): boolean {
  return INDEX_TYPES.has(mediaType);
}

/** Children an index points at, or the blobs (config, layers) a manifest needs. */
export function blobsOf(manifest: Manifest): Descriptor[] {
  if (isIndex(manifest.descriptor.mediaType)) return [];
  const json = manifest.json as ImageManifest;
  return [json.config, ...(json.layers ?? [])];
}

export function childrenOf(manifest: Manifest): Descriptor[] {
  return isIndex(manifest.descriptor.mediaType) ? ((manifest.json as ImageIndex).manifests ?? []) : [];
}

/** The artifact type a referrer declares: its artifactType, else its config's media type (OCI 1.1). */
export function artifactTypeOf(json: ImageManifest | ImageIndex): string | undefined {
  if (json.artifactType) return json.artifactType;
  return 'config' in json ? json.config?.mediaType : undefined;
}

/**
 * Parse manifest bytes into JSON and find its media type (the field, else the Content-Type the
 * registry gave). Throws when the bytes are not a manifest of a known type.
 */
export function parseManifest(bytes: Uint8Array, digest: string, contentType?: string): Manifest {
  let json: (ImageManifest | ImageIndex) & { mediaType?: string };
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error(`manifest ${digest} is not JSON`);
  }
  if (!json || typeof json !== 'object') throw new Error(`manifest ${digest} is not a JSON object`);
  const declared = json.mediaType ?? contentType?.split(';')[0]?.trim();
  const mediaType =
    declared && MANIFEST_TYPES.has(declared)
      ? declared
      : 'manifests' in json
        ? MediaType.OciIndex
        : 'config' in json
          ? MediaType.OciManifest
          : undefined;
  if (!mediaType) throw new Error(`manifest ${digest} has no known media type (${declared ?? 'none'})`);
  const descriptor: Descriptor = { mediaType, digest, size: bytes.byteLength };
  const artifactType = artifactTypeOf(json);
  if (json.artifactType) descriptor.artifactType = artifactType;
  return { descriptor, bytes, json };
}
