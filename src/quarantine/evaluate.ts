import { stringify } from 'yaml';
import type { FlakeStat } from './flakes.js';
import { isExpired, type QuarantineEntry } from './quarantine-file.js';
import type { TestResult } from './results.js';

const OUTCOMES = ['passed', 'failed', 'skipped', 'flaky'] as const;

export type Verdict = 'passed' | 'passed-with-quarantined' | 'failed';

export interface Totals {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
}

export interface Evaluation {
  totals: Totals;
  /** Failed and not quarantined: these fail the step. */
  failures: TestResult[];
  quarantined: { test: TestResult; entry: QuarantineEntry }[];
  /** Failed then passed within this run. */
  flakyInRun: TestResult[];
  /**
   * How many of each: on a large run the lists above hold only the first few in full (for the
   * summary and the step's annotations), these count them all.
   */
  counts: { failures: number; quarantined: number; flaky: number };
  expired: QuarantineEntry[];
  /** Entries in force that matched no test in this run. */
  dead: QuarantineEntry[];
  verdict: Verdict;
  /** Why the verdict is `failed`, one line each. */
  reasons: string[];
}

export function evaluate(
  results: TestResult[],
  entries: QuarantineEntry[],
  now: number,
  onExpired: 'warn' | 'fail',
  /**
   * When `results` hold only the tests that did not pass (a streamed run): the totals of the whole
   * run and the entries that matched any test.
   */
  overall?: {
    totals: Totals;
    used: ReadonlySet<QuarantineEntry>;
    counts?: Evaluation['counts'];
  },
): Evaluation {
  const expired = entries.filter((entry) => isExpired(entry, now));
  const active = entries.filter((entry) => !isExpired(entry, now));
  const used = new Set<QuarantineEntry>();
  const totals: Totals = { total: 0, passed: 0, failed: 0, skipped: 0, flaky: 0 };
  const failures: TestResult[] = [];
  const quarantined: Evaluation['quarantined'] = [];
  const flakyInRun: TestResult[] = [];
  for (const test of results) {
    // Totals count runs: a name a data provider ran 32 times is 32 tests, as the peers count them.
    for (const outcome of OUTCOMES) {
      totals[outcome] += test.counts[outcome];
      totals.total += test.counts[outcome];
    }
    const entry = active.find((candidate) => candidate.matches(test.id));
    if (entry) used.add(entry);
    if (test.outcome === 'flaky') flakyInRun.push(test);
    if (test.outcome !== 'failed') continue;
    if (entry) quarantined.push({ test, entry });
    else failures.push(test);
  }
  if (overall) {
    Object.assign(totals, overall.totals);
    for (const entry of overall.used) used.add(entry);
  }
  const counts = overall?.counts ?? {
    failures: failures.length,
    quarantined: quarantined.length,
    flaky: flakyInRun.length,
  };
  const reasons: string[] = [];
  if (counts.failures > 0)
    reasons.push(
      `${counts.failures} test${counts.failures === 1 ? '' : 's'} failed and ${counts.failures === 1 ? 'is' : 'are'} not quarantined`,
    );
  if (expired.length > 0 && onExpired === 'fail') {
    reasons.push(
      `${expired.length} quarantine entr${expired.length === 1 ? 'y has' : 'ies have'} expired (on-expired: fail): renew or remove ${expired.map((e) => `'${e.id}'`).join(', ')}`,
    );
  }
  const verdict: Verdict =
    reasons.length > 0 ? 'failed' : counts.quarantined > 0 ? 'passed-with-quarantined' : 'passed';
  return {
    totals,
    failures,
    quarantined,
    flakyInRun,
    counts,
    expired,
    dead: active.filter((entry) => !used.has(entry)),
    verdict,
    reasons,
  };
}

export interface Proposal {
  stat: FlakeStat;
  issue?: string;
}

/** Flaky tests above the threshold that no entry in force covers yet. */
export function proposals(
  stats: FlakeStat[],
  entries: QuarantineEntry[],
  now: number,
  threshold: number,
): Proposal[] {
  const active = entries.filter((entry) => !isExpired(entry, now));
  return stats
    .filter((stat) => stat.rate > threshold && !active.some((entry) => entry.matches(stat.id)))
    .map((stat) => ({ stat }));
}

const PROPOSED_DAYS = 30;

/** A block to paste under `quarantine:` in the quarantine file. */
export function proposalSnippet(list: Proposal[], now: number): string {
  const expires = new Date(now + PROPOSED_DAYS * 86_400_000).toISOString().slice(0, 10);
  const entries = list.map(({ stat, issue }) => ({
    id: stat.id,
    reason: `flaky: ${stat.flakyRuns} of ${stat.runs} runs (${percent(stat.rate)}) failed without a code change`,
    owner: 'unassigned',
    ...(issue ? { issue } : {}),
    expires,
  }));
  return stringify({ quarantine: entries }, { lineWidth: 0 });
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(rate < 0.1 ? 1 : 0)}%`;
}
