/**
 * Regressions for issue 26 (items 2-5) through the bundled action (dist/promote/index.js under the
 * runner harness): forged promotion records, tags whose PUT has an unknown outcome, two promotions
 * racing for an immutable tag, and an index with thousands of children.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestTag, forEachLimit, MediaType, type OciRepository, sha256 } from '../../src/oci/index.js';
import { PROMOTION_ARTIFACT_TYPE } from '../../src/promote/constants.js';
import { readRecords } from '../../src/promote/records.js';
import { runAction } from '../harness/index.js';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import {
  ArtifactType,
  type BuiltImage,
  buildImage,
  buildReferrer,
  pushImage,
} from '../support/oci-images.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { testClient } from './support.js';

const warnings = (run: Awaited<ReturnType<typeof runAction>>) =>
  run.main.annotations.filter((a) => a.command === 'warning').map((a) => a.value);

/** A promotion record as promote writes it, with whatever a forger chose to say. */
function forgedRecord(subject: BuiltImage, repository: string, previous: string, actor: string): BuiltImage {
  return buildReferrer(subject.top.descriptor, PROMOTION_ARTIFACT_TYPE, {
    kind: 'promotion',
    source: 'somewhere',
    digest: subject.top.descriptor.digest,
    mediaType: subject.top.descriptor.mediaType,
    destinations: [
      { reference: `${repository}:live`, repository, tag: 'live', role: 'destination', previous },
    ],
    checks: [],
    repository: 'acme/service',
    commit: '',
    workflowRun: '',
    actor,
    time: '2099-01-01T00:00:00.000Z',
  });
}

