import type { DataSource } from "typeorm";
import { tryAdvisoryXactLock } from "../../../db/advisory-lock.js";
import { DIGEST_ACTIVITY_SQL } from "./digest-activity.js";
import { digestPeriodMs, latestDigestSlot } from "./digest-schedule.js";
import { ADVISORY_LOCK_KEYS } from "../../../db/advisory-lock-keys.js";

/** The advisory lock held by the one hub process queueing digests at a time. */
export const FORUM_DIGEST_LOCK_KEY = ADVISORY_LOCK_KEYS.forumDigest;

/**
 * Queues one digest for each person who is due (their last digest ended before the latest slot of their
 * frequency) and has unread activity since it. The person's `digest_sent_through` moves to `now` in the same
 * statement that queues the digest, so the next digest starts where this one ends and never repeats activity.
 * Returns how many digests were queued.
 */
export async function queueDueDigests(dataSource: DataSource, now: Date): Promise<number> {
  const slots = {
    daily: latestDigestSlot(now, "daily"),
    weekly: latestDigestSlot(now, "weekly"),
  };
  const starts = {
    daily: new Date(slots.daily.getTime() - digestPeriodMs("daily")),
    weekly: new Date(slots.weekly.getTime() - digestPeriodMs("weekly")),
  };
  return dataSource.transaction(async (manager) => {
    if (!(await tryAdvisoryXactLock(manager, FORUM_DIGEST_LOCK_KEY))) return 0;
    const rows = (await manager.query(
      `WITH due AS (
         SELECT p.id AS person_id,
           COALESCE(mp.digest_sent_through,
             CASE WHEN mp.digest_frequency = 'daily' THEN $3::timestamptz ELSE $5::timestamptz END) AS since
         FROM person p LEFT JOIN forum_mail_preference mp ON mp.person_id = p.id
         WHERE p.email IS NOT NULL AND p.email <> '' AND mp.email_digest IS NOT FALSE
           AND COALESCE(mp.digest_sent_through, '-infinity'::timestamptz)
             < CASE WHEN mp.digest_frequency = 'daily' THEN $2::timestamptz ELSE $4::timestamptz END),
       active AS (
         SELECT d.person_id, d.since FROM due d
         LEFT JOIN forum_mail_preference mp ON mp.person_id = d.person_id
         WHERE EXISTS (SELECT 1 FROM forum_notification n
           WHERE n.person_id = d.person_id AND n.updated_at > d.since AND n.updated_at <= $1
             AND ${DIGEST_ACTIVITY_SQL})),
       queued AS (
         INSERT INTO forum_mail_outbox
           (person_id, kind, digest_from, digest_to, status, attempts, next_attempt_at, created_at)
         SELECT person_id, 'digest', since, $1, 'pending', 0, $1, $1 FROM active
         RETURNING person_id)
       INSERT INTO forum_mail_preference (person_id, digest_sent_through, updated_at)
       SELECT person_id, $1, $1 FROM queued
       ON CONFLICT (person_id) DO UPDATE SET digest_sent_through = EXCLUDED.digest_sent_through,
         updated_at = EXCLUDED.updated_at
       RETURNING person_id`,
      [now, slots.daily, starts.daily, slots.weekly, starts.weekly],
    )) as Array<{ person_id: string }>;
    return rows.length;
  });
}
