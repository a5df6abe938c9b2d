import type { InClusterEndpoint } from "../cluster/kubeconfig.js";
import type { SourceSelection } from "../runtime/state-file.js";
import { SimulatedWorkTarget } from "./simulated-target.js";
import type { WorkTarget } from "./work-target.js";

/** Name of the agent's service account (and default namespace) in the install manifest. */
export const AGENT_SERVICE_ACCOUNT = "alliance-agent";

/** A work target, the simulated one again when it is (its objects feed the simulated capacity), and who we are. */
export interface CreatedWorkTarget {
  target: WorkTarget;
  simulated?: SimulatedWorkTarget;
  agentServiceAccount?: { namespace: string; name: string };
}

/**
 * The work target matching the cluster source: a simulated cluster gets the in-memory target, a real one the
 * Kubernetes API through the same kubeconfig (client-node loaded only then).
 */
export async function createWorkTarget(
  selection: SourceSelection,
  now: () => Date,
  inCluster: InClusterEndpoint = {},
): Promise<CreatedWorkTarget> {
  if (selection.kind === "simulated") {
    const target = new SimulatedWorkTarget({ now });
    return { target, simulated: target };
  }
  const { loadKubeConfig } = await import("../cluster/kubeconfig.js");
  const { KubernetesWorkTarget } = await import("./kubernetes-target.js");
  const kubeConfig = loadKubeConfig(
    selection.kind === "in-cluster" ? { inCluster } : { kubeconfigPath: selection.path },
  );
  if (selection.kind !== "in-cluster") return { target: new KubernetesWorkTarget(kubeConfig) };
  // In the pod the install manifest creates, the agent runs as this service account, in the pod's namespace.
  const namespace =
    kubeConfig.getContextObject(kubeConfig.getCurrentContext())?.namespace ?? AGENT_SERVICE_ACCOUNT;
  return {
    target: new KubernetesWorkTarget(kubeConfig),
    agentServiceAccount: { namespace, name: AGENT_SERVICE_ACCOUNT },
  };
}
