import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gitHubError } from '../github/client.js';
import { Git, GitError } from '../git/index.js';
import { type HistoryStore, openHistoryStore } from '../history/index.js';
import { credentialChain, dockerConfigCredentials, RegistryClient } from '../oci/index.js';
import {
  type ActionContext,
  type ActionFn,
  ConfigurationError,
  errorMessage,
  isConfigurationError,
  oneLine,
} from '../runtime/index.js';
import { findBaseline, type GreenRun } from './baseline.js';
import { codeChange } from './code.js';
import { type PipelineDiffConfig, readConfig } from './config.js';
import { OUTPUT } from './constants.js';
import { changedOutput, diffRecords, tripped } from './diff.js';
import {
  type CommandRunner,
  hashConfig,
  jobEnvironment,
  runnerInfo,
  toolchainVersions,
} from './environment.js';
import { fingerprint } from './fingerprint.js';
import { PIPELINE_RECORDS, type PipelineRecord, streamOf } from './record.js';
import { lsRemoteResolver, registryResolver } from './resolve.js';
import { renderSummary } from './summary.js';
import { CommitTree } from './tree.js';

const PERMISSIONS = "the job's token needs actions: read to list workflow runs";

export const main: ActionFn = async (ctx) => {
  const config = readConfig(ctx.inputs, ctx.workspace);
  const git = new Git(ctx.workspace, ctx.runtime.env);
  const record = await ctx.log.stage('record', () => recordRun(ctx, config, git));
  ctx.runtime.setOutput(OUTPUT.record, `${record.run}/${record.attempt}`);
  const store = await historyStore(ctx, config, record);
  let baseline: Awaited<ReturnType<typeof findBaseline>> | undefined;
  if (config.mode === 'diff' && store) {
    baseline = await ctx.log
      .stage('baseline', () =>
        findBaseline(store, record.branch, config.window, config.baseline, record, () =>
          greenRuns(ctx, config, record),
        ),
      )
      .catch((error: unknown) => {
        if (isConfigurationError(error)) throw error;
        warn(ctx, 'Baseline not found', errorMessage(error));
        return { skipped: 0, reason: errorMessage(error) };
      });
  }
  if (store && store.kind === 'cache' && baseline === undefined) {
    // The cache store saves the whole window under this run's key: restore it first (nothing decoded).
    await store.load(record.branch, config.window, () => false).catch(() => undefined);
  }
  if (store) {
    await ctx.log
      .stage('store', () => store.append(record, config.window))
      .catch((error: unknown) => {
        if (isConfigurationError(error)) throw error;
        warn(ctx, 'Record not stored', `history: ${store.kind}: ${errorMessage(error)}`);
      });
  }
  if (config.mode === 'record') {
    await ctx.runtime.appendSummary(
      `Pipeline fingerprint recorded: ${Object.keys(record.uses).length} uses, ${Object.keys(record.lockfiles).length} lockfiles, ${Object.keys(record.images).length} images.\n`,
    );
    return;
  }
  if (!baseline?.record) {
    const reason = baseline?.reason ?? 'no history store';
    ctx.runtime.annotate({ level: 'notice', title: 'Nothing to compare with', message: oneLine(reason) });
    ctx.runtime.setOutput(OUTPUT.changed, '{}');
    await ctx.runtime.appendSummary(`## What changed since the last green run\n\nNo baseline: ${reason}.\n`);
    return;
  }
  const base = baseline.record;
  const code = await codeChange(git, base.sha, record.sha).catch((error: unknown) => ({
    files: 0,
    directories: {},
    unknown: true,
    note: `code changes unknown: ${errorMessage(error)}`,
  }));
  const { diff, hit } = await ctx.log.stage('diff', async () => {
    const diff = diffRecords(base, record, code);
    return { diff, hit: tripped(diff, config.failOn) };
  });
  const diffFile =
    config.diffFile ?? join(ctx.runtime.env.RUNNER_TEMP || ctx.workspace, 'pipeline-diff.json');
  await mkdir(dirname(diffFile), { recursive: true });
  await writeFile(diffFile, `${JSON.stringify(diff, null, 1)}\n`);
  ctx.runtime.setOutput(OUTPUT.changed, JSON.stringify(changedOutput(diff)));
  ctx.runtime.setOutput(OUTPUT.diffFile, diffFile);
  ctx.runtime.setOutput(OUTPUT.baselineRun, base.run);
  ctx.runtime.setOutput(OUTPUT.baselineSha, base.sha);
  ctx.runtime.setOutput(OUTPUT.failed, hit.join(','));
  await ctx.runtime.appendSummary(renderSummary(diff, ctx.clock.now(), hit));
  for (const moved of diff.movedActionTags.slice(0, 10))
    ctx.runtime.annotate({
      level: 'warning',
      title: 'Action tag moved',
      message: oneLine(
        `${moved.uses} now resolves to ${moved.after} (was ${moved.before} in the last green run)`,
      ),
    });
  if (hit.length)
    throw new ConfigurationError(
      `fail-on: ${hit.join(', ')} changed since the last green run (run ${base.run}); see the job summary.`,
    );
};

function warn(ctx: ActionContext, title: string, message: string): void {
  ctx.runtime.annotate({ level: 'warning', title, message: oneLine(message) });
}

