/**
 * Generated repositories and promotion histories: whatever the patterns say, no digest promoted to
 * an environment within its keep window, pointed to by a kept tag, or referenced (child, referrer,
 * attachment tag) by anything kept is ever in the delete set; and the delete order puts what a
 * digest references before it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { environmentOf, type Inventory, type ManifestInfo, planRetention } from '../../src/retention/plan.js';
import { parsePolicy } from '../../src/retention/policy.js';
import { closure } from '../../src/retention/rules.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T00:00:00Z');
const hex = (n: number) => n.toString(16).padStart(64, '0');
const digest = (n: number) => `sha256:${hex(n)}`;

const TAG_NAMES = [
  'production',
  'staging',
  'latest',
  'v1.0',
  'v2.1',
  'pr-1',
  'pr-2',
  'pr-33',
  'sha-a',
  'sha-b',
  'dev',
  'nightly',
];
const PATTERNS = ['pr-*', 'sha-*', '*', 'v*', 'dev', 'prod*', 'staging', 'latest'];

const history = fc.record({
  manifests: fc.integer({ min: 1, max: 14 }),
  ages: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 14, maxLength: 14 }),
  // Index children and referrers: edges to other manifests by index.
  children: fc.array(fc.tuple(fc.nat(13), fc.nat(13)), { maxLength: 6 }),
  referrers: fc.array(fc.tuple(fc.nat(13), fc.nat(13)), { maxLength: 6 }),
  tags: fc.array(fc.tuple(fc.constantFrom(...TAG_NAMES), fc.nat(13)), { maxLength: 12 }),
  attachments: fc.array(fc.tuple(fc.nat(13), fc.nat(13), fc.constantFrom('', '.sig', '.att')), {
    maxLength: 3,
  }),
  promotions: fc.array(
    fc.record({
      env: fc.constantFrom('production', 'staging', 'qa'),
      target: fc.nat(13),
      age: fc.integer({ min: 0, max: 90 }),
    }),
    { maxLength: 12 },
  ),
  expire: fc.array(
    fc.record({
      pattern: fc.constantFrom(...PATTERNS),
      after: fc.integer({ min: 0, max: 30 }),
      keepLast: fc.option(fc.nat(3), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
  keepTags: fc.subarray(['latest', 'v*', 'nightly']),
  prodKeep: fc.nat(3),
  prodWithin: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  stagingKeep: fc.nat(2),
  untaggedAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
});

type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

function build(h: History) {
  const count = h.manifests;
  const at = (i: number) => i % count;
  const manifests = new Map<string, ManifestInfo>();
  for (let i = 0; i < count; i++)
    manifests.set(digest(i), {
      digest: digest(i),
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      size: 100,
      created: NOW - h.ages[i]! * DAY,
      children: [],
      blobs: [{ digest: digest(1000 + i), size: 10 }],
    });
  // Edges only from lower to higher index: no cycles (content addressing cannot make one).
  for (const [a, b] of h.children)
    if (at(a) < at(b)) manifests.get(digest(at(a)))!.children.push(digest(at(b)));
  const referrers = new Map<string, string[]>();
  for (const [a, b] of h.referrers)
    if (at(a) < at(b)) {
      referrers.set(digest(at(a)), [...(referrers.get(digest(at(a))) ?? []), digest(at(b))]);
      manifests.get(digest(at(b)))!.subject = digest(at(a));
    }
  const tags = new Map<string, string>();
  for (const [tag, target] of h.tags) tags.set(tag, digest(at(target)));
  // Attachments too: a signature names its subject's digest, so the subject cannot name it back.
  for (const [subject, target, suffix] of h.attachments)
    if (at(subject) < at(target)) tags.set(`sha256-${hex(at(subject))}${suffix}`, digest(at(target)));
  const inventory: Inventory = {
    tags,
    manifests,
    referrers,
    promotions: h.promotions.map((p) => ({
      tag: p.env,
      digest: digest(at(p.target)),
      time: NOW - p.age * DAY,
    })),
  };
  const yaml = [
    'repositories:',
    '  - repository: registry.test/acme/app',
    '    environments:',
    `      production: { keep-last: ${h.prodKeep}${h.prodWithin !== undefined ? `, keep-within: ${h.prodWithin}d` : ''} }`,
    `      staging: { keep-last: ${h.stagingKeep} }`,
    `    keep-tags: [${h.keepTags.map((t) => `'${t}'`).join(', ')}]`,
    '    expire-tags:',
    ...(h.expire.length ? [] : ['      []']),
    ...h.expire.map(
      (e) =>
        `      - { pattern: '${e.pattern}', after: ${e.after}d${e.keepLast !== undefined ? `, keep-last: ${e.keepLast}` : ''} }`,
    ),
    ...(h.untaggedAfter !== undefined ? [`    expire-untagged: { after: ${h.untaggedAfter}d }`] : []),
  ].join('\n');
  return { inventory, policy: parsePolicy(yaml, 'rules.yml').repositories[0]! };
}

/** The invariant computed independently of the plan's own bookkeeping. */
function mustKeep(h: History, inventory: Inventory, policy: ReturnType<typeof build>['policy']): Set<string> {
  const roots = new Set<string>();
  // Promoted within the window: last N distinct digests per environment, or within keep-within.
  for (const env of policy.environments) {
    const latest = new Map<string, number>();
    for (const p of inventory.promotions)
      if (environmentOf(policy.environments, p.tag)?.name === env.name)
        latest.set(p.digest, Math.max(latest.get(p.digest) ?? 0, p.time));
    const ordered = [...latest].sort((a, b) => b[1] - a[1]);
    ordered.forEach(([d, time], rank) => {
      if (rank < env.keepLast || (env.keepWithinMs !== undefined && NOW - time <= env.keepWithinMs))
        roots.add(d);
    });
  }
  // Tags the patterns cannot expire: keep-tags, environment tags, tags no rule matches.
  for (const [tag, d] of inventory.tags) {
    if (/^sha256-/.test(tag)) continue;
    if (policy.keepTags.some((p) => p.test(tag)) || environmentOf(policy.environments, tag)) roots.add(d);
    else if (!policy.expireTags.some((r) => r.pattern.test(tag))) roots.add(d);
  }
  void h;
  const attachments = new Map<string, string[]>();
  for (const [tag, d] of inventory.tags) {
    const m = /^sha256-([0-9a-f]{64})/.exec(tag);
    if (m && inventory.manifests.has(`sha256:${m[1]}`))
      attachments.set(`sha256:${m[1]}`, [...(attachments.get(`sha256:${m[1]}`) ?? []), d]);
  }
  return new Set(
    closure(roots, (d) => [
      ...(inventory.manifests.get(d)?.children ?? []),
      ...(inventory.referrers.get(d) ?? []),
      ...(attachments.get(d) ?? []),
    ]).keys(),
  );
}

