import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { MemberCluster } from "../clusters/member-cluster.entity.js";
import type { Cooperative } from "../cooperatives/cooperative.entity.js";
import type { Person } from "../people/person.entity.js";

/** `paused` keeps the offer but admits no new placements; `withdrawn` ends it (a later version may offer again). */
export const OFFER_STATUSES = ["active", "paused", "withdrawn"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** Who an allow or deny list names: cooperative ids and cooperative tiers (lowercase, as stored). */
export interface StoredAudience {
  cooperatives: string[];
  tiers: string[];
}

/** A weekly window: days 0 (Sunday) to 6 in `timeZone`, "HH:MM" clock times; end ≤ start crosses midnight. */
export interface StoredWindow {
  days: number[];
  start: string;
  end: string;
  timeZone: string;
}

/**
 * One version of what a cooperative shares of one accepted cluster. Rows are never updated except to mark them
 * superseded: every change inserts the next version, so history shows who offered what when. The current version
 * is the one with `supersededAt` null (at most one per cluster, enforced by a partial unique index). Residency is
 * not stored: it comes from the cluster's labels.
 */
export interface CapacityOffer {
  id: string;
  clusterId: string;
  /** The cluster's cooperative at the time (denormalised for the federation listing). */
  cooperativeId: string;
  version: number;
  status: OfferStatus;
  /** Most the alliance may use in total, per resource name (`cpu` millicores, `memory` bytes, ...). */
  caps: Record<string, number>;
  /** Share (0–100 %) of the capacity spare from the owner's point of view; null: no share limit. */
  freeSharePercent: number | null;
  allow: StoredAudience;
  deny: StoredAudience;
  windows: StoredWindow[];
  preemptible: boolean;
  /** Seconds guests get to leave when the owner takes preemptible capacity back. */
  gracePeriodSeconds: number;
  createdById: string;
  createdAt: Date;
  supersededAt: Date | null;
  cluster?: MemberCluster;
  cooperative?: Cooperative;
  createdBy?: Person;
}

export const CapacityOfferEntity = new EntitySchema<CapacityOffer>({
  name: "CapacityOffer",
  tableName: "capacity_offer",
  columns: {
    id: uuidPrimary,
    clusterId: { type: "uuid", name: "cluster_id" },
    cooperativeId: { type: "uuid", name: "cooperative_id" },
    version: { type: "integer" },
    status: { type: "text" },
    caps: { type: "jsonb", default: () => "'{}'" },
    freeSharePercent: { type: "double precision", name: "free_share_percent", nullable: true },
    allow: { type: "jsonb" },
    deny: { type: "jsonb" },
    windows: { type: "jsonb", default: () => "'[]'" },
    preemptible: { type: "boolean", default: false },
    gracePeriodSeconds: { type: "integer", name: "grace_period_seconds", default: 0 },
    createdById: { type: "uuid", name: "created_by_id" },
    createdAt: createdAtColumn,
    supersededAt: timestampColumn("superseded_at", { nullable: true }),
  },
  uniques: [{ name: "capacity_offer_cluster_version_key", columns: ["clusterId", "version"] }],
  indices: [
    {
      name: "capacity_offer_current_key",
      columns: ["clusterId"],
      unique: true,
      where: "superseded_at IS NULL",
    },
    {
      name: "capacity_offer_current_created_idx",
      columns: ["createdAt", "id"],
      where: "superseded_at IS NULL",
    },
  ],
  checks: [
    { name: "capacity_offer_status_check", expression: "status IN ('active', 'paused', 'withdrawn')" },
    { name: "capacity_offer_version_check", expression: "version >= 1" },
    {
      name: "capacity_offer_share_check",
      expression: "free_share_percent IS NULL OR (free_share_percent >= 0 AND free_share_percent <= 100)",
    },
    { name: "capacity_offer_grace_check", expression: "grace_period_seconds >= 0" },
  ],
  relations: {
    cluster: belongsTo("MemberCluster", "cluster_id", "capacity_offer_cluster_fkey"),
    cooperative: belongsTo("Cooperative", "cooperative_id", "capacity_offer_cooperative_fkey"),
    createdBy: belongsTo("Person", "created_by_id", "capacity_offer_created_by_fkey"),
  },
});
