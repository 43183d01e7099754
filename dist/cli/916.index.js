export const id = 916;
export const ids = [916];
export const modules = {

/***/ 1112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TU: () => (/* reexport */ Git),
  XS: () => (/* reexport */ GitError),
  K5: () => (/* reexport */ splitNul)
});

// UNUSED EXPORTS: GitTimeoutError, LS_REMOTE_TIMEOUT_MS, defaultTimeoutMs

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/git/git.ts

/** How long `git ls-remote` may take before it is killed: a listing is seconds even on a slow link. */
const LS_REMOTE_TIMEOUT_MS = 60_000;
class GitError extends Error {
    args;
    code;
    stderr;
    name = 'GitError';
    constructor(args, code, stderr) {
        super(`git ${args.join(' ')} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' / ') || 'no message'}`);
        this.args = args;
        this.code = code;
        this.stderr = stderr;
    }
}
/** git did not finish within its time limit and was killed. */
class GitTimeoutError extends GitError {
    name = 'GitTimeoutError';
    constructor(args, timeoutMs) {
        super(args, -1, `no answer within ${timeoutMs / 1000} s; killed`);
    }
}
/**
 * The only code in Gantry that spawns git. Output is read as bytes (names with any byte survive);
 * prompts are off so a missing credential fails instead of hanging; the working directory is marked
 * safe for this process only, since container jobs trip git's ownership check.
 */
class Git {
    cwd;
    binary;
    stats = { processes: 0, fetches: 0 };
    env;
    constructor(cwd, env = process.env, binary = 'git') {
        this.cwd = cwd;
        this.binary = binary;
        this.env = { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' };
    }
    async run(args, options = {}) {
        const fullArgs = ['-c', `safe.directory=${this.cwd}`, '-c', 'core.quotePath=false', ...args];
        this.stats.processes += 1;
        if (args[0] === 'fetch')
            this.stats.fetches += 1;
        const timeoutMs = options.timeoutMs ?? defaultTimeoutMs(args);
        const result = await new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)(this.binary, fullArgs, {
                cwd: this.cwd,
                env: this.env,
                stdio: ['pipe', 'pipe', 'pipe'],
                // Its own process group when it may be killed: git's remote helper (git-remote-https) is a
                // child of git holding the same pipes, so killing git alone would leave it talking.
                detached: timeoutMs !== undefined,
            });
            let timedOut = false;
            const timer = timeoutMs === undefined
                ? undefined
                : setTimeout(() => {
                    timedOut = true;
                    try {
                        process.kill(-child.pid, 'SIGKILL');
                    }
                    catch {
                        child.kill('SIGKILL');
                    }
                }, timeoutMs);
            const out = [];
            const err = [];
            child.stdout.on('data', (chunk) => out.push(chunk));
            child.stderr.on('data', (chunk) => err.push(chunk));
            child.on('error', (error) => {
                clearTimeout(timer);
                reject(error);
            });
            child.on('close', (code) => {
                clearTimeout(timer);
                if (timedOut)
                    reject(new GitTimeoutError(args, timeoutMs));
                else
                    resolve({
                        code: code ?? 128,
                        stdout: Buffer.concat(out),
                        stderr: Buffer.concat(err).toString('utf8'),
                    });
            });
            child.stdin.on('error', () => { }); // a killed git closes its stdin before we finish writing
            child.stdin.end(options.input);
        });
        const ok = result.code === 0 || options.okCodes?.includes(result.code);
        if (!ok)
            throw new GitError(args, result.code, result.stderr);
        return result;
    }
    /** stdout as trimmed text. */
    async text(args, options = {}) {
        return (await this.run(args, options)).stdout.toString('utf8').trim();
    }
    /** Whether the command exits 0 (for questions such as "is this object here?"). */
    async succeeds(args, options = {}) {
        try {
            return (await this.run(args, { ...options, okCodes: [1, 128, 129] })).code === 0;
        }
        catch (error) {
            // Killed for taking too long is an answer too: it did not succeed.
            if (error instanceof GitTimeoutError)
                return false;
            throw error;
        }
    }
}
/** The time limit a command gets when its caller names none. */
function defaultTimeoutMs(args) {
    return args[0] === 'ls-remote' ? LS_REMOTE_TIMEOUT_MS : undefined;
}
/** Split NUL-terminated output (`-z`) into raw byte fields. */
function splitNul(buffer) {
    const fields = [];
    let start = 0;
    for (let i = buffer.indexOf(0, start); i !== -1; i = buffer.indexOf(0, start)) {
        fields.push(buffer.subarray(start, i));
        start = i + 1;
    }
    if (start < buffer.length)
        fields.push(buffer.subarray(start));
    return fields;
}

;// CONCATENATED MODULE: ./src/git/index.ts



/***/ }),

/***/ 5330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gj: () => (/* reexport */ openHistoryStore),
  yW: () => (/* reexport */ safeRunId)
});

// UNUSED EXPORTS: BranchHistory, CacheHistory, DirHistory, keyOfFileName, recordFileName

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/git/index.ts + 1 modules
var git = __webpack_require__(1112);
// EXTERNAL MODULE: ./src/runtime/text.ts
var runtime_text = __webpack_require__(5369);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/consumers"
var consumers_ = __webpack_require__(8321);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
;// CONCATENATED MODULE: ./src/history/store.ts







