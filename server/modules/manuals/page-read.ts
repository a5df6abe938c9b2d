import type { EntityManager } from "typeorm";
import type { Heading } from "../../markdown/index.js";
import type { ManualChapter } from "./manual-chapter.entity.js";
import type { ManualPage } from "./manual-page.entity.js";
import type { ManualRelease } from "./manual-release.entity.js";

/** What a reader is shown of a page's current revision; `html` and `toc` resolvers answer from it. */
export interface RenderedPage {
  html: string;
  toc: Heading[];
}

/** A page read by path, with its chapter, release and the rendering of its current revision attached. */
export type ReadPage = ManualPage & {
  chapter: ManualChapter;
  release: ManualRelease;
  rendered: RenderedPage;
};

interface PageRow {
  id: string;
  chapter_id: string;
  slug: string;
  title: string;
  summary: string;
  position: number;
  current_revision_id: string | null;
  origin: "content" | "web";
  synced_hash: string | null;
  archived: boolean;
  created_at: Date | string;
  updated_at: Date | string;
  chapter_slug: string;
  chapter_directory: string;
  chapter_title: string;
  chapter_summary: string;
  chapter_position: number;
  chapter_archived: boolean;
  chapter_created_at: Date | string;
  chapter_updated_at: Date | string;
  html: string | null;
  toc: Heading[] | string | null;
}

// The hub's hottest manual read, so one parameterised statement with no ORM hydration, and without the
// revision's Markdown (the largest column): `markdown` and `currentRevision` load the full revision on demand.
const PAGE_BY_PATH_SQL = `SELECT p.id, p.chapter_id, p.slug, p.title, p.summary, p.position, p.current_revision_id,
       p.origin, p.synced_hash, p.archived, p.created_at, p.updated_at,
       c.slug AS chapter_slug, c.directory AS chapter_directory, c.title AS chapter_title,
       c.summary AS chapter_summary, c.position AS chapter_position, c.archived AS chapter_archived,
       c.created_at AS chapter_created_at, c.updated_at AS chapter_updated_at,
       r.html, r.toc
  FROM manual_page p
  JOIN manual_chapter c ON c.id = p.chapter_id
  LEFT JOIN manual_page_revision r ON r.id = p.current_revision_id
 WHERE c.release_id = $1 AND c.slug = $2 AND p.slug = $3`;

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** A page by its chapter and page slug inside `release` (archived ones included), or null. */
export async function readPageBySlugs(
  manager: EntityManager,
  release: ManualRelease,
  chapterSlug: string,
  pageSlug: string,
): Promise<ReadPage | null> {
  const rows: PageRow[] = await manager.query(PAGE_BY_PATH_SQL, [release.id, chapterSlug, pageSlug]);
  const row = rows[0];
  if (!row) return null;
  const chapter: ManualChapter = {
    id: row.chapter_id,
    releaseId: release.id,
    slug: row.chapter_slug,
    directory: row.chapter_directory,
    title: row.chapter_title,
    summary: row.chapter_summary,
    position: row.chapter_position,
    archived: row.chapter_archived,
    createdAt: toDate(row.chapter_created_at),
    updatedAt: toDate(row.chapter_updated_at),
  };
  const toc = typeof row.toc === "string" ? (JSON.parse(row.toc) as Heading[]) : (row.toc ?? []);
  return {
    id: row.id,
    releaseId: release.id,
    chapterId: row.chapter_id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    position: row.position,
    currentRevisionId: row.current_revision_id,
    origin: row.origin,
    syncedHash: row.synced_hash,
    archived: row.archived,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    chapter,
    release,
    rendered: { html: row.html ?? "", toc },
  };
}
