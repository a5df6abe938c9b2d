import type { EntityManager } from "typeorm";
import { badUserInput } from "../../errors.js";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import { entityColumns } from "./entity-columns.js";
import { type ForumTopic, ForumTopicEntity } from "./forum-topic.entity.js";

export type TopicOrder = "latest" | "top" | "unread" | "new";

export interface TopicListQuery {
  first: number;
  after?: string | null;
  order: TopicOrder;
  /** Only these categories (already narrowed to the ones the viewer may read). */
  categoryIds: string[];
  tag?: string;
  includeHidden: boolean;
  /** Needed for unread and new. */
  viewerId: string | null;
}

/**
 * Topic lists with keyset pagination. LATEST: pinned first, then last activity; TOP: likes, then replies;
 * UNREAD: topics the viewer read before with newer posts; NEW: topics the viewer never opened. Both of the latter
 * are ordered like LATEST.
 */
export async function listTopics(
  manager: EntityManager,
  query: TopicListQuery,
): Promise<Connection<ForumTopic>> {
  if (query.categoryIds.length === 0) return toConnection([], query.first, () => [], Boolean(query.after));
  // Raw SQL shaped like the entity (the same plan as before, without TypeORM's building and hydration).
  const parameters: unknown[] = [query.categoryIds];
  const parameter = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const where = ["topic.category_id = ANY($1::uuid[])"];
  if (!query.includeHidden) where.push("topic.hidden = false");
  if (query.tag) {
    where.push(
      `EXISTS (SELECT 1 FROM forum_topic_tag tt JOIN forum_tag t ON t.id = tt.tag_id WHERE tt.topic_id = topic.id AND t.name = ${parameter(query.tag.toLowerCase())})`,
    );
  }
  if (query.order === "unread" || query.order === "new") {
    if (!query.viewerId)
      throw badUserInput("Sign in to list unread topics", [{ field: "order", message: "sign in" }]);
    const exists = query.order === "unread" ? "EXISTS" : "NOT EXISTS";
    const unread = query.order === "unread" ? "AND rs.last_read_post_number < topic.highest_post_number" : "";
    where.push(
      `${exists} (SELECT 1 FROM forum_topic_read_state rs WHERE rs.topic_id = topic.id AND rs.person_id = ${parameter(query.viewerId)} ${unread})`,
    );
  }
  let order: string;
  if (query.order === "top") {
    if (query.after) {
      const [likes, replies, id] = decodeCursor(query.after, 3);
      where.push(
        `(topic.like_count, topic.reply_count, topic.id) < (${parameter(likes)}, ${parameter(replies)}, ${parameter(id)})`,
      );
    }
    order = "topic.like_count DESC, topic.reply_count DESC";
  } else {
    // Pinned topics lead the latest list only; unread and new lists are about activity.
    const pinnedFirst = query.order === "latest";
    if (query.after) {
      const [pinned, lastPostedAt, id] = decodeCursor(query.after, 3);
      where.push(
        pinnedFirst
          ? `(topic.pinned::int, topic.last_posted_at, topic.id) < (${parameter(pinned)}, ${parameter(lastPostedAt)}, ${parameter(id)})`
          : `(topic.last_posted_at, topic.id) < (${parameter(lastPostedAt)}, ${parameter(id)})`,
      );
    }
    order = pinnedFirst ? "topic.pinned DESC, topic.last_posted_at DESC" : "topic.last_posted_at DESC";
  }
  const rows: ForumTopic[] = await manager.query(
    `SELECT ${entityColumns(manager, ForumTopicEntity, "topic")} FROM forum_topic topic
     WHERE ${where.join(" AND ")} ORDER BY ${order}, topic.id DESC LIMIT ${parameter(query.first + 1)}`,
    parameters,
  );
  const keyOf = (topic: ForumTopic) =>
    query.order === "top"
      ? [topic.likeCount, topic.replyCount, topic.id]
      : [topic.pinned ? 1 : 0, topic.lastPostedAt.toISOString(), topic.id];
  return toConnection(rows, query.first, keyOf, Boolean(query.after));
}
