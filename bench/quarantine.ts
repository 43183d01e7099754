// bench/quarantine: parse a generated 1,000,000-testcase JUnit report (~250 MB) with Gantry's
// streaming parser and with the DOM parsers the popular report actions use (xml-js, xml2js), each
// in its own child process so each peak RSS is its own. Prints throughput, peak memory and ratios.
// Targets (issue 7): at least 3x their speed; peak memory under 200 MB for ours.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CASES = Number(process.env.QUARANTINE_BENCH_CASES ?? 1_000_000);
const PARSERS = ['gantry', 'xml-js', 'xml2js'] as const;
type Parser = (typeof PARSERS)[number];
interface ChildResult {
  parser: Parser;
  cases?: number;
  failed?: number;
  ms?: number;
  peakRssMb: number;
  error?: string;
}

const child = process.env.QUARANTINE_BENCH_CHILD as Parser | undefined;
if (child) await runChild(child, process.env.QUARANTINE_BENCH_FILE!);
else await runBench();

async function runBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-bench-quarantine-'));
  const file = join(dir, 'junit.xml');
  try {
    const started = performance.now();
    await generate(file, CASES);
    const bytes = statSync(file).size;
    console.log(
      `generated ${CASES.toLocaleString('en')} testcases, ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const results: ChildResult[] = [];
    for (const parser of PARSERS) {
      const result = await measure(parser, file);
      results.push(result);
      console.log(`  ${parser}: ${describe(result, bytes)}`);
    }
    const ours = results[0]!;
    console.log(
      '\nparser   | testcases | time (s) | MB/s  | peak RSS (MB) | speed vs gantry | memory vs gantry',
    );
    console.log(
      '---------|-----------|----------|-------|---------------|-----------------|-----------------',
    );
    for (const r of results) {
      const speed = r.ms && ours.ms ? `${(r.ms / ours.ms).toFixed(2)}x slower` : 'n/a';
      const memory = `${(r.peakRssMb / ours.peakRssMb).toFixed(1)}x`;
      console.log(
        `${r.parser.padEnd(8)} | ${String(r.cases ?? '-').padStart(9)} | ${r.ms ? (r.ms / 1000).toFixed(2).padStart(8) : 'failed'.padStart(8)} | ${r.ms ? (bytes / 1e6 / (r.ms / 1000)).toFixed(1).padStart(5) : '  -  '} | ${r.peakRssMb.toFixed(0).padStart(13)} | ${r.parser === 'gantry' ? '-' : r.error ? `did not finish: ${r.error}` : speed} | ${r.parser === 'gantry' ? '-' : memory}`,
      );
    }
    const slowestOther = Math.min(
      ...results.slice(1).map((r) => (r.ms ?? Number.POSITIVE_INFINITY) / (ours.ms ?? 1)),
    );
    console.log(
      `\ntarget speed >= 3x the DOM parsers: ${slowestOther === Number.POSITIVE_INFINITY ? 'they did not finish' : `${slowestOther.toFixed(2)}x`} -> ${slowestOther >= 3 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `target peak RSS < 200 MB for gantry: ${ours.peakRssMb.toFixed(0)} MB -> ${ours.peakRssMb < 200 ? 'met' : 'NOT met'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function describe(r: ChildResult, bytes: number): string {
  if (r.error) return `did not finish (${r.error}), peak RSS ${r.peakRssMb.toFixed(0)} MB`;
  return `${r.cases} testcases (${r.failed} failed) in ${(r.ms! / 1000).toFixed(2)} s = ${(bytes / 1e6 / (r.ms! / 1000)).toFixed(1)} MB/s, peak RSS ${r.peakRssMb.toFixed(0)} MB`;
}

/** Runs one parser in a child process; its peak RSS comes from getrusage in the child. */
function measure(parser: Parser, file: string): Promise<ChildResult> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, QUARANTINE_BENCH_CHILD: parser, QUARANTINE_BENCH_FILE: file },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let peakKb = 0;
    // Sample RSS from /proc too, so a child killed by the heap limit still reports how far it got.
    const timer = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
      } catch {}
    }, 100);
    proc.stdout.on('data', (c: Buffer) => (out += c));
    proc.stderr.on('data', (c: Buffer) => (err += c));
    proc.on('close', (code, signal) => {
      clearInterval(timer);
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) {
        const result = JSON.parse(line) as ChildResult;
        resolve({ ...result, peakRssMb: Math.max(result.peakRssMb, peakKb / 1024) });
        return;
      }
      const oom = /heap out of memory|Invalid string length|Cannot create a string longer/i.exec(err);
      resolve({
        parser,
        peakRssMb: peakKb / 1024,
        error: oom ? `out of memory (${oom[0]})` : `exit ${code ?? signal}: ${err.trim().split('\n').at(-1)}`,
      });
    });
  });
}

async function runChild(parser: Parser, file: string): Promise<void> {
  const started = performance.now();
  let cases = 0;
  let failed = 0;
  if (parser === 'gantry') {
    const { parseJUnitFile } = await import('../src/quarantine/junit.js');
    await parseJUnitFile(file, {
      maxBytes: 1024 ** 3,
      onCase: (c) => {
        cases += 1;
        if (c.outcome === 'failed') failed += 1;
      },
    });
  } else {
    // What the report actions do: read the file into a string, build the document, walk it.
    const xml = readFileSync(file, 'utf8');
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) {
        for (const item of node) walk(item);
        return;
      }
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'testcase') {
          for (const c of value as Record<string, unknown>[]) {
            cases += 1;
            if (c.failure || c.error) failed += 1;
          }
        } else if (key === 'testsuite' || key === 'testsuites') walk(value);
      }
    };
    if (parser === 'xml-js') {
      const { xml2js } = await import('xml-js');
      walk(xml2js(xml, { compact: true, alwaysArray: true }));
    } else {
      // xml2js ships no type declarations.
      const { parseStringPromise } = createRequire(import.meta.url)('xml2js') as {
        parseStringPromise: (xml: string) => Promise<unknown>;
      };
      walk(await parseStringPromise(xml));
    }
  }
  const ms = performance.now() - started;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ parser, cases, failed, ms, peakRssMb }));
}

/** A report shaped like a big Surefire/pytest run: nested suites, file/line, some failures with traces. */
async function generate(path: string, count: number): Promise<void> {
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
    const head = `    <testcase classname="com.acme.module${suite % 97}.Suite${suite}" name="handles_request_with_retry_and_timeout_${i % 1000}[variant-${i % 7}-region-eu-west-${i % 3}]" file="src/test/java/com/acme/module${suite % 97}/Suite${suite}.java" line="${(i % 400) + 10}" time="0.${String(i % 1000).padStart(3, '0')}" assertions="${i % 9}" group="it-${suite % 13}"`;
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
}
