import type { DataSource, EntityManager } from "typeorm";
import { tryAdvisoryXactLock } from "../../../db/advisory-lock.js";
import type { Logger } from "../../../logger.js";
import { fanOutToWatchers } from "./fan-out-watchers.js";
import { ADVISORY_LOCK_KEYS } from "../../../db/advisory-lock-keys.js";

/** The advisory lock held by the one hub process fanning posts out at a time. */
export const FORUM_FANOUT_LOCK_KEY = ADVISORY_LOCK_KEYS.forumFanout;
/** Posts fanned out per transaction: at 100 posts/s a 250 ms tick finds about 25. */
const BATCH_SIZE = 100;
const MAX_BACKOFF_MS = 10 * 60_000;
/** After this many failures (about an hour and a half of backoff) a row is marked failed instead of retried. */
export const MAX_FANOUT_ATTEMPTS = 15;

/** Delay before the next attempt after `attempts` failures: 1 s doubling up to 10 minutes. */
export function fanoutBackoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Whether any fan-out is due: one cheap statement outside a transaction, so the 250 ms poll of an idle hub costs
 * next to nothing (the advisory lock and the claim are only taken when there is work).
 */
export async function fanoutDue(dataSource: DataSource, now: Date): Promise<boolean> {
  const [row] = (await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM forum_post_fanout
       WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= $1)) AS due`,
    [now],
  )) as Array<{ due: boolean }>;
  return row?.due === true;
}

/** What one run did: rows fanned out, rows that failed (retried later), and whether more are due. */
export interface FanoutRun {
  delivered: number;
  failed: number;
  more: boolean;
}

/**
 * Fans out one batch of due posts. One transaction under an advisory lock (one runner across hub processes):
 * the notifications are written and the due rows deleted together, so a crash or a restart loses nothing (the
 * rows stay) and nothing is notified twice (the rows go with the notifications). The batch is tried as a whole
 * (one statement for every post and watcher); if it fails, each row is tried alone in a savepoint so that one
 * bad row only delays itself, with a backoff, and is marked failed after `MAX_FANOUT_ATTEMPTS`.
 */
export async function deliverPostFanouts(deps: {
  dataSource: DataSource;
  now: Date;
  logger?: Logger;
}): Promise<FanoutRun> {
  const { dataSource, now } = deps;
  return dataSource.transaction(async (manager) => {
    if (!(await tryAdvisoryXactLock(manager, FORUM_FANOUT_LOCK_KEY)))
      return { delivered: 0, failed: 0, more: false };
    const due: Array<{ id: string; attempts: number }> = await manager.query(
      `SELECT id, attempts FROM forum_post_fanout
       WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
       ORDER BY id LIMIT ${BATCH_SIZE + 1}`,
      [now],
    );
    const more = due.length > BATCH_SIZE;
    const batch = due.slice(0, BATCH_SIZE);
    if (batch.length === 0) return { delivered: 0, failed: 0, more };
    if (
      (await inSavepoint(manager, () =>
        deliver(
          manager,
          now,
          batch.map((row) => row.id),
        ),
      )) === null
    ) {
      return { delivered: batch.length, failed: 0, more };
    }
    let failed = 0;
    for (const row of batch) {
      const error = await inSavepoint(manager, () => deliver(manager, now, [row.id]));
      if (error === null) continue;
      failed += 1;
      const attempts = row.attempts + 1;
      await manager.query(
        `UPDATE forum_post_fanout SET attempts = $2, status = $3, next_attempt_at = $4, last_error = $5
         WHERE id = $1`,
        [
          row.id,
          attempts,
          attempts >= MAX_FANOUT_ATTEMPTS ? "failed" : "pending",
          new Date(now.getTime() + fanoutBackoffMs(attempts)),
          `fan-out failed${sqlState(error) ? ` (${sqlState(error)})` : ""}`,
        ],
      );
      deps.logger?.warn({ fanoutId: row.id, attempts }, "forum fan-out failed");
    }
    return { delivered: batch.length - failed, failed, more };
  });
}

async function deliver(manager: EntityManager, now: Date, ids: string[]): Promise<void> {
  await fanOutToWatchers(manager, now, ids);
  await manager.query("DELETE FROM forum_post_fanout WHERE id = ANY($1::bigint[])", [ids]);
}

/** The SQLSTATE of a database error, if any (never the message: it may quote data). */
const sqlState = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
};

/**
 * Runs `work` in a savepoint; on failure rolls back to it (the transaction stays usable) and returns the error,
 * else null.
 */
async function inSavepoint(manager: EntityManager, work: () => Promise<void>): Promise<unknown> {
  await manager.query("SAVEPOINT forum_fanout");
  try {
    await work();
  } catch (error) {
    await manager.query("ROLLBACK TO SAVEPOINT forum_fanout");
    return error ?? new Error("fan-out failed");
  }
  await manager.query("RELEASE SAVEPOINT forum_fanout");
  return null;
}
