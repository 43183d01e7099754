import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Git } from '../git/index.js';
import { ConfigurationError } from '../runtime/errors.js';
import type { ActionContext, ActionFn } from '../runtime/step.js';
import { oneLine } from '../runtime/text.js';
import { readConfig } from './config.js';
import { COUNT_SUFFIX, FILES_SUFFIX, INPUT, OUTPUT } from './constants.js';
import { detectChanges } from './detect.js';
import { matchEntries } from './diff.js';
import { eventContext } from './event.js';
import { directoryPatternWarnings, parseFilters } from './filters.js';
import { formatFiles } from './format.js';
import { type GitHubApi, lastSuccessfulRun, pullRequestFiles } from './github.js';
import { FilterSet } from './matcher.js';
import { outputName } from './outputs.js';
import { type FilterResult, renderSummary } from './summary.js';
import { countGitTrace } from './trace.js';
import { type AffectedPackage, affectedPackages, readAffectedInput } from './workspaces.js';

export const main: ActionFn = async (ctx) => {
  // git's own trace counts every process and fetch, the ones git starts itself included.
  const traceDir = mkdtempSync(join(ctx.runtime.env.RUNNER_TEMP || tmpdir(), 'gantry-changes-'));
  try {
    await runChanges(ctx, join(traceDir, 'git-trace2.json'));
  } finally {
    rmSync(traceDir, { recursive: true, force: true });
  }
};

async function runChanges(ctx: ActionContext, trace: string): Promise<void> {
  const { runtime, log } = ctx;
  const config = readConfig(ctx.inputs, runtime, ctx.workspace);
  const parsed = parseFilters(config.filtersText, config.filtersSource, {
    quoteContent: !config.filtersFromFile,
  });
  const isDirectory = (path: string) =>
    statSync(join(config.workingDirectory, path), { throwIfNoEntry: false })?.isDirectory() ?? false;
  for (const warning of [
    ...parsed.warnings,
    ...directoryPatternWarnings(parsed.filters, config.filtersSource, isDirectory),
  ]) {
    runtime.annotate({ level: 'warning', message: warning });
  }
  const filterSet = new FilterSet(parsed.filters, config.quantifier);
  const event = eventContext(ctx.github);
  const git = new Git(config.workingDirectory, { ...runtime.env, GIT_TRACE2_EVENT: trace });
  const gitCounts = () =>
    countGitTrace(trace) ?? { git_processes: git.stats.processes, git_fetches: git.stats.fetches };
  const warn = (message: string) => runtime.annotate({ level: 'warning', message });
  let client: Promise<GitHubApi> | undefined;
  const api = (): Promise<GitHubApi> => {
    if (!config.token)
      throw new ConfigurationError(
        `Input '${INPUT.token}' is required here: no local checkout can answer this question.`,
      );
    const token = config.token;
    client ??= ctx.gitHub(token).then((octokit) => ({ client: octokit, repository: event.repository }));
    return client;
  };

  const { comparison, changes, fromGit } = await detectChanges(git, event, {
    base: config.base,
    ref: config.ref,
    initialFetchDepth: config.initialFetchDepth,
    allowTruncated: config.allowTruncated,
    needsHistory: config.workspaces,
    workingDirectory: config.workingDirectory,
    warn,
    notice: (message) => runtime.annotate({ level: 'notice', message }),
    lastSuccess: async (branch) => {
      if (!event.workflowFile) {
        warn(
          'GITHUB_WORKFLOW_REF does not name a workflow file, so the last successful run cannot be found.',
        );
        return undefined;
      }
      return lastSuccessfulRun(await api(), event.workflowFile, branch);
    },
    pullRequestFiles: async (number, changedFiles) => pullRequestFiles(await api(), number, changedFiles),
    stage: (name, run, fields) => log.stage(name, run, fields),
    gitCounts: () => ({ ...gitCounts() }),
  });

  const entries = matchEntries(changes);
  const results: FilterResult[] = await log.stage(
    'match',
    async () => {
      const selected = filterSet.match(entries);
      return parsed.filters.map((filter, i) => ({ name: filter.name, files: selected[i]! }));
    },
    (r) => ({
      files: entries.length,
      filters: r.length,
      patterns: filterSet.patternCount,
      matched: r.filter((f) => f.files.length > 0).length,
    }),
  );

  let affected: AffectedPackage[] | undefined;
  if (config.workspaces) {
    if (!fromGit)
      throw new ConfigurationError(
        `Input '${INPUT.workspaces}: true' needs a checkout of the repository (add actions/checkout).`,
      );
    const result = await log.stage(
      'workspaces',
      async () =>
        affectedPackages(
          await readAffectedInput(
            git,
            comparison.base,
            comparison.head,
            entries.map((e) => e.path),
            config.globalFiles,
          ),
        ),
      (a) => ({ affected: a.affected.length, root_only: a.rootOnly.length, ...gitCounts() }),
    );
    affected = result.affected;
    for (const warning of result.warnings) warn(warning);
    for (const note of result.rootOnly) runtime.info(`Affects only the root project: ${note}.`);
  }

  for (const result of results) {
    const name = outputName(result.name);
    runtime.setOutput(name, String(result.files.length > 0));
    runtime.setOutput(`${name}${COUNT_SUFFIX}`, String(result.files.length));
    if (config.listFiles !== 'none')
      runtime.setOutput(`${name}${FILES_SUFFIX}`, formatFiles(result.files, config.listFiles));
  }
  runtime.setOutput(
    OUTPUT.changes,
    JSON.stringify(results.filter((r) => r.files.length > 0).map((r) => r.name)),
  );
  runtime.setOutput(OUTPUT.baseSha, comparison.base);
  runtime.setOutput(OUTPUT.headSha, comparison.head);
  runtime.setOutput(
    OUTPUT.files,
    JSON.stringify(
      changes.map((c) =>
        c.previousPath === undefined
          ? { status: c.status, path: c.path }
          : { status: c.status, path: c.path, previous_path: c.previousPath },
      ),
    ),
  );
  if (affected) runtime.setOutput(OUTPUT.affectedPackages, JSON.stringify(affected));

  runtime.info(
    `${comparison.reason}: ${changes.length} changed files; ${results.filter((r) => r.files.length > 0).length} of ${results.length} filters matched.`,
  );
  await runtime.group('Filter results', async () => {
    // File names go out JSON-quoted: one line each, nothing in a name can start a workflow command.
    for (const result of results)
      runtime.info(
        `${oneLine(result.name)}: ${result.files.length} ${JSON.stringify(result.files.slice(0, 50))}`,
      );
  });
  await runtime.appendSummary(renderSummary(comparison, results, changes, affected));
}
