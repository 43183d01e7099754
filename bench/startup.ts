// bench/startup: cold start of every action bundle, node start to exit, next to a bare `node -e 0`.
// Each bundle runs the way the runner starts it (fresh process, runner files set) with no inputs, so
// it loads, builds its runtime, reads its first input and fails with one ConfigurationError line:
// load time is what is measured, not the action's work.
// Baseline side by side: the bundles in GANTRY_STARTUP_BASELINE (a directory laid out like dist/,
// e.g. `git archive <commit> dist | tar -x -C /tmp/before`) when set. Target: every bundle under
// 120 ms here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLES = [
  'changes',
  'layer-cache',
  'layer-cache/post',
  'promote',
  'quarantine',
  'vault-secrets',
  'vault-secrets/post',
];
const ROUNDS = Number(process.env.GANTRY_STARTUP_ROUNDS ?? 15);
const TARGET_MS = 120;

const temp = mkdtempSync(join(tmpdir(), 'gantry-startup-'));
const files: Record<string, string> = {};
for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY']) {
  files[name] = join(temp, name.toLowerCase());
  writeFileSync(files[name], '');
}
const env = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? temp,
  GITHUB_WORKSPACE: temp,
  RUNNER_TEMP: temp,
  GITHUB_ACTIONS: 'true',
  ...files,
};

function once(args: string[]): number {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, args, { env, cwd: temp, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const baselineDir = process.env.GANTRY_STARTUP_BASELINE;
const columns: [string, string][] = [['now', join(root, 'dist')]];
if (baselineDir) columns.unshift(['baseline', resolve(baselineDir)]);

const samples = new Map<string, number[]>();
const record = (key: string, ms: number) => samples.set(key, [...(samples.get(key) ?? []), ms]);
once(['-e', '0']); // warm the file cache for node itself
for (let round = 0; round < ROUNDS; round++) {
  // Interleaved, so a busy machine slows every column alike.
  record('bare', once(['-e', '0']));
  for (const bundle of BUNDLES)
    for (const [column, dir] of columns) {
      const file = join(dir, bundle, 'index.js');
      if (existsSync(file)) record(`${column}:${bundle}`, once([file]));
    }
}

const bare = median(samples.get('bare')!);
console.log(`bare node -e 0: ${bare.toFixed(1)} ms (median of ${ROUNDS})`);
const header = ['bundle', ...columns.map(([c]) => `${c} ms`), ...columns.map(([c]) => `${c} - bare`)];
console.log(header.join('\t'));
let over = 0;
for (const bundle of BUNDLES) {
  const values = columns.map(([c]) => samples.get(`${c}:${bundle}`));
  const cells = values.map((v) => (v ? median(v).toFixed(1) : '-'));
  const deltas = values.map((v) => (v ? (median(v) - bare).toFixed(1) : '-'));
  const now = samples.get(`now:${bundle}`);
  if (now && median(now) > TARGET_MS) over++;
  console.log([bundle.padEnd(18), ...cells, ...deltas].join('\t'));
}
console.log(over === 0 ? `every bundle under ${TARGET_MS} ms` : `${over} bundle(s) over ${TARGET_MS} ms`);
