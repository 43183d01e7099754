export const id = 754;
export const ids = [754];
export const modules = {

/***/ 155:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ch: () => (/* reexport safe */ _breaker_js__WEBPACK_IMPORTED_MODULE_0__.C),
/* harmony export */   Dr: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_3__.Dr),
/* harmony export */   Iu: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_3__.Iu),
/* harmony export */   Pl: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_3__.Pl),
/* harmony export */   Qq: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_3__.Qq),
/* harmony export */   gi: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.gi),
/* harmony export */   jw: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_3__.jw)
/* harmony export */ });
/* harmony import */ var _breaker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9103);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2881);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3688);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9663);







/***/ }),

/***/ 4754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  readFactsFile: () => (/* binding */ readFactsFile),
  sourceNotes: () => (/* binding */ sourceNotes)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/runtime/index.ts
var runtime = __webpack_require__(1356);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/text.ts
var runtime_text = __webpack_require__(5369);
;// CONCATENATED MODULE: ./src/pipeline-metrics/format.ts

// Workflow, job, step and test names come from the repository's files, which a pull request edits:
// every one of them is untrusted text wherever it is shown.
/** Markdown-safe text (src/runtime/text.ts escapeMarkdown), with @ made inert so a name mentions no one. */
function safeMarkdown(text) {
    return (0,runtime_text/* escapeMarkdown */.FV)(text).replace(/@/g, '&#64;');
}
/**
 * Text for inside a Mermaid string ("…"): Mermaid has no escape for a quote inside a string, and a
 * newline, a backtick fence, `%%` directives or `;` would end the chart or the statement. Only
 * letters, digits, space and . , : _ / - › ( ) are kept; anything else becomes a space. Cut to `max`.
 */
