import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/net/index.js';
import {
  DigestMismatchError,
  LayoutError,
  LayoutRepository,
  openRepository,
  parseReference,
  RegistryClient,
} from '../../src/oci/index.js';
import { ArtifactType, buildImage, buildReferrer, pushImage, writeLayout } from '../support/oci-images.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

const skopeo = (...args: string[]) => execFileSync('skopeo', args, { encoding: 'utf8' });

describe('OCI image layout directories', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(() => registry.stop());

  it('writes layouts skopeo reads, and reads layouts skopeo writes, with the same digests', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-layout-'));
    const image = buildImage({
      platforms: [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 'arm64' },
      ],
    });
    await writeLayout(dir, [{ image, tag: 'v1' }]);
    const inspected = JSON.parse(skopeo('inspect', '--raw', `oci:${dir}:v1`));
    expect(inspected.manifests.map((m: { digest: string }) => m.digest)).toEqual(
      image.children.map((c) => c.descriptor.digest),
    );

    // skopeo copies the layout into the registry; Gantry's client sees the very same index.
    skopeo(
      'copy',
      '--all',
      '--preserve-digests',
      '--dest-tls-verify=false',
      `oci:${dir}:v1`,
      `docker://${registry.host}/layout/app:v1`,
    );
    const client = new RegistryClient({ http: new HttpClient() });
    expect((await client.repository(registry.host, 'layout/app').resolve('v1'))!.digest).toBe(
      image.top.descriptor.digest,
    );

    // and skopeo writes a layout that Gantry reads back.
    const out = mkdtempSync(join(tmpdir(), 'gantry-layout-out-'));
    skopeo(
      'copy',
      '--all',
      '--preserve-digests',
      '--src-tls-verify=false',
      `docker://${registry.host}/layout/app:v1`,
      `oci:${out}:copied`,
    );
    const layout = openRepository(parseReference(`oci-layout:${out}:copied`), client);
    expect((await layout.resolve('copied'))!.digest).toBe(image.top.descriptor.digest);
    const manifest = await layout.getManifest('copied');
    expect(Buffer.from(manifest.bytes).equals(Buffer.from(image.top.bytes))).toBe(true);
    const layer = image.blobs[1]!;
    const bytes = await buffer(await layout.openBlob(layer.descriptor));
    expect(bytes.equals(Buffer.from(layer.bytes))).toBe(true);
    expect(await layout.tags()).toEqual(['copied']);
  });

  it('keeps referrers in the tag schema, replaces a moved tag, and refuses corrupt blobs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-layout-'));
    const first = buildImage({ label: 'first' });
    const layout = await writeLayout(dir, [{ image: first, tag: 'v1' }]);
    const sbom = buildReferrer(first.top.descriptor, ArtifactType.CycloneDx, { bomFormat: 'CycloneDX' });
    await pushImage(layout, sbom);
    expect(await layout.referrers(first.top.descriptor.digest)).toEqual([
      expect.objectContaining({ digest: sbom.top.descriptor.digest, artifactType: ArtifactType.CycloneDx }),
    ]);
    const second = buildImage({ label: 'second' });
    await pushImage(layout, second, 'v1');
    expect((await layout.resolve('v1'))!.digest).toBe(second.top.descriptor.digest);
    expect((await layout.tags()).sort()).toEqual(
      ['sha256-' + first.top.descriptor.digest.slice(7), 'v1'].sort(),
    );

    const layer = second.blobs[1]!;
    writeFileSync(join(dir, 'blobs/sha256', layer.descriptor.digest.slice(7)), Buffer.from('tampered'));
    await expect(buffer(await layout.openBlob(layer.descriptor))).rejects.toThrow(DigestMismatchError);
    expect(() => LayoutRepository.open(join(dir, 'nope'))).toThrow(LayoutError);
  });
});
