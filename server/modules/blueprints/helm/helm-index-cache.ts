import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { DataSource } from "typeorm";
import { catalogGeneration } from "../catalog/catalog-generation.js";
import { BlueprintVersionEntity } from "../model/blueprint-version.entity.js";
import { buildHelmIndex, type ChartRow } from "./helm-index.js";

/** `index.yaml` ready to send: the bytes, their gzip and the ETag, all computed once per generation. */
export interface CachedHelmIndex {
  generation: string;
  bytes: Buffer;
  gzip: Buffer;
  /** Strong ETag of the identity bytes; the gzip variant's ETag is this with a `-gz` suffix inside the quotes. */
  etag: string;
}

interface Slot {
  publicUrl: string;
  index: Promise<CachedHelmIndex>;
}

const CACHES = new WeakMap<DataSource, Slot>();

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

async function build(
  dataSource: DataSource,
  publicUrl: string,
  generation: string,
): Promise<CachedHelmIndex> {
  const bytes = Buffer.from(buildHelmIndex(await loadRows(dataSource), publicUrl), "utf8");
  const etag = `"${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}"`;
  return { generation, bytes, gzip: gzipSync(bytes, { level: 9 }), etag };
}

/**
 * `index.yaml` served from memory: rebuilt (once, however many requests wait) when the catalog generation moves,
 * which a publish or yank in this process does at once and one in another process within a second
 * (`catalog-generation.ts`). A request costs no query while the generation is fresh.
 */
export async function helmIndex(
  dataSource: DataSource,
  publicUrl: string,
  nowMs: number,
): Promise<CachedHelmIndex> {
  const generation = await catalogGeneration(dataSource).current(nowMs);
  const slot = CACHES.get(dataSource);
  if (slot && slot.publicUrl === publicUrl) {
    const cached = await slot.index.catch(() => undefined);
    if (cached?.generation === generation) return cached;
    // Another request may already have started the rebuild for this generation.
    const latest = CACHES.get(dataSource);
    if (latest && latest !== slot) return latest.index;
  }
  const index = build(dataSource, publicUrl, generation);
  CACHES.set(dataSource, { publicUrl, index });
  // A failed build is not cached: the next request tries again.
  index.catch(() => {
    if (CACHES.get(dataSource)?.index === index) CACHES.delete(dataSource);
  });
  return index;
}
