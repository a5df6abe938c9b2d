import type { DataSource } from "typeorm";
import { downloadCounter } from "./download-counter.js";

/**
 * Every download of a version, all artifacts and days: what the database holds plus what this process counted
 * and has not flushed yet (so a download shows in the count at once here, and within a second everywhere).
 */
export async function countVersionDownloads(dataSource: DataSource, versionId: string): Promise<number> {
  const [row] = await dataSource.query(
    "SELECT COALESCE(SUM(count), 0)::int AS total FROM blueprint_download WHERE version_id = $1",
    [versionId],
  );
  return Number(row?.total ?? 0) + downloadCounter(dataSource).pendingForVersion(versionId);
}
