import type { ClusterSnapshot, NodeFacts } from "../cluster/cluster-source.js";
import { type FreeShape, type FreeShapeBucket, freeShapeHistogram } from "./free-shape-histogram.js";
import { addAmounts, effectivePodRequests, type ResourceAmounts } from "./pod-requests.js";
import { parseResource } from "./quantity.js";

/** Resources reported for every cluster. Units: cpu in millicores, memory and storage in bytes, pods as count. */
export const CORE_RESOURCES = ["cpu", "memory", "ephemeral-storage", "pods"] as const;
/** One of {@link CORE_RESOURCES}. */
export type CoreResource = (typeof CORE_RESOURCES)[number];

/** Extended resource name NVIDIA's device plugin registers. */
export const GPU_RESOURCE = "nvidia.com/gpu";
/** Node label set by NVIDIA GPU feature discovery with the card model. */
export const GPU_MODEL_LABEL = "nvidia.com/gpu.product";
/** Model name for GPU nodes without the product label. */
export const UNKNOWN_GPU_MODEL = "unknown";
/** Model name for pending GPU requests that do not select a model. */
export const ANY_GPU_MODEL = "any";
/** Storage class name for claims that name none. */
export const NO_STORAGE_CLASS = "(none)";

/**
 * Figures of one resource. `allocated` sums the requests of pods bound to a node and not terminated;
 * `pending` sums the requests of pods still waiting for a node. Capacity and allocatable cover every node,
 * ready or not: the node counts and the free-shape histogram say how much of it is usable now.
 */
export interface ResourceFigures {
  capacity: number;
  allocatable: number;
  allocated: number;
  pending: number;
}

/** Node health counts. `schedulable` means Ready and not cordoned. */
export interface NodeCounts {
  total: number;
  ready: number;
  schedulable: number;
  unschedulable: number;
  memoryPressure: number;
  diskPressure: number;
  pidPressure: number;
}

/** Bytes requested by claims of one storage class: Bound claims are allocated, Pending claims pending. */
export interface StorageClassFigures {
  allocated: number;
  pending: number;
}

/** The status report the agent sends to the hub (`ReportStatusInput.report`). Plain JSON. */
export interface StatusReport {
  kubernetesVersion: string;
  nodes: NodeCounts;
  resources: Record<CoreResource, ResourceFigures>;
  /** Per GPU model (node label {@link GPU_MODEL_LABEL}). */
  gpus: Record<string, ResourceFigures>;
  /** Per storage class; absent when claims could not be listed. */
  storageClasses?: Record<string, StorageClassFigures>;
  /** Free (allocatable minus allocated) cpu and memory of schedulable nodes, bucketed. */
  freeNodeShapes: FreeShapeBucket[];
}

function emptyFigures(): ResourceFigures {
  return { capacity: 0, allocatable: 0, allocated: 0, pending: 0 };
}

function figuresFor(figures: Record<string, ResourceFigures>, key: string): ResourceFigures {
  const existing = figures[key];
  if (existing) return existing;
  figures[key] = emptyFigures();
  return figures[key];
}

function isReady(node: NodeFacts): boolean {
  return node.conditions.Ready === "True";
}

function countNodes(nodes: NodeFacts[]): NodeCounts {
  const counts = (predicate: (node: NodeFacts) => boolean) => nodes.filter(predicate).length;
  return {
    total: nodes.length,
    ready: counts(isReady),
    schedulable: counts((node) => isReady(node) && !node.unschedulable),
    unschedulable: counts((node) => node.unschedulable),
    memoryPressure: counts((node) => node.conditions.MemoryPressure === "True"),
    diskPressure: counts((node) => node.conditions.DiskPressure === "True"),
    pidPressure: counts((node) => node.conditions.PIDPressure === "True"),
  };
}

function gpuModel(node: NodeFacts): string {
  return node.labels[GPU_MODEL_LABEL] ?? UNKNOWN_GPU_MODEL;
}

function storageFigures(snapshot: ClusterSnapshot): Record<string, StorageClassFigures> | undefined {
  if (!snapshot.volumeClaims) return undefined;
  const figures: Record<string, StorageClassFigures> = {};
  for (const name of snapshot.storageClasses ?? []) figures[name] = { allocated: 0, pending: 0 };
  for (const claim of snapshot.volumeClaims) {
    const name = claim.storageClassName || NO_STORAGE_CLASS;
    figures[name] ??= { allocated: 0, pending: 0 };
    const bytes = parseResource("storage", claim.request);
    if (claim.phase === "Bound") figures[name].allocated += bytes;
    if (claim.phase === "Pending") figures[name].pending += bytes;
  }
  return figures;
}

/** Computes the status report from one snapshot of the cluster. Pure: same snapshot, same report. */
export function computeStatusReport(kubernetesVersion: string, snapshot: ClusterSnapshot): StatusReport {
  const resources = Object.fromEntries(CORE_RESOURCES.map((name) => [name, emptyFigures()])) as Record<
    CoreResource,
    ResourceFigures
  >;
  const gpus: Record<string, ResourceFigures> = {};
  const allocatedByNode = new Map<string, ResourceAmounts>();

  for (const node of snapshot.nodes) {
    for (const name of CORE_RESOURCES) {
      resources[name].capacity += parseResource(name, node.capacity[name]);
      resources[name].allocatable += parseResource(name, node.allocatable[name]);
    }
    const gpuCapacity = parseResource(GPU_RESOURCE, node.capacity[GPU_RESOURCE]);
    if (gpuCapacity > 0) {
      const model = figuresFor(gpus, gpuModel(node));
      model.capacity += gpuCapacity;
      model.allocatable += parseResource(GPU_RESOURCE, node.allocatable[GPU_RESOURCE]);
    }
    allocatedByNode.set(node.name, {});
  }

  const nodesByName = new Map(snapshot.nodes.map((node) => [node.name, node]));
  for (const pod of snapshot.pods) {
    const requests = effectivePodRequests(pod);
    const bound = pod.nodeName !== undefined;
    if (!bound && pod.phase !== "Pending") continue;
    const figure = bound ? "allocated" : "pending";
    for (const name of CORE_RESOURCES) resources[name][figure] += requests[name] ?? 0;
    const gpuRequest = requests[GPU_RESOURCE] ?? 0;
    if (gpuRequest > 0) {
      const node = bound ? nodesByName.get(pod.nodeName ?? "") : undefined;
      const model = node ? gpuModel(node) : (pod.nodeSelector[GPU_MODEL_LABEL] ?? ANY_GPU_MODEL);
      figuresFor(gpus, model)[figure] += gpuRequest;
    }
    const nodeTotal = bound ? allocatedByNode.get(pod.nodeName ?? "") : undefined;
    if (nodeTotal) addAmounts(nodeTotal, requests);
  }

  const freeShapes: FreeShape[] = snapshot.nodes
    .filter((node) => isReady(node) && !node.unschedulable)
    .map((node) => {
      const allocated = allocatedByNode.get(node.name) ?? {};
      return {
        cpuMillicores: parseResource("cpu", node.allocatable.cpu) - (allocated.cpu ?? 0),
        memoryBytes: parseResource("memory", node.allocatable.memory) - (allocated.memory ?? 0),
      };
    });

  const report: StatusReport = {
    kubernetesVersion,
    nodes: countNodes(snapshot.nodes),
    resources,
    gpus,
    freeNodeShapes: freeShapeHistogram(freeShapes),
  };
  const storageClasses = storageFigures(snapshot);
  if (storageClasses) report.storageClasses = storageClasses;
  return report;
}
