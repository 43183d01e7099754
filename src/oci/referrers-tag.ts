/**
 * The referrers tag schema of the distribution spec (for registries and layouts without the
 * referrers API): the image index at tag `sha256-<hex>` lists the subject's referrers. Also cosign's
 * legacy tag suffixes.
 */
import { digestTag } from './digest.js';
import { RegistryError } from './errors.js';
import { artifactTypeOf, type Descriptor, type ImageIndex, type Manifest, MediaType } from './media-types.js';
import type { OciRepository } from './repository.js';

export const COSIGN_SUFFIXES = ['sig', 'att', 'sbom'] as const;

export function filterType(descriptors: Descriptor[], artifactType?: string): Descriptor[] {
  return artifactType ? descriptors.filter((d) => d.artifactType === artifactType) : descriptors;
}

/** The referrers tag schema: the index at tag `sha256-<hex>` lists the subject's referrers. */
export async function referrersFromTag(repo: OciRepository, digest: string): Promise<Descriptor[]> {
  try {
    const manifest = await repo.getManifest(digestTag(digest));
    return (manifest.json as ImageIndex).manifests ?? [];
  } catch (error) {
    // No index yet (a registry's 404, or a layout without the tag): no referrers.
    if ((error instanceof RegistryError && error.notFound) || (error as Error).name === 'LayoutError')
      return [];
    throw error;
  }
}

/** Add a referrer to the subject's referrers tag index (creating it), unless it is listed already. */
export async function addToReferrersIndex(
  repo: OciRepository,
  subject: string,
  referrer: Manifest,
): Promise<void> {
  const existing = await referrersFromTag(repo, subject);
  const { mediaType, digest, size } = referrer.descriptor;
  if (existing.some((d) => d.digest === digest)) return;
  const json = referrer.json;
  const entry: Descriptor = { mediaType, digest, size };
  const artifactType = artifactTypeOf(json);
  if (artifactType) entry.artifactType = artifactType;
  if (json.annotations) entry.annotations = json.annotations;
  const index: ImageIndex = {
    schemaVersion: 2,
    mediaType: MediaType.OciIndex,
    manifests: [...existing, entry],
  };
  await repo.putManifest(
    new TextEncoder().encode(JSON.stringify(index)),
    MediaType.OciIndex,
    digestTag(subject),
  );
}
