/**
 * Workflow, job, step and test names are attacker-controlled in a pull request. Through the bundled
 * action: names carrying Mermaid syntax, Markdown, HTML, newlines, workflow commands, mentions and
 * spreadsheet formulas break out of nothing: not a chart, not a table, not an issue, not a CSV cell.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsReport } from '../../src/pipeline-metrics/model.js';
import { runAction } from '../harness/index.js';
import { type GitHubApi, startGitHubApi } from '../support/github-api.js';
import { scenario } from './facts.js';

const TOKEN = 'ghs_test-token';

const HOSTILE = {
  workflow: '.github/workflows/ci.yml"\n```\n<img src=x onerror=alert(1)>',
  job: 'build"]\n  bar [999]\n```\n# Pwned | x |\n::error::owned',
  step: '%%{init: {"theme":"dark"}}%%; click A href "javascript:alert(1)" `code` [link](javascript:x)',
  test: '=HYPERLINK("http://evil","x") @acme/admins <script>alert(1)</script>',
  service: '+cmd|"/C calc"!A0',
  environment: '-production\r\n| a | b |\n\n## Injected',
  action: '@SUM(1+1)',
  stage: '\t=1+1',
};

/** RFC 4180: quoted cells with doubled quotes, CRLF rows (a line break inside quotes is data). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

const MERMAID_LINE =
  /^(xychart-beta| {2}title "[^"\n]*"| {2}x-axis \[(?:"[^"\n]*"(?:, )?)*\]| {2}y-axis "[^"\n]*" 0 --> \d+| {2}(?:bar|line) \[[\d., ]*\])$/;

let api: GitHubApi;
let main: Awaited<ReturnType<typeof runAction>>['main'];
let report: MetricsReport;

beforeAll(async () => {
  api = await startGitHubApi({ repositories: ['acme/service'] });
  const now = Date.now();
  const facts = scenario(now, 3, { job: HOSTILE.job, step: HOSTILE.step });
  facts.runs = facts.runs.map((r) => ({ ...r, workflow: HOSTILE.workflow }));
  facts.tests = [{ id: HOSTILE.test, runs: 10, failures: 3, flakyRuns: 3 }];
  facts.deploys = facts.deploys.map((d) => ({
    ...d,
    service: HOSTILE.service,
    environment: HOSTILE.environment,
  }));
  facts.stages = [
    ...[1, 2, 3].map((day) => ({
      action: HOSTILE.action,
      stage: HOSTILE.stage,
      start: now - day * 86_400_000,
      durationMs: 1000,
      outcome: 'failure',
      runId: '1',
      attempt: '1',
      retries: 3,
      exhausted: 1,
    })),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'pmetrics-hostile-'));
  writeFileSync(join(dir, 'facts.json'), JSON.stringify(facts));
  ({ main } = await runAction({
    action: 'pipeline-metrics',
    inputs: { 'facts-file': join(dir, 'facts.json'), alerts: 'issue', 'github-token': TOKEN },
    env: { GITHUB_REPOSITORY: 'acme/service', GITHUB_API_URL: api.url, GITHUB_RUN_ID: '7' },
  }));
  report = JSON.parse(readFileSync(main.outputs['report-file']!, 'utf8')) as MetricsReport;
}, 60_000);

afterAll(async () => {
  await api?.close();
});

describe('hostile names', () => {
  it('the step succeeds, raises no error, and the names reach the report unchanged', () => {
    expect(main.exitCode, main.stderr + main.log).toBe(0);
    expect(main.errors).toEqual([]);
    expect(main.commands.filter((c) => c.command === 'error')).toEqual([]);
    expect(report.durations.map((d) => d.job)).toContain(HOSTILE.job);
    expect(report.flakes[0]?.test).toBe(HOSTILE.test);
  });

  it('every Mermaid block holds only chart statements, and every fence is one of ours', () => {
    const blocks = [...main.summary.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks)
      for (const line of block.split('\n')) expect(line, `in block:\n${block}`).toMatch(MERMAID_LINE);
    const fences = main.summary.split('\n').filter((line) => line.startsWith('```'));
    expect(fences).toHaveLength(blocks.length * 2);
  });

  it('every table row has as many cells as its header; no heading, HTML or mention leaks out of a name', () => {
    const lines = main.summary.split('\n');
    const cells = (line: string) => line.split(/(?<!\\)\|/).length;
    let width = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      if (width === 0) width = cells(line);
      else expect(cells(line), line).toBe(width);
    }
    expect(main.summary).not.toMatch(/^#+ (Pwned|Injected)/m);
    // HTML stays text (&lt;img …), a link's bracket stays escaped (\[link\](…)): no element, no link.
    expect(main.summary).not.toMatch(/<img|<script|(?<!\\)\]\(javascript:/i);
    expect(main.summary).not.toContain('@acme');
  });

  it('issue titles are one line and issue bodies carry no HTML, mention, heading or link from a name', () => {
    const issues = api.issues('acme/service');
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.title).not.toMatch(/[\r\n]/);
      expect(issue.body).not.toMatch(/<img|<script|(?<!\\)\]\(javascript:|@acme|^#+ (Pwned|Injected)/im);
    }
  });

  it('CSV: formula-looking text cells get a leading apostrophe, every row keeps its cells, and names round-trip', () => {
    const read = (name: string) => parseCsv(readFileSync(join(main.outputs['output-dir']!, name), 'utf8'));
    const flakes = read('flakes.csv');
    expect(flakes).toHaveLength(2);
    expect(flakes[1]).toEqual([`'${HOSTILE.test}`, '10', '3', '0.3']);
    const dora = read('dora.csv');
    expect(dora[1]!.slice(0, 2)).toEqual([`'${HOSTILE.service}`, `'${HOSTILE.environment}`]);
    const stages = read('stages.csv');
    expect(stages[1]!.slice(0, 2)).toEqual([`'${HOSTILE.action}`, `'${HOSTILE.stage}`]);
    const durations = read('durations.csv');
    expect(durations).toHaveLength(report.durations.length + 1);
    for (const row of durations) expect(row).toHaveLength(durations[0]!.length);
    expect(durations.slice(1).map((r) => r[1])).toContain(HOSTILE.job);
    // Numbers stay numbers: a negative figure would not be quoted or prefixed.
    expect(durations[1]![4]).toMatch(/^\d+$/);
  });
});
