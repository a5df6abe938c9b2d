import type { EntityManager } from "typeorm";
import { conflict, notFound } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { databaseReleaseLinks } from "./database-release-links.js";
import type { Manual } from "./manual.entity.js";
import type { ManualChapter } from "./manual-chapter.entity.js";
import { type ManualPage, ManualPageEntity } from "./manual-page.entity.js";
import { ManualPageRevisionEntity } from "./manual-page-revision.entity.js";
import { type ManualProposal, ManualProposalEntity } from "./manual-proposal.entity.js";
import type { ManualRelease } from "./manual-release.entity.js";
import { renderManualMarkdown } from "./render-manual-markdown.js";

export interface ProposedText {
  title: string;
  summary: string;
  markdown: string;
  message: string;
}

export type ProposalTarget =
  | { kind: "edit"; page: ManualPage; baseRevisionId: string }
  | { kind: "new"; slug: string };

/**
 * Records a change proposal with its rendered preview (sanitised, links resolved in the release). An edit must
 * start from an existing revision of the page; a new page's slug must be free in its chapter.
 */
export async function proposeManualChange(
  manager: EntityManager,
  actor: Actor & { personId: string },
  where: { manual: Manual; release: ManualRelease; chapter: ManualChapter },
  target: ProposalTarget,
  text: ProposedText,
): Promise<ManualProposal> {
  const { manual, release, chapter } = where;
  if (target.kind === "edit") {
    if (target.page.archived) throw conflict("This page is archived", { reason: "PAGE_ARCHIVED" });
    const base = await manager.findOneBy(ManualPageRevisionEntity, {
      id: target.baseRevisionId,
      pageId: target.page.id,
    });
    if (!base) throw notFound("Base revision");
  } else if (await manager.existsBy(ManualPageEntity, { chapterId: chapter.id, slug: target.slug })) {
    throw conflict(`A page "${target.slug}" exists in this chapter`, { field: "input.slug" });
  }
  const slug = target.kind === "edit" ? target.page.slug : target.slug;
  const links = await databaseReleaseLinks(manager, manual, release, {
    directory: chapter.directory,
    chapterSlug: chapter.slug,
    slug,
  });
  const preview = renderManualMarkdown(text.markdown, links, chapter.directory);
  const proposal = await manager.save(ManualProposalEntity, {
    releaseId: release.id,
    chapterId: chapter.id,
    pageId: target.kind === "edit" ? target.page.id : null,
    slug: target.kind === "new" ? target.slug : null,
    baseRevisionId: target.kind === "edit" ? target.baseRevisionId : null,
    title: text.title,
    summary: text.summary,
    markdown: text.markdown,
    message: text.message,
    previewHtml: preview.html,
    brokenLinks: preview.brokenLinks,
    authorId: actor.personId,
    status: "open" as const,
    createdAt: actor.now,
    updatedAt: actor.now,
  });
  await recordAuditEvent(manager, actor, {
    action: "manual.proposal.opened",
    targetType: "ManualChangeProposal",
    targetId: proposal.id,
    data: {
      manual: manual.slug,
      release: release.name,
      page: target.kind === "edit" ? target.page.id : null,
      slug,
    },
  });
  return proposal;
}
