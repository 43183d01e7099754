/**
 * Deploys from promote's records in the registry. A record is a referrer of the digest it promoted
 * (src/promote/records.ts, read with its readRecords); each destination tag it moved is a deploy to
 * that environment, and its `previous` digest leads to the records of the deploy before. So the
 * history of an environment is walked back from the digest its tag holds now, through `previous`,
 * until the records are older than the window: a few requests per deploy, whatever else the
 * repository holds. Refusals (the policy gate stopped the promotion, nothing moved) are not deploys.
 */
import { createLimiter, type OciRepository } from '../../oci/index.js';
import { readRecords } from '../../promote/records.js';
import type { PromotionRecord } from '../../promote/types.js';
import { errorMessage, isConfigurationError } from '../../runtime/errors.js';
import type { DeployFact } from '../model.js';

export interface DeployStats {
  repositories: number;
  records: number;
  /** Records not read (damaged, not trusted) or not deploys (refusals, before the window). */
  skipped: number;
  /** Tags of a repository given without one beyond this many are not walked. */
  tagsCapped: number;
}

/** Tags whose history is walked when a reference names no tag: environments are few, build tags many. */
export const MAX_TAGS = 200;

export interface DeploySource {
  /** The reference as given (`ghcr.io/acme/app`, `ghcr.io/acme/app:production`). */
  reference: string;
  repo: OciRepository;
  /** The environment tags to walk from; undefined: every tag of the repository (up to MAX_TAGS). */
  tags?: string[];
}

export async function readDeploys(
  sources: DeploySource[],
  since: number,
  warn: (message: string) => void,
): Promise<{ deploys: DeployFact[]; stats: DeployStats }> {
  const stats: DeployStats = { repositories: 0, records: 0, skipped: 0, tagsCapped: 0 };
  const deploys: DeployFact[] = [];
  const seenRecords = new Set<string>();
  for (const source of sources) {
    stats.repositories += 1;
    const limit = createLimiter(6);
    const warnSkip = (message: string) => {
      stats.skipped += 1;
      warn(message);
    };
    try {
      let tags = source.tags;
      if (tags === undefined) {
        // Cosign and referrers-schema tags (sha256-<hex>…) are not environments.
        tags = (await source.repo.tags()).filter((tag) => !/^sha256-[0-9a-f]{64}/.test(tag));
        if (tags.length > MAX_TAGS) {
          stats.tagsCapped += tags.length - MAX_TAGS;
          warn(
            `${source.reference}: ${tags.length} tags; the promotion history of the first ${MAX_TAGS} is read. Name the environment tags (${source.reference}:production) to read theirs.`,
          );
          tags = tags.slice(0, MAX_TAGS);
        }
      }
      const heads = await Promise.all(tags.map((tag) => limit(() => source.repo.resolve(tag))));
      const queue = [...new Set(heads.filter((d) => d !== undefined).map((d) => d.digest))];
      const visited = new Set<string>(queue);
      while (queue.length > 0) {
        const batch = queue.splice(0, queue.length);
        const read = await Promise.all(
          batch.map((digest) => limit(() => readRecords(source.repo, digest, warnSkip))),
        );
        for (const record of read.flat()) {
          const key = `${record.digest}|${record.time}|${record.kind}|${record.workflowRun}`;
          if (seenRecords.has(key)) continue;
          seenRecords.add(key);
          const facts = deployFacts(record, since);
          if (facts === undefined) {
            stats.skipped += 1;
            continue;
          }
          stats.records += 1;
          deploys.push(...facts);
          // The deploy before this one, while the window reaches it.
          for (const destination of record.destinations) {
            const previous = destination.previous;
            if (typeof previous === 'string' && !visited.has(previous)) {
              visited.add(previous);
              queue.push(previous);
            }
          }
        }
      }
    } catch (error) {
      if (isConfigurationError(error)) throw error;
      warn(`${source.reference}: promotion records not read: ${errorMessage(error)}`);
    }
  }
  deploys.sort((a, b) => a.time - b.time || a.environment.localeCompare(b.environment));
  return { deploys, stats };
}

/** A record's deploys (one per destination tag); undefined for a refusal or a record before the window. */
export function deployFacts(record: PromotionRecord, since: number): DeployFact[] | undefined {
  if (record.kind !== 'promotion' && record.kind !== 'rollback') return undefined;
  const time = Date.parse(record.time);
  if (!Number.isFinite(time) || time < since) return undefined;
  // Recorded by promote when given (a build's commit time), else unknown: lead time needs it.
  const extra = record as PromotionRecord & { commitTime?: unknown; outcome?: unknown };
  const commitTime = typeof extra.commitTime === 'string' ? Date.parse(extra.commitTime) : Number.NaN;
  const facts: DeployFact[] = [];
  for (const destination of record.destinations ?? []) {
    if (destination?.role !== 'destination' || typeof destination.tag !== 'string') continue;
    const fact: DeployFact = {
      service: serviceOf(String(destination.repository ?? '')),
      environment: destination.tag,
      digest: record.digest,
      time,
      kind: record.kind,
      outcome: extra.outcome === 'failure' ? 'failure' : 'success',
    };
    if (typeof record.commit === 'string' && record.commit !== '') fact.commit = record.commit;
    if (Number.isFinite(commitTime)) fact.commitTime = commitTime;
    facts.push(fact);
  }
  return facts.length > 0 ? facts : undefined;
}

/** The service a repository holds: its path in the registry (`ghcr.io/acme/app` -> `acme/app`). */
export function serviceOf(repository: string): string {
  const slash = repository.indexOf('/');
  const host = slash > 0 ? repository.slice(0, slash) : '';
  // A registry host has a dot or a port, or is localhost (Docker's rule).
  return /[.:]|^localhost$/.test(host) ? repository.slice(slash + 1) : repository;
}
