import { EntitySchema } from "typeorm";
import { belongsTo } from "../../db/relations.js";
import type { MemberCluster } from "./member-cluster.entity.js";

/** `raw`: one row per accepted report (kept 7 days); `5m`: five-minute rollups (kept 90 days). */
export const SAMPLE_RESOLUTIONS = ["raw", "5m"] as const;
export type SampleResolution = (typeof SAMPLE_RESOLUTIONS)[number];

/** One point of a cluster's capacity history: the figures charts need, not the whole report. */
export interface ClusterStatusSample {
  clusterId: string;
  resolution: SampleResolution;
  /** Report time (raw) or bucket start (rollup). */
  observedAt: Date;
  figures: Record<string, number>;
  cluster?: MemberCluster;
}

export const ClusterStatusSampleEntity = new EntitySchema<ClusterStatusSample>({
  name: "ClusterStatusSample",
  tableName: "cluster_status_sample",
  columns: {
    clusterId: { type: "uuid", name: "cluster_id", primary: true },
    resolution: { type: "text", primary: true },
    observedAt: { type: "timestamptz", name: "observed_at", primary: true },
    figures: { type: "jsonb" },
  },
  indices: [{ name: "cluster_status_sample_observed_idx", columns: ["resolution", "observedAt"] }],
  checks: [{ name: "cluster_status_sample_resolution_check", expression: "resolution IN ('raw', '5m')" }],
  relations: {
    cluster: belongsTo("MemberCluster", "cluster_id", "cluster_status_sample_cluster_fkey", "CASCADE"),
  },
});
