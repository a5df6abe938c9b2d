import { setTimeout as sleep } from "node:timers/promises";
import type { DatabaseConfig } from "../../server/config.js";
import { openDatabase } from "../../server/db/data-source.js";

/** Looks from outside at how far the hub's fan-out to the big topic's watchers has got (PostgreSQL only). */
export interface FanoutWatch {
  /** Watchers (`watcher-*`) whose "posted" notification points at post `number` of any topic. */
  notifiedOf(number: number): Promise<number>;
  /** Polls every 10 ms until `expected` watchers are notified of `number`; the ms waited, or NaN after `timeoutMs`. */
  waitForNotified(number: number, expected: number, timeoutMs: number): Promise<number>;
  /** Polls until no fan-out is due any more (table absent: at once); the ms waited, or NaN after `timeoutMs`. */
  waitForDrained(timeoutMs: number): Promise<number>;
  close(): Promise<void>;
}

/** Opens a second connection to the hub's PostgreSQL database; undefined on PGlite (the hub holds it alone). */
export async function openFanoutWatch(config: DatabaseConfig): Promise<FanoutWatch | undefined> {
  if (config.kind !== "postgres") return undefined;
  const database = await openDatabase(config);
  const { dataSource } = database;
  const notifiedOf = async (number: number) => {
    const [row] = (await dataSource.query(
      `SELECT count(*)::int AS count FROM forum_notification n JOIN person p ON p.id = n.person_id
       WHERE p.handle LIKE 'watcher-%' AND n.kind = 'posted' AND n.post_number = $1`,
      [number],
    )) as Array<{ count: number }>;
    return row.count;
  };
  const poll = async (done: () => Promise<boolean>, timeoutMs: number) => {
    const started = performance.now();
    while (performance.now() - started < timeoutMs) {
      if (await done()) return performance.now() - started;
      await sleep(10);
    }
    return Number.NaN;
  };
  const [{ exists }] = (await dataSource.query(
    "SELECT to_regclass('forum_post_fanout') IS NOT NULL AS exists",
  )) as Array<{ exists: boolean }>;
  return {
    notifiedOf,
    waitForNotified: (number, expected, timeoutMs) =>
      poll(async () => (await notifiedOf(number)) >= expected, timeoutMs),
    waitForDrained: (timeoutMs) =>
      poll(async () => {
        if (!exists) return true;
        const [row] = (await dataSource.query(
          "SELECT count(*)::int AS count FROM forum_post_fanout WHERE status = 'pending'",
        )) as Array<{ count: number }>;
        return row.count === 0;
      }, timeoutMs),
    close: () => database.close(),
  };
}
