/**
 * A process-local limit on concurrent reservation transactions. Not needed for correctness (the advisory locks
 * are): it is back-pressure. Hundreds of simultaneous createPlacement calls would otherwise each hold a pooled
 * connection while waiting for a cluster's lock, starving everything else (agents' lease renewals included) and
 * timing out on the pool. Waiting here costs no connection.
 */
export class ReservationGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Runs `work` once fewer than `limit` others run. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** Two at a time per process: enough to overlap one transaction's round trips with another's. */
export const RESERVATION_GATE = new ReservationGate(2);
