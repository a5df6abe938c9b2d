import type { EntityManager } from "typeorm";
import { badUserInput } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { createDecision, type NewDecision } from "./decisions.js";
import type { ForumCategory } from "./forum-category.entity.js";
import type { RenderedPost } from "./forum-markdown.js";
import type { ForumPost } from "./forum-post.entity.js";
import { type ForumTopic, ForumTopicEntity } from "./forum-topic.entity.js";
import { setTopicTags } from "./topic-tags.js";
import { notifyAboutPost } from "./notify-post.js";
import { topicSlug } from "./topic-slug.js";
import { appendPost } from "./write-post.js";

export interface NewTopic {
  title: string;
  markdown: string;
  rendered: RenderedPost;
  tags: string[];
  stackRelease: string | null;
  decision: NewDecision | null;
}

/** Starts a topic with its first post, tags and notifications, and records it in the audit log. */
export async function createTopic(
  manager: EntityManager,
  actor: Actor & { personId: string },
  category: ForumCategory,
  input: NewTopic,
): Promise<{ topic: ForumTopic; post: ForumPost }> {
  const topic = await manager.save(ForumTopicEntity, {
    categoryId: category.id,
    title: input.title,
    slug: topicSlug(input.title),
    authorId: actor.personId,
    pinned: false,
    locked: false,
    hidden: false,
    acceptedPostId: null,
    stackRelease: input.stackRelease,
    highestPostNumber: 0,
    replyCount: 0,
    likeCount: 0,
    lastPostedAt: actor.now,
    lastPosterId: actor.personId,
    createdAt: actor.now,
    updatedAt: actor.now,
  });
  if ((category.kind === "decision") !== (input.decision !== null)) {
    const message =
      category.kind === "decision" ? "a decision category needs a decision" : "only in decision categories";
    throw badUserInput(`decision: ${message}`, [{ field: "input.decision", message }]);
  }
  if (input.decision) await createDecision(manager, actor.now, topic.id, input.decision);
  await setTopicTags(manager, topic.id, input.tags);
  const post = await appendPost(manager, actor, topic, {
    markdown: input.markdown,
    rendered: input.rendered,
    replyToNumber: null,
  });
  await notifyAboutPost(manager, actor.now, { topic, category, post, rendered: input.rendered });
  await recordAuditEvent(manager, actor, {
    action: "forum.topic.created",
    targetType: "ForumTopic",
    targetId: topic.id,
    data: { categoryId: category.id, title: topic.title, tags: input.tags },
  });
  return { topic, post };
}
