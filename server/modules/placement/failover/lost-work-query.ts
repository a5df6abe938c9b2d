import type { EntityManager } from "typeorm";

/** PRESENT work on a cluster that has been Unknown longer than its placement tolerates. */
export interface LostWork {
  workId: string;
  placementId: string;
  clusterId: string;
  replicas: number;
  /** When the cluster became Unknown: its lease loss, else the Available condition's last transition. */
  lostSince: Date;
}

/**
 * Lost work due for failover at `now`, longest lost first. A cluster counts as lost while its Available condition
 * is Unknown or its lease is lost (the lease sweeper sets both at once, `lease_lost_at` = the transition time);
 * denied or un-accepted clusters that still renew are not lost. Only placements still `placed` fail over; a
 * placement whose failover found no capacity after `noCapacitySince` waits for its retry.
 */
export async function findLostWork(
  manager: EntityManager,
  now: Date,
  options: { limit: number; noCapacitySince: Date },
): Promise<LostWork[]> {
  const rows: Array<{
    id: string;
    placement_id: string;
    cluster_id: string;
    replicas: number;
    lost_since: Date;
  }> = await manager.query(
    `SELECT w.id, w.placement_id, w.cluster_id, w.replicas, lost.since AS lost_since
       FROM member_cluster c
       CROSS JOIN LATERAL (
         SELECT coalesce(c.lease_lost_at,
                         (SELECT CAST(e->>'lastTransitionTime' AS timestamptz)
                            FROM jsonb_array_elements(c.conditions) e
                           WHERE e->>'type' = 'Available' LIMIT 1)) AS since) lost
       JOIN placement_work w ON w.cluster_id = c.id AND w.released_at IS NULL AND w.desired_state = 'present'
       JOIN placement p ON p.id = w.placement_id AND p.status = 'placed'
      WHERE c.revoked_at IS NULL
        AND (c.availability = 'unknown' OR c.lease_lost_at IS NOT NULL)
        AND lost.since + p.toleration_seconds * interval '1 second' <= $1
        AND NOT EXISTS (
          SELECT 1 FROM placement_decision d
           WHERE d.placement_id = p.id AND d.trigger = 'failover' AND d.outcome = 'no_capacity'
             AND d.decided_at > $2)
      ORDER BY lost.since, w.created_at, w.id
      LIMIT $3`,
    [now, options.noCapacitySince, options.limit],
  );
  return rows.map((row) => ({
    workId: row.id,
    placementId: row.placement_id,
    clusterId: row.cluster_id,
    replicas: row.replicas,
    lostSince: new Date(row.lost_since),
  }));
}

/**
 * Shares moved (failover decisions that placed) in the minute before `now`, by every hub process: the rate limit
 * lives in the database, not in one process's memory. The literal `trigger = 'failover'` lets the planner use the
 * partial index `placement_decision_failover_idx` (a range scan of the minute's failover decisions, not a scan of
 * every decision ever stored; keep it literal, a parameter would not match the index's predicate).
 */
export async function evictionsInLastMinute(manager: EntityManager, now: Date): Promise<number> {
  const [row] = await manager.query(
    `SELECT count(*)::int AS moved FROM placement_decision
      WHERE trigger = 'failover' AND outcome = 'placed' AND decided_at > $1 AND decided_at <= $2`,
    [new Date(now.getTime() - 60_000), now],
  );
  return row.moved;
}
