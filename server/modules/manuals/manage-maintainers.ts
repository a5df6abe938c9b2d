import type { EntityManager } from "typeorm";
import { conflict, notFound } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { CooperativeEntity } from "../cooperatives/cooperative.entity.js";
import { PersonEntity } from "../people/person.entity.js";
import type { Manual } from "./manual.entity.js";
import { ManualMaintainerEntity } from "./manual-maintainer.entity.js";

export type MaintainerHolder = { cooperativeSlug: string } | { personHandle: string };

async function holderKey(
  manager: EntityManager,
  holder: MaintainerHolder,
): Promise<{ cooperativeId: string } | { personId: string }> {
  if ("cooperativeSlug" in holder) {
    const cooperative = await manager.findOneBy(CooperativeEntity, { slug: holder.cooperativeSlug });
    if (!cooperative) throw notFound("Cooperative");
    return { cooperativeId: cooperative.id };
  }
  const person = await manager.findOneBy(PersonEntity, { handle: holder.personHandle });
  if (!person) throw notFound("Person");
  return { personId: person.id };
}

/** Gives a cooperative (all its members) or a person the maintainer role of a manual. */
export async function addManualMaintainer(
  manager: EntityManager,
  actor: Actor,
  manual: Manual,
  holder: MaintainerHolder,
): Promise<void> {
  const key = await holderKey(manager, holder);
  if (await manager.existsBy(ManualMaintainerEntity, { manualId: manual.id, ...key }))
    throw conflict("Already a maintainer of this manual", { reason: "ALREADY_MAINTAINER" });
  await manager.insert(ManualMaintainerEntity, { manualId: manual.id, ...key, createdAt: actor.now });
  await recordAuditEvent(manager, actor, {
    action: "manual.maintainer.added",
    targetType: "Manual",
    targetId: manual.id,
    cooperativeId: "cooperativeId" in key ? key.cooperativeId : null,
    data: { ...holder },
  });
}

/** Takes the maintainer role of a manual away from a cooperative or person. */
export async function removeManualMaintainer(
  manager: EntityManager,
  actor: Actor,
  manual: Manual,
  holder: MaintainerHolder,
): Promise<void> {
  const key = await holderKey(manager, holder);
  const result = await manager.delete(ManualMaintainerEntity, { manualId: manual.id, ...key });
  if (!result.affected) throw notFound("Maintainer");
  await recordAuditEvent(manager, actor, {
    action: "manual.maintainer.removed",
    targetType: "Manual",
    targetId: manual.id,
    cooperativeId: "cooperativeId" in key ? key.cooperativeId : null,
    data: { ...holder },
  });
}
