import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { digestOf } from '../oci/digest.js';
import { LayoutRepository } from '../oci/layout.js';
import { type Descriptor, MediaType } from '../oci/media-types.js';
import { END_OF_ARCHIVE, encodeHeader, padding } from '../oci/tar.js';

/**
 * A container image built by code, with no Docker engine: one deterministic layer holding the
 * service's directory under /app, an OCI config and manifest, written into an OCI image layout with
 * an SPDX SBOM attached as a referrer. The same source gives the same digest.
 */
export interface BuiltImage {
  digest: string;
  sbomDigest: string;
  layoutDir: string;
  tag: string;
}

const EPOCH = 0; // fixed timestamps: a rebuild of the same source is the same digest

function files(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return files(root, path);
      return entry.isFile() ? [relative(root, path)] : [];
    });
}

function layerTar(contextDir: string): Buffer {
  const parts: Buffer[] = [];
  for (const file of files(contextDir)) {
    const data = readFileSync(join(contextDir, file));
    const mode = statSync(join(contextDir, file)).mode & 0o111 ? 0o755 : 0o644;
    parts.push(
      encodeHeader({ name: `app/${file}`, type: 'file', mode, mtime: EPOCH, size: data.length }),
      data,
      Buffer.alloc(padding(data.length)),
    );
  }
  parts.push(END_OF_ARCHIVE);
  return Buffer.concat(parts);
}

async function putBlob(layout: LayoutRepository, mediaType: string, bytes: Uint8Array): Promise<Descriptor> {
  const descriptor: Descriptor = { mediaType, digest: digestOf(bytes), size: bytes.length };
  await layout.pushBlob(descriptor, bytes);
  return descriptor;
}

export async function buildServiceImage(options: {
  contextDir: string;
  layoutDir: string;
  tag: string;
  name: string;
  revision: string;
}): Promise<BuiltImage> {
  const layout = LayoutRepository.open(options.layoutDir, { create: true });
  const layer = layerTar(options.contextDir);
  const layerDescriptor = await putBlob(layout, MediaType.OciLayer, layer);
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {
        Cmd: ['node', '/app/server.js'],
        WorkingDir: '/app',
        Labels: { 'org.opencontainers.image.revision': options.revision },
      },
      rootfs: { type: 'layers', diff_ids: [layerDescriptor.digest] },
      history: [{ created_by: 'gantry demo: files of the service under /app' }],
    }),
  );
  const configDescriptor = await putBlob(layout, MediaType.OciConfig, config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      config: configDescriptor,
      layers: [layerDescriptor],
      annotations: {
        'org.opencontainers.image.title': options.name,
        'org.opencontainers.image.revision': options.revision,
      },
    }),
  );
  const image = await layout.putManifest(manifest, MediaType.OciManifest, options.tag);

  const sbom = Buffer.from(
    JSON.stringify({
      spdxVersion: 'SPDX-2.3',
      SPDXID: 'SPDXRef-DOCUMENT',
      name: options.name,
      dataLicense: 'CC0-1.0',
      documentNamespace: `https://gantry.invalid/spdx/${options.name}/${image.digest}`,
      creationInfo: { created: new Date(EPOCH).toISOString(), creators: ['Tool: gantry-demo'] },
      packages: files(options.contextDir).map((file, i) => ({
        SPDXID: `SPDXRef-File-${i}`,
        name: file,
        downloadLocation: 'NOASSERTION',
      })),
    }),
  );
  const emptyConfig = await putBlob(layout, MediaType.OciEmpty, Buffer.from('{}'));
  const sbomLayer = await putBlob(layout, 'application/spdx+json', sbom);
  const sbomManifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      artifactType: 'application/spdx+json',
      config: emptyConfig,
      layers: [sbomLayer],
      subject: { mediaType: MediaType.OciManifest, digest: image.digest, size: image.size },
    }),
  );
  const sbomDescriptor = await layout.putManifest(
    sbomManifest,
    MediaType.OciManifest,
    digestOf(sbomManifest),
  );
  return {
    digest: image.digest,
    sbomDigest: sbomDescriptor.digest,
    layoutDir: options.layoutDir,
    tag: options.tag,
  };
}
