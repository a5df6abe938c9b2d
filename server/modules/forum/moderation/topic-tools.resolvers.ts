import { inTransaction } from "../../../db/transaction.js";
import { notFound } from "../../../errors.js";
import { actorFor } from "../../../graphql/actor.js";
import { toGraphqlEnum } from "../../../graphql/enums.js";
import type { Resolvers } from "../../../graphql/generated/resolvers-types.js";
import { fromGlobalId } from "../../../graphql/global-id.js";
import { validateInput } from "../../../graphql/validate-input.js";
import { canReadTopic, loadReadableTopic } from "../forum-access.js";
import { ForumCategoryEntity } from "../forum-category.entity.js";
import { forumLoaders } from "../forum-loaders.js";
import type { GraphQLContext } from "../../../graphql/context.js";
import { mergeTopics } from "./merge-topics.js";
import { mergeInput, slowModeInput, splitInput } from "./moderation-inputs.js";
import { moderationLoaders } from "./moderation-loaders.js";
import { setSlowMode } from "./slow-mode.js";
import { splitTopic } from "./split-topic.js";

/** A topic the viewer may read, or null (a note's other topic may be hidden from them). */
async function readableTopic(context: GraphQLContext, topicId: string | null) {
  if (!topicId) return null;
  const topic = await forumLoaders(context).topicById.load(topicId);
  if (!topic) return null;
  const category = await forumLoaders(context).categoryById.load(topic.categoryId);
  return category && (await canReadTopic(context, topic, category)) ? topic : null;
}

/** Split, merge and slow mode: moderators only, each one command in one transaction. */
export const topicToolResolvers: Resolvers = {
  Mutation: {
    splitForumTopic: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(splitInput, input);
      const topicId = fromGlobalId(valid.topicId, "ForumTopic", "input.topicId");
      const categoryId = fromGlobalId(valid.categoryId, "ForumCategory", "input.categoryId");
      const postIds = valid.postIds.map((id) => fromGlobalId(id, "ForumPost", "input.postIds"));
      const viewer = context.policy.authorize("forum.splitTopic");
      return inTransaction(context.dataSource, async (manager) => {
        const { topic } = await loadReadableTopic(context, topicId, manager, true);
        const category = await manager.findOneBy(ForumCategoryEntity, { id: categoryId });
        if (!category) throw notFound("Category");
        return splitTopic(manager, actorFor(context, viewer), topic, {
          category,
          title: valid.title,
          postIds,
        });
      });
    },
    mergeForumTopic: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(mergeInput, input);
      const sourceId = fromGlobalId(valid.sourceTopicId, "ForumTopic", "input.sourceTopicId");
      const targetId = fromGlobalId(valid.targetTopicId, "ForumTopic", "input.targetTopicId");
      const viewer = context.policy.authorize("forum.mergeTopics");
      return inTransaction(context.dataSource, async (manager) => {
        // Lock both rows in one order (by id), so two merges of the same pair cannot deadlock.
        const [first, second] = [sourceId, targetId].sort();
        const locked = new Map([
          [first, await loadReadableTopic(context, first, manager, true)],
          [second, await loadReadableTopic(context, second, manager, true)],
        ]);
        const source = locked.get(sourceId)!;
        const target = locked.get(targetId)!;
        return mergeTopics(manager, actorFor(context, viewer), source.topic, target);
      });
    },
    setForumTopicSlowMode: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(slowModeInput, input);
      const topicId = fromGlobalId(valid.topicId, "ForumTopic", "input.topicId");
      const viewer = context.policy.authorize("forum.setSlowMode");
      const topic = await inTransaction(context.dataSource, async (manager) => {
        const { topic } = await loadReadableTopic(context, topicId, manager, true);
        await setSlowMode(manager, actorFor(context, viewer), topic, valid.seconds);
        return topic;
      });
      return { topic };
    },
  },
  ForumTopic: {
    slowModeSeconds: async (topic, _args, context) =>
      (await moderationLoaders(context).topicModeration.load(topic.id))?.slowModeSeconds ?? 0,
    mergedInto: async (topic, _args, context) =>
      readableTopic(
        context,
        (await moderationLoaders(context).topicModeration.load(topic.id))?.mergedIntoId ?? null,
      ),
  },
  ForumPost: {
    smallAction: (post, _args, context) => moderationLoaders(context).smallAction.load(post.id),
  },
  ForumSmallAction: {
    kind: (action) => toGraphqlEnum(action.kind),
    otherTopic: (action, _args, context) => readableTopic(context, action.otherTopicId),
  },
};
