import type { EntityManager } from "typeorm";
import { conflict } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { commentOnManualProposal } from "./comment-on-manual-proposal.js";
import type { Manual } from "./manual.entity.js";
import { ManualChapterEntity } from "./manual-chapter.entity.js";
import { type ManualPage, ManualPageEntity } from "./manual-page.entity.js";
import type { ManualPageRevision } from "./manual-page-revision.entity.js";
import { type ManualProposal, ManualProposalEntity } from "./manual-proposal.entity.js";
import type { ManualRelease } from "./manual-release.entity.js";
import { writePageRevision } from "./write-page-revision.js";

/** Locks a proposal row and refuses anything but an open one. */
async function lockOpenProposal(manager: EntityManager, proposal: ManualProposal): Promise<ManualProposal> {
  const locked = await manager.findOne(ManualProposalEntity, {
    where: { id: proposal.id },
    lock: { mode: "pessimistic_write" },
  });
  if (locked?.status !== "open")
    throw conflict("This proposal was already decided", { reason: "ALREADY_DECIDED" });
  return locked;
}

/**
 * Merges a proposal: its text becomes a new revision of the page (or a new page). When the page changed after
 * the proposal's base revision, it is a CONFLICT unless the maintainer accepts the conflict explicitly.
 */
export async function mergeManualProposal(
  manager: EntityManager,
  actor: Actor & { personId: string },
  where: { manual: Manual; release: ManualRelease; proposal: ManualProposal },
  options: { acceptConflict: boolean },
): Promise<{ proposal: ManualProposal; revision: ManualPageRevision }> {
  const proposal = await lockOpenProposal(manager, where.proposal);
  const chapter = await manager.findOneByOrFail(ManualChapterEntity, { id: proposal.chapterId });
  let page: ManualPage;
  if (proposal.pageId) {
    page = await manager.findOneOrFail(ManualPageEntity, {
      where: { id: proposal.pageId },
      lock: { mode: "pessimistic_write" },
    });
    if (page.currentRevisionId !== proposal.baseRevisionId && !options.acceptConflict) {
      throw conflict("The page changed after this proposal was written; review the conflict first", {
        reason: "STALE_BASE",
      });
    }
  } else {
    const slug = proposal.slug as string;
    if (await manager.existsBy(ManualPageEntity, { chapterId: chapter.id, slug }))
      throw conflict(`A page "${slug}" exists in this chapter by now`, { reason: "SLUG_TAKEN" });
    const [{ next }] = (await manager.query(
      "SELECT coalesce(max(position), 0)::int + 1 AS next FROM manual_page WHERE chapter_id = $1",
      [chapter.id],
    )) as Array<{ next: number }>;
    page = await manager.save(ManualPageEntity, {
      releaseId: where.release.id,
      chapterId: chapter.id,
      slug,
      title: proposal.title,
      summary: proposal.summary,
      position: Number(next),
      origin: "web" as const,
      syncedHash: null,
      archived: false,
    });
  }
  const revision = await writePageRevision(
    manager,
    { manual: where.manual, release: where.release, chapter, page },
    {
      title: proposal.title,
      summary: proposal.summary,
      markdown: proposal.markdown,
      message: proposal.message || "Merged change proposal",
    },
    { authorId: proposal.authorId, source: "proposal", now: actor.now },
  );
  Object.assign(proposal, {
    status: "merged",
    pageId: page.id,
    decidedById: actor.personId,
    decidedAt: actor.now,
    mergedRevisionId: revision.id,
    updatedAt: actor.now,
  });
  await manager.save(ManualProposalEntity, proposal);
  await recordAuditEvent(manager, actor, {
    action: "manual.proposal.merged",
    targetType: "ManualChangeProposal",
    targetId: proposal.id,
    data: { page: page.id, revision: revision.number, acceptedConflict: options.acceptConflict },
  });
  return { proposal, revision };
}

/** Declines an open proposal; a reason becomes the decider's comment on it. */
export async function declineManualProposal(
  manager: EntityManager,
  actor: Actor & { personId: string },
  target: ManualProposal,
  reason: string,
): Promise<ManualProposal> {
  const proposal = await lockOpenProposal(manager, target);
  Object.assign(proposal, {
    status: "declined",
    decidedById: actor.personId,
    decidedAt: actor.now,
    updatedAt: actor.now,
  });
  await manager.save(ManualProposalEntity, proposal);
  if (reason) await commentOnManualProposal(manager, actor, proposal, reason, { allowDecided: true });
  await recordAuditEvent(manager, actor, {
    action: "manual.proposal.declined",
    targetType: "ManualChangeProposal",
    targetId: proposal.id,
    data: { reason },
  });
  return proposal;
}
