export const id = 294;
export const ids = [294];
export const modules = {

/***/ 8294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  spawnCommand: () => (/* binding */ spawnCommand),
  workflowPath: () => (/* binding */ workflowPath)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/git/index.ts + 1 modules
var src_git = __webpack_require__(1112);
// EXTERNAL MODULE: ./src/history/index.ts + 1 modules
var src_history = __webpack_require__(8478);
// EXTERNAL MODULE: ./src/oci/index.ts + 4 modules
var oci = __webpack_require__(8350);
// EXTERNAL MODULE: ./src/runtime/index.ts
var src_runtime = __webpack_require__(1356);
;// CONCATENATED MODULE: ./src/pipeline-diff/baseline.ts

/**
 * The record to compare with: the newest green run's (skipping green runs that left no record and
 * this run itself), the given run's, or the newest record of the given commit.
 */
async function findBaseline(store, stream, window, baseline, current, greenRuns) {
    if (baseline.kind === 'run') {
        const safe = (0,src_history/* safeRunId */.yW)(baseline.run);
        const records = await store.load(stream, window, (key) => key.run === safe);
        const record = records.filter((r) => r.run === baseline.run).at(-1);
        return record
            ? { record, skipped: 0 }
            : { skipped: 0, reason: `no record of run ${baseline.run} in the last ${window} records of ${stream}` };
    }
    if (baseline.kind === 'sha') {
        const records = await store.load(stream, window);
        const record = records.filter((r) => r.sha.startsWith(baseline.sha) && r.run !== current.run).at(-1);
        return record
            ? { record, skipped: 0 }
            : {
                skipped: 0,
                reason: `no record of commit ${baseline.sha} in the last ${window} records of ${stream}`,
            };
    }
    const green = (await greenRuns()).filter((r) => r.id !== current.run);
    if (green.length === 0)
        return { skipped: 0, reason: 'no successful run of this workflow on this branch yet' };
    const wanted = new Set(green.map((r) => (0,src_history/* safeRunId */.yW)(r.id)));
    const records = await store.load(stream, window, (key) => wanted.has(key.run));
    const byRun = new Map();
    for (const record of records)
        byRun.set(record.run, record); // oldest first: the newest attempt wins
    for (const [index, run] of green.entries()) {
        const record = byRun.get(run.id);
        if (record)
            return { record: { ...record, url: record.url || run.url }, skipped: index };
    }
    return {
        skipped: green.length,
        reason: `none of the last ${green.length} successful runs left a record (is mode: record in this workflow?)`,
    };
}

// EXTERNAL MODULE: ./src/pipeline-diff/code.ts
var pipeline_diff_code = __webpack_require__(6525);
// EXTERNAL MODULE: ./src/glob/index.ts
var glob = __webpack_require__(2442);
// EXTERNAL MODULE: ./src/pipeline-diff/constants.ts
var constants = __webpack_require__(5459);
;// CONCATENATED MODULE: ./src/pipeline-diff/config.ts




function parseBaseline(value) {
    const text = value.trim();
    if (text === '' || text === 'auto' || text === 'last-green')
        return { kind: 'auto' };
    const explicit = /^(run|sha):(.*)$/.exec(text);
    const kind = explicit?.[1];
    const body = explicit ? explicit[2].trim() : text;
    if (kind !== 'sha' && /^[1-9]\d{0,19}$/.test(body))
        return { kind: 'run', run: body };
    if (kind !== 'run' && /^[0-9a-f]{7,64}$/.test(body))
        return { kind: 'sha', sha: body };
    throw src_runtime/* ConfigurationError */.j1.forInput(constants/* INPUT */.bO.baseline, value, 'auto (the last successful run of this workflow on this branch), a workflow run id such as 9876543210, or a commit SHA (7 to 64 hex digits); run:<id> or sha:<sha> to say which');
}
/** `tool: command args…` lines; a bare name from the defaults (node, python, go, java, docker, git). */
function parseToolchains(lines) {
    if (lines.length === 0)
        return { ...constants/* DEFAULT_TOOLCHAINS */.fy };
    const tools = {};
    for (const line of lines) {
        if (line === 'defaults') {
            Object.assign(tools, constants/* DEFAULT_TOOLCHAINS */.fy);
            continue;
        }
        const match = /^([A-Za-z0-9_.-]+)\s*(?::\s*(.*))?$/.exec(line);
        const name = match?.[1];
        const command = match?.[2]?.trim();
        if (!name || (command === undefined && !constants/* DEFAULT_TOOLCHAINS */.fy[name]) || command === '')
            throw src_runtime/* ConfigurationError */.j1.forInput(constants/* INPUT */.bO.toolchains, line, `one tool per line: a default name (${Object.keys(constants/* DEFAULT_TOOLCHAINS */.fy).join(', ')}), 'defaults', or name: command args (e.g. rust: rustc --version)`);
        tools[name] = command === undefined ? constants/* DEFAULT_TOOLCHAINS */.fy[name] : command.split(/\s+/);
    }
    return tools;
}
function parseVars(value) {
    if (value === undefined)
        return {};
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch {
        // The value may be a secret passed by mistake: it is never echoed.
        throw new src_runtime/* ConfigurationError */.j1(`Input '${constants/* INPUT */.bO.vars}': not JSON; pass the vars context as vars: \${{ toJSON(vars) }}.`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new src_runtime/* ConfigurationError */.j1(`Input '${constants/* INPUT */.bO.vars}': expected a JSON object of names and values, as \${{ toJSON(vars) }} gives.`);
    const vars = {};
    for (const [name, v] of Object.entries(parsed))
        vars[name] = typeof v === 'string' ? v : JSON.stringify(v);
    return vars;
}
function readConfig(inputs, workspace) {
    const mode = inputs.oneOf(constants/* INPUT */.bO.mode, constants/* MODES */.FN, 'record');
    const failOn = inputs
        .string(constants/* INPUT */.bO.failOn)
        .split(/[\s,]+/)
        .filter(Boolean);
    const known = [...constants/* CATEGORIES */.R6, ...constants/* FAIL_ON_EXTRA */.Ae];
    for (const name of failOn)
        if (!known.includes(name))
            throw src_runtime/* ConfigurationError */.j1.forInput(constants/* INPUT */.bO.failOn, name, `category names from ${known.join(', ')}`);
    const history = inputs.oneOf(constants/* INPUT */.bO.history, constants/* HISTORY_STORES */.gY, 'cache');
    const historyDirInput = inputs.optional(constants/* INPUT */.bO.historyDir);
    if (history === 'dir' && historyDirInput === undefined)
        throw new src_runtime/* ConfigurationError */.j1(`Input '${constants/* INPUT */.bO.historyDir}' is required with history: dir; give the directory that keeps the run records.`);
    const historyBranch = inputs.optional(constants/* INPUT */.bO.historyBranch) ?? constants/* DEFAULT_HISTORY_BRANCH */.Gt;
    if (!/^(?!.*\.\.)(?!\/)(?!.*\/$)[A-Za-z0-9._/-]+$/.test(historyBranch) || historyBranch.endsWith('.lock'))
        throw src_runtime/* ConfigurationError */.j1.forInput(constants/* INPUT */.bO.historyBranch, historyBranch, `a branch name such as ${constants/* DEFAULT_HISTORY_BRANCH */.Gt}`);
    const exclude = inputs.lines(constants/* INPUT */.bO.configExclude);
    const lockGlobs = inputs.lines(constants/* INPUT */.bO.lockfiles);
    const diffFile = inputs.optional(constants/* INPUT */.bO.diffFile);
    return {
        mode,
        baseline: parseBaseline(inputs.string(constants/* INPUT */.bO.baseline)),
        failOn,
        history,
        historyDir: historyDirInput === undefined ? undefined : inWorkspace(workspace, historyDirInput),
        historyBranch,
        window: inputs.integer(constants/* INPUT */.bO.window, { min: 1, max: 10_000, fallback: constants/* DEFAULT_WINDOW */.xV }),
        vars: parseVars(inputs.optional(constants/* INPUT */.bO.vars)),
        configExcluded: exclude.length ? (0,glob/* globMatcher */.fU)(exclude) : () => false,
        toolchains: parseToolchains(inputs.lines(constants/* INPUT */.bO.toolchains)),
        toolchainTimeoutMs: inputs.duration(constants/* INPUT */.bO.toolchainTimeout, constants/* DEFAULT_TOOLCHAIN_TIMEOUT_MS */.fY) ?? constants/* DEFAULT_TOOLCHAIN_TIMEOUT_MS */.fY,
        runnerLabels: inputs
            .string(constants/* INPUT */.bO.runnerLabels)
            .split(/[\s,]+/)
            .filter(Boolean),
        extraLockfile: lockGlobs.length ? (0,glob/* globMatcher */.fU)(lockGlobs) : undefined,
        insecureRegistries: inputs
            .string(constants/* INPUT */.bO.insecureRegistries)
            .split(/[\s,]+/)
            .filter(Boolean),
        diffFile: diffFile === undefined ? undefined : inWorkspace(workspace, diffFile),
        githubToken: inputs.optional(constants/* INPUT */.bO.githubToken),
    };
}
function inWorkspace(workspace, path) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(workspace, path);
}

// EXTERNAL MODULE: ./src/pipeline-diff/diff.ts
var pipeline_diff_diff = __webpack_require__(6363);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/pipeline-diff/environment.ts

/** The runner a job ran on: what changes under a job when GitHub rolls a new runner image. */
function runnerInfo(env, labels) {
    const info = {};
    const take = (key, value) => {
        if (value)
            info[key] = value;
    };
    take('os', env.RUNNER_OS);
    take('arch', env.RUNNER_ARCH);
    take('image-os', env.ImageOS);
    take('image-version', env.ImageVersion);
    // The runner sets RUNNER_ENVIRONMENT to github-hosted or self-hosted.
    take('environment', env.RUNNER_ENVIRONMENT);
    if (labels.length)
        info.labels = [...labels].sort().join(',');
    return info;
}
/** Each tool's version line (the first non-empty line it prints), or `error: …`; all at once. */
async function toolchainVersions(tools, run, timeoutMs) {
    const entries = await Promise.all(Object.entries(tools).map(async ([name, argv]) => {
        try {
            const out = await run(argv, timeoutMs);
            const line = out.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
            return [name, line.trim().slice(0, 200)];
        }
        catch (error) {
            return [name, `error: ${error.message.split('\n')[0].slice(0, 200)}`];
        }
    }));
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}
/**
 * Variables the runner or the step itself sets, which differ on every run or every machine: they
 * would make every diff noisy and say nothing about the pipeline's configuration.
 */
const VOLATILE = [
    /^GITHUB_/,
    /^RUNNER_/,
    /^ACTIONS_/,
    /^INPUT_/,
    /^STATE_/,
    /^GANTRY_/,
    /^(?:ImageOS|ImageVersion|AGENT_TOOLSDIRECTORY|RUNNER_TOOL_CACHE)$/,
    /^(?:HOME|PWD|OLDPWD|SHLVL|_|HOSTNAME|USER|LOGNAME|SHELL|TERM|TMPDIR|TEMP|TMP|LANG|LC_[A-Z]+|PATH|MAIL|JOURNAL_STREAM|INVOCATION_ID|SYSTEMD_EXEC_PID|XDG_[A-Z_]+|DEBIAN_FRONTEND|CI|NODE_OPTIONS|NODE_EXTRA_CA_CERTS|SSH_[A-Z_]+|DISPLAY|COLUMNS|LINES)$/,
    /^npm_/,
    /^(?:VITEST|VITEST_[A-Z_]+|NODE_ENV|TEST|JEST_WORKER_ID)$/,
];
/** Names that say their value is a credential: such a value is never hashed, only its name kept. */
const SECRET_NAME = /(?:^|_|-)(?:TOKEN|SECRET|SECRETS|PASSWORD|PASSWD|PWD|PASS|PASSPHRASE|KEY|KEYS|APIKEY|PRIVATE|CREDENTIAL|CREDENTIALS|CREDS|AUTH|AUTHORIZATION|CERT|CERTIFICATE|COOKIE|SESSION|SIGNATURE|SALT|PAT|DSN|WEBHOOK|CONNECTION|CONNSTR|OTP|PIN)(?:$|_|-)/i;
/**
 * Values that look like credentials whatever the name: known token prefixes, PEM blocks, JWTs, URLs
 * carrying a password, long high-entropy strings. A masked value of an earlier step is invisible to
 * this process (the runner keeps masks to itself), so the value is judged on its own.
 */
function looksSecret(value) {
    if (/^(?:ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|xox[abprs]-|sk-|sk_live_|rk_live_|AKIA|ASIA|AIza|ya29\.|hvs\.|hvb\.|s\.[A-Za-z0-9]{20})/.test(value))
        return true;
    if (/-----BEGIN [A-Z ]*(?:PRIVATE KEY|CERTIFICATE)-----/.test(value))
        return true;
    if (/^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value))
        return true;
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i.test(value))
        return true;
    const compact = value.trim();
    if (compact.length >= 20 && !/\s/.test(compact) && !/^[\w.-]+(?:\/[\w.-]+)+$/.test(compact)) {
        const classes = Number(/[a-z]/.test(compact)) + Number(/[A-Z]/.test(compact)) + Number(/\d/.test(compact));
        if (classes >= 3 && entropy(compact) >= 3.5)
            return true;
        if (/^[a-f0-9]{32,}$/i.test(compact) && !/^[a-f0-9]{40}$|^[a-f0-9]{64}$/.test(compact))
            return true;
    }
    return false;
}
function entropy(text) {
    const counts = new Map();
    for (const c of text)
        counts.set(c, (counts.get(c) ?? 0) + 1);
    let bits = 0;
    for (const n of counts.values()) {
        const p = n / text.length;
        bits -= p * Math.log2(p);
    }
    return bits;
}
const SECRET_MARK = 'secret';
/**
 * Names and SHA-256 of configuration values: never a raw value. A value that is masked, looks like
 * a credential or sits under a credential-like name is recorded as `secret` (its name only), so its
 * appearance and disappearance show but nothing derived from it is kept.
 */
