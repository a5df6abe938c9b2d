import type { EntityManager } from "typeorm";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { type ManualRelease, ManualReleaseEntity, type ReleaseStatus } from "./manual-release.entity.js";

/**
 * Sets a release's status. Making one current turns the previously current release of the manual into a
 * maintained one: there is never more than one current release.
 */
export async function setReleaseStatus(
  manager: EntityManager,
  actor: Actor,
  release: ManualRelease,
  status: ReleaseStatus,
): Promise<ManualRelease> {
  if (status === "current") {
    await manager.query(
      "UPDATE manual_release SET status = 'maintained', updated_at = $3 WHERE manual_id = $1 AND status = 'current' AND id <> $2",
      [release.manualId, release.id, actor.now],
    );
  }
  const previous = release.status;
  await manager.update(ManualReleaseEntity, { id: release.id }, { status, updatedAt: actor.now });
  await recordAuditEvent(manager, actor, {
    action: "manual.release.statusChanged",
    targetType: "ManualRelease",
    targetId: release.id,
    data: { name: release.name, from: previous, to: status },
  });
  return { ...release, status };
}

/** What a reader of a release with this status is told, with the current release's name when there is one. */
export function releaseBanner(status: ReleaseStatus, currentName: string | null): string | null {
  const current = currentName ? ` The current release is ${currentName}.` : "";
  switch (status) {
    case "current":
      return null;
    case "unreleased":
      return `This release is not released yet; its text may still change.${current}`;
    case "maintained":
      return `This is an older release. It is still maintained, but new clusters should follow the current release.${current}`;
    case "unmaintained":
      return `This release is no longer maintained and may describe versions that no longer receive security fixes.${current}`;
  }
}