function isEncoded(record) {
    return 'path' in record && typeof record.path === 'string';
}
const RECORD_SUFFIX = '.json.gz';
// File names sort by time; the branch is encoded so that '@' and '/' cannot occur in it.
function recordFileName(record) {
    return `${encodeURIComponent(record.branch)}@${String(record.time).padStart(15, '0')}-${safeRunId(record.run)}-${record.attempt}${RECORD_SUFFIX}`;
}
/** The run id as it appears in a record's name. */
function safeRunId(run) {
    return run.replace(/[^A-Za-z0-9_.-]/g, '_');
}
function branchOfFileName(name) {
    const at = name.indexOf('@');
    if (at <= 0 || !name.endsWith(RECORD_SUFFIX))
        return undefined;
    try {
        return decodeURIComponent(name.slice(0, at));
    }
    catch {
        return undefined;
    }
}
/** The key a record's name carries (run made file-safe), or undefined for a foreign file. */
function keyOfFileName(name) {
    const branch = branchOfFileName(name);
    if (branch === undefined)
        return undefined;
    const match = /^(\d{15})-(.*)-(\d+)$/.exec(name.slice(name.indexOf('@') + 1, -RECORD_SUFFIX.length));
    if (!match)
        return undefined;
    return { branch, time: Number(match[1]), run: match[2], attempt: Number(match[3]) };
}
/** Names of this branch's records beyond the window (the oldest), given all stored names. */
function overflow(names, branch, window) {
    const mine = names.filter((name) => branchOfFileName(name) === branch).sort();
    return mine.slice(0, Math.max(0, mine.length - window));
}
function newest(names, branch, window, select) {
    const mine = names
        .filter((name) => branchOfFileName(name) === branch)
        .sort()
        .slice(-window);
    if (!select)
        return mine;
    return mine.filter((name) => {
        const key = keyOfFileName(name);
        return key !== undefined && select(key);
    });
}
/** `history: dir`: one file per run in a directory (the CLI, other CI systems, caches). */
class DirHistory {
    format;
    dir;
    kind = 'dir';
    constructor(format, dir) {
        this.format = format;
        this.dir = dir;
    }
    load(branch, window, select) {
        return decodeAll(this, branch, window, select);
    }
    async each(branch, window, visit, select) {
        const names = await (0,promises_.readdir)(this.dir).catch((error) => {
            if (error.code === 'ENOENT')
                return [];
            throw error;
        });
        for (const name of newest(names, branch, window, select)) {
            const stream = (0,external_node_fs_.createReadStream)((0,external_node_path_.join)(this.dir, name));
            try {
                await visit(stream);
            }
            finally {
                stream.destroy();
            }
        }
    }
    async append(record, window) {
        await this.appendAll([record], window);
    }
    async appendAll(records, window) {
        if (records.length === 0)
            return;
        await (0,promises_.mkdir)(this.dir, { recursive: true });
        for (const record of records) {
            const name = recordFileName(record);
            // Write then rename: a reader never sees half a record.
            const temp = (0,external_node_path_.join)(this.dir, `.${name}.tmp`);
            if (isEncoded(record))
                await (0,promises_.copyFile)(record.path, temp);
            else
                await (0,promises_.writeFile)(temp, this.format.encode(record));
            await (0,promises_.rename)(temp, (0,external_node_path_.join)(this.dir, name));
        }
        const names = await (0,promises_.readdir)(this.dir);
        for (const branch of new Set(records.map((r) => r.branch)))
            for (const old of overflow(names, branch, window))
                await (0,promises_.rm)((0,external_node_path_.join)(this.dir, old), { force: true });
    }
}
/** Compressed record bytes read from git in one process, at most (one record may be larger). */
const BATCH_BYTES = 32 << 20;
/** `load` for every store: its records' bytes, decoded; a damaged record is left out. */
async function decodeAll(store, branch, window, select) {
    const records = [];
    await store.each(branch, window, async (stream) => {
        const record = store.format.decode(await (0,consumers_.buffer)(stream));
        if (record)
            records.push(record);
    }, select);
    return records;
}
/**
 * `history: cache`: the directory store kept in GitHub's cache service. Cache entries are immutable,
 * so every run saves the whole window under its own key and the next run restores the newest entry
 * by prefix: this branch's first, then any branch's (a pull request starts from its base's history).
 */
class CacheHistory extends DirHistory {
    cache;
    run;
    kind = 'cache';
    restoredKey;
    restored = false;
    prefix;
    constructor(format, dir, cache, run, prefix) {
        super(format, dir);
        this.cache = cache;
        this.run = run;
        this.prefix = prefix ?? `gantry-${format.name}-v1-`;
    }
    keyFor(branch) {
        return `${this.prefix}${cacheSafe(branch)}-${this.run.run}-${this.run.attempt}`;
    }
    /** The entry is restored once, by the first read; a second read (or pass) reads the same files. */
    async each(branch, window, visit, select) {
        if (!this.restored) {
            // The cache is the truth: leftovers of an earlier job on a persistent runner are not history.
            await (0,promises_.rm)(this.dir, { recursive: true, force: true });
            this.restoredKey = await this.cache.restoreCache([this.dir], this.keyFor(branch), [
                `${this.prefix}${cacheSafe(branch)}-`,
                this.prefix,
            ]);
            this.restored = true;
        }
        return super.each(branch, window, visit, select);
    }
    async append(record, window) {
        await this.appendAll([record], window);
    }
    async appendAll(records, window) {
        if (records.length === 0)
            return;
        await super.appendAll(records, window);
        // One save for all of them: a cache key can be saved once.
        const key = this.keyFor(records.at(-1).branch);
        // The toolkit reports a key that is already taken (or any save failure) as -1, not as an error.
        if ((await this.cache.saveCache([this.dir], key)) === -1) {
            throw new Error(`the cache entry ${key} was not saved (is a second ${this.format.name} step in this job using the same history?)`);
        }
    }
}
function cacheSafe(text) {
    return text.replace(/[^A-Za-z0-9_./-]/g, '_');
}
/**
 * `history: branch`: records as files on a data branch of the repository, durable and visible.
 * Written with git plumbing (no checkout, the working tree is untouched); a push that loses a race
 * with another job is retried on top of the new branch head.
 */
