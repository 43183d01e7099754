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

/***/ 917:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Qq: () => (/* binding */ HttpClient),
  Iu: () => (/* binding */ HttpTimeoutError),
  Dr: () => (/* binding */ NetworkError),
  Pl: () => (/* binding */ safeUrl)
});

// UNUSED EXPORTS: BodyTooLargeError, DEFAULT_HTTP_OPTIONS, HttpResponse, ResponseHeaders, parseRetryAfter, sendsOnce

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:stream/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
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
                const source = body instanceof external_node_stream_namespaceObject.Readable
                    ? body
                    : body instanceof ReadableStream
                        ? external_node_stream_namespaceObject.Readable.fromWeb(body)
                        : external_node_stream_namespaceObject.Readable.from(body);
                // A failing source ends the request with its error (the request rejects with it).
                (0,promises_namespaceObject.pipeline)(source, request).catch((error) => request.destroy(error));
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

/***/ 822:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ secretParts),
/* harmony export */   T: () => (/* binding */ AnnotationBudget)
/* harmony export */ });
/* harmony import */ var _runtime_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(536);

/** Counts annotations per level so a step never sends more than GitHub will show. */
class AnnotationBudget {
    used = { error: 0, warning: 0, notice: 0 };
    dropped = { error: 0, warning: 0, notice: 0 };
    admit(annotation) {
        if (this.used[annotation.level] >= _runtime_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATION_LIMIT_PER_LEVEL */ .N) {
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


/***/ }),

/***/ 541:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   k9: () => (/* binding */ quoteGiven),
/* harmony export */   p0: () => (/* binding */ isConfigurationError)
/* harmony export */ });
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

/***/ 377:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ runStep)
});

// EXTERNAL MODULE: ./src/net/http.ts + 3 modules
var http = __nccwpck_require__(917);
// EXTERNAL MODULE: ./src/net/clock.ts
var net_clock = __nccwpck_require__(881);
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
// EXTERNAL MODULE: ./src/runtime/annotations.ts
var annotations = __nccwpck_require__(822);
// EXTERNAL MODULE: ./src/runtime/runtime.ts
var runtime = __nccwpck_require__(536);
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
    budget = new annotations/* AnnotationBudget */.T();
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
        for (const part of (0,annotations/* secretParts */.B)(value)) {
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
            (0,external_node_fs_namespaceObject.appendFileSync)(file, `${dir}\n`, 'utf8');
        else
            this.command('add-path', {}, dir);
        process.env.PATH = `${dir}${external_node_path_namespaceObject.delimiter}${process.env.PATH ?? ''}`;
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
        const room = runtime/* SUMMARY_LIMIT_BYTES */.J - this.summaryBytes;
        if (room <= 0)
            return;
        const text = (0,runtime_text/* truncateUtf8 */.Ck)(markdown, room);
        this.summaryBytes += Buffer.byteLength(text);
        (0,external_node_fs_namespaceObject.appendFileSync)(file, `${text}\n`, 'utf8');
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
        const delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
        if (name.includes(delimiter) || value.includes(delimiter))
            throw new Error(`${fileVariable}: '${name}' or its value contains the delimiter ${delimiter}`);
        (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`, 'utf8');
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
            (0,external_node_fs_namespaceObject.appendFileSync)(this.options.file, `${line}\n`);
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

/***/ 536:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ SUMMARY_LIMIT_BYTES),
/* harmony export */   N: () => (/* binding */ ANNOTATION_LIMIT_PER_LEVEL)
/* harmony export */ });
/** GitHub shows at most this many annotations of one level per step. */
const ANNOTATION_LIMIT_PER_LEVEL = 10;
/** GitHub rejects step summaries over 1 MiB; stay well under. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;


/***/ }),

/***/ 369:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ truncateUtf8),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   QU: () => (/* binding */ maskSecrets),
/* harmony export */   Qj: () => (/* binding */ markdownTable),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   pq: () => (/* binding */ defuseCommands)
/* harmony export */ });
/* unused harmony export details */
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

/***/ 47:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _runtime_run_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(377);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(733);


await (0,_runtime_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runStep */ .e)('vault-secrets', 'main', _run_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 733:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// UNUSED EXPORTS: post

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
// EXTERNAL MODULE: ./src/runtime/annotations.ts
var annotations = __nccwpck_require__(822);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __nccwpck_require__(541);
// EXTERNAL MODULE: ./src/runtime/text.ts
var runtime_text = __nccwpck_require__(369);
// EXTERNAL MODULE: ./src/net/breaker.ts
var breaker = __nccwpck_require__(103);
// EXTERNAL MODULE: ./src/net/clock.ts
var clock = __nccwpck_require__(881);
// EXTERNAL MODULE: ./src/net/http.ts + 3 modules
var http = __nccwpck_require__(917);
;// CONCATENATED MODULE: ./src/net/index.ts




;// CONCATENATED MODULE: ./src/vault-secrets/vault-client.ts


class VaultClient {
    http;
    namespace;
    debug;
    base;
    constructor(http, url, namespace, debug = () => undefined) {
        this.http = http;
        this.namespace = namespace;
        this.debug = debug;
        this.base = new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
    }
    get address() {
        return (0,http/* safeUrl */.Pl)(this.base);
    }
    /** Sends one call; returns any status (callers decide what a 404 means). Network failures throw a ConfigurationError. */
    async call(call) {
        const url = new URL(`v1/${call.path.split('/').map(encodeURIComponent).join('/')}`, this.base);
        for (const [name, value] of Object.entries(call.query ?? {}))
            url.searchParams.set(name, value);
        const headers = { 'x-vault-request': 'true', accept: 'application/json' };
        if (this.namespace)
            headers['x-vault-namespace'] = this.namespace;
        if (call.token)
            headers['x-vault-token'] = call.token;
        if (call.body !== undefined)
            headers['content-type'] = 'application/json';
        let response;
        try {
            response = await this.http.request({
                url,
                method: call.method,
                headers,
                body: call.body === undefined ? undefined : JSON.stringify(call.body),
                retrySafe: call.retrySafe,
            });
        }
        catch (error) {
            throw unreachable(this.address, call.path, error);
        }
        const text = await response.text();
        let body;
        try {
            body = text ? JSON.parse(text) : undefined;
        }
        catch {
            body = undefined;
        }
        this.debug(`${call.method} ${call.path}${call.query?.version ? ` (version ${call.query.version})` : ''}: HTTP ${response.status}`);
        return { status: response.status, body };
    }
    /** A call that must succeed (2xx); anything else becomes a VaultError for `what`. */
    async expect(call, what) {
        const response = await this.call(call);
        if (response.status >= 200 && response.status < 300)
            return response.body;
        throw vault_client_vaultError(what, response);
    }
}
/** A failure reported by Vault: what was attempted, the status, and what to do. */
class VaultError extends Error {
    status;
    name = 'VaultError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
function isSealed(response) {
    return (response.status === 503 &&
        (response.body?.errors ?? []).some((e) => typeof e === 'string' && /sealed/i.test(e)));
}
function vault_client_vaultError(what, response) {
    const status = response.status;
    const hint = (() => {
        if (isSealed(response))
            return 'Vault is sealed: unseal it (or point url at an unsealed node) and re-run';
        switch (status) {
            case 400:
                return 'Vault rejected the request: check the role, the credentials and what the role binds (audience, subject, claims)';
            case 403:
                return "permission denied: the token's policies do not allow this, or the token is invalid or revoked";
            case 404:
                return 'not found: check the path and the mount (or set ignore-not-found)';
            case 405:
                return 'method not allowed: the path is not a readable secret';
            case 412:
                return 'not yet consistent on this node: re-run, or read from the active node';
            case 429:
                return 'rate limited by a Vault quota after the configured retries: raise the quota or the retries';
            case 503:
                return 'Vault is unavailable (standby without forwarding, or in maintenance)';
            default:
                return status >= 500 ? 'Vault failed internally after the configured retries' : 'unexpected answer';
        }
    })();
    return new VaultError(`${what}: HTTP ${status} (${hint}).`, status);
}
function unreachable(address, path, error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof http/* NetworkError */.Dr ? (error.causeCode ?? '') : '';
    if (/CERT|SELF_SIGNED|SSL|TLS|UNABLE_TO_VERIFY|ALERT/i.test(code)) {
        return new errors/* ConfigurationError */.j1(`Input 'ca-certificate': TLS to ${address} failed (${code}); give the CA that signed Vault's certificate (and client-certificate/client-key if Vault requires one).`);
    }
    if (error instanceof http/* NetworkError */.Dr ||
        error instanceof http/* HttpTimeoutError */.Iu ||
        error instanceof breaker/* CircuitOpenError */.C) {
        return new errors/* ConfigurationError */.j1(`Input 'url': Vault at ${address} could not be reached for ${path} (${message}) after the configured retries; check url and the network.`);
    }
    return error instanceof Error ? error : new Error(message);
}

