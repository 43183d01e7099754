export const id = 133;
export const ids = [133];
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

/***/ 133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  post: () => (/* binding */ post),
  restoreStep: () => (/* binding */ restoreStep),
  saveStep: () => (/* binding */ saveStep)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/oci/index.ts + 4 modules
var oci = __webpack_require__(8350);
// EXTERNAL MODULE: ./src/net/index.ts
var net = __webpack_require__(155);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/text.ts
var runtime_text = __webpack_require__(5369);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/layer-cache/tags.ts

/** Registry tags: `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`. */
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const MAX_TAG = 128;
/**
 * A string as a tag fragment, injective and prefix-preserving: letters, digits and '-' stay, '_'
 * becomes '__', every other byte '_xx' (hex). So `feature/x` and `feature-x` never share a tag, and
 * the tag of a key prefix is a prefix of the key's tag (restore-keys match on tags).
 */
function encodeTagPart(text) {
    let out = '';
    for (const byte of Buffer.from(text, 'utf8')) {
        const c = String.fromCharCode(byte);
        // A leading '-' is escaped too: a tag cannot start with one.
        if (/[A-Za-z0-9]/.test(c) || (c === '-' && out !== ''))
            out += c;
        else if (c === '_')
            out += '__';
        else
            out += `_${byte.toString(16).padStart(2, '0')}`;
    }
    return out;
}
/** Too long for a tag: cut, and end with `_h` + a hash ('_h' is never an escape, so no collision). */
function fitTag(tag) {
    if (tag.length <= MAX_TAG)
        return tag;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(tag).digest('hex').slice(0, 16);
    return `${tag.slice(0, MAX_TAG - 18)}_h${hash}`;
}
/**
 * Tags of the paths mode: `<version>-<encoded scope>.<encoded key>` (encoded parts never contain
 * '.'), so one key has one cache per scope and a branch never finds another scope's cache by name.
 */
function keyTag(version, scope, key) {
    return fitTag(`${version}-${encodeTagPart(scope)}.${encodeTagPart(key)}`);
}
/**
 * Could this tag hold a key starting with `prefix`? (A cut tag is only a candidate: the key in the
 * manifest decides.)
 */
function tagMayMatchPrefix(tag, version, scope, prefix) {
    const wanted = `${version}-${encodeTagPart(scope)}.${encodeTagPart(prefix)}`;
    if (tag.length === MAX_TAG && tag.slice(MAX_TAG - 18, MAX_TAG - 16) === '_h') {
        const kept = tag.slice(0, MAX_TAG - 18);
        return kept.startsWith(wanted) || wanted.startsWith(kept);
    }
    return tag.startsWith(wanted);
}
/** Tags of the buildx mode: `<scope>.<branch>` (encoded parts never contain '.'), or `<branch>`. */
function branchTag(branch, scope) {
    const encoded = encodeTagPart(branch);
    return fitTag(scope ? `${encodeTagPart(scope)}.${encoded}` : encoded);
}

;// CONCATENATED MODULE: ./src/layer-cache/buildx.ts

const CACHE_TO_OPTIONS = 'mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true';
function planBuildx(repository, scope, ctx, readOnly) {
    const candidates = [];
    const add = (branch, why) => {
        if (!branch)
            return;
        const ref = `${repository}:${branchTag(branch, scope)}`;
        if (!candidates.some((c) => c.ref === ref))
            candidates.push({ ref, branch, why });
    };
    const isPullRequest = ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_target' || ctx.headRef !== '';
    let current = '';
    if (isPullRequest) {
        current = ctx.headRef;
        add(ctx.headRef, 'pull request branch');
        add(ctx.baseRef, 'pull request base branch');
    }
    else if (ctx.ref.startsWith('refs/heads/')) {
        current = ctx.ref.slice('refs/heads/'.length);
        add(current, 'this branch');
    }
    add(ctx.defaultBranch, 'default branch');
    let writeReason;
    let writeRef;
    if (readOnly)
        writeReason = "'read-only' is true";
    else if (isPullRequest && ctx.fromFork)
        writeReason = "a pull request from a fork: its token cannot write to this repository's cache";
    else if (!current)
        writeReason = `${ctx.ref || 'this ref'} is not a branch; it reads the default branch's cache only`;
    else {
        writeRef = candidates[0].ref;
        writeReason = `the cache of ${isPullRequest ? 'pull request branch' : 'branch'} ${current}`;
    }
    return { candidates, writeRef, writeReason };
}
/** Checks which candidate refs exist (manifest HEAD) and renders the BuildKit cache lines. */
async function resolveBuildx(plan, store) {
    const found = [];
    for (const candidate of plan.candidates) {
        const tag = candidate.ref.slice(candidate.ref.lastIndexOf(':') + 1);
        if (await store.resolve(tag))
            found.push(candidate.ref);
    }
    return {
        plan,
        found,
        cacheFrom: found.map((ref) => `type=registry,ref=${ref}`),
        cacheTo: cacheToLines(plan),
    };
}
/** When the registry cannot be asked: no cache-from, and cache-to as planned (ignore-error lets BuildKit cope). */
function unresolvedBuildx(plan) {
    return { plan, found: [], cacheFrom: [], cacheTo: cacheToLines(plan) };
}
function cacheToLines(plan) {
    return plan.writeRef ? [`type=registry,ref=${plan.writeRef},${CACHE_TO_OPTIONS}`] : [];
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/net/pool.ts
var pool = __webpack_require__(6997);
;// CONCATENATED MODULE: ./src/layer-cache/constants.ts
const ACTION = 'layer-cache';
const INPUT = {
    mode: 'mode',
    cacheRepository: 'cache-repository',
    username: 'username',
    password: 'password',
    // buildx
    scope: 'scope',
    defaultBranch: 'default-branch',
    readOnly: 'read-only',
    // paths (the actions/cache names)
    path: 'path',
    key: 'key',
    restoreKeys: 'restore-keys',
    lookupOnly: 'lookup-only',
    failOnCacheMiss: 'fail-on-cache-miss',
    compression: 'compression',
    save: 'save',
    // prune
    keepLast: 'keep-last',
    maxAge: 'max-age',
    keyPrefix: 'key-prefix',
    dryRun: 'dry-run',
};
const OUTPUT = {
    cacheFrom: 'cache-from',
    cacheTo: 'cache-to',
    cacheHit: 'cache-hit',
    cacheMatchedKey: 'cache-matched-key',
    cachePrimaryKey: 'cache-primary-key',
    deleted: 'deleted',
    kept: 'kept',
};
/** What main hands to post. */
const STATE = {
    primaryKey: 'primary-key',
    matchedKey: 'matched-key',
    matchedDigest: 'matched-digest',
    brokenDigest: 'broken-digest',
};
const MODES = ['buildx', 'paths', 'prune'];
const COMPRESSIONS = ['zstd', 'gzip'];
const SAVE_WHEN = ['on-success', 'always', 'never'];
/** The cache manifest's config: what a restore and a prune read back. */
const CACHE_CONFIG_MEDIA_TYPE = 'application/vnd.gantry.layer-cache.config.v1+json';
const CACHE_ARTIFACT_TYPE = 'application/vnd.gantry.layer-cache.v1';
const LAYER_MEDIA_TYPE = {
    zstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
    gzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
};
const ANNOTATION = {
    created: 'org.opencontainers.image.created',
    key: 'dev.gantry.cache.key',
    version: 'dev.gantry.cache.version',
    runId: 'dev.gantry.run-id',
    scope: 'dev.gantry.cache.scope',
};

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/oci/tar.ts
var tar = __webpack_require__(9654);
;// CONCATENATED MODULE: ./src/layer-cache/layers.ts








const zstd = (0,external_node_util_.promisify)(external_node_zlib_.zstdCompress);
const gzip = (0,external_node_util_.promisify)(external_node_zlib_.gzip);
/**
 * The tree is cut into layers so that a small change re-uploads little. Cuts fall where the
 * content does not decide them: before a new top-level entry (a package in node_modules) once a
 * layer holds MIN_LAYER bytes, and inside a large entry after files whose name hashes to a marker,
 * so adding or changing one file moves at most the cuts next to it. MAX_LAYER bounds a layer.
 */
const MIN_LAYER = 256 * 1024;
const MAX_LAYER = 16 * 1024 * 1024;
const NAME_CUT_ONE_IN = 32;
/** Well under the restore's limit of entries per layer (DEFAULT_RESTORE_LIMITS.layerEntries). */
const MAX_LAYER_ENTRIES = 50_000;
function planLayers(entries) {
    const layers = [];
    let current;
    let lastTop = '';
    for (const entry of entries) {
        const parts = entry.name.split('/');
        const top = parts.slice(0, 2).join('/');
        const newRoot = current !== undefined && current.entries[0].name.split('/')[0] !== parts[0];
        const cut = current === undefined ||
            newRoot ||
            (current.size >= MIN_LAYER && (top !== lastTop || nameHash(entry.name) % NAME_CUT_ONE_IN === 0)) ||
            (current.size > 0 && current.size + entry.size > MAX_LAYER) ||
            current.entries.length >= MAX_LAYER_ENTRIES;
        if (cut) {
            current = { entries: [], size: 0 };
            layers.push(current);
        }
        current.entries.push(entry);
        current.size += entry.size;
        lastTop = top;
    }
    return layers;
}
function nameHash(name) {
    // FNV-1a: stable across runs and platforms.
    let hash = 0x811c9dc5;
    for (let i = 0; i < name.length; i++) {
        hash ^= name.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash;
}
/** Layers up to this size are built in memory and compressed in one call on libuv's thread pool. */
const IN_MEMORY_LAYER = 32 * 1024 * 1024;
/** The deterministic tar of one layer, read from disk in pieces of about a megabyte. */
async function* tarStream(entries) {
    let batch = [];
    let batched = 0;
    const take = (chunk) => {
        batch.push(chunk);
        batched += chunk.length;
    };
    const flush = () => {
        const out = Buffer.concat(batch);
        batch = [];
        batched = 0;
        return out;
    };
    for (const entry of entries) {
        take((0,tar/* encodeHeader */.YS)({
            name: entry.name,
            type: entry.type,
            mode: entry.mode,
            mtime: entry.mtime,
            size: entry.size,
            linkname: entry.linkname,
        }));
        if (entry.type === 'file' && entry.size > 0) {
            if (entry.size <= 1024 * 1024)
                take(readExactly(entry));
            else {
                yield flush();
                let read = 0;
                for await (const chunk of (0,external_node_fs_.createReadStream)(entry.abs, {
                    end: entry.size - 1,
                    highWaterMark: 1024 * 1024,
                })) {
                    read += chunk.length;
                    yield chunk;
                }
                if (read < entry.size)
                    throw shrank(entry);
            }
            take(Buffer.alloc((0,tar/* padding */.Ms)(entry.size)));
        }
        if (batched >= 1024 * 1024)
            yield flush();
    }
    take(tar/* END_OF_ARCHIVE */.bM);
    yield flush();
}
/** Exactly the size in the header: a file that changes while we read must not corrupt the tar. */
function readExactly(entry) {
    // Synchronous on purpose: for small files it is several times faster than a thread-pool round trip.
    const data = (0,external_node_fs_.readFileSync)(entry.abs);
    if (data.length < entry.size)
        throw shrank(entry);
    return data.length === entry.size ? data : data.subarray(0, entry.size);
}
function shrank(entry) {
    return new Error(`${entry.abs} shrank while it was being cached; save it again`);
}
function compressor(compression) {
    return compression === 'zstd'
        ? (0,external_node_zlib_.createZstdCompress)({ params: { [external_node_zlib_.constants.ZSTD_c_compressionLevel]: 3 } })
        : (0,external_node_zlib_.createGzip)({ level: 6 });
}
function decompressor(compression) {
    return compression === 'zstd' ? (0,external_node_zlib_.createZstdDecompress)() : (0,external_node_zlib_.createGunzip)();
}
async function buildLayer(plan, compression) {
    const files = plan.entries.filter((e) => e.type === 'file').length;
    if (plan.size <= IN_MEMORY_LAYER) {
        const chunks = [];
        for await (const chunk of tarStream(plan.entries))
            chunks.push(chunk);
        const tar = Buffer.concat(chunks);
        const blob = compression === 'zstd'
            ? await zstd(tar, { params: { [external_node_zlib_.constants.ZSTD_c_compressionLevel]: 3 } })
            : await gzip(tar, { level: 6 });
        return { digest: (0,oci/* sha256 */.sc)(blob), size: blob.length, diffId: (0,oci/* sha256 */.sc)(tar), blob, files };
    }
    const diff = (0,external_node_crypto_.createHash)('sha256');
    const blobHash = (0,external_node_crypto_.createHash)('sha256');
    const chunks = [];
    await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(tarStream(plan.entries)), async function* (source) {
        for await (const chunk of source) {
            diff.update(chunk);
            yield chunk;
        }
    }, compressor(compression), async (source) => {
        for await (const chunk of source) {
            blobHash.update(chunk);
            chunks.push(chunk);
        }
    });
    const blob = Buffer.concat(chunks);
    return {
        digest: `sha256:${blobHash.digest('hex')}`,
        size: blob.length,
        diffId: `sha256:${diff.digest('hex')}`,
        blob,
        files,
    };
}
/**
 * What the layer's entries look like on disk without reading them: names, types, modes, sizes,
 * mtimes (seconds, as the tar keeps them) and link targets. When it equals a layer of the cache this
 * tree was restored from, that layer is reused without reading or compressing anything — the quick
 * check rsync makes by default; a file rewritten with the same size within the same second of its
 * restored mtime is not noticed.
 */
function layerStatId(plan) {
    return (0,oci/* sha256 */.sc)(JSON.stringify(plan.entries.map((e) => [e.name, e.type, e.mode, e.mtime, e.size, e.linkname ?? ''])));
}

// EXTERNAL MODULE: ./src/glob/index.ts
var glob = __webpack_require__(2442);
;// CONCATENATED MODULE: ./src/layer-cache/paths.ts





const GLOB_CHARS = /[*?[\]{}]/;
function parsePathSpec(lines, workspace, home) {
    const spec = { lines, literals: [], globs: [], excludes: [], workspace };
    for (const line of lines) {
        if (line.startsWith('!'))
            spec.excludes.push(line.slice(1));
        else if (GLOB_CHARS.test(line))
            spec.globs.push(line);
        else
            spec.literals.push({ line, abs: expandPath(line, workspace, home) });
    }
    return spec;
}
function expandPath(line, workspace, home) {
    if (line === '~')
        return home;
    if (line.startsWith('~/'))
        return (0,external_node_path_.join)(home, line.slice(2));
    return (0,external_node_path_.resolve)(workspace, line);
}
/**
 * The key's version, as actions/cache versions it: a different path set or compression is a
 * different cache, so two jobs caching different directories under one key never collide.
 */
function cacheVersion(lines, compression) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify({ paths: lines, compression, format: 'gantry-layer-cache/1' }))
        .digest('hex')
        .slice(0, 12);
}
/** The roots a save covers now: literal paths that exist and glob matches in the workspace. */
async function findRoots(spec) {
    const roots = [];
    for (const literal of spec.literals) {
        if (await exists(literal.abs))
            roots.push({ path: literal.line, kind: 'literal', abs: literal.abs });
    }
    if (spec.globs.length) {
        const include = (0,glob/* globMatcher */.fU)(spec.globs);
        const exclude = (0,glob/* globMatcher */.fU)(spec.excludes);
        const walk = async (dir) => {
            for (const name of (await (0,promises_.readdir)(dir)).sort()) {
                if (name === '.git')
                    continue;
                const abs = (0,external_node_path_.join)(dir, name);
                const rel = (0,external_node_path_.relative)(spec.workspace, abs).split(external_node_path_.sep).join('/');
                if (exclude(rel))
                    continue;
                if (include(rel)) {
                    roots.push({ path: rel, kind: 'glob', abs });
                    continue;
                }
                if ((await (0,promises_.lstat)(abs)).isDirectory())
                    await walk(abs);
            }
        };
        await walk(spec.workspace);
    }
    return withoutNested(roots);
}
/**
 * One place on disk is one root: a root equal to or inside another (`deps` and `./deps`, `deps` and
 * `deps/sub`) is already in the other's tree, and a restore refuses overlapping roots.
 */
