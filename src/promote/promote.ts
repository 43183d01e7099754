import {
  type CopyStats,
  copyTree,
  createLimiter,
  emptyStats,
  type Manifest,
  type ManifestTree,
  MediaType,
  type OciRepository,
  readTree,
} from '../oci/index.js';
import { ConfigurationError } from '../runtime/errors.js';
import type { GateConfig } from '../policy/gate.js';
import { describeFailures, type Evaluation } from '../policy/spec.js';
import type { PromoteConfig } from './config.js';
import { INPUT } from './constants.js';
import type { Outcome, PromoteDeps, PromoteResult, PromotionRecord, TagResult } from './types.js';
import { attachRecord, pushRecordBlobs, recordArtifact, recordedDestinations } from './records.js';
import { type Referrer, evidenceOf, findReferrers, satisfying, describeRequirement } from './referrers.js';
import {
  type PlannedTag,
  inputMistakeIfUnreachable,
  readSource,
  planTags,
  uniqueRepos,
  putTagIfChanged,
  moveTags,
} from './tags.js';

/**
 * Promote one digest, top to bottom: plan (read the source tree once and the destination tags, side
 * by side), verify (expected digest, required referrers, the policy gate, immutable tags) before
 * writing anything, copy (blobs → child manifests → the manifest, with the promotion record
 * alongside → referrers) into each destination repository, then move the tags (destinations, read
 * back, then the stable tag). A failure while tags move puts the tags already moved back.
 */
export async function promote(config: PromoteConfig, deps: PromoteDeps): Promise<PromoteResult> {
  // The verifier (and sigstore-js) loads only when a rule is set; its trust material is parsed
  // before any registry is read, so a malformed trusted root or key fails first.
  const gate = config.gate.rules.length ? await loadPolicyGate(config) : undefined;
  const sourceRepo = deps.open(config.source!.ref, 'source');
  const plan = await planPromotion(config, sourceRepo, deps);
  const { tree, tags } = plan;
  const digest = tree.top.descriptor.digest;
  deps.info(`${config.source!.text} is ${digest}`);
  const verified = await verifyPromotion(config, gate, sourceRepo, plan, deps);
  const outcomes = (outcome: (p: PlannedTag) => Outcome) => tagResults(tags, digest, outcome);
  if (config.dryRun) {
    // A dry run reads what a promotion would read, so a source a promotion would fail on fails here too.
    await plan.referrers;
    return {
      digest,
      tags: outcomes((p) => (p.previous === digest ? 'unchanged' : 'planned')),
      referrersCopied: 0,
      stats: emptyStats(),
      dryRun: true,
    };
  }
  const record = promotionRecord(config.source!.text, tree.top, tags, verified, deps);
  const copied = await copyPromotion(config, sourceRepo, plan, record, deps);
  await moveTags(tags, tree.top, deps, config.immutable);
  return {
    digest,
    tags: outcomes((p) => (p.previous === digest ? 'unchanged' : p.previous === null ? 'created' : 'moved')),
    record,
    recordDigest: copied.recordDigest,
    referrersCopied: copied.referrersCopied,
    stats: copied.stats,
    dryRun: false,
  };
}

type PolicyGate = { module: typeof import('../policy/gate.js'); gate: GateConfig };

async function loadPolicyGate(config: PromoteConfig): Promise<PolicyGate> {
  const module = await import('../policy/gate.js');
  return { module, gate: module.loadGate(config.gate) };
}

/** What a promotion works from: the source tree, the tags it moves, and the source's referrers. */
interface PromotionPlan {
  tree: ManifestTree;
  tags: PlannedTag[];
  /**
   * The referrers of the digest (when any requirement, rule or copy needs them), read alongside the
   * tree. Gated promotions wait for them before anything is written; referrers that are only copied
   * are waited for after the image's copy.
   */
  referrers: Promise<Referrer[]>;
}

/** Reads the source (its tree and referrers) and the destination tags side by side; writes nothing. */
async function planPromotion(
  config: PromoteConfig,
  sourceRepo: OciRepository,
  deps: PromoteDeps,
): Promise<PromotionPlan> {
  const source = config.source!;
  const ref = source.ref.digest ?? source.ref.tag!;
  // Every read of the source (an index's children, the referrers and theirs) shares one limit: an
  // index of thousands of children never opens more than `concurrency` connections at once.
  const limit = createLimiter(config.concurrency);
  const wantReferrers = config.copyReferrers || isGated(config);
  const readSourceTree = inputMistakeIfUnreachable(INPUT.source, sourceRepo.display, async () => {
    const top = await readSource(sourceRepo, ref, source.text, () => sourceRepo.getManifest(ref));
    // The children and the referrers hang off the top manifest: both are read from here at once.
    const referrers = wantReferrers
      ? inputMistakeIfUnreachable(INPUT.source, sourceRepo.display, () =>
          findReferrers(sourceRepo, top, limit, deps),
        )
      : Promise.resolve([]);
    // Awaited later (or never, when the tree fails): an early failure is not an unhandled rejection.
    referrers.catch(() => undefined);
    const tree = await readSource(sourceRepo, ref, source.text, () => readTree(sourceRepo, top, { limit }));
    return { tree, referrers };
  });
  const [{ tree, referrers }, tags] = await Promise.all([readSourceTree, planTags(config, deps)]);
  return { tree, tags, referrers };
}

