import type { AgentWorkItem } from "../hub/operations.js";
import { type ManifestIdentity, manifestIdentity, namespaceRefusal, objectRefusal } from "./guards.js";
import {
  type GuestNamespaceSpec,
  guestNamespaceManifests,
  type KubernetesManifest,
  placementLabels,
} from "./guest-namespace.js";
import { objectPath } from "./kinds.js";

/** One object of a piece of work: where it goes and what is applied, or why it is refused. */
export interface PlannedObject {
  identity: ManifestIdentity;
  /** The agent's own namespace, quota, limits and isolation policy: a guest object is applied only after them. */
  guardRail: boolean;
  path?: string;
  object?: KubernetesManifest;
  refusal?: string;
}

/** Everything the agent would apply for a PRESENT item, or why it refuses the item as a whole. */
export type WorkPlan = { refusal: string } | { objects: PlannedObject[] };

/** Fields the API server owns; a server-side apply carrying them is rejected or misleading. */
const SERVER_OWNED_METADATA = ["uid", "resourceVersion", "generation", "creationTimestamp", "managedFields"];

/** A guest object as applied: in the guest namespace, labelled with its placement, server-owned fields dropped. */
function prepareGuestObject(manifest: KubernetesManifest, item: AgentWorkItem): KubernetesManifest {
  const object = structuredClone(manifest);
  const metadata = { ...(object.metadata as Record<string, unknown>) };
  for (const key of SERVER_OWNED_METADATA) delete metadata[key];
  const labels = metadata.labels && typeof metadata.labels === "object" ? metadata.labels : {};
  metadata.namespace = item.namespace;
  metadata.labels = { ...labels, ...placementLabels(item.guestCooperativeSlug, item.placementId) };
  object.metadata = metadata;
  delete object.status;
  return object;
}

/**
 * Plans a PRESENT item: the guard rails of the guest namespace first, then the guest's objects, each checked
 * (`guards.ts`) and mapped to its REST path (`kinds.ts`).
 */
export function planWork(
  item: AgentWorkItem,
  agentServiceAccount?: GuestNamespaceSpec["agentServiceAccount"],
): WorkPlan {
  const refusal = namespaceRefusal(item.namespace);
  if (refusal) return { refusal };
  if (!Array.isArray(item.manifests)) return { refusal: "manifests is not a list of objects" };
  const guardRails = guestNamespaceManifests({
    namespace: item.namespace,
    guestSlug: item.guestCooperativeSlug,
    placementId: item.placementId,
    reservation: item.reservation,
    agentServiceAccount,
  }).map((object) => {
    const identity = manifestIdentity(object);
    return {
      identity,
      guardRail: true,
      object,
      path: objectPath({ ...identity, namespace: item.namespace }),
    };
  });
  const guests = (item.manifests as unknown[]).map((manifest): PlannedObject => {
    const identity = manifestIdentity(manifest);
    const objectRefused = objectRefusal(manifest);
    if (objectRefused) return { identity, guardRail: false, refusal: objectRefused };
    const path = objectPath({ ...identity, namespace: item.namespace });
    if (!path) return { identity, guardRail: false, refusal: `no API path known for ${identity.kind}` };
    return {
      identity,
      guardRail: false,
      path,
      object: prepareGuestObject(manifest as KubernetesManifest, item),
    };
  });
  return { objects: [...guardRails, ...guests] };
}
