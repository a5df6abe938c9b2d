import { z } from "zod";
import { inTransaction } from "../../db/transaction.js";
import { notFound } from "../../errors.js";
import { actorFor } from "../../graphql/actor.js";
import { fromGraphqlEnum, toGraphqlEnum } from "../../graphql/enums.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId, toGlobalId } from "../../graphql/global-id.js";
import { validateInput } from "../../graphql/validate-input.js";
import { createApiToken, revokeApiToken } from "./api-token-commands.js";
import { ApiTokenEntity } from "./api-token.entity.js";

const createInput = z.object({
  name: z.string().trim().min(1, "required").max(80, "at most 80 characters"),
  scopes: z.array(z.enum(["READ", "WRITE"]).transform(fromGraphqlEnum)).min(1, "at least one scope"),
  expiresInDays: z.number().int().min(1, "at least 1 day").max(365, "at most 365 days"),
});

export const apiTokenResolvers: Resolvers = {
  Mutation: {
    createApiToken: async (_parent, { input }, context) => {
      const viewer = context.policy.authorize("apiToken.create");
      const request = validateInput(createInput, input);
      return inTransaction(context.dataSource, (manager) =>
        createApiToken(manager, actorFor(context, viewer), request),
      );
    },
    revokeApiToken: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const tokenId = fromGlobalId(input.id, "ApiToken", "input.id");
      const viewer = context.policy.requireViewer();
      const apiToken = await inTransaction(context.dataSource, async (manager) => {
        const existing = await manager.findOneBy(ApiTokenEntity, { id: tokenId });
        // Someone else's token is reported as missing, so token IDs cannot be probed.
        if (!existing || existing.personId !== viewer.person.id) throw notFound("API token");
        context.policy.authorize("apiToken.revoke", { ownerId: existing.personId });
        return revokeApiToken(manager, actorFor(context, viewer), existing);
      });
      return { apiToken };
    },
  },
  ApiToken: {
    id: (token) => toGlobalId("ApiToken", token.id),
    scopes: (token) => token.scopes.map(toGraphqlEnum),
  },
};
