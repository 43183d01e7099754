/**
 * A mistake the user can fix in their workflow: a wrong input, a malformed file they own, an
 * unreachable service they named. It ends the step with one `::error::` line and no stack trace.
 * Anything else thrown is an internal failure (a bug, or a service misbehaving) and keeps its stack
 * in the debug log.
 */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
  constructor(message: string) {
    super(message);
  }

  /** The standard shape: which input, what was given, what is expected. */
  static forInput(input: string, given: string, expected: string): ConfigurationError {
    return new ConfigurationError(`Input '${input}': got ${quoteGiven(given)}; expected ${expected}.`);
  }
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return (
    error instanceof ConfigurationError || (error instanceof Error && error.name === 'ConfigurationError')
  );
}

/** Quote what the user gave, shortened and with control characters made visible. */
export function quoteGiven(value: string, max = 80): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(shown);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
