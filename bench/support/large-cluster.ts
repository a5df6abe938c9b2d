/**
 * A large cluster as the Kubernetes API would list it, for the agent's footprint benchmark: `nodes` nodes of a
 * few shapes (one in ten with GPUs, one in fifty cordoned, one in a hundred NotReady) and `podsPerNode` running
 * pods on each, with container and init-container requests, plus some pending pods. Deterministic: the same
 * arguments give the same objects.
 */
export interface LargeCluster {
  nodes: object[];
  pods: object[];
}

const SHAPES = [
  { cpu: "16", memory: "64Gi", allocatableCpu: "15800m", allocatableMemory: "63Gi" },
  { cpu: "32", memory: "128Gi", allocatableCpu: "31500m", allocatableMemory: "126Gi" },
  { cpu: "8", memory: "32Gi", allocatableCpu: "7800m", allocatableMemory: "31Gi" },
];

const REQUESTS = [
  { cpu: "100m", memory: "128Mi" },
  { cpu: "250m", memory: "512Mi" },
  { cpu: "500m", memory: "1Gi" },
  { cpu: "1", memory: "2Gi" },
];

function condition(type: string, status: string) {
  return {
    type,
    status,
    reason: `${type}${status}`,
    message: `${type} is ${status}`,
    lastHeartbeatTime: "2026-11-25T08:59:50Z",
    lastTransitionTime: "2026-11-20T10:00:00Z",
  };
}

function node(index: number): object {
  const name = `node-${String(index).padStart(4, "0")}`;
  const shape = SHAPES[index % SHAPES.length];
  const gpu = index % 10 === 0 ? { "nvidia.com/gpu": "4" } : {};
  const ready = index % 100 === 99 ? "False" : "True";
  return {
    kind: "Node",
    apiVersion: "v1",
    metadata: {
      name,
      uid: `node-uid-${index}`,
      resourceVersion: String(100_000 + index),
      creationTimestamp: "2026-11-01T10:00:00Z",
      labels: {
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        "topology.kubernetes.io/zone": `zone-${index % 3}`,
        ...(index % 10 === 0 ? { "nvidia.com/gpu.product": "NVIDIA-L40S" } : {}),
      },
    },
    spec: {
      podCIDR: `10.${(index >> 8) & 255}.${index & 255}.0/24`,
      ...(index % 50 === 7 ? { unschedulable: true } : {}),
    },
    status: {
      capacity: { cpu: shape.cpu, memory: shape.memory, "ephemeral-storage": "200Gi", pods: "110", ...gpu },
      allocatable: {
        cpu: shape.allocatableCpu,
        memory: shape.allocatableMemory,
        "ephemeral-storage": "180Gi",
        pods: "110",
        ...gpu,
      },
      conditions: [
        condition("MemoryPressure", "False"),
        condition("DiskPressure", "False"),
        condition("PIDPressure", "False"),
        condition("Ready", ready),
      ],
      nodeInfo: { kubeletVersion: "v1.34.2", osImage: "Ubuntu 24.04.3 LTS", architecture: "amd64" },
    },
  };
}

function pod(index: number, nodeName: string | undefined): object {
  const requests = REQUESTS[index % REQUESTS.length];
  const name = `app-${index}`;
  return {
    kind: "Pod",
    apiVersion: "v1",
    metadata: {
      name,
      namespace: `team-${index % 40}`,
      uid: `pod-uid-${index}`,
      creationTimestamp: "2026-11-25T08:00:00Z",
      labels: { "app.kubernetes.io/name": `app-${index % 300}` },
    },
    spec: {
      ...(nodeName ? { nodeName } : {}),
      containers: [
        { name: "app", image: "registry.example.org/app:1.0", resources: { requests, limits: requests } },
        {
          name: "sidecar",
          image: "registry.example.org/proxy:2.1",
          resources: { requests: { cpu: "10m", memory: "32Mi" } },
        },
      ],
      ...(index % 5 === 0
        ? {
            initContainers: [
              { name: "migrate", image: "registry.example.org/app:1.0", resources: { requests } },
            ],
          }
        : {}),
    },
    status: { phase: nodeName ? "Running" : "Pending", ...(nodeName ? { hostIP: "10.0.0.11" } : {}) },
  };
}

/** Builds the cluster; `pendingPods` pods are unscheduled. */
export function buildLargeCluster(options: {
  nodes: number;
  podsPerNode: number;
  pendingPods: number;
}): LargeCluster {
  const nodes = Array.from({ length: options.nodes }, (_, index) => node(index));
  const pods: object[] = [];
  for (let index = 0; index < options.nodes * options.podsPerNode; index++)
    pods.push(pod(index, `node-${String(index % options.nodes).padStart(4, "0")}`));
  for (let index = 0; index < options.pendingPods; index++) pods.push(pod(pods.length, undefined));
  return { nodes, pods };
}
