import type { EntityManager } from "typeorm";
import { conflict } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import type { Manual } from "./manual.entity.js";
import type { ManualChapter } from "./manual-chapter.entity.js";
import { type ManualPage, ManualPageEntity } from "./manual-page.entity.js";
import type { ManualPageRevision } from "./manual-page-revision.entity.js";
import type { ManualRelease } from "./manual-release.entity.js";
import { writePageRevision } from "./write-page-revision.js";

/**
 * A maintainer's direct edit. It must start from the page's current revision: an edit based on an older one is a
 * CONFLICT (someone else saved in between), never a silent overwrite.
 */
export async function editManualPage(
  manager: EntityManager,
  actor: Actor & { personId: string },
  where: { manual: Manual; release: ManualRelease; chapter: ManualChapter; page: ManualPage },
  edit: { baseRevisionId: string; title: string; summary: string; markdown: string; message: string },
): Promise<{ page: ManualPage; revision: ManualPageRevision }> {
  const page = await manager.findOneOrFail(ManualPageEntity, {
    where: { id: where.page.id },
    lock: { mode: "pessimistic_write" },
  });
  if (page.archived) throw conflict("This page is archived", { reason: "PAGE_ARCHIVED" });
  if (page.currentRevisionId !== edit.baseRevisionId)
    throw conflict("The page changed after you started editing; reload and apply your change again", {
      reason: "STALE_BASE",
    });
  const revision = await writePageRevision(
    manager,
    { ...where, page },
    { title: edit.title, summary: edit.summary, markdown: edit.markdown, message: edit.message || "Edited" },
    { authorId: actor.personId, source: "edit", now: actor.now },
  );
  await recordAuditEvent(manager, actor, {
    action: "manual.page.edited",
    targetType: "ManualPage",
    targetId: page.id,
    data: { revision: revision.number },
  });
  return { page, revision };
}

/** Makes an older revision's text current again, as a new revision (history is never rewritten). */
export async function restoreManualRevision(
  manager: EntityManager,
  actor: Actor & { personId: string },
  where: { manual: Manual; release: ManualRelease; chapter: ManualChapter; page: ManualPage },
  old: ManualPageRevision,
): Promise<{ page: ManualPage; revision: ManualPageRevision }> {
  const page = await manager.findOneOrFail(ManualPageEntity, {
    where: { id: where.page.id },
    lock: { mode: "pessimistic_write" },
  });
  if (page.currentRevisionId === old.id)
    throw conflict(`Revision ${old.number} is already the current one`, { reason: "ALREADY_CURRENT" });
  const revision = await writePageRevision(
    manager,
    { ...where, page },
    {
      title: old.title,
      summary: old.summary,
      markdown: old.markdown,
      message: `Restored revision ${old.number}`,
    },
    { authorId: actor.personId, source: "restore", now: actor.now },
  );
  await recordAuditEvent(manager, actor, {
    action: "manual.page.restored",
    targetType: "ManualPage",
    targetId: page.id,
    data: { restored: old.number, revision: revision.number },
  });
  return { page, revision };
}
