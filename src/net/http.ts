import { Agent as HttpAgent, type IncomingMessage, request as httpRequest } from 'node:http';
import type * as Https from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ServiceError } from './errors.js';
import { CircuitBreakers, CircuitOpenError } from './breaker.js';
import { type Clock, systemClock } from './clock.js';

/**
 * The only code in Gantry that speaks HTTP. Every request gets a timeout (for the response headers,
 * and again for each silence while its body streams), an overall deadline (attempts, backoff,
 * redirects and the body together), bounded retries with exponential backoff and full jitter,
 * Retry-After honoured, and a per-host circuit breaker. Requests that are not idempotent are
 * retried only when the caller says a retry is safe. Credentials are a property of the request
 * (`sensitive`): they never follow a redirect to another origin, and no redirect leaves https.
 *
 * It sits on node:http rather than fetch: Node loads fetch's implementation (undici) on first use,
 * about 25 ms of every action's start, and spends more CPU per request; with node:http a
 * promotion of a few dozen small requests is dominated by the registry, not by the client.
 */
export interface HttpOptions {
  /** How long to wait for the response headers, and for each next piece of the body. */
  timeoutMs: number;
  /** The most a request may take from start to the end of its body, retries and redirects included. */
  deadlineMs: number;
  /** Retries after the first attempt. */
  retries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A Retry-After longer than this is not waited for: the response is returned as is. */
  retryAfterMaxMs: number;
  breakerThreshold: number;
  breakerCooldownMs: number;
  clock: Clock;
  random: () => number;
  /** TLS for https: a custom CA (PEM), a client certificate and key, or no verification. */
  tls?: TlsOptions;
  /**
   * HTTP_PROXY, HTTPS_PROXY and NO_PROXY (either case) as the environment gives them; requests go
   * through the proxy (CONNECT for https) unless NO_PROXY names the host. Undefined: direct.
   */
  proxyEnv?: Readonly<Record<string, string | undefined>>;
  /** Called for each retry, with a message free of credentials. */
  onRetry?: (message: string) => void;
}

export interface TlsOptions {
  ca?: string;
  cert?: string;
  key?: string;
  rejectUnauthorized?: boolean;
}

export type RequestBody =
  | string
  | Uint8Array
  | Readable
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>;

export interface HttpRequest {
  url: string | URL;
  method?: string;
  headers?: Record<string, string>;
  /** A body, or a function that makes a fresh one per attempt (needed to retry a streamed body). */
  body?: RequestBody | (() => RequestBody);
  timeoutMs?: number;
  deadlineMs?: number;
  /**
   * What in this request is a credential. Authorization, Proxy-Authorization, Cookie and
   * X-Vault-Token always are; `headers` names more. A redirect to another origin drops every
   * sensitive header, and is refused when it would resend a sensitive `body`.
   */
  sensitive?: { headers?: string[]; body?: boolean };
  /** For POST/PATCH: the caller knows a repeat cannot do harm (e.g. a login, an upload start). */
  retrySafe?: boolean;
  retries?: number;
  /** Statuses retried besides 408, 429 and 5xx (Vault's 412: a replica not yet consistent). */
  retryStatuses?: readonly number[];
  signal?: AbortSignal;
  /** 'same-origin' follows a redirect only within the origin; 'error' refuses any. */
  redirect?: 'follow' | 'same-origin' | 'manual' | 'error';
}

export interface HttpStats {
  requests: number;
  retries: number;
  exhausted: number;
  breakerTrips: number;
}

export class HttpTimeoutError extends ServiceError {
  override name = 'HttpTimeoutError';
  readonly transient = true;
  readonly unreachable = true;
}

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

export class NetworkError extends ServiceError {
  override name = 'NetworkError';
  readonly transient: boolean = true;
  readonly unreachable = true;
  constructor(
    message: string,
    readonly host: string,
    readonly causeCode?: string,
  ) {
    super(message);
  }
}

/** A redirect this client will not follow (to plain http, to another origin where not allowed, with credentials). */
export class RedirectRefusedError extends NetworkError {
  override name = 'RedirectRefusedError';
  /** The same redirect comes back next time. */
  override readonly transient = false;
}

