import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/net/index.js';
import { type Descriptor, MediaType, RegistryClient, sha256 } from '../../src/oci/index.js';
import { ArtifactType, buildImage, buildReferrer, pushImage } from '../support/oci-images.js';

/**
 * Registry 2.8 has no referrers API, so this server implements the part of OCI distribution v1.1
 * that the API concerns (manifests with `subject` answered with `OCI-Subject`, and
 * GET /v2/<name>/referrers/<digest>[?artifactType=]), with blobs accepted as a registry does.
 */
function referrersRegistry(): Server {
  const manifests = new Map<string, { type: string; bytes: Buffer }>();
  const blobs = new Set<string>();
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://registry');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (url.pathname === '/v2/') return res.writeHead(200).end('{}');
      const referrers = /^\/v2\/(.+)\/referrers\/(sha256:[a-f0-9]{64})$/.exec(url.pathname);
      if (referrers) {
        const type = url.searchParams.get('artifactType');
        const found: Descriptor[] = [];
        for (const [digest, stored] of manifests) {
          const json = JSON.parse(stored.bytes.toString());
          if (json.subject?.digest !== referrers[2]) continue;
          const artifactType = json.artifactType ?? json.config?.mediaType;
          if (type && artifactType !== type) continue;
          found.push({
            mediaType: stored.type,
            digest,
            size: stored.bytes.length,
            artifactType,
            annotations: json.annotations,
          });
        }
        res.writeHead(200, {
          'content-type': MediaType.OciIndex,
          ...(type ? { 'oci-filters-applied': 'artifactType' } : {}),
        });
        return res.end(JSON.stringify({ schemaVersion: 2, mediaType: MediaType.OciIndex, manifests: found }));
      }
      const manifest = /^\/v2\/(.+)\/manifests\/(.+)$/.exec(url.pathname);
      if (manifest) {
        if (req.method === 'PUT') {
          const digest = sha256(body);
          manifests.set(digest, { type: req.headers['content-type']!, bytes: body });
          if (!manifest[2]!.startsWith('sha256:'))
            manifests.set(`tag:${manifest[2]}`, { type: req.headers['content-type']!, bytes: body });
          const subject = JSON.parse(body.toString()).subject?.digest;
          res.writeHead(201, {
            'docker-content-digest': digest,
            ...(subject ? { 'oci-subject': subject } : {}),
          });
          return res.end();
        }
        const stored = manifests.get(
          manifest[2]!.startsWith('sha256:') ? manifest[2]! : `tag:${manifest[2]}`,
        );
        if (!stored)
          return res
            .writeHead(404, { 'content-type': 'application/json' })
            .end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
        res.writeHead(200, {
          'content-type': stored.type,
          'docker-content-digest': sha256(stored.bytes),
          'content-length': stored.bytes.length,
        });
        return res.end(req.method === 'HEAD' ? undefined : stored.bytes);
      }
      const upload = /^\/v2\/(.+)\/blobs\/uploads\/(.*)$/.exec(url.pathname);
      if (upload) {
        if (req.method === 'POST')
          return res.writeHead(202, { location: `/v2/${upload[1]}/blobs/uploads/session` }).end();
        const digest = url.searchParams.get('digest')!;
        if (sha256(body) !== digest) return res.writeHead(400).end('{"errors":[{"code":"DIGEST_INVALID"}]}');
        blobs.add(digest);
        return res.writeHead(201, { 'docker-content-digest': digest }).end();
      }
      const blob = /^\/v2\/(.+)\/blobs\/(sha256:[a-f0-9]{64})$/.exec(url.pathname);
      if (blob) {
        return res.writeHead(blobs.has(blob[2]!) ? 200 : 404).end();
      }
      const tags = /^\/v2\/(.+)\/tags\/list$/.exec(url.pathname);
      if (tags) {
        const tags = [...manifests.keys()].filter((k) => k.startsWith('tag:')).map((k) => k.slice(4));
        return res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ name: tags[1], tags }));
      }
      res.writeHead(404).end();
    });
  });
}

describe('a registry with the referrers API', () => {
  let server: Server;
  let host: string;
  beforeAll(async () => {
    server = referrersRegistry();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('lists referrers through the API, filters by artifact type, and keeps no referrers tag index', async () => {
    const repo = new RegistryClient({ http: new HttpClient() }).repository(host, 'app');
    const subject = await pushImage(repo, buildImage({ label: 'api' }), 'v1');
    const sbom = buildReferrer(subject, ArtifactType.Spdx, { spdxVersion: 'SPDX-2.3' });
    const signature = buildReferrer(subject, ArtifactType.CosignSignature, { sig: 'x' });
    await pushImage(repo, sbom);
    await pushImage(repo, signature);
    expect((await repo.referrers(subject.digest)).map((d) => d.digest).sort()).toEqual(
      [sbom.top.descriptor.digest, signature.top.descriptor.digest].sort(),
    );
    expect((await repo.referrers(subject.digest, ArtifactType.Spdx)).map((d) => d.artifactType)).toEqual([
      ArtifactType.Spdx,
    ]);
    // The registry answered OCI-Subject, so the client did not maintain the sha256-<hex> tag.
    expect(await repo.tags()).toEqual(['v1']);
  });
});
