// Example tests with figures worked out by hand (the working is in the comments), then fast-check
// properties of the statistics. fast-check prints the seed and the shrunk counterexample on failure;
// rerun one with FC_SEED=<seed>.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baselineOf, computeMetrics, judge } from '../../src/pipeline-metrics/metrics.js';
import { mad, median, percentile, spread } from '../../src/pipeline-metrics/stats.js';
import { DAY, deploy, facts, HOUR, job, NOW, OPTIONS, run } from './facts.js';

const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const params = { numRuns: 200, ...(seed === undefined ? {} : { seed }) };

describe('DORA keys, by hand', () => {
  const deploys = [
    deploy({ time: NOW - 40 * DAY }), // before the 28-day window: ignored
    deploy({ time: NOW - 20 * DAY, commitTime: NOW - 20 * DAY - 2 * HOUR }), // lead 2 h
    deploy({ time: NOW - 15 * DAY, outcome: 'failure' }), // incident opens
    deploy({ time: NOW - 15 * DAY + HOUR, kind: 'rollback' }), // same incident
    deploy({ time: NOW - 14 * DAY, commitTime: NOW - 14 * DAY - 4 * HOUR }), // restores after 24 h; lead 4 h
    deploy({ time: NOW - 5 * DAY, commitTime: NOW - 5 * DAY + HOUR }), // commit "after" deploy: skew, no lead
    deploy({ time: NOW - 1 * DAY, kind: 'rollback' }), // open incident
    deploy({ time: NOW - 3 * DAY, environment: 'staging', kind: 'rollback' }),
  ];
  const report = computeMetrics(facts({ deploys }), OPTIONS);
  const production = report.dora.find((d) => d.environment === 'production')!;
  const staging = report.dora.find((d) => d.environment === 'staging')!;

  it('counts good promotions in the window: 3 in 4 weeks is 0.75 a week, one per week after the first', () => {
    expect(production.deployments).toBe(3);
    expect(production.deploymentsPerWeek).toBe(0.75);
    expect(production.weekly?.map((w) => w.count)).toEqual([0, 1, 1, 1]);
  });

  it('lead time is the median of 2 h and 4 h; a commit time after the deploy (clock skew) is left out', () => {
    expect(production.leadTimeMs).toBe(3 * HOUR);
  });

  it('change failure rate: the failed promotion and two rollbacks over 4 promotions attempted', () => {
    expect(production.failures).toBe(3);
    expect(production.changeFailureRate).toBe(0.75);
  });

  it('time to restore runs from the first failure of an incident to the next good promotion; the last incident is open', () => {
    expect(production.timeToRestoreMs).toBe(24 * HOUR);
    expect(production.openIncidents).toBe(1);
  });

  it('an environment with only a rollback has no deploys, no rates, and an open incident', () => {
    expect(staging).toMatchObject({ deployments: 0, deploymentsPerWeek: 0, openIncidents: 1 });
    expect(staging.changeFailureRate).toBeUndefined();
    expect(staging.leadTimeMs).toBeUndefined();
    expect(staging.timeToRestoreMs).toBeUndefined();
  });

  it('no deploys at all: no DORA rows', () => {
    expect(computeMetrics(facts({}), OPTIONS).dora).toEqual([]);
  });
});

describe('pass rate, by hand', () => {
  const rerun = run({ created: NOW - 9 * DAY, conclusion: 'failure' });
  const runs = [
    run({ created: NOW - 30 * DAY }), // outside the window
    run({ created: NOW - 10 * DAY }),
    rerun,
    { ...rerun, attempt: 2, conclusion: 'success' }, // the last attempt counts: passed
    run({ created: NOW - 3 * DAY, conclusion: 'failure' }),
    run({ created: NOW - 2 * DAY, conclusion: 'cancelled' }), // no outcome
    run({ created: NOW - 2 * DAY, conclusion: 'skipped' }), // no outcome
    run({ created: NOW - 1 * DAY, conclusion: null }), // still running
    run({ created: NOW - 1 * DAY, conclusion: 'failure', branch: 'feature' }), // not the default branch
  ];
  const [rate] = computeMetrics(facts({ runs }), OPTIONS).passRates;

  it('judges 3 runs (last attempts, cancelled/skipped/running left out), 2 passed', () => {
    expect(rate).toMatchObject({ workflow: '.github/workflows/ci.yml', branch: 'main', runs: 3, passed: 2 });
    expect(rate!.rate).toBeCloseTo(2 / 3, 12);
  });

  it('splits the last 7 days (1 run, 0%) from the 7 days before (2 runs, 100%)', () => {
    expect(rate).toMatchObject({ recentRuns: 1, recentRate: 0, previousRuns: 2, previousRate: 1 });
  });
});

