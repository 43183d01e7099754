/**
 * GitHub Packages (ghcr.io has no manifest DELETE): a container package's versions are its
 * manifests, `name` the digest, `metadata.container.tags` its tags. Listed with Link pagination and
 * deleted by version id, through the one GitHub client (src/github/client.ts).
 * Docs: https://docs.github.com/en/rest/packages/packages
 */
import type { GitHub } from '../github/client.js';
import { ConfigurationError, errorMessage } from '../runtime/errors.js';
import type { Deleter } from './apply.js';
import { INPUT } from './constants.js';
import { PartialListingError } from './inventory.js';
import type { PlannedDeletion } from './plan.js';
import type { PackageTarget } from './policy.js';

export interface PackageVersion {
  id: number;
  name: string;
  created_at: string;
  updated_at?: string;
  metadata?: { package_type?: string; container?: { tags?: string[] } };
}

export interface PackageListing {
  tags: Map<string, string>;
  created: Map<string, number>;
  untagged: string[];
  versionIds: Map<string, number>;
}

function base(target: PackageTarget): string {
  const owner =
    target.ownerType === 'org'
      ? `/orgs/${encodeURIComponent(target.owner)}`
      : `/users/${encodeURIComponent(target.owner)}`;
  return `${owner}/packages/container/${encodeURIComponent(target.name)}/versions`;
}

export function describeTarget(target: PackageTarget): string {
  return `${target.ownerType === 'org' ? 'organization' : 'user'} ${target.owner}'s container package ${target.name}`;
}

export async function listPackageVersions(github: GitHub, target: PackageTarget): Promise<PackageListing> {
  const versions: PackageVersion[] = [];
  let pages = 0;
  try {
    for await (const response of github.paginate.iterator(`GET ${base(target)}`, { per_page: 100 })) {
      pages += 1;
      versions.push(...(response.data as PackageVersion[]));
    }
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (pages === 0 && (status === 401 || status === 403))
      throw new ConfigurationError(
        `Input '${INPUT.githubToken}': GitHub refused to list the versions of ${describeTarget(target)} (HTTP ${status}). Give a token with read:packages (\`permissions: packages: read\`). Nothing was deleted.`,
      );
    if (pages === 0 && status === 404)
      throw new ConfigurationError(
        `Input '${INPUT.rules}': GitHub has no ${describeTarget(target)} the token can see (HTTP 404). Check the entry's package (owner, owner-type, name) and that the token may read it. Nothing was deleted.`,
      );
    throw new PartialListingError(
      `the versions of ${describeTarget(target)} could not be listed completely (${versions.length} read in ${pages} pages), so nothing was planned or deleted: ${errorMessage(error)}`,
    );
  }
  const listing: PackageListing = {
    tags: new Map(),
    created: new Map(),
    untagged: [],
    versionIds: new Map(),
  };
  for (const v of versions) {
    if (typeof v.name !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(v.name)) continue;
    listing.versionIds.set(v.name, v.id);
    const time = Date.parse(v.created_at);
    if (!Number.isNaN(time)) listing.created.set(v.name, time);
    const tags = v.metadata?.container?.tags ?? [];
    for (const tag of tags) listing.tags.set(tag, v.name);
    if (!tags.length) listing.untagged.push(v.name);
  }
  return listing;
}

export function packagesDeleter(
  github: GitHub,
  target: PackageTarget,
  versionIds: Map<string, number>,
): Deleter {
  return {
    via: 'GitHub Packages',
    async delete(deletion: PlannedDeletion) {
      const id = versionIds.get(deletion.digest);
      // A manifest the package lists no version for (an index's child GHCR keeps inside its version).
      if (id === undefined) return;
      try {
        await github.request(`DELETE ${base(target)}/${id}`);
      } catch (error) {
        const status = (error as { status?: number }).status;
        // Gone already (a rerun): deleted is what was asked.
        if (status === 404) return;
        if (status === 401 || status === 403)
          throw new ConfigurationError(
            `Input '${INPUT.githubToken}': GitHub refused to delete version ${id} (${deletion.digest}) of ${describeTarget(target)} (HTTP ${status}: ${errorMessage(error)}). Give a token that may delete package versions (delete:packages, or \`permissions: packages: write\` with admin access to the package), or leave '${INPUT.apply}' false.`,
          );
        throw error;
      }
    },
  };
}
