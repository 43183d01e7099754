/**
 * The referrers of a digest as promote sees them (referrers API or tag schema, their own referrers,
 * cosign's legacy tags; promotion records left out), what satisfies `require`, and what the policy
 * gate is shown.
 */
import {
  artifactTypeOf,
  COSIGN_SUFFIXES,
  createLimiter,
  digestTag,
  type ImageManifest,
  type Limiter,
  type Manifest,
  type ManifestTree,
  type OciRepository,
  readTree,
} from '../oci/index.js';
import type { Evidence } from '../policy/spec.js';
import type { RequiredArtifact } from './config.js';
import type { PromoteDeps } from './types.js';
import { isPromotionRecord } from './records.js';

export interface Referrer {
  tree: ManifestTree;
  /**
   * What the manifest itself declares (its artifactType, else its config's media type), never the
   * label a referrers index gives it: the index is just another document in the source.
   */
  artifactType?: string;
  /** cosign's legacy tag, when the referrer was found through one. */
  cosignTag?: string;
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

/** What the gate needs of a referrer: its own type, its layers, and a way to read one (bounded). */
export function evidenceOf(repo: OciRepository, referrer: Referrer): Evidence {
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

/**
 * Referrers of the digest (API or tag schema), their own referrers, and cosign's legacy tags. A
 * referrer's kind is what its manifest declares; a listed manifest whose `subject` is not the digest
 * is not its referrer; promotion records are left out (with a warning when one was listed as
 * something else): records belong to the repository that wrote them and are never copied.
 */
export async function findReferrers(
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
export function satisfying(required: RequiredArtifact, referrers: Referrer[]): string | undefined {
  const hit = referrers.find(
    (r) =>
      (r.artifactType !== undefined && required.types.includes(r.artifactType)) ||
      (required.cosign && r.artifactType === `cosign:${required.cosign}`),
  );
  return hit
    ? `${hit.cosignTag ? `cosign tag ${hit.cosignTag}` : hit.artifactType} (${hit.tree.top.descriptor.digest})`
    : undefined;
}

export function describeRequirement(required: RequiredArtifact): string {
  const ways = [
    ...required.types,
    ...(required.cosign ? [`cosign tag sha256-<hex>.${required.cosign}`] : []),
  ];
  return ways.length === 1 && ways[0] === required.name
    ? required.name
    : `${required.name} (${ways.join(', ')})`;
}