describe('durations against the rolling baseline, by hand', () => {
  const s = 1000;
  // Baseline runs on days -8..-4 (100, 110, 90, 100, 105 s), then 200, 210, 220 s on days -3, -2, -1.
  const seconds = [100, 110, 90, 100, 105, 200, 210, 220];
  const days = [-8, -7, -6, -5, -4, -3, -2, -1];
  const runs = seconds.map((sec, i) =>
    run({
      created: NOW + days[i]! * DAY,
      jobs: [
        job({
          name: 'build',
          start: NOW + days[i]! * DAY,
          ms: sec * s,
          // queued 10 s, except one 60 s and one started 2 s "before" it was created (skew: 0)
          createdAt: NOW + days[i]! * DAY - (i === 5 ? 60 : i === 6 ? -2 : 10) * s,
        }),
      ],
    }),
  );
  const report = computeMetrics(facts({ runs }), OPTIONS);
  const build = report.durations.find((d) => d.job === 'build' && d.step === undefined)!;

  it('day -1 (220 s) against days -8..-2: median 105 s, MAD 5 s, threshold 105 + 3 × 1.4826 × 5 = 127.239 s', () => {
    // sorted 90 100 100 105 110 200 210: median 105; deviations 15 5 5 0 5 95 105 -> 0 5 5 5 15 95 105: MAD 5
    expect(build).toMatchObject({ samples: 7, medianMs: 105_000, madMs: 5_000, latestMs: 220_000, runs: 8 });
    expect(build.upperMs).toBeCloseTo(127_239, 6);
  });

  it('counts three consecutive runs over (day -3 over 122.239 s, day -2 over 124.739 s, day -1) and fires the alert', () => {
    expect(build.consecutiveOver).toBe(3);
    const alert = report.alerts.find((a) => a.kind === 'duration');
    expect(alert?.firing).toBe(true);
    expect(build.series?.[5]).toMatchObject({ ms: 200_000, medianMs: 100_000 });
    expect(build.series?.[6]?.upperMs).toBeCloseTo(124_739, 6);
  });

  it('the first runs have fewer than 5 baseline samples: no verdict, no band in the series', () => {
    expect(build.series?.slice(0, 5).every((p) => p.upperMs === undefined)).toBe(true);
  });

  it('queue time: 10 s median of 0 (skew), 10 × 6, 60; p90 by nearest rank is the 8th of 8: 60 s', () => {
    expect(report.queue).toEqual([
      { workflow: '.github/workflows/ci.yml', job: 'build', samples: 8, medianMs: 10_000, p90Ms: 60_000 },
    ]);
  });

  it('a single sample has no baseline: samples 0, median its own value, never over', () => {
    const one = computeMetrics(facts({ runs: [runs[0]!] }), OPTIONS).durations[0]!;
    expect(one).toMatchObject({ samples: 0, medianMs: 100_000, madMs: 0, consecutiveOver: 0 });
    expect(one.upperMs).toBeUndefined();
  });

  it('MAD 0 (every run 60 s): the spread floor of 3 s (5% of 60 s) keeps 65 s under the threshold of 69 s', () => {
    const stable = [-6, -5, -4, -3, -2].map((d) => ({ time: NOW + d * DAY, ms: 60_000 }));
    expect(judge(stable, NOW, 65_000, OPTIONS)).toMatchObject({
      samples: 5,
      madMs: 0,
      upperMs: 69_000,
      over: false,
    });
    expect(judge(stable, NOW, 70_000, OPTIONS).over).toBe(true);
  });
});

describe('jobs, steps and attempts', () => {
  it('a job carried into a re-run attempt (same id) counts once; failed, skipped and unfinished jobs do not count', () => {
    const carried = job({ name: 'lint', start: NOW - DAY, ms: 30_000 });
    const first = run({
      created: NOW - DAY,
      jobs: [carried, job({ name: 'test', start: NOW - DAY, ms: 1, conclusion: 'failure' })],
    });
    const second = {
      ...first,
      attempt: 2,
      jobs: [carried, job({ name: 'test', start: NOW - DAY + HOUR, ms: 50_000 })],
    };
    const skipped = job({ name: 'deploy', start: NOW - DAY, ms: 0, conclusion: 'skipped' });
    const running = {
      ...job({ name: 'deploy', start: NOW - DAY, ms: 0 }),
      conclusion: null,
      completedAt: undefined,
    };
    const report = computeMetrics(
      facts({ runs: [first, second, run({ created: NOW - DAY, jobs: [skipped, running] })] }),
      OPTIONS,
    );
    expect(report.durations.map((d) => [d.job, d.runs, d.latestMs])).toEqual([
      ['lint', 1, 30_000],
      ['test', 1, 50_000],
    ]);
  });

  it('steps named alike in one job get #2, #3 in their order; a step that ends before it starts is dropped', () => {
    const start = NOW - DAY;
    const j = job({
      name: 'build',
      start,
      ms: 60_000,
      steps: [
        {
          name: 'Run npm ci',
          number: 2,
          conclusion: 'success',
          startedAt: start + 10_000,
          completedAt: start + 20_000,
        },
        {
          name: 'Run npm ci',
          number: 1,
          conclusion: 'success',
          startedAt: start,
          completedAt: start + 5_000,
        },
        {
          name: 'skewed',
          number: 3,
          conclusion: 'success',
          startedAt: start + 30_000,
          completedAt: start + 29_000,
        },
      ],
    });
    const steps = computeMetrics(
      facts({ runs: [run({ created: start, jobs: [j] })] }),
      OPTIONS,
    ).durations.filter((d) => d.step !== undefined);
    expect(steps.map((d) => [d.step, d.latestMs])).toEqual([
      ['Run npm ci', 5_000],
      ['Run npm ci #2', 10_000],
    ]);
  });
});

