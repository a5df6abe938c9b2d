import { In } from "typeorm";
import { inTransaction } from "../../../db/transaction.js";
import { notFound } from "../../../errors.js";
import { actorFor } from "../../../graphql/actor.js";
import type { GraphQLContext } from "../../../graphql/context.js";
import type { Resolvers } from "../../../graphql/generated/resolvers-types.js";
import { fromGlobalId } from "../../../graphql/global-id.js";
import { validateInput } from "../../../graphql/validate-input.js";
import { ManualReleaseEntity } from "../../manuals/manual-release.entity.js";
import { ManualProposalEntity } from "../../manuals/manual-proposal.entity.js";
import { loadChapterContext, loadPageContext } from "../../manuals/manual-lookups.js";
import {
  canReadTopic,
  loadReadablePost,
  loadReadableTopic,
  viewerCooperativeTiers,
} from "../forum-access.js";
import { forumLoaders } from "../forum-loaders.js";
import type { ForumPost } from "../forum-post.entity.js";
import { topicPath } from "../forum-resolver-support.js";
import { type AnswerDestination, proposeAnswerForManual } from "./answer-to-manual.js";
import { ForumAnswerProposalEntity } from "./forum-answer-proposal.entity.js";
import { ForumAnswerConfirmationEntity, ForumTopicReleaseEntity } from "./forum-topic-release.entity.js";
import { answerProposalInput, confirmInput, stampInput } from "./moderation-inputs.js";
import { answerReleaseStatus, confirmAnswerRelease, stampRelease } from "./release-answers.js";

/** Where an accepted answer stands, or null for any other post (read outside transactions). */
async function releaseStatusOf(context: GraphQLContext, post: ForumPost) {
  const topic = await forumLoaders(context).topicById.load(post.topicId);
  if (!topic || topic.acceptedPostId !== post.id) return null;
  return answerReleaseStatus(context.dataSource.manager, topic, post);
}

/** The facts `forum.confirmAnswerRelease` needs: the answer's and topic's authors and the viewer's tiers. */
async function confirmResource(
  context: GraphQLContext,
  post: ForumPost,
  topicAuthorId: string,
  manager = context.dataSource.manager,
) {
  return {
    ownerId: post.authorId,
    topicAuthorId,
    viewerCooperativeTiers: await viewerCooperativeTiers(context, manager),
  };
}