function isGated(config: PromoteConfig): boolean {
  return config.require.length > 0 || config.gate.rules.length > 0;
}

/** What verification established: the checks passed, in order, and each policy rule's evaluation. */
interface Verified {
  checks: string[];
  evaluations: Evaluation[];
}

/**
 * Every check that can refuse a promotion, before anything is written: the expected digest, the
 * required referrers, the policy gate (a refusal is recorded in each destination repository), and
 * immutable destination tags.
 */
async function verifyPromotion(
  config: PromoteConfig,
  gate: PolicyGate | undefined,
  sourceRepo: OciRepository,
  plan: PromotionPlan,
  deps: PromoteDeps,
): Promise<Verified> {
  const { tree, tags } = plan;
  const digest = tree.top.descriptor.digest;
  const referrers = isGated(config) ? await plan.referrers : [];
  const checks: string[] = [];
  if (config.expectedDigest) {
    if (config.expectedDigest !== digest) {
      throw new ConfigurationError(
        `Input '${INPUT.expectedDigest}': the source ${config.source!.text} is ${digest}, but CI recorded ${config.expectedDigest}. Nothing was promoted.`,
      );
    }
    checks.push(`expected digest ${digest} matched`);
  }
  checks.push(`source verified: ${1 + tree.children.length} manifest(s), ${tree.blobs.length} blob(s)`);
  for (const required of config.require)
    checks.push(`${required.name} attached: ${satisfying(required, referrers)}`);
  const missing = config.require.filter((required) => satisfying(required, referrers) === undefined);
  if (missing.length) {
    throw new ConfigurationError(
      `Input '${INPUT.require}': ${digest} has no ${missing.map(describeRequirement).join('; no ')} attached in ${sourceRepo.display}. Nothing was promoted.`,
    );
  }
  // Signatures and provenance are verified here, before anything is written; a failed rule stops it all.
  const evaluations = gate
    ? await gate.module.evaluateGate(
        gate.gate,
        digest,
        tree.top.bytes,
        referrers.map((r) => evidenceOf(sourceRepo, r)),
        deps.now(),
      )
    : [];
  for (const e of evaluations) {
    deps.info(
      `rule '${e.rule}' ${e.outcome === 'fail' ? 'FAILED' : e.outcome === 'waived' ? 'passed with waivers' : 'passed'} for ${digest}: ${e.found}`,
    );
    for (const w of e.expiredWaivers ?? [])
      deps.warn(
        `waiver for ${w.id} in ${w.package} (owner ${w.owner}) expired on ${w.expires}: it no longer applies`,
      );
    if (e.outcome !== 'fail')
      checks.push(`${e.rule} ${e.outcome === 'waived' ? 'passed with waivers' : 'verified'}: ${e.found}`);
  }
  if (evaluations.some((e) => e.outcome === 'fail')) {
    const refusal = new PolicyRefusedError(
      `Input '${INPUT.verify}': ${describeFailures(evaluations)}. Nothing was promoted.`,
      evaluations,
    );
    // The decision is kept where an auditor looks: in each destination repository, on the refused
    // digest (not the image: nothing is promoted). A dry run writes nothing.
    if (!config.dryRun)
      await recordRefusal(refusal, { source: config.source!.text, top: tree.top, plan: tags, checks }, deps);
    throw refusal;
  }
  if (config.immutable) {
    const taken = tags.filter(
      (p) => p.role === 'destination' && p.previous !== null && p.previous !== digest,
    );
    if (taken.length) {
      throw new ConfigurationError(
        `Input '${INPUT.destinations}': ${taken.map((t) => `${t.reference} already points at ${t.previous}`).join('; ')}, not the promoted ${digest}. With '${INPUT.immutable}: true' a taken tag is never moved: promote to a new tag, or set '${INPUT.immutable}: false'. Nothing was promoted.`,
      );
    }
    checks.push('immutable: no destination tag points at another digest');
  }
  return { checks, evaluations };
}

