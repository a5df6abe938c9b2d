import type { EntityManager } from "typeorm";

/** First key of the two-key advisory locks that guard reservations on one member cluster. */
export const CLUSTER_LOCK_NAMESPACE = 730_146;

/** Thrown when a lock needed after the first batch is held elsewhere: the caller retries the whole transaction. */
export class ReservationContention extends Error {
  constructor() {
    super("reservation contended; retry the transaction");
    this.name = "ReservationContention";
  }
}

/** Second key of a cluster's lock: the first 32 bits of its uuid, as a signed int4. */
export function clusterLockKey(clusterId: string): number {
  return Number.parseInt(clusterId.replace(/-/g, "").slice(0, 8), 16) | 0;
}

/**
 * The cluster locks one transaction holds: `pg_advisory_xact_lock(CLUSTER_LOCK_NAMESPACE, key)`, released at
 * commit or rollback (also when the process dies). Not row locks on `member_cluster`: lease renewals update those
 * rows every few seconds and would queue behind placements.
 *
 * Deadlock-free by construction: a transaction WAITS only for its first batch, taken in ascending key order;
 * every later lock is only TRIED, and a refusal throws {@link ReservationContention} so the transaction rolls
 * back and starts over. A waiting transaction thus holds only keys smaller than the one it waits for, and no
 * cycle of waits can form. Two clusters sharing a key only serialise a little more.
 */
export class ClusterLocks {
  private readonly held = new Set<number>();

  /**
   * `tryOnly`: never wait, not even for the first batch — for a transaction that may already hold cluster locks
   * taken through another `ClusterLocks` (the queue runner places several placements in one transaction).
   */
  constructor(private readonly tryOnly = false) {}

  /** Takes the locks of `clusterIds` not held yet (see the class comment). */
  async acquire(manager: EntityManager, clusterIds: readonly string[]): Promise<void> {
    const keys = [...new Set(clusterIds.map(clusterLockKey))]
      .filter((key) => !this.held.has(key))
      .sort((a, b) => a - b);
    const firstBatch = this.held.size === 0 && !this.tryOnly;
    for (const key of keys) {
      if (firstBatch) {
        await manager.query("SELECT pg_advisory_xact_lock($1, $2)", [CLUSTER_LOCK_NAMESPACE, key]);
      } else {
        const [{ locked }] = await manager.query("SELECT pg_try_advisory_xact_lock($1, $2) AS locked", [
          CLUSTER_LOCK_NAMESPACE,
          key,
        ]);
        if (!locked) throw new ReservationContention();
      }
      this.held.add(key);
    }
  }
}
