import type { EntityManager } from "typeorm";
import type { Logger } from "../../logger.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { CooperativeEntity } from "../cooperatives/cooperative.entity.js";
import { PersonEntity } from "../people/person.entity.js";
import { appendRevision } from "./append-revision.js";
import type { ContentManual, ContentRelease, MaintainerReference } from "./content-tree.js";
import { type Manual, ManualEntity } from "./manual.entity.js";
import { ManualChapterEntity } from "./manual-chapter.entity.js";
import { ManualMaintainerEntity } from "./manual-maintainer.entity.js";
import { type ManualPage, ManualPageEntity } from "./manual-page.entity.js";
import { ManualPageRevisionEntity } from "./manual-page-revision.entity.js";
import { type ManualRelease, ManualReleaseEntity } from "./manual-release.entity.js";
import type { RenderedManualPage } from "./render-manual-markdown.js";
import { indexManualPage } from "./search/manual-page-search-source.js";
import { searchIndexerFor } from "../search/search-indexer.js";

/** What one sync changed. */
export interface SyncCounts {
  created: number;
  revised: number;
  archived: number;
  unchanged: number;
}

/**
 * Writes one manual read from `content/` (already validated and rendered) in the caller's transaction. Unchanged
 * files (same hash) are skipped, changed ones get a revision, pages whose file disappeared are archived.
 */
export async function writeManualContent(
  manager: EntityManager,
  manual: ContentManual,
  rendered: Map<string, Map<string, RenderedManualPage>>,
  context: { now: Date; logger: Logger },
): Promise<SyncCounts> {
  const counts: SyncCounts = { created: 0, revised: 0, archived: 0, unchanged: 0 };
  let row = await manager.findOneBy(ManualEntity, { slug: manual.slug });
  if (!row)
    row = await manager.save(ManualEntity, {
      slug: manual.slug,
      title: manual.title,
      summary: manual.summary,
    });
  else if (row.title !== manual.title || row.summary !== manual.summary)
    await manager.update(ManualEntity, { id: row.id }, { title: manual.title, summary: manual.summary });
  await addMaintainers(manager, row, manual.maintainers, context.logger);
  for (const release of manual.releases) {
    const releaseRow = await upsertRelease(manager, row, release);
    const pages = rendered.get(release.name) ?? new Map();
    const releaseCounts = await writeRelease(manager, releaseRow, release, pages, context.now);
    for (const key of Object.keys(counts) as Array<keyof SyncCounts>) counts[key] += releaseCounts[key];
    context.logger.info(
      { manual: manual.slug, release: release.name, ...releaseCounts },
      "manual release synced",
    );
  }
  if (counts.created + counts.revised + counts.archived > 0) {
    await recordAuditEvent(
      manager,
      { personId: null, requestId: null, now: context.now },
      { action: "manual.synced", targetType: "Manual", targetId: row.id, data: { ...counts } },
    );
  }
  return counts;
}

async function addMaintainers(
  manager: EntityManager,
  manual: Manual,
  references: MaintainerReference[],
  logger: Logger,
): Promise<void> {
  for (const reference of references) {
    const holder =
      "cooperative" in reference
        ? await manager.findOneBy(CooperativeEntity, { slug: reference.cooperative })
        : await manager.findOneBy(PersonEntity, { handle: reference.person });
    if (!holder) {
      // People and cooperatives arrive after the content on a fresh hub; the next sync picks them up.
      logger.warn({ manual: manual.slug, maintainer: reference }, "manual maintainer not found yet; skipped");
      continue;
    }
    const key = "cooperative" in reference ? { cooperativeId: holder.id } : { personId: holder.id };
    if (await manager.existsBy(ManualMaintainerEntity, { manualId: manual.id, ...key })) continue;
    await manager.insert(ManualMaintainerEntity, { manualId: manual.id, ...key });
  }
}

/**
 * Creates or updates a release from its `release.yaml`. An unchanged file (same hash) changes nothing, so a status
 * set in the hub (cutting a newer release, marking this one unmaintained) survives restarts until the file changes.
 */
