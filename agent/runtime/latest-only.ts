/**
 * A slot holding only the newest value to send. A status report replaces the one before it: after an outage the
 * hub gets the current state once, never a backlog of stale reports.
 */
export class LatestOnly<T> {
  private value: T | undefined;

  /** Replaces whatever waits in the slot. */
  offer(value: T): void {
    this.value = value;
  }

  /** Empties the slot and returns its value. */
  take(): T | undefined {
    const value = this.value;
    this.value = undefined;
    return value;
  }

  /** Puts back a value whose send failed, unless a newer one arrived meanwhile. */
  restore(value: T): void {
    this.value ??= value;
  }

  /** The waiting value, left in place. */
  peek(): T | undefined {
    return this.value;
  }
}
