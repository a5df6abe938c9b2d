import {
  CoreV1Api,
  type KubeConfig,
  StorageV1Api,
  type V1Container,
  type V1Node,
  type V1PersistentVolumeClaim,
  type V1Pod,
  VersionApi,
} from "./kubernetes-client.js";
import type {
  ClusterIdentity,
  ClusterSnapshot,
  ClusterSource,
  ConditionStatus,
  NamespaceFacts,
  NodeFacts,
  PodFacts,
  PodPhase,
  VolumeClaimFacts,
} from "./cluster-source.js";

/** Options of {@link KubernetesClusterSource}. */
export interface KubernetesSourceOptions {
  kubeConfig: KubeConfig;
  /** Items per list page; 500 keeps each response of a 500-node cluster's pod list small. */
  pageSize?: number;
  /** Also list PVCs and storage classes; skipped silently when RBAC forbids it. */
  includeStorage?: boolean;
}

/** Terminated pods hold no resources: filtering them on the server keeps pod lists short on busy clusters. */
export const NON_TERMINATED_PODS = "status.phase!=Succeeded,status.phase!=Failed";
const DEFAULT_PAGE_SIZE = 500;

interface ListPage<T> {
  items: T[];
  metadata?: { _continue?: string };
}

/** Follows `continue` tokens until the list is complete. */
export async function listAllPages<T>(
  fetchPage: (continueToken?: string) => Promise<ListPage<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let continueToken: string | undefined;
  do {
    const page = await fetchPage(continueToken);
    items.push(...page.items);
    continueToken = page.metadata?._continue || undefined;
  } while (continueToken);
  return items;
}

function conditionStatus(status: string): ConditionStatus {
  return status === "True" || status === "False" ? status : "Unknown";
}

/** Reduces a Node object to the facts capacity reporting uses. */
export function nodeFacts(node: V1Node): NodeFacts {
  const conditions: Record<string, ConditionStatus> = {};
  for (const condition of node.status?.conditions ?? [])
    conditions[condition.type] = conditionStatus(condition.status);
  return {
    name: node.metadata?.name ?? "",
    capacity: { ...node.status?.capacity },
    allocatable: { ...node.status?.allocatable },
    conditions,
    unschedulable: node.spec?.unschedulable === true,
    labels: { ...node.metadata?.labels },
  };
}

function requestsOf(containers: V1Container[] | undefined): Record<string, string>[] {
  return (containers ?? []).map((container) => ({ ...container.resources?.requests }));
}

/** Reduces a Pod object to its scheduling requests. */
export function podFacts(pod: V1Pod): PodFacts {
  const phase = pod.status?.phase;
  const knownPhase: PodPhase = phase === "Running" || phase === "Pending" ? phase : "Unknown";
  return {
    namespace: pod.metadata?.namespace ?? "",
    name: pod.metadata?.name ?? "",
    nodeName: pod.spec?.nodeName || undefined,
    phase: knownPhase,
    containerRequests: requestsOf(pod.spec?.containers),
    initContainerRequests: requestsOf(pod.spec?.initContainers),
    overhead: { ...pod.spec?.overhead },
    nodeSelector: { ...pod.spec?.nodeSelector },
    labels: { ...pod.metadata?.labels },
  };
}

function claimFacts(claim: V1PersistentVolumeClaim): VolumeClaimFacts {
  const phase = claim.status?.phase;
  return {
    namespace: claim.metadata?.namespace ?? "",
    name: claim.metadata?.name ?? "",
    storageClassName: claim.spec?.storageClassName ?? "",
    request: claim.spec?.resources?.requests?.storage ?? "0",
    phase: phase === "Bound" || phase === "Lost" ? phase : "Pending",
  };
}

/** Reads identity, nodes, pods, namespaces and (optionally) storage from a live Kubernetes API through client-node. */
export class KubernetesClusterSource implements ClusterSource {
  private readonly core: CoreV1Api;
  private readonly storage: StorageV1Api;
  private readonly version: VersionApi;
  private readonly pageSize: number;

  constructor(private readonly options: KubernetesSourceOptions) {
    this.core = options.kubeConfig.makeApiClient(CoreV1Api);
    this.storage = options.kubeConfig.makeApiClient(StorageV1Api);
    this.version = options.kubeConfig.makeApiClient(VersionApi);
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  }

  async identity(): Promise<ClusterIdentity> {
    const [namespace, version] = await Promise.all([
      this.core.readNamespace({ name: "kube-system" }),
      this.version.getCode(),
    ]);
    const clusterUid = namespace.metadata?.uid;
    if (!clusterUid) throw new Error("kube-system namespace has no UID");
    return { clusterUid, kubernetesVersion: version.gitVersion };
  }

  async snapshot(): Promise<ClusterSnapshot> {
    const limit = this.pageSize;
    const [nodes, pods, storage, namespaces] = await Promise.all([
      listAllPages((_continue) => this.core.listNode({ limit, _continue })),
      listAllPages((_continue) =>
        this.core.listPodForAllNamespaces({ limit, _continue, fieldSelector: NON_TERMINATED_PODS }),
      ),
      this.options.includeStorage === false ? undefined : this.readStorage(limit),
      this.readNamespaces(limit),
    ]);
    return {
      nodes: nodes.map(nodeFacts),
      pods: pods.map(podFacts),
      ...storage,
      ...(namespaces ? { namespaces } : {}),
    };
  }

  /** Namespaces carry blueprint labels too; an agent that may not list them still reports the pods' labels. */
  private async readNamespaces(limit: number): Promise<NamespaceFacts[] | undefined> {
    try {
      const namespaces = await listAllPages((_continue) => this.core.listNamespace({ limit, _continue }));
      return namespaces.map((namespace) => ({
        name: namespace.metadata?.name ?? "",
        labels: { ...namespace.metadata?.labels },
      }));
    } catch {
      return undefined;
    }
  }

  /** Storage is a bonus: an agent without RBAC for PVCs still reports everything else. */
  private async readStorage(
    limit: number,
  ): Promise<Pick<ClusterSnapshot, "volumeClaims" | "storageClasses">> {
    try {
      const [claims, classes] = await Promise.all([
        listAllPages((_continue) =>
          this.core.listPersistentVolumeClaimForAllNamespaces({ limit, _continue }),
        ),
        listAllPages((_continue) => this.storage.listStorageClass({ limit, _continue })),
      ]);
      return {
        volumeClaims: claims.map(claimFacts),
        storageClasses: classes.map((storageClass) => storageClass.metadata?.name ?? ""),
      };
    } catch {
      return {};
    }
  }
}
