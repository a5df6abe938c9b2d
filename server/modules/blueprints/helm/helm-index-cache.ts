import type { DataSource } from "typeorm";
import { BlueprintVersionEntity } from "../model/blueprint-version.entity.js";
import { buildHelmIndex, type ChartRow } from "./helm-index.js";

interface CachedIndex {
  generation: string;
  yaml: string;
}

let cached: CachedIndex | undefined;

/** Drops the cached index at once after a publish or yank in this process (others notice by generation). */
export function invalidateHelmIndex(): void {
  cached = undefined;
}

/**
 * A fingerprint of everything the index depends on, from one cheap aggregate query: another hub process that
 * publishes or yanks changes it, so a cache can never serve a stale index across processes.
 */
async function generation(dataSource: DataSource): Promise<string> {
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS versions, count(yanked_at)::int AS yanked,
            COALESCE(max(created_at), 'epoch')::text AS created, COALESCE(max(yanked_at), 'epoch')::text AS last_yank
       FROM blueprint_version WHERE chart_sha256 IS NOT NULL`,
  );
  return `${row.versions}/${row.yanked}/${row.created}/${row.last_yank}`;
}

async function loadRows(dataSource: DataSource): Promise<ChartRow[]> {
  const rows = await dataSource.manager
    .createQueryBuilder(BlueprintVersionEntity, "version")
    .innerJoin("version.blueprint", "blueprint")
    .select(["version.version", "version.manifest", "version.chartSha256", "version.createdAt"])
    .addSelect("blueprint.name", "blueprint_name")
    .where("version.chart_sha256 IS NOT NULL AND version.yanked_at IS NULL")
    .getRawAndEntities();
  return rows.entities.map((version, index) => ({
    name: String(rows.raw[index].blueprint_name),
    version: version.version,
    manifest: version.manifest,
    chartSha256: String(version.chartSha256),
    createdAt: version.createdAt,
  }));
}

/** `index.yaml`, served from memory while the generation is unchanged and rebuilt when it moves. */
export async function helmIndex(dataSource: DataSource, publicUrl: string): Promise<CachedIndex> {
  const current = await generation(dataSource);
  if (cached?.generation === current) return cached;
  const yaml = buildHelmIndex(await loadRows(dataSource), publicUrl);
  cached = { generation: current, yaml };
  return cached;
}
