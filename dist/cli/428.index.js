export const id = 428;
export const ids = [428];
export const modules = {

/***/ 2428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseTemplatesRunArgs: () => (/* binding */ parseTemplatesRunArgs),
  templatesCommand: () => (/* binding */ templatesCommand)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/local-runner/index.ts + 5 modules
var local_runner = __webpack_require__(7151);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/metadata.ts
var runtime_metadata = __webpack_require__(5275);
// EXTERNAL MODULE: ./src/runtime/text.ts
var runtime_text = __webpack_require__(5369);
// EXTERNAL MODULE: ./src/net/clock.ts
var clock = __webpack_require__(2881);
// EXTERNAL MODULE: ./src/net/http.ts
var net_http = __webpack_require__(9663);
// EXTERNAL MODULE: ./src/git/index.ts + 1 modules
var src_git = __webpack_require__(1112);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/pins/set.ts + 1 modules
var set = __webpack_require__(665);
;// CONCATENATED MODULE: ./src/templates/rollout.ts


const PASSING = new Set(['success', 'neutral', 'skipped']);
/** The verdict over a commit's check runs and its combined status. */
function judgeChecks(runs, status) {
    const checks = [];
    for (const run of runs) {
        if (run.status !== 'completed')
            checks.push({ name: `check ${run.name}`, state: 'pending', detail: run.status });
        else
            checks.push({
                name: `check ${run.name}`,
                state: PASSING.has(run.conclusion ?? '') ? 'green' : 'red',
                detail: [run.conclusion ?? 'no conclusion', run.output?.title].filter(Boolean).join(': '),
            });
    }
    for (const s of status.statuses)
        checks.push({
            name: `status ${s.context}`,
            state: s.state === 'success' ? 'green' : s.state === 'pending' ? 'pending' : 'red',
            detail: [s.state, s.description].filter(Boolean).join(': '),
        });
    const red = checks.filter((c) => c.state === 'red');
    const pending = checks.filter((c) => c.state === 'pending');
    if (red.length)
        return { state: 'red', checks, reason: red.map((c) => `${c.name} ${c.detail}`).join('; ') };
    if (!checks.length)
        return { state: 'pending', checks, reason: 'no check or status reported yet' };
    if (pending.length)
        return { state: 'pending', checks, reason: `waiting for ${pending.map((c) => c.name).join(', ')}` };
    return { state: 'green', checks, reason: `${checks.length} check(s) and status(es) green` };
}
const PERMISSIONS_HINT = 'the token needs checks: read and statuses: read on the repository (checks: write to record).';
/** The Checks and commit-status calls of the gates, through the one GitHub client (Octokit). */
class ChecksApi {
    client;
    constructor(http, apiUrl, token) {
        this.client = (0,client/* githubClient */.$f)({ token, context: { apiUrl, payload: {} }, http });
    }
    /** Every check run on a ref, all pages. */
    async checkRuns(repository, ref) {
        const gh = await this.client;
        return this.call(() => gh.paginate(gh.rest.checks.listForRef, { ...split(repository), ref, per_page: 100 }));
    }
    async combinedStatus(repository, ref) {
        const gh = await this.client;
        const { data } = await this.call(() => gh.rest.repos.getCombinedStatusForRef({ ...split(repository), ref, per_page: 100 }));
        return data;
    }
    async verdict(repository, ref) {
        return judgeChecks(await this.checkRuns(repository, ref), await this.combinedStatus(repository, ref));
    }
    /** The check runs of that name on a commit, and whether one of them completed successfully. */
    async record(repository, sha, name) {
        const runs = (await this.checkRuns(repository, sha)).filter((run) => run.name === name);
        return { runs, ok: runs.some((run) => run.status === 'completed' && run.conclusion === 'success') };
    }
    /** Records an outcome on a commit as a completed check run (the canary's record on the release). */
    async recordCheckRun(repository, sha, run) {
        const gh = await this.client;
        await this.call(() => gh.rest.checks.create({
            ...split(repository),
            name: run.name,
            head_sha: sha,
            status: 'completed',
            conclusion: run.conclusion,
            output: { title: run.title, summary: run.summary },
        }));
    }
    async call(request) {
        try {
            return await request();
        }
        catch (error) {
            throw (0,client/* gitHubError */.Mj)(error, PERMISSIONS_HINT);
        }
    }
}
function split(repository) {
    const [owner = '', repo = ''] = repository.split('/');
    return { owner, repo };
}
/** Polls until green or red, or the deadline passes (then 'timed-out', with what it waited for). */
async function waitForChecks(read, options) {
    const end = options.clock.now() + options.deadlineMs;
    for (;;) {
        const verdict = await read();
        if (verdict.state === 'green' || verdict.state === 'red')
            return verdict;
        const left = end - options.clock.now();
        if (left <= 0)
            return { ...verdict, state: 'timed-out', reason: `deadline passed: ${verdict.reason}` };
        await options.clock.sleep(Math.min(options.pollMs, left));
    }
}
/** Consumers split into waves by cumulative percentage (10, 50, 100): each wave at least one. */
function planWaves(consumers, percents) {
    if (!percents.length || percents.some((p, i) => !(p > 0 && p <= 100) || (i > 0 && p <= percents[i - 1])))
        throw new errors/* ConfigurationError */.j1(`waves: got ${JSON.stringify(percents)}; expected increasing percentages up to 100, such as 10,50,100.`);
    const cuts = [...percents.slice(0, -1), 100];
    const waves = [];
    let done = 0;
    for (const percent of cuts) {
        const upTo = Math.max(done + 1, Math.ceil((consumers.length * percent) / 100));
        const wave = consumers.slice(done, Math.min(upTo, consumers.length));
        if (wave.length)
            waves.push(wave);
        done += wave.length;
    }
    return waves;
}
/**
 * Opens the pin pull requests of one wave, waits for all of them, and goes on only when every one
 * is green: the first consumer that is red or times out halts the rollout, and says which and why.
 */
async function rollout(waves, step) {
    const result = { green: [], untouched: [] };
    for (const [index, wave] of waves.entries()) {
        for (const consumer of wave)
            await step.open(consumer);
        const greens = [];
        for (const consumer of wave) {
            const verdict = await step.wait(consumer);
            if (verdict.state !== 'green' && !result.halted)
                result.halted = { consumer, wave: index + 1, verdict };
            else if (verdict.state === 'green')
                greens.push(consumer);
        }
        result.green.push(greens);
        if (result.halted) {
            result.untouched = waves.slice(index + 1).flat();
            return result;
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./src/templates/pin-rollout.ts







/**
 * The rollout after a green canary: each consumer repository gets the same pin pull request the
 * canary got (`pins set` to the release commit, on the branch gantry/rollout-<version>), wave by
 * wave; a wave starts only when every consumer of the previous one is green, and the first red or
 * late consumer halts the rollout. A consumer whose pull request cannot be opened (gone, no
 * access, no suite references) counts as red: a rollout never skips past what it could not check.
 */
/** owner/name as GitHub spells repositories. */
const REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
/** `owner/name` per line; blank lines and `#` comments are ignored; duplicates are refused. */
function parseConsumers(text, file) {
    const consumers = [];
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
        const line = raw.replace(/#.*$/, '').trim();
        if (!line)
            continue;
        if (!REPOSITORY.test(line) || line.split('/')[1].startsWith('.'))
            throw new errors/* ConfigurationError */.j1(`${file}:${index + 1}: ${JSON.stringify(line.slice(0, 100))} is not a repository; write owner/name, one per line.`);
        if (consumers.some((c) => c.toLowerCase() === line.toLowerCase()))
            throw new errors/* ConfigurationError */.j1(`${file}:${index + 1}: ${line} is listed twice.`);
        consumers.push(line);
    }
    if (!consumers.length)
        throw new errors/* ConfigurationError */.j1(`${file}: lists no consumer repository.`);
    return consumers;
}
/** Pull requests through the one GitHub client: find the open one for a branch, or open it. */
class PullRequestsApi {
    client;
    constructor(http, apiUrl, token) {
        this.client = (0,client/* githubClient */.$f)({ token, context: { apiUrl, payload: {} }, http });
    }
    async ensureOpen(repository, pull) {
        const gh = await this.client;
        const [owner = '', repo = ''] = repository.split('/');
        const hint = 'the token needs pull-requests: write and contents: write on each consumer.';
        try {
            const { data: existing } = await gh.rest.pulls.list({
                owner,
                repo,
                state: 'open',
                head: `${owner}:${pull.head}`,
                per_page: 1,
            });
            if (existing[0])
                return existing[0].html_url;
            const { data } = await gh.rest.pulls.create({ owner, repo, ...pull, maintainer_can_modify: true });
            return data.html_url;
        }
        catch (error) {
            throw (0,client/* gitHubError */.Mj)(error, hint);
        }
    }
}
/** Clones one consumer, pins it to the release, pushes the branch and opens (or finds) its pull request. */
async function openPinPullRequest(repository, options) {
    const dir = (0,external_node_path_.join)(options.workDir, repository.replace('/', '__'));
    (0,external_node_fs_.mkdirSync)(options.workDir, { recursive: true });
    const env = { ...options.env };
    if (options.token && /^https?:/i.test(options.serverUrl)) {
        const basic = Buffer.from(`x-access-token:${options.token}`).toString('base64');
        Object.assign(env, {
            GIT_CONFIG_COUNT: '1',
            GIT_CONFIG_KEY_0: 'http.extraheader',
            GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`,
        });
    }
    const url = `${options.serverUrl.replace(/\/+$/, '')}/${repository}.git`;
    try {
        await new src_git/* Git */.TU(options.workDir, env).run(['clone', '--quiet', '--depth', '1', '--no-tags', url, dir]);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`could not clone ${repository} (${error instanceof src_git/* GitError */.XS ? error.stderr.trim().split('\n').pop() : (0,errors/* errorMessage */.gJ)(error)}): check that it exists and the token can read it.`);
    }
    const git = new src_git/* Git */.TU(dir, env);
    const base = (await git.text(['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'])).replace(/^origin\//, '');
    const pinned = await (0,set/* setPins */.Rz)(dir, options.target, { env });
    if (!pinned.changes.length)
        return { repository, head: await git.text(['rev-parse', 'HEAD']), alreadyPinned: true };
    const { version, sha } = options.target;
    const branch = `gantry/rollout-${version}`;
    await git.run(['switch', '--quiet', '--create', branch]);
    await git.run([
        '-c',
        'user.name=gantry-rollout',
        '-c',
        'user.email=gantry-rollout@users.noreply.github.com',
        'commit',
        '--quiet',
        '--all',
        '--message',
        `Pin Gantry to ${version} (${sha})`,
    ]);
    await git.run(['push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`]);
    const head = await git.text(['rev-parse', 'HEAD']);
    const lines = pinned.changes.map((c) => `- ${c.file}:${c.line}: \`${c.from}\` → \`${c.to}\``);
    const pullUrl = await options.pulls.ensureOpen(repository, {
        head: branch,
        base,
        title: `Gantry ${version}`,
        body: `Rollout of Gantry ${version} (commit ${sha}), after its canary went green: every suite reference pinned by \`gantry pins set\`.\n\n${lines.join('\n')}\n`,
    });
    return { repository, head, url: pullUrl, alreadyPinned: false };
}
/**
 * Opens the pull requests of each wave, then waits for their checks until the wave's deadline
 * (counted from when the wave opened, so waiting on one consumer does not extend another's).
 */
async function rollOutPins(consumers, options) {
    const waves = planWaves(consumers, options.percents);
    const opened = new Map();
    const rows = [];
    const result = await rollout(waves, {
        open: async (repository) => {
            const openedAt = options.clock.now();
            try {
                opened.set(repository, { pull: await options.open(repository), openedAt });
            }
            catch (error) {
                opened.set(repository, { error: (0,errors/* errorMessage */.gJ)(error), openedAt });
            }
        },
        wait: async (repository) => {
            const entry = opened.get(repository);
            const wave = waves.findIndex((w) => w.includes(repository)) + 1;
            let verdict;
            if (!entry.pull)
                verdict = { state: 'red', checks: [], reason: `could not open the pin pull request: ${entry.error}` };
            else {
                const pull = entry.pull;
                verdict = await waitForChecks(() => options.checks.verdict(repository, pull.head), {
                    clock: options.clock,
                    deadlineMs: Math.max(0, entry.openedAt + options.deadlineMs - options.clock.now()),
                    pollMs: options.pollMs,
                });
            }
            rows.push({
                wave,
                repository,
                pull: entry.pull ? (entry.pull.url ?? `already pinned (${entry.pull.head.slice(0, 12)})`) : '—',
                state: verdict.state,
                reason: verdict.reason,
            });
            return verdict;
        },
    });
    for (const repository of result.untouched)
        rows.push({
            wave: waves.findIndex((w) => w.includes(repository)) + 1,
            repository,
            pull: '—',
            state: 'not reached',
            reason: 'the rollout halted before this wave',
        });
    return { ...result, rows };
}

;// CONCATENATED MODULE: ./src/cli/templates-checks.ts






const CHECKS_USAGE = `Usage: gantry templates await-checks --repository owner/name --ref <sha> [--deadline 90m] [--poll 30s]
                                     [--record-on owner/name@<sha>] [--record-name canary]
       gantry templates check-record --repository owner/name --sha <sha> [--name canary]

await-checks waits, up to the deadline, until every check run and commit status on the ref is
green (exit 0) or one is red or the deadline passes (exit 1, naming which and why); with
--record-on it records the outcome there as a completed check run (the canary's record on the
release commit, read with GITHUB_RECORD_TOKEN or GITHUB_TOKEN). check-record exits 0 only when
that commit carries a successful check run of that name. The token is GITHUB_TOKEN; the API is
GITHUB_API_URL (default https://api.github.com).`;
const defaultIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
};
function flags(args, known, usage = CHECKS_USAGE) {
    const out = {};
    for (let i = 0; i < args.length; i++) {
        const name = args[i].replace(/^--/, '');
        if (!args[i].startsWith('--') || !known.includes(name))
            throw new errors/* ConfigurationError */.j1(`Unexpected argument ${JSON.stringify(args[i])}.\n${usage}`);
        const value = args[++i];
        if (value === undefined)
            throw new errors/* ConfigurationError */.j1(`--${name} needs a value.`);
        out[name] = value;
    }
    return out;
}
function duration(flag, value) {
    const m = /^(\d+)(ms|s|m|h)?$/.exec(value.trim());
    if (!m)
        throw new errors/* ConfigurationError */.j1(`--${flag}: got ${JSON.stringify(value)}; expected a duration such as 90m or 30s.`);
    return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's')];
}
function repository(flag, value) {
    if (!value || !REPOSITORY.test(value))
        throw new errors/* ConfigurationError */.j1(`--${flag}: expected owner/name.`);
    return value;
}
function token(env, name = 'GITHUB_TOKEN') {
    const value = env[name] ?? env.GITHUB_TOKEN;
    if (!value)
        throw new errors/* ConfigurationError */.j1(`Set ${name} to a token that can read the checks.`);
    return value;
}
async function awaitChecksCommand(args, env = process.env, io = defaultIo, options = {}) {
    try {
        const f = flags(args, ['repository', 'ref', 'deadline', 'poll', 'record-on', 'record-name']);
        const repo = repository('repository', f.repository);
        if (!f.ref)
            throw new errors/* ConfigurationError */.j1('--ref: give the commit SHA whose checks decide.');
        const record = f['record-on'] ? /^([^@]+)@([0-9a-f]{40})$/.exec(f['record-on']) : undefined;
        if (f['record-on'] && !record)
            throw new errors/* ConfigurationError */.j1('--record-on: expected owner/name@<full commit SHA>.');
        const apiUrl = env.GITHUB_API_URL ?? 'https://api.github.com';
        const http = options.http ?? new net_http/* HttpClient */.Qq();
        const api = new ChecksApi(http, apiUrl, token(env));
        const verdict = await waitForChecks(() => api.verdict(repo, f.ref), {
            clock: options.clock ?? clock/* systemClock */.m,
            deadlineMs: duration('deadline', f.deadline ?? '90m'),
            pollMs: duration('poll', f.poll ?? '30s'),
        });
        io.stdout((0,runtime_text/* markdownTable */.Qj)(['check', 'state', 'detail'], verdict.checks.map((c) => [(0,runtime_text/* escapeMarkdown */.FV)(c.name), c.state, (0,runtime_text/* escapeMarkdown */.FV)(c.detail)])));
        const green = verdict.state === 'green';
        io.stdout(`\n${repo}@${f.ref}: ${verdict.state} — ${verdict.reason}\n`);
        if (record) {
            const recorder = new ChecksApi(http, apiUrl, token(env, 'GITHUB_RECORD_TOKEN'));
            await recorder.recordCheckRun(repository('record-on', record[1]), record[2], {
                name: f['record-name'] ?? 'canary',
                conclusion: green ? 'success' : 'failure',
                title: `${repo}: ${verdict.state}`,
                summary: `${repo}@${f.ref}: ${verdict.reason}`,
            });
            io.stdout(`Recorded ${green ? 'success' : 'failure'} on ${f['record-on']}.\n`);
        }
        return green ? 0 : 1;
    }
    catch (error) {
        io.stderr(`error: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return 2;
    }
}
async function checkRecordCommand(args, env = process.env, io = defaultIo, options = {}) {
    try {
        const f = flags(args, ['repository', 'sha', 'name']);
        const repo = repository('repository', f.repository);
        if (!/^[0-9a-f]{40}$/.test(f.sha ?? ''))
            throw new errors/* ConfigurationError */.j1('--sha: expected a full commit SHA.');
        const name = f.name ?? 'canary';
        const api = new ChecksApi(options.http ?? new net_http/* HttpClient */.Qq(), env.GITHUB_API_URL ?? 'https://api.github.com', token(env));
        const { runs, ok } = await api.record(repo, f.sha, name);
        io.stdout(ok
            ? `${repo}@${f.sha} carries a successful '${name}' check run.\n`
            : `::error title=${name}::${repo}@${f.sha} has no successful '${name}' check run (${runs.length ? runs.map((r) => r.conclusion ?? r.status).join(', ') : 'none'}): run the canary first.\n`);
        return ok ? 0 : 1;
    }
    catch (error) {
        io.stderr(`error: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return 2;
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/local-runner/step-groups.ts
var step_groups = __webpack_require__(5205);
// EXTERNAL MODULE: ./src/local-runner/expressions.ts + 30 modules
var expressions = __webpack_require__(7457);
;// CONCATENATED MODULE: ./src/templates/gates.ts

const emptied = (value, before) => before.trim() !== '' && value.trim() === '';
const SWITCHES = {
    'actions/quarantine': [
        { input: 'mode', off: (v) => v.trim() === 'report', says: 'mode: report never fails' },
    ],
    'action-templates/test-with-quarantine': [
        { input: 'mode', off: (v) => v.trim() === 'report', says: 'mode: report never fails' },
    ],
    'actions/promote': [
        { input: 'dry-run', off: (v) => v.trim() === 'true', says: 'dry-run: true promotes nothing it checks' },
        { input: 'require', off: emptied, says: 'require emptied: referrers no longer required', keyed: true },
        {
            input: 'expected-digest',
            off: emptied,
            says: 'expected-digest emptied: the digest is not checked',
            keyed: true,
        },
    ],
    'action-templates/promote-environment': [
        { input: 'dry-run', off: (v) => v.trim() === 'true', says: 'dry-run: true' },
        { input: 'require', off: emptied, says: 'require emptied: referrers no longer required', keyed: true },
    ],
    'actions/vault-secrets': [
        {
            input: 'revoke',
            off: (v) => v.trim() === 'false',
            says: 'revoke: false leaves the token and leases alive',
        },
    ],
};
const SUITE_USES = /^(?:\.\/|[\w.-]+\/[\w.-]+\/)((?:actions|action-templates)\/[\w.-]+)(?:@.*)?$/;
function suiteTarget(uses) {
    return uses ? SUITE_USES.exec(uses.trim())?.[1] : undefined;
}
function findGates(version) {
    const gates = [];
    for (const step of version.steps) {
        const target = suiteTarget(step.uses);
        const label = `${step.id ?? ''} ${step.name ?? ''}`;
        if (step.run !== undefined && /\btests?\b/i.test(label))
            gates.push({ kind: 'tests', target: 'run', step });
        else if (target === 'action-templates/test-with-quarantine')
            gates.push({ kind: 'tests', target, step });
        else if (target === 'actions/quarantine')
            gates.push({ kind: 'quarantine', target, step });
        else if (target === 'actions/promote' &&
            step.with &&
            ('expected-digest' in step.with || 'require' in step.with))
            gates.push({ kind: 'promote', target, step });
        else if (target === 'action-templates/promote-environment')
            gates.push({ kind: 'promote', target, step });
        else if (target === 'actions/vault-secrets' || target === 'action-templates/deploy-with-secrets')
            gates.push({ kind: 'secret revoke', target, step });
    }
    return gates;
}
const CONSTANT_FALSE = /^\s*(?:\$\{\{\s*)?(?:false|0|''|""|null)(?:\s*\}\})?\s*$/i;
function constantFalse(condition) {
    return (condition === false ||
        condition === 0 ||
        (typeof condition === 'string' && CONSTANT_FALSE.test(condition)));
}
/** The `if:` with the version's input defaults and nothing else known; undefined when it cannot tell. */
function withDefaults(condition, version) {
    if (condition === undefined || condition === null)
        return true;
    if (typeof condition === 'boolean')
        return condition;
    const inputs = Object.fromEntries(Object.entries(version.metadata.inputs).map(([k, v]) => [k, v.default ?? '']));
    try {
        return (0,expressions/* evaluateCondition */.F9)(String(condition), { inputs, steps: {}, github: {}, env: {} }, {
            failed: false,
            cancelled: false,
        });
    }
    catch {
        return undefined;
    }
}
function continuesOnError(value) {
    if (value === undefined || value === null || value === false)
        return false;
    return String(value).trim() !== 'false';
}
/** A `with:` value as the gate sees it: `${{ inputs.x }}` is the template's default of x. */
function effective(step, input, version, all, target) {
    const written = step.with?.[input];
    if (written === undefined || written === null)
        return all.get(target)?.metadata.inputs[input]?.default ?? '';
    const text = String(written);
    const ref = /^\s*\$\{\{\s*inputs\.([\w-]+)\s*\}\}\s*$/.exec(text);
    if (ref)
        return version.metadata.inputs[ref[1]]?.default ?? '';
    return text;
}
const describeGate = (gate) => `${gate.kind} (${gate.step.id ? `step '${gate.step.id}'` : gate.step.name ? `'${gate.step.name}'` : 'unnamed step'}${gate.target === 'run' ? '' : `, ${gate.target}`})`;
function gateChanges(path, before, after, allBefore = new Map(), allAfter = new Map()) {
    const changes = [];
    const flag = (kind, name, detail) => changes.push({ action: path, kind, name, detail, breaking: true });
    // The action's own post step (vault-secrets revokes there).
    const oldRuns = before.metadata.runs;
    const newRuns = after.metadata.runs;
    if (oldRuns.post && !newRuns.post)
        flag('gate-removed', 'post', 'the post step is gone (secret revoke, cleanup)');
    else if (oldRuns.post && (oldRuns['post-if'] ?? 'always()') !== (newRuns['post-if'] ?? 'always()'))
        flag('gate-disabled', 'post', `post-if ${oldRuns['post-if'] ?? 'always()'} → ${newRuns['post-if'] ?? 'always()'}`);
    // An action's own default that switches it off (quarantine mode, vault-secrets revoke…).
    for (const sw of SWITCHES[path] ?? []) {
        if (!path.startsWith('actions/'))
            continue;
        const was = before.metadata.inputs[sw.input]?.default ?? '';
        const is = after.metadata.inputs[sw.input]?.default ?? '';
        if (sw.off(is, was) && !sw.off(was, was))
            flag('gate-disabled', sw.input, `default ${sw.says}`);
    }
    const newGates = findGates(after);
    const used = new Set();
    for (const gate of findGates(before)) {
        // The same gate in the new version: same kind and target, the same id when it had one.
        const match = newGates.find((g) => !used.has(g) && g.kind === gate.kind && g.target === gate.target && g.step.id === gate.step.id) ?? newGates.find((g) => !used.has(g) && g.kind === gate.kind && g.target === gate.target);
        if (!match) {
            flag('gate-removed', describeGate(gate), `${gate.kind} gate dropped`);
            continue;
        }
        used.add(match);
        const name = describeGate(match);
        if (constantFalse(match.step.if) && !constantFalse(gate.step.if))
            flag('gate-disabled', name, `if: ${String(match.step.if)} never runs it`);
        else if (withDefaults(match.step.if, after) === false && withDefaults(gate.step.if, before) === true)
            flag('gate-disabled', name, `if: ${String(match.step.if)} is false with the default inputs`);
        if (continuesOnError(match.step['continue-on-error']) &&
            !continuesOnError(gate.step['continue-on-error']))
            flag('gate-disabled', name, `continue-on-error: ${String(match.step['continue-on-error'])} ignores its failure`);
        for (const sw of SWITCHES[match.target] ?? []) {
            if (sw.keyed &&
                gate.step.with &&
                sw.input in gate.step.with &&
                !(match.step.with && sw.input in match.step.with)) {
                flag('gate-disabled', name, `with: ${sw.input} removed`);
                continue;
            }
            const was = effective(gate.step, sw.input, before, allBefore, gate.target);
            const is = effective(match.step, sw.input, after, allAfter, match.target);
            if (sw.off(is, was) && !sw.off(was, was))
                flag('gate-disabled', name, sw.says);
        }
    }
    return changes;
}

;// CONCATENATED MODULE: ./src/templates/contract.ts






const ACTION_FILE = /^(actions|action-templates)\/([^/]+)\/action\.ya?ml$/;
/** Every action.yml of actions/ and action-templates/ at a git ref, read through src/git. */
async function readInterfaces(git, ref) {
    if (!(await git.succeeds(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])))
        throw new errors/* ConfigurationError */.j1(`'${ref}' is not a commit in ${git.cwd}; give a tag, branch or SHA.`);
    const listing = await git.run([
        'ls-tree',
        '-r',
        '-z',
        '--name-only',
        ref,
        '--',
        'actions',
        'action-templates',
    ]);
    const versions = new Map();
    const problems = [];
    for (const raw of (0,src_git/* splitNul */.K5)(listing.stdout)) {
        const file = raw.toString('utf8');
        const match = ACTION_FILE.exec(file);
        if (!match)
            continue;
        const path = `${match[1]}/${match[2]}`;
        const text = (await git.run(['cat-file', 'blob', `${ref}:${file}`])).stdout.toString('utf8');
        try {
            versions.set(path, parseVersion(path, text, `${ref}:${file}`));
        }
        catch (error) {
            problems.push({
                action: path,
                kind: 'unreadable',
                name: file,
                detail: `${ref}:${file} cannot be read: ${(0,errors/* errorMessage */.gJ)(error)}`,
                breaking: true,
            });
        }
    }
    return { versions, problems };
}
function parseVersion(path, text, source) {
    const metadata = (0,runtime_metadata/* parseActionMetadata */.ju)(text, source);
    const doc = (0,dist/* parse */.qg)(text);
    const steps = (0,step_groups/* flattenSteps */.g)(doc.runs?.steps, source).map(({ step }) => step);
    return { path, metadata, steps };
}
/** Descriptions compared loosely: case, spacing and a final full stop do not make another input. */
function sameText(a, b) {
    const norm = (s) => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
    return norm(a) !== '' && norm(a) === norm(b);
}
/**
 * Renames among inputs (or outputs) removed and added in one version. A removed and an added name
 * are one renamed input when their descriptions are the same text (case, spacing and a final full
 * stop aside); failing that, when both have the same non-empty default and the same `required`,
 * and that pair is the only one of that default. Each name takes part in at most one rename.
 */
function findRenames(removed, added) {
    const renames = [];
    const taken = new Set();
    for (const [old, spec] of removed) {
        const match = [...added].find(([name, s]) => !taken.has(name) && sameText(spec.description, s.description));
        if (match) {
            renames.push([old, match[0], 'description']);
            taken.add(match[0]);
        }
    }
    const renamed = new Set(renames.map(([old]) => old));
    for (const [old, spec] of removed) {
        if (renamed.has(old) || spec.default === undefined || spec.default === '')
            continue;
        const same = (s) => s.default === spec.default && Boolean(s.required) === Boolean(spec.required);
        const candidates = [...added].filter(([name, s]) => !taken.has(name) && same(s));
        const rivals = [...removed].filter(([name, s]) => !renamed.has(name) && same(s));
        if (candidates.length === 1 && rivals.length === 1) {
            renames.push([old, candidates[0][0], 'default']);
            taken.add(candidates[0][0]);
        }
    }
    return renames;
}
const requiredWithoutDefault = (spec) => spec.required && (spec.default === undefined || spec.default === '');
/** The interface changes of one action or template between two versions. */
function interfaceChanges(path, before, after) {
    const changes = [];
    const add = (kind, name, detail, breaking) => changes.push({ action: path, kind, name, detail, breaking });
    const oldInputs = before.metadata.inputs;
    const newInputs = after.metadata.inputs;
    const removed = new Map(Object.entries(oldInputs).filter(([name]) => !(name in newInputs)));
    const added = new Map(Object.entries(newInputs).filter(([name]) => !(name in oldInputs)));
    for (const [old, renamed, by] of findRenames(removed, added)) {
        add('input-renamed', `${old} → ${renamed}`, `same ${by}; a caller's with: ${old} is no longer read`, true);
        removed.delete(old);
        added.delete(renamed);
    }
    for (const name of removed.keys())
        add('input-removed', name, `a caller's with: ${name} is no longer read`, true);
    for (const [name, spec] of added) {
        const breaking = requiredWithoutDefault(spec);
        add('input-added', name, breaking ? 'required, without a default: every caller must now pass it' : 'optional', breaking);
    }
    for (const [name, spec] of Object.entries(newInputs)) {
        const old = oldInputs[name];
        if (!old)
            continue;
        if (requiredWithoutDefault(spec) && !requiredWithoutDefault(old))
            add('input-now-required', name, 'required without a default: callers that omitted it fail', true);
        if ((old.default ?? '') !== (spec.default ?? ''))
            add('input-default-changed', name, `default ${JSON.stringify(old.default ?? '')} → ${JSON.stringify(spec.default ?? '')}: callers that omit it change behaviour`, true);
    }
    const oldOutputs = new Map(Object.entries(before.metadata.outputs).map(([k, v]) => [k, v ?? {}]));
    const newOutputs = new Map(Object.entries(after.metadata.outputs).map(([k, v]) => [k, v ?? {}]));
    const goneOutputs = new Map([...oldOutputs].filter(([name]) => !newOutputs.has(name)));
    const newOnes = new Map([...newOutputs].filter(([name]) => !oldOutputs.has(name)));
    for (const [old, renamed] of findRenames(goneOutputs, newOnes)) {
        add('output-renamed', `${old} → ${renamed}`, `steps.<id>.outputs.${old} reads empty`, true);
        goneOutputs.delete(old);
        newOnes.delete(renamed);
    }
    for (const name of goneOutputs.keys())
        add('output-removed', name, `steps.<id>.outputs.${name} reads empty`, true);
    for (const name of newOnes.keys())
        add('output-added', name, 'new output', false);
    return changes;
}
/** The whole contract between two sets of versions: interfaces and gates. */
function compareVersions(before, after) {
    const changes = [];
    for (const [path, old] of [...before].sort(([a], [b]) => a.localeCompare(b))) {
        const fresh = after.get(path);
        if (!fresh) {
            changes.push({
                action: path,
                kind: 'action-removed',
                name: path,
                detail: 'callers that use it fail',
                breaking: true,
            });
            continue;
        }
        changes.push(...interfaceChanges(path, old, fresh), ...gateChanges(path, old, fresh, before, after));
    }
    for (const path of [...after.keys()].sort())
        if (!before.has(path))
            changes.push({ action: path, kind: 'action-added', name: path, detail: 'new', breaking: false });
    return changes;
}
async function contractBetween(git, from, to) {
    const old = await readInterfaces(git, from);
    const fresh = await readInterfaces(git, to);
    const changes = [...fresh.problems, ...compareVersions(old.versions, fresh.versions)];
    return { from, to, changes, breaking: changes.some((c) => c.breaking) };
}
const RELEASE_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
function parseRelease(tag) {
    const m = RELEASE_TAG.exec(tag);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}
/**
 * Whether a release may carry breaking changes: only a major bump may; below 1.0.0 a minor bump
 * is the major one (semver's 0.y rule, as npm's caret ranges read it), a patch never.
 */
function breakingAllowed(previous, release) {
    const a = parseRelease(previous);
    const b = parseRelease(release);
    if (!a || !b)
        throw new errors/* ConfigurationError */.j1(`Not release tags: ${previous}, ${release} (expected vX.Y.Z).`);
    const bump = b[0] !== a[0] ? 'major' : b[1] !== a[1] ? 'minor' : b[2] !== a[2] ? 'patch' : 'none';
    return { bump, allowed: bump === 'major' || (a[0] === 0 && bump === 'minor') };
}
/** The highest release tag below `release` in the repository, the one a release is compared with. */
async function previousRelease(git, release) {
    const mine = parseRelease(release);
    if (!mine)
        throw new errors/* ConfigurationError */.j1(`--release ${JSON.stringify(release)}: expected a tag such as v1.4.2.`);
    const tags = (await git.text(['tag', '--list', 'v*'])).split('\n').filter(Boolean);
    const below = tags
        .map((tag) => [tag, parseRelease(tag)])
        .filter((entry) => entry[1] !== undefined)
        .filter(([, v]) => compare(v, mine) < 0)
        .sort(([, x], [, y]) => compare(y, x));
    return below[0]?.[0];
}
function compare(a, b) {
    return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

;// CONCATENATED MODULE: ./src/cli/templates-contract.ts





const CONTRACT_USAGE = `Usage: gantry templates contract [--from <git ref>] [--to <git ref>] [--release vX.Y.Z] [--repo dir] [--json]

Compares the interface (inputs, outputs) and the gates (tests, quarantine, promote's checks, the
secret revoke) of every action and template between two versions read from git. Exit 1 when a
change is breaking and not allowed: without --release never; with --release vX.Y.Z only a major
bump (a minor one below v1.0.0) may break. --from defaults to the highest release tag below
--release; --to defaults to HEAD.`;
function parseContractArgs(args, cwd = process.cwd()) {
    const parsed = { to: 'HEAD', repo: cwd, json: false };
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const value = () => {
            const v = args[++i];
            if (v === undefined || v.startsWith('--'))
                throw new errors/* ConfigurationError */.j1(`${arg} needs a value.`);
            return v;
        };
        if (arg === '--from')
            parsed.from = value();
        else if (arg === '--to')
            parsed.to = value();
        else if (arg === '--release')
            parsed.release = value();
        else if (arg === '--repo')
            parsed.repo = (0,external_node_path_.resolve)(cwd, value());
        else if (arg === '--json')
            parsed.json = true;
        else
            throw new errors/* ConfigurationError */.j1(`Unexpected argument ${JSON.stringify(arg)}.\n${CONTRACT_USAGE}`);
    }
    for (const ref of [parsed.from, parsed.to])
        if (ref?.startsWith('-'))
            throw new errors/* ConfigurationError */.j1(`Not a git ref: ${JSON.stringify(ref)}.`);
    if (!parsed.from && !parsed.release)
        throw new errors/* ConfigurationError */.j1(`Give --from or --release.\n${CONTRACT_USAGE}`);
    return parsed;
}
function contractTable(report) {
    if (!report.changes.length)
        return `No interface or gate change between ${report.from} and ${report.to}.\n`;
    const rows = report.changes.map((c) => [
        (0,runtime_text/* escapeMarkdown */.FV)(c.action),
        c.kind,
        (0,runtime_text/* escapeMarkdown */.FV)(c.name),
        c.breaking ? '**breaking**' : 'compatible',
        (0,runtime_text/* escapeMarkdown */.FV)(c.detail),
    ]);
    return (0,runtime_text/* markdownTable */.Qj)(['action', 'change', 'name', 'class', 'detail'], rows);
}
async function contractCommand(args) {
    let options;
    try {
        options = parseContractArgs(args);
    }
    catch (error) {
        process.stderr.write(`error: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return 2;
    }
    try {
        const git = new src_git/* Git */.TU(options.repo);
        const from = options.from ?? (await previousRelease(git, options.release));
        if (!from) {
            process.stdout.write(`No release tag below ${options.release}: nothing to compare with, no contract to keep.\n`);
            return 0;
        }
        const report = await contractBetween(git, from, options.to);
        const verdict = options.release ? breakingAllowed(from, options.release) : undefined;
        const refused = report.breaking && !verdict?.allowed;
        if (options.json) {
            process.stdout.write(`${JSON.stringify({ ...report, release: options.release, bump: verdict?.bump, refused }, null, 2)}\n`);
        }
        else {
            process.stdout.write(`Contract ${from} → ${options.to}${options.release ? ` (release ${options.release}, a ${verdict.bump} bump)` : ''}\n\n`);
            process.stdout.write(contractTable(report));
            if (refused && options.release)
                process.stdout.write(`\n::error title=contract::${options.release} is a ${verdict.bump} release of ${from} but breaks the contract (${report.changes.filter((c) => c.breaking).length} breaking change(s)); release it as a major version or restore the interface and gates.\n`);
            else if (refused)
                process.stdout.write('\nBreaking changes found.\n');
            else if (report.breaking)
                process.stdout.write(`\nBreaking changes, allowed by the ${verdict.bump} bump.\n`);
        }
        return refused ? 1 : 0;
    }
    catch (error) {
        process.stderr.write(`error: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return 2;
    }
}

;// CONCATENATED MODULE: ./src/cli/templates-rollout.ts










const ROLLOUT_USAGE = `Usage: gantry templates rollout --release owner/name@<sha> --version vX.Y.Z --consumers <file>
                              [--waves 10,50,100] [--deadline 90m] [--poll 30s] [--work <dir>]

Rolls a released version out to the consumer repositories listed in <file> (owner/name per line),
after its canary: the release commit must carry a successful 'canary' check run (canary.yml records
it). The suite whose references are pinned is the release repository. Each wave's consumers get a pin pull request (gantry pins set to the release commit, branch
gantry/rollout-<version>); the next wave starts only when every consumer of this one is green
(check runs and commit statuses, read through the API, before the deadline). The first red, late or
unreachable consumer halts the rollout; the table says which and why. Exit 0 when every consumer is
green, 1 when the rollout halted or the canary record is missing, 2 on bad arguments.

GITHUB_TOKEN: contents: write, pull-requests: write, checks: read and statuses: read on the consumers.
GITHUB_RECORD_TOKEN (default GITHUB_TOKEN): checks: read on the release repository.
GITHUB_API_URL and GITHUB_SERVER_URL name the host (default github.com).`;
const SEMVER = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
function percents(value) {
    const list = value.split(',').map((p) => p.trim());
    if (list.some((p) => !/^\d+$/.test(p)))
        throw new errors/* ConfigurationError */.j1(`--waves: got ${JSON.stringify(value)}; expected percentages such as 10,50,100.`);
    return list.map(Number);
}
async function rolloutCommand(args, env = process.env, io = defaultIo, options = {}) {
    let consumers;
    let release;
    let version;
    let f;
    let waves;
    try {
        f = flags(args, ['release', 'version', 'consumers', 'waves', 'deadline', 'poll', 'work'], ROLLOUT_USAGE);
        const at = /^([^@]+)@([0-9a-f]{40})$/.exec(f.release ?? '');
        if (!at)
            throw new errors/* ConfigurationError */.j1('--release: expected owner/name@<full commit SHA> of the release.');
        release = { repository: repository('release', at[1]), sha: at[2] };
        version = f.version ?? '';
        if (!SEMVER.test(version))
            throw new errors/* ConfigurationError */.j1(`--version: got ${JSON.stringify(version)}; expected a release tag such as v1.4.2.`);
        if (!f.consumers)
            throw new errors/* ConfigurationError */.j1('--consumers: give the file listing owner/name per line.');
        const file = (0,external_node_path_.resolve)(f.consumers);
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(file, 'utf8');
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`--consumers: cannot read ${f.consumers} (${(0,errors/* errorMessage */.gJ)(error)}).`);
        }
        consumers = parseConsumers(text, f.consumers);
        waves = percents(f.waves ?? '10,50,100');
        try {
            planWaves(consumers, waves);
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`--${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    catch (error) {
        io.stderr(`error: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return 2;
    }
    try {
        const http = options.http ?? new net_http/* HttpClient */.Qq();
        const apiUrl = env.GITHUB_API_URL ?? 'https://api.github.com';
        const recordReader = new ChecksApi(http, apiUrl, token(env, 'GITHUB_RECORD_TOKEN'));
        const canary = await recordReader.record(release.repository, release.sha, 'canary');
        if (!canary.ok) {
            io.stdout(`::error title=rollout::${release.repository}@${release.sha} has no successful 'canary' check run: run the canary (canary.yml) first; nothing was rolled out.\n`);
            return 1;
        }
        const consumerToken = token(env);
        const pulls = new PullRequestsApi(http, apiUrl, consumerToken);
        const workDir = f.work ? (0,external_node_path_.resolve)(f.work) : (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'gantry-rollout-'));
        const result = await rollOutPins(consumers, {
            percents: waves,
            open: (consumer) => openPinPullRequest(consumer, {
                serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
                token: consumerToken,
                target: { suite: release.repository, version, sha: release.sha },
                workDir,
                pulls,
                env,
            }),
            checks: new ChecksApi(http, apiUrl, consumerToken),
            clock: options.clock ?? clock/* systemClock */.m,
            deadlineMs: duration('deadline', f.deadline ?? '90m'),
            pollMs: duration('poll', f.poll ?? '30s'),
        });
        io.stdout(`### Rollout of Gantry ${version}\n\n`);
        io.stdout((0,runtime_text/* markdownTable */.Qj)(['wave', 'repository', 'pull request', 'state', 'why'], result.rows.map((r) => [
            String(r.wave),
            r.repository,
            (0,runtime_text/* escapeMarkdown */.FV)(r.pull),
            r.state,
            (0,runtime_text/* escapeMarkdown */.FV)(r.reason),
        ])));
        if (result.halted) {
            const { consumer, wave, verdict } = result.halted;
            io.stdout(`\n::error title=rollout::halted in wave ${wave} at ${consumer}: ${verdict.state} — ${(0,runtime_text/* oneLine */.TN)(verdict.reason)}. ${result.untouched.length} consumer(s) not reached.\n`);
            return 1;
        }
        io.stdout(`\nEvery consumer is green on ${version} (${consumers.length} in ${result.green.length} wave(s)).\n`);
        return 0;
    }
    catch (error) {
        io.stderr(`error: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return 2;
    }
}

// EXTERNAL MODULE: ./src/pins/repo-files.ts
var repo_files = __webpack_require__(4924);
// EXTERNAL MODULE: ./src/pins/uses.ts
var pins_uses = __webpack_require__(5754);
// EXTERNAL MODULE: ./src/pins/yaml-refs.ts
var yaml_refs = __webpack_require__(3084);
;// CONCATENATED MODULE: ./src/templates/verify.ts











/** The consumers file: one checkout per line, relative to the file; blank lines and # comments skipped. */
function readConsumersFile(file) {
    const base = (0,external_node_path_.resolve)(file, '..');
    return (0,external_node_fs_.readFileSync)(file, 'utf8')
        .split(/\r?\n/)
        .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
        .filter(Boolean)
        .map((line) => (0,external_node_path_.resolve)(base, line));
}
const SUITE_PATH = /^(actions|action-templates)\/[\w.-]+$/;
/** Outputs named like `<filter>` stand for every name of that shape (the changes action). */
function declaresOutput(metadata, name) {
    return Object.keys(metadata.outputs).some((declared) => {
        if (!declared.includes('<'))
            return declared === name;
        const parts = declared.split(/<[^>]+>/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        return new RegExp(`^${parts.join('.+')}$`).test(name);
    });
}
/** Every string in a value, for the `steps.<id>.outputs.<name>` reads of a job. */
function strings(value, out = []) {
    if (typeof value === 'string')
        out.push(value);
    else if (Array.isArray(value))
        for (const item of value)
            strings(item, out);
    else if (value && typeof value === 'object')
        for (const item of Object.values(value))
            strings(item, out);
    return out;
}
function checkJob(suiteRoot, suite, file, jobName, steps, readsFrom) {
    const checks = [];
    const byId = new Map();
    let usesTemplate = false;
    steps.forEach((step, index) => {
        if (typeof step.uses !== 'string')
            return;
        const ref = (0,pins_uses/* parseUses */.Ap)(step.uses);
        if (!(0,pins_uses/* isSuiteRef */.mw)(ref, suite) || !ref.path || !SUITE_PATH.test(ref.path))
            return;
        if (ref.path.startsWith('action-templates/'))
            usesTemplate = true;
        const check = {
            file,
            job: jobName,
            step: step.id ?? step.name ?? `step ${index + 1}`,
            uses: step.uses,
            problems: [],
        };
        checks.push(check);
        const actionFile = (0,external_node_path_.join)(suiteRoot, ref.path, 'action.yml');
        if (!(0,external_node_fs_.existsSync)(actionFile)) {
            check.problems.push(`${ref.path} does not exist at the new version`);
            return;
        }
        const metadata = (0,runtime_metadata/* parseActionMetadata */.ju)((0,external_node_fs_.readFileSync)(actionFile, 'utf8'), actionFile);
        const given = Object.keys(step.with ?? {});
        for (const input of given)
            if (!(input in metadata.inputs))
                check.problems.push(`with: ${input} is not an input any more`);
        for (const [input, spec] of Object.entries(metadata.inputs))
            if (spec.required && !spec.default && !given.includes(input))
                check.problems.push(`input ${input} is required and not given`);
        if (step.id)
            byId.set(step.id, { metadata, check });
    });
    for (const text of strings(readsFrom)) {
        for (const match of text.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
            const target = byId.get(match[1]);
            if (target && !declaresOutput(target.metadata, match[2])) {
                const problem = `steps.${match[1]}.outputs.${match[2]} is not an output any more`;
                if (!target.check.problems.includes(problem))
                    target.check.problems.push(problem);
            }
        }
    }
    return { checks, usesTemplate };
}
/**
 * A job that calls one of the suite's reusable workflows (`jobs.<id>.uses: …/.github/workflows/x.yml@…`):
 * its `with:` against the new version's `on.workflow_call.inputs`, and `needs.<id>.outputs.*` reads
 * are left to GitHub (they go through the caller's own job outputs).
 */
function checkWorkflowCall(suiteRoot, suite, file, jobName, uses, job) {
    const ref = (0,pins_uses/* parseUses */.Ap)(uses);
    if (!(0,pins_uses/* isSuiteRef */.mw)(ref, suite) || !ref.path?.startsWith('.github/workflows/'))
        return undefined;
    const check = { file, job: jobName, step: '(reusable workflow)', uses, problems: [] };
    const path = (0,external_node_path_.join)(suiteRoot, ref.path);
    if (!(0,external_node_fs_.existsSync)(path)) {
        check.problems.push(`${ref.path} does not exist at the new version`);
        return check;
    }
    const doc = (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(path, 'utf8'));
    const inputs = doc?.on?.workflow_call?.inputs;
    if (!doc?.on?.workflow_call) {
        check.problems.push(`${ref.path} is not a reusable workflow any more (no on.workflow_call)`);
        return check;
    }
    const given = Object.keys(job.with ?? {});
    for (const input of given)
        if (!inputs || !(input in inputs))
            check.problems.push(`with: ${input} is not an input any more`);
    for (const [input, spec] of Object.entries(inputs ?? {}))
        if (spec?.required && spec.default === undefined && !given.includes(input))
            check.problems.push(`input ${input} is required and not given`);
    return check;
}
/** A job's steps as one composite action the local runner can run: shells made explicit. */
function jobAsComposite(job, steps, name) {
    const shell = job.defaults?.run?.shell ?? 'bash';
    const workingDirectory = job.defaults?.run?.['working-directory'];
    const composite = steps.map((step) => step.run === undefined
        ? step
        : {
            ...step,
            shell: step.shell ?? shell,
            ...(workingDirectory && !step['working-directory']
                ? { 'working-directory': workingDirectory }
                : {}),
        });
    return (0,dist/* stringify */.As)({ name, description: `job ${name}`, runs: { using: 'composite', steps: composite } });
}
async function runJob(options, consumer, file, jobName, job, steps, suite) {
    const result = { file, job: jobName, ok: false, failed: [], stubbed: [] };
    const scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'gantry-verify-'));
    try {
        // The job runs in a copy: its run: steps may write to the checkout.
        const workspace = (0,external_node_path_.join)(scratch, 'workspace');
        (0,external_node_fs_.cpSync)(consumer, workspace, { recursive: true });
        const templateDir = (0,external_node_path_.join)(scratch, 'job');
        const stubs = {};
        for (const step of steps) {
            if (typeof step.uses !== 'string' || step.uses.startsWith('./'))
                continue;
            const ref = (0,pins_uses/* parseUses */.Ap)(step.uses);
            if ((0,pins_uses/* isSuiteRef */.mw)(ref, suite) && ref.path && SUITE_PATH.test(ref.path))
                continue;
            const key = step.uses.startsWith('docker://') ? step.uses : step.uses.replace(/@.*$/, '');
            stubs[key] = options.stubs?.[key] ?? options.stubs?.[key.split('/').slice(0, 2).join('/')] ?? {};
        }
        (0,external_node_fs_.mkdirSync)(templateDir);
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(templateDir, 'action.yml'), jobAsComposite(job, steps, jobName));
        const runnerTemp = (0,external_node_path_.join)(scratch, 'temp');
        const event = {
            name: 'push',
            payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
        };
        const jobEnv = Object.fromEntries(Object.entries(job.env ?? {}).map(([k, v]) => [k, String(v)]));
        (0,external_node_fs_.mkdirSync)(runnerTemp, { recursive: true });
        const report = await (0,local_runner/* runComposite */.V_)({
            templateDir,
            inputs: {},
            env: (0,local_runner/* runnerEnvironment */.iU)({ runnerTemp, workspace, event, env: { ...options.env, ...jobEnv } }),
            event,
            workspace,
            runnerTemp,
            suiteRoot: options.suiteRoot,
            stubs,
            showOutputs: false,
            log: options.log,
            timeoutMs: options.timeoutMs,
        });
        result.ok = report.ok;
        result.failed = report.steps
            .filter((s) => s.conclusion === 'failure')
            .map((s) => `${s.name}${s.error ? `: ${s.error}` : ''}`);
        result.stubbed = report.stubbed;
    }
    catch (error) {
        result.error = (0,errors/* errorMessage */.gJ)(error);
    }
    finally {
        (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
    }
    return result;
}
/** One consumer: its references checked, its template-using jobs run. Never throws. */
async function verifyConsumer(consumer, options) {
    const suite = options.suite ?? 'acme/gantry';
    const report = { consumer, references: [], runs: [] };
    let files;
    try {
        files = (await (0,repo_files.listRepoFiles)(consumer)).files;
    }
    catch (error) {
        report.unreadable = (0,errors/* errorMessage */.gJ)(error);
        return report;
    }
    for (const file of files) {
        const role = (0,yaml_refs/* yamlRole */.m)(file.path);
        if (!role)
            continue;
        let doc;
        try {
            doc = (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(file.abs, 'utf8'));
        }
        catch (error) {
            report.references.push({
                file: file.path,
                job: '',
                step: '',
                uses: '',
                problems: [`not readable YAML: ${(0,errors/* errorMessage */.gJ)(error).split('\n')[0]}`],
            });
            continue;
        }
        if (!doc || typeof doc !== 'object')
            continue;
        const jobs = role === 'workflow' ? Object.entries(doc.jobs ?? {}) : [['(composite)', { steps: doc.runs?.steps }]];
        for (const [jobName, job] of jobs) {
            if (!job || typeof job !== 'object')
                continue;
            const called = job.uses;
            if (role === 'workflow' && typeof called === 'string') {
                const check = checkWorkflowCall(options.suiteRoot, suite, file.path, jobName, called, job);
                if (check)
                    report.references.push(check);
                continue;
            }
            let steps;
            try {
                steps = (0,step_groups/* flattenSteps */.g)(job.steps, `${file.path} ${jobName}`).map(({ step }) => step);
            }
            catch (error) {
                report.references.push({
                    file: file.path,
                    job: jobName,
                    step: '',
                    uses: '',
                    problems: [(0,errors/* errorMessage */.gJ)(error)],
                });
                continue;
            }
            const { checks, usesTemplate } = checkJob(options.suiteRoot, suite, file.path, jobName, steps, job);
            report.references.push(...checks);
            if (usesTemplate && role === 'workflow' && options.run !== false)
                report.runs.push(await runJob(options, consumer, file.path, jobName, job, steps, suite));
        }
    }
    return report;
}
async function verifyConsumers(consumers, options) {
    const reports = [];
    for (const consumer of consumers)
        reports.push(await verifyConsumer(consumer, options));
    return reports;
}
function consumerOk(report) {
    return (!report.unreadable &&
        report.references.every((r) => r.problems.length === 0) &&
        report.runs.every((r) => r.ok && !r.error));
}

;// CONCATENATED MODULE: ./src/cli/templates-verify.ts






const VERIFY_USAGE = `Usage: gantry templates verify --consumers <file> [--suite <dir>] [--suite-repo owner/name]
                               [--stub owner/action=outputs.json …] [--no-run] [--json]

Checks a new version of the suite (the checkout at --suite, default this CLI's own) against its
consumers: the file lists local checkouts of service repositories, one per line (relative to the
file; # comments). For each, every step that uses the suite's actions or templates is checked
(with: keys, required inputs, steps.<id>.outputs.* reads), and every job that uses a template runs
in the local runner at the new version, third-party actions stubbed (with the outputs of --stub,
or none) and listed. A consumer that cannot be read is reported; the others still run.
Exit 0 when every consumer passes, 1 when one does not, 2 on a usage error.`;
function parseVerifyArgs(args, cwd = process.cwd()) {
    const parsed = { consumers: '', stubs: {}, run: true, json: false };
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const value = () => {
            const v = args[++i];
            if (v === undefined)
                throw new errors/* ConfigurationError */.j1(`${arg} needs a value.`);
            return v;
        };
        if (arg === '--consumers')
            parsed.consumers = (0,external_node_path_.resolve)(cwd, value());
        else if (arg === '--suite')
            parsed.suiteRoot = (0,external_node_path_.resolve)(cwd, value());
        else if (arg === '--suite-repo')
            parsed.suite = value();
        else if (arg === '--no-run')
            parsed.run = false;
        else if (arg === '--json')
            parsed.json = true;
        else if (arg === '--stub') {
            const pair = value();
            const eq = pair.indexOf('=');
            if (eq <= 0)
                throw new errors/* ConfigurationError */.j1(`--stub expects owner/action=outputs.json; got ${JSON.stringify(pair)}.`);
            let outputs;
            try {
                outputs = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(cwd, pair.slice(eq + 1)), 'utf8'));
            }
            catch (error) {
                throw new errors/* ConfigurationError */.j1(`--stub ${pair}: cannot read it as JSON (${(0,errors/* errorMessage */.gJ)(error)}).`);
            }
            if (!outputs || typeof outputs !== 'object' || Array.isArray(outputs))
                throw new errors/* ConfigurationError */.j1(`--stub ${pair}: the file must hold a JSON object of outputs.`);
            parsed.stubs[pair.slice(0, eq)] = Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
        }
        else
            throw new errors/* ConfigurationError */.j1(`Unexpected argument ${JSON.stringify(arg)}.\n${VERIFY_USAGE}`);
    }
    if (!parsed.consumers)
        throw new errors/* ConfigurationError */.j1(`Give --consumers <file>.\n${VERIFY_USAGE}`);
    return parsed;
}
const cell = (text) => (0,runtime_text/* escapeMarkdown */.FV)(text);
function consumerTables(report) {
    const ok = consumerOk(report);
    let out = `## ${cell(report.consumer)}: ${ok ? 'passes' : 'FAILS'}\n\n`;
    if (report.unreadable)
        return `${out}Unreadable: ${cell(report.unreadable)}\n\n`;
    if (!report.references.length)
        out += 'No reference to the suite.\n\n';
    else
        out += `${(0,runtime_text/* markdownTable */.Qj)(['file', 'job', 'step', 'uses', 'interface'], report.references.map((r) => [
            cell(r.file),
            cell(r.job),
            cell(r.step),
            cell(r.uses),
            r.problems.length ? `**${cell(r.problems.join('; '))}**` : 'ok',
        ]))}\n`;
    if (report.runs.length)
        out += `${(0,runtime_text/* markdownTable */.Qj)(['file', 'job', 'run at the new version', 'stubbed (not run)'], report.runs.map((r) => [
            cell(r.file),
            cell(r.job),
            r.error
                ? `**error: ${cell(r.error)}**`
                : r.ok
                    ? 'passed'
                    : `**failed: ${cell(r.failed.join('; '))}**`,
            cell(r.stubbed.join(', ') || '—'),
        ]))}\n`;
    return out;
}
async function verifyCommand(args) {
    let options;
    let consumers;
    try {
        options = parseVerifyArgs(args);
        try {
            consumers = readConsumersFile(options.consumers);
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`--consumers ${options.consumers}: cannot read it (${(0,errors/* errorMessage */.gJ)(error)}).`);
        }
        if (!consumers.length)
            throw new errors/* ConfigurationError */.j1(`--consumers ${options.consumers} lists no repository.`);
    }
    catch (error) {
        process.stderr.write(`error: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return 2;
    }
    const reports = await verifyConsumers(consumers, {
        suiteRoot: options.suiteRoot ?? (0,runtime_metadata/* findSuiteRoot */.AI)(),
        suite: options.suite,
        run: options.run,
        stubs: options.stubs,
        log: (line) => process.stderr.write(`${line}\n`),
    });
    if (options.json)
        process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    else
        for (const report of reports)
            process.stdout.write(consumerTables(report));
    const failing = reports.filter((r) => !consumerOk(r)).length;
    if (!options.json)
        process.stdout.write(failing
            ? `${failing} of ${reports.length} consumer(s) FAIL.\n`
            : `All ${reports.length} consumer(s) pass.\n`);
    return failing ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/cli/templates.ts












const USAGE = `Usage: gantry templates contract --from <ref> --to <ref> [--release vX.Y.Z]   (--help for more)
       gantry templates verify --consumers <file> [--suite dir]                  (--help for more)
       gantry templates await-checks|check-record …                                  (--help for more)
       gantry templates rollout --release owner/name@<sha> --version vX.Y.Z --consumers <file>  (--help for more)
       gantry templates run <template-dir> [--input name=value …] [--event payload.json] [--event-name push]
                           [--stub owner/action=outputs.json …] [--workspace dir] [--env NAME=value …] [--json]

Runs a composite template step by step the way the runner does. The suite's own actions run from
their bundles; a third-party action runs only as a stub you supply, and is listed as stubbed.`;
function parseTemplatesRunArgs(args, cwd = process.cwd()) {
    const parsed = {
        templateDir: '',
        inputs: {},
        eventName: 'push',
        stubs: {},
        workspace: cwd,
        env: {},
        json: false,
    };
    const pair = (flag, value) => {
        const eq = value?.indexOf('=') ?? -1;
        if (!value || eq <= 0)
            throw new errors/* ConfigurationError */.j1(`${flag} expects name=value; got ${JSON.stringify(value ?? '')}.`);
        return [value.slice(0, eq), value.slice(eq + 1)];
    };
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const next = () => args[++i];
        if (arg === '--input') {
            const [k, v] = pair('--input', next());
            parsed.inputs[k] = k in parsed.inputs ? `${parsed.inputs[k]}\n${v}` : v;
        }
        else if (arg === '--env') {
            const [k, v] = pair('--env', next());
            parsed.env[k] = v;
        }
        else if (arg === '--stub') {
            const [k, file] = pair('--stub', next());
            let outputs;
            try {
                outputs = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(cwd, file), 'utf8'));
            }
            catch (error) {
                throw new errors/* ConfigurationError */.j1(`--stub ${k}: cannot read ${file} as JSON (${(0,errors/* errorMessage */.gJ)(error)}).`);
            }
            if (!outputs || typeof outputs !== 'object' || Array.isArray(outputs))
                throw new errors/* ConfigurationError */.j1(`--stub ${k}: ${file} must hold a JSON object of outputs.`);
            parsed.stubs[k] = Object.fromEntries(Object.entries(outputs).map(([key, value]) => [
                key,
                typeof value === 'string' ? value : JSON.stringify(value),
            ]));
        }
        else if (arg === '--event')
            parsed.eventFile = (0,external_node_path_.resolve)(cwd, next() ?? '');
        else if (arg === '--event-name')
            parsed.eventName = next() ?? '';
        else if (arg === '--workspace')
            parsed.workspace = (0,external_node_path_.resolve)(cwd, next() ?? '');
        else if (arg === '--json')
            parsed.json = true;
        else if (!arg.startsWith('--') && !parsed.templateDir)
            parsed.templateDir = (0,external_node_path_.resolve)(cwd, arg);
        else
            throw new errors/* ConfigurationError */.j1(`Unexpected argument ${JSON.stringify(arg)}.\n${USAGE}`);
    }
    if (!parsed.templateDir)
        throw new errors/* ConfigurationError */.j1(`Give the template directory.\n${USAGE}`);
    return parsed;
}
/** A push event for the workspace's HEAD when the user gives none. */
function generatedEvent(workspace) {
    const git = (...a) => {
        try {
            return (0,external_node_child_process_.execFileSync)('git', ['-C', workspace, ...a], {
                encoding: 'utf8',
                stdio: ['ignore', 'pipe', 'ignore'],
            }).trim();
        }
        catch {
            return '';
        }
    };
    const after = git('rev-parse', 'HEAD');
    const before = git('rev-parse', 'HEAD^') || '0'.repeat(40);
    const branch = git('rev-parse', '--abbrev-ref', 'HEAD') || 'main';
    return {
        payload: {
            ref: `refs/heads/${branch}`,
            before,
            after,
            repository: { default_branch: 'main', full_name: 'acme/service' },
            created: false,
            deleted: false,
            forced: false,
        },
        env: after
            ? {
                GITHUB_SHA: after,
                GITHUB_REF: `refs/heads/${branch}`,
                GITHUB_REF_NAME: branch,
                GITHUB_REF_TYPE: 'branch',
            }
            : {},
    };
}
async function templatesCommand(args) {
    if (args[0] === 'contract') {
        if (args.includes('--help') || args.includes('-h')) {
            process.stdout.write(`${CONTRACT_USAGE}\n`);
            return 0;
        }
        return contractCommand(args.slice(1));
    }
    if (args[0] === 'await-checks' || args[0] === 'check-record') {
        if (args.includes('--help') || args.includes('-h')) {
            process.stdout.write(`${CHECKS_USAGE}\n`);
            return 0;
        }
        return args[0] === 'await-checks' ? awaitChecksCommand(args.slice(1)) : checkRecordCommand(args.slice(1));
    }
    if (args[0] === 'rollout') {
        if (args.includes('--help') || args.includes('-h')) {
            process.stdout.write(`${ROLLOUT_USAGE}\n`);
            return 0;
        }
        return rolloutCommand(args.slice(1));
    }
    if (args[0] === 'verify') {
        if (args.includes('--help') || args.includes('-h')) {
            process.stdout.write(`${VERIFY_USAGE}\n`);
            return 0;
        }
        return verifyCommand(args.slice(1));
    }
    if (args[0] !== 'run' || args.includes('--help') || args.includes('-h')) {
        process.stdout.write(`${USAGE}\n`);
        return args[0] === 'run' || args.includes('--help') ? 0 : 2;
    }
    let options;
    try {
        options = parseTemplatesRunArgs(args.slice(1));
        if (!(0,external_node_fs_.existsSync)(options.workspace))
            throw new errors/* ConfigurationError */.j1(`--workspace ${options.workspace} does not exist.`);
    }
    catch (error) {
        process.stderr.write(`error: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return 2;
    }
    const generated = generatedEvent(options.workspace);
    const payload = options.eventFile
        ? JSON.parse((0,external_node_fs_.readFileSync)(options.eventFile, 'utf8'))
        : generated.payload;
    const runnerTemp = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'gantry-template-'));
    const event = { name: options.eventName, payload };
    const env = (0,local_runner/* runnerEnvironment */.iU)({
        runnerTemp,
        workspace: options.workspace,
        event,
        env: { ...generated.env, ...options.env },
    });
    const log = (line) => process.stderr.write(`${line}\n`);
    try {
        log(`▸ ${options.templateDir}`);
        const report = await (0,local_runner/* runComposite */.V_)({
            templateDir: options.templateDir,
            inputs: options.inputs,
            env,
            event,
            workspace: options.workspace,
            runnerTemp,
            suiteRoot: (0,runtime_metadata/* findSuiteRoot */.AI)(),
            stubs: options.stubs,
            log,
        });
        if (options.json) {
            process.stdout.write(`${JSON.stringify({ ok: report.ok, outputs: report.outputs, stubbed: report.stubbed, steps: report.steps.map(({ summary: _s, ...rest }) => rest) }, null, 2)}\n`);
        }
        else {
            const rows = report.steps.map((s) => [s.name, s.kind, s.outcome, `${s.durationMs} ms`]);
            process.stdout.write(`\n${(0,runtime_text/* markdownTable */.Qj)(['step', 'kind', 'outcome', 'duration'], rows)}`);
            process.stdout.write(`\nTemplate outputs:\n${JSON.stringify(report.outputs, null, 2)}\n`);
            if (report.stubbed.length)
                process.stdout.write(`\nStubbed (not run): ${report.stubbed.join(', ')}\n`);
            process.stdout.write(`\n${report.ok ? 'The template succeeded.' : 'The template FAILED.'}\n`);
        }
        return report.ok ? 0 : 1;
    }
    catch (error) {
        process.stderr.write(`error: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return 2;
    }
}


/***/ })

};