class BranchHistory {
    format;
    git;
    branchName;
    clock;
    options;
    kind = 'branch';
    /** Pushes tried, and those rejected because another job pushed first. */
    stats = { pushes: 0, rejected: 0 };
    localRef;
    head;
    loaded = false;
    /** Blob sizes from the last tree listing. */
    sizes = new Map();
    constructor(format, git, branchName, clock, options = {}) {
        this.format = format;
        this.git = git;
        this.branchName = branchName;
        this.clock = clock;
        this.options = options;
        this.localRef = `refs/gantry/${format.name}-history`;
    }
    get remote() {
        return this.options.remote ?? 'origin';
    }
    /** Fetch the data branch; undefined head when it does not exist yet. */
    async fetch() {
        const listed = await this.git.text([
            'ls-remote',
            '--heads',
            this.remote,
            `refs/heads/${this.branchName}`,
        ]);
        if (listed === '') {
            this.head = undefined;
        }
        else {
            await this.git.run([
                'fetch',
                '--no-tags',
                '--depth=1',
                this.remote,
                `+refs/heads/${this.branchName}:${this.localRef}`,
            ]);
            this.head = await this.git.text(['rev-parse', '--verify', `${this.localRef}^{commit}`]);
        }
        this.loaded = true;
    }
    async entries() {
        const entries = new Map();
        this.sizes.clear();
        if (this.head === undefined)
            return entries;
        const out = await this.git.text(['ls-tree', '-z', '-l', this.head]);
        for (const line of out.split('\0')) {
            const match = /^100644 blob ([0-9a-f]+) +(\d+)\t(.+)$/.exec(line);
            if (!match)
                continue;
            entries.set(match[3], match[1]);
            this.sizes.set(match[1], Number(match[2]));
        }
        return entries;
    }
    load(branch, window, select) {
        return decodeAll(this, branch, window, select);
    }
    /**
     * The records through `git cat-file --batch`, as many in one process as fit in BATCH_BYTES of
     * compressed bytes (their sizes come with the tree listing): few processes for a small history,
     * and memory bounded for a window of big records. The branch is fetched each time.
     */
    async each(branch, window, visit, select) {
        await this.fetch();
        const entries = await this.entries();
        const oids = newest([...entries.keys()], branch, window, select).map((name) => entries.get(name));
        for (let start = 0; start < oids.length;) {
            let end = start + 1;
            let bytes = this.sizes.get(oids[start]) ?? 0;
            const limit = this.options.batchBytes ?? BATCH_BYTES;
            while (end < oids.length && bytes + (this.sizes.get(oids[end]) ?? 0) <= limit)
                bytes += this.sizes.get(oids[end++]) ?? 0;
            const batch = await this.git.run(['cat-file', '--batch'], {
                input: `${oids.slice(start, end).join('\n')}\n`,
            });
            let offset = 0;
            const out = batch.stdout;
            while (offset < out.length) {
                const headerEnd = out.indexOf(10, offset);
                const size = Number(out.subarray(offset, headerEnd).toString().split(' ')[2]);
                await visit(external_node_stream_.Readable.from([out.subarray(headerEnd + 1, headerEnd + 1 + size)]));
                offset = headerEnd + 1 + size + 1;
            }
            start = end;
        }
    }
    async append(record, window) {
        await this.appendAll([record], window);
    }
    /** One commit and one push for all the records. */
    async appendAll(records, window) {
        if (records.length === 0)
            return;
        if (!this.loaded)
            await this.fetch();
        const attempts = this.options.attempts ?? 5;
        const blobs = [];
        for (const record of records)
            blobs.push([
                recordFileName(record),
                isEncoded(record)
                    ? await this.git.text(['hash-object', '-w', '--', record.path])
                    : await this.git.text(['hash-object', '-w', '--stdin'], { input: this.format.encode(record) }),
            ]);
        const record = records.at(-1);
        const name = this.format.name;
        for (let attempt = 1;; attempt++) {
            const entries = await this.entries();
            for (const [file, blob] of blobs)
                entries.set(file, blob);
            for (const branch of new Set(records.map((r) => r.branch)))
                for (const old of overflow([...entries.keys()], branch, window))
                    entries.delete(old);
            const tree = await this.git.text(['mktree', '-z'], {
                input: [...entries].map(([file, oid]) => `100644 blob ${oid}\t${file}\0`).join(''),
            });
            const commit = await this.git.text([
                '-c',
                `user.name=gantry-${name}`,
                '-c',
                `user.email=gantry-${name}@users.noreply.github.com`,
                'commit-tree',
                tree,
                ...(this.head ? ['-p', this.head] : []),
                '-m',
                `${name} history: ${record.branch} run ${record.run} attempt ${record.attempt}${records.length > 1 ? ` (${records.length} records)` : ''}`,
            ]);
            this.stats.pushes += 1;
            try {
                await this.git.run(['push', '--quiet', this.remote, `${commit}:refs/heads/${this.branchName}`]);
                this.head = commit;
                return;
            }
            catch (error) {
                if (!(error instanceof git/* GitError */.XS))
                    throw error;
                this.stats.rejected += 1;
                if (/permission|denied|403|not allowed|authentication/i.test(error.stderr)) {
                    throw new errors/* ConfigurationError */.j1(`Input 'history': cannot push the history branch '${this.branchName}' (${error.stderr.trim().split('\n').at(-1)}); give the job 'permissions: contents: write' or use history: cache.`);
                }
                if (attempt >= attempts)
                    throw error;
                // Another job pushed first: start again from its head.
                const random = this.options.random ?? Math.random;
                await this.clock.sleep(random() * 250 * 2 ** attempt);
                await this.fetch();
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/history/open.ts




/**
 * The store the `history` input names. With `cache` in a job without GitHub's cache service
 * (a self-hosted runner without it, a local runner), a warning and undefined: history is advisory.
 */
async function openHistoryStore(ctx, format, inputs, options) {
    if (inputs.history === 'dir')
        return new DirHistory(format, inputs.historyDir);
    if (inputs.history === 'branch')
        return new BranchHistory(format, new git/* Git */.TU(ctx.workspace, ctx.runtime.env), inputs.historyBranch, ctx.clock);
    const cache = await Promise.all(/* import() */[__webpack_require__.e(581), __webpack_require__.e(93)]).then(__webpack_require__.bind(__webpack_require__, 2093));
    if (!cache.isFeatureAvailable()) {
        const { title, consequence } = options.unavailable;
        ctx.runtime.annotate({
            level: 'warning',
            title,
            message: (0,runtime_text/* oneLine */.TN)(`history: cache needs GitHub's cache service, which this job does not have${consequence ? `: ${consequence}` : ''}; use history: branch or history: dir.`),
        });
        return undefined;
    }
    const client = {
        restoreCache: (paths, key, restoreKeys) => cache.restoreCache(paths, key, restoreKeys),
        saveCache: (paths, key) => cache.saveCache(paths, key),
    };
    const dir = (0,external_node_path_.join)(ctx.runtime.env.RUNNER_TEMP || ctx.workspace, options.cacheDirName);
    return new CacheHistory(format, dir, client, options.run);
}

;// CONCATENATED MODULE: ./src/history/index.ts




/***/ }),

/***/ 9395:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Pj: () => (/* binding */ FileTable),
  J9: () => (/* binding */ RecordWriter),
  zN: () => (/* binding */ RunCollector),
  ar: () => (/* binding */ SpillWriter),
  Yo: () => (/* binding */ detach),
  tn: () => (/* binding */ settleNotPassed),
  e8: () => (/* binding */ spilled),
  yz: () => (/* binding */ streamNotPassed),
  w: () => (/* binding */ writePassedSuspects)
});

