import type { DataSource } from "typeorm";
import { inTransaction } from "../../../db/transaction.js";
import type { DownloadArtifact } from "../model/blueprint-download.entity.js";

interface Pending {
  versionId: string;
  blueprintId: string;
  day: string;
  artifact: DownloadArtifact;
  count: number;
}

function merge(into: Map<string, Pending>, key: string, entry: Pending): void {
  const existing = into.get(key);
  if (existing) existing.count += entry.count;
  else into.set(key, { ...entry });
}

function sum(maps: Array<Map<string, Pending>>, match: (entry: Pending) => boolean): number {
  let total = 0;
  for (const map of maps) for (const entry of map.values()) if (match(entry)) total += entry.count;
  return total;
}

/**
 * Download counts of one hub process, buffered in memory and added to PostgreSQL by {@link flush} (every second
 * and at shutdown, `blueprint-jobs.ts`): per flush one upsert of every (version, day, artifact) row and one update
 * of every blueprint's total, each a single statement, under an advisory lock so flushes of several processes
 * queue instead of deadlocking. Downloads themselves never wait for a row lock. Increments are added, never
 * overwritten, so counts from every process sum exactly; a crash loses at most the last second of this process.
 */
export class DownloadCounter {
  private buffer = new Map<string, Pending>();
  private inFlight = new Map<string, Pending>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  /** Counts one download now (in memory). */
  add(target: { blueprintId: string; versionId: string }, artifact: DownloadArtifact, now: Date): void {
    const day = now.toISOString().slice(0, 10);
    const { blueprintId, versionId } = target;
    merge(this.buffer, `${versionId}/${day}/${artifact}`, {
      blueprintId,
      versionId,
      day,
      artifact,
      count: 1,
    });
  }

  /** Downloads of a version counted here but not yet in the database. */
  pendingForVersion(versionId: string): number {
    return sum([this.buffer, this.inFlight], (entry) => entry.versionId === versionId);
  }

  /** Downloads of a blueprint counted here but not yet in the database. */
  pendingForBlueprint(blueprintId: string): number {
    return sum([this.buffer, this.inFlight], (entry) => entry.blueprintId === blueprintId);
  }

  /** Writes everything counted so far; flushes run one after another. On failure the counts stay buffered. */
  flush(): Promise<void> {
    this.flushing = this.flushing.catch(() => undefined).then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.buffer.size === 0) return;
    this.inFlight = this.buffer;
    this.buffer = new Map();
    const entries = [...this.inFlight.values()];
    const totals = new Map<string, number>();
    for (const entry of entries)
      totals.set(entry.blueprintId, (totals.get(entry.blueprintId) ?? 0) + entry.count);
    try {
      await inTransaction(this.dataSource, async (manager) => {
        await manager.query("SELECT pg_advisory_xact_lock(hashtext('blueprint-download-flush'))");
        await manager.query(
          `INSERT INTO blueprint_download (version_id, day, artifact, count)
           SELECT * FROM unnest($1::uuid[], $2::date[], $3::text[], $4::int[])
           ON CONFLICT (version_id, day, artifact) DO UPDATE SET count = blueprint_download.count + EXCLUDED.count`,
          [
            entries.map((entry) => entry.versionId),
            entries.map((entry) => entry.day),
            entries.map((entry) => entry.artifact),
            entries.map((entry) => entry.count),
          ],
        );
        await manager.query(
          `UPDATE blueprint SET download_count = blueprint.download_count + total.count
             FROM unnest($1::uuid[], $2::int[]) AS total(id, count) WHERE blueprint.id = total.id`,
          [[...totals.keys()], [...totals.values()]],
        );
      });
    } catch (error) {
      for (const [key, entry] of this.inFlight) merge(this.buffer, key, entry);
      throw error;
    } finally {
      this.inFlight = new Map();
    }
  }
}

const COUNTERS = new WeakMap<DataSource, DownloadCounter>();

/** The download counter of a database connection (one per hub). */
export function downloadCounter(dataSource: DataSource): DownloadCounter {
  let counter = COUNTERS.get(dataSource);
  if (!counter) {
    counter = new DownloadCounter(dataSource);
    COUNTERS.set(dataSource, counter);
  }
  return counter;
}
