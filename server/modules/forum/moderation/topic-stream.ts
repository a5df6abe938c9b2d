import type { EntityManager } from "typeorm";
import { ForumPostEntity } from "../forum-post.entity.js";
import { type ForumTopic, ForumTopicEntity } from "../forum-topic.entity.js";
import { type ForumSmallActionKind, ForumSmallActionEntity } from "./forum-small-action.entity.js";

/** A post moving from one topic to another: its id and number before and after. */
export interface PostMove {
  id: string;
  from: number;
  to: number;
}

/**
 * Moves posts to `toTopicId` under new numbers, keeping ids (so likes, revisions, bookmarks and flags follow),
 * authors and times. A `replyToNumber` pointing at a post that moved along is renumbered, one pointing at a post
 * left behind is dropped; notifications about a moved post follow it.
 */
export async function movePosts(
  manager: EntityManager,
  fromTopicId: string,
  toTopicId: string,
  moves: PostMove[],
): Promise<void> {
  const renumbered = new Map(moves.map((move) => [move.from, move.to]));
  for (const move of moves) {
    const post = await manager.findOneByOrFail(ForumPostEntity, { id: move.id });
    const replyTo = post.replyToNumber === null ? null : (renumbered.get(post.replyToNumber) ?? null);
    await manager.update(
      ForumPostEntity,
      { id: move.id },
      { topicId: toTopicId, number: move.to, replyToNumber: replyTo },
    );
    await manager.query(
      "UPDATE forum_notification SET topic_id = $3, post_number = $4 WHERE topic_id = $1 AND post_number = $2",
      [fromTopicId, move.from, toTopicId, move.to],
    );
  }
}

/** Appends a moderation note (a small action) to a topic whose row the caller has locked. */
export async function appendSmallAction(
  manager: EntityManager,
  topic: ForumTopic,
  note: { authorId: string; now: Date; kind: ForumSmallActionKind; otherTopicId: string; postCount: number },
  text: { markdown: string; html: string },
): Promise<void> {
  const [{ number }]: Array<{ number: number }> = await manager.query(
    "SELECT coalesce(max(number), 0) + 1 AS number FROM forum_post WHERE topic_id = $1",
    [topic.id],
  );
  const post = await manager.save(ForumPostEntity, {
    topicId: topic.id,
    number: Math.max(Number(number), topic.highestPostNumber + 1),
    authorId: note.authorId,
    markdown: text.markdown,
    html: text.html,
    version: 1,
    hidden: false,
    hiddenReason: null,
    replyToNumber: null,
    likeCount: 0,
    createdAt: note.now,
    updatedAt: note.now,
    editedAt: null,
  });
  await manager.insert(ForumSmallActionEntity, {
    postId: post.id,
    kind: note.kind,
    otherTopicId: note.otherTopicId,
    postCount: note.postCount,
  });
}

/**
 * Recomputes a topic's counters and last activity from its posts after posts moved: replies and last activity
 * count ordinary posts only (not notes); the highest number counts every post, so new posts never reuse one.
 */
export async function recountTopic(manager: EntityManager, topicId: string, now: Date): Promise<ForumTopic> {
  const [stats]: Array<Record<string, string | number | null>> = await manager.query(
    `SELECT coalesce(max(p.number), 0) AS highest,
            count(*) FILTER (WHERE sa.post_id IS NULL) AS regular,
            coalesce(sum(p.like_count), 0) AS likes
       FROM forum_post p LEFT JOIN forum_small_action sa ON sa.post_id = p.id
      WHERE p.topic_id = $1`,
    [topicId],
  );
  const [last]: Array<{ created_at: Date | string; author_id: string }> = await manager.query(
    `SELECT p.created_at, p.author_id FROM forum_post p LEFT JOIN forum_small_action sa ON sa.post_id = p.id
      WHERE p.topic_id = $1 AND sa.post_id IS NULL ORDER BY p.created_at DESC, p.number DESC LIMIT 1`,
    [topicId],
  );
  const topic = await manager.findOneByOrFail(ForumTopicEntity, { id: topicId });
  const changes = {
    highestPostNumber: Number(stats.highest),
    replyCount: Math.max(0, Number(stats.regular) - 1),
    likeCount: Number(stats.likes),
    lastPostedAt: last ? new Date(last.created_at) : topic.lastPostedAt,
    lastPosterId: last?.author_id ?? topic.lastPosterId,
    updatedAt: now,
  };
  await manager.update(ForumTopicEntity, { id: topicId }, changes);
  return { ...topic, ...changes };
}
