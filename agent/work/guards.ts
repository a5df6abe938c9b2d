import { isGuestKind } from "./kinds.js";

/** Every guest namespace starts with this; the agent creates, changes and deletes no other namespace. */
export const GUEST_NAMESPACE_PREFIX = "alliance-guest-";

/** Names of the guard-rail objects the agent puts in every guest namespace; a guest may not replace them. */
export const GUARD_RAIL_NAMES = {
  quota: "alliance-reservation",
  limits: "alliance-defaults",
  isolation: "alliance-isolation",
  binding: "alliance-agent",
} as const;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Kinds that exist only cluster-wide, named in the refusal so an operator sees what the hub tried to send. */
const CLUSTER_SCOPED_KINDS = new Set([
  "Namespace",
  "Node",
  "PersistentVolume",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "StorageClass",
  "PriorityClass",
  "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration",
  "APIService",
  "IngressClass",
  "RuntimeClass",
]);

/**
 * Why the agent refuses a namespace the hub names (undefined when acceptable): only `alliance-guest-*` DNS labels,
 * so a compromised or buggy hub can never make the agent write into, or delete, `kube-system` or a host's own
 * namespaces.
 */
export function namespaceRefusal(name: unknown): string | undefined {
  if (typeof name !== "string" || !name.startsWith(GUEST_NAMESPACE_PREFIX))
    return `namespace ${JSON.stringify(name)} does not start with ${GUEST_NAMESPACE_PREFIX}; the agent only manages guest namespaces`;
  if (name.length > 63 || !DNS_LABEL.test(name))
    return `namespace ${JSON.stringify(name)} is not a valid DNS label (lowercase letters, digits, hyphens, at most 63)`;
  return undefined;
}

/** A manifest the agent can name in a report even when it refuses it. */
export interface ManifestIdentity {
  apiVersion: string;
  kind: string;
  name: string;
}

/** apiVersion, kind and metadata.name of a manifest, with placeholders where they are missing. */
export function manifestIdentity(manifest: unknown): ManifestIdentity {
  const object = (manifest && typeof manifest === "object" ? manifest : {}) as Record<string, unknown>;
  const metadata = (object.metadata && typeof object.metadata === "object" ? object.metadata : {}) as Record<
    string,
    unknown
  >;
  return {
    apiVersion: typeof object.apiVersion === "string" ? object.apiVersion : "",
    kind: typeof object.kind === "string" ? object.kind : "",
    name: typeof metadata.name === "string" ? metadata.name : "",
  };
}

/**
 * Why the agent refuses one guest object (undefined when acceptable). The hub validates manifests already; this is
 * defence in depth: cluster-scoped and unknown kinds, missing names, and objects that would replace the agent's
 * own guard rails are never applied.
 */
export function objectRefusal(manifest: unknown): string | undefined {
  const { apiVersion, kind, name } = manifestIdentity(manifest);
  if (!apiVersion || !kind) return "not a Kubernetes object (apiVersion and kind required)";
  if (CLUSTER_SCOPED_KINDS.has(kind) || kind.startsWith("Cluster"))
    return `${kind} is cluster-scoped; guests may only create objects inside their namespace`;
  if (!isGuestKind(apiVersion, kind)) return `${apiVersion} ${kind} is not an allowed kind`;
  if (!name || name.length > 253 || !DNS_SUBDOMAIN.test(name))
    return `metadata.name ${JSON.stringify(name)} is not a valid object name`;
  if (kind === "NetworkPolicy" && name === GUARD_RAIL_NAMES.isolation)
    return `NetworkPolicy ${name} is the agent's own isolation policy and cannot be replaced`;
  return undefined;
}
