import type { WorkConditionInput, WorkObjectStatusInput } from "../hub/operations.js";

/** The short status of one object, as the agent reports it. */
export interface ShortStatus {
  status: string;
  message: string;
}

type Json = Record<string, unknown>;

function field(object: unknown, ...path: string[]): unknown {
  let value = object;
  for (const key of path) value = value && typeof value === "object" ? (value as Json)[key] : undefined;
  return value;
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

function replicaStatus(available: number, desired: number, observedCurrent: boolean): ShortStatus {
  const message = `${available}/${desired} available`;
  return available >= desired && observedCurrent
    ? { status: "Available", message }
    : { status: "Progressing", message };
}

/** The condition of `type` with status "True", if the object has one (Kubernetes' Job conditions). */
function trueCondition(object: Json, type: string): Json | undefined {
  const conditions = field(object, "status", "conditions");
  if (!Array.isArray(conditions)) return undefined;
  return conditions.find(
    (condition): condition is Json =>
      !!condition && typeof condition === "object" && condition.type === type && condition.status === "True",
  );
}

/** A Job: Complete or Failed by its conditions (with Kubernetes' reason), else Running with its pod counts. */
function jobStatus(object: Json): ShortStatus {
  if (trueCondition(object, "Complete"))
    return { status: "Complete", message: `${count(field(object, "status", "succeeded"))} succeeded` };
  const failed = trueCondition(object, "Failed");
  if (failed) {
    const reason = typeof failed.reason === "string" ? failed.reason : "Failed";
    const message = typeof failed.message === "string" ? failed.message : "";
    return { status: "Failed", message: `${reason}${message ? `: ${message}` : ""}`.slice(0, 300) };
  }
  const active = count(field(object, "status", "active"));
  const succeeded = count(field(object, "status", "succeeded"));
  return { status: "Running", message: `${active} active, ${succeeded} succeeded` };
}

/** A CronJob: Scheduled, with its running Jobs and last successful run. */
function cronJobStatus(object: Json): ShortStatus {
  const active = field(object, "status", "active");
  const running = Array.isArray(active) ? active.length : 0;
  const lastSuccess = field(object, "status", "lastSuccessfulTime");
  const parts = [`${running} running`];
  if (typeof lastSuccess === "string") parts.push(`last success ${lastSuccess}`);
  else parts.push("no successful run yet");
  return { status: "Scheduled", message: parts.join(", ") };
}

/**
 * Derives a short status from an object read back from the API server. Deployments and StatefulSets compare
 * available with desired replicas (and wait until the controller has seen the latest spec), DaemonSets available
 * with scheduled pods, claims report their phase, Jobs are Running, Complete or Failed by their conditions,
 * CronJobs Scheduled with their last success; anything else is simply Applied. A running Job or a CronJob counts
 * as available (the work is doing what it should); a failed Job makes the work Degraded.
 */
export function objectStatus(object: Json): ShortStatus {
  const generation = count(field(object, "metadata", "generation"));
  const observed = field(object, "status", "observedGeneration");
  const observedCurrent = typeof observed !== "number" || observed >= generation;
  switch (object.kind) {
    case "Deployment":
    case "StatefulSet": {
      const desired = field(object, "spec", "replicas");
      return replicaStatus(
        count(field(object, "status", "availableReplicas")),
        typeof desired === "number" ? desired : 1,
        observedCurrent,
      );
    }
    case "DaemonSet":
      return replicaStatus(
        count(field(object, "status", "numberAvailable")),
        count(field(object, "status", "desiredNumberScheduled")),
        observedCurrent,
      );
    case "PersistentVolumeClaim": {
      const phase = field(object, "status", "phase");
      if (phase === "Bound") return { status: "Bound", message: "" };
      if (phase === "Lost") return { status: "Failed", message: "volume lost" };
      return { status: "Pending", message: "waiting for a volume" };
    }
    case "Job":
      return jobStatus(object);
    case "CronJob":
      return cronJobStatus(object);
    default:
      return { status: "Applied", message: "" };
  }
}

/** Statuses that mean the object is not (known to be) ready yet. */
const WAITING = new Set(["Progressing", "Pending", "Missing", "Unknown"]);

function describe(objects: WorkObjectStatusInput[]): string {
  const text = objects.map((object) =>
    `${object.kind}/${object.name}: ${object.message || object.status}`.slice(0, 300),
  );
  return text.slice(0, 5).join("; ") + (text.length > 5 ? `; and ${text.length - 5} more` : "");
}

/**
 * Applied, Available and Degraded for a set of object statuses: one failed object makes the work not Applied and
 * Degraded; waiting objects (rolling out, unbound claims, missing) make it not yet Available.
 */
export function workConditions(objects: WorkObjectStatusInput[]): WorkConditionInput[] {
  const failed = objects.filter((object) => object.status === "Failed");
  const waiting = objects.filter((object) => WAITING.has(object.status));
  if (failed.length > 0) {
    const message = `${failed.length} of ${objects.length} objects failed: ${describe(failed)}`;
    return [
      { type: "Applied", status: "False", reason: "ApplyFailed", message },
      { type: "Available", status: "False", reason: "ApplyFailed", message },
      { type: "Degraded", status: "True", reason: "ApplyFailed", message },
    ];
  }
  const applied = `${objects.length} objects applied`;
  return [
    { type: "Applied", status: "True", reason: "Applied", message: applied },
    waiting.length === 0
      ? { type: "Available", status: "True", reason: "Available", message: "every object is ready" }
      : waiting.some((object) => object.status === "Unknown")
        ? { type: "Available", status: "Unknown", reason: "ReadFailed", message: describe(waiting) }
        : { type: "Available", status: "False", reason: "Progressing", message: describe(waiting) },
    { type: "Degraded", status: "False", reason: "AsExpected", message: "" },
  ];
}

/** All three conditions for work the agent refuses as a whole (e.g. a namespace outside `alliance-guest-`). */
export function refusedConditions(reason: string, message: string): WorkConditionInput[] {
  return [
    { type: "Applied", status: "False", reason, message },
    { type: "Available", status: "False", reason, message },
    { type: "Degraded", status: "True", reason, message },
  ];
}
