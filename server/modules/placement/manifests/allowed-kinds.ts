/**
 * What a guest workload may contain: namespaced kinds a cooperative needs to run an application, and nothing that
 * reaches beyond its guest namespace (no cluster-scoped objects, no RBAC, no webhooks, no CRDs). No NetworkPolicy:
 * policies add up, so a guest policy could allow what the agent's isolation policy denies (private ranges, other
 * namespaces).
 * Keyed by `apiVersion/kind`; `apiVersion` without a group is the core API.
 */
export const ALLOWED_KINDS: ReadonlySet<string> = new Set([
  "v1/ConfigMap",
  "v1/Secret",
  "v1/Service",
  "v1/PersistentVolumeClaim",
  "v1/ServiceAccount",
  "apps/v1/Deployment",
  "apps/v1/StatefulSet",
  "apps/v1/DaemonSet",
  "batch/v1/Job",
  "batch/v1/CronJob",
  "autoscaling/v2/HorizontalPodAutoscaler",
  "policy/v1/PodDisruptionBudget",
  "networking.k8s.io/v1/Ingress",
  "gateway.networking.k8s.io/v1/HTTPRoute",
]);

/** Largest accepted manifest document set, in bytes of YAML. */
export const MAX_MANIFEST_BYTES = 512 * 1024;

/** Largest number of objects in one placement. */
export const MAX_MANIFEST_OBJECTS = 200;
