import type { HttpResponse } from '../net/http.js';
import { ConfigurationError } from '../runtime/errors.js';

interface ErrorBody {
  errors?: { code?: string; message?: string }[];
}

/** A registry answered with an error status; `code` is the distribution error code when given. */
export class RegistryError extends Error {
  override name = 'RegistryError';
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
 * given. A user mistake, so a ConfigurationError: it names the registry and user, never the secret.
 */
export class RegistryAuthError extends ConfigurationError {}
