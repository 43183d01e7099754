export const id = 230;
export const ids = [230];
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


/***/ }),

/***/ 7230:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  readConfig: () => (/* binding */ readConfig),
  renderSummary: () => (/* binding */ renderSummary)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/net/index.ts
var net = __webpack_require__(155);
// EXTERNAL MODULE: ./src/oci/index.ts + 4 modules
var oci = __webpack_require__(8350);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/text.ts
var runtime_text = __webpack_require__(5369);
;// CONCATENATED MODULE: ./src/retention/apply.ts
/**
 * Deleting what a plan says, in its order (children and referrers before what names them), one at a
 * time. A failure stops the run: the report says what was deleted, what failed and what was not
 * attempted. Every delete is by digest and a digest already gone counts as deleted, so running again
 * (which plans afresh) is safe.
 */

class ApplyFailedError extends Error {
    report;
    cause;
    name = 'ApplyFailedError';
    constructor(message, report, cause) {
        super(message);
        this.report = report;
        this.cause = cause;
    }
}
async function applyPlan(plan, deleter) {
    const report = { deleted: [], notAttempted: [], bytesFreed: 0 };
    for (const [i, deletion] of plan.deletions.entries()) {
        try {
            await deleter.delete(deletion);
        }
        catch (error) {
            report.failed = { digest: deletion.digest, error: (0,errors/* errorMessage */.gJ)(error) };
            report.notAttempted = plan.deletions.slice(i + 1).map((d) => d.digest);
            throw new ApplyFailedError(`${plan.repository}: deleting ${deletion.digest} through ${deleter.via} failed after ${report.deleted.length} of ${plan.deletions.length} deletions (${(0,errors/* errorMessage */.gJ)(error)}); ${report.notAttempted.length + 1} not deleted. Running again is safe: it plans afresh.`, report, error);
        }
        report.deleted.push(deletion.digest);
        report.bytesFreed += deletion.bytes;
    }
    return report;
}

;// CONCATENATED MODULE: ./src/retention/constants.ts
const ACTION = 'registry-retention';
const INPUT = {
    rules: 'rules',
    repository: 'repository',
    apply: 'apply',
    username: 'username',
    password: 'password',
    githubToken: 'github-token',
    insecureRegistries: 'insecure-registries',
    concurrency: 'concurrency',
    planFile: 'plan-file',
};
const OUTPUT = {
    plan: 'plan',
    planFile: 'plan-file',
    toDelete: 'to-delete',
    deleted: 'deleted',
    bytesFreed: 'bytes-freed',
};
/** The referrers tag schema's index tag (`sha256-<hex>`) and cosign's tags (`sha256-<hex>.sig` …). */
const ATTACHMENT_TAG = /^sha256-([0-9a-f]{64})(?:\.(?:sig|att|sbom))?$/;

// EXTERNAL MODULE: ./src/promote/constants.ts
var constants = __webpack_require__(5778);
// EXTERNAL MODULE: ./src/promote/records.ts
var promote_records = __webpack_require__(8242);
;// CONCATENATED MODULE: ./src/retention/inventory.ts
/**
 * Reading a repository whole, through src/oci: every tag (the listing follows Link pagination and
 * throws when it breaks off: a plan is never made from part of a listing), the digest of each, every
 * manifest those reach (an index's children, referrers, cosign tags), and promote's records on them
 * (which also name digests tags held before: untagged manifests the registry cannot list).
 */






