import { VirtualClock } from "../runtime/clock.js";

/**
 * A virtual clock that runs scripted actions (hub down, hub back, revoke...) once their time has come, and aborts
 * the agent loop at `endMs` after the start. Time only moves when the loop sleeps, so tests run instantly.
 */
export class ScriptedClock extends VirtualClock {
  readonly controller = new AbortController();
  private readonly startMs: number;
  private actions: { atMs: number; action: () => void }[] = [];

  constructor(
    start: Date,
    private readonly endMs: number,
  ) {
    super(start);
    this.startMs = start.getTime();
  }

  /** Runs `action` at the first wake-up at least `atMs` after the start. */
  at(atMs: number, action: () => void): this {
    this.actions.push({ atMs, action });
    this.actions.sort((left, right) => left.atMs - right.atMs);
    return this;
  }

  /** Milliseconds since the start. */
  elapsed(): number {
    return this.now().getTime() - this.startMs;
  }

  override async sleep(ms: number): Promise<void> {
    await super.sleep(ms);
    while (this.actions.length > 0 && this.actions[0].atMs <= this.elapsed()) this.actions.shift()?.action();
    if (this.elapsed() >= this.endMs) this.controller.abort();
  }
}
