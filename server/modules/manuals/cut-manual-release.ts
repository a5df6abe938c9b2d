import type { EntityManager } from "typeorm";
import { conflict } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { appendRevision } from "./append-revision.js";
import type { Manual } from "./manual.entity.js";
import { ManualChapterEntity } from "./manual-chapter.entity.js";
import { ManualPageEntity } from "./manual-page.entity.js";
import { ManualPageRevisionEntity } from "./manual-page-revision.entity.js";
import { type ManualRelease, ManualReleaseEntity, type ReleaseStatus } from "./manual-release.entity.js";
import { pagePath, ReleaseLinks } from "./release-links.js";
import { setReleaseStatus } from "./release-status.js";
import { renderManualMarkdown } from "./render-manual-markdown.js";

/**
 * Cuts a new release from the current text of another (copy-on-cut): every non-archived chapter and page is
 * copied, each page starting with one revision of its current text, re-rendered so links point into the new
 * release. Later edits of either release do not touch the other.
 */
export async function cutManualRelease(
  manager: EntityManager,
  actor: Actor,
  manual: Manual,
  from: ManualRelease,
  target: { name: string; title: string; status: ReleaseStatus },
): Promise<ManualRelease> {
  if (await manager.existsBy(ManualReleaseEntity, { manualId: manual.id, name: target.name }))
    throw conflict(`Release ${target.name} exists`, { field: "input.name" });
  const created = await manager.save(ManualReleaseEntity, {
    manualId: manual.id,
    name: target.name,
    title: target.title,
    status: "unreleased" as const,
    versions: from.versions,
    origin: "cut" as const,
    // Images are not copied: the cut keeps the origin's list and they are served from the origin's folder.
    assets: from.assets,
    cutFromReleaseId: from.id,
    createdAt: actor.now,
    updatedAt: actor.now,
  });
  const chapters = await manager.findBy(ManualChapterEntity, { releaseId: from.id, archived: false });
  const pages = await manager.findBy(ManualPageEntity, { releaseId: from.id, archived: false });
  const chapterById = new Map(chapters.map((chapter) => [chapter.id, chapter]));
  const links = new ReleaseLinks(
    manual.slug,
    created.name,
    new Map(
      pages
        .filter((page) => chapterById.has(page.chapterId))
        .map((page) => {
          const chapter = chapterById.get(page.chapterId)!;
          return [`${chapter.directory}/${page.slug}.md`, pagePath(chapter.slug, page.slug)];
        }),
    ),
    new Set(from.assets),
  );
  for (const chapter of chapters) {
    const { id: _id, createdAt: _created, updatedAt: _updated, ...fields } = chapter;
    const copy = await manager.save(ManualChapterEntity, { ...fields, releaseId: created.id });
    for (const page of pages.filter((candidate) => candidate.chapterId === chapter.id)) {
      if (!page.currentRevisionId) continue;
      const current = await manager.findOneByOrFail(ManualPageRevisionEntity, { id: page.currentRevisionId });
      const pageCopy = await manager.save(ManualPageEntity, {
        releaseId: created.id,
        chapterId: copy.id,
        slug: page.slug,
        title: current.title,
        summary: current.summary,
        position: page.position,
        origin: "web" as const,
        syncedHash: null,
        archived: false,
      });
      const rendered = renderManualMarkdown(current.markdown, links, chapter.directory);
      await appendRevision(manager, pageCopy, {
        title: current.title,
        summary: current.summary,
        markdown: current.markdown,
        html: rendered.html,
        toc: rendered.toc,
        authorId: actor.personId,
        message: `Cut from release ${from.name} (revision ${current.number})`,
        source: "cut",
        now: actor.now,
      });
    }
  }
  await recordAuditEvent(manager, actor, {
    action: "manual.release.cut",
    targetType: "ManualRelease",
    targetId: created.id,
    data: { manual: manual.slug, from: from.name, name: created.name, pages: pages.length },
  });
  if (target.status !== "unreleased") return setReleaseStatus(manager, actor, created, target.status);
  return created;
}
