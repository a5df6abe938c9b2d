import type { EntityManager } from "typeorm";
import type { ForumNotificationKind } from "../forum-notification.entity.js";
import type { ForumPost } from "../forum-post.entity.js";
import type { ForumMailKind } from "./forum-mail.entity.js";

/**
 * Which notifications are emailed at once, and under which switch: mentions (of the person or their cooperative)
 * under `emailMentions`, replies to and quotes of their posts under `emailReplies`. Everything else (watched
 * activity, likes, accepted answers) waits for the digest.
 */
export const IMMEDIATE_MAIL: Partial<Record<ForumNotificationKind, ForumMailKind>> = {
  mentioned: "mention",
  cooperative_mentioned: "mention",
  replied: "reply",
  quoted: "reply",
};

/**
 * Queues the immediate emails of a post in the post's own transaction: a rolled-back post sends nothing and a
 * committed one is never lost. People without an address or who switched that kind off are left out here, in SQL.
 */
export async function queuePostEmails(
  manager: EntityManager,
  now: Date,
  subject: { topicId: string; post: ForumPost; recipients: ReadonlyMap<string, ForumNotificationKind> },
): Promise<void> {
  const byKind: Record<"mention" | "reply", string[]> = { mention: [], reply: [] };
  for (const [personId, notificationKind] of subject.recipients) {
    const kind = IMMEDIATE_MAIL[notificationKind];
    if (kind === "mention" || kind === "reply") byKind[kind].push(personId);
  }
  for (const kind of ["mention", "reply"] as const) {
    if (byKind[kind].length === 0) continue;
    await manager.query(
      `INSERT INTO forum_mail_outbox
         (person_id, kind, topic_id, post_id, actor_id, status, attempts, next_attempt_at, created_at)
       SELECT p.id, $2, $3, $4, $5, 'pending', 0, $6, $6
       FROM person p LEFT JOIN forum_mail_preference mp ON mp.person_id = p.id
       WHERE p.id = ANY($1::uuid[]) AND p.email IS NOT NULL AND p.email <> ''
         AND (CASE WHEN $2 = 'mention' THEN mp.email_mentions ELSE mp.email_replies END) IS NOT FALSE`,
      [byKind[kind], kind, subject.topicId, subject.post.id, subject.post.authorId, now],
    );
  }
}
