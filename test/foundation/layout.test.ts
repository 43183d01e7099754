import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  EXPORT_TOKEN_ALIAS,
  REFUSED_VAULT_ACTION_INPUTS,
  VAULT_ACTION_ALIASES,
} from '../../src/vault-secrets/compat.js';
import { SUITE_ROOT } from '../harness/index.js';

// Actions and their sub-actions (actions/layer-cache/restore), whose bundle is dist/<name>-<sub>.
const actions = readdirSync(join(SUITE_ROOT, 'actions'))
  .filter((name) => existsSync(join(SUITE_ROOT, 'actions', name, 'action.yml')))
  .flatMap((name) => [
    name,
    ...readdirSync(join(SUITE_ROOT, 'actions', name))
      .filter((sub) => existsSync(join(SUITE_ROOT, 'actions', name, sub, 'action.yml')))
      .map((sub) => `${name}/${sub}`),
  ]);
const bundleOf = (name: string) => name.replace('/', '-');
const up = (name: string) => '../'.repeat(name.split('/').length + 1);

// The one exception to kebab-case inputs: hashicorp/vault-action's own names, accepted by vault-secrets
// so a step switches by its `uses:` line (issue 17).
const PEER_INPUT_NAMES: Record<string, ReadonlySet<string>> = {
  'vault-secrets': new Set([
    ...Object.keys(VAULT_ACTION_ALIASES),
    EXPORT_TOKEN_ALIAS,
    ...Object.keys(REFUSED_VAULT_ACTION_INPUTS),
  ]),
};

// Which SDKs each bundle may carry: only what its action imports (the GitHub cache client pulls in Azure).
const MAY_CARRY_CACHE_SDK = new Set([
  'layer-cache',
  'layer-cache/restore',
  'layer-cache/save',
  'quarantine',
  'pipeline-diff',
  'pipeline-metrics',
  'cli',
]);

describe('suite layout', () => {
  it('has the packaging the issue asks for', () => {
    const pkg = JSON.parse(readFileSync(join(SUITE_ROOT, 'package.json'), 'utf8'));
    expect(pkg.type).toBe('module');
    expect(pkg.engines.node).toMatch(/24/);
    expect(readFileSync(join(SUITE_ROOT, '.node-version'), 'utf8').trim()).toBe('24');
    expect(readFileSync(join(SUITE_ROOT, '.ci/run'), 'utf8')).toContain('npm ci && npm run ci');
    expect(readFileSync(join(SUITE_ROOT, 'README.md'), 'utf8')).toContain('npm ci && npm run ci');
  });

  it.each(actions)(
    'actions/%s runs its own node24 bundle, documents every input and output, and ships licences',
    (name) => {
      const doc = parse(readFileSync(join(SUITE_ROOT, 'actions', name, 'action.yml'), 'utf8'));
      expect(doc.runs.using).toBe('node24');
      expect(doc.runs.main).toBe(`${up(name)}dist/${bundleOf(name)}/index.js`);
      if (doc.runs.post) {
        expect(doc.runs.post).toBe(`${up(name)}dist/${bundleOf(name)}/post/index.js`);
        expect(doc.runs['post-if'], 'post-if is chosen deliberately').toBeTruthy();
      }
      for (const target of [doc.runs.main, doc.runs.post].filter(Boolean)) {
        const bundle = join(SUITE_ROOT, 'actions', name, target);
        expect(existsSync(bundle), `${bundle} is built`).toBe(true);
        expect(existsSync(join(bundle, '..', 'licenses.txt'))).toBe(true);
      }
      for (const [input, spec] of Object.entries<{ description?: string }>(doc.inputs ?? {})) {
        if (!PEER_INPUT_NAMES[name]?.has(input)) expect(input).toMatch(/^[a-z][a-z0-9-]*$/);
        expect(spec?.description, `input ${input} has a description`).toBeTruthy();
      }
      for (const [output, spec] of Object.entries<{ description?: string }>(doc.outputs ?? {})) {
        // `<filter>`, `<filter>_count`: outputs named by the user's configuration (the changes action).
        expect(output).toMatch(/^(?:[a-z][a-z0-9-]*|<[a-z]+>(?:_[a-z]+)?)$/);
        expect(spec?.description, `output ${output} has a description`).toBeTruthy();
      }
    },
  );

  it.each(actions.filter((name) => !MAY_CARRY_CACHE_SDK.has(name)))(
    'dist/%s carries only what its action imports',
    (name) => {
      const bundle = readFileSync(join(SUITE_ROOT, 'dist', bundleOf(name), 'index.js'), 'utf8');
      expect(bundle).not.toMatch(/@azure\/storage-blob|@actions\/cache/);
    },
  );

  it('keeps every action README reference in sync with its action.yml', () => {
    execFileSync(process.execPath, [join(SUITE_ROOT, 'scripts/action-docs.mjs'), '--check'], {
      stdio: 'pipe',
    });
  });
});