function withoutNested(roots) {
    const inside = (a, b) => a === b || a.startsWith(b.endsWith(external_node_path_.sep) ? b : b + external_node_path_.sep);
    return roots.filter((root, i) => !roots.some((other, j) => j !== i && inside(root.abs, other.abs) && (root.abs !== other.abs || j < i)));
}
/**
 * Where a root recorded in a cache manifest goes now. Literal roots must be one of the current
 * `path` lines; glob roots must match a current glob and stay inside the workspace. Anything else
 * (a manifest written by someone else) is refused.
 */
function targetOf(spec, root) {
    if (root.kind === 'literal')
        return spec.literals.find((l) => l.line === root.path)?.abs;
    // A save never walks into .git: a root there is not one of ours.
    if (root.kind !== 'glob' || !isSafeRelative(root.path) || root.path.split('/').includes('.git'))
        return undefined;
    if (!(0,glob/* globMatcher */.fU)(spec.globs)(root.path))
        return undefined;
    return (0,external_node_path_.join)(spec.workspace, root.path);
}
function isSafeRelative(path) {
    if (path === '' || (0,external_node_path_.isAbsolute)(path) || path.includes('\0') || path.includes('\\'))
        return false;
    return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
/**
 * Every entry under the roots in archive order (depth first, names sorted), exclusions applied.
 * Synchronous on purpose: tens of thousands of lstat calls are several times faster without a
 * thread-pool round trip each, and nothing else runs meanwhile.
 */
function walkTree(spec, roots, onSkip) {
    const entries = [];
    const exclude = (0,glob/* globMatcher */.fU)(spec.excludes);
    const visit = (abs, name) => {
        const rel = (0,external_node_path_.relative)(spec.workspace, abs).split(external_node_path_.sep).join('/');
        if (!rel.startsWith('..') && exclude(rel))
            return;
        const stat = (0,external_node_fs_.lstatSync)(abs);
        const base = { name, abs, mode: stat.mode & 0o7777, mtime: Math.floor(stat.mtimeMs / 1000) };
        if (stat.isSymbolicLink())
            entries.push({ ...base, type: 'symlink', size: 0, linkname: (0,external_node_fs_.readlinkSync)(abs) });
        else if (stat.isFile())
            entries.push({ ...base, type: 'file', size: stat.size });
        else if (stat.isDirectory()) {
            entries.push({ ...base, type: 'directory', size: 0 });
            for (const child of (0,external_node_fs_.readdirSync)(abs).sort())
                visit((0,external_node_path_.join)(abs, child), `${name}/${child}`);
        }
        else
            onSkip(abs, 'not a file, directory or symlink');
    };
    for (const [index, root] of roots.entries())
        visit(root.abs, String(index));
    return entries;
}
async function exists(path) {
    try {
        await (0,promises_.lstat)(path);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * The first directory between the workspace and a glob root's target that is a symlink (a save never
 * follows one, so a cache that would restore through one is not ours), or undefined.
 */
async function symlinkOnTheWay(workspace, abs) {
    const parts = (0,external_node_path_.relative)(workspace, abs).split(external_node_path_.sep).slice(0, -1);
    let dir = workspace;
    for (const part of parts) {
        dir = (0,external_node_path_.join)(dir, part);
        const stat = await (0,promises_.lstat)(dir).catch(() => undefined);
        if (!stat)
            return undefined;
        if (!stat.isDirectory())
            return dir;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/layer-cache/extract.ts










/** A restore refused or failed: the cache counts as a miss and nothing was changed. */
class UnsafeArchiveError extends Error {
    name = 'UnsafeArchiveError';
}
const MiB = 1024 * 1024;
const DEFAULT_RESTORE_LIMITS = {
    cacheBytes: 20 * 1024 * MiB,
    cacheEntries: 2_000_000,
    layerEntries: 200_000,
    maxRatio: 250,
    ratioFloor: 64 * MiB,
};
/**
 * Extracts verified layer blobs (files on disk, in manifest order) into staging directories next
 * to each target, checking every entry; only when every layer extracted cleanly are the staged
 * roots moved into place. On any failure the staging is removed and the targets are untouched.
 */
async function extractLayers(blobFiles, compression, targets, limits = DEFAULT_RESTORE_LIMITS) {
    checkTargets(targets);
    const tag = (0,external_node_crypto_.randomBytes)(4).toString('hex');
    const staging = targets.map((t) => (0,external_node_path_.join)((0,external_node_path_.dirname)(t.abs), `.gantry-restore-${tag}-${(0,external_node_path_.basename)(t.abs)}`));
    const state = new ExtractState(staging, limits);
    try {
        const budget = { bytes: 0 };
        // The next layer decompresses on the thread pool while this one's files are written.
        const prefetch = (i) => {
            // Stryker: equivalent as `>` or removed — the one extra call fails and is caught just below.
            if (i >= blobFiles.length)
                return undefined;
            const promise = layerSource(blobFiles[i], compression);
            promise.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
            return promise;
        };
        let next = prefetch(0);
        for (let i = 0; i < blobFiles.length; i++) {
            const source = await next;
            next = prefetch(i + 1);
            const limit = layerByteLimit(blobFiles[i], limits);
            state.startLayer(i);
            await (0,tar/* readTar */.sB)(counted(source, i, limit, budget, limits), (entry, content) => state.add(entry, content));
        }
        state.checkSymlinks();
        await state.finish();
    }
    catch (error) {
        await Promise.all(staging.map((dir) => (0,promises_.rm)(dir, { recursive: true, force: true })));
        if (error instanceof UnsafeArchiveError)
            throw error;
        throw new UnsafeArchiveError(`the cache could not be extracted: ${error.message}`);
    }
    for (const [index, target] of targets.entries()) {
        if (!state.rootsSeen.has(index))
            continue;
        const old = (0,external_node_path_.join)((0,external_node_path_.dirname)(target.abs), `.gantry-replaced-${tag}-${(0,external_node_path_.basename)(target.abs)}`);
        const hadOld = await (0,promises_.lstat)(target.abs).then(() => true, () => false);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(target.abs), { recursive: true });
        if (hadOld)
            await (0,promises_.rename)(target.abs, old);
        await (0,promises_.rename)(staging[index], target.abs);
        await (0,promises_.rm)(old, { recursive: true, force: true }); // nothing there when there was nothing before
    }
    return { files: state.files };
}
/**
 * Two roots that are one directory, or one inside the other, would give one place on disk two names
 * the checks keep apart: a save never produces them (findRoots drops nested roots), a restore refuses them.
 */
function checkTargets(targets) {
    const all = targets.map((t) => (0,external_node_path_.resolve)(t.abs));
    for (const [i, a] of all.entries()) {
        for (const [j, b] of all.entries()) {
            if (i !== j && (a === b || b.startsWith(a.endsWith(external_node_path_.sep) ? a : a + external_node_path_.sep)))
                throw new UnsafeArchiveError(`cached paths ${i} and ${j} are the same directory or one inside the other (${b} in ${a})`);
        }
    }
}
function layerByteLimit(file, limits) {
    return Math.min(limits.cacheBytes, Math.max(limits.ratioFloor, (0,external_node_fs_.statSync)(file).size * limits.maxRatio));
}
function sizeText(bytes) {
    return bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MiB` : `${bytes} bytes`;
}
/** The layer's tar, counted as it flows: past a limit the restore stops before writing more. */
async function* counted(source, layer, layerLimit, budget, limits) {
    let bytes = 0;
    for await (const chunk of source) {
        bytes += chunk.byteLength;
        budget.bytes += chunk.byteLength;
        if (bytes > layerLimit)
            throw new UnsafeArchiveError(`layer ${layer} expands beyond its limit of ${sizeText(layerLimit)} (at most ${limits.maxRatio} times its compressed size, and never less than ${sizeText(limits.ratioFloor)}): refused as a possible decompression bomb`);
        if (budget.bytes > limits.cacheBytes)
            throw new UnsafeArchiveError(`the cache expands beyond the limit of ${sizeText(limits.cacheBytes)}`);
        yield chunk;
    }
}
/**
 * Files up to this size are written in one synchronous call, larger ones streamed. Stryker:
 * mutants of this size and of the test below are equivalent — both ways write the same bytes and
 * mode; they differ in speed and memory only.
 */
const SMALL_FILE = 1024 * 1024;
const MAX_SYMLINK_HOPS = 40;
/** Linux's PATH_MAX less its NUL: symlink(2) refuses longer targets anyway. */
const MAX_SYMLINK_TARGET = 4095;
const ONE_SHOT_OUTPUT = 64 * 1024 * 1024;
const zstdOneShot = (0,external_node_util_.promisify)(external_node_zlib_.zstdDecompress);
const gunzipOneShot = (0,external_node_util_.promisify)(external_node_zlib_.gunzip);
/**
 * A layer's tar: decompressed in one call when it is small, streamed otherwise (large files, bombs).
 * Stryker: mutants of the choice (the size test, ONE_SHOT_OUTPUT, maxOutputLength, `if (tar)`, the
 * compression test of the one-shot call) are equivalent: a failed or skipped one-shot call falls back
 * to the stream, which gives the same bytes; they differ in speed and memory only. Dropping the
 * fallback (the catch) is not: see the 65 MiB test.
 */
async function layerSource(file, compression) {
    if ((0,external_node_fs_.statSync)(file).size <= ONE_SHOT_OUTPUT / 8) {
        const blob = (0,external_node_fs_.readFileSync)(file);
        const options = { maxOutputLength: ONE_SHOT_OUTPUT };
        const tar = await (compression === 'zstd'
            ? zstdOneShot(blob, options)
            : gunzipOneShot(blob, options)).catch(() => undefined);
        if (tar)
            return [tar];
    }
    const input = (0,external_node_fs_.createReadStream)(file);
    const output = input.pipe(decompressor(compression));
    // A refused layer stops reading mid-way: the file is closed with the decompressor.
    output.once('close', () => input.destroy());
    return output;
}
/** The only spelling of a root index: `0`, `1`, … (never `00`, `+0`, ` 0`, `0x0`). */
const ROOT_INDEX = /^(0|[1-9][0-9]{0,8})$/;
/**
 * An entry name as the one canonical path the checks and the filesystem share:
 * `<root index>` or `<root index>/<segment>/…`, every segment plain (no '', '.', '..', backslash,
 * NUL). Anything else is refused rather than normalised, so no two spellings reach one place.
 */
function canonicalName(rawName, roots) {
    // Directories may end with '/': that is the tar convention, not part of the name.
    const name = rawName.replace(/\/+$/, '');
    if (rawName.startsWith('/'))
        return { ok: false, why: 'absolute path' };
    const parts = name.split('/');
    if (parts.includes('..'))
        return { ok: false, why: "'..' in the path" };
    const first = parts[0];
    if (!ROOT_INDEX.test(first) || Number(first) >= roots)
        return { ok: false, why: 'not under a cached path' };
    const rel = parts.slice(1).join('/');
    if (parts.length > 1 && !isSafeRelative(rel))
        return { ok: false, why: 'not a plain relative path' };
    return { ok: true, root: Number(first), rel, name };
}
class ExtractState {
    staging;
    limits;
    rootsSeen = new Set();
    files = 0;
    entries = 0;
    layer = 0;
    layerEntries = 0;
    /** Every path in the staging roots by canonical name, including directories made implicitly. */
    names = new Map();
    /** Directories created for an entry's parent, not (yet) by an entry of their own. */
    implicitDirs = new Set();
    symlinks = new Map();
    directories = [];
    constructor(staging, limits) {
        this.staging = staging;
        this.limits = limits;
    }
    startLayer(index) {
        this.layer = index;
        this.layerEntries = 0;
    }
    unsafe(name, why) {
        throw new UnsafeArchiveError(`refused entry ${JSON.stringify(name)}: ${why}`);
    }
    /** The entry's canonical name; every check below sees only this, as the filesystem will. */
    locate(rawName) {
        const located = canonicalName(rawName, this.staging.length);
        if (!located.ok)
            this.unsafe(rawName, located.why);
        return located;
    }
    /** Never write through a link: every parent is a directory of this archive (made here if missing). */
    parentsOf(name, rawName) {
        const parts = name.split('/');
        // Stryker: a non-empty initial list is equivalent — an extra name that no entry can have
        // (every name starts with a root index), and one more mkdir -p of an existing parent.
        const missing = [];
        for (let i = 1; i < parts.length; i++) {
            const parent = parts.slice(0, i).join('/');
            const kind = this.names.get(parent);
            if (kind === 'symlink')
                this.unsafe(rawName, `its parent ${parent} is a symlink`);
            if (kind !== undefined && kind !== 'directory')
                this.unsafe(rawName, `its parent ${parent} is not a directory`);
            if (kind === undefined)
                missing.push(parent);
        }
        return missing;
    }
    pathOf(root, rel) {
        return (0,external_node_path_.join)(this.staging[root], rel); // join(dir, '') is dir
    }
    async add(entry, content) {
        this.entries += 1;
        this.layerEntries += 1;
        if (this.layerEntries > this.limits.layerEntries)
            throw new UnsafeArchiveError(`layer ${this.layer} has more than ${this.limits.layerEntries} entries, the limit per layer`);
        if (this.entries > this.limits.cacheEntries)
            throw new UnsafeArchiveError(`the cache has more than ${this.limits.cacheEntries} entries, the limit per cache`);
        const { root, rel, name } = this.locate(entry.name);
        const path = this.pathOf(root, rel);
        if (rel === '' && entry.type !== 'directory' && entry.type !== 'file')
            this.unsafe(entry.name, 'a cached path itself must be a file or directory');
        const existing = this.names.get(name);
        // An implicit directory is recorded as a directory: only a directory entry completes it.
        const completesImplicitDir = entry.type === 'directory' && this.implicitDirs.has(name);
        if (existing !== undefined && !completesImplicitDir)
            this.unsafe(entry.name, 'appears twice');
        const missing = this.parentsOf(name, entry.name);
        // Checked before anything is written for this entry.
        let linkSource;
        if (entry.type === 'symlink') {
            const target = entry.linkname ?? '';
            if (target === '' || target.startsWith('/'))
                this.unsafe(entry.name, `symlink to an absolute path ${JSON.stringify(target)}`);
            if (target.includes('\0'))
                this.unsafe(entry.name, 'symlink target with a NUL byte');
            if (Buffer.byteLength(target) > MAX_SYMLINK_TARGET)
                this.unsafe(entry.name, `symlink target longer than ${MAX_SYMLINK_TARGET} bytes`);
            if (!this.resolvesInside(name, target))
                this.unsafe(entry.name, `symlink ${JSON.stringify(target)} points outside the cached path`);
        }
        else if (entry.type === 'hardlink') {
            const target = this.locate(entry.linkname ?? ''); // trailing slashes dropped there
            if (target.root !== root || this.names.get(target.name) !== 'file') {
                this.unsafe(entry.name, `hard link to ${JSON.stringify(entry.linkname)}, which is not a file of the same cached path in this archive`);
            }
            linkSource = this.pathOf(target.root, target.rel);
        }
        this.rootsSeen.add(root);
        if (rel === '')
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        // Stryker: `true` is equivalent (mkdir -p of a parent that exists).
        else if (missing.length) {
            for (const dir of missing) {
                this.names.set(dir, 'directory');
                this.implicitDirs.add(dir);
            }
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        }
        this.names.set(name, entry.type === 'hardlink' ? 'file' : entry.type);
        switch (entry.type) {
            case 'directory':
                if (completesImplicitDir)
                    this.implicitDirs.delete(name);
                else
                    (0,external_node_fs_.mkdirSync)(path); // its parent exists (made above); exclusive, like the files
                this.directories.push({ path, mode: entry.mode & 0o777, mtime: entry.mtime });
                break;
            case 'file': {
                if (entry.size <= SMALL_FILE) {
                    // Synchronous for small files: many times faster than thread-pool round trips per file.
                    const chunks = [];
                    await content((chunk) => {
                        chunks.push(chunk);
                    });
                    // Stryker: the options (here and on the stream below) are equivalent to none — the name
                    // model refuses a second entry at one path and staging starts empty; exclusive creation
                    // stays as defence in depth.
                    (0,external_node_fs_.writeFileSync)(path, Buffer.concat(chunks), { mode: 0o600, flag: 'wx' });
                }
                else {
                    const out = (0,external_node_fs_.createWriteStream)(path, { mode: 0o600, flags: 'wx' });
                    try {
                        await content(async (chunk) => {
                            if (!out.write(chunk))
                                await new Promise((resolve) => out.once('drain', () => resolve()));
                        });
                        out.end();
                        await (0,external_node_stream_promises_.finished)(out);
                    }
                    catch (error) {
                        // A restore refused mid-file (a bomb past its limit): the staging file is removed, and its
                        // descriptor must not keep the space it took until the process ends.
                        // Writes still queued fail with ERR_STREAM_DESTROYED: expected, and not the error to report.
                        out.on('error', () => undefined);
                        out.destroy();
                        throw error;
                    }
                }
                (0,external_node_fs_.chmodSync)(path, entry.mode & 0o777);
                (0,external_node_fs_.utimesSync)(path, entry.mtime, entry.mtime);
                this.files += 1;
                break;
            }
            case 'symlink':
                this.symlinks.set(name, entry.linkname);
                await (0,promises_.symlink)(entry.linkname, path);
                (0,external_node_fs_.lutimesSync)(path, entry.mtime, entry.mtime);
                break;
            case 'hardlink':
                await (0,promises_.link)(linkSource, path);
                this.files += 1;
                break;
        }
    }
    /** A later symlink can change where an earlier one leads: check them all again at the end. */
    checkSymlinks() {
        for (const [name, target] of this.symlinks) {
            if (!this.resolvesInside(name, target))
                this.unsafe(name, `symlink ${JSON.stringify(target)} points outside the cached path`);
        }
    }
    /** Follows the target through the archive's own symlinks, as the kernel would after restore. */
    resolvesInside(linkName, target) {
        const stack = linkName.split('/').slice(0, -1);
        // Reversed, so the next part is a pop: a long target costs linear time, not quadratic.
        const pending = target.split('/').reverse();
        let hops = 0;
        while (pending.length) {
            const part = pending.pop();
            if (part === '' || part === '.')
                continue;
            if (part === '..') {
                // stack[0] is the root index: '..' from the root leaves the cached path.
                if (stack.length <= 1)
                    return false;
                stack.pop();
                continue;
            }
            stack.push(part);
            const next = this.symlinks.get(stack.join('/'));
            if (next !== undefined) {
                // The kernel's own limit is 40 links per lookup; a loop never resolves.
                // (No target in the map is absolute: those were refused before they were added.)
                if (++hops > MAX_SYMLINK_HOPS)
                    return false;
                stack.pop();
                const parts = next.split('/');
                for (let i = parts.length - 1; i >= 0; i--)
                    pending.push(parts[i]);
            }
        }
        return true;
    }
    async finish() {
        // Directories last and deepest first, so a read-only directory does not block its children.
        // (Stryker: dropping reverse() survives when the tests run as root, whom no mode blocks.)
        for (const dir of this.directories.reverse()) {
            await (0,promises_.chmod)(dir.path, dir.mode);
            await (0,promises_.utimes)(dir.path, dir.mtime, dir.mtime);
        }
    }
}

;// CONCATENATED MODULE: ./src/layer-cache/manifest.ts


const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
function renderManifest(config, configBytes, runId) {
    const manifest = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: CACHE_ARTIFACT_TYPE,
        config: { mediaType: CACHE_CONFIG_MEDIA_TYPE, digest: (0,oci/* sha256 */.sc)(configBytes), size: configBytes.length },
        layers: config.layers.map((l) => ({
            mediaType: LAYER_MEDIA_TYPE[config.compression],
            digest: l.digest,
            size: l.size,
        })),
        annotations: {
            [ANNOTATION.created]: config.created,
            [ANNOTATION.key]: config.key,
            [ANNOTATION.version]: config.version,
            [ANNOTATION.runId]: runId,
            [ANNOTATION.scope]: config.scope,
        },
    };
    return Buffer.from(JSON.stringify(manifest));
}
/** A manifest from the registry as a cache manifest, or undefined when it is something else. */
function parseCacheManifest(digest, bytes) {
    let doc;
    try {
        doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch {
        return undefined;
    }
    const m = doc;
    if (m?.config?.mediaType !== CACHE_CONFIG_MEDIA_TYPE || !Array.isArray(m.layers))
        return undefined;
    const a = m.annotations ?? {};
    const key = a[ANNOTATION.key];
    const version = a[ANNOTATION.version];
    const created = a[ANNOTATION.created];
    const scope = a[ANNOTATION.scope];
    if (typeof key !== 'string' ||
        typeof scope !== 'string' ||
        typeof version !== 'string' ||
        typeof created !== 'string' ||
        Number.isNaN(Date.parse(created)))
        return undefined;
    if (!m.layers.every(isDescriptor) || !isDescriptor(m.config))
        return undefined;
    return {
        digest,
        key,
        scope,
        version,
        created,
        runId: a[ANNOTATION.runId] ?? '',
        config: m.config,
        layers: m.layers,
    };
}
function isDescriptor(d) {
    const x = d;
    return (typeof x?.digest === 'string' &&
        /^sha256:[0-9a-f]{64}$/.test(x.digest) &&
        Number.isSafeInteger(x.size) &&
        x.size >= 0);
}
/** The config blob, checked against the manifest it came with. */
function parseCacheConfig(bytes, manifest) {
    const config = JSON.parse(Buffer.from(bytes).toString('utf8'));
    const ok = config &&
        config.key === manifest.key &&
        config.scope === manifest.scope &&
        config.version === manifest.version &&
        COMPRESSIONS.includes(config.compression) &&
        Array.isArray(config.roots) &&
        config.roots.every((r) => typeof r?.path === 'string' && (r.kind === 'literal' || r.kind === 'glob')) &&
        Array.isArray(config.layers) &&
        config.layers.length === manifest.layers.length &&
        config.layers.every((l, i) => l.digest === manifest.layers[i].digest && l.size === manifest.layers[i].size);
    if (!ok)
        throw new Error('the cache config does not match its manifest');
    return config;
}

;// CONCATENATED MODULE: ./src/layer-cache/cache.ts













/** A restore that could not complete: reported as a cache miss with a warning. */
class CacheMissError extends Error {
    name = 'CacheMissError';
}
// Registry round trips dominate (HEAD, POST, PUT per blob): more in flight than there are cores.
const CONCURRENCY = 8;
function parallel(items, fn) {
    return (0,pool/* mapLimit */.sf)(items, CONCURRENCY, fn);
}
/** The layers of the cache this tree was restored from, by stat id (none when it cannot be read). */
async function previousLayers(store, digest) {
    const byStat = new Map();
    if (!digest)
        return byStat;
    try {
        const stored = await store.getManifest(digest);
        const manifest = parseCacheManifest(digest, stored.bytes);
        if (!manifest)
            return byStat;
        const chunks = [];
        for await (const chunk of await store.openBlob(manifest.config))
            chunks.push(chunk);
        for (const layer of parseCacheConfig(Buffer.concat(chunks), manifest).layers)
            if (layer.statId)
                byStat.set(layer.statId, layer);
    }
    catch {
        // Only an optimisation: without it every layer is read and compressed.
    }
    return byStat;
}
async function saveCache(opts) {
    const version = cacheVersion(opts.spec.lines, opts.compression);
    const scope = opts.scopes.write;
    const tag = scope === undefined ? '' : keyTag(version, scope, opts.key);
    const empty = { tag, layers: 0, uploadedLayers: 0, uploadedBytes: 0, totalBytes: 0, files: 0 };
    if (scope === undefined)
        return { ...empty, saved: false, reason: opts.scopes.why };
    const taken = async () => {
        const existing = await opts.store.resolve(tag);
        return existing !== undefined && existing.digest !== opts.brokenDigest;
    };
    if (await taken()) {
        return {
            ...empty,
            saved: false,
            exists: true,
            reason: `key ${opts.key} already has a cache; caches are immutable, so it was not saved again`,
        };
    }
    const roots = await findRoots(opts.spec);
    if (roots.length === 0)
        return { ...empty, saved: false, reason: 'none of the paths exist, so there is nothing to save' };
    const entries = walkTree(opts.spec, roots, (abs, why) => opts.info(`skipped ${abs}: ${why}`));
    const plans = planLayers(entries);
    const previous = await previousLayers(opts.store, opts.previousDigest);
    let uploadedLayers = 0;
    let uploadedBytes = 0;
    const layers = await parallel(plans, async (plan) => {
        const statId = layerStatId(plan);
        const known = previous.get(statId);
        if (known && (await opts.store.hasBlob(known.digest)))
            return known;
        const built = await buildLayer(plan, opts.compression);
        // Content-addressed: a layer that is already in the repository is not sent again.
        if (!(await opts.store.hasBlob(built.digest))) {
            await opts.store.pushBlob({ mediaType: LAYER_MEDIA_TYPE[opts.compression], digest: built.digest, size: built.size }, built.blob);
            uploadedLayers += 1;
            uploadedBytes += built.size;
        }
        return { digest: built.digest, size: built.size, diffId: built.diffId, statId, files: built.files };
    });
    const config = {
        key: opts.key,
        scope,
        version,
        created: new Date(opts.now()).toISOString(),
        compression: opts.compression,
        paths: opts.spec.lines,
        roots: roots.map((r) => ({ path: r.path, kind: r.kind })),
        layers,
    };
    const configBytes = Buffer.from(JSON.stringify(config));
    const configDigest = (0,oci/* sha256 */.sc)(configBytes);
    if (!(await opts.store.hasBlob(configDigest))) {
        await opts.store.pushBlob({ mediaType: CACHE_CONFIG_MEDIA_TYPE, digest: configDigest, size: configBytes.length }, configBytes);
        uploadedBytes += configBytes.length;
    }
    // Another job may have saved the same key meanwhile: the first one wins, as with actions/cache.
    if (await taken()) {
        return {
            ...empty,
            saved: false,
            exists: true,
            reason: `key ${opts.key} was saved by another job while this one uploaded; kept theirs`,
        };
    }
    // The manifest goes last: until it exists, no tag points at the layers.
    const { digest } = await opts.store.putManifest(renderManifest(config, configBytes, opts.runId), OCI_MANIFEST, tag);
    return {
        saved: true,
        reason: 'saved',
        tag,
        digest,
        layers: layers.length,
        uploadedLayers,
        uploadedBytes,
        totalBytes: layers.reduce((sum, l) => sum + l.size, 0),
        files: layers.reduce((sum, l) => sum + l.files, 0),
    };
}
/**
 * For each scope this run may read, in order (its own, its base branch's, the default branch's):
 * the exact key, else for each restore key in order the newest cache whose key starts with it. A
 * cache counts only when the scope recorded in it is the scope searched, not by its tag alone.
 */
async function findCache(opts) {
    const version = cacheVersion(opts.spec.lines, opts.compression);
    let tags;
    const seen = new Map();
    for (const scope of opts.scopes.read) {
        const exact = await loadManifest(opts.store, keyTag(version, scope, opts.key));
        if (exact && exact.key === opts.key && exact.version === version && exact.scope === scope)
            return { manifest: exact, exact: true };
        if (opts.restoreKeys.length === 0)
            continue;
        tags ??= await opts.store.tags();
        const match = await newestByPrefix(opts, tags, seen, version, scope);
        if (match)
            return { manifest: match, exact: false };
    }
    return undefined;
}
async function newestByPrefix(opts, tags, seen, version, scope) {
    for (const prefix of opts.restoreKeys) {
        let best;
        for (const tag of tags.filter((t) => tagMayMatchPrefix(t, version, scope, prefix))) {
            if (!seen.has(tag))
                seen.set(tag, await loadManifest(opts.store, tag));
            const candidate = seen.get(tag);
            if (!candidate ||
                candidate.version !== version ||
                candidate.scope !== scope ||
                !candidate.key.startsWith(prefix))
                continue;
            // Registry 2.8 lists tags unsorted: the creation time recorded in the manifest decides.
            if (!best || Date.parse(candidate.created) > Date.parse(best.created))
                best = candidate;
        }
        if (best)
            return best;
    }
    return undefined;
}
async function loadManifest(store, tag) {
    const found = await store.resolve(tag);
    if (!found)
        return undefined;
    const manifest = await store.getManifest(found.digest);
    return parseCacheManifest(manifest.descriptor.digest, manifest.bytes);
}
/**
 * Downloads every layer to a temporary file, verifying size and digest, and extracts only when
 * all of them arrived intact; any problem is a CacheMissError and leaves the paths untouched.
 */
async function restoreCache(opts) {
    const { store, manifest } = opts;
    const work = await (0,promises_.mkdtemp)((0,external_node_path_.join)(opts.tempDir, 'gantry-restore-'));
    try {
        const configFile = (0,external_node_path_.join)(work, 'config');
        await download(store, manifest.config.digest, manifest.config.size, configFile);
        let config;
        try {
            config = parseCacheConfig(await (0,promises_.readFile)(configFile), manifest);
        }
        catch (error) {
            throw new CacheMissError(`cache ${manifest.key}: ${error.message}`);
        }
        if (config.compression !== opts.compression)
            throw new CacheMissError(`cache ${manifest.key} uses ${config.compression}, not ${opts.compression}`);
        const targets = config.roots.map((root) => {
            const abs = targetOf(opts.spec, root);
            if (!abs)
                throw new CacheMissError(`cache ${manifest.key} holds ${JSON.stringify(root.path)}, which is not one of the paths given`);
            return { abs };
        });
        for (const [i, root] of config.roots.entries()) {
            const through = root.kind === 'glob' && (await symlinkOnTheWay(opts.spec.workspace, targets[i].abs));
            if (through)
                throw new CacheMissError(`cache ${manifest.key} holds ${JSON.stringify(root.path)}, which would be restored through ${through}, not a directory`);
        }
        const files = await parallel(manifest.layers, async (layer, i) => {
            const file = (0,external_node_path_.join)(work, `layer-${i}`);
            await download(store, layer.digest, layer.size, file);
            return file;
        });
        try {
            const extracted = await extractLayers(files, config.compression, targets);
            return {
                files: extracted.files,
                bytes: manifest.layers.reduce((s, l) => s + l.size, 0),
                layers: manifest.layers.length,
            };
        }
        catch (error) {
            if (error instanceof UnsafeArchiveError)
                throw new CacheMissError(`cache ${manifest.key}: ${error.message}`);
            throw error;
        }
    }
    finally {
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
}
const DOWNLOAD_ATTEMPTS = 3;
/** A blob to a file, verified; a body cut off mid-way (the HTTP client retries only until headers) is fetched again. */
async function download(store, digest, size, file) {
    for (let attempt = 1;; attempt++) {
        try {
            return await downloadOnce(store, digest, size, file);
        }
        catch (error) {
            if (attempt >= DOWNLOAD_ATTEMPTS)
                throw error;
        }
    }
}
async function downloadOnce(store, digest, size, file) {
    let stream;
    try {
        stream = await store.openBlob({ mediaType: 'application/octet-stream', digest, size });
    }
    catch (error) {
        throw new CacheMissError(`blob ${digest} could not be fetched: ${error.message}`);
    }
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const out = (0,external_node_fs_.createWriteStream)(file);
    let received = 0;
    try {
        for await (const chunk of stream) {
            received += chunk.byteLength;
            if (received > size)
                throw new CacheMissError(`blob ${digest} is larger than the ${size} bytes its manifest says`);
            hash.update(chunk);
            if (!out.write(chunk))
                await new Promise((resolve) => out.once('drain', () => resolve()));
        }
    }
    catch (error) {
        out.destroy();
        if (error instanceof CacheMissError)
            throw error;
        throw new CacheMissError(`blob ${digest} was interrupted: ${error.message}`);
    }
    out.end();
    await (0,external_node_stream_promises_.finished)(out);
    const actual = `sha256:${hash.digest('hex')}`;
    if (received !== size || actual !== digest) {
        throw new CacheMissError(`blob ${digest} is corrupt (got ${received} bytes with digest ${actual})`);
    }
}

;// CONCATENATED MODULE: ./src/layer-cache/scope.ts
/** Outside a workflow run (the CLI on a laptop): its own scope, and the default branch's caches. */
const LOCAL_SCOPE = 'local';
function cacheScopes(ctx) {
    const defaultScope = `refs/heads/${ctx.defaultBranch}`;
    const baseScope = ctx.baseRef ? `refs/heads/${ctx.baseRef}` : undefined;
    const read = (...scopes) => [...new Set(scopes.filter((s) => !!s))];
    if (ctx.eventName === 'pull_request_target') {
        return {
            write: undefined,
            read: read(baseScope, defaultScope),
            why: "a pull_request_target run: it runs with the base branch's rights on a pull request's changes, so it never saves",
        };
    }
    const isPullRequest = ctx.eventName === 'pull_request' || ctx.headRef !== '';
    if (isPullRequest) {
        const own = ctx.ref.startsWith('refs/pull/') ? ctx.ref : undefined;
        if (ctx.fromFork)
            return {
                write: undefined,
                read: read(own, baseScope, defaultScope),
                why: 'a pull request from a fork: it never saves',
            };
        return {
            write: own,
            read: read(own, baseScope, defaultScope),
            why: own
                ? `the scope of pull request ${own}`
                : `no pull request ref (GITHUB_REF is ${ctx.ref || 'empty'})`,
        };
    }
    if (ctx.ref === '')
        return { write: LOCAL_SCOPE, read: read(LOCAL_SCOPE, defaultScope), why: 'outside a workflow run' };
    return { write: ctx.ref, read: read(ctx.ref, defaultScope), why: `the scope of ${ctx.ref}` };
}

;// CONCATENATED MODULE: ./src/layer-cache/config.ts






const MAX_KEY_LENGTH = 512;
function readConfig(inputs, runtime, workspace, github) {
    const password = inputs.optional(INPUT.password);
    if (password)
        runtime.setSecret(password);
    const mode = inputs.oneOf(INPUT.mode, MODES, 'paths');
    const credentials = readCredentials(inputs, password);
    const repositoryText = inputs.optional(INPUT.cacheRepository);
    const repository = repositoryText === undefined ? undefined : readRepository(repositoryText);
    if (mode === 'buildx') {
        if (!repository)
            throw requiredFor(INPUT.cacheRepository, mode, 'the registry repository BuildKit keeps its cache in, such as ghcr.io/acme/app-cache');
        if (repository.kind !== 'registry') {
            throw errors/* ConfigurationError */.j1.forInput(INPUT.cacheRepository, repositoryText, 'a registry repository (BuildKit cannot use an oci-layout directory as a registry cache)');
        }
        return {
            mode,
            repository,
            credentials,
            scope: inputs.string(INPUT.scope),
            readOnly: inputs.boolean(INPUT.readOnly, false),
            build: readBuildContext(inputs, github),
        };
    }
    if (mode === 'prune') {
        if (!repository)
            throw requiredFor(INPUT.cacheRepository, mode, 'the repository whose caches are pruned');
        const keepLast = inputs.optional(INPUT.keepLast) === undefined ? undefined : inputs.integer(INPUT.keepLast, { min: 1 });
        const maxAgeMs = inputs.duration(INPUT.maxAge);
        if (keepLast === undefined && maxAgeMs === undefined) {
            throw new errors/* ConfigurationError */.j1(`Mode 'prune' needs '${INPUT.keepLast}' (caches kept per key prefix), '${INPUT.maxAge}' (such as 7d), or both.`);
        }
        return {
            mode,
            repository,
            credentials,
            keepLast,
            maxAgeMs,
            keyPrefixes: inputs.lines(INPUT.keyPrefix),
            dryRun: inputs.boolean(INPUT.dryRun, false),
        };
    }
    const paths = inputs.lines(INPUT.path);
    if (paths.length === 0)
        throw requiredFor(INPUT.path, mode, 'the files and directories to cache, one per line (globs and !exclusions allowed)');
    if (paths.every((p) => p.startsWith('!')))
        throw errors/* ConfigurationError */.j1.forInput(INPUT.path, paths.join('\n'), 'at least one path that is not an !exclusion');
    const key = readKey(INPUT.key, inputs.optional(INPUT.key));
    if (!key)
        throw requiredFor(INPUT.key, mode, 'the cache key, such as npm-Linux- followed by a hash of package-lock.json');
    const save = inputs.oneOf(INPUT.save, SAVE_WHEN, 'on-success');
    if (save === 'always') {
        // GitHub evaluates a JavaScript action's post-if without the inputs and hands the post step no
        // job status, so one post step cannot both skip failed jobs by default and save them on request.
        throw new errors/* ConfigurationError */.j1(`Input '${INPUT.save}': 'always' cannot be honoured by a post step (it cannot see whether the job failed). Keep 'on-success', or to save after a failure use acme/gantry/actions/layer-cache/restore and acme/gantry/actions/layer-cache/save with \`if: always()\` on the save step.`);
    }
    return {
        mode,
        repository,
        credentials,
        spec: parsePathSpec(paths, workspace, runtime.env.HOME || (0,external_node_os_.homedir)()),
        key,
        restoreKeys: inputs.lines(INPUT.restoreKeys).map((k) => readKey(INPUT.restoreKeys, k)),
        lookupOnly: inputs.boolean(INPUT.lookupOnly, false),
        failOnCacheMiss: inputs.boolean(INPUT.failOnCacheMiss, false),
        compression: inputs.oneOf(INPUT.compression, COMPRESSIONS, 'zstd'),
        save,
        scopes: cacheScopes(readBuildContext(inputs, github)),
    };
}
/** The run's ref, event and fork-ness, from the one GitHub context. */
function readBuildContext(inputs, github) {
    const event = github.payload;
    return {
        eventName: github.eventName,
        ref: github.ref,
        headRef: github.headRef,
        baseRef: github.baseRef,
        defaultBranch: inputs.optional(INPUT.defaultBranch) ?? event.repository?.default_branch ?? 'main',
        fromFork: isFork(event),
    };
}
function requiredFor(input, mode, what) {
    return new errors/* ConfigurationError */.j1(`Input '${input}' is required in mode '${mode}': ${what}.`);
}
function readKey(input, key) {
    if (key === undefined)
        return undefined;
    // The same limits as actions/cache, so keys move between the two unchanged.
    if (key.length > MAX_KEY_LENGTH)
        throw errors/* ConfigurationError */.j1.forInput(input, key, `a key of at most ${MAX_KEY_LENGTH} characters`);
    if (key.includes(','))
        throw errors/* ConfigurationError */.j1.forInput(input, key, 'a key without commas');
    return key;
}
function readRepository(text) {
    let ref;
    try {
        ref = (0,oci/* parseReference */.F2)(text);
    }
    catch (error) {
        const reason = error instanceof oci/* InvalidReferenceError */.x_ ? error.message : String(error);
        throw errors/* ConfigurationError */.j1.forInput(INPUT.cacheRepository, text, `a repository such as ghcr.io/acme/app-cache (${reason})`);
    }
    if (ref.tag || ref.digest) {
        throw errors/* ConfigurationError */.j1.forInput(INPUT.cacheRepository, text, 'a repository without a tag or digest: the action chooses the tags');
    }
    return ref;
}
function readCredentials(inputs, password) {
    const username = inputs.optional(INPUT.username);
    if ((username === undefined) !== (password === undefined)) {
        throw new errors/* ConfigurationError */.j1(`Inputs '${INPUT.username}' and '${INPUT.password}' go together: give both, or neither to use the Docker config (docker/login-action).`);
    }
    return username && password ? { username, password } : undefined;
}
/** A pull request whose head lives in another repository (or in a deleted fork). */
function isFork(event) {
    const pr = event.pull_request;
    if (!pr)
        return false;
    const head = pr.head?.repo?.full_name;
    const base = pr.base?.repo?.full_name ?? event.repository?.full_name;
    return !head || head !== base;
}

// EXTERNAL MODULE: ./src/retention/rules.ts
var rules = __webpack_require__(4897);
;// CONCATENATED MODULE: ./src/layer-cache/prune.ts



function groupOf(key, prefixes) {
    if (prefixes.length)
        return prefixes.find((p) => key.startsWith(p));
    const dash = key.lastIndexOf('-');
    return dash > 0 ? key.slice(0, dash + 1) : key;
}
async function prune(opts) {
    const result = { deleted: [], kept: [], ignored: 0 };
    const caches = [];
    let tags;
    try {
        tags = await opts.store.tags();
    }
    catch (error) {
        // A partial listing would decide from part of the caches: a kept digest may be on a later page.
        throw new Error(`Nothing was pruned: the repository's tags could not be listed completely: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    for (const tag of tags) {
        const manifest = await loadManifest(opts.store, tag).catch(() => undefined);
        if (manifest)
            caches.push({ tag, manifest });
        else
            result.ignored += 1;
    }
    const grouped = [];
    for (const cache of caches) {
        const prefix = groupOf(cache.manifest.key, opts.keyPrefixes);
        if (prefix === undefined) {
            result.kept.push({ ...describe(cache, ''), reason: 'outside the given key prefixes' });
            continue;
        }
        // The version (path set and compression) and the scope (branch) are part of the group: a
        // branch's caches never push the default branch's out.
        grouped.push({ ...cache, prefix, group: `${cache.manifest.version}|${cache.manifest.scope}|${prefix}` });
    }
    // The suite's one rule engine (src/retention/rules.ts): keep-last and TTL per group, both must
    // hold; this run's caches protected; a digest kept once is never deleted.
    const ranked = (0,rules/* rank */.Tm)(grouped, { group: (c) => c.group, time: (c) => Date.parse(c.manifest.created) }, { keepLast: opts.keepLast, maxAgeMs: opts.maxAgeMs }, opts.now, 'all');
    const firstSeen = new Map();
    for (const c of grouped)
        if (!firstSeen.has(c.group))
            firstSeen.set(c.group, firstSeen.size);
    ranked.sort((a, b) => firstSeen.get(a.group) - firstSeen.get(b.group) || a.rank - b.rank);
    const verdicts = (0,rules/* judge */.S4)(ranked, (entry) => entry.beyondCount
        ? `not among the newest ${opts.keepLast}`
        : entry.beyondAge
            ? `older than ${Math.round(opts.maxAgeMs / 3_600_000)} h`
            : entry.rank === 0
                ? 'newest of its group'
                : 'within the limits', (cache) => cache.manifest.runId === opts.runId && opts.runId !== '' ? 'written in this workflow run' : undefined);
    for (const v of verdicts)
        if (v.keep)
            result.kept.push({ ...describe(v.item, v.item.prefix), reason: v.reason });
    // Registry 2.8 deletes by digest, which removes every tag on it: never delete one a kept tag uses.
    const spared = (0,rules/* spareShared */.xG)(verdicts.filter((v) => !v.keep), (c) => c.manifest.digest, 'shares its manifest with a kept cache', new Set(result.kept.map((k) => k.digest)));
    for (const v of spared) {
        const decision = { ...describe(v.item, v.item.prefix), reason: v.reason };
        if (v.keep) {
            result.kept.push(decision);
            continue;
        }
        if (!opts.dryRun)
            await opts.store.deleteManifest(decision.digest);
        result.deleted.push(decision);
    }
    return result;
}
function describe(cache, group) {
    const m = cache.manifest;
    return { tag: cache.tag, key: m.key, created: m.created, digest: m.digest, group, reason: '' };
}

;// CONCATENATED MODULE: ./src/layer-cache/adapter.ts










const main = async (ctx) => {
    const config = readConfig(ctx.inputs, ctx.runtime, ctx.workspace, ctx.github);
    if (config.mode === 'buildx')
        return buildx(ctx, config);
    if (config.mode === 'prune')
        return pruneMode(ctx, config);
    return restore(ctx, config);
};
const post = async (ctx) => {
    const config = readConfig(ctx.inputs, ctx.runtime, ctx.workspace, ctx.github);
    if (config.mode !== 'paths')
        return;
    return save(ctx, config);
};
/**
 * actions/layer-cache/restore: the paths mode's restore as a step of its own (actions/cache/restore).
 * The same function the single action's main step runs; its state is simply never read.
 */
const restoreStep = async (ctx) => {
    const config = readConfig(ctx.inputs, ctx.runtime, ctx.workspace, ctx.github);
    if (config.mode !== 'paths')
        throw new Error('internal error: the restore sub-action reads paths mode');
    return restore(ctx, config);
};
/**
 * actions/layer-cache/save: the paths mode's save as a step of its own (actions/cache/save), so a
 * workflow can save with `if: always()` after a failed step. It needs nothing from a restore step:
 * the key is its input, and whether that key already has a cache is asked of the registry.
 */
const saveStep = async (ctx) => {
    const config = readConfig(ctx.inputs, ctx.runtime, ctx.workspace, ctx.github);
    if (config.mode !== 'paths')
        throw new Error('internal error: the save sub-action reads paths mode');
    return save(ctx, config, { standalone: true });
};
function openStore(ctx, repository, credentials) {
    const explicit = credentials && repository.kind === 'registry' ? { [repository.registry]: credentials } : {};
    const client = (0,oci/* createRegistryClient */.Hn)({
        http: ctx.http(),
        env: ctx.runtime.env,
        explicit,
        onSecret: (secret) => ctx.runtime.setSecret(secret),
    });
    return (0,oci/* openRepository */.h_)(repository, client, { createLayout: true });
}
function cacheOptions(ctx, config, store) {
    return {
        store,
        scopes: config.scopes,
        spec: config.spec,
        compression: config.compression,
        info: (message) => ctx.runtime.info(message),
        now: () => ctx.clock.now(),
    };
}
/**
 * Network and registry failures (any ServiceError: unreachable, an error status, content that does
 * not match its digest, a broken layout) make a restore a miss and a save a skip, as with
 * actions/cache. Refused credentials are not one of them: they stay the user's to fix.
 */
function isInfrastructureFailure(error) {
    return (0,net/* isServiceError */.gi)(error);
}
async function buildx(ctx, config) {
    const store = openStore(ctx, config.repository, config.credentials);
    const display = `${config.repository.registry}/${config.repository.repository}`;
    const plan = planBuildx(display, config.scope, config.build, config.readOnly);
    const result = await ctx.log.stage('lookup', () => resolveBuildx(plan, store).catch((error) => {
        if (!isInfrastructureFailure(error))
            throw error;
        ctx.runtime.annotate({
            level: 'warning',
            message: `Cache refs not checked, building without cache-from: ${(0,errors/* errorMessage */.gJ)(error)}`,
        });
        return unresolvedBuildx(plan);
    }), (r) => ({
        candidates: r.plan.candidates.length,
        found: r.found.length,
        writes: r.plan.writeRef !== undefined,
    }));
    ctx.runtime.setOutput(OUTPUT.cacheFrom, result.cacheFrom.join('\n'));
    ctx.runtime.setOutput(OUTPUT.cacheTo, result.cacheTo.join('\n'));
    const rows = plan.candidates.map((c) => [
        `\`${(0,runtime_text/* escapeMarkdown */.FV)(c.ref)}\``,
        (0,runtime_text/* escapeMarkdown */.FV)(c.why),
        result.found.includes(c.ref) ? 'found' : 'not found',
        c.ref === plan.writeRef ? 'written' : '',
    ]);
    await ctx.runtime.appendSummary(`### layer-cache (buildx)\n\n${(0,runtime_text/* markdownTable */.Qj)(['ref', 'why', 'cache-from', 'cache-to'], rows)}\n${plan.writeRef
        ? `Writes \`${(0,runtime_text/* escapeMarkdown */.FV)(plan.writeRef)}\`: ${(0,runtime_text/* escapeMarkdown */.FV)(plan.writeReason)}.`
        : `No cache-to: ${(0,runtime_text/* escapeMarkdown */.FV)(plan.writeReason)}.`}\n`);
}
async function restore(ctx, config) {
    const { runtime } = ctx;
    runtime.saveState(STATE.primaryKey, config.key);
    runtime.setOutput(OUTPUT.cachePrimaryKey, config.key);
    let matchedKey;
    let detail;
    if (!config.repository) {
        // @actions/cache (and the Azure SDK it carries) is loaded only on this path, so the registry
        // modes start as fast as the other actions.
        const { restoreFromGitHub } = await Promise.all(/* import() */[__webpack_require__.e(93), __webpack_require__.e(424)]).then(__webpack_require__.bind(__webpack_require__, 2424));
        const result = await ctx.log.stage('restore', () => restoreFromGitHub(config.spec.lines, config.key, config.restoreKeys, config.lookupOnly).catch((error) => {
            runtime.annotate({
                level: 'warning',
                message: `GitHub's cache service failed; continuing without a cache: ${(0,errors/* errorMessage */.gJ)(error)}`,
            });
            return { available: true, matchedKey: undefined };
        }));
        if (!result.available) {
            runtime.annotate({
                level: 'warning',
                message: "GitHub's cache service is not available to this step (no ACTIONS_RESULTS_URL / ACTIONS_RUNTIME_TOKEN); set 'cache-repository' to cache in a registry.",
            });
        }
        matchedKey = result.matchedKey;
        detail = "GitHub's cache service (no cache-repository given)";
    }
    else {
        const store = openStore(ctx, config.repository, config.credentials);
        const options = cacheOptions(ctx, config, store);
        detail = (0,runtime_text/* escapeMarkdown */.FV)(store.display);
        let match;
        try {
            const found = await ctx.log.stage('lookup', () => findCache({ ...options, key: config.key, restoreKeys: config.restoreKeys }), (m) => ({ matched: m?.manifest.key ?? null, exact: m?.exact ?? false }));
            match = found;
            if (found && !config.lookupOnly) {
                const restored = await ctx.log.stage('restore', () => restoreCache({
                    ...options,
                    manifest: found.manifest,
                    tempDir: runtime.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(),
                }), (r) => ({ layers: r.layers, bytes: r.bytes, files: r.files }));
                detail += ` — ${restored.layers} layers, ${restored.files} files, ${restored.bytes} bytes`;
            }
            if (found) {
                matchedKey = found.manifest.key;
                runtime.saveState(STATE.matchedDigest, found.manifest.digest);
            }
        }
        catch (error) {
            if (!(error instanceof CacheMissError) && !isInfrastructureFailure(error))
                throw error;
            // A broken cache under this very key would otherwise stay broken: immutability must not protect it.
            if (error instanceof CacheMissError && match?.exact)
                runtime.saveState(STATE.brokenDigest, match.manifest.digest);
            runtime.annotate({
                level: 'warning',
                message: `Cache not restored (treated as a miss): ${(0,errors/* errorMessage */.gJ)(error)}`,
            });
        }
    }
    const hit = matchedKey === config.key;
    runtime.setOutput(OUTPUT.cacheHit, String(hit));
    runtime.setOutput(OUTPUT.cacheMatchedKey, matchedKey ?? '');
    if (matchedKey)
        runtime.saveState(STATE.matchedKey, matchedKey);
    const outcome = matchedKey ? (hit ? 'hit' : `restored from \`${(0,runtime_text/* escapeMarkdown */.FV)(matchedKey)}\``) : 'miss';
    await runtime.appendSummary(`### layer-cache (paths)\n\n${(0,runtime_text/* markdownTable */.Qj)(['key', 'result', 'where'], [[`\`${(0,runtime_text/* escapeMarkdown */.FV)(config.key)}\``, config.lookupOnly && matchedKey ? `${outcome} (lookup only)` : outcome, detail]])}`);
    if (!matchedKey && config.failOnCacheMiss) {
        throw new Error(`No cache for key ${config.key}${config.restoreKeys.length ? ' or its restore-keys' : ''}, and 'fail-on-cache-miss' is true.`);
    }
}
async function save(ctx, config, options = {}) {
    const { runtime } = ctx;
    // The save sub-action has no restore step of its own: its key input is the key.
    const key = (!options.standalone && runtime.getState(STATE.primaryKey)) || config.key;
    if (config.save === 'never')
        return runtime.info("Not saving: 'save' is 'never'.");
    if (runtime.getState(STATE.matchedKey) === key)
        return runtime.info(`Cache hit on ${key}: not saved again (caches are immutable by key).`);
    if (!config.repository) {
        try {
            const { saveToGitHub } = await Promise.all(/* import() */[__webpack_require__.e(93), __webpack_require__.e(424)]).then(__webpack_require__.bind(__webpack_require__, 2424));
            const result = await ctx.log.stage('save', () => saveToGitHub(config.spec.lines, key));
            if (!result.available)
                runtime.annotate({
                    level: 'warning',
                    message: "Not saved: GitHub's cache service is not available to this step.",
                });
        }
        catch (error) {
            runtime.annotate({
                level: 'warning',
                message: `Not saved to GitHub's cache service: ${(0,errors/* errorMessage */.gJ)(error)}`,
            });
        }
        return;
    }
    const store = openStore(ctx, config.repository, config.credentials);
    try {
        const result = await ctx.log.stage('save', () => saveCache({
            ...cacheOptions(ctx, config, store),
            key,
            runId: ctx.github.runId,
            previousDigest: runtime.getState(STATE.matchedDigest) || undefined,
            brokenDigest: runtime.getState(STATE.brokenDigest) || undefined,
        }), (r) => ({
            saved: r.saved,
            layers: r.layers,
            uploaded_layers: r.uploadedLayers,
            uploaded_bytes: r.uploadedBytes,
            total_bytes: r.totalBytes,
            files: r.files,
        }));
        if (!result.saved) {
            // As actions/cache/save says it: an existing key is not an error, but the step did nothing.
            if (options.standalone && result.exists)
                runtime.annotate({ level: 'notice', message: `Cache not saved: ${result.reason}.` });
            else
                runtime.info(`Not saved: ${result.reason}.`);
            return;
        }
        await runtime.appendSummary(`### layer-cache (paths): saved\n\n${(0,runtime_text/* markdownTable */.Qj)(['key', 'layers', 'uploaded', 'files'], [
            [
                `\`${(0,runtime_text/* escapeMarkdown */.FV)(key)}\``,
                `${result.uploadedLayers} new of ${result.layers}`,
                `${result.uploadedBytes} of ${result.totalBytes} bytes`,
                String(result.files),
            ],
        ])}`);
    }
    catch (error) {
        if (!isInfrastructureFailure(error))
            throw error;
        runtime.annotate({ level: 'warning', message: `Cache not saved: ${(0,errors/* errorMessage */.gJ)(error)}` });
    }
}
async function pruneMode(ctx, config) {
    const store = openStore(ctx, config.repository, config.credentials);
    const result = await ctx.log.stage('prune', () => prune({
        store,
        keepLast: config.keepLast,
        maxAgeMs: config.maxAgeMs,
        keyPrefixes: config.keyPrefixes,
        dryRun: config.dryRun,
        runId: ctx.github.runId,
        now: ctx.clock.now(),
    }), (r) => ({ deleted: r.deleted.length, kept: r.kept.length, ignored: r.ignored, dry_run: config.dryRun }));
    ctx.runtime.setOutput(OUTPUT.deleted, result.deleted.map((d) => d.key).join('\n'));
    ctx.runtime.setOutput(OUTPUT.kept, result.kept.map((d) => d.key).join('\n'));
    const rows = [
        ...result.deleted.map((d) => ({ ...d, action: config.dryRun ? 'would delete' : 'deleted' })),
        ...result.kept.map((d) => ({ ...d, action: 'kept' })),
    ].map((d) => [
        `\`${(0,runtime_text/* escapeMarkdown */.FV)(d.key)}\``,
        (0,runtime_text/* escapeMarkdown */.FV)(d.group),
        d.created,
        d.action,
        (0,runtime_text/* escapeMarkdown */.FV)(d.reason),
    ]);
    await ctx.runtime.appendSummary(`### layer-cache (prune${config.dryRun ? ', dry run' : ''})\n\n${(0,runtime_text/* markdownTable */.Qj)(['key', 'group', 'created', 'action', 'why'], rows)}\n${result.ignored} other tags (BuildKit caches, images) left alone.\n`);
}


