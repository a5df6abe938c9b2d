import type { EntityManager } from "typeorm";
import { AuditEventEntity } from "./audit-event.entity.js";

/** Who caused a change and in which request; passed from resolvers to commands. */
export interface Actor {
  personId: string | null;
  requestId: string | null;
  now: Date;
}

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string;
  cooperativeId?: string | null;
  data?: Record<string, unknown>;
}

/** Writes one audit event in the caller's transaction, so the log and the change commit together. */
export async function recordAuditEvent(
  manager: EntityManager,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  await manager.save(AuditEventEntity, {
    occurredAt: actor.now,
    actorId: actor.personId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    cooperativeId: entry.cooperativeId ?? null,
    data: entry.data ?? {},
    requestId: actor.requestId,
  });
}
