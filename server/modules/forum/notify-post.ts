import type { EntityManager } from "typeorm";
import type { ForumCategory } from "./forum-category.entity.js";
import { addNotification } from "./forum-notify.js";
import type { ForumNotificationKind } from "./forum-notification.entity.js";
import type { ForumPost } from "./forum-post.entity.js";
import { filterAudience } from "./forum-recipients.js";
import { queuePostEmails } from "./mail/queue-post-mail.js";
import { watchingRecipients } from "./watching/watch-recipients.js";
import type { ForumTopic } from "./forum-topic.entity.js";
import type { RenderedPost } from "./forum-markdown.js";

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
 * Notifies the people a new post concerns: mentioned people and cooperatives' members, authors of quoted posts,
 * the author of the post replied to, and the watchers (topic, tag, category levels and the category's default; see
 * `watchingRecipients`). Muted people and the poster get nothing; people who cannot read the category get nothing.
 * Watchers' "posted" notifications consolidate per topic while unread. Mentions and replies also queue an email
 * in the same transaction (per the recipient's preferences).
 */
export async function notifyAboutPost(
  manager: EntityManager,
  now: Date,
  subject: { topic: ForumTopic; category: ForumCategory; post: ForumPost; rendered: RenderedPost },
): Promise<void> {
  const { topic, category, post, rendered } = subject;
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
  const watching = await watchingRecipients(manager, {
    topicId: topic.id,
    categoryId: category.id,
    firstPost: post.number === 1,
    alsoConsider: [...wanted.keys()],
  });
  for (const personId of watching.watchers) want(personId, "posted");

  wanted.delete(post.authorId);
  for (const personId of watching.muted) wanted.delete(personId);
  const readers = await filterAudience(manager, category.readAudience, [...wanted.keys()]);
  for (const personId of wanted.keys()) if (!readers.has(personId)) wanted.delete(personId);
  for (const [personId, kind] of wanted) {
    await addNotification(manager, now, {
      personId,
      kind,
      topicId: topic.id,
      postNumber: post.number,
      actorId: post.authorId,
      consolidationKey: kind === "posted" ? `posted:${topic.id}` : undefined,
    });
  }
  await queuePostEmails(manager, now, { topicId: topic.id, post, recipients: wanted });
}