/***/ }),

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

/***/ 9654:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ms: () => (/* binding */ padding),
/* harmony export */   YS: () => (/* binding */ encodeHeader),
/* harmony export */   bM: () => (/* binding */ END_OF_ARCHIVE),
/* harmony export */   sB: () => (/* binding */ readTar)
/* harmony export */ });
/* unused harmony export TarFormatError */
/**
 * A small POSIX tar (ustar + pax) writer and reader. The writer is deterministic: the same entries
 * give the same bytes (no uid/gid/user names, no atime, pax records only where ustar cannot hold a
 * value), so an unchanged part of a tree gives an unchanged layer digest. The reader accepts what
 * GNU tar and other writers produce (pax 'x'/'g', GNU 'L'/'K' long names) and validates every
 * header checksum, so a corrupt archive is an error, never silently wrong content.
 */
const BLOCK = 512;
const TYPE_FLAGS = { file: '0', directory: '5', symlink: '2', hardlink: '1' };
class TarFormatError extends Error {
    name = 'TarFormatError';
}
/** The header (plus a pax header when needed) for one entry; file data follows, padded to 512. */
function encodeHeader(entry) {
    const pax = {};
    const name = entry.type === 'directory' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name;
    const split = splitUstarName(name);
    if (!split)
        pax.path = name;
    const linkname = entry.linkname ?? '';
    if (Buffer.byteLength(linkname) > 100 || !isAscii(linkname))
        pax.linkpath = linkname;
    if (entry.size > 0o77777777777)
        pax.size = String(entry.size);
    const main = ustarHeader({
        name: split?.name ?? truncateAscii(name, 100),
        prefix: split?.prefix ?? '',
        mode: entry.mode,
        size: entry.size > 0o77777777777 ? 0 : entry.type === 'file' ? entry.size : 0,
        mtime: Math.max(0, Math.floor(entry.mtime)),
        typeflag: TYPE_FLAGS[entry.type],
        linkname: pax.linkpath ? truncateAscii(linkname, 100) : linkname,
    });
    if (Object.keys(pax).length === 0)
        return main;
    const body = Buffer.from(Object.entries(pax)
        .map(([k, v]) => paxRecord(k, v))
        .join(''));
    const paxHeader = ustarHeader({
        name: truncateAscii(`PaxHeaders/${split?.name ?? name}`, 100),
        prefix: '',
        mode: 0o644,
        size: body.length,
        mtime: 0,
        typeflag: 'x',
        linkname: '',
    });
    return Buffer.concat([paxHeader, body, Buffer.alloc(padding(body.length)), main]);
}
/** Two zero blocks end an archive. */
const END_OF_ARCHIVE = Buffer.alloc(BLOCK * 2);
function padding(size) {
    return (BLOCK - (size % BLOCK)) % BLOCK;
}
function isAscii(text) {
    return /^[\x20-\x7e]*$/.test(text);
}
function truncateAscii(text, max) {
    return text.replace(/[^\x20-\x7e]/g, '_').slice(0, max);
}
function splitUstarName(name) {
    if (!isAscii(name))
        return undefined;
    if (name.length <= 100)
        return { name, prefix: '' };
    for (let i = name.lastIndexOf('/', 155); i > 0; i = name.lastIndexOf('/', i - 1)) {
        if (name.length - i - 1 <= 100 && i <= 155)
            return { name: name.slice(i + 1), prefix: name.slice(0, i) };
    }
    return undefined;
}
function paxRecord(key, value) {
    const body = ` ${key}=${value}\n`;
    let length = Buffer.byteLength(body) + 1;
    while (String(length).length + Buffer.byteLength(body) !== length)
        length = String(length).length + Buffer.byteLength(body);
    return `${length}${body}`;
}
function ustarHeader(f) {
    const header = Buffer.alloc(BLOCK);
    header.write(f.name, 0, 100, 'utf8');
    writeOctal(header, f.mode & 0o7777, 100, 8);
    writeOctal(header, 0, 108, 8);
    writeOctal(header, 0, 116, 8);
    writeOctal(header, f.size, 124, 12);
    writeOctal(header, f.mtime, 136, 12);
    header.fill(' ', 148, 156);
    header.write(f.typeflag, 156, 1, 'ascii');
    header.write(f.linkname, 157, 100, 'utf8');
    header.write('ustar\u000000', 257, 8, 'ascii');
    header.write(f.prefix, 345, 155, 'utf8');
    let sum = 0;
    for (const byte of header)
        sum += byte;
    writeOctal(header, sum, 148, 7);
    return header;
}
function writeOctal(buffer, value, offset, length) {
    buffer.write(value.toString(8).padStart(length - 1, '0'), offset, length - 1, 'ascii');
}
function readString(block, offset, length) {
    const slice = block.subarray(offset, offset + length);
    const end = slice.indexOf(0);
    return slice.subarray(0, end === -1 ? length : end).toString('utf8');
}
function readNumber(block, offset, length) {
    const slice = block.subarray(offset, offset + length);
    if (slice[0] & 0x80) {
        // GNU base-256 for values that do not fit in octal.
        let value = 0;
        for (let i = 1; i < slice.length; i++)
            value = value * 256 + slice[i];
        return value;
    }
    const text = readString(block, offset, length).trim();
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        throw new TarFormatError(`bad octal field ${JSON.stringify(text)} in a tar header`);
    return Number.parseInt(text, 8);
}
function checksumOk(block) {
    const stored = readNumber(block, 148, 8);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 32 : block[i];
    return sum === stored;
}
function parsePax(body) {
    const out = {};
    let at = 0;
    while (at < body.length) {
        const space = body.indexOf(0x20, at);
        if (space === -1)
            throw new TarFormatError('malformed pax record');
        const length = Number(body.subarray(at, space).toString('ascii'));
        if (!Number.isSafeInteger(length) || length <= 0 || at + length > body.length)
            throw new TarFormatError('malformed pax record length');
        const record = body.subarray(space + 1, at + length - 1).toString('utf8');
        const eq = record.indexOf('=');
        if (eq > 0)
            out[record.slice(0, eq)] = record.slice(eq + 1);
        at += length;
    }
    return out;
}
/** A byte source the reader pulls from: exact reads, or undefined at the end. */
class ByteReader {
    buffered = [];
    length = 0;
    done = false;
    iterator;
    constructor(source) {
        this.iterator =
            Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
    }
    async fill(n) {
        while (this.length < n && !this.done) {
            const next = await this.iterator.next();
            if (next.done)
                this.done = true;
            else {
                const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
                this.buffered.push(chunk);
                this.length += chunk.length;
            }
        }
    }
    /** Exactly n bytes, or fewer only at the end of the stream. */
    async read(n) {
        await this.fill(n);
        const all = this.buffered.length === 1 ? this.buffered[0] : Buffer.concat(this.buffered);
        const out = all.subarray(0, Math.min(n, all.length));
        const rest = all.subarray(out.length);
        this.buffered = rest.length ? [rest] : [];
        this.length = rest.length;
        return out;
    }
    /** Hand the next n bytes to sink chunk by chunk, without holding them all. */
    async pipe(n, sink) {
        let left = n;
        while (left > 0) {
            await this.fill(1);
            if (this.length === 0)
                throw new TarFormatError('tar archive ends inside a file');
            const chunk = await this.read(Math.min(left, this.length));
            left -= chunk.length;
            await sink(chunk);
        }
    }
    async drain() {
        while (!(await this.iterator.next()).done) {
            /* read to the end so a decompressor can report trailing damage */
        }
    }
}
/**
 * Reads entries one by one; for each, onEntry is called and must consume the content through the
 * given `content` function (or not, to skip it). Throws TarFormatError on any damage.
 */
