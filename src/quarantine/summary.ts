import { details, escapeMarkdown, markdownTable } from '../runtime/text.js';
import { type Evaluation, type Proposal, percent, proposalSnippet } from './evaluate.js';
import type { FlakeStat } from './flakes.js';
import type { TestResult } from './results.js';

const ROWS = 50;
const HEADLINE: Record<Evaluation['verdict'], string> = {
  passed: '✅ passed',
  'passed-with-quarantined': '⚠️ passed: only quarantined tests failed',
  failed: '❌ failed',
};

export interface SummaryInput {
  evaluation: Evaluation;
  mode: 'enforce' | 'report';
  flakes: FlakeStat[];
  proposals: Proposal[];
  now: number;
  history: string;
  /** Reports skipped from a malformed line on (on-malformed: warn). */
  malformed?: string[];
}

/** The job summary, most important first: verdict, failures, quarantined failures, flakes, proposals. */
export function renderSummary(input: SummaryInput): string {
  const { evaluation: e } = input;
  const parts: string[] = [];
  const modeNote =
    input.mode === 'report' && e.verdict === 'failed' ? ' (mode: report, the step does not fail)' : '';
  parts.push(`## Tests: ${HEADLINE[e.verdict]}${modeNote}\n`);
  parts.push(
    markdownTable(
      ['total', 'passed', 'failed, not quarantined', 'failed, quarantined', 'flaky', 'skipped'],
      [
        [
          e.totals.total,
          e.totals.passed,
          e.counts.failures,
          e.counts.quarantined,
          e.totals.flaky,
          e.totals.skipped,
        ].map(String),
      ],
    ),
  );
  for (const reason of e.reasons) parts.push(`- ${escapeMarkdown(reason)}\n`);
  if (input.malformed?.length)
    parts.push(
      `- ⚠️ ${input.malformed.length} malformed report(s) read only up to the bad line (on-malformed: warn): ${input.malformed
        .slice(0, 20)
        .map((f) => escapeMarkdown(f))
        .join(', ')}\n`,
    );
  if (e.failures.length > 0) {
    parts.push(`\n### Failed\n\n`);
    parts.push(
      capped(
        ['test', 'kind', 'message', 'where'],
        e.failures,
        (t) => [code(t.id), t.failureKind ?? 'failure', message(t), where(t)],
        e.counts.failures,
      ),
    );
  }
  if (e.quarantined.length > 0) {
    parts.push(`\n### Failed, quarantined (not blocking)\n\n`);
    parts.push(
      capped(
        ['test', 'owner', 'expires', 'issue', 'reason'],
        e.quarantined,
        ({ test, entry }) => [
          code(test.id),
          escapeMarkdown(entry.owner),
          entry.expires,
          entry.issue ? `[link](${encodeURI(entry.issue)})` : '',
          escapeMarkdown(entry.reason),
        ],
        e.counts.quarantined,
      ),
    );
  }
  const flakes = flakyRows(input.flakes, e.flakyInRun);
  if (flakes.length > 0) {
    parts.push(`\n### Flaky\n\n`);
    parts.push(capped(['test', 'flake rate', 'evidence (run/attempt @ commit)'], flakes, (row) => row));
  }
  if (input.proposals.length > 0) {
    const snippet = proposalSnippet(input.proposals, input.now);
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(snippet) + 1));
    parts.push(
      `\n### Proposed quarantines\n\n${input.proposals.length} flaky test(s) above the threshold are not quarantined. Paste into the quarantine file:\n\n${fence}yaml\n${snippet}${fence}\n`,
    );
  }
  if (e.expired.length > 0) {
    parts.push(`\n### Expired quarantines (no longer applied)\n\n`);
    parts.push(
      capped(['entry', 'owner', 'expired', 'line'], e.expired, (entry) => [
        code(entry.id),
        escapeMarkdown(entry.owner),
        entry.expires,
        String(entry.line),
      ]),
    );
  }
  if (e.dead.length > 0) {
    parts.push(`\n### Quarantines that matched no test in this run\n\n`);
    parts.push(
      capped(['entry', 'owner', 'expires', 'line'], e.dead, (entry) => [
        code(entry.id),
        escapeMarkdown(entry.owner),
        entry.expires,
        String(entry.line),
      ]),
    );
  }
  parts.push(`\n<sub>History: ${escapeMarkdown(input.history)}.</sub>\n`);
  return parts.join('');
}

