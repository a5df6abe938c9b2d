import { inTransaction } from "../../db/transaction.js";
import { actorFor } from "../../graphql/actor.js";
import { toGraphqlEnum } from "../../graphql/enums.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId, toGlobalId } from "../../graphql/global-id.js";
import { validateInput } from "../../graphql/validate-input.js";
import { createCategory, updateCategory } from "./categories.js";
import { audienceResource, canReadCategory, readableCategories } from "./forum-access.js";
import { ForumCategoryEntity } from "./forum-category.entity.js";
import { createCategoryInput, updateCategoryInput } from "./forum-input.js";
import { forumLoaders } from "./forum-loaders.js";

export const forumCategoryResolvers: Resolvers = {
  Query: {
    forumCategories: (_parent, _args, context) => readableCategories(context),
    forumCategory: async (_parent, { slug }, context) => {
      const category = await context.dataSource.manager.findOneBy(ForumCategoryEntity, { slug });
      return category && (await canReadCategory(context, category)) ? category : null;
    },
  },
  Mutation: {
    createForumCategory: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(createCategoryInput, input);
      const viewer = context.policy.authorize("forum.manageCategories");
      const category = await inTransaction(context.dataSource, (manager) =>
        createCategory(manager, actorFor(context, viewer), valid),
      );
      return { category };
    },
    updateForumCategory: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const { id, ...changes } = validateInput(updateCategoryInput, input);
      const categoryId = fromGlobalId(id, "ForumCategory", "input.id");
      const viewer = context.policy.authorize("forum.manageCategories");
      const category = await inTransaction(context.dataSource, (manager) =>
        updateCategory(manager, actorFor(context, viewer), categoryId, {
          name: changes.name ?? undefined,
          description: changes.description ?? undefined,
          position: changes.position ?? undefined,
          readAudience: changes.readAudience ?? undefined,
          postAudience: changes.postAudience ?? undefined,
          replyAudience: changes.replyAudience ?? undefined,
          allowsAcceptedAnswers: changes.allowsAcceptedAnswers ?? undefined,
        }),
      );
      return { category };
    },
  },
  ForumCategory: {
    id: (category) => toGlobalId("ForumCategory", category.id),
    kind: (category) => toGraphqlEnum(category.kind),
    readAudience: (category) => toGraphqlEnum(category.readAudience),
    postAudience: (category) => toGraphqlEnum(category.postAudience),
    replyAudience: (category) => toGraphqlEnum(category.replyAudience),
    topicCount: (category, _args, context) => forumLoaders(context).topicCountByCategory.load(category.id),
    viewerCanPost: async (category, _args, context) =>
      context.viewer !== null &&
      context.policy.can("forum.createTopic", await audienceResource(context, category.postAudience)),
  },
};
