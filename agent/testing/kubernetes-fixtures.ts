/**
 * Realistic Kubernetes API objects (as JSON on the wire) for the fake API server: a small cluster with two
 * workers (one cordoned), a NotReady node under memory pressure and a GPU node, plus pods in every phase.
 */

/** UID of the fixture cluster's kube-system namespace. */
export const FIXTURE_CLUSTER_UID = "3f9a2c1e-7b4d-4e8a-9c2f-5d6e7f8a9b0c";
/** gitVersion the fake `/version` returns. */
export const FIXTURE_KUBERNETES_VERSION = "v1.34.2";

type Status = "True" | "False" | "Unknown";

function node(
  name: string,
  resources: Record<string, string>,
  allocatable: Record<string, string>,
  health: {
    ready: Status;
    memoryPressure?: Status;
    unschedulable?: boolean;
    labels?: Record<string, string>;
  },
): object {
  const condition = (type: string, status: Status, reason: string) => ({
    type,
    status,
    reason,
    message: `${type} is ${status}`,
    lastHeartbeatTime: "2026-11-25T08:59:50Z",
    lastTransitionTime: "2026-11-20T10:00:00Z",
  });
  return {
    kind: "Node",
    apiVersion: "v1",
    metadata: {
      name,
      uid: `node-uid-${name}`,
      resourceVersion: "123456",
      creationTimestamp: "2026-11-01T10:00:00Z",
      labels: {
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        ...health.labels,
      },
    },
    spec: { podCIDR: "10.244.1.0/24", ...(health.unschedulable ? { unschedulable: true } : {}) },
    status: {
      capacity: resources,
      allocatable,
      conditions: [
        condition("MemoryPressure", health.memoryPressure ?? "False", "KubeletHasSufficientMemory"),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure"),
        condition("PIDPressure", "False", "KubeletHasSufficientPID"),
        condition("Ready", health.ready, health.ready === "True" ? "KubeletReady" : "KubeletNotReady"),
      ],
      nodeInfo: {
        kubeletVersion: FIXTURE_KUBERNETES_VERSION,
        osImage: "Ubuntu 24.04.3 LTS",
        architecture: "amd64",
      },
    },
  };
}

const WORKER_CAPACITY = { cpu: "8", memory: "32863252Ki", "ephemeral-storage": "101203948Ki", pods: "110" };
const WORKER_ALLOCATABLE = {
  cpu: "7800m",
  memory: "32236564Ki",
  "ephemeral-storage": "93270933609",
  pods: "110",
};

/** Nodes: worker-1 ready, worker-2 cordoned, worker-3 NotReady under memory pressure, gpu-1 with 4 A100s. */
export const FIXTURE_NODES: object[] = [
  node("worker-1", WORKER_CAPACITY, WORKER_ALLOCATABLE, { ready: "True" }),
  node("worker-2", WORKER_CAPACITY, WORKER_ALLOCATABLE, { ready: "True", unschedulable: true }),
  node("worker-3", WORKER_CAPACITY, WORKER_ALLOCATABLE, { ready: "False", memoryPressure: "True" }),
  node(
    "gpu-1",
    { cpu: "32", memory: "264Gi", "ephemeral-storage": "500Gi", pods: "110", "nvidia.com/gpu": "4" },
    { cpu: "31500m", memory: "260Gi", "ephemeral-storage": "450Gi", pods: "110", "nvidia.com/gpu": "4" },
    {
      ready: "True",
      labels: { "nvidia.com/gpu.product": "NVIDIA-A100-SXM4-80GB", "nvidia.com/gpu.count": "4" },
    },
  ),
];

function pod(
  namespace: string,
  name: string,
  phase: string,
  nodeName: string | undefined,
  containers: Record<string, string>[],
  extra: {
    initContainers?: Record<string, string>[];
    nodeSelector?: Record<string, string>;
    labels?: Record<string, string>;
  } = {},
): object {
  const container = (requests: Record<string, string>, index: number) => ({
    name: `c${index}`,
    image: "registry.example.org/app:1.0",
    resources: { requests, limits: requests },
  });
  return {
    kind: "Pod",
    apiVersion: "v1",
    metadata: {
      name,
      namespace,
      uid: `pod-uid-${name}`,
      creationTimestamp: "2026-11-25T08:00:00Z",
      ...(extra.labels ? { labels: extra.labels } : {}),
    },
    spec: {
      ...(nodeName ? { nodeName } : {}),
      containers: containers.map(container),
      ...(extra.initContainers ? { initContainers: extra.initContainers.map(container) } : {}),
      ...(extra.nodeSelector ? { nodeSelector: extra.nodeSelector } : {}),
    },
    status: { phase, ...(nodeName ? { hostIP: "10.0.0.11" } : {}) },
  };
}

