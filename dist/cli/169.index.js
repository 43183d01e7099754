export const id = 169;
export const ids = [169];
export const modules = {

/***/ 7169:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/git/index.ts + 1 modules
var src_git = __webpack_require__(1112);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/text.ts
var runtime_text = __webpack_require__(5369);
// EXTERNAL MODULE: ./src/glob/index.ts
var glob = __webpack_require__(2442);
;// CONCATENATED MODULE: ./src/changes/constants.ts
/** Input and output names of the changes action (kebab-case; dorny/paths-filter's names kept). */
const INPUT = {
    filters: 'filters',
    base: 'base',
    ref: 'ref',
    workingDirectory: 'working-directory',
    listFiles: 'list-files',
    predicateQuantifier: 'predicate-quantifier',
    token: 'token',
    initialFetchDepth: 'initial-fetch-depth',
    allowTruncated: 'allow-truncated',
    workspaces: 'workspaces',
    globalFiles: 'global-files',
};
const OUTPUT = {
    changes: 'changes',
    baseSha: 'base-sha',
    headSha: 'head-sha',
    files: 'files',
    affectedPackages: 'affected-packages',
};
/** Per-filter outputs: `<filter>`, `<filter>_count`, `<filter>_files`. */
const COUNT_SUFFIX = '_count';
const FILES_SUFFIX = '_files';
const LIST_FORMATS = ['none', 'csv', 'json', 'shell', 'escape'];
const QUANTIFIERS = ['some', 'every'];
/** Change types a filter rule may name (dorny/paths-filter's set). */
const CHANGE_TYPES = [
    'added',
    'copied',
    'deleted',
    'modified',
    'renamed',
    'unmerged',
    'unknown',
];
/** `base: last-success`: the head of the last successful run of this workflow on this branch. */
const LAST_SUCCESS = 'last-success';
/** git's empty tree: the base when everything in the head counts as added. */
const EMPTY_TREE_SHA1 = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const EMPTY_TREE_SHA256 = '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321';
const ZERO_SHA = /^0+$/;

;// CONCATENATED MODULE: ./src/changes/paths.ts
/**
 * File names as git gives them: bytes. Valid UTF-8 decodes as is; any byte that is not part of a
 * valid UTF-8 sequence becomes a lone surrogate U+DC80–U+DCFF (Python's "surrogateescape"), so a
 * name round-trips exactly: JSON shows it as "\udcXX" and shell output turns it back into the byte.
 */
const strict = new TextDecoder('utf-8', { fatal: true });
function decodePath(bytes) {
    try {
        return strict.decode(bytes);
    }
    catch {
        return decodeEscaping(bytes);
    }
}
function sequenceLength(lead) {
    if (lead >= 0xc2 && lead <= 0xdf)
        return 2;
    if (lead >= 0xe0 && lead <= 0xef)
        return 3;
    if (lead >= 0xf0 && lead <= 0xf4)
        return 4;
    return 0;
}
function decodeEscaping(bytes) {
    let out = '';
    let i = 0;
    while (i < bytes.length) {
        const lead = bytes[i];
        if (lead < 0x80) {
            out += String.fromCharCode(lead);
            i += 1;
            continue;
        }
        const length = sequenceLength(lead);
        if (length > 0 && i + length <= bytes.length) {
            try {
                out += strict.decode(bytes.subarray(i, i + length));
                i += length;
                continue;
            }
            catch {
                // not a valid sequence: escape the lead byte alone and resynchronise
            }
        }
        out += String.fromCharCode(0xdc00 + lead);
        i += 1;
    }
    return out;
}
/** The bytes of a name decoded by decodePath. */
function encodePath(path) {
    const parts = [];
    let run = '';
    for (const char of path) {
        const code = char.charCodeAt(0);
        if (char.length === 1 && code >= 0xdc80 && code <= 0xdcff) {
            parts.push(Buffer.from(run, 'utf8'), Buffer.from([code - 0xdc00]));
            run = '';
        }
        else
            run += char;
    }
    parts.push(Buffer.from(run, 'utf8'));
    return Buffer.concat(parts);
}
/** Control characters, DEL, and escaped non-UTF-8 bytes: what needs $'…' quoting in a shell. */
function hasUnprintable(path) {
    return /[\u0000-\u001f\u007f\udc80-\udcff]/.test(path);
}

;// CONCATENATED MODULE: ./src/changes/diff.ts



/** A set of change types as bits (one number per changed path, not one Set). */
function typeMask(...types) {
    let mask = 0;
    for (const type of types)
        mask |= 1 << CHANGE_TYPES.indexOf(type);
    return mask;
}
const STATUS = {
    A: 'added',
    C: 'copied',
    D: 'deleted',
    M: 'modified',
    R: 'renamed',
    // A type change (file to symlink, or to a submodule) is a modification of that path.
    T: 'modified',
    U: 'unmerged',
    X: 'unknown',
};
/** `git diff --name-status -z` output: status, path (two paths for R and C), NUL-separated. */
function parseNameStatus(output) {
    const fields = (0,src_git/* splitNul */.K5)(output);
    const changes = [];
    for (let i = 0; i < fields.length;) {
        const code = fields[i++].toString('latin1');
        const status = STATUS[code[0] ?? ''];
        if (!status)
            throw new Error(`unexpected git diff status ${JSON.stringify(code)}`);
        if (status === 'renamed' || status === 'copied') {
            const previousPath = decodePath(fields[i++]);
            changes.push({ status, path: decodePath(fields[i++]), previousPath });
        }
        else {
            changes.push({ status, path: decodePath(fields[i++]) });
        }
    }
    return changes;
}
/**
 * What filters match against. A rename is its old path deleted and its new path added, and both
 * paths count as renamed; a copy's new path is added and copied. One entry per path.
 */
function matchEntries(changes) {
    const byPath = new Map();
    const add = (path, ...types) => byPath.set(path, (byPath.get(path) ?? 0) | typeMask(...types));
    for (const change of changes) {
        if (change.status === 'renamed') {
            add(change.previousPath, 'deleted', 'renamed');
            add(change.path, 'added', 'renamed');
        }
        else if (change.status === 'copied') {
            add(change.path, 'added', 'copied');
        }
        else
            add(change.path, change.status);
    }
    return [...byPath].map(([path, types]) => ({ path, types }));
}

;// CONCATENATED MODULE: ./src/changes/matcher.ts


/**
 * Globs follow src/glob's rules (minimatch, keeping dorny/paths-filter's behaviour): `.` files
 * match like any other (`**` covers `.github/…`), case-sensitive, `*` and `**` match names holding
 * a newline, and a broken glob throws instead of silently never matching.
 */
/** `./src/**` is `src/**`. */
const normalizePattern = glob/* normalizeGlob */.er;
/** Throws GlobError when the pattern cannot be parsed. */
function compilePattern(pattern) {
    return (0,glob/* globTest */.FX)(pattern);
}
/** With dot: true, `**` and `*` still never match a `.` or `..` path segment. */
function hasDotSegment(path, from, to) {
    for (let i = from; i < to;) {
        if (path.charCodeAt(i) === 46) {
            const next = path.charCodeAt(i + 1) === 46 ? i + 2 : i + 1;
            if (next >= to || path.charCodeAt(next) === 47)
                return true;
        }
        const slash = path.indexOf('/.', i);
        if (slash === -1)
            return false;
        i = slash + 1;
    }
    return false;
}
/**
 * A test for one pattern. The two shapes that dominate real filters (everything under a directory,
 * and every file with one extension under a directory) are checked with string operations that give
 * exactly the glob's own answer for paths as git lists them (the property test in
 * test/changes/matcher.test.ts compares the two); every other pattern runs its regex.
 */
function compileTest(pattern) {
    const scan = (0,glob/* scanGlob */.gG)(pattern);
    const base = scan.base;
    const prefix = base === '' ? '' : `${base}/`;
    if (scan.isGlob && !pattern.includes('\\')) {
        if (scan.glob === '**') {
            if (base === '')
                return (path) => !hasDotSegment(path, 0, path.length);
            return (path) => path === base || (path.startsWith(prefix) && !hasDotSegment(path, prefix.length, path.length));
        }
        const extension = /^\*\*\/\*(\.[^*?[\]{}()!+@\\/|]+)$/.exec(scan.glob)?.[1];
        if (extension !== undefined) {
            return (path) => {
                if (!path.endsWith(extension) || (prefix !== '' && !path.startsWith(prefix)))
                    return false;
                const slash = path.lastIndexOf('/');
                return slash < prefix.length - 1 || !hasDotSegment(path, prefix.length, slash);
            };
        }
    }
    return compilePattern(pattern);
}
const STAR_EXTENSION = /^\*\.([^*?[\]{}()!+@\\/|]+)$/;
const LITERAL = /^[^*?[\]{}()!+@\\|]+$/;
function extensionOf(path) {
    const slash = path.lastIndexOf('/');
    const dot = path.lastIndexOf('.');
    return dot > slash ? path.slice(dot + 1) : '';
}
/**
 * Every distinct pattern compiled once and indexed by its literal directory prefix and, where the
 * last segment fixes it (`*.ts`, `schema.graphql`), by extension. A path meets only the patterns
 * under its own directories (and literals naming it), so a monorepo's thousands of files do not
 * each run every pattern.
 */
class FilterSet {
    filters;
    quantifier;
    tests = [];
    refs = [];
    buckets = new Map();
    /** Patterns that can match a path only by its full text: literals, and `dir/**` matching `dir` itself. */
    self = new Map();
    directories = new Map();
    /** Per filter: how many positive rules it has (0 = every file, minus exclusions). */
    positives;
    hits;
    stamp;
    excluded;
    touched = [];
    onlyExclusions = [];
    generation = 0;
    constructor(filters, quantifier) {
        this.filters = filters;
        this.quantifier = quantifier;
        const ids = new Map();
        this.positives = filters.map((filter) => filter.rules.filter((r) => !r.negated).length);
        filters.forEach((filter, index) => {
            for (const rule of filter.rules) {
                let id = ids.get(rule.pattern);
                if (id === undefined) {
                    id = this.tests.length;
                    ids.set(rule.pattern, id);
                    this.tests.push(compileTest(rule.pattern));
                    this.refs.push([]);
                    this.index(rule.pattern, id);
                }
                this.refs[id].push({
                    filter: index,
                    negated: rule.negated,
                    types: rule.types ? typeMask(...rule.types) : 0,
                });
            }
            if (filter.rules.length > 0 && this.positives[index] === 0)
                this.onlyExclusions.push(index);
        });
        this.hits = new Int32Array(filters.length);
        this.stamp = new Int32Array(filters.length);
        this.excluded = new Int32Array(filters.length);
    }
    get patternCount() {
        return this.tests.length;
    }
    index(pattern, id) {
        const scan = (0,glob/* scanGlob */.gG)(pattern);
        if (pattern.includes('\\')) {
            this.add('', undefined, id);
            return;
        }
        if (!scan.isGlob) {
            this.addSelf(scan.base, id);
            return;
        }
        // A file can match only if its extension equals the one the last segment fixes (`*.ts`, `schema.graphql`).
        const lastSegment = scan.glob.slice(scan.glob.lastIndexOf('/') + 1);
        const starExtension = STAR_EXTENSION.exec(lastSegment)?.[1];
        const extension = starExtension !== undefined
            ? extensionOf(`x.${starExtension}`)
            : LITERAL.test(lastSegment)
                ? extensionOf(lastSegment)
                : undefined;
        this.add(scan.base, extension, id);
    }
    addSelf(path, id) {
        const list = this.self.get(path) ?? [];
        list.push(id);
        this.self.set(path, list);
    }
    add(base, extension, id) {
        if (base !== '')
            this.addSelf(base, id);
        let bucket = this.buckets.get(base);
        if (!bucket) {
            bucket = { byExtension: new Map(), any: [] };
            this.buckets.set(base, bucket);
        }
        if (extension === undefined)
            bucket.any.push(id);
        else {
            const list = bucket.byExtension.get(extension) ?? [];
            list.push(id);
            bucket.byExtension.set(extension, list);
        }
    }
    /**
     * The candidates for every file in one directory: the buckets of the directory and all its
     * ancestors merged, computed once per directory (a diff's files share few directories).
     */
    forDirectory(dir) {
        let merged = this.directories.get(dir);
        if (merged)
            return merged;
        merged = { byExtension: new Map(), any: [] };
        for (const [path, ids] of this.self) {
            const slash = path.lastIndexOf('/');
            if ((slash === -1 ? '' : path.slice(0, slash)) !== dir)
                continue;
            merged.self ??= new Map();
            merged.self.set(path.slice(slash + 1), ids);
        }
        const buckets = [this.buckets.get('')];
        for (let slash = dir.indexOf('/'); slash !== -1; slash = dir.indexOf('/', slash + 1))
            buckets.push(this.buckets.get(dir.slice(0, slash)));
        if (dir !== '')
            buckets.push(this.buckets.get(dir));
        for (const bucket of buckets) {
            if (!bucket)
                continue;
            merged.any.push(...bucket.any);
            for (const [extension, ids] of bucket.byExtension)
                merged.byExtension.set(extension, [...(merged.byExtension.get(extension) ?? []), ...ids]);
        }
        this.directories.set(dir, merged);
        return merged;
    }
    /** Run the candidate patterns on one entry, counting hits and exclusions per filter. */
    test(entry, ids, generation) {
        for (const id of ids) {
            if (!this.tests[id](entry.path))
                continue;
            for (const ref of this.refs[id]) {
                if (ref.types !== 0 && (ref.types & entry.types) === 0)
                    continue;
                if (this.stamp[ref.filter] !== generation) {
                    this.stamp[ref.filter] = generation;
                    this.hits[ref.filter] = 0;
                    this.excluded[ref.filter] = 0;
                    this.touched.push(ref.filter);
                }
                if (ref.negated)
                    this.excluded[ref.filter] = 1;
                else
                    this.hits[ref.filter] += 1;
            }
        }
    }
    /**
     * For each entry, the filters that select it: positive patterns (every file when a filter has
     * none) minus `!` patterns, in any order. With `every`, all positive patterns must match (dorny's
     * documented meaning). A rule limited to change types counts only for entries of those types.
     */
    match(entries) {
        const selected = this.filters.map(() => []);
        // git lists paths sorted, so neighbours mostly share a directory: reuse its candidates.
        let lastDirectory = '';
        let last;
        for (const entry of entries) {
            const generation = ++this.generation;
            this.touched.length = 0;
            const path = entry.path;
            const slash = path.lastIndexOf('/');
            const length = slash === -1 ? 0 : slash;
            if (!last || length !== lastDirectory.length || !path.startsWith(lastDirectory)) {
                lastDirectory = path.slice(0, length);
                last = this.forDirectory(lastDirectory);
            }
            const directory = last;
            const dot = path.lastIndexOf('.');
            this.test(entry, directory.any, generation);
            const byExtension = directory.byExtension.get(dot > slash ? path.slice(dot + 1) : '');
            if (byExtension)
                this.test(entry, byExtension, generation);
            const self = directory.self?.get(path.slice(slash + 1));
            if (self)
                this.test(entry, self, generation);
            for (const filter of this.onlyExclusions) {
                if (this.stamp[filter] !== generation)
                    selected[filter].push(entry.path);
            }
            for (const filter of this.touched) {
                if (this.excluded[filter])
                    continue;
                const positives = this.positives[filter];
                const hits = this.hits[filter];
                const ok = positives === 0 || (this.quantifier === 'every' ? hits >= positives : hits > 0);
                if (ok)
                    selected[filter].push(entry.path);
            }
        }
        return selected;
    }
}

;// CONCATENATED MODULE: ./src/changes/config.ts





function readConfig(inputs, runtime, workspace) {
    const token = inputs.optional(INPUT.token);
    if (token)
        runtime.setSecret(token);
    const dir = inputs.optional(INPUT.workingDirectory);
    const workingDirectory = dir ? (0,external_node_path_.resolve)(workspace, dir) : workspace;
    if (!(0,external_node_fs_.existsSync)(workingDirectory) || !(0,external_node_fs_.statSync)(workingDirectory).isDirectory()) {
        throw errors/* ConfigurationError */.j1.forInput(INPUT.workingDirectory, dir ?? workingDirectory, 'an existing directory (relative to the workspace)');
    }
    const filters = inputs.required(INPUT.filters);
    let filtersText = filters;
    let filtersSource = `'${INPUT.filters}' input`;
    let filtersFromFile = false;
    // dorny/paths-filter's rule: one line without ':' is a path to a YAML file.
    if (!filters.includes('\n') && !filters.includes(':')) {
        filtersText = readFiltersFile(filters, workingDirectory, workspace);
        filtersSource = filters;
        filtersFromFile = true;
    }
    return {
        filtersText,
        filtersSource,
        filtersFromFile,
        base: inputs.optional(INPUT.base),
        ref: inputs.optional(INPUT.ref),
        workingDirectory,
        listFiles: inputs.oneOf(INPUT.listFiles, LIST_FORMATS, 'none'),
        quantifier: inputs.oneOf(INPUT.predicateQuantifier, QUANTIFIERS, 'some'),
        token,
        initialFetchDepth: inputs.integer(INPUT.initialFetchDepth, { min: 1, max: 1_000_000, fallback: 100 }),
        allowTruncated: inputs.boolean(INPUT.allowTruncated, false),
        workspaces: inputs.boolean(INPUT.workspaces, false),
        globalFiles: inputs.lines(INPUT.globalFiles).map((given) => {
            const pattern = normalizePattern(given);
            try {
                return { pattern, test: compileTest(pattern) };
            }
            catch {
                throw errors/* ConfigurationError */.j1.forInput(INPUT.globalFiles, given, 'glob patterns, one per line');
            }
        }),
    };
}
/**
 * The filters file, which must be a regular file inside the workspace once every symbolic link is
 * resolved: the input may come from a workflow run on a pull request, and the file's content ends
 * up in outputs and errors. Absolute paths and `..` are refused before the disk is touched.
 */
function readFiltersFile(given, workingDirectory, workspace) {
    const expected = 'the path of a YAML file inside the workspace, relative to working-directory';
    const refuse = (why) => {
        throw errors/* ConfigurationError */.j1.forInput(INPUT.filters, given, `${expected} (${why})`);
    };
    if ((0,external_node_path_.isAbsolute)(given) || /^[A-Za-z]:/.test(given))
        refuse('an absolute path');
    if (given.split(/[\\/]/).includes('..'))
        refuse("'..' is not allowed");
    const file = (0,external_node_path_.resolve)(workingDirectory, given);
    if (!(0,external_node_fs_.existsSync)(file) || !(0,external_node_fs_.statSync)(file).isFile())
        refuse('no such file');
    const root = (0,external_node_fs_.realpathSync)(workspace);
    const real = (0,external_node_fs_.realpathSync)(file);
    const rel = (0,external_node_path_.relative)(root, real);
    if (rel === '' || rel === '..' || rel.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(rel))
        refuse('it resolves outside the workspace through a symbolic link');
    return (0,external_node_fs_.readFileSync)(real, 'utf8');
}

// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
;// CONCATENATED MODULE: ./src/changes/event.ts

/** The payload is read here, for every event: a bad one is the context's ConfigurationError. */
function eventContext(github) {
    return {
        name: github.eventName,
        payload: github.payload,
        sha: github.sha,
        ref: github.ref,
        repository: github.repository,
        apiUrl: github.apiUrl,
        workflowFile: github.workflowFile,
    };
}
const PULL_REQUEST_EVENTS = new Set([
    'pull_request',
    'pull_request_target',
    'pull_request_review',
    'pull_request_review_comment',
]);

;// CONCATENATED MODULE: ./src/changes/history.ts




/** git diff as the action reads it: raw names (-z), every path root-relative, submodules included, no user diff drivers. */
const DIFF = [
    'diff',
    '--no-ext-diff',
    '--no-textconv',
    '--no-relative',
    '--ignore-submodules=none',
    '--name-status',
    '-z',
    '--find-renames',
];
/**
 * How far history is grown per round: depth d, then 16d, 256d, … (one fetch per round). A round is
 * commits and trees only (no blobs), so a deep round costs little next to a round trip, and a
 * branch 1,000 commits from its base is found in the second round.
 */
const DEEPEN_FACTOR = 16;
const MAX_ROUNDS = 4;
const HEX_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
const SHORT_SHA = /^[0-9a-f]{7,63}$/i;
/**
 * git cannot reach the remote at all (no credentials in the checkout, a network failure): unlike a
 * refused SHA, this says nothing about whether a commit is gone, so it is never read as a force push.
 */
class RemoteUnreachableError extends Error {
    remote;
    detail;
    name = 'RemoteUnreachableError';
    constructor(remote, 
    /** git's own message for the failed fetch, without credentials. */
    detail) {
        super(`git cannot fetch from the remote '${remote}' (${detail})`);
        this.remote = remote;
        this.detail = detail;
    }
}
/** The last line git printed that says something, with any user:password@ taken out of URLs. */
function gitMessage(stderr) {
    const lines = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const line = lines.findLast((l) => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? 'no message';
    return line.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1');
}
/**
 * The local checkout's history, grown only as far as an answer needs. actions/checkout leaves one
 * commit with no parents; every question here (is this commit here, where do two lines meet, which
 * tag came before) fetches by SHA, without file contents, deepening geometrically.
 */
class History {
    git;
    initialDepth;
    remote;
    depth = 0;
    /** Whether the clone was shallow when first asked: it decides how every fetch is made. */
    shallowClone;
    /** Whether the remote answers at all, asked once, after the first failed fetch. */
    reachable;
    constructor(git, initialDepth, remote = 'origin') {
        this.git = git;
        this.initialDepth = initialDepth;
        this.remote = remote;
    }
    async hasRemote() {
        return this.git.succeeds(['remote', 'get-url', this.remote]);
    }
    async isShallow() {
        return (await this.git.text(['rev-parse', '--is-shallow-repository'])) === 'true';
    }
    /** The commit a name resolves to locally, or undefined. */
    async resolve(name) {
        const result = await this.git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${name}^{commit}`], {
            okCodes: [1, 128],
        });
        return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
    }
    async hasCommit(sha) {
        return (await this.resolve(sha)) === sha.toLowerCase();
    }
    /**
     * One fetch without tags; returns false when the remote refused (e.g. an unknown SHA). In a
     * shallow clone (CI) it is blob-less and depth-limited; a complete clone (a laptop) gets whole
     * history, so the action never turns it shallow or partial. A remote that does not answer at all
     * (no credentials, no network) is a RemoteUnreachableError, never a `false`.
     */
    async fetch(wants, depth = {}) {
        const args = [
            'fetch',
            '--no-tags',
            '--no-write-fetch-head',
            '--no-recurse-submodules',
            '--no-auto-maintenance',
            '--quiet',
        ];
        this.shallowClone ??= await this.isShallow();
        if (this.shallowClone) {
            args.push('--filter=blob:none');
            if (depth.depth)
                args.push(`--depth=${depth.depth}`);
            if (depth.deepen)
                args.push(`--deepen=${depth.deepen}`);
        }
        const result = await this.git.run([...args, this.remote, ...wants], { okCodes: [1, 128] });
        if (result.code === 0)
            return true;
        if (!(await this.remoteAnswers()))
            throw new RemoteUnreachableError(this.remote, gitMessage(result.stderr));
        return false;
    }
    /** One `ls-remote` (no objects): a failed fetch then means "not there", or "cannot reach". */
    async remoteAnswers() {
        this.reachable ??= await this.git.succeeds(['ls-remote', '--quiet', this.remote, 'HEAD']);
        return this.reachable;
    }
    /** Make sure each commit is present (one fetch for all that are missing), history depth 1. */
    async ensureCommits(shas) {
        const missing = [];
        for (const sha of shas)
            if (!(await this.hasCommit(sha)))
                missing.push(sha);
        if (missing.length === 0)
            return [];
        if (await this.fetch(missing, { depth: 1 }))
            return [];
        // One of them is gone from the remote: find out which.
        const gone = [];
        for (const sha of missing)
            if (!(await this.fetch([sha], { depth: 1 })))
                gone.push(sha);
        return gone;
    }
    /**
     * Fetch `wants` with history until `answer` returns a value: depth d, then DEEPEN_FACTOR (16)
     * times deeper per round, at most MAX_ROUNDS rounds and then the whole history. Returns undefined
     * when the full history holds no answer.
     */
    async deepenUntil(wants, answer) {
        const first = await answer();
        if (first !== undefined)
            return first;
        if (!(await this.isShallow())) {
            // Complete history: one fetch of whatever is missing, and the answer is final.
            if (await this.hasRemote())
                await this.fetch(wants);
            return answer();
        }
        for (let round = 0; round < MAX_ROUNDS; round++) {
            if (this.depth > 0 && !(await this.isShallow()))
                return undefined;
            const next = this.depth === 0 ? this.initialDepth : this.depth * DEEPEN_FACTOR;
            const ok = this.depth === 0
                ? await this.fetch(wants, { depth: next })
                : await this.fetch(wants, { deepen: next - this.depth });
            if (!ok)
                throw new src_git/* GitError */.XS(['fetch', this.remote, ...wants], 128, 'the remote refused the fetch');
            this.depth = next;
            const found = await answer();
            if (found !== undefined)
                return found;
        }
        if (await this.isShallow()) {
            await this.git.run([
                'fetch',
                '--no-tags',
                '--no-write-fetch-head',
                '--no-auto-maintenance',
                '--filter=blob:none',
                '--quiet',
                '--unshallow',
                this.remote,
                ...wants,
            ]);
        }
        return answer();
    }
    /** The merge-base, or undefined while there is none in the history at hand (or a commit is missing). */
    async mergeBase(a, b) {
        const result = await this.git.run(['merge-base', a, b], { okCodes: [1, 128] });
        return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
    }
    /** The merge-base of base and head, fetching history from the remote as needed. */
    async findMergeBase(base, head) {
        return this.deepenUntil([base, head], () => this.mergeBase(base, head));
    }
    /**
     * The merge-base of head and a branch of the remote that is not here: the branch's tip is fetched
     * in the same rounds as the history, not in a fetch of its own.
     */
    async findMergeBaseWithBranch(branch, head) {
        const local = `refs/remotes/${this.remote}/${branch}`;
        let tip;
        const mergeBase = await this.deepenUntil([`+refs/heads/${branch}:${local}`, head], async () => {
            tip = await this.resolve(local);
            return tip ? this.mergeBase(tip, head) : undefined;
        });
        return tip && mergeBase ? { tip, mergeBase } : undefined;
    }
    /** A commit's parents as its object records them (shallow grafts hide them from rev-list). */
    async parents(sha) {
        const body = await this.git.text(['cat-file', 'commit', sha]);
        const parents = [];
        for (const line of body.split('\n')) {
            if (line === '')
                break;
            if (line.startsWith('parent '))
                parents.push(line.slice('parent '.length));
        }
        return parents;
    }
    /** The remote's default branch (for payloads that do not name it, such as schedule). */
    async remoteDefaultBranch() {
        const result = await this.git.run(['ls-remote', '--symref', this.remote, 'HEAD'], {
            okCodes: [1, 2, 128],
        });
        const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(result.stdout.toString('utf8'));
        return match?.[1];
    }
    /** The nearest tag reachable from head's parent, fetching tags and history as needed. */
    async previousTag(head) {
        const wants = ['+refs/tags/*:refs/tags/*', head];
        const describe = async () => {
            const result = await this.git.run(['describe', '--tags', '--abbrev=0', `${head}^`], { okCodes: [128] });
            return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
        };
        if ((await this.parents(head)).length === 0)
            return undefined;
        const tag = await this.deepenUntil(wants, describe);
        if (!tag)
            return undefined;
        return { tag, sha: (await this.resolve(`refs/tags/${tag}`)) };
    }
    emptyTree(head) {
        return head.length === 64 ? EMPTY_TREE_SHA256 : EMPTY_TREE_SHA1;
    }
    /** Committed changes from base to head (two-dot), renames and copies detected. */
    async diff(base, head) {
        const output = await this.git.run([...DIFF, '--find-copies', base, head, '--']);
        return parseNameStatus(output.stdout);
    }
    /** Uncommitted changes against HEAD: tracked changes plus untracked files (as added). */
    async diffWorkingTree() {
        const tracked = await this.git.run([...DIFF, 'HEAD', '--']);
        const untracked = await this.git.run(['ls-files', '--others', '--exclude-standard', '-z', '--full-name']);
        return [
            ...parseNameStatus(tracked.stdout),
            ...(0,src_git/* splitNul */.K5)(untracked.stdout).map((bytes) => ({ status: 'added', path: decodePath(bytes) })),
        ];
    }
}

;// CONCATENATED MODULE: ./src/changes/resolve.ts





const REF_NAME = /^(?!-)(?!.*\.\.)[^\s~^:?*[\\\u0000-\u001f\u007f]+$/;
const resolve_short = (sha) => sha.slice(0, 12);
/** Decide base and head from the inputs, or from the event when no base is given. */
async function resolveComparison(event, history, options) {
    const head = options.ref
        ? await resolveName(history, options.ref, options.refInput)
        : await checkedOut(event, history, options);
    const step = { event, history, options, head };
    const base = options.base;
    if (base === 'HEAD')
        return { base: head, head, mode: 'working-tree', reason: 'base HEAD: uncommitted changes' };
    if (base === LAST_SUCCESS)
        return (await sinceLastSuccess(step)) ?? fromEvent(step);
    if (base)
        return fromBaseInput(step, base);
    return fromEvent(step);
}
/** The checked-out commit, or the event's SHA when the checkout has none. */
async function checkedOut(event, history, options) {
    const local = await history.resolve('HEAD');
    if (local)
        return local;
    if (!event.sha)
        throw new errors/* ConfigurationError */.j1(`The checkout has no commit; give the '${options.refInput}' input or check out the repository first.`);
    return resolveName(history, event.sha, options.refInput);
}
/** `base: last-success`: undefined (with a warning) when the event's default base applies instead. */
async function sinceLastSuccess({ event, history, options, head }) {
    const branch = (0,context/* branchOf */.W0)(event.ref) ?? event.payload.workflow_run?.head_branch ?? '';
    if (!branch) {
        options.warn(`'${options.baseInput}: ${LAST_SUCCESS}' needs a branch, and ${event.ref || 'this event'} is none; using the event's default base.`);
        return undefined;
    }
    const sha = await options.lastSuccess(branch);
    if (!sha) {
        options.warn(`No successful run of this workflow on '${branch}' yet; using the event's default base.`);
        return undefined;
    }
    if ((await history.ensureCommits([sha])).length > 0) {
        options.warn(`The last successful run's commit ${resolve_short(sha)} is gone from the remote; using the event's default base.`);
        return undefined;
    }
    return { base: sha, head, mode: 'commits', reason: `last successful run on ${branch} (${resolve_short(sha)})` };
}
/** `base:` a branch (merge-base; on a push to that branch, the push), a tag, or a SHA. */
async function fromBaseInput(step, base) {
    const { event, history, options, head } = step;
    if (event.name === 'push' && base === (0,context/* branchOf */.W0)(event.ref) && !SHORT_SHA.test(base))
        return fromPush(step, base);
    const baseSha = await resolveName(history, base, options.baseInput);
    if (HEX_SHA.test(base) || SHORT_SHA.test(base))
        return { base: baseSha, head, mode: 'commits', reason: `base ${resolve_short(baseSha)}` };
    return mergeBaseWith(step, baseSha, `base ${base}`);
}
/** No `base` input: what the event says. */
async function fromEvent(step) {
    const { event } = step;
    const payload = event.payload;
    if (PULL_REQUEST_EVENTS.has(event.name) && payload.pull_request)
        return fromPullRequest(step, payload.pull_request);
    if (event.name === 'merge_group' && payload.merge_group)
        return fromMergeGroup(step, payload.merge_group);
    if (event.name === 'push')
        return fromPush(step);
    const branch = (0,context/* branchOf */.W0)(event.ref) ?? payload.workflow_run?.head_branch;
    if ((0,context/* tagOf */.cO)(event.ref))
        return sinceTag(step);
    return sinceDefaultBranch(step, branch, event.name || 'no event');
}
async function fromPullRequest(step, pr) {
    const { history, options } = step;
    const prHead = payloadSha(pr.head.sha, 'pull_request.head.sha');
    const at = { ...step, head: await pullRequestHead(step, prHead) };
    const baseSha = payloadSha(pr.base.sha, 'pull_request.base.sha');
    const why = `pull request #${pr.number} into ${pr.base.ref}`;
    try {
        return await mergeBaseWith(at, baseSha, why);
    }
    catch (error) {
        // The base branch was force-pushed since the event: its old tip can no longer be fetched.
        if (!(error instanceof src_git/* GitError */.XS) || (await history.ensureCommits([baseSha])).length === 0)
            throw error;
        options.warn(`The pull request's base commit ${resolve_short(baseSha)} is gone from the remote (force push to ${pr.base.ref}?); comparing with the current ${pr.base.ref}.`);
        return mergeBaseWith(at, await resolveName(history, pr.base.ref, options.baseInput), why);
    }
}
/**
 * The head a pull request compares: the checkout (the merge commit or the head SHA), or, when the
 * checkout is neither (pull_request_target and some workflows check out the base branch), the
 * pull request's head, fetched.
 */
async function pullRequestHead({ history, options, head }, prHead) {
    if (options.ref || head === prHead || (await history.parents(head)).includes(prHead))
        return head;
    if ((await history.ensureCommits([prHead])).length > 0)
        throw new Error(`the pull request head ${prHead} cannot be fetched`);
    return prHead;
}
async function fromMergeGroup({ history, head }, group) {
    payloadSha(group.base_sha, 'merge_group.base_sha');
    const gone = await history.ensureCommits([group.base_sha]);
    if (gone.length)
        throw new Error(`merge group base ${group.base_sha} cannot be fetched from the remote`);
    return {
        base: group.base_sha,
        head,
        mode: 'commits',
        reason: `merge group: ${resolve_short(group.base_sha)}..${resolve_short(head)}`,
    };
}
/**
 * A push, as dorny/paths-filter compares it: to the base branch itself (`base`, or the default
 * branch), `before..after`; to any other branch, the merge-base with the base branch, so a
 * branch's second push still reports everything the branch changed since it left the base (its
 * first pipeline may have failed).
 */
async function fromPush(step, baseBranch) {
    const { event, history, options, head } = step;
    const payload = event.payload;
    if ((0,context/* tagOf */.cO)(payload.ref ?? event.ref))
        return sinceTag(step);
    const branch = (0,context/* branchOf */.W0)(payload.ref ?? event.ref);
    if (payload.deleted)
        return { base: head, head, mode: 'nothing', reason: `push deleted ${branch ?? 'the ref'}` };
    const target = baseBranch ?? (await defaultBranch(step));
    const what = baseBranch === undefined ? 'the default branch' : 'the base branch';
    if (branch !== undefined && branch !== target)
        return mergeBaseWithBranch(step, target, `push to ${branch}, compared with ${what} ${target}`);
    const before = payload.before ?? '';
    if (before === '' || ZERO_SHA.test(before)) {
        return {
            base: history.emptyTree(head),
            head,
            mode: 'all-files',
            reason: `initial push to ${target}: every file is added`,
        };
    }
    const gone = await history.ensureCommits([before]);
    if (gone.length === 0)
        return { base: before, head, mode: 'commits', reason: `push: ${resolve_short(before)}..${resolve_short(head)}` };
    options.warn(`The push's 'before' commit ${resolve_short(before)} is gone from the remote (force push); comparing with the first parent instead.`);
    return firstParent(step, `force push to ${branch ?? event.ref}`, target);
}
async function sinceTag({ event, history, head }) {
    const tag = (0,context/* tagOf */.cO)(event.payload.ref ?? event.ref) ?? '';
    const previous = await history.previousTag(head);
    if (!previous) {
        return {
            base: history.emptyTree(head),
            head,
            mode: 'all-files',
            reason: `tag ${tag}: no earlier tag, every file is added`,
        };
    }
    return {
        base: previous.sha,
        head,
        mode: 'commits',
        reason: `tag ${tag}: since the previous tag ${previous.tag}`,
    };
}
/** Dispatch, schedule and the like: the first parent on the default branch, the merge-base elsewhere. */
async function sinceDefaultBranch(step, branch, why) {
    const main = await defaultBranch(step);
    if (branch === main)
        return firstParent(step, why, `the default branch ${main}`);
    return mergeBaseWithBranch(step, main, `${why}, compared with the default branch ${main}`);
}
async function defaultBranch({ event, history }) {
    const name = event.payload.repository?.default_branch ?? (await history.remoteDefaultBranch());
    if (!name)
        throw new errors/* ConfigurationError */.j1(`Cannot tell the repository's default branch (event ${event.name}); give the 'base' input.`);
    return name;
}
async function firstParent({ history, head }, why, branch) {
    const parent = (await history.parents(head))[0];
    if (!parent)
        return {
            base: history.emptyTree(head),
            head,
            mode: 'all-files',
            reason: `${why}: first commit, every file is added`,
        };
    await history.ensureCommits([parent]);
    return { base: parent, head, mode: 'commits', reason: `${why}: first parent on ${branch}` };
}
async function mergeBaseWith({ history, options, head }, base, why) {
    const mergeBase = await history.findMergeBase(base, head);
    if (!mergeBase) {
        options.warn(`${why}: ${resolve_short(base)} and ${resolve_short(head)} share no history; comparing the two commits directly.`);
        return { base, head, mode: 'commits', reason: `${why} (no common history)` };
    }
    return {
        base: mergeBase,
        head,
        mode: 'commits',
        reason: `${why}: merge-base of ${resolve_short(base)} and ${resolve_short(head)}`,
    };
}
/**
 * The merge-base with a branch of the remote that is not here (the default branch, in a checkout
 * of another branch): its tip comes with the first round of history, not in a fetch of its own, so
 * a branch 1,000 commits away costs at most two rounds.
 */
async function mergeBaseWithBranch(step, branch, why) {
    const { history, options, head } = step;
    if (REF_NAME.test(branch) && !(await history.resolve(branch)) && (await history.hasRemote())) {
        const found = await history.findMergeBaseWithBranch(branch, head).catch((error) => {
            if (error instanceof src_git/* GitError */.XS)
                return undefined;
            throw error;
        });
        if (found)
            return {
                base: found.mergeBase,
                head,
                mode: 'commits',
                reason: `${why}: merge-base of ${resolve_short(found.tip)} and ${resolve_short(head)}`,
            };
    }
    return mergeBaseWith(step, await resolveName(history, branch, options.baseInput), why);
}
/** A SHA from the event payload; anything else means the payload is not GitHub's. */
function payloadSha(value, field) {
    if (!value || !HEX_SHA.test(value))
        throw new Error(`The event payload's ${field} is not a commit SHA: ${JSON.stringify(value)}`);
    return value.toLowerCase();
}
/** A branch, tag or SHA (short or long) as a commit, fetched from origin when it is not here. */
async function resolveName(history, name, input) {
    if (!REF_NAME.test(name))
        throw errors/* ConfigurationError */.j1.forInput(input, name, 'a branch, tag or commit SHA');
    if (HEX_SHA.test(name)) {
        const sha = name.toLowerCase();
        if ((await history.hasCommit(sha)) || (await history.ensureCommits([sha])).length === 0)
            return sha;
        throw errors/* ConfigurationError */.j1.forInput(input, name, 'a commit that exists in the repository (it is not on the remote)');
    }
    const local = await history.resolve(name);
    if (local)
        return local;
    if (await history.hasRemote()) {
        if (SHORT_SHA.test(name)) {
            const head = await history.resolve('HEAD');
            const found = head ? await history.deepenUntil([head], () => history.resolve(name)) : undefined;
            if (found)
                return found;
        }
        for (const [refspec, local] of [
            [`+refs/heads/${name}:refs/remotes/origin/${name}`, `refs/remotes/origin/${name}`],
            [`+refs/tags/${name}:refs/tags/${name}`, `refs/tags/${name}`],
        ]) {
            if (await history.fetch([refspec], { depth: 1 })) {
                const sha = await history.resolve(local);
                if (sha)
                    return sha;
            }
        }
    }
    throw errors/* ConfigurationError */.j1.forInput(input, name, 'a branch, tag or commit SHA that exists locally or on the remote');
}

;// CONCATENATED MODULE: ./src/changes/detect.ts





const justRun = (_name, run) => run();
/**
 * What changed for this event and these inputs, and what was compared: from the checkout's git
 * (history fetched as needed); from the pull request files API when there is no checkout, or when
 * git cannot fetch (a checkout without credentials). The whole chain the action runs, for the
 * adapter and the tests alike.
 */
async function detectChanges(git, event, options) {
    const stage = options.stage ?? justRun;
    const gitCounts = options.gitCounts ?? (() => ({}));
    const fromApi = (source, fields = {}) => stage('api', source, (r) => ({ files: r.changes.length, truncated: r.truncated, ...fields }));
    if (!(await git.succeeds(['rev-parse', '--is-inside-work-tree']))) {
        const { comparison, changes } = await fromApi(() => withoutCheckout(event, options));
        return { comparison, changes, fromGit: false };
    }
    const history = new History(git, options.initialFetchDepth);
    try {
        const comparison = await stage('resolve', () => resolveComparison(event, history, {
            base: options.base,
            ref: options.ref,
            baseInput: INPUT.base,
            refInput: INPUT.ref,
            warn: options.warn,
            lastSuccess: options.lastSuccess,
        }), (c) => ({ mode: c.mode, base: c.base, head: c.head, reason: c.reason, ...gitCounts() }));
        const changes = await stage('diff', () => diff(history, comparison), (c) => ({ files: c.length, ...gitCounts() }));
        return { comparison, changes, fromGit: true };
    }
    catch (error) {
        if (!(error instanceof RemoteUnreachableError))
            throw error;
        const { comparison, changes } = await fromApi(() => withoutFetch(event, options, error), {
            fallback: 'git fetch failed',
        });
        return { comparison, changes, fromGit: false };
    }
}
async function diff(history, comparison) {
    if (comparison.mode === 'nothing')
        return [];
    if (comparison.mode === 'working-tree')
        return history.diffWorkingTree();
    return history.diff(comparison.base, comparison.head);
}
/** No checkout: only a pull request can be answered, from the API. */
async function withoutCheckout(event, options) {
    const pr = event.payload.pull_request;
    if (!PULL_REQUEST_EVENTS.has(event.name) || !pr) {
        throw new errors/* ConfigurationError */.j1(`${options.workingDirectory} is not a git checkout, and a '${event.name || 'non-pull-request'}' event can only be answered from one: add actions/checkout before this step (or set '${INPUT.workingDirectory}').`);
    }
    const files = await options.pullRequestFiles(pr.number, pr.changed_files);
    return fromPullFiles(pr, files, options, 'check out the repository (actions/checkout)');
}
/**
 * The checkout is there but git cannot fetch the history it lacks (a checkout made with
 * `persist-credentials: false` of a private repository, or no network to the server). A pull
 * request can still be answered from the API, with a notice; anything else is an error that says
 * what failed and what fixes it.
 */
async function withoutFetch(event, options, failure) {
    const fixGit = `let git fetch (actions/checkout keeps its credentials with 'persist-credentials: true', its default) or check out the history the comparison needs ('fetch-depth: 0')`;
    const pr = event.payload.pull_request;
    if (!PULL_REQUEST_EVENTS.has(event.name) || !pr)
        throw new errors/* ConfigurationError */.j1(`Cannot compare: ${failure.message}. To fix it, ${fixGit}.`);
    if (options.needsHistory)
        throw new errors/* ConfigurationError */.j1(`Input '${INPUT.workspaces}: true' reads the packages at the base commit, which is not in the checkout: ${failure.message}. To fix it, ${fixGit}.`);
    options.notice(`${failure.message}; using pull request #${pr.number}'s files from the GitHub API instead.`);
    let files;
    try {
        files = await options.pullRequestFiles(pr.number, pr.changed_files);
    }
    catch (error) {
        const why = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
        throw new errors/* ConfigurationError */.j1(`Cannot tell what pull request #${pr.number} changed: ${failure.message}, and the GitHub API fallback failed: ${why}. To fix it, ${fixGit}; or give the '${INPUT.token}' input a token that can read the pull request ('pull-requests: read').`);
    }
    return fromPullFiles(pr, files, options, fixGit);
}
/** The API's list, refused when GitHub cut it (3,000 files) unless allow-truncated. */
function fromPullFiles(pr, files, options, exactAnswer) {
    if (options.base || options.ref)
        options.warn(`Without the pull request's history its own files are used; '${INPUT.base}' and '${INPUT.ref}' are ignored.`);
    if (files.truncated) {
        const message = `The pull request changes ${files.expected} files but the GitHub API returns only ${files.files.length}: filters may miss changes. To get an exact answer, ${exactAnswer}; or set '${INPUT.allowTruncated}: true' to accept a partial list.`;
        if (!options.allowTruncated)
            throw new errors/* ConfigurationError */.j1(message);
        options.warn(message);
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

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/changes/outputs.ts
/**
 * Filter names become output names. Any YAML key is a filter name, as in dorny/paths-filter
 * (`services/api`, read as `steps.changes.outputs['services/api']`), but the runner reads the
 * output file line by line as `NAME<<DELIMITER` (or `NAME=VALUE`): at the first `=` or `<<`,
 * whichever comes first, and a line ends at a line break. So a name holding a line break, an `=`
 * or a `<` (a trailing one, or two in a row, would meet the delimiter's `<<`) would cut the file
 * into other outputs or fail the step. Those characters, and the other control characters, are
 * written as `%XX` (the hex of each UTF-8 byte); every other name is used exactly as written.
 */
const UNSAFE_IN_OUTPUT_NAME = /[\u0000-\u001f\u007f=<]/g;
/** The output name of a filter: its name, with what the runner cannot carry percent-encoded. */
function outputName(filter) {
    return filter.replace(UNSAFE_IN_OUTPUT_NAME, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
/**
 * Step outputs are one case-insensitive map on the runner (`outputs.API` is `outputs.api`), so two
 * names that differ only in case are the same output: compared by this key. Each character is
 * upper-cased alone, as the runner's ordinal comparison does (`ß` stays `ß`).
 */
function outputKey(name) {
    let key = '';
    for (const c of name) {
        const upper = c.toUpperCase();
        key += upper.length === c.length ? upper : c;
    }
    return key;
}

;// CONCATENATED MODULE: ./src/changes/filters.ts







/**
 * The `filters` YAML, as dorny/paths-filter reads it: a map of filter name to a pattern, a list of
 * patterns (nested lists from aliases are flattened), or `type|type: patterns` rules. Every mistake
 * is a ConfigurationError naming the filter and the line.
 */
function parseFilters(text, source, options = {}) {
    // A filters file is read from disk: its errors name lines, never its keys or values.
    const quote = options.quoteContent ?? true;
    const shown = (value) => (quote ? ` ${JSON.stringify(value)}` : '');
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
    const lineOf = (node) => node?.range ? lineCounter.linePos(node.range[0]).line : 1;
    const where = (line) => `${source}, line ${line}`;
    if (doc.errors.length > 0) {
        const error = doc.errors[0];
        const line = error instanceof dist/* YAMLParseError */.XT && error.linePos ? error.linePos[0].line : 1;
        const detail = quote ? error.message.split('\n')[0] : `YAML error ${error.code}`;
        throw new errors/* ConfigurationError */.j1(`Invalid YAML in filters (${where(line)}): ${detail}`);
    }
    if (!(0,dist/* isMap */.jh)(doc.contents)) {
        throw new errors/* ConfigurationError */.j1(`Filters (${source}) must be a YAML map of filter name to patterns, e.g. "backend: ['api/**']"; got ${doc.contents === null ? 'nothing' : 'another kind of value'}.`);
    }
    const filters = [];
    const warnings = [];
    for (const pair of doc.contents.items) {
        const keyNode = pair.key;
        const line = lineOf(keyNode);
        const name = (0,dist/* isScalar */.jn)(keyNode) && keyNode.value !== null ? String(keyNode.value) : '';
        const fail = (problem, at = line) => {
            const which = quote ? `Filter ${shownName(name)}` : 'A filter';
            throw new errors/* ConfigurationError */.j1(`${which} (${where(at)}): ${problem}`);
        };
        if (name === '')
            fail('a filter name must be a non-empty string (it becomes an output name).');
        if (filters.some((f) => f.name === name))
            fail('defined twice.');
        const rules = [];
        const addPattern = (node, types) => {
            const at = lineOf(node);
            if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== 'string') {
                fail(`expected a glob pattern (a string), got ${describe(node, quote)}.`, at);
            }
            const raw = String(node.value);
            const negated = raw.startsWith('!');
            const pattern = normalizePattern(negated ? raw.slice(1) : raw);
            if (pattern === '')
                fail(`empty pattern${shown(raw)}.`, at);
            try {
                compilePattern(pattern);
            }
            catch (error) {
                fail(`cannot parse the glob${shown(raw)}${quote ? `: ${error.message}` : ''}.`, at);
            }
            if (pattern.endsWith('/')) {
                warnings.push(`Filter ${shownName(name)} (${where(at)}): the pattern ${JSON.stringify(raw)} names a directory and matches no file; write '${pattern}**'.`);
            }
            rules.push({ pattern, negated, types, line: at });
        };
        const addItems = (node, types) => {
            const resolved = resolveAlias(doc, node);
            if (resolved === undefined || resolved === null || ((0,dist/* isScalar */.jn)(resolved) && resolved.value === null)) {
                fail(types
                    ? 'a change-type rule has no patterns.'
                    : 'has no patterns (a null value); give a pattern or a list of patterns.', lineOf(node ?? keyNode));
            }
            const value = resolved;
            if ((0,dist/* isSeq */.oP)(value)) {
                for (const item of value.items)
                    addItems(item, types);
            }
            else if ((0,dist/* isMap */.jh)(value) && types === undefined) {
                for (const rule of value.items) {
                    const typeNode = rule.key;
                    const spec = (0,dist/* isScalar */.jn)(typeNode) ? String(typeNode.value) : '';
                    const names = spec.split('|').map((t) => t.trim());
                    const unknown = names.filter((t) => !CHANGE_TYPES.includes(t));
                    if (unknown.length > 0) {
                        fail(`unknown change type${quote ? ` ${JSON.stringify(unknown[0])} in '${spec}'` : ''}; expected ${CHANGE_TYPES.join(', ')}, joined with '|'.`, lineOf(typeNode));
                    }
                    addItems(rule.value, new Set(names));
                }
            }
            else {
                addPattern(value, types);
            }
        };
        addItems(pair.value, undefined);
        filters.push({ name, rules, line });
    }
    checkOutputNames(filters, { quote, where });
    return { filters, warnings };
}
/**
 * No two outputs may be one: the runner's outputs are case-insensitive, so `API` and `api`, a filter
 * `x_count` and filter `x`'s count, or a filter `Changes` and this action's `changes` output would
 * silently overwrite each other. Compared after encoding (see outputs.ts).
 */
function checkOutputNames(filters, { quote, where }) {
    const taken = new Map();
    for (const output of Object.values(OUTPUT))
        taken.set(outputKey(output), { output });
    for (const filter of filters) {
        const own = outputName(filter.name);
        for (const output of [own, `${own}${COUNT_SUFFIX}`, `${own}${FILES_SUFFIX}`]) {
            const key = outputKey(output);
            const other = taken.get(key);
            if (other && other.filter !== filter) {
                const which = quote ? `Filter ${shownName(filter.name)}` : 'A filter';
                const its = quote ? `its output ${shownName(output)}` : 'one of its outputs';
                const clash = other.filter
                    ? `is also an output of ${quote ? `filter ${shownName(other.filter.name)}` : 'the filter'} on line ${other.filter.line}`
                    : `is this action's own output '${other.output}'`;
                throw new errors/* ConfigurationError */.j1(`${which} (${where(filter.line)}): ${its} ${clash} (output names ignore case); rename one of them.`);
            }
            taken.set(key, { filter, output });
        }
    }
}
/** A name in a message: quoted, on one line whatever it holds. */
function shownName(name) {
    return `'${(0,runtime_text/* oneLine */.TN)(name)}'`;
}
function resolveAlias(doc, node) {
    return (0,dist/* isAlias */.Vj)(node) ? node.resolve(doc) : node;
}
function describe(node, quote) {
    if ((0,dist/* isMap */.jh)(node))
        return 'a map';
    if ((0,dist/* isSeq */.oP)(node))
        return 'a list';
    if ((0,dist/* isScalar */.jn)(node))
        return node.value === null
            ? 'null'
            : `${typeof node.value}${quote ? ` ${JSON.stringify(node.value)}` : ''}`;
    return 'something else';
}
/**
 * Literal patterns that name a directory of the checkout (`src`): they match only a file of that
 * name, so never anything under the directory. Worth a warning, like `src/`.
 */
function directoryPatternWarnings(filters, source, isDirectory) {
    const warnings = [];
    for (const filter of filters) {
        for (const rule of filter.rules) {
            if ((0,glob/* isGlob */.fg)(rule.pattern) || rule.pattern.endsWith('/') || !isDirectory(rule.pattern))
                continue;
            warnings.push(`Filter ${shownName(filter.name)} (${source}, line ${rule.line}): '${rule.pattern}' is a directory, and a pattern without a glob matches only a file of that name; write '${rule.pattern}/**'.`);
        }
    }
    return warnings;
}

;// CONCATENATED MODULE: ./src/changes/format.ts

/**
 * `<filter>_files` in dorny/paths-filter's formats, safe for any name: json is exact; csv quotes
 * as RFC 4180 does; shell and escape never let a name end a quote, start a command or continue a
 * line, and a name starting with '-' is written as './-…' so it cannot be taken for an option.
 */
function formatFiles(paths, format) {
    switch (format) {
        case 'none':
            return '';
        case 'json':
            return JSON.stringify(paths);
        case 'csv':
            return paths.map(csvField).join(',');
        case 'shell':
            return paths.map((path) => shellQuote(optionSafe(path))).join(' ');
        case 'escape':
            return paths.map((path) => backslashEscape(optionSafe(path))).join(' ');
    }
}
const SHELL_SAFE = /^[a-zA-Z0-9,._+:@%/-]+$/;
function optionSafe(path) {
    return path.startsWith('-') ? `./${path}` : path;
}
function csvField(value) {
    return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
/** Single quotes for printable names; ANSI-C $'…' (byte escapes) when a name holds control or non-UTF-8 bytes. */
function shellQuote(value) {
    if (value === '')
        return "''";
    if (SHELL_SAFE.test(value))
        return value;
    if (hasUnprintable(value))
        return ansiC(value);
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
function backslashEscape(value) {
    let out = '';
    for (const char of value) {
        if (hasUnprintable(char))
            out += ansiC(char);
        else if (/[^a-zA-Z0-9,._+:@%/-]/.test(char))
            out += `\\${char}`;
        else
            out += char;
    }
    return out;
}
function ansiC(value) {
    let out = "$'";
    for (const byte of encodePath(value)) {
        if (byte === 0x27)
            out += "\\'";
        else if (byte === 0x5c)
            out += '\\\\';
        else if (byte < 0x20 || byte >= 0x7f)
            out += `\\x${byte.toString(16).padStart(2, '0')}`;
        else
            out += String.fromCharCode(byte);
    }
    return `${out}'`;
}

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
;// CONCATENATED MODULE: ./src/changes/github.ts

/** The pull request files endpoint returns at most this many files, whatever the pull request holds. */
const PULL_FILES_LIMIT = 3000;
const PER_PAGE = 100;
const PERMISSIONS = "check the 'token' input and the job's permissions (contents: read, pull-requests: read, actions: read).";
function repo(api) {
    const [owner = '', name = ''] = api.repository.split('/');
    return { owner, repo: name };
}
/**
 * The files of a pull request, every page (Octokit follows GitHub's Link header, 100 a page, so
 * 30 requests for the 3,000 the endpoint lists at most); truncated when the API listed fewer files
 * than the pull request says it changes.
 */
async function pullRequestFiles(api, number, changedFiles) {
    try {
        const expected = changedFiles ??
            (await api.client.rest.pulls.get({ ...repo(api), pull_number: number })).data.changed_files;
        const listed = (await api.client.paginate(api.client.rest.pulls.listFiles, {
            ...repo(api),
            pull_number: number,
            per_page: PER_PAGE,
        }));
        const files = listed.map(fromPullFile);
        return { files, expected, truncated: files.length < expected };
    }
    catch (error) {
        throw (0,client/* gitHubError */.Mj)(error, PERMISSIONS);
    }
}
function fromPullFile(file) {
    switch (file.status) {
        case 'added':
            return { status: 'added', path: file.filename };
        case 'removed':
            return { status: 'deleted', path: file.filename };
        case 'renamed':
            return {
                status: 'renamed',
                path: file.filename,
                previousPath: file.previous_filename ?? file.filename,
            };
        case 'copied':
            return { status: 'copied', path: file.filename, previousPath: file.previous_filename };
        default:
            return { status: 'modified', path: file.filename };
    }
}
/** The head SHA of the newest successful run of a workflow on a branch. */
async function lastSuccessfulRun(api, workflowFile, branch) {
    try {
        const runs = await api.client.rest.actions.listWorkflowRuns({
            ...repo(api),
            workflow_id: workflowFile,
            branch,
            status: 'success',
            per_page: 1,
            exclude_pull_requests: true,
        });
        return runs.data.workflow_runs[0]?.head_sha;
    }
    catch (error) {
        throw (0,client/* gitHubError */.Mj)(error, PERMISSIONS);
    }
}

// EXTERNAL MODULE: ./src/runtime/index.ts
var runtime = __webpack_require__(1356);
;// CONCATENATED MODULE: ./src/changes/summary.ts

const SHOWN_FILES = 1000;
/** The job summary: filters with their result and count, then the changed files collapsed. */
function renderSummary(comparison, results, changes, affected) {
    const code = (text) => `\`${text.replace(/`/g, '')}\``;
    let out = `### Changes\n\n${(0,runtime/* escapeMarkdown */.FV)(comparison.reason)} (${code(comparison.base.slice(0, 12))}..${code(comparison.head.slice(0, 12))}), ${changes.length} changed file${changes.length === 1 ? '' : 's'}.\n\n`;
    out += (0,runtime/* markdownTable */.Qj)(['filter', 'changed', 'files'], results.map((r) => [
        (0,runtime/* escapeMarkdown */.FV)(r.name),
        r.files.length > 0 ? '✅ true' : 'false',
        String(r.files.length),
    ]));
    if (affected) {
        out += `\n#### Affected packages (${affected.length})\n\n`;
        out += affected.length
            ? (0,runtime/* markdownTable */.Qj)(['package', 'path', 'why'], affected.map((p) => [(0,runtime/* escapeMarkdown */.FV)(p.name), (0,runtime/* escapeMarkdown */.FV)(p.path), (0,runtime/* escapeMarkdown */.FV)(p.reason)]))
            : '_None._\n';
    }
    if (changes.length > 0) {
        const rows = changes
            .slice(0, SHOWN_FILES)
            .map((c) => [
            c.status,
            (0,runtime/* escapeMarkdown */.FV)(c.previousPath !== undefined ? `${c.previousPath} → ${c.path}` : c.path),
        ]);
        const more = changes.length > SHOWN_FILES
            ? `\n_…and ${changes.length - SHOWN_FILES} more (see the \`files\` output)._\n`
            : '';
        out += `\n${(0,runtime/* details */.zH)(`Changed files (${changes.length})`, (0,runtime/* markdownTable */.Qj)(['status', 'path'], rows) + more)}`;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/changes/trace.ts

/**
 * Counts from a GIT_TRACE2_EVENT file: one `cmd_name` event per git process. The server side of a
 * local (file://) remote runs in our process tree too; it is not ours, so it is left out.
 */
function countGitTrace(file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return undefined;
    }
    const counts = { git_processes: 0, git_fetches: 0 };
    for (const line of text.split('\n')) {
        if (!line.includes('"event":"cmd_name"'))
            continue;
        const event = JSON.parse(line);
        if (event.hierarchy?.split('/').includes('upload-pack'))
            continue;
        counts.git_processes += 1;
        if (event.name === 'fetch')
            counts.git_fetches += 1;
    }
    return counts;
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/lockfiles/errors.ts
var lockfiles_errors = __webpack_require__(6271);
// EXTERNAL MODULE: ./src/lockfiles/yarn-classic.ts
var yarn_classic = __webpack_require__(5055);
;// CONCATENATED MODULE: ./src/changes/lockfile.ts





const LOCKFILES = [
    'pnpm-lock.yaml',
    'package-lock.json',
    'npm-shrinkwrap.json',
    'yarn.lock',
    'bun.lock',
    'bun.lockb',
];
/** Parse a root lockfile; throws LockfileError saying why when it cannot be read. */
function readLockfile(file, text, manifests) {
    const body = text.replace(/^\uFEFF/, '');
    try {
        if (file === 'pnpm-lock.yaml')
            return pnpmGraph(body);
        if (file === 'package-lock.json' || file === 'npm-shrinkwrap.json')
            return npmGraph(body);
        if (file === 'yarn.lock')
            return /^__metadata:/m.test(body) ? yarnBerryGraph(body) : yarnClassicGraph(body, manifests());
    }
    catch (error) {
        if (error instanceof lockfiles_errors/* LockfileError */.g)
            throw error;
        throw new lockfiles_errors/* LockfileError */.g(`${file} cannot be parsed (${oneLine(error.message)})`);
    }
    throw new lockfiles_errors/* LockfileError */.g(`${file} is not a lockfile this action reads (npm, yarn and pnpm lockfiles are)`);
}
const DEP_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];
const IMPORTER_FIELDS = [...DEP_FIELDS, 'devDependencies'];
function oneLine(text) {
    return text.split('\n')[0].slice(0, 200);
}
function record(value) {
    return value && typeof value === 'object' && !Array.isArray(value)
        ? value
        : {};
}
function normalizeImporter(path) {
    const normal = external_node_path_.posix.normalize(path.replace(/^\.\//, '') || '.');
    return normal === '' ? '.' : normal.replace(/\/$/, '');
}
/** Depth-first closure over a node graph: node id → [identity, child ids]. */
function closureOf(starts, node) {
    const seen = new Set();
    const identities = new Set();
    const stack = [...starts];
    while (stack.length > 0) {
        const id = stack.pop();
        if (seen.has(id))
            continue;
        seen.add(id);
        const found = node(id);
        if (!found)
            continue;
        identities.add(found.identity);
        stack.push(...found.children);
    }
    return identities;
}
// ---------------------------------------------------------------------------------------- pnpm
function pnpmGraph(text) {
    const doc = record((0,dist/* parse */.qg)(text, { maxAliasCount: -1, uniqueKeys: false }));
    const version = String(doc.lockfileVersion ?? '');
    const major = Number.parseInt(version, 10);
    if (!(major >= 5 && major <= 9))
        throw new lockfiles_errors/* LockfileError */.g(`pnpm-lock.yaml has lockfileVersion ${JSON.stringify(version)}; versions 5 to 9 are read`);
    const packages = record(doc.packages);
    const snapshots = major >= 9 ? record(doc.snapshots) : packages;
    const importers = doc.importers
        ? record(doc.importers)
        : {
            '.': {
                dependencies: doc.dependencies,
                devDependencies: doc.devDependencies,
                optionalDependencies: doc.optionalDependencies,
            },
        };
    const keyFor = (name, ref) => {
        for (const key of [ref, `/${name}@${ref}`, `${name}@${ref}`, `/${name}/${ref}`])
            if (key in snapshots)
                return key;
        return undefined;
    };
    const identity = (key) => {
        const meta = major >= 9 ? record(packages[key.replace(/(?<=.)\(.*$/, '')]) : record(snapshots[key]);
        const resolution = record(meta.resolution);
        return `${key}#${String(resolution.integrity ?? resolution.tarball ?? resolution.commit ?? '')}`;
    };
    const refOf = (value) => {
        const entry = record(value);
        return typeof value === 'string' ? value : String(entry.version ?? '');
    };
    const closures = new Map();
    const links = new Map();
    for (const [importerPath, importerValue] of Object.entries(importers)) {
        const path = normalizeImporter(importerPath);
        const importer = record(importerValue);
        const starts = [];
        const linked = new Map();
        for (const field of IMPORTER_FIELDS) {
            for (const [name, value] of Object.entries(record(importer[field]))) {
                const ref = refOf(value);
                if (ref.startsWith('link:')) {
                    linked.set(name, normalizeImporter(external_node_path_.posix.join(path, ref.slice('link:'.length))));
                    continue;
                }
                const key = keyFor(name, ref);
                if (key)
                    starts.push(key);
                else
                    starts.push(`unresolved:${name}@${ref}`);
            }
        }
        links.set(path, linked);
        closures.set(path, closureOf(starts, (id) => {
            if (id.startsWith('unresolved:'))
                return { identity: id, children: [] };
            const entry = record(snapshots[id]);
            const children = [];
            for (const field of ['dependencies', 'optionalDependencies']) {
                for (const [name, value] of Object.entries(record(entry[field]))) {
                    const ref = refOf(value);
                    if (ref.startsWith('link:'))
                        continue;
                    children.push(keyFor(name, ref) ?? `unresolved:${name}@${ref}`);
                }
            }
            return { identity: identity(id), children };
        }));
    }
    return { format: `pnpm lockfile v${version}`, closures, links };
}
// ----------------------------------------------------------------------------------------- npm
function npmGraph(text) {
    const doc = record(JSON.parse(text));
    const version = Number(doc.lockfileVersion);
    if (!doc.packages || !(version >= 2))
        throw new lockfiles_errors/* LockfileError */.g(`package-lock.json has lockfileVersion ${JSON.stringify(doc.lockfileVersion)}; versions 2 and 3 (npm 7 and later) are read`);
    const packages = record(doc.packages);
    const importerKeys = Object.keys(packages).filter((key) => !/(^|\/)node_modules\//.test(key));
    /** Node's resolution: `name` from the directory `from`, walking up through node_modules. */
    const locate = (from, name) => {
        let dir = from;
        for (;;) {
            const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
            if (candidate in packages)
                return candidate;
            if (dir === '')
                return undefined;
            const up = external_node_path_.posix.dirname(dir);
            dir = up === '.' ? '' : up;
        }
    };
    const linkTarget = (key) => {
        const entry = record(packages[key]);
        return entry.link ? normalizeImporter(String(entry.resolved ?? '')) : undefined;
    };
    const closures = new Map();
    const links = new Map();
    for (const importerKey of importerKeys) {
        const path = normalizeImporter(importerKey);
        const importer = record(packages[importerKey]);
        const starts = [];
        const linked = new Map();
        for (const field of IMPORTER_FIELDS) {
            for (const name of Object.keys(record(importer[field]))) {
                const key = locate(importerKey, name);
                if (key === undefined)
                    continue; // an optional or peer dependency npm did not install
                const target = linkTarget(key);
                if (target !== undefined)
                    linked.set(name, target);
                else
                    starts.push(key);
            }
        }
        links.set(path, linked);
        closures.set(path, closureOf(starts, (key) => {
            if (linkTarget(key) !== undefined)
                return undefined;
            const entry = record(packages[key]);
            const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
            const children = [];
            for (const field of DEP_FIELDS)
                for (const dep of Object.keys(record(entry[field]))) {
                    const child = locate(key, dep);
                    if (child !== undefined)
                        children.push(child);
                }
            return {
                identity: `${name}@${String(entry.version ?? '')}#${String(entry.integrity ?? entry.resolved ?? '')}`,
                children,
            };
        }));
    }
    return { format: `npm lockfile v${version}`, closures, links };
}
// --------------------------------------------------------------------------------- yarn classic
function yarnClassicGraph(text, manifests) {
    const entries = (0,yarn_classic/* parseYarnClassic */.Y)(text);
    const ids = new Map();
    const idOf = (descriptor) => {
        const entry = entries.get(descriptor);
        if (!entry)
            return undefined;
        const known = ids.get(entry);
        if (known !== undefined)
            return known;
        ids.set(entry, descriptor);
        return descriptor;
    };
    const closures = new Map();
    for (const [path, deps] of manifests) {
        const starts = [];
        for (const [name, range] of Object.entries(deps)) {
            const id = idOf(`${name}@${range}`);
            if (id)
                starts.push(id);
        }
        closures.set(path, closureOf(starts, (id) => {
            const entry = entries.get(id);
            const nameEnd = id.lastIndexOf('@');
            const children = [];
            for (const [dep, range] of Object.entries(entry.dependencies)) {
                const child = idOf(`${dep}@${range}`);
                if (child)
                    children.push(child);
            }
            return {
                identity: `${id.slice(0, nameEnd > 0 ? nameEnd : id.length)}@${entry.version ?? ''}#${entry.integrity ?? entry.resolved ?? ''}`,
                children,
            };
        }));
    }
    return { format: 'yarn classic lockfile v1', closures, links: new Map() };
}
// ---------------------------------------------------------------------------------- yarn berry
function yarnBerryGraph(text) {
    const doc = record((0,dist/* parse */.qg)(text, { maxAliasCount: -1, uniqueKeys: false }));
    const byDescriptor = new Map();
    for (const [keys, value] of Object.entries(doc)) {
        if (keys === '__metadata')
            continue;
        for (const descriptor of keys.split(/,\s*/))
            byDescriptor.set(descriptor.trim(), record(value));
    }
    const find = (name, range) => byDescriptor.get(`${name}@${range}`) ?? byDescriptor.get(`${name}@npm:${range}`);
    const workspacePath = (entry) => {
        const resolution = String(entry.resolution ?? '');
        const at = resolution.indexOf('@workspace:', 1);
        return at > 0 ? normalizeImporter(resolution.slice(at + '@workspace:'.length)) : undefined;
    };
    const closures = new Map();
    const links = new Map();
    for (const entry of new Set(byDescriptor.values())) {
        const path = workspacePath(entry);
        if (path === undefined)
            continue;
        const linked = new Map();
        const starts = [];
        for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
            for (const [name, range] of Object.entries(record(entry[field]))) {
                const target = find(name, String(range));
                if (!target)
                    continue;
                const targetPath = workspacePath(target);
                if (targetPath !== undefined)
                    linked.set(name, targetPath);
                else
                    starts.push(target);
            }
        }
        links.set(path, linked);
        const ids = new Map();
        const idOf = (e) => {
            const known = ids.get(e);
            if (known !== undefined)
                return known;
            const id = String(ids.size);
            ids.set(e, id);
            return id;
        };
        const byId = new Map();
        const startIds = starts.map((e) => {
            const id = idOf(e);
            byId.set(id, e);
            return id;
        });
        closures.set(path, closureOf(startIds, (id) => {
            const node = byId.get(id);
            if (workspacePath(node) !== undefined)
                return undefined;
            const children = [];
            for (const field of ['dependencies', 'optionalDependencies'])
                for (const [name, range] of Object.entries(record(node[field]))) {
                    const child = find(name, String(range));
                    if (!child)
                        continue;
                    const childId = idOf(child);
                    byId.set(childId, child);
                    children.push(childId);
                }
            return { identity: `${String(node.resolution ?? '')}#${String(node.checksum ?? '')}`, children };
        }));
    }
    if (closures.size === 0)
        throw new lockfiles_errors/* LockfileError */.g('yarn.lock (berry) lists no workspace');
    return { format: `yarn berry lockfile v${String(record(doc.__metadata).version ?? '?')}`, closures, links };
}
/** What changed in a closure, for a reason line: a few `name@version` that appeared or went. */
function closureChange(before, after) {
    const added = [...after].filter((id) => !before.has(id));
    const removed = [...before].filter((id) => !after.has(id));
    if (added.length === 0 && removed.length === 0)
        return undefined;
    const label = (id) => id.replace(/#.*$/, '').replace(/^\//, '');
    const shown = [...added.map((id) => `+${label(id)}`), ...removed.map((id) => `-${label(id)}`)];
    const more = shown.length > 3 ? ` (+${shown.length - 3} more)` : '';
    return `${shown.slice(0, 3).join(', ')}${more}`;
}

;// CONCATENATED MODULE: ./src/changes/workspaces.ts







/** Files at the repository root whose change affects every package, whatever their content. */
const WORKSPACE_FILES = new Set(['pnpm-workspace.yaml']);
/** Root package.json fields that change no install: a change to them touches only the root. */
const ROOT_ONLY_FIELDS = new Set([
    'scripts',
    'packageManager',
    'name',
    'version',
    'description',
    'keywords',
    'author',
    'contributors',
    'maintainers',
    'license',
    'repository',
    'homepage',
    'bugs',
    'funding',
    'private',
    'simple-git-hooks',
    'lint-staged',
    'nano-staged',
    'commitlint',
]);
/** Root fields whose effect on installs shows in the lockfile: read from there when it is. */
const INSTALL_FIELDS = new Set([
    'dependencies',
    'devDependencies',
    'optionalDependencies',
    'peerDependencies',
    'overrides',
    'resolutions',
    'pnpm',
]);
const DEPENDENCY_FIELDS = [
    'dependencies',
    'devDependencies',
    'peerDependencies',
    'optionalDependencies',
];
const BOM = /^\uFEFF/;
function parseManifest(text) {
    const value = JSON.parse(text.replace(BOM, ''));
    if (!value || typeof value !== 'object' || Array.isArray(value))
        throw new Error('not a JSON object');
    return value;
}
function dependenciesOf(json) {
    const deps = {};
    for (const field of DEPENDENCY_FIELDS) {
        const value = json[field];
        if (!value || typeof value !== 'object')
            continue;
        for (const [name, spec] of Object.entries(value))
            if (!(name in deps))
                deps[name] = String(spec);
    }
    return deps;
}
function why(error) {
    return error.message.split('\n')[0].slice(0, 200);
}
/**
 * The workspace packages at a commit: npm/yarn `workspaces` and pnpm-workspace.yaml. A manifest
 * that cannot be read never fails the step: it is reported, and its package counts as affected.
 * When the root manifest or pnpm-workspace.yaml cannot be read, every directory holding a
 * package.json is taken for a package (more packages rather than a missed one).
 */
async function readWorkspaces(git, commit) {
    const tree = (0,src_git/* splitNul */.K5)((await git.run(['ls-tree', '-r', '-z', '--name-only', commit])).stdout).map(decodePath);
    const manifests = tree.filter((path) => path === 'package.json' || path.endsWith('/package.json'));
    const [rootJson, pnpmYaml] = await readBlobs(git, commit, ['package.json', 'pnpm-workspace.yaml']);
    const warnings = [];
    const patterns = [];
    let patternsKnown = true;
    let root;
    let rootReadable = false;
    if (rootJson !== undefined) {
        try {
            root = parseManifest(rootJson);
            patterns.push(...workspacePatterns(root.workspaces));
            rootReadable = true;
        }
        catch (error) {
            patternsKnown = false;
            warnings.push(`package.json (the root manifest) cannot be read (${why(error)}): every directory with a package.json is taken for a workspace package.`);
        }
    }
    if (pnpmYaml !== undefined) {
        try {
            const doc = (0,dist/* parse */.qg)(pnpmYaml.replace(BOM, ''));
            const list = Array.isArray(doc?.packages) ? doc.packages : [];
            patterns.push(...list.filter((p) => typeof p === 'string'));
        }
        catch (error) {
            patternsKnown = false;
            warnings.push(`pnpm-workspace.yaml cannot be read (${why(error)}): every directory with a package.json is taken for a workspace package.`);
        }
    }
    const compile = (pattern) => {
        try {
            return compileTest(trimSlash(pattern));
        }
        catch {
            warnings.push(`The workspace pattern ${JSON.stringify(pattern)} cannot be parsed; it is ignored.`);
            return () => false;
        }
    };
    const include = patterns.filter((p) => !p.startsWith('!')).map(compile);
    const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => compile(p.slice(1)));
    const dirs = manifests
        .filter((path) => path !== 'package.json')
        .map((path) => path.slice(0, -'/package.json'.length))
        .filter((dir) => !dir.split('/').includes('node_modules'))
        .filter((dir) => (patternsKnown ? include.some((m) => m(dir)) && !exclude.some((m) => m(dir)) : true));
    const texts = await readBlobs(git, commit, dirs.map((dir) => `${dir}/package.json`));
    const packages = dirs.map((dir, i) => {
        try {
            const json = parseManifest(texts[i] ?? '{}');
            return {
                name: typeof json.name === 'string' ? json.name : dir,
                path: dir,
                dependencies: dependenciesOf(json),
            };
        }
        catch (error) {
            const reason = why(error);
            warnings.push(`${dir}/package.json cannot be read (${reason}): the package is treated as affected, with whatever depends on it.`);
            return { name: dir, path: dir, dependencies: {}, unreadable: reason };
        }
    });
    packages.sort((a, b) => a.path.localeCompare(b.path));
    return { packages, root, rootReadable, rootDependencies: root ? dependenciesOf(root) : {}, warnings };
}
/**
 * npm's and yarn's `workspaces`: an array of globs, or `{packages: [...]}` (yarn classic); absent
 * is none. Any other shape is unreadable: the packages are then not known from it.
 */
function workspacePatterns(field) {
    if (field === undefined)
        return [];
    const list = Array.isArray(field) ? field : field?.packages;
    if (!Array.isArray(list) || !list.every((p) => typeof p === 'string'))
        throw new Error(`its "workspaces" is not a list of globs (nor {"packages": [...]})`);
    return list;
}
/**
 * Packages owning a changed file, packages whose resolved dependency closure changed in the
 * lockfile, then every package that depends on one of those (transitively), each with the reason
 * it is in. Packages are identified by path; each dependency is resolved to the package it links to
 * (the lockfile's own record first, then `workspace:`, `file:`, `link:`, `npm:` specs, then names).
 */
function affectedPackages(input) {
    const { head, changedPaths } = input;
    const packages = head.packages;
    const warnings = [...head.warnings];
    const rootOnly = [];
    const reasons = new Map();
    const everything = (reason) => {
        for (const pkg of packages)
            if (!reasons.has(pkg.path))
                reasons.set(pkg.path, reason);
    };
    const changed = new Set(changedPaths);
    for (const path of changedPaths) {
        const global = input.globalFiles.find((g) => g.test(path));
        if (global) {
            everything(`${path} changed (global-files: ${global.pattern})`);
            break;
        }
    }
    for (const file of WORKSPACE_FILES)
        if (changed.has(file))
            everything(`root ${file} changed`);
    // Lockfiles: the closure of each project at base and at head.
    const headGraph = new Map();
    let lockfileRead = false;
    for (const file of LOCKFILES) {
        const after = input.headLockfiles.get(file);
        const before = input.base.lockfiles.get(file);
        const graphAt = (text, side) => readLockfile(file, text, () => manifestDeps(side === 'head' ? head : (input.base.workspace ?? head), side === 'head' ? head.root : input.base.root));
        if (after !== undefined) {
            try {
                headGraph.set(file, graphAt(after, 'head'));
            }
            catch {
                // reported below when the lockfile changed; links then come from the manifests
            }
        }
        if (!changed.has(file))
            continue;
        if (after === undefined || before === undefined) {
            everything(`root ${file} ${after === undefined ? 'deleted' : 'added'}`);
            continue;
        }
        let graphs;
        try {
            graphs = [graphAt(before, 'base'), headGraph.get(file) ?? graphAt(after, 'head')];
        }
        catch (error) {
            const message = error instanceof lockfiles_errors/* LockfileError */.g ? error.message : why(error);
            warnings.push(`${message}: every package counts as affected by its change.`);
            everything(`root ${file} changed and cannot be read`);
            continue;
        }
        lockfileRead = true;
        const [old, now] = graphs;
        for (const [importer, closure] of now.closures) {
            const diff = closureChange(old.closures.get(importer) ?? new Set(), closure);
            if (diff === undefined)
                continue;
            if (importer === '.') {
                // The root's node_modules is on every package's resolution path.
                everything(`root dependencies changed in ${file}: ${diff}`);
            }
            else if (packages.some((p) => p.path === importer) && !reasons.has(importer)) {
                reasons.set(importer, `resolved dependencies changed in ${file}: ${diff}`);
            }
        }
    }
    // The root manifest: only fields that change installs reach the packages.
    if (changed.has('package.json')) {
        if (!head.rootReadable || !input.base.rootReadable || !head.root || !input.base.root) {
            everything('root package.json changed and cannot be compared');
        }
        else {
            const fields = new Set([...Object.keys(head.root), ...Object.keys(input.base.root)]);
            const differing = [...fields].filter((f) => !(0,external_node_util_.isDeepStrictEqual)(head.root[f], input.base.root[f]));
            const install = differing.filter((f) => INSTALL_FIELDS.has(f));
            const other = differing.filter((f) => !ROOT_ONLY_FIELDS.has(f) && !INSTALL_FIELDS.has(f));
            if (other.length > 0)
                everything(`root package.json changed (${other.join(', ')})`);
            else if (install.length > 0 && !lockfileRead)
                everything(`root package.json changed (${install.join(', ')}) without a lockfile change to read`);
            const only = differing.filter((f) => ROOT_ONLY_FIELDS.has(f));
            if (only.length > 0)
                rootOnly.push(`root package.json: ${only.join(', ')}`);
        }
    }
    // Files under a package: the package with the deepest directory holding the file.
    const byDepth = [...packages].sort((a, b) => b.path.length - a.path.length);
    for (const path of changedPaths) {
        const owner = byDepth.find((pkg) => path.startsWith(`${pkg.path}/`));
        if (owner && !reasons.has(owner.path))
            reasons.set(owner.path, `files changed under ${owner.path}/`);
    }
    for (const pkg of packages)
        if (pkg.unreadable && !reasons.has(pkg.path))
            reasons.set(pkg.path, `package.json cannot be read (${pkg.unreadable})`);
    // Dependents, by path.
    const links = linkGraph(head, headGraph);
    const queue = [...reasons.keys()];
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        for (const dependent of links.dependents.get(path) ?? []) {
            if (reasons.has(dependent))
                continue;
            reasons.set(dependent, `depends on ${links.label(path)}`);
            queue.push(dependent);
        }
    }
    // A package whose manifest is unreadable has an unknown name: whatever links to a workspace
    // package that cannot be found may be linking to it.
    if (packages.some((p) => p.unreadable)) {
        for (const path of links.unresolved) {
            if (reasons.has(path))
                continue;
            reasons.set(path, 'links to a workspace package that cannot be found (a package.json cannot be read)');
        }
    }
    return {
        affected: packages
            .filter((pkg) => reasons.has(pkg.path))
            .map((pkg) => ({ name: pkg.name, path: pkg.path, reason: reasons.get(pkg.path) })),
        warnings,
        rootOnly,
    };
}
/** Direct dependencies of the root ('.') and every package, by path, for yarn classic. */
function manifestDeps(workspace, root) {
    const deps = new Map();
    deps.set('.', root ? dependenciesOf(root) : {});
    for (const pkg of workspace.packages)
        deps.set(pkg.path, pkg.dependencies);
    return deps;
}
/** Which package links to which, by path. */
function linkGraph(head, lockfiles) {
    const packages = head.packages;
    const byPath = new Map(packages.map((p) => [p.path, p]));
    const byName = new Map();
    for (const pkg of packages) {
        if (pkg.unreadable)
            continue;
        byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), pkg]);
    }
    const recorded = [...lockfiles.values()].map((g) => g.links);
    const names = (name) => (byName.get(name) ?? []).map((p) => p.path);
    const dependents = new Map();
    const unresolved = new Set();
    for (const pkg of packages) {
        for (const [dep, spec] of Object.entries(pkg.dependencies)) {
            const targets = resolveLink(pkg, dep, spec);
            if (targets === undefined) {
                unresolved.add(pkg.path);
                continue;
            }
            for (const target of targets) {
                if (target === pkg.path)
                    continue;
                dependents.set(target, [...(dependents.get(target) ?? []), pkg.path]);
            }
        }
    }
    function resolveLink(pkg, dep, spec) {
        for (const links of recorded) {
            const target = links.get(pkg.path)?.get(dep);
            if (target !== undefined)
                return byPath.has(target) ? [target] : [];
        }
        const local = /^(workspace|file|link|portal):(.*)$/s.exec(spec);
        if (local) {
            const [, protocol, rest] = local;
            if (protocol !== 'workspace' || /^\.{0,2}\//.test(rest)) {
                const target = external_node_path_.posix.normalize(external_node_path_.posix.join(pkg.path, rest)).replace(/\/$/, '');
                if (byPath.has(target))
                    return [target];
                return protocol === 'workspace' ? undefined : [];
            }
            // workspace:*, workspace:^1.0.0, or an alias workspace:other@*
            const alias = /^(@?[^@]+)@/.exec(rest)?.[1];
            const found = names(alias ?? dep);
            return found.length > 0 ? found : undefined;
        }
        if (spec.startsWith('npm:')) {
            const target = /^npm:(@?[^@]+)/.exec(spec)?.[1];
            return target ? names(target) : [];
        }
        // A plain range: npm and yarn link a workspace package of that name.
        if (/^[a-z+]+:|^[^@]*\//i.test(spec))
            return [];
        return names(dep);
    }
    return {
        dependents,
        unresolved,
        label: (path) => {
            const pkg = byPath.get(path);
            if (!pkg)
                return path;
            return (byName.get(pkg.name)?.length ?? 0) > 1 || pkg.name === path
                ? `${pkg.name} (${path})`
                : pkg.name;
        },
    };
}
function trimSlash(pattern) {
    return pattern.replace(/^\.\//, '').replace(/\/+$/, '');
}
/** Blob contents at a commit in one `git cat-file --batch` process; undefined where a path is missing. */
async function readBlobs(git, commit, paths) {
    if (paths.length === 0)
        return [];
    const input = paths.map((path) => `${commit}:${path}\n`).join('');
    const out = (await git.run(['cat-file', '--batch'], { input })).stdout;
    const results = [];
    let offset = 0;
    for (let i = 0; i < paths.length; i++) {
        const eol = out.indexOf(0x0a, offset);
        const header = out.subarray(offset, eol).toString('utf8');
        offset = eol + 1;
        if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
            results.push(undefined);
            continue;
        }
        const size = Number(header.split(' ')[2]);
        results.push(out.subarray(offset, offset + size).toString('utf8'));
        offset += size + 1;
    }
    return results;
}
/** Everything affectedPackages needs, read from git at base and head in a few cat-file calls. */
async function readAffectedInput(git, base, head, changedPaths, globalFiles) {
    const headWs = await readWorkspaces(git, head);
    const changed = new Set(changedPaths);
    const headTexts = await readBlobs(git, head, LOCKFILES);
    const headLockfiles = new Map(LOCKFILES.map((file, i) => [file, headTexts[i]]));
    const baseSide = { rootReadable: false, lockfiles: new Map() };
    const wantsBase = changed.has('package.json') || LOCKFILES.some((f) => changed.has(f));
    if (wantsBase && (await git.succeeds(['cat-file', '-e', `${base}^{tree}`]))) {
        const [rootText, ...lockTexts] = await readBlobs(git, base, ['package.json', ...LOCKFILES]);
        for (const [i, file] of LOCKFILES.entries())
            baseSide.lockfiles.set(file, lockTexts[i]);
        if (rootText !== undefined) {
            try {
                baseSide.root = parseManifest(rootText);
                workspacePatterns(baseSide.root.workspaces);
                baseSide.rootReadable = true;
            }
            catch {
                // compared as unreadable: every package
            }
        }
        if (changed.has('yarn.lock'))
            baseSide.workspace = await readWorkspaces(git, base);
    }
    return { head: headWs, headLockfiles, base: baseSide, changedPaths, globalFiles };
}

;// CONCATENATED MODULE: ./src/changes/adapter.ts



















const main = async (ctx) => {
    // git's own trace counts every process and fetch, the ones git starts itself included.
    const traceDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(ctx.runtime.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'gantry-changes-'));
    try {
        await runChanges(ctx, (0,external_node_path_.join)(traceDir, 'git-trace2.json'));
    }
    finally {
        (0,external_node_fs_.rmSync)(traceDir, { recursive: true, force: true });
    }
};
async function runChanges(ctx, trace) {
    const { runtime, log } = ctx;
    const config = readConfig(ctx.inputs, runtime, ctx.workspace);
    const parsed = parseFilters(config.filtersText, config.filtersSource, {
        quoteContent: !config.filtersFromFile,
    });
    const isDirectory = (path) => (0,external_node_fs_.statSync)((0,external_node_path_.join)(config.workingDirectory, path), { throwIfNoEntry: false })?.isDirectory() ?? false;
    for (const warning of [
        ...parsed.warnings,
        ...directoryPatternWarnings(parsed.filters, config.filtersSource, isDirectory),
    ]) {
        runtime.annotate({ level: 'warning', message: warning });
    }
    const filterSet = new FilterSet(parsed.filters, config.quantifier);
    const event = eventContext(ctx.github);
    const git = new src_git/* Git */.TU(config.workingDirectory, { ...runtime.env, GIT_TRACE2_EVENT: trace });
    const gitCounts = () => countGitTrace(trace) ?? { git_processes: git.stats.processes, git_fetches: git.stats.fetches };
    const warn = (message) => runtime.annotate({ level: 'warning', message });
    let client;
    const api = () => {
        if (!config.token)
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.token}' is required here: no local checkout can answer this question.`);
        const token = config.token;
        client ??= ctx.gitHub(token).then((octokit) => ({ client: octokit, repository: event.repository }));
        return client;
    };
    const { comparison, changes, fromGit } = await detectChanges(git, event, {
        base: config.base,
        ref: config.ref,
        initialFetchDepth: config.initialFetchDepth,
        allowTruncated: config.allowTruncated,
        needsHistory: config.workspaces,
        workingDirectory: config.workingDirectory,
        warn,
        notice: (message) => runtime.annotate({ level: 'notice', message }),
        lastSuccess: async (branch) => {
            if (!event.workflowFile) {
                warn('GITHUB_WORKFLOW_REF does not name a workflow file, so the last successful run cannot be found.');
                return undefined;
            }
            return lastSuccessfulRun(await api(), event.workflowFile, branch);
        },
        pullRequestFiles: async (number, changedFiles) => pullRequestFiles(await api(), number, changedFiles),
        stage: (name, run, fields) => log.stage(name, run, fields),
        gitCounts: () => ({ ...gitCounts() }),
    });
    const entries = matchEntries(changes);
    const results = await log.stage('match', async () => {
        const selected = filterSet.match(entries);
        return parsed.filters.map((filter, i) => ({ name: filter.name, files: selected[i] }));
    }, (r) => ({
        files: entries.length,
        filters: r.length,
        patterns: filterSet.patternCount,
        matched: r.filter((f) => f.files.length > 0).length,
    }));
    let affected;
    if (config.workspaces) {
        if (!fromGit)
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.workspaces}: true' needs a checkout of the repository (add actions/checkout).`);
        const result = await log.stage('workspaces', async () => affectedPackages(await readAffectedInput(git, comparison.base, comparison.head, entries.map((e) => e.path), config.globalFiles)), (a) => ({ affected: a.affected.length, root_only: a.rootOnly.length, ...gitCounts() }));
        affected = result.affected;
        for (const warning of result.warnings)
            warn(warning);
        for (const note of result.rootOnly)
            runtime.info(`Affects only the root project: ${note}.`);
    }
    for (const result of results) {
        const name = outputName(result.name);
        runtime.setOutput(name, String(result.files.length > 0));
        runtime.setOutput(`${name}${COUNT_SUFFIX}`, String(result.files.length));
        if (config.listFiles !== 'none')
            runtime.setOutput(`${name}${FILES_SUFFIX}`, formatFiles(result.files, config.listFiles));
    }
    runtime.setOutput(OUTPUT.changes, JSON.stringify(results.filter((r) => r.files.length > 0).map((r) => r.name)));
    runtime.setOutput(OUTPUT.baseSha, comparison.base);
    runtime.setOutput(OUTPUT.headSha, comparison.head);
    runtime.setOutput(OUTPUT.files, JSON.stringify(changes.map((c) => c.previousPath === undefined
        ? { status: c.status, path: c.path }
        : { status: c.status, path: c.path, previous_path: c.previousPath })));
    if (affected)
        runtime.setOutput(OUTPUT.affectedPackages, JSON.stringify(affected));
    runtime.info(`${comparison.reason}: ${changes.length} changed files; ${results.filter((r) => r.files.length > 0).length} of ${results.length} filters matched.`);
    await runtime.group('Filter results', async () => {
        // File names go out JSON-quoted: one line each, nothing in a name can start a workflow command.
        for (const result of results)
            runtime.info(`${(0,runtime_text/* oneLine */.TN)(result.name)}: ${result.files.length} ${JSON.stringify(result.files.slice(0, 50))}`);
    });
    await runtime.appendSummary(renderSummary(comparison, results, changes, affected));
}


/***/ }),

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

/***/ 6271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ LockfileError)
/* harmony export */ });
/**
 * A lockfile that cannot be read. The message names the file (and the line where there is one)
 * so a user can open it; `file` and `line` carry the same for callers that format their own.
 */
