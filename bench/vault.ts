// bench/vault: 50 secrets across 10 KV v2 paths, 20 ms of latency added to every Vault response.
// Gantry (fetchSecrets: one request per distinct path, all paths at once, one mount lookup) against
// the named baseline "one secret at a time" (a request per secret, each after the previous one), and
// for reference "one path at a time" (vault-action's per-path cache, still sequential). Same Vault
// API server, same client, same run. Target: >= 5x, and one request per path.
import { HttpClient } from '../src/net/index.js';
import { fetchSecrets } from '../src/vault-secrets/fetch-secrets.js';
import { parseSecrets } from '../src/vault-secrets/secrets-spec.js';
import { VaultClient } from '../src/vault-secrets/vault-client.js';
import { VaultServer } from '../src/demo/services/vault-api-server.js';

const PATHS = 10;
const KEYS = 5;
const LATENCY_MS = 20;
const ROUNDS = 5;

const writes = Array.from({ length: PATHS }, (_, p) => ({
  path: `secret/bench/p${p}`,
  data: Object.fromEntries(
    Array.from({ length: KEYS }, (_, k) => [`k${k}`, `value-${p}-${k}-${'x'.repeat(24)}`]),
  ),
}));
const server = await new VaultServer({
  latencyMs: LATENCY_MS,
  seed: { namespaces: { '': { mounts: { secret: { type: 'kv', version: 2 } }, writes } } },
}).start();
const client = new VaultClient(new HttpClient(), new URL(server.address), undefined);
const token = server.rootToken;
const lines = writes.flatMap((w, p) =>
  Object.keys(w.data).map((k) => `${w.path} ${k} | S${p}_${k.toUpperCase()}`),
);
const requests = parseSecrets(lines.join('\n'));

async function gantry(): Promise<number> {
  const result = await fetchSecrets(client, requests, {
    token,
    ignoreNotFound: false,
    mask: () => undefined,
    onLease: () => undefined,
    warn: () => undefined,
  });
  return result.secrets.length;
}

async function oneSecretAtATime(): Promise<number> {
  let count = 0;
  for (const request of requests) {
    const response = await client.call({
      method: 'GET',
      path: request.path.replace(/^secret\//, 'secret/data/'),
      token,
    });
    const data = (response.body?.data?.data ?? {}) as Record<string, unknown>;
    if (data[request.selector] !== undefined) count += 1;
  }
  return count;
}

async function onePathAtATime(): Promise<number> {
  const cache = new Map<string, Record<string, unknown>>();
  let count = 0;
  for (const request of requests) {
    let data = cache.get(request.path);
    if (!data) {
      const response = await client.call({
        method: 'GET',
        path: request.path.replace(/^secret\//, 'secret/data/'),
        token,
      });
      data = response.body?.data?.data as Record<string, unknown>;
      cache.set(request.path, data);
    }
    if (data[request.selector] !== undefined) count += 1;
  }
  return count;
}

async function measure(
  name: string,
  fn: () => Promise<number>,
): Promise<{ name: string; ms: number; requests: number; reads: number }> {
  const times: number[] = [];
  let requestsPerRun = 0;
  let readsPerRun = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const before = server.requests.length;
    const start = performance.now();
    const secrets = await fn();
    times.push(performance.now() - start);
    if (secrets !== PATHS * KEYS)
      throw new Error(`${name} returned ${secrets} secrets, expected ${PATHS * KEYS}`);
    const made = server.requests.slice(before);
    requestsPerRun = made.length;
    readsPerRun = made.filter((r) => r.path.startsWith('secret/data/')).length;
  }
  times.sort((a, b) => a - b);
  return { name, ms: times[Math.floor(ROUNDS / 2)]!, requests: requestsPerRun, reads: readsPerRun };
}

try {
  await gantry(); // warm up connections and the JIT for both sides alike
  await oneSecretAtATime();
  const ours = await measure('gantry: concurrent, one request per path', gantry);
  const baseline = await measure('baseline: one secret at a time', oneSecretAtATime);
  const perPath = await measure('reference: one path at a time (sequential)', onePathAtATime);
  console.log(
    `${PATHS * KEYS} secrets across ${PATHS} paths, ${LATENCY_MS} ms latency per response, median of ${ROUNDS} runs`,
  );
  for (const r of [ours, baseline, perPath]) {
    console.log(
      `  ${r.name.padEnd(44)} ${r.ms.toFixed(1).padStart(8)} ms   ${String(r.requests).padStart(3)} requests (${r.reads} secret reads)`,
    );
  }
  const ratio = baseline.ms / ours.ms;
  console.log(
    `ratio vs one secret at a time: ${ratio.toFixed(1)}x (target >= 5x) ${ratio >= 5 ? 'MET' : 'NOT MET'}`,
  );
  console.log(`ratio vs one path at a time:   ${(perPath.ms / ours.ms).toFixed(1)}x`);
  console.log(
    `gantry secret reads per distinct path: ${(ours.reads / PATHS).toFixed(1)} (${ours.reads} reads + ${ours.requests - ours.reads} mount lookup for ${PATHS} paths)`,
  );
} finally {
  await server.stop();
}
