import { notFound } from "../../errors.js";
import { inTransaction } from "../../db/transaction.js";
import { actorFor } from "../../graphql/actor.js";
import { pageSize } from "../../graphql/connection.js";
import { fromGraphqlEnum, toGraphqlEnum } from "../../graphql/enums.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId, parseGlobalId, toGlobalId } from "../../graphql/global-id.js";
import { validateInput } from "../../graphql/validate-input.js";
import { createTopic } from "./create-topic.js";
import { wakeForumFanout } from "./fanout/forum-fanout-jobs.js";
import {
  audienceResource,
  canReadCategory,
  canReadTopic,
  loadReadableTopic,
  readableCategories,
} from "./forum-access.js";
import { ForumCategoryEntity } from "./forum-category.entity.js";
import { createTopicInput, replyInput } from "./forum-input.js";
import { forumLoaders } from "./forum-loaders.js";
import { checkPostingLimits, renderForContext, topicPath } from "./forum-resolver-support.js";
import { listPosts } from "./post-queries.js";
import { checkReplyTarget, replyToTopic } from "./reply-to-topic.js";
import { listTopics } from "./topic-queries.js";

export const forumTopicResolvers: Resolvers = {
  Query: {
    forumTopics: async (_parent, { first, after, order, filter }, context) => {
      let categories = await readableCategories(context);
      if (filter?.categorySlug)
        categories = categories.filter((category) => category.slug === filter.categorySlug);
      const sort = fromGraphqlEnum(order ?? "LATEST");
      if ((sort === "unread" || sort === "new") && !context.viewer) context.policy.requireViewer();
      return listTopics(context.dataSource.manager, {
        first: pageSize(first),
        after,
        order: sort,
        categoryIds: categories.map((category) => category.id),
        tag: filter?.tag?.trim().slice(0, 30) || undefined,
        includeHidden: context.policy.isModerator,
        viewerId: context.viewer?.person.id ?? null,
      });
    },
    forumTopic: async (_parent, { id }, context) => {
      const parsed = parseGlobalId(id);
      if (parsed?.typeName !== "ForumTopic") return null;
      const topic = await forumLoaders(context).topicById.load(parsed.id);
      if (!topic) return null;
      const category = await forumLoaders(context).categoryById.load(topic.categoryId);
      return category && (await canReadTopic(context, topic, category)) ? topic : null;
    },
  },
  Mutation: {
    createForumTopic: async (_parent, { input }, context) => {
      const { person } = context.policy.requireViewer();
      const valid = validateInput(createTopicInput, input);
      const categoryId = fromGlobalId(valid.categoryId, "ForumCategory", "input.categoryId");
      const category = await context.dataSource.manager.findOneBy(ForumCategoryEntity, { id: categoryId });
      if (!category || !(await canReadCategory(context, category))) throw notFound("Category");
      const viewer = context.policy.authorize(
        "forum.createTopic",
        await audienceResource(context, category.postAudience),
      );
      const rendered = renderForContext(context, valid.markdown);
      const { topic } = await inTransaction(context.dataSource, async (manager) => {
        await checkPostingLimits(context, manager, {
          personId: person.id,
          kind: "topic",
          markdown: valid.markdown,
        });
        return createTopic(manager, actorFor(context, viewer), category, { ...valid, rendered });
      });
      wakeForumFanout(context.dataSource); // committed: tell the watchers now rather than at the next poll
      return { topic };
    },
    replyToForumTopic: async (_parent, { input }, context) => {
      const { person } = context.policy.requireViewer();
      const valid = validateInput(replyInput, input);
      const topicId = fromGlobalId(valid.topicId, "ForumTopic", "input.topicId");
      const { topic, category } = await loadReadableTopic(context, topicId);
      const resource = await audienceResource(context, category.replyAudience, { locked: topic.locked });
      const viewer = context.policy.authorize("forum.reply", resource);
      checkReplyTarget(topic, valid.replyToNumber ?? null);
      const rendered = renderForContext(context, valid.markdown);
      const post = await inTransaction(context.dataSource, async (manager) => {
        await checkPostingLimits(context, manager, {
          personId: person.id,
          kind: "post",
          markdown: valid.markdown,
          topicId,
        });
        // Read again, unlocked: the topic row is locked only by the statement that numbers the post (and until
        // the commit), which also refuses the post if a moderator locked the topic since this check.
        const current = await loadReadableTopic(context, topicId, manager);
        context.policy.authorize("forum.reply", { ...resource, locked: current.topic.locked });
        return replyToTopic(manager, actorFor(context, viewer), current, {
          markdown: valid.markdown,
          rendered,
          replyToNumber: valid.replyToNumber ?? null,
          mayPostWhenLocked: context.policy.isModerator,
        });
      });
      wakeForumFanout(context.dataSource); // committed: tell the watchers now rather than at the next poll
      return { post };
    },
  },
  ForumTopic: {
    id: (topic) => toGlobalId("ForumTopic", topic.id),
    path: (topic) => topicPath(topic),
    category: async (topic, _args, context) => {
      const category = await forumLoaders(context).categoryById.load(topic.categoryId);
      if (!category) throw notFound("Category");
      return category;
    },
    author: (topic, _args, context) => context.loaders.personById.load(topic.authorId),
    lastPoster: (topic, _args, context) => context.loaders.personById.load(topic.lastPosterId),
    tags: (topic, _args, context) => forumLoaders(context).tagsByTopic.load(topic.id),
    acceptedAnswer: async (topic, _args, context) => {
      if (!topic.acceptedPostId) return null;
      const post = await forumLoaders(context).postById.load(topic.acceptedPostId);
      return post && !post.hidden ? post : null;
    },
    posts: (topic, { first, after, fromNumber }, context) =>
      listPosts(context.dataSource.manager, topic.id, { first: pageSize(first), after, fromNumber }),
    post: (topic, { number }, context) =>
      forumLoaders(context).postByTopicNumber.load(`${topic.id}#${number}`),
    viewerWatchLevel: async (topic, _args, context) => {
      const level = await forumLoaders(context).viewerWatch.load(topic.id);
      return level ? toGraphqlEnum(level) : null;
    },
    viewerLastReadPostNumber: (topic, _args, context) => forumLoaders(context).viewerLastRead.load(topic.id),
    viewerUnreadCount: async (topic, _args, context) => {
      if (!context.viewer) return null;
      const lastRead = await forumLoaders(context).viewerLastRead.load(topic.id);
      return lastRead === null ? topic.highestPostNumber : Math.max(0, topic.highestPostNumber - lastRead);
    },
    viewerCanReply: async (topic, _args, context) => {
      if (!context.viewer) return false;
      const category = await forumLoaders(context).categoryById.load(topic.categoryId);
      if (!category) return false;
      return context.policy.can(
        "forum.reply",
        await audienceResource(context, category.replyAudience, { locked: topic.locked }),
      );
    },
  },
};
