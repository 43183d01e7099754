import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 103:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ CircuitOpenError),
/* harmony export */   n: () => (/* binding */ CircuitBreakers)
/* harmony export */ });
class CircuitOpenError extends Error {
    host;
    name = 'CircuitOpenError';
    constructor(host, retryInMs) {
        super(`${host} failed repeatedly; not calling it again for ${Math.ceil(retryInMs / 1000)} s (circuit breaker open).`);
        this.host = host;
    }
}
/**
 * A per-host circuit breaker: after `failureThreshold` consecutive failures the host gets no requests
 * for `cooldownMs`; then one probe is let through (half-open) and its outcome closes or reopens it.
 */
class CircuitBreakers {
    options;
    clock;
    hosts = new Map();
    trips = 0;
    constructor(options, clock) {
        this.options = options;
        this.clock = clock;
    }
    /** Throws CircuitOpenError when the host must not be called now. */
    admit(host) {
        const state = this.hosts.get(host);
        if (!state || state.kind === 'closed')
            return;
        if (state.kind === 'half-open')
            throw new CircuitOpenError(host, this.options.cooldownMs);
        const waited = this.clock.now() - state.since;
        if (waited < this.options.cooldownMs)
            throw new CircuitOpenError(host, this.options.cooldownMs - waited);
        this.hosts.set(host, { kind: 'half-open' });
    }
    succeeded(host) {
        this.hosts.set(host, { kind: 'closed', failures: 0 });
    }
    failed(host) {
        const state = this.hosts.get(host) ?? { kind: 'closed', failures: 0 };
        if (state.kind === 'half-open') {
            this.open(host);
        }
        else if (state.kind === 'closed') {
            const failures = state.failures + 1;
            if (failures >= this.options.failureThreshold)
                this.open(host);
            else
                this.hosts.set(host, { kind: 'closed', failures });
        }
    }
    stateOf(host) {
        return this.hosts.get(host)?.kind ?? 'closed';
    }
    open(host) {
        this.trips += 1;
        this.hosts.set(host, { kind: 'open', since: this.clock.now() });
    }
}


/***/ }),

/***/ 881:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};


/***/ }),

/***/ 701:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Au: () => (/* binding */ BodyTooLargeError),
  Qq: () => (/* binding */ HttpClient),
  Iu: () => (/* binding */ HttpTimeoutError),
  Dr: () => (/* binding */ NetworkError),
  Pl: () => (/* binding */ safeUrl),
  Z_: () => (/* binding */ sendsOnce)
});

// UNUSED EXPORTS: DEFAULT_HTTP_OPTIONS, HttpResponse, ResponseHeaders, parseRetryAfter

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(75);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __nccwpck_require__(466);
// EXTERNAL MODULE: ./src/net/breaker.ts
var breaker = __nccwpck_require__(103);
// EXTERNAL MODULE: ./src/net/clock.ts
var clock = __nccwpck_require__(881);
;// CONCATENATED MODULE: ./src/net/http.ts





class HttpTimeoutError extends Error {
    name = 'HttpTimeoutError';
}
class BodyTooLargeError extends Error {
    name = 'BodyTooLargeError';
}
class NetworkError extends Error {
    host;
    causeCode;
    name = 'NetworkError';
    constructor(message, host, causeCode) {
        super(message);
        this.host = host;
        this.causeCode = causeCode;
    }
}
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const DEFAULT_HTTP_OPTIONS = {
    timeoutMs: 30_000,
    retries: 3,
    backoffBaseMs: 250,
    backoffMaxMs: 10_000,
    retryAfterMaxMs: 60_000,
    breakerThreshold: 5,
    breakerCooldownMs: 30_000,
};
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
/** Errors of requests that went out on a kept-alive connection which turned out to be closed. */
const failedOnReusedSocket = new WeakSet();
/** Idle connections tried, one after another, before a fresh one: bounded by the pool's size in practice. */
const STALE_SOCKET_ATTEMPTS = 4;
const MAX_REDIRECTS = 20;
const SMALL_BODY_BYTES = 64 * 1024;
function hasBody(method, status, message) {
    return method !== 'HEAD' && status !== 204 && status !== 304 && message.headers['content-length'] !== '0';
}
/** A response whose body streams from the socket; read it, or discard it to free the connection. */
class HttpResponse {
    message;
    describe;
    status;
    headers;
    url;
    constructor(message, url, method, 
    /** Turns a stream error into a NetworkError naming the URL. */
    describe) {
        this.message = message;
        this.describe = describe;
        this.status = message.statusCode ?? 0;
        this.headers = new ResponseHeaders(message.headers);
        this.url = url.toString();
        // A response without a body (HEAD, 204, 304, Content-Length: 0) must still be read to its end,
        // or its connection stays busy and keeps the process alive.
        if (!hasBody(method, this.status, message))
            message.resume();
    }
    get ok() {
        return this.status >= 200 && this.status < 300;
    }
    /** The body as it comes off the socket, for code that streams it on. */
    get body() {
        return this.message;
    }
    /** The whole body; `limit` bytes at most (a longer body is an error, and is not read further). */
    async bytes(limit = Number.POSITIVE_INFINITY) {
        const declared = Number(this.headers.get('content-length') ?? Number.NaN);
        if (declared > limit) {
            this.discard();
            throw new BodyTooLargeError(`${safeUrl(this.url)}: body of ${declared} bytes is over the limit of ${limit}`);
        }
        const chunks = [];
        let total = 0;
        try {
            for await (const chunk of this.message) {
                total += chunk.byteLength;
                if (total > limit) {
                    this.message.destroy();
                    throw new BodyTooLargeError(`${safeUrl(this.url)}: body is over the limit of ${limit} bytes`);
                }
                chunks.push(chunk);
            }
        }
        catch (error) {
            throw error instanceof BodyTooLargeError ? error : this.describe(error);
        }
        return Buffer.concat(chunks);
    }
    async text() {
        return Buffer.from(await this.bytes()).toString('utf8');
    }
    async json() {
        return JSON.parse(await this.text());
    }
    /**
     * Drop the body unread: a small one is drained so its connection is reused, a large or unknown
     * one is cut (reading megabytes to save a handshake is a bad trade).
     */
    discard() {
        const length = Number(this.headers.get('content-length') ?? Number.NaN);
        if (this.message.complete || length <= SMALL_BODY_BYTES)
            this.message.resume();
        else
            this.message.destroy();
    }
}
/** Response headers, looked up case-insensitively; repeated headers joined with ", ". */
class ResponseHeaders {
    raw;
    constructor(raw) {
        this.raw = raw;
    }
    get(name) {
        const value = this.raw[name.toLowerCase()];
        if (value === undefined)
            return null;
        return Array.isArray(value) ? value.join(', ') : value;
    }
}
class HttpClient {
    options;
    breakers;
    counters = { requests: 0, retries: 0, exhausted: 0 };
    httpAgent;
    httpsAgent;
    proxyEnv;
    constructor(options = {}) {
        this.options = {
            ...DEFAULT_HTTP_OPTIONS,
            clock: clock/* systemClock */.m,
            random: Math.random,
            ...options,
        };
        this.breakers = new breaker/* CircuitBreakers */.n({ failureThreshold: this.options.breakerThreshold, cooldownMs: this.options.breakerCooldownMs }, this.options.clock);
        this.proxyEnv = this.options.proxyEnv ? proxyVariables(this.options.proxyEnv) : undefined;
        this.httpAgent = new external_node_http_namespaceObject.Agent({
            keepAlive: true,
            ...(this.proxyEnv ? { proxyEnv: this.proxyEnv } : {}),
        });
    }
    /** node:https (and TLS) load on the first https request: a few ms of start saved where none is made. */
    https() {
        const https = process.getBuiltinModule('node:https');
        this.httpsAgent ??= new https.Agent({
            keepAlive: true,
            ...this.options.tls,
            ...(this.proxyEnv ? { proxyEnv: this.proxyEnv } : {}),
        });
        return { request: https.request, agent: this.httpsAgent };
    }
    stats() {
        return { ...this.counters, breakerTrips: this.breakers.trips };
    }
    breakerState(host) {
        return this.breakers.stateOf(host);
    }
    /**
     * Send a request; returns the response (including error statuses once retries are spent).
     * Redirects are followed (unless `redirect` says otherwise) with the Authorization header dropped
     * when the redirect leaves the origin, as a registry's blob redirect to object storage needs.
     */
    async request(req) {
        let current = req;
        for (let hops = 0;; hops++) {
            const response = await this.requestOnce(current);
            const location = response.headers.get('location');
            if (!REDIRECT_STATUS.has(response.status) || !location || (req.redirect ?? 'follow') === 'manual')
                return response;
            response.discard();
            const from = new URL(current.url);
            if (req.redirect === 'error' || hops >= MAX_REDIRECTS)
                throw new NetworkError(`${safeUrl(from)}: HTTP ${response.status} redirect ${req.redirect === 'error' ? 'not allowed here' : `after ${MAX_REDIRECTS} hops`}`, from.host);
            const to = new URL(location, from);
            const method = (current.method ?? 'GET').toUpperCase();
            const becomesGet = response.status === 303 && method !== 'HEAD';
            const dropped = (name) => (to.origin !== from.origin && /^authorization$/i.test(name)) ||
                (becomesGet && /^content-/i.test(name));
            const headers = Object.fromEntries(Object.entries(current.headers ?? {}).filter(([name]) => !dropped(name)));
            if (!becomesGet && sendsOnce(current.body))
                throw new NetworkError(`${safeUrl(from)}: HTTP ${response.status} redirect of a streamed body`, from.host);
            current = {
                ...current,
                url: to,
                headers,
                method: becomesGet ? 'GET' : method,
                body: becomesGet ? undefined : current.body,
            };
        }
    }
    async requestOnce(req) {
        const url = new URL(req.url);
        const method = (req.method ?? 'GET').toUpperCase();
        const host = url.host;
        const canRetry = IDEMPOTENT.has(method) || req.retrySafe === true;
        const maxRetries = canRetry && !sendsOnce(req.body) ? (req.retries ?? this.options.retries) : 0;
        for (let attempt = 0;; attempt++) {
            this.breakers.admit(host);
            this.counters.requests += 1;
            let response;
            let failure;
            try {
                response = await this.attemptOnLiveSocket(url, method, req);
            }
            catch (error) {
                if (req.signal?.aborted)
                    throw req.signal.reason ?? error;
                failure = describeFailure(error, url, req.timeoutMs ?? this.options.timeoutMs);
            }
            const hostFailed = failure !== undefined || (response !== undefined && response.status >= 500);
            if (hostFailed)
                this.breakers.failed(host);
            else
                this.breakers.succeeded(host);
            const retryable = failure !== undefined || (response !== undefined && RETRYABLE_STATUS.has(response.status));
            if (!retryable)
                return response;
            const retryAfter = response
                ? parseRetryAfter(response.headers.get('retry-after'), this.options.clock.now())
                : undefined;
            const giveUp = attempt >= maxRetries ||
                (retryAfter !== undefined && retryAfter > this.options.retryAfterMaxMs) ||
                this.breakers.stateOf(host) === 'open';
            if (giveUp) {
                if (maxRetries > 0)
                    this.counters.exhausted += 1;
                if (failure)
                    throw failure;
                return response;
            }
            const backoff = this.options.random() *
                Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** attempt);
            const delay = Math.max(backoff, retryAfter ?? 0);
            this.counters.retries += 1;
            this.options.onRetry?.(`${method} ${safeUrl(url)}: ${failure ? failure.message : `HTTP ${response.status}`}; retry ${attempt + 1}/${maxRetries} in ${Math.round(delay)} ms`);
            response?.discard();
            await this.options.clock.sleep(delay, req.signal);
        }
    }
    /**
     * A kept-alive connection the server (or a load balancer) closed while it sat idle fails the next
     * request sent on it before the server saw it: that request goes again on another connection,
     * whatever its method, as long as its body can be sent again. This is not a retry (no backoff, no
     * breaker, not counted): the request never reached the server.
     */
    async attemptOnLiveSocket(url, method, req) {
        for (let stale = 0;; stale++) {
            try {
                return await this.attempt(url, method, req);
            }
            catch (error) {
                if (sendsOnce(req.body) ||
                    stale >= STALE_SOCKET_ATTEMPTS ||
                    !failedOnReusedSocket.has(error))
                    throw error;
            }
        }
    }
    attempt(url, method, req) {
        const timeoutMs = req.timeoutMs ?? this.options.timeoutMs;
        const body = typeof req.body === 'function' ? req.body() : req.body;
        const headers = { ...req.headers };
        const fixed = typeof body === 'string' ? Buffer.from(body) : body instanceof Uint8Array ? body : undefined;
        if (fixed && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-length'))
            headers['content-length'] = String(fixed.byteLength);
        const transport = url.protocol === 'https:' ? this.https() : { request: external_node_http_namespaceObject.request, agent: this.httpAgent };
        return new Promise((resolve, reject) => {
            const request = transport.request(url, { method, headers, agent: transport.agent });
            // The timeout bounds the wait for headers; a streamed body is bounded by the caller's signal.
            const timer = setTimeout(() => request.destroy(new HttpTimeoutError(`no response within ${timeoutMs} ms`)), timeoutMs);
            const abort = () => request.destroy(req.signal?.reason ?? new Error('aborted'));
            if (req.signal?.aborted)
                abort();
            req.signal?.addEventListener('abort', abort, { once: true });
            const settle = () => {
                clearTimeout(timer);
                req.signal?.removeEventListener('abort', abort);
            };
            request.once('response', (message) => {
                settle();
                // An error on a body nobody reads must not end the process; readers see it through the stream.
                message.on('error', () => undefined);
                if (req.signal) {
                    const cut = () => message.destroy(req.signal?.reason ?? new Error('aborted'));
                    req.signal.addEventListener('abort', cut, { once: true });
                    message.once('close', () => req.signal?.removeEventListener('abort', cut));
                }
                resolve(new HttpResponse(message, url, method, (error) => describeFailure(error, url, timeoutMs)));
            });
            request.once('error', (error) => {
                settle();
                if (request.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE'))
                    failedOnReusedSocket.add(error);
                reject(error);
            });
            if (body === undefined)
                request.end();
            else if (fixed)
                request.end(fixed);
            else {
                const source = body instanceof external_node_stream_.Readable
                    ? body
                    : body instanceof ReadableStream
                        ? external_node_stream_.Readable.fromWeb(body)
                        : external_node_stream_.Readable.from(body);
                // A failing source ends the request with its error (the request rejects with it).
                (0,promises_.pipeline)(source, request).catch((error) => request.destroy(error));
            }
        });
    }
}
/** The proxy variables, as Node's agents read them (upper case), from either spelling. */
function proxyVariables(env) {
    const out = {};
    for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY']) {
        const value = env[name.toLowerCase()] || env[name];
        if (value)
            out[name] = value;
    }
    return out;
}
/** A streamed body given as is (not as a factory) can be sent only once: no retry, resend or redirect. */
function sendsOnce(body) {
    return (body !== undefined &&
        typeof body !== 'function' &&
        typeof body !== 'string' &&
        !(body instanceof Uint8Array));
}
/** A URL fit for a log or an error: no credentials, no query (upload URLs carry state tokens). */
function safeUrl(url) {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
}
function describeFailure(error, url, timeoutMs) {
    if (error instanceof breaker/* CircuitOpenError */.C)
        return error;
    if (error instanceof HttpTimeoutError || (error instanceof Error && error.name === 'AbortError')) {
        return new HttpTimeoutError(`${safeUrl(url)}: no response within ${timeoutMs} ms`);
    }
    if (error instanceof Error && error.name === 'HttpTimeoutError')
        return new HttpTimeoutError(`${safeUrl(url)}: ${error.message}`);
    if (error instanceof NetworkError)
        return error;
    const cause = error.cause;
    const code = error.code ?? cause?.code;
    return new NetworkError(`${safeUrl(url)}: ${code ?? cause?.message ?? error.message}`, url.host, code);
}
/** Retry-After as delta-seconds or an HTTP date; milliseconds from now. */
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}


