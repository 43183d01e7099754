export const id = 665;
export const ids = [665];
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

/***/ 8019:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ DEFAULT_SUITE),
/* harmony export */   s: () => (/* binding */ audit)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _glob_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2442);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9541);
/* harmony import */ var _dockerfile_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3572);
/* harmony import */ var _repo_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4924);
/* harmony import */ var _uses_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5754);
/* harmony import */ var _yaml_refs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3084);







const DEFAULT_SUITE = 'acme/gantry';
/**
 * The policy: a third-party reference must be a full SHA (a version comment keeps it readable);
 * a reference to the suite may also be an exact semver tag, because the suite never moves those
 * (only its major tags move, after the suite passed); every image is pinned by digest. Local paths
 * are this repository's own code.
 */
async function audit(dirs, options = {}) {
    const suite = options.suite ?? DEFAULT_SUITE;
    const allow = compileAllow(options.allow ?? []);
    const result = { roots: [], uses: [], images: [], problems: [], failing: 0 };
    const seen = new Set();
    for (const dir of dirs.length ? dirs : ['.']) {
        const { root, files } = await (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__.listRepoFiles)(dir, options.env);
        if (!result.roots.includes(root))
            result.roots.push(root);
        for (const file of files) {
            const key = `${root}\0${file.path}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            const role = (0,_yaml_refs_js__WEBPACK_IMPORTED_MODULE_5__/* .yamlRole */ .m)(file.path);
            if (!role && !(0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_6__/* .isDockerfile */ .p)(file.path))
                continue;
            try {
                const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file.abs, 'utf8');
                if (role) {
                    for (const located of (0,_yaml_refs_js__WEBPACK_IMPORTED_MODULE_5__/* .scanYaml */ .v)(text, file.path, role).uses)
                        result.uses.push(judgeUses(file.path, located.line, located.column, located.ref, suite, allow));
                }
                else {
                    for (const image of (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_6__/* .baseImages */ .i)(text)) {
                        const name = image.image ?? image.written;
                        const allowed = !image.pinned && allow(name, withoutTag(name));
                        result.images.push({
                            file: file.path,
                            line: image.line,
                            instruction: image.instruction,
                            image: image.written === name ? name : `${image.written} (= ${image.image ?? '?'})`,
                            stage: image.stage,
                            platform: image.platform,
                            pinned: image.pinned,
                            allowed,
                            failing: !image.pinned && !allowed,
                            reason: image.reason,
                        });
                    }
                }
            }
            catch (error) {
                if (!(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isConfigurationError */ .p0)(error))
                    throw error;
                result.problems.push({ file: file.path, message: (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error) });
            }
        }
    }
    result.failing =
        result.uses.filter((u) => u.failing).length +
            result.images.filter((i) => i.failing).length +
            result.problems.length;
    return result;
}
function judgeUses(file, line, column, ref, suite, allow) {
    const mutable = (0,_uses_js__WEBPACK_IMPORTED_MODULE_4__/* .isMutable */ .bV)(ref);
    const isSuite = (0,_uses_js__WEBPACK_IMPORTED_MODULE_4__/* .isSuiteRef */ .mw)(ref, suite);
    let reason;
    let bad;
    if (ref.kind === 'invalid') {
        bad = true;
        reason = `cannot be parsed: ${ref.problem}`;
    }
    else if (!mutable) {
        bad = false;
        reason =
            ref.kind === 'local'
                ? "this repository's own code, at the same commit"
                : ref.kind === 'sha'
                    ? 'immutable; add a # vX.Y.Z comment so readers know the version'
                    : 'immutable';
    }
    else if (isSuite && ref.kind === 'semver') {
        bad = false;
        reason = 'suite release tag (exact tags are never moved); pins set --version can pin it by SHA';
    }
    else if (isSuite) {
        bad = true;
        reason = `mutable: pin the suite with gantry pins set --version vX.Y.Z`;
    }
    else if (ref.kind === 'docker') {
        bad = true;
        reason = 'mutable: pin the image by digest (docker://image@sha256:…)';
    }
    else {
        bad = true;
        reason = 'mutable: pin by full commit SHA with a # vX.Y.Z comment';
    }
    const allowed = bad && ref.kind !== 'invalid' && allow(ref.name, ref.raw, withoutTag(ref.name));
    return {
        file,
        line,
        column,
        uses: ref.raw,
        kind: ref.kind,
        version: ref.kind === 'semver' ? ref.ref : ref.commentVersion,
        mutable,
        suite: isSuite,
        allowed,
        failing: bad && !allowed,
        reason: allowed ? `${reason} (allowed by --allow)` : reason,
    };
}
/** An image name without its tag or digest (a registry port stays). */
function withoutTag(image) {
    return image.replace(/@.*$/, '').replace(/:[^/]*$/, '');
}
function compileAllow(patterns) {
    for (const pattern of patterns)
        if (!pattern.trim())
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1("--allow: got an empty pattern; expected a glob such as 'actions/*' or 'node:*'.");
    const matchers = patterns.map((p) => (0,_glob_index_js__WEBPACK_IMPORTED_MODULE_1__/* .globMatcher */ .fU)(p.trim()));
    return (...candidates) => candidates.some((c) => matchers.some((m) => m(c)));
}


/***/ }),

/***/ 4924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   listRepoFiles: () => (/* binding */ listRepoFiles)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _git_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1112);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9541);




/**
 * The files git knows under `dir` (tracked, plus untracked ones that are not ignored), so
 * node_modules and build output stay out when .gitignore says so. A directory that is not in a git
 * work tree is a ConfigurationError: pins are a repository's business.
 */
async function listRepoFiles(dir, env) {
    const absDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dir);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(absDir) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(absDir).isDirectory())
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${JSON.stringify(dir)} is not a directory: give the path of a git repository.`);
    const git = new _git_index_js__WEBPACK_IMPORTED_MODULE_2__/* .Git */ .TU(absDir, env);
    let root;
    try {
        root = await git.text(['rev-parse', '--show-toplevel']);
    }
    catch (error) {
        if (error instanceof _git_index_js__WEBPACK_IMPORTED_MODULE_2__/* .GitError */ .XS)
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${JSON.stringify(dir)} is not inside a git repository (git rev-parse failed): run this in a checkout.`);
        throw error;
    }
    const listing = await git.run([
        'ls-files',
        '-z',
        '--full-name',
        '--cached',
        '--others',
        '--exclude-standard',
    ]);
    const seen = new Set();
    const files = [];
    for (const raw of (0,_git_index_js__WEBPACK_IMPORTED_MODULE_2__/* .splitNul */ .K5)(listing.stdout)) {
        const path = raw.toString('utf8');
        if (seen.has(path))
            continue;
        seen.add(path);
        const abs = Buffer.concat([Buffer.from(`${root}/`), raw]);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(abs))
            continue; // deleted in the work tree but still in the index
        files.push({ path, abs });
    }
    return { root, files };
}


/***/ }),

/***/ 665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rz: () => (/* binding */ insideRepository),
  fn: () => (/* binding */ resolveTag),
  Rz: () => (/* binding */ setPins),
  ME: () => (/* binding */ validateTarget),
  o7: () => (/* binding */ versionComment),
  Zf: () => (/* binding */ writeFileAtomic)
});

// UNUSED EXPORTS: rewriteSuiteRefs, verifyRewrite

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/git/index.ts + 1 modules
var git = __webpack_require__(1112);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
;// CONCATENATED MODULE: ./src/templates/names.ts
/** The suite's pipeline templates (action-templates/<name>), in pipeline order. */
const TEMPLATE_NAMES = [
    'build-once',
    'test-with-quarantine',
    'promote-environment',
    'deploy-with-secrets',
    'service-pipeline',
];

// EXTERNAL MODULE: ./src/pins/audit.ts
var audit = __webpack_require__(8019);
// EXTERNAL MODULE: ./src/pins/repo-files.ts
var repo_files = __webpack_require__(4924);
// EXTERNAL MODULE: ./src/pins/uses.ts
var uses = __webpack_require__(5754);
// EXTERNAL MODULE: ./src/pins/yaml-refs.ts
var yaml_refs = __webpack_require__(3084);
;// CONCATENATED MODULE: ./src/pins/set.ts











const VERSION_ONLY_COMMENT = /^\s*(?:tag=)?v?\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?\s*$/;
function validateTarget(target) {
    if (!uses/* SEMVER_TAG */.wk.test(target.version) || !target.version.startsWith('v'))
        throw errors/* ConfigurationError */.j1.forInput('--version', target.version, 'a release tag such as v1.4.2 (v, then MAJOR.MINOR.PATCH)');
    if (target.sha !== undefined && !uses/* FULL_SHA */.RG.test(target.sha.toLowerCase()))
        throw errors/* ConfigurationError */.j1.forInput('--sha', target.sha, 'a full commit SHA (40 hex digits, or 64 for SHA-256 repositories)');
    if (target.only !== undefined && !TEMPLATE_NAMES.includes(target.only))
        throw errors/* ConfigurationError */.j1.forInput('--only', target.only, `one of the suite's templates: ${TEMPLATE_NAMES.join(', ')}`);
    if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(target.suite))
        throw errors/* ConfigurationError */.j1.forInput('--suite', target.suite, 'owner/repo, e.g. acme/gantry');
    return { ...target, sha: target.sha?.toLowerCase() };
}
function selected(located, target) {
    if (!(0,uses/* isSuiteRef */.mw)(located.ref, target.suite))
        return false;
    if (target.only === undefined)
        return true;
    const path = located.ref.path ?? '';
    return (path === `action-templates/${target.only}` ||
        /^\.github\/workflows\/(.+)\.ya?ml$/.exec(path)?.[1] === target.only);
}
/**
 * Rewrites the suite's references in one workflow or action.yml, changing only the bytes of each
 * value (inside its quotes) and its trailing version comment. The result is parsed again and must
 * equal the original document with only those values replaced.
 */
function rewriteSuiteRefs(text, file, role, target) {
    const { uses } = (0,yaml_refs/* scanYaml */.v)(text, file, role);
    const edits = [];
    const changes = [];
    const notes = [];
    const expected = new Map();
    let unchanged = 0;
    for (const located of uses) {
        if (!selected(located, target))
            continue;
        const { node, range, ref } = located;
        const where = `${file}:${located.line}:${located.column}`;
        const to = `${ref.name}@${target.sha ?? target.version}`;
        const [start, end] = range;
        const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
        if (node.type !== 'PLAIN' && !quoted)
            throw new errors/* ConfigurationError */.j1(`${where}: uses: is written as a block scalar; write it on one line so it can be rewritten exactly.`);
        const inner = quoted ? [start + 1, end - 1] : [start, end];
        if (text.slice(inner[0], inner[1]) !== ref.raw)
            throw new errors/* ConfigurationError */.j1(`${where}: uses: contains escape sequences; write it without escapes so it can be rewritten exactly.`);
        const valueEdit = { start: inner[0], end: inner[1], text: to };
        const commentEdit = located.flow ? undefined : versionComment(located, end, target);
        if (located.flow && target.sha)
            notes.push(`${where}: inside a flow mapping, so no # ${target.version} comment was added`);
        if (to === ref.raw &&
            (!commentEdit || text.slice(commentEdit.start, commentEdit.end) === commentEdit.text)) {
            unchanged++;
            continue;
        }
        edits.push(valueEdit);
        if (commentEdit)
            edits.push(commentEdit);
        expected.set(start, to);
        changes.push({
            file,
            line: located.line,
            from: ref.raw + trailingComment(located),
            to: to + (target.sha && !located.flow ? ` # ${target.version}` : ''),
        });
    }
    // Stryker: equivalent — without edits the text is unchanged and verifying it passes; this only skips the work.
    if (!edits.length)
        return { text, changes, unchanged, notes };
    let next = text;
    for (const edit of edits.sort((a, b) => b.start - a.start))
        next = next.slice(0, edit.start) + edit.text + next.slice(edit.end);
    // Stryker: no input is known that makes the edits above change more than the values (removing
    // this call survives); it is the net for a bug there, and verifyRewrite is tested on its own.
    verifyRewrite(text, next, file, role, expected);
    return { text: next, changes, unchanged, notes };
}
function trailingComment(located) {
    // Outside a flow mapping the rest of the line is blank or `[ \t]+#…` (see scanYaml).
    const comment = located.flow ? '' : located.trailing.trimStart();
    return comment ? ` ${comment}` : '';
}
/** The edit that makes the trailing comment say the version (SHA) or drops a stale one (tag). */
function versionComment(located, valueEnd, target) {
    // Stryker: equivalent without either anchor — both callers pass only uses outside flow mappings,
    // whose rest of the line is blank or `[ \t]+#…` with no line break (scanYaml).
    const match = /^([ \t]+)#(.*)$/.exec(located.trailing);
    if (!match)
        return target.sha ? { start: valueEnd, end: valueEnd, text: ` # ${target.version}` } : undefined;
    const commentStart = valueEnd + match[1].length + 1; // after '#'
    const commentEnd = valueEnd + located.trailing.length;
    const body = match[2];
    const token = uses/* COMMENT_VERSION */.Lt.exec(body);
    if (target.sha) {
        const next = token
            ? body.slice(0, token[0].length - token[1].length) + target.version + body.slice(token[0].length)
            : ` ${target.version} ${body.trimStart()}`;
        return { start: commentStart, end: commentEnd, text: next };
    }
    if (VERSION_ONLY_COMMENT.test(body))
        return { start: valueEnd, end: commentEnd, text: '' };
    // Stryker: equivalent without '^' — a token means the body has a word, so the first match starts at 0.
    if (token)
        return { start: commentStart, end: commentEnd, text: body.replace(/^(\s*)\S+\s*/, '$1') };
    return undefined;
}
/** Throws unless `after` parses to `before` with only the `expected` uses: values (by start offset) replaced. */
function verifyRewrite(before, after, file, role, expected) {
    const old = (0,yaml_refs/* scanYaml */.v)(before, file, role);
    for (const located of old.uses) {
        const to = expected.get(located.range[0]);
        if (to !== undefined)
            located.node.value = to;
    }
    const fresh = (0,yaml_refs/* scanYaml */.v)(after, file, role);
    if (!(0,external_node_util_.isDeepStrictEqual)(fresh.doc.toJS(), old.doc.toJS()))
        throw new Error(`internal error: rewriting ${file} would change more than its uses: values; nothing was written`);
}
/**
 * The real path of a repository file (its directory resolved through every symbolic link), or a
 * ConfigurationError when that leaves the repository: git lists paths from its index, and a
 * directory on the way may have been replaced by a link to anywhere on the machine.
 */
function insideRepository(realRoot, abs, display) {
    const dir = (0,external_node_fs_.realpathSync)(Buffer.from((0,external_node_path_.dirname)(abs.toString('latin1')), 'latin1'), { encoding: 'buffer' });
    // Paths as latin1 strings: one char per byte, so names that are not UTF-8 compare exactly.
    const rel = (0,external_node_path_.relative)(Buffer.from(realRoot).toString('latin1'), dir.toString('latin1'));
    if (rel === '..' || rel.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(rel))
        throw new errors/* ConfigurationError */.j1(`${display}: a directory on its path is a symbolic link that leads outside the repository; refusing to read or write it. Nothing was rewritten.`);
    return Buffer.concat([dir, Buffer.from(`/`), Buffer.from((0,external_node_path_.basename)(abs.toString('latin1')), 'latin1')]);
}
/** Writes beside the target, flushes, then renames over it: readers see the old file or the new one. */
function writeFileAtomic(path, data) {
    const stat = (0,external_node_fs_.lstatSync)(path);
    const tmp = Buffer.concat([
        Buffer.from(path),
        Buffer.from(`.gantry-${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`),
    ]);
    const fd = (0,external_node_fs_.openSync)(tmp, 'wx', stat.mode & 0o7777); // nothing to clean up when this fails
    try {
        try {
            (0,external_node_fs_.writeSync)(fd, data);
            // Stryker: removing this survives — what it buys (the data on disk before the rename) only
            // shows after a power loss.
            (0,external_node_fs_.fsyncSync)(fd);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        (0,external_node_fs_.renameSync)(tmp, path);
    }
    catch (error) {
        // Stryker: `force` is equivalent here (tmp exists); it keeps a vanished tmp from hiding the error.
        (0,external_node_fs_.rmSync)(tmp, { force: true });
        throw error;
    }
}
/**
 * `gantry pins set`: every file is read, rewritten and verified in memory first; only then is each
 * changed file replaced atomically. A bad file anywhere means nothing is written.
 */
async function setPins(dir, target, options = {}) {
    let wanted = validateTarget(target);
    const { root, files } = await (0,repo_files.listRepoFiles)(dir, options.env);
    if (!wanted.sha && !options.tagOnly)
        wanted = { ...wanted, sha: await resolveTag(root, wanted, options) };
    const pending = [];
    const result = { root, sha: wanted.sha, changes: [], unchanged: 0, files: [], notes: [] };
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    for (const file of files) {
        const role = (0,yaml_refs/* yamlRole */.m)(file.path);
        if (!role)
            continue;
        insideRepository(realRoot, file.abs, file.path);
        const stat = (0,external_node_fs_.lstatSync)(file.abs);
        const bytes = (0,external_node_fs_.readFileSync)(file.abs);
        let text;
        try {
            text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
        }
        catch {
            throw new errors/* ConfigurationError */.j1(`${file.path}: not UTF-8 text; GitHub reads workflows as UTF-8. Nothing was rewritten.`);
        }
        const rewritten = rewriteSuiteRefs(text, file.path, role, wanted);
        result.unchanged += rewritten.unchanged;
        result.notes.push(...rewritten.notes);
        if (!rewritten.changes.length)
            continue;
        if (stat.isSymbolicLink())
            throw new errors/* ConfigurationError */.j1(`${file.path} is a symbolic link: rewrite the file it points to instead. Nothing was rewritten.`);
        result.changes.push(...rewritten.changes);
        pending.push({ abs: file.abs, path: file.path, text: rewritten.text });
    }
    if (!result.changes.length && !result.unchanged)
        throw new errors/* ConfigurationError */.j1(`no references to ${wanted.suite}${wanted.only ? ` (${wanted.only})` : ''} found in the workflows or action.yml files under ${JSON.stringify(dir)}.`);
    for (const file of pending) {
        // Resolved again right before writing: the file written is the real path checked.
        writeFileAtomic(insideRepository(realRoot, file.abs, file.path), file.text);
        result.files.push(file.path);
    }
    return result;
}
async function resolveTag(root, target, options) {
    const remote = options.remote ?? `https://github.com/${target.suite ?? audit/* DEFAULT_SUITE */.T}.git`;
    const tag = `refs/tags/${target.version}`;
    let listing;
    try {
        listing = await new git/* Git */.TU(root, options.env).text(['ls-remote', '--tags', remote, tag, `${tag}^{}`]);
    }
    catch (error) {
        if (error instanceof git/* GitError */.XS)
            throw new errors/* ConfigurationError */.j1(`could not list tags of ${remote} (${error.stderr.trim().split('\n').pop()}); give --sha, or --tag-only.`);
        throw error;
    }
    // Stryker: dropping `.filter(Boolean)` is equivalent (an empty line only adds an undefined key).
    const refs = new Map(listing
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.split('\t')[1], line.split('\t')[0]]));
    const sha = refs.get(`${tag}^{}`) ?? refs.get(tag);
    if (!sha)
        throw new errors/* ConfigurationError */.j1(`tag ${target.version} not found in ${remote}: is it released? (or give --sha)`);
    return sha;
}


/***/ })

};
