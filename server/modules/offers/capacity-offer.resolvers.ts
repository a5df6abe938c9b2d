import { notFound } from "../../errors.js";
import { pageSize } from "../../graphql/connection.js";
import { toGraphqlEnum } from "../../graphql/enums.js";
import type { CooperativeTier, Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId, toGlobalId } from "../../graphql/global-id.js";
import type { Cooperative } from "../cooperatives/cooperative.entity.js";
import type { ResourceAmounts } from "../placement/scheduler/types.js";
import { mayUseOffer, offerOpenAt } from "./offer-eligibility.js";
import { offerOverrun } from "./offer-overrun.js";
import { listOfferHistory } from "./offer-queries.js";
import { canReadOffers, viewerApprovedCooperatives } from "./offer-viewer.js";
import { reservedOnCluster } from "./reserved-on-cluster.js";
import { findCurrentOffer } from "./set-capacity-offer.js";

const amounts = (values: ResourceAmounts) =>
  Object.entries(values)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([resource, amount]) => ({ resource, amount }));

/** Residency labels: the registry's standard keys, or the scheduler's `alliance.coop/` ones. */
const label = (labels: Record<string, string>, key: string) =>
  labels[key] ?? labels[`alliance.coop/${key}`] ?? null;

export const capacityOfferResolvers: Resolvers = {
  MemberCluster: {
    offer: async (cluster, _args, context) =>
      (await canReadOffers(context, cluster.cooperativeId))
        ? findCurrentOffer(context.dataSource.manager, cluster.id)
        : null,
    offerHistory: async (cluster, { first, after }, context) => {
      const size = pageSize(first);
      if (!(await canReadOffers(context, cluster.cooperativeId)))
        return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false } };
      return listOfferHistory(context.dataSource.manager, cluster.id, size, after);
    },
  },
  CapacityOffer: {
    id: (offer) => toGlobalId("CapacityOffer", offer.id),
    current: (offer) => offer.supersededAt === null,
    status: (offer) => toGraphqlEnum(offer.status),
    cluster: async (offer, _args, context) => {
      const cluster = await context.loaders.memberClusterById.load(offer.clusterId);
      if (!cluster) throw notFound("MemberCluster");
      return cluster;
    },
    caps: (offer) => amounts(offer.caps),
    allow: (offer) => offer.allow,
    deny: (offer) => offer.deny,
    openNow: (offer, _args, context) => offerOpenAt(offer, context.clock.now()),
    residency: async (offer, _args, context) => {
      const cluster = await context.loaders.memberClusterById.load(offer.clusterId);
      const labels = cluster?.labels ?? {};
      return {
        country: label(labels, "country"),
        jurisdiction: label(labels, "jurisdiction"),
        region: label(labels, "region"),
      };
    },
    overrun: async (offer, _args, context) =>
      amounts(offerOverrun(offer, await reservedOnCluster(context.dataSource.manager, offer.clusterId))),
    viewerMayUse: async (offer, { cooperativeId }, context) => {
      const mine = await viewerApprovedCooperatives(context);
      const named = cooperativeId ? fromGlobalId(cooperativeId, "Cooperative", "cooperativeId") : undefined;
      const candidates = named ? mine.filter((cooperative) => cooperative.id === named) : mine;
      if (candidates.length === 0) return null;
      return candidates.some((cooperative) =>
        mayUseOffer(offer, { cooperativeId: cooperative.id, tier: cooperative.tier }),
      );
    },
    createdBy: (offer, _args, context) => context.loaders.personById.load(offer.createdById),
  },
  CapacityOfferAudience: {
    cooperatives: async (audience, _args, context) => {
      const found = await Promise.all(
        audience.cooperatives.map((id) => context.loaders.cooperativeById.load(id)),
      );
      return found.filter((cooperative): cooperative is Cooperative => cooperative !== null);
    },
    tiers: (audience) => audience.tiers.map((tier) => toGraphqlEnum(tier) as CooperativeTier),
  },
};
