import type { EntityManager } from "typeorm";
import { badUserInput } from "../../errors.js";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
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
  const rows = await manager
    .createQueryBuilder(ForumPostEntity, "post")
    .where("post.topic_id = :topicId AND post.number >= :start", { topicId, start })
    .orderBy("post.number", "ASC")
    .take(page.first + 1)
    .getMany();
  return toConnection(rows, page.first, (post) => [post.number], start > 1);
}
