export const id = 620;
export const ids = [620];
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
