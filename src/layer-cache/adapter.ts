import { tmpdir } from 'node:os';
import { type OciRepository, openRepository, createRegistryClient, type Reference } from '../oci/index.js';
import { isServiceError } from '../net/index.js';
import { errorMessage } from '../runtime/errors.js';
import type { ActionContext, ActionFn } from '../runtime/step.js';
import { escapeMarkdown, markdownTable } from '../runtime/text.js';
import { planBuildx, resolveBuildx, unresolvedBuildx } from './buildx.js';
import { CacheMissError, type CacheOptions, findCache, restoreCache, saveCache } from './cache.js';
import {
  type BuildxConfig,
  type Credentials,
  type PathsConfig,
  type PruneConfig,
  readConfig,
} from './config.js';
import { OUTPUT, STATE } from './constants.js';
import { prune } from './prune.js';

export const main: ActionFn = async (ctx) => {
  const config = readConfig(ctx.inputs, ctx.runtime, ctx.workspace, ctx.github);
  if (config.mode === 'buildx') return buildx(ctx, config);
  if (config.mode === 'prune') return pruneMode(ctx, config);
  return restore(ctx, config);
};

export const post: ActionFn = async (ctx) => {
  const config = readConfig(ctx.inputs, ctx.runtime, ctx.workspace, ctx.github);
  if (config.mode !== 'paths') return;
  return save(ctx, config);
};

/**
 * actions/layer-cache/restore: the paths mode's restore as a step of its own (actions/cache/restore).
 * The same function the single action's main step runs; its state is simply never read.
 */
export const restoreStep: ActionFn = async (ctx) => {
  const config = readConfig(ctx.inputs, ctx.runtime, ctx.workspace, ctx.github);
  if (config.mode !== 'paths') throw new Error('internal error: the restore sub-action reads paths mode');
  return restore(ctx, config);
};

/**
 * actions/layer-cache/save: the paths mode's save as a step of its own (actions/cache/save), so a
 * workflow can save with `if: always()` after a failed step. It needs nothing from a restore step:
 * the key is its input, and whether that key already has a cache is asked of the registry.
 */
export const saveStep: ActionFn = async (ctx) => {
  const config = readConfig(ctx.inputs, ctx.runtime, ctx.workspace, ctx.github);
  if (config.mode !== 'paths') throw new Error('internal error: the save sub-action reads paths mode');
  return save(ctx, config, { standalone: true });
};

function openStore(
  ctx: ActionContext,
  repository: Reference,
  credentials: Credentials | undefined,
): OciRepository {
  const explicit: Record<string, Credentials> =
    credentials && repository.kind === 'registry' ? { [repository.registry]: credentials } : {};
  const client = createRegistryClient({
    http: ctx.http(),
    env: ctx.runtime.env,
    explicit,
    onSecret: (secret) => ctx.runtime.setSecret(secret),
  });
  return openRepository(repository, client, { createLayout: true });
}

function cacheOptions(ctx: ActionContext, config: PathsConfig, store: OciRepository): CacheOptions {
  return {
    store,
    scopes: config.scopes,
    spec: config.spec,
    compression: config.compression,
    info: (message) => ctx.runtime.info(message),
    now: () => ctx.clock.now(),
  };
}

/**
 * Network and registry failures (any ServiceError: unreachable, an error status, content that does
 * not match its digest, a broken layout) make a restore a miss and a save a skip, as with
 * actions/cache. Refused credentials are not one of them: they stay the user's to fix.
 */
function isInfrastructureFailure(error: unknown): boolean {
  return isServiceError(error);
}

