export { CircuitBreakers, CircuitOpenError } from './breaker.js';
export { type Clock, systemClock } from './clock.js';
export {
  DEFAULT_HTTP_OPTIONS,
  HttpClient,
  type HttpOptions,
  type HttpRequest,
  type HttpStats,
  HttpTimeoutError,
  NetworkError,
  parseRetryAfter,
  type RequestBody,
  safeUrl,
} from './http.js';
