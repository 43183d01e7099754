// bench/retention: registry-retention planning a repository with 100,000 tags, through the bundle
// (dist/registry-retention/index.js, run as the runner runs it), against registry 2.8.
// The tags are cheap to make: 24 images pushed through the registry API (5 promoted to production
// with promote's records, one signed), then 100,000 tags written straight into the registry's
// filesystem storage (the layout 2.8 reads its tags from: _manifests/tags/<tag>/current/link and
// index/sha256/<hex>/link), each on one of the 24 manifests. Pushing 100,000 manifests through the
// API would take minutes and measure the registry, not the plan.
// Registry 2.8 does not paginate a tag listing; the fault proxy in front serves it in pages of
// 1,000 with Link headers (as GHCR and Docker Hub do), so the plan follows 100 pages.
// Printed: wall time of the step, time of the plan stage (structured log), requests the step made
// (src/net's counter), and `skopeo list-tags` on the same proxy as the floor for any tool that
// must list every tag.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runAction } from '../test/harness/index.js';
import { client, promoteAt, pushAged, sign } from '../test/retention/support.js';
import { startFaultProxy } from '../test/support/fault-proxy.js';
import { startRegistry } from '../test/support/registry.js';

const TAGS = Number(process.env.BENCH_TAGS ?? 100_000);
const IMAGES = 24;
const name = 'acme/bench';

const registry = await startRegistry();
const proxy = await startFaultProxy(registry.url, {
  rules: [{ method: 'GET', path: /\/tags\/list$/, fault: { kind: 'paginate', pageSize: 1000 } }],
});
try {
  const repo = client().repository(registry.host, name);
  const digests: string[] = [];
  for (let i = 0; i < IMAGES; i++) {
    const { descriptor } = await pushAged(repo, `bench-${i}`, IMAGES - i, `build-${i}`);
    digests.push(descriptor.digest);
    if (i % 5 === 0) await promoteAt(registry.host, name, `build-${i}`, 'production', IMAGES - i - 1);
    if (i === 3) await sign(repo, descriptor);
  }
  const started = performance.now();
  const tagsDir = join(registry.dir, 'data/docker/registry/v2/repositories', name, '_manifests/tags');
  for (let i = 0; i < TAGS; i++) {
    const digest = digests[i % IMAGES]!;
    const tag = i % 10 === 0 ? `v1.${i}` : `pr-${i}`;
    const dir = join(tagsDir, tag);
    mkdirSync(join(dir, 'current'), { recursive: true });
    writeFileSync(join(dir, 'current/link'), digest);
    mkdirSync(join(dir, 'index/sha256', digest.slice(7)), { recursive: true });
    writeFileSync(join(dir, 'index/sha256', digest.slice(7), 'link'), digest);
  }
  console.log(
    `generated ${TAGS} tags on ${IMAGES} manifests in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const ws = mkdtempSync(join(tmpdir(), 'bench-retention-'));
  writeFileSync(
    join(ws, 'retention.yml'),
    `repositories:
  - repository: ${proxy.host}/${name}
    environments:
      production: { keep-last: 3 }
    keep-tags: ['v*']
    expire-tags:
      - { pattern: 'pr-*', after: 7d }
      - { pattern: 'build-*', after: 14d }
    expire-untagged: { after: 30d }
`,
  );
  const logFile = join(ws, 'log.jsonl');
  const before = proxy.requests;
  console.log('running the step…');
  const t0 = performance.now();
  const run = await runAction({
    action: 'registry-retention',
    workspace: ws,
    env: { GANTRY_LOG_FILE: logFile },
    inputs: {
      rules: 'retention.yml',
      'plan-file': join(ws, 'plan.json'),
      concurrency: process.env.BENCH_CONCURRENCY ?? '8',
    },
    timeoutMs: Number(process.env.BENCH_TIMEOUT_MS ?? 30 * 60_000),
  });
  const wall = (performance.now() - t0) / 1000;
  console.log(`step ended (exit ${run.main.exitCode}) after ${wall.toFixed(1)} s`);
  if (run.main.exitCode !== 0)
    throw new Error(`the step failed: ${run.main.errors.join('\n')}\n${run.main.log.slice(-2000)}`);
  const lines = readFileSync(logFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const plan = lines.find((l) => l.stage === 'plan')!;
  const network = lines.find((l) => l.stage === 'network')!;
  const skopeo0 = performance.now();
  // Asynchronously: the fault proxy answering skopeo runs in this process.
  const { stdout } = await promisify(execFile)(
    'skopeo',
    ['list-tags', '--tls-verify=false', `docker://${proxy.host}/${name}`],
    { maxBuffer: 1 << 28 },
  );
  const listed = JSON.parse(stdout) as { Tags: string[] };
  const skopeoSeconds = (performance.now() - skopeo0) / 1000;
  console.log(
    `tags listed: ${plan.tags}; manifests read: ${plan.manifests}; to delete: ${plan.to_delete} (${plan.bytes} bytes)`,
  );
  console.log(
    `plan stage: ${(Number(plan.duration_ms) / 1000).toFixed(1)} s; whole step (process start to exit): ${wall.toFixed(1)} s`,
  );
  console.log(
    `requests made by the step: ${network.requests} (retries ${network.retries}); seen by the proxy: ${proxy.requests - before}`,
  );
  console.log(
    `skopeo list-tags (listing only, ${listed.Tags.length} tags): ${skopeoSeconds.toFixed(1)} s; plan/list ratio ${(Number(plan.duration_ms) / 1000 / skopeoSeconds).toFixed(1)}x`,
  );
} finally {
  await proxy.stop();
  await registry.stop();
}
