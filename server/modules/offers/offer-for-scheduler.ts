import type { ClusterOffer, OfferAudience, ResourceAmounts } from "../placement/scheduler/types.js";
import type { CapacityOffer, StoredAudience } from "./capacity-offer.entity.js";

function audience(stored: StoredAudience): OfferAudience {
  return { cooperatives: [...stored.cooperatives], tiers: [...stored.tiers] };
}

/**
 * The scheduler's view of a stored offer version (`scheduler/types.ts` `ClusterOffer`). Pure: `usedByAlliance` is
 * what guests already use on the cluster, supplied by the caller (the placement module's reservations).
 *
 * Returns `undefined` when the offer admits no guests (paused or withdrawn): the scheduler reads an absent offer as
 * "not offered to the alliance", which is exactly what pausing means — no new placements, nobody evicted.
 * The share is stored in percent (0–100) and handed over as a fraction (0–1). Tiers are stored lowercase, as the
 * cooperative table keeps them, which is what a placement request carries as `requesterTier`.
 */
export function offerForScheduler(
  offer: CapacityOffer,
  usedByAlliance: ResourceAmounts = {},
): ClusterOffer | undefined {
  if (offer.status !== "active") return undefined;
  const result: ClusterOffer = {
    id: offer.id,
    version: offer.version,
    allow: audience(offer.allow),
    deny: audience(offer.deny),
    preemptible: offer.preemptible,
    usedByAlliance: { ...usedByAlliance },
  };
  if (Object.keys(offer.caps).length > 0) result.caps = { ...offer.caps };
  if (offer.freeSharePercent !== null) result.freeShare = offer.freeSharePercent / 100;
  if (offer.windows.length > 0) {
    result.windows = offer.windows.map((window) => ({
      days: [...window.days],
      start: window.start,
      end: window.end,
      timeZone: window.timeZone,
    }));
  }
  return result;
}
