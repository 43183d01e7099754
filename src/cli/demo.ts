import { realpathSync } from 'node:fs';
import { readGitHubContext } from '../github/context.js';
import { buildImageCommand, runDemo } from '../demo/pipeline.js';
import { errorMessage } from '../runtime/errors.js';

const USAGE = `Usage: gantry demo [--keep] [--short] [--no-registry]

Runs the service-pipeline template end to end on a generated monorepo, against a local CNCF registry
and a local Vault API server that it starts and stops itself: changes → build once → test with
quarantine → promote dev → staging → production by digest → deploy with Vault secrets → rollback.
  --keep          keep the work directory (sample repo, registries, reports)
  --short         skip the staging hop
  --no-registry   use OCI layout directories as the registries`;

export async function demoCommand(
  args: string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<number> {
  // The image's revision label is the commit the GitHub context names (empty outside a job).
  if (args[0] === 'build-image') return buildImageCommand(args.slice(1), readGitHubContext(env).sha);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = args.filter((a) => !['--keep', '--short', '--no-registry'].includes(a));
  if (unknown.length) {
    process.stderr.write(`gantry demo: unknown argument ${JSON.stringify(unknown[0])}\n${USAGE}\n`);
    return 2;
  }
  try {
    const result = await runDemo({
      keep: args.includes('--keep'),
      short: args.includes('--short'),
      noRegistry: args.includes('--no-registry'),
      cliScript: realpathSync(process.argv[1]!),
    });
    process.stdout.write(`\n${result.summary}\n`);
    if (args.includes('--keep')) process.stdout.write(`Work directory kept: ${result.workdir}\n`);
    return result.ok ? 0 : 1;
  } catch (error) {
    process.stderr.write(`gantry demo failed: ${errorMessage(error)}\n`);
    return 1;
  }
}
