import type { EntityManager } from "typeorm";
import type { ForumCategory } from "./forum-category.entity.js";
import type { RenderedPost } from "./forum-markdown.js";
import type { ForumNotificationKind } from "./forum-notification.entity.js";
import type { ForumPost } from "./forum-post.entity.js";
import type { ForumTopic } from "./forum-topic.entity.js";
import { audienceSql } from "./forum-recipients.js";
import { queuePostEmails } from "./mail/queue-post-mail.js";
import { GIVEN_LEVELS_CTES } from "./watching/watch-recipients.js";

// Higher wins when one post concerns a person several ways: each person gets one notification per post.
const PRIORITY: Record<ForumNotificationKind, number> = {
  mentioned: 6,
  cooperative_mentioned: 5,
  quoted: 4,
  replied: 3,
  posted: 2,
  accepted: 1,
  liked: 0,
};

/** Cap on members notified through one `@coop:slug` mention, so one post cannot page a whole alliance. */
const MAX_COOPERATIVE_RECIPIENTS = 50;

/**
 * Notifies, in the post's transaction, the people a new post concerns directly: mentioned people and
 * cooperatives' members, authors of quoted posts, the author of the post replied to (one notification each, the
 * strongest reason wins), and queues their immediate emails (per their preferences). Muted people, the poster and
 * people who cannot read the category get nothing. The watchers are not notified here: a "fan-out due" row is
 * written instead and the fan-out job notifies them just after the commit (see `fanOutToWatchers`), so the topic
 * row stays locked only for the post itself.
 */
export async function notifyAboutPost(
  manager: EntityManager,
  now: Date,
  subject: { topic: ForumTopic; category: ForumCategory; post: ForumPost; rendered: RenderedPost },
): Promise<void> {
  const { topic, category, post } = subject;
  const wanted = await directRecipients(manager, subject);
  const direct = [...wanted.keys()];
  wanted.delete(post.authorId);
  if (wanted.size > 0) {
    const notified: Array<{ person_id: string; kind: ForumNotificationKind }> = await manager.query(
      `WITH due AS (SELECT 0::bigint AS fanout_id, $1::uuid AS topic_id, $2::uuid AS category_id,
                      $3::boolean AS first_post),
         given AS (SELECT 0::bigint AS fanout_id, r.person_id, r.kind
                   FROM unnest($4::uuid[], $5::text[]) AS r(person_id, kind)),
         ${GIVEN_LEVELS_CTES}
       INSERT INTO forum_notification
         (person_id, kind, topic_id, post_number, actor_id, consolidation_key, count, read_at, created_at, updated_at)
       SELECT g.person_id, g.kind, $1, $6, $7, NULL, 1, NULL, $8, $8
       FROM given g JOIN levels l ON l.person_id = g.person_id JOIN person p ON p.id = g.person_id
       WHERE l.level <> 'muted' AND ${audienceSql("p", "$9::text")}
       RETURNING person_id, kind`,
      [
        topic.id,
        category.id,
        post.number === 1,
        [...wanted.keys()],
        [...wanted.values()],
        post.number,
        post.authorId,
        now,
        category.readAudience,
      ],
    );
    const recipients = new Map(notified.map((row) => [row.person_id, row.kind] as const));
    await queuePostEmails(manager, now, { topicId: topic.id, post, recipients });
  }
  await manager.query(
    `INSERT INTO forum_post_fanout (post_id, direct_ids, status, attempts, next_attempt_at, created_at)
     VALUES ($1, $2::uuid[], 'pending', 0, NULL, $3)`,
    [post.id, direct, now],
  );
}

/** Who the post concerns directly, each with the strongest reason (before muting and audience are applied). */
async function directRecipients(
  manager: EntityManager,
  subject: { topic: ForumTopic; post: ForumPost; rendered: RenderedPost },
): Promise<Map<string, ForumNotificationKind>> {
  const { topic, post, rendered } = subject;
  const wanted = new Map<string, ForumNotificationKind>();
  const want = (personId: string, kind: ForumNotificationKind) => {
    const current = wanted.get(personId);
    if (!current || PRIORITY[kind] > PRIORITY[current]) wanted.set(personId, kind);
  };
  if (rendered.people.length > 0) {
    const people: Array<{ id: string }> = await manager.query(
      "SELECT id FROM person WHERE lower(handle) = ANY($1)",
      [rendered.people],
    );
    for (const person of people) want(person.id, "mentioned");
  }
  if (rendered.cooperatives.length > 0) {
    const members: Array<{ person_id: string }> = await manager.query(
      `SELECT DISTINCT m.person_id FROM membership m JOIN cooperative c ON c.id = m.cooperative_id
       WHERE c.slug = ANY($1) AND c.status = 'approved' LIMIT ${MAX_COOPERATIVE_RECIPIENTS}`,
      [rendered.cooperatives],
    );
    for (const member of members) want(member.person_id, "cooperative_mentioned");
  }
  const quotedOrReplied = [
    ...rendered.quotedPostNumbers,
    ...(post.replyToNumber ? [post.replyToNumber] : []),
  ];
  if (quotedOrReplied.length > 0) {
    const authors: Array<{ number: number; author_id: string }> = await manager.query(
      "SELECT number, author_id FROM forum_post WHERE topic_id = $1 AND number = ANY($2)",
      [topic.id, quotedOrReplied],
    );
    for (const author of authors) {
      want(author.author_id, rendered.quotedPostNumbers.includes(author.number) ? "quoted" : "replied");
    }
  }
  return wanted;
}