/***/ }),

/***/ 995:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _runtime_run_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(957);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(866);


await (0,_runtime_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runStep */ .e)('promote', 'main', _run_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 866:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __nccwpck_require__(466);
// EXTERNAL MODULE: ./src/net/http.ts + 1 modules
var http = __nccwpck_require__(701);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(75);
;// CONCATENATED MODULE: ./src/oci/digest.ts



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
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
function digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** Content did not match the digest (or size) it was addressed by. */
class DigestMismatchError extends Error {
    name = 'DigestMismatchError';
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
    const hash = (0,external_node_crypto_.createHash)(algorithmOf(expected));
    let size = 0;
    return new external_node_stream_.Transform({
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
    (0,promises_.pipeline)(source, verifier).catch(() => undefined);
    return verifier;
}
/** The referrers tag schema: `sha256:abc…` → `sha256-abc…`. */
function digestTag(digest) {
    return digest.replace(':', '-');
}

// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __nccwpck_require__(541);
;// CONCATENATED MODULE: ./src/oci/errors.ts

/** A registry answered with an error status; `code` is the distribution error code when given. */
class RegistryError extends Error {
    status;
    code;
    name = 'RegistryError';
    constructor(message, status, code) {
        super(message);
        this.status = status;
        this.code = code;
    }
    get notFound() {
        return this.status === 404;
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
 * given. A user mistake, so a ConfigurationError: it names the registry and user, never the secret.
 */
class RegistryAuthError extends errors/* ConfigurationError */.j1 {
}

;// CONCATENATED MODULE: ./src/oci/media-types.ts
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

;// CONCATENATED MODULE: ./src/oci/reference.ts

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
        if (!isDigest(digest))
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
        if (!HOST.test(first))
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
        if (!isDigest(digest))
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
    const host = registry.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

;// CONCATENATED MODULE: ./src/oci/client.ts





/** Per-registry auth state: the challenge learnt from `GET /v2/`, and tokens by scope set. */
class RegistryAuth {
    challenge;
    tokens = new Map();
    credentials;
}
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const TOKEN_MARGIN_MS = 10_000;
/**
 * A client for the OCI distribution API v1.1 over src/net's HttpClient: anonymous, basic and bearer
 * token auth (scopes per request, including the source of a cross-repository mount), every manifest
 * type accepted and kept byte for byte, every digest verified.
 */
class RegistryClient {
    options;
    auths = new Map();
    insecure;
    maxManifestBytes;
    now;
    constructor(options) {
        this.options = options;
        this.insecure = new Set(options.insecureRegistries ?? []);
        this.maxManifestBytes = options.maxManifestBytes ?? MAX_MANIFEST_BYTES;
        this.now = options.now ?? Date.now;
    }
    repository(registry, name) {
        return new RegistryRepository(this, registry, name);
    }
    baseUrl(registry) {
        const scheme = isLoopback(registry) || this.insecure.has(registry) ? 'http' : 'https';
        return `${scheme}://${apiHost(registry)}`;
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
            throw new RegistryError(`${req.method ?? 'GET'} ${(0,http/* safeUrl */.Pl)(req.url)}: HTTP 401 (token expired during a streamed upload)`, 401, 'UNAUTHORIZED');
        }
        header = await this.authorization(registry, auth, [...scopes, ...extra], true);
        response = await this.options.http.request(withAuth(req, header));
        if (response.status === 401) {
            const again = parseChallenge(response.headers.get('www-authenticate'));
            response.discard();
            const what = `${req.method ?? 'GET'} ${(0,http/* safeUrl */.Pl)(req.url)}`;
            if (again?.scheme === 'bearer' && again.error === 'insufficient_scope' && auth.credentials) {
                throw new RegistryAuthError(`Registry ${registry} denied user '${auth.credentials.username}' the access ${again.scope ?? scopes.join(' ')} (${what}). Grant that user push rights, or use other credentials.`);
            }
            throw this.refused(registry, auth, what);
        }
        return response;
    }
    refused(registry, auth, what) {
        const user = auth.credentials?.username;
        return new RegistryAuthError(user
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
                url: `${this.baseUrl(registry)}/v2/`,
                method: 'GET',
            });
            response.discard();
            if (response.status === 401)
                auth.challenge = parseChallenge(response.headers.get('www-authenticate')) ?? { scheme: 'none' };
            else if (response.ok)
                auth.challenge = { scheme: 'none' };
            else
                throw new RegistryError(`${registry} is not an OCI registry: GET /v2/ answered HTTP ${response.status}`, response.status, undefined);
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
        if (cached && !renew && cached.expiresAt > this.now())
            return `Bearer ${cached.value}`;
        const url = new URL(challenge.realm);
        if (challenge.service)
            url.searchParams.set('service', challenge.service);
        for (const scope of wanted)
            url.searchParams.append('scope', scope);
        const headers = {};
        if (credentials)
            headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
        const response = await this.options.http.request({ url, method: 'GET', headers });
        if (response.status === 401 || response.status === 403) {
            response.discard();
            throw this.refused(registry, auth, `token service ${(0,http/* safeUrl */.Pl)(url)}`);
        }
        if (!response.ok)
            throw await RegistryError.from(`token service ${(0,http/* safeUrl */.Pl)(url)}`, response);
        const body = (await response.json());
        const value = body.token ?? body.access_token;
        if (!value)
            throw new RegistryError(`token service ${(0,http/* safeUrl */.Pl)(url)} returned no token`, response.status, undefined);
        this.options.onSecret?.(value);
        auth.tokens.set(key, { value, expiresAt: this.now() + (body.expires_in ?? 60) * 1000 - TOKEN_MARGIN_MS });
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
            headers: { accept: MANIFEST_ACCEPT },
        });
        if (response.status === 404)
            return undefined;
        if (!response.ok)
            throw await RegistryError.from(`HEAD ${(0,http/* safeUrl */.Pl)(url)}`, response);
        const digest = response.headers.get('docker-content-digest');
        const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
        const size = Number(response.headers.get('content-length'));
        if (!digest ||
            !isDigest(digest) ||
            !mediaType ||
            !Number.isFinite(size) ||
            (isDigest(ref) && digest !== ref)) {
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
            headers: { accept: MANIFEST_ACCEPT },
        });
        if (!response.ok)
            throw await RegistryError.from(`GET ${(0,http/* safeUrl */.Pl)(url)}`, response);
        const bytes = await readLimited(response, this.client.maxManifestBytes, `manifest ${this.display}:${ref}`);
        const header = response.headers.get('docker-content-digest');
        const digest = isDigest(ref) ? ref : header && isDigest(header) ? header : digestOf(bytes);
        verifyBytes(bytes, digest, `manifest ${this.display}@${digest}`);
        if (header && isDigest(header) && header !== digest) {
            throw new DigestMismatchError(`manifest ${this.display}:${ref}: registry says ${header}, content is ${digest}`);
        }
        return parseManifest(bytes, digest, response.headers.get('content-type') ?? undefined);
    }
    async putManifest(bytes, mediaType, ref) {
        const digest = digestOf(bytes);
        if (isDigest(ref) && ref !== digest)
            throw new DigestMismatchError(`manifest for ${this.display}@${ref} has digest ${digest}`);
        const url = this.url(`manifests/${ref}`);
        const response = await this.send(this.push(), {
            url,
            method: 'PUT',
            headers: { 'content-type': mediaType },
            body: bytes,
        });
        if (response.status !== 201 && response.status !== 200)
            throw await RegistryError.from(`PUT ${(0,http/* safeUrl */.Pl)(url)}`, response);
        response.discard();
        const stored = response.headers.get('docker-content-digest');
        if (stored && stored !== digest)
            throw new DigestMismatchError(`PUT ${(0,http/* safeUrl */.Pl)(url)}: registry stored ${stored}, pushed ${digest}`);
        const manifest = parseManifest(bytes, digest, mediaType);
        const subject = manifest.json.subject;
        if (subject && !response.headers.get('oci-subject')) {
            await addToReferrersIndex(this, subject.digest, manifest);
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
            throw await RegistryError.from(`DELETE ${(0,http/* safeUrl */.Pl)(url)}`, response);
        response.discard();
    }
    async hasBlob(digest) {
        const url = this.url(`blobs/${digest}`);
        const response = await this.send(this.pull(), { url, method: 'HEAD' });
        response.discard();
        if (response.status === 404)
            return false;
        if (!response.ok)
            throw await RegistryError.from(`HEAD ${(0,http/* safeUrl */.Pl)(url)}`, response);
        return true;
    }
    async openBlob(descriptor) {
        const url = this.url(`blobs/${descriptor.digest}`);
        const response = await this.send(this.pull(), { url, method: 'GET' });
        if (!response.ok)
            throw await RegistryError.from(`GET ${(0,http/* safeUrl */.Pl)(url)}`, response);
        return verified(response.body, descriptor, `blob ${this.display}@${descriptor.digest}`);
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
            throw await RegistryError.from(`POST ${(0,http/* safeUrl */.Pl)(url)}`, response);
        response.discard();
        return this.location(response, url);
    }
    location(response, base) {
        const location = response.headers.get('location');
        if (!location)
            throw new RegistryError(`${(0,http/* safeUrl */.Pl)(base)}: HTTP ${response.status} without a Location`, response.status, undefined);
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
        // redirect 'error': with 'follow', fetch clones the request, and the clone's tee of a streamed
        // body keeps every chunk in memory until the upload ends. An upload never redirects anyway.
        const response = await this.send(this.push(), { url, method: 'PUT', headers, body, redirect: 'error' });
        if (response.status !== 201)
            throw await RegistryError.from(`PUT ${(0,http/* safeUrl */.Pl)(url)}`, response);
        response.discard();
        const stored = response.headers.get('docker-content-digest');
        if (stored && stored !== descriptor.digest)
            throw new DigestMismatchError(`blob upload ${this.display}: registry stored ${stored}, expected ${descriptor.digest}`);
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
                throw await RegistryError.from(`PATCH ${(0,http/* safeUrl */.Pl)(location)}`, response);
            response.discard();
            location = this.location(response, location);
            offset += chunk.byteLength;
        }
        if (offset !== descriptor.size)
            throw new DigestMismatchError(`blob ${descriptor.digest}: read ${offset} bytes, expected ${descriptor.size}`);
        await this.finishUpload(location, descriptor, undefined, 0);
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
        throw await RegistryError.from(`POST ${(0,http/* safeUrl */.Pl)(url)} (mount)`, response);
    }
    /** All tags, following `Link: <…>; rel="next"` pagination. A repository that does not exist has none. */
    async tags() {
        const tags = [];
        let next = this.url('tags/list');
        for (let page = 0; next && page < 10_000; page++) {
            const response = await this.send(this.pull(), {
                url: next,
                method: 'GET',
                headers: { accept: 'application/json' },
            });
            if (response.status === 404) {
                response.discard();
                return tags;
            }
            if (!response.ok)
                throw await RegistryError.from(`GET ${(0,http/* safeUrl */.Pl)(next)}`, response);
            const body = (await response.json());
            tags.push(...(body.tags ?? []));
            const link = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.headers.get('link') ?? '');
            next = link ? new URL(link[1], next).toString() : undefined;
        }
        return tags;
    }
    async referrers(digest, artifactType) {
        if (this.referrersApi === false)
            return filterType(await referrersFromTag(this, digest), artifactType);
        // Until the registry has shown whether it has the API, the tag schema is read alongside (one
        // round trip instead of two on registries without it, such as 2.8 and GHCR).
        const fallback = this.referrersApi === undefined ? referrersFromTag(this, digest) : undefined;
        fallback?.catch(() => undefined);
        const url = new URL(this.url(`referrers/${digest}`));
        if (artifactType)
            url.searchParams.set('artifactType', artifactType);
        const response = await this.send(this.pull(), {
            url,
            method: 'GET',
            headers: { accept: MediaType.OciIndex },
        });
        const type = response.headers.get('content-type') ?? '';
        if (response.ok && type.includes(MediaType.OciIndex)) {
            this.referrersApi = true;
            const index = (await response.json());
            return filterType(index.manifests ?? [], artifactType);
        }
        response.discard();
        if (response.status !== 404) {
            const what = response.ok ? `not an image index (${type})` : `HTTP ${response.status}`;
            throw new RegistryError(`GET ${(0,http/* safeUrl */.Pl)(url)}: ${what}`, response.status, undefined);
        }
        this.referrersApi = false;
        return filterType(await (fallback ?? referrersFromTag(this, digest)), artifactType);
    }
    /** cosign's legacy tags for a digest (`sha256-<hex>.sig`, `.att`, `.sbom`) that exist. */
    async cosignTags(digest) {
        const tags = COSIGN_SUFFIXES.map((suffix) => `${digestTag(digest)}.${suffix}`);
        const found = await Promise.all(tags.map(async (tag) => ({ tag, descriptor: await this.resolve(tag) })));
        return found.filter((f) => f.descriptor !== undefined);
    }
}
const COSIGN_SUFFIXES = ['sig', 'att', 'sbom'];
function filterType(descriptors, artifactType) {
    return artifactType ? descriptors.filter((d) => d.artifactType === artifactType) : descriptors;
}
/** The referrers tag schema: the index at tag `sha256-<hex>` lists the subject's referrers. */
async function referrersFromTag(repo, digest) {
    try {
        const manifest = await repo.getManifest(digestTag(digest));
        return manifest.json.manifests ?? [];
    }
    catch (error) {
        // No index yet (a registry's 404, or a layout without the tag): no referrers.
        if ((error instanceof RegistryError && error.notFound) || error.name === 'LayoutError')
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
    const artifactType = artifactTypeOf(json);
    if (artifactType)
        entry.artifactType = artifactType;
    if (json.annotations)
        entry.annotations = json.annotations;
    const index = {
        schemaVersion: 2,
        mediaType: MediaType.OciIndex,
        manifests: [...existing, entry],
    };
    await repo.putManifest(new TextEncoder().encode(JSON.stringify(index)), MediaType.OciIndex, digestTag(subject));
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

;// CONCATENATED MODULE: ./src/oci/layout.ts






const REF_NAME = 'org.opencontainers.image.ref.name';
class LayoutError extends Error {
    name = 'LayoutError';
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
        const marker = (0,external_node_path_.join)(dir, 'oci-layout');
        if (!(0,external_node_fs_.existsSync)(marker)) {
            if (!options.create)
                throw new LayoutError(`${dir} is not an OCI image layout (no oci-layout file)`);
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(dir, 'blobs', 'sha256'), { recursive: true });
            (0,external_node_fs_.writeFileSync)(marker, JSON.stringify({ imageLayoutVersion: '1.0.0' }));
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: MediaType.OciIndex, manifests: [] }));
        }
        return new LayoutRepository(dir);
    }
    blobPath(digest) {
        if (!isDigest(digest))
            throw new LayoutError(`not a digest: ${JSON.stringify(digest)}`);
        const [alg, hex] = digest.split(':');
        return (0,external_node_path_.join)(this.dir, 'blobs', alg, hex);
    }
    index() {
        try {
            return JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(this.dir, 'index.json'), 'utf8'));
        }
        catch (error) {
            throw new LayoutError(`${this.dir}/index.json cannot be read: ${error.message}`);
        }
    }
    writeIndex(index) {
        const file = (0,external_node_path_.join)(this.dir, 'index.json');
        (0,external_node_fs_.writeFileSync)(`${file}.tmp`, JSON.stringify(index));
        (0,external_node_fs_.renameSync)(`${file}.tmp`, file);
    }
    async resolve(ref) {
        const listed = this.index().manifests.find((d) => isDigest(ref) ? d.digest === ref : d.annotations?.[REF_NAME] === ref);
        if (listed) {
            const { annotations: _annotations, ...descriptor } = listed;
            return descriptor;
        }
        if (isDigest(ref) && (0,external_node_fs_.existsSync)(this.blobPath(ref)))
            return (await this.getManifest(ref)).descriptor;
        return undefined;
    }
    async getManifest(ref) {
        const descriptor = isDigest(ref) ? { digest: ref, mediaType: undefined } : await this.resolve(ref);
        if (!descriptor)
            throw new LayoutError(`${this.display}: no manifest tagged ${ref}`);
        const path = this.blobPath(descriptor.digest);
        if (!(0,external_node_fs_.existsSync)(path))
            throw new LayoutError(`${this.display}: manifest ${descriptor.digest} is missing`);
        const bytes = (0,external_node_fs_.readFileSync)(path);
        verifyBytes(bytes, descriptor.digest, `${this.display} manifest`);
        return parseManifest(bytes, descriptor.digest, descriptor.mediaType);
    }
    async putManifest(bytes, mediaType, ref) {
        const digest = digestOf(bytes);
        if (isDigest(ref) && ref !== digest)
            throw new DigestMismatchError(`manifest for ${this.display}@${ref} has digest ${digest}`);
        this.writeBlobBytes(digest, bytes);
        const manifest = parseManifest(bytes, digest, mediaType);
        const descriptor = { mediaType, digest, size: bytes.byteLength };
        if (!isDigest(ref)) {
            const index = this.index();
            index.manifests = index.manifests.filter((d) => d.annotations?.[REF_NAME] !== ref);
            index.manifests.push({ ...descriptor, annotations: { [REF_NAME]: ref } });
            this.writeIndex(index);
        }
        if (manifest.json.subject)
            await addToReferrersIndex(this, manifest.json.subject.digest, manifest);
        return descriptor;
    }
    async deleteManifest(digest) {
        const index = this.index();
        index.manifests = index.manifests.filter((d) => d.digest !== digest);
        this.writeIndex(index);
    }
    async hasBlob(digest) {
        return (0,external_node_fs_.existsSync)(this.blobPath(digest));
    }
    async openBlob(descriptor) {
        const path = this.blobPath(descriptor.digest);
        if (!(0,external_node_fs_.existsSync)(path))
            throw new LayoutError(`${this.display}: blob ${descriptor.digest} is missing`);
        return verified((0,external_node_fs_.createReadStream)(path), descriptor, `${this.display} blob ${descriptor.digest}`);
    }
    async pushBlob(descriptor, source) {
        const path = this.blobPath(descriptor.digest);
        if ((0,external_node_fs_.existsSync)(path) && (0,external_node_fs_.statSync)(path).size === descriptor.size)
            return;
        const body = typeof source === 'function' ? await source() : source;
        if (body instanceof Uint8Array) {
            verifyBytes(body, descriptor.digest, `${this.display} blob`);
            return this.writeBlobBytes(descriptor.digest, body);
        }
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        const partial = `${path}.${process.pid}.partial`;
        try {
            await (0,promises_.pipeline)(body, verifyingStream(descriptor.digest, descriptor.size, `${this.display} blob ${descriptor.digest}`), (0,external_node_fs_.createWriteStream)(partial));
            (0,external_node_fs_.renameSync)(partial, path);
        }
        finally {
            (0,external_node_fs_.rmSync)(partial, { force: true });
        }
    }
    writeBlobBytes(digest, bytes) {
        const path = this.blobPath(digest);
        if ((0,external_node_fs_.existsSync)(path))
            return;
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        (0,external_node_fs_.writeFileSync)(`${path}.tmp`, bytes);
        (0,external_node_fs_.renameSync)(`${path}.tmp`, path);
    }
    async tags() {
        return this.index()
            .manifests.map((d) => d.annotations?.[REF_NAME])
            .filter((t) => t !== undefined);
    }
    async referrers(digest, artifactType) {
        const all = await referrersFromTag(this, digest);
        return artifactType ? all.filter((d) => d.artifactType === artifactType) : all;
    }
}

