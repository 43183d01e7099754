// Preloaded into a measured process (node --import): prints its peak RSS on exit, from getrusage.
// GANTRY_BENCH_MEMLOG=<file>: also appends process.memoryUsage() there every second (MB; every
// GANTRY_BENCH_MEMLOG_MS milliseconds when set), to see
// which phase grows and whether it is the heap, buffers or neither (native memory).
import { appendFileSync, writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nGANTRY_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});

const memlog = process.env.GANTRY_BENCH_MEMLOG;
if (memlog) {
  const started = Date.now();
  const mb = (n) => Math.round(n / 1e6);
  setInterval(
    () => {
      const m = process.memoryUsage();
      appendFileSync(
        memlog,
        `${((Date.now() - started) / 1000).toFixed(1)}s rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)}\n`,
      );
    },
    Number(process.env.GANTRY_BENCH_MEMLOG_MS ?? 1000),
  ).unref();
}
