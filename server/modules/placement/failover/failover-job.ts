import type { DataSource } from "typeorm";
import type { Clock } from "../../../clock.js";
import type { Logger } from "../../../logger.js";
import { withReservationRetries } from "../reserve/with-reservation-retries.js";
import { type FailoverOutcome, failOverWork } from "./fail-over-work.js";
import { DEFAULT_FAILOVER_SETTINGS, FAILOVER_LOCK, type FailoverSettings } from "./failover-settings.js";
import { evictionsInLastMinute, findLostWork } from "./lost-work-query.js";
import { placeMissingShare } from "./place-missing-share.js";
import { findShortPlacements } from "./short-placement-query.js";

/** What one run did. */
export interface FailoverRunResult {
  /** False when another hub process held the lock. */
  ran: boolean;
  moved: number;
  noCapacity: number;
  /** Evictions still allowed in this minute after the run. */
  budgetLeft: number;
}

const NOT_RAN: FailoverRunResult = { ran: false, moved: 0, noCapacity: 0, budgetLeft: 0 };

/**
 * Moves the share of clusters that stay Unknown beyond their placements' toleration, and places again what placed
 * placements lack (a revoked cluster's share), see README.md. Every hub
 * process runs one; `pg_try_advisory_xact_lock` lets one run at a time, and the run is one transaction: the
 * eviction count it reads, the reservations it makes and the decisions that count the next minute's evictions
 * commit together, so two processes can never exceed the rate between them.
 */
export class FailoverJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private readonly settings: FailoverSettings;

  constructor(
    private readonly deps: {
      dataSource: DataSource;
      clock: Clock;
      logger: Logger;
      settings?: Partial<FailoverSettings>;
    },
  ) {
    this.settings = { ...DEFAULT_FAILOVER_SETTINGS, ...deps.settings };
  }

  /** One run at `now` (tests step time by passing it). */
  async run(now: Date = this.deps.clock.now()): Promise<FailoverRunResult> {
    const { evictionsPerMinute, noCapacityRetrySeconds } = this.settings;
    return withReservationRetries(this.deps.dataSource, async (manager, locks) => {
      const [{ locked }] = await manager.query("SELECT pg_try_advisory_xact_lock($1) AS locked", [
        FAILOVER_LOCK,
      ]);
      if (!locked) return NOT_RAN;
      const budget = Math.max(0, evictionsPerMinute - (await evictionsInLastMinute(manager, now)));
      if (budget === 0) return { ...NOT_RAN, ran: true };
      const noCapacitySince = new Date(now.getTime() - noCapacityRetrySeconds * 1000);
      const counts: Record<FailoverOutcome, number> = { moved: 0, no_capacity: 0, skipped: 0 };
      // Shares that run nowhere (e.g. a revoked cluster's, released at once) first: lost work may still be running.
      // Attempts of each kind are bounded by the budget left, so a run that finds no capacity stays cheap.
      const short = await findShortPlacements(manager, { limit: budget, noCapacitySince });
      for (const placementId of short)
        counts[
          await placeMissingShare(manager, locks, placementId, { now, weights: this.settings.weights })
        ]++;
      const due = await findLostWork(manager, now, { limit: budget - counts.moved, noCapacitySince });
      for (const lost of due)
        counts[await failOverWork(manager, locks, lost, { now, weights: this.settings.weights })]++;
      return {
        ran: true,
        moved: counts.moved,
        noCapacity: counts.no_capacity,
        budgetLeft: budget - counts.moved,
      };
    });
  }

  /** Starts running in the background every `intervalMs`. */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Stops and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.run()
        .then((result) => {
          if (result.moved > 0 || result.noCapacity > 0)
            this.deps.logger.info(result, "placement failover ran");
        })
        .catch((error: unknown) =>
          this.deps.logger.warn({ err: error }, "placement failover failed; retrying"),
        )
        .finally(() => this.schedule());
    }, this.settings.intervalMs);
    this.timer.unref();
  }
}
