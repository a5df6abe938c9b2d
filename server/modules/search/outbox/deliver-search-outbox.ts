import type { DataSource } from "typeorm";
import type { SearchDocument, SearchDocumentRef, SearchProvider } from "../core/search-provider.js";
import { ADVISORY_LOCK_KEYS } from "../../../db/advisory-lock-keys.js";

/** The advisory lock key held by the one hub process delivering the outbox at a time. */
export const SEARCH_OUTBOX_LOCK_KEY = ADVISORY_LOCK_KEYS.searchOutbox;
const BATCH_SIZE = 100;
const MAX_BACKOFF_MS = 5 * 60_000;

interface OutboxRow {
  id: string;
  operation: "index" | "remove";
  payload: unknown;
  attempts: number;
}

/** Delay before the next attempt after `attempts` failures: 1 s doubling to 5 minutes. */
export function outboxBackoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.max(0, attempts - 1));
}

/** JSON turned dates into strings; documents need them back. */
function revive(document: SearchDocument): SearchDocument {
  return { ...document, createdAt: new Date(document.createdAt), updatedAt: new Date(document.updatedAt) };
}

/**
 * Delivers due outbox rows to the engine, oldest first, in one transaction holding an advisory lock (so several
 * hub processes never deliver the same rows twice). Stops at the first failure, keeping order: the failed row gets
 * its attempt count and next attempt time raised; nothing is lost. Returns how many rows were delivered.
 */
export async function deliverSearchOutbox(
  dataSource: DataSource,
  provider: SearchProvider,
  now: Date,
): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const [lock] = (await manager.query("SELECT pg_try_advisory_xact_lock($1) AS locked", [
      SEARCH_OUTBOX_LOCK_KEY,
    ])) as Array<{ locked: boolean }>;
    if (!lock?.locked) return 0;
    const rows = (await manager.query(
      "SELECT id, operation, payload, attempts FROM search_outbox WHERE next_attempt_at <= $1 ORDER BY id LIMIT $2",
      [now, BATCH_SIZE],
    )) as OutboxRow[];
    let delivered = 0;
    for (const row of rows) {
      try {
        if (row.operation === "index") await provider.index((row.payload as SearchDocument[]).map(revive));
        else await provider.remove(row.payload as SearchDocumentRef[]);
      } catch (error) {
        const attempts = row.attempts + 1;
        await manager.query(
          "UPDATE search_outbox SET attempts = $2, next_attempt_at = $3, last_error = $4 WHERE id = $1",
          [
            row.id,
            attempts,
            new Date(now.getTime() + outboxBackoffMs(attempts)),
            error instanceof Error ? error.message.slice(0, 500) : "delivery failed",
          ],
        );
        break;
      }
      await manager.query("DELETE FROM search_outbox WHERE id = $1", [row.id]);
      delivered += 1;
    }
    return delivered;
  });
}
