import type { PlacementWork, WorkCondition } from "../model/placement-work.entity.js";
import type { WorkReport } from "./work-report-schema.js";

/** The columns a report may change. */
export type WorkStatusChanges = Partial<
  Pick<
    PlacementWork,
    "conditions" | "objects" | "observedGeneration" | "reportedAt" | "availableSince" | "releasedAt"
  >
>;

/** What a report changes on a work row, and whether it releases the reservation. */
export interface WorkStatusUpdate {
  /** Nothing to store: a report older than one already stored (out of order). */
  ignored: boolean;
  changes: WorkStatusChanges;
  released: boolean;
  /** Available=True reached for the first time: the ledger starts counting. */
  becameAvailable: boolean;
}

/**
 * Kubernetes-style merge: the agent sends its full set of conditions; a condition keeps its `lastTransitionTime`
 * while its status stays the same, and gets `now` when the status changes or the condition is new.
 */
export function mergeConditions(
  previous: readonly WorkCondition[],
  reported: WorkReport["conditions"],
  now: Date,
): WorkCondition[] {
  return reported.map((condition) => {
    const before = previous.find((entry) => entry.type === condition.type);
    const lastTransitionTime =
      before && before.status === condition.status ? before.lastTransitionTime : now.toISOString();
    return { ...condition, lastTransitionTime };
  });
}

/**
 * Decides what a validated report does to a work row (already checked to belong to the caller's cluster).
 * - A report for a generation older than one already observed arrived out of order: ignored.
 * - A report for an older generation than the current one is stored as the latest status people see, but it
 *   decides nothing: it neither starts the ledger (`availableSince`) nor releases the reservation, because the
 *   agent had not seen the current desired state yet when it wrote it.
 * - On the current generation, Available=True on PRESENT work sets `availableSince` once; `removed` on ABSENT work
 *   releases the reservation (`releasedAt`). The caller refuses `removed` on PRESENT work before this.
 */
export function workStatusUpdate(work: PlacementWork, report: WorkReport, now: Date): WorkStatusUpdate {
  const nothing = { ignored: true, changes: {}, released: false, becameAvailable: false };
  if (work.releasedAt || (work.observedGeneration !== null && report.generation < work.observedGeneration))
    return nothing;
  const current = report.generation === work.generation;
  const changes: WorkStatusChanges = {
    conditions: mergeConditions(work.conditions, report.conditions, now),
    objects: report.objects,
    observedGeneration: report.generation,
    reportedAt: now,
  };
  const available = report.conditions.some((entry) => entry.type === "Available" && entry.status === "True");
  const becameAvailable = current && work.desiredState === "present" && available && !work.availableSince;
  if (becameAvailable) changes.availableSince = now;
  const released = current && work.desiredState === "absent" && report.removed;
  if (released) changes.releasedAt = now;
  return { ignored: false, changes, released, becameAvailable };
}
