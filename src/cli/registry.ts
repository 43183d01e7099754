import type { ActionFn } from '../runtime/run.js';

/** An action as the CLI runs it: the same functions the bundles' main.ts and post.ts call. */
export interface CliAction {
  name: string;
  main: () => Promise<ActionFn>;
  post?: () => Promise<ActionFn>;
}

/** A suite command that is not an action (`gantry pins …`, `gantry templates …`, `gantry demo`). */
export interface SuiteCommand {
  name: string;
  summary: string;
  run: (args: string[]) => Promise<number>;
}

// Imported lazily so `gantry changes` does not load the registry or Vault code.
export const CLI_ACTIONS: CliAction[] = [
  { name: 'promote', main: async () => (await import('../promote/run.js')).main },
  { name: 'changes', main: async () => (await import('../changes/run.js')).main },
  { name: 'quarantine', main: async () => (await import('../quarantine/run.js')).main },
  { name: 'registry-retention', main: async () => (await import('../retention/run.js')).main },
  {
    name: 'layer-cache',
    main: async () => (await import('../layer-cache/run.js')).main,
    post: async () => (await import('../layer-cache/run.js')).post,
  },
  {
    name: 'vault-secrets',
    main: async () => (await import('../vault-secrets/run.js')).main,
    post: async () => (await import('../vault-secrets/run.js')).post,
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
    run: async (args) => (await import('./demo.js')).demoCommand(args),
  },
  {
    name: 'policy',
    summary:
      'policy test --policy f --corpus dir | policy log <image>: test a policy, list recorded evaluations',
    run: async (args) => (await import('../policy/cli.js')).policyCommand(args),
  },
  {
    name: 'templates',
    summary: 'templates run <dir> --input k=v …: run a composite template locally, step by step',
    run: async (args) => (await import('./templates.js')).templatesCommand(args),
  },
];
