import type { EntityManager } from "typeorm";
import { IsNull } from "typeorm";
import { CooperativeEntity } from "../../cooperatives/cooperative.entity.js";
import { fairShareOf } from "../ledger-store/fair-share-of.js";
import { validateManifests } from "../manifests/validate-manifests.js";
import type { DecisionTrigger, PlacementDecision } from "../model/placement-decision.entity.js";
import type { Placement } from "../model/placement.entity.js";
import { type PlacementWork, PlacementWorkEntity } from "../model/placement-work.entity.js";
import { schedulerRequest } from "../requests/scheduler-request.js";
import type { ClusterLocks } from "../reserve/cluster-locks.js";
import { decideAndReserve, type ReservedDecision } from "../reserve/decide-and-reserve.js";
import type { SchedulerWeights } from "../scheduler/types.js";
import { newDecision, saveDecision } from "./new-decision.js";
import { writeWork } from "./write-work.js";

/** What {@link placeReplicas} did. */
export type PlaceReplicasOutcome =
  | { placed: true; decision: PlacementDecision; work: PlacementWork[]; decided: ReservedDecision }
  | { placed: false; decided: ReservedDecision };

/**
 * Decides and reserves capacity for an EXISTING placement and writes its work, atomically, in the caller's
 * transaction — the building block the queue runner and failover share with `createPlacement`.
 *
 * - `trigger`: `queue` (a queued placement now fits) or `failover` (part of it must run elsewhere); the decision
 *   is stored with it.
 * - `replicas`: how many replicas to place (default: the placement's); failover passes the lost share.
 * - `clusters`: Duplicated only, how many clusters to add (default: the placement's); failover passes 1 per lost
 *   copy.
 * - `avoidClusterIds`: clusters never chosen (e.g. the lost cluster). Clusters where this placement still has
 *   live work being removed are avoided too (one live row per placement and cluster), and in Duplicated mode
 *   every cluster already running a copy.
 * - Divided: a chosen cluster where the placement already has present work gets that work grown (`writeWork`).
 *   The spread limits apply to the replicas placed now, not to those already running elsewhere.
 *
 * When nothing fits, nothing is written and `{ placed: false }` returns the decision for the caller to store or
 * not (the queue stays silent, failover may record it with `newDecision` + `saveDecision`). The placement's own
 * status is left to the caller. Must run inside `withReservationRetries` (it may throw `ReservationContention`).
 */
export async function placeReplicas(
  manager: EntityManager,
  locks: ClusterLocks,
  placement: Placement,
  options: {
    now: Date;
    trigger: Exclude<DecisionTrigger, "initial">;
    replicas?: number;
    clusters?: number;
    avoidClusterIds?: readonly string[];
    weights?: SchedulerWeights;
  },
): Promise<PlaceReplicasOutcome> {
  const cooperative = await manager.findOneByOrFail(CooperativeEntity, { id: placement.cooperativeId });
  const live = await manager.find(PlacementWorkEntity, {
    select: { clusterId: true, desiredState: true },
    where: { placementId: placement.id, releasedAt: IsNull() },
  });
  // Work being removed blocks its cluster (one live row per placement and cluster); in Duplicated mode a cluster
  // already running a copy cannot take another one.
  const blocked = live.filter(
    (work) => work.desiredState === "absent" || placement.modeKind === "duplicated",
  );
  const avoid = new Set([...(options.avoidClusterIds ?? []), ...blocked.map((work) => work.clusterId)]);
  const request = schedulerRequest(placement, cooperative.tier, options.replicas, options.clusters);
  const fairShare = await fairShareOf(manager, placement.cooperativeId, options.now);
  const decided = await decideAndReserve(manager, locks, request, {
    now: options.now,
    fairShare,
    avoidClusterIds: avoid,
    weights: options.weights,
  });
  if (!decided.result.ok) return { placed: false, decided };
  const parsed = validateManifests(placement.manifests);
  if (!parsed.ok) throw new Error(`stored manifests of placement ${placement.id} no longer validate`);
  const work = await writeWork(
    manager,
    placement,
    cooperative.slug,
    parsed.objects,
    decided.result.assignments,
    options.now,
  );
  const decision = await saveDecision(manager, newDecision(placement.id, decided, options.trigger, "placed"));
  return { placed: true, decision, work, decided };
}