describe('flakes and retries, by hand', () => {
  it('lists flaky tests by rate, then flaky runs; never-flaky and never-run tests are left out; top N', () => {
    const tests = [
      { id: 'e', runs: 10, failures: 1, flakyRuns: 1 },
      { id: 'b', runs: 4, failures: 2, flakyRuns: 2 },
      { id: 'a', runs: 10, failures: 5, flakyRuns: 5 },
      { id: 'c', runs: 10, failures: 0, flakyRuns: 0 },
      { id: 'd', runs: 0, failures: 0, flakyRuns: 0 },
    ];
    expect(computeMetrics(facts({ tests }), { ...OPTIONS, topFlaky: 2 }).flakes).toEqual([
      { test: 'a', runs: 10, flakyRuns: 5, rate: 0.5 },
      { test: 'b', runs: 4, flakyRuns: 2, rate: 0.5 },
    ]);
  });

  it('sums retries and exhaustion per stage, last 7 days against the 7 before; 2 of 3 exhausted against 0 of 2 fires', () => {
    const line = (daysAgo: number, exhausted: number) => ({
      action: 'promote',
      stage: 'copy',
      start: NOW - daysAgo * DAY,
      durationMs: 1000,
      outcome: 'success',
      runId: '1',
      attempt: '1',
      retries: 2,
      exhausted,
    });
    const report = computeMetrics(
      facts({ stages: [line(1, 1), line(2, 1), line(3, 0), line(8, 0), line(9, 0), line(40, 5)] }),
      OPTIONS,
    );
    expect(report.stages).toEqual([
      {
        action: 'promote',
        stage: 'copy',
        runs: 5,
        retries: 10,
        exhausted: 2,
        recentRuns: 3,
        recentExhausted: 2,
        previousRuns: 2,
        previousExhausted: 0,
      },
    ]);
    expect(report.alerts.find((a) => a.kind === 'retry-exhaustion')?.firing).toBe(true);
  });
});

// --- properties ------------------------------------------------------------------------------------

const durationsArb = fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 60 });

