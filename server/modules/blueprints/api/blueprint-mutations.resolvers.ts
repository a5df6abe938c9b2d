import { inTransaction } from "../../../db/transaction.js";
import { actorFor } from "../../../graphql/actor.js";
import type { Resolvers } from "../../../graphql/generated/resolvers-types.js";
import { fromGlobalId } from "../../../graphql/global-id.js";
import { validateInput } from "../../../graphql/validate-input.js";
import { findVersionOrThrow } from "../catalog/find-version.js";
import { invalidateCatalog } from "../catalog/catalog-generation.js";
import { prepareUpload, publishVersion } from "../publishing/publish-version.js";
import { yankVersion } from "../publishing/yank-version.js";
import { registerSigningKey, trustSigningKey } from "../signing/signing-key-commands.js";
import { publishInput, registerKeyInput, trustKeyInput, yankInput } from "./blueprint-inputs.js";

/** Publishing, yanking and the keys publishers sign with. Each: authenticate, authorise, validate, one transaction. */
export const blueprintMutationResolvers: Resolvers = {
  Mutation: {
    publishBlueprintVersion: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const cooperativeId = fromGlobalId(input.cooperativeId, "Cooperative", "input.cooperativeId");
      const viewer = context.policy.authorize("blueprint.publish", { cooperativeId });
      const valid = validateInput(publishInput, input);
      const prepared = await prepareUpload(Buffer.from(valid.tarball, "base64"));
      const result = await inTransaction(context.dataSource, (manager) =>
        publishVersion(
          manager,
          actorFor(context, viewer),
          cooperativeId,
          prepared,
          valid.signature ?? undefined,
        ),
      );
      if (result.status === "created") invalidateCatalog(context.dataSource);
      return { blueprint: result.blueprint, version: result.version, created: result.status === "created" };
    },
    yankBlueprintVersion: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(yankInput, input);
      const found = await findVersionOrThrow(context.dataSource.manager, valid.name, valid.version);
      const viewer = context.policy.authorize("blueprint.yank", {
        cooperativeId: found.blueprint.publisherCooperativeId ?? undefined,
      });
      const version = await inTransaction(context.dataSource, (manager) =>
        yankVersion(manager, actorFor(context, viewer), found.blueprint, found.version, valid.reason),
      );
      invalidateCatalog(context.dataSource);
      return { version };
    },
    registerSigningKey: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const cooperativeId = fromGlobalId(input.cooperativeId, "Cooperative", "input.cooperativeId");
      const viewer = context.policy.authorize("blueprint.registerSigningKey", { cooperativeId });
      const valid = validateInput(registerKeyInput, input);
      const signingKey = await inTransaction(context.dataSource, (manager) =>
        registerSigningKey(manager, actorFor(context, viewer), { ...valid, cooperativeId }),
      );
      return { signingKey };
    },
    trustSigningKey: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const signingKeyId = fromGlobalId(input.signingKeyId, "SigningKey", "input.signingKeyId");
      const viewer = context.policy.authorize("blueprint.trustSigningKey");
      const valid = validateInput(trustKeyInput, input);
      const signingKey = await inTransaction(context.dataSource, (manager) =>
        trustSigningKey(manager, actorFor(context, viewer), signingKeyId, valid.note ?? ""),
      );
      return { signingKey };
    },
  },
};
