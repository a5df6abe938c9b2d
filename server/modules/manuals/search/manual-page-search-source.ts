import type { EntityManager } from "typeorm";
import { stripHighlightMarkers } from "../../search/core/index.js";
import type { SearchDocument } from "../../search/core/search-provider.js";
import { searchIndexerFor } from "../../search/search-indexer.js";
import type { SearchSource } from "../../search/search-sources.js";
import type { Heading } from "../../../markdown/index.js";
import { markdownPlainText } from "../../search/markdown-plain-text.js";

/** One live page with everything its search document needs, read in a single query. */
interface ManualPageSearchRow {
  id: string;
  title: string;
  slug: string;
  created_at: Date | string;
  updated_at: Date | string;
  markdown: string;
  toc: Heading[] | string;
  chapter_slug: string;
  release_name: string;
  manual_slug: string;
}

/** Live pages: not archived, in a live chapter, with a current revision. */
const LIVE_PAGES_SQL = `SELECT p.id, r.title, p.slug, p.created_at, p.updated_at, r.markdown, r.toc,
    c.slug AS chapter_slug, rel.name AS release_name, m.slug AS manual_slug
  FROM manual_page p
  JOIN manual_page_revision r ON r.id = p.current_revision_id
  JOIN manual_chapter c ON c.id = p.chapter_id
  JOIN manual_release rel ON rel.id = p.release_id
  JOIN manual m ON m.id = rel.manual_id
  WHERE NOT p.archived AND NOT c.archived`;

const plain = (text: string) => stripHighlightMarkers(text);

/** The hub path of a page: a chapter's `index` page is the chapter itself. */
export function manualPageUrl(manual: string, release: string, chapter: string, page: string): string {
  const base = `/manuals/${manual}/${release}/${chapter}`;
  return page === "index" ? base : `${base}/${page}`;
}

function toDocument(row: ManualPageSearchRow): SearchDocument {
  const toc = typeof row.toc === "string" ? (JSON.parse(row.toc) as Heading[]) : row.toc;
  return {
    type: "manual_page",
    id: row.id,
    title: plain(row.title),
    headings: toc.map((heading) => plain(heading.text)),
    body: plain(markdownPlainText(row.markdown)),
    url: manualPageUrl(row.manual_slug, row.release_name, row.chapter_slug, row.slug),
    release: row.release_name,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    visibility: { public: true },
  };
}

/**
 * Keeps one manual page's search document current, in the caller's transaction: indexed with its current revision
 * while it is live, removed once it (or its chapter) is archived or has no revision.
 */
export async function indexManualPage(manager: EntityManager, pageId: string, now: Date): Promise<void> {
  const [row] = (await manager.query(`${LIVE_PAGES_SQL} AND p.id = $1`, [pageId])) as ManualPageSearchRow[];
  const indexer = searchIndexerFor(manager);
  if (row) await indexer.index(manager, [toDocument(row)], now);
  else await indexer.remove(manager, [{ type: "manual_page", id: pageId }], now);
}

/**
 * Manual pages for the hub's search: every live page of every release (title, headings from its table of
 * contents, the plain text of its Markdown), public, tagged with its release so `release:` and release ranking
 * work. Archived pages and chapters are left out.
 */
export const manualPageSearchSource: SearchSource = {
  name: "manual pages",
  async count(manager) {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS count FROM (${LIVE_PAGES_SQL}) live`,
    )) as Array<{
      count: number;
    }>;
    return Number(row?.count ?? 0);
  },
  async *documents(manager) {
    const rows = (await manager.query(
      `${LIVE_PAGES_SQL} ORDER BY m.slug, rel.name, c.position, p.position, p.id`,
    )) as ManualPageSearchRow[];
    for (const row of rows) yield toDocument(row);
  },
};
