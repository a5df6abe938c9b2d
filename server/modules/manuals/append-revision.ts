import type { EntityManager } from "typeorm";
import type { Heading } from "../../markdown/index.js";
import { type ManualPage, ManualPageEntity } from "./manual-page.entity.js";
import {
  type ManualPageRevision,
  ManualPageRevisionEntity,
  type RevisionSource,
} from "./manual-page-revision.entity.js";
import { indexManualPage } from "./search/manual-page-search-source.js";

/** Revisions kept per page; older ones are pruned (the current one never is). */
export const DEFAULT_REVISION_LIMIT = 100;

export interface NewRevision {
  title: string;
  summary: string;
  markdown: string;
  html: string;
  toc: Heading[];
  authorId: string | null;
  message: string;
  source: RevisionSource;
  now: Date;
}

/**
 * Appends a revision to a page and makes it current (the page's title and summary follow it), then prunes
 * revisions beyond `limit`, oldest first, and re-indexes the page for search. Runs in the caller's transaction.
 */
export async function appendRevision(
  manager: EntityManager,
  page: ManualPage,
  revision: NewRevision,
  limit = DEFAULT_REVISION_LIMIT,
): Promise<ManualPageRevision> {
  // A page without a current revision was just created and has none: skipping the lookup speeds up a cold sync.
  const max = page.currentRevisionId ? await highestNumber(manager, page.id) : 0;
  const saved = await manager.save(ManualPageRevisionEntity, {
    pageId: page.id,
    number: max + 1,
    title: revision.title,
    summary: revision.summary,
    markdown: revision.markdown,
    html: revision.html,
    toc: revision.toc,
    authorId: revision.authorId,
    message: revision.message,
    source: revision.source,
    createdAt: revision.now,
  });
  page.currentRevisionId = saved.id;
  page.title = revision.title;
  page.summary = revision.summary;
  await manager.update(
    ManualPageEntity,
    { id: page.id },
    {
      currentRevisionId: saved.id,
      title: revision.title,
      summary: revision.summary,
      updatedAt: revision.now,
    },
  );
  if (saved.number > limit) {
    await manager.query("DELETE FROM manual_page_revision WHERE page_id = $1 AND number <= $2 AND id <> $3", [
      page.id,
      saved.number - limit,
      saved.id,
    ]);
  }
  await indexManualPage(manager, page.id, revision.now);
  return saved;
}

async function highestNumber(manager: EntityManager, pageId: string): Promise<number> {
  const [row] = (await manager.query(
    "SELECT coalesce(max(number), 0)::int AS max FROM manual_page_revision WHERE page_id = $1",
    [pageId],
  )) as Array<{ max: number }>;
  return Number(row?.max ?? 0);
}
