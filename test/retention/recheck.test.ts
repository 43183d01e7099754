// spareRetagged: what the tags read again just before deleting take out of a plan.
import { describe, expect, it } from 'vitest';
import type { Inventory, ManifestInfo, PlannedDeletion, RetentionPlan } from '../../src/retention/plan.js';
import { spareRetagged } from '../../src/retention/recheck.js';

const d = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const info = (digest: string, children: string[] = []): ManifestInfo => ({
  digest,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  size: 10,
  children,
  blobs: [],
});
const deletion = (digest: string, tags: string[] = []): PlannedDeletion => ({
  digest,
  tags,
  rule: 'expire-untagged',
  reason: 'old',
  bytes: 100,
});

// 1: an index with children 2 and 3, signed by 4; 5 a lone image; 6 kept (tagged main).
const inventory: Pick<Inventory, 'tags' | 'manifests' | 'referrers'> = {
  tags: new Map([
    ['pr-1', d(1)],
    ['main', d(6)],
  ]),
  manifests: new Map([
    [d(1), info(d(1), [d(2), d(3)])],
    [d(2), info(d(2))],
    [d(3), info(d(3))],
    [d(4), info(d(4))],
    [d(5), info(d(5))],
    [d(6), info(d(6))],
  ]),
  referrers: new Map([[d(1), [d(4)]]]),
};
const plan: RetentionPlan = {
  repository: 'r/app',
  deletions: [deletion(d(4)), deletion(d(2)), deletion(d(3)), deletion(d(1), ['pr-1']), deletion(d(5))],
  kept: [{ digest: d(6), tags: ['main'], reason: 'keep-tags main' }],
  bytesFreed: 500,
};
const none = async () => {
  throw new Error('not asked');
};

describe('spareRetagged', () => {
  it('tags as the plan saw them (and tags since removed) change nothing', async () => {
    const result = await spareRetagged(plan, inventory, new Map([['main', d(6)]]), none);
    expect(result.spared).toEqual([]);
    expect(result.plan).toBe(plan);
  });

  it('a tag moved onto a planned index spares it, its children and its signature; the rest stays planned', async () => {
    const now = new Map([
      ['pr-1', d(1)],
      ['main', d(6)],
      ['production', d(1)],
    ]);
    const result = await spareRetagged(plan, inventory, now, none);
    expect(result.spared.map((s) => s.digest).sort()).toEqual([d(1), d(2), d(3), d(4)].sort());
    expect(result.spared.every((s) => s.tags.join() === 'production')).toBe(true);
    expect(result.plan.deletions.map((x) => x.digest)).toEqual([d(5)]);
    expect(result.plan.bytesFreed).toBe(100);
    expect(result.plan.kept.find((k) => k.digest === d(1))?.reason).toBe(
      'tagged production after the plan was made',
    );
  });

  it('a new manifest the plan never read, pointing at a planned child, spares that child (its children are read)', async () => {
    const fresh = d(7);
    const asked: string[] = [];
    const result = await spareRetagged(plan, inventory, new Map([['v2', fresh]]), async (digest) => {
      asked.push(digest);
      return digest === fresh ? [d(5)] : [];
    });
    expect(asked).toEqual([fresh]);
    expect(result.spared).toEqual([{ digest: d(5), tags: ['v2'] }]);
    expect(result.plan.deletions.map((x) => x.digest)).not.toContain(d(5));
  });

  it('a manifest that cannot be read fails the recheck rather than guessing', async () => {
    await expect(
      spareRetagged(plan, inventory, new Map([['v3', d(8)]]), async () => {
        throw new Error('HTTP 500');
      }),
    ).rejects.toThrow('HTTP 500');
  });
});
