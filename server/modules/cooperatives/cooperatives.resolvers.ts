import { z } from "zod";
import { inTransaction } from "../../db/transaction.js";
import { actorFor } from "../../graphql/actor.js";
import type { GraphQLContext } from "../../graphql/context.js";
import { pageSize } from "../../graphql/connection.js";
import { fromGraphqlEnum, toGraphqlEnum } from "../../graphql/enums.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId, toGlobalId } from "../../graphql/global-id.js";
import { validateInput } from "../../graphql/validate-input.js";
import { applyForCooperative } from "./apply-for-cooperative.js";
import { CooperativeEntity } from "./cooperative.entity.js";
import { applyForCooperativeInput, tier as tierInput, updateCooperativeInput } from "./cooperative-input.js";
import { listCooperatives, listMemberships } from "./cooperative-queries.js";
import { decideCooperative } from "./decide-cooperative.js";
import { InvitationEntity } from "./invitation.entity.js";
import { MembershipEntity } from "./membership.entity.js";
import { updateCooperative } from "./update-cooperative.js";

const decisionInput = z.object({
  id: z.string(),
  tier: tierInput.nullish(),
  note: z.string().trim().max(2000, "at most 2000 characters").nullish(),
});

export const cooperativeResolvers: Resolvers = {
  Query: {
    cooperative: async (_parent, { slug }, context) => {
      const cooperative = await context.dataSource.manager.findOneBy(CooperativeEntity, { slug });
      if (!cooperative) return null;
      const visible =
        cooperative.status === "approved" ||
        context.policy.isSteward ||
        context.policy.roleIn(cooperative.id) !== undefined;
      return visible ? cooperative : null;
    },
    cooperatives: async (_parent, { first, after, filter }, context) => {
      if (filter?.status && filter.status !== "APPROVED" && !context.policy.isSteward)
        context.policy.requireViewer();
      return listCooperatives(context.dataSource.manager, {
        first: pageSize(first),
        after,
        status: filter?.status ? fromGraphqlEnum(filter.status) : undefined,
        tier: filter?.tier ? fromGraphqlEnum(filter.tier) : undefined,
        search: filter?.search?.trim().slice(0, 100) || undefined,
        viewer: { personId: context.viewer?.person.id ?? null, isSteward: context.policy.isSteward },
      });
    },
  },
  Mutation: {
    applyForCooperative: async (_parent, { input }, context) => {
      const viewer = context.policy.authorize("cooperative.apply");
      const application = validateInput(applyForCooperativeInput, input);
      const cooperative = await inTransaction(context.dataSource, (manager) =>
        applyForCooperative(manager, actorFor(context, viewer), application),
      );
      return { cooperative };
    },
    approveCooperative: async (_parent, { input }, context) => decide(input, "approved", context),
    declineCooperative: async (_parent, { input }, context) => decide(input, "declined", context),
    updateCooperative: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const cooperativeId = fromGlobalId(input.id, "Cooperative", "input.id");
      const viewer = context.policy.authorize("cooperative.update", { cooperativeId });
      const { id: _id, ...changes } = validateInput(updateCooperativeInput, input);
      const cooperative = await inTransaction(context.dataSource, (manager) =>
        updateCooperative(manager, actorFor(context, viewer), cooperativeId, changes),
      );
      return { cooperative };
    },
  },
  Cooperative: {
    id: (cooperative) => toGlobalId("Cooperative", cooperative.id),
    tier: (cooperative) => toGraphqlEnum(cooperative.tier),
    status: (cooperative) => toGraphqlEnum(cooperative.status),
    foundedBy: (cooperative, _args, context) => context.loaders.personById.load(cooperative.foundedById),
    memberCount: (cooperative, _args, context) =>
      context.loaders.memberCountByCooperative.load(cooperative.id),
    members: async (cooperative, { first, after }, context) => {
      if (!context.policy.can("cooperative.readMembers", { cooperativeId: cooperative.id })) return null;
      return listMemberships(
        context.dataSource.manager,
        { cooperativeId: cooperative.id },
        pageSize(first),
        after,
      );
    },
    viewerMembership: async (cooperative, _args, context) => {
      // Read fresh rather than from the request's preloaded roles: a mutation may just have created it.
      if (!context.viewer) return null;
      return context.dataSource.manager.findOneBy(MembershipEntity, {
        cooperativeId: cooperative.id,
        personId: context.viewer.person.id,
      });
    },
    invitations: async (cooperative, _args, context) => {
      if (!context.policy.can("cooperative.manageMembers", { cooperativeId: cooperative.id })) return null;
      const open = await context.dataSource.manager.find(InvitationEntity, {
        where: { cooperativeId: cooperative.id },
        order: { createdAt: "DESC" },
      });
      const now = context.clock.now().getTime();
      return open.filter(
        (invitation) =>
          !invitation.acceptedAt && !invitation.revokedAt && invitation.expiresAt.getTime() > now,
      );
    },
  },
};

async function decide(
  input: { id: string; tier?: string | null; note?: string | null },
  outcome: "approved" | "declined",
  context: GraphQLContext,
) {
  const viewer = context.policy.authorize("cooperative.decide");
  const cooperativeId = fromGlobalId(input.id, "Cooperative", "input.id");
  const decision = validateInput(decisionInput, input);
  const cooperative = await inTransaction(context.dataSource, (manager) =>
    decideCooperative(manager, actorFor(context, viewer), {
      cooperativeId,
      outcome,
      tier: decision.tier ?? undefined,
      note: decision.note,
    }),
  );
  return { cooperative };
}
