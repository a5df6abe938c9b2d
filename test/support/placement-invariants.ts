import type { DataSource } from "typeorm";
import { expect } from "vitest";

interface Figures {
  allocatable: number;
  allocated: number;
  pending: number;
}

/** Free before reservations: the report's figures; a storage class has what the offer caps (no report figure). */
function freeOf(cluster: ClusterUse, resource: string): number {
  if (resource.startsWith("storage:")) return cluster.caps?.[resource] ?? 0;
  const figures = resource.startsWith("gpu:")
    ? cluster.report.gpus?.[resource.slice(4)]
    : cluster.report.resources[resource];
  return figures ? Math.max(0, figures.allocatable - figures.allocated - figures.pending) : 0;
}

interface ClusterUse {
  id: string;
  name: string;
  cooperative_id: string;
  report: {
    resources: Record<string, Figures>;
    gpus?: Record<string, Figures>;
  };
  caps: Record<string, number> | null;
  free_share_percent: number | null;
}

/**
 * Asserts that no cluster holds more live reservations than its reported free capacity, and that guests hold no
 * more than its current offer allows (cap, and share × spare), per resource. Returns the reserved totals per
 * cluster name, for further checks.
 */
export async function expectNoOverCommit(
  dataSource: DataSource,
): Promise<Record<string, Record<string, number>>> {
  const clusters: ClusterUse[] = await dataSource.query(
    `SELECT cluster.id, cluster.name, cluster.cooperative_id, cluster.latest_report AS report,
            offer.caps, offer.free_share_percent
       FROM member_cluster cluster
       LEFT JOIN capacity_offer offer ON offer.cluster_id = cluster.id AND offer.superseded_at IS NULL
      WHERE cluster.latest_report IS NOT NULL`,
  );
  const rows: Array<{ cluster_id: string; resource: string; total: string; guests: string }> =
    await dataSource.query(
      `SELECT work.cluster_id, amount.key AS resource, sum(CAST(amount.value AS numeric)) AS total,
            sum(CASE WHEN work.provider_cooperative_id <> work.consumer_cooperative_id
                     THEN CAST(amount.value AS numeric) ELSE 0 END) AS guests
       FROM placement_work work, jsonb_each_text(work.reservation) AS amount
      WHERE work.released_at IS NULL
      GROUP BY work.cluster_id, amount.key`,
    );
  const reserved: Record<string, Record<string, number>> = {};
  for (const cluster of clusters) {
    for (const row of rows.filter((candidate) => candidate.cluster_id === cluster.id)) {
      const total = Number(row.total);
      const guests = Number(row.guests);
      const free = freeOf(cluster, row.resource);
      expect(total, `${cluster.name} ${row.resource} over its free capacity`).toBeLessThanOrEqual(free);
      const cap = cluster.caps?.[row.resource] ?? Number.POSITIVE_INFINITY;
      const spare = free - (total - guests);
      const share =
        cluster.free_share_percent === null
          ? Number.POSITIVE_INFINITY
          : (cluster.free_share_percent / 100) * spare;
      expect(guests, `${cluster.name} ${row.resource} over its offer`).toBeLessThanOrEqual(
        Math.min(cap, share) + 1e-6,
      );
      reserved[cluster.name] = { ...reserved[cluster.name], [row.resource]: total };
    }
  }
  return reserved;
}

/** Asserts that every placed placement holds exactly its replicas in live work, and others hold none. */
export async function expectWholePlacements(
  dataSource: DataSource,
): Promise<{ placed: number; other: number }> {
  const rows: Array<{ id: string; status: string; wanted: number; held: string | null }> =
    await dataSource.query(
      `SELECT placement.id, placement.status,
            placement.replicas * CASE WHEN placement.mode_kind = 'duplicated' THEN placement.mode_clusters ELSE 1 END AS wanted,
            (SELECT sum(work.replicas) FROM placement_work work
              WHERE work.placement_id = placement.id AND work.released_at IS NULL) AS held
       FROM placement`,
    );
  let placed = 0;
  for (const row of rows) {
    if (row.status === "placed") {
      placed++;
      expect(Number(row.held), `placement ${row.id}`).toBe(Number(row.wanted));
    } else if (row.status !== "cancelled") {
      expect(row.held, `placement ${row.id} (${row.status})`).toBeNull();
    }
  }
  return { placed, other: rows.length - placed };
}
