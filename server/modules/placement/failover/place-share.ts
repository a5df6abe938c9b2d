import type { EntityManager } from "typeorm";
import { newDecision, saveDecision } from "../commands/new-decision.js";
import { type PlaceReplicasOutcome, placeReplicas } from "../commands/place-replicas.js";
import type { Placement } from "../model/placement.entity.js";
import type { ClusterLocks } from "../reserve/cluster-locks.js";
import type { SchedulerWeights } from "../scheduler/types.js";
import type { FailoverShare } from "./failover-share.js";

/**
 * Places a share of `placement` elsewhere with trigger `failover` (both lost work and a missing share go through
 * here). When nothing fits, stores the `no_capacity` decision, so the attempt is explained and the job's back-off
 * can find it, and returns null.
 */
export async function placeShareElsewhere(
  manager: EntityManager,
  locks: ClusterLocks,
  placement: Placement,
  share: FailoverShare,
  context: { now: Date; weights?: SchedulerWeights },
): Promise<Extract<PlaceReplicasOutcome, { placed: true }> | null> {
  const outcome = await placeReplicas(manager, locks, share.placement, {
    now: context.now,
    trigger: "failover",
    weights: context.weights,
    replicas: share.replicas,
    avoidClusterIds: share.avoidClusterIds,
  });
  if (outcome.placed) return outcome;
  await saveDecision(manager, newDecision(placement.id, outcome.decided, "failover", "no_capacity"));
  return null;
}
