export const id = 309;
export const ids = [309];
export const modules = {

/***/ 952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _d: () => (/* binding */ isExpired),
/* harmony export */   sC: () => (/* binding */ readOwnedEntries)
/* harmony export */ });
/* unused harmony exports endOfDay, partitionByExpiry */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9541);


const BASE = ['id', 'reason', 'owner', 'expires'];
function readOwnedEntries(text, fileName, kind) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const lineOf = (offset) => offset === undefined ? 1 : lineCounter.linePos(offset).line;
    const fail = (offset, message) => new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${fileName}, line ${lineOf(offset)}: ${message}`);
    if (doc.errors.length > 0) {
        const first = doc.errors[0];
        throw fail(first.pos[0], `not valid YAML: ${first.message.split('\n')[0]}`);
    }
    if (doc.contents === null)
        return [];
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(doc.contents))
        throw fail(doc.contents.range?.[0], `expected a mapping with a '${kind.listKey}:' list; ${kind.hint}`);
    for (const pair of doc.contents.items) {
        const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
        if (key !== kind.listKey)
            throw fail((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? pair.key.range?.[0] : undefined, `unknown key '${key}'; the file has one key, '${kind.listKey}'`);
    }
    const list = doc.contents.get(kind.listKey, true);
    if (list === undefined || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(list) && list.value === null))
        return [];
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(list))
        throw fail(list.range?.[0], `'${kind.listKey}' must be a list of entries; ${kind.hint}`);
    const fields = [...BASE, ...Object.keys(kind.extra)];
    const required = [...BASE, ...Object.keys(kind.extra).filter((f) => kind.extra[f].required)];
    return list.items.map((item) => {
        const at = item.range?.[0];
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(item))
            throw fail(at, `each ${kind.noun} entry must be a mapping with ${required.join(', ')}; ${kind.hint}`);
        return readEntry(item, lineOf(at), fields, required, kind, (offset, message) => fail(offset ?? at, message));
    });
}
function readEntry(map, line, fields, required, kind, fail) {
    const values = {};
    for (const pair of map.items) {
        const keyOffset = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? pair.key.range?.[0] : undefined;
        const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
        if (!fields.includes(key))
            throw fail(keyOffset, `unknown field '${key}' (fields: ${fields.join(', ')})`);
        const value = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.value) ? pair.value.value : undefined;
        if (value === null || value === undefined || typeof value === 'object' || String(value).trim() === '')
            throw fail(keyOffset, `'${key}' must be a non-empty text value`);
        values[key] = String(value).trim();
    }
    const named = values.id ? `'${values.id}' ` : '';
    for (const field of required) {
        if (values[field] === undefined) {
            const why = field === 'expires' ? ' (a date such as 2026-12-31: an exception without an end never ends)' : '';
            throw fail(undefined, `entry ${named}is missing '${field}'${why}`);
        }
    }
    const expires = values.expires;
    const until = endOfDay(expires);
    if (until === undefined)
        throw fail(undefined, `'expires' is '${expires}'; expected a date as YYYY-MM-DD`);
    const extra = {};
    for (const [field, rule] of Object.entries(kind.extra)) {
        const value = values[field];
        if (value === undefined)
            continue;
        const problem = rule.check?.(value);
        if (problem)
            throw fail(undefined, `'${field}' is '${value}'; ${problem}`);
        extra[field] = value;
    }
    return { id: values.id, reason: values.reason, owner: values.owner, expires, until, line, extra };
}
/** The end of a `YYYY-MM-DD` day (UTC) in milliseconds, or undefined when it is not a calendar date. */
function endOfDay(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
        return undefined;
    const start = Date.parse(`${value}T00:00:00Z`);
    if (Number.isNaN(start) || !new Date(start).toISOString().startsWith(value))
        return undefined;
    return start + 86_400_000 - 1;
}
/** An entry applies through the whole of its `expires` day (UTC). */
function isExpired(entry, now) {
    return now > entry.until;
}
/** Entries in force and entries past their date (listed, never applied). */
function partitionByExpiry(entries, now) {
    const active = [];
    const expired = [];
    for (const entry of entries)
        (isExpired(entry, now) ? expired : active).push(entry);
    return { active, expired };
}


/***/ }),

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

/***/ 6309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TestsFailedError: () => (/* binding */ TestsFailedError),
  findReports: () => (/* binding */ findReports),
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/git/index.ts + 1 modules
var src_git = __webpack_require__(1112);
// EXTERNAL MODULE: ./src/glob/index.ts
var src_glob = __webpack_require__(2442);
// EXTERNAL MODULE: ./src/runtime/index.ts
var runtime = __webpack_require__(1356);
// EXTERNAL MODULE: ./src/quarantine/collect.ts + 1 modules
var collect = __webpack_require__(9395);
;// CONCATENATED MODULE: ./src/quarantine/constants.ts
const INPUT = {
    reports: 'reports',
    mode: 'mode',
    allowEmpty: 'allow-empty',
    maxReportSize: 'max-report-size',
    quarantineFile: 'quarantine-file',
    onExpired: 'on-expired',
    history: 'history',
    historyDir: 'history-dir',
    historyBranch: 'history-branch',
    window: 'window',
    flakeThreshold: 'flake-threshold',
    createIssues: 'create-issues',
    githubToken: 'github-token',
    onMalformed: 'on-malformed',
    checkRun: 'check-run',
    checkName: 'check-name',
    prComment: 'pr-comment',
};
const OUTPUTS = {
    total: 'total',
    passed: 'passed',
    failed: 'failed',
    skipped: 'skipped',
    flaky: 'flaky',
    quarantinedFailures: 'quarantined-failures',
    verdict: 'verdict',
    newFlaky: 'new-flaky',
};
const MODES = ['enforce', 'report'];
const ON_EXPIRED = ['warn', 'fail'];
const ON_MALFORMED = ['fail', 'warn'];
const HISTORY_STORES = ['cache', 'branch', 'dir'];
/** 512 MB, as the action.yml default reads. */
const DEFAULT_MAX_REPORT_SIZE = 512_000_000;
const DEFAULT_WINDOW = 200;
const DEFAULT_FLAKE_THRESHOLD = 0.05;
/** Issues opened per run at most: the search API allows 30 requests a minute. */
const MAX_ISSUES_PER_RUN = 10;

;// CONCATENATED MODULE: ./src/quarantine/config.ts



const DEFAULT_QUARANTINE_FILE = '.github/quarantine.yml';
const DEFAULT_CHECK_NAME = 'Test results';
function readConfig(inputs, workspace) {
    const reports = inputs.lines(INPUT.reports);
    if (reports.length === 0) {
        throw new runtime/* ConfigurationError */.j1(`Input '${INPUT.reports}' is required: one or more globs of JUnit XML files, one per line (e.g. test-results/**/*.xml).`);
    }
    const history = inputs.oneOf(INPUT.history, HISTORY_STORES, 'cache');
    const historyDirInput = inputs.optional(INPUT.historyDir);
    if (history === 'dir' && historyDirInput === undefined) {
        throw new runtime/* ConfigurationError */.j1(`Input '${INPUT.historyDir}' is required with history: dir; give the directory that keeps the run records.`);
    }
    const historyBranch = inputs.optional(INPUT.historyBranch) ?? 'gantry/quarantine-history';
    if (!/^(?!.*\.\.)(?!\/)(?!.*\/$)[A-Za-z0-9._/-]+$/.test(historyBranch) || historyBranch.endsWith('.lock')) {
        throw runtime/* ConfigurationError */.j1.forInput(INPUT.historyBranch, historyBranch, 'a branch name such as gantry/quarantine-history');
    }
    const createIssues = inputs.boolean(INPUT.createIssues, false);
    const githubToken = inputs.optional(INPUT.githubToken);
    if (createIssues && githubToken === undefined) {
        throw new runtime/* ConfigurationError */.j1(`Input '${INPUT.createIssues}' is true but '${INPUT.githubToken}' is empty; pass a token with issues: write.`);
    }
    const checkRun = inputs.boolean(INPUT.checkRun, false);
    const prComment = inputs.boolean(INPUT.prComment, false);
    for (const [name, on, permission] of [
        [INPUT.checkRun, checkRun, 'checks: write'],
        [INPUT.prComment, prComment, 'pull-requests: write'],
    ])
        if (on && githubToken === undefined)
            throw new runtime/* ConfigurationError */.j1(`Input '${name}' is true but '${INPUT.githubToken}' is empty; pass a token with ${permission}.`);
    const checkName = (inputs.optional(INPUT.checkName) ?? DEFAULT_CHECK_NAME).trim();
    if (checkName === '' || checkName.length > 200 || /[\r\n]/.test(checkName))
        throw runtime/* ConfigurationError */.j1.forInput(INPUT.checkName, checkName, 'a one-line name of at most 200 characters');
    const quarantineFileInput = inputs.optional(INPUT.quarantineFile);
    const quarantineFile = quarantineFileInput ?? DEFAULT_QUARANTINE_FILE;
    return {
        reports,
        mode: inputs.oneOf(INPUT.mode, MODES, 'enforce'),
        allowEmpty: inputs.boolean(INPUT.allowEmpty, false),
        maxReportSize: positiveSize(inputs),
        quarantineFile: inWorkspace(workspace, quarantineFile),
        quarantineFileGiven: quarantineFileInput !== undefined && quarantineFileInput !== DEFAULT_QUARANTINE_FILE,
        onExpired: inputs.oneOf(INPUT.onExpired, ON_EXPIRED, 'fail'),
        onMalformed: inputs.oneOf(INPUT.onMalformed, ON_MALFORMED, 'fail'),
        history,
        historyDir: historyDirInput === undefined ? undefined : inWorkspace(workspace, historyDirInput),
        historyBranch,
        window: inputs.integer(INPUT.window, { min: 1, max: 10_000, fallback: DEFAULT_WINDOW }),
        flakeThreshold: parseThreshold(inputs.string(INPUT.flakeThreshold)),
        createIssues,
        checkRun,
        checkName,
        prComment,
        githubToken,
    };
}
function positiveSize(inputs) {
    const bytes = inputs.size(INPUT.maxReportSize, DEFAULT_MAX_REPORT_SIZE);
    if (bytes <= 0)
        throw runtime/* ConfigurationError */.j1.forInput(INPUT.maxReportSize, String(bytes), 'a size above zero such as 512MB');
    return bytes;
}
/** A rate as a fraction (0.05) or a percentage (5%). */
function parseThreshold(value) {
    if (value === '')
        return DEFAULT_FLAKE_THRESHOLD;
    const match = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(value);
    const rate = match ? Number(match[1]) / (match[2] ? 100 : 1) : Number.NaN;
    if (!(rate >= 0 && rate < 1))
        throw runtime/* ConfigurationError */.j1.forInput(INPUT.flakeThreshold, value, 'a rate from 0 up to 1 (0.05) or a percentage (5%)');
    return rate;
}
function inWorkspace(workspace, path) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(workspace, path);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/expiring/entries.ts
var entries = __webpack_require__(952);
;// CONCATENATED MODULE: ./src/quarantine/quarantine-file.ts


const QUARANTINE_KIND = {
    noun: 'quarantine',
    listKey: 'quarantine',
    hint: 'see actions/quarantine/README.md for the format',
    extra: {
        issue: {
            required: false,
            check: (value) => (/^https?:\/\/\S+$/.test(value) ? undefined : 'expected a URL'),
        },
    },
};
function parseQuarantineFile(text, fileName) {
    return (0,entries/* readOwnedEntries */.sC)(text, fileName, QUARANTINE_KIND).map((entry) => {
        const glob = (0,src_glob/* nameGlobMatcher */.SH)(entry.id);
        return {
            ...entry,
            issue: entry.extra.issue,
            // The exact id first: parameterised names contain [brackets] a glob would read as a class.
            matches: (testId) => testId === entry.id || glob(testId),
        };
    });
}
/** An entry is in force through the whole of its `expires` day (UTC). */
function isExpired(entry, now) {
    return (0,entries/* isExpired */._d)(entry, now);
}

;// CONCATENATED MODULE: ./src/quarantine/evaluate.ts


const OUTCOMES = ['passed', 'failed', 'skipped', 'flaky'];
function evaluate(results, entries, now, onExpired, 
/**
 * When `results` hold only the tests that did not pass (a streamed run): the totals of the whole
 * run and the entries that matched any test.
 */
overall) {
    const expired = entries.filter((entry) => isExpired(entry, now));
    const active = entries.filter((entry) => !isExpired(entry, now));
    const used = new Set();
    const totals = { total: 0, passed: 0, failed: 0, skipped: 0, flaky: 0 };
    const failures = [];
    const quarantined = [];
    const flakyInRun = [];
    for (const test of results) {
        // Totals count runs: a name a data provider ran 32 times is 32 tests, as the peers count them.
        for (const outcome of OUTCOMES) {
            totals[outcome] += test.counts[outcome];
            totals.total += test.counts[outcome];
        }
        const entry = active.find((candidate) => candidate.matches(test.id));
        if (entry)
            used.add(entry);
        if (test.outcome === 'flaky')
            flakyInRun.push(test);
        if (test.outcome !== 'failed')
            continue;
        if (entry)
            quarantined.push({ test, entry });
        else
            failures.push(test);
    }
    if (overall) {
        Object.assign(totals, overall.totals);
        for (const entry of overall.used)
            used.add(entry);
    }
    const counts = overall?.counts ?? {
        failures: failures.length,
        quarantined: quarantined.length,
        flaky: flakyInRun.length,
    };
    const reasons = [];
    if (counts.failures > 0)
        reasons.push(`${counts.failures} test${counts.failures === 1 ? '' : 's'} failed and ${counts.failures === 1 ? 'is' : 'are'} not quarantined`);
    if (expired.length > 0 && onExpired === 'fail') {
        reasons.push(`${expired.length} quarantine entr${expired.length === 1 ? 'y has' : 'ies have'} expired (on-expired: fail): renew or remove ${expired.map((e) => `'${e.id}'`).join(', ')}`);
    }
    const verdict = reasons.length > 0 ? 'failed' : counts.quarantined > 0 ? 'passed-with-quarantined' : 'passed';
    return {
        totals,
        failures,
        quarantined,
        flakyInRun,
        counts,
        expired,
        dead: active.filter((entry) => !used.has(entry)),
        verdict,
        reasons,
    };
}
/** Flaky tests above the threshold that no entry in force covers yet. */
function evaluate_proposals(stats, entries, now, threshold) {
    const active = entries.filter((entry) => !isExpired(entry, now));
    return stats
        .filter((stat) => stat.rate > threshold && !active.some((entry) => entry.matches(stat.id)))
        .map((stat) => ({ stat }));
}
const PROPOSED_DAYS = 30;
/** A block to paste under `quarantine:` in the quarantine file. */
function proposalSnippet(list, now) {
    const expires = new Date(now + PROPOSED_DAYS * 86_400_000).toISOString().slice(0, 10);
    const entries = list.map(({ stat, issue }) => ({
        id: stat.id,
        reason: `flaky: ${stat.flakyRuns} of ${stat.runs} runs (${percent(stat.rate)}) failed without a code change`,
        owner: 'unassigned',
        ...(issue ? { issue } : {}),
        expires,
    }));
    return (0,dist/* stringify */.As)({ quarantine: entries }, { lineWidth: 0 });
}
function percent(rate) {
    return `${(rate * 100).toFixed(rate < 0.1 ? 1 : 0)}%`;
}

// EXTERNAL MODULE: ./src/quarantine/history.ts
var quarantine_history = __webpack_require__(8596);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/quarantine/identity.ts


/**
 * The id a quarantine entry names: `file::classname::name` with empty parts left out, the shape of a
 * pytest node id; `suite::classname::name` when the report gives no file. Parameterised names are
 * kept whole, so each parameter set is its own test.
 */
function testId(test) {
    return [test.file, test.file === undefined ? test.suite : undefined, test.classname, test.name]
        .filter((part) => part !== undefined && part !== '')
        .join('::');
}
/** Longest identity part kept whole; longer parts keep their head and a digest of the whole. */
const IDENTITY_PART_LIMIT = 1024;
/**
 * Bounds one part of an identity (a hostile report can put megabytes in a name). Two different long
 * names still get different ids: the digest covers the whole text.
 */
function boundedPart(text) {
    if (text.length <= IDENTITY_PART_LIMIT)
        return text;
    const digest = (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 16);
    return `${text.slice(0, IDENTITY_PART_LIMIT - 20)}…#${digest}`;
}
/**
 * The id with the parameters stripped from the name (`test_x[a-1]`, `test(int)[1]`, `add(1, 2)`),
 * so history can aggregate a parameterised family as one test.
 */
