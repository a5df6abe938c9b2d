import type { ClusterIdentity, ClusterSnapshot, ClusterSource, PodFacts } from "../cluster/cluster-source.js";
import type { KubernetesManifest } from "./guest-namespace.js";

/** Requests the guest namespace's LimitRange gives a container that states none. */
const DEFAULT_REQUESTS = { cpu: "100m", memory: "128Mi" };

type Json = Record<string, unknown>;

interface Workload {
  namespace: string;
  name: string;
  replicas: number;
  available: number;
  requests: Record<string, string>[];
  labels: Record<string, string>;
}

function workloadOf(object: KubernetesManifest): Workload | undefined {
  if (object.kind !== "Deployment" && object.kind !== "StatefulSet") return undefined;
  const metadata = (object.metadata ?? {}) as Json;
  const spec = (object.spec ?? {}) as { replicas?: number; template?: { metadata?: Json; spec?: Json } };
  const containers = (spec.template?.spec?.containers ?? []) as Array<{ resources?: { requests?: Json } }>;
  const requests = containers.map((container) => ({
    ...DEFAULT_REQUESTS,
    ...(container.resources?.requests as Record<string, string> | undefined),
  }));
  return {
    namespace: String(metadata.namespace ?? ""),
    name: String(metadata.name ?? ""),
    replicas: spec.replicas ?? 1,
    available: Number((object.status as Json | undefined)?.availableReplicas ?? 0),
    requests: requests.length > 0 ? requests : [DEFAULT_REQUESTS],
    labels: (spec.template?.metadata?.labels ?? {}) as Record<string, string>,
  };
}

/**
 * The pods guest workloads of a simulated cluster would run: one per replica, available ones bound to the cluster's
 * nodes in turn, the others waiting. So a demo cluster's reported capacity shrinks by what its guests use.
 */
export function guestPods(objects: KubernetesManifest[], nodeNames: string[]): PodFacts[] {
  const pods: PodFacts[] = [];
  for (const workload of objects.flatMap((object) => workloadOf(object) ?? [])) {
    for (let index = 0; index < workload.replicas; index += 1) {
      const bound = index < workload.available && nodeNames.length > 0;
      pods.push({
        namespace: workload.namespace,
        name: `${workload.name}-${index}`,
        nodeName: bound ? nodeNames[pods.length % nodeNames.length] : undefined,
        phase: bound ? "Running" : "Pending",
        containerRequests: workload.requests,
        initContainerRequests: [],
        overhead: {},
        nodeSelector: {},
        labels: workload.labels,
      });
    }
  }
  return pods;
}

/** A cluster source whose snapshots include the pods of the guest workloads a simulated target holds. */
export class SourceWithGuestPods implements ClusterSource {
  constructor(
    private readonly source: ClusterSource,
    private readonly guests: { list(): KubernetesManifest[] },
  ) {}

  identity(): Promise<ClusterIdentity> {
    return this.source.identity();
  }

  async snapshot(): Promise<ClusterSnapshot> {
    const snapshot = await this.source.snapshot();
    const nodeNames = snapshot.nodes.map((node) => node.name);
    return { ...snapshot, pods: [...snapshot.pods, ...guestPods(this.guests.list(), nodeNames)] };
  }
}