function mermaidText(text, max = 60) {
    const kept = (0,runtime_text/* oneLine */.TN)(text)
        .replace(/[^\p{L}\p{N} .,:_/›()-]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return kept.length > max ? `${kept.slice(0, max - 1)}…` : kept;
}
function formatDuration(ms) {
    if (ms === undefined || !Number.isFinite(ms))
        return '—';
    const s = ms / 1000;
    if (s < 60)
        return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
    const m = s / 60;
    if (m < 60)
        return `${Math.floor(m)} min ${Math.round(s % 60)} s`;
    const h = m / 60;
    if (h < 48)
        return `${Math.floor(h)} h ${Math.round(m % 60)} min`;
    return `${(h / 24).toFixed(1)} d`;
}
function formatRate(rate) {
    if (rate === undefined || !Number.isFinite(rate))
        return '—';
    return `${(rate * 100).toFixed(rate * 100 === Math.round(rate * 100) ? 0 : 1)}%`;
}
function formatDate(ms) {
    return new Date(ms).toISOString().slice(0, 10);
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/alerts.ts





/**
 * Alerts without noise: each rule needs a sustained signal, and every subject it could judge gets an
 * entry, firing or not, so that an issue opened for it is closed when it recovers.
 * - duration: a job or step over its baseline (median + threshold spreads) for N consecutive runs;
 * - pass-rate: the last 7 days' pass rate on the default branch at least `passRateDrop` below the
 *   7 days before, with at least MIN_RUNS judged runs on each side;
 * - retry-exhaustion: a stage's share of lines with exhausted retries higher in the last 7 days than
 *   in the 7 days before, with at least MIN_EXHAUSTED exhausted retries in the last 7 days.
 */
const MIN_RUNS = 5;
const MIN_EXHAUSTED = 2;
function alertKey(kind, subject) {
    return `${kind}-${(0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([kind, ...subject]))
        .digest('hex')
        .slice(0, 16)}`;
}
function durationSubject(d) {
    return `${d.workflow} › ${d.job}${d.step === undefined ? '' : ` › ${d.step}`}`;
}
function evaluateAlerts(report, options) {
    const alerts = [
        ...report.durations.flatMap((d) => durationAlert(d, options)),
        ...report.passRates.flatMap((p) => passRateAlert(p, options)),
        ...report.stages.flatMap((s) => exhaustionAlert(s)),
    ];
    return alerts.sort((a, b) => Number(b.firing) - Number(a.firing) || a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
}
function durationAlert(d, options) {
    if (d.upperMs === undefined)
        return [];
    const subject = durationSubject(d);
    const firing = d.consecutiveOver >= options.consecutive;
    return [
        {
            key: alertKey('duration', [d.workflow, d.job, ...(d.step === undefined ? [] : [d.step])]),
            kind: 'duration',
            title: `Slower than its baseline: ${subject}`,
            firing,
            body: [
                `**${safeMarkdown(subject)}** ${firing ? 'has been' : 'is no longer'} slower than its 7-day baseline for ${options.consecutive} consecutive runs.`,
                '',
                `- latest run: ${formatDuration(d.latestMs)}`,
                `- baseline median: ${formatDuration(d.medianMs)} (MAD ${formatDuration(d.madMs)}, ${d.samples} runs in the 7 days before)`,
                `- threshold: ${formatDuration(d.upperMs)} (median + ${options.threshold} spreads)`,
                `- consecutive runs over the threshold: ${d.consecutiveOver}`,
            ].join('\n'),
        },
    ];
}
function passRateAlert(p, options) {
    if (p.recentRate === undefined ||
        p.previousRate === undefined ||
        (p.recentRuns ?? 0) < MIN_RUNS ||
        (p.previousRuns ?? 0) < MIN_RUNS)
        return [];
    const firing = p.previousRate - p.recentRate >= options.passRateDrop - 1e-9;
    const subject = `${p.workflow} on ${p.branch}`;
    return [
        {
            key: alertKey('pass-rate', [p.workflow, p.branch]),
            kind: 'pass-rate',
            title: `Pass rate dropped: ${subject}`,
            firing,
            body: [
                `The pass rate of **${safeMarkdown(subject)}** ${firing ? 'dropped' : 'no longer dropped'} by ${formatRate(options.passRateDrop)} points or more.`,
                '',
                `- last 7 days: ${formatRate(p.recentRate)} of ${p.recentRuns} runs`,
                `- the 7 days before: ${formatRate(p.previousRate)} of ${p.previousRuns} runs`,
            ].join('\n'),
        },
    ];
}
function exhaustionAlert(s) {
    if (!s.recentRuns)
        return [];
    const recent = (s.recentExhausted ?? 0) / s.recentRuns;
    const previous = s.previousRuns ? (s.previousExhausted ?? 0) / s.previousRuns : 0;
    const firing = (s.recentExhausted ?? 0) >= MIN_EXHAUSTED && recent > previous;
    const subject = `${s.action} › ${s.stage}`;
    return [
        {
            key: alertKey('retry-exhaustion', [s.action, s.stage]),
            kind: 'retry-exhaustion',
            title: `Retries exhausted more often: ${subject}`,
            firing,
            body: [
                `Stage **${safeMarkdown(subject)}** ${firing ? 'exhausts its retries more often than' : 'no longer exhausts its retries more often than'} the week before.`,
                '',
                `- last 7 days: ${s.recentExhausted ?? 0} exhausted in ${s.recentRuns} stage runs`,
                `- the 7 days before: ${s.previousExhausted ?? 0} exhausted in ${s.previousRuns ?? 0} stage runs`,
            ].join('\n'),
        },
    ];
}
/** The hidden marker that names an alert's issue, whatever its title became. */
function alertMarker(key) {
    return `<!-- gantry-pipeline-metrics-alert: ${key} -->`;
}
function issueTitle(alert) {
    return (0,runtime_text/* oneLine */.TN)(alert.title).slice(0, 256);
}
function issueBody(alert, runUrl) {
    const footer = runUrl ? `\n\n_Updated by [pipeline-metrics](${encodeURI(runUrl)})._` : '';
    return `${alert.body}${footer}\n\n${alertMarker(alert.key)}\n`;
}
/** Open issues read at most, to find the alerts' issues (30 pages). */
const MAX_LISTED = 3000;
/** New issues opened at most per run: a flood of new subjects (or hostile names) opens no flood of issues. */
const MAX_CREATED = 10;
/**
 * One open issue per firing alert, found by its marker among the repository's open issues (listed
 * once; the search API lags behind a just-created issue), its body updated in place; an open issue
 * whose alert no longer fires gets a comment and is closed. Creating is never retried (a repeat
 * would be a duplicate).
 */
async function syncAlertIssues(client, repository, alerts, runUrl, maxCreated = MAX_CREATED) {
    const [owner = '', repo = ''] = repository.split('/');
    const open = await call(repository, 'GET', `/repos/${repository}/issues`, () => (0,github_client/* openIssues */.D$)(client, repository, MAX_LISTED));
    const results = [];
    let created = 0;
    for (const alert of alerts) {
        const marker = alertMarker(alert.key);
        const found = open.find((issue) => issue.body?.includes(marker));
        const body = issueBody(alert, runUrl);
        const title = issueTitle(alert);
        if (alert.firing && found) {
            if (found.body === body && found.title === title) {
                results.push({ key: alert.key, number: found.number, url: found.html_url, action: 'unchanged' });
                continue;
            }
            await call(repository, 'PATCH', `/repos/${repository}/issues/${found.number}`, () => client.rest.issues.update({ owner, repo, issue_number: found.number, title, body }));
            results.push({ key: alert.key, number: found.number, url: found.html_url, action: 'updated' });
        }
        else if (alert.firing) {
            if (created >= maxCreated) {
                results.push({ key: alert.key, action: 'skipped' });
                continue;
            }
            created++;
            const answer = await call(repository, 'POST', `/repos/${repository}/issues`, () => client.rest.issues.create({ owner, repo, title, body, request: { retries: 0 } }));
            const issue = answer.data;
            open.push({ ...issue, body });
            results.push({ key: alert.key, number: issue.number, url: issue.html_url, action: 'created' });
        }
        else if (found) {
            await call(repository, 'POST', `/repos/${repository}/issues/${found.number}/comments`, () => client.rest.issues.createComment({
                owner,
                repo,
                issue_number: found.number,
                body: `Recovered: closing.\n\n${alert.body}${runUrl ? `\n\n_Seen by [pipeline-metrics](${encodeURI(runUrl)})._` : ''}`,
            }));
            await call(repository, 'PATCH', `/repos/${repository}/issues/${found.number}`, () => client.rest.issues.update({ owner, repo, issue_number: found.number, state: 'closed', body }));
            results.push({ key: alert.key, number: found.number, url: found.html_url, action: 'closed' });
        }
    }
    return results;
}
function call(repository, method, path, fn) {
    return (0,github_client/* callGitHub */.ur)(method, path, fn, (what, status) => status === 401 || status === 403 || status === 404
        ? new errors/* ConfigurationError */.j1(`Input 'alerts': ${what}. With alerts: issue give the job 'permissions: issues: write' and pass a token that can write issues in ${repository} (input 'github-token'), or use alerts: fail or none.`)
        : undefined);
}

// EXTERNAL MODULE: ./src/history/index.ts + 2 modules
var src_history = __webpack_require__(5330);
// EXTERNAL MODULE: ./src/oci/index.ts + 4 modules
var oci = __webpack_require__(8350);
// EXTERNAL MODULE: ./src/quarantine/history.ts
var quarantine_history = __webpack_require__(8596);
;// CONCATENATED MODULE: ./src/pipeline-metrics/constants.ts
const INPUT = {
    factsFile: 'facts-file',
    repository: 'repository',
    githubToken: 'github-token',
    window: 'window',
    alerts: 'alerts',
    alertThreshold: 'alert-threshold',
    alertRuns: 'alert-runs',
    minSamples: 'min-samples',
    passRateDrop: 'pass-rate-drop',
    topFlaky: 'top-flaky',
    outputDir: 'output-dir',
    defaultBranch: 'default-branch',
    history: 'history',
    historyDir: 'history-dir',
    historyBranch: 'history-branch',
    requestBudget: 'request-budget',
    promotions: 'promotions',
    insecureRegistries: 'insecure-registries',
    testHistory: 'test-history',
    testHistoryDir: 'test-history-dir',
    testHistoryBranch: 'test-history-branch',
    stageLogs: 'stage-logs',
};
const OUTPUT = {
    reportFile: 'report-file',
    outputDir: 'output-dir',
    alertsFiring: 'alerts-firing',
    alertKeys: 'alert-keys',
};
/** What a firing alert does: nothing beyond the summary, one GitHub issue each, or fail the step. */
const ALERT_MODES = ['none', 'issue', 'fail'];
const DEFAULT_WINDOW_MS = 30 * 86_400_000;
const DEFAULT_ALERT_THRESHOLD = 3;
const DEFAULT_ALERT_RUNS = 3;
const DEFAULT_MIN_SAMPLES = 5;
/** Percentage points. */
const DEFAULT_PASS_RATE_DROP = 10;
const DEFAULT_TOP_FLAKY = 10;
/** The rolling baseline: the 7 days before each run. */
const BASELINE_MS = 7 * 86_400_000;
/** Facts files larger than this are refused (a year of a busy repository stays far below). */
const MAX_FACTS_BYTES = 512 * 1024 * 1024;
/** Where fetched workflow runs are kept between runs (the stores quarantine and pipeline-diff use). */
const HISTORY_STORES = ['cache', 'branch', 'dir'];
/** Where quarantine's test history is read from: not at all, its data branch, or a directory. */
const TEST_HISTORY_STORES = ['none', 'branch', 'dir'];
const DEFAULT_HISTORY_BRANCH = 'gantry/pipeline-metrics-history';
/** quarantine's own default data branch. */
const DEFAULT_TEST_HISTORY_BRANCH = 'gantry/quarantine-history';
/** GitHub API requests one collection may make (half of GITHUB_TOKEN's hourly 1,000 per repository). */
const DEFAULT_REQUEST_BUDGET = 500;
/** Quarantine records read per branch at most. */
const TEST_HISTORY_WINDOW = 1000;

// EXTERNAL MODULE: ./src/promote/records.ts
var records = __webpack_require__(8242);
;// CONCATENATED MODULE: ./src/pipeline-metrics/sources/deploys.ts
/**
 * Deploys from promote's records in the registry. A record is a referrer of the digest it promoted
 * (src/promote/records.ts, read with its readRecords); each destination tag it moved is a deploy to
 * that environment, and its `previous` digest leads to the records of the deploy before. So the
 * history of an environment is walked back from the digest its tag holds now, through `previous`,
 * until the records are older than the window: a few requests per deploy, whatever else the
 * repository holds. Refusals (the policy gate stopped the promotion, nothing moved) are not deploys.
 */



/** Tags whose history is walked when a reference names no tag: environments are few, build tags many. */
const MAX_TAGS = 200;
async function readDeploys(sources, since, warn) {
    const stats = { repositories: 0, records: 0, skipped: 0, tagsCapped: 0 };
    const deploys = [];
    const seenRecords = new Set();
    for (const source of sources) {
        stats.repositories += 1;
        const limit = (0,oci/* createLimiter */.zm)(6);
        const warnSkip = (message) => {
            stats.skipped += 1;
            warn(message);
        };
        try {
            let tags = source.tags;
            if (tags === undefined) {
                // Cosign and referrers-schema tags (sha256-<hex>…) are not environments.
                tags = (await source.repo.tags()).filter((tag) => !/^sha256-[0-9a-f]{64}/.test(tag));
                if (tags.length > MAX_TAGS) {
                    stats.tagsCapped += tags.length - MAX_TAGS;
                    warn(`${source.reference}: ${tags.length} tags; the promotion history of the first ${MAX_TAGS} is read. Name the environment tags (${source.reference}:production) to read theirs.`);
                    tags = tags.slice(0, MAX_TAGS);
                }
            }
            const heads = await Promise.all(tags.map((tag) => limit(() => source.repo.resolve(tag))));
            const queue = [...new Set(heads.filter((d) => d !== undefined).map((d) => d.digest))];
            const visited = new Set(queue);
            while (queue.length > 0) {
                const batch = queue.splice(0, queue.length);
                const read = await Promise.all(batch.map((digest) => limit(() => (0,records/* readRecords */.T3)(source.repo, digest, warnSkip))));
                for (const record of read.flat()) {
                    const key = `${record.digest}|${record.time}|${record.kind}|${record.workflowRun}`;
                    if (seenRecords.has(key))
                        continue;
                    seenRecords.add(key);
                    const facts = deployFacts(record, since);
                    if (facts === undefined) {
                        stats.skipped += 1;
                        continue;
                    }
                    stats.records += 1;
                    deploys.push(...facts);
                    // The deploy before this one, while the window reaches it.
                    for (const destination of record.destinations) {
                        const previous = destination.previous;
                        if (typeof previous === 'string' && !visited.has(previous)) {
                            visited.add(previous);
                            queue.push(previous);
                        }
                    }
                }
            }
        }
        catch (error) {
            if ((0,errors/* isConfigurationError */.p0)(error))
                throw error;
            warn(`${source.reference}: promotion records not read: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    deploys.sort((a, b) => a.time - b.time || a.environment.localeCompare(b.environment));
    return { deploys, stats };
}
/** A record's deploys (one per destination tag); undefined for a refusal or a record before the window. */
function deployFacts(record, since) {
    if (record.kind !== 'promotion' && record.kind !== 'rollback')
        return undefined;
    const time = Date.parse(record.time);
    if (!Number.isFinite(time) || time < since)
        return undefined;
    // Recorded by promote when given (a build's commit time), else unknown: lead time needs it.
    const extra = record;
    const commitTime = typeof extra.commitTime === 'string' ? Date.parse(extra.commitTime) : Number.NaN;
    const facts = [];
    for (const destination of record.destinations ?? []) {
        if (destination?.role !== 'destination' || typeof destination.tag !== 'string')
            continue;
        const fact = {
            service: serviceOf(String(destination.repository ?? '')),
            environment: destination.tag,
            digest: record.digest,
            time,
            kind: record.kind,
            outcome: extra.outcome === 'failure' ? 'failure' : 'success',
        };
        if (typeof record.commit === 'string' && record.commit !== '')
            fact.commit = record.commit;
        if (Number.isFinite(commitTime))
            fact.commitTime = commitTime;
        facts.push(fact);
    }
    return facts.length > 0 ? facts : undefined;
}
/** The service a repository holds: its path in the registry (`ghcr.io/acme/app` -> `acme/app`). */
function serviceOf(repository) {
    const slash = repository.indexOf('/');
    const host = slash > 0 ? repository.slice(0, slash) : '';
    // A registry host has a dot or a port, or is localhost (Docker's rule).
    return /[.:]|^localhost$/.test(host) ? repository.slice(slash + 1) : repository;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
;// CONCATENATED MODULE: ./src/pipeline-metrics/sources/stages.ts
/**
 * Stages from the structured stage log (src/runtime/log.ts): one JSON object a line, as written to
 * GANTRY_LOG_FILE files — action, stage, start (ISO), duration_ms, outcome, correlation {repository,
 * sha, run_id, attempt}, and the stage's fields (the `network` stage carries retries and exhausted).
 * A log file is input from anywhere: a line that is not such an object (damaged, cut off, hostile,
 * over 64 KiB) is skipped and counted, and reading goes on.
 */


/** Longest line read: a stage line is a few hundred bytes. */
const MAX_LINE = 64 * 1024;
/** Lines of a file, as the default reader gives them (streamed: a log file may be large). */
async function* fileLines(path) {
    const lines = (0,external_node_readline_.createInterface)({ input: (0,external_node_fs_.createReadStream)(path), crlfDelay: Number.POSITIVE_INFINITY });
    yield* lines;
}
async function readStages(files, since, warn, lines = fileLines) {
    const stats = { lines: 0, skipped: 0, unreadable: 0 };
    const stages = [];
    for (const file of files) {
        let skippedHere = 0;
        try {
            for await (const line of lines(file)) {
                if (line.trim() === '')
                    continue;
                const fact = stageFact(line);
                if (fact === undefined) {
                    stats.skipped += 1;
                    skippedHere += 1;
                    continue;
                }
                stats.lines += 1;
                if (fact.start >= since)
                    stages.push(fact);
            }
        }
        catch (error) {
            stats.unreadable += 1;
            warn(`Stage log ${JSON.stringify(file)} not read: ${error.message}`);
            continue;
        }
        if (skippedHere > 0)
            warn(`Stage log ${JSON.stringify(file)}: ${skippedHere} lines are not stage lines and were skipped.`);
    }
    stages.sort((a, b) => a.start - b.start);
    return { stages, stats };
}
const stages_text = (value, max = 200) => typeof value === 'string' && value.length > 0 && value.length <= max;
const count = (value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
/** One line as a StageFact, or undefined when it is not a stage line. */
function stageFact(line) {
    if (line.length > MAX_LINE)
        return undefined;
    let value;
    try {
        value = JSON.parse(line);
    }
    catch {
        return undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return undefined;
    const o = value;
    if (!stages_text(o.action) || !stages_text(o.stage) || !stages_text(o.outcome, 40) || typeof o.start !== 'string')
        return undefined;
    const start = Date.parse(o.start);
    const duration = o.duration_ms;
    if (!Number.isFinite(start) || typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0)
        return undefined;
    const correlation = typeof o.correlation === 'object' && o.correlation !== null
        ? o.correlation
        : {};
    const fact = {
        action: o.action,
        stage: o.stage,
        start,
        durationMs: duration,
        outcome: o.outcome,
        runId: stages_text(correlation.run_id, 40) ? correlation.run_id : '',
        attempt: stages_text(correlation.attempt, 10) ? correlation.attempt : '',
    };
    const retries = count(o.retries);
    const exhausted = count(o.exhausted);
    if (retries !== undefined)
        fact.retries = retries;
    if (exhausted !== undefined)
        fact.exhausted = exhausted;
    return fact;
}

// EXTERNAL MODULE: ./src/quarantine/record-scan.ts
var record_scan = __webpack_require__(5153);
;// CONCATENATED MODULE: ./src/pipeline-metrics/sources/tests.ts


/**
 * Reads the records as streams, twice, never one whole (a record names every test that ran: about
 * 100 MB of JSON for a million tests, and the window holds up to a thousand records). The first
 * read finds the tests that did not pass somewhere (from each record's `failed` index where it has
 * one); the second keeps only their entries. Only those can have a flaky run, so the flake rates are
 * the same; tests that always passed are not listed.
 */
async function readTests(store, branches, window, since, warn) {
    const stats = { records: 0, skipped: 0 };
    const reader = new record_scan/* WindowReader */.K(store, window, (key) => key.time >= since);
    const failing = new Map();
    const read = async (pass) => {
        const readable = [];
        for (const branch of branches) {
            try {
                await pass(branch);
                readable.push(branch);
            }
            catch (error) {
                if ((0,errors/* isConfigurationError */.p0)(error))
                    throw error;
                warn(`Test history of ${branch} not read (history: ${store.kind}): ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
        }
        return readable;
    };
    branches = await read((branch) => reader.failing(branch, (_header, ids) => {
        for (const id of ids)
            failing.set(id, id);
    }));
    const into = { records: [], damaged: 0 };
    await read((branch) => reader.narrowed(branch, failing, into));
    const { records, damaged } = into;
    const tests = testFacts(records, since, stats);
    stats.skipped += damaged;
    return { tests, stats };
}
/** TestFacts from records, in id order. */
function testFacts(records, since, stats) {
    const facts = new Map();
    // test id -> sha -> outcome letters seen there
    const bySha = new Map();
    const seen = new Set();
    for (const record of records) {
        if (typeof record.time !== 'number' || record.time < since || typeof record.tests !== 'object') {
            stats.skipped += 1;
            continue;
        }
        // The same run stored twice (a re-run step, two branches' windows) counts once.
        const runKey = `${record.run}/${record.attempt}/${record.branch}`;
        if (seen.has(runKey))
            continue;
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
            if (code === 'F')
                fact.failures += 1;
            if (code === 'K')
                fact.flakyRuns += 1;
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
        const fact = facts.get(id);
        for (const [sha, codes] of shas) {
            // A failure on a commit where the test also passed is a flip on unchanged code.
            if (sha !== '' && codes.includes('F') && /[PK]/.test(codes))
                fact.flakyRuns += [...codes].filter((c) => c === 'F').length;
        }
    }
    return [...facts.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
;// CONCATENATED MODULE: ./src/github/index.ts



// EXTERNAL MODULE: ./src/net/pool.ts
var pool = __webpack_require__(6997);
;// CONCATENATED MODULE: ./src/pipeline-metrics/compact.ts
/** The int32 that stands for "no value" (a missing time, a null conclusion, no runner). */
const NONE = -0x80000000;
/** Per job in the float64 part: id, createdAt, startedAt, completedAt (NaN: none). */
const JOB_F64 = 4;
/** Per job in the int32 part: name, conclusion, runner, step count. */
const JOB_I32 = 4;
/** Per step in the int32 part: name, number, conclusion, startedAt and completedAt from the job's creation. */
const STEP_I32 = 5;
const packs = new WeakMap();
/** Builds the jobs of a compact run (the getter of its `jobs`). */
function readJobs() {
    const packed = packs.get(this);
    if (!packed)
        return [];
    const { strings, f64, i32 } = packed;
    const jobCount = f64.length / JOB_F64;
    const jobs = [];
    let s = jobCount * JOB_I32;
    for (let j = 0; j < jobCount; j++) {
        const f = j * JOB_F64;
        const k = j * JOB_I32;
        const created = f64[f + 1];
        const stepCount = i32[k + 3];
        const steps = [];
        for (let n = 0; n < stepCount; n++, s += STEP_I32) {
            const conclusion = i32[s + 2];
            const started = i32[s + 3];
            const completed = i32[s + 4];
            steps.push(stepOf(strings[i32[s]], i32[s + 1], conclusion === NONE ? null : strings[conclusion], started === NONE ? undefined : created + started, completed === NONE ? undefined : created + completed));
        }
        const conclusion = i32[k + 1];
        const runner = i32[k + 2];
        const started = f64[f + 2];
        const completed = f64[f + 3];
        jobs.push(jobOf(f64[f], strings[i32[k]], conclusion === NONE ? null : strings[conclusion], created, Number.isNaN(started) ? undefined : started, Number.isNaN(completed) ? undefined : completed, runner === NONE ? undefined : strings[runner], steps));
    }
    return jobs;
}
const JOBS = { get: readJobs, enumerable: true, configurable: false };
/** Whether a run was compacted (its jobs are built on each read). */
function isCompact(run) {
    return packs.has(run);
}
const fitsTime = (t) => t === undefined || (Number.isSafeInteger(t) && !Object.is(t, -0));
const fitsOffset = (t, base) => {
    if (t === undefined)
        return true;
    if (!fitsTime(t))
        return false;
    const d = t - base;
    return d > NONE && d <= 0x7fffffff;
};
const fitsInt = (n) => Number.isInteger(n) && n > NONE && n <= 0x7fffffff && !Object.is(n, -0);
/**
 * The run with its jobs and steps packed (a new object; `run` is left as it is), or `run` itself
 * when a value would not come back the same.
 */
function compactRun(run) {
    if (packs.has(run))
        return run;
    const jobs = run.jobs;
    let stepTotal = 0;
    for (const job of jobs) {
        if (!Number.isSafeInteger(job.id) || Object.is(job.id, -0) || !fitsTime(job.createdAt))
            return run;
        if (!fitsTime(job.startedAt) || !fitsTime(job.completedAt))
            return run;
        for (const step of job.steps) {
            if (!fitsInt(step.number))
                return run;
            if (!fitsOffset(step.startedAt, job.createdAt) || !fitsOffset(step.completedAt, job.createdAt))
                return run;
        }
        stepTotal += job.steps.length;
    }
    const strings = [];
    const index = new Map();
    const id = (text) => {
        let i = index.get(text);
        if (i === undefined) {
            i = strings.push(text) - 1;
            index.set(text, i);
        }
        return i;
    };
    const optional = (text) => text === null || text === undefined ? NONE : id(text);
    const f64Length = jobs.length * JOB_F64;
    const buffer = new ArrayBuffer(f64Length * 8 + (jobs.length * JOB_I32 + stepTotal * STEP_I32) * 4);
    const f64 = new Float64Array(buffer, 0, f64Length);
    const i32 = new Int32Array(buffer, f64Length * 8);
    let s = jobs.length * JOB_I32;
    jobs.forEach((job, j) => {
        const f = j * JOB_F64;
        const k = j * JOB_I32;
        f64[f] = job.id;
        f64[f + 1] = job.createdAt;
        f64[f + 2] = job.startedAt ?? Number.NaN;
        f64[f + 3] = job.completedAt ?? Number.NaN;
        i32[k] = id(job.name);
        i32[k + 1] = optional(job.conclusion);
        i32[k + 2] = optional(job.runnerName);
        i32[k + 3] = job.steps.length;
        for (const step of job.steps) {
            i32[s] = id(step.name);
            i32[s + 1] = step.number;
            i32[s + 2] = optional(step.conclusion);
            i32[s + 3] = step.startedAt === undefined ? NONE : step.startedAt - job.createdAt;
            i32[s + 4] = step.completedAt === undefined ? NONE : step.completedAt - job.createdAt;
            s += STEP_I32;
        }
    });
    const compact = {
        id: run.id,
        attempt: run.attempt,
        workflow: run.workflow,
        name: run.name,
        branch: run.branch,
        event: run.event,
        sha: run.sha,
        conclusion: run.conclusion,
        createdAt: run.createdAt,
        startedAt: run.startedAt,
        updatedAt: run.updatedAt,
        url: run.url,
    };
    // Fields a later version adds to RunFact are carried as they are.
    for (const key of Object.keys(run))
        if (!(key in compact) && key !== 'jobs')
            compact[key] = run[key];
    Object.defineProperty(compact, 'jobs', JOBS);
    packs.set(compact, { strings, f64, i32 });
    return compact;
}
/**
 * A step with its optional times, built in one literal when they are there (the common case):
 * fields added after an object is made cost a second allocation each.
 */
function stepOf(name, number, conclusion, startedAt, completedAt) {
    if (startedAt !== undefined && completedAt !== undefined)
        return { name, number, conclusion, startedAt, completedAt };
    const step = { name, number, conclusion };
    if (startedAt !== undefined)
        step.startedAt = startedAt;
    if (completedAt !== undefined)
        step.completedAt = completedAt;
    return step;
}
/** A job, in one literal when its times and runner are there (as stepOf). */
function jobOf(id, name, conclusion, createdAt, startedAt, completedAt, runnerName, steps) {
    if (startedAt !== undefined && completedAt !== undefined && runnerName !== undefined)
        return { id, name, conclusion, createdAt, startedAt, completedAt, runnerName, steps };
    const job = { id, name, conclusion, createdAt, steps };
    if (startedAt !== undefined)
        job.startedAt = startedAt;
    if (completedAt !== undefined)
        job.completedAt = completedAt;
    if (runnerName !== undefined)
        job.runnerName = runnerName;
    return job;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/pipeline-metrics/sources/run-store.ts
/**
 * How fetched workflow runs are kept in the shared history store (src/history: cache, branch or
 * dir). A completed run attempt never changes, so each collection stores only the attempts it
 * fetched, as one or more segments (records of the store's stream `workflow-runs`), and the newest
 * segment carries the fetch state (which hours of the window are complete, the ETags of their list
 * pages). Segments are gzipped JSON with a string table: step and job names repeat in every run, and
 * 10,000 runs of 20 jobs stay a few megabytes.
 */


/** The store stream (the RecordKey branch) pipeline-metrics keeps its runs in. */
const RUNS_STREAM = 'workflow-runs';
/**
 * Attempts per segment: bounds the memory one encode or decode needs (10,000 runs of 20 jobs read
 * back peaked at 370 MB in segments of 1,000, 285 MB in segments of 250, when the runs were held
 * as plain objects).
 */
const SEGMENT_RUNS = 250;
const offset = (time, base) => (time === undefined ? null : time - base);
function encodeSegment(segment) {
    const strings = [];
    const index = new Map();
    const s = (text) => {
        const key = text ?? null;
        let i = index.get(key);
        if (i === undefined) {
            i = strings.push(key) - 1;
            index.set(key, i);
        }
        return i;
    };
    const runs = segment.runs.map((r) => [
        r.id,
        r.attempt,
        s(r.workflow),
        s(r.name),
        s(r.branch),
        s(r.event),
        r.sha,
        s(r.conclusion),
        r.createdAt,
        r.startedAt - r.createdAt,
        r.updatedAt - r.createdAt,
        r.url,
        r.jobs.map((j) => [
            j.id,
            s(j.name),
            s(j.conclusion),
            j.createdAt - r.createdAt,
            offset(j.startedAt, j.createdAt),
            offset(j.completedAt, j.createdAt),
            j.runnerName === undefined ? null : s(j.runnerName),
            j.steps.map((st) => [
                s(st.name),
                st.number,
                s(st.conclusion),
                offset(st.startedAt, j.createdAt),
                offset(st.completedAt, j.createdAt),
            ]),
        ]),
    ]);
    const encoded = {
        v: 1,
        run: segment.run,
        attempt: segment.attempt,
        branch: segment.branch,
        time: segment.time,
        strings,
        runs,
        ...(segment.state ? { state: segment.state } : {}),
    };
    return (0,external_node_zlib_.gzipSync)(JSON.stringify(encoded));
}
const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
const optNum = (v) => v === null || isNum(v);
/** A damaged segment is skipped (its runs are fetched again), never fatal: the store is a cache. */
function decodeSegment(bytes) {
    let value;
    try {
        value = JSON.parse((0,external_node_zlib_.gunzipSync)(bytes, { maxOutputLength: 512 * 1024 * 1024 }).toString('utf8'));
    }
    catch {
        return undefined;
    }
    if (typeof value !== 'object' ||
        value === null ||
        value.v !== 1 ||
        !Array.isArray(value.strings) ||
        !Array.isArray(value.runs))
        return undefined;
    const strings = value.strings;
    const str = (i) => {
        if (!isNum(i) || i < 0 || i >= strings.length)
            throw new Error('bad string index');
        const text = strings[i];
        if (text !== null && typeof text !== 'string')
            throw new Error('bad string');
        return text ?? null;
    };
    const text = (i) => str(i) ?? '';
    const back = (v, base) => (v === null ? undefined : base + v);
    try {
        const runs = value.runs.map((r) => {
            if (!Array.isArray(r) || r.length !== 13 || !isNum(r[0]) || !isNum(r[1]) || !isNum(r[8]))
                throw new Error('bad run');
            if (!isNum(r[9]) || !isNum(r[10]) || typeof r[6] !== 'string' || typeof r[11] !== 'string')
                throw new Error('bad run');
            const created = r[8];
            if (!Array.isArray(r[12]))
                throw new Error('bad jobs');
            const jobs = r[12].map((j) => {
                if (!Array.isArray(j) || j.length !== 8 || !isNum(j[0]) || !isNum(j[3]) || !Array.isArray(j[7]))
                    throw new Error('bad job');
                if (!optNum(j[4]) || !optNum(j[5]) || !optNum(j[6]))
                    throw new Error('bad job');
                const jobCreated = created + j[3];
                const steps = j[7].map((st) => {
                    if (!Array.isArray(st) || st.length !== 5 || !isNum(st[1]) || !optNum(st[3]) || !optNum(st[4]))
                        throw new Error('bad step');
                    return stepOf(text(st[0]), st[1], str(st[2]), back(st[3], jobCreated), back(st[4], jobCreated));
                });
                const job = jobOf(j[0], text(j[1]), str(j[2]), jobCreated, back(j[4], jobCreated), back(j[5], jobCreated), j[6] === null ? undefined : text(j[6]), steps);
                return job;
            });
            return compactRun({
                id: r[0],
                attempt: r[1],
                workflow: text(r[2]),
                name: text(r[3]),
                branch: text(r[4]),
                event: text(r[5]),
                sha: r[6],
                conclusion: str(r[7]),
                createdAt: created,
                startedAt: created + r[9],
                updatedAt: created + r[10],
                url: r[11],
                jobs,
            });
        });
        return {
            v: 1,
            run: String(value.run),
            attempt: Number(value.attempt),
            branch: String(value.branch),
            time: Number(value.time),
            runs,
            ...(isState(value.state) ? { state: value.state } : {}),
        };
    }
    catch {
        return undefined;
    }
}
function isState(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const ranges = value.ranges;
    if (typeof ranges !== 'object' || ranges === null || Array.isArray(ranges))
        return false;
    return Object.values(ranges).every((r) => typeof r === 'object' &&
        r !== null &&
        typeof r.complete === 'boolean' &&
        isNum(r.pages) &&
        Array.isArray(r.etags) &&
        r.etags.every((e) => e === null || typeof e === 'string') &&
        (r.parts === undefined || (Array.isArray(r.parts) && r.parts.every((p) => typeof p === 'string'))) &&
        (r.listed === undefined || typeof r.listed === 'boolean'));
}
const RUN_SEGMENTS = {
    name: 'pipeline-metrics',
    encode: encodeSegment,
    decode: decodeSegment,
};

;// CONCATENATED MODULE: ./src/pipeline-metrics/sources/workflow-runs.ts
/**
 * Workflow runs and their attempts' jobs (with steps) from the GitHub REST API, fetched
 * incrementally and within a request budget.
 *
 * What GitHub documents, and what follows from it here:
 *  - GITHUB_TOKEN has a primary rate limit of 1,000 REST requests per hour per repository (15,000
 *    on GitHub Enterprise Cloud); a personal access token 5,000 per hour.
 *    https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#primary-rate-limit-for-github_token-in-github-actions
 *    So a collection spends at most `requestBudget` requests (default 500, half the hour, so the
 *    repository's other workflows keep theirs), stops early when x-ratelimit-remaining falls to a
 *    tenth of x-ratelimit-limit, and a backfill larger than that continues in the next collection.
 *  - Secondary limits: no more than 100 concurrent requests, no more than 900 points per minute for
 *    one REST endpoint (a GET is 1 point); over them GitHub answers 403 or 429 with Retry-After.
 *    https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
 *    So jobs are fetched 16 at a time, each endpoint is paced under 900 requests a minute, and the
 *    one GitHub client (src/github/client.ts, Octokit's throttling plugin) waits out Retry-After.
 *  - A conditional request answered 304 Not Modified does not count against the primary rate limit.
 *    https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate
 *    So list pages whose runs are all stored are asked again with If-None-Match: a quiet hour costs
 *    nothing, and 304s are not counted against the budget.
 *  - "List workflow runs for a repository" returns up to 1,000 results for each search with the
 *    `created` (or actor, branch, event, status…) parameter.
 *    https://docs.github.com/en/rest/actions/workflow-runs#list-workflow-runs-for-a-repository
 *    So the window is listed an hour at a time (`created=<start>..<end>`), newest first, and an hour
 *    holding more than 1,000 runs is split until each part holds fewer.
 *  - Each completed attempt's jobs come from "List jobs for a workflow run attempt"
 *    (`GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs`, 100 a page),
 *    an earlier attempt's run fields from `GET …/runs/{run_id}/attempts/{attempt_number}`.
 *    https://docs.github.com/en/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt
 *
 * A completed attempt never changes, so what was fetched is kept in the history store (run-store.ts)
 * and never fetched again: a later collection fetches only new attempts and those still in progress
 * last time. Hours the state marks complete are not listed again once they are older than the re-run
 * lookback (a re-run of an old run adds an attempt to a run created long ago).
 */





const HOUR = 3_600_000;
const DEFAULT_BUDGET = 500;
const DEFAULT_LOOKBACK = 24 * HOUR;
/** GitHub's documented secondary limit for one REST endpoint, less a margin. */
const POINTS_PER_MINUTE = 800;
/** A filtered list returns at most this many runs. */
const LIST_CAP = 1000;
const PER_PAGE = 100;
/** Segments kept before they are rewritten as few (compaction). */
const COMPACT_AT = 200;
/** Window handed to the store's append: compaction, not the store, bounds the segments. */
const STORE_WINDOW = 100_000;
const PERMISSIONS = "the token needs read access to Actions (give the job 'permissions: actions: read'; a fine-grained token needs 'Actions: read').";
class BudgetSpent extends Error {
}
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const time = (value) => {
    if (typeof value !== 'string' || value === '')
        return undefined;
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : undefined;
};
const num = (value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
/** Fetches what is new since the last collection; returns every stored attempt created since `since`. */
async function fetchWorkflowRuns(deps, options) {
    const [owner, repo] = options.repository.split('/');
    const budget = options.requestBudget ?? DEFAULT_BUDGET;
    const lookback = options.rerunLookbackMs ?? DEFAULT_LOOKBACK;
    const concurrency = Math.min(options.concurrency ?? 16, 50);
    const pace = options.pointsPerMinute ?? POINTS_PER_MINUTE;
    const sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const stats = {
        requests: 0,
        notModified: 0,
        budgetUsed: 0,
        budget,
        budgetExhausted: false,
        rateLimited: false,
        complete: false,
        fetched: 0,
        fromStore: 0,
        inProgress: 0,
        hoursLeft: 0,
        waits: 0,
        skipped: 0,
        segments: 0,
    };
    const started = deps.now();
    // What earlier collections stored.
    const known = new Map();
    let state = { ranges: {} };
    let segments = 0;
    if (deps.store) {
        try {
            const loaded = await deps.store.load(RUNS_STREAM, STORE_WINDOW);
            segments = loaded.length;
            for (const segment of loaded) {
                for (const run of segment.runs)
                    known.set(`${run.id}/${run.attempt}`, run);
                if (segment.state)
                    state = segment.state;
            }
        }
        catch (error) {
            if ((0,errors/* isConfigurationError */.p0)(error))
                throw error;
            deps.warn(`Stored workflow runs not read (history: ${deps.store.kind}): ${(0,errors/* errorMessage */.gJ)(error)}; fetching them again.`);
        }
    }
    const before = JSON.stringify(state);
    const intern = interner();
    const fresh = [];
    // Requests: counted, paced per endpoint, within the budget and GitHub's remaining limit.
    let reserve = 0;
    let inFlight = 0;
    const paced = new Map();
    const canSpend = () => {
        if (stats.budgetExhausted)
            return false;
        if (stats.budgetUsed >= budget)
            stats.budgetExhausted = true;
        // Requests in flight will each take one more of what GitHub said remains.
        if (stats.rateLimitRemaining !== undefined && stats.rateLimitRemaining - inFlight <= reserve)
            stats.budgetExhausted = true;
        return !stats.budgetExhausted;
    };
    const readHeaders = (headers) => {
        if (!headers)
            return;
        const remaining = Number(headers['x-ratelimit-remaining']);
        const limit = Number(headers['x-ratelimit-limit']);
        const reset = Number(headers['x-ratelimit-reset']);
        if (headers['x-ratelimit-remaining'] !== undefined && Number.isFinite(remaining))
            stats.rateLimitRemaining = remaining;
        if (headers['x-ratelimit-limit'] !== undefined && Number.isFinite(limit))
            reserve = Math.ceil(limit / 10);
        if (headers['x-ratelimit-reset'] !== undefined && Number.isFinite(reset))
            stats.rateLimitReset = reset * 1000;
    };
    const get = async (endpoint, params, etag) => {
        if (!canSpend())
            throw new BudgetSpent();
        stats.budgetUsed += 1;
        // Under the per-endpoint pace: wait for the oldest request of the last minute to leave it.
        const times = paced.get(endpoint) ?? [];
        paced.set(endpoint, times);
        for (;;) {
            const now = deps.now();
            while (times.length > 0 && times[0] <= now - 60_000)
                times.shift();
            if (times.length < pace)
                break;
            stats.waits += 1;
            await sleep(times[0] + 60_000 - now);
        }
        times.push(deps.now());
        stats.requests += 1;
        inFlight += 1;
        try {
            const response = await deps.github.request(`GET ${endpoint}`, {
                owner,
                repo,
                ...params,
                ...(etag ? { headers: { 'if-none-match': etag } } : {}),
                // The body is parsed here with JSON.parse: Octokit's parse revives every value to keep
                // integers beyond 2^53 (GitHub's ids are far below), and took a third of a 10,000-run fetch.
                request: { parseSuccessResponseBody: false },
            });
            readHeaders(response.headers);
            const tag = response.headers.etag;
            const text = await new Response(response.data).text();
            let data;
            try {
                data = JSON.parse(text);
            }
            catch {
                throw new Error(`GitHub API GET ${endpoint} answered 200 with a body that is not JSON`);
            }
            return { status: 200, data, ...(typeof tag === 'string' ? { etag: tag } : {}) };
        }
        catch (error) {
            const e = error;
            readHeaders(e.response?.headers);
            if (e.status === 304) {
                stats.budgetUsed -= 1;
                stats.notModified += 1;
                return { status: 304 };
            }
            throw (0,github_client/* gitHubError */.Mj)(error, PERMISSIONS);
        }
        finally {
            inFlight -= 1;
        }
    };
    const runFact = (item, jobs) => {
        const id = num(item.id);
        const attempt = num(item.run_attempt) ?? 1;
        const created = time(item.created_at);
        if (id === undefined || created === undefined)
            return undefined;
        return {
            id,
            attempt,
            workflow: intern(typeof item.path === 'string' ? item.path : ''),
            name: intern(typeof item.name === 'string' ? item.name : ''),
            branch: intern(typeof item.head_branch === 'string' ? item.head_branch : ''),
            event: intern(typeof item.event === 'string' ? item.event : ''),
            sha: typeof item.head_sha === 'string' ? item.head_sha : '',
            conclusion: typeof item.conclusion === 'string' ? intern(item.conclusion) : null,
            createdAt: created,
            startedAt: time(item.run_started_at) ?? created,
            updatedAt: time(item.updated_at) ?? created,
            url: typeof item.html_url === 'string' ? item.html_url : '',
            jobs,
        };
    };
    const jobFact = (job) => {
        const id = num(job.id);
        const created = time(job.created_at) ?? time(job.started_at);
        if (id === undefined || created === undefined)
            return undefined;
        const steps = [];
        for (const step of Array.isArray(job.steps) ? job.steps : []) {
            if (typeof step !== 'object' || step === null || num(step.number) === undefined) {
                stats.skipped += 1;
                continue;
            }
            steps.push(stepOf(intern(typeof step.name === 'string' ? step.name : ''), step.number, typeof step.conclusion === 'string' ? intern(step.conclusion) : null, time(step.started_at), time(step.completed_at)));
        }
        return jobOf(id, intern(typeof job.name === 'string' ? job.name : ''), typeof job.conclusion === 'string' ? intern(job.conclusion) : null, created, time(job.started_at), time(job.completed_at), typeof job.runner_name === 'string' ? intern(job.runner_name) : undefined, steps);
    };
    /** One completed attempt with its jobs; false when the budget ran out first. */
    const fetchAttempt = async (item, attempt) => {
        const id = item.id;
        let meta = item;
        if (attempt !== num(item.run_attempt)) {
            const answer = await get(`/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt}`, {
                run_id: id,
                attempt,
            });
            if (answer.status !== 200)
                return false;
            meta = { ...answer.data, run_attempt: attempt };
        }
        const jobs = [];
        for (let page = 1;; page++) {
            const answer = await get('/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt}/jobs', { run_id: id, attempt, per_page: PER_PAGE, page });
            if (answer.status !== 200)
                return false;
            const listed = Array.isArray(answer.data.jobs) ? answer.data.jobs : [];
            for (const job of listed) {
                const fact = typeof job === 'object' && job !== null ? jobFact(job) : undefined;
                if (fact)
                    jobs.push(fact);
                else
                    stats.skipped += 1;
            }
            const total = num(answer.data.total_count) ?? 0;
            if (listed.length < PER_PAGE || page * PER_PAGE >= total)
                break;
        }
        const plain = runFact(meta, jobs);
        if (!plain) {
            stats.skipped += 1;
            return true;
        }
        plain.attempt = attempt;
        // Held compactly until the collection ends (compact.ts): its jobs are built when read.
        const fact = compactRun(plain);
        known.set(`${id}/${attempt}`, fact);
        fresh.push(fact);
        stats.fetched += 1;
        return true;
    };
    // One queue for every jobs request: an hour's jobs are queued before the next hour's, so the
    // fetch stays newest first while the next hour is listed.
    const jobLimit = (0,pool/* createLimiter */.zm)(concurrency);
    /**
     * Lists one created range (newest first) and fetches what it holds that is not stored; complete
     * or not. `queued` is told once the first page's jobs are in the queue.
     */
    const listRange = async (lo, hi, queued = () => undefined) => {
        const range = `${iso(lo)}..${iso(hi)}`;
        const previous = state.ranges[range];
        const current = { complete: false, pages: previous?.pages ?? 1, etags: [] };
        state.ranges[range] = current;
        let complete = hi < started;
        for (let page = 1; page <= current.pages; page++) {
            const etag = previous?.etags[page - 1] ?? null;
            let answer;
            try {
                answer = await get('/repos/{owner}/{repo}/actions/runs', {
                    created: range,
                    per_page: PER_PAGE,
                    page,
                }, etag);
            }
            catch (error) {
                if (error instanceof BudgetSpent) {
                    current.etags = [...current.etags, ...(previous?.etags.slice(page - 1) ?? [])];
                    return false;
                }
                throw error;
            }
            if (answer.status === 304) {
                // Unchanged since every run on it was stored and completed.
                current.etags.push(etag);
                continue;
            }
            const total = Math.min(num(answer.data.total_count) ?? 0, Number.MAX_SAFE_INTEGER);
            if (page === 1 && total > LIST_CAP && hi - lo >= 2000) {
                // More than a filtered list returns: list the halves, newer first.
                const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
                const parts = [`${iso(mid + 1000)}..${iso(hi)}`, `${iso(lo)}..${iso(mid)}`];
                current.parts = parts;
                const newer = await listRange(mid + 1000, hi, queued);
                const older = newer || !stats.budgetExhausted ? await listRange(lo, mid) : false;
                current.complete = newer && older;
                current.listed = parts.every((part) => state.ranges[part]?.listed === true);
                return current.complete;
            }
            current.pages = Math.max(1, Math.ceil(Math.min(total, LIST_CAP) / PER_PAGE));
            const items = Array.isArray(answer.data.workflow_runs) ? answer.data.workflow_runs : [];
            let pageDone = true;
            const wanted = [];
            for (const item of items) {
                const id = typeof item === 'object' && item !== null ? num(item.id) : undefined;
                const attempts = id === undefined ? undefined : (num(item.run_attempt) ?? 1);
                if (id === undefined ||
                    attempts === undefined ||
                    attempts < 1 ||
                    time(item.created_at) === undefined) {
                    stats.skipped += 1;
                    continue;
                }
                const completed = item.status === 'completed';
                for (let attempt = 1; attempt <= attempts; attempt++) {
                    if (known.has(`${id}/${attempt}`))
                        continue;
                    if (attempt === attempts && !completed) {
                        stats.inProgress += 1;
                        pageDone = false;
                        continue;
                    }
                    wanted.push([item, attempt]);
                }
            }
            let spent = false;
            const fetching = Promise.all(wanted.map(([item, attempt]) => jobLimit(async () => {
                if (spent)
                    return;
                try {
                    if (!(await fetchAttempt(item, attempt)))
                        pageDone = false;
                }
                catch (error) {
                    if (!(error instanceof BudgetSpent))
                        throw error;
                    spent = true;
                    pageDone = false;
                }
            })));
            queued();
            await fetching;
            current.etags.push(pageDone && answer.etag ? answer.etag : null);
            if (!pageDone)
                complete = false;
            if (spent) {
                current.etags = [...current.etags, ...(previous?.etags.slice(page) ?? [])];
                return false;
            }
        }
        current.complete = complete;
        // Every page read and every completed run stored: only runs in progress are left.
        current.listed = true;
        return complete;
    };
    // The window's hours, newest first.
    const first = Math.floor(options.since / HOUR) * HOUR;
    const last = Math.floor(started / HOUR) * HOUR;
    const hourRange = (hour) => `${iso(hour)}..${iso(hour + HOUR - 1000)}`;
    try {
        // Two hours at a time: the next is listed while this one's jobs are fetched.
        let failure;
        const inFlight = [];
        for (let hour = last; hour >= first; hour -= HOUR) {
            if (failure !== undefined || stats.budgetExhausted)
                break;
            if (state.ranges[hourRange(hour)]?.complete && hour + HOUR <= started - lookback)
                continue;
            let queued = () => undefined;
            const ready = new Promise((resolve) => {
                queued = resolve;
            });
            inFlight.push(listRange(hour, hour + HOUR - 1000, () => queued())
                .then(() => undefined, (error) => {
                failure ??= error;
            })
                .finally(() => queued()));
            await ready;
            if (inFlight.length >= 2)
                await inFlight.shift();
        }
        await Promise.all(inFlight);
        if (failure !== undefined)
            throw failure;
    }
    catch (error) {
        if ((0,errors/* isConfigurationError */.p0)(error))
            throw error;
        if (error instanceof github_client/* GitHubRateLimitError */.Rr) {
            stats.rateLimited = true;
            stats.budgetExhausted = true;
        }
        else {
            stats.error = (0,errors/* errorMessage */.gJ)(error);
        }
        deps.warn(`Workflow runs: fetching stopped early (${(0,errors/* errorMessage */.gJ)(error)}); the ${stats.fetched} run attempts fetched are kept and the next run continues.`);
    }
    // Past hours not fetched yet (the current hour is listed again anyway; an hour whose only
    // runs left are in progress is fetched, and listed again until they finish).
    for (let hour = last - HOUR; hour >= first; hour -= HOUR) {
        const range = state.ranges[hourRange(hour)];
        if (!range?.complete && !range?.listed)
            stats.hoursLeft += 1;
    }
    // Ranges before the window are forgotten.
    for (const range of Object.keys(state.ranges)) {
        const end = Date.parse(range.slice(range.indexOf('..') + 2));
        if (!Number.isFinite(end) || end < first)
            delete state.ranges[range];
    }
    stats.complete = stats.hoursLeft === 0 && stats.error === undefined;
    const inWindow = [...known.values()].filter((run) => run.createdAt >= options.since);
    stats.fromStore = inWindow.length - fresh.filter((run) => run.createdAt >= options.since).length;
    if (deps.store && (fresh.length > 0 || JSON.stringify(state) !== before)) {
        try {
            stats.segments = await saveSegments(deps, fresh, inWindow, state, segments, started, options.compactAt ?? COMPACT_AT);
        }
        catch (error) {
            if ((0,errors/* isConfigurationError */.p0)(error))
                throw error;
            deps.warn(`Fetched workflow runs not stored (history: ${deps.store.kind}): ${(0,errors/* errorMessage */.gJ)(error)}; the next run fetches them again.`);
        }
    }
    else
        stats.segments = segments;
    inWindow.sort((a, b) => a.createdAt - b.createdAt || a.id - b.id || a.attempt - b.attempt);
    return { runs: inWindow, stats };
}
/** Stores the new attempts (a segment per 1,000) and the state; rewrites all as few when there are many. */
async function saveSegments(deps, fresh, inWindow, state, existing, now, compactAt) {
    const store = deps.store;
    const compact = existing + Math.max(1, Math.ceil(fresh.length / SEGMENT_RUNS)) > compactAt;
    const runs = compact ? inWindow : fresh;
    const chunks = [];
    for (let i = 0; i < runs.length; i += SEGMENT_RUNS)
        chunks.push(runs.slice(i, i + SEGMENT_RUNS));
    if (chunks.length === 0)
        chunks.push([]);
    const self = deps.run ?? { run: 'local', attempt: 1 };
    // All at once: one cache entry saved (a key is saved once), one push of the history branch.
    await store.appendAll(chunks.map((chunk, i) => ({
        v: 1,
        run: chunks.length > 1 ? `${self.run}.${i}` : self.run,
        attempt: self.attempt,
        branch: RUNS_STREAM,
        time: now + i,
        runs: chunk,
        ...(i === chunks.length - 1 ? { state } : {}),
    })), 
    // A compaction keeps only what it wrote.
    compact ? chunks.length : STORE_WINDOW);
    return compact ? chunks.length : existing + chunks.length;
}
/** One string object per distinct name: 200,000 jobs repeat a few dozen names. */
function interner() {
    const seen = new Map();
    return (text) => {
        const found = seen.get(text);
        if (found !== undefined)
            return found;
        if (seen.size < 100_000)
            seen.set(text, text);
        return text;
    };
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/sources/index.ts











async function collectFacts(deps, options) {
    if (!/^[^/\s]+\/[^/\s]+$/.test(options.repository))
        throw new errors/* ConfigurationError */.j1(`Repository '${options.repository}' is not owner/name (e.g. acme/service).`);
    if (!Number.isFinite(options.since))
        throw new errors/* ConfigurationError */.j1('The window start is not a time; give a number of days back.');
    const facts = {
        repository: options.repository,
        defaultBranch: options.defaultBranch,
        runs: [],
        deploys: [],
        tests: [],
        stages: [],
    };
    const stats = {
        runs: {
            requests: 0,
            notModified: 0,
            budgetUsed: 0,
            budget: options.runs?.requestBudget ?? DEFAULT_BUDGET,
            budgetExhausted: false,
            rateLimited: false,
            complete: true,
            fetched: 0,
            fromStore: 0,
            inProgress: 0,
            hoursLeft: 0,
            waits: 0,
            skipped: 0,
            segments: 0,
        },
        deploys: { repositories: 0, records: 0, skipped: 0, tagsCapped: 0 },
        tests: { records: 0, skipped: 0 },
        stages: { lines: 0, skipped: 0, unreadable: 0 },
    };
    const budget = options.runs?.requestBudget;
    if (budget !== undefined && (!Number.isSafeInteger(budget) || budget < 1))
        throw new errors/* ConfigurationError */.j1(`The request budget ${budget} is not a whole number of requests above 0 (GITHUB_TOKEN allows 1,000 an hour per repository).`);
    const sources = deploySources(deps, options.promotions ?? []);
    if (options.runs) {
        if (!deps.github)
            throw new Error('collectFacts: options.runs needs deps.github');
        const { runs, stats: runStats } = await fetchWorkflowRuns({ ...deps, github: deps.github, store: deps.runStore }, { repository: options.repository, since: options.since, ...options.runs });
        facts.runs = runs;
        stats.runs = runStats;
    }
    if (sources.length > 0) {
        const read = await readDeploys(sources, options.since, deps.warn);
        facts.deploys = read.deploys;
        stats.deploys = read.stats;
    }
    if (options.tests && deps.testStore) {
        const read = await readTests(deps.testStore, options.tests.branches.length > 0 ? options.tests.branches : [options.defaultBranch], options.tests.window, options.since, deps.warn);
        facts.tests = read.tests;
        stats.tests = read.stats;
    }
    if (options.stageLogs && options.stageLogs.length > 0) {
        const read = await readStages(options.stageLogs, options.since, deps.warn, deps.readLines);
        facts.stages = read.stages;
        stats.stages = read.stats;
    }
    return { facts, stats };
}
/** Each reference once per repository, with the tags named for it (none: every tag). */
function deploySources(deps, references) {
    if (references.length === 0)
        return [];
    if (!deps.openRegistry)
        throw new Error('collectFacts: options.promotions needs deps.openRegistry');
    const byRepository = new Map();
    for (const text of references) {
        let ref;
        try {
            ref = (0,oci/* parseReference */.F2)(text.trim());
        }
        catch (error) {
            const reason = error instanceof oci/* InvalidReferenceError */.x_ ? error.message : String(error);
            throw new errors/* ConfigurationError */.j1(`Promotion repository '${text}' is not a registry reference (${reason}); expected e.g. ghcr.io/acme/app or ghcr.io/acme/app:production.`);
        }
        const key = ref.kind === 'layout' ? `layout:${ref.dir}` : `${ref.registry}/${ref.repository}`;
        const entry = byRepository.get(key) ?? { ref, text: text.trim(), all: false };
        byRepository.set(key, entry);
        const named = ref.digest ?? ref.tag;
        if (named === undefined)
            entry.all = true;
        else {
            entry.tags ??= new Set();
            entry.tags.add(named);
        }
    }
    return [...byRepository.values()].map((entry) => ({
        reference: entry.text,
        repo: deps.openRegistry({ ...entry.ref, tag: undefined, digest: undefined }),
        ...(entry.all ? {} : { tags: [...(entry.tags ?? [])] }),
    }));
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/collect.ts






/**
 * The sources, as the action wires them: runs from the workflow runs API kept in the history store
 * (without a token: the runs already stored, as `gantry pipeline-metrics --history dir` reads them
 * in another CI system), deploys from promote's records, tests from quarantine's history, stages
 * from structured log files. Source warnings become warning annotations.
 */
async function gatherFromSources(ctx, config, since) {
    const repository = config.repository ?? ctx.github.repository;
    if (!repository)
        throw new runtime/* ConfigurationError */.j1(`Input '${INPUT.repository}' is empty and this is not a workflow run (no GITHUB_REPOSITORY): give the repository as owner/name.`);
    const defaultBranch = config.defaultBranch ?? ctx.github.payload.repository?.default_branch ?? 'main';
    const notes = [];
    const warn = (message) => ctx.runtime.annotate({ level: 'warning', title: 'pipeline-metrics source', message: (0,runtime/* oneLine */.TN)(message) });
    const run = { run: ctx.github.runId || `local-${ctx.clock.now()}`, attempt: ctx.github.runAttempt || 1 };
    const runStore = await runHistory(ctx, config, run);
    const deps = {
        now: () => ctx.clock.now(),
        warn,
        info: (message) => ctx.runtime.info((0,runtime/* oneLine */.TN)(message)),
        run,
    };
    const options = { repository, defaultBranch, since };
    if (config.githubToken) {
        deps.github = await ctx.gitHub(config.githubToken);
        deps.runStore = runStore;
        options.runs = { requestBudget: config.requestBudget };
    }
    if (config.promotions.length > 0) {
        const client = (0,oci/* createRegistryClient */.Hn)({
            http: ctx.http(),
            env: ctx.runtime.env,
            insecureRegistries: config.insecureRegistries,
            onSecret: (secret) => ctx.runtime.setSecret(secret),
        });
        deps.openRegistry = (ref) => (0,oci/* openRepository */.h_)(ref, client);
        options.promotions = config.promotions;
    }
    if (config.testHistory !== 'none') {
        // quarantine's own store, read only (dir or branch: another workflow's cache cannot be read).
        deps.testStore = await (0,src_history/* openHistoryStore */.gj)(ctx, quarantine_history/* RUN_RECORDS */.Vn, {
            history: config.testHistory,
            historyDir: config.testHistoryDir,
            historyBranch: config.testHistoryBranch,
        }, { run, cacheDirName: 'gantry-quarantine-history', unavailable: { title: 'Test history not read' } });
        options.tests = { branches: [defaultBranch], window: TEST_HISTORY_WINDOW };
    }
    if (config.stageLogs.length > 0)
        options.stageLogs = config.stageLogs;
    const { facts, stats } = await collectFacts(deps, options);
    if (!config.githubToken && runStore) {
        facts.runs = await storedRuns(runStore, since, warn);
        notes.push(`no github-token: ${facts.runs.length} runs from the ${runStore.kind} history only`);
    }
    return { facts, stats, notes };
}
/** The runs earlier collections stored, newest attempt of each kept once (no API call). */
async function storedRuns(store, since, warn) {
    const runs = new Map();
    try {
        for (const segment of await store.load(RUNS_STREAM, 100_000))
            for (const run of segment.runs)
                if (run.createdAt >= since)
                    runs.set(`${run.id}/${run.attempt}`, run);
    }
    catch (error) {
        warn(`Stored workflow runs not read (history: ${store.kind}): ${error.message}`);
    }
    return [...runs.values()];
}
function runHistory(ctx, config, run) {
    return (0,src_history/* openHistoryStore */.gj)(ctx, RUN_SEGMENTS, config, {
        run,
        cacheDirName: 'gantry-pipeline-metrics-runs',
        unavailable: { title: 'Workflow runs not kept', consequence: 'every run fetches the whole window' },
    });
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/net/index.ts
var net = __webpack_require__(155);
// EXTERNAL MODULE: ./src/net/errors.ts
var net_errors = __webpack_require__(3688);
;// CONCATENATED MODULE: ./src/pipeline-metrics/export/errors.ts

/**
 * An exporter's receiver (a Pushgateway, an OTLP endpoint) failed or refused what was sent. The
 * message names the input that points at the receiver; it never carries a header value or the
 * URL's credentials or query. `transient`/`unreachable` follow src/net's taxonomy so the adapter
 * decides (fail the step, or warn and go on) on properties, not class names.
 */
class ExportError extends net_errors/* ServiceError */._7 {
    input;
    transient;
    unreachable;
    status;
    name = 'ExportError';
    constructor(message, 
    /** The input naming the receiver (its URL). */
    input, transient, unreachable, 
    /** The HTTP status, when the receiver answered. */
    status) {
        super(message);
        this.input = input;
        this.transient = transient;
        this.unreachable = unreachable;
        this.status = status;
    }
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/export/endpoint.ts



const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers the exporters set themselves; a user's value would break the request. */
const RESERVED = new Set(['content-type', 'content-length', 'content-encoding', 'host', 'transfer-encoding']);
/**
 * Extra headers, one `Name: value` a line (curl's -H form); blank lines and `#` comments are
 * skipped. A wrong line is a ConfigurationError naming the input and the line number, never the
 * value (it is a credential).
 */
function parseHeaderLines(text, input) {
    const headers = {};
    const secrets = [];
    const lines = text.split(/\r?\n/);
    lines.forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const colon = line.indexOf(':');
        const where = `Input '${input}', line ${index + 1}`;
        if (colon <= 0)
            throw new errors/* ConfigurationError */.j1(`${where}: expected 'Name: value' (the value is not shown: it is a secret).`);
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (!TOKEN.test(name))
            throw new errors/* ConfigurationError */.j1(`${where}: ${JSON.stringify(name.slice(0, 40))} is not a header name (letters, digits and !#$%&'*+.^_\`|~-).`);
        if (RESERVED.has(name.toLowerCase()))
            throw new errors/* ConfigurationError */.j1(`${where}: the exporter sets ${name} itself; remove that line.`);
        if (value === '')
            throw new errors/* ConfigurationError */.j1(`${where}: the header ${name} has no value.`);
        if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value))
            throw new errors/* ConfigurationError */.j1(`${where}: the value of ${name} has a control character.`);
        // HTTP carries header values as Latin-1: Node refuses anything else when the request is made.
        if (/[^\t\x20-\x7e\x80-\xff]/.test(value))
            throw new errors/* ConfigurationError */.j1(`${where}: the value of ${name} has a character HTTP headers cannot carry.`);
        if (Object.keys(headers).some((known) => known.toLowerCase() === name.toLowerCase()))
            throw new errors/* ConfigurationError */.j1(`${where}: the header ${name} is given twice.`);
        headers[name] = value;
        secrets.push(value);
    });
    return { headers, secrets };
}
/**
 * The receiver's URL from an input: http or https, no query or fragment (an exporter appends its
 * own path). Credentials in the URL (`https://user:pass@host`) become a Basic Authorization header
 * and secrets; a URL that also has an Authorization header is refused (which one counts?).
 */
function exportTarget(urlText, urlInput, headerText, headersInput) {
    const { headers, secrets } = parseHeaderLines(headerText, headersInput);
    let url;
    try {
        url = new URL(urlText.trim());
    }
    catch {
        throw errors/* ConfigurationError */.j1.forInput(urlInput, shownUrl(urlText), 'an http(s) URL such as http://pushgateway:9091');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw errors/* ConfigurationError */.j1.forInput(urlInput, shownUrl(urlText), 'an http:// or https:// URL');
    if (url.search || url.hash)
        throw errors/* ConfigurationError */.j1.forInput(urlInput, (0,net/* safeUrl */.Pl)(url), 'a URL without a query or fragment (the exporter appends its own path)');
    if (url.username || url.password) {
        if (Object.keys(headers).some((name) => name.toLowerCase() === 'authorization'))
            throw new errors/* ConfigurationError */.j1(`Input '${urlInput}' has credentials and '${headersInput}' has an Authorization header: give one of them.`);
        const user = decodeURIComponent(url.username);
        const password = decodeURIComponent(url.password);
        const basic = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
        headers.Authorization = basic;
        secrets.push(basic);
        if (password)
            secrets.push(password);
        url.username = '';
        url.password = '';
    }
    url.pathname = url.pathname.replace(/\/+$/, '');
    return { url, headers, secrets };
}
/** A URL as given, for an error message: credentials and query cut when it parses at all. */
function shownUrl(text) {
    try {
        return (0,net/* safeUrl */.Pl)(text.trim());
    }
    catch {
        return text.replace(/\/\/[^/@]*@/, '//***@');
    }
}
/** The target's base URL with `path` appended (`path` already escaped). */
function targetUrl(target, path) {
    const url = new URL(target.url.toString());
    url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
    return url;
}
/** `text` with every secret replaced by ***: for a receiver's error body, which may echo a header. */
function redact(text, secrets) {
    let out = text;
    for (const secret of secrets)
        if (secret.length >= 3)
            out = out.split(secret).join('***');
    return out;
}
/**
 * Send one request to the receiver through src/net; a network failure becomes an ExportError
 * naming the input. Returns the response, whatever its status.
 */
async function sendToReceiver(http, target, input, what, request) {
    try {
        return await http.request({
            url: request.url,
            method: request.method,
            headers: { ...target.headers, ...request.headers },
            body: request.body,
            retrySafe: request.retrySafe,
            sensitive: { headers: Object.keys(target.headers) },
            redirect: 'same-origin',
        });
    }
    catch (error) {
        const raw = error instanceof Error ? error.message : String(error);
        // src/net's messages start with the URL, which this one already names.
        const message = raw.startsWith(`${(0,net/* safeUrl */.Pl)(request.url)}: `)
            ? raw.slice((0,net/* safeUrl */.Pl)(request.url).length + 2)
            : raw;
        throw new ExportError(`Input '${input}': could not reach ${what} at ${(0,net/* safeUrl */.Pl)(request.url)}: ${redact(message, target.secrets)}`, input, (0,net/* isServiceError */.gi)(error) ? error.transient : true, true);
    }
}
/** The start of an error body, one line, secrets cut: enough for a person to see why. */
async function errorExcerpt(response, secrets, decode) {
    let bytes;
    try {
        bytes = await response.bytes(64 * 1024);
    }
    catch {
        return '';
    }
    const text = decode?.(bytes) ?? Buffer.from(bytes).toString('utf8');
    const line = redact(text, secrets).replace(/\s+/g, ' ').trim();
    return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/export/protobuf.ts
/**
 * The little of protocol buffers' wire format the OTLP exporter needs: writing varints, fixed64,
 * length-delimited fields and nested messages; reading the fields of a (small) response. Written
 * here so the action bundle carries no protobuf runtime; the test receiver decodes what this
 * writes with protobufjs and the official OTLP .proto files.
 */
const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH = 2;
const WIRE_FIXED32 = 5;
/**
 * Builds one message into a growing buffer, nested messages in place.
 */
class ProtoWriter {
    buf;
    pos = 0;
    constructor(initial = 64 * 1024) {
        this.buf = Buffer.allocUnsafe(initial);
    }
    ensure(n) {
        if (this.pos + n <= this.buf.length)
            return;
        let size = this.buf.length * 2;
        while (size < this.pos + n)
            size *= 2;
        const next = Buffer.allocUnsafe(size);
        this.buf.copy(next, 0, 0, this.pos);
        this.buf = next;
    }
    varint(value) {
        if (typeof value === 'number' && value >= 0 && value <= 0x7fffffff) {
            this.ensure(5);
            let v = value;
            while (v >= 0x80) {
                this.buf[this.pos++] = (v & 0x7f) | 0x80;
                v >>>= 7;
            }
            this.buf[this.pos++] = v;
            return;
        }
        let v = BigInt.asUintN(64, BigInt(value));
        this.ensure(10);
        while (v >= 0x80n) {
            this.buf[this.pos++] = Number(v & 0x7fn) | 0x80;
            v >>= 7n;
        }
        this.buf[this.pos++] = Number(v);
    }
    tag(field, wire) {
        this.varint((field << 3) | wire);
    }
    get length() {
        return this.pos;
    }
    /** uint32/uint64/int64/enum/bool (negative int64 as two's complement, as protobuf does). */
    uint(field, value) {
        this.tag(field, WIRE_VARINT);
        this.varint(value);
        return this;
    }
    bool(field, value) {
        return this.uint(field, value ? 1 : 0);
    }
    fixed64(field, value) {
        this.tag(field, WIRE_FIXED64);
        this.ensure(8);
        this.buf.writeBigUInt64LE(BigInt.asUintN(64, value), this.pos);
        this.pos += 8;
        return this;
    }
    fixed32(field, value) {
        this.tag(field, WIRE_FIXED32);
        this.ensure(4);
        this.buf.writeUInt32LE(value >>> 0, this.pos);
        this.pos += 4;
        return this;
    }
    double(field, value) {
        this.tag(field, WIRE_FIXED64);
        this.ensure(8);
        this.buf.writeDoubleLE(value, this.pos);
        this.pos += 8;
        return this;
    }
    bytes(field, value) {
        this.tag(field, WIRE_LENGTH);
        this.varint(value.byteLength);
        this.ensure(value.byteLength);
        this.buf.set(value, this.pos);
        this.pos += value.byteLength;
        return this;
    }
    /**
     * A string field as UTF-8. A lone surrogate becomes U+FFFD (protobuf strings must be valid
     * UTF-8): Buffer's encoder does that itself, as wellFormed() states it for the text format.
     */
    string(field, value) {
        const length = Buffer.byteLength(value, 'utf8');
        this.tag(field, WIRE_LENGTH);
        this.varint(length);
        this.ensure(length);
        this.pos += this.buf.write(value, this.pos, length, 'utf8');
        return this;
    }
    /**
     * A nested message, built in place: one byte is kept for its length and the body moved right
     * when the length needs more (most nested messages, attributes, are under 128 bytes).
     */
    message(field, build) {
        this.tag(field, WIRE_LENGTH);
        this.ensure(1);
        const start = this.pos;
        this.pos += 1;
        build(this);
        const length = this.pos - start - 1;
        let size = 1;
        for (let v = length; v >= 0x80; v >>>= 7)
            size += 1;
        if (size > 1) {
            this.ensure(size - 1);
            this.buf.copyWithin(start + size, start + 1, this.pos);
            this.pos += size - 1;
        }
        let v = length;
        let at = start;
        while (v >= 0x80) {
            this.buf[at++] = (v & 0x7f) | 0x80;
            v >>>= 7;
        }
        this.buf[at] = v;
        return this;
    }
    finish() {
        return this.buf.subarray(0, this.pos);
    }
}
/** The top-level fields of a message, in order; throws on malformed input. */
function readFields(bytes) {
    const fields = [];
    let pos = 0;
    const varint = () => {
        let result = 0n;
        for (let shift = 0n; shift < 70n; shift += 7n) {
            if (pos >= bytes.length)
                throw new Error('truncated varint');
            const b = bytes[pos++];
            result |= BigInt(b & 0x7f) << shift;
            if ((b & 0x80) === 0)
                return result;
        }
        throw new Error('varint too long');
    };
    const take = (n) => {
        if (pos + n > bytes.length)
            throw new Error('truncated field');
        const out = bytes.subarray(pos, pos + n);
        pos += n;
        return out;
    };
    while (pos < bytes.length) {
        const key = varint();
        const field = Number(key >> 3n);
        const wire = Number(key & 7n);
        if (field === 0)
            throw new Error('field number 0');
        if (wire === WIRE_VARINT)
            fields.push({ field, wire, value: varint() });
        else if (wire === WIRE_FIXED64)
            fields.push({ field, wire, value: take(8) });
        else if (wire === WIRE_LENGTH)
            fields.push({ field, wire, value: take(Number(varint())) });
        else if (wire === WIRE_FIXED32)
            fields.push({ field, wire, value: take(4) });
        else
            throw new Error(`unsupported wire type ${wire}`);
    }
    return fields;
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/export/otlp.ts





/**
 * Workflow runs as OTLP/HTTP traces: one trace per run attempt, a run span (kind SERVER, as the
 * OpenTelemetry CI/CD conventions ask of a pipeline run), a child span per job and a grandchild
 * per step. Ids are derived from the repository, run id, attempt, job id and step number, so
 * exporting the same run again sends the same ids: a backend sees one run, not two.
 * Sent as binary protobuf (`application/x-protobuf`), encoded by ./protobuf.ts.
 */
const OTLP_INPUTS = { endpoint: 'otlp-endpoint', headers: 'otlp-headers' };
const OTLP_CONTENT_TYPE = 'application/x-protobuf';
const DEFAULT_SPANS_PER_REQUEST = 2000;
const SCOPE_NAME = 'gantry/pipeline-metrics';
const SPAN_KIND = { internal: 1, server: 2 };
/** OTLP's StatusCode: UNSET leaves the verdict to the backend; ERROR marks a failed run, job or step. */
const STATUS_CODE = { unset: 0, ok: 1, error: 2 };
/** GitHub's conclusion as `cicd.pipeline.result` / `cicd.pipeline.task.run.result` values. */
function pipelineResult(conclusion) {
    switch (conclusion) {
        case 'success':
        case 'neutral':
            return 'success';
        case 'failure':
        case 'action_required':
            return 'failure';
        case 'cancelled':
            return 'cancellation';
        case 'skipped':
        case 'stale':
            return 'skip';
        case 'timed_out':
            return 'timeout';
        case 'startup_failure':
            return 'error';
        default:
            return undefined;
    }
}
/** A job's `cicd.pipeline.task.type` (build, test, deploy) from its name, when the name says so. */
function taskType(jobName) {
    if (/deploy|release|promot|publish|rollout/i.test(jobName))
        return 'deploy';
    if (/test|spec|e2e|check/i.test(jobName))
        return 'test';
    if (/build|compile|package|bundle/i.test(jobName))
        return 'build';
    return undefined;
}
function digest(parts, length) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const part of parts)
        hash.update(`${String(part).length}:${part};`);
    const id = Uint8Array.from(hash.digest().subarray(0, length));
    // An all-zero id is invalid in OTLP; a hash gives one with probability 2^-64 at worst.
    if (id.every((b) => b === 0))
        id[length - 1] = 1;
    return id;
}
/** The trace id of one run attempt: the same run and attempt always give the same id. */
function traceIdOf(repository, runId, attempt) {
    return digest(['gantry-run-trace', repository, runId, attempt], 16);
}
function runSpanIdOf(repository, runId, attempt) {
    return digest(['gantry-run-span', repository, runId, attempt], 8);
}
function jobSpanIdOf(repository, runId, attempt, jobId) {
    return digest(['gantry-job-span', repository, runId, attempt, jobId], 8);
}
function stepSpanIdOf(repository, runId, attempt, jobId, stepNumber) {
    return digest(['gantry-step-span', repository, runId, attempt, jobId, stepNumber], 8);
}
const ns = (ms) => BigInt(Math.round(ms)) * 1000000n;
const FAILED = new Set(['failure', 'timeout', 'error']);
function otlp_status(result, conclusion) {
    return result !== undefined && FAILED.has(result)
        ? { code: STATUS_CODE.error, message: conclusion ?? result }
        : { code: STATUS_CODE.unset };
}
function resultAttributes(key, result) {
    if (result === undefined)
        return [];
    const out = [[key, result]];
    // error.type is conditionally required when the result is failure or error.
    if (result === 'failure' || result === 'error' || result === 'timeout')
        out.push(['error.type', result]);
    return out;
}
/** The spans of one completed run attempt; a run still in progress has none (it is exported later). */
function runSpans(run, repository) {
    const result = pipelineResult(run.conclusion);
    // In progress (no conclusion) or without a usable start: nothing to draw yet.
    if (run.conclusion === null || !Number.isFinite(run.startedAt))
        return [];
    const traceId = traceIdOf(repository, run.id, run.attempt);
    const runSpanId = runSpanIdOf(repository, run.id, run.attempt);
    const spans = [];
    let runEnd = Number.isFinite(run.updatedAt) ? run.updatedAt : run.startedAt;
    for (const job of run.jobs)
        if (Number.isFinite(job.completedAt))
            runEnd = Math.max(runEnd, job.completedAt);
    spans.push({
        traceId,
        spanId: runSpanId,
        name: `RUN ${run.name}`,
        kind: SPAN_KIND.server,
        startNs: ns(run.startedAt),
        endNs: ns(Math.max(run.startedAt, runEnd)),
        attributes: [
            ['cicd.pipeline.name', run.name],
            ['cicd.pipeline.run.id', String(run.id)],
            ['cicd.pipeline.action.name', 'RUN'],
            ...resultAttributes('cicd.pipeline.result', result),
            ...(run.url ? [['cicd.pipeline.run.url.full', run.url]] : []),
            ['vcs.ref.head.name', run.branch],
            ['vcs.ref.head.revision', run.sha],
            ['gantry.workflow.path', run.workflow],
            ['gantry.run.attempt', run.attempt],
            ['gantry.run.event', run.event],
        ],
        status: otlp_status(result, run.conclusion),
    });
    for (const job of run.jobs)
        spans.push(...jobSpans(run, job, repository, traceId, runSpanId));
    return spans;
}
/** A job's page, from its run's (`…/actions/runs/<id>[/attempts/<n>]` → `…/actions/runs/<id>/job/<job id>`). */
function jobUrlOf(runUrl, jobId) {
    const m = /^(https?:\/\/[^?#]+\/actions\/runs\/\d+)(?:\/attempts\/\d+)?\/?$/.exec(runUrl);
    return m ? `${m[1]}/job/${jobId}` : undefined;
}
function jobSpans(run, job, repository, traceId, parent) {
    const result = pipelineResult(job.conclusion);
    const spanId = jobSpanIdOf(repository, run.id, run.attempt, job.id);
    const start = Number.isFinite(job.startedAt) ? job.startedAt : job.createdAt;
    if (!Number.isFinite(start))
        return [];
    const end = Number.isFinite(job.completedAt) ? Math.max(start, job.completedAt) : start;
    const type = taskType(job.name);
    const attributes = [
        ['cicd.pipeline.name', run.name],
        ['cicd.pipeline.run.id', String(run.id)],
        ['cicd.pipeline.task.name', job.name],
        ['cicd.pipeline.task.run.id', String(job.id)],
        ...resultAttributes('cicd.pipeline.task.run.result', result),
    ];
    if (type)
        attributes.push(['cicd.pipeline.task.type', type]);
    const jobUrl = jobUrlOf(run.url, job.id);
    if (jobUrl)
        attributes.push(['cicd.pipeline.task.run.url.full', jobUrl]);
    if (job.runnerName)
        attributes.push(['cicd.worker.name', job.runnerName]);
    if (Number.isFinite(job.startedAt) && Number.isFinite(job.createdAt))
        attributes.push(['gantry.job.queued_ms', Math.round(Math.max(0, job.startedAt - job.createdAt))]);
    const spans = [
        {
            traceId,
            spanId,
            parentSpanId: parent,
            name: job.name,
            kind: SPAN_KIND.internal,
            startNs: ns(start),
            endNs: ns(end),
            attributes,
            status: otlp_status(result, job.conclusion),
        },
    ];
    for (const step of job.steps) {
        const span = stepSpan(run, job, step, repository, traceId, spanId);
        if (span)
            spans.push(span);
    }
    return spans;
}
function stepSpan(run, job, step, repository, traceId, parent) {
    // A step that never started (skipped before it ran) has no time to draw.
    if (!Number.isFinite(step.startedAt))
        return undefined;
    const result = pipelineResult(step.conclusion);
    return {
        traceId,
        spanId: stepSpanIdOf(repository, run.id, run.attempt, job.id, step.number),
        parentSpanId: parent,
        name: step.name,
        kind: SPAN_KIND.internal,
        startNs: ns(step.startedAt),
        endNs: ns(Number.isFinite(step.completedAt) ? Math.max(step.startedAt, step.completedAt) : step.startedAt),
        attributes: [
            ['cicd.pipeline.name', run.name],
            ['cicd.pipeline.run.id', String(run.id)],
            ['cicd.pipeline.task.name', step.name],
            ['cicd.pipeline.task.run.id', `${job.id}/${step.number}`],
            ...resultAttributes('cicd.pipeline.task.run.result', result),
            ['gantry.step.number', step.number],
        ],
        status: otlp_status(result, step.conclusion),
    };
}
function writeAttribute(w, field, key, value) {
    w.message(field, (kv) => {
        kv.string(1, key);
        kv.message(2, (any) => {
            if (typeof value === 'string')
                any.string(1, value);
            else if (typeof value === 'boolean')
                any.bool(2, value);
            else if (Number.isInteger(value))
                any.uint(3, BigInt(value));
            else
                any.double(4, value);
        });
    });
}
/** An ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1) with one resource and scope. */
function encodeTraceRequest(spans, resource, scope) {
    const request = new ProtoWriter();
    request.message(1, (resourceSpans) => {
        resourceSpans.message(1, (r) => {
            for (const [key, value] of resource)
                writeAttribute(r, 1, key, value);
        });
        resourceSpans.message(2, (scopeSpans) => {
            scopeSpans.message(1, (s) => {
                s.string(1, scope.name);
                if (scope.version)
                    s.string(2, scope.version);
            });
            for (const span of spans)
                scopeSpans.message(2, (s) => {
                    s.bytes(1, span.traceId);
                    s.bytes(2, span.spanId);
                    if (span.parentSpanId)
                        s.bytes(4, span.parentSpanId);
                    s.string(5, span.name);
                    s.uint(6, span.kind);
                    s.fixed64(7, span.startNs);
                    s.fixed64(8, span.endNs);
                    for (const [key, value] of span.attributes)
                        writeAttribute(s, 9, key, value);
                    if (span.status.code !== STATUS_CODE.unset || span.status.message)
                        s.message(15, (st) => {
                            if (span.status.message)
                                st.string(2, span.status.message);
                            if (span.status.code)
                                st.uint(3, span.status.code);
                        });
                });
        });
    });
    return request.finish();
}
/** ExportTraceServiceResponse's partial_success: spans rejected and why (protobuf or JSON body). */
function readPartialSuccess(body, contentType) {
    if (body.byteLength === 0)
        return { rejectedSpans: 0, message: '' };
    if (contentType?.includes('json')) {
        const parsed = JSON.parse(Buffer.from(body).toString('utf8'));
        return {
            rejectedSpans: Number(parsed.partialSuccess?.rejectedSpans ?? 0),
            message: parsed.partialSuccess?.errorMessage ?? '',
        };
    }
    let rejectedSpans = 0;
    let message = '';
    for (const top of readFields(body))
        if (top.field === 1 && top.wire === 2)
            for (const f of readFields(top.value)) {
                if (f.field === 1 && f.wire === 0)
                    rejectedSpans = Number(BigInt.asIntN(64, f.value));
                if (f.field === 2 && f.wire === 2)
                    message = Buffer.from(f.value).toString('utf8');
            }
    return { rejectedSpans, message };
}
/** google.rpc.Status's message (field 2) from a protobuf error body, if it is one. */
function statusMessage(bytes) {
    try {
        for (const f of readFields(bytes))
            if (f.field === 2 && f.wire === 2)
                return Buffer.from(f.value).toString('utf8');
    }
    catch {
        // not protobuf: shown as text
    }
    return undefined;
}
/**
 * The runs' spans in batches of about `size`, a run never split. Spans are built run by run as
 * the batches are sent, so memory holds one batch, not every run's spans (10,000 runs of 20 jobs
 * are hundreds of thousands of spans).
 */
function* batches(runs, repository, size, skipped) {
    let batch = [];
    for (const run of runs) {
        const spans = runSpans(run, repository);
        if (spans.length === 0) {
            skipped();
            continue;
        }
        if (batch.length > 0 && batch.length + spans.length > size) {
            yield batch;
            batch = [];
        }
        for (const span of spans)
            batch.push(span);
    }
    if (batch.length > 0)
        yield batch;
}
/**
 * POST the completed runs as traces to `<endpoint>/v1/traces`, in batches. A receiver's refusal
 * (4xx, or 5xx once src/net's retries are spent) is an ExportError naming the endpoint input, with
 * the receiver's message and how many batches it had accepted; a partial success is counted and
 * its message returned as a warning.
 */
async function exportRunTraces(runs, options) {
    const inputs = { ...OTLP_INPUTS, ...options.inputs };
    const url = targetUrl(options.target, '/v1/traces');
    const resource = [
        ['service.name', options.serviceName ?? 'github-actions'],
        ['vcs.repository.name', options.repository],
    ];
    const result = {
        url: (0,net/* safeUrl */.Pl)(url),
        requests: 0,
        runs: 0,
        spans: 0,
        skippedRuns: 0,
        rejectedSpans: 0,
        warnings: [],
    };
    const size = Math.max(1, options.spansPerRequest ?? DEFAULT_SPANS_PER_REQUEST);
    for (const batch of batches(runs, options.repository, size, () => (result.skippedRuns += 1))) {
        const body = encodeTraceRequest(batch, resource, { name: SCOPE_NAME, version: options.scopeVersion });
        const response = await sendToReceiver(options.http, options.target, inputs.endpoint, 'the OTLP receiver', {
            url,
            method: 'POST',
            headers: { 'content-type': OTLP_CONTENT_TYPE },
            body,
            // The ids are deterministic: a repeat sends the same spans, which a backend folds together.
            retrySafe: true,
        });
        result.requests += 1;
        if (!response.ok) {
            const status = response.status;
            const reason = await errorExcerpt(response, options.target.secrets, statusMessage);
            const hint = status === 401 || status === 403
                ? ` (check the credentials in '${inputs.headers}')`
                : status === 404 || status === 405
                    ? ` (is '${inputs.endpoint}' the OTLP/HTTP base URL, without /v1/traces?)`
                    : status === 415
                        ? ' (the receiver does not take OTLP protobuf)'
                        : '';
            throw new ExportError(`Input '${inputs.endpoint}': the OTLP receiver at ${(0,net/* safeUrl */.Pl)(url)} refused the traces: HTTP ${status}${reason ? `: ${reason}` : ''}${hint}; ${result.spans} spans in ${result.requests - 1} earlier requests were accepted`, inputs.endpoint, status === 429 || status === 502 || status === 503 || status === 504, false, status);
        }
        let partial;
        try {
            partial = readPartialSuccess(await response.bytes(1024 * 1024), response.headers.get('content-type'));
        }
        catch (error) {
            partial = { rejectedSpans: 0, message: '' };
            result.warnings.push(`the OTLP receiver's answer could not be read: ${redact(error instanceof Error ? error.message : String(error), options.target.secrets)}`);
        }
        result.spans += batch.length - partial.rejectedSpans;
        if (partial.rejectedSpans > 0 || partial.message) {
            result.rejectedSpans += partial.rejectedSpans;
            result.warnings.push(`the OTLP receiver rejected ${partial.rejectedSpans} of ${batch.length} spans${partial.message ? `: ${redact(partial.message, options.target.secrets)}` : ''}`);
        }
    }
    result.runs = runs.length - result.skippedRuns;
    return result;
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/export/text.ts
/**
 * The string with each lone surrogate replaced by U+FFFD: what UTF-8 (Prometheus' text format,
 * protobuf strings) can carry, and what Node's encoder would write anyway, stated once.
 */
function wellFormed(value) {
    return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/export/prometheus.ts





/**
 * The report as Prometheus gauges in the text exposition format (version 0.0.4), pushed to a
 * Pushgateway: the convention for batch jobs, which a scrape cannot reach. One PUT replaces the
 * whole group, so a series that left the report (a job renamed, a test no longer flaky) leaves the
 * Pushgateway too.
 */
/** Input names used in error messages; the action's constants must use the same ones. */
const PUSHGATEWAY_INPUTS = {
    url: 'pushgateway-url',
    job: 'pushgateway-job',
    grouping: 'pushgateway-grouping',
    headers: 'pushgateway-headers',
};
const DEFAULT_PUSHGATEWAY_JOB = 'gantry-pipeline-metrics';
const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Labels the metrics carry themselves: a grouping label of the same name would contradict them. */
const METRIC_LABELS = [
    'service',
    'environment',
    'workflow',
    'branch',
    'test',
    'job_name',
    'step',
    'action',
    'stage',
    'key',
    'kind',
];
const seconds = (ms) => ms / 1000;
/** The report as gauge families, in a fixed order; undefined values are left out, not zeroed. */
function reportFamilies(report, options = {}) {
    const families = [];
    const family = (name, help, items, labels, value) => {
        const samples = [];
        for (const item of items) {
            const v = value(item);
            if (v !== undefined)
                samples.push({ labels: labels(item), value: v });
        }
        families.push({ name, help, type: 'gauge', samples });
    };
    family('gantry_pipeline_metrics_generated_timestamp_seconds', 'When the report was computed (Unix time).', [report], () => [], (r) => seconds(r.generatedAt));
    family('gantry_pipeline_metrics_window_start_timestamp_seconds', 'Start of the window the report covers (Unix time).', [report], () => [], (r) => seconds(r.window.from));
    family('gantry_pipeline_metrics_window_end_timestamp_seconds', 'End of the window the report covers (Unix time).', [report], () => [], (r) => seconds(r.window.to));
    const dora = (d) => [
        ['service', d.service],
        ['environment', d.environment],
    ];
    family('gantry_dora_deployments', 'Deployments in the window.', report.dora, dora, (d) => d.deployments);
    family('gantry_dora_deployments_per_week', 'Deployment frequency: deployments per week over the window.', report.dora, dora, (d) => d.deploymentsPerWeek);
    family('gantry_dora_lead_time_seconds', 'Median lead time from commit to production promotion.', report.dora, dora, (d) => (d.leadTimeMs === undefined ? undefined : seconds(d.leadTimeMs)));
    family('gantry_dora_change_failure_ratio', 'Change failure rate: failed deploys and rollbacks over deploys.', report.dora, dora, (d) => d.changeFailureRate);
    family('gantry_dora_time_to_restore_seconds', 'Median time from a failed deploy or rollback to the next good promotion.', report.dora, dora, (d) => (d.timeToRestoreMs === undefined ? undefined : seconds(d.timeToRestoreMs)));
    const pass = (p) => [
        ['workflow', p.workflow],
        ['branch', p.branch],
    ];
    family('gantry_workflow_runs', 'Completed workflow runs in the window.', report.passRates, pass, (p) => p.runs);
    family('gantry_workflow_passed_runs', 'Workflow runs that passed.', report.passRates, pass, (p) => p.passed);
    family('gantry_workflow_pass_ratio', 'Pass rate of the workflow.', report.passRates, pass, (p) => p.rate);
    const topFlakes = [...report.flakes]
        .sort((a, b) => b.rate - a.rate || b.flakyRuns - a.flakyRuns || (a.test < b.test ? -1 : a.test > b.test ? 1 : 0))
        .slice(0, options.topFlakes ?? report.flakes.length);
    const test = (f) => [['test', f.test]];
    family('gantry_test_flake_ratio', 'Flake rate of the test (top N).', topFlakes, test, (f) => f.rate);
    family('gantry_test_flaky_runs', 'Runs in which the test flaked (top N).', topFlakes, test, (f) => f.flakyRuns);
    family('gantry_test_runs', 'Runs of the test (top N flaky tests).', topFlakes, test, (f) => f.runs);
    const jobs = report.durations.filter((d) => d.step === undefined);
    const steps = report.durations.filter((d) => d.step !== undefined);
    const job = (d) => [
        ['workflow', d.workflow],
        ['job_name', d.job],
    ];
    const step = (d) => [...job(d), ['step', d.step ?? '']];
    for (const [kind, items, labels] of [
        ['job', jobs, job],
        ['step', steps, step],
    ]) {
        family(`gantry_${kind}_duration_median_seconds`, `Median ${kind} duration over the baseline window.`, items, labels, (d) => seconds(d.medianMs));
        family(`gantry_${kind}_duration_mad_seconds`, `Median absolute deviation of the ${kind} duration over the baseline window.`, items, labels, (d) => seconds(d.madMs));
        family(`gantry_${kind}_duration_latest_seconds`, `Duration of the latest ${kind} run.`, items, labels, (d) => seconds(d.latestMs));
        family(`gantry_${kind}_duration_samples`, `Runs in the ${kind} duration baseline.`, items, labels, (d) => d.samples);
        family(`gantry_${kind}_duration_consecutive_over`, `Consecutive latest ${kind} runs beyond the baseline threshold.`, items, labels, (d) => d.consecutiveOver);
    }
    family('gantry_job_queue_median_seconds', 'Median queue time of the job.', report.queue, job, (q) => seconds(q.medianMs));
    family('gantry_job_queue_p90_seconds', '90th percentile queue time of the job.', report.queue, job, (q) => seconds(q.p90Ms));
    const stage = (s) => [
        ['action', s.action],
        ['stage', s.stage],
    ];
    family('gantry_stage_runs', 'Runs of the stage in the window.', report.stages, stage, (s) => s.runs);
    family('gantry_stage_retries', 'Network retries in the stage over the window.', report.stages, stage, (s) => s.retries);
    family('gantry_stage_retries_exhausted', 'Requests of the stage that failed after their last retry.', report.stages, stage, (s) => s.exhausted);
    family('gantry_alert_firing', '1 while the alert fires, 0 once it recovered.', report.alerts, (a) => [
        ['key', a.key],
        ['kind', a.kind],
    ], (a) => (a.firing ? 1 : 0));
    return families;
}
/** A label value in the text format: backslash, double quote and line feed escaped; valid UTF-8. */
function escapeLabelValue(value) {
    return wellFormed(value).replace(/[\\"\n]/g, (c) => c === '\\' ? '\\\\' : c === '"' ? '\\"' : '\\n');
}
/** HELP text: backslash and line feed escaped. */
function escapeHelp(text) {
    return wellFormed(text).replace(/[\\\n]/g, (c) => (c === '\\' ? '\\\\' : '\\n'));
}
/** A sample value as Go's ParseFloat (Prometheus' parser) reads it. */
function formatValue(value) {
    if (Number.isNaN(value))
        return 'NaN';
    if (value === Number.POSITIVE_INFINITY)
        return '+Inf';
    if (value === Number.NEGATIVE_INFINITY)
        return '-Inf';
    return String(value);
}
/**
 * The families as text: one HELP and one TYPE line per family, then its samples; families without
 * samples are left out; a series given twice is written once (the first). Throws on a metric or
 * label name outside Prometheus' rules (a bug, not a user's mistake: the names are the code's).
 */
function renderExposition(families) {
    const lines = [];
    const seenFamilies = new Set();
    let duplicates = 0;
    let samples = 0;
    for (const family of families) {
        if (!METRIC_NAME.test(family.name))
            throw new Error(`metric name ${JSON.stringify(family.name)} is not valid`);
        if (seenFamilies.has(family.name))
            throw new Error(`metric family ${family.name} given twice`);
        seenFamilies.add(family.name);
        if (family.samples.length === 0)
            continue;
        lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
        const seenSeries = new Set();
        for (const sample of family.samples) {
            const names = new Set();
            for (const [name] of sample.labels) {
                if (!LABEL_NAME.test(name) || name.startsWith('__'))
                    throw new Error(`label name ${JSON.stringify(name)} of ${family.name} is not valid`);
                if (names.has(name))
                    throw new Error(`label ${name} given twice in ${family.name}`);
                names.add(name);
            }
            const labels = sample.labels.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',');
            const series = `${family.name}{${labels}}`;
            if (seenSeries.has(series)) {
                duplicates += 1;
                continue;
            }
            seenSeries.add(series);
            samples += 1;
            lines.push(`${sample.labels.length > 0 ? series : family.name} ${formatValue(sample.value)}`);
        }
    }
    return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', duplicates, samples };
}
/**
 * The Pushgateway path of a group: `/metrics/job/<job>{/<label>/<value>}`. Every value but a plain
 * one (letters, digits, `-._~`) goes in the `@base64` form (base64url), which the Pushgateway
 * documents for any value and requires for one with `/` or an empty one; plain values go as they
 * are, so the usual case stays readable in logs.
 */
function pushgatewayPath(job, grouping) {
    const segment = (name, value) => /^[A-Za-z0-9._~-]+$/.test(value) && value !== '.' && value !== '..'
        ? `/${name}/${value}`
        : `/${name}@base64/${value === '' ? '=' : Buffer.from(wellFormed(value), 'utf8').toString('base64url')}`;
    return `/metrics${segment('job', job)}${grouping.map(([name, value]) => segment(name, value)).join('')}`;
}
/** The grouping labels, checked: Prometheus label names, none the metrics carry, not `job`. */
function groupingLabels(repository, grouping, input) {
    const labels = [];
    const given = Object.entries(grouping ?? {});
    if (!given.some(([name]) => name === 'repository'))
        labels.push(['repository', repository]);
    for (const [name, value] of given) {
        if (!LABEL_NAME.test(name) || name.startsWith('__'))
            throw errors/* ConfigurationError */.j1.forInput(input, name, 'label names of letters, digits and _, not starting with a digit or __');
        if (name === 'job')
            throw errors/* ConfigurationError */.j1.forInput(input, name, `a label other than job (the job is its own input)`);
        if (METRIC_LABELS.includes(name))
            throw errors/* ConfigurationError */.j1.forInput(input, name, `a label the metrics do not carry themselves (not ${METRIC_LABELS.join(', ')})`);
        labels.push([name, value]);
    }
    return labels;
}
/** Parse `name=value` lines into grouping labels (for the action's input); values may be empty. */
function parseGroupingLines(text, input) {
    const out = {};
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const eq = line.indexOf('=');
        if (eq <= 0)
            throw errors/* ConfigurationError */.j1.forInput(input, line, `name=value on each line (line ${index + 1})`);
        const name = line.slice(0, eq).trim();
        if (name in out)
            throw errors/* ConfigurationError */.j1.forInput(input, name, `each label once (line ${index + 1})`);
        out[name] = line.slice(eq + 1).trim();
    });
    return out;
}
/**
 * Push the report to a Pushgateway: PUT, replacing the group's metrics. The group is `job` plus
 * the grouping labels (repository by default). A refused push (4xx) is an ExportError naming the
 * input with the Pushgateway's own reason; 5xx and network failures are retried by src/net first.
 */
async function pushToPushgateway(report, options) {
    const inputs = { ...PUSHGATEWAY_INPUTS, ...options.inputs };
    const job = options.job ?? DEFAULT_PUSHGATEWAY_JOB;
    if (job.trim() === '')
        throw errors/* ConfigurationError */.j1.forInput(inputs.job, job, 'a job name (not empty)');
    const grouping = groupingLabels(report.repository, options.grouping, inputs.grouping);
    const families = reportFamilies(report, { topFlakes: options.topFlakes });
    const { text, duplicates, samples } = renderExposition(families);
    const body = Buffer.from(text, 'utf8');
    const url = targetUrl(options.target, pushgatewayPath(job, grouping));
    const response = await sendToReceiver(options.http, options.target, inputs.url, 'the Pushgateway', {
        url,
        method: 'PUT',
        headers: { 'content-type': EXPOSITION_CONTENT_TYPE },
        body,
        retrySafe: true,
    });
    if (!response.ok) {
        const reason = await errorExcerpt(response, options.target.secrets);
        const status = response.status;
        const hint = status === 401 || status === 403
            ? ` (check the credentials in '${inputs.headers}')`
            : status === 404 || status === 405
                ? ` (is '${inputs.url}' the Pushgateway's base URL?)`
                : '';
        throw new ExportError(`Input '${inputs.url}': the Pushgateway at ${(0,net/* safeUrl */.Pl)(url)} refused the push: HTTP ${status}${reason ? `: ${reason}` : ''}${hint}`, inputs.url, status >= 500 || status === 429 || status === 408, false, status);
    }
    response.discard();
    return {
        url: (0,net/* safeUrl */.Pl)(url),
        families: families.filter((f) => f.samples.length > 0).length,
        samples,
        duplicates,
        bytes: body.byteLength,
    };
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/export/config.ts






/** Every input that configures the exporters, by the name the action gives it. */
const EXPORT_INPUTS = {
    pushgatewayUrl: PUSHGATEWAY_INPUTS.url,
    pushgatewayJob: PUSHGATEWAY_INPUTS.job,
    pushgatewayGrouping: PUSHGATEWAY_INPUTS.grouping,
    pushgatewayHeaders: PUSHGATEWAY_INPUTS.headers,
    otlpEndpoint: OTLP_INPUTS.endpoint,
    otlpHeaders: OTLP_INPUTS.headers,
};
const given = (value) => (value ?? '').trim() !== '';
/**
 * Parse the exporter inputs once: an exporter is on when its URL is given; its other inputs
 * without the URL are a ConfigurationError (they would be silently ignored otherwise).
 */
function parseExportConfig(inputs) {
    const config = { secrets: [] };
    const pushgateway = exporterTarget(config, {
        url: inputs.pushgatewayUrl,
        headers: inputs.pushgatewayHeaders,
        inputs: PUSHGATEWAY_INPUTS,
        what: "the Pushgateway's URL",
        suffix: /\/metrics(\/|$)/,
        expected: `the Pushgateway's base URL, without /metrics/… (the job goes in '${PUSHGATEWAY_INPUTS.job}', labels in '${PUSHGATEWAY_INPUTS.grouping}')`,
        others: [
            [inputs.pushgatewayJob, PUSHGATEWAY_INPUTS.job],
            [inputs.pushgatewayGrouping, PUSHGATEWAY_INPUTS.grouping],
        ],
    });
    if (pushgateway)
        config.pushgateway = {
            target: pushgateway,
            job: given(inputs.pushgatewayJob) ? inputs.pushgatewayJob.trim() : undefined,
            grouping: parseGroupingLines(inputs.pushgatewayGrouping ?? '', PUSHGATEWAY_INPUTS.grouping),
        };
    const otlp = exporterTarget(config, {
        url: inputs.otlpEndpoint,
        headers: inputs.otlpHeaders,
        inputs: { url: OTLP_INPUTS.endpoint, headers: OTLP_INPUTS.headers },
        what: 'the OTLP endpoint',
        suffix: /\/v1\/traces$/,
        expected: 'the OTLP/HTTP base URL, without /v1/traces (it is appended)',
        others: [],
    });
    if (otlp)
        config.otlp = { target: otlp };
    return config;
}
/**
 * One exporter's URL and headers as its target (their secrets added to the config's), or undefined
 * when its URL is not given; then none of its other inputs may be. A URL ending in the path the
 * exporter appends itself (`suffix`) is refused: the user gave the full URL where the base is asked.
 */
function exporterTarget(config, exporter) {
    const { inputs } = exporter;
    if (!given(exporter.url)) {
        for (const [value, name] of [...exporter.others, [exporter.headers, inputs.headers]])
            if (given(value))
                throw new errors/* ConfigurationError */.j1(`Input '${name}' is given but '${inputs.url}' is not: set ${exporter.what}, or remove '${name}'.`);
        return undefined;
    }
    const target = exportTarget(exporter.url, inputs.url, exporter.headers ?? '', inputs.headers);
    config.secrets.push(...target.secrets);
    if (exporter.suffix.test(target.url.pathname))
        throw errors/* ConfigurationError */.j1.forInput(inputs.url, (0,net/* safeUrl */.Pl)(target.url), exporter.expected);
    return target;
}
/**
 * Run the configured exporters: the report to the Pushgateway, the runs as traces. Each failure
 * is an ExportError naming its input; both are tried before the first failure is thrown, so one
 * receiver being down does not cost the other's export.
 */
async function runExports(config, data, deps) {
    const results = {};
    const failures = [];
    if (config.pushgateway)
        try {
            results.pushgateway = await pushToPushgateway(data.report, {
                http: deps.http,
                target: config.pushgateway.target,
                job: config.pushgateway.job,
                grouping: config.pushgateway.grouping,
            });
        }
        catch (error) {
            failures.push(error);
        }
    if (config.otlp)
        try {
            results.otlp = await exportRunTraces(data.runs, {
                http: deps.http,
                target: config.otlp.target,
                repository: data.report.repository,
                scopeVersion: deps.scopeVersion,
            });
        }
        catch (error) {
            failures.push(error);
        }
    if (failures.length === 1)
        throw failures[0];
    if (failures.length > 1) {
        // Both failed: one error (one line for the step) carrying both messages.
        const errors = failures.map((f) => (f instanceof ExportError ? f : undefined));
        const first = errors[0];
        if (!first || !errors[1])
            throw failures[0];
        throw new ExportError(errors.map((e) => e.message).join('; '), first.input, errors.every((e) => e.transient), errors.some((e) => e.unreachable), first.status);
    }
    return results;
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/export/index.ts
// The exporters of pipeline-metrics: the report to a Prometheus Pushgateway, the runs as OTLP/HTTP
// traces. Both go through src/net; headers are secrets (ExportTarget.secrets, to mask first).






;// CONCATENATED MODULE: ./src/pipeline-metrics/config.ts





const DAY_MS = 86_400_000;
function readConfig(inputs, workspace, runnerTemp) {
    const windowMs = inputs.duration(INPUT.window, DEFAULT_WINDOW_MS) ?? DEFAULT_WINDOW_MS;
    if (windowMs < DAY_MS || windowMs > 366 * DAY_MS)
        throw runtime/* ConfigurationError */.j1.forInput(INPUT.window, inputs.string(INPUT.window), 'a window from 1d to 366d, such as 30d or 12w');
    const alerts = inputs.oneOf(INPUT.alerts, ALERT_MODES, 'none');
    const factsFile = inputs.optional(INPUT.factsFile);
    const githubToken = inputs.optional(INPUT.githubToken);
    if (alerts === 'issue' && !githubToken)
        throw new runtime/* ConfigurationError */.j1(`Input '${INPUT.alerts}' is issue but '${INPUT.githubToken}' is empty: pass a token that can write issues (the default \${{ github.token }} with permissions: issues: write), or use alerts: fail or none.`);
    const outputDir = inputs.optional(INPUT.outputDir);
    const history = inputs.oneOf(INPUT.history, HISTORY_STORES, 'cache');
    const historyDir = inputs.optional(INPUT.historyDir);
    if (history === 'dir' && historyDir === undefined)
        throw new runtime/* ConfigurationError */.j1(`Input '${INPUT.historyDir}' is required with history: dir; give the directory that keeps the fetched runs.`);
    const testHistory = inputs.oneOf(INPUT.testHistory, TEST_HISTORY_STORES, 'none');
    const testHistoryDir = inputs.optional(INPUT.testHistoryDir);
    if (testHistory === 'dir' && testHistoryDir === undefined)
        throw new runtime/* ConfigurationError */.j1(`Input '${INPUT.testHistoryDir}' is required with test-history: dir; give quarantine's history-dir.`);
    const defaultBranch = inputs.optional(INPUT.defaultBranch);
    if (defaultBranch !== undefined)
        branchName(INPUT.defaultBranch, defaultBranch, 'main');
    const repository = inputs.optional(INPUT.repository);
    if (repository !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository))
        throw runtime/* ConfigurationError */.j1.forInput(INPUT.repository, repository, 'owner/name, such as acme/service');
    return {
        repository,
        defaultBranch,
        history,
        historyDir: historyDir === undefined ? undefined : inWorkspace(workspace, historyDir),
        historyBranch: branchName(INPUT.historyBranch, inputs.optional(INPUT.historyBranch) ?? DEFAULT_HISTORY_BRANCH, DEFAULT_HISTORY_BRANCH),
        requestBudget: inputs.integer(INPUT.requestBudget, {
            min: 1,
            max: 100_000,
            fallback: DEFAULT_REQUEST_BUDGET,
        }),
        promotions: inputs.lines(INPUT.promotions).map(promotionReference),
        insecureRegistries: inputs
            .string(INPUT.insecureRegistries)
            .split(/[\s,]+/)
            .filter(Boolean)
            .map(registryHost),
        testHistory,
        testHistoryDir: testHistoryDir === undefined ? undefined : inWorkspace(workspace, testHistoryDir),
        testHistoryBranch: branchName(INPUT.testHistoryBranch, inputs.optional(INPUT.testHistoryBranch) ?? DEFAULT_TEST_HISTORY_BRANCH, DEFAULT_TEST_HISTORY_BRANCH),
        stageLogs: inputs.lines(INPUT.stageLogs).map((path) => inWorkspace(workspace, path)),
        exports: parseExportConfig({
            pushgatewayUrl: inputs.optional(EXPORT_INPUTS.pushgatewayUrl),
            pushgatewayJob: inputs.optional(EXPORT_INPUTS.pushgatewayJob),
            pushgatewayGrouping: inputs.string(EXPORT_INPUTS.pushgatewayGrouping),
            pushgatewayHeaders: inputs.string(EXPORT_INPUTS.pushgatewayHeaders),
            otlpEndpoint: inputs.optional(EXPORT_INPUTS.otlpEndpoint),
            otlpHeaders: inputs.string(EXPORT_INPUTS.otlpHeaders),
        }),
        factsFile: factsFile === undefined ? undefined : inWorkspace(workspace, factsFile),
        githubToken,
        windowMs,
        alerts,
        alertThreshold: parseThreshold(inputs.string(INPUT.alertThreshold)),
        alertRuns: inputs.integer(INPUT.alertRuns, { min: 1, max: 100, fallback: DEFAULT_ALERT_RUNS }),
        minSamples: inputs.integer(INPUT.minSamples, { min: 1, max: 1000, fallback: DEFAULT_MIN_SAMPLES }),
        passRateDrop: inputs.integer(INPUT.passRateDrop, { min: 1, max: 100, fallback: DEFAULT_PASS_RATE_DROP }) / 100,
        topFlaky: inputs.integer(INPUT.topFlaky, { min: 1, max: 1000, fallback: DEFAULT_TOP_FLAKY }),
        outputDir: outputDir === undefined
            ? (0,external_node_path_.join)(runnerTemp || workspace, 'pipeline-metrics')
            : inWorkspace(workspace, outputDir),
    };
}
/** Spreads (scaled MADs) beyond the baseline median: a number above 0 and at most 100. */
function parseThreshold(value) {
    if (value === '')
        return DEFAULT_ALERT_THRESHOLD;
    const n = /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (!(n > 0 && n <= 100))
        throw runtime/* ConfigurationError */.j1.forInput(INPUT.alertThreshold, value, 'a number of spreads above 0 and at most 100, such as 3 or 2.5');
    return n;
}
function branchName(input, value, example) {
    if (!/^(?!.*\.\.)(?!\/)(?!.*\/$)(?!-)[A-Za-z0-9._/-]+$/.test(value) || value.endsWith('.lock'))
        throw runtime/* ConfigurationError */.j1.forInput(input, value, `a branch name such as ${example}`);
    return value;
}
/** A registry repository whose promotion records are read: ghcr.io/acme/app or ghcr.io/acme/app:production. */
function promotionReference(line) {
    try {
        (0,oci/* parseReference */.F2)(line);
        return line;
    }
    catch (error) {
        if (!(error instanceof oci/* InvalidReferenceError */.x_))
            throw error;
    }
    throw runtime/* ConfigurationError */.j1.forInput(INPUT.promotions, line, 'a registry repository, one a line, such as ghcr.io/acme/app (every environment tag) or ghcr.io/acme/app:production');
}
/** host[:port], as a registry is named in a reference: a scheme, path or credentials is refused. */
function registryHost(value) {
    if (!/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(value))
        throw runtime/* ConfigurationError */.j1.forInput(INPUT.insecureRegistries, value, 'registry hosts as host or host:port (such as registry.internal:5000), comma or space separated');
    return value;
}
function inWorkspace(workspace, path) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(workspace, path);
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/facts-file.ts
/**
 * Facts read from a file (input facts-file, `gantry pipeline-metrics` in another CI system): the
 * model's shape checked field by field, so a wrong file is one clear error naming the first bad
 * field (`runs[3].jobs[0].startedAt: expected a time in ms`), never a crash deep in the metrics.
 * Times are milliseconds since the epoch or ISO 8601 strings (as the GitHub API writes them).
 */
class FactsError extends Error {
    name = 'FactsError';
}
function object(value, path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new FactsError(`${path}: expected an object`);
    return value;
}
function array(value, path) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value))
        throw new FactsError(`${path}: expected an array`);
    return value;
}
function facts_file_text(o, key, path, fallback) {
    const value = o[key];
    if (value === undefined && fallback !== undefined)
        return fallback;
    if (typeof value !== 'string')
        throw new FactsError(`${path}.${key}: expected a string`);
    return value;
}
function facts_file_count(o, key, path, fallback) {
    const value = o[key];
    if (value === undefined && fallback !== undefined)
        return fallback;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
        throw new FactsError(`${path}.${key}: expected a whole number >= 0`);
    return value;
}
function facts_file_time(o, key, path, optional) {
    const value = o[key];
    if ((value === undefined || value === null) && optional)
        return undefined;
    const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (!Number.isFinite(ms))
        throw new FactsError(`${path}.${key}: expected a time in ms or ISO 8601`);
    return ms;
}
function conclusion(o, key, path) {
    const value = o[key];
    if (value === undefined || value === null)
        return null;
    if (typeof value !== 'string')
        throw new FactsError(`${path}.${key}: expected a string or null`);
    return value;
}
function step(value, path) {
    const o = object(value, path);
    return {
        name: facts_file_text(o, 'name', path),
        number: facts_file_count(o, 'number', path, 0),
        conclusion: conclusion(o, 'conclusion', path),
        startedAt: facts_file_time(o, 'startedAt', path, true),
        completedAt: facts_file_time(o, 'completedAt', path, true),
    };
}
function job(value, path) {
    const o = object(value, path);
    return {
        id: facts_file_count(o, 'id', path),
        name: facts_file_text(o, 'name', path),
        conclusion: conclusion(o, 'conclusion', path),
        createdAt: facts_file_time(o, 'createdAt', path),
        startedAt: facts_file_time(o, 'startedAt', path, true),
        completedAt: facts_file_time(o, 'completedAt', path, true),
        ...(typeof o.runnerName === 'string' ? { runnerName: o.runnerName } : {}),
        steps: array(o.steps, `${path}.steps`).map((s, i) => step(s, `${path}.steps[${i}]`)),
    };
}
function run(value, path) {
    const o = object(value, path);
    const createdAt = facts_file_time(o, 'createdAt', path);
    return {
        id: facts_file_count(o, 'id', path),
        attempt: facts_file_count(o, 'attempt', path, 1),
        workflow: facts_file_text(o, 'workflow', path),
        name: facts_file_text(o, 'name', path, ''),
        branch: facts_file_text(o, 'branch', path),
        event: facts_file_text(o, 'event', path, ''),
        sha: facts_file_text(o, 'sha', path, ''),
        conclusion: conclusion(o, 'conclusion', path),
        createdAt,
        startedAt: facts_file_time(o, 'startedAt', path, true) ?? createdAt,
        updatedAt: facts_file_time(o, 'updatedAt', path, true) ?? createdAt,
        url: facts_file_text(o, 'url', path, ''),
        jobs: array(o.jobs, `${path}.jobs`).map((j, i) => job(j, `${path}.jobs[${i}]`)),
    };
}
function oneOf(o, key, path, allowed) {
    const value = o[key];
    if (typeof value !== 'string' || !allowed.includes(value))
        throw new FactsError(`${path}.${key}: expected one of ${allowed.join(', ')}`);
    return value;
}
function deploy(value, path) {
    const o = object(value, path);
    const commitTime = facts_file_time(o, 'commitTime', path, true);
    return {
        service: facts_file_text(o, 'service', path),
        environment: facts_file_text(o, 'environment', path),
        digest: facts_file_text(o, 'digest', path, ''),
        ...(typeof o.commit === 'string' ? { commit: o.commit } : {}),
        ...(commitTime === undefined ? {} : { commitTime }),
        time: facts_file_time(o, 'time', path),
        kind: oneOf(o, 'kind', path, ['promotion', 'rollback']),
        outcome: oneOf(o, 'outcome', path, ['success', 'failure']),
    };
}
function test(value, path) {
    const o = object(value, path);
    return {
        id: facts_file_text(o, 'id', path),
        runs: facts_file_count(o, 'runs', path),
        failures: facts_file_count(o, 'failures', path, 0),
        flakyRuns: facts_file_count(o, 'flakyRuns', path, 0),
    };
}
function stage(value, path) {
    const o = object(value, path);
    const optionalCount = (key) => (o[key] === undefined ? undefined : facts_file_count(o, key, path));
    const retries = optionalCount('retries');
    const exhausted = optionalCount('exhausted');
    return {
        action: facts_file_text(o, 'action', path),
        stage: facts_file_text(o, 'stage', path),
        start: facts_file_time(o, 'start', path),
        durationMs: facts_file_count(o, 'durationMs', path, 0),
        outcome: facts_file_text(o, 'outcome', path, ''),
        runId: String(o.runId ?? ''),
        attempt: String(o.attempt ?? ''),
        ...(retries === undefined ? {} : { retries }),
        ...(exhausted === undefined ? {} : { exhausted }),
    };
}
function parseFacts(value) {
    const o = object(value, 'facts');
    return {
        repository: facts_file_text(o, 'repository', 'facts', ''),
        defaultBranch: facts_file_text(o, 'defaultBranch', 'facts', 'main'),
        runs: array(o.runs, 'runs').map((r, i) => run(r, `runs[${i}]`)),
        deploys: array(o.deploys, 'deploys').map((d, i) => deploy(d, `deploys[${i}]`)),
        tests: array(o.tests, 'tests').map((t, i) => test(t, `tests[${i}]`)),
        stages: array(o.stages, 'stages').map((s, i) => stage(s, `stages[${i}]`)),
    };
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/files.ts


function csvCell(value) {
    if (value === undefined)
        return '';
    if (typeof value === 'number')
        return Number.isFinite(value) ? String(value) : '';
    if (typeof value === 'boolean')
        return String(value);
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return `"${text.replace(/"/g, '""')}"`;
}
function csv(header, rows) {
    return ([header.map(csvCell), ...rows.map((row) => row.map(csvCell))].map((r) => r.join(',')).join('\r\n') +
        '\r\n');
}
const files_iso = (ms) => new Date(ms).toISOString();
function csvFiles(report) {
    return {
        'dora.csv': csv([
            'service',
            'environment',
            'deployments',
            'deployments_per_week',
            'lead_time_ms',
            'change_failure_rate',
            'time_to_restore_ms',
            'failures',
            'open_incidents',
        ], report.dora.map((d) => [
            d.service,
            d.environment,
            d.deployments,
            d.deploymentsPerWeek,
            d.leadTimeMs,
            d.changeFailureRate,
            d.timeToRestoreMs,
            d.failures,
            d.openIncidents,
        ])),
        'deploys-per-week.csv': csv(['service', 'environment', 'week_start', 'deployments'], report.dora.flatMap((d) => (d.weekly ?? []).map((w) => [d.service, d.environment, files_iso(w.weekStart), w.count]))),
        'pass-rates.csv': csv([
            'workflow',
            'branch',
            'runs',
            'passed',
            'rate',
            'recent_runs',
            'recent_rate',
            'previous_runs',
            'previous_rate',
        ], report.passRates.map((p) => [
            p.workflow,
            p.branch,
            p.runs,
            p.passed,
            p.rate,
            p.recentRuns,
            p.recentRate,
            p.previousRuns,
            p.previousRate,
        ])),
        'pass-rates-per-week.csv': csv(['workflow', 'branch', 'week_start', 'runs', 'passed'], report.passRates.flatMap((p) => (p.weekly ?? []).map((w) => [p.workflow, p.branch, files_iso(w.weekStart), w.count, w.passed]))),
        'flakes.csv': csv(['test', 'runs', 'flaky_runs', 'rate'], report.flakes.map((f) => [f.test, f.runs, f.flakyRuns, f.rate])),
        'durations.csv': csv([
            'workflow',
            'job',
            'step',
            'runs',
            'latest_ms',
            'baseline_samples',
            'baseline_median_ms',
            'baseline_mad_ms',
            'threshold_ms',
            'consecutive_over',
        ], report.durations.map((d) => [
            d.workflow,
            d.job,
            d.step,
            d.runs,
            d.latestMs,
            d.samples,
            d.medianMs,
            d.madMs,
            d.upperMs,
            d.consecutiveOver,
        ])),
        'duration-series.csv': csv(['workflow', 'job', 'step', 'started_at', 'ms', 'baseline_median_ms', 'threshold_ms'], report.durations.flatMap((d) => (d.series ?? []).map((p) => [d.workflow, d.job, d.step, files_iso(p.time), p.ms, p.medianMs, p.upperMs]))),
        'queue.csv': csv(['workflow', 'job', 'jobs', 'median_ms', 'p90_ms'], report.queue.map((q) => [q.workflow, q.job, q.samples, q.medianMs, q.p90Ms])),
        'stages.csv': csv([
            'action',
            'stage',
            'runs',
            'retries',
            'exhausted',
            'recent_runs',
            'recent_exhausted',
            'previous_runs',
            'previous_exhausted',
        ], report.stages.map((s) => [
            s.action,
            s.stage,
            s.runs,
            s.retries,
            s.exhausted,
            s.recentRuns,
            s.recentExhausted,
            s.previousRuns,
            s.previousExhausted,
        ])),
        'alerts.csv': csv(['key', 'kind', 'title', 'firing'], report.alerts.map((a) => [a.key, a.kind, a.title, a.firing])),
    };
}
/** Writes metrics.json and the CSV files into `dir`; returns the paths written, metrics.json first. */
async function writeReportFiles(dir, report) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const written = [(0,external_node_path_.join)(dir, 'metrics.json')];
    await (0,promises_.writeFile)(written[0], `${JSON.stringify(report, null, 1)}\n`);
    for (const [name, text] of Object.entries(csvFiles(report))) {
        const path = (0,external_node_path_.join)(dir, name);
        await (0,promises_.writeFile)(path, text);
        written.push(path);
    }
    return written;
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
;// CONCATENATED MODULE: ./src/pipeline-metrics/memory.ts

let applied = false;
/**
 * Keeps V8's young generation at its starting size for this process. Node 24 lets the new space
 * grow to 134 MB (two 64 MB semi-spaces and more) as soon as a program keeps a few tens of
 * megabytes of what it allocates, which a collection of 10,000 runs does: with the facts compact
 * (compact.ts), that reserve was a third of the peak RSS (bench/pipeline-metrics.ts), and with it
 * kept small the peak fell by about 100 MB at the same wall time (objects that outlive a small
 * new space are promoted sooner; the old space is collected incrementally).
 *
 * `--max-semi-space-size` is read only when the heap is set up, and an action cannot pass node
 * flags (the runner starts `node index.js`); the growth factor is read each time the new space
 * would grow, so setting it at start-up takes effect. Node documents setFlagsFromString as
 * unsupported after start-up in general; this one flag only stops a growth step. Once per process.
 */
function keepYoungGenerationSmall() {
    if (applied)
        return;
    applied = true;
    (0,external_node_v8_.setFlagsFromString)('--semi-space-growth-factor=1');
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/stats.ts
// Order statistics the metrics are built on: robust to the outliers CI durations are full of
// (one runner stuck on a cold cache is not a trend), and independent of sample order.
/** The median of the values; undefined for none. An even count averages the two middle values. */
function stats_median(values) {
    if (values.length === 0)
        return undefined;
    // A typed array sorts numerically without a comparator call per comparison: several times faster.
    const sorted = Float64Array.from(values).sort();
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
/** Median absolute deviation from the median (unscaled); undefined for none, 0 for one value. */
function stats_mad(values) {
    const m = stats_median(values);
    if (m === undefined)
        return undefined;
    return stats_median(values.map((v) => Math.abs(v - m)));
}
/** The nearest-rank percentile (p in (0, 100]): always one of the values, never interpolated. */
function percentile(values, p) {
    if (values.length === 0)
        return undefined;
    const sorted = Float64Array.from(values).sort();
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[Math.min(rank, sorted.length) - 1];
}
/**
 * The spread a deviation is measured in: the MAD scaled to a normal distribution's standard
 * deviation (1.4826), but never below a floor of 5% of the median or one second. Without the
 * floor a perfectly stable stage (MAD 0, e.g. every run 60 s to the second) would alert on a run
 * one second slower.
 */
function stats_spread(medianMs, madMs) {
    return Math.max(1.4826 * madMs, 0.05 * medianMs, 1000);
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/metrics.ts


const metrics_DAY_MS = 86_400_000;
const WEEK_MS = 7 * metrics_DAY_MS;
/** Points of a duration trend kept for the chart and files. */
const SERIES_POINTS = 30;
/** Weeks drawn at most in weekly charts. */
const MAX_WEEKS = 26;
const metrics_FAILED = new Set(['failure', 'timed_out', 'startup_failure', 'action_required']);
function computeMetrics(facts, options) {
    const to = options.now;
    const from = to - options.windowMs;
    const inWindow = (t) => t >= from && t <= to;
    const weeks = weekStarts(from, to);
    const report = {
        repository: facts.repository,
        generatedAt: options.now,
        window: { from, to },
        dora: doraKeys(facts.deploys.filter((d) => inWindow(d.time)), options, weeks),
        passRates: passRates(facts.runs, facts.defaultBranch, inWindow, options, weeks),
        flakes: flakeRates(facts, options.topFlaky),
        durations: durations(facts.runs, options, inWindow),
        queue: queueTimes(facts.runs, inWindow),
        stages: stageRetries(facts, inWindow, options),
        alerts: [],
    };
    report.alerts = evaluateAlerts(report, options);
    return report;
}
/**
 * Whole weeks ending at `to`, oldest first: [start, start + 7 days). A window that is not a whole
 * number of weeks leaves its oldest days out of the weekly figures rather than draw a short week.
 */
function weekStarts(from, to) {
    const count = Math.min(MAX_WEEKS, Math.max(1, Math.floor((to - from) / WEEK_MS)));
    return Array.from({ length: count }, (_, i) => to - (count - i) * WEEK_MS);
}
function countByWeek(items, timeOf, weeks) {
    return weeks.map((start) => ({
        weekStart: start,
        count: items.filter((item) => {
            const t = timeOf(item);
            return t >= start && t < start + WEEK_MS;
        }).length,
    }));
}
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function groupBy(items, keyOf) {
    const groups = new Map();
    for (const item of items) {
        const key = keyOf(item);
        const list = groups.get(key);
        if (list)
            list.push(item);
        else
            groups.set(key, [item]);
    }
    return new Map([...groups].sort(([a], [b]) => byText(a, b)));
}
// --- DORA ------------------------------------------------------------------------------------------
function doraKeys(deploys, options, weeks) {
    const groups = groupBy(deploys, (d) => JSON.stringify([d.service, d.environment]));
    return [...groups.values()].map((group) => {
        // A total order, so the same deploys in any order give the same keys (fast-check seed
        // 2019984248: a promotion and a rollback of one digest in the same millisecond). At one time a
        // promotion comes before a rollback, a failure before a success.
        const ordered = [...group].sort((a, b) => a.time - b.time ||
            byText(a.kind, b.kind) ||
            byText(a.outcome, b.outcome) ||
            byText(a.digest, b.digest) ||
            (a.commitTime ?? 0) - (b.commitTime ?? 0));
        const promotions = ordered.filter((d) => d.kind === 'promotion');
        const good = promotions.filter((d) => d.outcome === 'success');
        const isFailure = (d) => d.kind === 'rollback' || d.outcome === 'failure';
        const failures = ordered.filter(isFailure).length;
        const leads = good
            .filter((d) => d.commitTime !== undefined && d.time - d.commitTime >= 0)
            .map((d) => d.time - d.commitTime);
        const { restores, open } = restoreTimes(ordered, isFailure);
        const keys = {
            service: group[0].service,
            environment: group[0].environment,
            deployments: good.length,
            deploymentsPerWeek: good.length / (options.windowMs / WEEK_MS),
            failures,
            openIncidents: open,
            weekly: countByWeek(good, (d) => d.time, weeks),
        };
        const lead = stats_median(leads);
        if (lead !== undefined)
            keys.leadTimeMs = lead;
        if (promotions.length > 0)
            keys.changeFailureRate = Math.min(1, failures / promotions.length);
        const restore = stats_median(restores);
        if (restore !== undefined)
            keys.timeToRestoreMs = restore;
        return keys;
    });
}
/**
 * An incident starts at a failed deploy or a rollback and ends at the next successful promotion;
 * failures inside an open incident belong to it (they do not restart the clock).
 */
function restoreTimes(ordered, isFailure) {
    const restores = [];
    let since;
    for (const deploy of ordered) {
        if (isFailure(deploy))
            since ??= deploy.time;
        else if (deploy.kind === 'promotion' && since !== undefined) {
            restores.push(deploy.time - since);
            since = undefined;
        }
    }
    return { restores, open: since === undefined ? 0 : 1 };
}
// --- pass rates ------------------------------------------------------------------------------------
/** The outcome of a run: true passed, false failed, undefined no outcome (cancelled, skipped, running). */
function runOutcome(conclusion) {
    if (conclusion === 'success')
        return true;
    if (conclusion !== null && metrics_FAILED.has(conclusion))
        return false;
    return undefined;
}
/** The last attempt of each run. */
function lastAttempts(runs) {
    const last = new Map();
    for (const run of runs) {
        const seen = last.get(run.id);
        if (!seen || run.attempt > seen.attempt)
            last.set(run.id, run);
    }
    return [...last.values()];
}
function passRates(runs, branch, inWindow, options, weeks) {
    const judged = lastAttempts(runs.filter((r) => r.branch === branch && inWindow(r.createdAt)))
        .map((run) => ({ run, passed: runOutcome(run.conclusion) }))
        .filter((r) => r.passed !== undefined);
    const recentFrom = options.now - options.baselineMs;
    const previousFrom = recentFrom - options.baselineMs;
    return [...groupBy(judged, (r) => r.run.workflow).entries()].map(([workflow, group]) => {
        const passed = group.filter((r) => r.passed).length;
        const recent = group.filter((r) => r.run.createdAt >= recentFrom);
        const previous = group.filter((r) => r.run.createdAt >= previousFrom && r.run.createdAt < recentFrom);
        const rate = {
            workflow,
            branch,
            runs: group.length,
            passed,
            rate: passed / group.length,
            recentRuns: recent.length,
            previousRuns: previous.length,
            weekly: weeks.map((start) => {
                const inWeek = group.filter((r) => r.run.createdAt >= start && r.run.createdAt < start + WEEK_MS);
                return { weekStart: start, count: inWeek.length, passed: inWeek.filter((r) => r.passed).length };
            }),
        };
        if (recent.length)
            rate.recentRate = recent.filter((r) => r.passed).length / recent.length;
        if (previous.length)
            rate.previousRate = previous.filter((r) => r.passed).length / previous.length;
        return rate;
    });
}
// --- flakes ----------------------------------------------------------------------------------------
/** Tests with at least one flaky run, by rate, then flaky runs, then name; the first `top`. */
function flakeRates(facts, top) {
    return facts.tests
        .filter((t) => t.runs > 0 && t.flakyRuns > 0)
        .map((t) => ({
        test: t.id,
        runs: t.runs,
        flakyRuns: t.flakyRuns,
        rate: Math.min(1, t.flakyRuns / t.runs),
    }))
        .sort((a, b) => b.rate - a.rate || b.flakyRuns - a.flakyRuns || byText(a.test, b.test))
        .slice(0, top);
}
// --- durations -------------------------------------------------------------------------------------
/**
 * Numbers appended one at a time, held outside the JS heap in typed-array chunks that double in
 * size up to 16,384 numbers: nothing is copied as it grows (a grown copy leaves the old one for the
 * collector, and dead buffers pile up to tens of megabytes before V8 collects them).
 */
class Column {
    chunks = [];
    last = new Float64Array(0);
    used = 0;
    length = 0;
    push(value) {
        if (this.used === this.last.length) {
            this.last = new Float64Array(Math.min(16_384, Math.max(64, this.length)));
            this.chunks.push(this.last);
            this.used = 0;
        }
        this.last[this.used++] = value;
        this.length++;
    }
    /** The numbers, copied into `into` (at least `length` long); the chunks are let go. */
    take(into) {
        const all = into.subarray(0, this.length);
        let at = 0;
        for (const chunk of this.chunks) {
            const part = chunk.length <= this.length - at ? chunk : chunk.subarray(0, this.length - at);
            all.set(part, at);
            at += part.length;
        }
        this.chunks = [];
        this.last = new Float64Array(0);
        this.used = 0;
        return all;
    }
}
/** Successful job and step durations, each job counted once by id, grouped by workflow/job(/step). */
function durationSubjects(runs) {
    const subjects = [];
    // workflow -> job -> the job's subject and its steps' subjects by step label.
    const byWorkflow = new Map();
    const subjectOf = (workflow, job, step) => {
        let jobs = byWorkflow.get(workflow);
        if (!jobs) {
            jobs = new Map();
            byWorkflow.set(workflow, jobs);
        }
        let entry = jobs.get(job);
        if (!entry) {
            entry = { steps: new Map() };
            jobs.set(job, entry);
        }
        let subject = step === undefined ? entry.job : entry.steps.get(step);
        if (!subject) {
            subject = {
                workflow,
                job,
                ...(step === undefined ? {} : { step }),
                time: new Column(),
                ms: new Column(),
                run: new Column(),
            };
            if (step === undefined)
                entry.job = subject;
            else
                entry.steps.set(step, subject);
            subjects.push(subject);
        }
        return subject;
    };
    const add = (subject, time, ms, run) => {
        subject.time.push(time);
        subject.ms.push(ms);
        subject.run.push(run);
    };
    const seen = new Set();
    for (const run of runs)
        for (const job of run.jobs) {
            if (seen.has(job.id))
                continue;
            seen.add(job.id);
            if (job.conclusion !== 'success')
                continue;
            const jobMs = elapsed(job.startedAt, job.completedAt);
            if (jobMs !== undefined)
                add(subjectOf(run.workflow, job.name, undefined), job.startedAt, jobMs, run.id);
            const named = new Map();
            for (const step of [...job.steps].sort((a, b) => a.number - b.number)) {
                const n = (named.get(step.name) ?? 0) + 1;
                named.set(step.name, n);
                if (step.conclusion !== 'success')
                    continue;
                const stepMs = elapsed(step.startedAt, step.completedAt);
                if (stepMs !== undefined)
                    add(subjectOf(run.workflow, job.name, n === 1 ? step.name : `${step.name} #${n}`), step.startedAt, stepMs, run.id);
            }
        }
    return subjects;
}
function elapsed(start, end) {
    if (start === undefined || end === undefined || !Number.isFinite(start) || !Number.isFinite(end))
        return undefined;
    return end >= start ? end - start : undefined;
}
/** The samples of [t - baselineMs, t): the rolling baseline of a run at t. */
function baselineOf(samples, t, baselineMs) {
    return samples.filter((s) => s.time >= t - baselineMs && s.time < t);
}
/** A run of `ms` at `t` against the baseline of the samples before it. */
function judge(samples, t, ms, options) {
    return judgeBaseline(baselineOf(samples, t, options.baselineMs).map((s) => s.ms), ms, options);
}
/** The first index whose time is >= t in ascending `times`. */
function lowerBound(times, t) {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (times[mid] < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
function judgeBaseline(base, ms, options) {
    const m = median(base);
    const d = mad(base);
    if (m === undefined || d === undefined)
        return { samples: 0, over: false };
    const upperMs = m + options.threshold * spread(m, d);
    return {
        samples: base.length,
        medianMs: m,
        madMs: d,
        upperMs,
        over: base.length >= options.minSamples && ms > upperMs,
    };
}
/**
 * judgeBaseline over `mss[lo, hi)`, sorted in scratch arrays reused from run to run: a baseline of
 * 10,000 samples judged 30 times for each of 120 jobs and steps allocated 3 copies each time.
 * The same figures as judgeBaseline (the same values sorted the same way).
 */
function judgeWindow(mss, lo, hi, ms, options, scratch) {
    const n = hi - lo;
    if (n <= 0)
        return { samples: 0, over: false };
    if (scratch.sorted.length < n) {
        scratch.sorted = new Float64Array(n * 2);
        scratch.deviations = new Float64Array(n * 2);
    }
    const sorted = scratch.sorted.subarray(0, n);
    sorted.set(mss.subarray(lo, hi));
    sorted.sort();
    const m = middle(sorted);
    const deviations = scratch.deviations.subarray(0, n);
    for (let i = 0; i < n; i++)
        deviations[i] = Math.abs(sorted[i] - m);
    deviations.sort();
    const d = middle(deviations);
    const upperMs = m + options.threshold * stats_spread(m, d);
    return { samples: n, medianMs: m, madMs: d, upperMs, over: n >= options.minSamples && ms > upperMs };
}
/** The median of sorted values (as stats.ts median). */
function middle(sorted) {
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function durations(runs, options, inWindow) {
    const out = [];
    const scratch = { sorted: new Float64Array(1024), deviations: new Float64Array(1024) };
    // One set of arrays for every subject, grown to the largest (as the scratch above).
    let columns = new Float64Array(0);
    for (const subject of durationSubjects(runs)) {
        const n = subject.time.length;
        if (columns.length < 5 * n)
            columns = new Float64Array(10 * n);
        const time = subject.time.take(columns.subarray(0, n));
        const run = subject.run.take(columns.subarray(n, 2 * n));
        const took = subject.ms.take(columns.subarray(2 * n, 3 * n));
        // By time, then run, then duration: a total order on what a sample holds.
        const order = Array.from({ length: n }, (_, i) => i);
        order.sort((a, b) => time[a] - time[b] || run[a] - run[b] || took[a] - took[b]);
        const times = columns.subarray(3 * n, 4 * n);
        const mss = columns.subarray(4 * n, 5 * n);
        order.forEach((i, k) => {
            times[k] = time[i];
            mss[k] = took[i];
        });
        const current = [];
        for (let i = 0; i < times.length; i++)
            if (inWindow(times[i]))
                current.push(i);
        if (current.length === 0)
            continue;
        // Judged from the latest back: the points of the series, and further while the streak of runs
        // over the threshold lasts. Each run's baseline is a slice of the time-sorted samples (binary
        // search), so 10,000 runs of a job cost 10,000 comparisons, not 10,000 squared.
        const verdicts = [];
        let consecutiveOver = 0;
        let streak = true;
        for (let c = current.length - 1; c >= 0 && (streak || verdicts.length < SERIES_POINTS); c--) {
            const i = current[c];
            const t = times[i];
            const ms = mss[i];
            const verdict = judgeWindow(mss, lowerBound(times, t - options.baselineMs), lowerBound(times, t), ms, options, scratch);
            if (verdicts.length < SERIES_POINTS)
                verdicts.unshift({ time: t, ms, verdict });
            if (streak && verdict.over)
                consecutiveOver++;
            else
                streak = false;
        }
        const latest = verdicts[verdicts.length - 1];
        const series = verdicts.map(({ time, ms, verdict }) => ({
            time,
            ms,
            ...(verdict.samples >= options.minSamples
                ? { medianMs: verdict.medianMs, upperMs: verdict.upperMs }
                : {}),
        }));
        const entry = {
            workflow: subject.workflow,
            job: subject.job,
            ...(subject.step === undefined ? {} : { step: subject.step }),
            samples: latest.verdict.samples,
            medianMs: latest.verdict.medianMs ?? latest.ms,
            madMs: latest.verdict.madMs ?? 0,
            latestMs: latest.ms,
            consecutiveOver,
            runs: current.length,
            series,
        };
        if (latest.verdict.samples >= options.minSamples)
            entry.upperMs = latest.verdict.upperMs;
        out.push(entry);
    }
    return out.sort((a, b) => byText(a.workflow, b.workflow) ||
        byText(a.job, b.job) ||
        (a.step === undefined ? -1 : b.step === undefined ? 1 : byText(a.step, b.step)));
}
// --- queue times -----------------------------------------------------------------------------------
function queueTimes(runs, inWindow) {
    // workflow -> job -> queue times (numbers, not a sample object per job).
    const groups = new Map();
    const seen = new Set();
    for (const run of runs)
        for (const job of run.jobs) {
            if (seen.has(job.id) || job.startedAt === undefined || !inWindow(job.createdAt))
                continue;
            seen.add(job.id);
            if (job.conclusion === 'skipped')
                continue;
            let jobs = groups.get(run.workflow);
            if (!jobs) {
                jobs = new Map();
                groups.set(run.workflow, jobs);
            }
            let values = jobs.get(job.name);
            if (!values) {
                values = [];
                jobs.set(job.name, values);
            }
            values.push(Math.max(0, job.startedAt - job.createdAt));
        }
    const keyed = [];
    for (const [workflow, jobs] of groups)
        for (const [job, values] of jobs)
            keyed.push({ key: JSON.stringify([workflow, job]), workflow, job, values });
    return keyed
        .sort((a, b) => byText(a.key, b.key))
        .map(({ workflow, job, values }) => ({
        workflow,
        job,
        samples: values.length,
        medianMs: stats_median(values),
        p90Ms: percentile(values, 90),
    }));
}
// --- stage retries ---------------------------------------------------------------------------------
function stageRetries(facts, inWindow, options) {
    const recentFrom = options.now - options.baselineMs;
    const previousFrom = recentFrom - options.baselineMs;
    const lines = facts.stages.filter((s) => inWindow(s.start));
    return [...groupBy(lines, (s) => JSON.stringify([s.action, s.stage])).values()].map((group) => {
        const sum = (items, f) => items.reduce((total, s) => total + Math.max(0, f(s) ?? 0), 0);
        const recent = group.filter((s) => s.start >= recentFrom);
        const previous = group.filter((s) => s.start >= previousFrom && s.start < recentFrom);
        return {
            action: group[0].action,
            stage: group[0].stage,
            runs: group.length,
            retries: sum(group, (s) => s.retries),
            exhausted: sum(group, (s) => s.exhausted),
            recentRuns: recent.length,
            recentExhausted: sum(recent, (s) => s.exhausted),
            previousRuns: previous.length,
            previousExhausted: sum(previous, (s) => s.exhausted),
        };
    });
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/summary.ts



/** Rows per table; the JSON and CSV files hold every row. */
const MAX_ROWS = 50;
/** Charts per section. */
const MAX_CHARTS = 4;
const summary_seconds = (ms) => Math.round(ms / 100) / 10;
/**
 * A Mermaid xychart (GitHub renders ```mermaid blocks in job summaries). Labels on the x axis are
 * dates or indexes the action makes; the only outside text, the title, goes through mermaidText.
 */
function xychart(options) {
    const label = (text) => `"${mermaidText(text, 90)}"`;
    const numbers = (values) => `[${values.map((v) => (Number.isFinite(v) ? String(v) : '0')).join(', ')}]`;
    const all = [...(options.bars ?? []), ...(options.lines ?? []).flat()].filter(Number.isFinite);
    const top = options.yMax ?? Math.max(1, ...all) * 1.1;
    return [
        '```mermaid',
        'xychart-beta',
        `  title ${label(options.title)}`,
        `  x-axis [${options.xLabels.map(label).join(', ')}]`,
        `  y-axis ${label(options.yLabel)} 0 --> ${Math.ceil(top)}`,
        ...(options.bars ? [`  bar ${numbers(options.bars)}`] : []),
        ...(options.lines ?? []).map((line) => `  line ${numbers(line)}`),
        '```',
        '',
    ].join('\n');
}
function more(total, shown, what) {
    return total > shown ? `\n_${total - shown} more ${what} in the JSON and CSV files._\n` : '';
}
/** Day labels (MM-DD); with several runs a day, day and time; if those repeat too, run numbers. */
function pointLabels(times) {
    const unique = (labels) => new Set(labels).size === labels.length;
    const days = times.map((t) => formatDate(t).slice(5));
    if (unique(days))
        return days;
    const minutes = times.map((t) => new Date(t).toISOString().slice(5, 16).replace('T', ' '));
    return unique(minutes) ? minutes : times.map((_, i) => String(i + 1));
}
function weekLabels(weekly) {
    return weekly.map((w) => formatDate(w.weekStart).slice(5));
}
function renderSummary(report, issues = [], notes = []) {
    const parts = [];
    parts.push(`## Pipeline metrics: ${safeMarkdown(report.repository)}\n\n${formatDate(report.window.from)} to ${formatDate(report.window.to)}.\n`);
    if (notes.length)
        parts.push(`${notes.map((note) => `- ${safeMarkdown(note)}`).join('\n')}\n`);
    parts.push(alertsSection(report, issues));
    parts.push(doraSection(report));
    parts.push(passSection(report));
    parts.push(flakeSection(report));
    parts.push(durationSection(report));
    parts.push(queueSection(report));
    parts.push(stageSection(report));
    return parts.filter(Boolean).join('\n');
}
function alertsSection(report, issues) {
    const firing = report.alerts.filter((a) => a.firing);
    if (firing.length === 0)
        return '### Alerts\n\nNone firing.\n';
    const byKey = new Map(issues.map((i) => [i.key, i]));
    const rows = firing.slice(0, MAX_ROWS).map((alert) => {
        const issue = byKey.get(alert.key);
        return [
            alert.kind,
            safeMarkdown(alert.title),
            issue?.number !== undefined ? `[#${issue.number}](${encodeURI(issue.url ?? '')}) ${issue.action}` : '—',
        ];
    });
    return `### Alerts\n\n${(0,runtime_text/* markdownTable */.Qj)(['kind', 'alert', 'issue'], rows)}${more(firing.length, rows.length, 'alerts')}`;
}
function doraSection(report) {
    if (report.dora.length === 0)
        return '### Deployments (DORA)\n\nNo deploys in the window.\n';
    const rows = report.dora
        .slice(0, MAX_ROWS)
        .map((d) => [
        safeMarkdown(d.service),
        safeMarkdown(d.environment),
        String(d.deployments),
        d.deploymentsPerWeek.toFixed(1),
        formatDuration(d.leadTimeMs),
        formatRate(d.changeFailureRate),
        formatDuration(d.timeToRestoreMs),
    ]);
    const charts = [...report.dora]
        .filter((d) => d.weekly?.length)
        .sort((a, b) => b.deployments - a.deployments)
        .slice(0, MAX_CHARTS)
        .map((d) => xychart({
        title: `Deploys per week: ${mermaidText(d.service, 30)} to ${mermaidText(d.environment, 30)}`,
        xLabels: weekLabels(d.weekly),
        yLabel: 'deploys',
        bars: d.weekly.map((w) => w.count),
    }));
    return `### Deployments (DORA)\n\n${(0,runtime_text/* markdownTable */.Qj)(['service', 'environment', 'deploys', 'per week', 'lead time', 'change failure rate', 'time to restore'], rows)}${more(report.dora.length, rows.length, 'services')}\n${charts.join('\n')}`;
}
function passSection(report) {
    if (report.passRates.length === 0)
        return '### Pass rate\n\nNo finished runs on the default branch in the window.\n';
    const rows = report.passRates
        .slice(0, MAX_ROWS)
        .map((p) => [
        safeMarkdown(p.workflow),
        String(p.runs),
        String(p.passed),
        formatRate(p.rate),
        formatRate(p.recentRate),
        formatRate(p.previousRate),
    ]);
    const charts = [...report.passRates]
        .filter((p) => p.weekly?.length)
        .sort((a, b) => b.runs - a.runs)
        .slice(0, MAX_CHARTS)
        .map((p) => xychart({
        title: `Pass rate per week, percent: ${mermaidText(p.workflow, 60)}`,
        xLabels: weekLabels(p.weekly),
        yLabel: 'percent passed',
        yMax: 100,
        lines: [p.weekly.map((w) => (w.count ? Math.round(((w.passed ?? 0) / w.count) * 1000) / 10 : 0))],
    }));
    return `### Pass rate (default branch)\n\n${(0,runtime_text/* markdownTable */.Qj)(['workflow', 'runs', 'passed', 'rate', 'last 7 days', '7 days before'], rows)}${more(report.passRates.length, rows.length, 'workflows')}\n${charts.join('\n')}`;
}
function flakeSection(report) {
    if (report.flakes.length === 0)
        return '### Flaky tests\n\nNo flaky runs in the history.\n';
    const rows = report.flakes.map((f, i) => [
        `#${i + 1}`,
        safeMarkdown(f.test),
        String(f.runs),
        String(f.flakyRuns),
        formatRate(f.rate),
    ]);
    const top = report.flakes.slice(0, 10);
    const chart = xychart({
        title: 'Flake rate of the flakiest tests, percent',
        xLabels: top.map((_, i) => `#${i + 1}`),
        yLabel: 'percent flaky runs',
        yMax: 100,
        bars: top.map((f) => Math.round(f.rate * 1000) / 10),
    });
    return `### Flaky tests\n\n${(0,runtime_text/* markdownTable */.Qj)(['#', 'test', 'runs', 'flaky runs', 'flake rate'], rows)}\n${chart}`;
}
function durationRow(d) {
    return [
        safeMarkdown(d.workflow),
        safeMarkdown(d.job),
        ...(d.step === undefined ? [] : [safeMarkdown(d.step)]),
        formatDuration(d.latestMs),
        d.upperMs === undefined
            ? `— (${d.samples} runs)`
            : `${formatDuration(d.medianMs)} ± ${formatDuration(d.madMs)}`,
        formatDuration(d.upperMs),
        String(d.consecutiveOver),
    ];
}
function durationSection(report) {
    const jobs = report.durations.filter((d) => d.step === undefined);
    const steps = report.durations.filter((d) => d.step !== undefined);
    if (jobs.length === 0)
        return '### Durations\n\nNo successful jobs in the window.\n';
    const head = ['latest', 'baseline median ± MAD', 'threshold', 'runs over'];
    const jobRows = [...jobs]
        .sort((a, b) => b.consecutiveOver - a.consecutiveOver)
        .slice(0, MAX_ROWS)
        .map(durationRow);
    const stepRows = [...steps]
        .sort((a, b) => b.consecutiveOver - a.consecutiveOver)
        .slice(0, MAX_ROWS)
        .map(durationRow);
    // Charted: what is over its threshold first, then the longest jobs (a job before its own steps).
    const charted = [...report.durations]
        .filter((x) => (x.series?.length ?? 0) > 1)
        .sort((a, b) => b.consecutiveOver - a.consecutiveOver ||
        Number(a.step !== undefined) - Number(b.step !== undefined) ||
        b.medianMs - a.medianMs)
        .slice(0, MAX_CHARTS);
    const charts = charted.map((x) => {
        // Runs with a baseline only, so the band lines do not drop to 0 where there was none yet.
        const judged = x.series.filter((p) => p.medianMs !== undefined && p.upperMs !== undefined);
        const points = judged.length > 1 ? judged : x.series;
        return xychart({
            title: `${mermaidText(durationSubject(x), 70)} (seconds)`,
            xLabels: pointLabels(points.map((p) => p.time)),
            yLabel: 'seconds',
            bars: points.map((p) => summary_seconds(p.ms)),
            lines: points === judged
                ? [judged.map((p) => summary_seconds(p.medianMs)), judged.map((p) => summary_seconds(p.upperMs))]
                : [],
        });
    });
    return [
        '### Durations against the 7-day baseline\n',
        (0,runtime_text/* markdownTable */.Qj)(['workflow', 'job', ...head], jobRows) + more(jobs.length, jobRows.length, 'jobs'),
        stepRows.length
            ? (0,runtime_text/* details */.zH)(`Steps (${steps.length})`, (0,runtime_text/* markdownTable */.Qj)(['workflow', 'job', 'step', ...head], stepRows) +
                more(steps.length, stepRows.length, 'steps'))
            : '',
        charts.length ? `Bars: each run; lines: its baseline median and threshold.\n\n${charts.join('\n')}` : '',
    ].join('\n');
}
function queueSection(report) {
    if (report.queue.length === 0)
        return '';
    const rows = [...report.queue]
        .sort((a, b) => b.p90Ms - a.p90Ms)
        .slice(0, MAX_ROWS)
        .map((q) => [
        safeMarkdown(q.workflow),
        safeMarkdown(q.job),
        String(q.samples),
        formatDuration(q.medianMs),
        formatDuration(q.p90Ms),
    ]);
    return `### Queue time (created to started)\n\n${(0,runtime_text/* markdownTable */.Qj)(['workflow', 'job', 'jobs', 'median', 'p90'], rows)}${more(report.queue.length, rows.length, 'jobs')}`;
}
function stageSection(report) {
    if (report.stages.length === 0)
        return '';
    const rows = [...report.stages]
        .sort((a, b) => b.exhausted - a.exhausted || b.retries - a.retries)
        .slice(0, MAX_ROWS)
        .map((s) => [
        safeMarkdown(s.action),
        safeMarkdown(s.stage),
        String(s.runs),
        String(s.retries),
        String(s.exhausted),
        `${s.recentExhausted ?? 0} / ${s.previousExhausted ?? 0}`,
    ]);
    return `### Retries per stage\n\n${(0,runtime_text/* markdownTable */.Qj)(['action', 'stage', 'runs', 'retries', 'exhausted', 'exhausted: last 7 days / 7 days before'], rows)}${more(report.stages.length, rows.length, 'stages')}`;
}

;// CONCATENATED MODULE: ./src/pipeline-metrics/adapter.ts












const main = async (ctx) => {
    keepYoungGenerationSmall();
    const config = readConfig(ctx.inputs, ctx.workspace, ctx.runtime.env.RUNNER_TEMP);
    // Exporter header values and URL credentials are masked before anything can print them.
    for (const secret of config.exports.secrets)
        ctx.runtime.setSecret(secret);
    const { facts, notes } = await ctx.log.stage('facts', () => gatherFacts(ctx, config));
    const report = await ctx.log.stage('metrics', async () => computeMetrics({ ...facts, repository: config.repository ?? (facts.repository || ctx.github.repository) }, {
        now: ctx.clock.now(),
        windowMs: config.windowMs,
        baselineMs: BASELINE_MS,
        threshold: config.alertThreshold,
        consecutive: config.alertRuns,
        minSamples: config.minSamples,
        topFlaky: config.topFlaky,
        passRateDrop: config.passRateDrop,
    }), (r) => ({ runs: facts.runs.length, deploys: facts.deploys.length, alerts: r.alerts.length }));
    const files = await ctx.log.stage('files', () => writeReportFiles(config.outputDir, report).catch((error) => {
        throw new runtime/* ConfigurationError */.j1(`Input '${INPUT.outputDir}': cannot write the report files into ${config.outputDir} (${error.code ?? 'error'}); give a directory the job can create and write.`);
    }));
    const firing = report.alerts.filter((a) => a.firing);
    let issues = [];
    if (config.alerts === 'issue' && report.alerts.length > 0) {
        const client = await ctx.gitHub(config.githubToken);
        issues = await ctx.log.stage('alerts', () => syncAlertIssues(client, report.repository, report.alerts, ctx.github.runUrl), (done) => Object.fromEntries(['created', 'updated', 'closed'].map((a) => [a, done.filter((i) => i.action === a).length])));
    }
    const { note: exported, failure: exportFailure } = await exportReport(ctx, config, report, facts.runs);
    if (exported)
        notes.push(exported);
    for (const alert of firing)
        ctx.runtime.annotate({ level: 'warning', title: 'Pipeline alert', message: (0,runtime/* oneLine */.TN)(alert.title) });
    await ctx.runtime.appendSummary(renderSummary(report, issues, notes));
    ctx.runtime.setOutput(OUTPUT.reportFile, files[0]);
    ctx.runtime.setOutput(OUTPUT.outputDir, config.outputDir);
    ctx.runtime.setOutput(OUTPUT.alertsFiring, String(firing.length));
    ctx.runtime.setOutput(OUTPUT.alertKeys, firing.map((a) => a.key).join(','));
    if (exportFailure)
        throw exportFailure;
    if (config.alerts === 'fail' && firing.length > 0)
        throw new runtime/* ConfigurationError */.j1(`alerts: fail: ${firing.length} alert${firing.length === 1 ? '' : 's'} firing (${(0,runtime/* oneLine */.TN)(firing[0].title).slice(0, 200)}${firing.length > 1 ? ', …' : ''}); see the job summary.`);
};
/**
 * The exporters, after the files: a receiver that is down for now (a transient failure, after
 * src/net's retries) is a warning and the step goes on; one that refuses what is sent or cannot be
 * a receiver (4xx, a wrong URL) fails the step, after the summary, with one line naming its input.
 */
async function exportReport(ctx, config, report, runs) {
    if (!config.exports.pushgateway && !config.exports.otlp)
        return {};
    try {
        const results = await ctx.log.stage('export', () => runExports(config.exports, { report, runs }, { http: ctx.http() }), (r) => ({ samples: r.pushgateway?.samples, spans: r.otlp?.spans }));
        for (const warning of results.otlp?.warnings ?? [])
            ctx.runtime.annotate({ level: 'warning', title: 'OTLP export', message: (0,runtime/* oneLine */.TN)(warning) });
        const parts = [
            results.pushgateway &&
                `${results.pushgateway.samples} samples in ${results.pushgateway.families} families pushed to ${results.pushgateway.url}`,
            results.otlp &&
                `${results.otlp.spans} spans of ${results.otlp.runs} runs sent to ${results.otlp.url}${results.otlp.rejectedSpans ? ` (${results.otlp.rejectedSpans} rejected)` : ''}`,
        ].filter(Boolean);
        return { note: `exported: ${parts.join('; ')}` };
    }
    catch (error) {
        const message = (0,runtime/* oneLine */.TN)((0,runtime/* errorMessage */.gJ)(error));
        if (error instanceof ExportError && error.transient) {
            ctx.runtime.annotate({ level: 'warning', title: 'Export failed', message });
            return { note: `export failed for now: ${message}` };
        }
        if (error instanceof ExportError)
            return { note: `export failed: ${message}`, failure: new runtime/* ConfigurationError */.j1(message) };
        throw error;
    }
}
async function gatherFacts(ctx, config) {
    if (config.factsFile !== undefined)
        return { facts: await readFactsFile(config.factsFile), notes: [] };
    const { facts, stats, notes } = await gatherFromSources(ctx, config, ctx.clock.now() - config.windowMs);
    return { facts, notes: [...sourceNotes(stats, config), ...notes] };
}
/** What the sources did, for the summary: a partial backfill is never silent. */
function sourceNotes(stats, config) {
    const notes = [];
    if (config.githubToken) {
        const r = stats.runs;
        notes.push(`workflow runs: ${r.fetched} fetched, ${r.fromStore} from the ${config.history} history, ${r.requests} requests (${r.notModified} not modified) of a budget of ${r.budget}`);
        if (!r.complete)
            notes.push(`partial: ${r.budgetExhausted ? 'the request budget ran out' : r.rateLimited ? "GitHub's rate limit ran out" : 'not every hour was fetched'}; ${r.hoursLeft} hours of the window are left for the next run`);
    }
    if (config.promotions.length > 0)
        notes.push(`deploys: ${stats.deploys.records} promotion records read, ${stats.deploys.skipped} skipped`);
    if (config.testHistory !== 'none')
        notes.push(`tests: ${stats.tests.records} quarantine records read, ${stats.tests.skipped} skipped`);
    if (config.stageLogs.length > 0)
        notes.push(`stage logs: ${stats.stages.lines} lines read, ${stats.stages.skipped} skipped, ${stats.stages.unreadable} files unreadable`);
    return notes;
}
async function readFactsFile(path) {
    let text;
    try {
        const info = await (0,promises_.stat)(path);
        if (!info.isFile())
            throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
        if (info.size > MAX_FACTS_BYTES)
            throw new runtime/* ConfigurationError */.j1(`Input '${INPUT.factsFile}': ${path} is ${info.size} bytes, more than the ${MAX_FACTS_BYTES} read; shorten the window it covers.`);
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error instanceof runtime/* ConfigurationError */.j1)
            throw error;
        throw new runtime/* ConfigurationError */.j1(`Input '${INPUT.factsFile}': ${path} cannot be read (${error.code ?? 'error'}); give the path of a facts JSON file.`);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new runtime/* ConfigurationError */.j1(`Input '${INPUT.factsFile}': ${path} is not JSON; give a facts JSON file.`);
    }
    try {
        return parseFacts(parsed);
    }
    catch (error) {
        if (error instanceof FactsError)
            throw new runtime/* ConfigurationError */.j1(`Input '${INPUT.factsFile}': ${path}: ${(0,runtime/* oneLine */.TN)(error.message).slice(0, 300)} (see the README's facts file format).`);
        throw error;
    }
}


/***/ }),

/***/ 5778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aQ: () => (/* binding */ OUTPUT),
/* harmony export */   bO: () => (/* binding */ INPUT),
/* harmony export */   fo: () => (/* binding */ REQUIRE_ALIASES),
/* harmony export */   pD: () => (/* binding */ PROMOTION_KIND_ANNOTATION),
/* harmony export */   yz: () => (/* binding */ PROMOTION_ARTIFACT_TYPE)
/* harmony export */ });
const INPUT = {
    source: 'source',
    destinations: 'destinations',
    expectedDigest: 'expected-digest',
    require: 'require',
    copyReferrers: 'copy-referrers',
    immutable: 'immutable',
    stableTag: 'stable-tag',
    rollback: 'rollback',
    username: 'username',
    password: 'password',
    insecureRegistries: 'insecure-registries',
    concurrency: 'concurrency',
    dryRun: 'dry-run',
    verify: 'verify',
    certificateIdentity: 'certificate-identity',
    certificateIdentityRegexp: 'certificate-identity-regexp',
    certificateOidcIssuer: 'certificate-oidc-issuer',
    trustedRoot: 'trusted-root',
    publicKey: 'public-key',
    transparencyLog: 'transparency-log',
    expectedSource: 'expected-source',
    expectedCommit: 'expected-commit',
    expectedBuilder: 'expected-builder',
    maxCvss: 'max-cvss',
    maxScanAge: 'max-scan-age',
    waivers: 'waivers',
    policy: 'policy',
    environment: 'environment',
};
const OUTPUT = {
    digest: 'digest',
    promoted: 'promoted',
    record: 'record',
    blobsMounted: 'blobs-mounted',
    blobsCopied: 'blobs-copied',
    bytesCopied: 'bytes-copied',
};
/** The artifact type of Gantry's promotion records (an OCI artifact whose subject is the promoted digest). */
const PROMOTION_ARTIFACT_TYPE = 'application/vnd.gantry.promotion.v1+json';
/** The record manifest's annotation saying whether it records a promotion or a rollback. */
const PROMOTION_KIND_ANNOTATION = 'dev.gantry.promotion.kind';
/**
 * Short names for `require`, each satisfied by any of its artifact types, or by one of cosign's
 * legacy tags (`sha256-<hex>.sig` / `.sbom` / `.att`).
 */
const REQUIRE_ALIASES = {
    signature: {
        types: [
            'application/vnd.dev.cosign.artifact.sig.v1+json',
            'application/vnd.dev.sigstore.bundle.v0.3+json',
            'application/vnd.dev.sigstore.bundle+json;version=0.3',
        ],
        cosign: 'sig',
    },
    sbom: {
        types: [
            'application/spdx+json',
            'application/vnd.cyclonedx+json',
            'text/spdx',
            'application/vnd.syft+json',
        ],
        cosign: 'sbom',
    },
    spdx: { types: ['application/spdx+json', 'text/spdx'] },
    cyclonedx: { types: ['application/vnd.cyclonedx+json', 'application/vnd.cyclonedx+xml'] },
    attestation: {
        types: ['application/vnd.in-toto+json', 'application/vnd.dev.sigstore.bundle.v0.3+json'],
        cosign: 'att',
    },
    provenance: {
        types: ['application/vnd.in-toto+json', 'application/vnd.dev.sigstore.bundle.v0.3+json'],
        cosign: 'att',
    },
};


/***/ }),

/***/ 8242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   It: () => (/* binding */ pushRecordBlobs),
/* harmony export */   LL: () => (/* binding */ attachRecord),
/* harmony export */   T3: () => (/* binding */ readRecords),
/* harmony export */   jM: () => (/* binding */ isPromotionRecord),
/* harmony export */   mS: () => (/* binding */ recordedDestinations),
/* harmony export */   wY: () => (/* binding */ recordArtifact)
/* harmony export */ });
/* harmony import */ var node_stream_consumers__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8321);
/* harmony import */ var node_stream_consumers__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream_consumers__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _oci_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8350);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5778);
/**
 * Promotion records: the OCI artifact (a referrer of the promoted digest) that records each
 * promotion, rollback and refusal, how one is recognised, and how they are read back.
 */



function recordedDestinations(plan) {
    return plan.map((p) => ({
        reference: p.reference,
        repository: p.repo.display,
        tag: p.tag,
        role: p.role,
        previous: p.previous,
    }));
}
/**
 * Whether a manifest is a promotion record, by what it says itself: its artifact type, its config's
 * media type, a layer of the record's type, or the record's annotation. Whatever a referrers index
 * or a tag calls it.
 */
function isPromotionRecord(manifest) {
    const json = manifest.json;
    // Media types compare without case or parameters (RFC 6838), so no spelling slips through.
    const isRecordType = (type) => typeof type === 'string' && type.split(';')[0].trim().toLowerCase() === _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PROMOTION_ARTIFACT_TYPE */ .yz;
    if (isRecordType((0,_oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .artifactTypeOf */ .Gh)(json)))
        return true;
    if (json.annotations?.[_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PROMOTION_KIND_ANNOTATION */ .pD] !== undefined)
        return true;
    const parts = 'layers' in json ? [json.config, ...(json.layers ?? [])] : [];
    return parts.some((part) => isRecordType(part?.mediaType));
}
/** The promotion record as an OCI artifact whose subject is the promoted digest. */
function recordArtifact(subject, record) {
    const payload = new TextEncoder().encode(JSON.stringify(record, null, 2));
    const empty = new TextEncoder().encode('{}');
    const layer = {
        mediaType: _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PROMOTION_ARTIFACT_TYPE */ .yz,
        digest: (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256 */ .sc)(payload),
        size: payload.byteLength,
    };
    const config = { mediaType: _oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .MediaType */ .zu.OciEmpty, digest: (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256 */ .sc)(empty), size: empty.byteLength };
    const manifest = {
        schemaVersion: 2,
        mediaType: _oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .MediaType */ .zu.OciManifest,
        artifactType: _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PROMOTION_ARTIFACT_TYPE */ .yz,
        config,
        layers: [layer],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        annotations: {
            'org.opencontainers.image.created': record.time,
            [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PROMOTION_KIND_ANNOTATION */ .pD]: record.kind,
        },
    };
    const bytes = new TextEncoder().encode(JSON.stringify(manifest));
    return {
        blobs: [
            { descriptor: config, bytes: empty },
            { descriptor: layer, bytes: payload },
        ],
        bytes,
        digest: (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256 */ .sc)(bytes),
    };
}
/** A few hundred bytes each: uploading them again costs what asking whether they are there would. */
async function pushRecordBlobs(repo, artifact) {
    await Promise.all(artifact.blobs.map(({ descriptor, bytes }) => repo.pushBlob(descriptor, bytes)));
}
async function attachRecord(repo, subject, record) {
    const artifact = recordArtifact(subject, record);
    await pushRecordBlobs(repo, artifact);
    return (await repo.putManifest(artifact.bytes, _oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .MediaType */ .zu.OciManifest, artifact.digest)).digest;
}
/**
 * Records attached to a digest in a repository, newest first. Every referrer is read and judged by
 * its own manifest (its artifact type, and a subject that is this digest), not by the label a
 * referrers index gives it; a listed record that is malformed is skipped with a warning.
 */
async function readRecords(repo, digest, warn = () => undefined) {
    const records = [];
    const limit = (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .createLimiter */ .zm)(6);
    const listed = await repo.referrers(digest);
    await Promise.all(listed.map((descriptor) => limit(async () => {
        const manifest = await repo.getManifest(descriptor.digest);
        if ((0,_oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .artifactTypeOf */ .Gh)(manifest.json) !== _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PROMOTION_ARTIFACT_TYPE */ .yz)
            return;
        const skip = (why) => warn(`${repo.display}: promotion record ${descriptor.digest} on ${digest} is not read: ${why}`);
        if (manifest.json.subject?.digest !== digest)
            return skip(`its subject is not ${digest}`);
        const layer = manifest.json.layers?.[0];
        if (!layer || layer.mediaType !== _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PROMOTION_ARTIFACT_TYPE */ .yz)
            return skip('it has no record layer');
        if (layer.size > 1024 * 1024)
            return skip('its record is over 1 MiB');
        let record;
        try {
            record = JSON.parse(await (0,node_stream_consumers__WEBPACK_IMPORTED_MODULE_0__.text)(await repo.openBlob(layer)));
        }
        catch (error) {
            return skip(error.message);
        }
        if (typeof record !== 'object' ||
            record === null ||
            typeof record.digest !== 'string' ||
            typeof record.time !== 'string' ||
            !Array.isArray(record.destinations))
            return skip('it is not a promotion record');
        records.push(record);
    })));
    return records.sort((a, b) => b.time.localeCompare(a.time));
}


/***/ })

};
