import { inTransaction } from "../../../db/transaction.js";
import { notFound } from "../../../errors.js";
import { actorFor } from "../../../graphql/actor.js";
import { toGraphqlEnum } from "../../../graphql/enums.js";
import type { Resolvers } from "../../../graphql/generated/resolvers-types.js";
import { fromGlobalId, toGlobalId } from "../../../graphql/global-id.js";
import { validateInput } from "../../../graphql/validate-input.js";
import { PersonEntity } from "../../people/person.entity.js";
import { ForumPenaltyEntity } from "./forum-penalty.entity.js";
import { liftInput, penaltyInput } from "./moderation-inputs.js";
import { imposePenalty, isActive, liftPenalty } from "./penalties.js";

/** Silences and suspensions: moderators impose, lift and read them. */
export const penaltyResolvers: Resolvers = {
  Query: {
    forumPenalties: (_parent, { personId }, context) => {
      context.policy.authorize("forum.readPenalties");
      const id = fromGlobalId(personId, "Person", "personId");
      return context.dataSource.manager.find(ForumPenaltyEntity, {
        where: { personId: id },
        order: { createdAt: "DESC" },
      });
    },
  },
  Mutation: {
    imposeForumPenalty: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(penaltyInput, input);
      const personId = fromGlobalId(valid.personId, "Person", "input.personId");
      const viewer = context.policy.authorize("forum.penalize", { ownerId: personId });
      const penalty = await inTransaction(context.dataSource, async (manager) => {
        const person = await manager.findOneBy(PersonEntity, { id: personId });
        if (!person) throw notFound("Person");
        return imposePenalty(
          manager,
          actorFor(context, viewer),
          { personId, hubRoles: person.hubRoles },
          valid,
        );
      });
      return { penalty };
    },
    liftForumPenalty: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(liftInput, input);
      const penaltyId = fromGlobalId(valid.penaltyId, "ForumPenalty", "input.penaltyId");
      const viewer = context.policy.authorize("forum.penalize");
      const penalty = await inTransaction(context.dataSource, async (manager) => {
        const penalty = await manager.findOne(ForumPenaltyEntity, {
          where: { id: penaltyId },
          lock: { mode: "pessimistic_write" },
        });
        if (!penalty) throw notFound("Penalty");
        return liftPenalty(manager, actorFor(context, viewer), penalty, valid.reason);
      });
      return { penalty };
    },
  },
  ForumPenalty: {
    id: (penalty) => toGlobalId("ForumPenalty", penalty.id),
    kind: (penalty) => toGraphqlEnum(penalty.kind),
    person: (penalty, _args, context) => context.loaders.personById.load(penalty.personId),
    imposedBy: (penalty, _args, context) => context.loaders.personById.load(penalty.imposedById),
    liftedBy: (penalty, _args, context) =>
      penalty.liftedById ? context.loaders.personById.load(penalty.liftedById) : null,
    active: (penalty, _args, context) => isActive(penalty, context.clock.now()),
  },
};