async function buildx(ctx: ActionContext, config: BuildxConfig): Promise<void> {
  const store = openStore(ctx, config.repository, config.credentials);
  const display = `${config.repository.registry}/${config.repository.repository}`;
  const plan = planBuildx(display, config.scope, config.build, config.readOnly);
  const result = await ctx.log.stage(
    'lookup',
    () =>
      resolveBuildx(plan, store).catch((error: unknown) => {
        if (!isInfrastructureFailure(error)) throw error;
        ctx.runtime.annotate({
          level: 'warning',
          message: `Cache refs not checked, building without cache-from: ${errorMessage(error)}`,
        });
        return unresolvedBuildx(plan);
      }),
    (r) => ({
      candidates: r.plan.candidates.length,
      found: r.found.length,
      writes: r.plan.writeRef !== undefined,
    }),
  );
  ctx.runtime.setOutput(OUTPUT.cacheFrom, result.cacheFrom.join('\n'));
  ctx.runtime.setOutput(OUTPUT.cacheTo, result.cacheTo.join('\n'));
  const rows = plan.candidates.map((c) => [
    `\`${escapeMarkdown(c.ref)}\``,
    escapeMarkdown(c.why),
    result.found.includes(c.ref) ? 'found' : 'not found',
    c.ref === plan.writeRef ? 'written' : '',
  ]);
  await ctx.runtime.appendSummary(
    `### layer-cache (buildx)\n\n${markdownTable(['ref', 'why', 'cache-from', 'cache-to'], rows)}\n${
      plan.writeRef
        ? `Writes \`${escapeMarkdown(plan.writeRef)}\`: ${escapeMarkdown(plan.writeReason)}.`
        : `No cache-to: ${escapeMarkdown(plan.writeReason)}.`
    }\n`,
  );
}

async function restore(ctx: ActionContext, config: PathsConfig): Promise<void> {
  const { runtime } = ctx;
  runtime.saveState(STATE.primaryKey, config.key);
  runtime.setOutput(OUTPUT.cachePrimaryKey, config.key);
  let matchedKey: string | undefined;
  let detail: string;
  if (!config.repository) {
    // @actions/cache (and the Azure SDK it carries) is loaded only on this path, so the registry
    // modes start as fast as the other actions.
    const { restoreFromGitHub } = await import('./github-cache.js');
    const result = await ctx.log.stage('restore', () =>
      restoreFromGitHub(config.spec.lines, config.key, config.restoreKeys, config.lookupOnly).catch(
        (error: unknown) => {
          runtime.annotate({
            level: 'warning',
            message: `GitHub's cache service failed; continuing without a cache: ${errorMessage(error)}`,
          });
          return { available: true, matchedKey: undefined };
        },
      ),
    );
    if (!result.available) {
      runtime.annotate({
        level: 'warning',
        message:
          "GitHub's cache service is not available to this step (no ACTIONS_RESULTS_URL / ACTIONS_RUNTIME_TOKEN); set 'cache-repository' to cache in a registry.",
      });
    }
    matchedKey = result.matchedKey;
    detail = "GitHub's cache service (no cache-repository given)";
  } else {
    const store = openStore(ctx, config.repository, config.credentials);
    const options = cacheOptions(ctx, config, store);
    detail = escapeMarkdown(store.display);
    let match: Awaited<ReturnType<typeof findCache>>;
    try {
      const found = await ctx.log.stage(
        'lookup',
        () => findCache({ ...options, key: config.key, restoreKeys: config.restoreKeys }),
        (m) => ({ matched: m?.manifest.key ?? null, exact: m?.exact ?? false }),
      );
      match = found;
      if (found && !config.lookupOnly) {
        const restored = await ctx.log.stage(
          'restore',
          () =>
            restoreCache({
              ...options,
              manifest: found.manifest,
              tempDir: runtime.env.RUNNER_TEMP || tmpdir(),
            }),
          (r) => ({ layers: r.layers, bytes: r.bytes, files: r.files }),
        );
        detail += ` — ${restored.layers} layers, ${restored.files} files, ${restored.bytes} bytes`;
      }
      if (found) {
        matchedKey = found.manifest.key;
        runtime.saveState(STATE.matchedDigest, found.manifest.digest);
      }
    } catch (error) {
      if (!(error instanceof CacheMissError) && !isInfrastructureFailure(error)) throw error;
      // A broken cache under this very key would otherwise stay broken: immutability must not protect it.
      if (error instanceof CacheMissError && match?.exact)
        runtime.saveState(STATE.brokenDigest, match.manifest.digest);
      runtime.annotate({
        level: 'warning',
        message: `Cache not restored (treated as a miss): ${errorMessage(error)}`,
      });
    }
  }
  const hit = matchedKey === config.key;
  runtime.setOutput(OUTPUT.cacheHit, String(hit));
  runtime.setOutput(OUTPUT.cacheMatchedKey, matchedKey ?? '');
  if (matchedKey) runtime.saveState(STATE.matchedKey, matchedKey);
  const outcome = matchedKey ? (hit ? 'hit' : `restored from \`${escapeMarkdown(matchedKey)}\``) : 'miss';
  await runtime.appendSummary(
    `### layer-cache (paths)\n\n${markdownTable(['key', 'result', 'where'], [[`\`${escapeMarkdown(config.key)}\``, config.lookupOnly && matchedKey ? `${outcome} (lookup only)` : outcome, detail]])}`,
  );
  if (!matchedKey && config.failOnCacheMiss) {
    throw new Error(
      `No cache for key ${config.key}${config.restoreKeys.length ? ' or its restore-keys' : ''}, and 'fail-on-cache-miss' is true.`,
    );
  }
}

async function save(
  ctx: ActionContext,
  config: PathsConfig,
  options: { standalone?: boolean } = {},
): Promise<void> {
  const { runtime } = ctx;
  // The save sub-action has no restore step of its own: its key input is the key.
  const key = (!options.standalone && runtime.getState(STATE.primaryKey)) || config.key;
  if (config.save === 'never') return runtime.info("Not saving: 'save' is 'never'.");
  if (runtime.getState(STATE.matchedKey) === key)
    return runtime.info(`Cache hit on ${key}: not saved again (caches are immutable by key).`);
  if (!config.repository) {
    try {
      const { saveToGitHub } = await import('./github-cache.js');
      const result = await ctx.log.stage('save', () => saveToGitHub(config.spec.lines, key));
      if (!result.available)
        runtime.annotate({
          level: 'warning',
          message: "Not saved: GitHub's cache service is not available to this step.",
        });
    } catch (error) {
      runtime.annotate({
        level: 'warning',
        message: `Not saved to GitHub's cache service: ${errorMessage(error)}`,
      });
    }
    return;
  }
  const store = openStore(ctx, config.repository, config.credentials);
  try {
    const result = await ctx.log.stage(
      'save',
      () =>
        saveCache({
          ...cacheOptions(ctx, config, store),
          key,
          runId: ctx.github.runId,
          previousDigest: runtime.getState(STATE.matchedDigest) || undefined,
          brokenDigest: runtime.getState(STATE.brokenDigest) || undefined,
        }),
      (r) => ({
        saved: r.saved,
        layers: r.layers,
        uploaded_layers: r.uploadedLayers,
        uploaded_bytes: r.uploadedBytes,
        total_bytes: r.totalBytes,
        files: r.files,
      }),
    );
    if (!result.saved) {
      // As actions/cache/save says it: an existing key is not an error, but the step did nothing.
      if (options.standalone && result.exists)
        runtime.annotate({ level: 'notice', message: `Cache not saved: ${result.reason}.` });
      else runtime.info(`Not saved: ${result.reason}.`);
      return;
    }
    await runtime.appendSummary(
      `### layer-cache (paths): saved\n\n${markdownTable(
        ['key', 'layers', 'uploaded', 'files'],
        [
          [
            `\`${escapeMarkdown(key)}\``,
            `${result.uploadedLayers} new of ${result.layers}`,
            `${result.uploadedBytes} of ${result.totalBytes} bytes`,
            String(result.files),
          ],
        ],
      )}`,
    );
  } catch (error) {
    if (!isInfrastructureFailure(error)) throw error;
    runtime.annotate({ level: 'warning', message: `Cache not saved: ${errorMessage(error)}` });
  }
}

async function pruneMode(ctx: ActionContext, config: PruneConfig): Promise<void> {
  const store = openStore(ctx, config.repository, config.credentials);
  const result = await ctx.log.stage(
    'prune',
    () =>
      prune({
        store,
        keepLast: config.keepLast,
        maxAgeMs: config.maxAgeMs,
        keyPrefixes: config.keyPrefixes,
        dryRun: config.dryRun,
        runId: ctx.github.runId,
        now: ctx.clock.now(),
      }),
    (r) => ({ deleted: r.deleted.length, kept: r.kept.length, ignored: r.ignored, dry_run: config.dryRun }),
  );
  ctx.runtime.setOutput(OUTPUT.deleted, result.deleted.map((d) => d.key).join('\n'));
  ctx.runtime.setOutput(OUTPUT.kept, result.kept.map((d) => d.key).join('\n'));
  const rows = [
    ...result.deleted.map((d) => ({ ...d, action: config.dryRun ? 'would delete' : 'deleted' })),
    ...result.kept.map((d) => ({ ...d, action: 'kept' })),
  ].map((d) => [
    `\`${escapeMarkdown(d.key)}\``,
    escapeMarkdown(d.group),
    d.created,
    d.action,
    escapeMarkdown(d.reason),
  ]);
  await ctx.runtime.appendSummary(
    `### layer-cache (prune${config.dryRun ? ', dry run' : ''})\n\n${markdownTable(['key', 'group', 'created', 'action', 'why'], rows)}\n${result.ignored} other tags (BuildKit caches, images) left alone.\n`,
  );
}
