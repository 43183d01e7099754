import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { GitHub } from '../github/client.js';
import { CircuitOpenError, HttpTimeoutError, NetworkError } from '../net/index.js';
import {
  credentialChain,
  childrenOf,
  createLimiter,
  dockerConfigCredentials,
  RegistryAuthError,
  RegistryClient,
  RegistryError,
  type RegistryRepository,
} from '../oci/index.js';
import { ConfigurationError, errorMessage, isConfigurationError } from '../runtime/errors.js';
import type { ActionContext, ActionFn } from '../runtime/step.js';
import { escapeMarkdown, markdownTable } from '../runtime/text.js';
import { ApplyFailedError, type ApplyReport, applyPlan, type Deleter } from './apply.js';
import { INPUT, OUTPUT } from './constants.js';
import { readInventory, readTags } from './inventory.js';
import { describeTarget, listPackageVersions, packagesDeleter } from './packages.js';
import { planRetention, type RetentionPlan } from './plan.js';
import { parsePolicy, type RepositoryPolicy, type RetentionPolicy } from './policy.js';
import { spareRetagged } from './recheck.js';

export interface RetentionConfig {
  rulesFile: string;
  policy: RetentionPolicy;
  apply: boolean;
  credentials?: { username: string; password: string };
  githubToken?: string;
  insecureRegistries: string[];
  concurrency: number;
  planFile: string;
}