describe('promote hardening (issue 26) through the bundled action', () => {
  let registry: TestRegistry;
  let proxy: FaultProxy;
  const client = testClient();
  const repo = (name: string): OciRepository => client.repository(registry.host, name);
  const digestAt = async (name: string, tag: string) => (await repo(name).resolve(tag))?.digest ?? null;

  beforeAll(async () => {
    registry = await startRegistry();
    proxy = await startFaultProxy(registry.url);
  });
  afterAll(async () => {
    await proxy.stop();
    await registry.stop();
  });

  it('a forged promotion record labelled as an SBOM in the source is not copied, and rollback follows the destination history', async () => {
    const old = buildImage({ label: 'trust-old' });
    const image = buildImage({ label: 'trust-new' });
    const evil = buildImage({ label: 'trust-evil' });
    const prodName = `${registry.host}/trust/prod`;
    await pushImage(repo('trust/prod'), old, 'live');
    await pushImage(repo('trust/prod'), evil, 'canary');
    await pushImage(repo('trust/staging'), image, 'rc1');
    const forged = forgedRecord(image, prodName, evil.top.descriptor.digest, 'mallory');
    await pushImage(repo('trust/staging'), forged);
    // The source's referrers index (tag schema) calls the record an SBOM.
    const index = new TextEncoder().encode(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.OciIndex,
        manifests: [{ ...forged.top.descriptor, artifactType: ArtifactType.Spdx }],
      }),
    );
    await repo('trust/staging').putManifest(
      index,
      MediaType.OciIndex,
      digestTag(image.top.descriptor.digest),
    );

    const promoted = await runAction({
      action: 'promote',
      inputs: {
        source: `${registry.host}/trust/staging:rc1`,
        destinations: `${prodName}:live`,
        immutable: 'false',
      },
    });
    expect(promoted.main.errors).toEqual([]);
    const records = await readRecords(repo('trust/prod'), image.top.descriptor.digest);
    expect(records.map((r) => r.actor)).toEqual(['octocat']);
    expect(await repo('trust/prod').resolve(forged.top.descriptor.digest)).toBeUndefined();

    // A record forged straight into the destination, dated in the future, is refused with its reason.
    await pushImage(
      repo('trust/prod'),
      forgedRecord(image, prodName, evil.top.descriptor.digest, 'mallory2'),
    );
    const back = await runAction({
      action: 'promote',
      inputs: { rollback: 'true', destinations: `${prodName}:live` },
    });
    expect(back.main.errors).toEqual([]);
    expect(back.main.outputs.digest).toBe(old.top.descriptor.digest);
    expect(await digestAt('trust/prod', 'live')).toBe(old.top.descriptor.digest);
    expect(warnings(promoted).join('\n')).toContain(
      `listed as ${ArtifactType.Spdx} but is a promotion record; promotion records are never copied`,
    );
    expect(warnings(back).join('\n')).toContain(
      'is not trusted: it is dated 2099-01-01T00:00:00.000Z, in the future',
    );
  });

  it('a referrer the index labels as an SBOM but that declares another type does not satisfy require: sbom', async () => {
    const image = buildImage({ label: 'label-image' });
    await pushImage(repo('label/staging'), image, 'rc1');
    const other = buildReferrer(image.top.descriptor, 'application/vnd.example.notes+json', { notes: 'hi' });
    await pushImage(repo('label/staging'), other);
    const index = new TextEncoder().encode(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.OciIndex,
        manifests: [{ ...other.top.descriptor, artifactType: ArtifactType.Spdx }],
      }),
    );
    await repo('label/staging').putManifest(
      index,
      MediaType.OciIndex,
      digestTag(image.top.descriptor.digest),
    );
    const run = await runAction({
      action: 'promote',
      inputs: {
        source: `${registry.host}/label/staging:rc1`,
        destinations: `${registry.host}/label/prod:1`,
        require: 'sbom',
      },
    });
    expect(run.main.exitCode).toBe(1);
    expect(run.main.errors[0]).toContain("Input 'require'");
    expect(warnings(run).join('\n')).toContain(
      `listed as ${ArtifactType.Spdx} but declares application/vnd.example.notes+json`,
    );
    expect(await digestAt('label/prod', '1')).toBeNull();
  });

  describe('a tag whose PUT was stored but answered with an error is put back, and every tag is reported', () => {
    const cases = [
      { name: 'a destination tag', fails: 'live2' },
      { name: 'the stable tag', fails: 'stable' },
    ];
    it.each(cases)('$name', async ({ fails }) => {
      const name = `unknown-${fails}/app`;
      const old = buildImage({ label: `unknown-old-${fails}` });
      const image = buildImage({ label: `unknown-new-${fails}` });
      for (const tag of ['live', 'live2', 'stable']) await pushImage(repo(name), old, tag);
      await pushImage(repo('unknown/staging'), image, fails);
      proxy.rules = [
        {
          method: 'PUT',
          path: new RegExp(`/${name}/manifests/${fails}$`),
          fault: { kind: 'forward-then-status', status: 500 },
        },
      ];
      proxy.injected = {};
      const run = await runAction({
        action: 'promote',
        inputs: {
          source: `${proxy.host}/unknown/staging:${fails}`,
          destinations: `${proxy.host}/${name}:live\n${proxy.host}/${name}:live2`,
          immutable: 'false',
          'stable-tag': 'stable',
        },
      });
      proxy.rules = [];
      expect(proxy.injected['forwarded-500']).toBeGreaterThan(0);
      expect(run.main.exitCode).toBe(1);
      for (const tag of ['live', 'live2', 'stable'])
        expect(await digestAt(name, tag)).toBe(old.top.descriptor.digest);
      const [error] = run.main.errors;
      expect(error).toContain('Tags now:');
      for (const tag of ['live', 'live2', 'stable'])
        expect(error).toContain(`${proxy.host}/${name}:${tag} holds ${old.top.descriptor.digest}`);
      expect(error).toContain(
        `${proxy.host}/${name}:${fails} holds ${old.top.descriptor.digest} (put back to`,
      );
      expect(run.main.summary).toContain('Promotion failed: what each tag holds now');
    });
  });

  it('an immutable tag another promotion wrote between this one’s write and its read-back fails, and is left to the other', async () => {
    const mine = buildImage({ label: 'race-mine' });
    const theirs = buildImage({ label: 'race-theirs' });
    await pushImage(repo('race/staging'), mine, 'rc');
    proxy.rules = [
      {
        method: 'PUT',
        path: /\/race\/prod\/manifests\/release$/,
        times: 1,
        // The other promotion's PUT lands right after this one's.
        fault: {
          kind: 'forward-then',
          meanwhile: async () => void (await pushImage(repo('race/prod'), theirs, 'release')),
        },
      },
    ];
    const run = await runAction({
      action: 'promote',
      inputs: { source: `${proxy.host}/race/staging:rc`, destinations: `${proxy.host}/race/prod:release` },
    });
    proxy.rules = [];
    expect(run.main.exitCode).toBe(1);
    expect(run.main.errors[0]).toContain(
      `points at ${theirs.top.descriptor.digest} after this promotion wrote ${mine.top.descriptor.digest}: another promotion wrote it meanwhile`,
    );
    expect(run.main.errors[0]).toContain('written by someone else meanwhile; left alone');
    expect(run.main.outputs.promoted).toBeUndefined();
    expect(await digestAt('race/prod', 'release')).toBe(theirs.top.descriptor.digest);
  });

  it('an immutable tag another promotion took while this one copied content is not overwritten', async () => {
    const mine = buildImage({ label: 'race2-mine' });
    const theirs = buildImage({ label: 'race2-theirs' });
    await pushImage(repo('race2/staging'), mine, 'rc');
    proxy.rules = [
      {
        method: 'PUT',
        path: /\/race2\/prod\/manifests\/sha256:/,
        times: 1,
        // While this promotion puts its manifests by digest, the other one moves the tag.
        fault: {
          kind: 'forward-then',
          meanwhile: async () => void (await pushImage(repo('race2/prod'), theirs, 'release')),
        },
      },
    ];
    const run = await runAction({
      action: 'promote',
      inputs: { source: `${proxy.host}/race2/staging:rc`, destinations: `${proxy.host}/race2/prod:release` },
    });
    proxy.rules = [];
    expect(await digestAt('race2/prod', 'release')).toBe(theirs.top.descriptor.digest);
    expect(run.main.exitCode).toBe(1);
    expect(run.main.errors[0]).toContain(
      `now points at ${theirs.top.descriptor.digest}, not the absent tag it was when this promotion began`,
    );
  });

  it('promoting an index of 300 children with concurrency 6 writes them within a few connections too (6, plus the record, the referrers lookups and the tags alongside)', async () => {
    const config = buildImage({ label: 'wide' }).blobs[0]!;
    const children = Array.from({ length: 300 }, (_, i) => {
      const bytes = new TextEncoder().encode(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: MediaType.OciManifest,
          config: config.descriptor,
          layers: [],
          annotations: { n: String(i) },
        }),
      );
      return {
        bytes,
        descriptor: { mediaType: MediaType.OciManifest, digest: sha256(bytes), size: bytes.byteLength },
      };
    });
    const index = new TextEncoder().encode(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.OciIndex,
        manifests: children.map((c, i) => ({
          ...c.descriptor,
          platform: { os: 'linux', architecture: `a${i}` },
        })),
      }),
    );
    const wide = repo('wide/staging');
    await wide.pushBlob(config.descriptor, config.bytes);
    await forEachLimit(children, 8, async (c) => {
      await wide.putManifest(c.bytes, c.descriptor.mediaType, c.descriptor.digest);
    });
    await wide.putManifest(index, MediaType.OciIndex, 'v1');
    proxy.peakInFlight = 0;
    const run = await runAction({
      action: 'promote',
      inputs: {
        source: `${proxy.host}/wide/staging:v1`,
        destinations: `${proxy.host}/wide/prod:v1`,
        concurrency: '6',
      },
      timeoutMs: 120_000,
    });
    expect(run.main.errors).toEqual([]);
    expect(await digestAt('wide/prod', 'v1')).toBe(sha256(index));
    expect(proxy.peakInFlight).toBeLessThanOrEqual(10);
  }, 180_000);
});

