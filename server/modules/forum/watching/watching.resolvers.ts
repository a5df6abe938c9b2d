import type { EntityManager } from "typeorm";
import { z } from "zod";
import { inTransaction } from "../../../db/transaction.js";
import { notFound } from "../../../errors.js";
import { actorFor } from "../../../graphql/actor.js";
import type { GraphQLContext } from "../../../graphql/context.js";
import { toGraphqlEnum } from "../../../graphql/enums.js";
import type { Resolvers } from "../../../graphql/generated/resolvers-types.js";
import { fromGlobalId } from "../../../graphql/global-id.js";
import { validateInput } from "../../../graphql/validate-input.js";
import { canReadCategory, readableCategories } from "../forum-access.js";
import { ForumCategoryEntity } from "../forum-category.entity.js";
import { forumWatchLevel, tagName } from "../forum-input.js";
import type { ForumWatchLevel } from "../forum-topic-watch.entity.js";
import { setCategoryDefaultWatchLevel, setCategoryWatchLevel, setTagWatchLevel } from "./set-watch-levels.js";
import { watchLoaders } from "./watch-loaders.js";

const categoryLevelInput = z.object({ categoryId: z.string(), level: forumWatchLevel.nullish() });
const tagLevelInput = z.object({ tag: tagName, level: forumWatchLevel.nullish() });

/** A category the viewer may read, loaded with the transaction's manager, or NOT_FOUND. */
async function readableCategory(context: GraphQLContext, manager: EntityManager, categoryId: string) {
  const category = await manager.findOneBy(ForumCategoryEntity, { id: categoryId });
  if (!category || !(await canReadCategory(context, category, manager))) throw notFound("Category");
  return category;
}

export const forumWatchingResolvers: Resolvers = {
  Query: {
    forumCategoryWatches: async (_parent, _args, context) => {
      const { person } = context.policy.requireViewer();
      const readable = await readableCategories(context);
      const levels: Array<{ category_id: string; level: ForumWatchLevel }> = await context.dataSource.query(
        "SELECT category_id, level FROM forum_category_watch WHERE person_id = $1",
        [person.id],
      );
      const byCategory = new Map(levels.map((row) => [row.category_id, row.level]));
      return readable
        .filter((category) => byCategory.has(category.id))
        .map((category) => ({
          category,
          level: toGraphqlEnum(byCategory.get(category.id) ?? "tracking"),
        }));
    },
    forumTagWatches: async (_parent, _args, context) => {
      const { person } = context.policy.requireViewer();
      const rows: Array<{ name: string; level: ForumWatchLevel }> = await context.dataSource.query(
        `SELECT t.name, w.level FROM forum_tag_watch w JOIN forum_tag t ON t.id = w.tag_id
         WHERE w.person_id = $1 ORDER BY t.name`,
        [person.id],
      );
      return rows.map((row) => ({ tag: row.name, level: toGraphqlEnum(row.level) }));
    },
  },
  Mutation: {
    setForumCategoryWatchLevel: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(categoryLevelInput, input);
      const categoryId = fromGlobalId(valid.categoryId, "ForumCategory", "input.categoryId");
      const viewer = context.policy.authorize("forum.participate");
      const category = await inTransaction(context.dataSource, async (manager) => {
        const category = await readableCategory(context, manager, categoryId);
        await setCategoryWatchLevel(manager, actorFor(context, viewer), category, valid.level ?? null);
        return category;
      });
      return { category };
    },
    setForumTagWatchLevel: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(tagLevelInput, input);
      const viewer = context.policy.authorize("forum.participate");
      await inTransaction(context.dataSource, (manager) =>
        setTagWatchLevel(manager, actorFor(context, viewer), valid.tag, valid.level ?? null),
      );
      return { tag: valid.tag, level: valid.level ? toGraphqlEnum(valid.level) : null };
    },
    setForumCategoryDefaultWatchLevel: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(categoryLevelInput, input);
      const categoryId = fromGlobalId(valid.categoryId, "ForumCategory", "input.categoryId");
      const viewer = context.policy.authorize("forum.setCategoryDefaultWatchLevel");
      const category = await inTransaction(context.dataSource, async (manager) => {
        const category = await readableCategory(context, manager, categoryId);
        await setCategoryDefaultWatchLevel(manager, actorFor(context, viewer), category, valid.level ?? null);
        return category;
      });
      return { category };
    },
  },
  ForumCategory: {
    defaultWatchLevel: async (category, _args, context) => {
      const level = await watchLoaders(context).defaultLevel.load(category.id);
      return level ? toGraphqlEnum(level) : null;
    },
    viewerWatchLevel: async (category, _args, context) => {
      const level = await watchLoaders(context).viewerCategoryLevel.load(category.id);
      return level ? toGraphqlEnum(level) : null;
    },
  },
};
