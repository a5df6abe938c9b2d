import type { EntityManager } from "typeorm";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { type Placement, PlacementEntity } from "../model/placement.entity.js";
import type { ClusterLocks } from "../reserve/cluster-locks.js";
import { placeReplicas } from "./place-replicas.js";

/**
 * Tries to place one queued placement now (trigger `queue`), in the caller's transaction. The row is locked
 * without waiting (a cancel in progress wins; the next pass looks again) and must still be queued. Placed: status
 * `placed`, the decision and work written by `placeReplicas`, an audit event by the hub itself. Still no room:
 * nothing is written — the queue does not store a decision every few seconds per waiting placement.
 */
export async function serveQueuedPlacement(
  manager: EntityManager,
  locks: ClusterLocks,
  placementId: string,
  now: Date,
): Promise<boolean> {
  const placement: Placement | null = await manager
    .createQueryBuilder(PlacementEntity, "placement")
    .where("placement.id = :placementId", { placementId })
    .setLock("pessimistic_write")
    .setOnLocked("skip_locked")
    .getOne();
  if (placement?.status !== "queued") return false;
  const outcome = await placeReplicas(manager, locks, placement, { now, trigger: "queue" });
  if (!outcome.placed) return false;
  await manager.update(PlacementEntity, { id: placement.id }, { status: "placed", placedAt: now });
  await recordAuditEvent(
    manager,
    { personId: null, requestId: null, now },
    {
      action: "placement.place",
      targetType: "Placement",
      targetId: placement.id,
      cooperativeId: placement.cooperativeId,
      data: {
        trigger: "queue",
        work: outcome.work.map((work) => ({ clusterId: work.clusterId, replicas: work.replicas })),
      },
    },
  );
  return true;
}
