import type { AgentLogger } from "../agent-loop.js";
import type { WorkHubApi } from "../hub/hub-client.js";
import { HubError } from "../hub/hub-errors.js";
import type { AgentWorkItem, ReportWorkStatusInput } from "../hub/operations.js";
import type { GuestNamespaceSpec } from "./guest-namespace.js";
import { applyWork, needsReapply, observeWork, type WorkObservation } from "./apply-work.js";
import { refusedConditions, workConditions } from "./object-status.js";
import { type RemovalState, removeWork } from "./remove-work.js";
import { targetErrorMessage, type WorkTarget } from "./work-target.js";

/** Options of {@link WorkReconciler}. */
export interface WorkReconcilerOptions {
  hub: WorkHubApi;
  target: WorkTarget;
  logger: AgentLogger;
  now: () => Date;
  /** How often settled work (ready, or failed) is read back or retried; default one minute. */
  recheckMs?: number;
  /** The agent's own service account, bound to the guest role in each guest namespace (in-cluster agents). */
  agentServiceAccount?: GuestNamespaceSpec["agentServiceAccount"];
}

/** Default period of status re-checks of settled work. */
export const DEFAULT_WORK_RECHECK_MS = 60_000;

interface Tracked {
  generation: number;
  /** The last report the hub took (or rejected for good), to send only changes. */
  lastReport?: string;
  nextCheckAt: number;
  reapply: boolean;
}

/**
 * Delivers this cluster's work: applies PRESENT items whose generation it has not applied yet, re-reads applied
 * ones (every cycle while they roll out, every `recheckMs` once settled; failed or missing objects are applied
 * again then), removes ABSENT items, and reports each change with `reportWorkStatus`. It deletes only what the hub
 * lists as ABSENT: an item that vanishes from the list is merely forgotten, and when the hub cannot be reached
 * `reconcile` throws before touching the cluster. Hub errors propagate (the loop backs off); cluster errors are
 * reported or retried next cycle.
 */
export class WorkReconciler {
  private readonly tracked = new Map<string, Tracked>();
  private readonly recheckMs: number;

  constructor(private readonly options: WorkReconcilerOptions) {
    this.recheckMs = options.recheckMs ?? DEFAULT_WORK_RECHECK_MS;
  }

  /** One pass over the hub's current list. */
  async reconcile(): Promise<void> {
    const items = await this.options.hub.agentWork();
    const listed = new Set(items.map((item) => item.id));
    for (const id of this.tracked.keys()) if (!listed.has(id)) this.tracked.delete(id);
    // Work moved back to this cluster can reuse the namespace of work being removed: never delete a live one.
    const live = new Set(
      items.filter((item) => item.desiredState !== "ABSENT").map((item) => item.namespace),
    );
    for (const item of items) {
      try {
        if (item.desiredState === "ABSENT") await this.remove(item, live.has(item.namespace));
        else await this.keep(item);
      } catch (error) {
        if (error instanceof HubError) throw error;
        this.options.logger.warn(
          { workId: item.id, error: targetErrorMessage(error) },
          "work: cluster call failed; retrying next cycle",
        );
      }
    }
  }

  private async keep(item: AgentWorkItem): Promise<void> {
    const now = this.options.now().getTime();
    const tracked = this.tracked.get(item.id);
    const current = tracked?.generation === item.generation ? tracked : undefined;
    let observation: WorkObservation;
    if (!current || (current.reapply && now >= current.nextCheckAt)) {
      this.options.logger.info(
        { workId: item.id, generation: item.generation, namespace: item.namespace },
        "work: applying",
      );
      observation = await applyWork(this.options.target, item, this.options.agentServiceAccount);
    } else if (now >= current.nextCheckAt || current.lastReport === undefined) {
      observation = await observeWork(this.options.target, item, this.options.agentServiceAccount);
    } else return;
    const conditions = observation.refusal
      ? refusedConditions("Refused", observation.refusal)
      : workConditions(observation.objects);
    // Rolling out, or not readable just now: look again next cycle rather than in a minute.
    const rollingOut = conditions.some(
      (condition) =>
        condition.type === "Available" &&
        (condition.reason === "Progressing" || condition.reason === "ReadFailed"),
    );
    const next: Tracked = {
      generation: item.generation,
      lastReport: current?.lastReport,
      nextCheckAt: rollingOut ? now : now + this.recheckMs,
      reapply: needsReapply(observation),
    };
    this.tracked.set(item.id, next);
    await this.report(next, {
      workId: item.id,
      generation: item.generation,
      conditions,
      objects: observation.objects,
    });
  }

  private async remove(item: AgentWorkItem, namespaceInUse: boolean): Promise<void> {
    const tracked = this.tracked.get(item.id);
    const current = tracked?.generation === item.generation ? tracked : undefined;
    if (current?.lastReport?.includes('"removed":true')) return;
    const removal: RemovalState = namespaceInUse
      ? { state: "removed", kept: true }
      : await removeWork(this.options.target, item);
    const next: Tracked = {
      generation: item.generation,
      lastReport: current?.lastReport,
      nextCheckAt: 0,
      reapply: false,
    };
    this.tracked.set(item.id, next);
    if (removal.state === "removed")
      this.options.logger.info({ workId: item.id, namespace: item.namespace }, "work: removed");
    await this.report(next, removalReport(item, removal));
  }

  /** Sends a report unless it equals the last one; a report the hub rejects for good is dropped, not retried. */
  private async report(tracked: Tracked, input: ReportWorkStatusInput): Promise<void> {
    const key = JSON.stringify(input);
    if (key === tracked.lastReport) return;
    try {
      await this.options.hub.reportWorkStatus(input);
    } catch (error) {
      if (!(error instanceof HubError) || error.retryable || error.unauthenticated) throw error;
      this.options.logger.error(
        { workId: input.workId, code: error.code },
        `hub rejected a work status: ${error.message}`,
      );
    }
    tracked.lastReport = key;
  }
}

function removalReport(item: AgentWorkItem, removal: RemovalState): ReportWorkStatusInput {
  const base = { workId: item.id, generation: item.generation, objects: [] };
  if (removal.state === "refused")
    return { ...base, conditions: refusedConditions("RemovalRefused", removal.reason) };
  const removed = removal.state === "removed";
  const reason = removed ? "Removed" : "Removing";
  const message =
    removal.state === "removed" && removal.kept
      ? `namespace ${item.namespace} is kept: other work of this cluster uses it now`
      : removed
        ? `namespace ${item.namespace} and everything in it deleted`
        : `namespace ${item.namespace} is terminating`;
  return {
    ...base,
    conditions: [
      { type: "Applied", status: removed ? "False" : "Unknown", reason, message },
      { type: "Available", status: "False", reason, message },
      { type: "Degraded", status: "False", reason, message: "" },
    ],
    ...(removed ? { removed: true } : {}),
  };
}
