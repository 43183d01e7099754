// bench/lockfiles: parsing a generated 50,000-package lockfile of each format (test/lockfiles/generate.ts:
// integrity hashes, dependency maps, nested copies, peer suffixes, wheels), each measured next to its
// baseline: the format's bare general parser, which only builds the document and reads no package.
//   package-lock.json: JSON.parse alone.  pnpm-lock.yaml and yarn berry: yaml.parse alone, on a
//   5,000-package file of the same shape (at 50,000 it takes minutes and over 1 GB here).
//   Others have no general parser in the repository; their MB/s is printed.
// Target (issue 20): package-lock + pnpm-lock at 50,000 packages well under a second here.
// Also: diffLockfiles on two 50,000-package parses with 5% of versions moved (pipeline-diff: < 200 ms).
// Each figure is the median of 5 runs after a warm-up (baselines: one run); the machine is shared,
// so read the ratios.
import { parse as parseYaml } from 'yaml';
import { diffLockfiles, type LockfileKind, parseLockfile } from '../src/lockfiles/index.js';
import { generateLockfile } from '../test/lockfiles/generate.js';

const COUNT = 50_000;
const RUNS = 5;

function median(fn: () => unknown, runs = RUNS, warmUp = true): number {
  if (warmUp) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** The baseline and the package count it is measured at (yaml.parse takes minutes at 50,000). */
const BASELINES: Partial<Record<LockfileKind, [string, (text: string) => unknown, number]>> = {
  npm: ['JSON.parse', (text) => JSON.parse(text), COUNT],
  pnpm: ['yaml.parse', (text) => parseYaml(text, { maxAliasCount: -1 }), 5_000],
  'yarn-berry': ['yaml.parse', (text) => parseYaml(text, { maxAliasCount: -1 }), 5_000],
};

const kinds = (process.env.LOCKFILE_KINDS?.split(',') as LockfileKind[] | undefined) ?? [
  'npm',
  'pnpm',
  'yarn-classic',
  'yarn-berry',
  'go-mod',
  'go-sum',
  'cargo',
  'poetry',
  'uv',
  'bundler',
  'pip-requirements',
];
console.log(`${COUNT.toLocaleString('en')} packages per file; median of ${RUNS} runs`);
console.log('format            size     parseLockfile   baseline');
let npmAndPnpm = 0;
for (const kind of kinds) {
  const { file, text } = generateLockfile(kind, COUNT);
  const parsed = parseLockfile(file, text);
  if (parsed.packages.length < COUNT * 0.9)
    throw new Error(`${kind}: only ${parsed.packages.length} packages read`);
  const ms = median(() => parseLockfile(file, text));
  if (kind === 'npm' || kind === 'pnpm') npmAndPnpm += ms;
  const mb = text.length / 1e6;
  const baseline = BASELINES[kind];
  let right = `${(mb / (ms / 1000)).toFixed(0).padStart(4)} MB/s`;
  if (baseline) {
    const [label, run, at] = baseline;
    const sample = at === COUNT ? text : generateLockfile(kind, at).text;
    const ours = at === COUNT ? ms : median(() => parseLockfile(file, sample));
    const base = median(() => run(sample), at === COUNT ? RUNS : 1, at === COUNT);
    right = `${label} ${base.toFixed(0).padStart(6)} ms at ${at.toLocaleString('en')} (ours ${ours.toFixed(0)} ms): ${(ours / base).toFixed(2)}x the baseline's time`;
  }
  console.log(
    `${kind.padEnd(17)} ${`${mb.toFixed(1)} MB`.padStart(8)} ${`${ms.toFixed(0)} ms`.padStart(10)}      ${right}`,
  );
}
if (kinds.includes('npm') && kinds.includes('pnpm'))
  console.log(`package-lock + pnpm-lock: ${npmAndPnpm.toFixed(0)} ms (target: well under 1000 ms)`);

// diff: two 50,000-package parses, 5% of versions bumped, 1% removed, 1% added.
const before = parseLockfile('package-lock.json', generateLockfile('npm', COUNT).text);
const after = {
  kind: before.kind,
  packages: before.packages
    .filter((_, i) => i % 100 !== 7)
    .map((p, i) => (i % 20 === 3 ? { ...p, version: `${Number(p.version.split('.')[0]) + 1}.0.0` } : p))
    .concat(
      Array.from({ length: COUNT / 100 }, (_, i) => ({
        name: `new-${i}`,
        version: '1.0.0',
        ecosystem: 'npm' as const,
      })),
    ),
};
const diffMs = median(() => diffLockfiles(before, after));
console.log(
  `diffLockfiles, 50,000 vs 50,000 packages (${diffLockfiles(before, after).changes.length} changes): ${diffMs.toFixed(0)} ms (pipeline-diff target for a whole record: < 200 ms)`,
);
