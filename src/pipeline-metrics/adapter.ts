import { readFile, stat } from 'node:fs/promises';
import {
  type ActionContext,
  type ActionFn,
  ConfigurationError,
  errorMessage,
  oneLine,
} from '../runtime/index.js';
import { type AlertIssue, syncAlertIssues } from './alerts.js';
import { gatherFromSources } from './collect.js';
import { type PipelineMetricsConfig, readConfig } from './config.js';
import { BASELINE_MS, INPUT, MAX_FACTS_BYTES, OUTPUT } from './constants.js';
import { FactsError, parseFacts } from './facts-file.js';
import { writeReportFiles } from './files.js';
import { keepYoungGenerationSmall } from './memory.js';
import { computeMetrics } from './metrics.js';
import { ExportError, runExports } from './export/index.js';
import type { Facts, MetricsReport, RunFact } from './model.js';
import type { CollectStats } from './sources/index.js';
import { renderSummary } from './summary.js';

export const main: ActionFn = async (ctx) => {
  keepYoungGenerationSmall();
  const config = readConfig(ctx.inputs, ctx.workspace, ctx.runtime.env.RUNNER_TEMP);
  // Exporter header values and URL credentials are masked before anything can print them.
  for (const secret of config.exports.secrets) ctx.runtime.setSecret(secret);
  const { facts, notes } = await ctx.log.stage('facts', () => gatherFacts(ctx, config));
  const report = await ctx.log.stage(
    'metrics',
    async () =>
      computeMetrics(
        { ...facts, repository: config.repository ?? (facts.repository || ctx.github.repository) },
        {
          now: ctx.clock.now(),
          windowMs: config.windowMs,
          baselineMs: BASELINE_MS,
          threshold: config.alertThreshold,
          consecutive: config.alertRuns,
          minSamples: config.minSamples,
          topFlaky: config.topFlaky,
          passRateDrop: config.passRateDrop,
        },
      ),
    (r) => ({ runs: facts.runs.length, deploys: facts.deploys.length, alerts: r.alerts.length }),
  );
  const files = await ctx.log.stage('files', () =>
    writeReportFiles(config.outputDir, report).catch((error: unknown) => {
      throw new ConfigurationError(
        `Input '${INPUT.outputDir}': cannot write the report files into ${config.outputDir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); give a directory the job can create and write.`,
      );
    }),
  );
  const firing = report.alerts.filter((a) => a.firing);
  let issues: AlertIssue[] = [];
  if (config.alerts === 'issue' && report.alerts.length > 0) {
    const client = await ctx.gitHub(config.githubToken!);
    issues = await ctx.log.stage(
      'alerts',
      () => syncAlertIssues(client, report.repository, report.alerts, ctx.github.runUrl),
      (done) =>
        Object.fromEntries(
          ['created', 'updated', 'closed'].map((a) => [a, done.filter((i) => i.action === a).length]),
        ),
    );
  }
  const { note: exported, failure: exportFailure } = await exportReport(ctx, config, report, facts.runs);
  if (exported) notes.push(exported);
  for (const alert of firing)
    ctx.runtime.annotate({ level: 'warning', title: 'Pipeline alert', message: oneLine(alert.title) });
  await ctx.runtime.appendSummary(renderSummary(report, issues, notes));
  ctx.runtime.setOutput(OUTPUT.reportFile, files[0]!);
  ctx.runtime.setOutput(OUTPUT.outputDir, config.outputDir);
  ctx.runtime.setOutput(OUTPUT.alertsFiring, String(firing.length));
  ctx.runtime.setOutput(OUTPUT.alertKeys, firing.map((a) => a.key).join(','));
  if (exportFailure) throw exportFailure;
  if (config.alerts === 'fail' && firing.length > 0)
    throw new ConfigurationError(
      `alerts: fail: ${firing.length} alert${firing.length === 1 ? '' : 's'} firing (${oneLine(firing[0]!.title).slice(0, 200)}${firing.length > 1 ? ', …' : ''}); see the job summary.`,
    );
};

/**
 * The exporters, after the files: a receiver that is down for now (a transient failure, after
 * src/net's retries) is a warning and the step goes on; one that refuses what is sent or cannot be
 * a receiver (4xx, a wrong URL) fails the step, after the summary, with one line naming its input.
 */