/** A listing that could not be read whole: nothing may be planned (or deleted) from it. */
class PartialListingError extends Error {
    name = 'PartialListingError';
}
const CONFIG_LIMIT = 1024 * 1024;
async function readInventory(repo, options) {
    const limit = (0,oci/* createLimiter */.zm)(options.concurrency);
    const tags = new Map();
    const created = new Map(options.listing?.created ?? []);
    const pending = [...(options.listing?.untagged ?? [])];
    if (options.listing) {
        for (const [tag, digest] of options.listing.tags)
            tags.set(tag, digest);
    }
    else {
        for (const [tag, digest] of await readTags(repo, limit))
            tags.set(tag, digest);
    }
    pending.push(...new Set(tags.values()));
    const attachments = new Set([...tags].filter(([tag]) => ATTACHMENT_TAG.test(tag)).map(([, d]) => d));
    const manifests = new Map();
    const referrers = new Map();
    const withRecords = new Set();
    const attempted = new Set();
    const read = async (digest) => {
        const manifest = await getIfPresent(repo, digest);
        if (!manifest)
            return;
        const info = {
            digest,
            mediaType: manifest.descriptor.mediaType,
            size: manifest.descriptor.size,
            created: created.get(digest) ?? (await createdOf(repo, manifest)),
            children: (0,oci/* childrenOf */.LU)(manifest).map((d) => d.digest),
            blobs: (0,oci/* blobsOf */.OR)(manifest).map((d) => ({ digest: d.digest, size: d.size })),
            subject: manifest.json.subject?.digest,
        };
        manifests.set(digest, info);
        pending.push(...info.children);
        if (info.subject || attachments.has(digest))
            return;
        const listed = await repo.referrers(digest);
        if (listed.length)
            referrers.set(digest, listed.map((d) => d.digest));
        pending.push(...listed.map((d) => d.digest));
        if (listed.some(isRecord))
            withRecords.add(digest);
    };
    const promotions = [];
    const recordsRead = new Set();
    while (pending.length) {
        const batch = [...new Set(pending.splice(0))].filter((d) => !attempted.has(d));
        for (const d of batch)
            attempted.add(d);
        await Promise.all(batch.map((digest) => limit(() => read(digest))));
        // promote's records: which environment tag held which digest when; they name earlier digests too.
        const subjects = [...withRecords].filter((d) => !recordsRead.has(d));
        for (const d of subjects)
            recordsRead.add(d);
        const records = await Promise.all(subjects.map((digest) => limit(() => (0,promote_records/* readRecords */.T3)(repo, digest, options.warn))));
        for (const record of records.flat()) {
            // A refusal moved nothing: counting it would push a real rollback target out of keep-last.
            if (record.kind === 'refusal')
                continue;
            const time = Date.parse(record.time);
            for (const destination of record.destinations) {
                // By repository path: the registry may be reached by another name than at promotion time.
                if (!sameRepository(destination?.repository, repo.display) || typeof destination.tag !== 'string')
                    continue;
                promotions.push({ tag: destination.tag, digest: record.digest, time });
                if (typeof destination.previous === 'string')
                    pending.push(destination.previous);
            }
        }
    }
    // An index has no config: it is as old as its newest child.
    for (const info of manifests.values()) {
        if (info.created !== undefined || !info.children.length)
            continue;
        const times = info.children
            .map((c) => manifests.get(c)?.created)
            .filter((t) => t !== undefined);
        if (times.length)
            info.created = Math.max(...times);
    }
    return { tags, manifests, referrers, promotions };
}
/** Every tag of the repository and the digest it points to now (one HEAD per tag). */
async function readTags(repo, limit) {
    const tags = new Map();
    let names;
    try {
        names = await repo.tags();
    }
    catch (error) {
        // Not reached at all: the caller names the registry and the fix.
        if (error instanceof net/* NetworkError */.Dr ||
            error instanceof net/* HttpTimeoutError */.Iu ||
            error instanceof net/* CircuitOpenError */.Ch)
            throw error;
        throw new PartialListingError(`the tags of ${repo.display} could not be listed completely, so nothing was planned or deleted: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    await Promise.all(names.map((tag) => limit(async () => {
        const found = await repo.resolve(tag);
        // A tag deleted since the listing: nothing to decide about.
        if (found)
            tags.set(tag, found.digest);
    })));
    return tags;
}
function sameRepository(recorded, display) {
    if (typeof recorded !== 'string')
        return false;
    const path = (name) => name.slice(name.indexOf('/') + 1);
    return path(recorded) === path(display);
}
function isRecord(descriptor) {
    return descriptor.artifactType === constants/* PROMOTION_ARTIFACT_TYPE */.yz;
}
async function getIfPresent(repo, digest) {
    try {
        return await repo.getManifest(digest);
    }
    catch (error) {
        // Deleted since (a rerun after a partial apply), or a record's earlier digest long gone.
        if (error instanceof oci/* RegistryError */.gl && error.notFound)
            return undefined;
        throw error;
    }
}
/** When the manifest was made: its annotation, else its image config's `created`. */
async function createdOf(repo, manifest) {
    const annotated = Date.parse(manifest.json.annotations?.['org.opencontainers.image.created'] ?? '');
    if (!Number.isNaN(annotated))
        return annotated;
    const config = manifest.json.config;
    if (!config ||
        config.size > CONFIG_LIMIT ||
        !/json/.test(config.mediaType) ||
        // An artifact (a signature, an SBOM) says its type; its config is no image config.
        manifest.json.artifactType)
        return undefined;
    try {
        const chunks = [];
        for await (const chunk of await repo.openBlob(config))
            chunks.push(Buffer.from(chunk));
        const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const time = typeof parsed.created === 'string' ? Date.parse(parsed.created) : Number.NaN;
        return Number.isNaN(time) ? undefined : time;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/retention/packages.ts



function base(target) {
    const owner = target.ownerType === 'org'
        ? `/orgs/${encodeURIComponent(target.owner)}`
        : `/users/${encodeURIComponent(target.owner)}`;
    return `${owner}/packages/container/${encodeURIComponent(target.name)}/versions`;
}
function describeTarget(target) {
    return `${target.ownerType === 'org' ? 'organization' : 'user'} ${target.owner}'s container package ${target.name}`;
}
async function listPackageVersions(github, target) {
    const versions = [];
    let pages = 0;
    try {
        for await (const response of github.paginate.iterator(`GET ${base(target)}`, { per_page: 100 })) {
            pages += 1;
            versions.push(...response.data);
        }
    }
    catch (error) {
        const status = error.status;
        if (pages === 0 && (status === 401 || status === 403))
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.githubToken}': GitHub refused to list the versions of ${describeTarget(target)} (HTTP ${status}). Give a token with read:packages (\`permissions: packages: read\`). Nothing was deleted.`);
        if (pages === 0 && status === 404)
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.rules}': GitHub has no ${describeTarget(target)} the token can see (HTTP 404). Check the entry's package (owner, owner-type, name) and that the token may read it. Nothing was deleted.`);
        throw new PartialListingError(`the versions of ${describeTarget(target)} could not be listed completely (${versions.length} read in ${pages} pages), so nothing was planned or deleted: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    const listing = {
        tags: new Map(),
        created: new Map(),
        untagged: [],
        versionIds: new Map(),
    };
    for (const v of versions) {
        if (typeof v.name !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(v.name))
            continue;
        listing.versionIds.set(v.name, v.id);
        const time = Date.parse(v.created_at);
        if (!Number.isNaN(time))
            listing.created.set(v.name, time);
        const tags = v.metadata?.container?.tags ?? [];
        for (const tag of tags)
            listing.tags.set(tag, v.name);
        if (!tags.length)
            listing.untagged.push(v.name);
    }
    return listing;
}
function packagesDeleter(github, target, versionIds) {
    return {
        via: 'GitHub Packages',
        async delete(deletion) {
            const id = versionIds.get(deletion.digest);
            // A manifest the package lists no version for (an index's child GHCR keeps inside its version).
            if (id === undefined)
                return;
            try {
                await github.request(`DELETE ${base(target)}/${id}`);
            }
            catch (error) {
                const status = error.status;
                // Gone already (a rerun): deleted is what was asked.
                if (status === 404)
                    return;
                if (status === 401 || status === 403)
                    throw new errors/* ConfigurationError */.j1(`Input '${INPUT.githubToken}': GitHub refused to delete version ${id} (${deletion.digest}) of ${describeTarget(target)} (HTTP ${status}: ${(0,errors/* errorMessage */.gJ)(error)}). Give a token that may delete package versions (delete:packages, or \`permissions: packages: write\` with admin access to the package), or leave '${INPUT.apply}' false.`);
                throw error;
            }
        },
    };
}

// EXTERNAL MODULE: ./src/retention/rules.ts
var rules = __webpack_require__(4897);
;// CONCATENATED MODULE: ./src/retention/plan.ts
/**
 * What retention would delete in one repository, and why: pure, over an inventory read whole.
 *
 * Every digest is first classed by its own rules: a digest with a tag is kept when any of its tags
 * is kept (a keep-tags pattern, an environment's tag, or no expire rule matching, or an expire rule
 * not yet due) and a candidate when all its tags expired; an untagged digest nothing references is a
 * candidate once expire-untagged says so. A digest promoted to an environment within that
 * environment's keep window (its last N, or within keep-within) is kept whatever its tags say.
 * Then everything a kept digest references (an index's children, its referrers, their referrers) is
 * kept; what candidates reference is deleted with them unless kept. So the delete set and the kept
 * closure never meet (the property test checks exactly that).
 */


const DAY = 86_400_000;
function formatAge(ms) {
    if (!Number.isFinite(ms))
        return 'unknown';
    if (ms >= DAY)
        return `${Math.floor(ms / DAY)}d`;
    if (ms >= 3_600_000)
        return `${Math.floor(ms / 3_600_000)}h`;
    return `${Math.max(0, Math.floor(ms / 60_000))}m`;
}
function environmentOf(rules, tag) {
    return rules.find((env) => env.tags.some((t) => t.test(tag)));
}
function planRetention(policy, inv, now) {
    const tagsOf = new Map();
    const attachments = new Map();
    const plainTags = [];
    // Sorted: the listing's order depends on which HEAD answered first; a plan must not.
    for (const [tag, digest] of [...inv.tags].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
        const attached = ATTACHMENT_TAG.exec(tag);
        if (attached) {
            // Follows its subject: kept with it, deleted with it.
            const subject = `sha256:${attached[1]}`;
            if (inv.manifests.has(subject)) {
                attachments.set(subject, [...(attachments.get(subject) ?? []), digest]);
                push(tagsOf, digest, tag);
                continue;
            }
        }
        push(tagsOf, digest, tag);
        plainTags.push({ tag, digest });
    }
    const edges = (digest) => {
        const m = inv.manifests.get(digest);
        return [...(m?.children ?? []), ...(inv.referrers.get(digest) ?? []), ...(attachments.get(digest) ?? [])];
    };
    const created = (digest) => inv.manifests.get(digest)?.created ?? Number.NaN;
    // Unknown age: never old enough for an age rule.
    const ageTime = (digest) => (Number.isNaN(created(digest)) ? now : created(digest));
    const keepRoots = new Map();
    const candidates = new Map();
    const keep = (digest, reason) => {
        if (!keepRoots.has(digest))
            keepRoots.set(digest, reason);
    };
    // Environments: the last N digests promoted there, and every one promoted within keep-within.
    const lastPromotion = new Map();
    const perEnv = new Map();
    for (const p of inv.promotions) {
        const env = environmentOf(policy.environments, p.tag);
        const name = env?.name ?? p.tag;
        const seen = lastPromotion.get(p.digest);
        if (!seen || seen.time < p.time)
            lastPromotion.set(p.digest, { environment: name, time: p.time });
        if (!env)
            continue;
        const digests = perEnv.get(env.name) ?? new Map();
        perEnv.set(env.name, digests);
        digests.set(p.digest, Math.max(digests.get(p.digest) ?? Number.NEGATIVE_INFINITY, p.time));
    }
    for (const env of policy.environments) {
        const promoted = [...(perEnv.get(env.name) ?? new Map())].map(([digest, time]) => ({
            digest,
            time,
        }));
        const ranked = (0,rules/* rank */.Tm)(promoted, { group: () => env.name, time: (p) => p.time }, { keepLast: env.keepLast, maxAgeMs: env.keepWithinMs }, now, 'any');
        for (const r of ranked)
            if (!r.expired)
                keep(r.item.digest, `promoted to ${env.name} ${formatAge(r.ageMs)} ago (#${r.rank + 1} of its last ${env.keepLast}${env.keepWithinMs !== undefined ? `, or within ${formatAge(env.keepWithinMs)}` : ''})`);
    }
    // Tags: protected ones first, then the first expire rule that matches, ranked by the shared engine.
    const tagVerdict = new Map();
    const byRule = [];
    for (const t of plainTags) {
        const protector = policy.keepTags.find((p) => p.test(t.tag));
        if (protector) {
            tagVerdict.set(t.tag, { keep: true, reason: `tag ${t.tag} (keep-tags ${protector.pattern})` });
            continue;
        }
        const env = environmentOf(policy.environments, t.tag);
        if (env) {
            tagVerdict.set(t.tag, { keep: true, reason: `tag ${t.tag} (environment ${env.name})` });
            continue;
        }
        const rule = policy.expireTags.findIndex((r) => r.pattern.test(t.tag));
        if (rule < 0) {
            tagVerdict.set(t.tag, { keep: true, reason: `tag ${t.tag} (no expire rule matches)` });
            continue;
        }
        byRule.push({ ...t, rule });
    }
    policy.expireTags.forEach((rule, index) => {
        // Kept while within the age, or among the rule's newest keep-last.
        const ranked = (0,rules/* rank */.Tm)(byRule.filter((t) => t.rule === index), { group: () => String(index), time: (t) => ageTime(t.digest) }, { keepLast: rule.keepLast, maxAgeMs: rule.afterMs }, now, 'any');
        const name = `expire-tags[${index}] ${rule.pattern.pattern}`;
        for (const v of (0,rules/* judge */.S4)(ranked, (r) => r.expired
            ? `tag ${r.item.tag} is ${formatAge(r.ageMs)} old (${rule.pattern.pattern} after ${formatAge(rule.afterMs)})`
            : `tag ${r.item.tag} (${rule.pattern.pattern}: ${formatAge(r.ageMs)} old, ${r.beyondAge ? `among the newest ${rule.keepLast}` : `within ${formatAge(rule.afterMs)}`})`))
            tagVerdict.set(v.item.tag, { keep: v.keep, reason: v.reason, rule: name });
    });
    for (const [digest, tags] of tagsOf) {
        const plain = tags.filter((t) => tagVerdict.has(t));
        if (!plain.length)
            continue;
        const kept = plain.find((t) => tagVerdict.get(t).keep);
        if (kept)
            keep(digest, tagVerdict.get(kept).reason);
        else {
            const first = tagVerdict.get(plain[0]);
            candidates.set(digest, {
                rule: first.rule,
                reason: plain.map((t) => tagVerdict.get(t).reason).join('; '),
            });
        }
    }
    // Untagged: what no plainly tagged or promoted digest reaches.
    const reached = (0,rules/* closure */.Cx)([...new Set([...plainTags.map((t) => t.digest), ...lastPromotion.keys()])], edges);
    const untagged = [...inv.manifests.keys()].filter((d) => !reached.has(d));
    for (const digest of untagged) {
        if (keepRoots.has(digest))
            continue;
        const [r] = (0,rules/* rank */.Tm)([digest], { group: () => '', time: ageTime }, { maxAgeMs: policy.expireUntaggedAfterMs }, now);
        if (policy.expireUntaggedAfterMs !== undefined && r.expired)
            candidates.set(digest, {
                rule: 'expire-untagged',
                reason: `untagged, ${formatAge(r.ageMs)} old (after ${formatAge(policy.expireUntaggedAfterMs)})`,
            });
        else
            keep(digest, policy.expireUntaggedAfterMs === undefined
                ? 'untagged (no expire-untagged rule)'
                : `untagged, ${formatAge(r.ageMs)} old (within ${formatAge(policy.expireUntaggedAfterMs)})`);
    }
    // Promoted but out of every window, and not otherwise a candidate: it goes only by its tags' rules.
    for (const digest of lastPromotion.keys())
        if (inv.manifests.has(digest) && !keepRoots.has(digest) && !candidates.has(digest) && !tagsOf.has(digest))
            keep(digest, 'promoted earlier, untagged, and reached by no expire rule');
    const keptVia = (0,rules/* closure */.Cx)(keepRoots.keys(), edges);
    const doomedVia = (0,rules/* closure */.Cx)(candidates.keys(), edges);
    // Delete order: post-order from each candidate, so children and referrers go before what names
    // them (a failure midway leaves every remaining digest still reachable from a tag for the rerun).
    const order = [];
    const visited = new Set();
    const visit = (digest) => {
        if (visited.has(digest) || keptVia.has(digest) || !inv.manifests.has(digest))
            return;
        visited.add(digest);
        for (const next of edges(digest))
            visit(next);
        order.push(digest);
    };
    for (const digest of [...candidates.keys()].sort())
        visit(digest);
    const keptBlobs = new Set();
    for (const digest of keptVia.keys())
        for (const blob of inv.manifests.get(digest)?.blobs ?? [])
            keptBlobs.add(blob.digest);
    const counted = new Set();
    const deletions = order.map((digest) => {
        const m = inv.manifests.get(digest);
        let bytes = m.size;
        for (const blob of m.blobs) {
            if (keptBlobs.has(blob.digest) || counted.has(blob.digest))
                continue;
            counted.add(blob.digest);
            bytes += blob.size;
        }
        const own = candidates.get(digest);
        const parent = doomedVia.get(digest);
        const promoted = lastPromotion.get(digest);
        return {
            digest,
            tags: tagsOf.get(digest) ?? [],
            rule: own?.rule ?? `with ${parent}`,
            reason: own?.reason ?? `referenced by ${parent}, which is deleted`,
            created: Number.isNaN(created(digest)) ? undefined : new Date(created(digest)).toISOString(),
            lastPromotion: promoted
                ? { environment: promoted.environment, time: new Date(promoted.time).toISOString() }
                : undefined,
            bytes,
        };
    });
    const kept = [...keptVia].map(([digest, via]) => ({
        digest,
        tags: tagsOf.get(digest) ?? [],
        reason: keepRoots.get(digest) ?? `referenced by kept ${via}`,
    }));
    return {
        repository: policy.text,
        deletions,
        kept,
        bytesFreed: deletions.reduce((sum, d) => sum + d.bytes, 0),
    };
}
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/glob/index.ts
var glob = __webpack_require__(2442);
// EXTERNAL MODULE: ./src/runtime/inputs.ts
var inputs = __webpack_require__(2291);
;// CONCATENATED MODULE: ./src/retention/policy.ts
/**
 * The retention rules file (YAML), one entry per repository:
 *
 *   repositories:
 *     - repository: ghcr.io/acme/app          # registry/name, no tag
 *       environments:                         # from promote's records on each digest
 *         production: { keep-last: 10, keep-within: 90d, tags: [production, prod] }
 *         staging: { keep-last: 3 }           # tags default to [<environment name>]
 *       keep-tags: [latest, 'v*']             # digests these tags point to are always kept
 *       expire-tags:                          # first matching rule decides a tag
 *         - { pattern: 'pr-*', after: 7d }
 *         - { pattern: 'sha-*', after: 30d, keep-last: 20 }
 *       expire-untagged: { after: 14d }       # manifests no tag points to (and nothing kept references)
 *       package: { owner: acme, owner-type: org, name: app }   # GitHub Packages (ghcr.io): optional
 *
 * Unknown keys are errors (a misspelt `keep-lats` must not silently keep nothing).
 */






const REPO_KEYS = [
    'repository',
    'environments',
    'keep-tags',
    'expire-tags',
    'expire-untagged',
    'package',
];
const ENV_KEYS = ['keep-last', 'keep-within', 'tags'];
const EXPIRE_KEYS = ['pattern', 'after', 'keep-last'];
const UNTAGGED_KEYS = ['after'];
const PACKAGE_KEYS = ['owner', 'owner-type', 'name'];
/** Characters a tag may hold, plus glob syntax. */
const TAG_GLOB_CHARS = /^[A-Za-z0-9_.\-*?[\]{}!,|()@+^]+$/;
class FileError extends errors/* ConfigurationError */.j1 {
}
function parsePolicy(text, file) {
    const fail = (where, what) => {
        throw new FileError(`Input '${INPUT.rules}': ${file}: ${where}: ${what}. See the rules file schema in actions/registry-retention/README.md.`);
    };
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text, { maxAliasCount: 100 });
    }
    catch (error) {
        if (error instanceof dist/* YAMLParseError */.XT)
            fail('not valid YAML', error.message.split('\n')[0]);
        throw error;
    }
    const root = object(doc, 'the file', ['repositories'], fail);
    const list = root.repositories;
    if (!Array.isArray(list) || list.length === 0)
        fail('repositories', 'expected a list with at least one repository');
    const seen = new Set();
    const repositories = list.map((entry, i) => {
        const where = `repositories[${i}]`;
        const raw = object(entry, where, REPO_KEYS, fail);
        const text = typeof raw.repository === 'string' ? raw.repository.trim() : '';
        if (!text)
            fail(`${where}.repository`, 'expected a repository such as ghcr.io/acme/app');
        let ref;
        try {
            const parsed = (0,oci/* parseReference */.F2)(text);
            if (parsed.kind === 'registry' && !parsed.tag && !parsed.digest)
                ref = parsed;
        }
        catch (error) {
            if (!(error instanceof oci/* InvalidReferenceError */.x_))
                throw error;
            fail(`${where}.repository`, `'${text}' is not a repository (${error.reason})`);
        }
        if (!ref)
            fail(`${where}.repository`, `'${text}' must name a registry repository, without tag or digest`);
        const key = `${ref.registry}/${ref.repository}`;
        if (seen.has(key))
            fail(`${where}.repository`, `'${text}' is listed twice`);
        seen.add(key);
        const environments = [];
        if (raw.environments !== undefined) {
            const envs = object(raw.environments, `${where}.environments`, undefined, fail);
            for (const [name, value] of Object.entries(envs)) {
                const at = `${where}.environments.${name}`;
                const env = object(value, at, ENV_KEYS, fail);
                const keepLast = count(env['keep-last'], `${at}.keep-last`, fail, true);
                const keepWithinMs = duration(env['keep-within'], `${at}.keep-within`, fail);
                const tags = env.tags === undefined ? [name] : strings(env.tags, `${at}.tags`, fail);
                environments.push({
                    name,
                    keepLast,
                    keepWithinMs,
                    tags: tags.map((t, j) => tagPattern(t, `${at}.tags[${j}]`, fail)),
                });
            }
        }
        const keepTags = raw['keep-tags'] === undefined
            ? []
            : strings(raw['keep-tags'], `${where}.keep-tags`, fail).map((t, j) => tagPattern(t, `${where}.keep-tags[${j}]`, fail));
        const expireTags = [];
        if (raw['expire-tags'] !== undefined) {
            if (!Array.isArray(raw['expire-tags']))
                fail(`${where}.expire-tags`, 'expected a list of rules');
            raw['expire-tags'].forEach((value, j) => {
                const at = `${where}.expire-tags[${j}]`;
                const rule = object(value, at, EXPIRE_KEYS, fail);
                if (typeof rule.pattern !== 'string')
                    fail(`${at}.pattern`, "expected a tag glob such as 'pr-*'");
                const afterMs = duration(rule.after, `${at}.after`, fail);
                if (afterMs === undefined)
                    fail(`${at}.after`, 'expected an age such as 7d');
                expireTags.push({
                    pattern: tagPattern(rule.pattern, `${at}.pattern`, fail),
                    afterMs: afterMs,
                    keepLast: count(rule['keep-last'], `${at}.keep-last`, fail, false),
                });
            });
        }
        let expireUntaggedAfterMs;
        if (raw['expire-untagged'] !== undefined) {
            const rule = object(raw['expire-untagged'], `${where}.expire-untagged`, UNTAGGED_KEYS, fail);
            expireUntaggedAfterMs = duration(rule.after, `${where}.expire-untagged.after`, fail);
            if (expireUntaggedAfterMs === undefined)
                fail(`${where}.expire-untagged.after`, 'expected an age such as 14d');
        }
        let pkg;
        if (raw.package !== undefined) {
            const p = object(raw.package, `${where}.package`, PACKAGE_KEYS, fail);
            for (const k of ['owner', 'name'])
                if (typeof p[k] !== 'string' || !p[k])
                    fail(`${where}.package.${k}`, 'expected a name');
            const ownerType = p['owner-type'] ?? 'org';
            if (ownerType !== 'org' && ownerType !== 'user')
                fail(`${where}.package.owner-type`, `got '${String(ownerType)}'; expected org or user`);
            pkg = { owner: p.owner, name: p.name, ownerType: ownerType };
        }
        else if (ref.registry === 'ghcr.io') {
            // GHCR has no manifest DELETE: its Packages API deletes. The package is the repository path.
            const [owner, ...rest] = ref.repository.split('/');
            pkg = { owner: owner, ownerType: 'org', name: rest.join('/') };
        }
        return {
            text,
            ref: ref,
            environments,
            keepTags,
            expireTags,
            expireUntaggedAfterMs,
            package: pkg,
        };
    });
    return { repositories };
}
function object(value, where, keys, fail) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail(where, 'expected a mapping');
    const record = value;
    if (keys) {
        const unknown = Object.keys(record).filter((k) => !keys.includes(k));
        if (unknown.length)
            fail(where, `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')} (known: ${keys.join(', ')})`);
    }
    return record;
}
function count(value, where, fail, required) {
    if (value === undefined) {
        if (required)
            fail(where, 'required: how many digests to keep (an integer >= 0)');
        return undefined;
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
        fail(where, `got ${JSON.stringify(value)}; expected an integer >= 0`);
    return value;
}
function duration(value, where, fail) {
    if (value === undefined)
        return undefined;
    const ms = typeof value === 'string' || typeof value === 'number' ? (0,inputs/* parseDuration */.E9)(String(value)) : undefined;
    if (ms === undefined)
        fail(where, `got ${JSON.stringify(value)}; expected a duration such as 12h, 7d or 2w`);
    return ms;
}
function strings(value, where, fail) {
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.some((v) => typeof v !== 'string' || v === ''))
        fail(where, 'expected a tag or a list of tags');
    return list;
}
function tagPattern(pattern, where, fail) {
    if (!TAG_GLOB_CHARS.test(pattern))
        fail(where, `'${pattern}' can never match a tag (tags hold only letters, digits, '_', '.' and '-')`);
    try {
        return { pattern, test: (0,glob/* globTest */.FX)(pattern) };
    }
    catch (error) {
        if (error instanceof glob/* GlobError */.pZ)
            fail(where, `'${pattern}' is not a valid glob (${error.message})`);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/retention/recheck.ts
async function spareRetagged(plan, inventory, now, 
/** The children of a digest the inventory never read (a manifest pushed after the plan). */
childrenOf) {
    const planned = new Set(plan.deletions.map((d) => d.digest));
    // Which new or moved tags reach each planned digest.
    const reachedBy = new Map();
    for (const [tag, digest] of now) {
        if (inventory.tags.get(tag) === digest)
            continue;
        const seen = new Set();
        const queue = [digest];
        for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
            if (seen.has(next))
                continue;
            seen.add(next);
            if (planned.has(next)) {
                const tags = reachedBy.get(next) ?? new Set();
                tags.add(tag);
                reachedBy.set(next, tags);
            }
            const known = inventory.manifests.get(next);
            queue.push(...(known ? known.children : await childrenOf(next)));
            queue.push(...(inventory.referrers.get(next) ?? []));
        }
    }
    if (reachedBy.size === 0)
        return { plan, spared: [] };
    const spared = plan.deletions
        .filter((d) => reachedBy.has(d.digest))
        .map((d) => ({ digest: d.digest, tags: [...reachedBy.get(d.digest)].sort() }));
    const kept = spared.map((s) => ({
        digest: s.digest,
        tags: s.tags,
        reason: `tagged ${s.tags.join(', ')} after the plan was made`,
    }));
    const deletions = plan.deletions.filter((d) => !reachedBy.has(d.digest));
    return {
        plan: {
            ...plan,
            deletions,
            kept: [...plan.kept, ...kept],
            // Blobs shared with a spared manifest were counted as freed: an upper bound, now lowered.
            bytesFreed: deletions.reduce((sum, d) => sum + d.bytes, 0),
        },
        spared,
    };
}

;// CONCATENATED MODULE: ./src/retention/adapter.ts














function readConfig(ctx) {
    const { inputs, runtime } = ctx;
    const password = inputs.optional(INPUT.password);
    if (password)
        runtime.setSecret(password);
    const token = inputs.optional(INPUT.githubToken);
    if (token)
        runtime.setSecret(token);
    const rules = inputs.string(INPUT.rules) || '.github/retention.yml';
    const path = (0,external_node_path_.isAbsolute)(rules) ? rules : (0,external_node_path_.join)(ctx.workspace, rules);
    if (!(0,external_node_fs_.existsSync)(path))
        throw new errors/* ConfigurationError */.j1(`Input '${INPUT.rules}': the rules file ${rules} does not exist. Add it (see the schema in actions/registry-retention/README.md) or point '${INPUT.rules}' at it.`);
    let policy = parsePolicy((0,external_node_fs_.readFileSync)(path, 'utf8'), rules);
    const only = inputs.optional(INPUT.repository);
    if (only) {
        const chosen = policy.repositories.filter((r) => r.text === only);
        if (!chosen.length)
            throw errors/* ConfigurationError */.j1.forInput(INPUT.repository, only, `one of the repositories in ${rules}: ${policy.repositories.map((r) => r.text).join(', ')}`);
        policy = { repositories: chosen };
    }
    const username = inputs.optional(INPUT.username);
    if (Boolean(username) !== Boolean(password))
        throw new errors/* ConfigurationError */.j1(`Inputs '${INPUT.username}' and '${INPUT.password}' go together: give both, or neither (the Docker config file is read then).`);
    const insecureRegistries = inputs
        .lines(INPUT.insecureRegistries)
        .flatMap((l) => l.split(','))
        .map((s) => s.trim())
        .filter(Boolean);
    for (const host of insecureRegistries)
        if (!/^[A-Za-z0-9.-]+(:\d+)?$/.test(host))
            throw errors/* ConfigurationError */.j1.forInput(INPUT.insecureRegistries, host, 'host[:port] entries such as registry.local:5000');
    const planFile = inputs.optional(INPUT.planFile) ??
        (0,external_node_path_.join)(runtime.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'registry-retention-plan.json');
    return {
        rulesFile: rules,
        policy,
        apply: inputs.boolean(INPUT.apply, false),
        credentials: username && password ? { username, password } : undefined,
        githubToken: token,
        insecureRegistries,
        concurrency: inputs.integer(INPUT.concurrency, { min: 1, max: 64, fallback: 8 }),
        planFile: (0,external_node_path_.isAbsolute)(planFile) ? planFile : (0,external_node_path_.join)(ctx.workspace, planFile),
    };
}
const main = async (ctx) => {
    const { runtime, log } = ctx;
    const config = readConfig(ctx);
    const explicit = Object.fromEntries(config.credentials ? config.policy.repositories.map((r) => [r.ref.registry, config.credentials]) : []);
    const client = new oci/* RegistryClient */.bP({
        http: ctx.http(),
        credentials: (0,oci/* credentialChain */.VU)(explicit, (0,oci/* dockerConfigCredentials */.D)(runtime.env)),
        insecureRegistries: config.insecureRegistries,
        onSecret: (secret) => runtime.setSecret(secret),
    });
    let github;
    const gitHub = async (policy) => {
        if (!config.githubToken)
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.githubToken}' is required for ${policy.text}: ${describeTarget(policy.package)} is read and deleted through GitHub's Packages API. Give a token with read:packages (and delete:packages to apply).`);
        github ??= await ctx.gitHub(config.githubToken);
        return github;
    };
    // Every repository is planned before anything is deleted: a bad entry fails the step first.
    const planned = [];
    for (const policy of config.policy.repositories) {
        const repo = client.repository(policy.ref.registry, policy.ref.repository);
        const result = await log.stage('plan', () => runtime.group(`Plan ${policy.text}`, () => reach(policy, config, async () => {
            const listing = policy.package
                ? await listPackageVersions(await gitHub(policy), policy.package)
                : undefined;
            const inventory = await readInventory(repo, {
                concurrency: config.concurrency,
                warn: (message) => runtime.annotate({ level: 'warning', title: 'registry-retention', message }),
                listing,
            });
            const plan = planRetention(policy, inventory, ctx.clock.now());
            const deleter = policy.package && listing
                ? packagesDeleter(await gitHub(policy), policy.package, listing.versionIds)
                : registryDeleter(repo, policy);
            return {
                plan,
                deleter,
                inventory,
                listing,
                tags: inventory.tags.size,
                manifests: inventory.manifests.size,
            };
        })), (r) => ({
            repository: policy.text,
            tags: r.tags,
            manifests: r.manifests,
            to_delete: r.plan.deletions.length,
            bytes: r.plan.bytesFreed,
        }));
        runtime.info(`${policy.text}: ${result.tags} tags, ${result.manifests} manifests; ${result.plan.deletions.length} to delete (${result.plan.bytesFreed} bytes), ${result.plan.kept.length} kept`);
        const entry = {
            policy,
            plan: result.plan,
            deleter: result.deleter,
            recheck: async () => {
                if (entry.plan.deletions.length === 0)
                    return;
                const now = policy.package
                    ? (await listPackageVersions(await gitHub(policy), policy.package)).tags
                    : await readTags(repo, (0,oci/* createLimiter */.zm)(config.concurrency));
                const { plan, spared } = await spareRetagged(entry.plan, result.inventory, now, async (digest) => (0,oci/* childrenOf */.LU)(await repo.getManifest(digest)).map((d) => d.digest));
                for (const s of spared)
                    runtime.annotate({
                        level: 'warning',
                        title: 'registry-retention',
                        message: `${policy.text}: ${s.digest} was tagged ${s.tags.join(', ')} after the plan was made (another writer); it is kept, not deleted.`,
                    });
                entry.plan = plan;
            },
        };
        planned.push(entry);
    }
    const outcomes = planned.map((p) => ({ plan: p.plan, via: p.deleter.via }));
    const write = () => {
        const document = {
            rules: config.rulesFile,
            applied: config.apply,
            repositories: outcomes.map((o) => ({ ...o.plan, deletedVia: o.via, report: o.report })),
        };
        (0,external_node_fs_.writeFileSync)(config.planFile, `${JSON.stringify(document, null, 2)}\n`);
        return document;
    };
    let failure;
    if (config.apply) {
        for (const [i, p] of planned.entries()) {
            try {
                try {
                    await log.stage('recheck', () => reach(p.policy, config, p.recheck), () => ({ repository: p.policy.text, to_delete: p.plan.deletions.length }));
                }
                catch (error) {
                    for (const rest of outcomes.slice(i))
                        rest.report = notAttempted(rest.plan);
                    failure = new ApplyFailedError(`${p.policy.text}: the tags could not be read again just before deleting, so nothing was deleted from it${outcomes.length > i + 1 ? ' or from the repositories after it' : ''}: ${(0,errors/* errorMessage */.gJ)(error)}`, outcomes[i].report, error);
                    break;
                }
                outcomes[i].plan = p.plan;
                outcomes[i].report = await log.stage('apply', () => applyPlan(p.plan, p.deleter), (r) => ({ repository: p.policy.text, deleted: r.deleted.length, bytes: r.bytesFreed }));
            }
            catch (error) {
                if (!(error instanceof ApplyFailedError))
                    throw error;
                outcomes[i].report = error.report;
                for (const rest of outcomes.slice(i + 1))
                    rest.report = notAttempted(rest.plan);
                failure = (0,errors/* isConfigurationError */.p0)(error.cause)
                    ? new errors/* ConfigurationError */.j1(`${error.message} ${(0,errors/* errorMessage */.gJ)(error.cause)}`)
                    : error;
                break;
            }
        }
    }
    const document = write();
    const toDelete = outcomes.reduce((n, o) => n + o.plan.deletions.length, 0);
    const deleted = outcomes.reduce((n, o) => n + (o.report?.deleted.length ?? 0), 0);
    const bytes = outcomes.reduce((n, o) => n + (config.apply ? (o.report?.bytesFreed ?? 0) : o.plan.bytesFreed), 0);
    runtime.setOutput(OUTPUT.planFile, config.planFile);
    runtime.setOutput(OUTPUT.toDelete, String(toDelete));
    runtime.setOutput(OUTPUT.deleted, String(deleted));
    runtime.setOutput(OUTPUT.bytesFreed, String(bytes));
    const compact = JSON.stringify(document);
    runtime.setOutput(OUTPUT.plan, compact.length <= 512 * 1024 ? compact : '');
    await runtime.appendSummary(renderSummary(outcomes, config.apply));
    if (failure)
        throw failure;
};
const SUMMARY_ROWS = 200;
function notAttempted(plan) {
    return { deleted: [], notAttempted: plan.deletions.map((d) => d.digest), bytesFreed: 0 };
}
function renderSummary(outcomes, apply) {
    const parts = [`### registry-retention (${apply ? 'apply' : 'plan: nothing deleted'})\n`];
    for (const o of outcomes) {
        const done = new Set(o.report?.deleted ?? []);
        const state = (digest) => !apply
            ? 'would delete'
            : done.has(digest)
                ? 'deleted'
                : o.report?.failed?.digest === digest
                    ? '**failed**'
                    : 'not deleted';
        parts.push(`#### ${(0,runtime_text/* escapeMarkdown */.FV)(o.plan.repository)}\n\n${o.plan.deletions.length} to delete (${o.plan.bytesFreed} bytes freed), ${o.plan.kept.length} kept; deletes via ${o.via}.\n`);
        if (o.plan.deletions.length) {
            const rows = o.plan.deletions
                .slice(0, SUMMARY_ROWS)
                .map((d) => [
                `\`${d.digest.slice(0, 19)}\``,
                (0,runtime_text/* escapeMarkdown */.FV)(d.tags.slice(0, 5).join(', ') + (d.tags.length > 5 ? ` +${d.tags.length - 5}` : '')),
                (0,runtime_text/* escapeMarkdown */.FV)(d.rule),
                (0,runtime_text/* escapeMarkdown */.FV)(d.reason),
                d.created ?? 'unknown',
                d.lastPromotion ? `${(0,runtime_text/* escapeMarkdown */.FV)(d.lastPromotion.environment)} ${d.lastPromotion.time}` : '',
                String(d.bytes),
                state(d.digest),
            ]);
            parts.push((0,runtime_text/* markdownTable */.Qj)(['digest', 'tags', 'rule', 'why', 'created', 'last promotion', 'bytes', 'state'], rows));
            if (o.plan.deletions.length > SUMMARY_ROWS)
                parts.push(`\n${o.plan.deletions.length - SUMMARY_ROWS} more in the plan file.\n`);
        }
        if (o.report?.failed)
            parts.push(`\nStopped at ${o.report.failed.digest}: ${(0,runtime_text/* escapeMarkdown */.FV)(o.report.failed.error)}. ${o.report.deleted.length} deleted, ${o.report.notAttempted.length + 1} not. Running again is safe.\n`);
    }
    return `${parts.join('\n')}\n`;
}
/** A registry that cannot be reached, or refuses, is a mistake in the rules file or the credentials. */
async function reach(policy, config, fn) {
    try {
        return await fn();
    }
    catch (error) {
        if (error instanceof net/* NetworkError */.Dr ||
            error instanceof net/* HttpTimeoutError */.Iu ||
            error instanceof net/* CircuitOpenError */.Ch)
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.rules}': ${config.rulesFile}: cannot reach the registry of ${policy.text} (${error.message}). Check the repository's registry; one that speaks plain HTTP must be listed in '${INPUT.insecureRegistries}'. Nothing was deleted.`);
        if (error instanceof oci/* RegistryAuthError */.w4)
            throw new errors/* ConfigurationError */.j1(`${error.message} (inputs '${INPUT.username}'/'${INPUT.password}'). Nothing was deleted.`);
        throw error;
    }
}
function registryDeleter(repo, policy) {
    return {
        via: 'registry manifest DELETE',
        async delete(deletion) {
            try {
                await repo.deleteManifest(deletion.digest);
            }
            catch (error) {
                if (error instanceof oci/* RegistryAuthError */.w4 ||
                    (error instanceof oci/* RegistryError */.gl && (error.status === 401 || error.status === 403)))
                    throw new errors/* ConfigurationError */.j1(`Registry ${policy.ref.registry} refused to delete from ${policy.ref.repository} (${(0,errors/* errorMessage */.gJ)(error)}). Give '${INPUT.username}'/'${INPUT.password}' credentials with delete rights on the repository, or leave '${INPUT.apply}' false.`);
                if (error instanceof oci/* RegistryError */.gl && (error.status === 405 || error.code === 'UNSUPPORTED'))
                    throw new errors/* ConfigurationError */.j1(`Registry ${policy.ref.registry} does not allow deleting manifests (HTTP ${error.status}). Enable deletes (the CNCF registry: REGISTRY_STORAGE_DELETE_ENABLED=true); for ghcr.io add a 'package:' entry so GitHub's Packages API deletes; or leave '${INPUT.apply}' false.`);
                throw error;
            }
        },
    };
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
