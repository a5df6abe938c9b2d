import type { EntityManager } from "typeorm";
import { badUserInput, forbidden, notFound } from "../../../errors.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import type { AgentIdentity } from "../../clusters/agent-identity.js";
import { recordClusterEvents } from "../../clusters/record-cluster-event.js";
import { PlacementWorkEntity } from "../model/placement-work.entity.js";
import type { WorkReport } from "./work-report-schema.js";
import { workStatusUpdate } from "./work-status-update.js";

/**
 * What a report led to. `accepted` is false when the report was older than one already stored (out of order) or
 * came after the release; `released` tells the caller capacity came free.
 */
export interface WorkReportOutcome {
  accepted: boolean;
  released: boolean;
}

/**
 * Stores an agent's status report on one piece of its own cluster's work, in the caller's transaction. The row is
 * locked so that a report and a hub-side change (cancel, failover) of the same work serialise. NOT_FOUND for an
 * unknown id, FORBIDDEN for another cluster's work; a release writes a cluster event and an audit event.
 */
export async function reportWorkStatus(
  manager: EntityManager,
  agent: AgentIdentity,
  report: WorkReport & { workId: string },
  context: { now: Date; requestId: string },
): Promise<WorkReportOutcome> {
  const work = await manager.findOne(PlacementWorkEntity, {
    where: { id: report.workId },
    lock: { mode: "pessimistic_write" },
  });
  if (!work) throw notFound("PlacementWork");
  if (work.clusterId !== agent.clusterId) throw forbidden("This work belongs to another cluster");
  if (report.generation > work.generation)
    throw badUserInput(`Generation ${report.generation} was never handed out (current: ${work.generation})`, [
      { field: "input.generation", message: `at most ${work.generation}` },
    ]);
  if (report.removed && work.desiredState === "present")
    throw badUserInput("This work is to be kept (PRESENT): it cannot be reported removed", [
      { field: "input.removed", message: "only for ABSENT work" },
    ]);
  const { now } = context;
  const update = workStatusUpdate(work, report, now);
  // A retried `removed` after the release (the first answer got lost) is acknowledged; other late reports not.
  if (update.ignored) return { accepted: work.releasedAt !== null && report.removed, released: false };
  await manager.update(PlacementWorkEntity, { id: work.id }, update.changes);
  if (update.released) {
    const details = { workId: work.id, placementId: work.placementId, reason: work.removalReason };
    await recordClusterEvents(manager, [
      {
        clusterId: work.clusterId,
        occurredAt: now,
        type: "WorkRemoved",
        source: "agent",
        message: `The agent removed the work in ${work.namespace}; its reservation is released`,
        details,
      },
    ]);
    await recordAuditEvent(
      manager,
      { personId: null, requestId: context.requestId, now },
      {
        action: "placement.work_released",
        targetType: "PlacementWork",
        targetId: work.id,
        cooperativeId: work.providerCooperativeId,
        data: details,
      },
    );
  }
  return { accepted: true, released: update.released };
}
