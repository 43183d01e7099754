export const id = 350;
export const ids = [350];
export const modules = {

/***/ 6997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gm: () => (/* binding */ forEachLimit),
/* harmony export */   sf: () => (/* binding */ mapLimit),
/* harmony export */   zm: () => (/* binding */ createLimiter)
/* harmony export */ });
/**
 * The suite's one concurrency pool: requests (or any async work) with at most a fixed number in
 * flight. createLimiter shares one limit among calls made anywhere (reads of one repository);
 * forEachLimit and mapLimit run a list through it.
 */
function createLimiter(limit) {
    const max = Math.max(1, Math.floor(limit));
    let running = 0;
    const waiting = [];
    return async (fn) => {
        if (running >= max)
            await new Promise((resolve) => waiting.push(resolve));
        else
            running += 1;
        try {
            return await fn();
        }
        finally {
            // The slot passes straight to the next waiter, so `running` never exceeds `max`.
            const next = waiting.shift();
            if (next)
                next();
            else
                running -= 1;
        }
    };
}
/** Run fn over items with at most `limit` running; the first failure is thrown after the rest settle. */
async function forEachLimit(items, limit, fn) {
    let next = 0;
    let failure;
    const worker = async () => {
        while (next < items.length && failure === undefined) {
            const item = items[next++];
            try {
                await fn(item);
            }
            catch (error) {
                failure ??= error;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure !== undefined)
        throw failure;
}
/**
 * fn over items with at most `limit` running; the results in the items' order. After a failure no
 * new item starts, and the first failure is thrown once the running ones have settled.
 */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    const indexed = items.map((item, index) => ({ item, index }));
    await forEachLimit(indexed, limit, async ({ item, index }) => {
        results[index] = await fn(item, index);
    });
    return results;
}


/***/ }),

/***/ 3748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EL: () => (/* binding */ copyTree),
/* harmony export */   Zc: () => (/* binding */ readTree),
/* harmony export */   bD: () => (/* binding */ emptyStats),
/* harmony export */   zm: () => (/* reexport safe */ _net_pool_js__WEBPACK_IMPORTED_MODULE_1__.zm)
/* harmony export */ });
/* unused harmony export copyBlobs */
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9217);
/* harmony import */ var _net_pool_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6997);


// The pool lives in src/net (one for the suite); importers of copy.ts keep finding it here.

/**
 * The tree under a reference, or under a top manifest already read. An index's children are read
 * at most `concurrency` at once, however many it lists and however deep they nest: the limiter
 * wraps each manifest read, never a recursion, so nested indexes cannot wait on their own parents.
 */
async function readTree(repo, ref, options = {}) {
    const limit = options.limit ?? (0,_net_pool_js__WEBPACK_IMPORTED_MODULE_1__/* .createLimiter */ .zm)(options.concurrency ?? 6);
    const top = typeof ref === 'string' ? await limit(() => repo.getManifest(ref)) : ref;
    const children = [];
    const blobs = new Map();
    const seen = new Set([top.descriptor.digest]);
    // After a failure, reads still queued are not sent: the tree cannot be complete anyway.
    let failure;
    const read = (digest) => limit(async () => {
        if (failure !== undefined)
            throw failure;
        try {
            return await repo.getManifest(digest);
        }
        catch (error) {
            failure ??= error;
            throw error;
        }
    });
    const visit = async (manifest, depth) => {
        if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .isIndex */ .nw)(manifest.descriptor.mediaType)) {
            if (depth > 8)
                throw new Error(`${repo.display}@${top.descriptor.digest}: indexes nested more than 8 deep`);
            const fresh = (manifest.json.manifests ?? []).filter((child) => !seen.has(child.digest));
            for (const child of fresh)
                seen.add(child.digest);
            const loaded = await settleAll(fresh.map((child) => read(child.digest)));
            for (const child of loaded) {
                await visit(child, depth + 1);
                children.push(child);
            }
            return;
        }
        const json = manifest.json;
        for (const blob of [json.config, ...(json.layers ?? [])])
            if (blob && !blobs.has(blob.digest))
                blobs.set(blob.digest, blob);
    };
    await visit(top, 0);
    return { top, children, blobs: [...blobs.values()] };
}
/** Like Promise.all, but every read has ended (none left queued or running) before the first failure is thrown. */
async function settleAll(promises) {
    const settled = await Promise.allSettled(promises);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed)
        throw failed.reason;
    return settled.map((s) => s.value);
}
function emptyStats() {
    return { blobsMounted: 0, blobsCopied: 0, blobsPresent: 0, bytesCopied: 0, manifestsPushed: 0 };
}
/**
 * Copy blobs into `dst`: skipped when present, mounted when both are repositories of one registry
 * (no bytes through this process), otherwise streamed source → destination with the digest
 * verified on the way; never more than `concurrency` at once and never a whole blob in memory.
 */
async function copyBlobs(src, dst, blobs, options) {
    const attempts = options.attempts ?? 3;
    let rest = blobs;
    const mount = dst.mountFrom?.(src);
    if (mount) {
        // A mount answers for a blob already present too. What the registry would not mount is
        // copied below. Mounts move no bytes, but running them wider than `concurrency` was measured
        // slower (registry 2.8 on two cores: 16 at once took longer than 4 to 6 at once).
        const unmounted = [];
        await (0,_net_pool_js__WEBPACK_IMPORTED_MODULE_1__/* .forEachLimit */ .Gm)(blobs, options.concurrency, async (blob) => {
            if (await mount(blob))
                options.stats.blobsMounted += 1;
            else
                unmounted.push(blob);
        });
        rest = unmounted;
    }
    // What the destination has is asked all at once, so no stream waits on its own HEAD.
    const present = new Set();
    await (0,_net_pool_js__WEBPACK_IMPORTED_MODULE_1__/* .forEachLimit */ .Gm)(rest, options.concurrency, async (blob) => {
        if (await dst.hasBlob(blob.digest))
            present.add(blob.digest);
    });
    options.stats.blobsPresent += present.size;
    await (0,_net_pool_js__WEBPACK_IMPORTED_MODULE_1__/* .forEachLimit */ .Gm)(rest.filter((blob) => !present.has(blob.digest)), options.concurrency, async (blob) => {
        for (let attempt = 1;; attempt++) {
            try {
                await dst.pushBlob(blob, () => src.openBlob(blob));
                break;
            }
            catch (error) {
                if (attempt >= attempts)
                    throw error;
                options.onRetry?.(`copy of blob ${blob.digest} failed (${error.message}); try ${attempt + 1}/${attempts}`);
            }
        }
        options.stats.blobsCopied += 1;
        options.stats.bytesCopied += blob.size;
    });
}
/**
 * Copy a manifest tree by digest: blobs, then child manifests (children before their index), then
 * the top manifest. No tag is written; manifests already present are not pushed again.
 */
async function copyTree(src, dst, tree, options) {
    // A manifest is only ever stored after everything it references, so a present top means a
    // complete tree. The check runs alongside the blob copy (a round trip saved on the usual path;
    // on a rerun the blobs are found present or mounted again, which moves no bytes).
    const blobStats = emptyStats();
    const [present, blobs] = await Promise.allSettled([
        dst.resolve(tree.top.descriptor.digest),
        copyBlobs(src, dst, tree.blobs, { ...options, stats: blobStats }),
    ]);
    if (present.status === 'rejected')
        throw present.reason;
    if (present.value) {
        // Everything was there before this copy began: nothing was mounted or copied for it.
        options.stats.blobsPresent += tree.blobs.length;
        return options.alongsideManifests?.();
    }
    if (blobs.status === 'rejected')
        throw blobs.reason;
    for (const key of Object.keys(blobStats))
        options.stats[key] += blobStats[key];
    const [, alongside] = await Promise.all([
        putManifests(dst, tree, options.stats, options.concurrency),
        options.alongsideManifests?.(),
    ]);
    return alongside;
}
/**
 * Child manifests `concurrency` at once (an index of thousands of children never opens thousands of
 * connections), a nested index only after its own children, the top one last.
 */