;// CONCATENATED MODULE: ./src/vault-secrets/auth.ts


async function login(client, auth, sources) {
    if (auth.method === 'token') {
        const body = await client.expect({ method: 'GET', path: 'auth/token/lookup-self', token: auth.token }, "Input 'token': looking the token up (auth/token/lookup-self) failed");
        const data = body?.data ?? {};
        return {
            token: auth.token,
            issued: false,
            ttlSeconds: Number(data.ttl ?? 0),
            policies: asStrings(data.policies),
        };
    }
    const { path, body } = await loginRequest(auth, sources);
    const response = await client.call({ method: 'POST', path, body, retrySafe: true });
    const clientToken = response.body?.auth?.client_token;
    // The token is masked before anything else can see it, even when the status says failure.
    if (typeof clientToken === 'string' && clientToken !== '')
        sources.mask(clientToken);
    if (response.status !== 200 || typeof clientToken !== 'string' || clientToken === '') {
        if (response.status === 200)
            throw new VaultError(`Login with method ${auth.method} at ${path}: Vault returned no token.`, 200);
        throw vault_client_vaultError(`Login with method ${auth.method} at ${path} (role ${describeRole(auth)})`, response);
    }
    const authBlock = response.body.auth;
    return {
        token: clientToken,
        issued: true,
        ttlSeconds: Number(authBlock.lease_duration ?? 0),
        policies: asStrings(authBlock.policies),
    };
}
async function loginRequest(auth, sources) {
    switch (auth.method) {
        case 'jwt': {
            const jwt = await sources.githubIdToken(auth.audience);
            sources.mask(jwt);
            return { path: `auth/${auth.mount}/login`, body: { role: auth.role, jwt } };
        }
        case 'kubernetes': {
            const jwt = (await sources.kubernetesToken(auth.tokenPath)).trim();
            sources.mask(jwt);
            return { path: `auth/${auth.mount}/login`, body: { role: auth.role, jwt } };
        }
        case 'approle':
            return { path: `auth/${auth.mount}/login`, body: { role_id: auth.roleId, secret_id: auth.secretId } };
        case 'userpass':
            return { path: `auth/${auth.mount}/login/${auth.username}`, body: { password: auth.password } };
    }
}
function describeRole(auth) {
    switch (auth.method) {
        case 'jwt':
        case 'kubernetes':
            return `'${auth.role}'`;
        case 'approle':
            return 'from role-id';
        case 'userpass':
            return `user '${auth.username}'`;
    }
}
/**
 * Asks the runner for a GitHub OIDC ID token for `audience`, exactly as @actions/core does:
 * GET ACTIONS_ID_TOKEN_REQUEST_URL&audience=… with the request token as a bearer.
 */