/** Release-aware answers and answers proposed for the manuals. */
export const releaseAnswerResolvers: Resolvers = {
  Mutation: {
    stampForumTopicRelease: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(stampInput, input);
      const topicId = fromGlobalId(valid.topicId, "ForumTopic", "input.topicId");
      const releaseId = valid.releaseId
        ? fromGlobalId(valid.releaseId, "ManualRelease", "input.releaseId")
        : null;
      const topic = await inTransaction(context.dataSource, async (manager) => {
        const { topic } = await loadReadableTopic(context, topicId, manager, true);
        const viewer = context.policy.authorize("forum.stampRelease", { ownerId: topic.authorId });
        const release = releaseId ? await manager.findOneBy(ManualReleaseEntity, { id: releaseId }) : null;
        if (releaseId && !release) throw notFound("Manual release");
        return stampRelease(manager, actorFor(context, viewer), topic, release);
      });
      return { topic };
    },
    confirmForumAnswerRelease: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(confirmInput, input);
      const postId = fromGlobalId(valid.postId, "ForumPost", "input.postId");
      const post = await inTransaction(context.dataSource, async (manager) => {
        const { post, topic } = await loadReadablePost(context, postId, manager, true);
        const viewer = context.policy.authorize(
          "forum.confirmAnswerRelease",
          await confirmResource(context, post, topic.authorId, manager),
        );
        return confirmAnswerRelease(manager, actorFor(context, viewer), topic, post);
      });
      return { post };
    },
    proposeManualChangeFromForumAnswer: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(answerProposalInput, input);
      const postId = fromGlobalId(valid.postId, "ForumPost", "input.postId");
      const viewer = context.policy.authorize("forum.proposeAnswerToManual");
      context.policy.authorize("manual.propose");
      return inTransaction(context.dataSource, async (manager) => {
        const { post, topic } = await loadReadablePost(context, postId, manager);
        const destination: AnswerDestination = valid.pageId
          ? { kind: "edit", ...(await loadPageContext(manager, valid.pageId, "input.pageId")) }
          : {
              kind: "new",
              slug: valid.slug as string,
              title: valid.title ?? topic.title.slice(0, 120),
              ...(await loadChapterContext(manager, valid.chapterId as string, "input.chapterId")),
            };
        const url = `${context.publicUrl}${topicPath(topic)}#post-${post.number}`;
        const proposal = await proposeAnswerForManual(
          manager,
          actorFor(context, viewer),
          { topic, post, url },
          destination,
        );
        return { proposal, post };
      });
    },
  },
  ForumTopic: {
    releaseStamp: async (topic, _args, context) => {
      const stamp = await context.dataSource.manager.findOneBy(ForumTopicReleaseEntity, {
        topicId: topic.id,
      });
      return stamp
        ? context.dataSource.manager.findOneBy(ManualReleaseEntity, { id: stamp.releaseId })
        : null;
    },
    answerMayBeOutdated: async (topic, _args, context) => {
      if (!topic.acceptedPostId) return false;
      const post = await forumLoaders(context).postById.load(topic.acceptedPostId);
      return post ? (await releaseStatusOf(context, post))?.outdatedBy != null : false;
    },
  },
  ForumPost: {
    mayBeOutdated: async (post, _args, context) => (await releaseStatusOf(context, post))?.outdatedBy != null,
    outdatedBy: async (post, _args, context) => (await releaseStatusOf(context, post))?.outdatedBy ?? null,
    releaseConfirmations: (post, _args, context) =>
      context.dataSource.manager.find(ForumAnswerConfirmationEntity, {
        where: { postId: post.id },
        order: { confirmedAt: "ASC" },
      }),
    viewerCanConfirmRelease: async (post, _args, context) => {
      if (!context.viewer) return false;
      const topic = await forumLoaders(context).topicById.load(post.topicId);
      if (!topic) return false;
      return context.policy.can(
        "forum.confirmAnswerRelease",
        await confirmResource(context, post, topic.authorId),
      );
    },
    manualProposals: async (post, _args, context) => {
      const links = await context.dataSource.manager.find(ForumAnswerProposalEntity, {
        where: { postId: post.id },
        order: { createdAt: "ASC" },
      });
      if (links.length === 0) return [];
      const proposals = await context.dataSource.manager.findBy(ManualProposalEntity, {
        id: In(links.map((link) => link.proposalId)),
      });
      return links.flatMap((link) => proposals.filter((proposal) => proposal.id === link.proposalId));
    },
  },
  ManualChangeProposal: {
    sourceForumPost: async (proposal, _args, context) => {
      const link = await context.dataSource.manager.findOneBy(ForumAnswerProposalEntity, {
        proposalId: proposal.id,
      });
      if (!link) return null;
      const post = await forumLoaders(context).postById.load(link.postId);
      if (!post || (post.hidden && !context.policy.isModerator)) return null;
      const topic = await forumLoaders(context).topicById.load(post.topicId);
      const category = topic ? await forumLoaders(context).categoryById.load(topic.categoryId) : null;
      return topic && category && (await canReadTopic(context, topic, category)) ? post : null;
    },
  },
  ForumAnswerReleaseConfirmation: {
    release: (confirmation, _args, context) =>
      context.dataSource.manager.findOneByOrFail(ManualReleaseEntity, { id: confirmation.releaseId }),
    confirmedBy: (confirmation, _args, context) =>
      context.loaders.personById.load(confirmation.confirmedById),
  },
};