function hashConfig(values, options) {
    const out = {};
    for (const name of Object.keys(values).sort()) {
        const value = values[name];
        if (value === undefined || options.excluded(name))
            continue;
        if (SECRET_NAME.test(name) || options.isMasked(value) || looksSecret(value))
            out[name] = SECRET_MARK;
        else
            out[name] = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(value).digest('hex')}`;
    }
    return out;
}
/** The job's environment minus what the runner and the step set themselves. */
function jobEnvironment(env) {
    const out = {};
    for (const [name, value] of Object.entries(env))
        if (!VOLATILE.some((re) => re.test(name)))
            out[name] = value;
    return out;
}

// EXTERNAL MODULE: ./src/pipeline-diff/fingerprint.ts
var fingerprint = __webpack_require__(9226);
// EXTERNAL MODULE: ./src/pipeline-diff/record.ts
var pipeline_diff_record = __webpack_require__(6869);
// EXTERNAL MODULE: ./src/pipeline-diff/resolve.ts
var resolve = __webpack_require__(7938);
// EXTERNAL MODULE: ./src/pipeline-diff/summary.ts
var summary = __webpack_require__(9906);
// EXTERNAL MODULE: ./src/pipeline-diff/tree.ts
var pipeline_diff_tree = __webpack_require__(1748);
;// CONCATENATED MODULE: ./src/pipeline-diff/adapter.ts



















const PERMISSIONS = "the job's token needs actions: read to list workflow runs";
const main = async (ctx) => {
    const config = readConfig(ctx.inputs, ctx.workspace);
    const git = new src_git/* Git */.TU(ctx.workspace, ctx.runtime.env);
    const record = await ctx.log.stage('record', () => recordRun(ctx, config, git));
    ctx.runtime.setOutput(constants/* OUTPUT */.aQ.record, `${record.run}/${record.attempt}`);
    const store = await historyStore(ctx, config, record);
    let baseline;
    if (config.mode === 'diff' && store) {
        baseline = await ctx.log
            .stage('baseline', () => findBaseline(store, record.branch, config.window, config.baseline, record, () => greenRuns(ctx, config, record)))
            .catch((error) => {
            if ((0,src_runtime/* isConfigurationError */.p0)(error))
                throw error;
            warn(ctx, 'Baseline not found', (0,src_runtime/* errorMessage */.gJ)(error));
            return { skipped: 0, reason: (0,src_runtime/* errorMessage */.gJ)(error) };
        });
    }
    if (store && store.kind === 'cache' && baseline === undefined) {
        // The cache store saves the whole window under this run's key: restore it first (nothing decoded).
        await store.load(record.branch, config.window, () => false).catch(() => undefined);
    }
    if (store) {
        await ctx.log
            .stage('store', () => store.append(record, config.window))
            .catch((error) => {
            if ((0,src_runtime/* isConfigurationError */.p0)(error))
                throw error;
            warn(ctx, 'Record not stored', `history: ${store.kind}: ${(0,src_runtime/* errorMessage */.gJ)(error)}`);
        });
    }
    if (config.mode === 'record') {
        await ctx.runtime.appendSummary(`Pipeline fingerprint recorded: ${Object.keys(record.uses).length} uses, ${Object.keys(record.lockfiles).length} lockfiles, ${Object.keys(record.images).length} images.\n`);
        return;
    }
    if (!baseline?.record) {
        const reason = baseline?.reason ?? 'no history store';
        ctx.runtime.annotate({ level: 'notice', title: 'Nothing to compare with', message: (0,src_runtime/* oneLine */.TN)(reason) });
        ctx.runtime.setOutput(constants/* OUTPUT */.aQ.changed, '{}');
        await ctx.runtime.appendSummary(`## What changed since the last green run\n\nNo baseline: ${reason}.\n`);
        return;
    }
    const base = baseline.record;
    const code = await (0,pipeline_diff_code/* codeChange */.s)(git, base.sha, record.sha).catch((error) => ({
        files: 0,
        directories: {},
        unknown: true,
        note: `code changes unknown: ${(0,src_runtime/* errorMessage */.gJ)(error)}`,
    }));
    const { diff, hit } = await ctx.log.stage('diff', async () => {
        const diff = (0,pipeline_diff_diff/* diffRecords */.OM)(base, record, code);
        return { diff, hit: (0,pipeline_diff_diff/* tripped */.V9)(diff, config.failOn) };
    });
    const diffFile = config.diffFile ?? (0,external_node_path_.join)(ctx.runtime.env.RUNNER_TEMP || ctx.workspace, 'pipeline-diff.json');
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(diffFile), { recursive: true });
    await (0,promises_.writeFile)(diffFile, `${JSON.stringify(diff, null, 1)}\n`);
    ctx.runtime.setOutput(constants/* OUTPUT */.aQ.changed, JSON.stringify((0,pipeline_diff_diff/* changedOutput */.uf)(diff)));
    ctx.runtime.setOutput(constants/* OUTPUT */.aQ.diffFile, diffFile);
    ctx.runtime.setOutput(constants/* OUTPUT */.aQ.baselineRun, base.run);
    ctx.runtime.setOutput(constants/* OUTPUT */.aQ.baselineSha, base.sha);
    ctx.runtime.setOutput(constants/* OUTPUT */.aQ.failed, hit.join(','));
    await ctx.runtime.appendSummary((0,summary/* renderSummary */.Br)(diff, ctx.clock.now(), hit));
    for (const moved of diff.movedActionTags.slice(0, 10))
        ctx.runtime.annotate({
            level: 'warning',
            title: 'Action tag moved',
            message: (0,src_runtime/* oneLine */.TN)(`${moved.uses} now resolves to ${moved.after} (was ${moved.before} in the last green run)`),
        });
    if (hit.length)
        throw new src_runtime/* ConfigurationError */.j1(`fail-on: ${hit.join(', ')} changed since the last green run (run ${base.run}); see the job summary.`);
};
function warn(ctx, title, message) {
    ctx.runtime.annotate({ level: 'warning', title, message: (0,src_runtime/* oneLine */.TN)(message) });
}
/** The workflow file this run executes, from GITHUB_WORKFLOW_REF; only a file of this repository's .github/workflows. */
function workflowPath(workflowRef, repository) {
    const match = /^([^/]+\/[^/]+)\/(.+?)@[^@]*$/.exec(workflowRef);
    if (!match || match[1].toLowerCase() !== repository.toLowerCase())
        return undefined;
    const path = match[2];
    return /^\.github\/workflows\/[A-Za-z0-9._-]+\.ya?ml$/.test(path) && !path.includes('..')
        ? path
        : undefined;
}
async function recordRun(ctx, config, git) {
    const { github, runtime } = ctx;
    let commit;
    try {
        commit =
            github.sha && (await git.succeeds(['cat-file', '-e', `${github.sha}^{commit}`]))
                ? github.sha
                : await git.text(['rev-parse', '--verify', 'HEAD^{commit}']);
    }
    catch (error) {
        if (error instanceof src_git/* GitError */.XS || error.code === 'ENOENT')
            throw new src_runtime/* ConfigurationError */.j1(`The workspace ${ctx.workspace} is not a git checkout: run actions/checkout before pipeline-diff.`);
        throw error;
    }
    const notes = [];
    const workflow = workflowPath(github.workflowRef, github.repository);
    if (github.workflowRef && workflow === undefined)
        notes.push(`GITHUB_WORKFLOW_REF does not name a workflow file of ${github.repository}: every workflow recorded`);
    const client = new oci/* RegistryClient */.bP({
        http: ctx.http(),
        credentials: (0,oci/* credentialChain */.VU)({}, (0,oci/* dockerConfigCredentials */.D)(runtime.env)),
        insecureRegistries: config.insecureRegistries,
        onSecret: (secret) => runtime.setSecret(secret),
    });
    const tree = await pipeline_diff_tree/* CommitTree */.e.open(git, commit);
    const [found, toolchain] = await Promise.all([
        (0,fingerprint/* fingerprint */.Rj)(tree, {
            workflow,
            resolveUses: (0,resolve/* lsRemoteResolver */.S)(git, github.serverUrl),
            resolveImage: (0,resolve/* registryResolver */.c)(client),
            extraLockfile: config.extraLockfile,
        }),
        toolchainVersions(config.toolchains, spawnCommand(runtime.env), config.toolchainTimeoutMs),
    ]);
    const isMasked = (value) => value !== '' && runtime.redact(value) !== value;
    const branch = github.headRef || github.refName || 'unknown';
    return {
        v: 1,
        branch: (0,pipeline_diff_record/* streamOf */.mA)(branch, workflow ?? ''),
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
function spawnCommand(env) {
    return (argv, timeoutMs) => new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)(argv[0], argv.slice(1), { timeout: timeoutMs, killSignal: 'SIGKILL', env: env, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
            if (error) {
                const reason = error.code === 'ENOENT'
                    ? 'not installed'
                    : error.killed
                        ? `no answer within ${timeoutMs} ms`
                        : `exit ${String(error.code ?? '?')}`;
                reject(new Error(reason));
            }
            else
                resolve(`${stdout}\n${stderr}`.trim());
        });
    });
}
async function greenRuns(ctx, config, record) {
    const file = record.workflow.slice(record.workflow.lastIndexOf('/') + 1);
    if (!file)
        throw new Error('GITHUB_WORKFLOW_REF names no workflow file of this repository; give baseline: <run id | sha>');
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
    }
    catch (error) {
        throw (0,client/* gitHubError */.Mj)(error, PERMISSIONS);
    }
}
async function historyStore(ctx, config, record) {
    if (config.history === 'dir')
        return new src_history/* DirHistory */.s3(pipeline_diff_record/* PIPELINE_RECORDS */.CH, config.historyDir);
    if (config.history === 'branch')
        return new src_history/* BranchHistory */.LK(pipeline_diff_record/* PIPELINE_RECORDS */.CH, new src_git/* Git */.TU(ctx.workspace, ctx.runtime.env), config.historyBranch, ctx.clock);
    const cache = await __webpack_require__.e(/* import() */ 93).then(__webpack_require__.bind(__webpack_require__, 2093));
    if (!cache.isFeatureAvailable()) {
        warn(ctx, 'Pipeline records not kept', "history: cache needs GitHub's cache service, which this job does not have; use history: branch or history: dir.");
        return undefined;
    }
    const client = {
        restoreCache: (p, k, r) => cache.restoreCache(p, k, r),
        saveCache: (p, k) => cache.saveCache(p, k),
    };
    const dir = (0,external_node_path_.join)(ctx.runtime.env.RUNNER_TEMP || ctx.workspace, 'gantry-pipeline-diff-history');
    return new src_history/* CacheHistory */.D(pipeline_diff_record/* PIPELINE_RECORDS */.CH, dir, client, record);
}


/***/ })

};