async function requestGithubIdToken(http, requestUrl, requestToken, audience) {
    const url = new URL(requestUrl);
    url.searchParams.set('audience', audience);
    let response;
    try {
        response = await http.request({
            url,
            headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' },
        });
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`Input 'method': the runner's ID-token endpoint could not be reached (${error.message}).`);
    }
    const body = (await response.json().catch(() => undefined));
    if (response.status === 401 || response.status === 403) {
        throw new errors/* ConfigurationError */.j1(`Input 'method': jwt needs an ID token, and the runner refused one (HTTP ${response.status}); give the job 'permissions: id-token: write'.`);
    }
    if (!response.ok || typeof body?.value !== 'string' || body.value === '') {
        throw new Error(`The runner's ID-token endpoint answered HTTP ${response.status} without a token.`);
    }
    return body.value;
}
function asStrings(value) {
    return Array.isArray(value) ? value.map(String) : [];
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/vault-secrets/command.ts

/**
 * `run`: the command gets the secrets in its environment and nothing else does; they leave with
 * its process tree. Under the runner its output goes straight to the step log (the runner masks
 * it); in the CLI it is redacted line by line on the way to stderr.
 */
async function runWithSecrets(runtime, command, secrets, cwd) {
    const env = {};
    for (const [name, value] of Object.entries(runtime.env)) {
        // The action's own inputs and state (credentials among them) are not the command's business.
        if (value !== undefined && !name.startsWith('INPUT_') && !name.startsWith('STATE_'))
            env[name] = value;
    }
    Object.assign(env, secrets);
    const piped = runtime.kind === 'cli';
    const child = (0,external_node_child_process_namespaceObject.spawn)('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
        cwd,
        env,
        stdio: ['ignore', piped ? 'pipe' : 'inherit', piped ? 'pipe' : 'inherit'],
    });
    if (piped) {
        for (const stream of [child.stdout, child.stderr]) {
            let pending = '';
            stream?.setEncoding('utf8');
            stream?.on('data', (chunk) => {
                const lines = (pending + chunk).split('\n');
                pending = lines.pop() ?? '';
                for (const line of lines)
                    runtime.info(line);
            });
            stream?.on('end', () => pending && runtime.info(pending));
        }
    }
    return new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    });
}

;// CONCATENATED MODULE: ./src/vault-secrets/constants.ts
/** Input, output and state names of vault-secrets, in one place. */
const constants_INPUT = {
    url: 'url',
    namespace: 'namespace',
    caCertificate: 'ca-certificate',
    clientCertificate: 'client-certificate',
    clientKey: 'client-key',
    tlsSkipVerify: 'tls-skip-verify',
    method: 'method',
    role: 'role',
    authPath: 'auth-path',
    jwtAudience: 'jwt-audience',
    roleId: 'role-id',
    secretId: 'secret-id',
    username: 'username',
    password: 'password',
    token: 'token',
    kubernetesTokenPath: 'kubernetes-token-path',
    secrets: 'secrets',
    exportEnv: 'export-env',
    run: 'run',
    revoke: 'revoke',
    exportToken: 'export-token',
    ignoreNotFound: 'ignore-not-found',
    retries: 'retries',
    timeout: 'timeout',
};
const OUTPUT = {
    secretNames: 'secret-names',
    leaseCount: 'lease-count',
    vaultToken: 'vault-token',
};
/** What main hands to post: never a secret value; the token only when post must revoke it. */
const constants_STATE = {
    token: 'vault-token',
    leases: 'vault-leases',
};
const METHODS = ['jwt', 'approle', 'kubernetes', 'userpass', 'token'];
/** The inputs only one method uses: giving one with another method is a mistake worth naming. */
const METHOD_INPUTS = {
    jwt: [constants_INPUT.role, constants_INPUT.jwtAudience],
    approle: [constants_INPUT.roleId, constants_INPUT.secretId],
    kubernetes: [constants_INPUT.role, constants_INPUT.kubernetesTokenPath],
    userpass: [constants_INPUT.username, constants_INPUT.password],
    token: [constants_INPUT.token],
};
const DEFAULT_KUBERNETES_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token';
/** Values shorter than this are masked anyway, with a warning (masking them garbles the log). */
const SHORT_SECRET_LENGTH = 4;

;// CONCATENATED MODULE: ./src/vault-secrets/secrets-spec.ts