/** The two labels the agent reads blueprints from. */
export function blueprintLabels(name: string, version: string): Record<string, string> {
  return { "blueprint.alliance-hub/name": name, "blueprint.alliance-hub/version": version };
}

/** Pods in every phase; the Succeeded and Failed ones must not count (the server filters them by fieldSelector). */
export const FIXTURE_PODS: object[] = [
  pod("kube-system", "coredns-1", "Running", "worker-1", [{ cpu: "100m", memory: "70Mi" }]),
  pod("kube-system", "coredns-2", "Running", "worker-2", [{ cpu: "100m", memory: "70Mi" }]),
  pod(
    "odoo",
    "odoo-web-0",
    "Running",
    "worker-1",
    [
      { cpu: "1", memory: "2Gi" },
      { cpu: "250m", memory: "256Mi" },
    ],
    {
      initContainers: [{ cpu: "2", memory: "512Mi" }],
      labels: { app: "odoo", ...blueprintLabels("odoo-instance", "1.0.0") },
    },
  ),
  pod(
    "odoo",
    "postgres-0",
    "Running",
    "worker-1",
    [{ cpu: "2", memory: "8Gi", "ephemeral-storage": "1Gi" }],
    {
      labels: blueprintLabels("odoo-instance", "1.0.0"),
    },
  ),
  pod("ml", "trainer-0", "Running", "gpu-1", [{ cpu: "8", memory: "64Gi", "nvidia.com/gpu": "2" }]),
  pod("ml", "trainer-1", "Pending", undefined, [{ cpu: "8", memory: "64Gi", "nvidia.com/gpu": "4" }], {
    nodeSelector: { "nvidia.com/gpu.product": "NVIDIA-A100-SXM4-80GB" },
  }),
  pod("web", "big-batch", "Pending", undefined, [{ cpu: "16", memory: "32Gi" }]),
  pod("web", "backup-28871234", "Succeeded", "worker-1", [{ cpu: "4", memory: "4Gi" }], {
    // Terminated: its labels must not count (the server filters the pod out).
    labels: blueprintLabels("old-backup", "0.1.0"),
  }),
  pod("web", "crashed-job", "Failed", "worker-2", [{ cpu: "4", memory: "4Gi" }]),
];

/** Claims: one bound, one pending on OpenEBS hostpath. */
export const FIXTURE_CLAIMS: object[] = [
  {
    kind: "PersistentVolumeClaim",
    metadata: { name: "data-postgres-0", namespace: "odoo" },
    spec: { storageClassName: "openebs-hostpath", resources: { requests: { storage: "20Gi" } } },
    status: { phase: "Bound" },
  },
  {
    kind: "PersistentVolumeClaim",
    metadata: { name: "scratch", namespace: "ml" },
    spec: { storageClassName: "openebs-hostpath", resources: { requests: { storage: "100Gi" } } },
    status: { phase: "Pending" },
  },
];

/** Storage classes of the fixture cluster. */
export const FIXTURE_STORAGE_CLASSES: object[] = [
  { kind: "StorageClass", metadata: { name: "openebs-hostpath" }, provisioner: "openebs.io/local" },
];

function namespace(name: string, labels: Record<string, string> = {}): object {
  return {
    kind: "Namespace",
    apiVersion: "v1",
    metadata: {
      name,
      uid: `namespace-uid-${name}`,
      labels: { "kubernetes.io/metadata.name": name, ...labels },
    },
    status: { phase: "Active" },
  };
}

/**
 * Namespaces: two labelled as blueprints install them (one with a version the hub would refuse), one with only
 * the name label, and plain ones.
 */
export const FIXTURE_NAMESPACES: object[] = [
  namespace("kube-system"),
  namespace("metallb-system", blueprintLabels("metallb-l2", "1.1.0")),
  namespace("openebs", blueprintLabels("openebs-localpv", "1.0.0")),
  namespace("ingress", blueprintLabels("edge-tls-gateway", "latest")),
  namespace("cert-manager", { "blueprint.alliance-hub/name": "edge-tls-gateway" }),
  namespace("odoo", blueprintLabels("odoo-instance", "1.0.0")),
  namespace("ml"),
  namespace("web"),
];
