import type { NodeFacts, PodFacts, VolumeClaimFacts } from "../cluster/cluster-source.js";

/** A ready, schedulable 4-core / 16 GiB node; override what the test is about. */
export function buildNode(name: string, overrides: Partial<NodeFacts> = {}): NodeFacts {
  return {
    name,
    capacity: { cpu: "4", memory: "16Gi", "ephemeral-storage": "100Gi", pods: "110" },
    allocatable: { cpu: "3800m", memory: "15Gi", "ephemeral-storage": "90Gi", pods: "110" },
    conditions: { Ready: "True", MemoryPressure: "False", DiskPressure: "False", PIDPressure: "False" },
    unschedulable: false,
    labels: { "kubernetes.io/hostname": name },
    ...overrides,
  };
}

/** A running pod with one container requesting `requests`, bound to `nodeName` (unbound when undefined). */
export function buildPod(
  name: string,
  nodeName: string | undefined,
  requests: Record<string, string>,
  overrides: Partial<PodFacts> = {},
): PodFacts {
  return {
    namespace: "default",
    name,
    nodeName,
    phase: nodeName === undefined ? "Pending" : "Running",
    containerRequests: [requests],
    initContainerRequests: [],
    overhead: {},
    nodeSelector: {},
    ...overrides,
  };
}

/** A persistent volume claim of `storageClassName` requesting `request`. */
export function buildClaim(
  name: string,
  storageClassName: string,
  request: string,
  phase: VolumeClaimFacts["phase"] = "Bound",
): VolumeClaimFacts {
  return { namespace: "default", name, storageClassName, request, phase };
}