const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENTRY = /^(\S+)\s+(\S+)(?:\s*\|\s*(\S*))?$/;
function parseSecrets(text) {
    const requests = [];
    text.split(/\r?\n/).forEach((rawLine, index) => {
        const line = index + 1;
        const trimmedLine = rawLine.trim();
        if (trimmedLine === '' || trimmedLine.startsWith('#'))
            return;
        for (const part of trimmedLine.split(';')) {
            const entry = part.trim();
            if (entry === '')
                continue;
            requests.push(parseEntry(entry, line));
        }
    });
    return requests;
}
function fail(line, entry, why) {
    throw new errors/* ConfigurationError */.j1(`Input '${constants_INPUT.secrets}', line ${line}: ${why}; got ${(0,errors/* quoteGiven */.k9)(entry)}.`);
}
function parseEntry(entry, line) {
    const match = ENTRY.exec(entry);
    if (!match) {
        if (!/\s/.test(entry.replace(/\s*\|.*$/, ''))) {
            fail(line, entry, "a path needs a key after it: write 'path key | NAME', 'path *' or 'path **'");
        }
        fail(line, entry, "expected 'path key', 'path key | NAME', 'path * | PREFIX_' or 'path **'");
    }
    const [, rawPath, selector, name] = match;
    if (name === '')
        fail(line, entry, "nothing after '|': name the output, or drop the '|'");
    if (selector.includes('|'))
        fail(line, entry, "put spaces around '|'");
    if (name !== undefined && !NAME.test(name)) {
        fail(line, entry, `'${name}' is not a valid name: use letters, digits and _ and do not start with a digit`);
    }
    const [pathPart, query, ...more] = rawPath.split('?');
    if (more.length)
        fail(line, entry, "a path has at most one '?'");
    const path = pathPart.replace(/^\/+/, '').replace(/\/+$/, '');
    if (path === '' || path.includes('://'))
        fail(line, entry, "the path is a Vault path such as 'secret/app', not a URL");
    if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
        fail(line, entry, "the path has an empty, '.' or '..' segment");
    }
    let version;
    if (query !== undefined) {
        const versionMatch = /^version=(\d+)$/.exec(query);
        if (!versionMatch || Number(versionMatch[1]) < 1)
            fail(line, entry, "the only query is '?version=N' with N a positive integer");
        version = Number(versionMatch[1]);
    }
    return { path, version, selector: selector, name, line };
}
/** Distinct paths, keyed by path and version: one request each. */
function pathKey(request) {
    return request.version === undefined ? request.path : `${request.path}?version=${request.version}`;
}
/** A key as a name: characters other than letters, digits and _ become _, never a leading digit. */
function normalizeName(key, upper) {
    let name = key.replace(/[^A-Za-z0-9_]/g, '_');
    if (/^\d/.test(name) || name === '')
        name = `_${name}`;
    return upper ? name.toUpperCase() : name;
}
/**
 * Variables a secret must never set: whoever can write a key into a Vault path read with `*` would
 * otherwise choose what later steps execute (NODE_OPTIONS, BASH_ENV, LD_PRELOAD, PATH…) or forge
 * the runner's own variables.
 */
const RESERVED_ENV = new Set([
    'PATH',
    'HOME',
    'SHELL',
    'ENV',
    'BASH_ENV',
    'IFS',
    'CDPATH',
    'PS4',
    'NODE_OPTIONS',
    'NODE_PATH',
    'NODE_EXTRA_CA_CERTS',
    'LD_PRELOAD',
    'LD_LIBRARY_PATH',
    'DYLD_INSERT_LIBRARIES',
    'PYTHONPATH',
    'PYTHONSTARTUP',
    'PERL5OPT',
    'RUBYOPT',
    'JAVA_TOOL_OPTIONS',
    'GIT_SSH_COMMAND',
    'GIT_CONFIG_GLOBAL',
    'CI',
    'VAULT_TOKEN',
]);
const RESERVED_ENV_PREFIXES = ['GITHUB_', 'RUNNER_', 'ACTIONS_', 'INPUT_', 'STATE_', 'GIT_CONFIG_'];
function isReservedEnvName(name) {
    const upper = name.toUpperCase();
    return RESERVED_ENV.has(upper) || RESERVED_ENV_PREFIXES.some((prefix) => upper.startsWith(prefix));
}

;// CONCATENATED MODULE: ./src/vault-secrets/config.ts



