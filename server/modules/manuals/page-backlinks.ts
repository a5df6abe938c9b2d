import { type EntityManager, In } from "typeorm";
import { type ForumTopic, ForumTopicEntity } from "../forum/forum-topic.entity.js";

/** Backlinks listed per page; the newest discussions matter most. */
export const MAX_BACKLINKS = 20;

/**
 * Forum topics whose visible posts link to a page (relative `/manuals/...` links or absolute URLs of the hub),
 * most recently active first. Only topics in categories everyone may read are listed, so a backlink never reveals
 * a restricted discussion.
 */
export async function pageBacklinks(manager: EntityManager, url: string): Promise<ForumTopic[]> {
  const escaped = url.replace(/[\\%_]/g, (character) => `\\${character}`);
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT t.id, max(t.last_posted_at) AS last_posted_at
       FROM forum_post p
       JOIN forum_topic t ON t.id = p.topic_id
       JOIN forum_category c ON c.id = t.category_id
      WHERE c.read_audience = 'everyone' AND NOT t.hidden AND NOT p.hidden
        AND (p.html LIKE $1 OR p.html LIKE $2)
      GROUP BY t.id
      ORDER BY last_posted_at DESC
      LIMIT ${MAX_BACKLINKS}`,
    [`%${escaped}"%`, `%${escaped}#%`],
  );
  if (rows.length === 0) return [];
  const topics = await manager.findBy(ForumTopicEntity, { id: In(rows.map((row) => row.id)) });
  const order = new Map(rows.map((row, index) => [row.id, index]));
  return topics.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}
