// The contract between pipeline-metrics' parts: the sources produce Facts, the metrics turn Facts
// into a MetricsReport, and the summary, alerts and exporters read the report (OTLP traces read the
// runs). Times are milliseconds since the epoch; durations are milliseconds. Fields may be added;
// renaming or removing one breaks a part that reads it.
//
// The runs the sources hold are compact (compact.ts): a RunFact's `jobs` is then a getter that
// builds the JobFact and StepFact objects on each read. Read `run.jobs` once per pass over a run,
// never assign to it, and treat what it gives as a copy (changing it changes nothing).

/** One step of a job, as the workflow jobs API reports it. */
export interface StepFact {
  name: string;
  number: number;
  /** success, failure, cancelled, skipped; null while running. */
  conclusion: string | null;
  startedAt?: number;
  completedAt?: number;
}

/** One job of a run attempt (`GET /repos/{o}/{r}/actions/runs/{id}/attempts/{n}/jobs`). */
export interface JobFact {
  id: number;
  name: string;
  conclusion: string | null;
  /** Queued at: started minus created is the queue time. */
  createdAt: number;
  startedAt?: number;
  completedAt?: number;
  runnerName?: string;
  steps: StepFact[];
}

/** One attempt of a workflow run, with its jobs. */
export interface RunFact {
  id: number;
  attempt: number;
  /** The workflow file, `.github/workflows/ci.yml`: stable where the display name is not. */
  workflow: string;
  /** The workflow's display name. */
  name: string;
  branch: string;
  event: string;
  sha: string;
  conclusion: string | null;
  createdAt: number;
  /** run_started_at: when this attempt started. */
  startedAt: number;
  updatedAt: number;
  url: string;
  /** A getter on compact runs (see above): read once per pass. */
  readonly jobs: JobFact[];
}

/** One promotion or rollback into an environment (from promote's records in the registry). */
export interface DeployFact {
  service: string;
  environment: string;
  digest: string;
  /** The commit the artifact was built from, and when it was committed (lead time starts there). */
  commit?: string;
  commitTime?: number;
  time: number;
  kind: 'promotion' | 'rollback';
  outcome: 'success' | 'failure';
}

/** One test's outcomes over the window (from quarantine history). */
export interface TestFact {
  /** The quarantine test identity (suite, class, name). */
  id: string;
  runs: number;
  failures: number;
  /** Runs that failed and passed on the same commit (or flipped on retry): the flaky signal. */
  flakyRuns: number;
}

/** One stage line of the structured stage log (src/runtime/log.ts), with the network counters. */
export interface StageFact {
  action: string;
  stage: string;
  start: number;
  durationMs: number;
  outcome: string;
  runId: string;
  attempt: string;
  retries?: number;
  exhausted?: number;
}

export interface Facts {
  repository: string;
  defaultBranch: string;
  runs: RunFact[];
  deploys: DeployFact[];
  tests: TestFact[];
  stages: StageFact[];
}

// ---------------------------------------------------------------------------------------------------

/** The four DORA keys for one service in one environment, over the window. */
export interface DoraKeys {
  service: string;
  environment: string;
  deployments: number;
  deploymentsPerWeek: number;
  /** Median commit-to-promotion time; undefined when no deploy knows its commit time. */
  leadTimeMs?: number;
  /** Failed deploys and rollbacks over deploys; undefined with no deploys. */
  changeFailureRate?: number;
  /** Median time from a failed deploy or rollback to the next good promotion. */
  timeToRestoreMs?: number;
  /** Failed deploys and rollbacks (the numerator of the change failure rate). */
  failures?: number;
  /** 1 when a failed deploy or rollback has no good promotion after it yet, else 0. */
  openIncidents?: number;
  /** Good promotions per week of the window, oldest first. */
  weekly?: WeekCount[];
}

/** A count in the week [weekStart, weekStart + 7 days); `passed` for pass rates. */
export interface WeekCount {
  weekStart: number;
  count: number;
  passed?: number;
}

export interface PassRate {
  workflow: string;
  branch: string;
  runs: number;
  passed: number;
  rate: number;
  /** Runs and pass rate of the last 7 days, and of the 7 days before (the pass-rate-drop alert). */
  recentRuns?: number;
  recentRate?: number;
  previousRuns?: number;
  previousRate?: number;
  /** Judged runs and passed runs per week of the window, oldest first. */
  weekly?: WeekCount[];
}

export interface FlakeRate {
  test: string;
  runs: number;
  flakyRuns: number;
  rate: number;
}

/** A job (step undefined) or a step against its rolling baseline. */
export interface DurationBaseline {
  workflow: string;
  job: string;
  step?: string;
  samples: number;
  medianMs: number;
  /** Median absolute deviation of the baseline window. */
  madMs: number;
  latestMs: number;
  /** Consecutive latest runs beyond the threshold. */
  consecutiveOver: number;
  /** Above this the latest run is beyond the threshold; undefined without enough baseline samples. */
  upperMs?: number;
  /** Successful runs in the window. */
  runs?: number;
  /** The latest runs (at most 30), each against its own baseline, oldest first. */
  series?: DurationPoint[];
}

/** One run of a job or step, with the baseline median and upper limit it was judged against. */
export interface DurationPoint {
  time: number;
  ms: number;
  medianMs?: number;
  upperMs?: number;
}

export interface QueueTime {
  workflow: string;
  job: string;
  samples: number;
  medianMs: number;
  p90Ms: number;
}

export interface StageRetries {
  action: string;
  stage: string;
  runs: number;
  retries: number;
  exhausted: number;
  /** Stage lines and exhausted retries of the last 7 days, and of the 7 days before. */
  recentRuns?: number;
  recentExhausted?: number;
  previousRuns?: number;
  previousExhausted?: number;
}

export interface Alert {
  /** Stable across runs: the issue it opens is found and updated by this key. */
  key: string;
  kind: 'duration' | 'pass-rate' | 'retry-exhaustion';
  title: string;
  body: string;
  firing: boolean;
}

export interface MetricsReport {
  repository: string;
  generatedAt: number;
  window: { from: number; to: number };
  dora: DoraKeys[];
  passRates: PassRate[];
  flakes: FlakeRate[];
  durations: DurationBaseline[];
  queue: QueueTime[];
  stages: StageRetries[];
  alerts: Alert[];
}