describe('retention plan over generated histories', () => {
  it('never deletes a digest live in a keep window, pointed to by a protected tag, or referenced by anything kept; deletes references first', () => {
    fc.assert(
      fc.property(history, (h) => {
        const { inventory, policy } = build(h);
        const plan = planRetention(policy, inventory, NOW);
        const deleted = plan.deletions.map((d) => d.digest);
        const protectedSet = mustKeep(h, inventory, policy);
        for (const d of deleted)
          expect(protectedSet.has(d), `${d} is protected but planned for deletion`).toBe(false);
        // The plan's own kept list and delete list never meet.
        const kept = new Set(plan.kept.map((k) => k.digest));
        for (const d of deleted) expect(kept.has(d)).toBe(false);
        // Everything a kept digest references is kept.
        for (const k of kept) {
          for (const child of inventory.manifests.get(k)?.children ?? []) expect(kept.has(child)).toBe(true);
          for (const r of inventory.referrers.get(k) ?? []) expect(kept.has(r)).toBe(true);
        }
        // A deleted digest's deleted references are deleted before it (a failure midway leaves no
        // orphan the rerun cannot find).
        const position = new Map(deleted.map((d, i) => [d, i]));
        for (const d of deleted)
          for (const child of [
            ...(inventory.manifests.get(d)?.children ?? []),
            ...(inventory.referrers.get(d) ?? []),
          ])
            if (position.has(child)) expect(position.get(child)!).toBeLessThan(position.get(d)!);
        expect(new Set(deleted).size).toBe(deleted.length);
        expect(plan.bytesFreed).toBe(plan.deletions.reduce((s, d) => s + d.bytes, 0));
      }),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 400), verbose: true },
    );
  });

  it('a plan with a wildcard expire rule at age 0 still keeps every digest in a keep window (the rule that would delete production)', () => {
    const { inventory, policy } = build({
      manifests: 4,
      ages: Array(14).fill(40),
      children: [[0, 1]],
      referrers: [[0, 2]],
      tags: [
        ['pr-1', 0],
        ['pr-2', 3],
      ],
      attachments: [],
      promotions: [{ env: 'production', target: 0, age: 35 }],
      expire: [{ pattern: '*', after: 0, keepLast: undefined }],
      keepTags: [],
      prodKeep: 1,
      prodWithin: undefined,
      stagingKeep: 0,
      untaggedAfter: 0,
    });
    const plan = planRetention(policy, inventory, NOW);
    expect(plan.deletions.map((d) => d.digest)).toEqual([digest(3)]);
    expect(plan.kept.find((k) => k.digest === digest(0))?.reason).toMatch(/promoted to production/);
    expect(plan.kept.find((k) => k.digest === digest(1))?.reason).toMatch(/referenced by kept/);
  });
});
