/** registry-retention through the bundled action against registry 2.8 with deletes enabled. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Descriptor, RegistryRepository } from '../../src/oci/index.js';
import { runAction } from '../harness/index.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { client, promoteAt, pushAged, readPlan, sign, workspaceWith } from './support.js';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => {
  await registry?.stop();
});

let count = 0;

const rulesFor = (repository: string) => `repositories:
  - repository: ${repository}
    environments:
      production: { keep-last: 2 }
    keep-tags: ['v*']
    expire-tags:
      - { pattern: 'pr-*', after: 7d }
    expire-untagged: { after: 14d }
`;

/**
 * Three promotions to production (A 50 days ago, B 30, C 10), each built as an old pr- tag; D an
 * old pr- image with a signature; E a fresh pr- image; F a release; G a multi-platform index.
 */
async function seed() {
  const name = `acme/app-${++count}`;
  const repo = client().repository(registry.host, name);
  const a = await pushAged(repo, `a${count}`, 60, 'pr-1');
  await promoteAt(registry.host, name, 'pr-1', 'production', 50);
  const b = await pushAged(repo, `b${count}`, 40, 'pr-2');
  await promoteAt(registry.host, name, 'pr-2', 'production', 30);
  const c = await pushAged(repo, `c${count}`, 20, 'pr-3');
  await promoteAt(registry.host, name, 'pr-3', 'production', 10);
  const d = await pushAged(repo, `d${count}`, 10, 'pr-7');
  const dSig = await sign(repo, d.descriptor);
  const e = await pushAged(repo, `e${count}`, 1, 'pr-8');
  const f = await pushAged(repo, `f${count}`, 100, 'v1.0');
  const g = await pushAged(repo, `g${count}`, 30, 'main', 2);
  return { name, repo, a, b, c, d, dSig, e, f, g };
}

async function present(repo: RegistryRepository, descriptor: Descriptor | string): Promise<boolean> {
  return (await repo.resolve(typeof descriptor === 'string' ? descriptor : descriptor.digest)) !== undefined;
}

function run(workspace: string, inputs: Record<string, string> = {}) {
  return runAction({
    action: 'registry-retention',
    workspace,
    inputs: { rules: 'retention.yml', 'plan-file': join(workspace, 'plan.json'), ...inputs },
  });
}

