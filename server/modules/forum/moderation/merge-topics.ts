import type { EntityManager } from "typeorm";
import { badUserInput, conflict } from "../../../errors.js";
import { type Actor, recordAuditEvent } from "../../audit/record-audit-event.js";
import { searchIndexerFor } from "../../search/search-indexer.js";
import type { ForumCategory } from "../forum-category.entity.js";
import { type ForumTopic, ForumTopicEntity } from "../forum-topic.entity.js";
import { indexForumTopic } from "../search/forum-search-source.js";
import { ForumTopicModerationEntity } from "./forum-topic-moderation.entity.js";
import { smallActionText } from "./small-action-text.js";
import { appendSmallAction, movePosts, recountTopic } from "./topic-stream.js";

/**
 * Merges `source` into `target` (both locked by the caller): every ordinary post of the source moves to the end of
 * the target in the order it was written, keeping authors and times (the target's own posts keep their numbers,
 * so its permalinks stay valid). The source is left locked with a note and a pointer to the target; its watchers
 * watch the target too; a reader who had read both topics to the end still has; search drops the source.
 */
export async function mergeTopics(
  manager: EntityManager,
  actor: Actor & { personId: string },
  source: ForumTopic,
  target: { topic: ForumTopic; category: ForumCategory },
): Promise<{ source: ForumTopic; target: ForumTopic }> {
  const into = target.topic;
  if (source.id === into.id)
    throw badUserInput("A topic cannot be merged into itself", [
      { field: "input.targetTopicId", message: "a different topic" },
    ]);
  const pointer = await manager.findOneBy(ForumTopicModerationEntity, { topicId: source.id });
  if (pointer?.mergedIntoId) throw conflict("This topic was already merged", { reason: "ALREADY_MERGED" });
  const posts: Array<{ id: string; number: number }> = await manager.query(
    `SELECT p.id, p.number FROM forum_post p LEFT JOIN forum_small_action sa ON sa.post_id = p.id
      WHERE p.topic_id = $1 AND sa.post_id IS NULL ORDER BY p.created_at, p.number`,
    [source.id],
  );
  const moves = posts.map((post, index) => ({
    id: post.id,
    from: post.number,
    to: into.highestPostNumber + 1 + index,
  }));
  await movePosts(manager, source.id, into.id, moves);
  if (!into.acceptedPostId && source.acceptedPostId && target.category.allowsAcceptedAnswers)
    await manager.update(ForumTopicEntity, { id: into.id }, { acceptedPostId: source.acceptedPostId });
  await manager.update(
    ForumTopicEntity,
    { id: source.id },
    { locked: true, acceptedPostId: null, updatedAt: actor.now },
  );
  await manager
    .createQueryBuilder()
    .insert()
    .into(ForumTopicModerationEntity)
    .values({
      topicId: source.id,
      slowModeSeconds: 0,
      mergedIntoId: into.id,
      updatedById: actor.personId,
      updatedAt: actor.now,
    })
    .orUpdate(["merged_into_id", "updated_by_id", "updated_at"], ["topic_id"])
    .execute();
  const note = { authorId: actor.personId, now: actor.now, postCount: posts.length };
  await appendSmallAction(
    manager,
    source,
    { ...note, kind: "merged_into", otherTopicId: into.id },
    smallActionText("merged_into", posts.length, into),
  );
  await appendSmallAction(
    manager,
    { ...into, highestPostNumber: into.highestPostNumber + posts.length },
    { ...note, kind: "merged_from", otherTopicId: source.id },
    smallActionText("merged_from", posts.length, source),
  );
  const merged = await recountTopic(manager, into.id, actor.now);
  // Readers who had read both to the end have read the merged topic; everyone else sees the moved posts as new.
  await manager.query(
    `UPDATE forum_topic_read_state t SET last_read_post_number = $5, updated_at = $6
       FROM forum_topic_read_state s
      WHERE t.topic_id = $1 AND s.topic_id = $2 AND s.person_id = t.person_id
        AND t.last_read_post_number >= $3 AND s.last_read_post_number >= $4`,
    [
      into.id,
      source.id,
      into.highestPostNumber,
      source.highestPostNumber,
      merged.highestPostNumber,
      actor.now,
    ],
  );
  await manager.query(
    `INSERT INTO forum_topic_watch (topic_id, person_id, level, updated_at)
     SELECT $1, person_id, level, $3 FROM forum_topic_watch WHERE topic_id = $2
     ON CONFLICT DO NOTHING`,
    [into.id, source.id, actor.now],
  );
  await recordAuditEvent(manager, actor, {
    action: "forum.topic.merged",
    targetType: "ForumTopic",
    targetId: source.id,
    data: { targetTopicId: into.id, postIds: posts.map((post) => post.id) },
  });
  const left = await recountTopic(manager, source.id, actor.now);
  await indexForumTopic(manager, into.id, actor.now);
  // The source is only a pointer now: it (and its notes) leave the search index.
  const remaining: Array<{ id: string }> = await manager.query(
    "SELECT id FROM forum_post WHERE topic_id = $1",
    [source.id],
  );
  await searchIndexerFor(manager).remove(
    manager,
    [{ type: "topic", id: source.id }, ...remaining.map((post) => ({ type: "post" as const, id: post.id }))],
    actor.now,
  );
  return { source: left, target: merged };
}
