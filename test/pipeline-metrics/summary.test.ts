import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/pipeline-metrics/metrics.js';
import { pointLabels, renderSummary, xychart } from '../../src/pipeline-metrics/summary.js';
import { DAY, facts, job, NOW, OPTIONS, run } from './facts.js';

describe('job summary', () => {
  it('with no facts says so in each section and draws no chart', () => {
    const text = renderSummary(computeMetrics(facts({}), OPTIONS));
    expect(text).toContain('No deploys in the window.');
    expect(text).toContain('No finished runs on the default branch in the window.');
    expect(text).toContain('No flaky runs in the history.');
    expect(text).toContain('No successful jobs in the window.');
    expect(text).not.toContain('```mermaid');
  });

  it('an xychart is the statements GitHub renders: title, x-axis labels, y-axis range, bar and line series', () => {
    expect(xychart({ title: 'T', xLabels: ['a', 'b'], yLabel: 's', bars: [1, 2], lines: [[1, 1.5]] })).toBe(
      '```mermaid\nxychart-beta\n  title "T"\n  x-axis ["a", "b"]\n  y-axis "s" 0 --> 3\n  bar [1, 2]\n  line [1, 1.5]\n```\n',
    );
  });

  it('x-axis labels never repeat (a repeated category would merge bars): days, else day and time, else run numbers', () => {
    const t = Date.UTC(2026, 10, 30, 9, 15);
    expect(pointLabels([t, t + DAY])).toEqual(['11-30', '12-01']);
    expect(pointLabels([t, t + 3_600_000])).toEqual(['11-30 09:15', '11-30 10:15']);
    expect(pointLabels([t, t + 1000])).toEqual(['1', '2']);
  });

  it('2,000 jobs of 5 steps: tables capped at 50 rows, 4 charts a section, far under the 1 MiB summary limit', () => {
    const runs = Array.from({ length: 2000 }, (_, i) =>
      run({
        created: NOW - (i % 20) * DAY,
        jobs: [
          job({
            name: `job ${i}`,
            start: NOW - (i % 20) * DAY,
            ms: 60_000,
            steps: Array.from({ length: 5 }, (_, s) => ({
              name: `step ${s}`,
              number: s + 1,
              conclusion: 'success',
              startedAt: NOW - (i % 20) * DAY,
              completedAt: NOW - (i % 20) * DAY + 1000,
            })),
          }),
        ],
      }),
    );
    const text = renderSummary(computeMetrics(facts({ runs }), OPTIONS));
    expect(Buffer.byteLength(text)).toBeLessThan(100_000);
    expect(text).toContain('1950 more jobs in the JSON and CSV files.');
    expect(text.match(/```mermaid/g)?.length ?? 0).toBeLessThanOrEqual(3 * 4 + 1);
  });
});
