import type { DataSource, EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import { inTransaction } from "../../db/transaction.js";
import type { Logger } from "../../logger.js";
import type { ClusterSettings } from "./cluster-settings.js";
import { loseLeaseState } from "./lease-state.js";
import { MemberClusterEntity } from "./member-cluster.entity.js";
import { type ClusterEventEntry, recordClusterEvents } from "./record-cluster-event.js";
import { availabilityOf, leaseStateOf, transitionEvents } from "./renew-lease.js";
import { ADVISORY_LOCK_KEYS } from "../../db/advisory-lock-keys.js";

/** Advisory lock key of the sweeper: one sweep at a time across every hub process sharing the database. */
export const LEASE_SWEEPER_LOCK = ADVISORY_LOCK_KEYS.leaseSweeper;

const BATCH_SIZE = 500;
const RETRY_MS = 1000;
const MIN_DELAY_MS = 50;

/** What one sweep did. */
export interface SweepResult {
  /** False when another process held the lock. */
  ran: boolean;
  lost: number;
  /** When the earliest live lease lapses, if any. */
  nextDueAt: Date | null;
}

/**
 * Declares leases lost. It sleeps until the earliest live lease would lapse (one index probe on
 * `lease_expires_at`), so it costs nothing while every agent renews, and detects a loss within the grace period
 * plus scheduling slack. Every hub process runs one; `pg_try_advisory_xact_lock` lets one sweep at a time.
 */
export class LeaseSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    private readonly deps: {
      dataSource: DataSource;
      clock: Clock;
      logger: Logger;
      settings: ClusterSettings;
    },
  ) {}

  /** One sweep at `now`: every lapsed lease becomes lost, with its events, in one transaction. */
  async sweep(now: Date = this.deps.clock.now()): Promise<SweepResult> {
    const graceMs = this.deps.settings.graceSeconds * 1000;
    return inTransaction(this.deps.dataSource, async (manager) => {
      const [{ locked }] = await manager.query("SELECT pg_try_advisory_xact_lock($1) AS locked", [
        LEASE_SWEEPER_LOCK,
      ]);
      if (!locked) return { ran: false, lost: 0, nextDueAt: null };
      const lapsed = await manager
        .createQueryBuilder(MemberClusterEntity, "cluster")
        .where("cluster.lease_expires_at <= :cutoff", { cutoff: new Date(now.getTime() - graceMs) })
        .orderBy("cluster.lease_expires_at", "ASC")
        .limit(BATCH_SIZE)
        .setLock("pessimistic_write")
        .setOnLocked("skip_locked")
        .getMany();
      const events: ClusterEventEntry[] = [];
      for (const cluster of lapsed) {
        const { state, transition } = loseLeaseState(leaseStateOf(cluster), now);
        await manager.update(
          MemberClusterEntity,
          { id: cluster.id },
          { ...state, availability: availabilityOf(state.conditions) },
        );
        if (transition) events.push({ clusterId: cluster.id, occurredAt: now, source: "hub", ...transition });
        events.push(...transitionEvents(cluster, cluster.conditions, state.conditions, now));
      }
      await recordClusterEvents(manager, events);
      const nextDueAt = lapsed.length === BATCH_SIZE ? now : await this.earliestLapse(manager, graceMs);
      return { ran: true, lost: lapsed.length, nextDueAt };
    });
  }

  private async earliestLapse(manager: EntityManager, graceMs: number): Promise<Date | null> {
    const [row] = await manager.query("SELECT min(lease_expires_at) AS earliest FROM member_cluster");
    return row?.earliest ? new Date(new Date(row.earliest).getTime() + graceMs) : null;
  }

  /** Starts sweeping in the background. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops sweeping and waits for a sweep in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep().then(
        (result) => this.schedule(this.delayAfter(result)),
        (error: unknown) => {
          this.deps.logger.warn({ err: error }, "lease sweep failed; retrying");
          this.schedule(5 * RETRY_MS);
        },
      );
    }, delayMs);
    this.timer.unref();
  }

  /**
   * Until the earliest lease lapses. A lease renewed or created meanwhile (by any process) lapses at the
   * earliest one lease plus grace from now, which bounds the sleep.
   */
  private delayAfter(result: SweepResult): number {
    if (!result.ran) return RETRY_MS;
    const { leaseSeconds, graceSeconds } = this.deps.settings;
    const longest = (leaseSeconds + graceSeconds) * 1000;
    if (!result.nextDueAt) return longest;
    const untilDue = result.nextDueAt.getTime() - this.deps.clock.now().getTime();
    return Math.min(Math.max(untilDue, MIN_DELAY_MS), longest);
  }
}
