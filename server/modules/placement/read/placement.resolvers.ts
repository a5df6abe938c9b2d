import { BlueprintVersionEntity } from "../../blueprints/model/blueprint-version.entity.js";
import { pageSize } from "../../../graphql/connection.js";
import { fromGraphqlEnum, toGraphqlEnum } from "../../../graphql/enums.js";
import type { Resolvers } from "../../../graphql/generated/resolvers-types.js";
import { fromGlobalId, toGlobalId } from "../../../graphql/global-id.js";
import { PlacementDecisionEntity } from "../model/placement-decision.entity.js";
import { PlacementEntity } from "../model/placement.entity.js";
import { placementLoaders } from "./placement-loaders.js";
import { listPlacements } from "./placement-queries.js";
import { canSeePlacement } from "./placement-visibility.js";
import { resourceAmountList } from "./resource-amounts.js";

/** Reading placements: by id (null when invisible, like `node`), the viewer's list, and the Placement fields. */
export const placementReadResolvers: Resolvers = {
  Query: {
    placement: async (_parent, { id }, context) => {
      context.policy.requireViewer();
      const placementId = fromGlobalId(id, "Placement", "id");
      const placement = await context.dataSource.manager.findOneBy(PlacementEntity, { id: placementId });
      return placement && (await canSeePlacement(context, placement)) ? placement : null;
    },
    placements: async (_parent, { first, after, filter }, context) => {
      context.policy.requireViewer();
      return listPlacements(context.dataSource.manager, {
        first: pageSize(first),
        after,
        viewer: {
          isSteward: context.policy.isSteward,
          cooperativeIds: [...(context.viewer?.memberships.keys() ?? [])],
        },
        cooperativeId: filter?.cooperativeId
          ? fromGlobalId(filter.cooperativeId, "Cooperative", "filter.cooperativeId")
          : undefined,
        providerCooperativeId: filter?.providerCooperativeId
          ? fromGlobalId(filter.providerCooperativeId, "Cooperative", "filter.providerCooperativeId")
          : undefined,
        statuses: filter?.statuses?.map((status) => fromGraphqlEnum(status)),
      });
    },
  },
  Placement: {
    id: (placement) => toGlobalId("Placement", placement.id),
    cooperative: async (placement, _args, context) =>
      (await context.loaders.cooperativeById.load(placement.cooperativeId))!,
    createdBy: (placement, _args, context) => context.loaders.personById.load(placement.createdById),
    status: (placement) => toGraphqlEnum(placement.status),
    sourceKind: (placement) => toGraphqlEnum(placement.sourceKind),
    blueprintVersion: (placement, _args, context) =>
      placement.blueprintVersionId
        ? context.dataSource.manager.findOneBy(BlueprintVersionEntity, { id: placement.blueprintVersionId })
        : null,
    resources: (placement) => ({
      replicas: placement.replicas,
      perReplica: resourceAmountList(placement.perReplica),
    }),
    mode: (placement) => ({
      kind: toGraphqlEnum(placement.modeKind),
      clusters: placement.modeKind === "duplicated" ? (placement.modeClusters ?? 1) : null,
    }),
    queuePosition: (placement, _args, context) =>
      placement.status === "queued" ? placementLoaders(context).queuePosition.load(placement.id) : null,
    work: async (placement, { includeReleased }, context) => {
      const work = await placementLoaders(context).workByPlacement.load(placement.id);
      return includeReleased ? work : work.filter((row) => row.releasedAt === null);
    },
    decision: (placement, _args, context) => placementLoaders(context).latestDecision.load(placement.id),
    decisions: (placement, { first }, context) =>
      context.dataSource.manager.find(PlacementDecisionEntity, {
        where: { placementId: placement.id },
        order: { decidedAt: "DESC", id: "DESC" },
        take: pageSize(first),
      }),
  },
};