;// CONCATENATED MODULE: ./src/oci/copy.ts

/** The tree under a reference, or under a top manifest already read. */
async function readTree(repo, ref) {
    const top = typeof ref === 'string' ? await repo.getManifest(ref) : ref;
    const children = [];
    const blobs = new Map();
    const seen = new Set([top.descriptor.digest]);
    const visit = async (manifest, depth) => {
        if (isIndex(manifest.descriptor.mediaType)) {
            if (depth > 8)
                throw new Error(`${repo.display}@${top.descriptor.digest}: indexes nested more than 8 deep`);
            const fresh = (manifest.json.manifests ?? []).filter((child) => !seen.has(child.digest));
            for (const child of fresh)
                seen.add(child.digest);
            const loaded = await Promise.all(fresh.map((child) => repo.getManifest(child.digest)));
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
    if (src.kind === 'registry' && dst.kind === 'registry') {
        const from = src;
        const to = dst;
        if (from.registry === to.registry) {
            // A mount answers for a blob already present too. What the registry would not mount is
            // copied below. Mounts move no bytes, but running them wider than `concurrency` was measured
            // slower (registry 2.8 on two cores: 16 at once took longer than 4 to 6 at once).
            const unmounted = [];
            await forEachLimit(blobs, options.concurrency, async (blob) => {
                if (await to.mountBlob(blob, from))
                    options.stats.blobsMounted += 1;
                else
                    unmounted.push(blob);
            });
            rest = unmounted;
        }
    }
    // What the destination has is asked all at once, so no stream waits on its own HEAD.
    const present = new Set();
    await forEachLimit(rest, options.concurrency, async (blob) => {
        if (await dst.hasBlob(blob.digest))
            present.add(blob.digest);
    });
    options.stats.blobsPresent += present.size;
    await forEachLimit(rest.filter((blob) => !present.has(blob.digest)), options.concurrency, async (blob) => {
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
        await options.alongsideManifests?.();
        return;
    }
    if (blobs.status === 'rejected')
        throw blobs.reason;
    for (const key of Object.keys(blobStats))
        options.stats[key] += blobStats[key];
    await Promise.all([putManifests(dst, tree, options.stats), options.alongsideManifests?.()]);
}
/** Child manifests in parallel, a nested index only after its own children, the top one last. */
async function putManifests(dst, tree, stats) {
    const put = async (manifest) => {
        await dst.putManifest(manifest.bytes, manifest.descriptor.mediaType, manifest.descriptor.digest);
        stats.manifestsPushed += 1;
    };
    let pending = tree.children;
    while (pending.length) {
        const waiting = new Set(pending.map((m) => m.descriptor.digest));
        const ready = pending.filter((m) => childrenOf(m).every((c) => !waiting.has(c.digest)));
        await Promise.all(ready.map(put));
        pending = pending.filter((m) => !ready.includes(m));
    }
    await put(tree.top);
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

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/oci/credentials.ts




/** The keys docker login uses for Docker Hub, and the forms other tools write for any registry. */
function configKeys(registry) {
    if (registry === DOCKER_HUB)
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
    return (0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_namespaceObject.homedir)(), '.docker'), 'config.json');
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
                return runHelper(helper, registry === DOCKER_HUB ? keys[0] : registry);
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
            return runHelper(config.credsStore, registry === DOCKER_HUB ? keys[0] : registry);
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

;// CONCATENATED MODULE: ./src/oci/index.ts









/** The repository a reference names: a registry repository, or a layout directory (created when asked). */
function openRepository(ref, client, options = {}) {
    if (ref.kind === 'layout')
        return LayoutRepository.open(ref.dir, { create: options.createLayout });
    return client.repository(ref.registry, ref.repository);
}

;// CONCATENATED MODULE: ./src/promote/constants.ts
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

;// CONCATENATED MODULE: ./src/promote/config.ts




const REFERENCE_EXAMPLE = 'an image reference such as ghcr.io/acme/app:1.4.2, ghcr.io/acme/app@sha256:<64 hex>, or oci-layout:<dir>[:tag|@digest]';
function reference(input, text) {
    try {
        return parseReference(text);
    }
    catch (error) {
        if (error instanceof InvalidReferenceError)
            throw errors/* ConfigurationError */.j1.forInput(input, text, `${REFERENCE_EXAMPLE} (${error.reason})`);
        throw error;
    }
}
/** Items given one per line or separated by commas. */
function list(inputs, name) {
    return inputs.lines(name).flatMap((line) => line
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean));
}
/**
 * Every input parsed and checked against the others before anything touches a registry. `password`
 * must already be registered as a secret by the caller.
 */
function readConfig(inputs) {
    const rollback = inputs.boolean(INPUT.rollback, false);
    const sourceText = inputs.optional(INPUT.source);
    let source;
    if (sourceText) {
        const ref = reference(INPUT.source, sourceText);
        if (!ref.tag && !ref.digest) {
            throw errors/* ConfigurationError */.j1.forInput(INPUT.source, sourceText, 'a reference with a tag or a digest (…:1.4.2 or …@sha256:…): the image to promote must be named exactly');
        }
        source = { text: sourceText, ref };
    }
    else if (!rollback) {
        throw new errors/* ConfigurationError */.j1(`Input '${INPUT.source}' is required (the image to promote, by digest or by tag), unless '${INPUT.rollback}' is true.`);
    }
    const destinationTexts = inputs.lines(INPUT.destinations);
    if (destinationTexts.length === 0) {
        throw new errors/* ConfigurationError */.j1(`Input '${INPUT.destinations}' is required: one destination reference per line, such as ghcr.io/acme/app:prod.`);
    }
    const destinations = [];
    const seen = new Set();
    for (const text of destinationTexts) {
        const ref = reference(INPUT.destinations, text);
        if (ref.digest) {
            throw errors/* ConfigurationError */.j1.forInput(INPUT.destinations, text, 'a repository and tag (…/app:prod): a destination names the tag to point at the promoted digest, not a digest');
        }
        if (!ref.tag)
            throw errors/* ConfigurationError */.j1.forInput(INPUT.destinations, text, 'a repository and tag such as ghcr.io/acme/app:prod');
        const key = formatReference(ref);
        if (seen.has(key))
            throw errors/* ConfigurationError */.j1.forInput(INPUT.destinations, text, 'each destination once (this one is listed twice)');
        seen.add(key);
        destinations.push({ text, ref: ref });
    }
    const expected = inputs.optional(INPUT.expectedDigest);
    if (expected !== undefined && !isDigest(expected)) {
        throw errors/* ConfigurationError */.j1.forInput(INPUT.expectedDigest, expected, 'a digest such as sha256:<64 lowercase hex> (the digest CI recorded at build time; a tag cannot pin what was built)');
    }
    const require = list(inputs, INPUT.require).map((name) => {
        const alias = REQUIRE_ALIASES[name.toLowerCase()];
        if (alias)
            return { name, ...alias };
        if (/^[a-z0-9][\w.+-]*\/[\w.+-]+(;.*)?$/i.test(name))
            return { name, types: [name] };
        throw errors/* ConfigurationError */.j1.forInput(INPUT.require, name, `one of ${Object.keys(REQUIRE_ALIASES).join(', ')}, or an artifact media type such as application/spdx+json`);
    });
    const stableTag = inputs.optional(INPUT.stableTag);
    if (stableTag !== undefined) {
        if (!isValidTag(stableTag))
            throw errors/* ConfigurationError */.j1.forInput(INPUT.stableTag, stableTag, 'a tag name such as stable (letters, digits, _ . -; at most 128)');
        const clash = destinations.find((d) => d.ref.tag === stableTag);
        if (clash)
            throw errors/* ConfigurationError */.j1.forInput(INPUT.stableTag, stableTag, `a tag other than the destination tag of ${clash.text}`);
    }
    const username = inputs.optional(INPUT.username);
    const password = inputs.optional(INPUT.password);
    if ((username === undefined) !== (password === undefined)) {
        throw new errors/* ConfigurationError */.j1(`Inputs '${INPUT.username}' and '${INPUT.password}' go together: ${username === undefined ? `'${INPUT.password}' was given without '${INPUT.username}'` : `'${INPUT.username}' was given without '${INPUT.password}'`}.`);
    }
    const insecureRegistries = list(inputs, INPUT.insecureRegistries);
    for (const host of insecureRegistries) {
        if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host))
            throw errors/* ConfigurationError */.j1.forInput(INPUT.insecureRegistries, host, 'registry hosts such as registry.internal:5000, one per line or comma-separated');
    }
    return {
        source,
        destinations,
        expectedDigest: expected,
        require,
        copyReferrers: inputs.boolean(INPUT.copyReferrers, true),
        immutable: inputs.boolean(INPUT.immutable, true),
        stableTag,
        rollback,
        credentials: username !== undefined && password !== undefined ? { username, password } : undefined,
        insecureRegistries,
        concurrency: inputs.integer(INPUT.concurrency, { min: 1, max: 64, fallback: 6 }),
        dryRun: inputs.boolean(INPUT.dryRun, false),
    };
}

