import { ServiceError } from '../../net/errors.js';

/**
 * An exporter's receiver (a Pushgateway, an OTLP endpoint) failed or refused what was sent. The
 * message names the input that points at the receiver; it never carries a header value or the
 * URL's credentials or query. `transient`/`unreachable` follow src/net's taxonomy so the adapter
 * decides (fail the step, or warn and go on) on properties, not class names.
 */
export class ExportError extends ServiceError {
  override name = 'ExportError';
  constructor(
    message: string,
    /** The input naming the receiver (its URL). */
    readonly input: string,
    readonly transient: boolean,
    readonly unreachable: boolean,
    /** The HTTP status, when the receiver answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}
