// bench/quarantine: the whole quarantine action, run from its bundle as the runner runs it
// (dist/quarantine/index.js with INPUT_* and the runner's file commands), against an xml-js DOM
// parse of the same report (what the popular report actions do); and the parser alone against a
// bare saxes scan. All side by side in one run, each in its own process so each peak RSS is its own.
// Targets (issue 16): the action at least 3x faster than the DOM parse, peak RSS under 256 MB.
//   npm run build -- quarantine && npm run bench -- quarantine
//   QUARANTINE_BENCH_CASES=10000000 QUARANTINE_BENCH_ONLY=action npm run bench -- quarantine
//   QUARANTINE_BENCH_PROF=/tmp/prof …  writes a V8 CPU profile of the action (node --cpu-prof)
//   GANTRY_BENCH_MEMLOG=/tmp/mem.log …  the action's memoryUsage() every second (bench/_rss-preload.mjs)
//   QUARANTINE_BENCH_HISTORY_RUNS=2 (default) …  runs of the action after the first on the same history
//     directory: the steady state of a suite, each run reading the records of the runs before it
//   QUARANTINE_BENCH_STDOUT=/tmp/out …  the action's own output, per run (/tmp/out.1, …)
//   QUARANTINE_BENCH_NODE_ARGS='--max-old-space-size=160' …  node flags for the action: a run that
//     still completes under a smaller heap says its peak was garbage not yet collected, not live data
import { execFileSync, spawn } from 'node:child_process';
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CASES = Number(process.env.QUARANTINE_BENCH_CASES ?? 1_000_000);
const ALL = ['action', 'xml-js', 'parser', 'saxes'] as const;
type Mode = (typeof ALL)[number];
const ONLY = (process.env.QUARANTINE_BENCH_ONLY?.split(',') ?? ALL) as Mode[];
// Runs of the action after the first, on the same history (each reads the records before it).
const HISTORY_RUNS = Number(process.env.QUARANTINE_BENCH_HISTORY_RUNS ?? 2);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// QUARANTINE_BENCH_BUNDLE: another build of the action (an older commit's dist) to compare with.
const BUNDLE = process.env.QUARANTINE_BENCH_BUNDLE ?? join(ROOT, 'dist/quarantine/index.js');
const PRELOAD = join(ROOT, 'bench/_rss-preload.mjs');

interface Result {
  mode: Mode;
  ms?: number;
  peakRssMb: number;
  cases?: number;
  detail?: string;
  error?: string;
}

const child = process.env.QUARANTINE_BENCH_CHILD as Mode | undefined;
if (child) await runChild(child, process.env.QUARANTINE_BENCH_FILE!);
else await runBench();