/** Credential inputs, masked before anything is parsed (a parse error must not be the first to print one). */
const CREDENTIAL_INPUTS = [constants_INPUT.secretId, constants_INPUT.password, constants_INPUT.token, constants_INPUT.clientKey];
function config_parseConnection(inputs) {
    const rawUrl = inputs.required(constants_INPUT.url);
    let url;
    try {
        url = new URL(rawUrl);
    }
    catch {
        throw errors/* ConfigurationError */.j1.forInput(constants_INPUT.url, rawUrl, "Vault's address such as https://vault.example.com:8200");
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw errors/* ConfigurationError */.j1.forInput(constants_INPUT.url, rawUrl, 'an http:// or https:// address');
    if (url.username || url.password)
        throw new errors/* ConfigurationError */.j1(`Input '${constants_INPUT.url}': remove the credentials from the URL; use method and its inputs instead.`);
    if (url.search || url.hash)
        throw errors/* ConfigurationError */.j1.forInput(constants_INPUT.url, `${url.origin}${url.pathname}…`, 'an address without ?query or #fragment');
    const namespace = inputs.optional(constants_INPUT.namespace)?.replace(/^\/+|\/+$/g, '');
    if (namespace !== undefined && !/^[A-Za-z0-9_.\-/]+$/.test(namespace)) {
        throw errors/* ConfigurationError */.j1.forInput(constants_INPUT.namespace, namespace, 'a namespace path such as admin/team-a');
    }
    const cert = pem(inputs, constants_INPUT.clientCertificate);
    const key = pem(inputs, constants_INPUT.clientKey);
    if ((cert === undefined) !== (key === undefined)) {
        throw new errors/* ConfigurationError */.j1(`Inputs '${constants_INPUT.clientCertificate}' and '${constants_INPUT.clientKey}' go together: give both or neither.`);
    }
    return {
        url,
        namespace: namespace || undefined,
        tls: {
            ca: pem(inputs, constants_INPUT.caCertificate),
            cert,
            key,
            skipVerify: inputs.boolean(constants_INPUT.tlsSkipVerify, false),
        },
        retries: inputs.integer(constants_INPUT.retries, { min: 0, max: 10, fallback: 3 }),
        timeoutMs: inputs.duration(constants_INPUT.timeout, 30_000),
    };
}
function parseAuth(inputs, url) {
    const method = inputs.oneOf(constants_INPUT.method, METHODS, 'jwt');
    for (const [other, names] of Object.entries(METHOD_INPUTS)) {
        if (other === method)
            continue;
        for (const name of names) {
            if (METHOD_INPUTS[method].includes(name))
                continue;
            if (inputs.optional(name) !== undefined) {
                throw new errors/* ConfigurationError */.j1(`Input '${name}' is used only with method ${other}, but method is ${method}; remove it or change method.`);
            }
        }
    }
    const mount = (inputs.optional(constants_INPUT.authPath) ?? method).replace(/^\/+|\/+$/g, '').replace(/^auth\//, '');
    if (method !== 'token' && !/^[A-Za-z0-9_.\-/]+$/.test(mount))
        throw errors/* ConfigurationError */.j1.forInput(constants_INPUT.authPath, mount, 'the auth mount path, such as jwt or github-actions');
    const need = (name) => {
        const value = inputs.optional(name);
        if (value === undefined)
            throw new errors/* ConfigurationError */.j1(`Input '${name}' is required with method ${method}.`);
        return value;
    };
    switch (method) {
        case 'token':
            return { method, token: need(constants_INPUT.token) };
        case 'jwt':
            return {
                method,
                mount,
                role: need(constants_INPUT.role),
                audience: inputs.optional(constants_INPUT.jwtAudience) ?? url.hostname,
            };
        case 'approle':
            return { method, mount, roleId: need(constants_INPUT.roleId), secretId: need(constants_INPUT.secretId) };
        case 'kubernetes':
            return {
                method,
                mount,
                role: need(constants_INPUT.role),
                tokenPath: inputs.optional(constants_INPUT.kubernetesTokenPath) ?? DEFAULT_KUBERNETES_TOKEN_PATH,
            };
        case 'userpass': {
            const username = need(constants_INPUT.username);
            if (username.includes('/'))
                throw errors/* ConfigurationError */.j1.forInput(constants_INPUT.username, username, 'a user name without /');
            return { method, mount, username, password: need(constants_INPUT.password) };
        }
    }
}
function parseConfig(inputs) {
    const connection = config_parseConnection(inputs);
    const auth = parseAuth(inputs, connection.url);
    const secrets = parseSecrets(inputs.string(constants_INPUT.secrets));
    const exportToken = inputs.boolean(constants_INPUT.exportToken, false);
    const run = inputs.optional(constants_INPUT.run);
    const exportEnv = inputs.boolean(constants_INPUT.exportEnv, false);
    if (secrets.length === 0 && !exportToken) {
        throw new errors/* ConfigurationError */.j1(`Input '${constants_INPUT.secrets}' is empty: list what to read ('secret/app key | NAME'), or set ${constants_INPUT.exportToken}: true to only log in.`);
    }
    if (run !== undefined && exportEnv) {
        throw new errors/* ConfigurationError */.j1(`Inputs '${constants_INPUT.run}' and '${constants_INPUT.exportEnv}' contradict each other: run keeps the secrets inside the command; export-env hands them to every later step. Choose one.`);
    }
    return {
        ...connection,
        auth,
        secrets,
        exportEnv,
        run,
        revoke: inputs.boolean(constants_INPUT.revoke, true),
        exportToken,
        ignoreNotFound: inputs.boolean(constants_INPUT.ignoreNotFound, false),
    };
}
/** PEM text, or base64 of PEM as vault-action takes it. */
function pem(inputs, name) {
    const value = inputs.optional(name);
    if (value === undefined)
        return undefined;
    if (value.includes('-----BEGIN '))
        return value;
    const decoded = /^[A-Za-z0-9+/=\s]+$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : '';
    if (decoded.includes('-----BEGIN '))
        return decoded;
    throw new errors/* ConfigurationError */.j1(`Input '${name}': expected PEM text (-----BEGIN …) or base64 of it; the value given is neither.`);
}

;// CONCATENATED MODULE: ./src/vault-secrets/fetch-secrets.ts



async function fetchSecrets(client, requests, options) {
    const byPath = new Map();
    for (const request of requests)
        byPath.set(pathKey(request), [...(byPath.get(pathKey(request)) ?? []), request]);
    const mounts = new MountResolver(client, options.token);
    const settled = await Promise.allSettled([...byPath.values()].map(async (group) => readPath(client, mounts, group, options)));
    const failure = settled.find((s) => s.status === 'rejected');
    if (failure)
        throw failure.reason;
    const results = settled.map((s) => s.value);
    const secrets = [];
    const seen = new Map();
    for (const result of results) {
        for (const secret of result.secrets) {
            const clash = seen.get(secret.outputName);
            if (clash) {
                throw new errors/* ConfigurationError */.j1(`Input 'secrets': line ${clash.line} (${clash.path}) and line ${secret.line} (${secret.path}) both produce the name '${secret.outputName}'; rename one with '| NAME' or a prefix.`);
            }
            seen.set(secret.outputName, secret);
            secrets.push(secret);
        }
    }
    return {
        secrets,
        paths: results.map((r) => r.report),
        leases: results.flatMap((r) => (r.lease ? [r.lease] : [])),
    };
}
async function readPath(client, mounts, group, options) {
    const { path, version } = group[0];
    const shown = pathKey(group[0]);
    const mount = await mounts.resolve(path);
    const kv2 = mount?.type === 'kv' && mount.version === 2;
    if (version !== undefined && !kv2) {
        throw new errors/* ConfigurationError */.j1(`Input 'secrets', line ${group[0].line}: '${shown}' asks for a version, but ${path} is not on a KV v2 mount; drop '?version=${version}'.`);
    }
    const apiPath = kv2 ? kv2DataPath(mount, path) : path;
    const response = await client.call({
        method: 'GET',
        path: apiPath,
        query: version === undefined ? undefined : { version: String(version) },
        token: options.token,
    });
    const engine = mount ? (mount.type === 'kv' ? `kv v${mount.version}` : mount.type) : 'unknown mount';
    if (response.status === 404) {
        const deleted = kv2 && isDeletedVersion(response.body);
        if (options.ignoreNotFound) {
            options.warn(`${shown} was not found${deleted ? ' (the version is deleted or destroyed)' : ''}; skipped because ignore-not-found is true.`);
            return { secrets: [], report: { path: shown, engine, keys: 0, outcome: 'not found (ignored)' } };
        }
        const what = deleted
            ? `Reading ${shown} (line ${group[0].line}): that version is deleted or destroyed; read another version or undelete it`
            : `Reading ${shown} (line ${group[0].line})`;
        throw vault_client_vaultError(what, response);
    }
    if (response.status !== 200)
        throw vault_client_vaultError(`Reading ${shown} (line ${group[0].line})`, response);
    const envelope = response.body;
    const raw = kv2 ? envelope?.data?.data : envelope?.data;
    const data = raw && typeof raw === 'object' ? raw : {};
    // Mask every value the path returned, selected or not, before anything else looks at them.
    for (const value of Object.values(data))
        options.mask(value);
    let lease;
    if (envelope?.lease_id) {
        lease = {
            id: envelope.lease_id,
            durationSeconds: Number(envelope.lease_duration ?? 0),
            renewable: envelope.renewable === true,
        };
        options.onLease(lease);
    }
    const secrets = group.flatMap((request) => fetch_secrets_select(request, data, options));
    return {
        secrets,
        lease,
        report: {
            path: shown,
            engine,
            keys: Object.keys(data).length,
            leaseSeconds: lease?.durationSeconds,
            outcome: 'read',
        },
    };
}
function fetch_secrets_select(request, data, options) {
    const base = { path: pathKey(request), line: request.line };
    if (request.selector === '*' || request.selector === '**') {
        const upper = request.selector === '*';
        const prefix = request.name ?? '';
        return Object.entries(data).map(([key, value]) => {
            const name = prefix + normalizeName(key, upper);
            return { ...base, outputName: name, envName: name, value };
        });
    }
    if (!(request.selector in data)) {
        if (options.ignoreNotFound) {
            options.warn(`${base.path} has no key '${request.selector}' (line ${request.line}); skipped because ignore-not-found is true.`);
            return [];
        }
        throw new VaultError(`Reading ${base.path} (line ${request.line}): the secret has no key '${request.selector}'; it has ${Object.keys(data).length} other key(s). Check the key name.`, 404);
    }
    const value = data[request.selector];
    if (request.name)
        return [{ ...base, outputName: request.name, envName: request.name, value }];
    return [
        {
            ...base,
            outputName: normalizeName(request.selector, false),
            envName: normalizeName(request.selector, true),
            value,
        },
    ];
}
/** `secret/app` on KV v2 mount `secret/` is read at `secret/data/app`; vault-action's `secret/data/app` is kept. */
function kv2DataPath(mount, path) {
    const rest = path.slice(mount.path.length);
    return rest.startsWith('data/') ? path : `${mount.path}data/${rest}`;
}
function isDeletedVersion(body) {
    const metadata = body?.data?.metadata;
    return Boolean(metadata && (metadata.deletion_time || metadata.destroyed));
}
/**
 * Finds a path's mount with one sys/internal/ui/mounts lookup per mount: Vault forbids nested
 * mounts, so every path under a found mount shares it. Paths are grouped by their first segment
 * while a lookup is in flight. A lookup that is refused or finds nothing means "read the path as
 * given", as the vault CLI does.
 */
class MountResolver {
    client;
    token;
    known = [];
    pending = new Map();
    constructor(client, token) {
        this.client = client;
        this.token = token;
    }
    async resolve(path) {
        const found = this.covering(path);
        if (found)
            return found;
        const first = path.split('/')[0];
        const inFlight = this.pending.get(first);
        if (inFlight) {
            await inFlight;
            const after = this.covering(path);
            if (after)
                return after;
        }
        const lookup = this.lookup(path);
        if (!inFlight)
            this.pending.set(first, lookup);
        return lookup;
    }
    covering(path) {
        return this.known.find((mount) => `${path}/`.startsWith(mount.path));
    }
    async lookup(path) {
        const response = await this.client.call({
            method: 'GET',
            path: `sys/internal/ui/mounts/${path}`,
            token: this.token,
        });
        if (response.status !== 200) {
            if ([400, 403, 404].includes(response.status))
                return undefined;
            throw vault_client_vaultError(`Looking up the mount of ${path} (sys/internal/ui/mounts)`, response);
        }
        const data = (response.body?.data ?? {});
        if (typeof data.path !== 'string' || data.path === '')
            return undefined;
        const mount = {
            path: data.path.endsWith('/') ? data.path : `${data.path}/`,
            type: String(data.type ?? ''),
            version: String(data.options?.version ?? '1') === '2' ? 2 : 1,
        };
        if (!this.covering(mount.path))
            this.known.push(mount);
        return mount;
    }
}

;// CONCATENATED MODULE: ./src/vault-secrets/masking.ts

/**
 * Everything that must be registered as a mask for one value read from Vault: the value, each of
 * its lines (the runner masks line by line), and when it is JSON, each string or number leaf and
 * their lines (the runner never looks inside a JSON value registered whole). Booleans and null are
 * not secrets and masking them would garble every log line that says "true".
 */
function maskParts(value) {
    const parts = new Set();
    const addText = (text) => {
        if (text.trim() === '')
            return;
        parts.add(text);
        for (const line of text.split(/\r?\n/))
            if (line.trim() !== '')
                parts.add(line.trim());
    };
    const walk = (node) => {
        if (typeof node === 'string') {
            addText(node);
            const parsed = parseJsonContainer(node);
            if (parsed !== undefined)
                walk(parsed);
        }
        else if (typeof node === 'number' && Number.isFinite(node))
            addText(String(node));
        else if (Array.isArray(node))
            node.forEach(walk);
        else if (node && typeof node === 'object')
            Object.values(node).forEach(walk);
    };
    if (typeof value === 'string' || typeof value === 'number')
        walk(value);
    else if (value && typeof value === 'object') {
        addText(JSON.stringify(value));
        walk(value);
    }
    return [...parts];
}
/** The value as it is handed on (outputs, env): strings as they are, anything else as JSON. */
function valueText(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
}
function isShort(part) {
    return part.length < SHORT_SECRET_LENGTH;
}
function parseJsonContainer(text) {
    const trimmed = text.trim();
    if (!(trimmed.startsWith('{') || trimmed.startsWith('[')))
        return undefined;
    try {
        return JSON.parse(trimmed);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/vault-secrets/tls.ts
/**
 * Vault's TLS as src/net takes it: a custom CA, a client certificate, or (warned about) no
 * verification. Proxies are not set here: src/net reads HTTP(S)_PROXY and NO_PROXY from the
 * environment it is given, for Vault and for the runner's ID-token endpoint alike.
 */
function vaultTls(tls) {
    return { ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: !tls.skipVerify };
}

;// CONCATENATED MODULE: ./src/vault-secrets/run.ts













const masked = new WeakMap();
/** Registers each part of a value once (a value's lines and JSON leaves overlap). */
function maskValue(ctx, value) {
    const seen = masked.get(ctx) ?? new Set();
    masked.set(ctx, seen);
    for (const part of maskParts(value)) {
        if (seen.has(part))
            continue;
        ctx.runtime.setSecret(part);
        // setSecret registers the part's lines too.
        for (const registered of (0,annotations/* secretParts */.B)(part))
            seen.add(registered);
    }
}
function vaultClient(ctx, connection) {
    const http = ctx.http({
        retries: connection.retries,
        timeoutMs: connection.timeoutMs,
        tls: vaultTls(connection.tls),
        proxyEnv: ctx.runtime.env,
    });
    return new VaultClient(http, connection.url, connection.namespace, (message) => ctx.runtime.debug(message));
}
const main = async (ctx) => {
    const { runtime } = ctx;
    // Credentials are masks before anything is parsed or printed.
    for (const name of CREDENTIAL_INPUTS)
        maskValue(ctx, runtime.getInput(name).trim());
    if (runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
        runtime.setSecret(runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    const config = parseConfig(ctx.inputs);
    // A base64 client-key input is masked above as given; its decoded PEM is masked too.
    if (config.tls.key)
        maskValue(ctx, config.tls.key);
    if (config.tls.skipVerify) {
        runtime.annotate({
            level: 'warning',
            message: `${constants_INPUT.tlsSkipVerify} is true: Vault's certificate is not checked, so anyone on the path can read the secrets. Give ca-certificate instead.`,
        });
    }
    if (config.url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(config.url.hostname)) {
        runtime.annotate({
            level: 'warning',
            message: `${constants_INPUT.url} uses plain http: tokens and secrets cross the network unencrypted.`,
        });
    }
    const client = vaultClient(ctx, config);
    const sources = {
        mask: (value) => maskValue(ctx, value),
        githubIdToken: (audience) => {
            const url = runtime.env.ACTIONS_ID_TOKEN_REQUEST_URL;
            const token = runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
            if (!url || !token) {
                throw new errors/* ConfigurationError */.j1(`Input '${constants_INPUT.method}': jwt needs GitHub's OIDC token, and this job cannot request one; add 'permissions: id-token: write' to the job (or choose another method).`);
            }
            // The runner's endpoint is not Vault: the proxy applies, Vault's CA and client certificate do not.
            return requestGithubIdToken(ctx.http({ retries: config.retries, timeoutMs: config.timeoutMs, proxyEnv: runtime.env }), url, token, audience);
        },
        kubernetesToken: async (path) => {
            try {
                return await (0,promises_namespaceObject.readFile)(path, 'utf8');
            }
            catch {
                throw new errors/* ConfigurationError */.j1(`Input '${constants_INPUT.kubernetesTokenPath}': cannot read the service-account token at ${path}; set the path or run inside the pod.`);
            }
        },
    };
    const session = await ctx.log.stage('login', () => login(client, config.auth, sources), (s) => ({
        method: config.auth.method,
        issued: s.issued,
        ttl_seconds: s.ttlSeconds,
        policies: s.policies,
    }));
    // Post needs the token to revoke it (revoke-self also revokes its leases); saved now so a failing
    // fetch is still cleaned up. A token the user gave us is theirs: post re-reads it from the input and
    // revokes only the leases this step created.
    if (config.revoke && session.issued)
        runtime.saveState(constants_STATE.token, session.token);
    const leaseIds = [];
    let result = { secrets: [], paths: [], leases: [] };
    try {
        if (config.secrets.length) {
            result = await ctx.log.stage('fetch', () => fetchSecrets(client, config.secrets, {
                token: session.token,
                ignoreNotFound: config.ignoreNotFound,
                mask: (value) => maskValue(ctx, value),
                onLease: (lease) => leaseIds.push(lease.id),
                warn: (message) => runtime.annotate({ level: 'warning', message }),
            }), (r) => ({ paths: r.paths.length, secrets: r.secrets.length, leases: r.leases.length }));
        }
    }
    finally {
        if (config.revoke && !session.issued && leaseIds.length)
            runtime.saveState(constants_STATE.leases, JSON.stringify(leaseIds));
    }
    warnShort(ctx, result.secrets);
    await deliver(ctx, config, result.secrets, session.token);
    runtime.setOutput(OUTPUT.secretNames, JSON.stringify(result.secrets.map((s) => s.outputName)));
    runtime.setOutput(OUTPUT.leaseCount, String(result.leases.length));
    await runtime.appendSummary(summary(config, client.address, session, result));
};
function warnShort(ctx, secrets) {
    for (const secret of secrets) {
        if (maskParts(secret.value).some(isShort)) {
            ctx.runtime.annotate({
                level: 'warning',
                message: `Secret '${secret.outputName}' (${secret.path}) is, or contains, a value shorter than 4 characters. It is masked, so those characters show as *** wherever they appear in this job's log.`,
            });
        }
    }
}
async function deliver(ctx, config, secrets, token) {
    const { runtime } = ctx;
    if (config.run !== undefined || config.exportEnv) {
        const reserved = secrets.find((s) => isReservedEnvName(s.envName));
        if (reserved) {
            throw new errors/* ConfigurationError */.j1(`Input '${constants_INPUT.secrets}', line ${reserved.line}: ${reserved.path} yields the variable ${reserved.envName}, which would change how later commands run; give it another name with '| NAME' or a prefix ('* | PREFIX_').`);
        }
    }
    if (config.run !== undefined) {
        const env = Object.fromEntries(secrets.map((s) => [s.envName, valueText(s.value)]));
        if (config.exportToken)
            env.VAULT_TOKEN = token;
        const code = await ctx.log.stage('run', () => runWithSecrets(runtime, config.run, env, ctx.workspace), (c) => ({ exit_code: c }));
        if (code !== 0)
            throw new errors/* ConfigurationError */.j1(`Input '${constants_INPUT.run}': the command exited with code ${code}.`);
        return;
    }
    for (const secret of secrets) {
        runtime.setOutput(secret.outputName, valueText(secret.value));
        if (config.exportEnv)
            runtime.exportVariable(secret.envName, valueText(secret.value));
    }
    if (config.exportToken) {
        runtime.setOutput(OUTPUT.vaultToken, token);
        if (config.exportEnv)
            runtime.exportVariable('VAULT_TOKEN', token);
    }
}
function summary(config, address, session, result) {
    const where = config.run !== undefined
        ? "the 'run' command's environment only"
        : config.exportEnv
            ? 'step outputs and the environment of later steps'
            : 'step outputs';
    const revoke = !config.revoke
        ? 'not revoked (revoke: false): it lives until its TTL'
        : session.issued
            ? 'revoked with its leases by the post step'
            : 'not revoked (it was given to this step); leases issued here are revoked by the post step';
    const rows = result.paths.map((p) => [
        `\`${(0,runtime_text/* escapeMarkdown */.FV)(p.path)}\``,
        (0,runtime_text/* escapeMarkdown */.FV)(p.engine),
        String(p.keys),
        p.leaseSeconds === undefined ? '—' : `${p.leaseSeconds} s`,
        p.outcome,
    ]);
    return [
        '### Vault secrets',
        '',
        `Vault ${(0,runtime_text/* escapeMarkdown */.FV)(address)}${config.namespace ? ` (namespace \`${(0,runtime_text/* escapeMarkdown */.FV)(config.namespace)}\`)` : ''}, method \`${config.auth.method}\`; token TTL ${session.ttlSeconds} s, ${revoke}.`,
        `${result.secrets.length} secret(s) from ${result.paths.length} path(s) delivered to ${where}.`,
        '',
        rows.length ? (0,runtime_text/* markdownTable */.Qj)(['path', 'engine', 'keys', 'lease', 'outcome'], rows) : '',
    ].join('\n');
}
const post = async (ctx) => {
    const { runtime } = ctx;
    const token = runtime.getState(STATE.token);
    if (token)
        runtime.setSecret(token);
    const leases = parseLeases(runtime.getState(STATE.leases));
    if (!token && leases.length === 0) {
        runtime.info('vault-secrets: nothing to revoke.');
        return;
    }
    const connection = parseConnection(ctx.inputs);
    const client = vaultClient(ctx, connection);
    if (token) {
        await ctx.log.stage('revoke', async () => {
            const response = await client.call({
                method: 'POST',
                path: 'auth/token/revoke-self',
                token,
                retrySafe: true,
            });
            // 403: the token is already revoked or expired, which is what post wants.
            if (response.status === 403)
                runtime.info('vault-secrets: the token was already revoked or expired.');
            else if (response.status >= 300)
                throw vaultError('Revoking the token (auth/token/revoke-self)', response);
            else
                runtime.info('vault-secrets: revoked the token and the leases it created.');
        });
        return;
    }
    // A token the user gave: it is theirs to keep; revoke only the leases this job created.
    const userToken = runtime.getInput(INPUT.token).trim();
    if (!userToken)
        throw new ConfigurationError(`Input '${INPUT.token}' is empty in the post step; leases ${leases.length} cannot be revoked.`);
    runtime.setSecret(userToken);
    await ctx.log.stage('revoke', async () => {
        await Promise.all(leases.map(async (lease) => {
            const response = await client.call({
                method: 'PUT',
                path: 'sys/leases/revoke',
                body: { lease_id: lease },
                token: userToken,
            });
            if (response.status >= 300)
                throw vaultError(`Revoking lease ${lease} (sys/leases/revoke)`, response);
        }));
        runtime.info(`vault-secrets: revoked ${leases.length} lease(s).`);
    }, () => ({ leases: leases.length }));
};
function parseLeases(text) {
    if (!text)
        return [];
    const parsed = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((id) => typeof id === 'string') : [];
}


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
/******/ var __webpack_exports__ = __nccwpck_require__(47);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