/**
 * A registry that serves one index of many children and counts requests and connections open at
 * once (answers are deferred a little, so requests that may overlap do).
 */
async function startCountingRegistry(children: number) {
  const manifests = new Map<string, { bytes: Buffer; type: string }>();
  const descriptors = [];
  for (let i = 0; i < children; i++) {
    const bytes = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.OciManifest,
        config: { mediaType: MediaType.OciConfig, digest: sha256(`config ${i}`), size: 100 },
        layers: [],
      }),
    );
    manifests.set(sha256(bytes), { bytes, type: MediaType.OciManifest });
    descriptors.push({
      mediaType: MediaType.OciManifest,
      digest: sha256(bytes),
      size: bytes.byteLength,
      platform: { os: 'linux', architecture: `arch${i}` },
    });
  }
  const index = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: MediaType.OciIndex, manifests: descriptors }),
  );
  manifests.set('big', { bytes: index, type: MediaType.OciIndex });
  manifests.set(sha256(index), { bytes: index, type: MediaType.OciIndex });
  const counts = { inFlight: 0, peakInFlight: 0, open: 0, peakOpen: 0, requests: 0 };
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const found = match && match[1] === 'big/app' ? manifests.get(match[2]!) : undefined;
    if (req.url === '/v2/') return res.writeHead(200, { 'content-length': '2' }).end('{}');
    if (!found) return res.writeHead(404, { 'content-length': '0' }).end();
    res.writeHead(200, {
      'content-type': found.type,
      'content-length': String(found.bytes.byteLength),
      'docker-content-digest': sha256(found.bytes),
    });
    res.end(req.method === 'HEAD' ? undefined : found.bytes);
  };
  const server = createServer((req, res) => {
    counts.requests += 1;
    counts.inFlight += 1;
    counts.peakInFlight = Math.max(counts.peakInFlight, counts.inFlight);
    res.on('close', () => {
      counts.inFlight -= 1;
    });
    req.resume();
    setTimeout(() => answer(req, res), 2);
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    counts.open += 1;
    counts.peakOpen = Math.max(counts.peakOpen, counts.open);
    socket.on('close', () => {
      sockets.delete(socket);
      counts.open -= 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    stop: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('reading an index honours concurrency (issue 26.5)', () => {
  it('an index of 4,000 children read with concurrency 6 never has more than 6 (+2 lookups) requests or connections open at once', async () => {
    const server = await startCountingRegistry(4000);
    try {
      const run = await runAction({
        action: 'promote',
        inputs: {
          source: `${server.host}/big/app:big`,
          destinations: `${server.host}/prod/app:v1`,
          concurrency: '6',
          'dry-run': 'true',
        },
        timeoutMs: 120_000,
      });
      expect(run.main.errors).toEqual([]);
      expect(server.counts.requests).toBeGreaterThan(4000);
      // 6 manifest reads, plus the destination tag's lookup and the referrers tag-schema read that
      // go alongside them.
      expect(server.counts.peakInFlight).toBeLessThanOrEqual(8);
      expect(server.counts.peakOpen).toBeLessThanOrEqual(8);
    } finally {
      await server.stop();
    }
  }, 180_000);
});
