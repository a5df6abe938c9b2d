import type { Placement } from "../model/placement.entity.js";
import type { PlacementRequest } from "../scheduler/types.js";

/** The stored parts of a placement the scheduler needs (an unsaved placement for a preview works too). */
export type SchedulablePlacement = Pick<
  Placement,
  "id" | "cooperativeId" | "replicas" | "perReplica" | "modeKind" | "modeClusters" | "constraints" | "spread"
>;

/**
 * The scheduler's request for a stored placement. `requesterTier` is the cooperative's tier as the cooperative
 * table stores it (`tcc_member`, lowercase), the spelling offers store in their tier lists too (see
 * `offers/validate-offer.ts`), so the offer eligibility filter compares like with like. `replicas` may be less
 * than the placement's (failover places only the lost share), and a Duplicated placement may ask for fewer clusters
 * than it runs on (failover replaces one lost copy).
 */
export function schedulerRequest(
  placement: SchedulablePlacement,
  requesterTier: string,
  replicas: number = placement.replicas,
  duplicatedClusters: number = placement.modeClusters ?? 1,
): PlacementRequest {
  return {
    id: placement.id,
    requesterCooperativeId: placement.cooperativeId,
    requesterTier,
    replicas,
    perReplica: placement.perReplica,
    mode:
      placement.modeKind === "duplicated"
        ? { kind: "Duplicated", clusters: duplicatedClusters }
        : { kind: "Divided" },
    constraints: placement.constraints,
    spread: placement.spread,
  };
}