// UNUSED EXPORTS: FingerprintTable, candidates, fingerprint

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/quarantine/results.ts
/**
 * Folds every <testcase> of a run into one result per test id. A test is flaky in this run only when
 * one of its runs failed and then passed on retry within one report's suite, or carries explicit
 * retry markers; failing in one suite or report and passing in another is a failure.
 */
class RunResults {
    byId = new Map();
    add(element) {
        let entry = this.byId.get(element.id);
        if (entry === undefined) {
            entry = { carrier: element, sequences: [] };
            this.byId.set(element.id, entry);
        }
        addToEntry(entry, element);
    }
    get size() {
        return this.byId.size;
    }
    list() {
        const results = [];
        for (const entry of this.byId.values())
            results.push(resultOf(entry));
        return results;
    }
}
/** Adds one element of the entry's test id. */
function addToEntry(entry, element) {
    if (entry.carrier.outcome !== 'failed' &&
        (element.outcome === 'failed' || (entry.carrier.message === undefined && element.message !== undefined))) {
        entry.carrier = element;
    }
    let sequence = entry.sequences.find((s) => s.group === element.group);
    if (sequence === undefined) {
        sequence = {
            group: element.group,
            passes: 0,
            flakes: 0,
            failures: 0,
            skips: 0,
            lastPassed: false,
            failedAttempts: 0,
            elements: 0,
        };
        entry.sequences.push(sequence);
    }
    sequence.elements += 1;
    sequence.failedAttempts += element.failedAttempts;
    switch (element.outcome) {
        case 'skipped':
            sequence.skips += 1;
            return;
        case 'failed':
            sequence.failures += 1;
            sequence.lastPassed = false;
            return;
        case 'flaky':
            sequence.flakes += 1;
            sequence.lastPassed = true;
            return;
        case 'passed':
            sequence.passes += 1;
            sequence.lastPassed = true;
    }
}
/** The test's result from all its elements so far. */
function resultOf(entry) {
    const counts = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
    let elements = 0;
    let failedAttempts = 0;
    for (const s of entry.sequences) {
        elements += s.elements;
        failedAttempts += s.failedAttempts;
        counts.skipped += s.skips;
        const passLike = s.passes + s.flakes;
        if (s.failures > 0 && passLike === 1 && s.lastPassed)
            counts.flaky += 1;
        else {
            counts.passed += s.passes;
            counts.flaky += s.flakes;
            if (s.failures > 0)
                counts.failed += 1;
        }
    }
    const outcome = counts.failed > 0 ? 'failed' : counts.flaky > 0 ? 'flaky' : counts.passed > 0 ? 'passed' : 'skipped';
    const carrier = entry.carrier;
    return {
        ...carrier,
        outcome,
        elements,
        failedAttempts,
        counts,
        failureKind: outcome === 'failed' ? carrier.failureKind : undefined,
        message: outcome === 'failed' || outcome === 'flaky' ? carrier.message : undefined,
    };
}

;// CONCATENATED MODULE: ./src/quarantine/collect.ts







class RunCollector {
    options;
    totals = { total: 0, passed: 0, failed: 0, skipped: 0, flaky: 0 };
    /**
     * Every test id that did not pass, as a fingerprint (96 bits of SHA-1) -> outcome, in typed arrays:
     * 16 bytes a failure (a Map of strings took ten times that), whatever their text. The results
     * themselves go to the spill file.
     */
    notPassed = new FingerprintTable();
    /** Suspects that passed in this run (their pass is evidence), held until the end. */
    passedSuspects = new Map();
    usedEntries = new Set();
    /** Test ids seen (counted per group: an id in two suites counts twice). */
    ids = 0;
    group;
    pending = new Map();
    get spillLines() {
        return this.options.spill.lines;
    }
    constructor(options) {
        this.options = options;
    }
    add(element) {
        if (element.group !== this.group) {
            this.flush();
            this.group = element.group;
        }
        let entry = this.pending.get(element.id);
        if (entry === undefined) {
            entry = { carrier: element, sequences: [] };
            this.pending.set(element.id, entry);
        }
        addToEntry(entry, element);
    }
    /** Ends the stream (the last group is folded) and closes the spill file. */
    end() {
        this.flush();
        this.options.spill.close();
    }
    flush() {
        const { entries, suspects, files, record, spill } = this.options;
        for (const entry of this.pending.values()) {
            const only = entry.sequences.length === 1 ? entry.sequences[0] : undefined;
            // Most tests ran once and passed: no result object for them. A pass is written to the record
            // at once; if the same id failed elsewhere, its failure is written last and wins.
            if (only !== undefined && only.elements === 1 && only.passes === 1) {
                const id = entry.carrier.id;
                this.ids += 1;
                this.totals.passed += 1;
                this.totals.total += 1;
                if (entries.length > 0) {
                    const used = entries.find((candidate) => candidate.matches(id));
                    if (used)
                        this.usedEntries.add(used);
                }
                const held = suspects.get(id);
                if (held !== undefined)
                    this.passedSuspects.set(held, slim(resultOf(entry), held));
                else
                    record.add(id, 'P', files.indexOf(entry.carrier));
                continue;
            }
            const result = resultOf(entry);
            this.ids += 1;
            for (const outcome of ['passed', 'failed', 'skipped', 'flaky']) {
                this.totals[outcome] += result.counts[outcome];
                this.totals.total += result.counts[outcome];
            }
            if (entries.length > 0) {
                const entry = entries.find((candidate) => candidate.matches(result.id));
                if (entry)
                    this.usedEntries.add(entry);
            }
            if (result.outcome === 'skipped')
                continue;
            if (result.outcome === 'passed') {
                const held = suspects.get(result.id);
                if (held !== undefined)
                    this.passedSuspects.set(held, slim(result, held));
                else
                    record.add(result.id, 'P', files.indexOf(result));
                continue;
            }
            // The same id in another suite or report: a failure anywhere stays a failure.
            const code = result.outcome === 'failed' ? FAILED : FLAKY;
            this.notPassed.raise(result.id, code);
            spill.add(result);
        }
        this.pending = new Map();
    }
}
const FLAKY = 1;
const FAILED = 2;
/** Set on a fingerprint once its result was taken from the spill (one result per id). */
const TAKEN = 4;
const STREAMED = 8;
/**
 * 96 bits of a test id's SHA-1, as 16 base64 characters. Two ids sharing one would count as one
 * test: a quarantined failure could hide a real one. At 96 bits the odds among ten million failures
 * are below 1 in 10^15 (53 bits, a safe integer, gave 1 in 10^4 at a million).
 */
