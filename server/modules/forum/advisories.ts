import type { EntityManager } from "typeorm";
import { conflict, forbidden } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { CooperativeEntity } from "../cooperatives/cooperative.entity.js";

/** Records that a cooperative has read and acted on an advisory; once per cooperative. */
export async function acknowledgeAdvisory(
  manager: EntityManager,
  actor: Actor & { personId: string },
  topicId: string,
  cooperativeId: string,
): Promise<void> {
  const cooperative = await manager.findOneBy(CooperativeEntity, { id: cooperativeId });
  if (cooperative?.status !== "approved") throw forbidden("Only approved cooperatives acknowledge");
  const inserted: unknown[] = await manager.query(
    `INSERT INTO forum_advisory_ack (topic_id, cooperative_id, acknowledged_by_id, acknowledged_at)
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING topic_id`,
    [topicId, cooperativeId, actor.personId, actor.now],
  );
  if (inserted.length === 0)
    throw conflict("This cooperative has already acknowledged", { reason: "ALREADY_ACKNOWLEDGED" });
  await recordAuditEvent(manager, actor, {
    action: "forum.advisory.acknowledged",
    targetType: "ForumTopic",
    targetId: topicId,
    cooperativeId,
  });
}