async function upsertRelease(
  manager: EntityManager,
  manual: Manual,
  release: ContentRelease,
): Promise<ManualRelease> {
  const existing = await manager.findOneBy(ManualReleaseEntity, { manualId: manual.id, name: release.name });
  // The image list follows the folder on every sync: images change without release.yaml changing.
  const assets = [...release.assets].sort();
  if (existing?.syncedHash === release.hash) {
    if (existing.assets.join("\n") === assets.join("\n")) return existing;
    await manager.update(ManualReleaseEntity, { id: existing.id }, { assets });
    return { ...existing, assets };
  }
  if (release.status === "current") {
    // One current release per manual: the one content/ declares current wins, the previous one stays maintained.
    await manager.query(
      "UPDATE manual_release SET status = 'maintained' WHERE manual_id = $1 AND status = 'current' AND name <> $2",
      [manual.id, release.name],
    );
  }
  const values = {
    title: release.title,
    status: release.status,
    versions: release.versions,
    syncedHash: release.hash,
    assets,
  };
  if (!existing)
    return manager.save(ManualReleaseEntity, {
      manualId: manual.id,
      name: release.name,
      origin: "content" as const,
      ...values,
    });
  await manager.update(ManualReleaseEntity, { id: existing.id }, values);
  return { ...existing, ...values };
}

async function writeRelease(
  manager: EntityManager,
  release: ManualRelease,
  content: ContentRelease,
  rendered: Map<string, RenderedManualPage>,
  now: Date,
): Promise<SyncCounts> {
  const counts: SyncCounts = { created: 0, revised: 0, archived: 0, unchanged: 0 };
  const chapters = await manager.findBy(ManualChapterEntity, { releaseId: release.id });
  const pages = await manager.findBy(ManualPageEntity, { releaseId: release.id });
  const seenChapters = new Set<string>();
  const seenPages = new Set<string>();
  for (const chapter of content.chapters) {
    const values = {
      directory: chapter.directory,
      title: chapter.frontMatter.title,
      summary: chapter.frontMatter.summary,
      position: chapter.frontMatter.order,
      archived: false,
    };
    let chapterRow = chapters.find((candidate) => candidate.slug === chapter.slug);
    if (!chapterRow)
      chapterRow = await manager.save(ManualChapterEntity, {
        releaseId: release.id,
        slug: chapter.slug,
        ...values,
      });
    else await manager.update(ManualChapterEntity, { id: chapterRow.id }, values);
    seenChapters.add(chapterRow.id);
    for (const page of chapter.pages) {
      const render = rendered.get(page.file) as RenderedManualPage;
      const revision = {
        title: page.frontMatter.title,
        summary: page.frontMatter.summary,
        markdown: page.body,
        html: render.html,
        toc: render.toc,
        authorId: null,
        message: `Synchronised from content/${page.contentPath}`,
        source: "sync" as const,
        now,
      };
      let pageRow: ManualPage | undefined = pages.find(
        (candidate) => candidate.chapterId === chapterRow.id && candidate.slug === page.slug,
      );
      if (!pageRow) {
        pageRow = await manager.save(ManualPageEntity, {
          releaseId: release.id,
          chapterId: chapterRow.id,
          slug: page.slug,
          title: page.frontMatter.title,
          summary: page.frontMatter.summary,
          position: page.frontMatter.order,
          origin: "content" as const,
          syncedHash: page.hash,
          archived: false,
        });
        await appendRevision(manager, pageRow, revision);
        counts.created += 1;
        seenPages.add(pageRow.id);
        continue;
      }
      seenPages.add(pageRow.id);
      if (pageRow.syncedHash === page.hash && !pageRow.archived) {
        counts.unchanged += 1;
        continue;
      }
      const current = pageRow.currentRevisionId
        ? await manager.findOneBy(ManualPageRevisionEntity, { id: pageRow.currentRevisionId })
        : null;
      await manager.update(
        ManualPageEntity,
        { id: pageRow.id },
        { syncedHash: page.hash, position: page.frontMatter.order, archived: false, origin: "content" },
      );
      const same =
        current?.markdown === page.body &&
        current.title === page.frontMatter.title &&
        current.summary === page.frontMatter.summary;
      if (same) {
        counts.unchanged += 1;
        // A page brought back from the archive with unchanged text gets no revision: put it back in the index.
        if (pageRow.archived) await indexManualPage(manager, pageRow.id, revision.now);
      } else {
        await appendRevision(manager, pageRow, revision);
        counts.revised += 1;
      }
    }
  }
  for (const page of pages) {
    if (page.origin !== "content" || page.archived || seenPages.has(page.id)) continue;
    await manager.update(ManualPageEntity, { id: page.id }, { archived: true });
    await searchIndexerFor(manager).remove(manager, [{ type: "manual_page", id: page.id }], now);
    counts.archived += 1;
  }
  for (const chapter of chapters) {
    if (!seenChapters.has(chapter.id) && !chapter.archived)
      await manager.update(ManualChapterEntity, { id: chapter.id }, { archived: true });
  }
  return counts;
}
