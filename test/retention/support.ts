/** A repository with a promotion history, built with the real promote() against a real registry. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '../../src/net/index.js';
import {
  type CredentialSource,
  type Descriptor,
  type OciRepository,
  RegistryClient,
} from '../../src/oci/index.js';
import { promote } from '../../src/promote/promote.js';
import { configFrom, depsFor } from '../promote/support.js';
import { ArtifactType, buildImage, buildReferrer, pushImage } from '../support/oci-images.js';

export const DAY = 86_400_000;

export function client(credentials?: CredentialSource): RegistryClient {
  return new RegistryClient({
    credentials,
    http: new HttpClient({ backoffBaseMs: 5, backoffMaxMs: 50, retries: 2, breakerThreshold: 1000 }),
  });
}

export const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

export async function pushAged(
  repo: OciRepository,
  label: string,
  ageDays: number,
  tag?: string,
  platforms = 1,
) {
  const created = daysAgo(ageDays);
  const image = buildImage({
    label,
    created,
    layerSize: 64,
    platforms: Array.from({ length: platforms }, (_, i) => ({
      os: 'linux',
      architecture: ['amd64', 'arm64', 's390x'][i]!,
    })),
  });
  const descriptor = await pushImage(repo, image, tag);
  return { descriptor, image, created };
}

/** Promote `tag` of the repository to `environment` as if it happened `ageDays` ago. */
export async function promoteAt(
  host: string,
  name: string,
  tag: string,
  environment: string,
  ageDays: number,
  inputs: Record<string, string> = {},
) {
  const config = configFrom({
    source: `${host}/${name}:${tag}`,
    destinations: `${host}/${name}:${environment}`,
    immutable: 'false',
    'copy-referrers': 'false',
    ...inputs,
  });
  const deps = depsFor(client());
  deps.now = () => Date.now() - ageDays * DAY;
  return promote(config, deps);
}

export async function sign(repo: OciRepository, subject: Descriptor) {
  return pushImage(repo, buildReferrer(subject, ArtifactType.CosignSignature, { signed: subject.digest }));
}

export function workspaceWith(rules: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'retention-ws-'));
  writeFileSync(join(dir, 'retention.yml'), rules);
  return dir;
}

export interface PlanDocument {
  applied: boolean;
  repositories: {
    repository: string;
    deletions: { digest: string; tags: string[]; rule: string; reason: string; bytes: number }[];
    kept: { digest: string; tags: string[]; reason: string }[];
    bytesFreed: number;
    report?: { deleted: string[]; failed?: { digest: string; error: string }; notAttempted: string[] };
  }[];
}

export function readPlan(path: string): PlanDocument {
  return JSON.parse(readFileSync(path, 'utf8')) as PlanDocument;
}