/** Headers that always carry credentials, whoever sends them. */
export const SENSITIVE_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-vault-token',
];

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export const DEFAULT_HTTP_OPTIONS: Omit<HttpOptions, 'clock' | 'random'> = {
  timeoutMs: 30_000,
  // Generous: a multi-gigabyte blob on a slow runner streams under it; what it stops is a server
  // trickling forever (a silent one is cut sooner, by timeoutMs).
  deadlineMs: 60 * 60_000,
  retries: 3,
  backoffBaseMs: 250,
  backoffMaxMs: 10_000,
  retryAfterMaxMs: 60_000,
  breakerThreshold: 5,
  breakerCooldownMs: 30_000,
};

const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
/** Errors of requests that went out on a kept-alive connection which turned out to be closed. */
const failedOnReusedSocket = new WeakSet<Error>();
/** Idle connections tried, one after another, before a fresh one: bounded by the pool's size in practice. */
const STALE_SOCKET_ATTEMPTS = 4;
const MAX_REDIRECTS = 20;

const SMALL_BODY_BYTES = 64 * 1024;

function hasBody(method: string, status: number, message: IncomingMessage): boolean {
  return method !== 'HEAD' && status !== 204 && status !== 304 && message.headers['content-length'] !== '0';
}

/** A response whose body streams from the socket; read it, or discard it to free the connection. */
export class HttpResponse {
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly url: string;

  constructor(
    private readonly message: IncomingMessage,
    url: URL,
    method: string,
    /** Turns a stream error into a NetworkError naming the URL. */
    private readonly describe: (error: unknown) => Error,
  ) {
    this.status = message.statusCode ?? 0;
    this.headers = new ResponseHeaders(message.headers);
    this.url = url.toString();
    // A response without a body (HEAD, 204, 304, Content-Length: 0) must still be read to its end,
    // or its connection stays busy and keeps the process alive.
    if (!hasBody(method, this.status, message)) message.resume();
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  /** The body as it comes off the socket, for code that streams it on. */
  get body(): Readable {
    return this.message;
  }

  /** The whole body; `limit` bytes at most (a longer body is an error, and is not read further). */
  async bytes(limit = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
    const declared = Number(this.headers.get('content-length') ?? Number.NaN);
    if (declared > limit) {
      this.discard();
      throw new BodyTooLargeError(
        `${safeUrl(this.url)}: body of ${declared} bytes is over the limit of ${limit}`,
      );
    }
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of this.message) {
        total += (chunk as Buffer).byteLength;
        if (total > limit) {
          this.message.destroy();
          throw new BodyTooLargeError(`${safeUrl(this.url)}: body is over the limit of ${limit} bytes`);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      throw error instanceof BodyTooLargeError ? error : this.describe(error);
    }
    return Buffer.concat(chunks);
  }

  async text(): Promise<string> {
    return Buffer.from(await this.bytes()).toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  /**
   * Drop the body unread: a small one is drained so its connection is reused, a large or unknown
   * one is cut (reading megabytes to save a handshake is a bad trade).
   */
  discard(): void {
    const length = Number(this.headers.get('content-length') ?? Number.NaN);
    if (this.message.complete || length <= SMALL_BODY_BYTES) this.message.resume();
    else this.message.destroy();
  }
}

/** Response headers, looked up case-insensitively; repeated headers joined with ", ". */
export class ResponseHeaders {
  constructor(private readonly raw: IncomingMessage['headers']) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }
}

export class HttpClient {
  readonly options: HttpOptions;
  private readonly breakers: CircuitBreakers;
  private readonly counters = { requests: 0, retries: 0, exhausted: 0 };
  private readonly httpAgent: HttpAgent;
  private httpsAgent?: Https.Agent;
  private readonly proxyEnv?: Record<string, string>;

  constructor(options: Partial<HttpOptions> = {}) {
    this.options = {
      ...DEFAULT_HTTP_OPTIONS,
      clock: systemClock,
      random: Math.random,
      ...options,
    };
    this.breakers = new CircuitBreakers(
      { failureThreshold: this.options.breakerThreshold, cooldownMs: this.options.breakerCooldownMs },
      this.options.clock,
    );
    this.proxyEnv = this.options.proxyEnv ? proxyVariables(this.options.proxyEnv) : undefined;
    this.httpAgent = new HttpAgent({
      keepAlive: true,
      ...(this.proxyEnv ? { proxyEnv: this.proxyEnv } : {}),
    });
  }

