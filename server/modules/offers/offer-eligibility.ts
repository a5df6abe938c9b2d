import { offerEligibility } from "../placement/scheduler/filters/offer-eligibility.js";
import { offerWindow } from "../placement/scheduler/filters/offer-window.js";
import type { ClusterCandidate, PlacementRequest } from "../placement/scheduler/types.js";
import type { CapacityOffer } from "./capacity-offer.entity.js";
import { offerForScheduler } from "./offer-for-scheduler.js";

/** A cooperative that might use an offer. */
export interface OfferUser {
  cooperativeId: string;
  tier: string;
}

// The eligibility filter reads neither the time nor the fair share; a fixed context keeps the call pure.
const TIMELESS = { now: new Date(0), fairShare: 0.5 };

// Only the fields the two filters read; the rest is neutral so no other rule can change the answer.
function candidate(offer: CapacityOffer): ClusterCandidate {
  return {
    id: offer.clusterId,
    cooperativeId: offer.cooperativeId,
    accepted: true,
    conditions: [],
    taints: [],
    labels: {},
    capacity: {},
    nodeShapes: [],
    offer: offerForScheduler(offer),
    recentLeaseLosses: 0,
    existingReplicas: 0,
  };
}

function request(user: OfferUser): PlacementRequest {
  return {
    id: "eligibility",
    requesterCooperativeId: user.cooperativeId,
    requesterTier: user.tier,
    replicas: 1,
    perReplica: {},
    mode: { kind: "Divided" },
    constraints: {},
    spread: {},
  };
}

/**
 * Whether `user` may place work on this offer at all, by the scheduler's own `offerEligibility` filter (deny list
 * first, then a non-empty allow list; a paused or withdrawn offer admits nobody; owners always may). Capacity and
 * time windows are not part of this answer: they change by the minute; see `offerOpenAt`.
 */
export function mayUseOffer(offer: CapacityOffer, user: OfferUser): boolean {
  return offerEligibility(candidate(offer), request(user), TIMELESS).ok;
}

/** Whether one of the offer's windows is open at `now` (always, without windows), by the scheduler's filter. */
export function offerOpenAt(offer: CapacityOffer, now: Date): boolean {
  const cluster = candidate(offer);
  if (cluster.offer === undefined) return false;
  // A requester other than the owner: the owner is never bound by its own windows.
  const outsider = request({ cooperativeId: "", tier: "" });
  return offerWindow(cluster, outsider, { now, fairShare: 0.5 }).ok;
}
