/**
 * apiVersion/kind → REST resource (plural) for the objects the agent applies. A small fixed table instead of API
 * discovery: the agent only ever touches these kinds, and an unknown kind is refused rather than guessed.
 */

/** Namespaced kinds a guest's manifests may contain: the hub's allowlist, copied (the agent shares no hub code). */
export const GUEST_KINDS: Readonly<Record<string, string>> = {
  "v1/ConfigMap": "configmaps",
  "v1/Secret": "secrets",
  "v1/Service": "services",
  "v1/PersistentVolumeClaim": "persistentvolumeclaims",
  "v1/ServiceAccount": "serviceaccounts",
  "apps/v1/Deployment": "deployments",
  "apps/v1/StatefulSet": "statefulsets",
  "apps/v1/DaemonSet": "daemonsets",
  "batch/v1/Job": "jobs",
  "batch/v1/CronJob": "cronjobs",
  "autoscaling/v2/HorizontalPodAutoscaler": "horizontalpodautoscalers",
  "policy/v1/PodDisruptionBudget": "poddisruptionbudgets",
  "networking.k8s.io/v1/NetworkPolicy": "networkpolicies",
  "networking.k8s.io/v1/Ingress": "ingresses",
  "gateway.networking.k8s.io/v1/HTTPRoute": "httproutes",
};

/** Namespaced kinds only the agent itself applies (the guard rails of the guest namespace). */
const AGENT_KINDS: Readonly<Record<string, string>> = {
  ...GUEST_KINDS,
  "v1/ResourceQuota": "resourcequotas",
  "v1/LimitRange": "limitranges",
  "rbac.authorization.k8s.io/v1/RoleBinding": "rolebindings",
};

/** Where an object lives; `namespace` is absent only for the Namespace itself. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** `/api/v1` for the core group, `/apis/<group>/<version>` otherwise. */
function groupVersionPath(apiVersion: string): string {
  return apiVersion.includes("/") ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
}

/** REST path of a namespace. */
export function namespacePath(name: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(name)}`;
}

/**
 * REST path of an object the agent may apply: a Namespace, or a kind of the table inside a namespace. Undefined
 * for anything else (cluster-scoped or unknown kinds, a namespaced kind without a namespace).
 */
export function objectPath(ref: ObjectRef): string | undefined {
  const key = `${ref.apiVersion}/${ref.kind}`;
  if (key === "v1/Namespace") return namespacePath(ref.name);
  const plural = Object.hasOwn(AGENT_KINDS, key) ? AGENT_KINDS[key] : undefined;
  if (!plural || !ref.namespace) return undefined;
  return `${groupVersionPath(ref.apiVersion)}/namespaces/${encodeURIComponent(ref.namespace)}/${plural}/${encodeURIComponent(ref.name)}`;
}

/** Whether a guest may send this kind. */
export function isGuestKind(apiVersion: string, kind: string): boolean {
  return Object.hasOwn(GUEST_KINDS, `${apiVersion}/${kind}`);
}
