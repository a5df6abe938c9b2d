import type { EntityManager } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import { type ForumBookmark, ForumBookmarkEntity } from "./forum-bookmark.entity.js";
import { type ForumFlag, ForumFlagEntity, type ForumFlagStatus } from "./forum-flag.entity.js";
import { type ForumNotification, ForumNotificationEntity } from "./forum-notification.entity.js";

/** A person's notifications, latest activity first (consolidated ones rise when they grow). */
export async function listNotifications(
  manager: EntityManager,
  personId: string,
  page: { first: number; after?: string | null; unreadOnly: boolean },
): Promise<Connection<ForumNotification>> {
  const builder = manager
    .createQueryBuilder(ForumNotificationEntity, "notification")
    .where("notification.person_id = :personId", { personId });
  if (page.unreadOnly) builder.andWhere("notification.read_at IS NULL");
  if (page.after) {
    const [updatedAt, id] = decodeCursor(page.after, 2);
    builder.andWhere("(notification.updated_at, notification.id) < (:updatedAt, :id)", { updatedAt, id });
  }
  const rows = await builder
    .orderBy("notification.updated_at", "DESC")
    .addOrderBy("notification.id", "DESC")
    .take(page.first + 1)
    .getMany();
  return toConnection(rows, page.first, (row) => [row.updatedAt.toISOString(), row.id], Boolean(page.after));
}

/** A person's bookmarks, newest first. */
export async function listBookmarks(
  manager: EntityManager,
  personId: string,
  page: { first: number; after?: string | null },
): Promise<Connection<ForumBookmark>> {
  const builder = manager
    .createQueryBuilder(ForumBookmarkEntity, "bookmark")
    .where("bookmark.person_id = :personId", { personId });
  if (page.after) {
    const [createdAt, id] = decodeCursor(page.after, 2);
    builder.andWhere("(bookmark.created_at, bookmark.id) < (:createdAt, :id)", { createdAt, id });
  }
  const rows = await builder
    .orderBy("bookmark.created_at", "DESC")
    .addOrderBy("bookmark.id", "DESC")
    .take(page.first + 1)
    .getMany();
  return toConnection(rows, page.first, (row) => [row.createdAt.toISOString(), row.id], Boolean(page.after));
}

/** The review queue: flags with a status, oldest first (first come, first served). */
export async function listFlags(
  manager: EntityManager,
  page: { first: number; after?: string | null; status: ForumFlagStatus },
): Promise<Connection<ForumFlag>> {
  const builder = manager
    .createQueryBuilder(ForumFlagEntity, "flag")
    .where("flag.status = :status", { status: page.status });
  if (page.after) {
    const [createdAt, id] = decodeCursor(page.after, 2);
    builder.andWhere("(flag.created_at, flag.id) > (:createdAt, :id)", { createdAt, id });
  }
  const rows = await builder
    .orderBy("flag.created_at", "ASC")
    .addOrderBy("flag.id", "ASC")
    .take(page.first + 1)
    .getMany();
  return toConnection(rows, page.first, (row) => [row.createdAt.toISOString(), row.id], Boolean(page.after));
}
