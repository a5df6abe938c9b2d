import type { EntityManager } from "typeorm";
import { conflict } from "../../../errors.js";
import { type Actor, recordAuditEvent } from "../../audit/record-audit-event.js";
import { type ManualRelease, ManualReleaseEntity } from "../../manuals/manual-release.entity.js";
import type { ForumPost } from "../forum-post.entity.js";
import { type ForumTopic, ForumTopicEntity } from "../forum-topic.entity.js";
import { indexForumTopic } from "../search/forum-search-source.js";
import { ForumAnswerConfirmationEntity, ForumTopicReleaseEntity } from "./forum-topic-release.entity.js";
import { compareReleaseNames, newestRelease } from "./release-order.js";

/** Where an accepted answer stands against the releases of its topic's manual. */
export interface AnswerReleaseStatus {
  /** The newest release of the stamped manual, when the answer was neither written for nor confirmed for it. */
  outdatedBy: ManualRelease | null;
}

/**
 * Stamps a topic with the manual release it applies to (or removes the stamp). The release name is also kept in
 * `forum_topic.stack_release`, which search filters on (`release:`).
 */
export async function stampRelease(
  manager: EntityManager,
  actor: Actor & { personId: string },
  topic: ForumTopic,
  release: ManualRelease | null,
): Promise<ForumTopic> {
  if (release) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ForumTopicReleaseEntity)
      .values({ topicId: topic.id, releaseId: release.id, stampedById: actor.personId, stampedAt: actor.now })
      .orUpdate(["release_id", "stamped_by_id", "stamped_at"], ["topic_id"])
      .execute();
  } else {
    await manager.delete(ForumTopicReleaseEntity, { topicId: topic.id });
  }
  const stackRelease = release?.name ?? null;
  await manager.update(ForumTopicEntity, { id: topic.id }, { stackRelease, updatedAt: actor.now });
  await recordAuditEvent(manager, actor, {
    action: release ? "forum.topic.releaseStamped" : "forum.topic.releaseUnstamped",
    targetType: "ForumTopic",
    targetId: topic.id,
    data: { releaseId: release?.id ?? null, release: stackRelease, previous: topic.stackRelease },
  });
  await indexForumTopic(manager, topic.id, actor.now);
  return { ...topic, stackRelease };
}

/**
 * Whether an accepted answer may be outdated: its topic is stamped with a release of a manual that has a newer
 * release (by name: 2026.11 after 2026.10) than both the stamp and every release the answer was confirmed for.
 * Releases are looked up when asked, so cutting a release needs no hook into the forum.
 */
export async function answerReleaseStatus(
  manager: EntityManager,
  topic: ForumTopic,
  post: ForumPost,
): Promise<AnswerReleaseStatus> {
  if (topic.acceptedPostId !== post.id) return { outdatedBy: null };
  const stamp = await manager.findOneBy(ForumTopicReleaseEntity, { topicId: topic.id });
  if (!stamp) return { outdatedBy: null };
  const stamped = await manager.findOneByOrFail(ManualReleaseEntity, { id: stamp.releaseId });
  const releases = await manager.findBy(ManualReleaseEntity, { manualId: stamped.manualId });
  const confirmations = await manager.findBy(ForumAnswerConfirmationEntity, { postId: post.id });
  const known = releases.filter(
    (release) => release.id === stamped.id || confirmations.some((item) => item.releaseId === release.id),
  );
  const newest = newestRelease(releases);
  const covered = newestRelease(known);
  if (!newest || !covered || compareReleaseNames(newest.name, covered.name) <= 0) return { outdatedBy: null };
  return { outdatedBy: newest };
}

/** Confirms an accepted answer for the newest release of its manual; CONFLICT when it is not outdated. */
export async function confirmAnswerRelease(
  manager: EntityManager,
  actor: Actor & { personId: string },
  topic: ForumTopic,
  post: ForumPost,
): Promise<ForumPost> {
  const { outdatedBy } = await answerReleaseStatus(manager, topic, post);
  if (!outdatedBy)
    throw conflict("This answer is not marked as possibly outdated", { reason: "NOT_OUTDATED" });
  await manager.insert(ForumAnswerConfirmationEntity, {
    postId: post.id,
    releaseId: outdatedBy.id,
    confirmedById: actor.personId,
    confirmedAt: actor.now,
  });
  await recordAuditEvent(manager, actor, {
    action: "forum.answer.releaseConfirmed",
    targetType: "ForumPost",
    targetId: post.id,
    data: { topicId: topic.id, releaseId: outdatedBy.id, release: outdatedBy.name },
  });
  return post;
}
