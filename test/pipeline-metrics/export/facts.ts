import type { JobFact, MetricsReport, RunFact } from '../../../src/pipeline-metrics/model.js';

export const T0 = Date.UTC(2026, 10, 30, 12, 0, 0);

export function job(
  id: number,
  name: string,
  conclusion: string | null,
  offsetMs = 0,
  extra: Partial<JobFact> = {},
): JobFact {
  return {
    id,
    name,
    conclusion,
    createdAt: T0 + offsetMs,
    startedAt: T0 + offsetMs + 5_000,
    completedAt: T0 + offsetMs + 65_000,
    runnerName: 'GitHub Actions 2',
    steps: [
      {
        name: 'Set up job',
        number: 1,
        conclusion: 'success',
        startedAt: T0 + offsetMs + 5_000,
        completedAt: T0 + offsetMs + 7_000,
      },
      {
        name: 'Run tests',
        number: 2,
        conclusion,
        startedAt: T0 + offsetMs + 7_000,
        completedAt: T0 + offsetMs + 60_123,
      },
      // Skipped before it started: no times, so no span.
      { name: 'Upload', number: 3, conclusion: 'skipped' },
    ],
    ...extra,
  };
}

export function run(id: number, attempt: number, extra: Partial<RunFact> = {}): RunFact {
  return {
    id,
    attempt,
    workflow: '.github/workflows/ci.yml',
    name: 'CI',
    branch: 'main',
    event: 'push',
    sha: 'a'.repeat(40),
    conclusion: 'failure',
    createdAt: T0 - 1_000,
    startedAt: T0,
    updatedAt: T0 + 70_000,
    url: `https://github.com/acme/app/actions/runs/${id}/attempts/${attempt}`,
    jobs: [job(id * 10 + 1, 'build', 'success'), job(id * 10 + 2, 'unit tests', 'failure', 100)],
    ...extra,
  };
}

export function report(extra: Partial<MetricsReport> = {}): MetricsReport {
  return {
    repository: 'acme/app',
    generatedAt: T0,
    window: { from: T0 - 7 * 86_400_000, to: T0 },
    dora: [
      {
        service: 'api',
        environment: 'production',
        deployments: 12,
        deploymentsPerWeek: 12,
        leadTimeMs: 3_600_000,
        changeFailureRate: 0.25,
        timeToRestoreMs: 1_800_000,
      },
      { service: 'web', environment: 'staging', deployments: 0, deploymentsPerWeek: 0 },
    ],
    passRates: [{ workflow: '.github/workflows/ci.yml', branch: 'main', runs: 40, passed: 36, rate: 0.9 }],
    flakes: [
      { test: 'suite/a', runs: 40, flakyRuns: 4, rate: 0.1 },
      { test: 'suite/b', runs: 40, flakyRuns: 8, rate: 0.2 },
      { test: 'suite/c', runs: 40, flakyRuns: 1, rate: 0.025 },
    ],
    durations: [
      {
        workflow: 'ci.yml',
        job: 'build',
        samples: 30,
        medianMs: 60_000,
        madMs: 5_000,
        latestMs: 90_000,
        consecutiveOver: 2,
      },
      {
        workflow: 'ci.yml',
        job: 'build',
        step: 'Run tests',
        samples: 30,
        medianMs: 50_000,
        madMs: 4_000,
        latestMs: 52_000,
        consecutiveOver: 0,
      },
    ],
    queue: [{ workflow: 'ci.yml', job: 'build', samples: 30, medianMs: 4_000, p90Ms: 20_000 }],
    stages: [{ action: 'promote', stage: 'copy', runs: 20, retries: 7, exhausted: 1 }],
    alerts: [
      { key: 'duration:ci.yml:build', kind: 'duration', title: 'build slower', body: '', firing: true },
    ],
    ...extra,
  };
}

/** Strings a label value, a span name or a test id may hold, each a known trap. */
export const HOSTILE = [
  'quote " inside',
  'back\\slash',
  'trailing backslash \\',
  'new\nline',
  'carriage\rreturn',
  'tab\there',
  'slash/in/it',
  '',
  ' ',
  'ünïcödé ✓ 日本語 🚀',
  'lone \uD800 surrogate',
  '\\n literal backslash-n',
  '"',
  '{a="b"}',
  '# HELP fake',
  '%2F encoded',
  '..',
  '.',
  '@base64',
  'a'.repeat(2000),
];
