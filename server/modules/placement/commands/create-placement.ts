import type { EntityManager } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity.js";
import { type Actor, recordAuditEvent } from "../../audit/record-audit-event.js";
import type { Cooperative } from "../../cooperatives/cooperative.entity.js";
import { fairShareOf } from "../ledger-store/fair-share-of.js";
import type { PlacementDecision } from "../model/placement-decision.entity.js";
import { type Placement, PlacementEntity, type PlacementStatus } from "../model/placement.entity.js";
import type { ResolvedWorkload } from "../requests/resolve-workload.js";
import { schedulerRequest } from "../requests/scheduler-request.js";
import type { ValidPlacementRequest } from "../requests/validate-request.js";
import type { ClusterLocks } from "../reserve/cluster-locks.js";
import { decideAndReserve } from "../reserve/decide-and-reserve.js";
import { compactExplanation, type NoCapacityExplanation } from "./no-capacity-explanation.js";
import { newDecision, saveDecision } from "./new-decision.js";
import { writeWork } from "./write-work.js";

/** A validated createPlacement. `placementId` is chosen up front: the tie-break and namespace depend on it. */
export interface CreatePlacementCommand {
  placementId: string;
  request: ValidPlacementRequest;
  workload: Extract<ResolvedWorkload, { ok: true }>;
  waitForCapacity: boolean;
  idempotencyKey: string | null;
}

/** What createPlacement did; `failed` carries the compact explanation for the NO_CAPACITY error. */
export type CreatePlacementOutcome =
  | { kind: "existing"; placement: Placement }
  | { kind: "placed" | "queued"; placement: Placement; decision: PlacementDecision }
  | { kind: "failed"; placement: Placement; decision: PlacementDecision; explanation: NoCapacityExplanation };

/** The placement row as it will be inserted, before the decision sets its status. */
function placementRow(command: CreatePlacementCommand, actor: Actor & { personId: string }): Placement {
  const { request, workload } = command;
  return {
    id: command.placementId,
    cooperativeId: request.cooperativeId,
    createdById: actor.personId,
    name: request.name,
    status: "queued",
    sourceKind: request.source.kind,
    blueprintVersionId: workload.blueprintVersionId,
    blueprintParameters: workload.blueprintParameters,
    manifests: workload.yaml,
    replicas: request.replicas,
    perReplica: request.perReplica,
    modeKind: request.mode.kind === "Duplicated" ? "duplicated" : "divided",
    modeClusters: request.mode.kind === "Duplicated" ? request.mode.clusters : null,
    constraints: request.constraints,
    spread: request.spread,
    tolerationSeconds: request.tolerationSeconds,
    waitForCapacity: command.waitForCapacity,
    idempotencyKey: command.idempotencyKey,
    queuedAt: null,
    placedAt: null,
    cancelledAt: null,
    createdAt: actor.now,
    updatedAt: actor.now,
  };
}

/**
 * createPlacement, in ONE transaction (run it in `withReservationRetries`): decide and atomically reserve
 * (`decideAndReserve`), then write the placement, its decision with the full explanation, one work row per chosen
 * cluster and an audit event — all while holding the chosen clusters' locks, so the reservation and the work are
 * one commit. The placement row is inserted after the locks: a concurrent retry with the same idempotency key
 * then waits on the unique key while holding no lock this transaction needs.
 *
 * Without capacity: `waitForCapacity` → status `queued` (decision `queued`); otherwise `failed` (decision
 * `no_capacity`), committed, and the caller throws NO_CAPACITY. A key already used by the cooperative returns
 * that placement unchanged, whatever its status.
 */
export async function createPlacement(
  manager: EntityManager,
  locks: ClusterLocks,
  actor: Actor & { personId: string },
  cooperative: Cooperative,
  command: CreatePlacementCommand,
): Promise<CreatePlacementOutcome> {
  if (command.idempotencyKey !== null) {
    const existing = await manager.findOneBy(PlacementEntity, {
      cooperativeId: cooperative.id,
      idempotencyKey: command.idempotencyKey,
    });
    if (existing) return { kind: "existing", placement: existing };
  }
  const row = placementRow(command, actor);
  const request = schedulerRequest(row, cooperative.tier);
  const fairShare = await fairShareOf(manager, cooperative.id, actor.now);
  const decided = await decideAndReserve(manager, locks, request, { now: actor.now, fairShare });
  const { result } = decided;
  const status: PlacementStatus = result.ok ? "placed" : command.waitForCapacity ? "queued" : "failed";
  if (status === "placed") row.placedAt = actor.now;
  if (status === "queued") row.queuedAt = actor.now;
  row.status = status;
  // insert, not save: save would first look the (client-chosen) id up, a round trip for nothing.
  await manager.insert(PlacementEntity, row as QueryDeepPartialEntity<Placement>);
  const outcome = status === "placed" ? "placed" : status === "queued" ? "queued" : "no_capacity";
  const decision = await saveDecision(manager, newDecision(row.id, decided, "initial", outcome));
  const work = result.ok
    ? await writeWork(manager, row, cooperative.slug, command.workload.objects, result.assignments, actor.now)
    : [];
  await recordAuditEvent(manager, actor, {
    action: "placement.create",
    targetType: "Placement",
    targetId: row.id,
    cooperativeId: cooperative.id,
    data: {
      name: row.name,
      status,
      replicas: row.replicas,
      work: work.map((entry) => ({ clusterId: entry.clusterId, replicas: entry.replicas })),
    },
  });
  if (result.ok) return { kind: "placed", placement: row, decision };
  if (status === "queued") return { kind: "queued", placement: row, decision };
  const explanation = compactExplanation(result.explanation, decided.loaded, {
    requested: result.requestedReplicas,
    placeable: result.placeableReplicas,
  });
  return { kind: "failed", placement: row, decision, explanation };
}
