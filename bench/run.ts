// `npm run bench -- [name…]`: runs bench/<name>.ts (all of them when none is named). Each benchmark
// measures Gantry and its named baseline side by side in one run and prints the ratio.
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();
const wanted = process.argv.slice(2);
for (const name of wanted)
  if (!available.includes(name)) throw new Error(`no benchmark '${name}'; have: ${available.join(', ')}`);
for (const name of wanted.length ? wanted : available) {
  console.log(`\n=== bench/${name} (node ${process.version}) ===`);
  await import(pathToFileURL(`${here}/${name}.ts`).href);
}
