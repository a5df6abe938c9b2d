import type { EntityManager } from "typeorm";
import { conflict } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { type Cooperative, CooperativeEntity, type CooperativeTier } from "./cooperative.entity.js";
import { MembershipEntity } from "./membership.entity.js";

export interface CooperativeApplication {
  name: string;
  slug: string;
  country: string;
  website: string | null;
  description: string;
  tier: CooperativeTier;
}

/**
 * Records an application to found a cooperative. The applicant becomes its first admin at once, so they can
 * follow it; the cooperative appears in the directory only after a steward approves it.
 */
export async function applyForCooperative(
  manager: EntityManager,
  actor: Actor & { personId: string },
  application: CooperativeApplication,
): Promise<Cooperative> {
  const taken = await manager.existsBy(CooperativeEntity, { slug: application.slug });
  if (taken) throw conflict(`The slug "${application.slug}" is taken`, { field: "input.slug" });
  const cooperative = await manager.save(CooperativeEntity, {
    ...application,
    status: "pending",
    foundedById: actor.personId,
  });
  await manager.insert(MembershipEntity, {
    cooperativeId: cooperative.id,
    personId: actor.personId,
    role: "admin",
    source: "manual",
  });
  await recordAuditEvent(manager, actor, {
    action: "cooperative.applied",
    targetType: "Cooperative",
    targetId: cooperative.id,
    cooperativeId: cooperative.id,
    data: { slug: cooperative.slug, name: cooperative.name, tier: cooperative.tier },
  });
  return cooperative;
}