/** The workflow file this run executes, from GITHUB_WORKFLOW_REF; only a file of this repository's .github/workflows. */
export function workflowPath(workflowRef: string, repository: string): string | undefined {
  const match = /^([^/]+\/[^/]+)\/(.+?)@[^@]*$/.exec(workflowRef);
  if (!match || match[1]!.toLowerCase() !== repository.toLowerCase()) return undefined;
  const path = match[2]!;
  return /^\.github\/workflows\/[A-Za-z0-9._-]+\.ya?ml$/.test(path) && !path.includes('..')
    ? path
    : undefined;
}

async function recordRun(ctx: ActionContext, config: PipelineDiffConfig, git: Git): Promise<PipelineRecord> {
  const { github, runtime } = ctx;
  let commit: string;
  try {
    commit =
      github.sha && (await git.succeeds(['cat-file', '-e', `${github.sha}^{commit}`]))
        ? github.sha
        : await git.text(['rev-parse', '--verify', 'HEAD^{commit}']);
  } catch (error) {
    if (error instanceof GitError || (error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ConfigurationError(
        `The workspace ${ctx.workspace} is not a git checkout: run actions/checkout before pipeline-diff.`,
      );
    throw error;
  }
  const notes: string[] = [];
  const workflow = workflowPath(github.workflowRef, github.repository);
  if (github.workflowRef && workflow === undefined)
    notes.push(
      `GITHUB_WORKFLOW_REF does not name a workflow file of ${github.repository}: every workflow recorded`,
    );
  const client = new RegistryClient({
    http: ctx.http(),
    credentials: credentialChain({}, dockerConfigCredentials(runtime.env)),
    insecureRegistries: config.insecureRegistries,
    onSecret: (secret) => runtime.setSecret(secret),
  });
  const tree = await CommitTree.open(git, commit);
  const [found, toolchain] = await Promise.all([
    fingerprint(tree, {
      workflow,
      resolveUses: lsRemoteResolver(git, github.serverUrl),
      resolveImage: registryResolver(client),
      extraLockfile: config.extraLockfile,
    }),
    toolchainVersions(config.toolchains, spawnCommand(runtime.env), config.toolchainTimeoutMs),
  ]);
  const isMasked = (value: string) => value !== '' && runtime.redact(value) !== value;
  const branch = github.headRef || github.refName || 'unknown';
  return {
    v: 1,
    branch: streamOf(branch, workflow ?? ''),
    run: github.runId || `local-${ctx.clock.now()}`,
    attempt: github.runAttempt,
    time: ctx.clock.now(),
    sha: commit,
    ref: github.ref,
    event: github.eventName,
    repository: github.repository,
    workflow: workflow ?? '',
    url: github.runUrl,
    files: found.files,
    uses: found.uses,
    lockfiles: found.lockfiles,
    images: found.images,
    runner: runnerInfo(runtime.env, config.runnerLabels),
    toolchain,
    config: {
      env: hashConfig(jobEnvironment(runtime.env), { isMasked, excluded: config.configExcluded }),
      vars: hashConfig(config.vars, { isMasked, excluded: config.configExcluded }),
    },
    notes: [...notes, ...found.notes].slice(0, 100),
  };
}

/** Runs a toolchain probe with a timeout; a tool that is missing or hangs is an error entry, not a failure. */
export function spawnCommand(env: Readonly<Record<string, string | undefined>>): CommandRunner {
  return (argv, timeoutMs) =>
    new Promise((resolve, reject) => {
      execFile(
        argv[0]!,
        argv.slice(1),
        { timeout: timeoutMs, killSignal: 'SIGKILL', env: env as NodeJS.ProcessEnv, maxBuffer: 1 << 20 },
        (error, stdout, stderr) => {
          if (error) {
            const reason =
              (error as NodeJS.ErrnoException).code === 'ENOENT'
                ? 'not installed'
                : error.killed
                  ? `no answer within ${timeoutMs} ms`
                  : `exit ${String((error as { code?: unknown }).code ?? '?')}`;
            reject(new Error(reason));
          } else resolve(`${stdout}\n${stderr}`.trim());
        },
      );
    });
}

async function greenRuns(
  ctx: ActionContext,
  config: PipelineDiffConfig,
  record: PipelineRecord,
): Promise<GreenRun[]> {
  const file = record.workflow.slice(record.workflow.lastIndexOf('/') + 1);
  if (!file)
    throw new Error(
      'GITHUB_WORKFLOW_REF names no workflow file of this repository; give baseline: <run id | sha>',
    );
  if (!config.githubToken)
    throw new Error("no github-token to list this workflow's runs; give baseline: <run id | sha>");
  const api = await ctx.gitHub(config.githubToken);
  const branch = record.branch.slice(0, record.branch.lastIndexOf('#'));
  try {
    const runs = await api.rest.actions.listWorkflowRuns({
      owner: ctx.github.repo.owner,
      repo: ctx.github.repo.repo,
      workflow_id: file,
      branch,
      status: 'success',
      per_page: 30,
    });
    return runs.data.workflow_runs.map((r) => ({ id: String(r.id), sha: r.head_sha, url: r.html_url ?? '' }));
  } catch (error) {
    throw gitHubError(error, PERMISSIONS);
  }
}

function historyStore(
  ctx: ActionContext,
  config: PipelineDiffConfig,
  record: PipelineRecord,
): Promise<HistoryStore<PipelineRecord> | undefined> {
  return openHistoryStore(ctx, PIPELINE_RECORDS, config, {
    run: record,
    cacheDirName: 'gantry-pipeline-diff-history',
    unavailable: { title: 'Pipeline records not kept' },
  });
}
