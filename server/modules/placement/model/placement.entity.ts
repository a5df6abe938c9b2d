import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, updatedAtColumn, uuidPrimary } from "../../../db/column-types.js";
import { belongsTo } from "../../../db/relations.js";
import type { BlueprintVersion } from "../../blueprints/model/blueprint-version.entity.js";
import type { Cooperative } from "../../cooperatives/cooperative.entity.js";
import type { Person } from "../../people/person.entity.js";
import type { PlacementConstraints, PlacementSpread, ResourceAmounts } from "../scheduler/types.js";

/** `queued` waits for capacity; `placed` has work; `cancelled` by its cooperative; `failed`: no capacity, no wait. */
export const PLACEMENT_STATUSES = ["queued", "placed", "cancelled", "failed"] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export const PLACEMENT_SOURCES = ["blueprint", "manifests"] as const;
export type PlacementSourceKind = (typeof PLACEMENT_SOURCES)[number];

export const PLACEMENT_MODES = ["duplicated", "divided"] as const;
export type PlacementModeKind = (typeof PLACEMENT_MODES)[number];

/**
 * A cooperative's request to run a workload on alliance capacity, and its lifecycle. The request is stored as
 * submitted (constraints and spread in the scheduler's own shapes) so the queue and failover can decide again.
 * The work per cluster lives in `placement_work`, each decision in `placement_decision`.
 */
export interface Placement {
  id: string;
  cooperativeId: string;
  createdById: string;
  name: string;
  status: PlacementStatus;
  sourceKind: PlacementSourceKind;
  blueprintVersionId: string | null;
  blueprintParameters: Record<string, unknown> | null;
  /** The YAML as submitted, or as rendered from the blueprint version (at most 512 KiB). */
  manifests: string;
  replicas: number;
  perReplica: ResourceAmounts;
  modeKind: PlacementModeKind;
  /** Duplicated only: how many clusters run all replicas. */
  modeClusters: number | null;
  constraints: PlacementConstraints;
  spread: PlacementSpread;
  /** How long a cluster may stay Unknown before its share is placed elsewhere. */
  tolerationSeconds: number;
  waitForCapacity: boolean;
  /** Client-chosen key: a retry with the same key returns this placement instead of placing twice. */
  idempotencyKey: string | null;
  queuedAt: Date | null;
  placedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  cooperative?: Cooperative;
  createdBy?: Person;
  blueprintVersion?: BlueprintVersion;
}

export const PlacementEntity = new EntitySchema<Placement>({
  name: "Placement",
  tableName: "placement",
  columns: {
    id: uuidPrimary,
    cooperativeId: { type: "uuid", name: "cooperative_id" },
    createdById: { type: "uuid", name: "created_by_id" },
    name: { type: "text" },
    status: { type: "text" },
    sourceKind: { type: "text", name: "source_kind" },
    blueprintVersionId: { type: "uuid", name: "blueprint_version_id", nullable: true },
    blueprintParameters: { type: "jsonb", name: "blueprint_parameters", nullable: true },
    manifests: { type: "text" },
    replicas: { type: "integer" },
    perReplica: { type: "jsonb", name: "per_replica" },
    modeKind: { type: "text", name: "mode_kind" },
    modeClusters: { type: "integer", name: "mode_clusters", nullable: true },
    constraints: { type: "jsonb", default: () => "'{}'" },
    spread: { type: "jsonb", default: () => "'{}'" },
    tolerationSeconds: { type: "integer", name: "toleration_seconds", default: 300 },
    waitForCapacity: { type: "boolean", name: "wait_for_capacity", default: false },
    idempotencyKey: { type: "text", name: "idempotency_key", nullable: true },
    queuedAt: timestampColumn("queued_at", { nullable: true }),
    placedAt: timestampColumn("placed_at", { nullable: true }),
    cancelledAt: timestampColumn("cancelled_at", { nullable: true }),
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
  },
  uniques: [{ name: "placement_idempotency_key", columns: ["cooperativeId", "idempotencyKey"] }],
  indices: [
    { name: "placement_cooperative_created_idx", columns: ["cooperativeId", "createdAt", "id"] },
    { name: "placement_queued_idx", columns: ["queuedAt", "id"], where: "status = 'queued'" },
  ],
  checks: [
    {
      name: "placement_status_check",
      expression: "status IN ('queued', 'placed', 'cancelled', 'failed')",
    },
    { name: "placement_source_check", expression: "source_kind IN ('blueprint', 'manifests')" },
    { name: "placement_mode_check", expression: "mode_kind IN ('duplicated', 'divided')" },
    { name: "placement_replicas_check", expression: "replicas >= 1" },
    { name: "placement_toleration_check", expression: "toleration_seconds >= 0" },
  ],
  relations: {
    cooperative: belongsTo("Cooperative", "cooperative_id", "placement_cooperative_fkey"),
    createdBy: belongsTo("Person", "created_by_id", "placement_created_by_fkey"),
    blueprintVersion: belongsTo(
      "BlueprintVersion",
      "blueprint_version_id",
      "placement_blueprint_version_fkey",
    ),
  },
});
