export const id = 338;
export const ids = [338];
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

/***/ 8478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LK: () => (/* reexport */ BranchHistory),
  D: () => (/* reexport */ CacheHistory),
  s3: () => (/* reexport */ DirHistory),
  yW: () => (/* reexport */ safeRunId)
});

// UNUSED EXPORTS: keyOfFileName, recordFileName

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/git/index.ts + 1 modules
var git = __webpack_require__(1112);
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
    async load(branch, window, select) {
        const names = await (0,promises_.readdir)(this.dir).catch((error) => {
            if (error.code === 'ENOENT')
                return [];
            throw error;
        });
        const records = [];
        for (const name of newest(names, branch, window, select)) {
            const record = this.format.decode(await (0,promises_.readFile)((0,external_node_path_.join)(this.dir, name)));
            if (record)
                records.push(record);
        }
        return records;
    }
    async append(record, window) {
        await (0,promises_.mkdir)(this.dir, { recursive: true });
        const name = recordFileName(record);
        // Write then rename: a reader never sees half a record.
        const temp = (0,external_node_path_.join)(this.dir, `.${name}.tmp`);
        if (isEncoded(record))
            await (0,promises_.copyFile)(record.path, temp);
        else
            await (0,promises_.writeFile)(temp, this.format.encode(record));
        await (0,promises_.rename)(temp, (0,external_node_path_.join)(this.dir, name));
        for (const old of overflow(await (0,promises_.readdir)(this.dir), record.branch, window))
            await (0,promises_.rm)((0,external_node_path_.join)(this.dir, old), { force: true });
    }
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
    async load(branch, window, select) {
        // The cache is the truth: leftovers of an earlier job on a persistent runner are not history.
        await (0,promises_.rm)(this.dir, { recursive: true, force: true });
        this.restoredKey = await this.cache.restoreCache([this.dir], this.keyFor(branch), [
            `${this.prefix}${cacheSafe(branch)}-`,
            this.prefix,
        ]);
        return super.load(branch, window, select);
    }
    async append(record, window) {
        await super.append(record, window);
        const key = this.keyFor(record.branch);
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
        if (this.head === undefined)
            return entries;
        const out = await this.git.text(['ls-tree', '-z', this.head]);
        for (const line of out.split('\0')) {
            const match = /^100644 blob ([0-9a-f]+)\t(.+)$/.exec(line);
            if (match)
                entries.set(match[2], match[1]);
        }
        return entries;
    }
    async load(branch, window, select) {
        await this.fetch();
        const entries = await this.entries();
        const names = newest([...entries.keys()], branch, window, select);
        if (names.length === 0)
            return [];
        const batch = await this.git.run(['cat-file', '--batch'], {
            input: `${names.map((n) => entries.get(n)).join('\n')}\n`,
        });
        const records = [];
        let offset = 0;
        const out = batch.stdout;
        while (offset < out.length) {
            const headerEnd = out.indexOf(10, offset);
            const size = Number(out.subarray(offset, headerEnd).toString().split(' ')[2]);
            const record = this.format.decode(out.subarray(headerEnd + 1, headerEnd + 1 + size));
            if (record)
                records.push(record);
            offset = headerEnd + 1 + size + 1;
        }
        return records;
    }
    async append(record, window) {
        if (!this.loaded)
            await this.fetch();
        const attempts = this.options.attempts ?? 5;
        const blob = isEncoded(record)
            ? await this.git.text(['hash-object', '-w', '--', record.path])
            : await this.git.text(['hash-object', '-w', '--stdin'], { input: this.format.encode(record) });
        const name = this.format.name;
        for (let attempt = 1;; attempt++) {
            const entries = await this.entries();
            entries.set(recordFileName(record), blob);
            for (const old of overflow([...entries.keys()], record.branch, window))
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
                `${name} history: ${record.branch} run ${record.run} attempt ${record.attempt}`,
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

;// CONCATENATED MODULE: ./src/history/index.ts



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
