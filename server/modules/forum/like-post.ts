import type { EntityManager } from "typeorm";
import { conflict } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { addNotification } from "./forum-notify.js";
import { type ForumPost, ForumPostEntity } from "./forum-post.entity.js";
import { ForumPostLikeEntity } from "./forum-post-like.entity.js";
import { ForumTopicEntity } from "./forum-topic.entity.js";

/** Likes a post once; the author's unread "liked" notification for it is consolidated (3 likes → one). */
export async function likePost(
  manager: EntityManager,
  actor: Actor & { personId: string },
  post: ForumPost,
): Promise<ForumPost> {
  if (post.authorId === actor.personId)
    throw conflict("You cannot like your own post", { reason: "OWN_POST" });
  const inserted: unknown[] = await manager.query(
    `INSERT INTO forum_post_like (post_id, person_id, created_at) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING post_id`,
    [post.id, actor.personId, actor.now],
  );
  if (inserted.length === 0) throw conflict("You already like this post", { reason: "ALREADY_LIKED" });
  await manager.increment(ForumPostEntity, { id: post.id }, "likeCount", 1);
  await manager.increment(ForumTopicEntity, { id: post.topicId }, "likeCount", 1);
  await addNotification(manager, actor.now, {
    personId: post.authorId,
    kind: "liked",
    topicId: post.topicId,
    postNumber: post.number,
    actorId: actor.personId,
    consolidationKey: `liked:${post.id}`,
  });
  await recordAuditEvent(manager, actor, {
    action: "forum.post.liked",
    targetType: "ForumPost",
    targetId: post.id,
    data: { topicId: post.topicId, number: post.number },
  });
  return { ...post, likeCount: post.likeCount + 1 };
}

/** Takes a like back. */
export async function unlikePost(
  manager: EntityManager,
  actor: Actor & { personId: string },
  post: ForumPost,
): Promise<ForumPost> {
  const removed = await manager.delete(ForumPostLikeEntity, { postId: post.id, personId: actor.personId });
  if ((removed.affected ?? 0) === 0) throw conflict("You do not like this post", { reason: "NOT_LIKED" });
  await manager.decrement(ForumPostEntity, { id: post.id }, "likeCount", 1);
  await manager.decrement(ForumTopicEntity, { id: post.topicId }, "likeCount", 1);
  await recordAuditEvent(manager, actor, {
    action: "forum.post.unliked",
    targetType: "ForumPost",
    targetId: post.id,
    data: { topicId: post.topicId, number: post.number },
  });
  return { ...post, likeCount: post.likeCount - 1 };
}
