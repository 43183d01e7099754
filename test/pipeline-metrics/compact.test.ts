// Compact run facts (src/pipeline-metrics/compact.ts): what the sources hold for 10,000 runs reads
// back as the plain facts it was made from, and the metrics of it are the same. fast-check prints
// the seed and the shrunk counterexample on failure; rerun one with FC_SEED=<seed>.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactRun, isCompact } from '../../src/pipeline-metrics/compact.js';
import { computeMetrics } from '../../src/pipeline-metrics/metrics.js';
import type { JobFact, RunFact, StepFact } from '../../src/pipeline-metrics/model.js';
import { DAY, facts, NOW, OPTIONS } from './facts.js';

const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const params = { numRuns: 80, ...(seed === undefined ? {} : { seed }) };

/** Drops the keys whose value is undefined (the sources leave a missing time out). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

// Names repeat (steps named alike in a job, the same job in every run), as in real workflows.
const name = fc.constantFrom('build', 'test', 'Set up job', 'Complete job', '', 'déploiement ✓');
const conclusion = fc.option(fc.constantFrom('success', 'failure', 'cancelled', 'skipped', 'timed_out'), {
  nil: null,
});
const MINUTE = 60_000;
/** An offset from a base time, in whole seconds as GitHub writes them, or a few odd milliseconds. */
const offset = (max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: max / 1000 }).map((s) => s * 1000),
    fc.integer({ min: -5000, max: max }),
  );

/** A run as the workflow runs API gives it: times of a job within hours of its creation. */
const realisticRun: fc.Arbitrary<RunFact> = fc
  .record({
    id: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 2 ** 40 })),
    attempt: fc.integer({ min: 1, max: 3 }),
    workflow: fc.constantFrom('.github/workflows/ci.yml', '.github/workflows/deploy.yml'),
    name: fc.constantFrom('CI', 'Deploy'),
    branch: fc.constantFrom('main', 'feature'),
    event: fc.constantFrom('push', 'pull_request'),
    sha: fc.string({ minLength: 40, maxLength: 40 }),
    conclusion,
    createdAt: fc.integer({ min: (NOW - 30 * DAY) / 1000, max: NOW / 1000 }).map((s) => s * 1000),
    url: fc.constantFrom('', 'https://github.com/acme/service/actions/runs/7'),
    jobs: fc.array(
      fc.record({
        // Small ids repeat across runs: a job carried into a re-run attempt keeps its id.
        id: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 2 ** 32, max: 2 ** 45 })),
        name,
        conclusion,
        queuedFor: offset(30 * MINUTE),
        startedAt: fc.option(offset(30 * MINUTE), { nil: undefined }),
        completedAt: fc.option(offset(120 * MINUTE), { nil: undefined }),
        runnerName: fc.option(fc.constantFrom('GitHub Actions 1', 'self-hosted'), { nil: undefined }),
        steps: fc.array(
          fc.record({
            name,
            number: fc.integer({ min: 1, max: 60 }),
            conclusion,
            startedAt: fc.option(offset(60 * MINUTE), { nil: undefined }),
            completedAt: fc.option(offset(120 * MINUTE), { nil: undefined }),
          }),
          { maxLength: 6 },
        ),
      }),
      { maxLength: 6 },
    ),
  })
  .map((r): RunFact => {
    const jobs = r.jobs.map((j): JobFact => {
      const createdAt = r.createdAt + j.queuedFor;
      const at = (t: number | undefined) => (t === undefined ? undefined : createdAt + t);
      return defined({
        id: j.id,
        name: j.name,
        conclusion: j.conclusion,
        createdAt,
        startedAt: at(j.startedAt),
        completedAt: at(j.completedAt),
        runnerName: j.runnerName,
        steps: j.steps.map(
          (s): StepFact => defined({ ...s, startedAt: at(s.startedAt), completedAt: at(s.completedAt) }),
        ),
      });
    });
    return { ...r, startedAt: r.createdAt + 1000, updatedAt: r.createdAt + 600_000, jobs };
  });

/** Values a facts file may hold that compaction cannot keep exactly. */
const oddNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53 + 2, 0.5),
  fc.integer({ min: 1_500_000_000_000, max: 1_900_000_000_000 }),
);
const oddRun: fc.Arbitrary<RunFact> = realisticRun.chain((run) =>
  fc
    .record({
      job: fc.nat(Math.max(0, run.jobs.length - 1)),
      field: fc.constantFrom('id', 'createdAt', 'startedAt', 'completedAt', 'number', 'stepStartedAt'),
      value: oddNumber,
    })
    .map(({ job, field, value }) => {
      const odd = structuredClone(run);
      const target = odd.jobs[job];
      if (!target) return odd;
      if (field === 'number' || field === 'stepStartedAt') {
        const step = target.steps[0];
        if (step && field === 'number') step.number = value;
        else if (step) step.startedAt = value;
      } else (target as unknown as Record<string, number>)[field] = value;
      return odd;
    }),
);

describe('pipeline-metrics compact runs', () => {
  it('compactRun(run) reads back deep-equal to run, its jobs built anew on each read', () => {
    fc.assert(
      fc.property(realisticRun, (run) => {
        const compact = compactRun(run);
        expect(isCompact(compact)).toBe(true);
        expect(compact).toEqual(run);
        expect(JSON.parse(JSON.stringify(compact))).toEqual(JSON.parse(JSON.stringify(run)));
        expect(compact.jobs).toEqual(compact.jobs);
        // What a reader builds is its own: changing it does not change the run.
        for (const job of compact.jobs) job.steps.length = 0;
        expect(compact).toEqual(run);
        expect(compactRun(compact)).toBe(compact);
      }),
      params,
    );
  });

  it('a run with a value compaction cannot keep exactly (fractions, -0, NaN, huge offsets) is kept as it is', () => {
    fc.assert(
      fc.property(oddRun, (run) => {
        const snapshot = structuredClone(run);
        const kept = compactRun(run);
        expect(kept).toEqual(snapshot);
        // Exactly: toEqual takes -0 for 0 in some places; Object.is does not.
        kept.jobs.forEach((job, j) => {
          const plain = snapshot.jobs[j]!;
          for (const key of ['id', 'createdAt', 'startedAt', 'completedAt'] as const)
            expect(Object.is(job[key], plain[key])).toBe(true);
          job.steps.forEach((step, s) => {
            expect(Object.is(step.number, plain.steps[s]!.number)).toBe(true);
            expect(Object.is(step.startedAt, plain.steps[s]!.startedAt)).toBe(true);
          });
        });
      }),
      params,
    );
  });

  it('the metrics of compact runs are the metrics of the plain runs', () => {
    fc.assert(
      fc.property(fc.array(realisticRun, { maxLength: 25 }), (runs) => {
        const options = { ...OPTIONS, minSamples: 2, consecutive: 1 };
        const plain = computeMetrics(facts({ runs }), options);
        const compact = computeMetrics(facts({ runs: runs.map(compactRun) }), options);
        expect(compact).toEqual(plain);
      }),
      params,
    );
  });
});