async function readTar(source, onEntry) {
    const reader = new ByteReader(source);
    let pax = {};
    let gnuName;
    let gnuLink;
    for (;;) {
        const block = await reader.read(BLOCK);
        if (block.length === 0)
            throw new TarFormatError('tar archive ends without its end-of-archive marker');
        if (block.length < BLOCK)
            throw new TarFormatError('tar archive ends inside a header');
        if (block.every((b) => b === 0)) {
            await reader.drain();
            return;
        }
        if (!checksumOk(block))
            throw new TarFormatError('tar header checksum mismatch');
        const typeflag = String.fromCharCode(block[156]) || '0';
        const size = pax.size !== undefined ? Number(pax.size) : readNumber(block, 124, 12);
        if (!Number.isSafeInteger(size) || size < 0)
            throw new TarFormatError('bad size in a tar header');
        if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
            if (size > 1 << 20)
                throw new TarFormatError('tar extension header over 1 MiB');
            const body = await reader.read(size + padding(size));
            if (body.length < size + padding(size))
                throw new TarFormatError('tar archive ends inside an extension header');
            const data = body.subarray(0, size);
            if (typeflag === 'x')
                pax = { ...pax, ...parsePax(data) };
            else if (typeflag === 'L')
                gnuName = readString(data, 0, data.length);
            else if (typeflag === 'K')
                gnuLink = readString(data, 0, data.length);
            continue;
        }
        const ustar = readString(block, 257, 6) === 'ustar';
        const prefix = ustar ? readString(block, 345, 155) : '';
        const rawName = pax.path ?? gnuName ?? (prefix ? `${prefix}/${readString(block, 0, 100)}` : readString(block, 0, 100));
        const linkname = pax.linkpath ?? gnuLink ?? readString(block, 157, 100);
        const type = entryType(typeflag, rawName);
        const entry = {
            name: rawName,
            type,
            mode: readNumber(block, 100, 8),
            mtime: pax.mtime !== undefined ? Math.floor(Number(pax.mtime)) : readNumber(block, 136, 12),
            size: type === 'file' ? size : 0,
            ...(type === 'symlink' || type === 'hardlink' ? { linkname } : {}),
        };
        pax = {};
        gnuName = undefined;
        gnuLink = undefined;
        let consumed = false;
        await onEntry(entry, async (sink) => {
            consumed = true;
            await reader.pipe(size, sink);
        });
        if (!consumed)
            await reader.pipe(size, () => undefined);
        const pad = await reader.read(padding(size));
        if (pad.length < padding(size))
            throw new TarFormatError('tar archive ends inside file padding');
    }
}
function entryType(typeflag, name) {
    switch (typeflag) {
        case '0':
        case '\0':
        case '7':
            return name.endsWith('/') ? 'directory' : 'file';
        case '5':
            return 'directory';
        case '2':
            return 'symlink';
        case '1':
            return 'hardlink';
        default:
            throw new TarFormatError(`unsupported tar entry type '${typeflag}' for ${JSON.stringify(name)} (devices, FIFOs and sparse files are not cached)`);
    }
}


