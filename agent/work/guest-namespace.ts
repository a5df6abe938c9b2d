/**
 * The namespace a guest cooperative's work runs in on this cluster, with the guard rails the hub promised the
 * host: a ResourceQuota equal to the reservation, a LimitRange giving containers defaults inside it, and a
 * NetworkPolicy that isolates the namespace (traffic only within it, DNS, and the internet outside private ranges).
 */
import type { ResourceAmount } from "../hub/operations.js";
import { GUARD_RAIL_NAMES } from "./guards.js";

/** What the hub says about a guest namespace: its name, whose it is, and the reserved totals. */
export interface GuestNamespaceSpec {
  /** The hub-given name (checked by `namespaceRefusal` before anything is applied). */
  namespace: string;
  guestSlug: string;
  placementId: string;
  /** Reserved totals: `cpu` millicores, `memory` and `storage:<class>` bytes, `gpu:<model>` devices, `pods`. */
  reservation: ResourceAmount[];
}

export type KubernetesManifest = Record<string, unknown>;

/** Label every object the agent applies carries, so a namespace can be traced back to its placement. */
export const PLACEMENT_LABEL = "alliance.coop/placement";

const MANAGED_BY = { "app.kubernetes.io/managed-by": "alliance-agent" };
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** A placement id as a label value (at most 63 characters, alphanumeric at both ends). */
export function placementLabelValue(placementId: string): string {
  const value = placementId
    .replace(/[^-A-Za-z0-9_.]/g, "-")
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
  return LABEL_VALUE.test(value) ? value : "";
}

/** Labels the agent puts on every object it applies for a placement. */
export function placementLabels(guestSlug: string, placementId: string): Record<string, string> {
  const guest = LABEL_VALUE.test(guestSlug) && guestSlug.length <= 63 ? guestSlug : "";
  return { ...MANAGED_BY, "alliance.coop/guest": guest, [PLACEMENT_LABEL]: placementLabelValue(placementId) };
}

/**
 * The ResourceQuota's `hard` list for a reservation. Requests only: the reservation is what the scheduler counted
 * (requests), and a limits quota would reject every container without limits. Storage is capped per class and in
 * total, GPUs of all models together (Kubernetes has no quota per GPU model).
 */
export function quotaFor(reservation: ResourceAmount[]): Record<string, string> {
  const hard: Record<string, string> = {
    "count/services.loadbalancer": "0",
    "count/services.nodeports": "0",
  };
  let storage = 0;
  let gpus = 0;
  for (const { resource, amount } of reservation) {
    const value = Math.ceil(amount);
    if (resource === "cpu") hard["requests.cpu"] = `${value}m`;
    else if (resource === "memory") hard["requests.memory"] = String(value);
    else if (resource === "pods") hard.pods = String(value);
    else if (resource.startsWith("storage:")) {
      storage += value;
      const storageClass = resource.slice("storage:".length);
      if (storageClass && storageClass !== "(none)")
        hard[`${storageClass}.storageclass.storage.k8s.io/requests.storage`] = String(value);
    } else if (resource.startsWith("gpu:")) gpus += value;
  }
  // Without a storage or GPU reservation the guest gets none: a missing quota entry would mean "unlimited".
  hard["requests.storage"] = String(storage);
  hard["requests.nvidia.com/gpu"] = String(gpus);
  return hard;
}

/** The objects the agent applies (server-side apply) before any of the guest's own objects, in this order. */
export function guestNamespaceManifests(spec: GuestNamespaceSpec): KubernetesManifest[] {
  const { namespace } = spec;
  const labels = placementLabels(spec.guestSlug, spec.placementId);
  const hard = quotaFor(spec.reservation);
  return [
    {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: namespace,
        labels: {
          ...labels,
          "pod-security.kubernetes.io/enforce": "restricted",
          "pod-security.kubernetes.io/enforce-version": "latest",
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: { name: GUARD_RAIL_NAMES.quota, namespace, labels },
      spec: { hard },
    },
    {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: { name: GUARD_RAIL_NAMES.limits, namespace, labels },
      spec: {
        limits: [
          {
            type: "Container",
            // Containers without requests still count against the quota; no default limits, because a default
            // limit below a container's own request would make Kubernetes reject the pod.
            defaultRequest: { cpu: "100m", memory: "128Mi" },
          },
        ],
      },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: GUARD_RAIL_NAMES.isolation, namespace, labels },
      spec: {
        podSelector: {},
        policyTypes: ["Ingress", "Egress"],
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [
          { to: [{ podSelector: {} }] },
          {
            to: [{ namespaceSelector: {}, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
            ports: [
              { protocol: "UDP", port: 53 },
              { protocol: "TCP", port: 53 },
            ],
          },
          {
            to: [
              {
                ipBlock: {
                  cidr: "0.0.0.0/0",
                  except: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"],
                },
              },
            ],
          },
        ],
      },
    },
  ];
}