function familyId(test) {
    // The name comes last in the id, so stripping the id strips the name.
    return stripParameters(testId(test));
}
function stripParameters(name) {
    let stripped = name.trim();
    for (;;) {
        const next = stripped.replace(/\s*(\[[^[\]]*\]|\([^()]*\))$/, '');
        if (next === stripped || next === '')
            return stripped;
        stripped = next;
    }
}
/**
 * Reports written on a runner carry absolute paths that change with the checkout directory; a path
 * inside the workspace becomes relative (with forward slashes) so the id is the same on every machine.
 */
function normaliseFile(file, workspace) {
    if (file === undefined || file.trim() === '')
        return undefined;
    let path = boundedPart(file.trim());
    if (path.startsWith('file://'))
        path = decodeURIComponent(path.slice('file://'.length));
    if (workspace && (0,external_node_path_.isAbsolute)(path)) {
        const rel = (0,external_node_path_.relative)(workspace, path);
        if (rel !== '' && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel))
            path = rel;
    }
    // On POSIX `sep` is '/' and this changes nothing; one expression for both keeps it testable here.
    return path.split(external_node_path_.sep).join('/');
}

;// CONCATENATED MODULE: ./src/quarantine/flakes.ts


function detectFlakes(records, options = {}) {
    const keyOf = (id) => (options.by === 'family' ? stripParameters(id) : id);
    // Only tests that failed somewhere can be flaky: collect those first, then their observations.
    const suspects = new Map();
    for (const record of records) {
        for (const [id, value] of Object.entries(record.tests)) {
            if (value[0] === 'P')
                continue;
            const key = keyOf(id);
            const ids = suspects.get(key) ?? new Set();
            ids.add(id);
            suspects.set(key, ids);
        }
    }
    const stats = [];
    for (const [key, ids] of suspects) {
        const observations = [];
        for (const record of records) {
            const seen = [...ids].map((id) => (0,quarantine_history/* observe */.lB)(record, id)).filter((o) => o !== undefined);
            if (seen.length === 0)
                continue;
            observations.push({
                record,
                code: worst(seen.map((o) => o.code)),
                fileHash: seen.length === 1 ? seen[0].fileHash : undefined,
            });
        }
        const stat = analyse(key, observations);
        if (stat.flakyRuns > 0)
            stats.push(stat);
    }
    return stats.sort((a, b) => b.rate - a.rate || b.flakyRuns - a.flakyRuns || a.id.localeCompare(b.id));
}
function worst(codes) {
    if (codes.includes('K'))
        return 'K';
    return codes.includes('F') ? 'F' : 'P';
}
function analyse(id, observations) {
    const flagged = new Map();
    const passedOn = new Set();
    for (const o of observations)
        if (o.code !== 'F')
            passedOn.add(o.record.sha);
    observations.forEach((o, i) => {
        if (o.code === 'K')
            flagged.set(i, 'retry');
        else if (o.code === 'F' && passedOn.has(o.record.sha))
            flagged.set(i, 'same-commit');
    });
    for (let i = 1; i < observations.length; i++) {
        const a = observations[i - 1];
        const b = observations[i];
        const flip = (a.code === 'F' && b.code !== 'F') || (a.code !== 'F' && b.code === 'F');
        if (!flip || a.fileHash === undefined || a.fileHash !== b.fileHash)
            continue;
        const failed = a.code === 'F' ? i - 1 : i;
        if (!flagged.has(failed))
            flagged.set(failed, 'flip');
    }
    const evidence = [...flagged]
        .sort(([x], [y]) => x - y)
        .map(([i, kind]) => {
        const { run, attempt, sha } = observations[i].record;
        return { kind, run, attempt, sha };
    });
    const runs = observations.length;
    return { id, runs, flakyRuns: flagged.size, rate: runs === 0 ? 0 : flagged.size / runs, evidence };
}

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
;// CONCATENATED MODULE: ./src/quarantine/publish.ts


