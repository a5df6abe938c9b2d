import type { EntityManager } from "typeorm";
import { badUserInput, conflict } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { addNotification } from "./forum-notify.js";
import type { ForumPost } from "./forum-post.entity.js";
import { type ForumTopic, ForumTopicEntity } from "./forum-topic.entity.js";
import { indexForumTopic } from "./search/forum-search-source.js";

/** Marks a reply as the topic's accepted answer (replacing an earlier one) and tells its author. */
export async function acceptAnswer(
  manager: EntityManager,
  actor: Actor & { personId: string },
  topic: ForumTopic,
  post: ForumPost,
): Promise<ForumTopic> {
  if (post.number === 1) {
    throw badUserInput("The opening post cannot answer its own topic", [
      { field: "input.postId", message: "choose a reply" },
    ]);
  }
  if (post.hidden) throw conflict("A hidden post cannot be the answer", { reason: "POST_HIDDEN" });
  if (topic.acceptedPostId === post.id) return topic;
  await manager.update(ForumTopicEntity, { id: topic.id }, { acceptedPostId: post.id, updatedAt: actor.now });
  if (post.authorId !== actor.personId) {
    await addNotification(manager, actor.now, {
      personId: post.authorId,
      kind: "accepted",
      topicId: topic.id,
      postNumber: post.number,
      actorId: actor.personId,
    });
  }
  await recordAuditEvent(manager, actor, {
    action: "forum.answer.accepted",
    targetType: "ForumTopic",
    targetId: topic.id,
    data: { postId: post.id, number: post.number, previousPostId: topic.acceptedPostId },
  });
  await indexForumTopic(manager, topic.id, actor.now, { onlyPostId: post.id });
  return { ...topic, acceptedPostId: post.id };
}

/** Clears a topic's accepted answer. */
export async function unacceptAnswer(
  manager: EntityManager,
  actor: Actor & { personId: string },
  topic: ForumTopic,
): Promise<ForumTopic> {
  if (!topic.acceptedPostId) throw conflict("This topic has no accepted answer", { reason: "NO_ANSWER" });
  await manager.update(ForumTopicEntity, { id: topic.id }, { acceptedPostId: null, updatedAt: actor.now });
  await recordAuditEvent(manager, actor, {
    action: "forum.answer.unaccepted",
    targetType: "ForumTopic",
    targetId: topic.id,
    data: { postId: topic.acceptedPostId },
  });
  await indexForumTopic(manager, topic.id, actor.now, { onlyPostId: topic.acceptedPostId });
  return { ...topic, acceptedPostId: null };
}
