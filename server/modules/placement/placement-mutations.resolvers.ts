import { randomUUID } from "node:crypto";
import { z } from "zod";
import { inTransaction } from "../../db/transaction.js";
import { noCapacity, notFound } from "../../errors.js";
import { actorFor } from "../../graphql/actor.js";
import type { GraphQLContext } from "../../graphql/context.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId } from "../../graphql/global-id.js";
import { validateInput } from "../../graphql/validate-input.js";
import { cancelPlacement, lockPlacement } from "./commands/cancel-placement.js";
import { previewPlacement } from "./commands/preview-placement.js";
import { runCreatePlacement } from "./commands/run-create-placement.js";
import { nudgePlacementQueue } from "./commands/queue-nudge.js";
import { requireWorkload, resolveWorkload } from "./requests/resolve-workload.js";
import { validatePlacementRequest } from "./requests/validate-request.js";

const createOptions = z.object({
  waitForCapacity: z.boolean().nullish(),
  idempotencyKey: z.string().min(1, "1–100 characters").max(100, "1–100 characters").nullish(),
});

/** Signed in, the requesting cooperative decoded and the viewer one of its admins (`action`), then the input. */
async function requestingCooperative(context: GraphQLContext, cooperativeGlobalId: string, field: string) {
  const cooperativeId = fromGlobalId(cooperativeGlobalId, "Cooperative", field);
  const viewer = context.policy.authorize("placement.create", { cooperativeId });
  const cooperative = await context.loaders.cooperativeById.load(cooperativeId);
  if (!cooperative) throw notFound("Cooperative");
  return { viewer, cooperative };
}

const amounts = (values: Record<string, number>) =>
  Object.entries(values)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([resource, amount]) => ({ resource, amount }));

export const placementMutationResolvers: Resolvers = {
  Query: {
    previewPlacement: async (_parent, { request }, context) => {
      context.policy.requireViewer();
      const { cooperative } = await requestingCooperative(
        context,
        request.cooperativeId,
        "request.cooperativeId",
      );
      const valid = validatePlacementRequest(request, "request");
      const manager = context.dataSource.manager;
      const workload = await resolveWorkload(manager, valid.source, "request");
      const preview = await previewPlacement(manager, cooperative, valid, context.clock.now());
      const clusters = await Promise.all(
        preview.assignments.map((assignment) => context.loaders.memberClusterById.load(assignment.clusterId)),
      );
      return {
        ok: preview.ok,
        decision: preview.decision,
        problems: workload.ok ? [] : workload.problems.map(({ field, message }) => ({ field, message })),
        assignments: preview.assignments.map((assignment, index) => {
          const cluster = clusters[index];
          if (!cluster) throw notFound("MemberCluster");
          return { cluster, replicas: assignment.replicas, reservation: amounts(assignment.reservation) };
        }),
      };
    },
  },
  Mutation: {
    createPlacement: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const { viewer, cooperative } = await requestingCooperative(
        context,
        input.request.cooperativeId,
        "input.request.cooperativeId",
      );
      const options = validateInput(createOptions, input);
      const request = validatePlacementRequest(input.request, "input.request");
      const workload = await requireWorkload(context.dataSource.manager, request.source, "input.request");
      const outcome = await runCreatePlacement(context.dataSource, actorFor(context, viewer), cooperative, {
        placementId: randomUUID(),
        request,
        workload,
        waitForCapacity: options.waitForCapacity ?? false,
        idempotencyKey: options.idempotencyKey ?? null,
      });
      if (outcome.kind === "queued") nudgePlacementQueue();
      if (outcome.kind === "failed") {
        const { explanation } = outcome;
        throw noCapacity(
          `No capacity for ${explanation.requestedReplicas} replicas (${explanation.placeableReplicas} would fit)`,
          { explanation, placementId: outcome.placement.id },
        );
      }
      return { placement: outcome.placement };
    },
    cancelPlacement: async (_parent, { input }, context) => {
      const viewer = context.policy.requireViewer();
      const placementId = fromGlobalId(input.placementId, "Placement", "input.placementId");
      const placement = await inTransaction(context.dataSource, async (manager) => {
        const found = await lockPlacement(manager, placementId);
        // A placement the viewer's cooperatives do not own stays invisible: NOT_FOUND rather than FORBIDDEN.
        if (!context.policy.isSteward && !context.viewer?.memberships.has(found.cooperativeId))
          throw notFound("Placement");
        context.policy.authorize("placement.cancel", { cooperativeId: found.cooperativeId });
        return cancelPlacement(manager, actorFor(context, viewer), found);
      });
      return { placement };
    },
  },
};
