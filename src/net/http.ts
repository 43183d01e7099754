import type { Dispatcher } from 'undici-types';
import { CircuitBreakers, CircuitOpenError } from './breaker.js';
import { type Clock, systemClock } from './clock.js';

/**
 * The only code in Gantry that calls fetch. Every request gets a timeout (until the response
 * headers arrive; bodies stream), bounded retries with exponential backoff and full jitter,
 * Retry-After honoured, and a per-host circuit breaker. Requests that are not idempotent are
 * retried only when the caller says a retry is safe.
 */
export interface HttpOptions {
  timeoutMs: number;
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
  fetch: typeof fetch;
  /** An undici dispatcher (custom CA, client certificates, proxy), passed through to fetch. */
  dispatcher?: Dispatcher;
  /** Called for each retry, with a message free of credentials. */
  onRetry?: (message: string) => void;
}

export type RequestBody = string | Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface HttpRequest {
  url: string | URL;
  method?: string;
  headers?: Record<string, string>;
  /** A body, or a function that makes a fresh one per attempt (needed to retry a streamed body). */
  body?: RequestBody | (() => RequestBody);
  timeoutMs?: number;
  /** For POST/PATCH: the caller knows a repeat cannot do harm (e.g. a login, an upload start). */
  retrySafe?: boolean;
  retries?: number;
  signal?: AbortSignal;
  redirect?: 'follow' | 'manual' | 'error';
}

export interface HttpStats {
  requests: number;
  retries: number;
  exhausted: number;
  breakerTrips: number;
}

export class HttpTimeoutError extends Error {
  override name = 'HttpTimeoutError';
}

export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(
    message: string,
    readonly host: string,
    readonly causeCode?: string,
  ) {
    super(message);
  }
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export const DEFAULT_HTTP_OPTIONS: Omit<HttpOptions, 'clock' | 'random' | 'fetch'> = {
  timeoutMs: 30_000,
  retries: 3,
  backoffBaseMs: 250,
  backoffMaxMs: 10_000,
  retryAfterMaxMs: 60_000,
  breakerThreshold: 5,
  breakerCooldownMs: 30_000,
};

export class HttpClient {
  readonly options: HttpOptions;
  private readonly breakers: CircuitBreakers;
  private readonly counters = { requests: 0, retries: 0, exhausted: 0 };

  constructor(options: Partial<HttpOptions> = {}) {
    this.options = {
      ...DEFAULT_HTTP_OPTIONS,
      clock: systemClock,
      random: Math.random,
      fetch: globalThis.fetch,
      ...options,
    };
    this.breakers = new CircuitBreakers(
      { failureThreshold: this.options.breakerThreshold, cooldownMs: this.options.breakerCooldownMs },
      this.options.clock,
    );
  }

  stats(): HttpStats {
    return { ...this.counters, breakerTrips: this.breakers.trips };
  }

  breakerState(host: string): string {
    return this.breakers.stateOf(host);
  }

  /** Send a request; returns the response (including error statuses once retries are spent). */
  async request(req: HttpRequest): Promise<Response> {
    const url = new URL(req.url);
    const method = (req.method ?? 'GET').toUpperCase();
    const host = url.host;
    const canRetry = IDEMPOTENT.has(method) || req.retrySafe === true;
    const streamedOnce = req.body !== undefined && typeof req.body !== 'function' && isStream(req.body);
    const maxRetries = canRetry && !streamedOnce ? (req.retries ?? this.options.retries) : 0;

    for (let attempt = 0; ; attempt++) {
      this.breakers.admit(host);
      this.counters.requests += 1;
      let response: Response | undefined;
      let failure: Error | undefined;
      try {
        response = await this.attempt(url, method, req);
      } catch (error) {
        if (req.signal?.aborted) throw req.signal.reason ?? error;
        failure = describeFailure(error, url, req.timeoutMs ?? this.options.timeoutMs);
      }

      const hostFailed = failure !== undefined || (response !== undefined && response.status >= 500);
      if (hostFailed) this.breakers.failed(host);
      else this.breakers.succeeded(host);

      const retryable =
        failure !== undefined || (response !== undefined && RETRYABLE_STATUS.has(response.status));
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
      await response?.body?.cancel().catch(() => undefined);
      await this.options.clock.sleep(delay, req.signal);
    }
  }

  private async attempt(url: URL, method: string, req: HttpRequest): Promise<Response> {
    const timeoutMs = req.timeoutMs ?? this.options.timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new HttpTimeoutError(`no response within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const signal = req.signal ? AbortSignal.any([req.signal, controller.signal]) : controller.signal;
    const body = typeof req.body === 'function' ? req.body() : req.body;
    const init: RequestInit & { duplex?: 'half'; dispatcher?: Dispatcher } = {
      method,
      headers: req.headers,
      body: body as RequestInit['body'],
      signal,
      redirect: req.redirect ?? 'follow',
    };
    if (body !== undefined && isStream(body)) init.duplex = 'half';
    if (this.options.dispatcher) init.dispatcher = this.options.dispatcher;
    try {
      return await this.options.fetch(url, init);
    } finally {
      // The timeout bounds the wait for headers; a streamed body is bounded by the caller's signal.
      clearTimeout(timer);
    }
  }
}

function isStream(body: RequestBody): boolean {
  return typeof body !== 'string' && !(body instanceof Uint8Array);
}

/** A URL fit for a log or an error: no credentials, no query (upload URLs carry state tokens). */
export function safeUrl(url: URL | string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}

function describeFailure(error: unknown, url: URL, timeoutMs: number): Error {
  if (error instanceof CircuitOpenError) return error;
  if (error instanceof HttpTimeoutError || (error instanceof Error && error.name === 'AbortError')) {
    return new HttpTimeoutError(`${safeUrl(url)}: no response within ${timeoutMs} ms`);
  }
  if (error instanceof Error && error.name === 'HttpTimeoutError')
    return new HttpTimeoutError(`${safeUrl(url)}: ${error.message}`);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
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