async function putManifests(dst, tree, stats, concurrency) {
    const put = async (manifest) => {
        await dst.putManifest(manifest.bytes, manifest.descriptor.mediaType, manifest.descriptor.digest);
        stats.manifestsPushed += 1;
    };
    let pending = tree.children;
    while (pending.length) {
        const waiting = new Set(pending.map((m) => m.descriptor.digest));
        const ready = pending.filter((m) => (0,_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .childrenOf */ .LU)(m).every((c) => !waiting.has(c.digest)));
        await (0,_net_pool_js__WEBPACK_IMPORTED_MODULE_1__/* .forEachLimit */ .Gm)(ready, concurrency, put);
        pending = pending.filter((m) => !ready.includes(m));
    }
    await put(tree.top);
}


/***/ }),

/***/ 8825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   RV: () => (/* binding */ verifyBytes),
/* harmony export */   h: () => (/* binding */ DigestMismatchError),
/* harmony export */   oP: () => (/* binding */ verifyingStream),
/* harmony export */   ol: () => (/* binding */ digestOf),
/* harmony export */   sc: () => (/* binding */ sha256),
/* harmony export */   t9: () => (/* binding */ digestTag),
/* harmony export */   zr: () => (/* binding */ verified)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _net_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3688);




/** A content digest `algorithm:hex`; only the two algorithms the OCI image spec registers. */
const DIGEST_PATTERN = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
function isDigest(value) {
    return DIGEST_PATTERN.test(value);
}
function algorithmOf(digest) {
    if (!isDigest(digest))
        throw new DigestMismatchError(`not a valid digest: ${JSON.stringify(digest.slice(0, 80))}`);
    return digest.startsWith('sha512:') ? 'sha512' : 'sha256';
}
function sha256(bytes) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
}
function digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** Content did not match the digest (or size) it was addressed by. */
class DigestMismatchError extends _net_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ServiceError */ ._7 {
    name = 'DigestMismatchError';
    /** The same content comes back next time (a broken stream is a NetworkError, not this). */
    transient = false;
    unreachable = false;
}
function verifyBytes(bytes, expected, what) {
    const actual = digestOf(bytes, algorithmOf(expected));
    if (actual !== expected)
        throw new DigestMismatchError(`${what}: content has digest ${actual}, expected ${expected}`);
}
/**
 * A pass-through stream that hashes what flows through it and fails at the end when the digest or
 * the size differs from the expected one, so a streamed blob is verified without being held whole.
 */
function verifyingStream(expected, expectedSize, what) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithmOf(expected));
    let size = 0;
    return new node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform({
        transform(chunk, _encoding, callback) {
            hash.update(chunk);
            size += chunk.byteLength;
            if (expectedSize !== undefined && size > expectedSize)
                callback(new DigestMismatchError(`${what}: more than the expected ${expectedSize} bytes`));
            else
                callback(null, chunk);
        },
        flush(callback) {
            const actual = `${expected.slice(0, expected.indexOf(':'))}:${hash.digest('hex')}`;
            if (expectedSize !== undefined && size !== expectedSize)
                callback(new DigestMismatchError(`${what}: got ${size} bytes, expected ${expectedSize}`));
            else if (actual !== expected)
                callback(new DigestMismatchError(`${what}: content has digest ${actual}, expected ${expected}`));
            else
                callback();
        },
    });
}
/**
 * `source` as it is read, verified: the returned stream fails (at its end, or at the first byte
 * over the size) when the content is not the descriptor's; a source error reaches it too.
 */
function verified(source, descriptor, what) {
    const verifier = verifyingStream(descriptor.digest, descriptor.size, what);
    (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(source, verifier).catch(() => undefined);
    return verifier;
}
/** The referrers tag schema: `sha256:abc…` → `sha256-abc…`. */
function digestTag(digest) {
    return digest.replace(':', '-');
}


/***/ }),

/***/ 8630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ RegistryError),
/* harmony export */   w: () => (/* binding */ RegistryAuthError)
/* harmony export */ });
/* harmony import */ var _net_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3688);

/** A registry answered with an error status; `code` is the distribution error code when given. */
class RegistryError extends _net_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7 {
    status;
    code;
    name = 'RegistryError';
    unreachable = false;
    constructor(message, status, code) {
        super(message);
        this.status = status;
        this.code = code;
    }
    get notFound() {
        return this.status === 404;
    }
    /** A registry that is overloaded or failing (408, 429, 5xx) may answer later. */
    get transient() {
        return this.status === 408 || this.status === 429 || this.status >= 500;
    }
    /** Build from a response, reading (and so consuming) its body for the error code and message. */
    static async from(what, response) {
        let code;
        let detail = '';
        try {
            const text = (await response.text()).slice(0, 4096);
            try {
                const first = JSON.parse(text).errors?.[0];
                code = first?.code;
                detail = [first?.code, first?.message].filter(Boolean).join(': ');
            }
            catch {
                detail = text.trim().split('\n')[0]?.slice(0, 200) ?? '';
            }
        }
        catch {
            // the body could not be read; the status says enough
        }
        return new RegistryError(`${what}: HTTP ${response.status}${detail ? ` (${detail})` : ''}`, response.status, code);
    }
}
/**
 * The registry (or its token service) refused the credentials, or wants credentials that were not
 * given: a mistake the user fixes, named so (the runtime reports an error named ConfigurationError
 * as one line, without a stack), with no dependency on the runtime. It names the registry and user,
 * never the secret. Not a ServiceError: no adapter takes it for an outage.
 */
class RegistryAuthError extends Error {
    name = 'ConfigurationError';
}


/***/ }),

/***/ 8350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gG: () => (/* reexport */ referrers_tag/* COSIGN_SUFFIXES */.gG),
  x_: () => (/* reexport */ reference/* InvalidReferenceError */.x_),
  Rd: () => (/* reexport */ layout/* LayoutError */.R),
  RT: () => (/* reexport */ layout/* LayoutRepository */.i),
  zu: () => (/* reexport */ media_types/* MediaType */.zu),
  w4: () => (/* reexport */ errors/* RegistryAuthError */.w),
  bP: () => (/* reexport */ RegistryClient),
  gl: () => (/* reexport */ errors/* RegistryError */.g),
  Gh: () => (/* reexport */ media_types/* artifactTypeOf */.Gh),
  OR: () => (/* reexport */ media_types/* blobsOf */.OR),
  LU: () => (/* reexport */ media_types/* childrenOf */.LU),
  EL: () => (/* reexport */ copy/* copyTree */.EL),
  zm: () => (/* reexport */ copy/* createLimiter */.zm),
  Hn: () => (/* reexport */ createRegistryClient),
  VU: () => (/* reexport */ credentialChain),
  t9: () => (/* reexport */ oci_digest/* digestTag */.t9),
  D: () => (/* reexport */ dockerConfigCredentials),
  bD: () => (/* reexport */ copy/* emptyStats */.bD),
  FH: () => (/* reexport */ reference/* formatReference */.FH),
  Bc: () => (/* reexport */ oci_digest/* isDigest */.Bc),
  h_: () => (/* binding */ openRepository),
  F2: () => (/* reexport */ reference/* parseReference */.F2),
  Zc: () => (/* reexport */ copy/* readTree */.Zc),
  sc: () => (/* reexport */ oci_digest/* sha256 */.sc)
});

