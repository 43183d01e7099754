import type { ActionFn } from '../runtime/step.js';

/** An action as the CLI runs it: the same functions the bundles' main.ts and post.ts call. */
export interface CliAction {
  name: string;
  /** Its folder under actions/ when that is not its name (a sub-action: layer-cache/restore). */
  dir?: string;
  main: () => Promise<ActionFn>;
  post?: () => Promise<ActionFn>;
}

/** A suite command that is not an action (`gantry pins …`, `gantry templates …`, `gantry demo`). */
export interface SuiteCommand {
  name: string;
  summary: string;
  /** `env`: the process environment the CLI was started with (the one place that reads it). */
  run: (args: string[], env: Readonly<Record<string, string | undefined>>) => Promise<number>;
}

// Imported lazily so `gantry changes` does not load the registry or Vault code.
export const CLI_ACTIONS: CliAction[] = [
  { name: 'promote', main: async () => (await import('../promote/adapter.js')).main },
  { name: 'changes', main: async () => (await import('../changes/adapter.js')).main },
  { name: 'quarantine', main: async () => (await import('../quarantine/adapter.js')).main },
  { name: 'pipeline-diff', main: async () => (await import('../pipeline-diff/adapter.js')).main },
  { name: 'pipeline-metrics', main: async () => (await import('../pipeline-metrics/adapter.js')).main },
  { name: 'registry-retention', main: async () => (await import('../retention/adapter.js')).main },
  {
    name: 'layer-cache',
    main: async () => (await import('../layer-cache/adapter.js')).main,
    post: async () => (await import('../layer-cache/adapter.js')).post,
  },
  {
    name: 'layer-cache-restore',
    dir: 'layer-cache/restore',
    main: async () => (await import('../layer-cache/adapter.js')).restoreStep,
  },
  {
    name: 'layer-cache-save',
    dir: 'layer-cache/save',
    main: async () => (await import('../layer-cache/adapter.js')).saveStep,
  },
  {
    name: 'vault-secrets',
    main: async () => (await import('../vault-secrets/adapter.js')).main,
    post: async () => (await import('../vault-secrets/adapter.js')).post,
  },
];

export const SUITE_COMMANDS: SuiteCommand[] = [
  {
    name: 'pins',
    summary: 'pins audit [dir…] | pins set --version vX.Y.Z dir: how uses: and base images are pinned',
    run: async (args) => (await import('../pins/cli.js')).runPins(args),
  },
  {
    name: 'demo',
    summary:
      'the whole pipeline on a generated monorepo with a local registry and Vault (the README main job)',
    run: async (args, env) => (await import('./demo.js')).demoCommand(args, env),
  },
  {
    name: 'policy',
    summary:
      'policy test --policy f --corpus dir | policy log <image>: test a policy, list recorded evaluations',
    run: async (args, env) => (await import('../policy/cli.js')).policyCommand(args, env),
  },
  {
    name: 'migrate',
    summary:
      'migrate [--write] [--cache-repository r] [dir]: move steps from paths-filter, vault-action, actions/cache, JUnit reporters to Gantry',
    run: async (args) => (await import('../migrate/cli.js')).migrateCommand(args),
  },
  {
    name: 'templates',
    summary: 'templates run <dir> --input k=v …: run a composite template locally, step by step',
    run: async (args) => (await import('./templates.js')).templatesCommand(args),
  },
];