function tagResults(plan: PlannedTag[], digest: string, outcome: (p: PlannedTag) => Outcome): TagResult[] {
  return plan.map((p) => ({
    reference: p.reference,
    repository: p.repo.display,
    tag: p.tag,
    role: p.role,
    previous: p.previous,
    digest,
    outcome: outcome(p),
  }));
}

function promotionRecord(
  source: string,
  top: Manifest,
  plan: PlannedTag[],
  verified: Verified,
  deps: PromoteDeps,
): PromotionRecord {
  return {
    kind: 'promotion',
    source,
    digest: top.descriptor.digest,
    mediaType: top.descriptor.mediaType,
    destinations: recordedDestinations(plan),
    checks: [...verified.checks, 'every digest verified while copying'],
    ...(verified.evaluations.length ? { evaluations: verified.evaluations } : {}),
    ...deps.run,
    time: new Date(deps.now()).toISOString(),
  };
}

interface Copied {
  /** Digest of the record artifact (the same in every destination repository). */
  recordDigest: string | undefined;
  referrersCopied: number;
  stats: CopyStats;
}

/**
 * Copies the image, its promotion record and the referrers to copy into every destination
 * repository; moves no tag except cosign's legacy tags of copied referrers.
 */
async function copyPromotion(
  config: PromoteConfig,
  sourceRepo: OciRepository,
  plan: PromotionPlan,
  record: PromotionRecord,
  deps: PromoteDeps,
): Promise<Copied> {
  const { tree } = plan;
  const stats = emptyStats();
  const copyOptions = { concurrency: config.concurrency, stats, onRetry: deps.info };
  // Promotion records never reach findReferrers' result, so none is ever copied between repositories.
  const toCopy = plan.referrers.then((found) => (config.copyReferrers ? found : []));
  toCopy.catch(() => undefined);
  const artifact = recordArtifact(tree.top.descriptor, record);
  const repos = uniqueRepos(plan.tags);
  let recordDigest: string | undefined;
  for (const repo of repos) {
    // The record's blobs are small and independent of the image: they upload alongside it. The
    // record (a referrer of the image) is stored once the image's blobs are in place, alongside its
    // manifests (a subject need not exist before its referrer): two round trips fewer before the
    // tags. Tags still move only after both.
    const recordBlobs = pushRecordBlobs(repo, artifact);
    recordBlobs.catch(() => undefined);
    recordDigest = await copyTree(sourceRepo, repo, tree, {
      ...copyOptions,
      alongsideManifests: async () => {
        await recordBlobs;
        return (await repo.putManifest(artifact.bytes, MediaType.OciManifest, artifact.digest)).digest;
      },
    });
    for (const referrer of await toCopy) {
      await copyTree(sourceRepo, repo, referrer.tree, copyOptions);
      if (referrer.cosignTag) await putTagIfChanged(repo, referrer.tree.top, referrer.cosignTag);
    }
  }
  deps.info(
    `content in place in ${repos.length} repositories (${stats.blobsMounted} blobs mounted, ${stats.blobsCopied} copied)`,
  );
  return { recordDigest, referrersCopied: (await toCopy).length, stats };
}

/**
 * A promotion the gate refused, recorded as a referrer of the refused digest in every destination
 * repository. A record that cannot be stored is said in the error: the refusal stands either way.
 */
async function recordRefusal(
  refusal: PolicyRefusedError,
  attempt: { source: string; top: Manifest; plan: PlannedTag[]; checks: string[] },
  deps: PromoteDeps,
): Promise<void> {
  const record: PromotionRecord = {
    kind: 'refusal',
    source: attempt.source,
    digest: attempt.top.descriptor.digest,
    mediaType: attempt.top.descriptor.mediaType,
    destinations: recordedDestinations(attempt.plan),
    checks: attempt.checks,
    evaluations: refusal.evaluations,
    ...deps.run,
    time: new Date(deps.now()).toISOString(),
  };
  const failed: string[] = [];
  for (const repo of uniqueRepos(attempt.plan)) {
    try {
      const digest = await attachRecord(repo, attempt.top.descriptor, record);
      deps.info(`refusal recorded in ${repo.display} as ${digest}`);
    } catch (error) {
      failed.push(`${repo.display} (${(error as Error).message})`);
    }
  }
  if (failed.length) refusal.message += ` The refusal could not be recorded in ${failed.join(', ')}.`;
}

/** A promotion the policy refused: a user-facing error that carries each rule's evaluation. */
export class PolicyRefusedError extends ConfigurationError {
  constructor(
    message: string,
    readonly evaluations: Evaluation[],
  ) {
    super(message);
  }
}
