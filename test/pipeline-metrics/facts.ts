// Facts fixtures: runs, jobs and deploys built with round numbers so the expected figures can be
// worked out by hand in the tests.
import type { DeployFact, Facts, JobFact, RunFact } from '../../src/pipeline-metrics/model.js';
import type { MetricsOptions } from '../../src/pipeline-metrics/metrics.js';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MIN = 60_000;
/** 2026-12-01T00:00:00Z: "now" of the fixtures. */
export const NOW = Date.UTC(2026, 11, 1);

export const OPTIONS: MetricsOptions = {
  now: NOW,
  windowMs: 28 * DAY,
  baselineMs: 7 * DAY,
  threshold: 3,
  consecutive: 3,
  minSamples: 5,
  topFlaky: 10,
  passRateDrop: 0.1,
};

let nextId = 1;

export function job(fields: Partial<JobFact> & { name: string; start: number; ms: number }): JobFact {
  const { start, ms, ...rest } = fields;
  return {
    id: nextId++,
    conclusion: 'success',
    createdAt: start,
    startedAt: start,
    completedAt: start + ms,
    steps: [],
    ...rest,
  };
}

export function run(fields: Partial<RunFact> & { created: number; jobs?: JobFact[] }): RunFact {
  const { created, ...rest } = fields;
  return {
    id: nextId++,
    attempt: 1,
    workflow: '.github/workflows/ci.yml',
    name: 'CI',
    branch: 'main',
    event: 'push',
    sha: 'a'.repeat(40),
    conclusion: 'success',
    createdAt: created,
    startedAt: created,
    updatedAt: created,
    url: '',
    jobs: [],
    ...rest,
  };
}

export function deploy(fields: Partial<DeployFact> & { time: number }): DeployFact {
  return {
    service: 'api',
    environment: 'production',
    digest: `sha256:${String(fields.time).padStart(64, '0')}`,
    kind: 'promotion',
    outcome: 'success',
    ...fields,
  };
}

export function facts(fields: Partial<Facts>): Facts {
  return {
    repository: 'acme/service',
    defaultBranch: 'main',
    runs: [],
    deploys: [],
    tests: [],
    stages: [],
    ...fields,
  };
}

/**
 * A month of CI on main: a `build` job of 100 s (± a few) a day, then `slowDays` days of 300 s at the
 * end (alert-runs 3 fires at 3); deploys to production; a flaky test; stage lines.
 */
export function scenario(now: number, slowDays: number, names: { job?: string; step?: string } = {}): Facts {
  const runs = [];
  for (let d = 27; d >= 1; d--) {
    const start = now - d * DAY;
    const sec = d <= slowDays ? 300 : 100 + (d % 5);
    runs.push(
      run({
        created: start,
        conclusion: d % 9 === 0 ? 'failure' : 'success',
        jobs: [
          job({
            name: names.job ?? 'build',
            start,
            ms: sec * 1000,
            createdAt: start - 5000,
            steps: [
              {
                name: names.step ?? 'Run npm test',
                number: 1,
                conclusion: 'success',
                startedAt: start,
                completedAt: start + (sec - 10) * 1000,
              },
            ],
          }),
        ],
      }),
    );
  }
  return facts({
    runs,
    deploys: [
      deploy({ time: now - 20 * DAY, commitTime: now - 20 * DAY - 2 * HOUR }),
      deploy({ time: now - 10 * DAY, outcome: 'failure' }),
      deploy({ time: now - 9 * DAY, commitTime: now - 9 * DAY - 4 * HOUR }),
    ],
    tests: [{ id: 'suite › flaky thing', runs: 20, failures: 4, flakyRuns: 4 }],
    stages: [
      {
        action: 'promote',
        stage: 'copy',
        start: now - 2 * DAY,
        durationMs: 1000,
        outcome: 'success',
        runId: '1',
        attempt: '1',
        retries: 1,
        exhausted: 0,
      },
    ],
  });
}
