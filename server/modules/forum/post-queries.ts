import type { EntityManager } from "typeorm";
import { badUserInput } from "../../errors.js";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import { entityColumns } from "./entity-columns.js";
import { type ForumPost, ForumPostEntity } from "./forum-post.entity.js";

/**
 * A topic's posts in order, by keyset on the post number: one index range scan on (topic_id, number) whatever
 * the page, so page 250 of a 5,000-reply topic costs what page 1 costs. `fromNumber` starts at a post (permalinks).
 */
export async function listPosts(
  manager: EntityManager,
  topicId: string,
  page: { first: number; after?: string | null; fromNumber?: number | null },
): Promise<Connection<ForumPost>> {
  let start = 1;
  if (page.after) {
    const [number] = decodeCursor(page.after, 1);
    if (typeof number !== "number")
      throw badUserInput("after is not a valid cursor", [{ field: "after", message: "malformed cursor" }]);
    start = number + 1;
  } else if (page.fromNumber !== undefined && page.fromNumber !== null) {
    if (!Number.isInteger(page.fromNumber) || page.fromNumber < 1) {
      throw badUserInput("fromNumber must be a post number", [
        { field: "fromNumber", message: "at least 1" },
      ]);
    }
    start = page.fromNumber;
  }
  // Raw SQL shaped like the entity: the same index range scan, without TypeORM's building and hydration.
  const rows: ForumPost[] = await manager.query(
    `SELECT ${entityColumns(manager, ForumPostEntity, "post")} FROM forum_post post
     WHERE post.topic_id = $1 AND post.number >= $2 ORDER BY post.number ASC LIMIT $3`,
    [topicId, start, page.first + 1],
  );
  return toConnection(rows, page.first, (post) => [post.number], start > 1);
}
