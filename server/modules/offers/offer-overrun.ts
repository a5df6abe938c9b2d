import type { ResourceAmounts } from "../placement/scheduler/types.js";
import type { CapacityOffer } from "./capacity-offer.entity.js";

/**
 * How far what guests use exceeds what the offer now allows, per resource (only resources over their limit).
 *
 * Lowering an offer never evicts: existing placements keep running, new ones stop fitting (the scheduler's
 * `offerFit` subtracts `inUse` from the new limit), and this overrun shows the owner by how much the alliance is
 * over. A paused or withdrawn offer allows nothing, so all use is overrun. Limits per resource: the cap, and when
 * `spare` (free + used by guests, per resource) is known, also `share × spare`, as in `scheduler/capacity.ts`.
 * A resource with neither cap nor known share limit has no overrun.
 */
export function offerOverrun(
  offer: Pick<CapacityOffer, "status" | "caps" | "freeSharePercent">,
  inUse: ResourceAmounts,
  spare: ResourceAmounts = {},
): ResourceAmounts {
  const overrun: ResourceAmounts = {};
  for (const [resource, used] of Object.entries(inUse)) {
    if (used <= 0) continue;
    const limit = limitOf(offer, resource, spare[resource]);
    if (used > limit) overrun[resource] = used - limit;
  }
  return overrun;
}

function limitOf(
  offer: Pick<CapacityOffer, "status" | "caps" | "freeSharePercent">,
  resource: string,
  spare: number | undefined,
): number {
  if (offer.status !== "active") return 0;
  const cap = offer.caps[resource] ?? Number.POSITIVE_INFINITY;
  const share =
    offer.freeSharePercent === null || spare === undefined
      ? Number.POSITIVE_INFINITY
      : Math.floor((offer.freeSharePercent / 100) * spare);
  return Math.min(cap, share);
}
