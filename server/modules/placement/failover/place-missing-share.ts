import type { EntityManager } from "typeorm";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { lockPlacement } from "../commands/cancel-placement.js";
import { PlacementWorkEntity } from "../model/placement-work.entity.js";
import type { ClusterLocks } from "../reserve/cluster-locks.js";
import type { FailoverOutcome } from "./fail-over-work.js";
import { missingShare } from "./missing-share.js";
import type { SchedulerWeights } from "../scheduler/types.js";
import { placeShareElsewhere } from "./place-share.js";

/**
 * Places what a `placed` placement lacks ({@link missingShare}: e.g. the share of a revoked cluster, whose work was
 * released at once) with wt-core's `placeReplicas`, trigger `failover`, in the caller's transaction (the failover
 * lock, inside `withReservationRetries`). The placement row is locked and its work read again, so a cancel, a
 * report or an ordinary failover that happened since is seen: nothing is placed twice. Nothing fits: a
 * `no_capacity` decision is stored and the job tries again after its back-off. Audit event `placement.failover`.
 */
export async function placeMissingShare(
  manager: EntityManager,
  locks: ClusterLocks,
  placementId: string,
  context: { now: Date; weights?: SchedulerWeights },
): Promise<FailoverOutcome> {
  const { now } = context;
  const placement = await lockPlacement(manager, placementId);
  if (placement.status !== "placed") return "skipped";
  const work = await manager.find(PlacementWorkEntity, {
    where: { placementId },
    select: { clusterId: true, releasedAt: true, desiredState: true, replicas: true },
  });
  const share = missingShare(placement, work);
  if (!share) return "skipped";
  const outcome = await placeShareElsewhere(manager, locks, placement, share, context);
  if (!outcome) return "no_capacity";
  await recordAuditEvent(
    manager,
    { personId: null, requestId: null, now },
    {
      action: "placement.failover",
      targetType: "Placement",
      targetId: placement.id,
      cooperativeId: placement.cooperativeId,
      data: {
        placementId: placement.id,
        reason: "missing_share",
        replicas: share.replicas,
        copies: placement.modeKind === "duplicated" ? share.placement.modeClusters : null,
        placedOn: outcome.work.map((entry) => entry.clusterId),
        decisionId: outcome.decision.id,
      },
    },
  );
  return "moved";
}
