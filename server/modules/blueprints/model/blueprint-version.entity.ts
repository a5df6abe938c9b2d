import { EntitySchema } from "typeorm";
import type { Person } from "../../people/person.entity.js";
import type { Blueprint } from "./blueprint.entity.js";
import { createdAtColumn, timestampColumn, uuidPrimary } from "../../../db/column-types.js";
import { belongsTo } from "../../../db/relations.js";
import type { BlueprintManifest } from "../format/manifest-schema.js";

/** Where a version came from: the alliance's `content/blueprints/` or a cooperative's upload. */
export const BLUEPRINT_ORIGINS = ["content", "upload"] as const;
export type BlueprintOrigin = (typeof BLUEPRINT_ORIGINS)[number];

/**
 * One immutable version of a blueprint. The source tarball is built once at ingest (deterministic: sorted entries,
 * fixed mtimes) and `sourceSha256` is computed over exactly those stored bytes, which are the bytes served, so a
 * digest mismatch at download cannot happen. `contentSha256` is the sha256 of the files' `SHA256SUMS` listing:
 * what publishers sign, and what decides whether a re-publish is "the same content". Only yanking changes a row.
 */
export interface BlueprintVersion {
  id: string;
  blueprintId: string;
  version: string;
  manifest: BlueprintManifest;
  parameterSchema: Record<string, unknown>;
  /** Example parameter sets by name (`defaults`, edge cases). */
  examples: Record<string, unknown>;
  readme: string;
  readmeHtml: string;
  deprecated: boolean;
  prerelease: boolean;
  containsSecurityUpdates: boolean;
  sourceTarball?: Buffer;
  sourceSha256: string;
  sourceSize: number;
  contentSha256: string;
  fileCount: number;
  /** The Helm chart of an AppBlueprint (see helm/build-chart.ts); null when the version is not a chart. */
  chartTarball?: Buffer | null;
  chartSha256: string | null;
  origin: BlueprintOrigin;
  publishedById: string | null;
  yankedAt: Date | null;
  yankReason: string | null;
  yankedById: string | null;
  createdAt: Date;
  blueprint?: Blueprint;
  publishedBy?: Person;
  yankedBy?: Person;
}

const sha256Hex = (name: string) => ({ type: "char" as const, length: 64, name });

export const BlueprintVersionEntity = new EntitySchema<BlueprintVersion>({
  name: "BlueprintVersion",
  tableName: "blueprint_version",
  columns: {
    id: uuidPrimary,
    blueprintId: { type: "uuid", name: "blueprint_id" },
    version: { type: "text" },
    manifest: { type: "jsonb" },
    parameterSchema: { type: "jsonb", name: "parameter_schema" },
    examples: { type: "jsonb", default: () => "'{}'" },
    readme: { type: "text" },
    readmeHtml: { type: "text", name: "readme_html" },
    deprecated: { type: "boolean", default: false },
    prerelease: { type: "boolean", default: false },
    containsSecurityUpdates: { type: "boolean", name: "contains_security_updates", default: false },
    // Large: never loaded unless asked for explicitly.
    sourceTarball: { type: "bytea", name: "source_tarball", select: false },
    sourceSha256: sha256Hex("source_sha256"),
    sourceSize: { type: "integer", name: "source_size" },
    contentSha256: sha256Hex("content_sha256"),
    fileCount: { type: "integer", name: "file_count" },
    chartTarball: { type: "bytea", name: "chart_tarball", nullable: true, select: false },
    chartSha256: { type: "char", length: 64, name: "chart_sha256", nullable: true },
    origin: { type: "text" },
    publishedById: { type: "uuid", name: "published_by_id", nullable: true },
    yankedAt: timestampColumn("yanked_at", { nullable: true }),
    yankReason: { type: "text", name: "yank_reason", nullable: true },
    yankedById: { type: "uuid", name: "yanked_by_id", nullable: true },
    createdAt: createdAtColumn,
  },
  uniques: [{ name: "blueprint_version_key", columns: ["blueprintId", "version"] }],
  checks: [
    { name: "blueprint_version_origin_check", expression: "origin IN ('content', 'upload')" },
    { name: "blueprint_version_size_check", expression: "source_size >= 0 AND file_count > 0" },
    {
      name: "blueprint_version_chart_check",
      expression: "(chart_tarball IS NULL) = (chart_sha256 IS NULL)",
    },
  ],
  relations: {
    blueprint: belongsTo("Blueprint", "blueprint_id", "blueprint_version_blueprint_fkey"),
    publishedBy: belongsTo("Person", "published_by_id", "blueprint_version_published_by_fkey"),
    yankedBy: belongsTo("Person", "yanked_by_id", "blueprint_version_yanked_by_fkey"),
  },
});
