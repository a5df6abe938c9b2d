import type { SourceSelection } from "../runtime/state-file.js";
import type { ClusterSource } from "./cluster-source.js";
import type { InClusterEndpoint } from "./kubeconfig.js";
import { SimulatedClusterSource } from "./simulated-source.js";

/**
 * Builds the cluster source a selection names. The Kubernetes client is imported only when needed, so `--simulated`
 * runs (demo, benchmarks) never load it.
 */
export async function createClusterSource(
  selection: SourceSelection,
  now: () => Date,
  /** The pod's API endpoint and service account, from `agent/agent-config.ts`, for `in-cluster`. */
  inCluster: InClusterEndpoint = {},
): Promise<ClusterSource> {
  if (selection.kind === "simulated") {
    return new SimulatedClusterSource({ seed: selection.seed, nodes: selection.nodes, now });
  }
  const { loadKubeConfig } = await import("./kubeconfig.js");
  const { KubernetesClusterSource } = await import("./kubernetes-source.js");
  const kubeConfig = loadKubeConfig(
    selection.kind === "in-cluster" ? { inCluster } : { kubeconfigPath: selection.path },
  );
  return new KubernetesClusterSource({ kubeConfig });
}
