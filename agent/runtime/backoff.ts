/** Settings of an exponential backoff. */
export interface BackoffOptions {
  /** Ceiling of the first delay. */
  baseMs: number;
  /** No delay exceeds this, however many attempts failed. */
  capMs: number;
  /** Uniform random number in [0, 1); injected so tests are deterministic. */
  random?: () => number;
}

/** Defaults for reaching the hub: first retry within a second, never wait more than a minute. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, capMs: 60_000 };

/**
 * Delay before retry number `attempt` (0 for the first retry): "full jitter", a uniform pick between 0 and
 * min(cap, base * 2^attempt). Full jitter spreads the agents of many clusters apart after a hub outage, so they
 * do not return in synchronized waves.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 52));
  return Math.floor(random() * ceiling);
}

/** Counts consecutive failures and hands out the next delay. */
export class Backoff {
  private attempt = 0;

  constructor(private readonly options: BackoffOptions = DEFAULT_BACKOFF) {}

  /** Delay before the next retry; each call counts one more failure. */
  nextDelay(): number {
    const delay = backoffDelay(this.attempt, this.options);
    this.attempt += 1;
    return delay;
  }

  /** Consecutive failures since the last reset. */
  get failures(): number {
    return this.attempt;
  }

  /** Call after a success. */
  reset(): void {
    this.attempt = 0;
  }
}
