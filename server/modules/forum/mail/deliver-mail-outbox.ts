import type { DataSource } from "typeorm";
import { tryAdvisoryXactLock } from "../../../db/advisory-lock.js";
import type { Logger } from "../../../logger.js";
import { composeDigestMail } from "./compose-digest-mail.js";
import { composePostMail } from "./compose-post-mail.js";
import { type ForumMailOutbox, ForumMailOutboxEntity, type StoredMessage } from "./forum-mail.entity.js";
import type { MailContext } from "./mail-layout.js";
import type { MailTransport } from "./mail-transport.js";
import { mailSigningKey } from "./unsubscribe-token.js";
import { ADVISORY_LOCK_KEYS } from "../../../db/advisory-lock-keys.js";

/** The advisory lock held while one hub process claims due outbox rows. */
export const FORUM_MAIL_LOCK_KEY = ADVISORY_LOCK_KEYS.forumMail;
const BATCH_SIZE = 20;
/** A claimed row is not claimed again for this long (a process that dies mid-send gives it back this way). */
const CLAIM_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** After this many failures (about a day of backoff) a row is marked failed instead of retried. */
export const MAX_MAIL_ATTEMPTS = 30;

/** Delay before the next attempt after `attempts` failures: 30 s doubling up to an hour. */
export function mailBackoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers due outbox rows. Claiming is a short transaction under an advisory lock that pushes the rows'
 * `next_attempt_at` forward, so two hub processes never send one row and the SMTP conversation runs outside any
 * transaction (the embedded PGlite has one connection that requests need meanwhile). A failed send keeps the row
 * pending with a backoff; nothing is lost. Returns how many were sent.
 */
export async function deliverMailOutbox(deps: {
  dataSource: DataSource;
  transport: MailTransport;
  publicUrl: string;
  now: Date;
  logger?: Logger;
}): Promise<number> {
  const { dataSource, transport, now } = deps;
  const rows = await dataSource.transaction(async (manager) => {
    if (!(await tryAdvisoryXactLock(manager, FORUM_MAIL_LOCK_KEY))) return [];
    const due = await manager
      .createQueryBuilder(ForumMailOutboxEntity, "o")
      .where("o.status = 'pending' AND o.next_attempt_at <= :now", { now })
      .orderBy("o.id")
      .limit(BATCH_SIZE)
      .getMany();
    if (due.length > 0) {
      await manager.query("UPDATE forum_mail_outbox SET next_attempt_at = $2 WHERE id = ANY($1::bigint[])", [
        due.map((row) => row.id),
        new Date(now.getTime() + CLAIM_MS),
      ]);
    }
    return due;
  });
  if (rows.length === 0) return 0;
  const context: MailContext = {
    publicUrl: deps.publicUrl,
    signingKey: await mailSigningKey(dataSource.manager),
  };
  let sent = 0;
  for (const row of rows) {
    let message: StoredMessage | null = null;
    try {
      message =
        row.kind === "digest"
          ? await composeDigestMail(dataSource.manager, context, row)
          : await composePostMail(dataSource.manager, context, row);
      if (message) await transport.send(message);
    } catch (error) {
      await recordFailure(dataSource, row, now, error);
      // Only the row id: messages and errors may carry addresses, and the SMTP URL carries credentials.
      deps.logger?.warn({ outboxId: row.id, attempts: row.attempts + 1 }, "forum email delivery failed");
      continue;
    }
    await dataSource.manager.update(
      ForumMailOutboxEntity,
      { id: row.id },
      message
        ? {
            status: "sent",
            sentAt: now,
            transport: transport.kind,
            subject: message.subject,
            message: transport.kind === "mailbox" ? message : null,
            lastError: null,
          }
        : { status: "skipped", sentAt: now },
    );
    if (message) sent += 1;
  }
  return sent;
}

async function recordFailure(dataSource: DataSource, row: ForumMailOutbox, now: Date, error: unknown) {
  const attempts = row.attempts + 1;
  const code =
    (error as { code?: unknown; responseCode?: unknown } | null)?.responseCode ??
    (error as { code?: unknown })?.code;
  await dataSource.manager.update(
    ForumMailOutboxEntity,
    { id: row.id },
    {
      attempts,
      status: attempts >= MAX_MAIL_ATTEMPTS ? "failed" : "pending",
      nextAttemptAt: new Date(now.getTime() + mailBackoffMs(attempts)),
      lastError: `delivery failed${code ? ` (${String(code)})` : ""}`,
    },
  );
}

/** How long delivered or skipped mail stays (the dev mailbox shows it meanwhile). */
const KEEP_DELIVERED_MS = 30 * 86_400_000;

/** Deletes mail delivered or skipped more than 30 days ago; failed rows stay for someone to look at. */
export async function pruneMailOutbox(dataSource: DataSource, now: Date): Promise<void> {
  await dataSource.query(
    "DELETE FROM forum_mail_outbox WHERE status IN ('sent', 'skipped') AND sent_at < $1",
    [new Date(now.getTime() - KEEP_DELIVERED_MS)],
  );
}