function fingerprint(id) {
    return hash('sha1', id, 'buffer').subarray(0, 12).toString('base64');
}
/**
 * A map from test id fingerprints (96 bits of SHA-1, see `fingerprint`) to a small state, held in
 * typed arrays with open addressing: three 32-bit words and a byte a slot, no object per entry.
 * A state of 0 means absent.
 */
class FingerprintTable {
    keys = new Uint32Array(3 * 1024);
    states = new Uint8Array(1024);
    size = 0;
    get(id) {
        const slot = this.find((0,external_node_crypto_.hash)('sha1', id, 'buffer'));
        return slot < 0 ? 0 : this.states[slot];
    }
    /** Sets a state (not 0 on a held fingerprint: entries are never removed). */
    set(id, state) {
        this.update(id, () => state);
    }
    /** Sets the state to `state` unless it is already higher (a failure outranks a flaky run). */
    raise(id, state) {
        this.update(id, (old) => Math.max(old, state));
    }
    update(id, next) {
        const digest = (0,external_node_crypto_.hash)('sha1', id, 'buffer');
        const slot = this.find(digest);
        if (slot >= 0) {
            const state = next(this.states[slot]);
            // 0 marks an empty slot: clearing one would cut the probe chains through it.
            if (state === 0)
                throw new RangeError('a held fingerprint cannot be cleared');
            this.states[slot] = state;
            return;
        }
        const state = next(0);
        if (state === 0)
            return;
        if ((this.size + 1) * 2 > this.states.length)
            this.grow();
        this.insert(digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), state);
    }
    /** The slot holding this digest's fingerprint, or -1. */
    find(digest) {
        const a = digest.readUInt32LE(0);
        const b = digest.readUInt32LE(4);
        const c = digest.readUInt32LE(8);
        const mask = this.states.length - 1;
        for (let slot = a & mask;; slot = (slot + 1) & mask) {
            if (this.states[slot] === 0)
                return -1;
            const at = slot * 3;
            if (this.keys[at] === a && this.keys[at + 1] === b && this.keys[at + 2] === c)
                return slot;
        }
    }
    insert(a, b, c, state) {
        const mask = this.states.length - 1;
        let slot = a & mask;
        while (this.states[slot] !== 0)
            slot = (slot + 1) & mask;
        this.keys.set([a, b, c], slot * 3);
        this.states[slot] = state;
        this.size += 1;
    }
    grow() {
        const { keys, states } = this;
        this.keys = new Uint32Array(keys.length * 2);
        this.states = new Uint8Array(states.length * 2);
        this.size = 0;
        for (let slot = 0; slot < states.length; slot++)
            if (states[slot] !== 0)
                this.insert(keys[slot * 3], keys[slot * 3 + 1], keys[slot * 3 + 2], states[slot]);
    }
}
/**
 * The results that did not pass, one JSON line each, written in blocks as they are folded so
 * memory holds one block at most. An id can have several lines (several suites or reports).
 */