;// CONCATENATED MODULE: external "node:stream/consumers"
const consumers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/consumers");
// EXTERNAL MODULE: ./src/net/breaker.ts
var breaker = __nccwpck_require__(103);
// EXTERNAL MODULE: ./src/net/clock.ts
var clock = __nccwpck_require__(881);
;// CONCATENATED MODULE: ./src/net/index.ts




;// CONCATENATED MODULE: ./src/promote/promote.ts





/** A registry that cannot be reached is a user mistake in the reference (or a missing insecure-registries entry). */
async function reach(input, where, fn) {
    try {
        return await fn();
    }
    catch (error) {
        if (error instanceof http/* NetworkError */.Dr ||
            error instanceof http/* HttpTimeoutError */.Iu ||
            error instanceof breaker/* CircuitOpenError */.C) {
            throw new errors/* ConfigurationError */.j1(`Input '${input}': cannot reach ${where} (${error.message}). Check the registry name; a registry that speaks plain HTTP must be listed in '${INPUT.insecureRegistries}'.`);
        }
        if (error instanceof RegistryError && error.code === 'NAME_INVALID') {
            throw new errors/* ConfigurationError */.j1(`Input '${input}': ${where} rejected the repository name (${error.message}).`);
        }
        throw error;
    }
}
/**
 * Promote one digest: resolve the source once, check it (expected digest, required referrers,
 * immutable destination tags) before writing anything, then copy blobs → child manifests → the
 * manifest (with the promotion record alongside) → referrers → destination tags → the stable tag.
 * A failure while tags move puts the tags already moved back where they were.
 */
