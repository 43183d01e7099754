/**
 * Rollback: each tag goes back to the digest a trusted promotion record says it held before
 * (judgeRecord is the trust rule), and the rollback is itself recorded.
 */
import { emptyStats, isDigest, type Manifest } from '../oci/index.js';
import { ConfigurationError } from '../runtime/errors.js';
import type { PromoteConfig } from './config.js';
import { INPUT } from './constants.js';
import type { PromoteDeps, PromoteResult, PromotionRecord, TagResult } from './types.js';
import { attachRecord, isPromotionRecord, readRecords } from './records.js';
import { type PlannedTag, planTags, type TagState, TagsSettledError } from './tags.js';

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
  const steps: RollbackStep[] = [];
  for (const p of targets) {
    if (p.previous === null)
      throw ConfigurationError.forInput(
        INPUT.destinations,
        p.reference,
        'a tag that exists (there is nothing to roll back)',
      );
    const current = p.previous;
    // A refusal moved nothing, so it says nothing about what a tag held.
    const records = (await readRecords(p.repo, current, deps.warn)).filter((r) => r.kind !== 'refusal');
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
          records: (await readRecords(p.repo, digest, deps.warn)).filter((r) => r.kind !== 'refusal'),
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
  // One record per tag, on the digest that tag returns to; the result reports the first tag's
  // digest with its own record.
  const recorded: { record: PromotionRecord; recordDigest: string }[] = [];
  for (const step of steps) {
    try {
      recorded.push(await rollBackTag(step, deps));
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
    record: recorded[0]!.record,
    recordDigest: recorded[0]!.recordDigest,
    referrersCopied: 0,
    stats,
    dryRun: false,
  };
}

/** Records the rollback on the digest the tag returns to, then moves the tag there. */
async function rollBackTag(
  { plan: p, target, current }: RollbackStep,
  deps: PromoteDeps,
): Promise<{ record: PromotionRecord; recordDigest: string }> {
  const record: PromotionRecord = {
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
  const recordDigest = await attachRecord(p.repo, target.descriptor, record);
  await p.repo.putManifest(target.bytes, target.descriptor.mediaType, p.tag);
  return { record, recordDigest };
}

/** One tag a rollback moves: the plan entry, the manifest it returns to, and the digest it holds now. */
interface RollbackStep {
  plan: PlannedTag;
  target: Manifest;
  current: string;
}

/**
 * After a failed rollback: what every tag holds. Tags already rolled back stay rolled back (putting
 * them forward again would restore the digest being rolled away from); a tag whose PUT had an
 * unknown outcome is read, not assumed.
 */
async function reportRollback(error: unknown, steps: RollbackStep[]): Promise<TagsSettledError> {
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
