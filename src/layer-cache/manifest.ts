import { sha256 } from '../oci/index.js';
import {
  ANNOTATION,
  CACHE_ARTIFACT_TYPE,
  CACHE_CONFIG_MEDIA_TYPE,
  COMPRESSIONS,
  type Compression,
  LAYER_MEDIA_TYPE,
} from './constants.js';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

export interface LayerRecord {
  digest: string;
  size: number;
  /** sha256 of the uncompressed tar: a later save reuses the blob when this matches. */
  diffId: string;
  /** See layerStatId: lets a later save skip reading an unchanged layer. */
  statId?: string;
  files: number;
}

/** The config blob: everything a restore needs besides the layers themselves. */
export interface CacheConfig {
  key: string;
  /** The scope (a ref, see scope.ts) the cache was saved under: checked again on restore. */
  scope: string;
  version: string;
  created: string;
  compression: Compression;
  paths: string[];
  roots: { path: string; kind: 'literal' | 'glob' }[];
  layers: LayerRecord[];
}

export interface CacheManifest {
  digest: string;
  key: string;
  scope: string;
  version: string;
  created: string;
  runId: string;
  config: Descriptor;
  layers: Descriptor[];
}

export function renderManifest(config: CacheConfig, configBytes: Uint8Array, runId: string): Uint8Array {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: CACHE_ARTIFACT_TYPE,
    config: { mediaType: CACHE_CONFIG_MEDIA_TYPE, digest: sha256(configBytes), size: configBytes.length },
    layers: config.layers.map((l) => ({
      mediaType: LAYER_MEDIA_TYPE[config.compression],
      digest: l.digest,
      size: l.size,
    })),
    annotations: {
      [ANNOTATION.created]: config.created,
      [ANNOTATION.key]: config.key,
      [ANNOTATION.version]: config.version,
      [ANNOTATION.runId]: runId,
      [ANNOTATION.scope]: config.scope,
    },
  };
  return Buffer.from(JSON.stringify(manifest));
}

/** A manifest from the registry as a cache manifest, or undefined when it is something else. */
export function parseCacheManifest(digest: string, bytes: Uint8Array): CacheManifest | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
  const m = doc as { config?: Descriptor; layers?: Descriptor[]; annotations?: Record<string, string> };
  if (m?.config?.mediaType !== CACHE_CONFIG_MEDIA_TYPE || !Array.isArray(m.layers)) return undefined;
  const a = m.annotations ?? {};
  const key = a[ANNOTATION.key];
  const version = a[ANNOTATION.version];
  const created = a[ANNOTATION.created];
  const scope = a[ANNOTATION.scope];
  if (
    typeof key !== 'string' ||
    typeof scope !== 'string' ||
    typeof version !== 'string' ||
    typeof created !== 'string' ||
    Number.isNaN(Date.parse(created))
  )
    return undefined;
  if (!m.layers.every(isDescriptor) || !isDescriptor(m.config)) return undefined;
  return {
    digest,
    key,
    scope,
    version,
    created,
    runId: a[ANNOTATION.runId] ?? '',
    config: m.config,
    layers: m.layers,
  };
}

function isDescriptor(d: unknown): d is Descriptor {
  const x = d as Descriptor;
  return (
    typeof x?.digest === 'string' &&
    /^sha256:[0-9a-f]{64}$/.test(x.digest) &&
    Number.isSafeInteger(x.size) &&
    x.size >= 0
  );
}

/** The config blob, checked against the manifest it came with. */
export function parseCacheConfig(bytes: Uint8Array, manifest: CacheManifest): CacheConfig {
  const config = JSON.parse(Buffer.from(bytes).toString('utf8')) as CacheConfig;
  const ok =
    config &&
    config.key === manifest.key &&
    config.scope === manifest.scope &&
    config.version === manifest.version &&
    COMPRESSIONS.includes(config.compression) &&
    Array.isArray(config.roots) &&
    config.roots.every((r) => typeof r?.path === 'string' && (r.kind === 'literal' || r.kind === 'glob')) &&
    Array.isArray(config.layers) &&
    config.layers.length === manifest.layers.length &&
    config.layers.every(
      (l, i) => l.digest === manifest.layers[i]!.digest && l.size === manifest.layers[i]!.size,
    );
  if (!ok) throw new Error('the cache config does not match its manifest');
  return config;
}
