/**
 * Attaches an SBOM to an image in an OCI image layout as an OCI 1.1 referrer (an artifact manifest
 * whose subject is the image), so promote carries it with the image and `require: sbom` finds it.
 */
import { digestOf } from '../oci/digest.js';
import type { LayoutRepository } from '../oci/layout.js';
import { type Descriptor, type ImageManifest, MediaType } from '../oci/media-types.js';
import { REQUIRE_ALIASES } from '../promote/constants.js';

export const SPDX_JSON = 'application/spdx+json';

const EMPTY = new TextEncoder().encode('{}');

export async function attachSbom(
  layout: LayoutRepository,
  tag: string,
  sbom: Uint8Array,
  created: Date,
): Promise<{ subject: Descriptor; referrer: Descriptor }> {
  const found = await layout.resolve(tag);
  if (!found) throw new Error(`${layout.display}: no image tagged ${tag}`);
  const subject: Descriptor = { mediaType: found.mediaType, digest: found.digest, size: found.size };
  const config: Descriptor = {
    mediaType: MediaType.OciEmpty,
    digest: digestOf(EMPTY),
    size: EMPTY.byteLength,
  };
  const layer: Descriptor = { mediaType: SPDX_JSON, digest: digestOf(sbom), size: sbom.byteLength };
  await layout.pushBlob(config, EMPTY);
  await layout.pushBlob(layer, sbom);
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    artifactType: SPDX_JSON,
    config,
    layers: [layer],
    subject,
    annotations: { 'org.opencontainers.image.created': created.toISOString() },
  };
  const bytes = new TextEncoder().encode(JSON.stringify(manifest));
  const referrer = await layout.putManifest(bytes, MediaType.OciManifest, digestOf(bytes));
  return { subject, referrer: { ...referrer, artifactType: SPDX_JSON } };
}

/**
 * An SBOM the builder already attached to the image (any type promote's `require: sbom` accepts),
 * judged by the referrer manifest's own type, as promote judges it.
 */
export async function existingSbom(
  layout: LayoutRepository,
  subject: string,
): Promise<Descriptor | undefined> {
  const sbomTypes = new Set(REQUIRE_ALIASES.sbom!.types);
  for (const listed of await layout.referrers(subject)) {
    const manifest = await layout.getManifest(listed.digest);
    const json = manifest.json as ImageManifest;
    const type = json.artifactType ?? json.config?.mediaType;
    if (type && sbomTypes.has(type) && json.subject?.digest === subject)
      return { ...manifest.descriptor, artifactType: type };
  }
  return undefined;
}
