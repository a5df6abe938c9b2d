import type { DataSource, EntityManager } from "typeorm";
import type { Clock } from "../../../clock.js";
import { inTransaction } from "../../../db/transaction.js";
import type { Logger } from "../../../logger.js";
import { fairShareFactor } from "../ledger/fair-share.js";
import { orderQueue } from "../ledger/queue-order.js";
import { decayedUsageOf } from "../ledger-store/fair-share-of.js";
import { ClusterLocks, ReservationContention } from "../reserve/cluster-locks.js";
import { onPlacementQueueNudge } from "./queue-nudge.js";
import { serveQueuedPlacement } from "./serve-queued-placement.js";

/** Advisory lock key of the queue runner: one pass at a time across every hub process sharing the database. */
export const PLACEMENT_QUEUE_LOCK = 7_301_464_250_127;

const DEFAULT_INTERVAL_MS = 3000;
/** Queued placements looked at per pass, best fair share first. */
const BATCH_SIZE = 100;

/** What one pass did. */
export interface QueuePassResult {
  /** False when another process's runner held the lock. */
  ran: boolean;
  examined: number;
  placed: number;
}

/** The queued placements, first to serve first: higher fair share of the requester, then older, then id. */
async function queueInOrder(manager: EntityManager, now: Date) {
  const rows: Array<{ id: string; cooperative_id: string; queued_at: Date }> = await manager.query(
    `SELECT id, cooperative_id, queued_at FROM placement WHERE status = 'queued'
      ORDER BY queued_at, id LIMIT ${BATCH_SIZE}`,
  );
  const usage = await decayedUsageOf(manager, [...new Set(rows.map((row) => row.cooperative_id))], now);
  return orderQueue(
    rows.map((row) => ({
      id: row.id,
      fairShare: fairShareFactor(usage.get(row.cooperative_id) ?? { provided: 0, used: 0 }),
      requestedAt: new Date(row.queued_at),
    })),
  );
}

/**
 * Serves the placement queue. Every hub process runs one; `pg_try_advisory_xact_lock` lets one pass at a time
 * run, so the queue is served in fair-share order by a single runner. A pass runs in one transaction: each
 * placement is tried inside a savepoint, so one that meets a contended cluster is rolled back alone. Later
 * placements of a pass only TRY cluster locks (the transaction may already hold some), which keeps the pass
 * deadlock-free against concurrent createPlacement calls. A placement that does not fit is skipped and a later
 * one may fit (backfill). Runs every few seconds and soon after a nudge (`nudgePlacementQueue`).
 */
export class PlacementQueueRunner {
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;
  private nudged = false;
  private running: Promise<void> | undefined;
  private stopped = true;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly deps: { dataSource: DataSource; clock: Clock; logger: Logger; intervalMs?: number },
  ) {}

  /** One pass at `now`. */
  async runOnce(now: Date = this.deps.clock.now()): Promise<QueuePassResult> {
    return inTransaction(this.deps.dataSource, async (manager) => {
      const [{ locked }] = await manager.query("SELECT pg_try_advisory_xact_lock($1) AS locked", [
        PLACEMENT_QUEUE_LOCK,
      ]);
      if (!locked) return { ran: false, examined: 0, placed: 0 };
      const queue = await queueInOrder(manager, now);
      let placed = 0;
      for (const [index, entry] of queue.entries()) {
        await manager.query("SAVEPOINT queued_placement");
        try {
          // Only the pass's first attempt may wait for cluster locks: later ones may run while this transaction
          // holds locks from earlier attempts (see the class comment).
          if (await serveQueuedPlacement(manager, new ClusterLocks(index > 0), entry.id, now)) placed++;
          await manager.query("RELEASE SAVEPOINT queued_placement");
        } catch (error) {
          await manager.query("ROLLBACK TO SAVEPOINT queued_placement");
          // Contention: the next pass tries again. Anything else concerns this placement only: it must not block
          // the rest of the queue.
          if (!(error instanceof ReservationContention))
            this.deps.logger.warn(
              { err: error, placementId: entry.id },
              "a queued placement could not be served",
            );
        }
      }
      return { ran: true, examined: queue.length, placed };
    });
  }

  /** Starts serving in the background. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = onPlacementQueueNudge(() => this.nudge());
    this.running = this.loop();
  }

  /** Asks for a pass now, or right after the one running. */
  nudge(): void {
    this.nudged = true;
    clearTimeout(this.timer);
    this.wake?.();
  }

  /** Stops serving and waits for a pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.nudge();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.nudged = false;
      try {
        const result = await this.runOnce();
        if (result.placed > 0) this.deps.logger.info({ placed: result.placed }, "queued placements placed");
      } catch (error) {
        this.deps.logger.warn({ err: error }, "placement queue pass failed; retrying");
      }
      if (this.stopped || this.nudged) continue;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.deps.intervalMs ?? DEFAULT_INTERVAL_MS);
        this.timer.unref();
      });
      this.wake = undefined;
    }
  }
}

/** Starts this process's queue runner (safe in every hub process: one pass at a time, by advisory lock). */
export function startPlacementQueue(deps: {
  dataSource: DataSource;
  clock: Clock;
  logger: Logger;
  intervalMs?: number;
}): PlacementQueueRunner {
  const runner = new PlacementQueueRunner(deps);
  runner.start();
  return runner;
}
