import type { InClusterEndpoint } from "../cluster/kubeconfig.js";
import type { SourceSelection } from "../runtime/state-file.js";
import { SimulatedWorkTarget } from "./simulated-target.js";
import type { WorkTarget } from "./work-target.js";

/**
 * The work target matching the cluster source: a simulated cluster gets the in-memory target, a real one the
 * Kubernetes API through the same kubeconfig (client-node loaded only then).
 */
export async function createWorkTarget(
  selection: SourceSelection,
  now: () => Date,
  inCluster: InClusterEndpoint = {},
): Promise<WorkTarget> {
  if (selection.kind === "simulated") return new SimulatedWorkTarget({ now });
  const { loadKubeConfig } = await import("../cluster/kubeconfig.js");
  const { KubernetesWorkTarget } = await import("./kubernetes-target.js");
  return new KubernetesWorkTarget(
    loadKubeConfig(selection.kind === "in-cluster" ? { inCluster } : { kubeconfigPath: selection.path }),
  );
}
