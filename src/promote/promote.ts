import { text } from 'node:stream/consumers';
import { CircuitOpenError, HttpTimeoutError, NetworkError } from '../net/index.js';
import {
  artifactTypeOf,
  COSIGN_SUFFIXES,
  type CopyStats,
  copyTree,
  type Descriptor,
  digestTag,
  emptyStats,
  formatReference,
  type ImageManifest,
  LayoutError,
  type Manifest,
  type ManifestTree,
  MediaType,
  type OciRepository,
  type Reference,
  RegistryError,
  readTree,
  sha256,
} from '../oci/index.js';
import { ConfigurationError } from '../runtime/errors.js';
import type { PromoteConfig, RequiredArtifact } from './config.js';
import { INPUT, PROMOTION_ARTIFACT_TYPE } from './constants.js';

/** Where the promotion ran, for the record. */
export interface RunContext {
  repository: string;
  commit: string;
  workflowRun: string;
  actor: string;
}

export interface PromoteDeps {
  /** The repository a reference names (a layout destination is created when missing). */
  open(ref: Reference, role: 'source' | 'destination'): OciRepository;
  now(): number;
  info(message: string): void;
  run: RunContext;
}

export type Outcome = 'created' | 'moved' | 'unchanged' | 'planned' | 'rolled-back';

export interface TagResult {
  reference: string;
  repository: string;
  tag: string;
  role: 'destination' | 'stable';
  previous: string | null;
  digest: string;
  outcome: Outcome;
}

export interface PromotionRecord {
  kind: 'promotion' | 'rollback';
  source: string;
  digest: string;
  mediaType: string;
  destinations: {
    reference: string;
    repository: string;
    tag: string;
    role: 'destination' | 'stable';
    previous: string | null;
  }[];
  checks: string[];
  repository: string;
  commit: string;
  workflowRun: string;
  actor: string;
  time: string;
}

export interface PromoteResult {
  digest: string;
  tags: TagResult[];
  record?: PromotionRecord;
  /** Digest of the record artifact (the same in every destination repository). */
  recordDigest?: string;
  referrersCopied: number;
  stats: CopyStats;
  dryRun: boolean;
}

interface Referrer {
  tree: ManifestTree;
  artifactType?: string;
  /** cosign's legacy tag, when the referrer was found through one. */
  cosignTag?: string;
}

interface PlannedTag {
  repo: OciRepository;
  reference: string;
  tag: string;
  role: 'destination' | 'stable';
  previous: string | null;
}

/** A registry that cannot be reached is a user mistake in the reference (or a missing insecure-registries entry). */
async function reach<T>(input: string, where: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (
      error instanceof NetworkError ||
      error instanceof HttpTimeoutError ||
      error instanceof CircuitOpenError
    ) {
      throw new ConfigurationError(
        `Input '${input}': cannot reach ${where} (${error.message}). Check the registry name; a registry that speaks plain HTTP must be listed in '${INPUT.insecureRegistries}'.`,
      );
    }
    if (error instanceof RegistryError && error.code === 'NAME_INVALID') {
      throw new ConfigurationError(
        `Input '${input}': ${where} rejected the repository name (${error.message}).`,
      );
    }
    throw error;
  }
}

/**
 * Promote one digest: resolve the source once, check it (expected digest, required referrers,
 * immutable destination tags) before writing anything, then copy blobs → child manifests → the
 * manifest (with the promotion record alongside) → referrers → destination tags → the stable tag.
 * A failure while tags move puts the tags already moved back where they were.
 */
