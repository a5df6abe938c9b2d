import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import {
  type DecisionOutcome,
  type DecisionTrigger,
  type PlacementDecision,
  PlacementDecisionEntity,
} from "../model/placement-decision.entity.js";
import type { ReservedDecision } from "../reserve/decide-and-reserve.js";

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

/** Saves a decision in the caller's transaction. */
export function saveDecision(
  manager: EntityManager,
  decision: PlacementDecision,
): Promise<PlacementDecision> {
  return manager.save(PlacementDecisionEntity, decision);
}