async function promote(config, deps) {
    const source = config.source;
    const sourceRepo = deps.open(source.ref, 'source');
    const ref = source.ref.digest ?? source.ref.tag;
    // The source is read and the destinations are checked side by side; nothing is written before both end.
    let referrersRead = Promise.resolve([]);
    const [tree, plan] = await Promise.all([
        reach(INPUT.source, sourceRepo.display, async () => {
            const top = await readSource(sourceRepo, ref, source.text, () => sourceRepo.getManifest(ref));
            // The children and the referrers hang off the top manifest: both are read from here at once.
            if (config.copyReferrers || config.require.length > 0) {
                referrersRead = reach(INPUT.source, sourceRepo.display, () => findReferrers(sourceRepo, top));
                referrersRead.catch(() => undefined);
            }
            return readSource(sourceRepo, ref, source.text, () => readTree(sourceRepo, top));
        }),
        planTags(config, deps),
    ]);
    // Required referrers gate the promotion, so they are read before anything is written. Referrers
    // that are only copied are needed after the image: their lookup runs alongside its copy.
    const referrers = config.require.length > 0 ? await referrersRead : [];
    // The tag was read once; from here on everything is addressed by this digest.
    const digest = tree.top.descriptor.digest;
    deps.info(`${source.text} is ${digest}`);
    const checks = [];
    if (config.expectedDigest) {
        if (config.expectedDigest !== digest) {
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.expectedDigest}': the source ${source.text} is ${digest}, but CI recorded ${config.expectedDigest}. Nothing was promoted.`);
        }
        checks.push(`expected digest ${digest} matched`);
    }
    checks.push(`source verified: ${1 + tree.children.length} manifest(s), ${tree.blobs.length} blob(s)`);
    for (const required of config.require)
        checks.push(`${required.name} attached: ${satisfying(required, referrers)}`);
    const missing = config.require.filter((required) => satisfying(required, referrers) === undefined);
    if (missing.length) {
        throw new errors/* ConfigurationError */.j1(`Input '${INPUT.require}': ${digest} has no ${missing.map(describeRequirement).join('; no ')} attached in ${sourceRepo.display}. Nothing was promoted.`);
    }
    const toCopy = referrersRead.then((found) => config.copyReferrers ? found.filter((r) => r.artifactType !== PROMOTION_ARTIFACT_TYPE) : []);
    toCopy.catch(() => undefined);
    const repos = uniqueRepos(plan);
    if (config.immutable) {
        const taken = plan.filter((p) => p.role === 'destination' && p.previous !== null && p.previous !== digest);
        if (taken.length) {
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.destinations}': ${taken.map((t) => `${t.reference} already points at ${t.previous}`).join('; ')}, not the promoted ${digest}. With '${INPUT.immutable}: true' a taken tag is never moved: promote to a new tag, or set '${INPUT.immutable}: false'. Nothing was promoted.`);
        }
        checks.push('immutable: no destination tag points at another digest');
    }
    const stats = emptyStats();
    const tags = (outcome) => plan.map((p) => ({
        reference: p.reference,
        repository: p.repo.display,
        tag: p.tag,
        role: p.role,
        previous: p.previous,
        digest,
        outcome: outcome(p),
    }));
    const unchanged = (p) => p.previous === digest;
    if (config.dryRun) {
        // A dry run reads what a promotion would read, so a source a promotion would fail on fails here too.
        await referrersRead;
        return {
            digest,
            tags: tags((p) => (unchanged(p) ? 'unchanged' : 'planned')),
            referrersCopied: 0,
            stats,
            dryRun: true,
        };
    }
    const record = {
        kind: 'promotion',
        source: source.text,
        digest,
        mediaType: tree.top.descriptor.mediaType,
        destinations: plan.map((p) => ({
            reference: p.reference,
            repository: p.repo.display,
            tag: p.tag,
            role: p.role,
            previous: p.previous,
        })),
        checks: [...checks, 'every digest verified while copying'],
        ...deps.run,
        time: new Date(deps.now()).toISOString(),
    };
    let recordDigest;
    const copyOptions = { concurrency: config.concurrency, stats, onRetry: deps.info };
    const artifact = recordArtifact(tree.top.descriptor, record);
    for (const repo of repos) {
        // The record's blobs are small and independent of the image: they upload alongside it. The
        // record (a referrer of the image) is stored once the image's blobs are in place, alongside its
        // manifests (a subject need not exist before its referrer): two round trips fewer before the
        // tags. Tags still move only after both.
        const recordBlobs = pushRecordBlobs(repo, artifact);
        recordBlobs.catch(() => undefined);
        await copyTree(sourceRepo, repo, tree, {
            ...copyOptions,
            alongsideManifests: async () => {
                await recordBlobs;
                recordDigest = (await repo.putManifest(artifact.bytes, MediaType.OciManifest, artifact.digest))
                    .digest;
            },
        });
        for (const referrer of await toCopy) {
            await copyTree(sourceRepo, repo, referrer.tree, copyOptions);
            if (referrer.cosignTag)
                await putTagIfChanged(repo, referrer.tree.top, referrer.cosignTag);
        }
    }
    deps.info(`content in place in ${repos.length} repositories (${stats.blobsMounted} blobs mounted, ${stats.blobsCopied} copied)`);
    const moved = [];
    try {
        for (const p of plan.filter((p) => p.role === 'destination')) {
            if (unchanged(p))
                continue;
            await p.repo.putManifest(tree.top.bytes, tree.top.descriptor.mediaType, p.tag);
            moved.push(p);
        }
        const stable = plan.filter((p) => p.role === 'stable');
        for (const p of stable) {
            // The last-known-good pointer moves only once every destination tag in its repository is verified.
            for (const d of plan.filter((d) => d.role === 'destination' && d.repo === p.repo)) {
                const now = await d.repo.resolve(d.tag);
                if (now?.digest !== digest)
                    throw new Error(`${d.reference} is ${now?.digest ?? 'missing'} after the promotion, not ${digest}`);
            }
            if (unchanged(p))
                continue;
            await p.repo.putManifest(tree.top.bytes, tree.top.descriptor.mediaType, p.tag);
            moved.push(p);
        }
    }
    catch (error) {
        await restore(moved, deps);
        throw error;
    }
    return {
        digest,
        tags: tags((p) => (unchanged(p) ? 'unchanged' : p.previous === null ? 'created' : 'moved')),
        record,
        recordDigest,
        referrersCopied: (await toCopy).length,
        stats,
        dryRun: false,
    };
}
/** A read of the source, with a clear error when the reference (or a manifest under it) names nothing. */
async function readSource(repo, ref, text, read) {
    try {
        return await read();
    }
    catch (error) {
        if ((error instanceof RegistryError && error.notFound) || error instanceof LayoutError) {
            throw errors/* ConfigurationError */.j1.forInput(INPUT.source, text, `an image that exists (${repo.display} has no manifest ${ref}: ${error.message})`);
        }
        throw error;
    }
}
async function planTags(config, deps) {
    const plan = [];
    const repos = new Map();
    for (const destination of config.destinations) {
        const repoRef = { ...destination.ref, tag: undefined, digest: undefined };
        const key = formatReference(repoRef);
        let repo = repos.get(key);
        if (!repo) {
            repo = deps.open(destination.ref, 'destination');
            repos.set(key, repo);
        }
        const current = repo;
        const previous = await reach(INPUT.destinations, current.display, () => current.resolve(destination.ref.tag));
        plan.push({
            repo,
            reference: destination.text,
            tag: destination.ref.tag,
            role: 'destination',
            previous: previous?.digest ?? null,
        });
    }
    if (config.stableTag) {
        for (const repo of repos.values()) {
            const previous = await repo.resolve(config.stableTag);
            plan.push({
                repo,
                reference: `${repo.display}:${config.stableTag}`,
                tag: config.stableTag,
                role: 'stable',
                previous: previous?.digest ?? null,
            });
        }
    }
    return plan;
}
function uniqueRepos(plan) {
    return [...new Set(plan.map((p) => p.repo))];
}
async function putTagIfChanged(repo, manifest, tag) {
    const current = await repo.resolve(tag);
    if (current?.digest !== manifest.descriptor.digest)
        await repo.putManifest(manifest.bytes, manifest.descriptor.mediaType, tag);
}
/** Put tags that were moved back to the digest they held (a new tag cannot be removed on every registry; it is reported). */
async function restore(moved, deps) {
    for (const p of moved.reverse()) {
        try {
            if (p.previous === null) {
                deps.info(`${p.reference} was created before the failure and cannot be untagged portably; it points at the promoted digest`);
                continue;
            }
            const before = await p.repo.getManifest(p.previous);
            await p.repo.putManifest(before.bytes, before.descriptor.mediaType, p.tag);
            deps.info(`${p.reference} put back to ${p.previous}`);
        }
        catch (error) {
            deps.info(`could not put ${p.reference} back to ${p.previous}: ${error.message}`);
        }
    }
}
/** Referrers of the digest (API or tag schema), their own referrers, and cosign's legacy tags. */
async function findReferrers(repo, top) {
    const found = [];
    const seen = new Set();
    const visit = async (subject, depth) => {
        const [listed, cosign] = await Promise.all([
            repo.referrers(subject),
            Promise.all(COSIGN_SUFFIXES.map(async (suffix) => {
                const tag = `${digestTag(subject)}.${suffix}`;
                return { suffix, tag, descriptor: await repo.resolve(tag) };
            })),
        ]);
        for (const descriptor of listed) {
            if (seen.has(descriptor.digest))
                continue;
            seen.add(descriptor.digest);
            const tree = await readTree(repo, descriptor.digest);
            found.push({ tree, artifactType: descriptor.artifactType ?? artifactTypeOf(tree.top.json) });
            if (depth < 2)
                await visit(descriptor.digest, depth + 1);
        }
        for (const { suffix, tag, descriptor } of cosign) {
            if (!descriptor || seen.has(descriptor.digest))
                continue;
            seen.add(descriptor.digest);
            found.push({
                tree: await readTree(repo, descriptor.digest),
                artifactType: `cosign:${suffix}`,
                cosignTag: tag,
            });
        }
    };
    await visit(top.descriptor.digest, 0);
    return found;
}
/** The referrer that satisfies a requirement, described, or undefined. */
function satisfying(required, referrers) {
    const hit = referrers.find((r) => (r.artifactType !== undefined && required.types.includes(r.artifactType)) ||
        (required.cosign && r.artifactType === `cosign:${required.cosign}`));
    return hit
        ? `${hit.cosignTag ? `cosign tag ${hit.cosignTag}` : hit.artifactType} (${hit.tree.top.descriptor.digest})`
        : undefined;
}
function describeRequirement(required) {
    const ways = [
        ...required.types,
        ...(required.cosign ? [`cosign tag sha256-<hex>.${required.cosign}`] : []),
    ];
    return ways.length === 1 && ways[0] === required.name
        ? required.name
        : `${required.name} (${ways.join(', ')})`;
}
/** The promotion record as an OCI artifact whose subject is the promoted digest. */
function recordArtifact(subject, record) {
    const payload = new TextEncoder().encode(JSON.stringify(record, null, 2));
    const empty = new TextEncoder().encode('{}');
    const layer = {
        mediaType: PROMOTION_ARTIFACT_TYPE,
        digest: sha256(payload),
        size: payload.byteLength,
    };
    const config = { mediaType: MediaType.OciEmpty, digest: sha256(empty), size: empty.byteLength };
    const manifest = {
        schemaVersion: 2,
        mediaType: MediaType.OciManifest,
        artifactType: PROMOTION_ARTIFACT_TYPE,
        config,
        layers: [layer],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        annotations: {
            'org.opencontainers.image.created': record.time,
            'dev.gantry.promotion.kind': record.kind,
        },
    };
    const bytes = new TextEncoder().encode(JSON.stringify(manifest));
    return {
        blobs: [
            { descriptor: config, bytes: empty },
            { descriptor: layer, bytes: payload },
        ],
        bytes,
        digest: sha256(bytes),
    };
}
/** A few hundred bytes each: uploading them again costs what asking whether they are there would. */
async function pushRecordBlobs(repo, artifact) {
    await Promise.all(artifact.blobs.map(({ descriptor, bytes }) => repo.pushBlob(descriptor, bytes)));
}
async function attachRecord(repo, subject, record) {
    const artifact = recordArtifact(subject, record);
    await pushRecordBlobs(repo, artifact);
    return (await repo.putManifest(artifact.bytes, MediaType.OciManifest, artifact.digest)).digest;
}
/** Records attached to a digest in a repository, newest first. */
async function readRecords(repo, digest) {
    const records = [];
    for (const descriptor of await repo.referrers(digest, PROMOTION_ARTIFACT_TYPE)) {
        const manifest = await repo.getManifest(descriptor.digest);
        const layer = manifest.json.layers?.[0];
        if (!layer || layer.mediaType !== PROMOTION_ARTIFACT_TYPE || layer.size > 1024 * 1024)
            continue;
        const body = await (0,consumers_namespaceObject.text)(await repo.openBlob(layer));
        records.push(JSON.parse(body));
    }
    return records.sort((a, b) => b.time.localeCompare(a.time));
}
/**
 * Rollback: each destination tag (or, when a stable tag is set, the stable tag of each destination
 * repository) goes back to the digest it held before the latest promotion recorded on its current
 * digest. The rollback is itself recorded, on the digest the tag returns to.
 */
