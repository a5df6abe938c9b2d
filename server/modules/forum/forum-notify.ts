import type { EntityManager } from "typeorm";
import { ForumNotificationEntity, type ForumNotificationKind } from "./forum-notification.entity.js";

export interface NotificationEvent {
  personId: string;
  kind: ForumNotificationKind;
  topicId: string;
  postNumber: number;
  actorId: string;
  /** Unread notifications with the same key are merged: the count grows and the latest actor shows. */
  consolidationKey?: string;
}

/** Adds a notification, or consolidates it into the person's unread one with the same key. */
export async function addNotification(
  manager: EntityManager,
  now: Date,
  event: NotificationEvent,
): Promise<void> {
  if (event.consolidationKey) {
    const merged = await manager
      .createQueryBuilder()
      .update(ForumNotificationEntity)
      .set({ count: () => "count + 1", actorId: event.actorId, postNumber: event.postNumber, updatedAt: now })
      .where("person_id = :personId AND consolidation_key = :key AND read_at IS NULL", {
        personId: event.personId,
        key: event.consolidationKey,
      })
      .execute();
    if ((merged.affected ?? 0) > 0) return;
  }
  await manager.insert(ForumNotificationEntity, {
    personId: event.personId,
    kind: event.kind,
    topicId: event.topicId,
    postNumber: event.postNumber,
    actorId: event.actorId,
    consolidationKey: event.consolidationKey ?? null,
    count: 1,
    readAt: null,
    createdAt: now,
    updatedAt: now,
  });
}
