/**
 * A local server speaking the Actions cache service protocol that @actions/cache uses when
 * ACTIONS_CACHE_URL is set (the "v1" artifactcache API, still served by GitHub Enterprise Server),
 * so the `history: cache` store runs through the real @actions/cache inside the bundle:
 *   GET   _apis/artifactcache/cache?keys=k1,k2&version=V  -> 200 entry | 204 no hit
 *   POST  _apis/artifactcache/caches {key, version, cacheSize} -> 201 {cacheId} | 409 already exists
 *   PATCH _apis/artifactcache/caches/{id} (Content-Range: bytes a-b/*) -> 204
 *   POST  _apis/artifactcache/caches/{id} {size} -> 204 (commit; size must match what was uploaded)
 *   GET   archiveLocation -> the archive bytes
 * Matching as GitHub documents it: the key exactly, then keys with the key as prefix, then each
 * restore key as a prefix, newest first; entries are immutable. Branch scoping is not modelled.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Entry {
  id: number;
  key: string;
  version: string;
  created: number;
  chunks: { start: number; data: Buffer }[];
  archive?: Buffer;
}

export interface CacheService {
  /** ACTIONS_CACHE_URL (with the trailing slash the toolkit expects). */
  url: string;
  token: string;
  committedKeys(): string[];
  close(): Promise<void>;
}

export async function startCacheService(token = 'runtime-token'): Promise<CacheService> {
  const entries: Entry[] = [];
  let base = '';
  let sequence = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const json = (status: number, value?: unknown) => {
      res.writeHead(status, value === undefined ? {} : { 'content-type': 'application/json' });
      res.end(value === undefined ? undefined : JSON.stringify(value));
    };
    const archive = /^\/archives\/(\d+)$/.exec(url.pathname);
    if (archive && req.method === 'GET') {
      const entry = entries.find((e) => e.id === Number(archive[1]) && e.archive);
      if (!entry) return json(404);
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(entry.archive!.length),
      });
      return res.end(entry.archive);
    }
    if (req.headers.authorization !== `Bearer ${token}`) return json(401, { message: 'Unauthorized' });
    if (!String(req.headers.accept ?? '').includes('api-version=6.0-preview'))
      return json(400, { message: 'api-version missing' });
    const api = url.pathname.replace(/^\/_apis\/artifactcache\//, '');
    if (req.method === 'GET' && api === 'cache') {
      // The toolkit encodes the joined keys once more than the query needs; the service decodes both.
      const keys = decodeURIComponent(url.searchParams.get('keys') ?? '').split(',');
      const version = url.searchParams.get('version') ?? '';
      const committed = entries
        .filter((e) => e.archive && e.version === version)
        .sort((a, b) => b.created - a.created);
      const [primary, ...restore] = keys;
      const hit =
        committed.find((e) => e.key === primary) ??
        committed.find((e) => e.key.startsWith(primary!)) ??
        restore.map((prefix) => committed.find((e) => e.key.startsWith(prefix))).find((e) => e !== undefined);
      if (!hit) return json(204);
      return json(200, {
        cacheKey: hit.key,
        scope: 'refs/heads/main',
        cacheVersion: hit.version,
        creationTime: new Date(hit.created).toISOString(),
        archiveLocation: `${base}/archives/${hit.id}`,
      });
    }
    if (req.method === 'POST' && api === 'caches') {
      const request = JSON.parse(body.toString()) as { key: string; version: string };
      if (entries.some((e) => e.key === request.key && e.version === request.version)) {
        return json(409, {
          $id: '1',
          innerException: null,
          message: `Cache already exists. Scope: refs/heads/main, Key: ${request.key}, Version: ${request.version}`,
          typeName:
            'Microsoft.Azure.DevOps.PipelineCache.WebApi.ArtifactCacheAlreadyExistsException, Microsoft.Azure.DevOps.PipelineCache.WebApi',
          typeKey: 'ArtifactCacheAlreadyExistsException',
          errorCode: 0,
          eventId: 3000,
        });
      }
      const entry: Entry = {
        id: entries.length + 1,
        key: request.key,
        version: request.version,
        created: ++sequence,
        chunks: [],
      };
      entries.push(entry);
      return json(201, { cacheId: entry.id });
    }
    const byId = /^caches\/(\d+)$/.exec(api);
    const entry = byId ? entries.find((e) => e.id === Number(byId[1])) : undefined;
    if (byId && !entry) return json(404, { message: 'Cache not found' });
    if (entry && req.method === 'PATCH') {
      const range = /^bytes (\d+)-(\d+)\/\*$/.exec(String(req.headers['content-range'] ?? ''));
      if (!range || Number(range[2]) - Number(range[1]) + 1 !== body.length)
        return json(400, { message: 'Bad Content-Range' });
      entry.chunks.push({ start: Number(range[1]), data: body });
      return json(204);
    }
    if (entry && req.method === 'POST') {
      const { size } = JSON.parse(body.toString()) as { size: number };
      const archiveBytes = Buffer.concat(entry.chunks.sort((a, b) => a.start - b.start).map((c) => c.data));
      if (archiveBytes.length !== size)
        return json(400, { message: `Size mismatch: uploaded ${archiveBytes.length}, committed ${size}` });
      entry.archive = archiveBytes;
      return json(204);
    }
    return json(404, { message: 'Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/`,
    token,
    committedKeys: () =>
      entries
        .filter((e) => e.archive)
        .sort((a, b) => a.created - b.created)
        .map((e) => e.key),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
