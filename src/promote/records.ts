/**
 * Promotion records: the OCI artifact (a referrer of the promoted digest) that records each
 * promotion, rollback and refusal, how one is recognised, and how they are read back.
 */
import { text } from 'node:stream/consumers';
import {
  artifactTypeOf,
  createLimiter,
  type Descriptor,
  type ImageManifest,
  type Manifest,
  MediaType,
  type OciRepository,
  sha256,
} from '../oci/index.js';
import { PROMOTION_ARTIFACT_TYPE, PROMOTION_KIND_ANNOTATION } from './constants.js';
import type { PlannedTag } from './tags.js';
import type { PromotionRecord } from './types.js';

export function recordedDestinations(plan: PlannedTag[]): PromotionRecord['destinations'] {
  return plan.map((p) => ({
    reference: p.reference,
    repository: p.repo.display,
    tag: p.tag,
    role: p.role,
    previous: p.previous,
  }));
}

/**
 * Whether a manifest is a promotion record, by what it says itself: its artifact type, its config's
 * media type, a layer of the record's type, or the record's annotation. Whatever a referrers index
 * or a tag calls it.
 */
export function isPromotionRecord(manifest: Manifest): boolean {
  const json = manifest.json;
  // Media types compare without case or parameters (RFC 6838), so no spelling slips through.
  const isRecordType = (type: unknown) =>
    typeof type === 'string' && type.split(';')[0]!.trim().toLowerCase() === PROMOTION_ARTIFACT_TYPE;
  if (isRecordType(artifactTypeOf(json))) return true;
  if (json.annotations?.[PROMOTION_KIND_ANNOTATION] !== undefined) return true;
  const parts = 'layers' in json ? [json.config, ...(json.layers ?? [])] : [];
  return parts.some((part) => isRecordType(part?.mediaType));
}

interface RecordArtifact {
  blobs: { descriptor: Descriptor; bytes: Uint8Array }[];
  bytes: Uint8Array;
  digest: string;
}

/** The promotion record as an OCI artifact whose subject is the promoted digest. */
export function recordArtifact(subject: Descriptor, record: PromotionRecord): RecordArtifact {
  const payload = new TextEncoder().encode(JSON.stringify(record, null, 2));
  const empty = new TextEncoder().encode('{}');
  const layer: Descriptor = {
    mediaType: PROMOTION_ARTIFACT_TYPE,
    digest: sha256(payload),
    size: payload.byteLength,
  };
  const config: Descriptor = { mediaType: MediaType.OciEmpty, digest: sha256(empty), size: empty.byteLength };
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    artifactType: PROMOTION_ARTIFACT_TYPE,
    config,
    layers: [layer],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations: {
      'org.opencontainers.image.created': record.time,
      [PROMOTION_KIND_ANNOTATION]: record.kind,
    },
  };
  const bytes = new TextEncoder().encode(JSON.stringify(manifest));
  return {
    blobs: [
      { descriptor: config, bytes: empty },
      { descriptor: layer, bytes: payload },
    ],
    bytes,
    digest: sha256(bytes),
  };
}

/** A few hundred bytes each: uploading them again costs what asking whether they are there would. */
export async function pushRecordBlobs(repo: OciRepository, artifact: RecordArtifact): Promise<void> {
  await Promise.all(artifact.blobs.map(({ descriptor, bytes }) => repo.pushBlob(descriptor, bytes)));
}

export async function attachRecord(
  repo: OciRepository,
  subject: Descriptor,
  record: PromotionRecord,
): Promise<string> {
  const artifact = recordArtifact(subject, record);
  await pushRecordBlobs(repo, artifact);
  return (await repo.putManifest(artifact.bytes, MediaType.OciManifest, artifact.digest)).digest;
}

/**
 * Records attached to a digest in a repository, newest first. Every referrer is read and judged by
 * its own manifest (its artifact type, and a subject that is this digest), not by the label a
 * referrers index gives it; a listed record that is malformed is skipped with a warning.
 */
export async function readRecords(
  repo: OciRepository,
  digest: string,
  warn: (message: string) => void = () => undefined,
): Promise<PromotionRecord[]> {
  const records: PromotionRecord[] = [];
  const limit = createLimiter(6);
  const listed = await repo.referrers(digest);
  await Promise.all(
    listed.map((descriptor) =>
      limit(async () => {
        const manifest = await repo.getManifest(descriptor.digest);
        if (artifactTypeOf(manifest.json) !== PROMOTION_ARTIFACT_TYPE) return;
        const skip = (why: string) =>
          warn(`${repo.display}: promotion record ${descriptor.digest} on ${digest} is not read: ${why}`);
        if (manifest.json.subject?.digest !== digest) return skip(`its subject is not ${digest}`);
        const layer = (manifest.json as ImageManifest).layers?.[0];
        if (!layer || layer.mediaType !== PROMOTION_ARTIFACT_TYPE) return skip('it has no record layer');
        if (layer.size > 1024 * 1024) return skip('its record is over 1 MiB');
        let record: PromotionRecord;
        try {
          record = JSON.parse(await text(await repo.openBlob(layer))) as PromotionRecord;
        } catch (error) {
          return skip((error as Error).message);
        }
        if (
          typeof record !== 'object' ||
          record === null ||
          typeof record.digest !== 'string' ||
          typeof record.time !== 'string' ||
          !Array.isArray(record.destinations)
        )
          return skip('it is not a promotion record');
        records.push(record);
      }),
    ),
  );
  return records.sort((a, b) => b.time.localeCompare(a.time));
}