// UNUSED EXPORTS: DOCKER_HUB, DigestMismatchError, INDEX_TYPES, LAYOUT_PREFIX, MANIFEST_ACCEPT, MANIFEST_TYPES, RegistryAuthenticator, RegistryRepository, addToReferrersIndex, apiHost, copyBlobs, digestOf, dockerConfigPath, forEachLimit, isIndex, isLoopback, isValidTag, parseChallenge, parseManifest, rechunk, referrersFromTag, spawnCredentialHelper, verifyBytes, verifyingStream

// EXTERNAL MODULE: ./src/oci/layout.ts
var layout = __webpack_require__(5823);
// EXTERNAL MODULE: ./src/net/http.ts
var http = __webpack_require__(9663);
// EXTERNAL MODULE: ./src/oci/errors.ts
var errors = __webpack_require__(8630);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(9767);
;// CONCATENATED MODULE: ./src/oci/auth.ts



/** Per-registry auth state: the challenge learnt from `GET /v2/`, and tokens by scope set. */
class RegistryAuth {
    challenge;
    tokens = new Map();
    credentials;
}
const TOKEN_MARGIN_MS = 10_000;
/** Sends requests to registries with the auth each asks for; one per RegistryClient. */
class RegistryAuthenticator {
    options;
    auths = new Map();
    constructor(options) {
        this.options = options;
    }
    /**
     * Send a request to a registry with the auth it asks for. `scopes` are token scopes such as
     * `repository:team/app:pull,push`. A 401 is answered once (new token or credentials) when the body
     * can be sent again; a second 401 is a RegistryAuthError.
     */
    async send(registry, scopes, req) {
        const resendable = !(0,http/* sendsOnce */.Z_)(req.body);
        const auth = await this.authFor(registry, !resendable);
        let header = await this.authorization(registry, auth, scopes, false);
        let response = await this.options.http.request(withAuth(req, header));
        if (response.status !== 401)
            return response;
        const challenge = parseChallenge(response.headers.get('www-authenticate'));
        response.discard();
        if (challenge && challenge.scheme !== 'none')
            auth.challenge = challenge;
        const extra = challenge?.scheme === 'bearer' && challenge.scope ? [challenge.scope] : [];
        if (!resendable) {
            auth.tokens.clear();
            throw new errors/* RegistryError */.g(`${req.method ?? 'GET'} ${(0,http/* safeUrl */.Pl)(req.url)}: HTTP 401 (token expired during a streamed upload)`, 401, 'UNAUTHORIZED');
        }
        header = await this.authorization(registry, auth, [...scopes, ...extra], true);
        response = await this.options.http.request(withAuth(req, header));
        if (response.status === 401) {
            const again = parseChallenge(response.headers.get('www-authenticate'));
            response.discard();
            const what = `${req.method ?? 'GET'} ${(0,http/* safeUrl */.Pl)(req.url)}`;
            if (again?.scheme === 'bearer' && again.error === 'insufficient_scope' && auth.credentials) {
                const access = again.scope ?? scopes.join(' ');
                throw new errors/* RegistryAuthError */.w(`Registry ${registry} denied user '${auth.credentials.username}' the access ${access} (${what}). Grant that user ${rightsFor(req.method ?? 'GET')} rights, or use other credentials.`);
            }
            throw this.refused(registry, auth, what);
        }
        return response;
    }
    refused(registry, auth, what) {
        const user = auth.credentials?.username;
        return new errors/* RegistryAuthError */.w(user
            ? `Registry ${registry} refused the credentials of user '${user}' (${what}). Check the username and password or token for ${registry}.`
            : `Registry ${registry} requires credentials (${what}). Give username and password, or log in with docker/login-action first.`);
    }
    /** The registry's auth state; `probe` learns its challenge first (a streamed body cannot be sent twice). */
    async authFor(registry, probe) {
        let auth = this.auths.get(registry);
        if (!auth) {
            auth = new RegistryAuth();
            this.auths.set(registry, auth);
        }
        if (auth.credentials === undefined) {
            const credentials = this.options.credentials?.(registry) ?? null;
            if (credentials) {
                this.options.onSecret?.(credentials.password);
                this.options.onSecret?.(Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'));
            }
            auth.credentials = credentials;
        }
        if (!auth.challenge && probe) {
            const response = await this.options.http.request({
                url: `${this.options.baseUrl(registry)}/v2/`,
                method: 'GET',
            });
            response.discard();
            if (response.status === 401)
                auth.challenge = parseChallenge(response.headers.get('www-authenticate')) ?? { scheme: 'none' };
            else if (response.ok)
                auth.challenge = { scheme: 'none' };
            else
                throw new errors/* RegistryError */.g(`${registry} is not an OCI registry: GET /v2/ answered HTTP ${response.status}`, response.status, undefined);
        }
        return auth;
    }
    async authorization(registry, auth, scopes, renew) {
        const challenge = auth.challenge;
        // Not known yet: the first request goes without, and its 401 (if any) says what is wanted.
        if (!challenge || challenge.scheme === 'none')
            return undefined;
        const credentials = auth.credentials ?? undefined;
        if (challenge.scheme === 'basic') {
            if (!credentials)
                throw this.refused(registry, auth, 'basic auth');
            return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
        }
        const wanted = [...new Set(scopes)].sort();
        const key = wanted.join(' ');
        const cached = auth.tokens.get(key);
        if (cached && !renew && cached.expiresAt > this.options.now())
            return `Bearer ${cached.value}`;
        const url = new URL(challenge.realm);
        // The registry names its token service; it must not talk us into sending credentials in clear
        // (or anywhere but http(s)). Plain http only where the registry itself is allowed plain http.
        const plainAllowed = (0,reference/* isLoopback */.U9)(url.host) || this.options.insecure.has(url.host) || this.options.insecure.has(registry);
        if (url.protocol !== 'https:' && !(url.protocol === 'http:' && plainAllowed))
            throw new errors/* RegistryAuthError */.w(`Registry ${registry} names token service ${(0,http/* safeUrl */.Pl)(url)}, which is not https: credentials are never sent there. Fix the registry's token realm, or list ${url.host} in insecure-registries for a test registry.`);
        if (challenge.service)
            url.searchParams.set('service', challenge.service);
        for (const scope of wanted)
            url.searchParams.append('scope', scope);
        const headers = {};
        if (credentials)
            headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
        // The registry's credentials: never sent on to another origin (src/net drops them on a redirect).
        const response = await this.options.http.request({
            url,
            method: 'GET',
            headers,
            sensitive: { headers: ['authorization'] },
        });
        if (response.status === 401 || response.status === 403) {
            response.discard();
            throw this.refused(registry, auth, `token service ${(0,http/* safeUrl */.Pl)(url)}`);
        }
        if (!response.ok)
            throw await errors/* RegistryError */.g.from(`token service ${(0,http/* safeUrl */.Pl)(url)}`, response);
        const body = (await response.json());
        const value = body.token ?? body.access_token;
        if (!value)
            throw new errors/* RegistryError */.g(`token service ${(0,http/* safeUrl */.Pl)(url)} returned no token`, response.status, undefined);
        this.options.onSecret?.(value);
        auth.tokens.set(key, {
            value,
            expiresAt: this.options.now() + (body.expires_in ?? 60) * 1000 - TOKEN_MARGIN_MS,
        });
        return `Bearer ${value}`;
    }
}
function withAuth(req, header) {
    return header ? { ...req, headers: { ...req.headers, authorization: header } } : req;
}
/** `WWW-Authenticate: Bearer realm="…",service="…",scope="…"` or `Basic realm="…"`. */
function parseChallenge(header) {
    if (!header)
        return undefined;
    const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
    if (!match)
        return undefined;
    const params = {};
    for (const p of match[2].matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g))
        params[p[1].toLowerCase()] = p[2] ?? p[3] ?? '';
    const scheme = match[1].toLowerCase();
    if (scheme === 'basic')
        return { scheme: 'basic', realm: params.realm };
    if (scheme === 'bearer' && params.realm) {
        return {
            scheme: 'bearer',
            realm: params.realm,
            service: params.service,
            scope: params.scope,
            error: params.error,
        };
    }
    return undefined;
}
/** The right a request needs, in the words registries use for it (a DELETE needs more than push). */
function rightsFor(method) {
    const verb = method.toUpperCase();
    if (verb === 'DELETE')
        return 'delete';
    return verb === 'GET' || verb === 'HEAD' ? 'pull' : 'push';
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/oci/credentials.ts




/** The keys docker login uses for Docker Hub, and the forms other tools write for any registry. */
function configKeys(registry) {
    if (registry === reference/* DOCKER_HUB */.Xb)
        return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
    return [
        registry,
        `https://${registry}`,
        `http://${registry}`,
        `https://${registry}/v1/`,
        `https://${registry}/v2/`,
    ];
}
function dockerConfigPath(env) {
    return (0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker'), 'config.json');
}
/**
 * Credentials from the Docker config file that `docker login` and docker/login-action write
 * (`$DOCKER_CONFIG/config.json` or `~/.docker/config.json`): `credHelpers` for the registry, else an
 * `auths` entry, else the global `credsStore`. A helper binary that is not installed is skipped.
 */
function dockerConfigCredentials(env, runHelper = spawnCredentialHelper) {
    let config = {};
    const path = dockerConfigPath(env);
    try {
        config = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw new Error(`cannot read the Docker config file ${path}: ${error.message}`);
    }
    return (registry) => {
        const keys = configKeys(registry);
        for (const key of keys) {
            const helper = config.credHelpers?.[key];
            if (helper)
                return runHelper(helper, registry === reference/* DOCKER_HUB */.Xb ? keys[0] : registry);
        }
        for (const key of keys) {
            const entry = config.auths?.[key];
            if (!entry)
                continue;
            if (entry.auth) {
                const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
                const colon = decoded.indexOf(':');
                if (colon > 0)
                    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
            }
            if (entry.username && entry.password)
                return { username: entry.username, password: entry.password };
            if (entry.identitytoken)
                return { username: '<token>', password: entry.identitytoken };
        }
        if (config.credsStore)
            return runHelper(config.credsStore, registry === reference/* DOCKER_HUB */.Xb ? keys[0] : registry);
        return undefined;
    };
}
function spawnCredentialHelper(helper, serverUrl) {
    if (!/^[A-Za-z0-9_.-]+$/.test(helper))
        return undefined;
    // child_process loads only when a helper is configured (a few ms of every start otherwise).
    const { spawnSync } = process.getBuiltinModule('node:child_process');
    const result = spawnSync(`docker-credential-${helper}`, ['get'], {
        input: serverUrl,
        encoding: 'utf8',
        timeout: 30_000,
    });
    if (result.error || result.status !== 0)
        return undefined;
    try {
        const parsed = JSON.parse(result.stdout);
        if (!parsed.Secret)
            return undefined;
        return { username: parsed.Username ?? '<token>', password: parsed.Secret };
    }
    catch {
        return undefined;
    }
}
/** Explicit credentials for some registries first, then a fallback source (the Docker config). */
function credentialChain(explicit, fallback) {
    return (registry) => explicit[registry] ?? fallback?.(registry);
}

// EXTERNAL MODULE: ./src/oci/digest.ts
var oci_digest = __webpack_require__(8825);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(9217);
// EXTERNAL MODULE: ./src/oci/referrers-tag.ts
var referrers_tag = __webpack_require__(7572);
;// CONCATENATED MODULE: ./src/oci/registry-repository.ts





/** Tags asked for per page (registries cap it: ECR and GHCR at 1000, Docker Hub lower). */
const TAG_PAGE = 1000;
const MAX_TAG_PAGES = 10_000;
/** A repository in a registry. */
class RegistryRepository {
    client;
    registry;
    name;
    kind = 'registry';
    display;
    referrersApi;
    constructor(client, registry, name) {
        this.client = client;
        this.registry = registry;
        this.name = name;
        this.display = `${registry}/${name}`;
    }
    url(path) {
        return `${this.client.baseUrl(this.registry)}/v2/${this.name}/${path}`;
    }
    pull() {
        return [`repository:${this.name}:pull`];
    }
    push() {
        return [`repository:${this.name}:pull,push`];
    }
    send(scopes, req) {
        return this.client.send(this.registry, scopes, req);
    }
    async resolve(ref) {
        const url = this.url(`manifests/${ref}`);
        const response = await this.send(this.pull(), {
            url,
            method: 'HEAD',
            headers: { accept: media_types/* MANIFEST_ACCEPT */.dY },
        });
        if (response.status === 404)
            return undefined;
        if (!response.ok)
            throw await errors/* RegistryError */.g.from(`HEAD ${(0,http/* safeUrl */.Pl)(url)}`, response);
        const digest = response.headers.get('docker-content-digest');
        const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
        const size = Number(response.headers.get('content-length'));
        if (!digest ||
            !(0,oci_digest/* isDigest */.Bc)(digest) ||
            !mediaType ||
            !Number.isFinite(size) ||
            ((0,oci_digest/* isDigest */.Bc)(ref) && digest !== ref)) {
            // Some registries omit the digest on HEAD: the bytes decide.
            return (await this.getManifest(ref)).descriptor;
        }
        return { mediaType, digest, size };
    }
    async getManifest(ref) {
        // A connection cut while the body streams surfaces after the HTTP client's retries: read again.
        for (let attempt = 1;; attempt++) {
            try {
                return await this.fetchManifest(ref);
            }
            catch (error) {
                if (attempt >= 3 || !(error instanceof http/* NetworkError */.Dr))
                    throw error;
            }
        }
    }
    async fetchManifest(ref) {
        const url = this.url(`manifests/${ref}`);
        const response = await this.send(this.pull(), {
            url,
            method: 'GET',
            headers: { accept: media_types/* MANIFEST_ACCEPT */.dY },
        });
        if (!response.ok)
            throw await errors/* RegistryError */.g.from(`GET ${(0,http/* safeUrl */.Pl)(url)}`, response);
        const bytes = await readLimited(response, this.client.maxManifestBytes, `manifest ${this.display}:${ref}`);
        const header = response.headers.get('docker-content-digest');
        const digest = (0,oci_digest/* isDigest */.Bc)(ref) ? ref : header && (0,oci_digest/* isDigest */.Bc)(header) ? header : (0,oci_digest/* digestOf */.ol)(bytes);
        (0,oci_digest/* verifyBytes */.RV)(bytes, digest, `manifest ${this.display}@${digest}`);
        if (header && (0,oci_digest/* isDigest */.Bc)(header) && header !== digest) {
            throw new oci_digest/* DigestMismatchError */.h(`manifest ${this.display}:${ref}: registry says ${header}, content is ${digest}`);
        }
        return (0,media_types/* parseManifest */.Ng)(bytes, digest, response.headers.get('content-type') ?? undefined);
    }
    async putManifest(bytes, mediaType, ref) {
        const digest = (0,oci_digest/* digestOf */.ol)(bytes);
        if ((0,oci_digest/* isDigest */.Bc)(ref) && ref !== digest)
            throw new oci_digest/* DigestMismatchError */.h(`manifest for ${this.display}@${ref} has digest ${digest}`);
        const url = this.url(`manifests/${ref}`);
        const response = await this.send(this.push(), {
            url,
            method: 'PUT',
            headers: { 'content-type': mediaType },
            body: bytes,
        });
        if (response.status !== 201 && response.status !== 200)
            throw await errors/* RegistryError */.g.from(`PUT ${(0,http/* safeUrl */.Pl)(url)}`, response);
        response.discard();
        const stored = response.headers.get('docker-content-digest');
        if (stored && stored !== digest)
            throw new oci_digest/* DigestMismatchError */.h(`PUT ${(0,http/* safeUrl */.Pl)(url)}: registry stored ${stored}, pushed ${digest}`);
        const manifest = (0,media_types/* parseManifest */.Ng)(bytes, digest, mediaType);
        const subject = manifest.json.subject;
        if (subject && !response.headers.get('oci-subject')) {
            await (0,referrers_tag/* addToReferrersIndex */.fd)(this, subject.digest, manifest);
        }
        return { ...manifest.descriptor, mediaType };
    }
    async deleteManifest(digest) {
        const url = this.url(`manifests/${digest}`);
        const response = await this.send([`repository:${this.name}:delete`, ...this.push()], {
            url,
            method: 'DELETE',
        });
        if (response.status !== 202 && response.status !== 200 && response.status !== 404)
            throw await errors/* RegistryError */.g.from(`DELETE ${(0,http/* safeUrl */.Pl)(url)}`, response);
        response.discard();
    }
    async hasBlob(digest) {
        const url = this.url(`blobs/${digest}`);
        const response = await this.send(this.pull(), { url, method: 'HEAD' });
        response.discard();
        if (response.status === 404)
            return false;
        if (!response.ok)
            throw await errors/* RegistryError */.g.from(`HEAD ${(0,http/* safeUrl */.Pl)(url)}`, response);
        return true;
    }
    async openBlob(descriptor) {
        const url = this.url(`blobs/${descriptor.digest}`);
        const response = await this.send(this.pull(), { url, method: 'GET' });
        if (!response.ok)
            throw await errors/* RegistryError */.g.from(`GET ${(0,http/* safeUrl */.Pl)(url)}`, response);
        return (0,oci_digest/* verified */.zr)(response.body, descriptor, `blob ${this.display}@${descriptor.digest}`);
    }
    /** Start an upload session; returns its Location (absolute). */
    async startUpload() {
        const url = this.url('blobs/uploads/');
        const response = await this.send(this.push(), {
            url,
            method: 'POST',
            retrySafe: true,
            headers: { 'content-length': '0' },
        });
        if (response.status !== 202)
            throw await errors/* RegistryError */.g.from(`POST ${(0,http/* safeUrl */.Pl)(url)}`, response);
        response.discard();
        return this.location(response, url);
    }
    location(response, base) {
        const location = response.headers.get('location');
        if (!location)
            throw new errors/* RegistryError */.g(`${(0,http/* safeUrl */.Pl)(base)}: HTTP ${response.status} without a Location`, response.status, undefined);
        return new URL(location, base).toString();
    }
    async pushBlob(descriptor, body, options = {}) {
        // The upload session and the source stream are opened side by side (a round trip saved per blob).
        const [session, opened] = await Promise.allSettled([
            this.startUpload(),
            typeof body === 'function' ? body() : Promise.resolve(body),
        ]);
        if (session.status === 'rejected' || opened.status === 'rejected') {
            if (opened.status === 'fulfilled' && !(opened.value instanceof Uint8Array))
                opened.value.destroy();
            throw session.status === 'rejected' ? session.reason : opened.reason;
        }
        const [location, content] = [session.value, opened.value];
        if (options.chunkSize && !(content instanceof Uint8Array))
            return this.pushChunked(descriptor, location, content, options.chunkSize);
        await this.finishUpload(location, descriptor, content, descriptor.size);
    }
    async finishUpload(location, descriptor, body, length) {
        const url = new URL(location);
        url.searchParams.set('digest', descriptor.digest);
        const headers = {
            'content-type': 'application/octet-stream',
            'content-length': String(length),
        };
        // redirect 'error': an upload is never redirected, and its body streams once: a 3xx is an error,
        // not a second send.
        const response = await this.send(this.push(), { url, method: 'PUT', headers, body, redirect: 'error' });
        if (response.status !== 201)
            throw await errors/* RegistryError */.g.from(`PUT ${(0,http/* safeUrl */.Pl)(url)}`, response);
        response.discard();
        const stored = response.headers.get('docker-content-digest');
        if (stored && stored !== descriptor.digest)
            throw new oci_digest/* DigestMismatchError */.h(`blob upload ${this.display}: registry stored ${stored}, expected ${descriptor.digest}`);
    }
    async pushChunked(descriptor, start, body, chunkSize) {
        let location = start;
        let offset = 0;
        for await (const chunk of rechunk(body, chunkSize)) {
            const headers = {
                'content-type': 'application/octet-stream',
                'content-length': String(chunk.byteLength),
                'content-range': `${offset}-${offset + chunk.byteLength - 1}`,
            };
            const response = await this.send(this.push(), {
                url: location,
                method: 'PATCH',
                headers,
                body: chunk,
                redirect: 'error',
            });
            if (response.status !== 202)
                throw await errors/* RegistryError */.g.from(`PATCH ${(0,http/* safeUrl */.Pl)(location)}`, response);
            response.discard();
            location = this.location(response, location);
            offset += chunk.byteLength;
        }
        if (offset !== descriptor.size)
            throw new oci_digest/* DigestMismatchError */.h(`blob ${descriptor.digest}: read ${offset} bytes, expected ${descriptor.size}`);
        await this.finishUpload(location, descriptor, undefined, 0);
    }
    mountFrom(source) {
        if (!(source instanceof RegistryRepository) || source.registry !== this.registry)
            return undefined;
        return (blob) => this.mountBlob(blob, source);
    }
    /**
     * Cross-repository mount (`?mount=&from=`) from another repository of the same registry: no bytes
     * move. Returns false when the registry started a plain upload instead (that session is dropped).
     */
    async mountBlob(descriptor, from) {
        if (from.registry !== this.registry)
            return false;
        const url = new URL(this.url('blobs/uploads/'));
        url.searchParams.set('mount', descriptor.digest);
        url.searchParams.set('from', from.name);
        const scopes = [...this.push(), `repository:${from.name}:pull`];
        const response = await this.send(scopes, {
            url,
            method: 'POST',
            retrySafe: true,
            headers: { 'content-length': '0' },
        });
        response.discard();
        if (response.status === 201)
            return true;
        if (response.status === 202) {
            const session = this.location(response, url.toString());
            await this.send(this.push(), { url: session, method: 'DELETE' })
                .then((r) => r.discard())
                .catch(() => undefined);
            return false;
        }
        throw await errors/* RegistryError */.g.from(`POST ${(0,http/* safeUrl */.Pl)(url)} (mount)`, response);
    }
    /**
     * All tags, following `Link: <…>; rel="next"` pagination. A repository that does not exist has
     * none; a listing that breaks off after its first page (a 404 or any error on a later page, or more
     * pages than we follow) throws: callers such as prune must never act on part of a listing.
     */
    async tags() {
        const tags = [];
        const first = new URL(this.url('tags/list'));
        first.searchParams.set('n', String(TAG_PAGE));
        let next = first.toString();
        for (let page = 0; next; page++) {
            if (page >= MAX_TAG_PAGES)
                throw new errors/* RegistryError */.g(`GET ${(0,http/* safeUrl */.Pl)(next)}: more than ${MAX_TAG_PAGES} pages of tags`, 0, undefined);
            const response = await this.send(this.pull(), {
                url: next,
                method: 'GET',
                headers: { accept: 'application/json' },
            });
            if (response.status === 404 && page === 0) {
                response.discard();
                return tags;
            }
            if (!response.ok) {
                const error = await errors/* RegistryError */.g.from(`GET ${(0,http/* safeUrl */.Pl)(next)}`, response);
                if (page === 0)
                    throw error;
                throw new errors/* RegistryError */.g(`the tag listing broke off after ${tags.length} tags on page ${page + 1}: ${error.message}`, error.status, error.code);
            }
            const body = (await response.json());
            tags.push(...(body.tags ?? []));
            const link = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.headers.get('link') ?? '');
            next = link ? new URL(link[1], next).toString() : undefined;
        }
        return tags;
    }
    async referrers(digest, artifactType) {
        if (this.referrersApi === false)
            return (0,referrers_tag/* filterType */.Lm)(await (0,referrers_tag/* referrersFromTag */.xA)(this, digest), artifactType);
        // Until the registry has shown whether it has the API, the tag schema is read alongside (one
        // round trip instead of two on registries without it, such as 2.8 and GHCR).
        const fallback = this.referrersApi === undefined ? (0,referrers_tag/* referrersFromTag */.xA)(this, digest) : undefined;
        fallback?.catch(() => undefined);
        const url = new URL(this.url(`referrers/${digest}`));
        if (artifactType)
            url.searchParams.set('artifactType', artifactType);
        const response = await this.send(this.pull(), {
            url,
            method: 'GET',
            headers: { accept: media_types/* MediaType */.zu.OciIndex },
        });
        const type = response.headers.get('content-type') ?? '';
        if (response.ok && type.includes(media_types/* MediaType */.zu.OciIndex)) {
            this.referrersApi = true;
            const index = (await response.json());
            return (0,referrers_tag/* filterType */.Lm)(index.manifests ?? [], artifactType);
        }
        response.discard();
        if (response.status !== 404) {
            const what = response.ok ? `not an image index (${type})` : `HTTP ${response.status}`;
            throw new errors/* RegistryError */.g(`GET ${(0,http/* safeUrl */.Pl)(url)}: ${what}`, response.status, undefined);
        }
        this.referrersApi = false;
        return (0,referrers_tag/* filterType */.Lm)(await (fallback ?? (0,referrers_tag/* referrersFromTag */.xA)(this, digest)), artifactType);
    }
    /** cosign's legacy tags for a digest (`sha256-<hex>.sig`, `.att`, `.sbom`) that exist. */
    async cosignTags(digest) {
        const tags = referrers_tag/* COSIGN_SUFFIXES */.gG.map((suffix) => `${(0,oci_digest/* digestTag */.t9)(digest)}.${suffix}`);
        const found = await Promise.all(tags.map(async (tag) => ({ tag, descriptor: await this.resolve(tag) })));
        return found.filter((f) => f.descriptor !== undefined);
    }
}
async function readLimited(response, limit, what) {
    try {
        return await response.bytes(limit);
    }
    catch (error) {
        if (error instanceof http/* BodyTooLargeError */.Au)
            throw new Error(`${what} is over the ${limit}-byte limit for manifests`);
        throw error;
    }
}
/** Re-cut a stream into chunks of exactly `size` bytes (the last may be shorter). */
async function* rechunk(body, size) {
    let buffer = Buffer.alloc(size);
    let filled = 0;
    for await (const piece of body) {
        let offset = 0;
        while (offset < piece.byteLength) {
            const take = Math.min(size - filled, piece.byteLength - offset);
            buffer.set(piece.subarray(offset, offset + take), filled);
            filled += take;
            offset += take;
            if (filled === size) {
                yield buffer;
                buffer = Buffer.alloc(size);
                filled = 0;
            }
        }
    }
    if (filled > 0)
        yield buffer.subarray(0, filled);
}

;// CONCATENATED MODULE: ./src/oci/client.ts




// Where these lived before the split; importers of './client.js' keep working.



const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
class RegistryClient {
    options;
    insecure;
    auth;
    maxManifestBytes;
    constructor(options) {
        this.options = options;
        this.insecure = new Set(options.insecureRegistries ?? []);
        this.maxManifestBytes = options.maxManifestBytes ?? MAX_MANIFEST_BYTES;
        this.auth = new RegistryAuthenticator({
            http: options.http,
            credentials: options.credentials,
            insecure: this.insecure,
            onSecret: options.onSecret,
            now: options.now ?? Date.now,
            baseUrl: (registry) => this.baseUrl(registry),
        });
    }
    repository(registry, name) {
        return new RegistryRepository(this, registry, name);
    }
    baseUrl(registry) {
        const scheme = (0,reference/* isLoopback */.U9)(registry) || this.insecure.has(registry) ? 'http' : 'https';
        return `${scheme}://${(0,reference/* apiHost */.nz)(registry)}`;
    }
    /**
     * Send a request to a registry with the auth it asks for. `scopes` are token scopes such as
     * `repository:team/app:pull,push`. A 401 is answered once (new token or credentials) when the body
     * can be sent again; a second 401 is a RegistryAuthError.
     */
    send(registry, scopes, req) {
        return this.auth.send(registry, scopes, req);
    }
}
/**
 * The registry client every adapter builds (promote, layer-cache, `gantry policy`): credentials
 * given as inputs first, then the Docker config file, as docker/login-action leaves it.
 */
function createRegistryClient(options) {
    return new RegistryClient({
        http: options.http,
        credentials: credentialChain(options.explicit ?? {}, dockerConfigCredentials(options.env)),
        insecureRegistries: options.insecureRegistries,
        onSecret: options.onSecret,
    });
}

// EXTERNAL MODULE: ./src/oci/copy.ts
var copy = __webpack_require__(3748);
;// CONCATENATED MODULE: ./src/oci/index.ts












/** The repository a reference names: a registry repository, or a layout directory (created when asked). */
function openRepository(ref, client, options = {}) {
    if (ref.kind === 'layout')
        return layout/* LayoutRepository */.i.open(ref.dir, { create: options.createLayout });
    return client.repository(ref.registry, ref.repository);
}


/***/ }),

