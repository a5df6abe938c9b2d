import { toGraphqlEnum } from "../../graphql/enums.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { pageSize } from "../../graphql/connection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { ApiTokenEntity } from "../api-tokens/api-token.entity.js";
import { listMemberships } from "../cooperatives/cooperative-queries.js";
import { InvitationEntity } from "../cooperatives/invitation.entity.js";
import { PersonEntity } from "./person.entity.js";

export const peopleResolvers: Resolvers = {
  Query: {
    viewer: (_parent, _args, context) => context.viewer,
    person: (_parent, { handle }, context) =>
      context.dataSource.manager.findOneBy(PersonEntity, { handle: handle.replace(/^@/, "") }),
  },
  Viewer: {
    person: (viewer) => viewer.person,
    authenticatedBy: (viewer) => (viewer.method === "session" ? "SESSION" : "API_TOKEN"),
    hasRecentSecondFactor: (_viewer, _args, context) => context.policy.hasRecentSecondFactor,
    memberships: (viewer, { first, after }, context) =>
      listMemberships(
        context.dataSource.manager,
        { personId: viewer.person.id },
        pageSize(first),
        after,
        (cooperative) => context.loaders.cooperativeById.prime(cooperative.id, cooperative),
      ),
    apiTokens: (viewer, _args, context) =>
      context.dataSource.manager.find(ApiTokenEntity, {
        where: { personId: viewer.person.id },
        order: { createdAt: "DESC" },
      }),
    pendingInvitations: async (viewer, _args, context) => {
      if (!viewer.person.email) return [];
      const rows = await context.dataSource.manager
        .createQueryBuilder(InvitationEntity, "invitation")
        .where("lower(invitation.email) = lower(:email)", { email: viewer.person.email })
        .andWhere("invitation.accepted_at IS NULL AND invitation.revoked_at IS NULL")
        .andWhere("invitation.expires_at > :now", { now: context.clock.now() })
        .orderBy("invitation.created_at", "DESC")
        .getMany();
      return rows;
    },
  },
  Person: {
    id: (person) => toGlobalId("Person", person.id),
    hubRoles: (person) => person.hubRoles.map(toGraphqlEnum),
    email: (person, _args, context) =>
      context.policy.can("person.readEmail", { ownerId: person.id }) ? person.email : null,
  },
};
