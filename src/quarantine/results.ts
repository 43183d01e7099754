import type { Outcome, TestCaseElement } from './junit.js';

/** One test's result in this run, after retries written as repeated <testcase> elements are merged. */
export interface TestResult extends TestCaseElement {
  /** How many <testcase> elements reported this test. */
  elements: number;
}

/**
 * Folds every <testcase> of a run into one result per test id. A test seen failing and passing in
 * the same run (retries) is flaky; failing in every attempt is failed; skipped only when nothing ran.
 */
export class RunResults {
  private readonly byId = new Map<string, TestResult>();

  add(element: TestCaseElement): void {
    const seen = this.byId.get(element.id);
    this.byId.set(element.id, seen === undefined ? { ...element, elements: 1 } : merge(seen, element));
  }

  get size(): number {
    return this.byId.size;
  }

  list(): TestResult[] {
    return [...this.byId.values()];
  }
}

function merge(seen: TestResult, next: TestCaseElement): TestResult {
  const elements = seen.elements + 1;
  const failedAttempts = seen.failedAttempts + next.failedAttempts;
  if (next.outcome === 'skipped') return { ...seen, elements };
  if (seen.outcome === 'skipped') return { ...next, elements, failedAttempts };
  const failedBefore = seen.outcome === 'failed' ? seen : next.outcome === 'failed' ? next : undefined;
  const outcome = combine(seen.outcome, next.outcome);
  const carrier = failedBefore ?? (seen.message !== undefined ? seen : next);
  return {
    ...carrier,
    outcome,
    elements,
    failedAttempts,
    failureKind: outcome === 'failed' ? carrier.failureKind : undefined,
  };
}

function combine(a: Outcome, b: Outcome): Outcome {
  const failed = a === 'failed' || b === 'failed';
  const passed = a === 'passed' || a === 'flaky' || b === 'passed' || b === 'flaky';
  if (failed && passed) return 'flaky';
  if (failed) return 'failed';
  return a === 'flaky' || b === 'flaky' ? 'flaky' : 'passed';
}