class SpillWriter {
    path;
    out;
    lines = 0;
    closed = false;
    constructor(path) {
        this.path = path;
        this.out = new BlockWriter(path, (block) => block);
    }
    add(result) {
        this.out.write(`${JSON.stringify(result)}\n`);
        this.lines += 1;
    }
    close() {
        if (this.closed)
            return;
        this.out.close();
        this.closed = true;
    }
}
async function* spilled(path) {
    const lines = (0,external_node_readline_.createInterface)({ input: (0,external_node_fs_.createReadStream)(path, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines)
        if (line !== '')
            yield JSON.parse(line);
}
/**
 * Reads the spill back once the stream ended: one result per id (its first failure, else its
 * first flaky run), written to the record last (so it wins over a pass of the same id elsewhere),
 * handed to `observe` (detection), counted, and kept in full for the first `keep` of each kind.
 */
async function settleNotPassed(collector, spillPath, options) {
    const { notPassed } = collector;
    const out = {
        failures: [],
        quarantined: [],
        flaky: [],
        counts: { failures: 0, quarantined: 0, flaky: 0 },
    };
    for await (const test of spilled(spillPath)) {
        const state = notPassed.get(test.id);
        if (state & TAKEN)
            continue;
        const kind = state & 3;
        if (kind === FAILED && test.outcome !== 'failed')
            continue;
        notPassed.set(test.id, state | TAKEN);
        collector.passedSuspects.delete(test.id);
        const code = kind === FAILED ? 'F' : 'K';
        const index = options.files.indexOf(test);
        options.record.add(test.id, code, index);
        options.observe(test, code, index);
        if (kind === FLAKY) {
            out.counts.flaky += 1;
            if (out.flaky.length < options.keep)
                out.flaky.push(test);
            continue;
        }
        const entry = options.active.find((candidate) => candidate.matches(test.id));
        if (entry) {
            out.counts.quarantined += 1;
            if (out.quarantined.length < options.keep)
                out.quarantined.push({ test, entry });
        }
        else {
            out.counts.failures += 1;
            if (out.failures.length < options.keep)
                out.failures.push(test);
        }
    }
    return out;
}
/**
 * Every result of one kind from the spill, one per id, in report order: the check run's
 * annotations, however many, without holding them.
 */
async function* streamNotPassed(collector, spillPath, kind, active) {
    const { notPassed } = collector;
    for await (const test of spilled(spillPath)) {
        const state = notPassed.get(test.id);
        if (state & STREAMED)
            continue;
        const own = state & 3;
        if ((kind === 'flaky') !== (own === FLAKY))
            continue;
        if (own === FAILED && test.outcome !== 'failed')
            continue;
        const entry = own === FAILED ? active.find((candidate) => candidate.matches(test.id)) : undefined;
        if (kind === 'failed' && entry)
            continue;
        if (kind === 'quarantined' && !entry)
            continue;
        notPassed.set(test.id, state | STREAMED);
        yield { test, entry };
    }
}
/** The suspects that passed and did not fail elsewhere in this run: written last as passes. */
function writePassedSuspects(collector, files, record) {
    for (const test of collector.passedSuspects.values())
        record.add(test.id, 'P', files.indexOf(test));
}
/**
 * A held result must not pin the reader's input: V8 keeps a substring as a slice of its parent, so
 * a name cut from a 256 KB read chunk would keep the whole chunk alive. Held strings are copied, and
 * only those the end of the run needs are held.
 */
function slim(result, id) {
    return {
        id,
        file: result.file === undefined ? undefined : detach(result.file),
        suite: detach(result.suite),
        classname: detach(result.classname),
    };
}
/** A copy that shares no storage with the original (a flattened concatenation). */
function detach(text) {
    return text.length < 13 ? text : ` ${text}`.slice(1);
}
/**
 * The files tests live in, with a content id for each, numbered in the order tests name them. The
 * content id is the file's git blob id (from one listing of the index, taken before the reports are
 * read), so detection can tell "nothing changed" from an edit without opening a file.
 */
class FileTable {
    blobs;
    files = [];
    indexByPath = new Map();
    constructor(blobs) {
        this.blobs = blobs;
    }
    /**
     * Outside a git checkout: content ids for the files of the given tests only (the few detection
     * needs), read from disk and computed the way git computes a blob id.
     */
    async hashFromDisk(workspace, tests) {
        let opened = 0;
        const wanted = new Set();
        for await (const test of tests)
            for (const path of candidates(test))
                if (!this.blobs.has(path))
                    wanted.add(path);
        for (const path of wanted) {
            if (path === '' || !/\.[A-Za-z0-9]+$/.test(path))
                continue;
            opened += 1;
            const content = await (0,promises_.readFile)((0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(workspace, path)).catch(() => undefined);
            if (content === undefined)
                continue;
            const blob = (0,external_node_crypto_.createHash)('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
            this.blobs.set(path, blob);
        }
        return opened;
    }
    indexOf(test) {
        for (const path of candidates(test)) {
            const known = this.indexByPath.get(path);
            if (known !== undefined)
                return known;
            const blob = this.blobs.get(path);
            if (blob === undefined)
                continue;
            const index = this.files.push([path, blob.slice(0, 16)]) - 1;
            this.indexByPath.set(path, index);
            return index;
        }
        return undefined;
    }
}
/**
 * Where a test's file can be named: its `file` attribute; else its classname, which vitest and
 * mocha-style reporters fill with the file's path; else its innermost suite (jest-junit).
 */
function candidates(test) {
    if (test.file !== undefined)
        return [test.file];
    const innermost = test.suite.split('::').at(-1) ?? '';
    return innermost === '' ? [test.classname] : [test.classname, innermost];
}
/**
 * The run's history record, written as it is read: gzipped JSON in the v1 shape, compressed in
 * blocks so memory holds one block at most. A test written twice keeps its last code; the collector
 * writes held results last. Ahead of `tests` goes `failed`, the ids written with a code other than
 * P: a later run finds the suspects of a window from the head of each record, without inflating the
 * million passes after it. Sections are written to their own files and joined at the end.
 */
class RecordWriter {
    path;
    info;
    // Concatenated gzip members are one gzip stream to every reader (RFC 1952, zlib's gunzip).
    testsOut;
    failedOut;
    firstTest = true;
    firstFailed = true;
    tests = 0;
    constructor(path, info) {
        this.path = path;
        this.info = info;
        this.testsOut = new BlockWriter(`${path}.tests`, gzipBlock);
        this.failedOut = new BlockWriter(`${path}.failed`, gzipBlock);
    }
    add(id, code, fileIndex) {
        const key = JSON.stringify(id);
        this.testsOut.write(`${this.firstTest ? '' : ','}${key}:"${code}${fileIndex ?? ''}"`);
        this.firstTest = false;
        this.tests += 1;
        if (code === 'P')
            return;
        this.failedOut.write(`${this.firstFailed ? '' : ','}${key}`);
        this.firstFailed = false;
    }
    close(files) {
        this.testsOut.close();
        this.failedOut.close();
        const { run, attempt, sha, branch, time } = this.info;
        const out = new BlockWriter(this.path, gzipBlock);
        out.write(`${JSON.stringify({ v: 1, run, attempt, sha, branch, time }).slice(0, -1)},"failed":[`);
        out.append(`${this.path}.failed`);
        out.write('],"tests":{');
        out.append(`${this.path}.tests`);
        out.write(`},"files":${JSON.stringify(files)}}`);
        out.close();
        (0,external_node_fs_.rmSync)(`${this.path}.failed`, { force: true });
        (0,external_node_fs_.rmSync)(`${this.path}.tests`, { force: true });
        return { ...this.info, path: this.path };
    }
}
const gzipBlock = (block) => (0,external_node_zlib_.gzipSync)(block, { level: 1 });
const BLOCK_BYTES = 1 << 20;
/**
 * Text appended to a file a megabyte at a time through one reused buffer, not a growing string: a
 * megabyte of concatenated strings outlives the young generation and piles up in the old one as
 * garbage, which made the heap (and the peak RSS) grow with the report's size.
 */
class BlockWriter {
    encode;
    fd;
    block = Buffer.allocUnsafe(BLOCK_BYTES);
    used = 0;
    constructor(path, 
    /** What a full block becomes on disk (gzip for the record; as is for the spill). */
    encode) {
        this.encode = encode;
        this.fd = (0,external_node_fs_.openSync)(path, 'w');
    }
    write(text) {
        const bytes = Buffer.byteLength(text);
        if (this.used + bytes > BLOCK_BYTES) {
            this.flush();
            // A piece longer than a block (a huge id or message, the file table) goes through on its own.
            if (bytes > BLOCK_BYTES) {
                (0,external_node_fs_.writeSync)(this.fd, this.encode(Buffer.from(text)));
                return;
            }
        }
        this.used += this.block.write(text, this.used);
    }
    /** Appends another file's bytes as they are (already encoded: gzip members), after this block. */
    append(path) {
        this.flush();
        const from = (0,external_node_fs_.openSync)(path, 'r');
        try {
            for (let read = (0,external_node_fs_.readSync)(from, this.block); read > 0; read = (0,external_node_fs_.readSync)(from, this.block))
                (0,external_node_fs_.writeSync)(this.fd, this.block, 0, read);
        }
        finally {
            (0,external_node_fs_.closeSync)(from);
        }
    }
    close() {
        this.flush();
        (0,external_node_fs_.closeSync)(this.fd);
    }
    flush() {
        if (this.used === 0)
            return;
        (0,external_node_fs_.writeSync)(this.fd, this.encode(this.block.subarray(0, this.used)));
        this.used = 0;
    }
}


/***/ }),

/***/ 8596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vn: () => (/* binding */ RUN_RECORDS),
/* harmony export */   lB: () => (/* binding */ observe)
/* harmony export */ });
/* unused harmony exports makeRecord, sourceFileOf, encodeRecord, parseRecord */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);

