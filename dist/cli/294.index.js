export const id = 294;
export const ids = [294];
export const modules = {

/***/ 2442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FX: () => (/* binding */ globTest),
/* harmony export */   SH: () => (/* binding */ nameGlobMatcher),
/* harmony export */   er: () => (/* binding */ normalizeGlob),
/* harmony export */   fU: () => (/* binding */ globMatcher),
/* harmony export */   fg: () => (/* binding */ isGlob),
/* harmony export */   gG: () => (/* binding */ scanGlob),
/* harmony export */   pZ: () => (/* binding */ GlobError)
/* harmony export */ });
/* unused harmony exports GLOB_OPTIONS, globRegExp */
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3581);
/**
 * The suite's one glob library: minimatch, with the rules every Gantry glob follows (changes filters
 * and workspaces, quarantine ids and report exclusions, pins `--allow`, layer-cache paths). This is
 * the only module that imports minimatch.
 *
 * The rules keep dorny/paths-filter's observable behaviour (picomatch 2.3.1 with `dot: true`) for
 * paths as git lists them (never a `.` or `..` segment: git refuses those, and the answer on such a
 * path is not specified); test/glob/differential.test.ts evaluates both on hundreds of pairs, and
 * every remaining difference is listed in actions/changes/README.md:
 * - `dot: true`: `*` and `**` match names starting with `.` (never a `.` or `..` segment);
 * - `nocomment`: a leading `#` is a character, as in picomatch;
 * - `platform: 'linux'`: `/` is the only separator and `\` always escapes, on every runner OS
 *   (paths are compared in git's form, never the platform's);
 * - `optimizationLevel: 0`: the pattern is matched as written (no `a/b/..` rewriting);
 * - a leading `./` is dropped, as picomatch does;
 * - matching goes through minimatch's `makeRe`, whose trailing `/**` also matches the directory
 *   itself (`src/**` matches `src`, a file or a submodule's path), as picomatch does, except
 *   after a segment ending in `*` (`a*` then `/**`), as in picomatch.
 */

const GLOB_OPTIONS = Object.freeze({
    dot: true,
    nocomment: true,
    platform: 'linux',
    optimizationLevel: 0,
});
/** A glob that cannot be parsed (an unbalanced class or extglob that minimatch rejects). */
class GlobError extends Error {
}
/** `./src/**` is `src/**`. */
function normalizeGlob(pattern) {
    let out = pattern;
    while (out.startsWith('./'))
        out = out.slice(2);
    return out;
}
/** The pattern's leading `!`s removed, and whether it negates (an odd count; `!(` is an extglob). */
function splitNegation(pattern) {
    let count = 0;
    while (pattern[count] === '!' && pattern[count + 1] !== '(')
        count++;
    return { body: pattern.slice(count), negated: count % 2 === 1 };
}
/** Index of the `)` closing the `(` at `open`, or -1 (escapes and bracket classes skipped). */
function closingParen(text, open) {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        const c = text[i];
        if (c === '\\')
            i++;
        else if (c === '[') {
            const end = closingBracket(text, i);
            if (end !== -1)
                i = end;
        }
        else if (c === '(')
            depth++;
        else if (c === ')' && --depth === 0)
            return i;
    }
    return -1;
}
/** Index of the `]` closing the class opened at `open`, or -1 (`[]a]` and `[!]a]` hold a `]`). */
function closingBracket(text, open) {
    let i = open + 1;
    if (text[i] === '!' || text[i] === '^')
        i++;
    if (text[i] === ']')
        i++;
    for (; i < text.length; i++) {
        if (text[i] === '\\')
            i++;
        else if (text[i] === ']')
            return i;
    }
    return -1;
}
/** The top-level `|`-separated alternatives of a group's inside. */
function alternatives(inside) {
    const out = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < inside.length; i++) {
        const c = inside[i];
        if (c === '\\')
            i++;
        else if (c === '[') {
            const end = closingBracket(inside, i);
            if (end !== -1)
                i = end;
        }
        else if (c === '(')
            depth++;
        else if (c === ')')
            depth--;
        else if (c === '|' && depth === 0) {
            out.push(inside.slice(start, i));
            start = i + 1;
        }
    }
    out.push(inside.slice(start));
    return out;
}
const EXTGLOB = '!@*+?';
/** Does a `(…)` group hold a `/` (so the pattern's segments are not its `/`-separated parts)? */
function groupSpansSlash(pattern) {
    let depth = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\')
            i++;
        else if (c === '(')
            depth++;
        else if (c === ')')
            depth = Math.max(0, depth - 1);
        else if (c === '/' && depth > 0)
            return true;
    }
    return false;
}
/**
 * picomatch's regex-like syntax, spelled the way minimatch reads it: a plain group `(a|b)` is
 * `@(a|b)`; a group or a class followed by `+` is one or more of it (`[0-9]+`, from GitHub's
 * cheat sheet, is `+([0-9])`); a leading `**` glued to `.` (`**.js`) matches at any depth, as
 * GitHub's cheat sheet documents.
 */
