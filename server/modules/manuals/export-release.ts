import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { EntityManager } from "typeorm";
import { stringify } from "yaml";
import { CooperativeEntity } from "../cooperatives/cooperative.entity.js";
import { PersonEntity } from "../people/person.entity.js";
import { findAssetFolder } from "./asset-folder.js";
import { formatFrontMatter } from "./front-matter.js";
import { ManualEntity } from "./manual.entity.js";
import { ManualChapterEntity } from "./manual-chapter.entity.js";
import { ManualMaintainerEntity } from "./manual-maintainer.entity.js";
import { ManualPageEntity } from "./manual-page.entity.js";
import { ManualPageRevisionEntity } from "./manual-page-revision.entity.js";
import { ManualReleaseEntity } from "./manual-release.entity.js";

/** One file of an export, relative to the output folder (`cooby-stack/2026.11/05-metallb/layer2.md`). */
export interface ExportedFile {
  path: string;
  /** Text for Markdown and YAML, bytes for images. */
  content: string | Buffer;
}

/**
 * The files of one release in the `content/manuals/` layout: `manual.yaml`, `<release>/release.yaml` and every
 * non-archived page as `<NN-chapter>/<page>.md` with its front matter and current text, plus the release's images
 * read from `contentDirectory` (a cut release's from the folder of the release it was cut from, so the export is
 * a complete folder). Syncing these files back gives the same text (a lossless round trip).
 */
export async function exportManualRelease(
  manager: EntityManager,
  manualSlug: string,
  releaseName: string,
  contentDirectory?: string,
): Promise<ExportedFile[] | null> {
  const manual = await manager.findOneBy(ManualEntity, { slug: manualSlug });
  if (!manual) return null;
  const release = await manager.findOneBy(ManualReleaseEntity, { manualId: manual.id, name: releaseName });
  if (!release) return null;
  const maintainers = await manager.findBy(ManualMaintainerEntity, { manualId: manual.id });
  const maintainerRefs = [];
  for (const maintainer of maintainers) {
    if (maintainer.cooperativeId) {
      const cooperative = await manager.findOneBy(CooperativeEntity, { id: maintainer.cooperativeId });
      if (cooperative) maintainerRefs.push({ cooperative: cooperative.slug });
    } else if (maintainer.personId) {
      const person = await manager.findOneBy(PersonEntity, { id: maintainer.personId });
      if (person) maintainerRefs.push({ person: person.handle });
    }
  }
  const files: ExportedFile[] = [
    {
      path: `${manual.slug}/manual.yaml`,
      content: stringify({ title: manual.title, summary: manual.summary, maintainers: maintainerRefs }),
    },
    {
      path: `${manual.slug}/${release.name}/release.yaml`,
      content: stringify({
        name: release.name,
        title: release.title,
        status: release.status,
        versions: Object.fromEntries(release.versions.map((entry) => [entry.component, entry.version])),
      }),
    },
  ];
  const chapters = await manager.find(ManualChapterEntity, {
    where: { releaseId: release.id, archived: false },
    order: { position: "ASC", slug: "ASC" },
  });
  const pages = await manager.find(ManualPageEntity, {
    where: { releaseId: release.id, archived: false },
    relations: { currentRevision: true },
  });
  for (const chapter of chapters) {
    for (const page of pages.filter((candidate) => candidate.chapterId === chapter.id)) {
      const revision =
        page.currentRevision ??
        (page.currentRevisionId
          ? await manager.findOneBy(ManualPageRevisionEntity, { id: page.currentRevisionId })
          : null);
      if (!revision) continue;
      const frontMatter = formatFrontMatter({
        title: revision.title,
        order: page.position,
        summary: revision.summary,
      });
      files.push({
        path: `${manual.slug}/${release.name}/${chapter.directory}/${page.slug}.md`,
        content: frontMatter + revision.markdown,
      });
    }
  }
  if (contentDirectory)
    files.push(...(await exportAssets(manager, manual.slug, release.name, contentDirectory)));
  return files;
}

async function exportAssets(
  manager: EntityManager,
  manualSlug: string,
  releaseName: string,
  contentDirectory: string,
): Promise<ExportedFile[]> {
  const folder = await findAssetFolder(manager, manualSlug, releaseName);
  if (!folder) return [];
  const source = join(contentDirectory, "manuals", folder.manualSlug, folder.folderRelease);
  return [...folder.assets]
    .sort()
    .filter((file) => existsSync(join(source, file)))
    .map((file) => ({
      path: `${manualSlug}/${releaseName}/${file}`,
      content: readFileSync(join(source, file)),
    }));
}

/** Writes exported files below `directory` (e.g. a checkout's `content/manuals`). */
export function writeExportedFiles(directory: string, files: ExportedFile[]): void {
  for (const file of files) {
    const target = join(directory, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
}
