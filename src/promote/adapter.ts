import { readFileSync } from 'node:fs';
import { formatReference, openRepository, createRegistryClient, type Reference } from '../oci/index.js';
import type { ActionFn } from '../runtime/step.js';
import type { Runtime } from '../runtime/runtime.js';
import { readConfig } from './config.js';
import { INPUT, OUTPUT } from './constants.js';
import { promote } from './promote.js';
import { rollback } from './rollback.js';
import { TagsSettledError } from './tags.js';
import type { PromoteDeps, PromoteResult } from './types.js';
import { renderFailureSummary, renderSummary } from './summary.js';

export const main: ActionFn = async (ctx) => {
  const { runtime, log } = ctx;
  // Masked before anything can print it, even a parse error about another input.
  const password = runtime.getInput(INPUT.password).trim();
  if (password) runtime.setSecret(password);
  // Files named by inputs (trusted-root, public-key) are read relative to the working directory, as the runner sets it.
  const readers =
    ctx.inputs.optional(INPUT.policy) || ctx.inputs.optional(INPUT.waivers)
      ? await import('../policy/file.js')
      : undefined;
  const config = readConfig(ctx.inputs, (path) => readFileSync(path, 'utf8'), readers);

  // username/password serve the destination registries; everything else uses the Docker config file.
  const explicit = Object.fromEntries(
    config.credentials
      ? config.destinations
          .filter((d) => d.ref.kind === 'registry')
          .map((d) => [(d.ref as Reference & { registry: string }).registry, config.credentials!])
      : [],
  );
  const client = createRegistryClient({
    http: ctx.http(),
    env: runtime.env,
    explicit,
    insecureRegistries: config.insecureRegistries,
    onSecret: (secret) => runtime.setSecret(secret),
  });
  const deps: PromoteDeps = {
    open: (ref, role) => openRepository(ref, client, { createLayout: role === 'destination' }),
    now: () => ctx.clock.now(),
    info: (message) => runtime.info(message),
    warn: (message) => runtime.annotate({ level: 'warning', title: 'promote', message }),
    run: {
      repository: ctx.github.repository,
      commit: ctx.github.sha,
      workflowRun: ctx.github.runUrl,
      actor: ctx.github.actor,
    },
  };

  const result: PromoteResult = await withTagsSummary(runtime, () =>
    log.stage(
      config.rollback ? 'rollback' : 'promote',
      () =>
        runtime.group(config.rollback ? 'Roll back' : `Promote ${config.source!.text}`, () =>
          config.rollback ? rollback(config, deps) : promote(config, deps),
        ),
      (r) => ({
        digest: r.digest,
        dry_run: r.dryRun,
        tags_moved: r.tags.filter((t) => t.outcome !== 'unchanged' && t.outcome !== 'planned').length,
        blobs_mounted: r.stats.blobsMounted,
        blobs_copied: r.stats.blobsCopied,
        bytes_copied: r.stats.bytesCopied,
      }),
    ),
  );

  runtime.setOutput(OUTPUT.digest, result.digest);
  runtime.setOutput(OUTPUT.promoted, JSON.stringify(result.tags));
  runtime.setOutput(
    OUTPUT.record,
    result.record ? JSON.stringify({ ...result.record, recordDigest: result.recordDigest }) : '',
  );
  runtime.setOutput(OUTPUT.blobsMounted, String(result.stats.blobsMounted));
  runtime.setOutput(OUTPUT.blobsCopied, String(result.stats.blobsCopied));
  runtime.setOutput(OUTPUT.bytesCopied, String(result.stats.bytesCopied));
  for (const tag of result.tags)
    runtime.info(`${tag.reference}: ${tag.outcome} (${tag.previous ?? 'new'} → ${tag.digest})`);
  await runtime.appendSummary(
    renderSummary(result, config.source ? formatReference(config.source.ref) : undefined),
  );
};

/** A promotion that failed while tags moved still says, in the job summary, what every tag holds. */
async function withTagsSummary<T>(runtime: Runtime, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof TagsSettledError)
      await runtime.appendSummary(renderFailureSummary(error.tags)).catch(() => undefined);
    throw error;
  }
}
