/**
 * The namespace a guest cooperative's work runs in on this cluster, with the guard rails the hub promised the
 * host: a ResourceQuota equal to the reservation, a LimitRange giving containers defaults inside it, and a
 * NetworkPolicy that isolates the namespace (traffic only within it, DNS, and the internet outside private ranges).
 */
export interface GuestReservation {
  /** Guest cooperative slug; becomes part of the namespace name. */
  guestSlug: string;
  placementId: string;
  /** Reserved totals: cpu in millicores, memory and storage in bytes, pods. */
  cpuMillicores: number;
  memoryBytes: number;
  storageBytes: number;
  pods: number;
  gpus?: number;
}

export type KubernetesManifest = Record<string, unknown>;

const MANAGED_BY = { "app.kubernetes.io/managed-by": "alliance-agent" };

/** `alliance-guest-<slug>-<first 8 of the placement id>`, at most 63 characters. */
export function guestNamespaceName(reservation: GuestReservation): string {
  const suffix = reservation.placementId
    .replace(/[^a-z0-9]/gi, "")
    .slice(0, 8)
    .toLowerCase();
  const base = `alliance-guest-${reservation.guestSlug}`.slice(0, 54).replace(/-+$/, "");
  return `${base}-${suffix}`;
}

/** The objects the agent applies (server-side apply) before any of the guest's own objects. */
export function guestNamespaceManifests(reservation: GuestReservation): KubernetesManifest[] {
  const namespace = guestNamespaceName(reservation);
  const labels = {
    ...MANAGED_BY,
    "alliance.coop/guest": reservation.guestSlug,
    "alliance.coop/placement": reservation.placementId,
  };
  const hard: Record<string, string> = {
    "requests.cpu": `${reservation.cpuMillicores}m`,
    "limits.cpu": `${reservation.cpuMillicores}m`,
    "requests.memory": String(reservation.memoryBytes),
    "limits.memory": String(reservation.memoryBytes),
    "requests.storage": String(reservation.storageBytes),
    pods: String(reservation.pods),
    "count/services.loadbalancer": "0",
    "count/services.nodeports": "0",
  };
  if (reservation.gpus) hard["requests.nvidia.com/gpu"] = String(reservation.gpus);
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
      metadata: { name: "alliance-reservation", namespace, labels },
      spec: { hard },
    },
    {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: { name: "alliance-defaults", namespace, labels },
      spec: {
        limits: [
          {
            type: "Container",
            defaultRequest: { cpu: "100m", memory: "128Mi" },
            default: { cpu: "500m", memory: "512Mi" },
          },
        ],
      },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "alliance-isolation", namespace, labels },
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