/***/ }),

/***/ 4897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cx: () => (/* binding */ closure),
/* harmony export */   S4: () => (/* binding */ judge),
/* harmony export */   Tm: () => (/* binding */ rank),
/* harmony export */   xG: () => (/* binding */ spareShared)
/* harmony export */ });
/**
 * The suite's one retention rule engine: layer-cache's prune and registry-retention both decide with
 * it. Three mechanisms, each pure:
 *
 * - rank: items grouped, newest first within their group, each with its rank and age, judged
 *   against `keep-last` (a count) and a TTL (an age). `combine: 'all'` keeps an item only when it is
 *   within every given limit (prune: the newest N, and none older than the TTL); `'any'` keeps it when
 *   it is within one of them (retention's environments: the last N promoted, and every one promoted
 *   within the window).
 * - protect: an item a protection names is kept whatever the limits say (a cache written in this
 *   run; a digest live in an environment).
 * - spare: a digest kept for one reason is never deleted for another. Deleting is by digest (a
 *   registry's manifest DELETE removes every tag on it), so a doomed item sharing its digest with a
 *   kept one is kept; `closure` extends that to everything a kept digest references (an index's
 *   children, its referrers).
 */
/** Every item ranked in its group, in the order the items were given. */
function rank(items, by, limits, now, combine = 'all') {
    const groups = new Map();
    items.forEach((item, index) => {
        const group = by.group(item);
        const members = groups.get(group) ?? [];
        if (!groups.has(group))
            groups.set(group, members);
        members.push({ item, index, time: by.time(item) });
    });
    const out = new Array(items.length);
    for (const [group, members] of groups) {
        // Stable: equal times keep the order given.
        members.sort((a, b) => orderable(b.time) - orderable(a.time));
        members.forEach((member, position) => {
            const ageMs = Number.isNaN(member.time) ? Number.POSITIVE_INFINITY : now - member.time;
            const beyondCount = limits.keepLast !== undefined && position >= limits.keepLast;
            const beyondAge = limits.maxAgeMs !== undefined && ageMs > limits.maxAgeMs;
            const given = (limits.keepLast !== undefined ? 1 : 0) + (limits.maxAgeMs !== undefined ? 1 : 0);
            const expired = given === 0
                ? false
                : combine === 'all'
                    ? beyondCount || beyondAge
                    : (limits.keepLast === undefined || beyondCount) && (limits.maxAgeMs === undefined || beyondAge);
            out[member.index] = {
                item: member.item,
                group,
                rank: position,
                ageMs,
                beyondCount,
                beyondAge,
                expired,
            };
        });
    }
    return out;
}
function orderable(time) {
    return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}
