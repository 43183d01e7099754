/**
 * registry-retention deleting through GitHub's Packages API (as for ghcr.io, which has no manifest
 * DELETE): versions listed with Link pagination and deleted by id in the test GitHub server; the
 * manifests themselves read from registry 2.8, which must see no DELETE.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenOf, type RegistryRepository } from '../../src/oci/index.js';
import { runAction } from '../harness/index.js';
import { type GitHubApi, startGitHubApi } from '../support/github-api.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { client, promoteAt, pushAged, readPlan, sign, workspaceWith } from './support.js';

let registry: TestRegistry;
let api: GitHubApi;
beforeAll(async () => {
  registry = await startRegistry();
  api = await startGitHubApi({
    tokens: { ghs_delete: { write: true }, 'ghs_read-only': { write: false, packages: 'read' } },
  });
});
afterAll(async () => {
  await registry?.stop();
  await api?.close();
});

let count = 0;

/** The package GHCR would show for the repository: one version per manifest, tags on it, children and referrers untagged. */
async function mirror(repo: RegistryRepository, name: string, pushed: Map<string, string>, padding = 0) {
  const byDigest = new Map<string, string[]>();
  for (const tag of await repo.tags()) {
    const digest = (await repo.resolve(tag))!.digest;
    byDigest.set(digest, [...(byDigest.get(digest) ?? []), tag]);
  }
  const untagged = new Set<string>();
  for (const digest of byDigest.keys()) {
    const manifest = await repo.getManifest(digest);
    for (const child of childrenOf(manifest)) untagged.add(child.digest);
  }
  for (const [digest, tags] of byDigest)
    api.addPackageVersion({ org: 'acme' }, name, { name: digest, tags, created_at: pushed.get(digest) });
  for (const digest of untagged)
    if (!byDigest.has(digest))
      api.addPackageVersion({ org: 'acme' }, name, { name: digest, created_at: pushed.get(digest) });
  // Versions whose manifests the registry no longer serves: a long listing, read and skipped.
  for (let i = 0; i < padding; i++)
    api.addPackageVersion({ org: 'acme' }, name, { name: `sha256:${randomBytes(32).toString('hex')}` });
}

async function seed(padding = 0) {
  const name = `app-${++count}`;
  const path = `acme/${name}`;
  const repo = client().repository(registry.host, path);
  const a = await pushAged(repo, `pa${count}`, 60, 'pr-1');
  await promoteAt(registry.host, path, 'pr-1', 'production', 50);
  const b = await pushAged(repo, `pb${count}`, 40, 'pr-2');
  await promoteAt(registry.host, path, 'pr-2', 'production', 30);
  const c = await pushAged(repo, `pc${count}`, 20, 'pr-3');
  await promoteAt(registry.host, path, 'pr-3', 'production', 10);
  const d = await pushAged(repo, `pd${count}`, 10, 'pr-7');
  const dSig = await sign(repo, d.descriptor);
  const g = await pushAged(repo, `pg${count}`, 30, 'main', 2);
  // GHCR's created_at is when the version was pushed: here, as long ago as each image says.
  const pushed = new Map<string, string>();
  for (const image of [a, b, c, d, g]) {
    pushed.set(image.descriptor.digest, image.created);
    for (const child of image.image.children) pushed.set(child.descriptor.digest, image.created);
  }
  await mirror(repo, name, pushed, padding);
  const rules = `repositories:
  - repository: ${registry.host}/${path}
    package: { owner: acme, owner-type: org, name: ${name} }
    environments:
      production: { keep-last: 2 }
    expire-tags:
      - { pattern: 'pr-*', after: 7d }
`;
  return { name, repo, a, b, c, d, dSig, g, ws: workspaceWith(rules) };
}

function run(ws: string, token: string, inputs: Record<string, string> = {}) {
  return runAction({
    action: 'registry-retention',
    workspace: ws,
    env: { GITHUB_API_URL: api.url },
    inputs: { rules: 'retention.yml', 'plan-file': join(ws, 'plan.json'), 'github-token': token, ...inputs },
  });
}

const versionDigests = (name: string) => api.packageVersions({ org: 'acme' }, name).map((v) => v.name);

describe('registry-retention through GitHub Packages', () => {
  it('plans from the package versions and deletes versions by id; production rollback targets and index children stay', async () => {
    const s = await seed();
    const before = api.packageVersions({ org: 'acme' }, s.name);
    const result = await run(s.ws, 'ghs_delete', { apply: 'true' });
    expect(result.main.errors).toEqual([]);
    const plan = readPlan(join(s.ws, 'plan.json')).repositories[0]!;
    const planned = plan.deletions.map((d) => d.digest);
    expect(planned).toEqual(expect.arrayContaining([s.a.descriptor.digest, s.d.descriptor.digest]));
    // Versions deleted: exactly the planned digests GHCR lists as versions, by their ids.
    const deletes = api.requests.filter((r) => r.method === 'DELETE');
    const ids = new Map(before.map((v) => [v.id, v.name]));
    const deletedDigests = deletes.map((r) => ids.get(Number(/\/versions\/(\d+)$/.exec(r.path)![1])));
    expect(deletes.every((r) => r.path.startsWith(`/orgs/acme/packages/container/${s.name}/versions/`))).toBe(
      true,
    );
    expect(new Set(deletedDigests)).toEqual(new Set(planned.filter((d) => before.some((v) => v.name === d))));
    const left = versionDigests(s.name);
    expect(left).not.toContain(s.a.descriptor.digest);
    expect(left).not.toContain(s.d.descriptor.digest);
    for (const kept of [s.b, s.c, s.g]) expect(left).toContain(kept.descriptor.digest);
    for (const child of s.g.image.children) expect(left).toContain(child.descriptor.digest);
    // The registry was only read.
    expect(await s.repo.resolve(s.a.descriptor.digest)).toBeDefined();
    expect(result.main.summary).toMatch(/deletes via GitHub Packages/);
  });

  it('a listing whose second page fails plans and deletes nothing', async () => {
    const s = await seed(120);
    api.fail({
      method: 'GET',
      path: `/orgs/acme/packages/container/${s.name}/versions`,
      query: /page=2/,
      status: 404,
      times: 1,
    });
    const result = await run(s.ws, 'ghs_delete', { apply: 'true' });
    expect(result.main.exitCode).not.toBe(0);
    expect(result.main.errors.join('\n')).toMatch(
      /could not be listed completely \(100 read in 1 pages\), so nothing was planned or deleted/,
    );
    expect(api.requests.filter((r) => r.method === 'DELETE' && r.path.includes(s.name))).toEqual([]);
  });

  it('a token that may only read: an error naming github-token and the fix, nothing deleted', async () => {
    const s = await seed();
    const count = versionDigests(s.name).length;
    const result = await run(s.ws, 'ghs_read-only', { apply: 'true' });
    expect(result.main.exitCode).not.toBe(0);
    expect(result.main.errors.join('\n')).toMatch(
      /Input 'github-token': GitHub refused to delete version \d+ .*delete:packages/,
    );
    expect(versionDigests(s.name)).toHaveLength(count);
    expect(result.main.outputs.deleted).toBe('0');
  });

  it('a package GitHub does not have is an error naming the rules entry', async () => {
    const ws = workspaceWith(`repositories:
  - repository: ${registry.host}/acme/nothing
    package: { owner: acme, name: nothing }
`);
    const result = await run(ws, 'ghs_delete');
    expect(result.main.errors.join('\n')).toMatch(
      /Input 'rules': GitHub has no organization acme's container package nothing/,
    );
  });
});