/***/ 5823:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ LayoutError),
/* harmony export */   i: () => (/* binding */ LayoutRepository)
/* harmony export */ });
/* harmony import */ var _net_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3688);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _referrers_tag_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7572);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8825);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9217);







const REF_NAME = 'org.opencontainers.image.ref.name';
/** A layout directory that is missing, malformed or lacks what was asked for. */
class LayoutError extends _net_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ServiceError */ ._7 {
    name = 'LayoutError';
    transient = false;
    unreachable = false;
}
/**
 * An OCI image layout directory (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`), as `docker buildx
 * --output type=oci,tar=false`, skopeo (`oci:<dir>`) and other tools write it. Tags are the
 * `org.opencontainers.image.ref.name` annotations of index.json; referrers use the tag schema.
 */
class LayoutRepository {
    dir;
    kind = 'layout';
    display;
    constructor(dir) {
        this.dir = dir;
        this.display = `oci-layout:${dir}`;
    }
    /** Open an existing layout, or (create: true) make an empty one where there is none. */
    static open(dir, options = {}) {
        const marker = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'oci-layout');
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(marker)) {
            if (!options.create)
                throw new LayoutError(`${dir} is not an OCI image layout (no oci-layout file)`);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'blobs', 'sha256'), { recursive: true });
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(marker, JSON.stringify({ imageLayoutVersion: '1.0.0' }));
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.OciIndex, manifests: [] }));
        }
        return new LayoutRepository(dir);
    }
    blobPath(digest) {
        if (!(0,_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .isDigest */ .Bc)(digest))
            throw new LayoutError(`not a digest: ${JSON.stringify(digest)}`);
        const [alg, hex] = digest.split(':');
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, 'blobs', alg, hex);
    }
    index() {
        try {
            return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, 'index.json'), 'utf8'));
        }
        catch (error) {
            throw new LayoutError(`${this.dir}/index.json cannot be read: ${error.message}`);
        }
    }
    writeIndex(index) {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, 'index.json');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(`${file}.tmp`, JSON.stringify(index));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(`${file}.tmp`, file);
    }
    async resolve(ref) {
        const listed = this.index().manifests.find((d) => (0,_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .isDigest */ .Bc)(ref) ? d.digest === ref : d.annotations?.[REF_NAME] === ref);
        if (listed) {
            const { annotations: _annotations, ...descriptor } = listed;
            return descriptor;
        }
        if ((0,_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .isDigest */ .Bc)(ref) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(this.blobPath(ref)))
            return (await this.getManifest(ref)).descriptor;
        return undefined;
    }
    async getManifest(ref) {
        const descriptor = (0,_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .isDigest */ .Bc)(ref) ? { digest: ref, mediaType: undefined } : await this.resolve(ref);
        if (!descriptor)
            throw new LayoutError(`${this.display}: no manifest tagged ${ref}`);
        const path = this.blobPath(descriptor.digest);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
            throw new LayoutError(`${this.display}: manifest ${descriptor.digest} is missing`);
        const bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path);
        (0,_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .verifyBytes */ .RV)(bytes, descriptor.digest, `${this.display} manifest`);
        return (0,_media_types_js__WEBPACK_IMPORTED_MODULE_5__/* .parseManifest */ .Ng)(bytes, descriptor.digest, descriptor.mediaType);
    }
    async putManifest(bytes, mediaType, ref) {
        const digest = (0,_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .digestOf */ .ol)(bytes);
        if ((0,_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .isDigest */ .Bc)(ref) && ref !== digest)
            throw new _digest_js__WEBPACK_IMPORTED_MODULE_4__/* .DigestMismatchError */ .h(`manifest for ${this.display}@${ref} has digest ${digest}`);
        this.writeBlobBytes(digest, bytes);
        const manifest = (0,_media_types_js__WEBPACK_IMPORTED_MODULE_5__/* .parseManifest */ .Ng)(bytes, digest, mediaType);
        const descriptor = { mediaType, digest, size: bytes.byteLength };
        if (!(0,_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .isDigest */ .Bc)(ref)) {
            const index = this.index();
            index.manifests = index.manifests.filter((d) => d.annotations?.[REF_NAME] !== ref);
            index.manifests.push({ ...descriptor, annotations: { [REF_NAME]: ref } });
            this.writeIndex(index);
        }
        if (manifest.json.subject)
            await (0,_referrers_tag_js__WEBPACK_IMPORTED_MODULE_3__/* .addToReferrersIndex */ .fd)(this, manifest.json.subject.digest, manifest);
        return descriptor;
    }
    async deleteManifest(digest) {
        const index = this.index();
        index.manifests = index.manifests.filter((d) => d.digest !== digest);
        this.writeIndex(index);
    }
    async hasBlob(digest) {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(this.blobPath(digest));
    }
    async openBlob(descriptor) {
        const path = this.blobPath(descriptor.digest);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
            throw new LayoutError(`${this.display}: blob ${descriptor.digest} is missing`);
        return (0,_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .verified */ .zr)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path), descriptor, `${this.display} blob ${descriptor.digest}`);
    }
    async pushBlob(descriptor, source) {
        const path = this.blobPath(descriptor.digest);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).size === descriptor.size)
            return;
        const body = typeof source === 'function' ? await source() : source;
        if (body instanceof Uint8Array) {
            (0,_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .verifyBytes */ .RV)(body, descriptor.digest, `${this.display} blob`);
            return this.writeBlobBytes(descriptor.digest, body);
        }
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
        const partial = `${path}.${process.pid}.partial`;
        try {
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(body, (0,_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .verifyingStream */ .oP)(descriptor.digest, descriptor.size, `${this.display} blob ${descriptor.digest}`), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(partial));
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(partial, path);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(partial, { force: true });
        }
    }
    writeBlobBytes(digest, bytes) {
        const path = this.blobPath(digest);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
            return;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(`${path}.tmp`, bytes);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(`${path}.tmp`, path);
    }
    async tags() {
        return this.index()
            .manifests.map((d) => d.annotations?.[REF_NAME])
            .filter((t) => t !== undefined);
    }
    async referrers(digest, artifactType) {
        const all = await (0,_referrers_tag_js__WEBPACK_IMPORTED_MODULE_3__/* .referrersFromTag */ .xA)(this, digest);
        return artifactType ? all.filter((d) => d.artifactType === artifactType) : all;
    }
}


