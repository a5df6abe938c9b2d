import type { EntityManager } from "typeorm";
import { forbidden } from "../../errors.js";
import type { Actor } from "../audit/record-audit-event.js";
import { entityColumns } from "./entity-columns.js";
import type { RenderedPost } from "./forum-markdown.js";
import { type ForumPost, ForumPostEntity } from "./forum-post.entity.js";
import type { ForumTopic } from "./forum-topic.entity.js";
import { indexForumTopic } from "./search/forum-search-source.js";

/**
 * Appends a post to a topic in ONE statement, which is also the one that locks the topic row: it takes the next
 * number and moves the counters and last activity (one UPDATE, so numbers are gapless and never collide), writes
 * the post and its first revision, marks the topic read for its author and makes the author watch it (`watching`
 * for a topic's author, `tracking` for repliers) unless they chose a level before. The row lock lasts until the
 * commit, so the caller does everything it can before (checks, posting limits) and little after. A topic locked
 * by a moderator meanwhile refuses the post (FORBIDDEN) unless `mayPostWhenLocked`. Updates `topic` in place.
 */
export async function appendPost(
  manager: EntityManager,
  actor: Actor & { personId: string },
  topic: ForumTopic,
  content: {
    markdown: string;
    rendered: RenderedPost;
    replyToNumber: number | null;
    mayPostWhenLocked?: boolean;
  },
): Promise<ForumPost> {
  const rows: Array<ForumPost & { replyCount: number }> = await manager.query(
    `WITH numbered AS (
       UPDATE forum_topic SET highest_post_number = highest_post_number + 1,
         -- Counted, not derived from the number: split and merge leave gaps and add notes that are not replies.
         reply_count = CASE WHEN highest_post_number = 0 THEN 0 ELSE reply_count + 1 END,
         last_posted_at = $3, last_poster_id = $2, updated_at = $3
       WHERE id = $1 AND (NOT locked OR $7)
       RETURNING highest_post_number AS number, reply_count),
     post AS (
       INSERT INTO forum_post (topic_id, number, author_id, markdown, html, version, hidden, hidden_reason,
         reply_to_number, like_count, created_at, updated_at, edited_at)
       SELECT $1, number, $2, $4, $5, 1, false, NULL, $6, 0, $3, $3, NULL FROM numbered
       RETURNING *),
     revision AS (
       INSERT INTO forum_post_revision (post_id, version, markdown, editor_id, reason, created_at)
       SELECT id, 1, $4, $2, NULL, $3 FROM post),
     read_state AS (
       INSERT INTO forum_topic_read_state (topic_id, person_id, last_read_post_number, updated_at)
       SELECT $1, $2, number, $3 FROM post
       ON CONFLICT (topic_id, person_id)
       DO UPDATE SET last_read_post_number = EXCLUDED.last_read_post_number, updated_at = EXCLUDED.updated_at),
     watch AS (
       INSERT INTO forum_topic_watch (topic_id, person_id, level, updated_at)
       SELECT $1, $2, CASE WHEN number = 1 THEN 'watching' ELSE 'tracking' END, $3 FROM post
       ON CONFLICT DO NOTHING)
     SELECT ${entityColumns(manager, ForumPostEntity, "post")}, numbered.reply_count AS "replyCount"
     FROM post, numbered`,
    [
      topic.id,
      actor.personId,
      actor.now,
      content.markdown,
      content.rendered.html,
      content.replyToNumber,
      content.mayPostWhenLocked === true,
    ],
  );
  const [row] = rows;
  if (!row) throw forbidden("The topic was locked meanwhile");
  const { replyCount, ...post } = row;
  topic.highestPostNumber = post.number;
  topic.replyCount = replyCount;
  topic.lastPostedAt = actor.now;
  topic.lastPosterId = actor.personId;
  await indexForumTopic(manager, topic.id, actor.now, { onlyPostId: post.id });
  return post;
}