function picomatchSyntax(pattern) {
    let out = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\') {
            out += pattern.slice(i, i + 2);
            i++;
        }
        else if (c === '[') {
            const end = closingBracket(pattern, i);
            if (end === -1) {
                out += c;
                continue;
            }
            const cls = pattern.slice(i, end + 1);
            const plus = pattern[end + 1] === '+' && pattern[end + 2] !== '(';
            out += plus ? `+(${cls})` : cls;
            i = plus ? end + 1 : end;
        }
        else if (c === '(' && (i === 0 || !EXTGLOB.includes(pattern[i - 1]))) {
            const end = closingParen(pattern, i);
            if (end === -1) {
                out += c;
                continue;
            }
            const inside = picomatchSyntax(pattern.slice(i + 1, end));
            const plus = pattern[end + 1] === '+' && pattern[end + 2] !== '(';
            out += `${plus ? '+' : '@'}(${inside})`;
            i = plus ? end + 1 : end;
        }
        else
            out += c;
    }
    return out.startsWith('**.') ? `**/*${out.slice(2)}` : out;
}
/**
 * A trailing `/**` matches the directory itself too (`src/**` matches `src`), except after a
 * segment ending in `*` (`*` or `a*` then `/**`), where picomatch asks for at least one more segment.
 */
function trailingGlobstar(body) {
    const trailing = /(?:\/\*\*)+$/.exec(body);
    if (!trailing || trailing.index === 0)
        return body;
    const parent = body.slice(0, trailing.index);
    return parent.endsWith('*') && !isEscapedAt(parent, parent.length - 1) ? `${parent}/**/*` : body;
}
function isEscapedAt(text, index) {
    let backslashes = 0;
    for (let i = index - 1; i >= 0 && text[i] === '\\'; i--)
        backslashes++;
    return backslashes % 2 === 1;
}
function positive(body, original) {
    const mm = new minimatch__WEBPACK_IMPORTED_MODULE_0__/* .Minimatch */ .VR(trailingGlobstar(picomatchSyntax(body)), { ...GLOB_OPTIONS, nonegate: true });
    const re = mm.makeRe();
    if (re === false)
        throw new GlobError(`cannot parse the glob ${JSON.stringify(original)}`);
    // minimatch compiles a class that can match nothing (a reversed range such as `[z-a]`) to `$.`:
    // refuse it, as a pattern that silently never matches is a mistake nobody sees.
    if (/(?<!\\)\$\./.test(re.source))
        throw new GlobError(`the glob ${JSON.stringify(original)} has a character class that matches nothing`);
    // `s`: minimatch's `**` is built from `.`, which would stop at a newline; `*` already crosses one.
    return re.flags.includes('s') ? re : new RegExp(re.source, `${re.flags}s`);
}
function negate(re) {
    return new RegExp(`^(?!${re.source})[\\s\\S]+$`, re.flags);
}
/**
 * One regular expression for a glob, whole-path anchored. Throws GlobError when it cannot be parsed.
 * A leading `!` negates (dorny's picomatch reads it so); callers that give `!` their own meaning
 * strip it first.
 */
