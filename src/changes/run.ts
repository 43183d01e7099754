import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Git } from '../git/index.js';
import { ConfigurationError } from '../runtime/errors.js';
import type { ActionContext, ActionFn } from '../runtime/run.js';
import { COUNT_SUFFIX, FILES_SUFFIX, INPUT, OUTPUT } from './constants.js';
import { readConfig } from './config.js';
import { type ChangedFile, matchEntries } from './diff.js';
import { eventContext, PULL_REQUEST_EVENTS } from './event.js';
import { directoryPatternWarnings, parseFilters } from './filters.js';
import { formatFiles } from './format.js';
import { type GitHubApi, lastSuccessfulRun, pullRequestFiles } from './github.js';
import { History } from './history.js';
import { FilterSet } from './matcher.js';
import { type Comparison, resolveComparison } from './resolve.js';
import { type FilterResult, renderSummary } from './summary.js';
import { countGitTrace } from './trace.js';
import { type AffectedPackage, affectedPackages, readAffectedInput } from './workspaces.js';

export const main: ActionFn = async (ctx) => {
  // git's own trace counts every process and fetch, the ones git starts itself included.
  const traceDir = mkdtempSync(join(ctx.runtime.env.RUNNER_TEMP || tmpdir(), 'gantry-changes-'));
  try {
    await detectChanges(ctx, join(traceDir, 'git-trace2.json'));
  } finally {
    rmSync(traceDir, { recursive: true, force: true });
  }
};

async function detectChanges(ctx: ActionContext, trace: string): Promise<void> {
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

  const isCheckout = await git.succeeds(['rev-parse', '--is-inside-work-tree']);
  let comparison: Comparison;
  let changes: ChangedFile[];
  if (isCheckout) {
    const history = new History(git, config.initialFetchDepth);
    comparison = await log.stage(
      'resolve',
      () =>
        resolveComparison(event, history, {
          base: config.base,
          ref: config.ref,
          baseInput: INPUT.base,
          refInput: INPUT.ref,
          warn,
          lastSuccess: async (branch) => {
            if (!event.workflowFile) {
              warn(
                'GITHUB_WORKFLOW_REF does not name a workflow file, so the last successful run cannot be found.',
              );
              return undefined;
            }
            return lastSuccessfulRun(await api(), event.workflowFile, branch);
          },
        }),
      (c) => ({
        mode: c.mode,
        base: c.base,
        head: c.head,
        reason: c.reason,
        ...gitCounts(),
      }),
    );
    changes = await log.stage(
      'diff',
      async () => {
        if (comparison.mode === 'nothing') return [];
        if (comparison.mode === 'working-tree') return history.diffWorkingTree();
        return history.diff(comparison.base, comparison.head);
      },
      (c) => ({ files: c.length, ...gitCounts() }),
    );
  } else {
    ({ comparison, changes } = await log.stage(
      'api',
      () => fromApi(),
      (r) => ({ files: r.changes.length, truncated: r.truncated }),
    ));
  }

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
    if (!isCheckout)
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
    runtime.setOutput(result.name, String(result.files.length > 0));
    runtime.setOutput(`${result.name}${COUNT_SUFFIX}`, String(result.files.length));
    if (config.listFiles !== 'none')
      runtime.setOutput(`${result.name}${FILES_SUFFIX}`, formatFiles(result.files, config.listFiles));
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
      runtime.info(`${result.name}: ${result.files.length} ${JSON.stringify(result.files.slice(0, 50))}`);
  });
  await runtime.appendSummary(renderSummary(comparison, results, changes, affected));

  async function fromApi(): Promise<{ comparison: Comparison; changes: ChangedFile[]; truncated: boolean }> {
    const pr = event.payload.pull_request;
    if (!PULL_REQUEST_EVENTS.has(event.name) || !pr) {
      throw new ConfigurationError(
        `${config.workingDirectory} is not a git checkout, and a '${event.name || 'non-pull-request'}' event can only be answered from one: add actions/checkout before this step (or set '${INPUT.workingDirectory}').`,
      );
    }
    if (config.base || config.ref)
      warn(
        `Without a checkout the pull request's own files are used; '${INPUT.base}' and '${INPUT.ref}' are ignored.`,
      );
    const files = await pullRequestFiles(await api(), pr.number, pr.changed_files);
    if (files.truncated) {
      const message = `The pull request changes ${files.expected} files but the GitHub API returns only ${files.files.length}: filters may miss changes. Check out the repository (actions/checkout) for an exact answer, or set '${INPUT.allowTruncated}: true' to accept a partial list.`;
      if (!config.allowTruncated) throw new ConfigurationError(message);
      warn(message);
    }
    return {
      comparison: {
        base: pr.base.sha,
        head: pr.head.sha,
        mode: 'commits',
        reason: `pull request #${pr.number} files from the GitHub API`,
      },
      changes: files.files,
      truncated: files.truncated,
    };
  }
}