async function rollback(config, deps) {
    const targets = (await planTags(config, deps)).filter((p) => config.stableTag ? p.role === 'stable' : p.role === 'destination');
    const steps = [];
    for (const p of targets) {
        if (p.previous === null)
            throw errors/* ConfigurationError */.j1.forInput(INPUT.destinations, p.reference, 'a tag that exists (there is nothing to roll back)');
        const records = await readRecords(p.repo, p.previous);
        const entry = records
            .flatMap((r) => r.destinations)
            .find((d) => d.repository === p.repo.display &&
            d.tag === p.tag &&
            d.previous !== null &&
            d.previous !== p.previous);
        if (!entry) {
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.rollback}': no promotion record on ${p.reference} (${p.previous}) names an earlier digest for it, so there is nothing to roll back to.`);
        }
        const target = await p.repo.getManifest(entry.previous);
        steps.push({ plan: p, target, current: p.previous });
    }
    const stats = emptyStats();
    const results = steps.map(({ plan: p, target }) => ({
        reference: p.reference,
        repository: p.repo.display,
        tag: p.tag,
        role: p.role,
        previous: p.previous,
        digest: target.descriptor.digest,
        outcome: config.dryRun ? 'planned' : 'rolled-back',
    }));
    if (config.dryRun || steps.length === 0)
        return {
            digest: steps[0]?.target.descriptor.digest ?? '',
            tags: results,
            referrersCopied: 0,
            stats,
            dryRun: config.dryRun,
        };
    let record;
    let recordDigest;
    for (const { plan: p, target, current } of steps) {
        record = {
            kind: 'rollback',
            source: `${p.repo.display}@${current}`,
            digest: target.descriptor.digest,
            mediaType: target.descriptor.mediaType,
            destinations: [
                { reference: p.reference, repository: p.repo.display, tag: p.tag, role: p.role, previous: current },
            ],
            checks: [`promotion record on ${current} names ${target.descriptor.digest} as the previous digest`],
            ...deps.run,
            time: new Date(deps.now()).toISOString(),
        };
        recordDigest = await attachRecord(p.repo, target.descriptor, record);
        await p.repo.putManifest(target.bytes, target.descriptor.mediaType, p.tag);
    }
    return {
        digest: steps[0].target.descriptor.digest,
        tags: results,
        record,
        recordDigest,
        referrersCopied: 0,
        stats,
        dryRun: false,
    };
}

// EXTERNAL MODULE: ./src/runtime/text.ts
var runtime_text = __nccwpck_require__(369);
;// CONCATENATED MODULE: ./src/promote/summary.ts

