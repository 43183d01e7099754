/**
 * `workspaces: true` through the bundled action on the shapes real monorepos have: a manifest with
 * a byte order mark, one that cannot be read, packages sharing a name, `file:`/`link:`/aliased
 * `workspace:` dependencies whose key is not the target's name, a real lockfile bump (trpc, pnpm
 * lockfile v9) that reaches a few packages, root fields that change no install, global-files, and
 * a lockfile that cannot be parsed.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAction } from '../harness/index.js';
import { events, Scenario } from '../support/git-scenarios.js';

const scenarios: Scenario[] = [];
afterAll(() => {
  for (const s of scenarios) s.cleanup();
});

const manifest = (name: string, deps: Record<string, string> = {}, bom = false) =>
  `${bom ? '\uFEFF' : ''}${JSON.stringify({ name, version: '1.0.0', dependencies: deps }, null, 2)}\n`;

const ROOT = `${JSON.stringify(
  { name: 'root', private: true, packageManager: 'pnpm@9.0.0', scripts: { test: 'x' }, devDependencies: {} },
  null,
  2,
)}\n`;

function monorepo() {
  const s = new Scenario();
  scenarios.push(s);
  const before = s.commit('monorepo', {
    'package.json': ROOT,
    'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'apps/*'\n  - 'playground/*'\n",
    'pnpm-lock.yaml': "lockfileVersion: '9.0'\nimporters:\n  .: {}\n",
    'tsconfig.base.json': '{}\n',
    'packages/core/package.json': manifest('@acme/core', {}, true),
    'packages/core/src/index.ts': 'export {}\n',
    'packages/ui/package.json': manifest('@acme/ui', { 'core-alias': 'workspace:@acme/core@*' }),
    'packages/ui/src/index.ts': 'export {}\n',
    // Keys that are not the target's name: only the path says where they lead.
    'apps/web/package.json': manifest('web', { 'ui-lib': 'file:../../packages/ui' }),
    'apps/admin/package.json': manifest('admin', { widgets: 'link:../../packages/ui' }),
    'apps/cli/package.json': manifest('cli'),
    // Two playgrounds with one name (vite has five such pairs).
    'playground/a/package.json': manifest('playground'),
    'playground/a/main.ts': 'a\n',
    'playground/b/package.json': manifest('playground', { '@acme/ui': 'workspace:*' }),
  });
  return { s, before };
}

async function run(s: Scenario, before: string, head: string, inputs: Record<string, string> = {}) {
  const result = await runAction({
    action: 'changes',
    workspace: s.checkout(head),
    event: events.push({ before, after: head, ref: 'refs/heads/main' }),
    inputs: { filters: "all: '**'", workspaces: 'true', ...inputs },
  });
  const main = result.main;
  expect(main.exitCode, main.stdout + main.stderr).toBe(0);
  expect(main.outputs.all).toBe('true');
  return {
    main,
    affected: JSON.parse(main.outputs['affected-packages']!) as {
      name: string;
      path: string;
      reason: string;
    }[],
    warnings: main.annotations.filter((a) => a.command === 'warning').map((a) => a.value),
  };
}

describe('workspaces: true on real monorepo shapes (bundled action)', () => {
  it('a manifest with a BOM is read; file:/link:/workspace:alias@* dependents found by path', async () => {
    const { s, before } = monorepo();
    const head = s.commit('core', { 'packages/core/src/index.ts': 'export const x = 1;\n' });
    const { affected, warnings } = await run(s, before, head);
    expect(warnings).toEqual([]);
    expect(affected).toEqual([
      { name: 'admin', path: 'apps/admin', reason: 'depends on @acme/ui' },
      { name: 'web', path: 'apps/web', reason: 'depends on @acme/ui' },
      { name: '@acme/core', path: 'packages/core', reason: 'files changed under packages/core/' },
      { name: '@acme/ui', path: 'packages/ui', reason: 'depends on @acme/core' },
      { name: 'playground', path: 'playground/b', reason: 'depends on @acme/ui' },
    ]);
  });

  it('two packages with one name stay two: a change in one does not affect the other', async () => {
    const { s, before } = monorepo();
    const head = s.commit('playground a', { 'playground/a/main.ts': 'a2\n' });
    const { affected } = await run(s, before, head);
    expect(affected).toEqual([
      { name: 'playground', path: 'playground/a', reason: 'files changed under playground/a/' },
    ]);
  });

  it('an unreadable manifest is reported and counted affected; the filter outputs still come', async () => {
    const { s, before } = monorepo();
    const head = s.commit('broken', { 'apps/cli/package.json': '{ "name": "cli", \n' });
    const { affected, warnings } = await run(s, before, head);
    expect(affected).toEqual([
      {
        name: 'apps/cli',
        path: 'apps/cli',
        reason: expect.stringContaining('files changed under apps/cli/'),
      },
    ]);
    expect(warnings).toEqual([expect.stringContaining('apps/cli/package.json cannot be read')]);
  });

  it('root scripts and packageManager touch only the root; global-files affect every package', async () => {
    const { s, before } = monorepo();
    const root = JSON.parse(ROOT) as Record<string, unknown>;
    const head = s.commit('root only', {
      'package.json': `${JSON.stringify({ ...root, packageManager: 'pnpm@9.1.0', scripts: { test: 'y' } }, null, 2)}\n`,
    });
    const rootOnly = await run(s, before, head);
    expect(rootOnly.affected).toEqual([]);
    expect(rootOnly.main.stdout).toContain(
      'Affects only the root project: root package.json: packageManager, scripts.',
    );
    const tsconfig = s.commit('tsconfig', { 'tsconfig.base.json': '{"strict": true}\n' });
    const global = await run(s, head, tsconfig, { 'global-files': 'tsconfig.*.json\n.github/**' });
    expect(global.affected).toHaveLength(7);
    expect(new Set(global.affected.map((p) => p.reason))).toEqual(
      new Set(['tsconfig.base.json changed (global-files: tsconfig.*.json)']),
    );
    const without = await run(s, head, tsconfig);
    expect(without.affected).toEqual([]);
  });

  it('a root package.json that changed and cannot be read whole affects every package (its workspaces list unreadable too)', async () => {
    const s = new Scenario();
    scenarios.push(s);
    const rootWith = (workspaces: unknown) =>
      `${JSON.stringify({ name: 'root', private: true, workspaces }, null, 2)}\n`;
    const before = s.commit('npm monorepo', {
      'package.json': rootWith(['packages/*']),
      'packages/a/package.json': manifest('a'),
      'packages/b/package.json': manifest('b'),
    });
    // A string where npm wants a list: the packages cannot be known from it.
    const shape = s.commit('workspaces as a string', { 'package.json': rootWith('packages/*') });
    const byShape = await run(s, before, shape);
    expect(byShape.affected.map((p) => [p.path, p.reason])).toEqual([
      ['packages/a', 'root package.json changed and cannot be compared'],
      ['packages/b', 'root package.json changed and cannot be compared'],
    ]);
    expect(byShape.warnings).toEqual([expect.stringContaining('"workspaces" is not a list of globs')]);
    const broken = s.commit('not JSON', { 'package.json': '{ "name": "root",\n' });
    const byParse = await run(s, before, broken);
    expect(byParse.affected.map((p) => p.path)).toEqual(['packages/a', 'packages/b']);
    expect(byParse.warnings).toEqual([
      expect.stringContaining('package.json (the root manifest) cannot be read'),
    ]);
  });

  it('a lockfile that cannot be parsed affects every package, with a warning saying why', async () => {
    const { s, before } = monorepo();
    const head = s.commit('lock', { 'pnpm-lock.yaml': "lockfileVersion: '9.0'\nimporters: [\n" });
    const { affected, warnings } = await run(s, before, head);
    expect(affected).toHaveLength(7);
    expect(warnings).toEqual([
      expect.stringMatching(/^pnpm-lock.yaml cannot be parsed \(.+\): every package/),
    ]);
  });

  it('trpc, fastify 5.8.1 → 5.8.3 (pnpm lockfile v9, lockfile only): the packages whose closure changed, and their dependents', async () => {
    const s = new Scenario();
    scenarios.push(s);
    const fixture = join(import.meta.dirname, 'fixtures/trpc-dff3dfea3');
    execFileSync('tar', ['-xzf', join(fixture, 'before.tar.gz'), '-C', s.origin]);
    const before = s.commit('trpc a6f049ee4');
    s.git(['apply', join(fixture, 'commit.patch')]);
    const head = s.commit('chore(deps): bump fastify from 5.8.1 to 5.8.3 (#7288)');
    const { affected, warnings } = await run(s, before, head);
    expect(warnings).toEqual([]);
    const direct = affected.filter((p) => !p.reason.startsWith('depends on'));
    expect(direct.map((p) => p.path)).toEqual([
      'examples/fastify-server',
      'examples/lambda-api-gateway',
      'examples/lambda-url',
      'examples/nuxt',
      'packages/server',
      'packages/tests',
      'www',
    ]);
    expect(direct.find((p) => p.path === 'packages/server')!.reason).toBe(
      'resolved dependencies changed in pnpm-lock.yaml: +fastify@5.8.3, -fastify@5.8.1',
    );
    // Everything else that is in, is in because it depends on @trpc/server.
    expect(new Set(affected.filter((p) => p.reason.startsWith('depends on')).map((p) => p.reason))).toEqual(
      new Set(['depends on @trpc/server']),
    );
    expect(affected.length).toBeLessThan(50);
  });
});