class LockfileError extends Error {
    file;
    line;
    name = 'LockfileError';
    constructor(message, file, line) {
        super(message);
        this.file = file;
        this.line = line;
    }
    /** `<file> line <n>: <why>`, the shape every reader uses for a malformed line. */
    static at(file, line, why) {
        return new LockfileError(`${file} line ${line}: ${why}`, file, line);
    }
}


/***/ }),

/***/ 8317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F8: () => (/* binding */ stripBom),
/* harmony export */   FF: () => (/* binding */ forEachLine),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   _j: () => (/* binding */ indentOf),
/* harmony export */   mh: () => (/* binding */ lineAt),
/* harmony export */   sS: () => (/* binding */ unquoteScalar)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6271);

/**
 * Calls `visit` with each line (without its `\n` or `\r\n`) and its 1-based number, walking the text
 * with indexOf rather than split so a 50 MB lockfile is not copied into a second array of lines.
 */
function forEachLine(text, visit) {
    let start = 0;
    let number = 1;
    const length = text.length;
    while (start <= length) {
        let end = text.indexOf('\n', start);
        if (end === -1)
            end = length;
        const line = text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end);
        if (!(end === length && line === '' && start === length))
            visit(line, number);
        start = end + 1;
        number++;
    }
}
/** The text without a leading byte-order mark. */
function stripBom(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/** Number of leading spaces. */
function indentOf(line) {
    let i = 0;
    while (line.charCodeAt(i) === 32)
        i++;
    return i;
}
/**
 * A YAML/yarn scalar as these lockfiles write it: plain, 'single-quoted' ('' for a quote) or
 * "double-quoted" (JSON escapes). Throws LockfileError at `line` for an unterminated quote.
 */
function unquoteScalar(raw, file, line) {
    const text = raw.trim();
    const first = text.charCodeAt(0);
    if (first === 34 /* " */) {
        if (text.length < 2 || !text.endsWith('"'))
            throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, line, `unterminated quoted string ${JSON.stringify(text.slice(0, 80))}`);
        try {
            return JSON.parse(text);
        }
        catch {
            throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, line, `malformed quoted string ${JSON.stringify(text.slice(0, 80))}`);
        }
    }
    if (first === 39 /* ' */) {
        if (text.length < 2 || !text.endsWith("'"))
            throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, line, `unterminated quoted string ${JSON.stringify(text.slice(0, 80))}`);
        return text.slice(1, -1).replaceAll("''", "'");
    }
    return text;
}
/** Line (1-based) of a character offset, for parsers that fail at a position. */
function lineAt(text, offset) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
/** First line of a message, bounded, for wrapping a third-party parser's error. */
function oneLine(text) {
    return (text.split('\n')[0] ?? '').slice(0, 200);
}


