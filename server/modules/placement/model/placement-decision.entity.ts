import { EntitySchema } from "typeorm";
import { uuidPrimary, timestampColumn } from "../../../db/column-types.js";
import { belongsTo } from "../../../db/relations.js";
import type { ClusterExplanation } from "../scheduler/schedule-result.js";
import type { SchedulerWeights } from "../scheduler/types.js";
import { decodeExplanation, encodeExplanation } from "./explanation-codec.js";
import type { Placement } from "./placement.entity.js";

export const DECISION_OUTCOMES = ["placed", "no_capacity", "queued"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** What made the hub decide: the request itself, the queue serving it, or failover away from a lost cluster. */
export const DECISION_TRIGGERS = ["initial", "queue", "failover"] as const;
export type DecisionTrigger = (typeof DECISION_TRIGGERS)[number];

/**
 * One stored scheduling decision with its full explanation: for every cluster considered, the filter that dropped
 * it and why, or its score per scorer. Written in the same transaction as the reservations it led to.
 */
export interface PlacementDecision {
  id: string;
  placementId: string;
  decidedAt: Date;
  outcome: DecisionOutcome;
  trigger: DecisionTrigger;
  requestedReplicas: number;
  placeableReplicas: number;
  fairShare: number;
  weights: SchedulerWeights;
  /** The scheduler's explanation, cluster ids as stored (uuids); packed in the table, arrays in memory. */
  explanation: ClusterExplanation[];
  placement?: Placement;
}

export const PlacementDecisionEntity = new EntitySchema<PlacementDecision>({
  name: "PlacementDecision",
  tableName: "placement_decision",
  columns: {
    id: uuidPrimary,
    placementId: { type: "uuid", name: "placement_id" },
    decidedAt: timestampColumn("decided_at"),
    outcome: { type: "text" },
    trigger: { type: "text" },
    requestedReplicas: { type: "integer", name: "requested_replicas" },
    placeableReplicas: { type: "integer", name: "placeable_replicas" },
    fairShare: { type: "double precision", name: "fair_share" },
    weights: { type: "jsonb" },
    // Packed (`explanation-codec.ts`): about a third of the JSON, and PostgreSQL neither parses nor compresses it.
    explanation: {
      type: "bytea",
      transformer: {
        to: (value: ClusterExplanation[] | null | undefined) =>
          value == null ? value : encodeExplanation(value),
        from: (value: Uint8Array | null) => (value === null ? value : decodeExplanation(value)),
      },
    },
  },
  indices: [
    { name: "placement_decision_placement_idx", columns: ["placementId", "decidedAt"] },
    // The failover job counts the last minute's failover decisions on every run (its eviction rate limit).
    { name: "placement_decision_failover_idx", columns: ["decidedAt"], where: "trigger = 'failover'" },
  ],
  checks: [
    {
      name: "placement_decision_outcome_check",
      expression: "outcome IN ('placed', 'no_capacity', 'queued')",
    },
    { name: "placement_decision_trigger_check", expression: "trigger IN ('initial', 'queue', 'failover')" },
  ],
  relations: {
    placement: belongsTo("Placement", "placement_id", "placement_decision_placement_fkey"),
  },
});
