// bench/promote: the promote action (dist/promote/index.js, run as the runner runs it) side by side
// with `skopeo copy --all` on the same image, in one run:
//   1. same registry: a 2-platform image, 6 layers × 20 MB per platform, to another repository
//      (target: ≥10× faster than skopeo with a cold cache, and zero layer bytes through the client);
//   2. across two registries (target: at least as fast as skopeo), and Gantry's peak memory with
//      5 MB and 20 MB layers (target: independent of layer size).
// skopeo's blob-info cache is keyed by registry host:port and every run starts registries on fresh
// ports, so skopeo always starts cold. Wall time and peak RSS of each process are measured the same
// way for both (by a Python parent reading RUSAGE_CHILDREN).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '../src/net/index.js';
import { RegistryClient } from '../src/oci/index.js';
import { parseKeyValueFile, SUITE_ROOT } from '../test/harness/index.js';
import { type BuiltImage, buildImage, pushImage } from '../test/support/oci-images.js';
import { startRegistry, type TestRegistry } from '../test/support/registry.js';

const MB = 1_000_000;
const PLATFORMS = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64' },
];

interface Measured {
  seconds: number;
  peakMb: number;
  outputs: Record<string, string>;
}

const MEASURE_PY = `
import json, resource, subprocess, sys, time
start = time.monotonic()
run = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
elapsed = time.monotonic() - start
log = run.stdout.decode(errors="replace")[-3000:] if run.returncode else ""
print(json.dumps({"code": run.returncode, "seconds": elapsed, "peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "log": log}))
`;