  /** node:https (and TLS) load on the first https request: a few ms of start saved where none is made. */
  private https(): { request: typeof Https.request; agent: Https.Agent } {
    const https = process.getBuiltinModule('node:https');
    this.httpsAgent ??= new https.Agent({
      keepAlive: true,
      ...this.options.tls,
      ...(this.proxyEnv ? { proxyEnv: this.proxyEnv } : {}),
    });
    return { request: https.request, agent: this.httpsAgent };
  }

  stats(): HttpStats {
    return { ...this.counters, breakerTrips: this.breakers.trips };
  }

  breakerState(host: string): string {
    return this.breakers.stateOf(host);
  }

  /**
   * Send a request; returns the response (including error statuses once retries are spent).
   * Redirects are followed (unless `redirect` says otherwise) with the Authorization header dropped
   * when the redirect leaves the origin, as a registry's blob redirect to object storage needs.
   */
  async request(req: HttpRequest): Promise<HttpResponse> {
    const deadline = this.deadline(req);
    let current: HttpRequest = { ...req, signal: deadline.signal };
    try {
      for (let hops = 0; ; hops++) {
        const response = await this.requestOnce(current);
        const location = response.headers.get('location');
        if (!REDIRECT_STATUS.has(response.status) || !location || req.redirect === 'manual') {
          deadline.until(response);
          return response;
        }
        response.discard();
        const from = new URL(current.url);
        if (req.redirect === 'error' || hops >= MAX_REDIRECTS)
          throw new NetworkError(
            `${safeUrl(from)}: HTTP ${response.status} redirect ${req.redirect === 'error' ? 'not allowed here' : `after ${MAX_REDIRECTS} hops`}`,
            from.host,
          );
        current = {
          ...redirected(current, req, from, new URL(location, from), response.status),
          signal: deadline.signal,
        };
      }
    } catch (error) {
      deadline.clear();
      throw error;
    }
  }

  /**
   * The request's overall deadline: a signal that aborts every attempt, backoff and the body once
   * it passes (combined with the caller's own signal), cleared when the body is done.
   */
  private deadline(req: HttpRequest): {
    signal: AbortSignal;
    until(response: HttpResponse): void;
    clear(): void;
  } {
    const ms = req.deadlineMs ?? this.options.deadlineMs;
    const controller = new AbortController();
    const timer = setTimeout(
      () =>
        controller.abort(
          new HttpTimeoutError(`${safeUrl(req.url)}: no complete answer within the deadline of ${ms} ms`),
        ),
      ms,
    );
    timer.unref();
    const clear = () => clearTimeout(timer);
    return {
      signal: req.signal ? AbortSignal.any([req.signal, controller.signal]) : controller.signal,
      until(response) {
        const body = response.body;
        if (body.destroyed || body.readableEnded) clear();
        else body.once('close', clear);
      },
      clear,
    };
  }

