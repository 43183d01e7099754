import { text } from 'node:stream/consumers';
import { CircuitOpenError, HttpTimeoutError, NetworkError } from '../net/index.js';
import {
  artifactTypeOf,
  COSIGN_SUFFIXES,
  type CopyStats,
  copyTree,
  createLimiter,
  type Descriptor,
  digestTag,
  emptyStats,
  formatReference,
  type ImageManifest,
  LayoutError,
  type Limiter,
  type Manifest,
  type ManifestTree,
  MediaType,
  type OciRepository,
  type Reference,
  RegistryError,
  readTree,
  isDigest,
  sha256,
} from '../oci/index.js';
import { ConfigurationError, isConfigurationError } from '../runtime/errors.js';
import { describeFailures, type Evaluation, type Evidence } from '../policy/spec.js';
import type { PromoteConfig, RequiredArtifact } from './config.js';
import { INPUT, PROMOTION_ARTIFACT_TYPE, PROMOTION_KIND_ANNOTATION } from './constants.js';

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
  /** Something the user should see (a warning annotation under the runner): a record not trusted, a referrer skipped. */
  warn(message: string): void;
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
  /** Each policy rule evaluated before the tags moved: outcome, the digest, evidence digests, expected vs found. */
  evaluations?: Evaluation[];
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
  /**
   * What the manifest itself declares (its artifactType, else its config's media type), never the
   * label a referrers index gives it: the index is just another document in the source.
   */
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
  // The verifier (and sigstore-js) loads only when a rule is set; its trust material is parsed
  // before any registry is read, so a malformed trusted root or key fails first.
  const gatePolicy = config.gate.rules.length ? await import('../policy/gate.js') : undefined;
  const gate = gatePolicy?.loadGate(config.gate);
  const sourceRepo = deps.open(source.ref, 'source');
  const ref = source.ref.digest ?? source.ref.tag!;
  // The source is read and the destinations are checked side by side; nothing is written before both end.
  let referrersRead: Promise<Referrer[]> = Promise.resolve([]);
  // Every read of the source (an index's children, the referrers and theirs) shares one limit: an
  // index of thousands of children never opens more than `concurrency` connections at once.
  const limit = createLimiter(config.concurrency);
  const [tree, plan] = await Promise.all([
    reach(INPUT.source, sourceRepo.display, async () => {
      const top = await readSource(sourceRepo, ref, source.text, () => sourceRepo.getManifest(ref));
      // The children and the referrers hang off the top manifest: both are read from here at once.
      if (config.copyReferrers || config.require.length > 0 || config.gate.rules.length > 0) {
        referrersRead = reach(INPUT.source, sourceRepo.display, () =>
          findReferrers(sourceRepo, top, limit, deps),
        );
        referrersRead.catch(() => undefined);
      }
      return readSource(sourceRepo, ref, source.text, () => readTree(sourceRepo, top, { limit }));
    }),
    planTags(config, deps),
  ]);
  // Required referrers gate the promotion, so they are read before anything is written. Referrers
  // that are only copied are needed after the image: their lookup runs alongside its copy.
  const gated = config.require.length > 0 || config.gate.rules.length > 0;
  const referrers = gated ? await referrersRead : [];
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
  // Signatures and provenance are verified here, before anything is written; a failed rule stops it all.
  const evaluations = await (gatePolicy && gate ? gatePolicy.evaluateGate : noGate)(
    gate!,
    digest,
    tree.top.bytes,
    referrers.map((r) => evidenceOf(sourceRepo, r)),
    deps.now(),
  );
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
  if (evaluations.some((e) => e.outcome === 'fail'))
    throw new PolicyRefusedError(
      `Input '${INPUT.verify}': ${describeFailures(evaluations)}. Nothing was promoted.`,
      evaluations,
    );
  // Promotion records never reach findReferrers' result, so none is ever copied between repositories.
  const toCopy = referrersRead.then((found) => (config.copyReferrers ? found : []));
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
    ...(evaluations.length ? { evaluations } : {}),
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

  // Every tag whose PUT was sent, before it is sent: a PUT the registry stored but answered with an
  // error (or never answered) has an unknown outcome, and counts as moved.
  const written: PlannedTag[] = [];
  try {
    const destinations = plan.filter((p) => p.role === 'destination');
    const toMove = destinations.filter((p) => !unchanged(p));
    if (config.immutable) {
      // Checked again just before writing: another promotion may have taken a tag since planning.
      await Promise.all(
        toMove.map(async (p) => {
          const now = (await p.repo.resolve(p.tag))?.digest ?? null;
          if (now !== p.previous) throw takenMeanwhile(p, now, digest);
        }),
      );
    }
    for (const p of toMove) {
      written.push(p);
      await p.repo.putManifest(tree.top.bytes, tree.top.descriptor.mediaType, p.tag);
    }
    // Every destination tag is read back: a tag holding another digest was written by someone else
    // between this promotion's check and its write (two promotions at once: see the README).
    // The last-known-good pointer moves only once every destination tag is verified.
    await readBack(destinations, digest);
    const stable = plan.filter((p) => p.role === 'stable' && !unchanged(p));
    for (const p of stable) {
      written.push(p);
      await p.repo.putManifest(tree.top.bytes, tree.top.descriptor.mediaType, p.tag);
    }
    await readBack(stable, digest);
  } catch (error) {
    throw await settleAfterFailure(error, plan, written, digest, deps);
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

/** No rules, no evaluations (and no verifier loaded). */
async function noGate(): Promise<Evaluation[]> {
  return [];
}

/**
 * What the gate sees attached to a manifest in a repository (referrers and cosign tags, promotion
 * records left out), for `gantry policy test` on layouts kept in the repository.
 */
export async function gateEvidence(
  repo: OciRepository,
  top: Manifest,
  warn: (message: string) => void,
): Promise<Evidence[]> {
  const found = await findReferrers(repo, top, createLimiter(6), { warn });
  return found.map((r) => evidenceOf(repo, r));
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

/** What the gate needs of a referrer: its own type, its layers, and a way to read one (bounded). */
function evidenceOf(repo: OciRepository, referrer: Referrer): Evidence {
  const json = referrer.tree.top.json as ImageManifest;
  const layers = Array.isArray(json.layers) ? json.layers : [];
  return {
    digest: referrer.tree.top.descriptor.digest,
    artifactType: referrer.artifactType,
    created: referrer.tree.top.json.annotations?.['org.opencontainers.image.created'],
    layers: layers.map((l) => ({
      mediaType: l.mediaType,
      digest: l.digest,
      size: l.size,
      annotations: l.annotations,
    })),
    async read(layerDigest) {
      const layer = layers.find((l) => l.digest === layerDigest)!;
      const chunks: Buffer[] = [];
      for await (const chunk of await repo.openBlob(layer)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
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

/** What a tag holds after a failed promotion, and how it got there. */
export interface TagState {
  reference: string;
  role: 'destination' | 'stable';
  /** The digest it holds now; null when it does not exist; undefined when it could not be read. */
  holds: string | null | undefined;
  note: string;
}

/** A promotion failed while tags moved; `tags` says what every destination tag holds afterwards. */
export class TagsSettledError extends Error {
  readonly tags: TagState[];
  constructor(cause: unknown, tags: TagState[]) {
    const lines = tags.map((t) => `${t.reference} ${describeHolding(t.holds)} (${t.note})`);
    super(`${(cause as Error)?.message ?? String(cause)}. Tags now: ${lines.join('; ')}.`, { cause });
    this.tags = tags;
    // A user's mistake (or a conflict they settle by serialising promotions) stays one.
    this.name = isConfigurationError(cause) ? 'ConfigurationError' : 'TagsSettledError';
  }
}

function describeHolding(holds: string | null | undefined): string {
  return holds === undefined ? 'could not be read' : holds === null ? 'does not exist' : `holds ${holds}`;
}

function takenMeanwhile(p: PlannedTag, now: string | null, digest: string): ConfigurationError {
  return new ConfigurationError(
    `Input '${INPUT.destinations}': ${p.reference} ${now === null ? 'no longer exists' : `now points at ${now}`}, not the ${p.previous ?? 'absent tag'} it was when this promotion began: another promotion moved it meanwhile. With '${INPUT.immutable}: true' it is not moved to ${digest}; run promotions to one destination one at a time (a 'concurrency:' group, see the promote README).`,
  );
}

/** Read tags back (side by side) and fail naming every one that does not hold the digest. */
async function readBack(tags: PlannedTag[], digest: string): Promise<void> {
  const now = await Promise.all(tags.map(async (p) => (await p.repo.resolve(p.tag))?.digest ?? null));
  const wrong = tags.flatMap((p, i) => (now[i] === digest ? [] : [{ p, holds: now[i]! }]));
  if (wrong.length === 0) return;
  throw new ConfigurationError(
    `${wrong.map(({ p, holds }) => `${p.reference} ${holds === null ? 'does not exist' : `points at ${holds}`}`).join('; ')} after this promotion wrote ${digest}: another promotion wrote it meanwhile. Run promotions to one destination one at a time (a 'concurrency:' group, see the promote README).`,
  );
}

/**
 * After a failure while tags move: read every planned tag back; a tag this promotion wrote (or may
 * have written) that holds the promoted digest goes back to what it held; a tag that holds a third
 * digest was written by someone else and is left alone. Returns the error to throw, saying what
 * each tag holds in the end.
 */
async function settleAfterFailure(
  error: unknown,
  plan: PlannedTag[],
  written: PlannedTag[],
  digest: string,
  deps: PromoteDeps,
): Promise<TagsSettledError> {
  const read = async (p: PlannedTag): Promise<string | null | undefined> => {
    try {
      return (await p.repo.resolve(p.tag))?.digest ?? null;
    } catch {
      return undefined;
    }
  };
  const states: TagState[] = [];
  // The stable tag first: the last-known-good pointer is the one that matters most.
  for (const p of [...plan].reverse()) {
    const holds = await read(p);
    const state: TagState = { reference: p.reference, role: p.role, holds, note: '' };
    states.unshift(state);
    const wrote = written.includes(p);
    if (holds === p.previous) {
      state.note = wrote ? 'as before: the write did not land, or was put back' : 'as before';
      continue;
    }
    if (holds === undefined) {
      state.note = 'check it by hand';
      continue;
    }
    if (holds !== digest || !wrote) {
      state.note = 'written by someone else meanwhile; left alone';
      continue;
    }
    if (p.previous === null) {
      state.note = 'created by this promotion; a tag cannot be removed portably';
      deps.info(
        `${p.reference} was created before the failure and cannot be untagged portably; it points at ${digest}`,
      );
      continue;
    }
    try {
      const before = await p.repo.getManifest(p.previous);
      await p.repo.putManifest(before.bytes, before.descriptor.mediaType, p.tag);
    } catch (putBack) {
      deps.info(`putting ${p.reference} back to ${p.previous}: ${(putBack as Error).message}`);
    }
    // The put-back can have an unknown outcome too: what the tag holds is read, not assumed.
    state.holds = await read(p);
    state.note =
      state.holds === p.previous
        ? `put back to ${p.previous}`
        : `could not be put back to ${p.previous}; check it by hand`;
    if (state.holds === p.previous) deps.info(`${p.reference} put back to ${p.previous}`);
  }
  return new TagsSettledError(error, states);
}

/**
 * Whether a manifest is a promotion record, by what it says itself: its artifact type, its config's
 * media type, a layer of the record's type, or the record's annotation. Whatever a referrers index
 * or a tag calls it.
 */
export function isPromotionRecord(manifest: Manifest): boolean {
  const json = manifest.json;
  // Media types compare without case or parameters (RFC 6838), so no spelling slips through.
  const isRecordType = (type: unknown) =>
    typeof type === 'string' && type.split(';')[0]!.trim().toLowerCase() === PROMOTION_ARTIFACT_TYPE;
  if (isRecordType(artifactTypeOf(json))) return true;
  if (json.annotations?.[PROMOTION_KIND_ANNOTATION] !== undefined) return true;
  const parts = 'layers' in json ? [json.config, ...(json.layers ?? [])] : [];
  return parts.some((part) => isRecordType(part?.mediaType));
}

/**
 * Referrers of the digest (API or tag schema), their own referrers, and cosign's legacy tags. A
 * referrer's kind is what its manifest declares; a listed manifest whose `subject` is not the digest
 * is not its referrer; promotion records are left out (with a warning when one was listed as
 * something else): records belong to the repository that wrote them and are never copied.
 */
async function findReferrers(
  repo: OciRepository,
  top: Manifest,
  limit: Limiter,
  deps: Pick<PromoteDeps, 'warn'>,
): Promise<Referrer[]> {
  const found: Referrer[] = [];
  const seen = new Set<string>();
  const isRecord = (tree: ManifestTree) => [tree.top, ...tree.children].some(isPromotionRecord);
  const visit = async (subject: string, depth: number): Promise<void> => {
    const [listed, cosign] = await Promise.all([
      limit(() => repo.referrers(subject)),
      Promise.all(
        COSIGN_SUFFIXES.map(async (suffix) => {
          const tag = `${digestTag(subject)}.${suffix}`;
          return { suffix, tag, descriptor: await limit(() => repo.resolve(tag)) };
        }),
      ),
    ]);
    for (const descriptor of listed) {
      if (seen.has(descriptor.digest)) continue;
      seen.add(descriptor.digest);
      const tree = await readTree(repo, descriptor.digest, { limit });
      const own = artifactTypeOf(tree.top.json);
      if (tree.top.json.subject?.digest !== subject) {
        deps.warn(
          `${repo.display}: ${descriptor.digest} is listed as a referrer of ${subject} but its manifest names ${tree.top.json.subject?.digest ?? 'no subject'}; it is not copied and counts for no requirement`,
        );
        continue;
      }
      if (isRecord(tree)) {
        if (descriptor.artifactType !== undefined && descriptor.artifactType !== own)
          deps.warn(
            `${repo.display}: referrer ${descriptor.digest} of ${subject} is listed as ${descriptor.artifactType} but is a promotion record; promotion records are never copied between repositories`,
          );
        continue;
      }
      if (descriptor.artifactType !== undefined && descriptor.artifactType !== own)
        deps.warn(
          `${repo.display}: referrer ${descriptor.digest} of ${subject} is listed as ${descriptor.artifactType} but declares ${own ?? 'no type'}; its own type counts`,
        );
      found.push({ tree, artifactType: own });
      if (depth < 2) await visit(descriptor.digest, depth + 1);
    }
    for (const { suffix, tag, descriptor } of cosign) {
      if (!descriptor || seen.has(descriptor.digest)) continue;
      seen.add(descriptor.digest);
      const tree = await readTree(repo, descriptor.digest, { limit });
      if (isRecord(tree)) {
        deps.warn(
          `${repo.display}: cosign tag ${tag} points at a promotion record; promotion records are never copied between repositories`,
        );
        continue;
      }
      found.push({ tree, artifactType: `cosign:${suffix}`, cosignTag: tag });
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
      [PROMOTION_KIND_ANNOTATION]: record.kind,
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

/**
 * Records attached to a digest in a repository, newest first. Every referrer is read and judged by
 * its own manifest (its artifact type, and a subject that is this digest), not by the label a
 * referrers index gives it; a listed record that is malformed is skipped with a warning.
 */
export async function readRecords(
  repo: OciRepository,
  digest: string,
  warn: (message: string) => void = () => undefined,
): Promise<PromotionRecord[]> {
  const records: PromotionRecord[] = [];
  const limit = createLimiter(6);
  const listed = await repo.referrers(digest);
  await Promise.all(
    listed.map((descriptor) =>
      limit(async () => {
        const manifest = await repo.getManifest(descriptor.digest);
        if (artifactTypeOf(manifest.json) !== PROMOTION_ARTIFACT_TYPE) return;
        const skip = (why: string) =>
          warn(`${repo.display}: promotion record ${descriptor.digest} on ${digest} is not read: ${why}`);
        if (manifest.json.subject?.digest !== digest) return skip(`its subject is not ${digest}`);
        const layer = (manifest.json as ImageManifest).layers?.[0];
        if (!layer || layer.mediaType !== PROMOTION_ARTIFACT_TYPE) return skip('it has no record layer');
        if (layer.size > 1024 * 1024) return skip('its record is over 1 MiB');
        let record: PromotionRecord;
        try {
          record = JSON.parse(await text(await repo.openBlob(layer))) as PromotionRecord;
        } catch (error) {
          return skip((error as Error).message);
        }
        if (
          typeof record !== 'object' ||
          record === null ||
          typeof record.digest !== 'string' ||
          typeof record.time !== 'string' ||
          !Array.isArray(record.destinations)
        )
          return skip('it is not a promotion record');
        records.push(record);
      }),
    ),
  );
  return records.sort((a, b) => b.time.localeCompare(a.time));
}

/** What the repository knows of a digest a record names as a tag's previous one. */
export interface PreviousDigest {
  /** The digest is a manifest in this repository. */
  exists: boolean;
  /** The manifest is an artifact attached to another (it has a subject, or is a promotion record): never an image a tag held. */
  artifact: boolean;
  /** Promotion records attached to it in this repository. */
  records: PromotionRecord[];
}

/** The tag a rollback moves: which repository, which tag, the digest it holds now, and the time. */
export interface RollbackTarget {
  repository: string;
  tag: string;
  current: string;
  now: number;
}

export type RecordVerdict =
  | { trusted: true; previous: string }
  | { trusted: false; reason: string }
  /** The record says nothing about an earlier digest of this tag. */
  | undefined;

/** Clocks of the runners that wrote records and of this one may differ by this much. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Whether a promotion record on the digest a tag holds may say what the tag held before. It must be
 * consistent with this destination's history: it records the digest it is attached to, names this
 * destination repository (a record made for another repository, or copied from one, is not
 * trusted), is not dated in the future, and its previous digest is what the tag held: an image
 * (not an artifact) in this repository, and when records on that digest show it was put on the tag
 * by a promotion or a rollback, one of them is older than this record. A digest with no record of its
 * own at this tag is taken as what the tag held before promote first moved it.
 */
export function judgeRecord(
  record: PromotionRecord,
  target: RollbackTarget,
  history: (digest: string) => PreviousDigest,
): RecordVerdict {
  const entries = record.destinations.filter((d) => d?.tag === target.tag);
  if (entries.length === 0) return undefined;
  if (record.digest !== target.current)
    return {
      trusted: false,
      reason: `it records ${record.digest}, not ${target.current}, the digest it is attached to`,
    };
  const here = entries.filter((d) => d.repository === target.repository);
  if (here.length === 0)
    return {
      trusted: false,
      reason: `it was made for ${entries[0]!.repository}, not this repository (${target.repository})`,
    };
  const time = Date.parse(record.time);
  if (!Number.isFinite(time))
    return { trusted: false, reason: `its time ${JSON.stringify(record.time)} is not a date` };
  if (time > target.now + CLOCK_SKEW_MS)
    return { trusted: false, reason: `it is dated ${record.time}, in the future` };
  const entry = here.find((d) => d.previous !== null && d.previous !== target.current);
  if (!entry) return undefined;
  const previous = entry.previous!;
  if (typeof previous !== 'string' || !isDigest(previous))
    return { trusted: false, reason: `its previous digest ${JSON.stringify(previous)} is not a digest` };
  const known = history(previous);
  if (!known.exists) return { trusted: false, reason: `${previous} is not in ${target.repository}` };
  if (known.artifact)
    return {
      trusted: false,
      reason: `${previous} is an artifact attached to another manifest (a signature, an SBOM, a record), never an image a tag held`,
    };
  const placed = known.records.filter(
    (r) =>
      r.digest === previous &&
      r.destinations.some((d) => d?.repository === target.repository && d.tag === target.tag),
  );
  if (placed.length > 0 && !placed.some((r) => Date.parse(r.time) <= time))
    return {
      trusted: false,
      reason: `the records on ${previous} put ${target.tag} there only after this record was written`,
    };
  return { trusted: true, previous };
}

/**
 * Rollback: each destination tag (or, when a stable tag is set, the stable tag of each destination
 * repository) goes back to the digest it held before the latest trusted promotion recorded on its
 * current digest (see judgeRecord; each record not trusted is a warning saying why). The rollback
 * is itself recorded, on the digest the tag returns to.
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
    const current = p.previous;
    const records = await readRecords(p.repo, current, deps.warn);
    const known = new Map<string, { info: PreviousDigest; manifest?: Manifest }>();
    const learn = async (digest: string): Promise<void> => {
      if (known.has(digest) || !isDigest(digest)) return;
      const found = await p.repo.resolve(digest);
      if (!found) {
        known.set(digest, { info: { exists: false, artifact: false, records: [] } });
        return;
      }
      const manifest = await p.repo.getManifest(digest);
      known.set(digest, {
        manifest,
        info: {
          exists: true,
          artifact: manifest.json.subject !== undefined || isPromotionRecord(manifest),
          records: await readRecords(p.repo, digest, deps.warn),
        },
      });
    };
    const target: RollbackTarget = {
      repository: p.repo.display,
      tag: p.tag,
      current,
      now: deps.now(),
    };
    let chosen: string | undefined;
    const rejected: string[] = [];
    for (const record of records) {
      for (const d of record.destinations ?? [])
        if (d?.tag === p.tag && d.repository === target.repository && typeof d.previous === 'string')
          await learn(d.previous);
      const verdict = judgeRecord(
        record,
        target,
        (digest) =>
          known.get(digest)?.info ?? {
            exists: false,
            artifact: false,
            records: [],
          },
      );
      if (!verdict) continue;
      if (!verdict.trusted) {
        const why = `the promotion record of ${record.time} on ${p.reference} (${current}) is not trusted: ${verdict.reason}`;
        rejected.push(verdict.reason);
        deps.warn(why);
        continue;
      }
      chosen = verdict.previous;
      break;
    }
    if (!chosen) {
      throw new ConfigurationError(
        `Input '${INPUT.rollback}': no trusted promotion record on ${p.reference} (${current}) names an earlier digest for it, so there is nothing to roll back to${rejected.length ? ` (records not trusted: ${rejected.join('; ')})` : ''}.`,
      );
    }
    steps.push({ plan: p, target: known.get(chosen)!.manifest!, current });
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
    try {
      recordDigest = await attachRecord(p.repo, target.descriptor, record);
      await p.repo.putManifest(target.bytes, target.descriptor.mediaType, p.tag);
    } catch (error) {
      throw await reportRollback(error, steps);
    }
  }
  // Read back: a rollback that reports success has every tag where it says.
  for (const { plan: p, target } of steps) {
    const now = (await p.repo.resolve(p.tag))?.digest ?? null;
    if (now !== target.descriptor.digest)
      throw await reportRollback(
        new Error(
          `${p.reference} points at ${now ?? 'nothing'} after the rollback, not ${target.descriptor.digest}`,
        ),
        steps,
      );
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

/**
 * After a failed rollback: what every tag holds. Tags already rolled back stay rolled back (putting
 * them forward again would restore the digest being rolled away from); a tag whose PUT had an
 * unknown outcome is read, not assumed.
 */
async function reportRollback(
  error: unknown,
  steps: { plan: PlannedTag; target: Manifest; current: string }[],
): Promise<TagsSettledError> {
  const states: TagState[] = [];
  for (const { plan: p, target, current } of steps) {
    let holds: string | null | undefined;
    try {
      holds = (await p.repo.resolve(p.tag))?.digest ?? null;
    } catch {
      holds = undefined;
    }
    const note =
      holds === target.descriptor.digest
        ? 'rolled back'
        : holds === current
          ? 'not rolled back'
          : holds === undefined
            ? 'check it by hand'
            : 'written by someone else meanwhile';
    states.push({ reference: p.reference, role: p.role, holds, note });
  }
  return new TagsSettledError(error, states);
}
