import type { Placement } from "../model/placement.entity.js";
import type { PlacementWork } from "../model/placement-work.entity.js";

/** What to ask the scheduler for when one piece of a placement's work is lost. */
export interface FailoverShare {
  /** The placement as the scheduler should see it for this share (Duplicated: one copy). */
  placement: Placement;
  replicas: number;
  /** Clusters where the placement has live work (PRESENT or being removed), the lost one included. */
  avoidClusterIds: string[];
}

/**
 * The lost share: the lost work's replicas, on clusters without live work of this placement. Not on a cluster
 * that already runs some: the scheduler credits existing replicas back (it assumes a decision replaces them) while
 * failover only adds, so it could over-commit; and a second Duplicated copy on one cluster is no copy at all. In
 * Duplicated mode exactly one copy is placed, whatever `modeClusters` says (the others still run). Pure.
 */
export function failoverShare(
  placement: Placement,
  lost: Pick<PlacementWork, "replicas">,
  work: ReadonlyArray<Pick<PlacementWork, "clusterId" | "releasedAt">>,
): FailoverShare {
  return {
    placement: placement.modeKind === "duplicated" ? { ...placement, modeClusters: 1 } : placement,
    replicas: lost.replicas,
    avoidClusterIds: [...new Set(work.filter((entry) => !entry.releasedAt).map((entry) => entry.clusterId))],
  };
}
