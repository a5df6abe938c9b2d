import type { EntityManager } from "typeorm";
import { conflict, notFound } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { reindexForApprovedCooperative } from "../search/reindex-cooperative.js";
import { type Cooperative, CooperativeEntity, type CooperativeTier } from "./cooperative.entity.js";

export interface CooperativeDecision {
  cooperativeId: string;
  outcome: "approved" | "declined";
  tier?: CooperativeTier;
  note?: string | null;
}

/** A steward's decision on a pending application. Deciding twice is a CONFLICT, not a silent overwrite. */
export async function decideCooperative(
  manager: EntityManager,
  actor: Actor & { personId: string },
  decision: CooperativeDecision,
): Promise<Cooperative> {
  const cooperative = await manager.findOne(CooperativeEntity, {
    where: { id: decision.cooperativeId },
    lock: { mode: "pessimistic_write" },
  });
  if (!cooperative) throw notFound("Cooperative");
  if (cooperative.status !== "pending") {
    throw conflict(`This cooperative was already ${cooperative.status}`, { status: cooperative.status });
  }
  cooperative.status = decision.outcome;
  cooperative.decidedById = actor.personId;
  cooperative.decidedAt = actor.now;
  cooperative.decisionNote = decision.note ?? null;
  if (decision.tier) cooperative.tier = decision.tier;
  const saved = await manager.save(CooperativeEntity, cooperative);
  // Cooperative-only forum categories are indexed with the approved cooperatives as their audience.
  if (saved.status === "approved") await reindexForApprovedCooperative(manager, saved, actor.now);
  await recordAuditEvent(manager, actor, {
    action: `cooperative.${decision.outcome}`,
    targetType: "Cooperative",
    targetId: cooperative.id,
    cooperativeId: cooperative.id,
    data: { tier: saved.tier, note: saved.decisionNote },
  });
  return saved;
}
