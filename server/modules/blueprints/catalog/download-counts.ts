import type { DataSource, EntityManager } from "typeorm";
import { inTransaction } from "../../../db/transaction.js";
import type { DownloadArtifact } from "../model/blueprint-download.entity.js";

/**
 * Counts one download of a version: an upsert of the per-day row and an increment of the blueprint's total, in one
 * transaction and with atomic SQL increments, so concurrent downloads on several hub processes are never lost.
 */
export async function countDownload(
  dataSource: DataSource,
  target: { blueprintId: string; versionId: string },
  artifact: DownloadArtifact,
  now: Date,
): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  await inTransaction(dataSource, async (manager) => {
    await manager.query(
      `INSERT INTO blueprint_download (version_id, day, artifact, count) VALUES ($1, $2, $3, 1)
       ON CONFLICT (version_id, day, artifact) DO UPDATE SET count = blueprint_download.count + 1`,
      [target.versionId, day, artifact],
    );
    await manager.query("UPDATE blueprint SET download_count = download_count + 1 WHERE id = $1", [
      target.blueprintId,
    ]);
  });
}

/** Every download of a version, all artifacts and days. */
export async function countVersionDownloads(manager: EntityManager, versionId: string): Promise<number> {
  const [row] = await manager.query(
    "SELECT COALESCE(SUM(count), 0)::int AS total FROM blueprint_download WHERE version_id = $1",
    [versionId],
  );
  return Number(row?.total ?? 0);
}