const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's caps on a check run's output texts and a comment body (characters). */
const OUTPUT_TEXT_LIMIT = 65_535;
const COMMENT_LIMIT = 65_536;
/** A GitHub call that failed, with its HTTP status: a read-only token answers 403. */
class GitHubWriteError extends Error {
    status;
    name = 'GitHubWriteError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
    /** 401, 403 or 404: the token may not write here (a fork or Dependabot pull request's token). */
    get denied() {
        return this.status === 401 || this.status === 403 || this.status === 404;
    }
}
class GitHubReporter {
    client;
    repository;
    owner;
    repo;
    constructor(client, repository) {
        this.client = client;
        this.repository = repository;
        [this.owner = '', this.repo = ''] = repository.split('/');
    }
    async checkRun(request) {
        const output = { title: request.title.slice(0, 255), summary: clip(request.summary, OUTPUT_TEXT_LIMIT) };
        let ref;
        let batch = [];
        const send = async (annotations) => {
            if (ref === undefined) {
                const created = await this.call('POST', `/repos/${this.repository}/check-runs`, () => this.client.rest.checks.create({
                    owner: this.owner,
                    repo: this.repo,
                    name: request.name,
                    head_sha: request.headSha,
                    status: 'completed',
                    conclusion: request.conclusion,
                    output: { ...output, annotations },
                    request: { retries: 0 },
                }));
                ref = {
                    id: created.data.id,
                    url: created.data.html_url ?? '',
                    annotations: annotations.length,
                    requests: 1,
                };
                return;
            }
            const id = ref.id;
            await this.call('PATCH', `/repos/${this.repository}/check-runs/${id}`, () => this.client.rest.checks.update({
                owner: this.owner,
                repo: this.repo,
                check_run_id: id,
                output: { ...output, annotations },
                request: { retries: 0 },
            }));
            ref.annotations += annotations.length;
            ref.requests += 1;
        };
        for await (const annotation of request.annotations) {
            batch.push(annotation);
            if (batch.length === ANNOTATIONS_PER_REQUEST) {
                await send(batch);
                batch = [];
            }
        }
        if (batch.length > 0 || ref === undefined)
            await send(batch);
        return ref;
    }
    /** Updates this action's comment on the pull request (found by its hidden marker), or adds it. */
    async comment(number, key, body) {
        const marker = commentMarker(key);
        const text = `${clip(body, COMMENT_LIMIT - marker.length - 1)}\n${marker}`;
        const path = `/repos/${this.repository}/issues/${number}/comments`;
        const found = await this.call('GET', path, async () => {
            for await (const page of this.client.paginate.iterator(this.client.rest.issues.listComments, {
                owner: this.owner,
                repo: this.repo,
                issue_number: number,
                per_page: 100,
            })) {
                const mine = page.data.find((comment) => comment.body?.includes(marker));
                if (mine)
                    return mine;
            }
            return undefined;
        });
        if (found) {
            const updated = await this.call('PATCH', `/repos/${this.repository}/issues/comments/${found.id}`, () => this.client.rest.issues.updateComment({
                owner: this.owner,
                repo: this.repo,
                comment_id: found.id,
                body: text,
            }));
            return { id: updated.data.id, url: updated.data.html_url, created: false };
        }
        const created = await this.call('POST', path, () => this.client.rest.issues.createComment({
            owner: this.owner,
            repo: this.repo,
            issue_number: number,
            body: text,
            request: { retries: 0 },
        }));
        return { id: created.data.id, url: created.data.html_url, created: true };
    }
    call(method, path, fn) {
        return (0,client/* callGitHub */.ur)(method, path, fn, (what, status) => new GitHubWriteError(`GitHub API ${what}`, status));
    }
}
/** The hidden marker that finds this action's comment again (one per check name). */
function commentMarker(key) {
    return `<!-- gantry-quarantine-report: ${(0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 16)} -->`;
}
function clip(text, limit) {
    if (text.length <= limit)
        return text;
    const note = '\n\n… (cut to fit GitHub’s limit; the job summary has the rest)';
    return text.slice(0, limit - note.length) + note;
}

// EXTERNAL MODULE: ./src/runtime/text.ts
var runtime_text = __webpack_require__(5369);
;// CONCATENATED MODULE: ./src/quarantine/summary.ts


