import { notFound } from "../../../errors.js";
import { toGraphqlEnum } from "../../../graphql/enums.js";
import type { Resolvers } from "../../../graphql/generated/resolvers-types.js";
import { toGlobalId } from "../../../graphql/global-id.js";
import { PlacementEntity } from "../model/placement.entity.js";
import { resourceAmountList } from "./resource-amounts.js";

/** A placement's work on one cluster, as its readers see it (the agent's own view is `agentWork`). */
export const placementWorkResolvers: Resolvers = {
  PlacementWork: {
    id: (work) => toGlobalId("PlacementWork", work.id),
    placement: async (work, _args, context) => {
      const placement =
        work.placement ??
        (await context.dataSource.manager.findOneBy(PlacementEntity, { id: work.placementId }));
      if (!placement) throw notFound("Placement");
      return placement;
    },
    // Work is only ever created on accepted clusters, and whoever sees the placement sees where it runs.
    cluster: async (work, _args, context) => {
      const cluster = await context.loaders.memberClusterById.load(work.clusterId);
      if (!cluster) throw notFound("MemberCluster");
      return cluster;
    },
    providerCooperative: async (work, _args, context) => {
      const cooperative = await context.loaders.cooperativeById.load(work.providerCooperativeId);
      if (!cooperative) throw notFound("Cooperative");
      return cooperative;
    },
    reservation: (work) => resourceAmountList(work.reservation),
    desiredState: (work) => toGraphqlEnum(work.desiredState),
    removalReason: (work) => (work.removalReason ? toGraphqlEnum(work.removalReason) : null),
    conditions: (work) =>
      (work.conditions ?? []).map((condition) => ({
        ...condition,
        lastTransitionTime: new Date(condition.lastTransitionTime),
      })),
    objects: (work) => work.objects ?? [],
  },
};
