import type { EntityManager } from "typeorm";
import { type Actor, recordAuditEvent } from "../../audit/record-audit-event.js";
import { recordClusterEvents } from "../../clusters/record-cluster-event.js";

/**
 * A cluster was revoked: its live work becomes ABSENT (reason `cluster_revoked`, unless it was already being
 * removed for another reason) and is released at once. Why at once: a revoked agent's credential no longer works,
 * so it can never report `removed`, and a reservation waiting for that report would hold capacity forever. The
 * cluster has left the federation, so nothing of it is offered any more either. What the agent applied stays on
 * the cluster: the hub cannot reach it, and its owners remove the guest namespaces themselves.
 * Runs in the revoking transaction; returns how many pieces of work were released.
 */
export async function releaseRevokedClusterWork(
  manager: EntityManager,
  actor: Actor,
  clusterId: string,
): Promise<number> {
  const released: Array<{ id: string; placement_id: string; provider_cooperative_id: string }> =
    await manager.query(
      // In a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count], a SELECT with the rows.
      `WITH released AS (
       UPDATE placement_work
          SET generation = generation + CASE WHEN desired_state = 'present' THEN 1 ELSE 0 END,
              desired_state = 'absent',
              removal_reason = coalesce(removal_reason, 'cluster_revoked'),
              removal_requested_at = coalesce(removal_requested_at, $2),
              released_at = $2,
              updated_at = $2
        WHERE cluster_id = $1 AND released_at IS NULL
        RETURNING id, placement_id, provider_cooperative_id)
       SELECT * FROM released`,
      [clusterId, actor.now],
    );
  if (released.length === 0) return 0;
  await recordClusterEvents(manager, [
    {
      clusterId,
      occurredAt: actor.now,
      type: "WorkReleased",
      source: "hub",
      message: `${released.length} piece(s) of guest work released: the cluster was revoked`,
      details: { work: released.length },
      actorId: actor.personId,
    },
  ]);
  for (const work of released)
    await recordAuditEvent(manager, actor, {
      action: "placement.work_released",
      targetType: "PlacementWork",
      targetId: work.id,
      cooperativeId: work.provider_cooperative_id,
      data: { placementId: work.placement_id, reason: "cluster_revoked" },
    });
  return released.length;
}
