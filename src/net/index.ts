export { CircuitBreakers, CircuitOpenError } from './breaker.js';
export { type Clock, systemClock } from './clock.js';
export {
  DEFAULT_HTTP_OPTIONS,
  BodyTooLargeError,
  HttpClient,
  HttpResponse,
  type HttpOptions,
  type HttpRequest,
  type HttpStats,
  HttpTimeoutError,
  NetworkError,
  parseRetryAfter,
  RedirectRefusedError,
  SENSITIVE_HEADERS,
  type RequestBody,
  ResponseHeaders,
  type TlsOptions,
  safeUrl,
  sendsOnce,
} from './http.js';
