// bench/cache: layer-cache (paths mode) against the baseline actions/cache uses — tar + zstd of the
// whole tree, uploaded as one blob — on a real node_modules (~350 MB, ~31k files) that this benchmark
// installs from the npm registry into a temp dir (kept between runs). Both push to the same local
// registry 2.8. Reports bytes uploaded by a second save after changing 1% of the files, and save
// and restore wall times, side by side.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { findCache, restoreCache, saveCache } from '../src/layer-cache/cache.js';
import { parsePathSpec } from '../src/layer-cache/paths.js';
import { HttpClient } from '../src/net/index.js';
import { RegistryClient } from '../src/oci/index.js';
import { startRegistry } from '../test/support/registry.js';

const DEPENDENCIES: Record<string, string> = {
  react: '19.1.1',
  'react-dom': '19.1.1',
  typescript: '5.9.3',
  webpack: '5.102.0',
  '@babel/core': '7.28.4',
  '@babel/preset-env': '7.28.3',
  eslint: '9.36.0',
  jest: '30.2.0',
  '@mui/material': '7.3.2',
  '@emotion/react': '11.14.0',
  '@emotion/styled': '11.14.1',
  lodash: '4.17.21',
  rxjs: '7.8.2',
  '@aws-sdk/client-s3': '3.896.0',
  vite: '7.1.7',
  sass: '1.93.2',
  prettier: '3.6.2',
  'date-fns': '4.1.0',
  moment: '2.30.1',
  express: '5.1.0',
  axios: '1.12.2',
  three: '0.180.0',
  '@swc/core': '1.13.5',
};

const root = join(tmpdir(), 'gantry-bench-cache');
const app = join(root, 'app');
if (!existsSync(join(app, 'node_modules/.package-lock.json'))) {
  mkdirSync(app, { recursive: true });
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'bench-app', version: '1.0.0', private: true, dependencies: DEPENDENCIES }),
  );
  console.log('installing the benchmark node_modules from the npm registry…');
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: app,
    stdio: 'inherit',
  });
}

/** Deterministic choices, so runs are comparable. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Top-level packages (scoped ones one level down), with their files. */
function packages(nodeModules: string): { name: string; files: string[] }[] {
  const out: { name: string; files: string[] }[] = [];
  for (const name of readdirSync(nodeModules).sort()) {
    const path = join(nodeModules, name);
    if (!statSync(path).isDirectory() || name === '.bin') continue;
    if (name.startsWith('@'))
      for (const sub of readdirSync(path).sort())
        out.push({ name: `${name}/${sub}`, files: filesUnder(join(path, sub)) });
    else out.push({ name, files: filesUnder(path) });
  }
  return out;
}

async function touch(files: string[]): Promise<void> {
  for (const file of files) await appendFile(file, '\n// changed\n');
}

const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await fn();
  return [result, (performance.now() - start) / 1000];
};

