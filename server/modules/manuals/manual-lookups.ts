import type { EntityManager } from "typeorm";
import { notFound } from "../../errors.js";
import { fromGlobalId } from "../../graphql/global-id.js";
import { type Manual, ManualEntity } from "./manual.entity.js";
import { type ManualChapter, ManualChapterEntity } from "./manual-chapter.entity.js";
import { type ManualPage, ManualPageEntity } from "./manual-page.entity.js";
import { type ManualPageRevision, ManualPageRevisionEntity } from "./manual-page-revision.entity.js";
import { type ManualProposal, ManualProposalEntity } from "./manual-proposal.entity.js";
import { type ManualRelease, ManualReleaseEntity } from "./manual-release.entity.js";

/** A page with its chapter, release and manual, from a global ID; NOT_FOUND when it does not exist. */
export async function loadPageContext(
  manager: EntityManager,
  globalId: string,
  field: string,
): Promise<{ page: ManualPage; chapter: ManualChapter; release: ManualRelease; manual: Manual }> {
  const page = await manager.findOneBy(ManualPageEntity, { id: fromGlobalId(globalId, "ManualPage", field) });
  if (!page) throw notFound("Manual page");
  const chapter = await manager.findOneByOrFail(ManualChapterEntity, { id: page.chapterId });
  const { release, manual } = await loadReleaseContextById(manager, page.releaseId);
  return { page, chapter, release, manual };
}

/** A release and its manual by the release's database ID. */
export async function loadReleaseContextById(
  manager: EntityManager,
  releaseId: string,
): Promise<{ release: ManualRelease; manual: Manual }> {
  const release = await manager.findOneBy(ManualReleaseEntity, { id: releaseId });
  if (!release) throw notFound("Manual release");
  const manual = await manager.findOneByOrFail(ManualEntity, { id: release.manualId });
  return { release, manual };
}

/** A chapter with its release and manual, from a global ID. */
export async function loadChapterContext(
  manager: EntityManager,
  globalId: string,
  field: string,
): Promise<{ chapter: ManualChapter; release: ManualRelease; manual: Manual }> {
  const chapter = await manager.findOneBy(ManualChapterEntity, {
    id: fromGlobalId(globalId, "ManualChapter", field),
  });
  if (!chapter || chapter.archived) throw notFound("Manual chapter");
  return { chapter, ...(await loadReleaseContextById(manager, chapter.releaseId)) };
}

/** A proposal with its release and manual, from a global ID. */
export async function loadProposalContext(
  manager: EntityManager,
  globalId: string,
  field: string,
): Promise<{ proposal: ManualProposal; release: ManualRelease; manual: Manual }> {
  const proposal = await manager.findOneBy(ManualProposalEntity, {
    id: fromGlobalId(globalId, "ManualChangeProposal", field),
  });
  if (!proposal) throw notFound("Change proposal");
  return { proposal, ...(await loadReleaseContextById(manager, proposal.releaseId)) };
}

/** A revision of a page by its number; NOT_FOUND when it never existed or was pruned. */
export async function loadRevisionByNumber(
  manager: EntityManager,
  pageId: string,
  number: number,
): Promise<ManualPageRevision> {
  const revision = await manager.findOneBy(ManualPageRevisionEntity, { pageId, number });
  if (!revision) throw notFound(`Revision ${number}`);
  return revision;
}
