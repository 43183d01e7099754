import type { Outcome, TestCaseElement } from './junit.js';

/** How many runs of one test id ended each way in this run (one per execution, retries folded). */
export interface OutcomeCounts {
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
}

/** One test id's result in this run. */
export interface TestResult extends TestCaseElement {
  /** How many <testcase> elements reported this test id. */
  elements: number;
  /**
   * Runs of this id by outcome. Usually one; more when a data provider or a parameterised runner
   * wrote one name several times, or when two reports hold the same id.
   */
  counts: OutcomeCounts;
}

/**
 * The <testcase> elements of one test id within one group (one report's suite), in order. Retries
 * written as repeated elements look like failures followed by ONE pass, last: a runner stops
 * retrying at the first pass. Anything else (several passes, a pass before a failure) is several
 * runs of one name, such as TestNG data-provider runs, and a failure among them stays a failure.
 */
export interface Sequence {
  group: string;
  passes: number;
  /** Elements that carry their own retry markers (Surefire flakyFailure/flakyError). */
  flakes: number;
  failures: number;
  skips: number;
  lastPassed: boolean;
  failedAttempts: number;
  elements: number;
}

export interface Entry {
  /** The element shown for this id: the first failure, else the first element. */
  carrier: TestCaseElement;
  sequences: Sequence[];
}

/**
 * Folds every <testcase> of a run into one result per test id. A test is flaky in this run only when
 * one of its runs failed and then passed on retry within one report's suite, or carries explicit
 * retry markers; failing in one suite or report and passing in another is a failure.
 */
export class RunResults {
  private readonly byId = new Map<string, Entry>();

  add(element: TestCaseElement): void {
    let entry = this.byId.get(element.id);
    if (entry === undefined) {
      entry = { carrier: element, sequences: [] };
      this.byId.set(element.id, entry);
    }
    addToEntry(entry, element);
  }

  get size(): number {
    return this.byId.size;
  }

  list(): TestResult[] {
    const results: TestResult[] = [];
    for (const entry of this.byId.values()) results.push(resultOf(entry));
    return results;
  }
}

/** Adds one element of the entry's test id. */
export function addToEntry(entry: Entry, element: TestCaseElement): void {
  if (
    entry.carrier.outcome !== 'failed' &&
    (element.outcome === 'failed' || (entry.carrier.message === undefined && element.message !== undefined))
  ) {
    entry.carrier = element;
  }
  let sequence = entry.sequences.find((s) => s.group === element.group);
  if (sequence === undefined) {
    sequence = {
      group: element.group,
      passes: 0,
      flakes: 0,
      failures: 0,
      skips: 0,
      lastPassed: false,
      failedAttempts: 0,
      elements: 0,
    };
    entry.sequences.push(sequence);
  }
  sequence.elements += 1;
  sequence.failedAttempts += element.failedAttempts;
  switch (element.outcome) {
    case 'skipped':
      sequence.skips += 1;
      return;
    case 'failed':
      sequence.failures += 1;
      sequence.lastPassed = false;
      return;
    case 'flaky':
      sequence.flakes += 1;
      sequence.lastPassed = true;
      return;
    case 'passed':
      sequence.passes += 1;
      sequence.lastPassed = true;
  }
}

/** The test's result from all its elements so far. */
export function resultOf(entry: Entry): TestResult {
  const counts: OutcomeCounts = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
  let elements = 0;
  let failedAttempts = 0;
  for (const s of entry.sequences) {
    elements += s.elements;
    failedAttempts += s.failedAttempts;
    counts.skipped += s.skips;
    const passLike = s.passes + s.flakes;
    if (s.failures > 0 && passLike === 1 && s.lastPassed) counts.flaky += 1;
    else {
      counts.passed += s.passes;
      counts.flaky += s.flakes;
      if (s.failures > 0) counts.failed += 1;
    }
  }
  const outcome: Outcome =
    counts.failed > 0 ? 'failed' : counts.flaky > 0 ? 'flaky' : counts.passed > 0 ? 'passed' : 'skipped';
  const carrier = entry.carrier;
  return {
    ...carrier,
    outcome,
    elements,
    failedAttempts,
    counts,
    failureKind: outcome === 'failed' ? carrier.failureKind : undefined,
    message: outcome === 'failed' || outcome === 'flaky' ? carrier.message : undefined,
  };
}