const CODES = { passed: 'P', failed: 'F', flaky: 'K' };
function makeRecord(info, results, fileHashes) {
    const files = [];
    const fileIndex = new Map();
    const tests = {};
    // Sorted ids share long prefixes (file, class), which is what makes the gzipped record small.
    for (const result of [...results].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
        const code = CODES[result.outcome];
        if (code === undefined)
            continue;
        let suffix = '';
        const file = sourceFileOf(result);
        const hash = fileHashes.get(file);
        if (hash !== undefined) {
            let index = fileIndex.get(file);
            if (index === undefined) {
                index = files.push([file, hash]) - 1;
                fileIndex.set(file, index);
            }
            suffix = String(index);
        }
        tests[result.id] = code + suffix;
    }
    return { v: 1, ...info, files, tests };
}
/**
 * The file a test lives in: its `file` attribute, else its classname, which vitest and mocha-style
 * reporters fill with the test file's path (a hash is only found when that path exists).
 */
function sourceFileOf(test) {
    return test.file ?? test.classname;
}
/** Outcome and file hash of one test in one record. */
function observe(record, id) {
    const value = record.tests[id];
    if (value === undefined)
        return undefined;
    const index = value.length > 1 ? Number(value.slice(1)) : undefined;
    return { code: value[0], fileHash: index === undefined ? undefined : record.files[index]?.[1] };
}
/** A record as stored: gzipped JSON. */
function encodeRecord(record) {
    return (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gzipSync)(JSON.stringify(record));
}
/** A damaged record is skipped, not fatal: history is advisory. */
function parseRecord(bytes) {
    try {
        const value = JSON.parse((0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gunzipSync)(bytes).toString('utf8'));
        if (!(value && value.v === 1 && typeof value.tests === 'object' && Array.isArray(value.files)))
            return undefined;
        // The index of ids that did not pass (RecordWriter) serves readers that stop at the head.
        delete value.failed;
        return value;
    }
    catch {
        return undefined;
    }
}
const RUN_RECORDS = {
    name: 'quarantine',
    encode: encodeRecord,
    decode: parseRecord,
};


/***/ }),

/***/ 5153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ WindowReader)
/* harmony export */ });
/* unused harmony export scanRecord */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _collect_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9395);


/**
 * Reads a stored run record (gzipped JSON, the v1 shape) as a stream, handing each test's entry to
 * `onTest` instead of building the `tests` object: a million-test record is about 100 MB of JSON,
 * and a window of them decoded whole took gigabytes. Memory holds one inflated chunk and the
 * record's other fields (its file table). Returns undefined for a damaged record, as `parseRecord`
 * does; entries of a damaged record may already have been visited, so a caller that keeps them
 * commits them only once the scan succeeded. An id written twice is visited twice, in order (the
 * last one wins, as in JSON.parse).
 */
async function scanRecord(bytes, onTest, options = {}) {
    const scanner = new TestsScanner(onTest, options);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    try {
        const gunzip = (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.createGunzip)({ chunkSize: options.chunkSize });
        if (Buffer.isBuffer(bytes))
            gunzip.end(bytes);
        else {
            bytes.on('error', (error) => gunzip.destroy(error));
            bytes.pipe(gunzip);
        }
        for await (const chunk of gunzip) {
            scanner.feed(decoder.decode(chunk, { stream: true }));
            // The record's index answered: the rest is not inflated (leaving the loop ends the stream).
            if (scanner.done)
                break;
        }
        if (!scanner.done)
            scanner.feed(decoder.decode());
        const record = scanner.finish();
        return record && record.v === 1 && Array.isArray(record.files) ? record : undefined;
    }
    catch {
        return undefined;
    }
}
class DamagedRecord extends Error {
}
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
/**
 * The record's text with its `tests` object taken out entry by entry. Everything around that object
 * (the run's fields and the file table, small) is kept as text and parsed at the end.
 */
