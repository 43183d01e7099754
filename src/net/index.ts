export { CircuitBreakers, CircuitOpenError } from './breaker.js';
export { type Clock, systemClock } from './clock.js';
export {
  BodyTooLargeError,
  DEFAULT_HTTP_OPTIONS,
  HttpClient,
  type HttpOptions,
  type HttpRequest,
  HttpResponse,
  type HttpStats,
  HttpTimeoutError,
  NetworkError,
  parseRetryAfter,
  RedirectRefusedError,
  type RequestBody,
  ResponseHeaders,
  SENSITIVE_HEADERS,
  safeUrl,
  sendsOnce,
  type TlsOptions,
} from './http.js';