async function runBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-bench-quarantine-'));
  const ws = join(dir, 'ws');
  const file = join(ws, 'reports/junit.xml');
  try {
    mkdirSync(join(ws, 'reports'), { recursive: true });
    const started = performance.now();
    const testFiles = await generate(file, CASES);
    // A checkout holding the test files of the first suites: the action lists blob ids with git.
    for (const path of testFiles.slice(0, 2000)) {
      mkdirSync(join(ws, dirname(path)), { recursive: true });
      writeFileSync(join(ws, path), `class X {}\n`);
    }
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ws, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', 'src');
    git('-c', 'user.name=b', '-c', 'user.email=b@b', 'commit', '-qm', 'tests');
    const bytes = statSync(file).size;
    console.log(
      `generated ${CASES.toLocaleString('en')} testcases (${testFiles.length.toLocaleString('en')} test files), ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const results: Result[] = [];
    const historyRuns: Result[] = [];
    const load = () =>
      loadavg()
        .map((n) => n.toFixed(2))
        .join(' ');
    console.log(`load average before: ${load()} (on ${(await import('node:os')).cpus().length} cores)`);
    for (const mode of ONLY) {
      const result = mode === 'action' ? await runActionBundle(ws, dir, 1) : await measure(mode, file);
      results.push(result);
      console.log(
        `  ${mode}: ${result.error ? `did not finish (${result.error})` : `${(result.ms! / 1000).toFixed(2)} s`}, peak RSS ${result.peakRssMb.toFixed(0)} MB${result.detail ? `; ${result.detail}` : ''}`,
      );
      // The steady state: later runs of the same suite read the earlier runs' records (each names
      // every test) before they judge.
      if (mode === 'action' && !result.error)
        for (let run = 2; run <= 1 + HISTORY_RUNS; run++) {
          const again = await runActionBundle(ws, dir, run);
          historyRuns.push(again);
          console.log(
            `  action with ${run - 1} earlier record(s): ${again.error ? `did not finish (${again.error})` : `${(again.ms! / 1000).toFixed(2)} s`}, peak RSS ${again.peakRssMb.toFixed(0)} MB${again.detail ? `; ${again.detail}` : ''}`,
          );
        }
    }
    console.log(`load average after: ${load()}`);
    const by = (mode: Mode) => results.find((r) => r.mode === mode);
    console.log(`\n${CASES.toLocaleString('en')} testcases, ${(bytes / 1e6).toFixed(0)} MB`);
    console.log('what                         | time (s) | peak RSS (MB) | vs');
    console.log('-----------------------------|----------|---------------|------------------------------');
    const row = (label: string, r: Result | undefined, versus?: Result) => {
      if (!r) return;
      const ratio =
        versus?.ms && r.ms
          ? `${(versus.ms / r.ms).toFixed(2)}x the speed of ${versus.mode}, ${(r.peakRssMb / versus.peakRssMb).toFixed(2)}x its memory`
          : '';
      console.log(
        `${label.padEnd(28)} | ${r.ms ? (r.ms / 1000).toFixed(2).padStart(8) : 'failed'.padStart(8)} | ${r.peakRssMb.toFixed(0).padStart(13)} | ${ratio}`,
      );
    };
    row('quarantine action (bundle)', by('action'), by('xml-js'));
    if (historyRuns.length > 0)
      row(`  with ${historyRuns.length} earlier record(s)`, historyRuns.at(-1), by('xml-js'));
    row('xml-js DOM parse', by('xml-js'));
    row('gantry parser alone', by('parser'), by('saxes'));
    row('bare saxes scan', by('saxes'));
    const action = by('action');
    const dom = by('xml-js');
    if (action?.ms && dom?.ms)
      console.log(
        `\ntarget action >= 3x the DOM parse: ${(dom.ms / action.ms).toFixed(2)}x -> ${dom.ms / action.ms >= 3 ? 'met' : 'NOT met'}`,
      );
    for (const [label, r] of [
      ['', action],
      [` with ${historyRuns.length} earlier record(s)`, historyRuns.at(-1)],
    ] as const)
      if (r)
        console.log(
          `target action${label} peak RSS < 256 MB: ${r.peakRssMb.toFixed(0)} MB -> ${r.peakRssMb < 256 ? 'met' : 'NOT met'}`,
        );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bundle with the runner's environment: inputs, file commands, RUNNER_DEBUG for its counters. */
async function runActionBundle(ws: string, dir: string, run: number): Promise<Result> {
  const temp = join(dir, 'runner-temp');
  mkdirSync(temp, { recursive: true });
  for (const name of ['output', 'summary', 'state', 'env', 'path']) writeFileSync(join(temp, name), '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? temp,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ws,
    RUNNER_TEMP: temp,
    RUNNER_DEBUG: '1',
    GITHUB_SHA: 'c0ffee',
    GITHUB_REF_NAME: 'main',
    GITHUB_RUN_ID: String(run),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REPOSITORY: 'acme/bench',
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
    GITHUB_STATE: join(temp, 'state'),
    GITHUB_ENV: join(temp, 'env'),
    GITHUB_PATH: join(temp, 'path'),
    INPUT_REPORTS: 'reports/*.xml',
    INPUT_MODE: 'report',
    INPUT_HISTORY: 'dir',
    'INPUT_HISTORY-DIR': join(dir, 'history'),
    'INPUT_MAX-REPORT-SIZE': '8GB',
    'INPUT_ALLOW-EMPTY': 'false',
    'INPUT_ON-EXPIRED': 'fail',
    INPUT_WINDOW: '200',
    'INPUT_FLAKE-THRESHOLD': '0.05',
    'INPUT_CREATE-ISSUES': 'false',
    ...(process.env.GANTRY_BENCH_MEMLOG
      ? {
          GANTRY_BENCH_MEMLOG: process.env.GANTRY_BENCH_MEMLOG,
          GANTRY_BENCH_MEMLOG_MS: process.env.GANTRY_BENCH_MEMLOG_MS ?? '1000',
        }
      : {}),
  };
  const started = performance.now();
  const { code, stdout, stderr, peakKb } = await spawnMeasured(
    process.execPath,
    [
      ...(process.env.QUARANTINE_BENCH_PROF
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.QUARANTINE_BENCH_PROF]
        : []),
      ...(process.env.QUARANTINE_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      PRELOAD,
      BUNDLE,
    ],
    env,
    ws,
  );
  const ms = performance.now() - started;
  // QUARANTINE_BENCH_STDOUT=<file>: the action's own output (its stage log, --trace-gc lines).
  if (process.env.QUARANTINE_BENCH_STDOUT)
    writeFileSync(`${process.env.QUARANTINE_BENCH_STDOUT}.${run}`, stdout);
  const counters = /quarantine: (.*)$/m.exec(stdout)?.[1];
  // The structured stage log: where the time went.
  const stages = [
    ...stdout.matchAll(/^\{"action":"quarantine","stage":"([^"]+)","start":"[^"]+","duration_ms":(\d+)/gm),
  ]
    .map(([, stage, ms]) => `${stage} ${(Number(ms) / 1000).toFixed(1)} s`)
    .join(', ');
  if (stages) console.log(`  action stages: ${stages}`);
  const outputs = readFileSync(join(temp, 'output'), 'utf8');
  const total = /total<<[^\n]*\n(\d+)/.exec(outputs)?.[1] ?? /total=(\d+)/.exec(outputs)?.[1];
  if (code !== 0)
    return {
      mode: 'action',
      peakRssMb: peakKb / 1024,
      error: `exit ${code}: ${(/^::error[^\n]*$/m.exec(stdout)?.[0] ?? stderr.trim().split('\n').slice(-3).join(' / ')).slice(0, 300)}`,
    };
  return {
    mode: 'action',
    ms,
    peakRssMb: peakKb / 1024,
    cases: Number(total),
    detail: `total ${total}; ${counters ?? 'no counters'}`,
  };
}

function spawnMeasured(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string; peakKb: number }> {
  return new Promise((resolve) => {
    const proc = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sampledKb = 0;
    // Sampled too, so a process killed by the heap limit still says how far it got.
    const timer = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
        if (match) sampledKb = Math.max(sampledKb, Number(match[1]));
      } catch {}
    }, 100);
    proc.stdout.on('data', (c: Buffer) => (stdout += c));
    proc.stderr.on('data', (c: Buffer) => (stderr += c));
    proc.on('close', (code) => {
      clearInterval(timer);
      const reported = Number(/GANTRY_BENCH_MAXRSS_KB=(\d+)/.exec(stderr)?.[1] ?? 0);
      resolve({ code, stdout, stderr, peakKb: Math.max(reported, sampledKb) });
    });
  });
}

async function measure(mode: Mode, file: string): Promise<Result> {
  const { code, stdout, stderr, peakKb } = await spawnMeasured(
    process.execPath,
    // The DOM needs more than V8's default heap at a million testcases: let it finish, to be timed.
    [
      ...(mode === 'xml-js' ? ['--max-old-space-size=16384'] : []),
      '--import',
      'tsx',
      '--import',
      PRELOAD,
      fileURLToPath(import.meta.url),
    ],
    { ...(process.env as Record<string, string>), QUARANTINE_BENCH_CHILD: mode, QUARANTINE_BENCH_FILE: file },
    ROOT,
  );
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code === 0 && line.startsWith('{'))
    return { ...(JSON.parse(line) as Result), peakRssMb: peakKb / 1024 };
  const oom = /heap out of memory|Invalid string length|Cannot create a string longer/i.exec(stderr);
  return { mode, peakRssMb: peakKb / 1024, error: oom ? `out of memory (${oom[0]})` : `exit ${code}` };
}

async function runChild(mode: Mode, file: string): Promise<void> {
  const started = performance.now();
  let cases = 0;
  if (mode === 'parser') {
    const { parseJUnitFile } = await import('../src/quarantine/junit.js');
    await parseJUnitFile(file, { maxBytes: 8 * 1024 ** 3, onCase: () => (cases += 1) });
  } else if (mode === 'saxes') {
    // The floor: the same reads and decoding, saxes counting <testcase> and nothing else.
    const { open } = await import('node:fs/promises');
    const { SaxesParser } = await import('saxes');
    const parser = new SaxesParser();
    parser.on('opentag', (tag) => {
      if (tag.name === 'testcase') cases += 1;
    });
    const handle = await open(file, 'r');
    const buffer = Buffer.allocUnsafe(256 * 1024);
    const decoder = new TextDecoder('utf-8');
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      parser.write(decoder.decode(buffer.subarray(0, bytesRead), { stream: true }));
    }
    await handle.close();
    parser.close();
  } else {
    // What the report actions do: read the file into a string, build the document, walk it.
    const xml = readFileSync(file, 'utf8');
    const { xml2js } = await import('xml-js');
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) {
        for (const item of node) walk(item);
        return;
      }
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'testcase') cases += (value as unknown[]).length;
        else if (key === 'testsuite' || key === 'testsuites') walk(value);
      }
    };
    walk(xml2js(xml, { compact: true, alwaysArray: true }));
  }
  console.log(JSON.stringify({ mode, cases, ms: performance.now() - started }));
}

/** A report shaped like a big Surefire/pytest run: nested suites, file/line, some failures with traces. */
async function generate(path: string, count: number): Promise<string[]> {
  const files: string[] = [];
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bench" tests="' + count + '">\n');
  const perSuite = 500;
  let buffer = '';
  for (let i = 0; i < count; i++) {
    const suite = Math.floor(i / perSuite);
    if (i % perSuite === 0) {
      if (i > 0) buffer += '  </testsuite>\n';
      buffer += `  <testsuite name="com.acme.module${suite % 97}.Suite${suite}" tests="${perSuite}" time="12.5" timestamp="2026-11-26T10:00:00">\n    <properties><property name="java.version" value="21"/></properties>\n`;
    }
    // About 100,000 distinct test files per million testcases: one per ten cases.
    const testFile = `src/test/java/com/acme/module${suite % 97}/Suite${suite}_${Math.floor((i % perSuite) / 10)}.java`;
    if (i % 10 === 0) files.push(testFile);
    const head = `    <testcase classname="com.acme.module${suite % 97}.Suite${suite}" name="handles_request_with_retry_and_timeout_${i % 1000}[variant-${i % 7}-region-eu-west-${i % 3}]" file="${testFile}" line="${(i % 400) + 10}" time="0.${String(i % 1000).padStart(3, '0')}" assertions="${i % 9}" group="it-${suite % 13}"`;
    if (i % 50 === 0) {
      buffer += `${head}>\n      <failure message="expected &lt;200&gt; but was &lt;503&gt;" type="java.lang.AssertionError"><![CDATA[java.lang.AssertionError: expected <200> but was <503>\n\tat com.acme.module.Suite.handles_request(Suite.java:${i % 400})\n\tat java.base/java.lang.reflect.Method.invoke(Method.java:580)\n]]></failure>\n      <system-out><![CDATA[GET /api/v1/items/${i} -> 503 Service Unavailable (retry-after: 1)\n]]></system-out>\n    </testcase>\n`;
    } else if (i % 101 === 0) {
      buffer += `${head}>\n      <skipped message="not on this platform"/>\n    </testcase>\n`;
    } else {
      buffer += `${head}/>\n`;
    }
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  buffer += '  </testsuite>\n</testsuites>\n';
  await write(buffer);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return files;
}
