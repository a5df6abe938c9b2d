import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { Cooperative } from "../../cooperatives/cooperative.entity.js";
import { fairShareOf } from "../ledger-store/fair-share-of.js";
import type { DecisionTrigger, PlacementDecision } from "../model/placement-decision.entity.js";
import { schedulerRequest } from "../requests/scheduler-request.js";
import type { ValidPlacementRequest } from "../requests/validate-request.js";
import { scheduleCandidates } from "../reserve/schedule-candidates.js";
import type { Assignment } from "../scheduler/schedule-result.js";
import { DEFAULT_WEIGHTS } from "../scheduler/scorer-chain.js";
import type { SchedulerWeights } from "../scheduler/types.js";
import { newDecision } from "./new-decision.js";

/** previewPlacement's answer: the decision createPlacement would take now, and its assignments. */
export interface PlacementPreviewResult {
  ok: boolean;
  assignments: Assignment[];
  /** Not saved; `trigger` is `preview`, `placementId` a throw-away id. */
  decision: PlacementDecision;
}

/**
 * The same decision createPlacement would take at this moment (same candidates, fair share, weights and
 * scheduler), with nothing locked or written. A later createPlacement may decide differently if capacity moves.
 */
export async function previewPlacement(
  manager: EntityManager,
  cooperative: Cooperative,
  request: ValidPlacementRequest,
  now: Date,
  weights: SchedulerWeights = DEFAULT_WEIGHTS,
): Promise<PlacementPreviewResult> {
  const placementId = randomUUID();
  const schedulerInput = schedulerRequest(
    {
      id: placementId,
      cooperativeId: cooperative.id,
      replicas: request.replicas,
      perReplica: request.perReplica,
      modeKind: request.mode.kind === "Duplicated" ? "duplicated" : "divided",
      modeClusters: request.mode.kind === "Duplicated" ? request.mode.clusters : null,
      constraints: request.constraints,
      spread: request.spread,
    },
    cooperative.tier,
  );
  const context = { now, fairShare: await fairShareOf(manager, cooperative.id, now) };
  // The process's snapshot is good enough for a preview that places; "no capacity" is confirmed on a fresh read.
  const { result, loaded } = await scheduleCandidates(manager, schedulerInput, context, weights);
  const decided = { result, loaded, context, weights };
  const decision = newDecision(
    placementId,
    decided,
    "preview" as DecisionTrigger,
    result.ok ? "placed" : "no_capacity",
  );
  return { ok: result.ok, assignments: result.ok ? result.assignments : [], decision };
}
