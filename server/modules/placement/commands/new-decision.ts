import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import type {
  DecisionOutcome,
  DecisionTrigger,
  PlacementDecision,
} from "../model/placement-decision.entity.js";
import type { ReservedDecision } from "../reserve/decide-and-reserve.js";
import { encodeExplanation } from "../model/explanation-codec.js";

/**
 * The decision row for a scheduling result, not saved: the full explanation (every cluster, filtered or scored),
 * the weights and the requester's fair share at the time. `previewPlacement` returns it as it is.
 */
export function newDecision(
  placementId: string,
  decided: ReservedDecision,
  trigger: DecisionTrigger,
  outcome: DecisionOutcome,
): PlacementDecision {
  const { result, context, weights } = decided;
  const requestedReplicas = result.ok
    ? result.assignments.reduce((sum, assignment) => sum + assignment.replicas, 0)
    : result.requestedReplicas;
  return {
    id: randomUUID(),
    placementId,
    decidedAt: context.now,
    outcome,
    trigger,
    requestedReplicas,
    placeableReplicas: result.ok ? requestedReplicas : result.placeableReplicas,
    fairShare: context.fairShare,
    weights,
    explanation: result.explanation,
  };
}

/**
 * Saves a decision in the caller's transaction. One INSERT rather than `manager.save`: TypeORM's save deep-merges
 * the entity, i.e. copies every line of the explanation (20,000 at 20,000 clusters), which cost more CPU than the
 * scheduling itself (bench/README.md, Placement). The explanation goes in packed (the entity's transformer calls
 * `encodeExplanation`): at 20,000 clusters 5–7 ms and at most 650 KB, inserted in 2–6 ms, where jsonb took 3.6 MB
 * of JSON that PostgreSQL parsed and compressed in 60–120 ms inside the reservation transaction (module README).
 */
export async function saveDecision(
  manager: EntityManager,
  decision: PlacementDecision,
): Promise<PlacementDecision> {
  await manager.query(
    `INSERT INTO placement_decision (id, placement_id, decided_at, outcome, trigger, requested_replicas,
            placeable_replicas, fair_share, weights, explanation)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
    [
      decision.id,
      decision.placementId,
      decision.decidedAt,
      decision.outcome,
      decision.trigger,
      decision.requestedReplicas,
      decision.placeableReplicas,
      decision.fairShare,
      JSON.stringify(decision.weights),
      encodeExplanation(decision.explanation),
    ],
  );
  return decision;
}
