// bench/layer-cache-start: cold start of dist/layer-cache/index.js in its registry paths mode (a
// restore that misses, against the CNCF registry on loopback) and in its GitHub-cache path (no
// cache-repository, no cache service: @actions/cache loaded, then a warning), next to a bare
// `node -e 0`. GANTRY_BENCH_BEFORE=<dir holding layer-cache/index.js> adds an older bundle side by
// side (e.g. `git archive HEAD~1 dist/layer-cache | tar -x -C /tmp/before`, then /tmp/before/dist).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRegistry } from '../test/support/registry.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundles: [string, string][] = [['now', join(root, 'dist/layer-cache/index.js')]];
if (process.env.GANTRY_BENCH_BEFORE)
  bundles.unshift(['before', join(process.env.GANTRY_BENCH_BEFORE, 'layer-cache/index.js')]);
for (const [, bundle] of bundles) if (!existsSync(bundle)) throw new Error(`${bundle} is missing`);

const registry = await startRegistry();
const work = mkdtempSync(join(tmpdir(), 'gantry-bench-lc-'));
try {
  mkdirSync(join(work, 'files'));
  writeFileSync(join(work, 'files', 'a'), 'a\n');
  const base = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_WORKSPACE: work,
    GITHUB_OUTPUT: join(work, 'output'),
    GITHUB_STATE: join(work, 'state'),
    RUNNER_TEMP: join(work, 'tmp'),
    GITHUB_REPOSITORY: 'acme/bench',
    INPUT_MODE: 'paths',
    INPUT_PATH: 'files',
    INPUT_KEY: 'bench-miss',
    INPUT_COMPRESSION: 'zstd',
  };
  const modes: [string, Record<string, string>][] = [
    ['registry', { ...base, 'INPUT_CACHE-REPOSITORY': `${registry.host}/bench/cache` }],
    ['github-cache', base],
  ];
  const wall = (args: string[], env: Record<string, string>) => {
    writeFileSync(env.GITHUB_OUTPUT ?? join(work, 'output'), '');
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stdout}${result.stderr}`);
    return ms;
  };
  const median = (args: string[], env: Record<string, string>, n = 15) => {
    wall(args, env);
    const times = Array.from({ length: n }, () => wall(args, env)).sort((a, b) => a - b);
    return times[Math.floor(n / 2)]!;
  };
  mkdirSync(base.RUNNER_TEMP, { recursive: true });
  console.log('cold start, median of 15 (wall time; the machine is shared):');
  console.log(`  node -e 0: ${median(['-e', '0'], base).toFixed(0)} ms`);
  for (const [mode, env] of modes)
    for (const [label, bundle] of bundles)
      console.log(`  layer-cache ${mode} (${label}): ${median([bundle], env).toFixed(0)} ms`);
} finally {
  rmSync(work, { recursive: true, force: true });
  await registry.stop();
}