describe('registry-retention on registry 2.8', () => {
  it('plans by default: what would go and why, production rollback targets kept whatever the pr-* rule says, nothing deleted', async () => {
    const s = await seed();
    const ws = workspaceWith(rulesFor(`${registry.host}/${s.name}`));
    const result = await run(ws);
    expect(result.main.errors).toEqual([]);
    expect(result.main.exitCode).toBe(0);
    expect(result.main.outputs).toMatchObject({ 'to-delete': '6', deleted: '0' });
    const plan = readPlan(join(ws, 'plan.json')).repositories[0]!;
    const deleted = plan.deletions.map((d) => d.digest);
    // A (out of production's last 2) and D (pr-7, 10 days old), each with its referrers and the
    // referrers tag index: the record on A, the signature on D.
    expect(deleted).toContain(s.a.descriptor.digest);
    expect(deleted).toContain(s.d.descriptor.digest);
    expect(deleted).toContain(s.dSig.digest);
    expect(deleted.indexOf(s.dSig.digest)).toBeLessThan(deleted.indexOf(s.d.descriptor.digest));
    const byDigest = new Map(plan.deletions.map((d) => [d.digest, d]));
    expect(byDigest.get(s.a.descriptor.digest)).toMatchObject({
      tags: ['pr-1'],
      rule: 'expire-tags[0] pr-*',
    });
    expect(byDigest.get(s.d.descriptor.digest)?.reason).toMatch(/tag pr-7 is 10d old/);
    // B's pr-2 tag expired, but B is production's rollback target: kept.
    expect(plan.kept.find((k) => k.digest === s.b.descriptor.digest)?.reason).toMatch(
      /promoted to production 30d ago/,
    );
    for (const kept of [s.b, s.c, s.e, s.f, s.g]) expect(deleted).not.toContain(kept.descriptor.digest);
    for (const child of s.g.image.children) expect(deleted).not.toContain(child.descriptor.digest);
    expect(plan.bytesFreed).toBeGreaterThan(0);
    expect(result.main.outputs['bytes-freed']).toBe(String(plan.bytesFreed));
    expect(result.main.summary).toMatch(/plan: nothing deleted/);
    expect(result.main.summary).toMatch(/would delete/);
    expect(result.main.summary).toMatch(/production 20\d\d-/);
    expect(await present(s.repo, s.a.descriptor)).toBe(true);
    expect(await present(s.repo, s.d.descriptor)).toBe(true);
  });

  it('a refused promotion (a refusal record) is no promotion: it does not push a real rollback target out of keep-last', async () => {
    const s = await seed();
    // D is refused for production (no scan report attached): promote records the refusal on D.
    const refused = await promoteAt(registry.host, s.name, 'pr-7', 'production', 5, {
      verify: 'vulnerabilities',
    }).then(
      () => 'promoted',
      (error: Error) => error.message,
    );
    expect(refused).toContain('Nothing was promoted');
    const ws = workspaceWith(rulesFor(`${registry.host}/${s.name}`));
    const result = await run(ws);
    expect(result.main.errors).toEqual([]);
    const plan = readPlan(join(ws, 'plan.json')).repositories[0]!;
    const deleted = plan.deletions.map((d) => d.digest);
    // Production's last two promotions are still B and C: B stays, A goes, as without the refusal.
    expect(deleted).not.toContain(s.b.descriptor.digest);
    expect(plan.kept.find((k) => k.digest === s.b.descriptor.digest)?.reason).toMatch(
      /promoted to production/,
    );
    expect(deleted).toContain(s.a.descriptor.digest);
  });

  it('apply deletes by digest what the plan lists, keeps the rest, and a rerun finds nothing more', async () => {
    const s = await seed();
    const ws = workspaceWith(rulesFor(`${registry.host}/${s.name}`));
    const result = await run(ws, { apply: 'true' });
    expect(result.main.errors).toEqual([]);
    expect(result.main.outputs).toMatchObject({ 'to-delete': '6', deleted: '6' });
    for (const gone of [s.a.descriptor, s.d.descriptor, s.dSig])
      expect(await present(s.repo, gone)).toBe(false);
    for (const kept of [s.b, s.c, s.e, s.f, s.g]) expect(await present(s.repo, kept.descriptor)).toBe(true);
    for (const child of s.g.image.children) expect(await present(s.repo, child.descriptor.digest)).toBe(true);
    const tags = await s.repo.tags();
    expect(tags).not.toContain('pr-1');
    expect(tags).not.toContain('pr-7');
    expect(tags).toEqual(expect.arrayContaining(['pr-2', 'pr-3', 'pr-8', 'v1.0', 'main', 'production']));
    expect(result.main.summary).toMatch(/\| deleted \|/);
    const again = await run(ws, { apply: 'true' });
    expect(again.main.outputs).toMatchObject({ 'to-delete': '0', deleted: '0' });
  });

  it('a tag listing that breaks off (404 on a later page) plans and deletes nothing', async () => {
    const s = await seed();
    const proxy = await startFaultProxy(registry.url, {
      rules: [
        { method: 'GET', path: /\/tags\/list$/, query: /last=/, fault: { kind: 'status', status: 404 } },
        { method: 'GET', path: /\/tags\/list$/, fault: { kind: 'paginate', pageSize: 3 } },
      ],
    });
    try {
      const ws = workspaceWith(rulesFor(`${proxy.host}/${s.name}`));
      const result = await run(ws, { apply: 'true' });
      expect(proxy.injected['404']).toBe(1);
      expect(result.main.exitCode).not.toBe(0);
      expect(result.main.errors.join('\n')).toMatch(
        /could not be listed completely, so nothing was planned or deleted/,
      );
      expect(result.main.outputs.deleted ?? '0').toBe('0');
    } finally {
      await proxy.stop();
    }
    for (const d of [s.a, s.b, s.c, s.d, s.e, s.f, s.g])
      expect(await present(s.repo, d.descriptor)).toBe(true);
  });

  it('a deletion failing midway leaves a report of what was and was not deleted, and rerunning finishes safely', async () => {
    const s = await seed();
    const planWs = workspaceWith(rulesFor(`${registry.host}/${s.name}`));
    await run(planWs);
    const planned = readPlan(join(planWs, 'plan.json')).repositories[0]!.deletions.map((d) => d.digest);
    const failing = planned[2]!;
    const proxy = await startFaultProxy(registry.url, {
      rules: [
        {
          method: 'DELETE',
          path: new RegExp(`/manifests/${failing}$`),
          fault: { kind: 'status', status: 500 },
        },
      ],
    });
    try {
      const ws = workspaceWith(rulesFor(`${proxy.host}/${s.name}`));
      const result = await run(ws, { apply: 'true' });
      expect(result.main.exitCode).not.toBe(0);
      expect(result.main.errors.join('\n')).toMatch(
        /failed after 2 of 6 deletions.*4 not deleted\. Running again is safe/,
      );
      const report = readPlan(join(ws, 'plan.json')).repositories[0]!.report!;
      expect(report.deleted).toEqual(planned.slice(0, 2));
      expect(report.failed?.digest).toBe(failing);
      expect(report.notAttempted).toEqual(planned.slice(3));
      expect(result.main.outputs.deleted).toBe('2');
      expect(result.main.summary).toMatch(/\*\*failed\*\*/);
      for (const d of planned.slice(2)) expect(await present(s.repo, d)).toBe(true);
    } finally {
      await proxy.stop();
    }
    const rerun = await run(planWs, { apply: 'true' });
    expect(rerun.main.errors).toEqual([]);
    expect(rerun.main.outputs).toMatchObject({ 'to-delete': '4', deleted: '4' });
    for (const d of planned) expect(await present(s.repo, d)).toBe(false);
    for (const kept of [s.b, s.c, s.e, s.f, s.g]) expect(await present(s.repo, kept.descriptor)).toBe(true);
  });

  it('a tag moved onto a planned digest between the plan and the deletes (a hand rollback) spares it and its referrers; the rest goes', async () => {
    const s = await seed();
    const planWs = workspaceWith(rulesFor(`${registry.host}/${s.name}`));
    await run(planWs);
    const before = readPlan(join(planWs, 'plan.json')).repositories[0]!.deletions.map((d) => d.digest);
    expect(before).toContain(s.a.descriptor.digest);
    let moved = false;
    const proxy = await startFaultProxy(registry.url, {
      rules: [
        // The plan's own listing passes; before the listing read again just ahead of the deletes,
        // someone rolls production back to A by hand.
        { method: 'GET', path: /\/tags\/list$/, times: 1, fault: { kind: 'delay', ms: 0 } },
        {
          method: 'GET',
          path: /\/tags\/list$/,
          fault: {
            kind: 'before',
            first: async () => {
              if (moved) return;
              moved = true;
              const a = await s.repo.getManifest(s.a.descriptor.digest);
              await s.repo.putManifest(a.bytes, a.descriptor.mediaType, 'production');
            },
          },
        },
      ],
    });
    try {
      const ws = workspaceWith(rulesFor(`${proxy.host}/${s.name}`));
      const result = await run(ws, { apply: 'true' });
      expect(moved).toBe(true);
      expect(result.main.errors).toEqual([]);
      const warnings = result.main.annotations.filter((a) => a.command === 'warning').map((a) => a.value);
      expect(warnings.join('\n')).toContain(
        `${s.a.descriptor.digest} was tagged production after the plan was made`,
      );
      const plan = readPlan(join(ws, 'plan.json')).repositories[0]!;
      const deleted = plan.report!.deleted;
      expect(deleted).not.toContain(s.a.descriptor.digest);
      expect(plan.kept.find((k) => k.digest === s.a.descriptor.digest)?.reason).toBe(
        'tagged production after the plan was made',
      );
      // A's referrers (its promotion record) were planned with it and are spared with it.
      const spared = before.filter((d) => !deleted.includes(d));
      expect(spared.length).toBeGreaterThan(1);
      for (const d of spared) expect(await present(s.repo, d)).toBe(true);
      expect(deleted).toEqual(expect.arrayContaining([s.d.descriptor.digest, s.dSig.digest]));
      expect(result.main.outputs.deleted).toBe(String(deleted.length));
      expect((await s.repo.resolve('production'))?.digest).toBe(s.a.descriptor.digest);
    } finally {
      await proxy.stop();
    }
  });

  it('tags that cannot be read again just before deleting: nothing deleted, an error saying so', async () => {
    const s = await seed();
    const proxy = await startFaultProxy(registry.url, {
      rules: [
        { method: 'GET', path: /\/tags\/list$/, times: 1, fault: { kind: 'delay', ms: 0 } },
        { method: 'GET', path: /\/tags\/list$/, fault: { kind: 'status', status: 500 } },
      ],
    });
    try {
      const ws = workspaceWith(rulesFor(`${proxy.host}/${s.name}`));
      const result = await run(ws, { apply: 'true' });
      expect(result.main.exitCode).not.toBe(0);
      expect(result.main.errors.join('\n')).toMatch(
        /the tags could not be read again just before deleting, so nothing was deleted from it/,
      );
      expect(result.main.outputs.deleted).toBe('0');
      const report = readPlan(join(ws, 'plan.json')).repositories[0]!.report!;
      expect(report.deleted).toEqual([]);
      expect(report.notAttempted.length).toBeGreaterThan(0);
    } finally {
      await proxy.stop();
    }
    for (const d of [s.a, s.b, s.c, s.d, s.e, s.f, s.g])
      expect(await present(s.repo, d.descriptor)).toBe(true);
  });

  it('an unreachable registry is an error naming the rules file and the fix; nothing deleted', async () => {
    const ws = workspaceWith(rulesFor('127.0.0.1:9/acme/app'));
    const result = await run(ws, { apply: 'true' });
    expect(result.main.exitCode).not.toBe(0);
    expect(result.main.errors.join('\n')).toMatch(
      /Input 'rules': retention\.yml: cannot reach the registry of 127\.0\.0\.1:9\/acme\/app.*Nothing was deleted/,
    );
  });

  it('a missing or invalid rules file is an error naming the input; nothing read from any registry', async () => {
    const ws = workspaceWith('repositories:\n  - repository: x.test/a\n    expire-tag: []\n');
    const missing = await run(ws, { rules: 'nope.yml' });
    expect(missing.main.errors.join('\n')).toMatch(/Input 'rules': the rules file nope\.yml does not exist/);
    const unknown = await run(ws);
    expect(unknown.main.exitCode).not.toBe(0);
    expect(unknown.main.errors.join('\n')).toMatch(
      /Input 'rules': retention\.yml: repositories\[0\]: unknown key 'expire-tag'/,
    );
  });
});

describe('registry-retention with a token that may not delete', () => {
  let auth: TestRegistry;
  beforeAll(async () => {
    auth = await startRegistry({
      kind: 'token',
      users: { ci: 'ci-password' },
      grant: (_user, _repo, actions) => actions.filter((a) => a !== 'delete' && a !== '*'),
    });
  });
  afterAll(async () => {
    await auth?.stop();
  });

  it('apply stops at the first refused DELETE with an error naming the credentials inputs; nothing deleted', async () => {
    const repo = client(() => ({ username: 'ci', password: 'ci-password' })).repository(
      auth.host,
      'acme/locked',
    );
    const old = await pushAged(repo, 'locked', 30, 'pr-1');
    const ws = workspaceWith(rulesFor(`${auth.host}/acme/locked`));
    const result = await run(ws, { apply: 'true', username: 'ci', password: 'ci-password' });
    expect(result.main.exitCode).not.toBe(0);
    expect(result.main.errors.join('\n')).toMatch(
      /refused to delete.*Give 'username'\/'password' credentials with delete rights/,
    );
    expect(result.main.outputs.deleted).toBe('0');
    expect(await present(repo, old.descriptor)).toBe(true);
    expect(result.main.leaks).toEqual([]);
  });
});
