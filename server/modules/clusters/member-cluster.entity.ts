import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, updatedAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { Cooperative } from "../cooperatives/cooperative.entity.js";
import type { ClusterCondition } from "./conditions.js";
import type { ClusterTaint } from "./taints.js";

/** Double opt-in: a registered cluster joins the federation only when a steward accepts it. */
export const CLUSTER_ACCEPTANCES = ["pending", "accepted", "denied"] as const;
export type ClusterAcceptance = (typeof CLUSTER_ACCEPTANCES)[number];

/** The Available condition's status, kept in a column of its own for filtering. */
export const CLUSTER_AVAILABILITIES = ["true", "false", "unknown"] as const;
export type ClusterAvailability = (typeof CLUSTER_AVAILABILITIES)[number];

/** A Kubernetes cluster a cooperative contributes to the alliance, kept up to date by its agent. */
export interface MemberCluster {
  id: string;
  cooperativeId: string;
  name: string;
  /** UID of the cluster's `kube-system` namespace: the cluster's identity across re-registrations. */
  clusterUid: string;
  kubernetesVersion: string;
  agentVersion: string;
  labels: Record<string, string>;
  taints: ClusterTaint[];
  acceptance: ClusterAcceptance;
  acceptanceDecidedById: string | null;
  acceptanceDecidedAt: Date | null;
  acceptanceNote: string | null;
  availability: ClusterAvailability;
  conditions: ClusterCondition[];
  leaseRenewedAt: Date | null;
  /** Renewal time plus the lease; the sweeper declares the lease lost once the grace period after this passed. */
  leaseExpiresAt: Date | null;
  /** Set while the lease is lost; cleared when the cluster has renewed twice in a row. */
  leaseLostAt: Date | null;
  /** Consecutive renewals since the lease was lost (debounce). */
  renewalStreak: number;
  latestReport: Record<string, unknown> | null;
  /** When the agent observed the latest report (agent clock). */
  latestReportObservedAt: Date | null;
  latestReportReceivedAt: Date | null;
  registeredAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  cooperative?: Cooperative;
}

export const MemberClusterEntity = new EntitySchema<MemberCluster>({
  name: "MemberCluster",
  tableName: "member_cluster",
  columns: {
    id: uuidPrimary,
    cooperativeId: { type: "uuid", name: "cooperative_id" },
    name: { type: "text" },
    clusterUid: { type: "text", name: "cluster_uid" },
    kubernetesVersion: { type: "text", name: "kubernetes_version" },
    agentVersion: { type: "text", name: "agent_version" },
    labels: { type: "jsonb", default: () => "'{}'" },
    taints: { type: "jsonb", default: () => "'[]'" },
    acceptance: { type: "text", default: "pending" },
    acceptanceDecidedById: { type: "uuid", name: "acceptance_decided_by_id", nullable: true },
    acceptanceDecidedAt: timestampColumn("acceptance_decided_at", { nullable: true }),
    acceptanceNote: { type: "text", name: "acceptance_note", nullable: true },
    availability: { type: "text", default: "unknown" },
    conditions: { type: "jsonb", default: () => "'[]'" },
    leaseRenewedAt: timestampColumn("lease_renewed_at", { nullable: true }),
    leaseExpiresAt: timestampColumn("lease_expires_at", { nullable: true }),
    leaseLostAt: timestampColumn("lease_lost_at", { nullable: true }),
    renewalStreak: { type: "integer", name: "renewal_streak", default: 0 },
    latestReport: { type: "jsonb", name: "latest_report", nullable: true },
    latestReportObservedAt: timestampColumn("latest_report_observed_at", { nullable: true }),
    latestReportReceivedAt: timestampColumn("latest_report_received_at", { nullable: true }),
    registeredAt: timestampColumn("registered_at"),
    revokedAt: timestampColumn("revoked_at", { nullable: true }),
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
  },
  uniques: [
    { name: "member_cluster_uid_key", columns: ["clusterUid"] },
    { name: "member_cluster_cooperative_name_key", columns: ["cooperativeId", "name"] },
  ],
  indices: [
    { name: "member_cluster_lease_expires_idx", columns: ["leaseExpiresAt"] },
    { name: "member_cluster_acceptance_name_idx", columns: ["acceptance", "name"] },
  ],
  checks: [
    {
      name: "member_cluster_acceptance_check",
      expression: "acceptance IN ('pending', 'accepted', 'denied')",
    },
    {
      name: "member_cluster_availability_check",
      expression: "availability IN ('true', 'false', 'unknown')",
    },
    { name: "member_cluster_renewal_streak_check", expression: "renewal_streak >= 0" },
  ],
  relations: {
    cooperative: belongsTo("Cooperative", "cooperative_id", "member_cluster_cooperative_fkey"),
  },
});
