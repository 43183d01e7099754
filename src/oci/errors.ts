import type { HttpResponse } from '../net/http.js';
import { ServiceError } from '../net/errors.js';

interface ErrorBody {
  errors?: { code?: string; message?: string }[];
}

/** A registry answered with an error status; `code` is the distribution error code when given. */
export class RegistryError extends ServiceError {
  override name = 'RegistryError';
  readonly unreachable = false;
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
  }

  get notFound(): boolean {
    return this.status === 404;
  }

  /** A registry that is overloaded or failing (408, 429, 5xx) may answer later. */
  get transient(): boolean {
    return this.status === 408 || this.status === 429 || this.status >= 500;
  }

  /** Build from a response, reading (and so consuming) its body for the error code and message. */
  static async from(what: string, response: HttpResponse): Promise<RegistryError> {
    let code: string | undefined;
    let detail = '';
    try {
      const text = (await response.text()).slice(0, 4096);
      try {
        const first = (JSON.parse(text) as ErrorBody).errors?.[0];
        code = first?.code;
        detail = [first?.code, first?.message].filter(Boolean).join(': ');
      } catch {
        detail = text.trim().split('\n')[0]?.slice(0, 200) ?? '';
      }
    } catch {
      // the body could not be read; the status says enough
    }
    return new RegistryError(
      `${what}: HTTP ${response.status}${detail ? ` (${detail})` : ''}`,
      response.status,
      code,
    );
  }
}

/**
 * The registry (or its token service) refused the credentials, or wants credentials that were not
 * given: a mistake the user fixes, named so (the runtime reports an error named ConfigurationError
 * as one line, without a stack), with no dependency on the runtime. It names the registry and user,
 * never the secret. Not a ServiceError: no adapter takes it for an outage.
 */
export class RegistryAuthError extends Error {
  override name = 'ConfigurationError';
}