class TestsScanner {
    onTest;
    options;
    state = 'head';
    /** The record's fields before `tests`, when its `failed` index made reading further needless. */
    indexed;
    /** Text of the tests object not yet consumed. */
    text = '';
    /** The record's text outside the tests object; the object itself becomes `{}`. */
    outside = '';
    // The head is read a character at a time (it is small): where it stands in the top-level object.
    depth = 0;
    inString = false;
    escaped = false;
    /** The string being read, up to six characters: enough to tell the key `tests`. */
    word = '';
    /** A `"tests":` key was just read at the top level. */
    testsKey = false;
    constructor(onTest, options) {
        this.onTest = onTest;
        this.options = options;
    }
    /** Hands an entry over unless the options leave it out; its strings are made only if wanted. */
    visit(text, keyStart, keyEnd, valueStart, valueEnd) {
        if (this.options.notPassed && text[valueStart + 1] === 'P')
            return;
        const id = jsonString(text, keyStart, keyEnd);
        if (this.options.ids && !this.options.ids.has(id))
            return;
        this.onTest(id, jsonString(text, valueStart, valueEnd));
    }
    feed(chunk) {
        if (this.state === 'head')
            chunk = this.readHead(chunk);
        if (this.state === 'tests') {
            this.text += chunk;
            this.readTests();
            chunk = '';
        }
        if (this.state === 'tail') {
            this.outside += this.text + chunk;
            this.text = '';
        }
    }
    get done() {
        return this.state === 'done';
    }
    finish() {
        if (this.indexed) {
            const { tests: _tests, failed: _failed, ...header } = this.indexed;
            return { files: [], ...header };
        }
        if (this.state === 'tests' || this.text !== '')
            throw new DamagedRecord();
        const record = JSON.parse(this.outside);
        if (typeof record !== 'object' || record === null || !('tests' in record))
            throw new DamagedRecord();
        // A key spelled with escapes (no writer of ours does that) was not recognised: its entries are here.
        if (this.state === 'head') {
            const tests = record.tests;
            if (typeof tests !== 'object' || tests === null)
                throw new DamagedRecord();
            for (const [id, value] of Object.entries(tests)) {
                if (typeof value !== 'string')
                    throw new DamagedRecord();
                const entry = JSON.stringify(id) + JSON.stringify(value);
                const keyEnd = JSON.stringify(id).length - 1;
                this.visit(entry, 0, keyEnd, keyEnd + 1, entry.length - 1);
            }
        }
        delete record.tests;
        delete record.failed;
        return record;
    }
    /** Reads up to and including the `{` that opens the top-level `tests` object; returns the rest. */
    readHead(chunk) {
        for (let i = 0; i < chunk.length; i++) {
            const c = chunk[i];
            if (this.inString) {
                if (this.escaped)
                    this.escaped = false;
                else if (c === '\\')
                    this.escaped = true;
                else if (c === '"') {
                    this.inString = false;
                    continue;
                }
                if (this.word.length < 6)
                    this.word += c;
                continue;
            }
            if (WHITESPACE.has(c))
                continue;
            if (c === '"') {
                this.inString = true;
                this.word = '';
                continue;
            }
            if (c === ':') {
                this.testsKey = this.depth === 1 && this.word === 'tests';
                continue;
            }
            const opensTests = c === '{' && this.testsKey && this.depth === 1;
            this.testsKey = false;
            this.word = '';
            if (c === '{' || c === '[')
                this.depth += 1;
            else if (c === '}' || c === ']') {
                this.depth -= 1;
                if (this.depth < 0)
                    throw new DamagedRecord();
            }
            if (opensTests) {
                this.outside += chunk.slice(0, i + 1);
                if (this.options.notPassed && this.readIndex()) {
                    this.state = 'done';
                    return '';
                }
                this.state = 'tests';
                return chunk.slice(i + 1);
            }
        }
        this.outside += chunk;
        return '';
    }
    /** Visits the ids of the head's `failed` index; false when the record has none (an older one). */
    readIndex() {
        const head = JSON.parse(`${this.outside}}}`);
        const failed = head.failed;
        if (!Array.isArray(failed) || !failed.every((id) => typeof id === 'string'))
            return false;
        for (const id of failed)
            if (!this.options.ids || this.options.ids.has(id))
                this.onTest(id, 'F');
        this.indexed = head;
        return true;
    }
    /** Entries `"id":"value"`, as far as the text holds complete ones; then the closing `}`. */
    readTests() {
        const text = this.text;
        let at = 0;
        for (;;) {
            while (at < text.length && (WHITESPACE.has(text[at]) || text[at] === ','))
                at += 1;
            if (at >= text.length)
                break;
            if (text[at] === '}') {
                this.outside += '}';
                this.text = text.slice(at + 1);
                this.state = 'tail';
                return;
            }
            if (text[at] !== '"')
                throw new DamagedRecord();
            const keyEnd = stringEnd(text, at);
            if (keyEnd < 0)
                break;
            let colon = keyEnd + 1;
            while (colon < text.length && WHITESPACE.has(text[colon]))
                colon += 1;
            if (colon >= text.length)
                break;
            if (text[colon] !== ':')
                throw new DamagedRecord();
            let value = colon + 1;
            while (value < text.length && WHITESPACE.has(text[value]))
                value += 1;
            if (value >= text.length)
                break;
            if (text[value] !== '"')
                throw new DamagedRecord();
            const valueEnd = stringEnd(text, value);
            if (valueEnd < 0)
                break;
            this.visit(text, at, keyEnd, value, valueEnd);
            at = valueEnd + 1;
        }
        this.text = text.slice(at);
    }
}
/** The index of the quote closing the JSON string that opens at `start`, or -1 if not in `text` yet. */
function stringEnd(text, start) {
    let end = text.indexOf('"', start + 1);
    while (end >= 0) {
        let backslashes = 0;
        while (text[end - 1 - backslashes] === '\\')
            backslashes += 1;
        if (backslashes % 2 === 0)
            return end;
        end = text.indexOf('"', end + 1);
    }
    return -1;
}
/** The JSON string text[start..end] (quotes included), unescaped; most ids have nothing to unescape. */
function jsonString(text, start, end) {
    const raw = text.slice(start, end + 1);
    if (!raw.includes('\\'))
        return raw.slice(1, -1);
    return JSON.parse(raw);
}
/**
 * The two reads of a window of stored records that never hold one whole (quarantine's history and
 * pipeline-metrics' flake rates).
 */
class WindowReader {
    store;
    window;
    select;
    /** Outcome codes, one copy each across the window. */
    codes = new Map();
    constructor(store, window, select) {
        this.store = store;
        this.window = window;
        this.select = select;
    }
    /**
     * First read: each readable record's fields and the ids it did not pass (its `failed` index), one
     * copy of each id across the branch's records.
     */
    async failing(branch, visit) {
        const interned = new Map();
        await this.store.each(branch, this.window, async (stream) => {
            const ids = [];
            const header = await scanRecord(stream, (id) => ids.push(intern(interned, id)), { notPassed: true });
            if (header)
                visit(header, ids);
        }, this.select);
    }
    /**
     * Second read: the records holding only the entries of `keep`'s ids, keyed by the copies `keep`
     * maps them to; `damaged` counts records that could not be read.
     */
    async narrowed(branch, keep, into) {
        await this.store.each(branch, this.window, async (stream) => {
            const tests = Object.create(null);
            const header = await scanRecord(stream, (id, value) => (tests[keep.get(id)] = intern(this.codes, value)), {
                ids: keep,
            });
            if (header)
                into.records.push({ ...header, tests });
            else
                into.damaged += 1;
        }, this.select);
    }
}
/** The one copy of `text` held in `copies` (a detached one, made on first sight). */
function intern(copies, text) {
    let kept = copies.get(text);
    if (kept === undefined) {
        kept = (0,_collect_js__WEBPACK_IMPORTED_MODULE_1__/* .detach */ .Yo)(text);
        copies.set(kept, kept);
    }
    return kept;
}


/***/ }),

/***/ 1356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FV: () => (/* reexport safe */ _text_js__WEBPACK_IMPORTED_MODULE_5__.FV),
/* harmony export */   N0: () => (/* reexport safe */ _runtime_js__WEBPACK_IMPORTED_MODULE_4__.N0),
/* harmony export */   Qj: () => (/* reexport safe */ _text_js__WEBPACK_IMPORTED_MODULE_5__.Qj),
/* harmony export */   TN: () => (/* reexport safe */ _text_js__WEBPACK_IMPORTED_MODULE_5__.TN),
/* harmony export */   gJ: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_0__.gJ),
/* harmony export */   j1: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_0__.j1),
/* harmony export */   p0: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_0__.p0),
/* harmony export */   zH: () => (/* reexport safe */ _text_js__WEBPACK_IMPORTED_MODULE_5__.zH)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9541);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2291);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(390);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6788);
/* harmony import */ var _runtime_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2536);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5369);








/***/ })

};