/**
 * Ranked items to verdicts: an expired item is kept when `protect` names a reason; `why` words the
 * verdict either way.
 */
function judge(ranked, why, protect = () => undefined) {
    return ranked.map((entry) => {
        if (!entry.expired)
            return { item: entry.item, keep: true, reason: why(entry) };
        const protection = protect(entry.item);
        if (protection !== undefined)
            return { item: entry.item, keep: true, reason: protection };
        return { item: entry.item, keep: false, reason: why(entry) };
    });
}
/**
 * Doomed verdicts whose digest a kept verdict (or a digest in `alsoKept`) holds become kept, with
 * `reason`: a delete by digest would take the kept one with it.
 */
function spareShared(verdicts, digestOf, reason, alsoKept = new Set()) {
    const kept = new Set(alsoKept);
    for (const v of verdicts)
        if (v.keep)
            kept.add(digestOf(v.item));
    return verdicts.map((v) => {
        if (v.keep || !kept.has(digestOf(v.item)))
            return v;
        const digest = digestOf(v.item);
        return { item: v.item, keep: true, reason: typeof reason === 'string' ? reason : reason(digest) };
    });
}
/**
 * Every digest reachable from `roots` through `edges` (an index's children, a digest's referrers),
 * with the root that first reached it: what a kept digest needs kept along with it.
 */
function closure(roots, edges) {
    const via = new Map();
    const stack = [];
    for (const root of roots) {
        if (via.has(root))
            continue;
        via.set(root, root);
        stack.push(root);
    }
    while (stack.length) {
        const digest = stack.pop();
        for (const next of edges(digest)) {
            if (via.has(next))
                continue;
            via.set(next, digest);
            stack.push(next);
        }
    }
    return via;
}


/***/ })

};