  private async requestOnce(req: HttpRequest): Promise<HttpResponse> {
    const url = new URL(req.url);
    const method = (req.method ?? 'GET').toUpperCase();
    const host = url.host;
    const canRetry = IDEMPOTENT.has(method) || req.retrySafe === true;
    const maxRetries = canRetry && !sendsOnce(req.body) ? (req.retries ?? this.options.retries) : 0;

    for (let attempt = 0; ; attempt++) {
      this.breakers.admit(host);
      this.counters.requests += 1;
      let response: HttpResponse | undefined;
      let failure: Error | undefined;
      try {
        response = await this.attemptOnLiveSocket(url, method, req);
      } catch (error) {
        if (req.signal?.aborted) throw req.signal.reason ?? error;
        failure = describeFailure(error, url, req.timeoutMs ?? this.options.timeoutMs);
      }

      const hostFailed = failure !== undefined || (response !== undefined && response.status >= 500);
      if (hostFailed) this.breakers.failed(host);
      else this.breakers.succeeded(host);

      const retryable =
        failure !== undefined ||
        (response !== undefined &&
          (RETRYABLE_STATUS.has(response.status) || req.retryStatuses?.includes(response.status) === true));
      if (!retryable) return response!;

      const retryAfter = response
        ? parseRetryAfter(response.headers.get('retry-after'), this.options.clock.now())
        : undefined;
      const giveUp =
        attempt >= maxRetries ||
        (retryAfter !== undefined && retryAfter > this.options.retryAfterMaxMs) ||
        this.breakers.stateOf(host) === 'open';
      if (giveUp) {
        if (maxRetries > 0) this.counters.exhausted += 1;
        if (failure) throw failure;
        return response!;
      }

      const backoff =
        this.options.random() *
        Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** attempt);
      const delay = Math.max(backoff, retryAfter ?? 0);
      this.counters.retries += 1;
      this.options.onRetry?.(
        `${method} ${safeUrl(url)}: ${failure ? failure.message : `HTTP ${response!.status}`}; retry ${attempt + 1}/${maxRetries} in ${Math.round(delay)} ms`,
      );
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
  private async attemptOnLiveSocket(url: URL, method: string, req: HttpRequest): Promise<HttpResponse> {
    for (let stale = 0; ; stale++) {
      try {
        return await this.attempt(url, method, req);
      } catch (error) {
        if (
          sendsOnce(req.body) ||
          stale >= STALE_SOCKET_ATTEMPTS ||
          !failedOnReusedSocket.has(error as Error)
        )
          throw error;
      }
    }
  }

  private attempt(url: URL, method: string, req: HttpRequest): Promise<HttpResponse> {
    const timeoutMs = req.timeoutMs ?? this.options.timeoutMs;
    const body = typeof req.body === 'function' ? req.body() : req.body;
    const headers: Record<string, string> = { ...req.headers };
    const fixed =
      typeof body === 'string' ? Buffer.from(body) : body instanceof Uint8Array ? body : undefined;
    if (fixed && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-length'))
      headers['content-length'] = String(fixed.byteLength);
    const transport =
      url.protocol === 'https:' ? this.https() : { request: httpRequest, agent: this.httpAgent };
    return new Promise<HttpResponse>((resolve, reject) => {
      const request = transport.request(url, { method, headers, agent: transport.agent });
      // The timeout bounds the wait for headers; a streamed body is bounded by the caller's signal.
      const timer = setTimeout(
        () => request.destroy(new HttpTimeoutError(`no response within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const abort = () => request.destroy(req.signal?.reason ?? new Error('aborted'));
      if (req.signal?.aborted) abort();
      req.signal?.addEventListener('abort', abort, { once: true });
      const settle = () => {
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', abort);
      };
      request.once('response', (message) => {
        settle();
        // An error on a body nobody reads must not end the process; readers see it through the stream.
        message.on('error', () => undefined);
        if (hasBody(method, message.statusCode ?? 0, message)) watchBody(message, timeoutMs, url);
        if (req.signal) {
          const cut = () => message.destroy(req.signal?.reason ?? new Error('aborted'));
          req.signal.addEventListener('abort', cut, { once: true });
          message.once('close', () => req.signal?.removeEventListener('abort', cut));
        }
        resolve(new HttpResponse(message, url, method, (error) => describeFailure(error, url, timeoutMs)));
      });
      request.once('error', (error: Error & { code?: string }) => {
        settle();
        if (request.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE'))
          failedOnReusedSocket.add(error);
        reject(error);
      });
      if (body === undefined) request.end();
      else if (fixed) request.end(fixed);
      else {
        const source =
          body instanceof Readable
            ? body
            : body instanceof ReadableStream
              ? Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>)
              : Readable.from(body as AsyncIterable<Uint8Array>);
        // A failing source ends the request with its error (the request rejects with it).
        pipeline(source, request).catch((error: Error) => request.destroy(error));
      }
    });
  }
}

/**
 * The request to send after a redirect from `from` to `to`, or a RedirectRefusedError: no redirect
 * leaves https or http(s); one to another origin drops every sensitive header and is refused when
 * it would resend a sensitive body (or when the caller allows only its own origin).
 */
function redirected(
  current: HttpRequest,
  original: HttpRequest,
  from: URL,
  to: URL,
  status: number,
): HttpRequest {
  const refuse = (why: string) =>
    new RedirectRefusedError(
      `${safeUrl(from)}: HTTP ${status} redirect to ${safeUrl(to)} refused: ${why}`,
      from.host,
    );
  if (to.protocol !== 'https:' && to.protocol !== 'http:') throw refuse(`${to.protocol} is not http(s)`);
  if (from.protocol === 'https:' && to.protocol !== 'https:') throw refuse('it leaves https for plain http');
  const crossOrigin = to.origin !== from.origin;
  if (crossOrigin && original.redirect === 'same-origin')
    throw refuse('this request stays on its own origin');
  const method = (current.method ?? 'GET').toUpperCase();
  const becomesGet = status === 303 && method !== 'HEAD';
  if (crossOrigin && !becomesGet && original.sensitive?.body && current.body !== undefined)
    throw refuse('it would resend a body that carries credentials to another origin');
  if (!becomesGet && sendsOnce(current.body))
    throw new NetworkError(`${safeUrl(from)}: HTTP ${status} redirect of a streamed body`, from.host);
  const sensitive = new Set([
    ...SENSITIVE_HEADERS,
    // Stryker: equivalent — a placeholder in place of `[]` adds the name "stryker was here", which no
    // header can carry (a header name has no spaces), so nothing more is dropped.
    ...(original.sensitive?.headers ?? []).map((h) => h.toLowerCase()),
  ]);
  const dropped = (name: string) =>
    (crossOrigin && sensitive.has(name.toLowerCase())) || (becomesGet && /^content-/i.test(name));
  return {
    ...current,
    url: to,
    headers: Object.fromEntries(Object.entries(current.headers ?? {}).filter(([name]) => !dropped(name))),
    method: becomesGet ? 'GET' : method,
    body: becomesGet ? undefined : current.body,
  };
}

/**
 * A response body that goes silent (headers sent, then nothing) is cut after `idleMs` without a
 * byte. Silence while the reader is the slow one is not the server's: the watch counts only when
 * the stream has nothing buffered and the socket is not paused (Node's HTTP parser pauses it when
 * the reader applies backpressure, with data still waiting in the socket and the kernel).
 */
function watchBody(message: IncomingMessage, idleMs: number, url: URL): void {
  const socket = message.socket;
  let last = socket?.bytesRead ?? 0;
  const timer = setInterval(() => {
    if (message.complete || message.destroyed) {
      clearInterval(timer);
      return;
    }
    const progressed = () => {
      const read = socket?.bytesRead ?? 0;
      const moved = read !== last || message.readableLength > 0 || socket?.isPaused() === true;
      last = read;
      return moved;
    };
    if (progressed()) return;
    // Timers run before I/O in each turn of the event loop: after this process was starved (a busy
    // machine, a long GC), bytes that did arrive are still unread. Look again once pending I/O
    // has been handled, so only the server's silence cuts the body.
    setImmediate(() => {
      if (message.complete || message.destroyed || progressed()) return;
      clearInterval(timer);
      message.destroy(new HttpTimeoutError(`${safeUrl(url)}: the body stalled (nothing for ${idleMs} ms)`));
    });
  }, idleMs);
  timer.unref();
  message.once('close', () => clearInterval(timer));
}

/** The proxy variables, as Node's agents read them (upper case), from either spelling. */
function proxyVariables(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY']) {
    const value = env[name.toLowerCase()] || env[name];
    if (value) out[name] = value;
  }
  return out;
}

/** A streamed body given as is (not as a factory) can be sent only once: no retry, resend or redirect. */
export function sendsOnce(body: HttpRequest['body']): boolean {
  return (
    body !== undefined &&
    typeof body !== 'function' &&
    typeof body !== 'string' &&
    !(body instanceof Uint8Array)
  );
}

/** A URL fit for a log or an error: no credentials, no query (upload URLs carry state tokens). */
export function safeUrl(url: URL | string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}

function describeFailure(error: unknown, url: URL, timeoutMs: number): Error {
  if (error instanceof CircuitOpenError) return error;
  // Already names its URL (a stalled body, a passed deadline).
  if (error instanceof HttpTimeoutError && /^[a-z]+:\/\//.test(error.message)) return error;
  if (error instanceof HttpTimeoutError || (error instanceof Error && error.name === 'AbortError')) {
    return new HttpTimeoutError(`${safeUrl(url)}: no response within ${timeoutMs} ms`);
  }
  if (error instanceof Error && error.name === 'HttpTimeoutError')
    return new HttpTimeoutError(`${safeUrl(url)}: ${error.message}`);
  if (error instanceof NetworkError) return error;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = (error as { code?: string }).code ?? cause?.code;
  return new NetworkError(
    `${safeUrl(url)}: ${code ?? cause?.message ?? (error as Error).message}`,
    url.host,
    code,
  );
}

/** Retry-After as delta-seconds or an HTTP date; milliseconds from now. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
