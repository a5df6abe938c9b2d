import type { EntityManager } from "typeorm";
import { conflict } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import type { ForumCategory } from "./forum-category.entity.js";
import {
  type ForumFlag,
  ForumFlagEntity,
  type ForumFlagReason,
  type ForumFlagStatus,
} from "./forum-flag.entity.js";
import { type ForumPost, ForumPostEntity } from "./forum-post.entity.js";
import { type ForumTopic, ForumTopicEntity } from "./forum-topic.entity.js";
import { indexForumTopic } from "./search/forum-search-source.js";

/** Flags a post for the moderators; one flag per person and post. */
export async function flagPost(
  manager: EntityManager,
  actor: Actor & { personId: string },
  post: ForumPost,
  input: { reason: ForumFlagReason; message: string },
): Promise<ForumFlag> {
  if (post.authorId === actor.personId)
    throw conflict("You cannot flag your own post", { reason: "OWN_POST" });
  const existing = await manager.findOneBy(ForumFlagEntity, { postId: post.id, flaggerId: actor.personId });
  if (existing) throw conflict("You already flagged this post", { reason: "ALREADY_FLAGGED" });
  const flag = await manager.save(ForumFlagEntity, {
    postId: post.id,
    flaggerId: actor.personId,
    reason: input.reason,
    message: input.message,
    status: "pending",
    handledById: null,
    handledAt: null,
    createdAt: actor.now,
  });
  await recordAuditEvent(manager, actor, {
    action: "forum.post.flagged",
    targetType: "ForumPost",
    targetId: post.id,
    data: { flagId: flag.id, reason: input.reason },
  });
  return flag;
}

/** Hides or shows a post (moderators), recording why. */
export async function setPostHidden(
  manager: EntityManager,
  actor: Actor & { personId: string },
  post: ForumPost,
  hidden: boolean,
  reason: string | null,
): Promise<ForumPost> {
  if (post.hidden === hidden) return post;
  const hiddenReason = hidden ? reason : null;
  await manager.update(ForumPostEntity, { id: post.id }, { hidden, hiddenReason, updatedAt: actor.now });
  await recordAuditEvent(manager, actor, {
    action: hidden ? "forum.post.hidden" : "forum.post.unhidden",
    targetType: "ForumPost",
    targetId: post.id,
    data: { topicId: post.topicId, number: post.number, reason },
  });
  await indexForumTopic(manager, post.topicId, actor.now, { onlyPostId: post.id });
  return { ...post, hidden, hiddenReason };
}

/** Handles a flag: AGREED hides the post (and settles the post's other pending flags), otherwise it stays. */
export async function resolveFlag(
  manager: EntityManager,
  actor: Actor & { personId: string },
  flag: ForumFlag,
  post: ForumPost,
  status: Exclude<ForumFlagStatus, "pending">,
): Promise<ForumFlag> {
  if (flag.status !== "pending")
    throw conflict("This flag was already handled", { reason: "ALREADY_HANDLED" });
  const handled = { status, handledById: actor.personId, handledAt: actor.now };
  if (status === "agreed") {
    await setPostHidden(manager, actor, post, true, `flagged: ${flag.reason}`);
    await manager.update(ForumFlagEntity, { postId: post.id, status: "pending" }, handled);
  } else {
    await manager.update(ForumFlagEntity, { id: flag.id }, handled);
  }
  await recordAuditEvent(manager, actor, {
    action: "forum.flag.resolved",
    targetType: "ForumFlag",
    targetId: flag.id,
    data: { postId: post.id, status, reason: flag.reason },
  });
  return { ...flag, ...handled };
}

/** The topic switches moderators set. */
export type TopicSwitch = "locked" | "pinned" | "hidden";

/** Locks, pins or hides a topic (or undoes it). */
export async function setTopicSwitch(
  manager: EntityManager,
  actor: Actor & { personId: string },
  topic: ForumTopic,
  which: TopicSwitch,
  value: boolean,
): Promise<ForumTopic> {
  if (topic[which] === value) return topic;
  await manager.update(ForumTopicEntity, { id: topic.id }, { [which]: value, updatedAt: actor.now });
  const verbs: Record<TopicSwitch, [string, string]> = {
    locked: ["locked", "unlocked"],
    pinned: ["pinned", "unpinned"],
    hidden: ["hidden", "unhidden"],
  };
  await recordAuditEvent(manager, actor, {
    action: `forum.topic.${verbs[which][value ? 0 : 1]}`,
    targetType: "ForumTopic",
    targetId: topic.id,
    data: { title: topic.title },
  });
  if (which === "hidden") await indexForumTopic(manager, topic.id, actor.now);
  return { ...topic, [which]: value };
}

/** Moves a topic to another category. */
export async function moveTopic(
  manager: EntityManager,
  actor: Actor & { personId: string },
  topic: ForumTopic,
  to: ForumCategory,
): Promise<ForumTopic> {
  if (topic.categoryId === to.id) return topic;
  await manager.update(ForumTopicEntity, { id: topic.id }, { categoryId: to.id, updatedAt: actor.now });
  await recordAuditEvent(manager, actor, {
    action: "forum.topic.moved",
    targetType: "ForumTopic",
    targetId: topic.id,
    data: { from: topic.categoryId, to: to.id },
  });
  await indexForumTopic(manager, topic.id, actor.now);
  return { ...topic, categoryId: to.id };
}