function globRegExp(pattern) {
    const { body, negated } = splitNegation(normalizeGlob(pattern));
    const normalized = normalizeGlob(body);
    // A whole pattern `!(a/**|b/*.md)` is every path none of the alternatives matches, and `(…)` or
    // `@(…)` every path one of them matches: picomatch lets such a group span directories (dorny's
    // own tests use `!(**/*.tsx|**/*.less)`, and a changes filter reads its leading `!` as an
    // exclusion of `(**/*.tsx|**/*.less)`); minimatch's extglobs stay within one path segment.
    const group = /^[!@]?\(/.exec(normalized)?.[0];
    if (group && closingParen(normalized, group.length - 1) === normalized.length - 1) {
        const alts = alternatives(normalized.slice(group.length, -1));
        if (alts.some((alt) => alt.includes('/'))) {
            const union = alts.map((alt) => positive(normalizeGlob(alt), pattern));
            const any = new RegExp(union.map((re) => `(?:${re.source})`).join('|'), union[0].flags);
            return negated === (group === '!(') ? any : negate(any);
        }
    }
    const re = positive(normalized, pattern);
    return negated ? negate(re) : re;
}
/** A test for one glob, or for any of several. */
function globMatcher(patterns) {
    const list = typeof patterns === 'string' ? [patterns] : patterns;
    const tests = list.map(globTest);
    if (tests.length === 1)
        return tests[0];
    return (path) => tests.some((test) => test(path));
}
/**
 * A test for one glob: its regular expression, or the path equal to the pattern's text (picomatch
 * matches a path spelled exactly like the pattern, so `[id].ts` matches the file `[id].ts`).
 */
function globTest(pattern) {
    const re = globRegExp(pattern);
    return (path) => path === pattern || re.test(path);
}
/** A placeholder for `/` in names that are not paths: JUnit XML (XML 1.0) cannot hold a NUL. */
const NAME_SEPARATOR = '\u0000';
/**
 * A glob over names that are not paths (quarantine's test ids, `file::class::name`): `*` also
 * crosses `/`, and `\` is an ordinary character (what picomatch's `bash: true` did). The exact
 * name always matches, brackets included; a name that is no valid glob matches only itself.
 */
function nameGlobMatcher(pattern) {
    let test;
    try {
        test = globTest(pattern.replaceAll('\\', '\\\\').replaceAll('/', NAME_SEPARATOR));
    }
    catch (error) {
        // A parameterised name such as `test_x[a-1]` is no valid glob: it matches itself only.
        if (!(error instanceof GlobError))
            throw error;
        return (name) => name === pattern;
    }
    return (name) => name === pattern || test(name.replaceAll('/', NAME_SEPARATOR));
}
/** Does the pattern contain any glob syntax (braces included), or is it a literal path? */
function isGlob(pattern) {
    const normalized = normalizeGlob(pattern);
    if (normalized.startsWith('!'))
        return true;
    return new minimatch__WEBPACK_IMPORTED_MODULE_0__/* .Minimatch */ .VR(picomatchSyntax(normalized), { ...GLOB_OPTIONS, magicalBraces: true }).hasMagic();
}
/**
 * Splits a glob into its literal directory prefix and the rest, for indexing. A pattern whose
 * prefix cannot be read plainly (braces, negation, escapes) reports base '' and stays a glob: an
 * index then only loses speed, never a match.
 */
function scanGlob(pattern) {
    const normalized = normalizeGlob(pattern);
    if (!isGlob(normalized))
        return { base: normalized, glob: '', isGlob: false };
    const rewritten = picomatchSyntax(normalized);
    if (normalized.startsWith('!') || normalized.includes('\\'))
        return { base: '', glob: normalized, isGlob: true };
    const mm = new minimatch__WEBPACK_IMPORTED_MODULE_0__/* .Minimatch */ .VR(rewritten, { ...GLOB_OPTIONS, nonegate: true });
    if (mm.set.length !== 1 || groupSpansSlash(rewritten))
        return { base: '', glob: normalized, isGlob: true };
    const set = mm.set[0];
    const parts = rewritten.split('/');
    if (parts.length !== set.length)
        return { base: '', glob: normalized, isGlob: true };
    let literal = 0;
    while (literal < set.length - 1 && typeof set[literal] === 'string' && set[literal] !== '')
        literal++;
    return { base: parts.slice(0, literal).join('/'), glob: parts.slice(literal).join('/'), isGlob: true };
}


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
// EXTERNAL MODULE: ./src/history/index.ts + 2 modules
var src_history = __webpack_require__(5330);
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
function historyStore(ctx, config, record) {
    return (0,src_history/* openHistoryStore */.gj)(ctx, pipeline_diff_record/* PIPELINE_RECORDS */.CH, config, {
        run: record,
        cacheDirName: 'gantry-pipeline-diff-history',
        unavailable: { title: 'Pipeline records not kept' },
    });
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