/***/ }),

/***/ 9217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gh: () => (/* binding */ artifactTypeOf),
/* harmony export */   LU: () => (/* binding */ childrenOf),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   OR: () => (/* binding */ blobsOf),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   nw: () => (/* binding */ isIndex),
/* harmony export */   zu: () => (/* binding */ MediaType)
/* harmony export */ });
/* unused harmony exports INDEX_TYPES, MANIFEST_TYPES */
/** Media types and the JSON shapes of manifests, as the OCI image spec and Docker's v2 schema 2 define them. */
const MediaType = {
    OciIndex: 'application/vnd.oci.image.index.v1+json',
    OciManifest: 'application/vnd.oci.image.manifest.v1+json',
    DockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    DockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    OciConfig: 'application/vnd.oci.image.config.v1+json',
    DockerConfig: 'application/vnd.docker.container.image.v1+json',
    OciEmpty: 'application/vnd.oci.empty.v1+json',
    OciLayer: 'application/vnd.oci.image.layer.v1.tar',
    OciLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
    DockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
};
/** Every manifest type, sent on every manifest request: a registry otherwise may convert or hide one. */
const MANIFEST_ACCEPT = [
    MediaType.OciIndex,
    MediaType.OciManifest,
    MediaType.DockerList,
    MediaType.DockerManifest,
].join(', ');
const INDEX_TYPES = new Set([MediaType.OciIndex, MediaType.DockerList]);
const MANIFEST_TYPES = new Set([
    MediaType.OciIndex,
    MediaType.OciManifest,
    MediaType.DockerList,
    MediaType.DockerManifest,
]);
function isIndex(mediaType) {
    return INDEX_TYPES.has(mediaType);
}
/** Children an index points at, or the blobs (config, layers) a manifest needs. */
function blobsOf(manifest) {
    if (isIndex(manifest.descriptor.mediaType))
        return [];
    const json = manifest.json;
    return [json.config, ...(json.layers ?? [])];
}
function childrenOf(manifest) {
    return isIndex(manifest.descriptor.mediaType) ? (manifest.json.manifests ?? []) : [];
}
/** The artifact type a referrer declares: its artifactType, else its config's media type (OCI 1.1). */
function artifactTypeOf(json) {
    if (json.artifactType)
        return json.artifactType;
    return 'config' in json ? json.config?.mediaType : undefined;
}
/**
 * Parse manifest bytes into JSON and find its media type (the field, else the Content-Type the
 * registry gave). Throws when the bytes are not a manifest of a known type.
 */
