import { setTimeout as delay } from "node:timers/promises";

/** Time as the agent loop sees it; tests inject a virtual clock so hours of agent life run in milliseconds. */
export interface AgentClock {
  now(): Date;
  /** Resolves after `ms` or as soon as `signal` aborts (without throwing). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The wall clock and real timers. */
export const SYSTEM_CLOCK: AgentClock = {
  now: () => new Date(),
  sleep: async (ms, signal) => {
    if (signal?.aborted) return;
    await delay(ms, undefined, { signal }).catch(() => undefined);
  },
};

/** A clock whose sleeps advance virtual time at once; for tests and simulations. */
export class VirtualClock implements AgentClock {
  private currentMs: number;

  constructor(start: Date) {
    this.currentMs = start.getTime();
  }

  now(): Date {
    return new Date(this.currentMs);
  }

  async sleep(ms: number): Promise<void> {
    this.currentMs += Math.max(0, ms);
  }

  /** Moves time forward without sleeping. */
  advance(ms: number): void {
    this.currentMs += ms;
  }
}
