import type { EntityManager } from "typeorm";
import { inTransaction } from "../../db/transaction.js";
import { notFound } from "../../errors.js";
import { actorFor } from "../../graphql/actor.js";
import { pageSize } from "../../graphql/connection.js";
import type { GraphQLContext } from "../../graphql/context.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId } from "../../graphql/global-id.js";
import { findClusterForUpdate } from "../clusters/cluster-commands.js";
import { canSeeCluster } from "../clusters/cluster-queries.js";
import { clusterViewer } from "../clusters/clusters.resolvers.js";
import type { MemberCluster } from "../clusters/member-cluster.entity.js";
import type { CapacityOffer } from "./capacity-offer.entity.js";
import { listCapacityOffers } from "./offer-queries.js";
import { viewerApprovedCooperatives } from "./offer-viewer.js";
import { setCapacityOffer, withdrawCapacityOffer } from "./set-capacity-offer.js";
import { validateOffer } from "./validate-offer.js";

/**
 * Runs an offer change for the cluster named by `input.clusterId`: signed in, cluster visible (else NOT_FOUND),
 * admin of its cooperative (else FORBIDDEN), all in one transaction holding the cluster's row lock.
 */
async function changeOffer(
  context: GraphQLContext,
  clusterGlobalId: string,
  change: (manager: EntityManager, cluster: MemberCluster) => Promise<CapacityOffer>,
) {
  context.policy.requireViewer();
  const clusterId = fromGlobalId(clusterGlobalId, "MemberCluster", "input.clusterId");
  return inTransaction(context.dataSource, async (manager) => {
    const cluster = await findClusterForUpdate(manager, clusterId);
    if (!canSeeCluster(cluster, clusterViewer(context))) throw notFound("MemberCluster");
    context.policy.authorize("offer.set", { cooperativeId: cluster.cooperativeId });
    const offer = await change(manager, cluster);
    return { offer, memberCluster: cluster };
  });
}

export const offerResolvers: Resolvers = {
  Query: {
    capacityOffers: async (_parent, { first, after, filter }, context) => {
      context.policy.requireViewer();
      const viewerInApprovedCooperative = (await viewerApprovedCooperatives(context)).length > 0;
      context.policy.authorize("offer.read", { viewerInApprovedCooperative });
      return listCapacityOffers(context.dataSource.manager, {
        first: pageSize(first),
        after,
        cooperativeId: filter?.cooperativeId
          ? fromGlobalId(filter.cooperativeId, "Cooperative", "filter.cooperativeId")
          : undefined,
        includePaused: filter?.includePaused ?? false,
      });
    },
  },
  Mutation: {
    setCapacityOffer: (_parent, { input }, context) =>
      changeOffer(context, input.clusterId, async (manager, cluster) => {
        const terms = await validateOffer(manager, input);
        return setCapacityOffer(manager, actorFor(context, context.policy.requireViewer()), cluster, terms);
      }),
    withdrawCapacityOffer: (_parent, { input }, context) =>
      changeOffer(context, input.clusterId, (manager, cluster) =>
        withdrawCapacityOffer(manager, actorFor(context, context.policy.requireViewer()), cluster),
      ),
  },
};
