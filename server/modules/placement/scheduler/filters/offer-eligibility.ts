import { isOwnCluster } from "../capacity.js";
import { PASS } from "../filter-result.js";
import type { Filter, OfferAudience } from "../types.js";

// Written without `?? []` so that the common case (no lists) allocates nothing per candidate.
function listed(audience: OfferAudience, cooperativeId: string, tier: string): boolean {
  return audience.cooperatives?.includes(cooperativeId) === true || audience.tiers?.includes(tier) === true;
}

function restricts(audience: OfferAudience): boolean {
  return (audience.cooperatives?.length ?? 0) > 0 || (audience.tiers?.length ?? 0) > 0;
}

/**
 * The offer must admit the requester: the deny list wins, then a non-empty allow list must name the requester's
 * cooperative or tier. The owner needs no offer to use its own cluster.
 */
export const offerEligibility: Filter = (cluster, request) => {
  if (isOwnCluster(cluster, request)) return PASS;
  const offer = cluster.offer;
  if (offer === undefined) return { ok: false, reason: "cluster is not offered to the alliance" };
  const { requesterCooperativeId: cooperativeId, requesterTier: tier } = request;
  if (listed(offer.deny, cooperativeId, tier)) {
    return { ok: false, reason: `offer ${offer.id} denies cooperative ${cooperativeId} or tier ${tier}` };
  }
  if (restricts(offer.allow) && !listed(offer.allow, cooperativeId, tier)) {
    return {
      ok: false,
      reason: `offer ${offer.id} does not allow cooperative ${cooperativeId} or tier ${tier}`,
    };
  }
  return PASS;
};