describe('statistics properties', () => {
  it('median, MAD and percentiles are invariant under permutation of the samples', () => {
    fc.assert(
      fc.property(
        durationsArb.chain((values) =>
          fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length })),
        ),
        ([values, shuffled]) => {
          expect(median(shuffled)).toBe(median(values));
          expect(mad(shuffled)).toBe(mad(values));
          expect(percentile(shuffled, 90)).toBe(percentile(values, 90));
        },
      ),
      params,
    );
  });

  it('the median lies between min and max; MAD is >= 0 and at most max - min; p90 is a sample and >= the lower median', () => {
    fc.assert(
      fc.property(durationsArb, (values) => {
        const m = median(values)!;
        const d = mad(values)!;
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.max(...values) - Math.min(...values));
        const p90 = percentile(values, 90)!;
        expect(values).toContain(p90);
        expect(p90).toBeGreaterThanOrEqual(percentile(values, 50)!);
      }),
      params,
    );
  });

  it('shifting every sample by c shifts the median by c and leaves the MAD unchanged', () => {
    fc.assert(
      fc.property(durationsArb, fc.integer({ min: -1_000_000, max: 1_000_000 }), (values, c) => {
        expect(median(values.map((v) => v + c))).toBe(median(values)! + c);
        expect(mad(values.map((v) => v + c))).toBe(mad(values));
      }),
      params,
    );
  });

  it('the spread is never below 1 s nor below 5% of the median (MAD 0 does not make every wobble an alert)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (m, d) => {
        expect(spread(m, d)).toBeGreaterThanOrEqual(Math.max(1000, 0.05 * m));
      }),
      params,
    );
  });

  const sampleArb = fc.record({
    time: fc.integer({ min: NOW - 30 * DAY, max: NOW }),
    ms: fc.integer({ min: 0, max: 3_600_000 }),
  });

  it('the baseline of a run at t uses only samples of the 7 days before t: samples at or after t, or older, change nothing', () => {
    fc.assert(
      fc.property(
        fc.array(sampleArb, { maxLength: 40 }),
        fc.array(sampleArb, { maxLength: 20 }),
        fc.integer({ min: NOW - 20 * DAY, max: NOW }),
        fc.integer({ min: 0, max: 3_600_000 }),
        (samples, noise, t, ms) => {
          const outside = noise.filter((s) => s.time >= t || s.time < t - 7 * DAY);
          const base = baselineOf(samples, t, 7 * DAY);
          expect(base.every((s) => s.time >= t - 7 * DAY && s.time < t)).toBe(true);
          expect(judge([...samples, ...outside], t, ms, OPTIONS)).toEqual(judge(samples, t, ms, OPTIONS));
          expect(judge(base, t, ms, OPTIONS)).toEqual(judge(samples, t, ms, OPTIONS));
        },
      ),
      params,
    );
  });

  it('each point of a duration series carries the baseline judge() computes from the 7 days before it, and runs over counts the trailing streak', () => {
    const runArb = fc
      .record({ minute: fc.integer({ min: 0, max: 20 * 24 * 60 }), sec: fc.integer({ min: 1, max: 400 }) })
      .map((r) =>
        run({
          created: NOW - r.minute * 60_000,
          jobs: [job({ name: 'build', start: NOW - r.minute * 60_000, ms: r.sec * 1000 })],
        }),
      );
    fc.assert(
      fc.property(
        fc.array(runArb, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 6 }),
        (runs, minSamples) => {
          const options = { ...OPTIONS, minSamples, threshold: 1 };
          const [build] = computeMetrics(facts({ runs }), options).durations;
          const samples = runs.map((r) => ({
            run: r.id,
            time: r.jobs[0]!.startedAt!,
            ms: r.jobs[0]!.completedAt! - r.jobs[0]!.startedAt!,
          }));
          for (const point of build!.series!) {
            const verdict = judge(samples, point.time, point.ms, options);
            expect(point.medianMs).toBe(verdict.samples >= minSamples ? verdict.medianMs : undefined);
            expect(point.upperMs).toBe(verdict.samples >= minSamples ? verdict.upperMs : undefined);
          }
          // Ties in time ordered as the metrics order them: by run id, then duration.
          const ordered = [...samples].sort((a, b) => a.time - b.time || a.run - b.run || a.ms - b.ms);
          let streak = 0;
          for (
            let i = ordered.length - 1;
            i >= 0 && judge(samples, ordered[i]!.time, ordered[i]!.ms, options).over;
            i--
          )
            streak++;
          expect(build!.consecutiveOver).toBe(streak);
        },
      ),
      { ...params, numRuns: 100 },
    );
  });

  it('the report does not depend on the order of runs, deploys, tests and stage lines', () => {
    const runArb = fc
      .record({
        day: fc.integer({ min: 0, max: 27 }),
        sec: fc.integer({ min: 1, max: 600 }),
        conclusion: fc.constantFrom('success', 'failure', 'cancelled', null),
        job: fc.constantFrom('build', 'test'),
      })
      .map((r) =>
        run({
          created: NOW - r.day * DAY,
          conclusion: r.conclusion,
          jobs: [job({ name: r.job, start: NOW - r.day * DAY, ms: r.sec * 1000 })],
        }),
      );
    const deployArb = fc
      .record({
        hour: fc.integer({ min: 0, max: 27 * 24 }),
        kind: fc.constantFrom('promotion' as const, 'rollback' as const),
        outcome: fc.constantFrom('success' as const, 'failure' as const),
        environment: fc.constantFrom('staging', 'production'),
      })
      .map((d) =>
        deploy({ time: NOW - d.hour * HOUR, kind: d.kind, outcome: d.outcome, environment: d.environment }),
      );
    fc.assert(
      fc.property(
        fc
          .array(runArb, { maxLength: 30 })
          .chain((runs) =>
            fc.tuple(fc.constant(runs), fc.shuffledSubarray(runs, { minLength: runs.length })),
          ),
        fc
          .array(deployArb, { maxLength: 20 })
          .chain((deploys) =>
            fc.tuple(fc.constant(deploys), fc.shuffledSubarray(deploys, { minLength: deploys.length })),
          ),
        ([runs, runsShuffled], [deploys, deploysShuffled]) => {
          expect(computeMetrics(facts({ runs: runsShuffled, deploys: deploysShuffled }), OPTIONS)).toEqual(
            computeMetrics(facts({ runs, deploys }), OPTIONS),
          );
        },
      ),
      { ...params, numRuns: 60 },
    );
  });
});
