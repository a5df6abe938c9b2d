import type { EntityManager } from "typeorm";
import { type HistoryFigures, type HistoryPoint, rollUp } from "./status-history.js";

/** Ranges up to this long are answered with every report; longer ones with five-minute rollups. */
export const RAW_RANGE_MS = 86_400_000;

async function read(
  manager: EntityManager,
  clusterId: string,
  resolution: "raw" | "5m",
  from: Date,
  to: Date,
): Promise<HistoryPoint[]> {
  const rows: Array<{ observed_at: Date; figures: HistoryFigures }> = await manager.query(
    `SELECT observed_at, figures FROM cluster_status_sample
      WHERE cluster_id = $1 AND resolution = $2 AND observed_at >= $3 AND observed_at <= $4
      ORDER BY observed_at`,
    [clusterId, resolution, from, to],
  );
  return rows.map((row) => ({ at: new Date(row.observed_at), figures: row.figures }));
}

/**
 * A cluster's capacity history. Long ranges read the stored rollups and roll up on the fly the raw points the
 * pruning job has not rolled up yet, so the newest minutes are never missing from a chart.
 */
export async function readHistory(
  manager: EntityManager,
  clusterId: string,
  from: Date,
  to: Date,
): Promise<HistoryPoint[]> {
  if (to.getTime() - from.getTime() <= RAW_RANGE_MS) return read(manager, clusterId, "raw", from, to);
  const rollups = await read(manager, clusterId, "5m", from, to);
  const rolledUntil = rollups.at(-1)?.at ?? from;
  const fresh = await read(manager, clusterId, "raw", new Date(rolledUntil.getTime() + 1), to);
  const recent = rollUp(fresh).filter((point) => point.at.getTime() > rolledUntil.getTime());
  return [...rollups, ...recent];
}
