import type { EntityManager } from "typeorm";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { recordClusterEvents } from "../../clusters/record-cluster-event.js";
import { lockPlacement } from "../commands/cancel-placement.js";
import { PlacementWorkEntity } from "../model/placement-work.entity.js";
import type { ClusterLocks } from "../reserve/cluster-locks.js";
import { failoverShare } from "./failover-share.js";
import type { LostWork } from "./lost-work-query.js";
import type { SchedulerWeights } from "../scheduler/types.js";
import { placeShareElsewhere } from "./place-share.js";

/** What failing over one piece of work did. */
export type FailoverOutcome = "moved" | "no_capacity" | "skipped";

/**
 * Places a lost cluster's share of a placement again elsewhere, in the caller's transaction (which holds the
 * failover lock and runs inside `withReservationRetries`):
 * - the placement row is locked, so cancel and failover of the same placement serialise; work that changed
 *   meanwhile (cancelled, released, already moved) is skipped;
 * - the share ({@link failoverShare}: the lost work's replicas, away from clusters with live work of the
 *   placement) is decided and reserved by wt-core's `placeReplicas` with trigger `failover`;
 * - when it fits, the lost work becomes ABSENT (reason `failover`) but keeps its reservation: the agent may still
 *   run it, so the room is freed only when the cluster returns and its agent reports the removal;
 * - when nothing fits, the old work stays PRESENT and a `no_capacity` decision is stored (the job retries later).
 */
export async function failOverWork(
  manager: EntityManager,
  locks: ClusterLocks,
  lost: LostWork,
  context: { now: Date; weights?: SchedulerWeights },
): Promise<FailoverOutcome> {
  const { now } = context;
  const placement = await lockPlacement(manager, lost.placementId);
  const live = await manager.find(PlacementWorkEntity, {
    where: { placementId: placement.id },
    select: {
      id: true,
      clusterId: true,
      desiredState: true,
      releasedAt: true,
      generation: true,
      replicas: true,
    },
  });
  const work = live.find((entry) => entry.id === lost.workId);
  if (placement.status !== "placed" || !work || work.releasedAt || work.desiredState !== "present")
    return "skipped";
  const share = failoverShare(placement, work, live);
  const outcome = await placeShareElsewhere(manager, locks, placement, share, context);
  if (!outcome) return "no_capacity";
  await manager.update(
    PlacementWorkEntity,
    { id: work.id },
    {
      desiredState: "absent",
      removalReason: "failover",
      removalRequestedAt: now,
      generation: work.generation + 1,
    },
  );
  const details = {
    workId: work.id,
    placementId: placement.id,
    replicas: work.replicas,
    lostSince: lost.lostSince.toISOString(),
    movedTo: outcome.work.map((entry) => entry.clusterId),
    decisionId: outcome.decision.id,
  };
  await recordClusterEvents(manager, [
    {
      clusterId: lost.clusterId,
      occurredAt: now,
      type: "WorkFailedOver",
      source: "hub",
      message: `${work.replicas} replica(s) of a guest placement moved elsewhere: the cluster is Unknown`,
      details,
    },
  ]);
  await recordAuditEvent(
    manager,
    { personId: null, requestId: null, now },
    {
      action: "placement.failover",
      targetType: "Placement",
      targetId: placement.id,
      cooperativeId: placement.cooperativeId,
      data: details,
    },
  );
  return "moved";
}