const registry = await startRegistry();
try {
  const work = mkdtempSync(join(root, 'run-'));
  const ws = join(work, 'ws');
  mkdirSync(ws);
  execFileSync('cp', ['-a', join(app, 'node_modules'), join(ws, 'node_modules')]);
  const nodeModules = join(ws, 'node_modules');
  const allFiles = filesUnder(nodeModules);
  const treeBytes = allFiles.reduce((s, f) => s + statSync(f).size, 0);
  const onePercent = Math.ceil(allFiles.length / 100);
  console.log(`tree: ${allFiles.length} files, ${(treeBytes / 1e6).toFixed(0)} MB; 1% = ${onePercent} files`);

  const client = new RegistryClient({ http: new HttpClient() });
  const store = client.repository(registry.host, 'bench/layer-cache');
  const options = (dir: string) => ({
    store,
    spec: parsePathSpec(['node_modules'], dir, dir),
    compression: 'zstd' as const,
    scopes: { write: 'local', read: ['local'], why: '' },
    info: () => undefined,
    now: Date.now,
  });

  // --- layer-cache
  const [first, firstSecs] = await time(() => saveCache({ ...options(ws), key: 'bench-1', runId: 'bench' }));
  const random = seeded(42);
  // An upgrade: whole packages (random, seeded) until 1% of the files changed.
  const shuffled = packages(nodeModules).sort(() => random() - 0.5);
  const upgraded: string[] = [];
  const changed: string[] = [];
  for (const pkg of shuffled) {
    if (changed.length >= onePercent) break;
    upgraded.push(pkg.name);
    changed.push(...pkg.files);
  }
  await touch(changed);
  const [second, secondSecs] = await time(() =>
    saveCache({ ...options(ws), key: 'bench-2', runId: 'bench', previousDigest: first.digest }),
  );
  // Scattered: 1% of all files, each chosen on its own.
  const scattered = [...allFiles].sort(() => random() - 0.5).slice(0, onePercent);
  await touch(scattered);
  const [third, thirdSecs] = await time(() =>
    saveCache({ ...options(ws), key: 'bench-3', runId: 'bench', previousDigest: second.digest }),
  );
  // --- baseline: what actions/cache does (tar, zstd -T0 --long=30, one blob uploaded whole)
  const baselineRepo = client.repository(registry.host, 'bench/baseline');
  const archive = join(work, 'cache.tzst');
  const baselineSave = () =>
    time(async () => {
      const tar = spawnSync(
        'sh',
        ['-c', `tar -cf - -C "${ws}" node_modules | zstd -T0 --long=30 -q -f -o "${archive}"`],
        { stdio: 'inherit' },
      );
      if (tar.status !== 0) throw new Error('tar | zstd failed');
      const size = statSync(archive).size;
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(archive)) hash.update(chunk as Buffer);
      const digest = `sha256:${hash.digest('hex')}`;
      await baselineRepo.pushBlob(
        { mediaType: 'application/octet-stream', digest, size },
        createReadStream(archive),
      );
      return { digest, size };
    });
  // Same tree states as above: the baseline re-uploads the whole archive every time.
  const [baseFirst, baseFirstSecs] = await baselineSave();
  // Any change makes a new archive, which actions/cache uploads whole.
  await touch(scattered.slice(0, 1));
  const [baseSecond, baseSecondSecs] = await baselineSave();
  // Restores alternate (layer-cache, baseline, layer-cache, baseline) on fresh directories and the
  // best of two counts: the disk is shared, so back-to-back pairs keep the comparison fair.
  let restores = 0;
  const gantryRestore = async () => {
    const dir = join(work, `restore-${++restores}`);
    mkdirSync(dir);
    const [, secs] = await time(async () => {
      const match = await findCache({ ...options(dir), key: 'bench-3', restoreKeys: [] });
      return restoreCache({ ...options(dir), manifest: match!.manifest, tempDir: work });
    });
    const restoredFiles = filesUnder(join(dir, 'node_modules')).length;
    if (restoredFiles !== allFiles.length)
      throw new Error(`restored ${restoredFiles} files, expected ${allFiles.length}`);
    rmSync(dir, { recursive: true, force: true });
    return secs;
  };
  const baselineRestore = async () => {
    const dir = join(work, `restore-${++restores}`);
    mkdirSync(dir);
    const [, secs] = await time(async () => {
      const download = join(work, 'download.tzst');
      await pipeline(
        await baselineRepo.openBlob({ mediaType: 'application/octet-stream', ...baseSecond }),
        createWriteStream(download),
      );
      const untar = spawnSync('sh', ['-c', `zstd -d --long=30 -q -c "${download}" | tar -xf - -C "${dir}"`], {
        stdio: 'inherit',
      });
      if (untar.status !== 0) throw new Error('zstd -d | tar failed');
    });
    rmSync(dir, { recursive: true, force: true });
    return secs;
  };
  const gantryRestores: number[] = [];
  const baselineRestores: number[] = [];
  for (let round = 0; round < 2; round++) {
    gantryRestores.push(await gantryRestore());
    baselineRestores.push(await baselineRestore());
  }
  const restoreSecs = Math.min(...gantryRestores);
  const baseRestoreSecs = Math.min(...baselineRestores);

  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
  console.log(
    `\nchange A: ${changed.length} files (${pct(changed.length, allFiles.length)}) in ${upgraded.length} upgraded packages`,
  );
  console.log(
    `change B: ${scattered.length} files (${pct(scattered.length, allFiles.length)}) scattered one by one over the tree`,
  );
  console.log(
    `layer-cache: ${first.layers} layers; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (2 cores shared)\n`,
  );
  const rows = [
    ['', 'layer-cache', 'tar+zstd (actions/cache)', 'ratio'],
    [
      'first save: uploaded',
      mb(first.uploadedBytes),
      mb(baseFirst.size),
      (first.uploadedBytes / baseFirst.size).toFixed(2),
    ],
    [
      'first save: wall',
      `${firstSecs.toFixed(1)} s`,
      `${baseFirstSecs.toFixed(1)} s`,
      (firstSecs / baseFirstSecs).toFixed(2),
    ],
    [
      'second save after change A: uploaded',
      `${mb(second.uploadedBytes)} (${pct(second.uploadedBytes, first.uploadedBytes)} of first)`,
      `${mb(baseSecond.size)} (${pct(baseSecond.size, baseFirst.size)})`,
      (second.uploadedBytes / baseSecond.size).toFixed(3),
    ],
    [
      'second save after change A: wall',
      `${secondSecs.toFixed(1)} s`,
      `${baseSecondSecs.toFixed(1)} s`,
      (secondSecs / baseSecondSecs).toFixed(2),
    ],
    [
      'third save after change B: uploaded',
      `${mb(third.uploadedBytes)} (${pct(third.uploadedBytes, first.uploadedBytes)} of first)`,
      `${mb(baseSecond.size)} (whole archive)`,
      (third.uploadedBytes / baseSecond.size).toFixed(3),
    ],
    [
      'third save after change B: wall',
      `${thirdSecs.toFixed(1)} s`,
      `${baseSecondSecs.toFixed(1)} s`,
      (thirdSecs / baseSecondSecs).toFixed(2),
    ],
    [
      'restore: wall',
      `${restoreSecs.toFixed(1)} s`,
      `${baseRestoreSecs.toFixed(1)} s`,
      (restoreSecs / baseRestoreSecs).toFixed(2),
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  const target = second.uploadedBytes / first.uploadedBytes;
  console.log(
    `\ntarget (second save ≤ 5% of first, change A): ${pct(second.uploadedBytes, first.uploadedBytes)} — ${target <= 0.05 ? 'met' : 'NOT met'}`,
  );
  rmSync(work, { recursive: true, force: true });
} finally {
  await registry.stop();
}