function flakyRows(stats: FlakeStat[], inRun: TestResult[]): string[][] {
  const rows = stats.map((s) => [
    code(s.id),
    `${percent(s.rate)} (${s.flakyRuns}/${s.runs})`,
    s.evidence
      .slice(-5)
      .map(
        (ev) => `${ev.kind} ${escapeMarkdown(ev.run)}/${ev.attempt} @ ${escapeMarkdown(ev.sha.slice(0, 7))}`,
      )
      .join('; '),
  ]);
  const known = new Set(stats.map((s) => s.id));
  for (const test of inRun)
    if (!known.has(test.id)) rows.push([code(test.id), 'failed then passed in this run', '']);
  return rows;
}

/** The summary lists this many of a kind at most (a table, then names); the counts say the rest. */
export const LISTED = ROWS + 2000;

function capped<T>(header: string[], items: T[], row: (item: T) => string[], total = items.length): string {
  const table = markdownTable(header, items.slice(0, ROWS).map(row));
  if (total <= ROWS) return table;
  const rest = items.slice(ROWS);
  return (
    table +
    details(
      `${total - ROWS} more`,
      rest
        .slice(0, 2000)
        .map((item) => `- ${row(item)[0]}`)
        .join('\n'),
    )
  );
}

function code(text: string): string {
  return escapeMarkdown(text);
}

function message(test: TestResult): string {
  return escapeMarkdown((test.message ?? '').split('\n')[0]!.slice(0, 200));
}

function where(test: TestResult): string {
  const file = test.file
    ? `${test.file}${test.line ? `:${test.line}` : ''}`
    : `${test.report}:${test.reportLine}`;
  return escapeMarkdown(file);
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}

export interface CommentInput {
  evaluation: Evaluation;
  mode: 'enforce' | 'report';
  flakes: FlakeStat[];
  proposals: Proposal[];
  /** The check name: one comment per name. */
  name: string;
  runUrl: string;
}

/** The pull request comment: the verdict, the counts, and the flaky tests (updated in place). */
export function renderComment(input: CommentInput): string {
  const { evaluation: e } = input;
  const modeNote =
    input.mode === 'report' && e.verdict === 'failed' ? ' (mode: report, the step does not fail)' : '';
  const parts = [`### ${escapeMarkdown(input.name)}: ${HEADLINE[e.verdict]}${modeNote}\n\n`];
  parts.push(
    markdownTable(
      ['total', 'passed', 'failed, not quarantined', 'failed, quarantined', 'flaky', 'skipped'],
      [
        [
          e.totals.total,
          e.totals.passed,
          e.counts.failures,
          e.counts.quarantined,
          e.totals.flaky,
          e.totals.skipped,
        ].map(String),
      ],
    ),
  );
  for (const reason of e.reasons) parts.push(`- ${escapeMarkdown(reason)}\n`);
  const flakes = flakyRows(input.flakes, e.flakyInRun);
  if (flakes.length > 0) {
    parts.push(`\n#### Flaky tests\n\n`);
    parts.push(capped(['test', 'flake rate', 'evidence (run/attempt @ commit)'], flakes, (row) => row));
  }
  if (input.proposals.length > 0)
    parts.push(
      `\n${input.proposals.length} flaky test(s) above the threshold are not quarantined: the job summary has the entries to paste.\n`,
    );
  if (input.runUrl) parts.push(`\n<sub>[The run](${encodeURI(input.runUrl)}) has every failure.</sub>\n`);
  return parts.join('');
}
