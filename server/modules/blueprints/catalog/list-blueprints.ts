import type { EntityManager, SelectQueryBuilder } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../../graphql/connection.js";
import { type Blueprint, BlueprintEntity, type StoredBlueprintKind } from "../model/blueprint.entity.js";

export type CatalogSort = "name" | "recently_updated" | "most_downloaded";

export interface CatalogQuery {
  first: number;
  after?: string | null;
  search?: string;
  category?: string;
  kind?: StoredBlueprintKind;
  /** A cooperative slug, or "alliance". */
  publisher?: string;
  verified?: boolean;
  includeDeprecated: boolean;
  sort: CatalogSort;
}

/** SQL: the blueprint is official or its latest version carries a valid signature by a trusted, unrevoked key. */
export const VERIFIED_SQL = `(blueprint.publisher_cooperative_id IS NULL OR EXISTS (
  SELECT 1 FROM blueprint_signature signature
  JOIN blueprint_signing_key signing_key ON signing_key.id = signature.signing_key_id
  JOIN blueprint_keyring_entry keyring ON keyring.signing_key_id = signing_key.id
  WHERE signature.version_id = blueprint.latest_version_id AND signature.valid AND signing_key.revoked_at IS NULL))`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);
// Millisecond precision, so the cursor (a JS date) compares exactly with the stored value.
const UPDATED = "date_trunc('milliseconds', blueprint.updated_at)";

function applyFilters(builder: SelectQueryBuilder<Blueprint>, query: CatalogQuery): void {
  builder.where("blueprint.latest_version_id IS NOT NULL");
  if (query.category) builder.andWhere("blueprint.category = :category", { category: query.category });
  if (query.kind) builder.andWhere("blueprint.kind = :kind", { kind: query.kind });
  if (!query.includeDeprecated) builder.andWhere("NOT blueprint.deprecated");
  if (query.publisher === "alliance") builder.andWhere("blueprint.publisher_cooperative_id IS NULL");
  else if (query.publisher)
    builder.andWhere(
      "blueprint.publisher_cooperative_id = (SELECT id FROM cooperative WHERE slug = :publisher AND status = 'approved')",
      { publisher: query.publisher },
    );
  if (query.verified !== undefined) builder.andWhere(query.verified ? VERIFIED_SQL : `NOT ${VERIFIED_SQL}`);
  const words = (query.search ?? "").split(/\s+/).filter(Boolean).slice(0, 8);
  words.forEach((word, index) => {
    builder.andWhere(
      `(blueprint.name ILIKE :w${index} OR blueprint.title ILIKE :w${index} OR blueprint.description ILIKE :w${index} OR array_to_string(blueprint.keywords, ' ') ILIKE :w${index})`,
      { [`w${index}`]: `%${escapeLike(word)}%` },
    );
  });
}

function cursorKey(sort: CatalogSort, row: Blueprint): Array<string | number> {
  if (sort === "recently_updated") return [row.updatedAt.toISOString(), row.name];
  if (sort === "most_downloaded") return [row.downloadCount, row.name];
  return [row.name];
}

/**
 * The catalog: live blueprints (at least one non-yanked version) filtered and sorted, paginated by keyset with the
 * unique name as the tie-breaker.
 */
export async function listBlueprints(
  manager: EntityManager,
  query: CatalogQuery,
): Promise<Connection<Blueprint> & { totalCount: number }> {
  const builder = manager.createQueryBuilder(BlueprintEntity, "blueprint");
  applyFilters(builder, query);
  const totalCount = await builder.clone().getCount();
  if (query.sort === "recently_updated") {
    if (query.after) {
      const [updated, name] = decodeCursor(query.after, 2);
      builder.andWhere(`(${UPDATED} < :updated OR (${UPDATED} = :updated AND blueprint.name > :name))`, {
        updated: new Date(String(updated)),
        name,
      });
    }
    builder.orderBy(UPDATED, "DESC");
  } else if (query.sort === "most_downloaded") {
    if (query.after) {
      const [count, name] = decodeCursor(query.after, 2);
      builder.andWhere(
        "(blueprint.download_count < :count OR (blueprint.download_count = :count AND blueprint.name > :name))",
        { count: Number(count), name },
      );
    }
    builder.orderBy("blueprint.download_count", "DESC");
  } else if (query.after) {
    const [name] = decodeCursor(query.after, 1);
    builder.andWhere("blueprint.name > :name", { name });
  }
  const rows = await builder
    .addOrderBy("blueprint.name", "ASC")
    .limit(query.first + 1)
    .getMany();
  return {
    ...toConnection(rows, query.first, (row) => cursorKey(query.sort, row), Boolean(query.after)),
    totalCount,
  };
}