const ROWS = 50;
const HEADLINE = {
    passed: '✅ passed',
    'passed-with-quarantined': '⚠️ passed: only quarantined tests failed',
    failed: '❌ failed',
};
/** The job summary, most important first: verdict, failures, quarantined failures, flakes, proposals. */
function renderSummary(input) {
    const { evaluation: e } = input;
    const parts = [];
    const modeNote = input.mode === 'report' && e.verdict === 'failed' ? ' (mode: report, the step does not fail)' : '';
    parts.push(`## Tests: ${HEADLINE[e.verdict]}${modeNote}\n`);
    parts.push((0,runtime_text/* markdownTable */.Qj)(['total', 'passed', 'failed, not quarantined', 'failed, quarantined', 'flaky', 'skipped'], [
        [
            e.totals.total,
            e.totals.passed,
            e.counts.failures,
            e.counts.quarantined,
            e.totals.flaky,
            e.totals.skipped,
        ].map(String),
    ]));
    for (const reason of e.reasons)
        parts.push(`- ${(0,runtime_text/* escapeMarkdown */.FV)(reason)}\n`);
    if (input.malformed?.length)
        parts.push(`- ⚠️ ${input.malformed.length} malformed report(s) read only up to the bad line (on-malformed: warn): ${input.malformed
            .slice(0, 20)
            .map((f) => (0,runtime_text/* escapeMarkdown */.FV)(f))
            .join(', ')}\n`);
    if (e.failures.length > 0) {
        parts.push(`\n### Failed\n\n`);
        parts.push(capped(['test', 'kind', 'message', 'where'], e.failures, (t) => [code(t.id), t.failureKind ?? 'failure', message(t), where(t)], e.counts.failures));
    }
    if (e.quarantined.length > 0) {
        parts.push(`\n### Failed, quarantined (not blocking)\n\n`);
        parts.push(capped(['test', 'owner', 'expires', 'issue', 'reason'], e.quarantined, ({ test, entry }) => [
            code(test.id),
            (0,runtime_text/* escapeMarkdown */.FV)(entry.owner),
            entry.expires,
            entry.issue ? `[link](${encodeURI(entry.issue)})` : '',
            (0,runtime_text/* escapeMarkdown */.FV)(entry.reason),
        ], e.counts.quarantined));
    }
    const flakes = flakyRows(input.flakes, e.flakyInRun);
    if (flakes.length > 0) {
        parts.push(`\n### Flaky\n\n`);
        parts.push(capped(['test', 'flake rate', 'evidence (run/attempt @ commit)'], flakes, (row) => row));
    }
    if (input.proposals.length > 0) {
        const snippet = proposalSnippet(input.proposals, input.now);
        const fence = '`'.repeat(Math.max(3, longestBacktickRun(snippet) + 1));
        parts.push(`\n### Proposed quarantines\n\n${input.proposals.length} flaky test(s) above the threshold are not quarantined. Paste into the quarantine file:\n\n${fence}yaml\n${snippet}${fence}\n`);
    }
    if (e.expired.length > 0) {
        parts.push(`\n### Expired quarantines (no longer applied)\n\n`);
        parts.push(capped(['entry', 'owner', 'expired', 'line'], e.expired, (entry) => [
            code(entry.id),
            (0,runtime_text/* escapeMarkdown */.FV)(entry.owner),
            entry.expires,
            String(entry.line),
        ]));
    }
    if (e.dead.length > 0) {
        parts.push(`\n### Quarantines that matched no test in this run\n\n`);
        parts.push(capped(['entry', 'owner', 'expires', 'line'], e.dead, (entry) => [
            code(entry.id),
            (0,runtime_text/* escapeMarkdown */.FV)(entry.owner),
            entry.expires,
            String(entry.line),
        ]));
    }
    parts.push(`\n<sub>History: ${(0,runtime_text/* escapeMarkdown */.FV)(input.history)}.</sub>\n`);
    return parts.join('');
}
function flakyRows(stats, inRun) {
    const rows = stats.map((s) => [
        code(s.id),
        `${percent(s.rate)} (${s.flakyRuns}/${s.runs})`,
        s.evidence
            .slice(-5)
            .map((ev) => `${ev.kind} ${(0,runtime_text/* escapeMarkdown */.FV)(ev.run)}/${ev.attempt} @ ${(0,runtime_text/* escapeMarkdown */.FV)(ev.sha.slice(0, 7))}`)
            .join('; '),
    ]);
    const known = new Set(stats.map((s) => s.id));
    for (const test of inRun)
        if (!known.has(test.id))
            rows.push([code(test.id), 'failed then passed in this run', '']);
    return rows;
}
/** The summary lists this many of a kind at most (a table, then names); the counts say the rest. */
const LISTED = ROWS + 2000;
function capped(header, items, row, total = items.length) {
    const table = (0,runtime_text/* markdownTable */.Qj)(header, items.slice(0, ROWS).map(row));
    if (total <= ROWS)
        return table;
    const rest = items.slice(ROWS);
    return (table +
        (0,runtime_text/* details */.zH)(`${total - ROWS} more`, rest
            .slice(0, 2000)
            .map((item) => `- ${row(item)[0]}`)
            .join('\n')));
}
function code(text) {
    return (0,runtime_text/* escapeMarkdown */.FV)(text);
}
function message(test) {
    return (0,runtime_text/* escapeMarkdown */.FV)((test.message ?? '').split('\n')[0].slice(0, 200));
}
function where(test) {
    const file = test.file
        ? `${test.file}${test.line ? `:${test.line}` : ''}`
        : `${test.report}:${test.reportLine}`;
    return (0,runtime_text/* escapeMarkdown */.FV)(file);
}
function longestBacktickRun(text) {
    return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}
/** The pull request comment: the verdict, the counts, and the flaky tests (updated in place). */
function renderComment(input) {
    const { evaluation: e } = input;
    const modeNote = input.mode === 'report' && e.verdict === 'failed' ? ' (mode: report, the step does not fail)' : '';
    const parts = [`### ${(0,runtime_text/* escapeMarkdown */.FV)(input.name)}: ${HEADLINE[e.verdict]}${modeNote}\n\n`];
    parts.push((0,runtime_text/* markdownTable */.Qj)(['total', 'passed', 'failed, not quarantined', 'failed, quarantined', 'flaky', 'skipped'], [
        [
            e.totals.total,
            e.totals.passed,
            e.counts.failures,
            e.counts.quarantined,
            e.totals.flaky,
            e.totals.skipped,
        ].map(String),
    ]));
    for (const reason of e.reasons)
        parts.push(`- ${(0,runtime_text/* escapeMarkdown */.FV)(reason)}\n`);
    const flakes = flakyRows(input.flakes, e.flakyInRun);
    if (flakes.length > 0) {
        parts.push(`\n#### Flaky tests\n\n`);
        parts.push(capped(['test', 'flake rate', 'evidence (run/attempt @ commit)'], flakes, (row) => row));
    }
    if (input.proposals.length > 0)
        parts.push(`\n${input.proposals.length} flaky test(s) above the threshold are not quarantined: the job summary has the entries to paste.\n`);
    if (input.runUrl)
        parts.push(`\n<sub>[The run](${encodeURI(input.runUrl)}) has every failure.</sub>\n`);
    return parts.join('');
}

;// CONCATENATED MODULE: ./src/quarantine/github-report.ts
/**
 * The quarantine verdict on GitHub beyond the step's own log: a check run carrying every failure as
 * an annotation (the Checks API takes 50 a request; the step itself shows 10 a level) and one pull
 * request comment kept up to date, both degrading to a warning where GitHub makes the token
 * read-only (forks, Dependabot).
 */






async function* chain(...sources) {
    for (const source of sources)
        for await (const item of source)
            yield item;
}
/**
 * Why this run's token is read-only, when a GitHub write was refused (401/403/404) on a pull request
 * from a fork or from Dependabot; undefined for any other failure, which stays an error.
 */
function deniedOnReadOnlyToken(ctx, error) {
    const status = error instanceof GitHubWriteError ? error.status : error?.status;
    if (status !== 401 && status !== 403 && status !== 404)
        return undefined;
    return readOnlyTokenRun(ctx);
}
/** A pull request run whose GITHUB_TOKEN GitHub makes read-only: from a fork, or by Dependabot. */
function readOnlyTokenRun(ctx) {
    const { github } = ctx;
    if (github.actor === 'dependabot[bot]')
        return 'a Dependabot pull request';
    if (!github.eventName.startsWith('pull_request') || github.eventName === 'pull_request_target')
        return undefined;
    const head = github.payload.pull_request?.head;
    const repo = head?.repo;
    if (repo === null)
        return 'a pull request from a deleted fork';
    if (repo?.fork === true || (repo?.full_name !== undefined && repo.full_name !== github.repository))
        return 'a pull request from a fork';
    return undefined;
}
function requireRepository(ctx, input) {
    if (!ctx.github.repository)
        throw new runtime/* ConfigurationError */.j1(`Input '${input}': GITHUB_REPOSITORY is not set; it needs a repository (owner/name).`);
    return ctx.github.repository;
}
/** The commit a check run belongs on: the pull request's head (not the merge commit), else the run's. */
function checkRunSha(ctx) {
    const payload = ctx.github.payload;
    return payload.pull_request?.head.sha ?? payload.workflow_run?.head_sha ?? ctx.github.sha;
}
function pullRequestNumber(ctx) {
    const payload = ctx.github.payload;
    const fromRun = payload.workflow_run
        ?.pull_requests?.[0]?.number;
    return payload.pull_request?.number ?? fromRun;
}
async function createCheckRun(ctx, config, e, summary, annotations) {
    const repository = requireRepository(ctx, INPUT.checkRun);
    const reporter = new GitHubReporter(await ctx.gitHub(config.githubToken), repository);
    const counts = `${e.totals.total} tests: ${e.counts.failures} failed, ${e.counts.quarantined} quarantined failures, ${e.totals.flaky} flaky`;
    const ref = await reporter.checkRun({
        name: config.checkName,
        headSha: checkRunSha(ctx),
        conclusion: e.verdict !== 'failed' ? 'success' : config.mode === 'enforce' ? 'failure' : 'neutral',
        title: `${e.verdict === 'failed' ? 'Failed' : 'Passed'}: ${counts}`,
        summary,
        annotations,
    });
    ctx.runtime.info(`Check run '${config.checkName}' ${ref.url}: ${ref.annotations} annotation(s) in ${ref.requests} request(s).`);
}
async function writeComment(ctx, config, e, flakes, proposals) {
    const number = pullRequestNumber(ctx);
    if (number === undefined) {
        ctx.runtime.info(`pr-comment: this run is not for a pull request (event ${ctx.github.eventName || 'none'}); no comment.`);
        return;
    }
    const repository = requireRepository(ctx, INPUT.prComment);
    const reporter = new GitHubReporter(await ctx.gitHub(config.githubToken), repository);
    const body = renderComment({
        evaluation: e,
        mode: config.mode,
        flakes,
        proposals,
        name: config.checkName,
        runUrl: ctx.github.runUrl,
    });
    const ref = await reporter.comment(number, `${repository}#${number}:${config.checkName}`, body);
    ctx.runtime.info(`${ref.created ? 'Added' : 'Updated'} the comment on pull request #${number}: ${ref.url}`);
}
/** Every failure for the check run: not quarantined first, then quarantined, then flaky. */
async function* checkAnnotations(collector, spillPath, active) {
    for await (const { test } of (0,collect/* streamNotPassed */.yz)(collector, spillPath, 'failed', active))
        yield checkAnnotation(test, 'failure', `Test ${test.failureKind === 'error' ? 'errored' : 'failed'}: ${test.name}`, github_report_text(test));
    for await (const { test, entry } of (0,collect/* streamNotPassed */.yz)(collector, spillPath, 'quarantined', active))
        yield checkAnnotation(test, 'warning', `Quarantined test failed: ${test.name}`, `${github_report_text(test)}\nQuarantined until ${entry.expires} (owner ${entry.owner}): ${entry.reason}`);
    for await (const { test } of (0,collect/* streamNotPassed */.yz)(collector, spillPath, 'flaky', active))
        yield checkAnnotation(test, 'notice', `Flaky test: ${test.name}`, `${test.id} failed, then passed on retry.`);
}
function checkAnnotation(test, level, title, message) {
    // A test without a repository path is pinned to its line in the report.
    const at = github_report_location(test);
    const path = at.file ?? test.report;
    const line = at.file !== undefined ? (at.line ?? 1) : test.reportLine;
    return {
        path,
        start_line: line,
        end_line: line,
        annotation_level: level,
        title: title.slice(0, 255),
        message,
    };
}
function github_report_text(test) {
    return `${test.id}${test.message ? `: ${test.message}` : ''}`.slice(0, 4000);
}
function github_report_location(test) {
    // The runner maps annotations to repository-relative paths only.
    if (test.file === undefined || (0,external_node_path_.isAbsolute)(test.file) || /^[A-Za-z]:\\/.test(test.file))
        return {};
    return { file: test.file, line: test.line };
}

