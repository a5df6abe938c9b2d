import type { EntityManager } from "typeorm";
import { ForumTagEntity, ForumTopicTagEntity } from "./forum-tag.entity.js";

/** Replaces a topic's tags, creating tags on first use. Names are already validated and lower case. */
export async function setTopicTags(
  manager: EntityManager,
  topicId: string,
  names: readonly string[],
): Promise<void> {
  await manager.delete(ForumTopicTagEntity, { topicId });
  if (names.length === 0) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(ForumTagEntity)
    .values(names.map((name) => ({ name })))
    .orIgnore()
    .execute();
  const rows: Array<{ id: string }> = await manager.query("SELECT id FROM forum_tag WHERE name = ANY($1)", [
    [...names],
  ]);
  await manager.insert(
    ForumTopicTagEntity,
    rows.map((row) => ({ topicId, tagId: row.id })),
  );
}
