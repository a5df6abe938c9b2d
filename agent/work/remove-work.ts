import type { AgentWorkItem } from "../hub/operations.js";
import { namespaceRefusal } from "./guards.js";
import { PLACEMENT_LABEL, placementLabelValue } from "./guest-namespace.js";
import { namespacePath } from "./kinds.js";
import type { WorkTarget } from "./work-target.js";

/** Where the removal of an ABSENT item stands. */
export type RemovalState =
  /** `kept`: nothing deleted because PRESENT work uses the same namespace now. */
  { state: "removed"; kept?: boolean } | { state: "terminating" } | { state: "refused"; reason: string };

function placementOf(namespace: Record<string, unknown>): unknown {
  const metadata = namespace.metadata as { labels?: Record<string, unknown> } | undefined;
  return metadata?.labels?.[PLACEMENT_LABEL];
}

/**
 * Removes an ABSENT item by deleting its guest namespace, which deletes everything in it. The namespace must be a
 * guest namespace the agent labelled for this very placement; any other namespace is left alone and the removal
 * refused. Removed means the API server answers 404; a namespace still Terminating is checked again next cycle.
 */
export async function removeWork(target: WorkTarget, item: AgentWorkItem): Promise<RemovalState> {
  const refusal = namespaceRefusal(item.namespace);
  if (refusal) return { state: "refused", reason: refusal };
  const path = namespacePath(item.namespace);
  const existing = await target.get(path);
  if (!existing) return { state: "removed" };
  if (placementOf(existing) !== placementLabelValue(item.placementId)) {
    return {
      state: "refused",
      reason: `namespace ${item.namespace} is not labelled ${PLACEMENT_LABEL}=${placementLabelValue(item.placementId)}; the agent deletes only what it created for this placement`,
    };
  }
  const metadata = existing.metadata as { deletionTimestamp?: unknown } | undefined;
  if (!metadata?.deletionTimestamp) await target.delete(path);
  return (await target.get(path)) ? { state: "terminating" } : { state: "removed" };
}
