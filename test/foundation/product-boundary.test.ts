/**
 * Test code stays out of the product, and the demo's embedded services stay out of the actions:
 * src/ never imports test/, only the demo command reaches src/demo, no action bundle carries a demo
 * service, and no bundle (the CLI's included) carries a file of test/support or test/harness.
 *
 * A bundle is recognised by the first line of each source file's leading doc comment, which ncc
 * keeps; the CLI bundle must carry every demo service's line, so a build that dropped comments
 * fails here instead of passing blind.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUITE_ROOT } from '../harness/index.js';

function files(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => path.endsWith(ext) && statSync(path).isFile());
}

/** The first line of text of a file's leading `/** … *\/` comment, or undefined. */
function docMarker(path: string): string | undefined {
  const match = /^\s*\/\*\*\s*\n\s*\*\s*(.+)/.exec(readFileSync(path, 'utf8'));
  const line = match?.[1]?.trim();
  return line && line.length >= 30 ? line : undefined;
}

function bundleText(dir: string): string {
  return files(join(SUITE_ROOT, 'dist', dir), '.js')
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
}

const DEMO_SERVICES = files(join(SUITE_ROOT, 'src/demo/services'), '.ts');
const TEST_CODE = [
  ...files(join(SUITE_ROOT, 'test/support'), '.ts'),
  ...files(join(SUITE_ROOT, 'test/harness'), '.ts'),
];
const ACTION_BUNDLES = readdirSync(join(SUITE_ROOT, 'dist')).filter(
  (name) => name !== 'cli' && existsSync(join(SUITE_ROOT, 'dist', name, 'index.js')),
);

describe('product boundary', () => {
  it('src/ never imports test/, only the demo command imports src/demo, src/oci and src/net never import src/runtime', () => {
    const offenders: string[] = [];
    for (const path of files(join(SUITE_ROOT, 'src'), '.ts')) {
      const file = relative(SUITE_ROOT, path);
      const imports = [...readFileSync(path, 'utf8').matchAll(/(?:from|import\()\s*'([^']+)'/g)].map(
        (m) => m[1],
      );
      for (const spec of imports) {
        if (!spec?.startsWith('.')) continue;
        const target = relative(SUITE_ROOT, join(path, '..', spec));
        if (target.startsWith('test/')) offenders.push(`${file} imports ${target}`);
        // The registry client and the HTTP layer raise their own errors and run without a runner.
        if (/^src\/(oci|net)\//.test(file) && target.startsWith('src/runtime/'))
          offenders.push(`${file} imports ${target}`);
        if (target.startsWith('src/demo/') && !file.startsWith('src/demo/') && file !== 'src/cli/demo.ts')
          offenders.push(`${file} imports ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no domain module reads process.env: only the runtime, the commands and the processes they spawn', () => {
    // The runtime hands each action its environment; commands (src/cli, `gantry policy`, the demo)
    // read theirs at the door; git and the template runner pass the host's on to the processes they
    // start. Everything else is handed what it needs (the GitHub context through ctx.github).
    const allowed = [
      /^src\/runtime\//,
      /^src\/cli\//,
      /^src\/cli\.ts$/,
      /^src\/[a-z-]+\/(main|post)\.ts$/,
      /^src\/demo\/sample-repo\.ts$/,
      /^src\/policy\/cli\.ts$/,
      /^src\/git\/git\.ts$/,
      /^src\/local-runner\/environment\.ts$/,
    ];
    const readers = files(join(SUITE_ROOT, 'src'), '.ts')
      .map((path) => relative(SUITE_ROOT, path))
      .filter((file) => !allowed.some((pattern) => pattern.test(file)))
      .filter((file) =>
        readFileSync(join(SUITE_ROOT, file), 'utf8')
          .split('\n')
          .some((line) => /process\.env\b/.test(line) && !/^\s*(\*|\/\/)/.test(line)),
      );
    expect(readers).toEqual([]);
  });

  it('every demo service and every test support file has a marker line', () => {
    expect(DEMO_SERVICES.length).toBeGreaterThanOrEqual(3);
    const unmarked = [...DEMO_SERVICES, ...TEST_CODE]
      .filter((path) => docMarker(path) === undefined && !/global-setup\.ts$/.test(path))
      .map((path) => relative(SUITE_ROOT, path));
    expect(unmarked, 'each needs a leading doc comment whose first line says what it is').toEqual([]);
  });

  it('dist/cli carries the demo services (so the markers are seen in a bundle)', () => {
    const cli = bundleText('cli');
    for (const path of DEMO_SERVICES) {
      expect(cli.includes(docMarker(path) as string), `${relative(SUITE_ROOT, path)} in dist/cli`).toBe(true);
    }
  });

  it.each(ACTION_BUNDLES)('dist/%s carries no demo service', (name) => {
    const bundle = bundleText(name);
    for (const path of DEMO_SERVICES) {
      const marker = docMarker(path) as string;
      expect(bundle.includes(marker), `${relative(SUITE_ROOT, path)} in dist/${name}`).toBe(false);
    }
  });

  it.each(['cli', ...ACTION_BUNDLES])('dist/%s carries no test code', (name) => {
    const bundle = bundleText(name);
    for (const path of TEST_CODE) {
      const marker = docMarker(path);
      if (marker)
        expect(bundle.includes(marker), `${relative(SUITE_ROOT, path)} in dist/${name}`).toBe(false);
    }
  });
});
