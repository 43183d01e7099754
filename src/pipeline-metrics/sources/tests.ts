/**
 * Tests from quarantine's history: each stored record is one run's per-test outcomes (P passed,
 * F failed, K failed then passed on retry). A test's flaky runs are its K runs, and its F runs on a
 * commit where it also passed: the same code gave both answers.
 */
import type { HistoryStore } from '../../history/index.js';
import type { RunRecord } from '../../quarantine/history.js';
import { WindowReader } from '../../quarantine/record-scan.js';
import { errorMessage, isConfigurationError } from '../../runtime/errors.js';
import type { TestFact } from '../model.js';

export interface TestStats {
  records: number;
  /** Records outside the window or damaged, and entries that are not outcomes. */
  skipped: number;
}

/**
 * Reads the records as streams, twice, never one whole (a record names every test that ran: about
 * 100 MB of JSON for a million tests, and the window holds up to a thousand records). The first
 * read finds the tests that did not pass somewhere (from each record's `failed` index where it has
 * one); the second keeps only their entries. Only those can have a flaky run, so the flake rates are
 * the same; tests that always passed are not listed.
 */
export async function readTests(
  store: HistoryStore<RunRecord>,
  branches: string[],
  window: number,
  since: number,
  warn: (message: string) => void,
): Promise<{ tests: TestFact[]; stats: TestStats }> {
  const stats: TestStats = { records: 0, skipped: 0 };
  const reader = new WindowReader(store, window, (key) => key.time >= since);
  const failing = new Map<string, string>();
  const read = async (pass: (branch: string) => Promise<void>) => {
    const readable: string[] = [];
    for (const branch of branches) {
      try {
        await pass(branch);
        readable.push(branch);
      } catch (error) {
        if (isConfigurationError(error)) throw error;
        warn(`Test history of ${branch} not read (history: ${store.kind}): ${errorMessage(error)}`);
      }
    }
    return readable;
  };
  branches = await read((branch) =>
    reader.failing(branch, (_header, ids) => {
      for (const id of ids) failing.set(id, id);
    }),
  );
  const into = { records: [] as RunRecord[], damaged: 0 };
  await read((branch) => reader.narrowed(branch, failing, into));
  const { records, damaged } = into;
  const tests = testFacts(records, since, stats);
  stats.skipped += damaged;
  return { tests, stats };
}

/** TestFacts from records, in id order. */
export function testFacts(records: RunRecord[], since: number, stats: TestStats): TestFact[] {
  const facts = new Map<string, TestFact>();
  // test id -> sha -> outcome letters seen there
  const bySha = new Map<string, Map<string, string>>();
  const seen = new Set<string>();
  for (const record of records) {
    if (typeof record.time !== 'number' || record.time < since || typeof record.tests !== 'object') {
      stats.skipped += 1;
      continue;
    }
    // The same run stored twice (a re-run step, two branches' windows) counts once.
    const runKey = `${record.run}/${record.attempt}/${record.branch}`;
    if (seen.has(runKey)) continue;
    seen.add(runKey);
    stats.records += 1;
    for (const [id, value] of Object.entries(record.tests)) {
      const code = typeof value === 'string' ? value[0] : undefined;
      if (code !== 'P' && code !== 'F' && code !== 'K') {
        stats.skipped += 1;
        continue;
      }
      let fact = facts.get(id);
      if (!fact) {
        fact = { id, runs: 0, failures: 0, flakyRuns: 0 };
        facts.set(id, fact);
      }
      fact.runs += 1;
      if (code === 'F') fact.failures += 1;
      if (code === 'K') fact.flakyRuns += 1;
      let shas = bySha.get(id);
      if (!shas) {
        shas = new Map();
        bySha.set(id, shas);
      }
      const sha = typeof record.sha === 'string' ? record.sha : '';
      shas.set(sha, (shas.get(sha) ?? '') + code);
    }
  }
  for (const [id, shas] of bySha) {
    const fact = facts.get(id)!;
    for (const [sha, codes] of shas) {
      // A failure on a commit where the test also passed is a flip on unchanged code.
      if (sha !== '' && codes.includes('F') && /[PK]/.test(codes))
        fact.flakyRuns += [...codes].filter((c) => c === 'F').length;
    }
  }
  return [...facts.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
