import type { DataSource } from "typeorm";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";

/** What one content syncer needs: the database, the `content/` directory, time and a logger for progress. */
export interface ContentSyncContext {
  dataSource: DataSource;
  contentDirectory: string;
  clock: Clock;
  logger: Logger;
}

/**
 * Loads one kind of official content (manuals, blueprints) from `content/` into the database. Must be idempotent
 * (running twice changes nothing), all-or-nothing (validate everything first, then write in one transaction), and
 * must report problems with file and line instead of writing half of them.
 */
export interface ContentSyncer {
  name: string;
  sync(context: ContentSyncContext): Promise<{ summary: string }>;
}
