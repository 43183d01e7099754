// Bundles every action entry (and the CLI) with ncc into dist/. Type checking is `npm run typecheck`'s
// job (--transpile-only), so a type error in a test cannot break a bundle. Entries are found from each
// actions/<name>/action.yml: runs.main ../../dist/<name>/index.js <- src/<name>/main.ts, and
// runs.pre/post ../../dist/<name>/<phase>/index.js <- src/<name>/<phase>.ts; a sub-action
// actions/<name>/<sub>/action.yml: ../../../dist/<name>-<sub>/index.js <- src/<name>/<sub>-main.ts.
// Usage: node scripts/build.mjs [--out DIR] [name…]   (DIR defaults to dist; names filter actions)
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Actions whose source folder is not src/<action> (registry-retention's domain is src/retention, shared with layer-cache's prune). */
const SOURCE_DIRS = { 'registry-retention': 'retention' };

export function entries() {
  const list = [{ name: 'cli', entry: 'src/cli.ts', out: 'cli' }];
  for (const { action, dir, name, source } of actionDirs()) {
    const file = join(root, 'actions', dir, 'action.yml');
    const runs = parse(readFileSync(file, 'utf8')).runs ?? {};
    if (!String(runs.using ?? '').startsWith('node')) continue;
    for (const phase of ['pre', 'main', 'post']) {
      if (!runs[phase]) continue;
      const target = relative(root, resolve(root, 'actions', dir, runs[phase]));
      const expected = phase === 'main' ? `dist/${name}/index.js` : `dist/${name}/${phase}/index.js`;
      if (target !== expected)
        throw new Error(
          `${file}: runs.${phase} must be ${relative(join(root, 'actions', dir), join(root, expected))}`,
        );
      list.push({
        name,
        entry: `src/${SOURCE_DIRS[action] ?? action}/${source(phase)}.ts`,
        out: dirname(expected).slice('dist/'.length),
      });
    }
  }
  return list;
}

/**
 * actions/<name>/action.yml (bundle dist/<name>, source src/<name>/<phase>.ts) and its sub-actions
 * actions/<name>/<sub>/action.yml (bundle dist/<name>-<sub>, source src/<name>/<sub>-<phase>.ts),
 * as actions/cache has restore/ and save/ beside its main action.
 */
export function actionDirs() {
  const found = [];
  for (const action of readdirSync(join(root, 'actions')).sort()) {
    if (!existsSync(join(root, 'actions', action, 'action.yml'))) continue;
    found.push({ action, dir: action, name: action, source: (phase) => phase });
    for (const sub of readdirSync(join(root, 'actions', action), { withFileTypes: true })) {
      if (!sub.isDirectory() || !existsSync(join(root, 'actions', action, sub.name, 'action.yml'))) continue;
      found.push({
        action,
        dir: `${action}/${sub.name}`,
        name: `${action}-${sub.name}`,
        source: (phase) => `${sub.name}-${phase}`,
      });
    }
  }
  return found.sort((a, b) => a.dir.localeCompare(b.dir));
}

async function bundle({ entry, out }, outRoot) {
  const work = mkdtempSync(join(tmpdir(), 'gantry-ncc-'));
  try {
    await run(
      process.execPath,
      [
        join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
        'build',
        entry,
        '-o',
        work,
        '--license',
        'licenses.txt',
        '--no-cache',
        '-q',
      ],
      { cwd: root, maxBuffer: 64 << 20 },
    );
    const dest = join(outRoot, out);
    // A post bundle lives inside its main bundle's folder: replace that folder's files (stale chunks
    // included), never its subfolders.
    mkdirSync(dest, { recursive: true });
    for (const entry of readdirSync(dest, { withFileTypes: true })) {
      if (entry.isFile()) rmSync(join(dest, entry.name), { force: true });
    }
    cpSync(work, dest, { recursive: true });
    addMissingLicenses(dest);
    // ncc writes licenses.txt only when a package was bundled; say so when none was.
    if (!existsSync(join(dest, 'licenses.txt')))
      writeFileSync(join(dest, 'licenses.txt'), 'This bundle contains no third-party packages.\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * ncc's license list leaves out the ES modules webpack concatenates (@actions/core 3, jsonata…):
 * every package a module comment of the bundle names gets its entry, in ncc's format (name, license,
 * text). Nested copies are read from their own folder.
 */
export function bundledPackages(dest) {
  const packages = new Map();
  for (const file of readdirSync(dest))
    if (file.endsWith('.js'))
      for (const match of readFileSync(join(dest, file), 'utf8').matchAll(
        /^(?:;)?\/\/ (?:CONCATENATED|EXTERNAL) MODULE: \.\/(\S*node_modules\/(?:@[^/\s]+\/)?[^/\s]+)\//gm,
      )) {
        const dir = match[1];
        const name = dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length);
        packages.set(name, dir);
      }
  return packages;
}

function addMissingLicenses(dest) {
  const file = join(dest, 'licenses.txt');
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const listed = (name) => text.startsWith(`${name}\n`) || text.includes(`\n${name}\n`);
  for (const [name, dir] of [...bundledPackages(dest)].sort(([a], [b]) => a.localeCompare(b))) {
    if (listed(name)) continue;
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const licenseFile = readdirSync(join(root, dir)).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const body = licenseFile ? readFileSync(join(root, dir, licenseFile), 'utf8').trim() : '';
    text += `${text === '' || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n'}${name}\n${manifest.license ?? 'UNKNOWN'}\n${body}\n`;
  }
  if (text !== '') writeFileSync(file, text);
}

async function main() {
  const args = process.argv.slice(2);
  let outRoot = join(root, 'dist');
  const outIndex = args.indexOf('--out');
  if (outIndex !== -1) {
    outRoot = resolve(args[outIndex + 1]);
    args.splice(outIndex, 2);
  }
  const selected = entries().filter((e) => args.length === 0 || args.includes(e.name));
  if (args.length === 0) rmSync(outRoot, { recursive: true, force: true });
  mkdirSync(outRoot, { recursive: true });
  const queue = [...selected];
  const failures = [];
  const worker = async () => {
    for (let e = queue.shift(); e; e = queue.shift()) {
      try {
        await bundle(e, outRoot);
        console.log(`built ${e.entry} -> ${relative(root, join(outRoot, e.out))}/index.js`);
      } catch (error) {
        failures.push(`${e.entry}: ${error.stderr || error.message}`);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  if (failures.length) {
    console.error(failures.join('\n'));
    process.exit(1);
  }
  writeFileSync(join(outRoot, '.gitattributes'), '* -diff linguist-generated=true\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
