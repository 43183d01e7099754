import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/net/index.js';
import {
  type Credentials,
  DigestMismatchError,
  dockerConfigCredentials,
  MediaType,
  RegistryAuthError,
  RegistryClient,
  RegistryError,
  sha256,
} from '../../src/oci/index.js';
import {
  ArtifactType,
  buildCosignSignature,
  buildImage,
  buildReferrer,
  pushImage,
} from '../support/oci-images.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

const http = () => new HttpClient({ retries: 1, backoffBaseMs: 1, backoffMaxMs: 5 });
const client = (credentials?: Credentials, secrets?: string[]) =>
  new RegistryClient({ http: http(), credentials: () => credentials, onSecret: (s) => secrets?.push(s) });

/** What the registry itself serves, read without Gantry's client. */
async function rawManifest(registry: TestRegistry, repo: string, ref: string, accept: string, auth?: string) {
  const response = await fetch(`${registry.url}/v2/${repo}/manifests/${ref}`, {
    headers: { accept, ...(auth ? { authorization: auth } : {}) },
  });
  return {
    status: response.status,
    bytes: new Uint8Array(await response.arrayBuffer()),
    digest: response.headers.get('docker-content-digest'),
  };
}

describe('RegistryClient against registry 2.8 (anonymous)', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(() => registry.stop());

  it('keeps a multi-platform OCI index and a Docker manifest list byte for byte', async () => {
    for (const format of ['oci', 'docker'] as const) {
      const image = buildImage({
        format,
        platforms: [
          { os: 'linux', architecture: 'amd64' },
          { os: 'linux', architecture: 'arm64', variant: 'v8' },
        ],
      });
      const repo = client().repository(registry.host, `bytes/${format}`);
      const pushed = await pushImage(repo, image, 'v1');
      expect(pushed.digest).toBe(image.top.descriptor.digest);
      const resolved = await repo.resolve('v1');
      expect(resolved).toEqual(image.top.descriptor);
      const fetched = await repo.getManifest('v1');
      expect(Buffer.from(fetched.bytes).equals(Buffer.from(image.top.bytes))).toBe(true);
      expect(fetched.descriptor.mediaType).toBe(format === 'oci' ? MediaType.OciIndex : MediaType.DockerList);
      // The registry holds exactly those bytes.
      const raw = await rawManifest(registry, `bytes/${format}`, 'v1', fetched.descriptor.mediaType);
      expect(raw.digest).toBe(image.top.descriptor.digest);
      expect(Buffer.from(raw.bytes).equals(Buffer.from(image.top.bytes))).toBe(true);
      for (const child of image.children)
        expect((await repo.getManifest(child.descriptor.digest)).descriptor.digest).toBe(
          child.descriptor.digest,
        );
    }
  });

  it('sends all four Accept types: with only the Docker v2 type the registry would hand out one platform', async () => {
    const image = buildImage({
      format: 'docker',
      platforms: [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 'arm64' },
      ],
    });
    const repo = client().repository(registry.host, 'accept/list');
    await pushImage(repo, image, 'multi');
    const narrow = await rawManifest(registry, 'accept/list', 'multi', MediaType.DockerManifest);
    expect(narrow.digest).toBe(image.children[0]!.descriptor.digest);
    expect((await repo.resolve('multi'))!.digest).toBe(image.top.descriptor.digest);
  });

  it('streams blobs with digest verification, and fails when the stored content was altered', async () => {
    const image = buildImage({ layers: 1, layerSize: 300_000, label: 'corrupt' });
    const repo = client().repository(registry.host, 'blobs/verify');
    await pushImage(repo, image, 'v1');
    const layer = image.blobs[1]!;
    const body = await buffer(await repo.openBlob(layer.descriptor));
    expect(body.equals(Buffer.from(layer.bytes))).toBe(true);

    const hex = layer.descriptor.digest.slice(7);
    const data = join(registry.dir, 'data/docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex, 'data');
    const altered = Buffer.from(layer.bytes);
    altered[altered.length - 1] = altered.at(-1)! ^ 0xff;
    writeFileSync(data, altered);
    const stream = await repo.openBlob(layer.descriptor);
    await expect(buffer(stream)).rejects.toThrow(DigestMismatchError);
  });

  it('uploads in PATCH chunks, and refuses a manifest whose digest is not the one asked for', async () => {
    const repo = client().repository(registry.host, 'blobs/chunked');
    const bytes = new Uint8Array(2_500_000).map((_, i) => (i * 7) % 251);
    const descriptor = { mediaType: MediaType.OciLayer, digest: sha256(bytes), size: bytes.byteLength };
    await repo.pushBlob(descriptor, Readable.from([bytes]), { chunkSize: 1_000_000 });
    expect(await repo.hasBlob(descriptor.digest)).toBe(true);
    const back = await buffer(await repo.openBlob(descriptor));
    expect(back.equals(Buffer.from(bytes))).toBe(true);

    const wrong = { ...descriptor, digest: sha256('something else') };
    await expect(repo.pushBlob(wrong, Readable.from([bytes]))).rejects.toThrow(RegistryError);
    const image = buildImage({ label: 'mismatch' });
    await expect(
      repo.putManifest(image.top.bytes, image.top.descriptor.mediaType, sha256('x')),
    ).rejects.toThrow(DigestMismatchError);
  });

  it('mounts blobs across repositories without moving bytes', async () => {
    const image = buildImage({ layers: 2, label: 'mount' });
    const c = client();
    const source = c.repository(registry.host, 'mount/source');
    await pushImage(source, image, 'v1');
    const target = c.repository(registry.host, 'mount/target');
    for (const blob of image.blobs) {
      expect(await target.hasBlob(blob.descriptor.digest)).toBe(false);
      expect(await target.mountBlob(blob.descriptor, source)).toBe(true);
      expect(await target.hasBlob(blob.descriptor.digest)).toBe(true);
    }
    const missing = { mediaType: MediaType.OciLayer, digest: sha256('never pushed'), size: 12 };
    expect(await target.mountBlob(missing, source)).toBe(false);
  });

  it('lists referrers through the referrers tag schema (registry 2.8 has no referrers API) and finds cosign tags', async () => {
    const image = buildImage({ label: 'referred' });
    const c = client();
    const repo = c.repository(registry.host, 'refs/app');
    const subject = await pushImage(repo, image, 'v1');
    const sbom = buildReferrer(subject, ArtifactType.Spdx, { spdxVersion: 'SPDX-2.3' });
    const vex = buildReferrer(subject, ArtifactType.CycloneDx, { bomFormat: 'CycloneDX' });
    await pushImage(repo, sbom);
    await pushImage(repo, vex);
    await pushImage(repo, sbom); // idempotent: listed once
    const all = await repo.referrers(subject.digest);
    expect(all.map((d) => d.digest).sort()).toEqual(
      [sbom.top.descriptor.digest, vex.top.descriptor.digest].sort(),
    );
    expect(await repo.referrers(subject.digest, ArtifactType.Spdx)).toEqual([
      expect.objectContaining({ digest: sbom.top.descriptor.digest, artifactType: ArtifactType.Spdx }),
    ]);
    expect(await repo.tags()).toContain(`sha256-${subject.digest.slice(7)}`);

    const signature = buildCosignSignature(subject, `${registry.host}/refs/app`);
    await pushImage(repo, signature.image, signature.tag);
    expect(await repo.cosignTags(subject.digest)).toEqual([
      { tag: signature.tag, descriptor: signature.image.top.descriptor },
    ]);
  });

  it('deletes a manifest by digest', async () => {
    const image = buildImage({ label: 'delete' });
    const repo = client().repository(registry.host, 'del/app');
    const pushed = await pushImage(repo, image, 'v1');
    await repo.deleteManifest(pushed.digest);
    expect(await repo.resolve(pushed.digest)).toBeUndefined();
    await expect(repo.getManifest(pushed.digest)).rejects.toMatchObject({ status: 404 });
  });

  it('lists tags (none for a repository that does not exist)', async () => {
    const repo = client().repository(registry.host, 'tags/app');
    expect(await repo.tags()).toEqual([]);
    const image = buildImage({ label: 'tags' });
    for (const tag of ['b', 'a', 'c']) await pushImage(repo, image, tag);
    expect((await repo.tags()).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('tags/list pagination', () => {
  it('follows Link rel="next" until the last page', async () => {
    // Registry 2.8 never paginates; this server answers the way the distribution spec describes.
    const pages: Record<string, { tags: string[]; next?: string }> = {
      '': { tags: ['a', 'b'], next: '/v2/app/tags/list?n=2&last=b' },
      b: { tags: ['c', 'd'], next: '/v2/app/tags/list?n=2&last=d' },
      d: { tags: ['e'] },
    };
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/v2/') return res.writeHead(200).end('{}');
      const page = pages[url.searchParams.get('last') ?? '']!;
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(page.next ? { link: `<${page.next}>; rel="next"` } : {}),
      });
      res.end(JSON.stringify({ name: 'app', tags: page.tags }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const repo = client().repository(`127.0.0.1:${(server.address() as AddressInfo).port}`, 'app');
      expect(await repo.tags()).toEqual(['a', 'b', 'c', 'd', 'e']);
    } finally {
      server.close();
    }
  });

  it('a listing that breaks off on a later page throws; a 404 on the first page is an empty repository', async () => {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/v2/') return res.writeHead(200).end('{}');
      if (url.pathname === '/v2/none/tags/list') return res.writeHead(404).end('{}');
      if (url.searchParams.get('last')) return res.writeHead(404).end('{}');
      res.writeHead(200, {
        'content-type': 'application/json',
        link: '</v2/app/tags/list?n=2&last=b>; rel="next"',
      });
      res.end(JSON.stringify({ name: 'app', tags: ['a', 'b'] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
      await expect(client().repository(host, 'app').tags()).rejects.toThrow(
        /broke off after 2 tags on page 2/,
      );
      expect(await client().repository(host, 'none').tags()).toEqual([]);
    } finally {
      server.close();
    }
  });
});

describe('RegistryClient auth', () => {
  let basic: TestRegistry;
  let token: TestRegistry;
  beforeAll(async () => {
    [basic, token] = await Promise.all([
      startRegistry({ kind: 'htpasswd', users: { alice: 'alice-secret-pw' } }),
      startRegistry({
        kind: 'token',
        users: { alice: 'alice-token-pw', reader: 'reader-pw' },
        grant: (user, _repo, actions) =>
          user === 'alice' ? actions : user === 'reader' ? actions.filter((a) => a === 'pull') : [],
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([basic.stop(), token.stop()]);
  });

  it('pushes and pulls with basic auth (htpasswd, bcrypt) and hands every secret to onSecret', async () => {
    const secrets: string[] = [];
    const repo = client({ username: 'alice', password: 'alice-secret-pw' }, secrets).repository(
      basic.host,
      'team/app',
    );
    const image = buildImage({ label: 'basic' });
    await pushImage(repo, image, 'v1');
    expect((await repo.resolve('v1'))!.digest).toBe(image.top.descriptor.digest);
    expect(secrets).toContain('alice-secret-pw');
    expect(secrets).toContain(Buffer.from('alice:alice-secret-pw').toString('base64'));
  });

  it('names the registry and user that refused, never the password', async () => {
    const wrong = client({ username: 'alice', password: 'wrong-password-123' }).repository(
      basic.host,
      'team/app',
    );
    const error = await wrong.resolve('v1').catch((e) => e);
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect(error.message).toContain(basic.host);
    expect(error.message).toContain("'alice'");
    expect(error.message).not.toContain('wrong-password-123');
    const anonymous = await client()
      .repository(basic.host, 'team/app')
      .resolve('v1')
      .catch((e) => e);
    expect(anonymous).toBeInstanceOf(RegistryAuthError);
    expect(anonymous.message).toContain(`Registry ${basic.host} requires credentials`);
  });

  it('runs the bearer token flow with pull,push scopes and the mount source scope', async () => {
    const secrets: string[] = [];
    const c = client({ username: 'alice', password: 'alice-token-pw' }, secrets);
    const source = c.repository(token.host, 'team/source');
    const image = buildImage({ label: 'token' });
    await pushImage(source, image, 'v1');
    const target = c.repository(token.host, 'team/target');
    token.issuer!.requests.length = 0;
    expect(await target.mountBlob(image.blobs[0]!.descriptor, source)).toBe(true);
    expect(token.issuer!.requests).toContainEqual({
      user: 'alice',
      scopes: ['repository:team/source:pull', 'repository:team/target:pull,push'],
    });
    expect((await source.getManifest('v1')).descriptor.digest).toBe(image.top.descriptor.digest);
    expect(secrets.some((s) => s.split('.').length === 3)).toBe(true); // the JWT itself is masked
  });

  it('reports a token service that refuses the password, and a user without push rights', async () => {
    const wrong = await client({ username: 'alice', password: 'nope-not-it' })
      .repository(token.host, 'team/source')
      .resolve('v1')
      .catch((e) => e);
    expect(wrong).toBeInstanceOf(RegistryAuthError);
    expect(wrong.message).toContain(`Registry ${token.host} refused the credentials of user 'alice'`);
    expect(wrong.message).not.toContain('nope-not-it');

    const reader = client({ username: 'reader', password: 'reader-pw' }).repository(
      token.host,
      'team/readonly',
    );
    const image = buildImage({ label: 'reader' });
    const denied = await pushImage(reader, image, 'v1').catch((e) => e);
    expect(denied).toBeInstanceOf(RegistryAuthError);
    // registry 2.8 lists the actions of the scope in either order
    expect(denied.message).toMatch(
      new RegExp(
        `Registry ${token.host} denied user 'reader' the access repository:team/readonly:(pull,push|push,pull)`,
      ),
    );
    expect(denied.message).toContain('Grant that user push rights');
    // A delete (retention, layer-cache prune) needs the delete right, and the message says so.
    const refusedDelete = await reader.deleteManifest(image.top.descriptor.digest).catch((e) => e);
    expect(refusedDelete).toBeInstanceOf(RegistryAuthError);
    expect(refusedDelete.message).toMatch(/DELETE .*Grant that user delete rights/);
  });

  it('reads credentials from the Docker config file: auths and credHelpers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-docker-config-'));
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        auths: { [basic.host]: { auth: Buffer.from('alice:alice-secret-pw').toString('base64') } },
        credHelpers: { [token.host]: 'gantrytest' },
      }),
    );
    const bin = join(dir, 'bin');
    execFileSync('mkdir', ['-p', bin]);
    const helper = join(bin, 'docker-credential-gantrytest');
    writeFileSync(
      helper,
      `#!/bin/sh\nread server\n[ "$server" = "${token.host}" ] && echo '{"ServerURL":"'$server'","Username":"alice","Secret":"alice-token-pw"}' && exit 0\nexit 1\n`,
    );
    chmodSync(helper, 0o755);
    const oldPath = process.env.PATH;
    process.env.PATH = `${bin}:${oldPath}`;
    try {
      const credentials = dockerConfigCredentials({ DOCKER_CONFIG: dir });
      expect(credentials(basic.host)).toEqual({ username: 'alice', password: 'alice-secret-pw' });
      expect(credentials(token.host)).toEqual({ username: 'alice', password: 'alice-token-pw' });
      expect(credentials('other.example.com')).toBeUndefined();
      const c = new RegistryClient({ http: http(), credentials });
      await pushImage(c.repository(basic.host, 'cfg/app'), buildImage({ label: 'cfg' }), 'v1');
      await pushImage(c.repository(token.host, 'cfg/app'), buildImage({ label: 'cfg' }), 'v1');
      expect(await c.repository(token.host, 'cfg/app').tags()).toEqual(['v1']);
    } finally {
      process.env.PATH = oldPath;
    }
    expect(readdirSync(dir)).toContain('config.json');
  });
});