function measure(command: string[], env: Record<string, string> = {}): Measured {
  const outputFile = join(mkdtempSync(join(tmpdir(), 'gantry-bench-')), 'output');
  writeFileSync(outputFile, '');
  const text = execFileSync('python3', ['-c', MEASURE_PY, ...command], {
    env: { ...process.env, ...env, GITHUB_OUTPUT: outputFile },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const result = JSON.parse(text.trim().split('\n').at(-1)!) as {
    code: number;
    seconds: number;
    peak_kb: number;
    log: string;
  };
  if (result.code !== 0) throw new Error(`${command.join(' ')} exited ${result.code}:\n${result.log}`);
  return {
    seconds: result.seconds,
    peakMb: result.peak_kb / 1024,
    outputs: parseKeyValueFile(readFileSync(outputFile, 'utf8')),
  };
}

function gantry(source: string, destination: string): Measured {
  return measure([process.execPath, join(SUITE_ROOT, 'dist/promote/index.js')], {
    INPUT_SOURCE: source,
    INPUT_DESTINATIONS: destination,
    'INPUT_COPY-REFERRERS': 'true',
    INPUT_IMMUTABLE: 'true',
    INPUT_CONCURRENCY: '6',
    INPUT_ROLLBACK: 'false',
    'INPUT_DRY-RUN': 'false',
    GITHUB_REPOSITORY: 'acme/bench',
  });
}

/**
 * skopeo with a cold cache: as root it keeps one blob-info cache for the machine (which would let
 * later runs mount what earlier runs saw), so it runs as `nobody` with a fresh HOME each time.
 */
function skopeo(source: string, destination: string): Measured {
  const home = mkdtempSync(join(tmpdir(), 'gantry-bench-skopeo-'));
  chmodSync(home, 0o777);
  return measure([
    ...(process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : []),
    'env',
    `HOME=${home}`,
    `XDG_DATA_HOME=${home}/.local/share`,
    'skopeo',
    'copy',
    '--all',
    '--preserve-digests',
    '--quiet',
    '--src-tls-verify=false',
    '--dest-tls-verify=false',
    `docker://${source}`,
    `docker://${destination}`,
  ]);
}

async function seed(
  registry: TestRegistry,
  repository: string,
  layerSize: number,
  compress: boolean,
): Promise<BuiltImage> {
  const image = buildImage({
    platforms: PLATFORMS,
    layers: 6,
    layerSize,
    compress,
    label: `bench-${layerSize}`,
  });
  const client = new RegistryClient({ http: new HttpClient() });
  await pushImage(client.repository(registry.host, repository), image, 'v1');
  return image;
}

async function digestAt(
  registry: TestRegistry,
  repository: string,
  tag: string,
): Promise<string | undefined> {
  return (
    await new RegistryClient({ http: new HttpClient() }).repository(registry.host, repository).resolve(tag)
  )?.digest;
}

/** Runs of two tools alternated (the machine is shared, so load hits both alike); the median of each. */
function sideBySide(
  rounds: number,
  runs: { gantry: (round: number) => Measured; skopeo: (round: number) => Measured },
) {
  const g: Measured[] = [];
  const k: Measured[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      g.push(runs.gantry(round));
      k.push(runs.skopeo(round));
    } else {
      k.push(runs.skopeo(round));
      g.push(runs.gantry(round));
    }
  }
  const median = (list: Measured[]) =>
    [...list].sort((x, y) => x.seconds - y.seconds)[Math.floor(list.length / 2)]!;
  return {
    gantry: median(g),
    skopeo: median(k),
    all: { gantry: g.map((m) => m.seconds), skopeo: k.map((m) => m.seconds) },
  };
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const fmt = (n: number, digits = 2) => n.toFixed(digits);
const ROUNDS = 5;

const [a, b] = await Promise.all([startRegistry(), startRegistry()]);
try {
  const big = await seed(a, 'bench/src', 20 * MB, true);
  const layerBytes = big.blobs.reduce((sum, blob) => sum + blob.descriptor.size, 0);
  console.log(
    `image: 2 platforms × 6 layers × 20 MB (gzip) = ${fmt(layerBytes / MB, 0)} MB of blobs, ${big.top.descriptor.digest}`,
  );
  console.log(
    `each tool runs ${ROUNDS} times per scenario, alternating, each run into a fresh repository; medians shown\n`,
  );

  const same = sideBySide(ROUNDS, {
    gantry: (i) => gantry(`${a.host}/bench/src:v1`, `${a.host}/bench/gantry-same-${i}:v1`),
    skopeo: (i) => skopeo(`${a.host}/bench/src:v1`, `${a.host}/bench/skopeo-same-${i}:v1`),
  });
  const cross = sideBySide(ROUNDS, {
    gantry: (i) => gantry(`${a.host}/bench/src:v1`, `${b.host}/bench/gantry-cross-${i}:v1`),
    skopeo: (i) => skopeo(`${a.host}/bench/src:v1`, `${b.host}/bench/skopeo-cross-${i}:v1`),
  });
  for (const [registry, repo] of [
    [a, 'bench/gantry-same-0'],
    [a, 'bench/skopeo-same-0'],
    [b, 'bench/gantry-cross-0'],
    [b, 'bench/skopeo-cross-0'],
  ] as const) {
    const digest = await digestAt(registry, repo, 'v1');
    if (digest !== big.top.descriptor.digest)
      throw new Error(`${repo}:v1 is ${digest}, not ${big.top.descriptor.digest}`);
  }

  // Peak memory against layer size: the same promotion across registries with 5, 20 and 60 MB layers.
  const memory: { size: number; run: Measured }[] = [];
  for (const size of [5, 20, 60]) {
    await seed(a, `bench/mem-${size}`, size * MB, false);
    memory.push({ size, run: gantry(`${a.host}/bench/mem-${size}:v1`, `${b.host}/bench/mem-${size}:v1`) });
  }

  const through = `${fmt((2 * layerBytes) / MB, 0)} MB (down + up)`;
  console.log(
    row([
      'scenario',
      'tool',
      'seconds (median)',
      'all runs',
      'peak RSS MB',
      'blobs mounted',
      'layer bytes through the client',
    ]),
  );
  console.log(row(['---', '---', '---', '---', '---', '---', '---']));
  const line = (scenario: string, tool: string, m: Measured, all: number[], mounted: string, bytes: string) =>
    console.log(
      row([
        scenario,
        tool,
        fmt(m.seconds),
        all.map((x) => fmt(x)).join(', '),
        fmt(m.peakMb, 0),
        mounted,
        bytes,
      ]),
    );
  line(
    'same registry',
    'gantry promote',
    same.gantry,
    same.all.gantry,
    same.gantry.outputs['blobs-mounted']!,
    same.gantry.outputs['bytes-copied']!,
  );
  line('same registry', 'skopeo copy --all', same.skopeo, same.all.skopeo, '0', through);
  line(
    'two registries',
    'gantry promote',
    cross.gantry,
    cross.all.gantry,
    cross.gantry.outputs['blobs-mounted']!,
    cross.gantry.outputs['bytes-copied']!,
  );
  line('two registries', 'skopeo copy --all', cross.skopeo, cross.all.skopeo, '0', through);
  console.log('');
  console.log(row(['layer size', 'blobs MB', 'gantry seconds', 'gantry peak RSS MB']));
  console.log(row(['---', '---', '---', '---']));
  for (const { size, run } of memory)
    console.log(
      row([
        `${size} MB`,
        fmt(Number(run.outputs['bytes-copied']) / MB, 0),
        fmt(run.seconds),
        fmt(run.peakMb, 0),
      ]),
    );

  console.log(
    `\nsame registry: gantry ${fmt(same.skopeo.seconds / same.gantry.seconds, 1)}× faster than skopeo copy --all (target ≥ 10×); ${same.gantry.outputs['bytes-copied']} layer bytes through the client (target 0)`,
  );
  console.log(
    `two registries: gantry ${fmt(cross.skopeo.seconds / cross.gantry.seconds, 2)}× skopeo's speed (target ≥ 1×)`,
  );
  const [m5, m20, m60] = memory.map((m) => m.run.peakMb);
  console.log(
    `peak memory across registries: ${fmt(m5!, 0)} / ${fmt(m20!, 0)} / ${fmt(m60!, 0)} MB with 5 / 20 / 60 MB layers (60 MB vs 20 MB layers: ${fmt(m60! / m20!, 2)}×)`,
  );
} finally {
  await Promise.all([a.stop(), b.stop()]);
}
