import { type EntityManager, IsNull } from "typeorm";
import { conflict, notFound } from "../../../errors.js";
import { type Actor, recordAuditEvent } from "../../audit/record-audit-event.js";
import { type Placement, PlacementEntity } from "../model/placement.entity.js";
import { PlacementWorkEntity } from "../model/placement-work.entity.js";

/** The placement row locked for the rest of the transaction (cancel and the queue runner must not cross). */
export async function lockPlacement(manager: EntityManager, placementId: string): Promise<Placement> {
  const placement = await manager.findOne(PlacementEntity, {
    where: { id: placementId },
    lock: { mode: "pessimistic_write" },
  });
  if (!placement) throw notFound("Placement");
  return placement;
}

/**
 * cancelPlacement, in the caller's transaction: a queued placement leaves the queue; a placed one gets every live
 * present work row marked for removal (desired state absent, reason cancelled, generation + 1) so the agents delete
 * what they applied. The reservations stay until each agent reports the removal (released_at): the capacity is
 * not free before the guest's pods are gone. CONFLICT when already cancelled or failed. The caller has checked
 * `placement.cancel` for the placement's cooperative.
 */
export async function cancelPlacement(
  manager: EntityManager,
  actor: Actor,
  placement: Placement,
): Promise<Placement> {
  if (placement.status === "cancelled")
    throw conflict("This placement is already cancelled", { reason: "ALREADY_CANCELLED" });
  if (placement.status === "failed")
    throw conflict("This placement failed; there is nothing to cancel", { reason: "FAILED" });
  const live = await manager.find(PlacementWorkEntity, {
    where: { placementId: placement.id, releasedAt: IsNull(), desiredState: "present" },
  });
  for (const work of live) {
    await manager.update(
      PlacementWorkEntity,
      { id: work.id },
      {
        desiredState: "absent",
        removalReason: "cancelled",
        removalRequestedAt: actor.now,
        generation: work.generation + 1,
      },
    );
  }
  const previous = placement.status;
  Object.assign(placement, { status: "cancelled", cancelledAt: actor.now, updatedAt: actor.now });
  await manager.update(
    PlacementEntity,
    { id: placement.id },
    { status: "cancelled", cancelledAt: actor.now },
  );
  await recordAuditEvent(manager, actor, {
    action: "placement.cancel",
    targetType: "Placement",
    targetId: placement.id,
    cooperativeId: placement.cooperativeId,
    data: { name: placement.name, previousStatus: previous, workRemoved: live.length },
  });
  return placement;
}
