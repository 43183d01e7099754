import type { Clock } from './clock.js';
import { ServiceError } from './errors.js';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses requests before letting one probe through. */
  cooldownMs: number;
}

type State = { kind: 'closed'; failures: number } | { kind: 'open'; since: number } | { kind: 'half-open' };

export class CircuitOpenError extends ServiceError {
  override name = 'CircuitOpenError';
  readonly transient = true;
  readonly unreachable = true;
  constructor(
    readonly host: string,
    retryInMs: number,
  ) {
    super(
      `${host} failed repeatedly; not calling it again for ${Math.ceil(retryInMs / 1000)} s (circuit breaker open).`,
    );
  }
}

/**
 * A per-host circuit breaker: after `failureThreshold` consecutive failures the host gets no requests
 * for `cooldownMs`; then one probe is let through (half-open) and its outcome closes or reopens it.
 */
export class CircuitBreakers {
  private readonly hosts = new Map<string, State>();
  trips = 0;

  constructor(
    private readonly options: BreakerOptions,
    private readonly clock: Clock,
  ) {}

  /** Throws CircuitOpenError when the host must not be called now. */
  admit(host: string): void {
    const state = this.hosts.get(host);
    if (!state || state.kind === 'closed') return;
    if (state.kind === 'half-open') throw new CircuitOpenError(host, this.options.cooldownMs);
    const waited = this.clock.now() - state.since;
    if (waited < this.options.cooldownMs) throw new CircuitOpenError(host, this.options.cooldownMs - waited);
    this.hosts.set(host, { kind: 'half-open' });
  }

  succeeded(host: string): void {
    this.hosts.set(host, { kind: 'closed', failures: 0 });
  }

  failed(host: string): void {
    const state = this.hosts.get(host) ?? { kind: 'closed', failures: 0 };
    if (state.kind === 'half-open') {
      this.open(host);
    } else if (state.kind === 'closed') {
      const failures = state.failures + 1;
      if (failures >= this.options.failureThreshold) this.open(host);
      else this.hosts.set(host, { kind: 'closed', failures });
    }
  }

  stateOf(host: string): State['kind'] {
    return this.hosts.get(host)?.kind ?? 'closed';
  }

  private open(host: string): void {
    this.trips += 1;
    this.hosts.set(host, { kind: 'open', since: this.clock.now() });
  }
}
