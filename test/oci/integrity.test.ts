/**
 * What src/oci refuses (issue 25): content that does not match its digest or its size, from a
 * registry and from an OCI layout on disk; digests with anything around them; registry hosts that
 * only look like loopback or are no host at all.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/net/index.js';
import {
  DigestMismatchError,
  digestOf,
  InvalidReferenceError,
  isDigest,
  isLoopback,
  LayoutError,
  LayoutRepository,
  MediaType,
  parseReference,
  RegistryClient,
  sha256,
  verifyBytes,
} from '../../src/oci/index.js';
import { configFrom } from '../promote/support.js';
import { buildImage, pushImage, writeLayout } from '../support/oci-images.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

const HEX = 'ab'.repeat(32);
const encoder = new TextEncoder();
const manifestBytes = (label: string) =>
  encoder.encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      config: { mediaType: MediaType.OciConfig, digest: sha256(label), size: label.length },
      layers: [],
    }),
  );
const sha512 = (bytes: Uint8Array) => digestOf(bytes, 'sha512');

/** A registry that answers from a table: path → status, headers, body (or an endless body). */
function startScriptedRegistry(
  routes: Record<string, { headers?: Record<string, string>; body: Uint8Array | 'endless' }>,
): Promise<{ host: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    if (req.url === '/v2/') return res.writeHead(200, { 'content-length': '0' }).end();
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (!route) return res.writeHead(404, { 'content-length': '0' }).end();
    if (route.body === 'endless') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 7);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => res.destroy());
      return pump();
    }
    res.writeHead(200, { 'content-length': String(route.body.byteLength), ...route.headers });
    res.end(req.method === 'HEAD' ? undefined : route.body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ host: `127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

describe('manifests that do not match their digest are refused', () => {
  const genuine = manifestBytes('genuine');
  const forged = manifestBytes('forged');
  const asked = sha256(genuine);
  let server: Server;
  let host: string;
  const client = new RegistryClient({ http: new HttpClient({ retries: 0 }) });
  beforeAll(async () => {
    const type = { 'content-type': MediaType.OciManifest };
    ({ server, host } = await startScriptedRegistry({
      // Other bytes served for a digest, with the registry claiming the asked digest.
      [`/v2/app/manifests/${asked}`]: { headers: { ...type, 'docker-content-digest': asked }, body: forged },
      // Other bytes served for a tag, with a digest header they do not have.
      '/v2/app/manifests/v1': { headers: { ...type, 'docker-content-digest': asked }, body: forged },
      // Other bytes served for a sha512 digest.
      [`/v2/app/manifests/${sha512(genuine)}`]: { headers: type, body: forged },
      [`/v2/app/manifests/${sha512(forged)}`]: { headers: type, body: forged },
    }));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('from a registry: by digest, by tag with a lying digest header, and by sha512 digest', async () => {
    const repo = client.repository(host, 'app');
    await expect(repo.getManifest(asked)).rejects.toThrow(DigestMismatchError);
    await expect(repo.getManifest('v1')).rejects.toThrow(DigestMismatchError);
    await expect(repo.getManifest(sha512(genuine))).rejects.toThrow(DigestMismatchError);
    // The sha512 branch verifies with sha512: the matching content is accepted.
    expect((await repo.getManifest(sha512(forged))).descriptor.digest).toBe(sha512(forged));
  });

  it('from an OCI layout on disk whose manifest file was altered, by tag and by digest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-integrity-'));
    const image = buildImage({ label: 'tampered' });
    const layout = await writeLayout(dir, [{ image, tag: 'v1' }]);
    const digest = image.top.descriptor.digest;
    writeFileSync(join(dir, 'blobs', 'sha256', digest.slice(7)), forged);
    await expect(layout.getManifest('v1')).rejects.toThrow(DigestMismatchError);
    await expect(layout.getManifest(digest)).rejects.toThrow(DigestMismatchError);
  });

  it('from an OCI layout with a sha512 manifest: the right bytes are read, altered ones refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-integrity-512-'));
    const layout = LayoutRepository.open(dir, { create: true });
    const digest = sha512(genuine);
    const file = join(dir, 'blobs', 'sha512', digest.slice(7));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, genuine);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    index.manifests.push({
      mediaType: MediaType.OciManifest,
      digest,
      size: genuine.byteLength,
      annotations: { 'org.opencontainers.image.ref.name': 'v512' },
    });
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
    expect((await layout.getManifest('v512')).descriptor.digest).toBe(digest);
    writeFileSync(file, forged);
    await expect(layout.getManifest('v512')).rejects.toThrow(DigestMismatchError);
  });

  it('verifyBytes checks with the digest’s own algorithm, and only whole digests', () => {
    expect(() => verifyBytes(genuine, sha256(genuine), 'x')).not.toThrow();
    expect(() => verifyBytes(genuine, sha512(genuine), 'x')).not.toThrow();
    expect(() => verifyBytes(genuine, sha256(forged), 'x')).toThrow(DigestMismatchError);
    expect(() => verifyBytes(genuine, sha512(forged), 'x')).toThrow(DigestMismatchError);
    // A sha512 hex under the sha256 name (and the other way round) is no digest.
    const hex512 = createHash('sha512').update(genuine).digest('hex');
    expect(() => verifyBytes(genuine, `sha256:${hex512}`, 'x')).toThrow(/not a valid digest/);
    expect(() => verifyBytes(genuine, `${sha256(genuine)}/../x`, 'x')).toThrow(/not a valid digest/);
  });
});

describe('blobs longer or shorter than their descriptor are refused', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(() => registry.stop());

  it('from a registry and from a layout, even when the digest matches', async () => {
    const image = buildImage({ layers: 1, layerSize: 5000, label: 'sizes' });
    const client = new RegistryClient({ http: new HttpClient() });
    const repo = client.repository(registry.host, 'sizes/app');
    await pushImage(repo, image, 'v1');
    const layout = await writeLayout(mkdtempSync(join(tmpdir(), 'gantry-sizes-')), [{ image, tag: 'v1' }]);
    const layer = image.blobs[1]!.descriptor;
    for (const store of [repo, layout]) {
      expect((await buffer(await store.openBlob(layer))).byteLength).toBe(layer.size);
      for (const size of [layer.size - 1, layer.size + 1, 0]) {
        const stream = await store.openBlob({ ...layer, size });
        await expect(buffer(stream), `${store.display} size ${size}`).rejects.toThrow(DigestMismatchError);
      }
    }
  });

  it('a blob that keeps coming is cut off once it is longer than its descriptor', async () => {
    const descriptor = { mediaType: MediaType.OciLayer, digest: sha256('ten bytes!'), size: 10 };
    const { server, host } = await startScriptedRegistry({
      [`/v2/app/blobs/${descriptor.digest}`]: { body: 'endless' },
    });
    try {
      const repo = new RegistryClient({ http: new HttpClient({ retries: 0 }) }).repository(host, 'app');
      await expect(buffer(await repo.openBlob(descriptor))).rejects.toThrow(
        /more than the expected 10 bytes/,
      );
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a layout refuses to store a blob whose stream is longer or shorter than its descriptor', async () => {
    const layout = LayoutRepository.open(mkdtempSync(join(tmpdir(), 'gantry-sizes-push-')), { create: true });
    const bytes = encoder.encode('exactly these bytes');
    const { Readable } = await import('node:stream');
    for (const size of [bytes.byteLength - 1, bytes.byteLength + 1]) {
      const descriptor = { mediaType: MediaType.OciLayer, digest: sha256(bytes), size };
      await expect(layout.pushBlob(descriptor, Readable.from([bytes]))).rejects.toThrow(DigestMismatchError);
      expect(await layout.hasBlob(descriptor.digest)).toBe(false);
    }
  });
});

describe('digests are whole: nothing before or after the hex', () => {
  const traversal = `sha256:${HEX}/../../../../outside`;
  it.each([
    [`sha256:${HEX}`, true],
    [`sha512:${'cd'.repeat(64)}`, true],
    [traversal, false],
    [`x-sha256:${HEX}`, false],
    [`sha256:${HEX}\n`, false],
    [`sha256:${HEX}0`, false],
    [`sha512:${HEX}`, false],
    [`sha256:${'cd'.repeat(64)}`, false],
    [`sha256:${HEX.toUpperCase()}`, false],
  ])('isDigest(%j) is %s', (value, expected) => {
    expect(isDigest(value)).toBe(expected);
  });

  it('a layout never reads or reports a path outside itself for a digest with a path after it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gantry-traversal-'));
    const dir = join(root, 'a', 'b', 'layout');
    const layout = LayoutRepository.open(dir, { create: true });
    // Where blobs/sha256/<hex>/../../../../outside would land.
    const outside = join(dir, 'blobs', 'sha256', HEX, '..', '..', '..', '..', 'outside');
    mkdirSync(dirname(outside), { recursive: true });
    writeFileSync(outside, 'secret outside the layout');
    expect(existsSync(outside)).toBe(true);
    await expect(layout.hasBlob(traversal)).rejects.toThrow(LayoutError);
    await expect(layout.openBlob({ mediaType: 'x', digest: traversal, size: 25 })).rejects.toThrow(
      LayoutError,
    );
    await expect(layout.getManifest(traversal)).rejects.toThrow();
    await expect(layout.resolve(traversal)).resolves.toBeUndefined();
  });

  it('references with a digest that has a path after it are refused', () => {
    expect(() => parseReference(`ghcr.io/acme/app@${traversal}`)).toThrow(InvalidReferenceError);
    expect(() => parseReference(`oci-layout:/tmp/x@${traversal}`)).toThrow(InvalidReferenceError);
  });
});

describe('registry hosts', () => {
  it.each([
    '127.0.0.1.nip.io',
    '127.0.0.1.nip.io:5000',
    'x127.0.0.1',
    'localhost.example.com',
    '127.0.0.1a',
    '::1.evil.io',
  ])('%s is not loopback, so it is spoken to over HTTPS', (host) => {
    expect(isLoopback(host)).toBe(false);
    expect(new RegistryClient({ http: new HttpClient() }).baseUrl(host)).toBe(`https://${host}`);
  });

  it.each(['127.0.0.1', '127.8.9.10:5000', 'localhost:5000', '[::1]:5000'])(
    '%s is loopback, spoken to over plain HTTP',
    (host) => {
      expect(new RegistryClient({ http: new HttpClient() }).baseUrl(host)).toBe(`http://${host}`);
    },
  );

  it.each([
    ['bad_host.io:99999999/app', 'bad_host.io:99999999'],
    ['bad_host.io/app', 'bad_host.io'],
    ['host.io:99999999/app', 'host.io:99999999'],
    ['host.io:65536/app', 'host.io:65536'],
    ['-host.io/app', '-host.io'],
    ['host..io/app', 'host..io'],
    ['host.io:/app', 'host.io:'],
  ])('%s is refused: %s is not a registry host', (text, host) => {
    expect(() => parseReference(text)).toThrow(`'${host}' is not a valid registry host`);
    expect(() => configFrom({ source: `${text}:1`, destinations: 'ghcr.io/acme/app:1' })).toThrow(
      /Input 'source'/,
    );
  });

  it('the highest port is a host', () => {
    expect(parseReference('host.io:65535/app')).toMatchObject({ registry: 'host.io:65535' });
  });
});
