import type { EntityManager } from "typeorm";
import type { Manual } from "./manual.entity.js";
import type { ManualRelease } from "./manual-release.entity.js";
import { pagePath, ReleaseLinks } from "./release-links.js";

/**
 * The link map of a release as stored (non-archived pages and its image list), for text written in the hub; `extra` adds a page
 * that does not exist yet (a proposed new page linking to itself or being linked to).
 */
export async function databaseReleaseLinks(
  manager: EntityManager,
  manual: Manual,
  release: ManualRelease,
  extra?: { directory: string; chapterSlug: string; slug: string },
): Promise<ReleaseLinks> {
  const rows: Array<{ directory: string; chapter_slug: string; slug: string }> = await manager.query(
    `SELECT c.directory, c.slug AS chapter_slug, p.slug FROM manual_page p JOIN manual_chapter c ON c.id = p.chapter_id
     WHERE p.release_id = $1 AND NOT p.archived`,
    [release.id],
  );
  const pages = new Map<string, string>();
  for (const row of [...rows, ...(extra ? [{ ...extra, chapter_slug: extra.chapterSlug }] : [])]) {
    pages.set(`${row.directory}/${row.slug}.md`, pagePath(row.chapter_slug, row.slug));
  }
  return new ReleaseLinks(manual.slug, release.name, pages, new Set(release.assets));
}
