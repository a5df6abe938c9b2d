import type { EntityManager } from "typeorm";
import { badUserInput } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import type { ForumCategory } from "./forum-category.entity.js";
import type { RenderedPost } from "./forum-markdown.js";
import type { ForumPost } from "./forum-post.entity.js";
import type { ForumTopic } from "./forum-topic.entity.js";
import { notifyAboutPost } from "./notify-post.js";
import { appendPost } from "./write-post.js";

/** Refuses a `replyToNumber` that is not a post of the topic (checked before posting limits are counted). */
export function checkReplyTarget(topic: ForumTopic, replyToNumber: number | null): void {
  if (replyToNumber !== null && replyToNumber > topic.highestPostNumber) {
    throw badUserInput("replyToNumber is not a post of this topic", [
      { field: "input.replyToNumber", message: `between 1 and ${topic.highestPostNumber}` },
    ]);
  }
}

/**
 * Appends a reply to a topic the caller has checked, and notifies who it concerns. The topic row is locked from
 * the post's numbering to the commit, so what follows it here is kept short (the watchers are told after the
 * commit, by the fan-out job).
 */
export async function replyToTopic(
  manager: EntityManager,
  actor: Actor & { personId: string },
  target: { topic: ForumTopic; category: ForumCategory },
  input: {
    markdown: string;
    rendered: RenderedPost;
    replyToNumber: number | null;
    mayPostWhenLocked: boolean;
  },
): Promise<ForumPost> {
  const { topic, category } = target;
  checkReplyTarget(topic, input.replyToNumber);
  const post = await appendPost(manager, actor, topic, input);
  await notifyAboutPost(manager, actor.now, { topic, category, post, rendered: input.rendered });
  await recordAuditEvent(manager, actor, {
    action: "forum.post.created",
    targetType: "ForumPost",
    targetId: post.id,
    data: { topicId: topic.id, number: post.number, replyToNumber: input.replyToNumber },
  });
  return post;
}