async function exportReport(
  ctx: ActionContext,
  config: PipelineMetricsConfig,
  report: MetricsReport,
  runs: readonly RunFact[],
): Promise<{ note?: string; failure?: Error }> {
  if (!config.exports.pushgateway && !config.exports.otlp) return {};
  try {
    const results = await ctx.log.stage(
      'export',
      () => runExports(config.exports, { report, runs }, { http: ctx.http() }),
      (r) => ({ samples: r.pushgateway?.samples, spans: r.otlp?.spans }),
    );
    for (const warning of results.otlp?.warnings ?? [])
      ctx.runtime.annotate({ level: 'warning', title: 'OTLP export', message: oneLine(warning) });
    const parts = [
      results.pushgateway &&
        `${results.pushgateway.samples} samples in ${results.pushgateway.families} families pushed to ${results.pushgateway.url}`,
      results.otlp &&
        `${results.otlp.spans} spans of ${results.otlp.runs} runs sent to ${results.otlp.url}${results.otlp.rejectedSpans ? ` (${results.otlp.rejectedSpans} rejected)` : ''}`,
    ].filter(Boolean);
    return { note: `exported: ${parts.join('; ')}` };
  } catch (error) {
    const message = oneLine(errorMessage(error));
    if (error instanceof ExportError && error.transient) {
      ctx.runtime.annotate({ level: 'warning', title: 'Export failed', message });
      return { note: `export failed for now: ${message}` };
    }
    if (error instanceof ExportError)
      return { note: `export failed: ${message}`, failure: new ConfigurationError(message) };
    throw error;
  }
}

async function gatherFacts(
  ctx: ActionContext,
  config: PipelineMetricsConfig,
): Promise<{ facts: Facts; notes: string[] }> {
  if (config.factsFile !== undefined) return { facts: await readFactsFile(config.factsFile), notes: [] };
  const { facts, stats, notes } = await gatherFromSources(ctx, config, ctx.clock.now() - config.windowMs);
  return { facts, notes: [...sourceNotes(stats, config), ...notes] };
}

/** What the sources did, for the summary: a partial backfill is never silent. */
export function sourceNotes(stats: CollectStats, config: PipelineMetricsConfig): string[] {
  const notes: string[] = [];
  if (config.githubToken) {
    const r = stats.runs;
    notes.push(
      `workflow runs: ${r.fetched} fetched, ${r.fromStore} from the ${config.history} history, ${r.requests} requests (${r.notModified} not modified) of a budget of ${r.budget}`,
    );
    if (!r.complete)
      notes.push(
        `partial: ${r.budgetExhausted ? 'the request budget ran out' : r.rateLimited ? "GitHub's rate limit ran out" : 'not every hour was fetched'}; ${r.hoursLeft} hours of the window are left for the next run`,
      );
  }
  if (config.promotions.length > 0)
    notes.push(`deploys: ${stats.deploys.records} promotion records read, ${stats.deploys.skipped} skipped`);
  if (config.testHistory !== 'none')
    notes.push(`tests: ${stats.tests.records} quarantine records read, ${stats.tests.skipped} skipped`);
  if (config.stageLogs.length > 0)
    notes.push(
      `stage logs: ${stats.stages.lines} lines read, ${stats.stages.skipped} skipped, ${stats.stages.unreadable} files unreadable`,
    );
  return notes;
}

export async function readFactsFile(path: string): Promise<Facts> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (info.size > MAX_FACTS_BYTES)
      throw new ConfigurationError(
        `Input '${INPUT.factsFile}': ${path} is ${info.size} bytes, more than the ${MAX_FACTS_BYTES} read; shorten the window it covers.`,
      );
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    throw new ConfigurationError(
      `Input '${INPUT.factsFile}': ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); give the path of a facts JSON file.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigurationError(`Input '${INPUT.factsFile}': ${path} is not JSON; give a facts JSON file.`);
  }
  try {
    return parseFacts(parsed);
  } catch (error) {
    if (error instanceof FactsError)
      throw new ConfigurationError(
        `Input '${INPUT.factsFile}': ${path}: ${oneLine(error.message).slice(0, 300)} (see the README's facts file format).`,
      );
    throw error;
  }
}
