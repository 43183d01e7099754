import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeRecord, type PreviousDigest, type RollbackTarget } from '../../src/promote/rollback.js';
import type { PromotionRecord } from '../../src/promote/types.js';

const digest = (c: string) => `sha256:${c.repeat(64)}`;
const CURRENT = digest('c');
const HELD = digest('a');
const OTHER = digest('e');
const REPO = 'registry.example.com/prod/app';
const NOW = Date.parse('2026-12-04T12:00:00Z');
const target: RollbackTarget = { repository: REPO, tag: 'live', current: CURRENT, now: NOW };

function record(overrides: Partial<PromotionRecord> = {}): PromotionRecord {
  return {
    kind: 'promotion',
    source: 'registry.example.com/staging/app:rc1',
    digest: CURRENT,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    destinations: [
      { reference: `${REPO}:live`, repository: REPO, tag: 'live', role: 'destination', previous: HELD },
    ],
    checks: [],
    repository: 'acme/service',
    commit: 'c0ffee',
    workflowRun: '',
    actor: 'octocat',
    time: '2026-12-04T11:00:00.000Z',
    ...overrides,
  };
}

const image: PreviousDigest = { exists: true, artifact: false, records: [] };
const historyOf =
  (known: Record<string, PreviousDigest>) =>
  (d: string): PreviousDigest =>
    known[d] ?? { exists: false, artifact: false, records: [] };
const placedAt = (time: string): PreviousDigest => ({
  exists: true,
  artifact: false,
  records: [
    record({ digest: HELD, time, destinations: [{ ...record().destinations[0]!, previous: OTHER }] }),
  ],
});

describe('the record-trust rule for rollback (judgeRecord)', () => {
  const cases: [string, PromotionRecord, Record<string, PreviousDigest>, string | undefined][] = [
    ['a record consistent with the destination is trusted', record(), { [HELD]: image }, `trusted ${HELD}`],
    [
      'a record made for (or copied from) another repository is refused',
      record({
        destinations: [{ ...record().destinations[0]!, repository: 'registry.example.com/staging/app' }],
      }),
      { [HELD]: image },
      'made for registry.example.com/staging/app, not this repository',
    ],
    [
      'a record about another digest than the one it is attached to is refused',
      record({ digest: OTHER }),
      { [HELD]: image },
      `it records ${OTHER}, not ${CURRENT}`,
    ],
    [
      'a record dated in the future is refused',
      record({ time: '2099-01-01T00:00:00.000Z' }),
      { [HELD]: image },
      'dated 2099-01-01T00:00:00.000Z, in the future',
    ],
    [
      'a record a minute ahead (clock skew between runners) is trusted',
      record({ time: '2026-12-04T12:01:00.000Z' }),
      { [HELD]: image },
      `trusted ${HELD}`,
    ],
    [
      'a record whose time is no date is refused',
      record({ time: 'soon' }),
      { [HELD]: image },
      'is not a date',
    ],
    [
      'a previous digest that is not in this repository is refused',
      record(),
      {},
      `${HELD} is not in ${REPO}`,
    ],
    [
      'a previous digest that is an artifact (SBOM, signature) is refused',
      record(),
      { [HELD]: { exists: true, artifact: true, records: [] } },
      'is an artifact attached to another manifest',
    ],
    [
      'a previous "digest" that is no digest is refused',
      record({ destinations: [{ ...record().destinations[0]!, previous: 'sha256:../../x' }] }),
      {},
      'is not a digest',
    ],
    [
      'a previous digest whose own records put the tag there only later is refused',
      record(),
      { [HELD]: placedAt('2026-12-04T11:30:00.000Z') },
      'only after this record was written',
    ],
    [
      'a previous digest whose own records put the tag there earlier is trusted',
      record(),
      { [HELD]: placedAt('2026-12-01T11:30:00.000Z') },
      `trusted ${HELD}`,
    ],
    [
      'a record that does not name the tag says nothing',
      record({ destinations: [{ ...record().destinations[0]!, tag: '1.0.0' }] }),
      { [HELD]: image },
      undefined,
    ],
    [
      'a record of the promotion that created the tag says nothing',
      record({ destinations: [{ ...record().destinations[0]!, previous: null }] }),
      {},
      undefined,
    ],
  ];
  it.each(cases)('%s', (_name, given, known, expected) => {
    const verdict = judgeRecord(given, target, historyOf(known));
    if (expected === undefined) expect(verdict).toBeUndefined();
    else if (expected.startsWith('trusted '))
      expect(verdict).toEqual({ trusted: true, previous: expected.slice(8) });
    else {
      expect(verdict?.trusted).toBe(false);
      expect((verdict as { reason: string }).reason).toContain(expected);
    }
  });

  const digests = fc.constantFrom(CURRENT, HELD, OTHER, digest('b'));
  const repositories = fc.constantFrom(REPO, 'registry.example.com/staging/app', 'evil.example.com/prod/app');
  const times = fc.constantFrom(
    '2026-12-04T11:00:00.000Z',
    '2026-12-04T12:04:00.000Z',
    '2026-12-04T12:06:00.000Z',
    '2099-01-01T00:00:00.000Z',
    'not a time',
  );
  const entry = fc.record({
    reference: fc.constant('x'),
    repository: repositories,
    tag: fc.constantFrom('live', 'stable', '1.0.0'),
    role: fc.constantFrom('destination' as const, 'stable' as const),
    previous: fc.option(digests, { nil: null }),
  });
  const anyRecord = fc.record({
    digest: digests,
    time: times,
    destinations: fc.array(entry, { maxLength: 4 }),
  });
  const anyHistory = fc.record({
    exists: fc.boolean(),
    artifact: fc.boolean(),
    records: fc.array(
      anyRecord.map((r) => record(r)),
      { maxLength: 2 },
    ),
  });

  it('property: a trusted record is attached to its own digest, names this repository and tag with that previous digest, is not from the future, and the previous digest is an image here', () => {
    let trusted = 0;
    fc.assert(
      fc.property(anyRecord, fc.dictionary(digests, anyHistory), (r, known) => {
        const given = record(r);
        const verdict = judgeRecord(given, target, historyOf(known));
        if (!verdict?.trusted) return;
        trusted += 1;
        expect(given.digest).toBe(CURRENT);
        expect(Date.parse(given.time)).toBeLessThanOrEqual(NOW + 5 * 60_000);
        expect(
          given.destinations.some(
            (d) => d.repository === REPO && d.tag === 'live' && d.previous === verdict.previous,
          ),
        ).toBe(true);
        expect(verdict.previous).not.toBe(CURRENT);
        const previous = historyOf(known)(verdict.previous);
        expect(previous.exists && !previous.artifact).toBe(true);
      }),
      { numRuns: 2000 },
    );
    // The generators reach the trusted case, so the invariant above was exercised.
    expect(trusted).toBeGreaterThan(0);
  });

  it('property: a record that names this tag only for other repositories is never trusted, whatever else it says', () => {
    fc.assert(
      fc.property(anyRecord, fc.dictionary(digests, anyHistory), (r, known) => {
        const given = record({
          ...r,
          destinations: r.destinations.map((d) => (d.repository === REPO ? { ...d, repository: 'x/y' } : d)),
        });
        expect(judgeRecord(given, target, historyOf(known))?.trusted).not.toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
