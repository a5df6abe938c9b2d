import { EntitySchema } from "typeorm";
import type { Cooperative } from "../../cooperatives/cooperative.entity.js";
import { createdAtColumn, updatedAtColumn, uuidPrimary } from "../../../db/column-types.js";
import { belongsTo } from "../../../db/relations.js";

/** Kinds as stored (lowercase, snake_case), mapped from the manifest's `ClusterBlueprint` / `AppBlueprint`. */
export const STORED_BLUEPRINT_KINDS = ["cluster_blueprint", "app_blueprint"] as const;
export type StoredBlueprintKind = (typeof STORED_BLUEPRINT_KINDS)[number];

/**
 * A blueprint in the catalog: one name, one publisher, many immutable versions. The catalog facts (title,
 * description, category, keywords, deprecated) mirror the newest non-yanked version, so the catalog needs no join.
 * `publisherCooperativeId` is null for the alliance's own blueprints (from `content/blueprints/`).
 */
export interface Blueprint {
  id: string;
  name: string;
  kind: StoredBlueprintKind;
  publisherCooperativeId: string | null;
  title: string;
  description: string;
  category: string;
  keywords: string[];
  deprecated: boolean;
  latestVersionId: string | null;
  latestVersion: string | null;
  downloadCount: number;
  createdAt: Date;
  updatedAt: Date;
  publisherCooperative?: Cooperative;
}

export const BlueprintEntity = new EntitySchema<Blueprint>({
  name: "Blueprint",
  tableName: "blueprint",
  columns: {
    id: uuidPrimary,
    name: { type: "text" },
    kind: { type: "text" },
    publisherCooperativeId: { type: "uuid", name: "publisher_cooperative_id", nullable: true },
    title: { type: "text" },
    description: { type: "text" },
    category: { type: "text" },
    keywords: { type: "text", array: true, default: () => "'{}'" },
    deprecated: { type: "boolean", default: false },
    latestVersionId: { type: "uuid", name: "latest_version_id", nullable: true },
    latestVersion: { type: "text", name: "latest_version", nullable: true },
    downloadCount: { type: "integer", name: "download_count", default: 0 },
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
  },
  uniques: [{ name: "blueprint_name_key", columns: ["name"] }],
  indices: [
    { name: "blueprint_publisher_idx", columns: ["publisherCooperativeId"] },
    { name: "blueprint_category_name_idx", columns: ["category", "name"] },
  ],
  checks: [
    { name: "blueprint_kind_check", expression: "kind IN ('cluster_blueprint', 'app_blueprint')" },
    { name: "blueprint_download_total_check", expression: "download_count >= 0" },
  ],
  relations: {
    publisherCooperative: belongsTo("Cooperative", "publisher_cooperative_id", "blueprint_publisher_fkey"),
  },
});
