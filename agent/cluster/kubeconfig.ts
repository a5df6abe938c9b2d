import { KubeConfig } from "./kubernetes-client.js";

/** How the agent finds the Kubernetes API. */
export interface KubeConfigOptions {
  /** Use the pod's service account (`KUBERNETES_SERVICE_HOST` and the mounted token). */
  inCluster?: boolean;
  /** Path to a kubeconfig file; without it and without `inCluster`, client-node's default lookup applies. */
  kubeconfigPath?: string;
}

/** Builds the KubeConfig the Kubernetes source talks through. */
export function loadKubeConfig(options: KubeConfigOptions): KubeConfig {
  const kubeConfig = new KubeConfig();
  if (options.inCluster) kubeConfig.loadFromCluster();
  else if (options.kubeconfigPath) kubeConfig.loadFromFile(options.kubeconfigPath);
  else kubeConfig.loadFromDefault();
  return kubeConfig;
}
