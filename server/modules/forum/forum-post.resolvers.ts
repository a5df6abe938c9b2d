import { inTransaction } from "../../db/transaction.js";
import { notFound } from "../../errors.js";
import { actorFor } from "../../graphql/actor.js";
import type { GraphQLContext } from "../../graphql/context.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId, toGlobalId } from "../../graphql/global-id.js";
import { validateInput } from "../../graphql/validate-input.js";
import { lineDiff, renderDiffHtml } from "../../markdown/index.js";
import { acceptAnswer, unacceptAnswer } from "./accept-answer.js";
import { editPost } from "./edit-post.js";
import { loadReadablePost, loadReadableTopic } from "./forum-access.js";
import { editPostInput } from "./forum-input.js";
import { forumLoaders } from "./forum-loaders.js";
import type { ForumPost } from "./forum-post.entity.js";
import { ForumPostRevisionEntity } from "./forum-post-revision.entity.js";
import { renderForContext } from "./forum-resolver-support.js";
import { likePost, unlikePost } from "./like-post.js";
import { z } from "zod";

const postIdInput = z.object({ postId: z.string() });
const topicIdInput = z.object({ topicId: z.string() });

/** Whether the viewer sees a hidden post's content: its author and moderators do. */
function seesContent(post: ForumPost, context: GraphQLContext): boolean {
  return !post.hidden || context.policy.isModerator || post.authorId === context.viewer?.person.id;
}

export const forumPostResolvers: Resolvers = {
  Mutation: {
    editForumPost: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(editPostInput, input);
      const postId = fromGlobalId(valid.postId, "ForumPost", "input.postId");
      const rendered = renderForContext(context, valid.markdown);
      const post = await inTransaction(context.dataSource, async (manager) => {
        const found = await loadReadablePost(context, postId, manager, true);
        const viewer = context.policy.authorize("forum.editPost", {
          ownerId: found.post.authorId,
          locked: found.topic.locked,
        });
        return editPost(manager, actorFor(context, viewer), found.post, {
          markdown: valid.markdown,
          rendered,
          expectedVersion: valid.expectedVersion,
          reason: valid.reason ?? null,
        });
      });
      return { post };
    },
    likeForumPost: (_parent, { input }, context) => changeLike(context, input, likePost),
    unlikeForumPost: (_parent, { input }, context) => changeLike(context, input, unlikePost),
    acceptForumAnswer: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(postIdInput, input);
      const postId = fromGlobalId(valid.postId, "ForumPost", "input.postId");
      const topic = await inTransaction(context.dataSource, async (manager) => {
        const { post, topic: found } = await loadReadablePost(context, postId, manager);
        const { topic, category } = await loadReadableTopic(context, found.id, manager, true);
        const viewer = context.policy.authorize("forum.acceptAnswer", {
          ownerId: topic.authorId,
          allowsAcceptedAnswers: category.allowsAcceptedAnswers,
        });
        return acceptAnswer(manager, actorFor(context, viewer), topic, post);
      });
      return { topic };
    },
    unacceptForumAnswer: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(topicIdInput, input);
      const topicId = fromGlobalId(valid.topicId, "ForumTopic", "input.topicId");
      const topic = await inTransaction(context.dataSource, async (manager) => {
        const { topic, category } = await loadReadableTopic(context, topicId, manager, true);
        const viewer = context.policy.authorize("forum.acceptAnswer", {
          ownerId: topic.authorId,
          allowsAcceptedAnswers: category.allowsAcceptedAnswers,
        });
        return unacceptAnswer(manager, actorFor(context, viewer), topic);
      });
      return { topic };
    },
  },
  ForumPost: {
    id: (post) => toGlobalId("ForumPost", post.id),
    topic: async (post, _args, context) => {
      const topic = await forumLoaders(context).topicById.load(post.topicId);
      if (!topic) throw notFound("Topic");
      return topic;
    },
    author: (post, _args, context) => context.loaders.personById.load(post.authorId),
    html: (post, _args, context) => (seesContent(post, context) ? post.html : null),
    markdown: (post, _args, context) => (seesContent(post, context) ? post.markdown : null),
    viewerHasLiked: (post, _args, context) => forumLoaders(context).viewerLiked.load(post.id),
    viewerHasBookmarked: (post, _args, context) => forumLoaders(context).viewerBookmarked.load(post.id),
    viewerCanEdit: async (post, _args, context) => {
      if (!context.viewer) return false;
      const topic = await forumLoaders(context).topicById.load(post.topicId);
      return context.policy.can("forum.editPost", { ownerId: post.authorId, locked: topic?.locked ?? false });
    },
    isAcceptedAnswer: async (post, _args, context) =>
      (await forumLoaders(context).topicById.load(post.topicId))?.acceptedPostId === post.id,
    revisions: async (post, _args, context) => {
      if (!seesContent(post, context)) return [];
      const revisions = await context.dataSource.manager.find(ForumPostRevisionEntity, {
        where: { postId: post.id },
        order: { version: "ASC" },
      });
      return revisions.map((revision, index) => ({
        ...revision,
        previousMarkdown: index > 0 ? revisions[index - 1].markdown : null,
      }));
    },
  },
  ForumPostRevision: {
    editor: (revision, _args, context) => context.loaders.personById.load(revision.editorId),
    diffHtml: (revision) =>
      revision.previousMarkdown === null
        ? null
        : renderDiffHtml(lineDiff(revision.previousMarkdown, revision.markdown)),
  },
};

/** Liking and unliking: the same checks (signed in, readable post, may participate) around one command. */
async function changeLike(
  context: GraphQLContext,
  input: unknown,
  command: typeof likePost | typeof unlikePost,
) {
  context.policy.requireViewer();
  const valid = validateInput(postIdInput, input);
  const postId = fromGlobalId(valid.postId, "ForumPost", "input.postId");
  const viewer = context.policy.authorize("forum.participate");
  const post = await inTransaction(context.dataSource, async (manager) => {
    const found = await loadReadablePost(context, postId, manager, true);
    return command(manager, actorFor(context, viewer), found.post);
  });
  return { post };
}
