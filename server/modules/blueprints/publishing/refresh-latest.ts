import type { EntityManager } from "typeorm";
import { compareSemver } from "../format/semver.js";
import { BlueprintEntity } from "../model/blueprint.entity.js";
import { type BlueprintVersion, BlueprintVersionEntity } from "../model/blueprint-version.entity.js";
import { indexBlueprint } from "../search/blueprint-search-source.js";

/**
 * The version a catalog shows for a blueprint: the highest non-yanked release, or the highest non-yanked
 * prerelease when there is no release (as Helm and Artifact Hub choose).
 */
export function pickLatest(versions: readonly BlueprintVersion[]): BlueprintVersion | undefined {
  const live = versions.filter((version) => !version.yankedAt);
  const byPrecedence = (left: BlueprintVersion, right: BlueprintVersion) =>
    compareSemver(right.version, left.version);
  return (
    live.filter((version) => !version.prerelease).sort(byPrecedence)[0] ?? [...live].sort(byPrecedence)[0]
  );
}

/** Copies the catalog facts of the latest version onto the blueprint row (after a publish or a yank) and reindexes it. */
export async function refreshLatest(manager: EntityManager, blueprintId: string, now: Date): Promise<void> {
  const versions = await manager.find(BlueprintVersionEntity, { where: { blueprintId } });
  const latest = pickLatest(versions);
  if (!latest) {
    await manager.update(
      BlueprintEntity,
      { id: blueprintId },
      { latestVersionId: null, latestVersion: null, updatedAt: now },
    );
    await indexBlueprint(manager, blueprintId, now);
    return;
  }
  const { manifest } = latest;
  await manager.update(
    BlueprintEntity,
    { id: blueprintId },
    {
      latestVersionId: latest.id,
      latestVersion: latest.version,
      title: manifest.title,
      description: manifest.description,
      category: manifest.category,
      keywords: manifest.keywords,
      deprecated: manifest.deprecated,
      updatedAt: now,
    },
  );
  await indexBlueprint(manager, blueprintId, now);
}