function parseManifest(bytes, digest, contentType) {
    let json;
    try {
        json = JSON.parse(new TextDecoder().decode(bytes));
    }
    catch {
        throw new Error(`manifest ${digest} is not JSON`);
    }
    if (!json || typeof json !== 'object')
        throw new Error(`manifest ${digest} is not a JSON object`);
    const declared = json.mediaType ?? contentType?.split(';')[0]?.trim();
    const mediaType = declared && MANIFEST_TYPES.has(declared)
        ? declared
        : 'manifests' in json
            ? MediaType.OciIndex
            : 'config' in json
                ? MediaType.OciManifest
                : undefined;
    if (!mediaType)
        throw new Error(`manifest ${digest} has no known media type (${declared ?? 'none'})`);
    const descriptor = { mediaType, digest, size: bytes.byteLength };
    const artifactType = artifactTypeOf(json);
    if (json.artifactType)
        descriptor.artifactType = artifactType;
    return { descriptor, bytes, json };
}


/***/ }),

/***/ 9767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   nz: () => (/* binding */ apiHost),
/* harmony export */   r_: () => (/* binding */ isValidTag),
/* harmony export */   x_: () => (/* binding */ InvalidReferenceError)
/* harmony export */ });
/* unused harmony export LAYOUT_PREFIX */
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8825);

