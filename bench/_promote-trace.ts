// Trace promotions run as the runner runs them (not a benchmark; `npm run bench` skips `_` files):
//   RUNS=3 [CROSS=1] [CONC=6] NODE_ARGS="--import ./bench/_http-trace.mjs" npx tsx bench/_promote-trace.ts
// prints every request with its start and duration; NODE_ARGS="--cpu-prof" profiles instead.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '../src/net/index.js';
import { RegistryClient } from '../src/oci/index.js';
import { SUITE_ROOT } from '../test/harness/index.js';
import { buildImage, pushImage } from '../test/support/oci-images.js';
import { startRegistry } from '../test/support/registry.js';

const a = await startRegistry();
const b = process.env.CROSS ? await startRegistry() : a;
try {
  const image = buildImage({
    platforms: [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
    ],
    layers: 6,
    layerSize: 20_000_000,
    compress: true,
    label: 'trace',
  });
  await pushImage(
    new RegistryClient({ http: new HttpClient() }).repository(a.host, 'bench/src'),
    image,
    'v1',
  );
  for (let i = 0; i < Number(process.env.RUNS ?? 2); i++) {
    const out = join(mkdtempSync(join(tmpdir(), 'trace-')), 'o');
    writeFileSync(out, '');
    const s = performance.now();
    const text = execFileSync(
      process.execPath,
      [
        ...(process.env.NODE_ARGS ?? '').split(' ').filter(Boolean),
        join(SUITE_ROOT, 'dist/promote/index.js'),
      ],
      {
        env: {
          ...process.env,
          GITHUB_OUTPUT: out,
          INPUT_SOURCE: `${a.host}/bench/src:v1`,
          INPUT_DESTINATIONS: `${b.host}/bench/dst-${i}:v1`,
          'INPUT_COPY-REFERRERS': 'true',
          INPUT_IMMUTABLE: 'true',
          INPUT_CONCURRENCY: process.env.CONC ?? '6',
          INPUT_ROLLBACK: 'false',
          'INPUT_DRY-RUN': 'false',
          GITHUB_REPOSITORY: 'acme/bench',
        },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    console.log(`run ${i}: ${(performance.now() - s).toFixed(0)} ms wall`);
    if (process.env.SHOW) console.log(text);
  }
} finally {
  await a.stop();
  if (b !== a) await b.stop();
}
