import type { EntityManager } from "typeorm";
import type { BlueprintSource } from "../format/blueprint-source.js";
import { loadBlueprintFolderOrThrow } from "../format/load-folder.js";
import type { Blueprint } from "../model/blueprint.entity.js";
import { type BlueprintVersion, BlueprintVersionEntity } from "../model/blueprint-version.entity.js";
import { readOwnArchive } from "../package/read-own-archive.js";

// Versions are immutable, so a loaded source keyed by its digest is valid in every hub process forever.
const CACHE_LIMIT = 64;
const cache = new Map<string, BlueprintSource>();

/** The stored source tarball of a version: exactly the bytes that were hashed at ingest. */
export async function loadSourceTarball(manager: EntityManager, versionId: string): Promise<Buffer> {
  const row = await manager
    .createQueryBuilder(BlueprintVersionEntity, "version")
    .addSelect("version.sourceTarball")
    .where("version.id = :versionId", { versionId })
    .getOneOrFail();
  // PGlite hands bytea back as a Uint8Array, node-postgres as a Buffer.
  return Buffer.from(row.sourceTarball as Uint8Array);
}

/** The checked, renderable source of a stored version (cached by digest). */
export async function loadVersionSource(
  manager: EntityManager,
  blueprint: Blueprint,
  version: BlueprintVersion,
): Promise<BlueprintSource> {
  const cached = cache.get(version.sourceSha256);
  if (cached) {
    cache.delete(version.sourceSha256);
    cache.set(version.sourceSha256, cached);
    return cached;
  }
  const tarball = await loadSourceTarball(manager, version.id);
  const source = loadBlueprintFolderOrThrow(readOwnArchive(tarball, `${blueprint.name}/`));
  cache.set(version.sourceSha256, source);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return source;
}