const summary_short = (digest) => (digest ? `\`${digest.slice(0, 19)}…\`` : '—');
/** The job summary: what moved where, how the content travelled, and the promotion record. */
function renderSummary(result, source) {
    const title = result.record?.kind === 'rollback'
        ? 'Rollback'
        : result.dryRun
            ? 'Promotion plan (dry run)'
            : 'Promotion';
    const lines = [`### ${title}: \`${result.digest}\`\n`];
    if (source)
        lines.push(`Source: ${(0,runtime_text/* escapeMarkdown */.FV)(source)}\n`);
    lines.push((0,runtime_text/* markdownTable */.Qj)(['tag', 'role', 'before', 'after', 'outcome'], result.tags.map((t) => [
        (0,runtime_text/* escapeMarkdown */.FV)(t.reference),
        t.role,
        summary_short(t.previous),
        summary_short(t.digest),
        t.outcome,
    ])));
    if (!result.dryRun && result.record?.kind !== 'rollback') {
        const s = result.stats;
        lines.push(`\nBlobs: ${s.blobsMounted} mounted, ${s.blobsCopied} copied (${s.bytesCopied} bytes), ${s.blobsPresent} already present; ${result.referrersCopied} referrers copied.\n`);
    }
    if (result.record) {
        const checks = result.record.checks.map((c) => `- ${(0,runtime_text/* escapeMarkdown */.FV)(c)}`).join('\n');
        lines.push(`\n**Record** \`${result.recordDigest}\` attached to \`${result.record.digest}\`:\n\n${checks}\n`);
        lines.push((0,runtime_text/* details */.zH)('Promotion record', `\`\`\`json\n${JSON.stringify(result.record, null, 2).replace(/```/g, '`\u200b``')}\n\`\`\``));
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/promote/run.ts





const main = async (ctx) => {
    const { runtime, log } = ctx;
    // Masked before anything can print it, even a parse error about another input.
    const password = runtime.getInput(INPUT.password).trim();
    if (password)
        runtime.setSecret(password);
    const config = readConfig(ctx.inputs);
    // username/password serve the destination registries; everything else uses the Docker config file.
    const explicit = Object.fromEntries(config.credentials
        ? config.destinations
            .filter((d) => d.ref.kind === 'registry')
            .map((d) => [d.ref.registry, config.credentials])
        : []);
    const client = new RegistryClient({
        http: ctx.http(),
        credentials: credentialChain(explicit, dockerConfigCredentials(runtime.env)),
        insecureRegistries: config.insecureRegistries,
        onSecret: (secret) => runtime.setSecret(secret),
    });
    const env = runtime.env;
    const deps = {
        open: (ref, role) => openRepository(ref, client, { createLayout: role === 'destination' }),
        now: () => ctx.clock.now(),
        info: (message) => runtime.info(message),
        run: {
            repository: env.GITHUB_REPOSITORY ?? '',
            commit: env.GITHUB_SHA ?? '',
            workflowRun: env.GITHUB_RUN_ID
                ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
                : '',
            actor: env.GITHUB_ACTOR ?? '',
        },
    };
    const result = await log.stage(config.rollback ? 'rollback' : 'promote', () => runtime.group(config.rollback ? 'Roll back' : `Promote ${config.source.text}`, () => config.rollback ? rollback(config, deps) : promote(config, deps)), (r) => ({
        digest: r.digest,
        dry_run: r.dryRun,
        tags_moved: r.tags.filter((t) => t.outcome !== 'unchanged' && t.outcome !== 'planned').length,
        blobs_mounted: r.stats.blobsMounted,
        blobs_copied: r.stats.blobsCopied,
        bytes_copied: r.stats.bytesCopied,
    }));
    runtime.setOutput(OUTPUT.digest, result.digest);
    runtime.setOutput(OUTPUT.promoted, JSON.stringify(result.tags));
    runtime.setOutput(OUTPUT.record, result.record ? JSON.stringify({ ...result.record, recordDigest: result.recordDigest }) : '');
    runtime.setOutput(OUTPUT.blobsMounted, String(result.stats.blobsMounted));
    runtime.setOutput(OUTPUT.blobsCopied, String(result.stats.blobsCopied));
    runtime.setOutput(OUTPUT.bytesCopied, String(result.stats.bytesCopied));
    for (const tag of result.tags)
        runtime.info(`${tag.reference}: ${tag.outcome} (${tag.previous ?? 'new'} → ${tag.digest})`);
    await runtime.appendSummary(renderSummary(result, config.source ? formatReference(config.source.ref) : undefined));
};


/***/ }),

/***/ 541:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   p0: () => (/* binding */ isConfigurationError)
/* harmony export */ });
/* unused harmony export quoteGiven */
/**
 * A mistake the user can fix in their workflow: a wrong input, a malformed file they own, an
 * unreachable service they named. It ends the step with one `::error::` line and no stack trace.
 * Anything else thrown is an internal failure (a bug, or a service misbehaving) and keeps its stack
 * in the debug log.
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
    constructor(message) {
        super(message);
    }
    /** The standard shape: which input, what was given, what is expected. */
    static forInput(input, given, expected) {
        return new ConfigurationError(`Input '${input}': got ${quoteGiven(given)}; expected ${expected}.`);
    }
}
function isConfigurationError(error) {
    return (error instanceof ConfigurationError || (error instanceof Error && error.name === 'ConfigurationError'));
}
/** Quote what the user gave, shortened and with control characters made visible. */
function quoteGiven(value, max = 80) {
    const shown = value.length > max ? `${value.slice(0, max)}…` : value;
    return JSON.stringify(shown);
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 957:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ runStep)
});

// EXTERNAL MODULE: ./src/net/http.ts + 1 modules
var http = __nccwpck_require__(701);
// EXTERNAL MODULE: ./src/net/clock.ts
var net_clock = __nccwpck_require__(881);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
;// CONCATENATED MODULE: ./src/runtime/runtime.ts
/** GitHub shows at most this many annotations of one level per step. */
const ANNOTATION_LIMIT_PER_LEVEL = 10;
/** GitHub rejects step summaries over 1 MiB; stay well under. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;

;// CONCATENATED MODULE: ./src/runtime/annotations.ts

/** Counts annotations per level so a step never sends more than GitHub will show. */
class AnnotationBudget {
    used = { error: 0, warning: 0, notice: 0 };
    dropped = { error: 0, warning: 0, notice: 0 };
    admit(annotation) {
        if (this.used[annotation.level] >= ANNOTATION_LIMIT_PER_LEVEL) {
            this.dropped[annotation.level] += 1;
            return false;
        }
        this.used[annotation.level] += 1;
        return true;
    }
    droppedCount(level) {
        return this.dropped[level];
    }
}
/** Every line of a multi-line secret is registered too: the runner masks line by line. */
function secretParts(value) {
    if (value === '')
        return [];
    const parts = new Set([value]);
    for (const line of value.split(/\r?\n/)) {
        const trimmed = line.trim();
        if (trimmed !== '')
            parts.add(trimmed);
    }
    return [...parts];
}

// EXTERNAL MODULE: ./src/runtime/text.ts
var runtime_text = __nccwpck_require__(369);
;// CONCATENATED MODULE: ./src/runtime/actions-runtime.ts






/**
 * The runner's runtime: workflow commands on stdout and file commands (GITHUB_OUTPUT, GITHUB_STATE,
 * GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY), written as the runner reads them. It is written
 * here rather than taken from @actions/core because that package pulls @actions/http-client and
 * undici into every bundle: about 40 ms of load time on each step, for an OIDC helper we do not use.
 * The runner contract tests (test/foundation) hold this file to the runner's reading of it.
 */
class ActionsRuntime {
    env;
    write;
    kind = 'actions';
    budget = new AnnotationBudget();
    summaryBytes = 0;
    secrets = new Set();
    constructor(env = process.env, write = (line) => process.stdout.write(`${line}\n`)) {
        this.env = env;
        this.write = write;
    }
    getInput(name) {
        return this.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
    }
    setOutput(name, value) {
        this.keyValue('GITHUB_OUTPUT', 'set-output', name, value);
    }
    saveState(name, value) {
        this.keyValue('GITHUB_STATE', 'save-state', name, value);
    }
    getState(name) {
        return this.env[`STATE_${name}`] ?? '';
    }
    setSecret(value) {
        for (const part of secretParts(value)) {
            this.secrets.add(part);
            this.command('add-mask', {}, part);
        }
    }
    redact(text) {
        return (0,runtime_text/* maskSecrets */.QU)(text, this.secrets);
    }
    exportVariable(name, value) {
        this.keyValue('GITHUB_ENV', 'set-env', name, value);
        // Later code in this step sees it too, as the runner gives it to later steps.
        process.env[name] = value;
    }
    addPath(dir) {
        const file = this.env.GITHUB_PATH;
        if (file)
            (0,external_node_fs_.appendFileSync)(file, `${dir}\n`, 'utf8');
        else
            this.command('add-path', {}, dir);
        process.env.PATH = `${dir}${external_node_path_.delimiter}${process.env.PATH ?? ''}`;
    }
    info(message) {
        this.write((0,runtime_text/* defuseCommands */.pq)(message));
    }
    debug(message) {
        // The runner reads one command per line; a later line could still start a command.
        this.command('debug', {}, (0,runtime_text/* oneLine */.TN)(message));
    }
    isDebug() {
        return this.env.RUNNER_DEBUG === '1';
    }
    annotate(annotation) {
        if (!this.budget.admit(annotation))
            return;
        this.command(annotation.level, {
            title: annotation.title,
            file: annotation.file,
            line: annotation.line,
            endLine: annotation.endLine,
            col: annotation.col,
        }, annotation.message);
    }
    async appendSummary(markdown) {
        const file = this.env.GITHUB_STEP_SUMMARY;
        if (!file)
            return;
        const room = SUMMARY_LIMIT_BYTES - this.summaryBytes;
        if (room <= 0)
            return;
        const text = (0,runtime_text/* truncateUtf8 */.Ck)(markdown, room);
        this.summaryBytes += Buffer.byteLength(text);
        (0,external_node_fs_.appendFileSync)(file, `${text}\n`, 'utf8');
    }
    async group(name, fn) {
        this.command('group', {}, (0,runtime_text/* oneLine */.TN)(name));
        try {
            return await fn();
        }
        finally {
            this.command('endgroup', {}, '');
        }
    }
    setFailed(message) {
        process.exitCode = 1;
        // One line: a multi-line message would leave its later lines as plain (possibly command) text.
        this.command('error', {}, (0,runtime_text/* oneLine */.TN)(message));
    }
    /** `::name key=value,…::message`, escaped as the runner unescapes it. */
    command(name, properties, message) {
        const props = Object.entries(properties)
            .filter(([, value]) => value !== undefined && value !== '')
            .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
            .join(',');
        this.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`);
    }
    /**
     * A name/value pair in the runner's file (heredoc with a random delimiter that neither side may
     * contain), or the old stdout command when the runner gives no file.
     */
    keyValue(fileVariable, fallback, name, value) {
        const file = this.env[fileVariable];
        if (!file) {
            this.command(fallback, { name }, value);
            return;
        }
        const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
        if (name.includes(delimiter) || value.includes(delimiter))
            throw new Error(`${fileVariable}: '${name}' or its value contains the delimiter ${delimiter}`);
        (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`, 'utf8');
    }
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __nccwpck_require__(541);
;// CONCATENATED MODULE: ./src/runtime/inputs.ts