// EXTERNAL MODULE: ./src/history/index.ts + 2 modules
var src_history = __webpack_require__(5330);
// EXTERNAL MODULE: ./src/quarantine/record-scan.ts
var record_scan = __webpack_require__(5153);
;// CONCATENATED MODULE: ./src/quarantine/history-store.ts





const NO_HISTORY = { records: 0, suspects: new Map(), narrowed: async () => [] };
/**
 * Reads the window's records as streams, twice, and never holds one whole: a record of a
 * million-test suite is about 100 MB of JSON, and a window of them decoded took gigabytes. The first
 * read finds the suspects (tests that did not pass), before this run's reports are read; the second,
 * after them, keeps the entries of the suspects and of this run's failures.
 */
async function loadHistory(ctx, config, info) {
    const store = await historyStore(ctx, config, info);
    if (store === undefined)
        return { store, ...NO_HISTORY };
    const reader = new record_scan/* WindowReader */.K(store, config.window);
    const read = [];
    try {
        await reader.failing(info.branch, (header, suspects) => {
            // A re-run of the same attempt (a re-triggered step) replaces its own earlier record.
            if (!(header.run === info.run && header.attempt === info.attempt))
                read.push({ key: recordKey(header), suspects });
        });
    }
    catch (error) {
        if ((0,runtime/* isConfigurationError */.p0)(error))
            throw error;
        warnHistory(ctx, store, error);
        return { store: undefined, ...NO_HISTORY };
    }
    const kept = read.slice(Math.max(0, read.length - (config.window - 1)));
    const keys = new Set(kept.map((record) => record.key));
    const suspects = new Map();
    for (const record of kept)
        for (const id of record.suspects)
            suspects.set(id, id);
    const narrowed = async (keep) => {
        const into = { records: [], damaged: 0 };
        try {
            await reader.narrowed(info.branch, keep, into);
        }
        catch (error) {
            if ((0,runtime/* isConfigurationError */.p0)(error))
                throw error;
            warnHistory(ctx, store, error);
            return [];
        }
        return into.records.filter((record) => keys.has(recordKey(record)));
    };
    return { store, records: kept.length, suspects, narrowed };
}
function recordKey(record) {
    return JSON.stringify([record.run, record.attempt, record.time, record.sha]);
}
async function saveHistory(ctx, history, record, window) {
    if (history.store === undefined)
        return false;
    try {
        await history.store.append(record, window);
        return true;
    }
    catch (error) {
        // A fork's or Dependabot's token cannot push the history branch: the run is judged, not recorded.
        const readOnly = (0,runtime/* isConfigurationError */.p0)(error) ? readOnlyTokenRun(ctx) : undefined;
        if ((0,runtime/* isConfigurationError */.p0)(error) && readOnly === undefined)
            throw error;
        warnHistory(ctx, history.store, readOnly ? new Error(`${(0,runtime/* errorMessage */.gJ)(error)} (${readOnly} gets a read-only token)`) : error);
        return false;
    }
}
function warnHistory(ctx, store, error) {
    ctx.runtime.annotate({
        level: 'warning',
        title: 'Test history not updated',
        message: (0,runtime/* oneLine */.TN)(`history: ${store.kind}: ${(0,runtime/* errorMessage */.gJ)(error)}`),
    });
}
/** Blob ids of the tracked files (`git ls-files -s`), or undefined outside a git work tree. */
async function indexBlobs(git) {
    const listed = await git.run(['ls-files', '-s', '-z'], { okCodes: [128] }).catch(() => undefined);
    if (listed === undefined || listed.code !== 0)
        return undefined;
    const blobs = new Map();
    const out = listed.stdout;
    let start = 0;
    for (let end = out.indexOf(0, start); end !== -1; end = out.indexOf(0, start)) {
        // <mode> SP <blob> SP <stage> TAB <path>
        const tab = out.indexOf(9, start);
        if (tab > start && tab < end)
            blobs.set(out.toString('utf8', tab + 1, end), out.toString('latin1', start + 7, start + 47));
        start = end + 1;
    }
    return blobs;
}
function historyStore(ctx, config, info) {
    return (0,src_history/* openHistoryStore */.gj)(ctx, quarantine_history/* RUN_RECORDS */.Vn, config, {
        run: info,
        cacheDirName: 'gantry-quarantine-history',
        unavailable: { title: 'Test history not kept' },
    });
}

// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
;// CONCATENATED MODULE: ./src/quarantine/issues.ts




const ISSUE_TITLE_PREFIX = 'Flaky test: ';
/** Open issues read at most, to find the ones this action opened (30 pages). */
const MAX_LISTED = 3000;
function issueTitle(testId) {
    return `${ISSUE_TITLE_PREFIX}${(0,runtime_text/* oneLine */.TN)(testId)}`.slice(0, 256);
}
/** The hidden marker that names the test an issue is about, whatever its title became. */
function issueMarker(testId) {
    return `<!-- gantry-quarantine: ${(0,external_node_crypto_.createHash)('sha256').update(testId).digest('hex').slice(0, 32)} -->`;
}
class GitHubIssues {
    client;
    repository;
    open;
    owner;
    repo;
    constructor(client, repository) {
        this.client = client;
        this.repository = repository;
        [this.owner = '', this.repo = ''] = repository.split('/');
    }
    async findOrCreate(request) {
        const title = issueTitle(request.testId);
        const marker = issueMarker(request.testId);
        const issues = await this.listOpen();
        const found = issues.find((issue) => issue.body?.includes(marker)) ?? issues.find((issue) => issue.title === title);
        if (found)
            return { testId: request.testId, number: found.number, url: found.html_url, created: false };
        const created = await this.call('POST', `/repos/${this.repository}/issues`, () => this.client.rest.issues.create({
            owner: this.owner,
            repo: this.repo,
            title,
            body: `${request.body}\n${marker}\n`,
            request: { retries: 0 },
        }));
        const issue = created.data;
        issues.push({ ...issue, body: `${marker}` });
        return { testId: request.testId, number: issue.number, url: issue.html_url, created: true };
    }
    listOpen() {
        this.open ??= this.call('GET', `/repos/${this.repository}/issues`, () => (0,client/* openIssues */.D$)(this.client, this.repository, MAX_LISTED));
        return this.open;
    }
    call(method, path, fn) {
        return (0,client/* callGitHub */.ur)(method, path, fn, (what, status) => status === 401 || status === 403 || status === 404
            ? // The status goes with it: a fork's read-only token is told apart from a wrong setup.
                Object.assign(new errors/* ConfigurationError */.j1(`Input 'create-issues': ${what}. Give the job 'permissions: issues: write' and pass a token that can create issues in ${this.repository} (input 'github-token').`), { status })
            : undefined);
    }
}

// EXTERNAL MODULE: ./node_modules/saxes/saxes.js
var saxes = __webpack_require__(9800);
;// CONCATENATED MODULE: ./src/quarantine/junit.ts




