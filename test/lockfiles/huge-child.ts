// Run by huge.test.ts in a child Node with a capped heap: reads the lockfile the test wrote, parses it
// and prints one JSON line (size, packages, heap). Running out of heap kills the child, which is what
// the test looks for.
import { readFileSync } from 'node:fs';
import { parseLockfile } from '../../src/lockfiles/index.js';

const [path, file] = process.argv.slice(2) as [string, string];
const text = readFileSync(path, 'utf8');
const parsed = parseLockfile(file, text);
console.log(
  JSON.stringify({
    bytes: text.length,
    packages: parsed.packages.length,
    heapMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  }),
);