function inputReader(runtime) {
    const raw = (name) => runtime.getInput(name).trim();
    return {
        string: (name) => raw(name),
        required(name) {
            const value = raw(name);
            if (!value)
                throw new errors/* ConfigurationError */.j1(`Input '${name}' is required but was not given.`);
            return value;
        },
        optional(name) {
            const value = raw(name);
            return value === '' ? undefined : value;
        },
        boolean(name, fallback) {
            const value = raw(name);
            if (value === '' && fallback !== undefined)
                return fallback;
            return parseBoolean(name, value);
        },
        oneOf(name, allowed, fallback) {
            const value = raw(name);
            if (value === '' && fallback !== undefined)
                return fallback;
            const found = allowed.find((candidate) => candidate === value);
            if (found === undefined)
                throw errors/* ConfigurationError */.j1.forInput(name, value, `one of ${allowed.join(', ')}`);
            return found;
        },
        integer(name, opts = {}) {
            const value = raw(name);
            if (value === '' && opts.fallback !== undefined)
                return opts.fallback;
            const range = `an integer${opts.min !== undefined ? ` >= ${opts.min}` : ''}${opts.max !== undefined ? ` <= ${opts.max}` : ''}`;
            if (!/^-?\d+$/.test(value))
                throw errors/* ConfigurationError */.j1.forInput(name, value, range);
            const n = Number(value);
            if (!Number.isSafeInteger(n) ||
                (opts.min !== undefined && n < opts.min) ||
                (opts.max !== undefined && n > opts.max)) {
                throw errors/* ConfigurationError */.j1.forInput(name, value, range);
            }
            return n;
        },
        lines(name) {
            return runtime
                .getInput(name)
                .split(/\r?\n/)
                .map((line) => line.trim())
                .filter((line) => line !== '' && !line.startsWith('#'));
        },
        duration(name, fallback) {
            const value = raw(name);
            if (value === '')
                return fallback;
            const ms = parseDuration(value);
            if (ms === undefined)
                throw errors/* ConfigurationError */.j1.forInput(name, value, 'a duration such as 90s, 15m, 12h or 7d');
            return ms;
        },
        size(name, fallback) {
            const value = raw(name);
            if (value === '' && fallback !== undefined)
                return fallback;
            const bytes = parseSize(value);
            if (bytes === undefined)
                throw errors/* ConfigurationError */.j1.forInput(name, value, 'a size such as 512MB, 1GiB or 1048576');
            return bytes;
        },
    };
}
/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
function parseBoolean(name, value) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw errors/* ConfigurationError */.j1.forInput(name, value, "'true' or 'false'");
}
const DURATION_UNITS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 604_800_000,
};
function parseDuration(value) {
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?$/.exec(value.trim());
    if (!match)
        return undefined;
    return Math.round(Number(match[1]) * DURATION_UNITS[match[2] ?? 's']);
}
const SIZE_UNITS = {
    '': 1,
    b: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
};
function parseSize(value) {
    const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
    if (!match)
        return undefined;
    const unit = SIZE_UNITS[match[2].toLowerCase()];
    return unit === undefined ? undefined : Math.round(Number(match[1]) * unit);
}
/** Inputs that cannot be combined: exactly one of them must be given. */
function exactlyOneOf(runtime, names) {
    const given = names.filter((name) => runtime.getInput(name).trim() !== '');
    if (given.length !== 1) {
        throw new ConfigurationError(`Exactly one of the inputs ${names.map((n) => `'${n}'`).join(', ')} must be given; got ${given.length === 0 ? 'none' : given.map((n) => `'${n}'`).join(' and ')}.`);
    }
    return given[0];
}

;// CONCATENATED MODULE: ./src/runtime/log.ts


function correlationFrom(env) {
    return {
        repository: env.GITHUB_REPOSITORY ?? '',
        sha: env.GITHUB_SHA ?? '',
        run_id: env.GITHUB_RUN_ID ?? '',
        attempt: env.GITHUB_RUN_ATTEMPT ?? '',
    };
}
/** One JSON line per stage: action, stage, start, duration_ms, outcome, correlation id, and fields. */
class StructuredLog {
    options;
    lines = [];
    constructor(options) {
        this.options = options;
    }
    async stage(stage, fn, fields) {
        const start = this.options.clock.now();
        try {
            const result = await fn();
            this.write(stage, start, 'success', fields?.(result));
            return result;
        }
        catch (error) {
            this.write(stage, start, 'failure', { error: (0,errors/* errorMessage */.gJ)(error) });
            throw error;
        }
    }
    /** A stage whose work happened elsewhere (or a point event, with duration 0). */
    record(stage, start, outcome, fields) {
        this.write(stage, start, outcome, fields);
    }
    write(stage, start, outcome, fields) {
        const line = this.options.redact(JSON.stringify({
            action: this.options.action,
            stage,
            start: new Date(start).toISOString(),
            duration_ms: this.options.clock.now() - start,
            outcome,
            correlation: this.options.correlation,
            ...fields,
        }));
        this.lines.push(line);
        this.options.emit(line);
        if (this.options.file)
            (0,external_node_fs_.appendFileSync)(this.options.file, `${line}\n`);
    }
}

;// CONCATENATED MODULE: ./src/runtime/run.ts






/**
 * Runs one phase of an action: builds the context, runs it, and turns errors into exactly one error
 * line: a ConfigurationError as its message, anything else with its stack only in the debug log.
 * Returns true when the step succeeded.
 */
async function runStep(action, phase, fn, options = {}) {
    const runtime = options.runtime ?? new ActionsRuntime();
    const clock = options.clock ?? net_clock/* systemClock */.m;
    const clients = [];
    const log = new StructuredLog({
        action,
        correlation: correlationFrom(runtime.env),
        clock,
        emit: (line) => runtime.info(line),
        file: runtime.env.GANTRY_LOG_FILE || undefined,
        redact: (text) => runtime.redact(text),
    });
    const ctx = {
        action,
        phase,
        runtime,
        inputs: inputReader(runtime),
        log,
        clock,
        workspace: runtime.env.GITHUB_WORKSPACE || options.cwd || process.cwd(),
        http(overrides) {
            const client = new http/* HttpClient */.Qq({ clock, onRetry: (message) => runtime.info(message), ...overrides });
            clients.push(client);
            return client;
        },
    };
    let ok = true;
    try {
        await fn(ctx);
    }
    catch (error) {
        ok = false;
        if (!(0,errors/* isConfigurationError */.p0)(error) && error instanceof Error && error.stack)
            runtime.debug(runtime.redact(error.stack));
        runtime.setFailed(runtime.redact((0,errors/* errorMessage */.gJ)(error)));
    }
    const stats = sumStats(clients.map((client) => client.stats()));
    if (stats.requests > 0) {
        log.record('network', clock.now(), 'success', { ...stats });
        await runtime
            .appendSummary(`\n<sub>Network: ${stats.requests} requests, ${stats.retries} retries, ${stats.exhausted} retries exhausted, ${stats.breakerTrips} circuit-breaker trips.</sub>\n`)
            .catch(() => undefined);
    }
    return ok;
}
function sumStats(all) {
    return all.reduce((sum, s) => ({
        requests: sum.requests + s.requests,
        retries: sum.retries + s.retries,
        exhausted: sum.exhausted + s.exhausted,
        breakerTrips: sum.breakerTrips + s.breakerTrips,
    }), { requests: 0, retries: 0, exhausted: 0, breakerTrips: 0 });
}


/***/ }),

/***/ 369:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ truncateUtf8),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   QU: () => (/* binding */ maskSecrets),
/* harmony export */   Qj: () => (/* binding */ markdownTable),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   pq: () => (/* binding */ defuseCommands),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/**
 * Text that came from outside (file names, test names, server messages) must not be able to form a
 * workflow command: the runner treats any log line starting with `::` as one. A zero-width space
 * in front defuses it (the runner trims whitespace, and U+200B is not whitespace).
 */
function defuseCommands(text) {
    return text.replace(/(^|\r?\n|\r)(\s*)::/g, '$1$2\u200b::');
}
/** One line: newlines and other control characters shown as escapes. */
function oneLine(text) {
    return text.replace(/[\u0000-\u001f\u007f]/g, (c) => {
        if (c === '\n')
            return '\\n';
        if (c === '\r')
            return '\\r';
        if (c === '\t')
            return '\\t';
        return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
    });
}
/** Escape text for a Markdown table cell or inline position in the job summary. */
function escapeMarkdown(text) {
    return oneLine(text.replace(/([\\`*_[\]#])/g, '\\$1'))
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|');
}
function markdownTable(header, rows) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}
/** A collapsed block, for long lists (changed files, evidence) that should not dominate the page. */
function details(summaryText, body) {
    return `<details><summary>${summaryText}</summary>\n\n${body}\n</details>\n`;
}
/** Cut a string to at most maxBytes of UTF-8 without splitting a character. */
function truncateUtf8(text, maxBytes, marker = '\n\n_…truncated to fit the summary limit._\n') {
    if (Buffer.byteLength(text) <= maxBytes)
        return text;
    const budget = Math.max(0, maxBytes - Buffer.byteLength(marker));
    let cut = Buffer.from(text).subarray(0, budget).toString('utf8');
    if (cut.endsWith('\ufffd'))
        cut = cut.slice(0, -1);
    return cut + marker;
}
/** Every secret replaced by ***, longest first (so a secret containing another is not half-masked), as the runner masks logs. */
function maskSecrets(text, secrets) {
    let out = text;
    for (const secret of [...secrets].sort((a, b) => b.length - a.length))
        if (secret)
            out = out.split(secret).join('***');
    return out;
}


/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 75:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(995);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
