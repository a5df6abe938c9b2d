import type { EntityManager } from "typeorm";
import { ManualEntity } from "./manual.entity.js";
import { type ManualRelease, ManualReleaseEntity } from "./manual-release.entity.js";

/** How many cuts of cuts are followed back to a content release before giving up (a cycle cannot be built). */
const MAX_CUT_DEPTH = 20;

/**
 * The release whose `content/manuals/<manual>/<name>/` folder holds the images of `releaseName`, with the image
 * list of the requested release. A content release is its own folder; a release cut in the hub (copy-on-cut
 * copies text, not files) is served from the release it was cut from, followed back to a content release. A cut
 * whose origin was not recorded (cut before the hub kept it) or was deleted has no images: null, so a 404.
 */
export async function findAssetFolder(
  manager: EntityManager,
  manualSlug: string,
  releaseName: string,
): Promise<{ manualSlug: string; folderRelease: string; assets: ReadonlySet<string> } | null> {
  const manual = await manager.findOneBy(ManualEntity, { slug: manualSlug });
  if (!manual) return null;
  const release = await manager.findOneBy(ManualReleaseEntity, { manualId: manual.id, name: releaseName });
  if (!release) return null;
  let source: ManualRelease | null = release;
  for (let depth = 0; source && source.origin !== "content"; depth += 1) {
    if (depth >= MAX_CUT_DEPTH || !source.cutFromReleaseId) return null;
    source = await manager.findOneBy(ManualReleaseEntity, { id: source.cutFromReleaseId });
  }
  if (!source) return null;
  return { manualSlug: manual.slug, folderRelease: source.name, assets: new Set(release.assets) };
}
