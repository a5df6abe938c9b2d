import type { Placement } from "../model/placement.entity.js";
import type { PlacementWork } from "../model/placement-work.entity.js";
import type { FailoverShare } from "./failover-share.js";

/**
 * What a `placed` placement lacks, or null when its live PRESENT work covers the request: Divided, the replicas
 * missing from `replicas`; Duplicated, the copies (each of all replicas) missing from `modeClusters`. Only live
 * PRESENT work counts as running: work being removed (ABSENT, e.g. moved away by failover, still reserved until its
 * agent confirms) does not, and neither does released work (e.g. of a revoked cluster). Work on an Unknown cluster
 * is still PRESENT and counts: ordinary failover moves it, this must not place it a second time. The share avoids
 * every cluster with live work of the placement, for the reasons given in {@link failoverShare}. Pure.
 */
export function missingShare(
  placement: Placement,
  work: ReadonlyArray<Pick<PlacementWork, "clusterId" | "releasedAt" | "desiredState" | "replicas">>,
): FailoverShare | null {
  const live = work.filter((entry) => !entry.releasedAt);
  const running = live.filter((entry) => entry.desiredState === "present");
  const avoidClusterIds = [...new Set(live.map((entry) => entry.clusterId))];
  if (placement.modeKind === "duplicated") {
    const missingCopies = (placement.modeClusters ?? 1) - running.length;
    if (missingCopies <= 0) return null;
    return {
      placement: { ...placement, modeClusters: missingCopies },
      replicas: placement.replicas,
      avoidClusterIds,
    };
  }
  const missing = placement.replicas - running.reduce((sum, entry) => sum + entry.replicas, 0);
  return missing > 0 ? { placement, replicas: missing, avoidClusterIds } : null;
}
