import { EntitySchema } from "typeorm";
import { uuidPrimary } from "../../db/column-types.js";

/** One recorded change: who did what to which object, written in the same transaction as the change. */
export interface AuditEvent {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  cooperativeId: string | null;
  data: Record<string, unknown>;
  requestId: string | null;
}

export const AuditEventEntity = new EntitySchema<AuditEvent>({
  name: "AuditEvent",
  tableName: "audit_event",
  columns: {
    id: uuidPrimary,
    occurredAt: { type: "timestamptz", name: "occurred_at" },
    actorId: { type: "uuid", name: "actor_id", nullable: true },
    action: { type: "text" },
    targetType: { type: "text", name: "target_type" },
    targetId: { type: "text", name: "target_id" },
    cooperativeId: { type: "uuid", name: "cooperative_id", nullable: true },
    data: { type: "jsonb", default: () => "'{}'" },
    requestId: { type: "text", name: "request_id", nullable: true },
  },
  indices: [
    { name: "audit_event_occurred_idx", columns: ["occurredAt", "id"] },
    { name: "audit_event_cooperative_idx", columns: ["cooperativeId", "occurredAt"] },
  ],
});
