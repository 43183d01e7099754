/**
 * The error taxonomy of src/net and src/oci. A failure of an outside service (no answer, a timeout,
 * an open breaker, a registry's error status, content that does not match its digest) is a
 * ServiceError and says what an adapter needs to decide, so no adapter matches class names:
 * - `transient`: trying again later may succeed (src/net has already retried what was safe);
 * - `unreachable`: no usable answer came from the service (network failure, timeout, breaker open,
 *   a redirect refused), as opposed to an answer that was an error.
 */
export abstract class ServiceError extends Error {
  abstract readonly transient: boolean;
  abstract readonly unreachable: boolean;
}

/** A ServiceError, recognised by its properties (also across copies of this module in two bundles). */
export function isServiceError(error: unknown): error is ServiceError {
  return (
    error instanceof Error &&
    typeof (error as Partial<ServiceError>).transient === 'boolean' &&
    typeof (error as Partial<ServiceError>).unreachable === 'boolean'
  );
}

export function isTransient(error: unknown): boolean {
  return isServiceError(error) && error.transient;
}