class InvalidReferenceError extends Error {
    given;
    reason;
    name = 'InvalidReferenceError';
    constructor(given, reason) {
        super(`invalid image reference ${JSON.stringify(given.slice(0, 120))}: ${reason}`);
        this.given = given;
        this.reason = reason;
    }
}
const DOCKER_HUB = 'docker.io';
const LAYOUT_PREFIX = 'oci-layout:';
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;
function isValidTag(tag) {
    return TAG.test(tag);
}
function parseReference(text) {
    const given = text.trim();
    if (given === '')
        throw new InvalidReferenceError(text, 'it is empty');
    if (given.startsWith(LAYOUT_PREFIX))
        return parseLayout(given);
    if (/\s/.test(given))
        throw new InvalidReferenceError(text, 'it contains whitespace');
    let rest = given;
    let digest;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!(0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .isDigest */ .Bc)(digest))
            throw new InvalidReferenceError(text, `'${digest}' is not a digest (expected sha256:<64 hex>)`);
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            throw new InvalidReferenceError(text, `'${tag}' is not a valid tag`);
    }
    const parts = rest.split('/');
    let registry = DOCKER_HUB;
    const first = parts[0];
    if (parts.length > 1 &&
        (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))) {
        const port = /:(\d+)$/.exec(first)?.[1];
        if (!HOST.test(first) || Number(port ?? 0) > 65_535)
            throw new InvalidReferenceError(text, `'${first}' is not a valid registry host`);
        registry = first === 'index.docker.io' || first === 'registry-1.docker.io' ? DOCKER_HUB : first;
        parts.shift();
    }
    if (registry === DOCKER_HUB && parts.length === 1)
        parts.unshift('library');
    for (const part of parts) {
        if (!PATH_COMPONENT.test(part)) {
            throw new InvalidReferenceError(text, `repository component '${part}' must be lowercase letters, digits and separators (. _ __ -)`);
        }
    }
    const repository = parts.join('/');
    if (repository.length + registry.length + 1 > 255)
        throw new InvalidReferenceError(text, 'the name is longer than 255 characters');
    return { kind: 'registry', registry, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}
