import type { EntityManager } from "typeorm";
import type { BlueprintSource } from "../format/blueprint-source.js";
import { loadBlueprintFolderOrThrow } from "../format/load-folder.js";
import type { Blueprint } from "../model/blueprint.entity.js";
import { type BlueprintVersion, BlueprintVersionEntity } from "../model/blueprint-version.entity.js";
import { sha256OfBytes } from "../package/file-listing.js";
import { readOwnArchive } from "../package/read-own-archive.js";
import { CorruptArtifactError } from "./artifact-cache.js";

// Versions are immutable, so a loaded source keyed by its digest is valid in every hub process forever.
const CACHE_LIMIT = 64;
const cache = new Map<string, BlueprintSource>();

/** The stored source tarball of a version: exactly the bytes that were hashed at ingest. */
export async function loadSourceTarball(
  manager: EntityManager,
  versionId: string,
  name: string,
): Promise<Buffer> {
  const row = await manager
    .createQueryBuilder(BlueprintVersionEntity, "version")
    .addSelect("version.sourceTarball")
    .where("version.id = :versionId", { versionId })
    .getOneOrFail();
  // PGlite hands bytea back as a Uint8Array, node-postgres as a Buffer.
  const bytes = Buffer.from(row.sourceTarball as Uint8Array);
  // Rendering reads these bytes too: never from a source that is not what was published.
  if (sha256OfBytes(bytes) !== row.sourceSha256) throw new CorruptArtifactError("source", name, row.version);
  return bytes;
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
  const tarball = await loadSourceTarball(manager, version.id, blueprint.name);
  const source = loadBlueprintFolderOrThrow(readOwnArchive(tarball, `${blueprint.name}/`));
  cache.set(version.sourceSha256, source);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return source;
}
