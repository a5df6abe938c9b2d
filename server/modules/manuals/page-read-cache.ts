import type { EntityManager } from "typeorm";
import type { ManualRelease } from "./manual-release.entity.js";
import { type ReadPage, readPageBySlugs } from "./page-read.js";

/** Pages kept per process (about 30 KB each at most for the largest pages: some 15 MB). */
export const PAGE_READ_CACHE_SIZE = 500;

interface Entry {
  generation: string;
  page: ReadPage | null;
}

/**
 * Page reads by release and path, kept in this process while the release's `contentGeneration` (bumped by a
 * database trigger on any chapter, page or revision write, by any process) is the one the request read. Correct
 * across hub processes: nothing is served for a generation other than the release row's of the same request.
 */
const entries = new Map<string, Entry>();

/** A page by chapter and page slug: from the cache when the release's generation matches, else read and kept. */
export async function cachedPageBySlugs(
  manager: EntityManager,
  release: ManualRelease,
  chapterSlug: string,
  pageSlug: string,
): Promise<ReadPage | null> {
  const generation = release.contentGeneration;
  // A release object built in code (not read from the database) has no generation: never cache for it.
  if (generation === undefined || generation === null)
    return readPageBySlugs(manager, release, chapterSlug, pageSlug);
  const key = `${release.id}\n${chapterSlug}\n${pageSlug}`;
  const hit = entries.get(key);
  if (hit && hit.generation === String(generation)) return copyFor(hit.page, release);
  const page = await readPageBySlugs(manager, release, chapterSlug, pageSlug);
  entries.delete(key);
  entries.set(key, { generation: String(generation), page: copyFor(page, release) });
  if (entries.size > PAGE_READ_CACHE_SIZE) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  return page;
}

/**
 * A fresh page and chapter object for each request: resolvers attach what they load (`chapter.pages`,
 * `page.currentRevision`), which must not leak between requests. The rendered HTML is shared (immutable strings).
 */
function copyFor(page: ReadPage | null, release: ManualRelease): ReadPage | null {
  if (!page) return null;
  return { ...page, chapter: { ...page.chapter }, release, currentRevision: undefined };
}
