import type { EntityManager } from "typeorm";
import type { Manual } from "./manual.entity.js";
import { ManualEntity } from "./manual.entity.js";
import { type ManualChapter, ManualChapterEntity } from "./manual-chapter.entity.js";
import type { ManualPage } from "./manual-page.entity.js";
import { type ManualPageRevision, ManualPageRevisionEntity } from "./manual-page-revision.entity.js";
import { type ManualRelease, ManualReleaseEntity } from "./manual-release.entity.js";
import type { ReadPage, RenderedPage } from "./page-read.js";
import { cachedPageBySlugs } from "./page-read-cache.js";

/**
 * Read helpers for resolvers. Parents attach what they already loaded (`page.chapter`, `page.release`,
 * `release.manual`), so a sidebar of fifty pages does not cost fifty more queries.
 */
export async function chapterOf(manager: EntityManager, page: ManualPage): Promise<ManualChapter> {
  page.chapter ??= await manager.findOneByOrFail(ManualChapterEntity, { id: page.chapterId });
  return page.chapter;
}

export async function releaseOf(
  manager: EntityManager,
  page: { releaseId: string; release?: ManualRelease },
) {
  page.release ??= await manager.findOneByOrFail(ManualReleaseEntity, { id: page.releaseId });
  return page.release;
}

export async function manualOf(manager: EntityManager, release: ManualRelease): Promise<Manual> {
  release.manual ??= await manager.findOneByOrFail(ManualEntity, { id: release.manualId });
  return release.manual;
}

export async function currentRevisionOf(
  manager: EntityManager,
  page: ManualPage,
): Promise<ManualPageRevision | null> {
  if (!page.currentRevisionId) return null;
  page.currentRevision ??= await manager.findOneByOrFail(ManualPageRevisionEntity, {
    id: page.currentRevisionId,
  });
  return page.currentRevision;
}

/** The release shown for a manual without a release name: the current one, else the newest. */
export async function defaultRelease(manager: EntityManager, manual: Manual): Promise<ManualRelease | null> {
  const current = await manager.findOneBy(ManualReleaseEntity, { manualId: manual.id, status: "current" });
  if (current) return current;
  return manager.findOne(ManualReleaseEntity, {
    where: { manualId: manual.id },
    order: { createdAt: "DESC" },
  });
}

/** A page by its path inside a release (`chapter`, `chapter/index` or `chapter/page`), archived ones included. */
export async function pageByPath(
  manager: EntityManager,
  release: ManualRelease,
  path: string,
): Promise<ReadPage | null> {
  const [chapterSlug, pageSlug = "index", ...rest] = path.replace(/^\/+|\/+$/g, "").split("/");
  if (!chapterSlug || rest.length) return null;
  return cachedPageBySlugs(manager, release, chapterSlug, pageSlug);
}

/** The current revision's HTML and table of contents: from the page read when it carried them, else loaded. */
export async function renderedOf(manager: EntityManager, page: ManualPage): Promise<RenderedPage> {
  const rendered = (page as Partial<ReadPage>).rendered;
  if (rendered) return rendered;
  const revision = await currentRevisionOf(manager, page);
  return { html: revision?.html ?? "", toc: revision?.toc ?? [] };
}
