import type { AgentWorkItem, WorkObjectStatusInput } from "../hub/operations.js";
import { objectStatus } from "./object-status.js";
import type { GuestNamespaceSpec } from "./guest-namespace.js";
import { type PlannedObject, planWork } from "./plan-work.js";
import { targetErrorMessage, type WorkTarget } from "./work-target.js";

/** What the agent found for a PRESENT item: per-object status, and the conditions when refused as a whole. */
export interface WorkObservation {
  objects: WorkObjectStatusInput[];
  /** Set when the whole item was refused (conditions are then fixed); otherwise derived from `objects`. */
  refusal?: string;
}

type AgentServiceAccount = GuestNamespaceSpec["agentServiceAccount"];

function statusOf(planned: PlannedObject, status: string, message: string): WorkObjectStatusInput {
  return { ...planned.identity, status, message };
}

/**
 * Applies a PRESENT item with server-side apply: the guest namespace and its guard rails, then every guest object.
 * One failing object is reported Failed with the API server's message and does not stop the others; but when a
 * guard rail fails no guest object is applied, so nothing ever runs outside its quota or isolation. Then every
 * applied object is read back for its status.
 */
export async function applyWork(
  target: WorkTarget,
  item: AgentWorkItem,
  agentServiceAccount?: AgentServiceAccount,
): Promise<WorkObservation> {
  const plan = planWork(item, agentServiceAccount);
  if ("refusal" in plan) return { objects: [], refusal: plan.refusal };
  const results: WorkObjectStatusInput[] = [];
  const applied: PlannedObject[] = [];
  let guardRailFailed = false;
  for (const planned of plan.objects) {
    if (planned.refusal || !planned.path || !planned.object) {
      results.push(statusOf(planned, "Failed", `refused by the agent: ${planned.refusal}`));
    } else if (guardRailFailed && !planned.guardRail) {
      results.push(statusOf(planned, "Failed", "not applied: the guest namespace could not be set up"));
    } else {
      try {
        await target.apply(planned.path, planned.object);
        results.push(statusOf(planned, "Applied", ""));
        applied.push(planned);
      } catch (error) {
        if (planned.guardRail) guardRailFailed = true;
        results.push(statusOf(planned, "Failed", targetErrorMessage(error)));
      }
    }
  }
  const readBack = await readObjects(target, applied);
  return { objects: results.map((result) => readBack.get(key(result)) ?? result) };
}

/** Reads every object of a PRESENT item back (no writes): the periodic status check of applied work. */
export async function observeWork(
  target: WorkTarget,
  item: AgentWorkItem,
  agentServiceAccount?: AgentServiceAccount,
): Promise<WorkObservation> {
  const plan = planWork(item, agentServiceAccount);
  if ("refusal" in plan) return { objects: [], refusal: plan.refusal };
  const readBack = await readObjects(
    target,
    plan.objects.filter((planned) => planned.path && !planned.refusal),
  );
  return {
    objects: plan.objects.map(
      (planned) =>
        readBack.get(key(planned.identity)) ??
        statusOf(planned, "Failed", `refused by the agent: ${planned.refusal}`),
    ),
  };
}

function key(identity: { apiVersion: string; kind: string; name: string }): string {
  return `${identity.apiVersion}/${identity.kind}/${identity.name}`;
}

async function readObjects(
  target: WorkTarget,
  objects: PlannedObject[],
): Promise<Map<string, WorkObjectStatusInput>> {
  const statuses = new Map<string, WorkObjectStatusInput>();
  for (const planned of objects) {
    let status: WorkObjectStatusInput;
    try {
      const stored = planned.path ? await target.get(planned.path) : undefined;
      status = stored
        ? { ...planned.identity, ...objectStatus(stored) }
        : statusOf(planned, "Missing", "not found in the cluster");
    } catch (error) {
      status = statusOf(planned, "Unknown", `could not read back: ${targetErrorMessage(error)}`);
    }
    statuses.set(key(planned.identity), status);
  }
  return statuses;
}

/** Whether an observation asks for the item to be applied again (something failed or went missing). */
export function needsReapply(observation: WorkObservation): boolean {
  return (
    !observation.refusal &&
    observation.objects.some((object) => object.status === "Failed" || object.status === "Missing")
  );
}