/***/ }),

/***/ 5055:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ descriptorName),
/* harmony export */   Y: () => (/* binding */ parseYarnClassic)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6271);
/* harmony import */ var _lines_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8317);


function unquote(text) {
    const t = text.trim();
    if (!t.startsWith('"'))
        return t;
    // An opening quote without its closing one is a cut or corrupt line, not a value.
    if (t.length < 2 || !t.endsWith('"'))
        throw new SyntaxError('unterminated quoted string');
    return JSON.parse(t);
}
/**
 * yarn v1's own format: `descriptor, descriptor:` blocks of `key value` lines and nested maps.
 * Returns each descriptor (`name@range`) with the entry it resolves to (several descriptors share
 * one entry). Shared by changes' workspace impact and the lockfile diff.
 */
function parseYarnClassic(text, file = 'yarn.lock') {
    if (!/^# yarn lockfile v1/m.test(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g(`${file} has no "# yarn lockfile v1" header`, file);
    const byDescriptor = new Map();
    let entry;
    let section;
    (0,_lines_js__WEBPACK_IMPORTED_MODULE_1__/* .forEachLine */ .FF)(text, (line, number) => {
        if (line.trim() === '' || line.trimStart().startsWith('#'))
            return;
        const indent = line.length - line.trimStart().length;
        if (indent === 0) {
            if (!line.endsWith(':'))
                throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, number, 'expected an entry header');
            entry = { dependencies: Object.create(null), line: number };
            section = undefined;
            for (const descriptor of line.slice(0, -1).split(/,\s*/))
                byDescriptor.set(unquoteAt(descriptor, number), entry);
            return;
        }
        if (!entry)
            throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, number, 'a field outside any entry');
        const body = line.trim();
        if (indent <= 2) {
            section = undefined;
            if (body.endsWith(':')) {
                const name = unquoteAt(body.slice(0, -1), number);
                if (name === 'dependencies' || name === 'optionalDependencies')
                    section = entry.dependencies;
                else
                    section = Object.create(null);
                return;
            }
            const match = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.*)$/.exec(body);
            if (!match)
                throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, number, 'expected "key value"');
            const key = unquoteAt(match[1], number);
            if (key === 'version' || key === 'resolved' || key === 'integrity')
                entry[key] = unquoteAt(match[2], number);
            return;
        }
        if (!section)
            throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, number, 'unexpected indentation');
        const match = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.*)$/.exec(body);
        if (!match)
            throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, number, 'expected "name range"');
        section[unquoteAt(match[1], number)] = unquoteAt(match[2], number);
    });
    return byDescriptor;
    function unquoteAt(value, number) {
        try {
            return unquote(value);
        }
        catch {
            throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, number, `malformed quoted string ${JSON.stringify(value.slice(0, 80))}`);
        }
    }
}
/** The package name of a `name@range` descriptor (`@scope/name@range`, `alias@npm:real@range`). */
function descriptorName(descriptor) {
    const at = descriptor.indexOf('@', 1);
    return at === -1 ? descriptor : descriptor.slice(0, at);
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
