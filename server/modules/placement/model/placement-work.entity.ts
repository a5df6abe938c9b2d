import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, updatedAtColumn, uuidPrimary } from "../../../db/column-types.js";
import { belongsTo } from "../../../db/relations.js";
import type { MemberCluster } from "../../clusters/member-cluster.entity.js";
import type { Cooperative } from "../../cooperatives/cooperative.entity.js";
import type { ResourceAmounts } from "../scheduler/types.js";
import type { Placement } from "./placement.entity.js";

export const WORK_DESIRED_STATES = ["present", "absent"] as const;
export type WorkDesiredState = (typeof WORK_DESIRED_STATES)[number];

export const WORK_REMOVAL_REASONS = ["cancelled", "failover", "cluster_revoked"] as const;
export type WorkRemovalReason = (typeof WORK_REMOVAL_REASONS)[number];

/** A condition the agent reports on work: Applied, Available, Degraded. */
export interface WorkCondition {
  type: string;
  status: "True" | "False" | "Unknown";
  reason: string;
  message: string;
  lastTransitionTime: string;
}

/** The agent's short status of one object it applied. */
export interface WorkObjectStatus {
  apiVersion: string;
  kind: string;
  name: string;
  status: string;
  message: string;
}

/**
 * The part of a placement one member cluster runs: the reservation (held while `releasedAt` is null, also while
 * the agent is still removing it) and the rendered objects the agent applies in the guest namespace. Removal never
 * deletes the row: the hub sets `desiredState` absent and the agent confirms with `releasedAt`.
 */
export interface PlacementWork {
  id: string;
  placementId: string;
  clusterId: string;
  /** The cluster's cooperative (who provides) and the placement's (who consumes), denormalised for the ledger. */
  providerCooperativeId: string;
  consumerCooperativeId: string;
  offerId: string | null;
  offerVersion: number | null;
  replicas: number;
  reservation: ResourceAmounts;
  namespace: string;
  /** Kubernetes objects to apply in `namespace`, without namespace fields, replicas set for this cluster. */
  manifests: Record<string, unknown>[];
  /** Bumped whenever what the agent must do changes (removal included). */
  generation: number;
  desiredState: WorkDesiredState;
  removalReason: WorkRemovalReason | null;
  observedGeneration: number | null;
  conditions: WorkCondition[];
  objects: WorkObjectStatus[];
  reportedAt: Date | null;
  /** First report with Available=True: the ledger counts from here until removal is requested. */
  availableSince: Date | null;
  removalRequestedAt: Date | null;
  releasedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  placement?: Placement;
  cluster?: MemberCluster;
  providerCooperative?: Cooperative;
  consumerCooperative?: Cooperative;
}

export const PlacementWorkEntity = new EntitySchema<PlacementWork>({
  name: "PlacementWork",
  tableName: "placement_work",
  columns: {
    id: uuidPrimary,
    placementId: { type: "uuid", name: "placement_id" },
    clusterId: { type: "uuid", name: "cluster_id" },
    providerCooperativeId: { type: "uuid", name: "provider_cooperative_id" },
    consumerCooperativeId: { type: "uuid", name: "consumer_cooperative_id" },
    offerId: { type: "uuid", name: "offer_id", nullable: true },
    offerVersion: { type: "integer", name: "offer_version", nullable: true },
    replicas: { type: "integer" },
    reservation: { type: "jsonb" },
    namespace: { type: "text" },
    manifests: { type: "jsonb", default: () => "'[]'" },
    generation: { type: "integer", default: 1 },
    desiredState: { type: "text", name: "desired_state", default: "present" },
    removalReason: { type: "text", name: "removal_reason", nullable: true },
    observedGeneration: { type: "integer", name: "observed_generation", nullable: true },
    conditions: { type: "jsonb", default: () => "'[]'" },
    objects: { type: "jsonb", default: () => "'[]'" },
    reportedAt: timestampColumn("reported_at", { nullable: true }),
    availableSince: timestampColumn("available_since", { nullable: true }),
    removalRequestedAt: timestampColumn("removal_requested_at", { nullable: true }),
    releasedAt: timestampColumn("released_at", { nullable: true }),
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
  },
  indices: [
    {
      name: "placement_work_live_key",
      columns: ["placementId", "clusterId"],
      unique: true,
      where: "released_at IS NULL",
    },
    { name: "placement_work_cluster_live_idx", columns: ["clusterId"], where: "released_at IS NULL" },
    { name: "placement_work_placement_idx", columns: ["placementId", "createdAt"] },
    { name: "placement_work_provider_idx", columns: ["providerCooperativeId", "availableSince"] },
    { name: "placement_work_consumer_idx", columns: ["consumerCooperativeId", "availableSince"] },
  ],
  checks: [
    { name: "placement_work_desired_check", expression: "desired_state IN ('present', 'absent')" },
    {
      name: "placement_work_removal_check",
      expression: "removal_reason IS NULL OR removal_reason IN ('cancelled', 'failover', 'cluster_revoked')",
    },
    { name: "placement_work_replicas_check", expression: "replicas >= 1" },
  ],
  relations: {
    placement: belongsTo("Placement", "placement_id", "placement_work_placement_fkey"),
    cluster: belongsTo("MemberCluster", "cluster_id", "placement_work_cluster_fkey"),
    providerCooperative: belongsTo("Cooperative", "provider_cooperative_id", "placement_work_provider_fkey"),
    consumerCooperative: belongsTo("Cooperative", "consumer_cooperative_id", "placement_work_consumer_fkey"),
  },
});
