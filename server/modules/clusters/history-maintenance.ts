import type { DataSource, EntityManager } from "typeorm";
import { inTransaction } from "../../db/transaction.js";
import {
  type HistoryFigures,
  type HistoryPoint,
  RAW_RETENTION_MS,
  ROLLUP_MS,
  ROLLUP_RETENTION_MS,
  rollUp,
} from "./status-history.js";
import { ADVISORY_LOCK_KEYS } from "../../db/advisory-lock-keys.js";

/** Advisory lock key of the history job (one runner across hub processes). */
export const HISTORY_JOB_LOCK = ADVISORY_LOCK_KEYS.clusterHistory;

/** What one run did. */
export interface HistoryRunResult {
  ran: boolean;
  rolledUp: number;
  prunedRaw: number;
  prunedRollups: number;
}

/**
 * Rolls complete five-minute buckets of raw points up (from the newest rollup on, so a hub that was down catches
 * up), then deletes raw points older than 7 days and rollups older than 90. Idempotent: a bucket rolled twice is
 * overwritten with the same mean.
 */
export async function maintainHistory(dataSource: DataSource, now: Date): Promise<HistoryRunResult> {
  return inTransaction(dataSource, async (manager) => {
    const [{ locked }] = await manager.query("SELECT pg_try_advisory_xact_lock($1) AS locked", [
      HISTORY_JOB_LOCK,
    ]);
    if (!locked) return { ran: false, rolledUp: 0, prunedRaw: 0, prunedRollups: 0 };
    const currentBucket = new Date(Math.floor(now.getTime() / ROLLUP_MS) * ROLLUP_MS);
    const rawHorizon = new Date(now.getTime() - RAW_RETENTION_MS);
    const [{ newest }] = await manager.query(
      "SELECT max(observed_at) AS newest FROM cluster_status_sample WHERE resolution = '5m'",
    );
    const from = newest && new Date(newest) > rawHorizon ? new Date(newest) : rawHorizon;
    const rows: Array<{ cluster_id: string; observed_at: Date; figures: HistoryFigures }> =
      await manager.query(
        `SELECT cluster_id, observed_at, figures FROM cluster_status_sample
        WHERE resolution = 'raw' AND observed_at >= $1 AND observed_at < $2 ORDER BY cluster_id, observed_at`,
        [from, currentBucket],
      );
    const byCluster = new Map<string, HistoryPoint[]>();
    for (const row of rows) {
      const points = byCluster.get(row.cluster_id) ?? [];
      points.push({ at: new Date(row.observed_at), figures: row.figures });
      byCluster.set(row.cluster_id, points);
    }
    let rolledUp = 0;
    for (const [clusterId, points] of byCluster) {
      for (const bucket of rollUp(points)) {
        await manager.query(
          `INSERT INTO cluster_status_sample (cluster_id, resolution, observed_at, figures) VALUES ($1, '5m', $2, $3)
           ON CONFLICT (cluster_id, resolution, observed_at) DO UPDATE SET figures = EXCLUDED.figures`,
          [clusterId, bucket.at, JSON.stringify(bucket.figures)],
        );
        rolledUp += 1;
      }
    }
    const prunedRaw = await deleteOlder(manager, "raw", rawHorizon);
    const prunedRollups = await deleteOlder(manager, "5m", new Date(now.getTime() - ROLLUP_RETENTION_MS));
    return { ran: true, rolledUp, prunedRaw, prunedRollups };
  });
}

async function deleteOlder(manager: EntityManager, resolution: "raw" | "5m", before: Date): Promise<number> {
  const result = await manager
    .createQueryBuilder()
    .delete()
    .from("cluster_status_sample")
    .where("resolution = :resolution AND observed_at < :before", { resolution, before })
    .execute();
  return result.affected ?? 0;
}