function parseLayout(given) {
    let dir = given.slice(LAYOUT_PREFIX.length);
    let digest;
    let tag;
    const at = dir.lastIndexOf('@');
    if (at !== -1 && /^sha(256|512):/.test(dir.slice(at + 1))) {
        digest = dir.slice(at + 1);
        dir = dir.slice(0, at);
        if (!(0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .isDigest */ .Bc)(digest))
            throw new InvalidReferenceError(given, `'${digest}' is not a digest (expected sha256:<64 hex>)`);
    }
    else {
        const colon = dir.lastIndexOf(':');
        if (colon !== -1 && !dir.slice(colon + 1).includes('/')) {
            tag = dir.slice(colon + 1);
            dir = dir.slice(0, colon);
            if (!TAG.test(tag))
                throw new InvalidReferenceError(given, `'${tag}' is not a valid tag`);
        }
    }
    if (dir === '')
        throw new InvalidReferenceError(given, 'no directory after oci-layout:');
    return { kind: 'layout', dir, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}
function formatReference(ref) {
    const suffix = `${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
    return ref.kind === 'layout'
        ? `${LAYOUT_PREFIX}${ref.dir}${suffix}`
        : `${ref.registry}/${ref.repository}${suffix}`;
}
/** The host the API is served from (Docker Hub's API host differs from its name). */
function apiHost(registry) {
    return registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
}
/** Registries on the loopback interface are spoken to over plain HTTP, as Docker does. */
function isLoopback(registry) {
    const host = registry.replace(/:\d+$/, '');
    return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}


/***/ }),

/***/ 7572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lm: () => (/* binding */ filterType),
/* harmony export */   fd: () => (/* binding */ addToReferrersIndex),
/* harmony export */   gG: () => (/* binding */ COSIGN_SUFFIXES),
/* harmony export */   xA: () => (/* binding */ referrersFromTag)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8825);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8630);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9217);
/**
 * The referrers tag schema of the distribution spec (for registries and layouts without the
 * referrers API): the image index at tag `sha256-<hex>` lists the subject's referrers. Also cosign's
 * legacy tag suffixes.
 */



const COSIGN_SUFFIXES = ['sig', 'att', 'sbom'];
function filterType(descriptors, artifactType) {
    return artifactType ? descriptors.filter((d) => d.artifactType === artifactType) : descriptors;
}
/** The referrers tag schema: the index at tag `sha256-<hex>` lists the subject's referrers. */
async function referrersFromTag(repo, digest) {
    try {
        const manifest = await repo.getManifest((0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestTag */ .t9)(digest));
        return manifest.json.manifests ?? [];
    }
    catch (error) {
        // No index yet (a registry's 404, or a layout without the tag): no referrers.
        if ((error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .g && error.notFound) || error.name === 'LayoutError')
            return [];
        throw error;
    }
}
/** Add a referrer to the subject's referrers tag index (creating it), unless it is listed already. */
async function addToReferrersIndex(repo, subject, referrer) {
    const existing = await referrersFromTag(repo, subject);
    const { mediaType, digest, size } = referrer.descriptor;
    if (existing.some((d) => d.digest === digest))
        return;
    const json = referrer.json;
    const entry = { mediaType, digest, size };
    const artifactType = (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .artifactTypeOf */ .Gh)(json);
    if (artifactType)
        entry.artifactType = artifactType;
    if (json.annotations)
        entry.annotations = json.annotations;
    const index = {
        schemaVersion: 2,
        mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.OciIndex,
        manifests: [...existing, entry],
    };
    await repo.putManifest(new TextEncoder().encode(JSON.stringify(index)), _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.OciIndex, (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestTag */ .t9)(subject));
}


/***/ })

};
