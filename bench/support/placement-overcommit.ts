import type { DataSource } from "typeorm";

/** What the over-commit check found after a run. */
export interface OvercommitCheck {
  /** Live work rows (reservations not released). */
  liveWork: number;
  /** Clusters holding at least one live reservation. */
  clustersWithWork: number;
  /** (cluster, resource) pairs whose guests' reservations exceed the offer's cap (owners are not bound by it). */
  overCap: number;
  /** … exceed the offer's share of the spare capacity (share × (report's free − the owner's own reservations)). */
  overShare: number;
  /** … exceed the cluster's free capacity in its report (allocatable − allocated − pending). */
  overFree: number;
  /** The worst pairs, for a look when a count is not zero. */
  examples: Array<Record<string, unknown>>;
}

/**
 * After a run, in SQL on the database itself: for every cluster and resource, the sum of live reservations
 * (`placement_work` with `released_at` null) against the current offer's cap, the offer's share of the spare
 * capacity (guests' reservations only: an owner is not bound by its own offer), and the free capacity of the
 * cluster's report (everyone's). The seed's reports never change during the run (no
 * agent runs), so the report's allocation is the owner's own and guests only add reservations on top.
 * Resources map as the scheduler's candidates do: `cpu`, `memory`, `pods` and `gpu:<model>`.
 */
export async function checkOvercommit(dataSource: DataSource): Promise<OvercommitCheck> {
  const [totals] = await dataSource.query(
    `SELECT count(*)::int AS live, count(DISTINCT cluster_id)::int AS clusters
       FROM placement_work WHERE released_at IS NULL`,
  );
  const violations: Array<Record<string, unknown>> = await dataSource.query(
    `WITH reserved AS (
       SELECT work.cluster_id, amount.key AS resource, sum(amount.value::numeric) AS reserved,
              sum(amount.value::numeric) FILTER (WHERE work.provider_cooperative_id <> work.consumer_cooperative_id)
                AS guests
         FROM placement_work work, jsonb_each_text(work.reservation) AS amount
        WHERE work.released_at IS NULL
        GROUP BY work.cluster_id, amount.key),
     figures AS (
       SELECT r.cluster_id, r.resource, r.reserved, coalesce(r.guests, 0) AS guests,
              (offer.caps ->> r.resource)::numeric AS cap,
              offer.free_share_percent AS share,
              coalesce(c.latest_report -> 'resources' -> r.resource,
                       c.latest_report -> 'gpus' -> substring(r.resource from 5)) AS report
         FROM reserved r
         JOIN member_cluster c ON c.id = r.cluster_id
         LEFT JOIN capacity_offer offer ON offer.cluster_id = r.cluster_id AND offer.superseded_at IS NULL),
     checked AS (
       SELECT cluster_id, resource, reserved, guests, cap,
              (report ->> 'allocatable')::numeric - (report ->> 'allocated')::numeric
                - (report ->> 'pending')::numeric AS free,
              share / 100 * ((report ->> 'allocatable')::numeric - (report ->> 'allocated')::numeric
                - (report ->> 'pending')::numeric - (reserved - guests)) AS share_room
         FROM figures)
     SELECT cluster_id, resource, reserved, guests, cap, free, share_room,
            (cap IS NOT NULL AND guests > cap) AS over_cap,
            (share_room IS NOT NULL AND guests > share_room) AS over_share,
            (free IS NULL OR reserved > free) AS over_free
       FROM checked
      WHERE (cap IS NOT NULL AND guests > cap) OR (share_room IS NOT NULL AND guests > share_room)
         OR free IS NULL OR reserved > free
      ORDER BY reserved DESC`,
  );
  return {
    liveWork: totals.live,
    clustersWithWork: totals.clusters,
    overCap: violations.filter((row) => row.over_cap).length,
    overShare: violations.filter((row) => row.over_share).length,
    overFree: violations.filter((row) => row.over_free).length,
    examples: violations.slice(0, 5),
  };
}
