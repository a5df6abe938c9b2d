import type { EntityManager } from "typeorm";
import { notFound } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { reindexForRenamedCooperative } from "../search/reindex-cooperative.js";
import { type Cooperative, CooperativeEntity } from "./cooperative.entity.js";

export type CooperativeChanges = Partial<Pick<Cooperative, "name" | "country" | "website" | "description">>;

/** Changes a cooperative's profile and records which fields changed, with their old and new values. */
export async function updateCooperative(
  manager: EntityManager,
  actor: Actor,
  cooperativeId: string,
  changes: CooperativeChanges,
): Promise<Cooperative> {
  const cooperative = await manager.findOne(CooperativeEntity, {
    where: { id: cooperativeId },
    lock: { mode: "pessimistic_write" },
  });
  if (!cooperative) throw notFound("Cooperative");
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(changes) as Array<[keyof CooperativeChanges, string | null]>) {
    if (value === undefined || cooperative[field] === value) continue;
    changed[field] = { from: cooperative[field], to: value };
    Object.assign(cooperative, { [field]: value });
  }
  if (Object.keys(changed).length === 0) return cooperative;
  const saved = await manager.save(CooperativeEntity, cooperative);
  // Cluster documents carry the cooperative's name.
  if (changed.name) await reindexForRenamedCooperative(manager, cooperative.id, actor.now);
  await recordAuditEvent(manager, actor, {
    action: "cooperative.updated",
    targetType: "Cooperative",
    targetId: cooperative.id,
    cooperativeId: cooperative.id,
    data: { changed },
  });
  return saved;
}
