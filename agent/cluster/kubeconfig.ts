import { existsSync, readFileSync } from "node:fs";
import { isIPv6 } from "node:net";
import { join } from "node:path";
import { KubeConfig } from "./kubernetes-client.js";

/** Where the pod's service account is mounted in every Kubernetes pod. */
export const SERVICE_ACCOUNT_DIRECTORY = "/var/run/secrets/kubernetes.io/serviceaccount";

/**
 * The in-cluster API endpoint and service account, passed in explicitly: `agent/agent-config.ts` (the agent's
 * config module) reads KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT, so this module and its tests never
 * read the environment themselves.
 */
export interface InClusterEndpoint {
  host?: string;
  port?: string;
  /** Holds `token`, `ca.crt` and `namespace`; {@link SERVICE_ACCOUNT_DIRECTORY} by default. */
  serviceAccountDirectory?: string;
}

/** How the agent finds the Kubernetes API. */
export interface KubeConfigOptions {
  /** Use the pod's service account. */
  inCluster?: InClusterEndpoint;
  /** Path to a kubeconfig file; without it and without `inCluster`, client-node's default lookup applies. */
  kubeconfigPath?: string;
}

/** Raised when the agent is told to run in-cluster but the pod lacks what that needs. */
export class InClusterConfigError extends Error {}

/**
 * Like client-node's `loadFromCluster`, from explicit values: the token is a token file (client-node re-reads it,
 * so the kubelet's rotation of projected tokens is followed), the CA the mounted `ca.crt`.
 */
function inClusterConfig(endpoint: InClusterEndpoint): KubeConfig {
  const { host, port } = endpoint;
  if (!host || !port)
    throw new InClusterConfigError(
      "--in-cluster needs KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT (set in every pod)",
    );
  const directory = endpoint.serviceAccountDirectory ?? SERVICE_ACCOUNT_DIRECTORY;
  const tokenFile = join(directory, "token");
  const caFile = join(directory, "ca.crt");
  for (const file of [tokenFile, caFile])
    if (!existsSync(file))
      throw new InClusterConfigError(`--in-cluster: ${file} is missing (is a service account mounted?)`);
  const namespaceFile = join(directory, "namespace");
  const namespace = existsSync(namespaceFile) ? readFileSync(namespaceFile, "utf8").trim() : undefined;
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: "in-cluster",
        server: `https://${isIPv6(host) ? `[${host}]` : host}:${port}`,
        caFile,
        skipTLSVerify: false,
      },
    ],
    users: [{ name: "service-account", authProvider: { name: "tokenFile", config: { tokenFile } } }],
    contexts: [{ name: "in-cluster", cluster: "in-cluster", user: "service-account", namespace }],
    currentContext: "in-cluster",
  });
  return kubeConfig;
}

/** Builds the KubeConfig the Kubernetes source talks through. */
export function loadKubeConfig(options: KubeConfigOptions): KubeConfig {
  if (options.inCluster) return inClusterConfig(options.inCluster);
  const kubeConfig = new KubeConfig();
  if (options.kubeconfigPath) kubeConfig.loadFromFile(options.kubeconfigPath);
  else kubeConfig.loadFromDefault();
  return kubeConfig;
}
