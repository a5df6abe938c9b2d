import { type EntityManager, IsNull } from "typeorm";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { ForumNotificationEntity } from "./forum-notification.entity.js";
import type { ForumTopic } from "./forum-topic.entity.js";
import { ForumTopicWatchEntity, type ForumWatchLevel } from "./forum-topic-watch.entity.js";

/** Sets the viewer's watch level on a topic. */
export async function setWatchLevel(
  manager: EntityManager,
  actor: Actor & { personId: string },
  topic: ForumTopic,
  level: ForumWatchLevel,
): Promise<void> {
  await manager.upsert(
    ForumTopicWatchEntity,
    { topicId: topic.id, personId: actor.personId, level, updatedAt: actor.now },
    ["topicId", "personId"],
  );
  await recordAuditEvent(manager, actor, {
    action: "forum.topic.watch_level_set",
    targetType: "ForumTopic",
    targetId: topic.id,
    data: { level },
  });
}

/**
 * Moves the viewer's read position forward (never back: an old tab cannot mark posts unread), capped at the
 * topic's last post, and marks notifications about the posts read up to there as read.
 */
export async function markTopicRead(
  manager: EntityManager,
  actor: Actor & { personId: string },
  topic: ForumTopic,
  postNumber: number,
): Promise<number> {
  const number = Math.min(postNumber, topic.highestPostNumber);
  const rows: Array<{ last_read_post_number: number }> = await manager.query(
    `INSERT INTO forum_topic_read_state (topic_id, person_id, last_read_post_number, updated_at)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (topic_id, person_id) DO UPDATE SET
       last_read_post_number = GREATEST(forum_topic_read_state.last_read_post_number, EXCLUDED.last_read_post_number),
       updated_at = EXCLUDED.updated_at
     RETURNING last_read_post_number`,
    [topic.id, actor.personId, number, actor.now],
  );
  await manager
    .createQueryBuilder()
    .update(ForumNotificationEntity)
    .set({ readAt: actor.now })
    .where("person_id = :personId AND topic_id = :topicId AND post_number <= :number AND read_at IS NULL", {
      personId: actor.personId,
      topicId: topic.id,
      number,
    })
    .execute();
  await recordAuditEvent(manager, actor, {
    action: "forum.topic.read",
    targetType: "ForumTopic",
    targetId: topic.id,
    data: { postNumber: number },
  });
  return rows[0]?.last_read_post_number ?? number;
}

/** Marks some (or all) of the viewer's notifications read; returns how many unread remain. */
export async function markNotificationsRead(
  manager: EntityManager,
  actor: Actor & { personId: string },
  ids: string[] | null,
): Promise<number> {
  const update = manager
    .createQueryBuilder()
    .update(ForumNotificationEntity)
    .set({ readAt: actor.now })
    .where("person_id = :personId AND read_at IS NULL", { personId: actor.personId });
  if (ids)
    update.andWhere("id IN (:...ids)", {
      ids: ids.length > 0 ? ids : ["00000000-0000-0000-0000-000000000000"],
    });
  const result = await update.execute();
  await recordAuditEvent(manager, actor, {
    action: "forum.notifications.read",
    targetType: "Person",
    targetId: actor.personId,
    data: { count: result.affected ?? 0 },
  });
  return manager.countBy(ForumNotificationEntity, { personId: actor.personId, readAt: IsNull() });
}