export function readConfig(ctx: ActionContext): RetentionConfig {
  const { inputs, runtime } = ctx;
  const password = inputs.optional(INPUT.password);
  if (password) runtime.setSecret(password);
  const token = inputs.optional(INPUT.githubToken);
  if (token) runtime.setSecret(token);
  const rules = inputs.string(INPUT.rules) || '.github/retention.yml';
  const path = isAbsolute(rules) ? rules : join(ctx.workspace, rules);
  if (!existsSync(path))
    throw new ConfigurationError(
      `Input '${INPUT.rules}': the rules file ${rules} does not exist. Add it (see the schema in actions/registry-retention/README.md) or point '${INPUT.rules}' at it.`,
    );
  let policy = parsePolicy(readFileSync(path, 'utf8'), rules);
  const only = inputs.optional(INPUT.repository);
  if (only) {
    const chosen = policy.repositories.filter((r) => r.text === only);
    if (!chosen.length)
      throw ConfigurationError.forInput(
        INPUT.repository,
        only,
        `one of the repositories in ${rules}: ${policy.repositories.map((r) => r.text).join(', ')}`,
      );
    policy = { repositories: chosen };
  }
  const username = inputs.optional(INPUT.username);
  if (Boolean(username) !== Boolean(password))
    throw new ConfigurationError(
      `Inputs '${INPUT.username}' and '${INPUT.password}' go together: give both, or neither (the Docker config file is read then).`,
    );
  const insecureRegistries = inputs
    .lines(INPUT.insecureRegistries)
    .flatMap((l) => l.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  for (const host of insecureRegistries)
    if (!/^[A-Za-z0-9.-]+(:\d+)?$/.test(host))
      throw ConfigurationError.forInput(
        INPUT.insecureRegistries,
        host,
        'host[:port] entries such as registry.local:5000',
      );
  const planFile =
    inputs.optional(INPUT.planFile) ??
    join(runtime.env.RUNNER_TEMP || tmpdir(), 'registry-retention-plan.json');
  return {
    rulesFile: rules,
    policy,
    apply: inputs.boolean(INPUT.apply, false),
    credentials: username && password ? { username, password } : undefined,
    githubToken: token,
    insecureRegistries,
    concurrency: inputs.integer(INPUT.concurrency, { min: 1, max: 64, fallback: 8 }),
    planFile: isAbsolute(planFile) ? planFile : join(ctx.workspace, planFile),
  };
}

interface RepositoryOutcome {
  plan: RetentionPlan;
  report?: ApplyReport;
  via: string;
}

export const main: ActionFn = async (ctx) => {
  const { runtime, log } = ctx;
  const config = readConfig(ctx);
  const explicit = Object.fromEntries(
    config.credentials ? config.policy.repositories.map((r) => [r.ref.registry, config.credentials!]) : [],
  );
  const client = new RegistryClient({
    http: ctx.http(),
    credentials: credentialChain(explicit, dockerConfigCredentials(runtime.env)),
    insecureRegistries: config.insecureRegistries,
    onSecret: (secret) => runtime.setSecret(secret),
  });
  let github: GitHub | undefined;
  const gitHub = async (policy: RepositoryPolicy) => {
    if (!config.githubToken)
      throw new ConfigurationError(
        `Input '${INPUT.githubToken}' is required for ${policy.text}: ${describeTarget(policy.package!)} is read and deleted through GitHub's Packages API. Give a token with read:packages (and delete:packages to apply).`,
      );
    github ??= await ctx.gitHub(config.githubToken);
    return github;
  };

  // Every repository is planned before anything is deleted: a bad entry fails the step first.
  const planned: {
    policy: RepositoryPolicy;
    plan: RetentionPlan;
    deleter: Deleter;
    /** The tags as the plan saw them, and the tags now (read again just before deleting). */
    recheck: () => Promise<void>;
  }[] = [];
  for (const policy of config.policy.repositories) {
    const repo = client.repository(policy.ref.registry, policy.ref.repository);
    const result = await log.stage(
      'plan',
      () =>
        runtime.group(`Plan ${policy.text}`, () =>
          reach(policy, config, async () => {
            const listing = policy.package
              ? await listPackageVersions(await gitHub(policy), policy.package)
              : undefined;
            const inventory = await readInventory(repo, {
              concurrency: config.concurrency,
              warn: (message) => runtime.annotate({ level: 'warning', title: 'registry-retention', message }),
              listing,
            });
            const plan = planRetention(policy, inventory, ctx.clock.now());
            const deleter: Deleter =
              policy.package && listing
                ? packagesDeleter(await gitHub(policy), policy.package, listing.versionIds)
                : registryDeleter(repo, policy);
            return {
              plan,
              deleter,
              inventory,
              listing,
              tags: inventory.tags.size,
              manifests: inventory.manifests.size,
            };
          }),
        ),
      (r) => ({
        repository: policy.text,
        tags: r.tags,
        manifests: r.manifests,
        to_delete: r.plan.deletions.length,
        bytes: r.plan.bytesFreed,
      }),
    );
    runtime.info(
      `${policy.text}: ${result.tags} tags, ${result.manifests} manifests; ${result.plan.deletions.length} to delete (${result.plan.bytesFreed} bytes), ${result.plan.kept.length} kept`,
    );
    const entry = {
      policy,
      plan: result.plan,
      deleter: result.deleter,
      recheck: async () => {
        if (entry.plan.deletions.length === 0) return;
        const now = policy.package
          ? (await listPackageVersions(await gitHub(policy), policy.package)).tags
          : await readTags(repo, createLimiter(config.concurrency));
        const { plan, spared } = await spareRetagged(entry.plan, result.inventory, now, async (digest) =>
          childrenOf(await repo.getManifest(digest)).map((d) => d.digest),
        );
        for (const s of spared)
          runtime.annotate({
            level: 'warning',
            title: 'registry-retention',
            message: `${policy.text}: ${s.digest} was tagged ${s.tags.join(', ')} after the plan was made (another writer); it is kept, not deleted.`,
          });
        entry.plan = plan;
      },
    };
    planned.push(entry);
  }

  const outcomes: RepositoryOutcome[] = planned.map((p) => ({ plan: p.plan, via: p.deleter.via }));
  const write = () => {
    const document = {
      rules: config.rulesFile,
      applied: config.apply,
      repositories: outcomes.map((o) => ({ ...o.plan, deletedVia: o.via, report: o.report })),
    };
    writeFileSync(config.planFile, `${JSON.stringify(document, null, 2)}\n`);
    return document;
  };
  let failure: unknown;
  if (config.apply) {
    for (const [i, p] of planned.entries()) {
      try {
        try {
          await log.stage(
            'recheck',
            () => reach(p.policy, config, p.recheck),
            () => ({ repository: p.policy.text, to_delete: p.plan.deletions.length }),
          );
        } catch (error) {
          for (const rest of outcomes.slice(i)) rest.report = notAttempted(rest.plan);
          failure = new ApplyFailedError(
            `${p.policy.text}: the tags could not be read again just before deleting, so nothing was deleted from it${outcomes.length > i + 1 ? ' or from the repositories after it' : ''}: ${errorMessage(error)}`,
            outcomes[i]!.report!,
            error,
          );
          break;
        }
        outcomes[i]!.plan = p.plan;
        outcomes[i]!.report = await log.stage(
          'apply',
          () => applyPlan(p.plan, p.deleter),
          (r) => ({ repository: p.policy.text, deleted: r.deleted.length, bytes: r.bytesFreed }),
        );
      } catch (error) {
        if (!(error instanceof ApplyFailedError)) throw error;
        outcomes[i]!.report = error.report;
        for (const rest of outcomes.slice(i + 1)) rest.report = notAttempted(rest.plan);
        failure = isConfigurationError(error.cause)
          ? new ConfigurationError(`${error.message} ${errorMessage(error.cause)}`)
          : error;
        break;
      }
    }
  }
  const document = write();
  const toDelete = outcomes.reduce((n, o) => n + o.plan.deletions.length, 0);
  const deleted = outcomes.reduce((n, o) => n + (o.report?.deleted.length ?? 0), 0);
  const bytes = outcomes.reduce(
    (n, o) => n + (config.apply ? (o.report?.bytesFreed ?? 0) : o.plan.bytesFreed),
    0,
  );
  runtime.setOutput(OUTPUT.planFile, config.planFile);
  runtime.setOutput(OUTPUT.toDelete, String(toDelete));
  runtime.setOutput(OUTPUT.deleted, String(deleted));
  runtime.setOutput(OUTPUT.bytesFreed, String(bytes));
  const compact = JSON.stringify(document);
  runtime.setOutput(OUTPUT.plan, compact.length <= 512 * 1024 ? compact : '');
  await runtime.appendSummary(renderSummary(outcomes, config.apply));
  if (failure) throw failure;
};

const SUMMARY_ROWS = 200;

function notAttempted(plan: RetentionPlan): ApplyReport {
  return { deleted: [], notAttempted: plan.deletions.map((d) => d.digest), bytesFreed: 0 };
}

export function renderSummary(outcomes: RepositoryOutcome[], apply: boolean): string {
  const parts = [`### registry-retention (${apply ? 'apply' : 'plan: nothing deleted'})\n`];
  for (const o of outcomes) {
    const done = new Set(o.report?.deleted ?? []);
    const state = (digest: string) =>
      !apply
        ? 'would delete'
        : done.has(digest)
          ? 'deleted'
          : o.report?.failed?.digest === digest
            ? '**failed**'
            : 'not deleted';
    parts.push(
      `#### ${escapeMarkdown(o.plan.repository)}\n\n${o.plan.deletions.length} to delete (${o.plan.bytesFreed} bytes freed), ${o.plan.kept.length} kept; deletes via ${o.via}.\n`,
    );
    if (o.plan.deletions.length) {
      const rows = o.plan.deletions
        .slice(0, SUMMARY_ROWS)
        .map((d) => [
          `\`${d.digest.slice(0, 19)}\``,
          escapeMarkdown(d.tags.slice(0, 5).join(', ') + (d.tags.length > 5 ? ` +${d.tags.length - 5}` : '')),
          escapeMarkdown(d.rule),
          escapeMarkdown(d.reason),
          d.created ?? 'unknown',
          d.lastPromotion ? `${escapeMarkdown(d.lastPromotion.environment)} ${d.lastPromotion.time}` : '',
          String(d.bytes),
          state(d.digest),
        ]);
      parts.push(
        markdownTable(['digest', 'tags', 'rule', 'why', 'created', 'last promotion', 'bytes', 'state'], rows),
      );
      if (o.plan.deletions.length > SUMMARY_ROWS)
        parts.push(`\n${o.plan.deletions.length - SUMMARY_ROWS} more in the plan file.\n`);
    }
    if (o.report?.failed)
      parts.push(
        `\nStopped at ${o.report.failed.digest}: ${escapeMarkdown(o.report.failed.error)}. ${o.report.deleted.length} deleted, ${o.report.notAttempted.length + 1} not. Running again is safe.\n`,
      );
  }
  return `${parts.join('\n')}\n`;
}

/** A registry that cannot be reached, or refuses, is a mistake in the rules file or the credentials. */
async function reach<T>(policy: RepositoryPolicy, config: RetentionConfig, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (
      error instanceof NetworkError ||
      error instanceof HttpTimeoutError ||
      error instanceof CircuitOpenError
    )
      throw new ConfigurationError(
        `Input '${INPUT.rules}': ${config.rulesFile}: cannot reach the registry of ${policy.text} (${error.message}). Check the repository's registry; one that speaks plain HTTP must be listed in '${INPUT.insecureRegistries}'. Nothing was deleted.`,
      );
    if (error instanceof RegistryAuthError)
      throw new ConfigurationError(
        `${error.message} (inputs '${INPUT.username}'/'${INPUT.password}'). Nothing was deleted.`,
      );
    throw error;
  }
}

function registryDeleter(repo: RegistryRepository, policy: RepositoryPolicy): Deleter {
  return {
    via: 'registry manifest DELETE',
    async delete(deletion) {
      try {
        await repo.deleteManifest(deletion.digest);
      } catch (error) {
        if (
          error instanceof RegistryAuthError ||
          (error instanceof RegistryError && (error.status === 401 || error.status === 403))
        )
          throw new ConfigurationError(
            `Registry ${policy.ref.registry} refused to delete from ${policy.ref.repository} (${errorMessage(error)}). Give '${INPUT.username}'/'${INPUT.password}' credentials with delete rights on the repository, or leave '${INPUT.apply}' false.`,
          );
        if (error instanceof RegistryError && (error.status === 405 || error.code === 'UNSUPPORTED'))
          throw new ConfigurationError(
            `Registry ${policy.ref.registry} does not allow deleting manifests (HTTP ${error.status}). Enable deletes (the CNCF registry: REGISTRY_STORAGE_DELETE_ENABLED=true); for ghcr.io add a 'package:' entry so GitHub's Packages API deletes; or leave '${INPUT.apply}' false.`,
          );
        throw error;
      }
    },
  };
}
