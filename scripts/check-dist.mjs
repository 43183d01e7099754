// Rebuilds every bundle into a temporary folder and fails when it differs from the committed dist/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fresh = mkdtempSync(join(tmpdir(), 'gantry-check-dist-'));
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
try {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--out', fresh], { stdio: 'inherit' });
  const a = new Set(walk(join(root, 'dist')).map((p) => relative(join(root, 'dist'), p)));
  const b = new Set(walk(fresh).map((p) => relative(fresh, p)));
  const problems = [];
  for (const file of new Set([...a, ...b])) {
    if (!a.has(file)) problems.push(`missing from dist/: ${file}`);
    else if (!b.has(file)) problems.push(`stale file in dist/: ${file}`);
    else if (!readFileSync(join(root, 'dist', file)).equals(readFileSync(join(fresh, file))))
      problems.push(`differs: dist/${file}`);
  }
  if (problems.length) {
    console.error(
      `dist/ is not what the source builds. Run 'npm run build' and commit dist/.\n${problems.join('\n')}`,
    );
    process.exit(1);
  }
  console.log('dist/ is up to date.');
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