const ROOTS = new Set(['testsuites', 'testsuite']);
const SKIPPED_STATUS = new Set(['disabled', 'ignored', 'skipped', 'notrun', 'not_run']);
const MESSAGE_LIMIT = 2000;
/** Deepest element nesting accepted; real reports nest a handful of suites. */
const MAX_DEPTH = 256;
/** Characters of one text run, attribute value, comment or CDATA section kept while parsing. */
const KEPT_TEXT_LIMIT = 64 * 1024;
/** Attributes accepted on one element. */
const MAX_ATTRIBUTES = 1024;
const READ_CHUNK = 256 * 1024;
/**
 * What the XML parser is given at a time. V8 puts a string over 128 KB straight into the old
 * generation (its large-object space): a 256 KB chunk decoded whole became old-space garbage on every
 * read, which only a full collection frees, so the heap (and the peak RSS) grew with the report.
 * At 32 KB (64 KB if every character takes two bytes) the decoded text dies young.
 */
const PARSE_CHUNK = 32 * 1024;
// XML 1.0 forbids these; test output (ANSI colour codes, binary junk) puts them in reports anyway.
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** A report that is not well-formed JUnit XML; the message names the report and the line. */
class MalformedReportError extends errors/* ConfigurationError */.j1 {
    malformed = true;
}
function isMalformedReport(error) {
    return error instanceof MalformedReportError;
}
async function parseJUnitFile(path, options) {
    const shown = options.displayName ?? path;
    const size = (await (0,promises_.stat)(path)).size;
    if (size > options.maxBytes) {
        throw new errors/* ConfigurationError */.j1(`Report ${shown} is ${size} bytes, over the limit of ${options.maxBytes} set by input 'max-report-size'; raise the input or split the report.`);
    }
    const reader = new JUnitReader(shown, options);
    const decoder = new TextDecoder('utf-8');
    // One buffer, reused for every read: memory stays flat and nothing waits for the GC.
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    const handle = await (0,promises_.open)(path, 'r');
    let bytes = 0;
    try {
        for (;;) {
            const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
            if (bytesRead === 0)
                break;
            bytes += bytesRead;
            if (bytes > options.maxBytes) {
                throw new errors/* ConfigurationError */.j1(`Report ${shown} grew past the limit of ${options.maxBytes} bytes set by input 'max-report-size' while it was read.`);
            }
            for (let start = 0; start < bytesRead; start += PARSE_CHUNK)
                reader.write(decoder.decode(buffer.subarray(start, Math.min(start + PARSE_CHUNK, bytesRead)), { stream: true }));
        }
    }
    finally {
        await handle.close();
    }
    reader.write(decoder.decode());
    return { cases: reader.close(), bytes };
}
/** The same reader over a string (tests, and reports that arrive in memory). */
function parseJUnitString(xml, options) {
    const reader = new JUnitReader(options.displayName, options);
    // In the pieces a file is parsed in, so the same bounds hold.
    for (let start = 0; start < xml.length; start += PARSE_CHUNK)
        reader.write(xml.slice(start, start + PARSE_CHUNK));
    return reader.close();
}
/** The reader itself: write text in pieces, then close (exported for the property tests). */
class JUnitReader {
    shown;
    options;
    parser = new saxes/* SaxesParser */.wT({ position: true });
    suites = [];
    depth = 0;
    current;
    captureDepth = 0;
    captured = '';
    cases = 0;
    constructor(shown, options) {
        this.shown = shown;
        this.options = options;
        this.parser.on('doctype', () => {
            throw this.fail('a DOCTYPE is not allowed in a test report (entity expansion and external entities are refused)');
        });
        this.parser.on('opentag', (tag) => this.open(tag));
        this.parser.on('closetag', (tag) => this.closeTag(tag.name));
        this.parser.on('text', (text) => this.capture(text));
        this.parser.on('cdata', (text) => this.capture(text));
    }
    write(text) {
        ILLEGAL_XML_CHARS.lastIndex = 0;
        const clean = ILLEGAL_XML_CHARS.test(text) ? text.replace(ILLEGAL_XML_CHARS, '\ufffd') : text;
        this.guard(() => this.parser.write(clean));
        this.bound();
    }
    /**
     * saxes gathers every text run, attribute value, comment and CDATA section in one buffer until it
     * ends, and every name the same way: a 200 MB attribute would be held whole (several times over
     * while strings are joined). Between writes (each at most PARSE_CHUNK long) the buffer is cut back
     * to KEPT_TEXT_LIMIT, so what is kept stays bounded whatever the input; a name or an entity
     * reference that long, or an element with too many attributes, is refused.
     */
    bound() {
        const inside = this.parser;
        if (inside.text.length > KEPT_TEXT_LIMIT)
            inside.text = inside.text.slice(0, KEPT_TEXT_LIMIT);
        if (inside.name.length > KEPT_TEXT_LIMIT || inside.piTarget.length > KEPT_TEXT_LIMIT)
            throw this.fail(`a name is longer than ${KEPT_TEXT_LIMIT} characters`);
        if (inside.entity.length > KEPT_TEXT_LIMIT)
            throw this.fail(`an entity reference is longer than ${KEPT_TEXT_LIMIT} characters`);
        if (inside.attribList.length > MAX_ATTRIBUTES)
            throw this.fail(`an element has more than ${MAX_ATTRIBUTES} attributes`);
    }
    /** Characters the XML parser holds for the text, value or name it is in the middle of. */
    get keptCharacters() {
        const inside = this.parser;
        return inside.text.length + inside.name.length + inside.piTarget.length + inside.entity.length;
    }
    close() {
        this.guard(() => this.parser.close());
        return this.cases;
    }
    guard(fn) {
        try {
            fn();
        }
        catch (error) {
            if (error instanceof errors/* ConfigurationError */.j1)
                throw error;
            // saxes prefixes its messages with line:column; ours name the file and the line instead.
            throw this.fail((0,errors/* errorMessage */.gJ)(error).replace(/^\d+:\d+:\s*/, ''));
        }
    }
    fail(reason) {
        return new MalformedReportError(`Report ${this.shown}, line ${this.parser.line}: not valid JUnit XML: ${reason}.`.replace(/\.\.$/, '.'));
    }
    open(tag) {
        this.depth += 1;
        if (this.depth > MAX_DEPTH)
            throw this.fail(`elements are nested deeper than ${MAX_DEPTH} levels`);
        const name = tag.name;
        // bound() keeps the first KEPT_TEXT_LIMIT characters of a long value between writes, and saxes
        // then appends what the last piece holds: cut here too, so the value is the same whatever the
        // pieces the report arrived in.
        // In place: saxes hands each tag its own attributes object, and a copy per element was the
        // parser's largest allocation (a CPU profile of 100,000 testcases: 13% of the time, most of the GC).
        const attributes = tag.attributes;
        for (const key in attributes) {
            const value = attributes[key];
            if (value.length > KEPT_TEXT_LIMIT)
                attributes[key] = value.slice(0, KEPT_TEXT_LIMIT);
        }
        if (this.depth === 1) {
            if (!ROOTS.has(name))
                throw this.fail(`the root element is <${name}>, expected <testsuites> or <testsuite>`);
        }
        if (this.captureDepth > 0)
            return;
        const open = this.current;
        if (open === undefined) {
            if (name === 'testsuite') {
                const parent = this.suites.at(-1);
                const suiteName = boundedPart((attributes.name ?? '').trim());
                const path = suiteName === '' ? (parent?.path ?? []) : [...(parent?.path ?? []), suiteName];
                this.suites.push({
                    name: suiteName,
                    file: attributes.file ?? parent?.file,
                    path,
                    group: `${this.shown}\u0000${path.join('\u0000')}`,
                });
            }
            else if (name === 'testcase') {
                this.current = {
                    attributes,
                    line: this.parser.line,
                    failures: 0,
                    reruns: 0,
                    flakes: 0,
                    skipped: false,
                };
            }
            return;
        }
        switch (name) {
            case 'failure':
            case 'error':
                open.failures += 1;
                if (open.failureKind === undefined) {
                    open.failureKind = name;
                    this.startCapture(open, attributes);
                }
                break;
            case 'rerunFailure':
            case 'rerunError':
                open.reruns += 1;
                break;
            case 'flakyFailure':
            case 'flakyError':
                open.flakes += 1;
                if (open.message === undefined && open.failureKind === undefined)
                    this.startCapture(open, attributes);
                break;
            case 'skipped':
                open.skipped = true;
                break;
        }
    }
    startCapture(open, attributes) {
        open.message = attributes.message?.trim().slice(0, MESSAGE_LIMIT) || undefined;
        if (open.message === undefined) {
            this.captureDepth = this.depth;
            this.captured = '';
        }
    }
    capture(text) {
        if (this.captureDepth > 0 && this.captured.length < MESSAGE_LIMIT)
            this.captured += text.slice(0, MESSAGE_LIMIT - this.captured.length);
    }
    closeTag(name) {
        if (this.captureDepth === this.depth) {
            this.captureDepth = 0;
            if (this.current)
                this.current.message = firstLines(this.captured);
        }
        this.depth -= 1;
        if (this.captureDepth > 0)
            return;
        if (name === 'testsuite' && this.current === undefined)
            this.suites.pop();
        else if (name === 'testcase' && this.current !== undefined) {
            this.finish(this.current);
            this.current = undefined;
        }
    }
    finish(open) {
        const a = open.attributes;
        const suite = this.suites.at(-1);
        // Without a classname, the innermost suite names the group the case belongs to.
        const classname = boundedPart((a.classname ?? a.class ?? '').trim()) || (suite?.name ?? '');
        const identity = {
            file: normaliseFile(a.file ?? a.filepath ?? suite?.file, this.options.workspace),
            // Surefire and TestNG name the suite after the class: saying it twice would tell nothing apart.
            suite: (suite?.path ?? []).filter((part) => part !== classname).join('::'),
            classname,
            name: boundedPart((a.name ?? '').trim()),
        };
        const line = Number.parseInt(a.line ?? '', 10);
        const disabled = SKIPPED_STATUS.has((a.status ?? '').toLowerCase());
        let outcome = 'passed';
        if (disabled)
            outcome = 'skipped';
        else if (open.failures > 0)
            outcome = 'failed';
        else if (open.skipped)
            outcome = 'skipped';
        else if (open.flakes > 0)
            outcome = 'flaky';
        this.cases += 1;
        this.options.onCase({
            id: testId(identity),
            ...identity,
            group: suite?.group ?? `${this.shown}\u0000`,
            line: Number.isSafeInteger(line) && line > 0 ? line : undefined,
            outcome,
            failureKind: outcome === 'failed' ? open.failureKind : undefined,
            message: outcome === 'failed' || outcome === 'flaky' ? open.message : undefined,
            failedAttempts: disabled ? 0 : open.failures + open.reruns + open.flakes,
            report: this.shown,
            reportLine: open.line,
        });
    }
}
function firstLines(text) {
    const trimmed = text
        .replace(/\ufffd\[[\d;]*[A-Za-z]/g, '')
        .trim()
        .split(/\r?\n/)
        .slice(0, 3)
        .join('\n');
    return trimmed === '' ? undefined : trimmed.slice(0, MESSAGE_LIMIT);
}

;// CONCATENATED MODULE: ./src/quarantine/adapter.ts


















const main = async (ctx) => {
    // The run's record and the spill of results that did not pass live here until the step ends.
    const work = await (0,promises_.mkdtemp)((0,external_node_path_.join)(ctx.runtime.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'gantry-quarantine-'));
    try {
        await judge(ctx, work);
    }
    finally {
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
};
/** How many results of each kind are held in full (summary, the step's annotations, the comment). */
const KEPT = LISTED;
async function judge(ctx, work) {
    const config = readConfig(ctx.inputs, ctx.workspace);
    const info = await runInfo(ctx);
    const files = await ctx.log.stage('find-reports', () => findReports(config.reports, ctx.workspace), (found) => ({ reports: found.length }));
    if (files.length === 0 && !config.allowEmpty) {
        throw new runtime/* ConfigurationError */.j1(`Input 'reports': no file matched ${config.reports.map((r) => `'${r}'`).join(', ')} in ${ctx.workspace}. A test stage that wrote no report must not pass; set allow-empty: true if that is expected.`);
    }
    let evaluation;
    let flakes;
    let historyNote;
    const entries = await loadQuarantine(config);
    const active = entries.filter((entry) => !isExpired(entry, ctx.clock.now()));
    const history = await ctx.log.stage('history-load', () => loadHistory(ctx, config, info), (h) => ({ records: h.records }));
    // One git call lists the blob id of every tracked file: no file is opened to tell an edit apart.
    const git = new src_git/* Git */.TU(ctx.workspace, ctx.runtime.env);
    const blobs = await indexBlobs(git);
    const table = new collect/* FileTable */.Pj(blobs ?? new Map());
    const malformed = [];
    const spillPath = (0,external_node_path_.join)(work, 'not-passed.jsonl');
    let collector;
    {
        const record = new collect/* RecordWriter */.J9((0,external_node_path_.join)(work, 'record.json.gz'), info);
        collector = new collect/* RunCollector */.zN({
            suspects: history.suspects,
            entries: active,
            files: table,
            record,
            spill: new collect/* SpillWriter */.ar(spillPath),
        });
        await ctx.log.stage('parse', async () => {
            for (const file of files) {
                let cases = 0;
                try {
                    await parseJUnitFile(file, {
                        maxBytes: config.maxReportSize,
                        workspace: ctx.workspace,
                        displayName: shown(file, ctx.workspace),
                        onCase: (c) => {
                            cases += 1;
                            collector.add(c);
                        },
                    });
                }
                catch (error) {
                    if (!isMalformedReport(error) || config.onMalformed === 'fail')
                        throw error;
                    // The test cases read before the bad line are counted: a report cut short by a killed
                    // runner still says which tests ran.
                    malformed.push(file);
                    ctx.runtime.annotate({
                        level: 'warning',
                        title: 'Malformed test report skipped',
                        message: `${error.message} ${cases} test case(s) read before it are counted; the rest of the report is not (on-malformed: warn).`,
                    });
                }
            }
            collector.end();
        }, () => ({ tests: collector.totals.total }));
        if (collector.ids === 0 && !config.allowEmpty) {
            throw new runtime/* ConfigurationError */.j1(`Input 'reports': the ${files.length} report(s) found hold no test cases. Set allow-empty: true if that is expected.`);
        }
        const { totals } = collector;
        // A stage whose tests were all skipped (disabled, filtered out) tested nothing: it must not look green.
        if (!config.allowEmpty && totals.skipped === totals.total) {
            throw new runtime/* ConfigurationError */.j1(`Input 'reports': all ${totals.skipped} test case(s) in the ${files.length} report(s) found were skipped; nothing ran. Set allow-empty: true if that is expected.`);
        }
        const suspects = collector.passedSuspects;
        const opened = blobs === undefined
            ? await table.hashFromDisk(ctx.workspace, chain(suspects.values(), (0,collect/* spilled */.e8)(spillPath)))
            : 0;
        // This run as detection sees it: the suspects that passed, and the tests that did not pass (all
        // of them when there is history to compare with; a failure seen once alone is never a flake).
        const current = { v: 1, ...info, files: table.files, tests: Object.create(null) };
        const settled = await (0,collect/* settleNotPassed */.tn)(collector, spillPath, {
            active,
            files: table,
            record,
            keep: KEPT,
            observe: (test, code, index) => {
                // The copy of the id history holds, if it holds one: a failing suite's ids are held once.
                if (code === 'K' || history.records > 0)
                    current.tests[history.suspects.get(test.id) ?? test.id] = code + (index ?? '');
            },
        });
        for (const test of suspects.values())
            current.tests[test.id] = `P${table.indexOf(test) ?? ''}`;
        (0,collect/* writePassedSuspects */.w)(collector, table, record);
        const encoded = record.close(table.files);
        const memory = process.memoryUsage();
        ctx.runtime.debug(`quarantine: ${totals.total} test runs, ${collector.notPassed.size} not passed (results held in full ${settled.failures.length + settled.quarantined.length + settled.flaky.length}, spilled ${collector.spillLines}), ${record.tests} record entries, ${table.files.length} files; git processes ${git.stats.processes}, test files opened ${opened}; heap ${Math.round(memory.heapUsed / 1e6)} MB, rss ${Math.round(memory.rss / 1e6)} MB.`);
        evaluation = evaluate([...settled.failures, ...settled.quarantined.map((q) => q.test), ...settled.flaky], entries, ctx.clock.now(), config.onExpired, { totals, used: collector.usedEntries, counts: settled.counts });
        // The earlier records, narrowed to the tests detection looks at: those that did not pass there,
        // and those that did not pass here (a pass before and a failure now on the same file is a flip).
        // Read before this run's record is stored, which could push the oldest out of the window.
        const earlier = history.records === 0
            ? []
            : await ctx.log.stage('history-narrow', () => {
                const wanted = new Map(history.suspects);
                for (const id in current.tests)
                    if (!wanted.has(id))
                        wanted.set(id, id);
                return history.narrowed(wanted);
            }, (records) => ({ records: records.length }));
        const saved = await ctx.log.stage('history', () => saveHistory(ctx, history, encoded, config.window), () => ({}));
        const window = [...earlier, current];
        flakes = detectFlakes(window);
        historyNote =
            history.store === undefined
                ? 'not kept (the cache service is not available)'
                : `${history.store.kind}, ${saved ? window.length : history.records + 1} run(s) of branch ${info.branch}`;
    }
    const proposals = evaluate_proposals(flakes, entries, ctx.clock.now(), config.flakeThreshold);
    // A GitHub write that fails fails the step, but only after the verdict is written; on a fork or
    // Dependabot pull request (a read-only token) a refused write is a warning and never fails it.
    const publishErrors = [];
    const publish = async (stage, title, fn) => {
        await ctx.log
            .stage(stage, fn, () => ({}))
            .catch((error) => {
            const readOnly = deniedOnReadOnlyToken(ctx, error);
            if (readOnly === undefined)
                publishErrors.push({ title, error });
            else
                ctx.runtime.annotate({
                    level: 'warning',
                    title: `${title}: skipped (read-only token)`,
                    message: (0,runtime/* oneLine */.TN)(`${(0,runtime/* errorMessage */.gJ)(error)} — ${readOnly} gets a read-only token; the verdict stands. To report on such pull requests, run the action from a workflow_run workflow (see the action's README).`),
                });
        });
    };
    if (config.createIssues && proposals.length > 0)
        await publish('issues', 'Flaky-test issues not opened', () => openIssues(ctx, config, proposals));
    const summary = renderSummary({
        evaluation,
        mode: config.mode,
        flakes,
        proposals,
        now: ctx.clock.now(),
        history: historyNote,
        malformed: malformed.map((file) => shown(file, ctx.workspace)),
    });
    if (config.checkRun)
        await publish('check-run', 'Check run not created', () => createCheckRun(ctx, config, evaluation, summary, checkAnnotations(collector, spillPath, active)));
    if (config.prComment)
        await publish('pr-comment', 'Pull request comment not written', () => writeComment(ctx, config, evaluation, flakes, proposals));
    writeOutputs(ctx, evaluation, proposals);
    annotate(ctx, evaluation, config.mode, publishErrors.length);
    await ctx.runtime.appendSummary(summary);
    ctx.runtime.info(`Tests: ${evaluation.totals.total}, failed ${evaluation.counts.failures}, quarantined failures ${evaluation.counts.quarantined}, flaky ${evaluation.totals.flaky}; verdict ${evaluation.verdict}.`);
    const failure = evaluation.verdict === 'failed' ? `Tests failed: ${evaluation.reasons.join('; ')}.` : undefined;
    if (failure && config.mode === 'report')
        ctx.runtime.info(`${failure} (mode: report, the step passes)`);
    if (failure && config.mode === 'enforce') {
        for (const { title, error } of publishErrors)
            ctx.runtime.annotate({ level: 'error', title, message: (0,runtime/* oneLine */.TN)((0,runtime/* errorMessage */.gJ)(error)) });
        throw new TestsFailedError(failure);
    }
    for (const { title, error } of publishErrors.slice(1))
        ctx.runtime.annotate({ level: 'error', title, message: (0,runtime/* oneLine */.TN)((0,runtime/* errorMessage */.gJ)(error)) });
    if (publishErrors.length > 0)
        throw publishErrors[0].error;
}
/** The verdict, not a fault: ends the step with its one error line like any other failure. */
class TestsFailedError extends Error {
    name = 'TestsFailedError';
}
async function runInfo(ctx) {
    const { github } = ctx;
    let sha = github.sha;
    let branch = github.headRef || github.refName;
    if (!sha || !branch) {
        const git = new src_git/* Git */.TU(ctx.workspace, ctx.runtime.env);
        sha ||= (await git.run(['rev-parse', 'HEAD'], { okCodes: [128] })).stdout.toString().trim() || 'unknown';
        branch ||=
            (await git.run(['rev-parse', '--abbrev-ref', 'HEAD'], { okCodes: [128] })).stdout.toString().trim() ||
                'local';
    }
    return {
        run: github.runId || `local-${ctx.clock.now()}`,
        attempt: github.runAttempt,
        sha,
        branch,
        time: ctx.clock.now(),
    };
}
/** Globs relative to the workspace; a line starting with '!' excludes. */
async function findReports(patterns, workspace) {
    const include = patterns.filter((p) => !p.startsWith('!'));
    const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    const excluded = (0,src_glob/* globMatcher */.fU)(exclude);
    const found = new Set();
    for (const pattern of include) {
        for await (const path of (0,promises_.glob)(pattern, { cwd: workspace })) {
            const absolute = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(workspace, path);
            if (!excluded((0,external_node_path_.relative)(workspace, absolute)) && !found.has(absolute))
                found.add(absolute);
        }
    }
    const files = [];
    for (const path of [...found].sort()) {
        if ((await (0,promises_.stat)(path)).isFile())
            files.push(path);
    }
    return files;
}
function shown(file, workspace) {
    const rel = (0,external_node_path_.relative)(workspace, file);
    return rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) ? file : rel;
}
async function loadQuarantine(config) {
    if (!(0,external_node_fs_.existsSync)(config.quarantineFile)) {
        if (config.quarantineFileGiven) {
            throw new runtime/* ConfigurationError */.j1(`Input 'quarantine-file': ${config.quarantineFile} does not exist; create it or fix the path.`);
        }
        return [];
    }
    return parseQuarantineFile(await (0,promises_.readFile)(config.quarantineFile, 'utf8'), config.quarantineFile);
}
async function openIssues(ctx, config, list) {
    const { repository, serverUrl: server } = ctx.github;
    if (!repository)
        throw new runtime/* ConfigurationError */.j1(`Input 'create-issues': GITHUB_REPOSITORY is not set; issues need a repository (owner/name).`);
    const issues = new GitHubIssues(await ctx.gitHub(config.githubToken), repository);
    for (const proposal of list.slice(0, MAX_ISSUES_PER_RUN)) {
        const { stat } = proposal;
        const evidence = stat.evidence
            .slice(-10)
            .map((e) => `- ${e.kind}: run [${e.run}](${server}/${repository}/actions/runs/${e.run}/attempts/${e.attempt}) attempt ${e.attempt}, commit ${e.sha}`)
            .join('\n');
        const ref = await issues.findOrCreate({
            testId: stat.id,
            body: `\`${stat.id.replace(/`/g, "'")}\` is flaky: ${stat.flakyRuns} of its last ${stat.runs} runs failed without a code change (${percent(stat.rate)}).\n\nEvidence:\n${evidence}\n\nQuarantine it in the quarantine file with an owner and an expiry date, fix it, then remove the entry.\n`,
        });
        proposal.issue = ref.url;
        ctx.runtime.info(`${ref.created ? 'Opened' : 'Found'} issue #${ref.number} for flaky test ${(0,runtime/* oneLine */.TN)(stat.id)}: ${ref.url}`);
    }
}
function writeOutputs(ctx, e, proposals) {
    const out = ctx.runtime;
    out.setOutput(OUTPUTS.total, String(e.totals.total));
    out.setOutput(OUTPUTS.passed, String(e.totals.passed));
    out.setOutput(OUTPUTS.failed, String(e.totals.failed));
    out.setOutput(OUTPUTS.skipped, String(e.totals.skipped));
    out.setOutput(OUTPUTS.flaky, String(e.totals.flaky));
    out.setOutput(OUTPUTS.quarantinedFailures, String(e.counts.quarantined));
    out.setOutput(OUTPUTS.verdict, e.verdict);
    out.setOutput(OUTPUTS.newFlaky, JSON.stringify(proposals.slice(0, 100).map(({ stat, issue }) => ({
        id: stat.id,
        rate: stat.rate,
        runs: stat.runs,
        flakyRuns: stat.flakyRuns,
        evidence: stat.evidence.slice(-5),
        issue,
    }))));
}
/** Errors for blocking failures, warnings for quarantined ones and expired entries, notices for the rest. */
function annotate(ctx, e, mode, otherErrors) {
    // The step's own failure line is an error annotation too: leave room for it and for other errors.
    const errorRoom = runtime/* ANNOTATION_LIMIT_PER_LEVEL */.N0 - otherErrors - (e.verdict === 'failed' && mode === 'enforce' ? 1 : 0);
    const level = mode === 'enforce' ? 'error' : 'warning';
    for (const test of e.failures.slice(0, errorRoom)) {
        ctx.runtime.annotate({
            level,
            title: `Test ${test.failureKind === 'error' ? 'errored' : 'failed'}: ${test.name}`,
            message: github_report_text(test),
            ...github_report_location(test),
        });
    }
    for (const { test, entry } of e.quarantined) {
        ctx.runtime.annotate({
            level: 'warning',
            title: `Quarantined test failed: ${test.name}`,
            message: `${github_report_text(test)}\nQuarantined until ${entry.expires} (owner ${entry.owner}): ${entry.reason}`,
            ...github_report_location(test),
        });
    }
    for (const entry of e.expired) {
        ctx.runtime.annotate({
            level: 'warning',
            title: 'Quarantine expired',
            message: `'${entry.id}' expired on ${entry.expires} (owner ${entry.owner}); renew or remove it (quarantine file line ${entry.line}).`,
        });
    }
    for (const test of e.flakyInRun)
        ctx.runtime.annotate({
            level: 'notice',
            title: `Flaky test: ${test.name}`,
            message: `${test.id} failed, then passed on retry.`,
            ...github_report_location(test),
        });
    for (const entry of e.dead)
        ctx.runtime.annotate({
            level: 'notice',
            title: 'Quarantine matched no test',
            message: `'${entry.id}' (line ${entry.line}) matched no test in this run; remove it if the test is gone.`,
        });
}


/***/ })

};
