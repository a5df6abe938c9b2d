import type { EntityManager } from "typeorm";
import { conflict, notFound } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { type ForumCategory, ForumCategoryEntity } from "./forum-category.entity.js";
import { indexForumCategory } from "./search/forum-search-source.js";

export type NewCategory = Omit<ForumCategory, "id" | "createdAt" | "updatedAt">;

/** Creates a category (stewards). */
export async function createCategory(
  manager: EntityManager,
  actor: Actor,
  input: NewCategory,
): Promise<ForumCategory> {
  if (await manager.existsBy(ForumCategoryEntity, { slug: input.slug })) {
    throw conflict(`The slug "${input.slug}" is taken`, { field: "input.slug" });
  }
  const category = await manager.save(ForumCategoryEntity, input);
  await recordAuditEvent(manager, actor, {
    action: "forum.category.created",
    targetType: "ForumCategory",
    targetId: category.id,
    data: { ...input },
  });
  return category;
}

export type CategoryChanges = Partial<
  Pick<
    ForumCategory,
    | "name"
    | "description"
    | "position"
    | "readAudience"
    | "postAudience"
    | "replyAudience"
    | "allowsAcceptedAnswers"
  >
>;

/** Changes a category's name, order or permissions, recording old and new values. */
export async function updateCategory(
  manager: EntityManager,
  actor: Actor,
  categoryId: string,
  changes: CategoryChanges,
): Promise<ForumCategory> {
  const category = await manager.findOne(ForumCategoryEntity, {
    where: { id: categoryId },
    lock: { mode: "pessimistic_write" },
  });
  if (!category) throw notFound("Category");
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(changes) as Array<[keyof CategoryChanges, never]>) {
    if (value === undefined || value === null || category[field] === value) continue;
    changed[field] = { from: category[field], to: value };
    Object.assign(category, { [field]: value });
  }
  if (Object.keys(changed).length === 0) return category;
  const saved = await manager.save(ForumCategoryEntity, category);
  await recordAuditEvent(manager, actor, {
    action: "forum.category.updated",
    targetType: "ForumCategory",
    targetId: category.id,
    data: { changed },
  });
  if (changed.readAudience) await indexForumCategory(manager, category.id, actor.now);
  return saved;
}
