/**
 * The namespace a guest cooperative's work runs in on this cluster, with the guard rails the hub promised the
 * host: a ResourceQuota equal to the reservation, a LimitRange giving containers defaults inside it, and a
 * NetworkPolicy that isolates the namespace (traffic only within it, DNS, and the internet outside private ranges).
 */
import type { ResourceAmount } from "../hub/operations.js";
import { GUARD_RAIL_NAMES } from "./guards.js";
import { quotaFor } from "./reservation-quota.js";

/** What the hub says about a guest namespace: its name, whose it is, and the reserved totals. */
export interface GuestNamespaceSpec {
  /** The hub-given name (checked by `namespaceRefusal` before anything is applied). */
  namespace: string;
  guestSlug: string;
  placementId: string;
  /** Reserved totals: `cpu` millicores, `memory` and `storage:<class>` bytes, `gpu:<model>` devices, `pods`. */
  reservation: ResourceAmount[];
  /**
   * In a cluster installed with the hub's manifest the agent may write workloads only where it bound
   * {@link GUEST_ROLE} to its own service account: given, a RoleBinding doing that follows the Namespace.
   */
  agentServiceAccount?: { namespace: string; name: string };
}

export type KubernetesManifest = Record<string, unknown>;

/** Marks guest namespaces; the install manifest's admission policy keeps the agent's writes inside them. */
export const GUEST_LABEL = "alliance.coop/guest";

/** The ClusterRole the agent binds to itself in each guest namespace (granted by the install manifest). */
export const GUEST_ROLE = "alliance-agent-guest";

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
  return {
    ...MANAGED_BY,
    // The install manifest's admission policy lets the agent write only in namespaces labelled guest=true.
    [GUEST_LABEL]: "true",
    "alliance.coop/guest-cooperative": guest,
    [PLACEMENT_LABEL]: placementLabelValue(placementId),
  };
}

/** The objects the agent applies (server-side apply) before any of the guest's own objects, in this order. */
export function guestNamespaceManifests(spec: GuestNamespaceSpec): KubernetesManifest[] {
  const { namespace } = spec;
  const labels = placementLabels(spec.guestSlug, spec.placementId);
  const hard = quotaFor(spec.reservation);
  const account = spec.agentServiceAccount;
  const binding = account
    ? [
        {
          apiVersion: "rbac.authorization.k8s.io/v1",
          kind: "RoleBinding",
          metadata: { name: GUARD_RAIL_NAMES.binding, namespace, labels },
          roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: GUEST_ROLE },
          subjects: [{ kind: "ServiceAccount", name: account.name, namespace: account.namespace }],
        },
      ]
    : [];
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
    ...binding,
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
