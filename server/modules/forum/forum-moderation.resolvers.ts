import { z } from "zod";
import { inTransaction } from "../../db/transaction.js";
import { notFound } from "../../errors.js";
import { actorFor } from "../../graphql/actor.js";
import type { GraphQLContext } from "../../graphql/context.js";
import { pageSize } from "../../graphql/connection.js";
import { fromGraphqlEnum, toGraphqlEnum } from "../../graphql/enums.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId, toGlobalId } from "../../graphql/global-id.js";
import { validateInput } from "../../graphql/validate-input.js";
import { loadReadablePost, loadReadableTopic } from "./forum-access.js";
import { ForumCategoryEntity } from "./forum-category.entity.js";
import { ForumFlagEntity } from "./forum-flag.entity.js";
import { flagInput, hidePostInput } from "./forum-input.js";
import { forumLoaders } from "./forum-loaders.js";
import { ForumPostEntity } from "./forum-post.entity.js";
import {
  flagPost,
  moveTopic,
  resolveFlag,
  setPostHidden,
  setTopicSwitch,
  type TopicSwitch,
} from "./moderation.js";
import { listFlags } from "./personal-queries.js";

const resolveInput = z.object({
  flagId: z.string(),
  status: z.enum(["AGREED", "DISAGREED", "DEFERRED"], "AGREED, DISAGREED or DEFERRED"),
});
const switchInput = z.object({ topicId: z.string(), value: z.boolean() });
const moveInput = z.object({ topicId: z.string(), categoryId: z.string() });

async function switchTopic(
  input: unknown,
  which: TopicSwitch,
  context: GraphQLContext,
): Promise<{ topic: import("./forum-topic.entity.js").ForumTopic }> {
  context.policy.requireViewer();
  const valid = validateInput(switchInput, input);
  const topicId = fromGlobalId(valid.topicId, "ForumTopic", "input.topicId");
  const viewer = context.policy.authorize("forum.moderate");
  const topic = await inTransaction(context.dataSource, async (manager) => {
    const { topic } = await loadReadableTopic(context, topicId, manager, true);
    return setTopicSwitch(manager, actorFor(context, viewer), topic, which, valid.value);
  });
  return { topic };
}

export const forumModerationResolvers: Resolvers = {
  Query: {
    forumReviewQueue: (_parent, { first, after, status }, context) => {
      context.policy.authorize("forum.readReviewQueue");
      return listFlags(context.dataSource.manager, {
        first: pageSize(first),
        after,
        status: fromGraphqlEnum(status ?? "PENDING"),
      });
    },
  },
  Mutation: {
    flagForumPost: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(flagInput, input);
      const postId = fromGlobalId(valid.postId, "ForumPost", "input.postId");
      const viewer = context.policy.authorize("forum.participate");
      const flag = await inTransaction(context.dataSource, async (manager) => {
        const { post } = await loadReadablePost(context, postId, manager);
        return flagPost(manager, actorFor(context, viewer), post, valid);
      });
      return { flag };
    },
    resolveForumFlag: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(resolveInput, input);
      const flagId = fromGlobalId(valid.flagId, "ForumFlag", "input.flagId");
      const viewer = context.policy.authorize("forum.moderate");
      const flag = await inTransaction(context.dataSource, async (manager) => {
        const flag = await manager.findOne(ForumFlagEntity, {
          where: { id: flagId },
          lock: { mode: "pessimistic_write" },
        });
        if (!flag) throw notFound("Flag");
        const post = await manager.findOneByOrFail(ForumPostEntity, { id: flag.postId });
        const status = fromGraphqlEnum(valid.status);
        return resolveFlag(manager, actorFor(context, viewer), flag, post, status);
      });
      return { flag };
    },
    setForumPostHidden: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(hidePostInput, input);
      const postId = fromGlobalId(valid.postId, "ForumPost", "input.postId");
      const viewer = context.policy.authorize("forum.moderate");
      const post = await inTransaction(context.dataSource, async (manager) => {
        const { post } = await loadReadablePost(context, postId, manager, true);
        return setPostHidden(manager, actorFor(context, viewer), post, valid.hidden, valid.reason ?? null);
      });
      return { post };
    },
    setForumTopicLocked: (_parent, { input }, context) => switchTopic(input, "locked", context),
    setForumTopicPinned: (_parent, { input }, context) => switchTopic(input, "pinned", context),
    setForumTopicHidden: (_parent, { input }, context) => switchTopic(input, "hidden", context),
    moveForumTopic: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(moveInput, input);
      const topicId = fromGlobalId(valid.topicId, "ForumTopic", "input.topicId");
      const categoryId = fromGlobalId(valid.categoryId, "ForumCategory", "input.categoryId");
      const viewer = context.policy.authorize("forum.moderate");
      const topic = await inTransaction(context.dataSource, async (manager) => {
        const { topic } = await loadReadableTopic(context, topicId, manager, true);
        const to = await manager.findOneBy(ForumCategoryEntity, { id: categoryId });
        if (!to) throw notFound("Category");
        return moveTopic(manager, actorFor(context, viewer), topic, to);
      });
      return { topic };
    },
  },
  ForumFlag: {
    id: (flag) => toGlobalId("ForumFlag", flag.id),
    post: (flag, _args, context) => forumLoaders(context).postById.load(flag.postId),
    flagger: (flag, _args, context) => context.loaders.personById.load(flag.flaggerId),
    handledBy: (flag, _args, context) =>
      flag.handledById ? context.loaders.personById.load(flag.handledById) : null,
    reason: (flag) => toGraphqlEnum(flag.reason),
    status: (flag) => toGraphqlEnum(flag.status),
  },
};
