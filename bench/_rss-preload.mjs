// Preloaded into a measured process (node --import): prints its peak RSS on exit, from getrusage.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nGANTRY_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
