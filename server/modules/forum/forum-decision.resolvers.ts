import { z } from "zod";
import { inTransaction } from "../../db/transaction.js";
import { badUserInput } from "../../errors.js";
import { actorFor } from "../../graphql/actor.js";
import type { GraphQLContext } from "../../graphql/context.js";
import { toGraphqlEnum } from "../../graphql/enums.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId } from "../../graphql/global-id.js";
import { validateInput } from "../../graphql/validate-input.js";
import type { Cooperative } from "../cooperatives/cooperative.entity.js";
import { acknowledgeAdvisory } from "./advisories.js";
import { castVote, isClosed, tally } from "./decisions.js";
import { loadReadableTopic } from "./forum-access.js";
import { ForumAdvisoryAckEntity } from "./forum-advisory-ack.entity.js";
import { ForumDecisionEntity, ForumDecisionVoteEntity } from "./forum-decision.entity.js";
import { forumLoaders } from "./forum-loaders.js";

const voteInput = z.object({
  topicId: z.string(),
  cooperativeId: z.string(),
  option: z.number().int().min(0),
});
const ackInput = z.object({ topicId: z.string(), cooperativeId: z.string() });

/** Approved cooperatives the viewer administers, optionally of some tiers. */
async function administeredCooperatives(
  context: GraphQLContext,
  tiers?: readonly string[],
): Promise<Cooperative[]> {
  if (!context.viewer) return [];
  const ids = [...context.viewer.memberships].filter(([, role]) => role === "admin").map(([id]) => id);
  const cooperatives = await context.loaders.cooperativeById.loadMany(ids);
  return cooperatives.filter(
    (cooperative): cooperative is Cooperative =>
      cooperative !== null &&
      !(cooperative instanceof Error) &&
      cooperative.status === "approved" &&
      (!tiers || tiers.includes(cooperative.tier)),
  );
}

