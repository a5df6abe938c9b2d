import type { EntityManager } from "typeorm";
import { notFound } from "../../../errors.js";
import { sortSemverDescending } from "../format/semver.js";
import { type Blueprint, BlueprintEntity } from "../model/blueprint.entity.js";
import { type BlueprintVersion, BlueprintVersionEntity } from "../model/blueprint-version.entity.js";

/** A version with its blueprint, found by exact name and version (yanked included); NOT_FOUND otherwise. */
export async function findVersionOrThrow(
  manager: EntityManager,
  name: string,
  version: string,
): Promise<{ blueprint: Blueprint; version: BlueprintVersion }> {
  const found = await findVersion(manager, name, version);
  if (!found) throw notFound(`Blueprint ${name} ${version}`);
  return found;
}

/** Like {@link findVersionOrThrow} but undefined when missing. */
export async function findVersion(
  manager: EntityManager,
  name: string,
  version: string,
): Promise<{ blueprint: Blueprint; version: BlueprintVersion } | undefined> {
  const blueprint = await manager.findOneBy(BlueprintEntity, { name });
  if (!blueprint) return undefined;
  const row = await manager.findOneBy(BlueprintVersionEntity, { blueprintId: blueprint.id, version });
  return row ? { blueprint, version: row } : undefined;
}

/** A blueprint's versions, newest first by SemVer precedence. */
export async function listVersions(
  manager: EntityManager,
  blueprintId: string,
  includeYanked: boolean,
): Promise<BlueprintVersion[]> {
  const rows = await manager.find(BlueprintVersionEntity, { where: { blueprintId } });
  const visible = includeYanked ? rows : rows.filter((row) => !row.yankedAt);
  const order = sortSemverDescending(visible.map((row) => row.version));
  return order.map((version) => visible.find((row) => row.version === version) as BlueprintVersion);
}
