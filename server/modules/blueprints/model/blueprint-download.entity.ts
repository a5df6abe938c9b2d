import { EntitySchema } from "typeorm";
import type { BlueprintVersion } from "./blueprint-version.entity.js";
import { belongsTo } from "../../../db/relations.js";

/** What was downloaded: the source tarball, a rendered bundle or a Helm chart. */
export const DOWNLOAD_ARTIFACTS = ["source", "rendered", "chart"] as const;
export type DownloadArtifact = (typeof DOWNLOAD_ARTIFACTS)[number];

/**
 * Downloads of one version per day and artifact: one upserted row instead of a row per download, so counting
 * stays cheap and shared by every hub process (the count lives in PostgreSQL, not in memory).
 */
export interface BlueprintDownload {
  versionId: string;
  day: string;
  artifact: DownloadArtifact;
  count: number;
  version?: BlueprintVersion;
}

export const BlueprintDownloadEntity = new EntitySchema<BlueprintDownload>({
  name: "BlueprintDownload",
  tableName: "blueprint_download",
  columns: {
    versionId: { type: "uuid", name: "version_id", primary: true },
    day: { type: "date", primary: true },
    artifact: { type: "text", primary: true },
    count: { type: "integer", default: 0 },
  },
  checks: [
    { name: "blueprint_download_artifact_check", expression: "artifact IN ('source', 'rendered', 'chart')" },
    { name: "blueprint_download_count_check", expression: "count >= 0" },
  ],
  relations: {
    version: belongsTo("BlueprintVersion", "version_id", "blueprint_download_version_fkey", "CASCADE"),
  },
});
