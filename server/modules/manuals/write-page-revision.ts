import type { EntityManager } from "typeorm";
import { appendRevision, DEFAULT_REVISION_LIMIT } from "./append-revision.js";
import { databaseReleaseLinks } from "./database-release-links.js";
import type { Manual } from "./manual.entity.js";
import type { ManualChapter } from "./manual-chapter.entity.js";
import type { ManualPage } from "./manual-page.entity.js";
import type { ManualPageRevision, RevisionSource } from "./manual-page-revision.entity.js";
import type { ManualRelease } from "./manual-release.entity.js";
import { renderManualMarkdown } from "./render-manual-markdown.js";

/** Renders text written in the hub against the release's pages and appends it as the page's new revision. */
export async function writePageRevision(
  manager: EntityManager,
  where: { manual: Manual; release: ManualRelease; chapter: ManualChapter; page: ManualPage },
  text: { title: string; summary: string; markdown: string; message: string },
  meta: { authorId: string | null; source: RevisionSource; now: Date; limit?: number },
): Promise<ManualPageRevision> {
  const links = await databaseReleaseLinks(manager, where.manual, where.release);
  const rendered = renderManualMarkdown(text.markdown, links, where.chapter.directory);
  return appendRevision(
    manager,
    where.page,
    {
      ...text,
      html: rendered.html,
      toc: rendered.toc,
      authorId: meta.authorId,
      source: meta.source,
      now: meta.now,
    },
    meta.limit ?? DEFAULT_REVISION_LIMIT,
  );
}