export const forumDecisionResolvers: Resolvers = {
  Mutation: {
    castForumDecisionVote: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(voteInput, input);
      const topicId = fromGlobalId(valid.topicId, "ForumTopic", "input.topicId");
      const cooperativeId = fromGlobalId(valid.cooperativeId, "Cooperative", "input.cooperativeId");
      await loadReadableTopic(context, topicId);
      const viewer = context.policy.authorize("forum.voteDecision", { cooperativeId });
      const topic = await inTransaction(context.dataSource, async (manager) => {
        await castVote(manager, actorFor(context, viewer), topicId, { cooperativeId, option: valid.option });
        return (await loadReadableTopic(context, topicId, manager)).topic;
      });
      return { topic };
    },
    acknowledgeForumAdvisory: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(ackInput, input);
      const topicId = fromGlobalId(valid.topicId, "ForumTopic", "input.topicId");
      const cooperativeId = fromGlobalId(valid.cooperativeId, "Cooperative", "input.cooperativeId");
      const { category } = await loadReadableTopic(context, topicId);
      if (category.kind !== "advisory") {
        throw badUserInput("This topic is not an advisory", [
          { field: "input.topicId", message: "not an advisory" },
        ]);
      }
      const viewer = context.policy.authorize("forum.acknowledgeAdvisory", { cooperativeId });
      const topic = await inTransaction(context.dataSource, async (manager) => {
        await acknowledgeAdvisory(manager, actorFor(context, viewer), topicId, cooperativeId);
        return (await loadReadableTopic(context, topicId, manager)).topic;
      });
      return { topic };
    },
  },
  ForumTopic: {
    decision: (topic, _args, context) =>
      context.dataSource.manager.findOneBy(ForumDecisionEntity, { topicId: topic.id }),
    advisory: async (topic, _args, context) => {
      const category = await forumLoaders(context).categoryById.load(topic.categoryId);
      return category?.kind === "advisory" ? topic : null;
    },
  },
  ForumDecision: {
    closed: (decision, _args, context) => isClosed(decision, context.clock.now()),
    eligibleTiers: (decision) => decision.eligibleTiers.map((tier) => toGraphqlEnum(tier) as never),
    votes: (decision, _args, context) =>
      context.dataSource.manager.find(ForumDecisionVoteEntity, {
        where: { topicId: decision.topicId },
        order: { castAt: "ASC" },
      }),
    votesCast: async (decision, _args, context) =>
      context.dataSource.manager.countBy(ForumDecisionVoteEntity, { topicId: decision.topicId }),
    quorumReached: async (decision, _args, context) =>
      tally(
        decision,
        await context.dataSource.manager.findBy(ForumDecisionVoteEntity, { topicId: decision.topicId }),
        context.clock.now(),
      ).quorumReached,
    results: async (decision, _args, context) =>
      tally(
        decision,
        await context.dataSource.manager.findBy(ForumDecisionVoteEntity, { topicId: decision.topicId }),
        context.clock.now(),
      ).results,
    outcome: async (decision, _args, context) =>
      tally(
        decision,
        await context.dataSource.manager.findBy(ForumDecisionVoteEntity, { topicId: decision.topicId }),
        context.clock.now(),
      ).outcome,
    viewerVotableCooperatives: async (decision, _args, context) => {
      if (isClosed(decision, context.clock.now())) return [];
      const votes = await context.dataSource.manager.findBy(ForumDecisionVoteEntity, {
        topicId: decision.topicId,
      });
      const voted = new Set(votes.map((vote) => vote.cooperativeId));
      return (await administeredCooperatives(context, decision.eligibleTiers)).filter(
        (cooperative) => !voted.has(cooperative.id),
      );
    },
  },
  ForumDecisionVote: {
    cooperative: (vote, _args, context) => context.loaders.cooperativeById.load(vote.cooperativeId),
    castBy: (vote, _args, context) => context.loaders.personById.load(vote.castById),
    option: async (vote, _args, context) => {
      const decision = await context.dataSource.manager.findOneByOrFail(ForumDecisionEntity, {
        topicId: vote.topicId,
      });
      return decision.options[vote.optionIndex] ?? "";
    },
  },
  ForumAdvisory: {
    acknowledgedCount: (topic, _args, context) =>
      context.dataSource.manager.countBy(ForumAdvisoryAckEntity, { topicId: topic.id }),
    acknowledgements: (topic, _args, context) =>
      context.dataSource.manager.find(ForumAdvisoryAckEntity, {
        where: { topicId: topic.id },
        order: { acknowledgedAt: "ASC" },
      }),
    pendingCooperatives: async (topic, _args, context) => {
      if (!context.policy.can("forum.readAdvisoryStatus")) return null;
      const rows: Array<{ id: string }> = await context.dataSource.query(
        `SELECT c.id FROM cooperative c WHERE c.status = 'approved'
         AND NOT EXISTS (SELECT 1 FROM forum_advisory_ack a WHERE a.topic_id = $1 AND a.cooperative_id = c.id)
         ORDER BY c.name`,
        [topic.id],
      );
      const cooperatives = await context.loaders.cooperativeById.loadMany(rows.map((row) => row.id));
      return cooperatives.filter(
        (cooperative): cooperative is Cooperative => cooperative !== null && !(cooperative instanceof Error),
      );
    },
    viewerPendingCooperatives: async (topic, _args, context) => {
      const acks = await context.dataSource.manager.findBy(ForumAdvisoryAckEntity, { topicId: topic.id });
      const done = new Set(acks.map((ack) => ack.cooperativeId));
      return (await administeredCooperatives(context)).filter((cooperative) => !done.has(cooperative.id));
    },
  },
  ForumAdvisoryAcknowledgement: {
    cooperative: (ack, _args, context) => context.loaders.cooperativeById.load(ack.cooperativeId),
    acknowledgedBy: (ack, _args, context) => context.loaders.personById.load(ack.acknowledgedById),
  },
};
