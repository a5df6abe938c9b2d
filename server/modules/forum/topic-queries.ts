import type { EntityManager } from "typeorm";
import { badUserInput } from "../../errors.js";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
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
  const builder = manager
    .createQueryBuilder(ForumTopicEntity, "topic")
    .where("topic.category_id IN (:...categoryIds)", { categoryIds: query.categoryIds });
  if (!query.includeHidden) builder.andWhere("topic.hidden = false");
  if (query.tag) {
    builder.andWhere(
      "EXISTS (SELECT 1 FROM forum_topic_tag tt JOIN forum_tag t ON t.id = tt.tag_id WHERE tt.topic_id = topic.id AND t.name = :tag)",
      { tag: query.tag.toLowerCase() },
    );
  }
  if (query.order === "unread" || query.order === "new") {
    if (!query.viewerId)
      throw badUserInput("Sign in to list unread topics", [{ field: "order", message: "sign in" }]);
    const exists = query.order === "unread" ? "EXISTS" : "NOT EXISTS";
    const unread = query.order === "unread" ? "AND rs.last_read_post_number < topic.highest_post_number" : "";
    builder.andWhere(
      `${exists} (SELECT 1 FROM forum_topic_read_state rs WHERE rs.topic_id = topic.id AND rs.person_id = :viewerId ${unread})`,
      { viewerId: query.viewerId },
    );
  }
  if (query.order === "top") {
    if (query.after) {
      const [likes, replies, id] = decodeCursor(query.after, 3);
      builder.andWhere("(topic.like_count, topic.reply_count, topic.id) < (:likes, :replies, :id)", {
        likes,
        replies,
        id,
      });
    }
    builder.orderBy("topic.like_count", "DESC").addOrderBy("topic.reply_count", "DESC");
  } else {
    // Pinned topics lead the latest list only; unread and new lists are about activity.
    const pinnedFirst = query.order === "latest";
    if (query.after) {
      const [pinned, lastPostedAt, id] = decodeCursor(query.after, 3);
      builder.andWhere(
        pinnedFirst
          ? "(topic.pinned::int, topic.last_posted_at, topic.id) < (:pinned, :lastPostedAt, :id)"
          : "(topic.last_posted_at, topic.id) < (:lastPostedAt, :id)",
        { pinned, lastPostedAt, id },
      );
    }
    if (pinnedFirst) builder.orderBy("topic.pinned", "DESC").addOrderBy("topic.last_posted_at", "DESC");
    else builder.orderBy("topic.last_posted_at", "DESC");
  }
  const rows = await builder
    .addOrderBy("topic.id", "DESC")
    .take(query.first + 1)
    .getMany();
  const keyOf = (topic: ForumTopic) =>
    query.order === "top"
      ? [topic.likeCount, topic.replyCount, topic.id]
      : [topic.pinned ? 1 : 0, topic.lastPostedAt.toISOString(), topic.id];
  return toConnection(rows, query.first, keyOf, Boolean(query.after));
}
