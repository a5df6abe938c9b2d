import type { EntityManager } from "typeorm";
import { conflict } from "../../../errors.js";
import { type Actor, recordAuditEvent } from "../../audit/record-audit-event.js";
import type { Blueprint } from "../model/blueprint.entity.js";
import { type BlueprintVersion, BlueprintVersionEntity } from "../model/blueprint-version.entity.js";
import { refreshLatest } from "./refresh-latest.js";

/**
 * Yanks a version: hidden from lists and no longer "latest", still downloadable by exact version (with a warning).
 * Yanking twice is a CONFLICT. The version's content never changes.
 */
export async function yankVersion(
  manager: EntityManager,
  actor: Actor & { personId: string },
  blueprint: Blueprint,
  version: BlueprintVersion,
  reason: string,
): Promise<BlueprintVersion> {
  if (version.yankedAt)
    throw conflict(`${blueprint.name} ${version.version} is already yanked`, { reason: "ALREADY_YANKED" });
  await manager.update(
    BlueprintVersionEntity,
    { id: version.id },
    { yankedAt: actor.now, yankReason: reason, yankedById: actor.personId },
  );
  await refreshLatest(manager, blueprint.id, actor.now);
  await recordAuditEvent(manager, actor, {
    action: "blueprint.version_yanked",
    targetType: "BlueprintVersion",
    targetId: version.id,
    cooperativeId: blueprint.publisherCooperativeId,
    data: { name: blueprint.name, version: version.version, reason },
  });
  return manager.findOneByOrFail(BlueprintVersionEntity, { id: version.id });
}
