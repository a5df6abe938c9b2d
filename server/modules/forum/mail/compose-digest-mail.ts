import type { EntityManager } from "typeorm";
import { escapeHtml } from "../../../markdown/index.js";
import { DIGEST_ACTIVITY_SQL } from "./digest-activity.js";
import type { ForumMailOutbox, StoredMessage } from "./forum-mail.entity.js";
import { forumTopicUrl, layoutMessage, type MailContext } from "./mail-layout.js";

interface ActivityRow {
  email: string;
  frequency: string | null;
  topic_id: string;
  title: string;
  slug: string;
  events: number;
  first_post_number: number;
}

/** At most this many topics in one digest; the rest are one click away in the hub. */
const MAX_TOPICS = 30;

/**
 * The digest of the window the row covers (`digestFrom`, `digestTo`]: unread activity by topic, newest first.
 * Null (skip) when everything was read since it was queued, or the person turned digests off or lost their address.
 */
export async function composeDigestMail(
  manager: EntityManager,
  context: MailContext,
  row: ForumMailOutbox,
): Promise<StoredMessage | null> {
  const rows = (await manager.query(
    `SELECT p.email, mp.digest_frequency AS frequency, t.id AS topic_id, t.title, t.slug,
       sum(n.count)::int AS events, min(n.post_number)::int AS first_post_number
     FROM forum_notification n
     JOIN person p ON p.id = n.person_id
     JOIN forum_topic t ON t.id = n.topic_id AND NOT t.hidden
     LEFT JOIN forum_mail_preference mp ON mp.person_id = n.person_id
     WHERE n.person_id = $1 AND n.updated_at > $2 AND n.updated_at <= $3 AND ${DIGEST_ACTIVITY_SQL}
       AND mp.email_digest IS NOT FALSE AND p.email IS NOT NULL AND p.email <> ''
     GROUP BY p.email, mp.digest_frequency, t.id, t.title, t.slug
     ORDER BY max(n.updated_at) DESC
     LIMIT ${MAX_TOPICS}`,
    [row.personId, row.digestFrom, row.digestTo],
  )) as ActivityRow[];
  if (rows.length === 0) return null;
  const period = rows[0].frequency === "daily" ? "daily" : "weekly";
  const items = rows.map((activity) => ({
    title: activity.title,
    url: `${forumTopicUrl(context, { id: activity.topic_id, slug: activity.slug })}#post-${activity.first_post_number}`,
    events: activity.events,
  }));
  const count = (events: number) => (events === 1 ? "1 new post" : `${events} new posts`);
  const topics = items.length === 1 ? "1 topic" : `${items.length} topics`;
  return layoutMessage(context, {
    to: rows[0].email,
    subject: `[Alliance Hub] Your ${period} forum digest: ${topics} with new activity`,
    text: [
      `New activity you are watching on the forum:`,
      "",
      ...items.map((item) => `* ${item.title} (${count(item.events)})\n  ${item.url}`),
    ].join("\n"),
    html: `<p>New activity you are watching on the forum:</p><ul>${items
      .map(
        (item) =>
          `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a> (${count(item.events)})</li>`,
      )
      .join("")}</ul>`,
    personId: row.personId,
    unsubscribe: "digest",
    reason: `you get a ${period} digest of forum activity you watch`,
  });
}