export async function promote(config: PromoteConfig, deps: PromoteDeps): Promise<PromoteResult> {
  const source = config.source!;
  const sourceRepo = deps.open(source.ref, 'source');
  const ref = source.ref.digest ?? source.ref.tag!;
  // The source is read and the destinations are checked side by side; nothing is written before both end.
  let referrersRead: Promise<Referrer[]> = Promise.resolve([]);
  const [tree, plan] = await Promise.all([
    reach(INPUT.source, sourceRepo.display, async () => {
      const top = await readSource(sourceRepo, ref, source.text, () => sourceRepo.getManifest(ref));
      // The children and the referrers hang off the top manifest: both are read from here at once.
      if (config.copyReferrers || config.require.length > 0) {
        referrersRead = reach(INPUT.source, sourceRepo.display, () => findReferrers(sourceRepo, top));
        referrersRead.catch(() => undefined);
      }
      return readSource(sourceRepo, ref, source.text, () => readTree(sourceRepo, top));
    }),
    planTags(config, deps),
  ]);
  // Required referrers gate the promotion, so they are read before anything is written. Referrers
  // that are only copied are needed after the image: their lookup runs alongside its copy.
  const referrers = config.require.length > 0 ? await referrersRead : [];
  // The tag was read once; from here on everything is addressed by this digest.
  const digest = tree.top.descriptor.digest;
  deps.info(`${source.text} is ${digest}`);
  const checks: string[] = [];
  if (config.expectedDigest) {
    if (config.expectedDigest !== digest) {
      throw new ConfigurationError(
        `Input '${INPUT.expectedDigest}': the source ${source.text} is ${digest}, but CI recorded ${config.expectedDigest}. Nothing was promoted.`,
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
  const toCopy = referrersRead.then((found) =>
    config.copyReferrers ? found.filter((r) => r.artifactType !== PROMOTION_ARTIFACT_TYPE) : [],
  );
  toCopy.catch(() => undefined);

  const repos = uniqueRepos(plan);
  if (config.immutable) {
    const taken = plan.filter(
      (p) => p.role === 'destination' && p.previous !== null && p.previous !== digest,
    );
    if (taken.length) {
      throw new ConfigurationError(
        `Input '${INPUT.destinations}': ${taken.map((t) => `${t.reference} already points at ${t.previous}`).join('; ')}, not the promoted ${digest}. With '${INPUT.immutable}: true' a taken tag is never moved: promote to a new tag, or set '${INPUT.immutable}: false'. Nothing was promoted.`,
      );
    }
    checks.push('immutable: no destination tag points at another digest');
  }

  const stats = emptyStats();
  const tags = (outcome: (p: PlannedTag) => Outcome): TagResult[] =>
    plan.map((p) => ({
      reference: p.reference,
      repository: p.repo.display,
      tag: p.tag,
      role: p.role,
      previous: p.previous,
      digest,
      outcome: outcome(p),
    }));
  const unchanged = (p: PlannedTag) => p.previous === digest;
  if (config.dryRun) {
    // A dry run reads what a promotion would read, so a source a promotion would fail on fails here too.
    await referrersRead;
    return {
      digest,
      tags: tags((p) => (unchanged(p) ? 'unchanged' : 'planned')),
      referrersCopied: 0,
      stats,
      dryRun: true,
    };
  }

  const record: PromotionRecord = {
    kind: 'promotion',
    source: source.text,
    digest,
    mediaType: tree.top.descriptor.mediaType,
    destinations: plan.map((p) => ({
      reference: p.reference,
      repository: p.repo.display,
      tag: p.tag,
      role: p.role,
      previous: p.previous,
    })),
    checks: [...checks, 'every digest verified while copying'],
    ...deps.run,
    time: new Date(deps.now()).toISOString(),
  };
  let recordDigest: string | undefined;
  const copyOptions = { concurrency: config.concurrency, stats, onRetry: deps.info };
  const artifact = recordArtifact(tree.top.descriptor, record);
  for (const repo of repos) {
    // The record's blobs are small and independent of the image: they upload alongside it. The
    // record (a referrer of the image) is stored once the image's blobs are in place, alongside its
    // manifests (a subject need not exist before its referrer): two round trips fewer before the
    // tags. Tags still move only after both.
    const recordBlobs = pushRecordBlobs(repo, artifact);
    recordBlobs.catch(() => undefined);
    await copyTree(sourceRepo, repo, tree, {
      ...copyOptions,
      alongsideManifests: async () => {
        await recordBlobs;
        recordDigest = (await repo.putManifest(artifact.bytes, MediaType.OciManifest, artifact.digest))
          .digest;
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

  const moved: PlannedTag[] = [];
  try {
    for (const p of plan.filter((p) => p.role === 'destination')) {
      if (unchanged(p)) continue;
      await p.repo.putManifest(tree.top.bytes, tree.top.descriptor.mediaType, p.tag);
      moved.push(p);
    }
    const stable = plan.filter((p) => p.role === 'stable');
    for (const p of stable) {
      // The last-known-good pointer moves only once every destination tag in its repository is verified.
      for (const d of plan.filter((d) => d.role === 'destination' && d.repo === p.repo)) {
        const now = await d.repo.resolve(d.tag);
        if (now?.digest !== digest)
          throw new Error(`${d.reference} is ${now?.digest ?? 'missing'} after the promotion, not ${digest}`);
      }
      if (unchanged(p)) continue;
      await p.repo.putManifest(tree.top.bytes, tree.top.descriptor.mediaType, p.tag);
      moved.push(p);
    }
  } catch (error) {
    await restore(moved, deps);
    throw error;
  }
  return {
    digest,
    tags: tags((p) => (unchanged(p) ? 'unchanged' : p.previous === null ? 'created' : 'moved')),
    record,
    recordDigest,
    referrersCopied: (await toCopy).length,
    stats,
    dryRun: false,
  };
}

/** A read of the source, with a clear error when the reference (or a manifest under it) names nothing. */
async function readSource<T>(
  repo: OciRepository,
  ref: string,
  text: string,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if ((error instanceof RegistryError && error.notFound) || error instanceof LayoutError) {
      throw ConfigurationError.forInput(
        INPUT.source,
        text,
        `an image that exists (${repo.display} has no manifest ${ref}: ${error.message})`,
      );
    }
    throw error;
  }
}

async function planTags(config: PromoteConfig, deps: PromoteDeps): Promise<PlannedTag[]> {
  const plan: PlannedTag[] = [];
  const repos = new Map<string, OciRepository>();
  for (const destination of config.destinations) {
    const repoRef: Reference = { ...destination.ref, tag: undefined, digest: undefined };
    const key = formatReference(repoRef);
    let repo = repos.get(key);
    if (!repo) {
      repo = deps.open(destination.ref, 'destination');
      repos.set(key, repo);
    }
    const current = repo;
    const previous = await reach(INPUT.destinations, current.display, () =>
      current.resolve(destination.ref.tag),
    );
    plan.push({
      repo,
      reference: destination.text,
      tag: destination.ref.tag,
      role: 'destination',
      previous: previous?.digest ?? null,
    });
  }
  if (config.stableTag) {
    for (const repo of repos.values()) {
      const previous = await repo.resolve(config.stableTag);
      plan.push({
        repo,
        reference: `${repo.display}:${config.stableTag}`,
        tag: config.stableTag,
        role: 'stable',
        previous: previous?.digest ?? null,
      });
    }
  }
  return plan;
}

function uniqueRepos(plan: PlannedTag[]): OciRepository[] {
  return [...new Set(plan.map((p) => p.repo))];
}

async function putTagIfChanged(repo: OciRepository, manifest: Manifest, tag: string): Promise<void> {
  const current = await repo.resolve(tag);
  if (current?.digest !== manifest.descriptor.digest)
    await repo.putManifest(manifest.bytes, manifest.descriptor.mediaType, tag);
}

/** Put tags that were moved back to the digest they held (a new tag cannot be removed on every registry; it is reported). */
async function restore(moved: PlannedTag[], deps: PromoteDeps): Promise<void> {
  for (const p of moved.reverse()) {
    try {
      if (p.previous === null) {
        deps.info(
          `${p.reference} was created before the failure and cannot be untagged portably; it points at the promoted digest`,
        );
        continue;
      }
      const before = await p.repo.getManifest(p.previous);
      await p.repo.putManifest(before.bytes, before.descriptor.mediaType, p.tag);
      deps.info(`${p.reference} put back to ${p.previous}`);
    } catch (error) {
      deps.info(`could not put ${p.reference} back to ${p.previous}: ${(error as Error).message}`);
    }
  }
}

/** Referrers of the digest (API or tag schema), their own referrers, and cosign's legacy tags. */
async function findReferrers(repo: OciRepository, top: Manifest): Promise<Referrer[]> {
  const found: Referrer[] = [];
  const seen = new Set<string>();
  const visit = async (subject: string, depth: number): Promise<void> => {
    const [listed, cosign] = await Promise.all([
      repo.referrers(subject),
      Promise.all(
        COSIGN_SUFFIXES.map(async (suffix) => {
          const tag = `${digestTag(subject)}.${suffix}`;
          return { suffix, tag, descriptor: await repo.resolve(tag) };
        }),
      ),
    ]);
    for (const descriptor of listed) {
      if (seen.has(descriptor.digest)) continue;
      seen.add(descriptor.digest);
      const tree = await readTree(repo, descriptor.digest);
      found.push({ tree, artifactType: descriptor.artifactType ?? artifactTypeOf(tree.top.json) });
      if (depth < 2) await visit(descriptor.digest, depth + 1);
    }
    for (const { suffix, tag, descriptor } of cosign) {
      if (!descriptor || seen.has(descriptor.digest)) continue;
      seen.add(descriptor.digest);
      found.push({
        tree: await readTree(repo, descriptor.digest),
        artifactType: `cosign:${suffix}`,
        cosignTag: tag,
      });
    }
  };
  await visit(top.descriptor.digest, 0);
  return found;
}

/** The referrer that satisfies a requirement, described, or undefined. */
function satisfying(required: RequiredArtifact, referrers: Referrer[]): string | undefined {
  const hit = referrers.find(
    (r) =>
      (r.artifactType !== undefined && required.types.includes(r.artifactType)) ||
      (required.cosign && r.artifactType === `cosign:${required.cosign}`),
  );
  return hit
    ? `${hit.cosignTag ? `cosign tag ${hit.cosignTag}` : hit.artifactType} (${hit.tree.top.descriptor.digest})`
    : undefined;
}

function describeRequirement(required: RequiredArtifact): string {
  const ways = [
    ...required.types,
    ...(required.cosign ? [`cosign tag sha256-<hex>.${required.cosign}`] : []),
  ];
  return ways.length === 1 && ways[0] === required.name
    ? required.name
    : `${required.name} (${ways.join(', ')})`;
}

interface RecordArtifact {
  blobs: { descriptor: Descriptor; bytes: Uint8Array }[];
  bytes: Uint8Array;
  digest: string;
}

/** The promotion record as an OCI artifact whose subject is the promoted digest. */
function recordArtifact(subject: Descriptor, record: PromotionRecord): RecordArtifact {
  const payload = new TextEncoder().encode(JSON.stringify(record, null, 2));
  const empty = new TextEncoder().encode('{}');
  const layer: Descriptor = {
    mediaType: PROMOTION_ARTIFACT_TYPE,
    digest: sha256(payload),
    size: payload.byteLength,
  };
  const config: Descriptor = { mediaType: MediaType.OciEmpty, digest: sha256(empty), size: empty.byteLength };
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    artifactType: PROMOTION_ARTIFACT_TYPE,
    config,
    layers: [layer],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations: {
      'org.opencontainers.image.created': record.time,
      'dev.gantry.promotion.kind': record.kind,
    },
  };
  const bytes = new TextEncoder().encode(JSON.stringify(manifest));
  return {
    blobs: [
      { descriptor: config, bytes: empty },
      { descriptor: layer, bytes: payload },
    ],
    bytes,
    digest: sha256(bytes),
  };
}

/** A few hundred bytes each: uploading them again costs what asking whether they are there would. */
async function pushRecordBlobs(repo: OciRepository, artifact: RecordArtifact): Promise<void> {
  await Promise.all(artifact.blobs.map(({ descriptor, bytes }) => repo.pushBlob(descriptor, bytes)));
}

async function attachRecord(
  repo: OciRepository,
  subject: Descriptor,
  record: PromotionRecord,
): Promise<string> {
  const artifact = recordArtifact(subject, record);
  await pushRecordBlobs(repo, artifact);
  return (await repo.putManifest(artifact.bytes, MediaType.OciManifest, artifact.digest)).digest;
}

/** Records attached to a digest in a repository, newest first. */
export async function readRecords(repo: OciRepository, digest: string): Promise<PromotionRecord[]> {
  const records: PromotionRecord[] = [];
  for (const descriptor of await repo.referrers(digest, PROMOTION_ARTIFACT_TYPE)) {
    const manifest = await repo.getManifest(descriptor.digest);
    const layer = (manifest.json as ImageManifest).layers?.[0];
    if (!layer || layer.mediaType !== PROMOTION_ARTIFACT_TYPE || layer.size > 1024 * 1024) continue;
    const body = await text(await repo.openBlob(layer));
    records.push(JSON.parse(body) as PromotionRecord);
  }
  return records.sort((a, b) => b.time.localeCompare(a.time));
}

/**
 * Rollback: each destination tag (or, when a stable tag is set, the stable tag of each destination
 * repository) goes back to the digest it held before the latest promotion recorded on its current
 * digest. The rollback is itself recorded, on the digest the tag returns to.
 */
export async function rollback(config: PromoteConfig, deps: PromoteDeps): Promise<PromoteResult> {
  const targets = (await planTags(config, deps)).filter((p) =>
    config.stableTag ? p.role === 'stable' : p.role === 'destination',
  );
  const steps: { plan: PlannedTag; target: Manifest; current: string }[] = [];
  for (const p of targets) {
    if (p.previous === null)
      throw ConfigurationError.forInput(
        INPUT.destinations,
        p.reference,
        'a tag that exists (there is nothing to roll back)',
      );
    const records = await readRecords(p.repo, p.previous);
    const entry = records
      .flatMap((r) => r.destinations)
      .find(
        (d) =>
          d.repository === p.repo.display &&
          d.tag === p.tag &&
          d.previous !== null &&
          d.previous !== p.previous,
      );
    if (!entry) {
      throw new ConfigurationError(
        `Input '${INPUT.rollback}': no promotion record on ${p.reference} (${p.previous}) names an earlier digest for it, so there is nothing to roll back to.`,
      );
    }
    const target = await p.repo.getManifest(entry.previous!);
    steps.push({ plan: p, target, current: p.previous });
  }
  const stats = emptyStats();
  const results: TagResult[] = steps.map(({ plan: p, target }) => ({
    reference: p.reference,
    repository: p.repo.display,
    tag: p.tag,
    role: p.role,
    previous: p.previous,
    digest: target.descriptor.digest,
    outcome: config.dryRun ? 'planned' : 'rolled-back',
  }));
  if (config.dryRun || steps.length === 0)
    return {
      digest: steps[0]?.target.descriptor.digest ?? '',
      tags: results,
      referrersCopied: 0,
      stats,
      dryRun: config.dryRun,
    };
  let record: PromotionRecord | undefined;
  let recordDigest: string | undefined;
  for (const { plan: p, target, current } of steps) {
    record = {
      kind: 'rollback',
      source: `${p.repo.display}@${current}`,
      digest: target.descriptor.digest,
      mediaType: target.descriptor.mediaType,
      destinations: [
        { reference: p.reference, repository: p.repo.display, tag: p.tag, role: p.role, previous: current },
      ],
      checks: [`promotion record on ${current} names ${target.descriptor.digest} as the previous digest`],
      ...deps.run,
      time: new Date(deps.now()).toISOString(),
    };
    recordDigest = await attachRecord(p.repo, target.descriptor, record);
    await p.repo.putManifest(target.bytes, target.descriptor.mediaType, p.tag);
  }
  return {
    digest: steps[0]!.target.descriptor.digest,
    tags: results,
    record,
    recordDigest,
    referrersCopied: 0,
    stats,
    dryRun: false,
  };
}
