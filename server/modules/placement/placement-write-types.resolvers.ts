import { IsNull } from "typeorm";
import { notFound } from "../../errors.js";
import { toGraphqlEnum } from "../../graphql/enums.js";
import type { GraphQLContext } from "../../graphql/context.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { canSeeCluster } from "../clusters/cluster-queries.js";
import { clusterViewer } from "../clusters/clusters.resolvers.js";
import { PlacementDecisionEntity, type PlacementDecision } from "./model/placement-decision.entity.js";
import { PlacementWorkEntity } from "./model/placement-work.entity.js";
import { SCORER_NAMES } from "./scheduler/scorer-chain.js";
import type { ResourceAmounts } from "./scheduler/types.js";

/**
 * MINIMAL field resolvers of Placement, PlacementWork and PlacementDecision, written with the write path so its
 * tests can read what it wrote. The read side (`placement/read/`) owns these types: when it lands, its resolvers
 * replace this file (list it before this one is removed from RESOLVERS).
 */

const amounts = (values: ResourceAmounts) =>
  Object.entries(values)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([resource, amount]) => ({ resource, amount }));

async function explanationEntries(
  decision: PlacementDecision,
  context: GraphQLContext,
  first: number,
  filteredOnly: boolean,
) {
  const entries = decision.explanation
    .filter((entry) => !filteredOnly || "filtered" in entry)
    .slice(0, first);
  return Promise.all(
    entries.map(async (entry) => {
      const cluster = await context.loaders.memberClusterById.load(entry.clusterId);
      const cooperative = cluster ? await context.loaders.cooperativeById.load(cluster.cooperativeId) : null;
      const visible = cluster && canSeeCluster(cluster, clusterViewer(context)) ? cluster : null;
      const base = {
        cluster: visible,
        clusterName: cluster?.name ?? entry.clusterId,
        cooperativeName: cooperative?.name ?? "",
      };
      if ("filtered" in entry)
        return { ...base, filtered: entry.filtered, scores: [], total: null, chosenReplicas: 0 };
      return {
        ...base,
        filtered: null,
        scores: SCORER_NAMES.map((scorer) => ({
          scorer,
          score: entry.scores[scorer],
          weight: decision.weights[scorer],
        })),
        total: entry.total,
        chosenReplicas: entry.chosenReplicas,
      };
    }),
  );
}

export const placementWriteTypeResolvers: Resolvers = {
  Placement: {
    id: (placement) => toGlobalId("Placement", placement.id),
    cooperative: async (placement, _args, context) => {
      const cooperative = await context.loaders.cooperativeById.load(placement.cooperativeId);
      if (!cooperative) throw notFound("Cooperative");
      return cooperative;
    },
    status: (placement) => toGraphqlEnum(placement.status),
    sourceKind: (placement) => toGraphqlEnum(placement.sourceKind),
    resources: (placement) => ({ replicas: placement.replicas, perReplica: amounts(placement.perReplica) }),
    mode: (placement) => ({ kind: toGraphqlEnum(placement.modeKind), clusters: placement.modeClusters }),
    work: (placement, { includeReleased }, context) =>
      context.dataSource.manager.find(PlacementWorkEntity, {
        where: { placementId: placement.id, ...(includeReleased ? {} : { releasedAt: IsNull() }) },
        order: { createdAt: "ASC", id: "ASC" },
      }),
    decision: (placement, _args, context) =>
      context.dataSource.manager.findOne(PlacementDecisionEntity, {
        where: { placementId: placement.id },
        order: { decidedAt: "DESC", id: "DESC" },
      }),
  },
  PlacementWork: {
    id: (work) => toGlobalId("PlacementWork", work.id),
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
    reservation: (work) => amounts(work.reservation),
    desiredState: (work) => toGraphqlEnum(work.desiredState),
    removalReason: (work) => (work.removalReason ? toGraphqlEnum(work.removalReason) : null),
  },
  PlacementDecision: {
    id: (decision) => toGlobalId("PlacementDecision", decision.id),
    outcome: (decision) => decision.outcome.toUpperCase(),
    trigger: (decision) => decision.trigger.toUpperCase(),
    clusters: (decision, { first, filteredOnly }, context) =>
      explanationEntries(decision, context, first ?? 50, filteredOnly ?? false),
    clusterCount: (decision) => decision.explanation.length,
    filteredCount: (decision) => decision.explanation.filter((entry) => "filtered" in entry).length,
    filterCounts: (decision) => {
      const counts = new Map<string, number>();
      for (const entry of decision.explanation)
        if ("filtered" in entry)
          counts.set(entry.filtered.filter, (counts.get(entry.filtered.filter) ?? 0) + 1);
      return [...counts].map(([filter, clusters]) => ({ filter, clusters }));
    },
  },
};
