import type { EntityManager } from "typeorm";
import { type Actor, recordAuditEvent } from "../../audit/record-audit-event.js";
import type { ForumCategory } from "../forum-category.entity.js";
import { ForumTagEntity } from "../forum-tag.entity.js";
import type { ForumWatchLevel } from "../forum-topic-watch.entity.js";
import {
  ForumCategoryWatchDefaultEntity,
  ForumCategoryWatchEntity,
  ForumTagWatchEntity,
} from "./forum-scope-watch.entity.js";

type PersonActor = Actor & { personId: string };

/** Sets (or, with null, clears) the viewer's level on a category. */
export async function setCategoryWatchLevel(
  manager: EntityManager,
  actor: PersonActor,
  category: ForumCategory,
  level: ForumWatchLevel | null,
): Promise<void> {
  if (level === null) {
    await manager.delete(ForumCategoryWatchEntity, { categoryId: category.id, personId: actor.personId });
  } else {
    await manager.upsert(
      ForumCategoryWatchEntity,
      { categoryId: category.id, personId: actor.personId, level, updatedAt: actor.now },
      ["categoryId", "personId"],
    );
  }
  await recordAuditEvent(manager, actor, {
    action: "forum.category.watch_level_set",
    targetType: "ForumCategory",
    targetId: category.id,
    data: { level },
  });
}

/** Sets (or clears) the viewer's level on a tag, creating the tag on first use as topics do. */
export async function setTagWatchLevel(
  manager: EntityManager,
  actor: PersonActor,
  tag: string,
  level: ForumWatchLevel | null,
): Promise<void> {
  await manager.createQueryBuilder().insert().into(ForumTagEntity).values({ name: tag }).orIgnore().execute();
  const { id: tagId } = await manager.findOneByOrFail(ForumTagEntity, { name: tag });
  if (level === null) {
    await manager.delete(ForumTagWatchEntity, { tagId, personId: actor.personId });
  } else {
    await manager.upsert(
      ForumTagWatchEntity,
      { tagId, personId: actor.personId, level, updatedAt: actor.now },
      ["tagId", "personId"],
    );
  }
  await recordAuditEvent(manager, actor, {
    action: "forum.tag.watch_level_set",
    targetType: "ForumTag",
    targetId: tagId,
    data: { tag, level },
  });
}

/** Sets (or clears) the level everyone without their own has on a category; moderators and stewards only. */
export async function setCategoryDefaultWatchLevel(
  manager: EntityManager,
  actor: PersonActor,
  category: ForumCategory,
  level: ForumWatchLevel | null,
): Promise<void> {
  if (level === null) {
    await manager.delete(ForumCategoryWatchDefaultEntity, { categoryId: category.id });
  } else {
    await manager.upsert(
      ForumCategoryWatchDefaultEntity,
      { categoryId: category.id, level, updatedById: actor.personId, updatedAt: actor.now },
      ["categoryId"],
    );
  }
  await recordAuditEvent(manager, actor, {
    action: "forum.category.default_watch_level_set",
    targetType: "ForumCategory",
    targetId: category.id,
    data: { level },
  });
}
