import type { ClusterSource } from "./cluster/cluster-source.js";
import type { HubApi } from "./hub/hub-client.js";
import { type AgentState, type SourceSelection, writeAgentState } from "./runtime/state-file.js";
import { AGENT_VERSION } from "./version.js";

/** What {@link joinCluster} needs. */
export interface JoinClusterOptions {
  hub: HubApi;
  hubUrl: string;
  joinToken: string;
  source: ClusterSource;
  sourceSelection: SourceSelection;
  stateFile: string;
  now: () => Date;
}

/**
 * Registers the cluster with a join token and stores the credential the hub returns. Re-joining the same cluster
 * (same kube-system UID) keeps its identity on the hub; the stored state is replaced.
 */
export async function joinCluster(options: JoinClusterOptions): Promise<AgentState> {
  const identity = await options.source.identity();
  const result = await options.hub.registerCluster({
    joinToken: options.joinToken,
    clusterUid: identity.clusterUid,
    kubernetesVersion: identity.kubernetesVersion,
    agentVersion: AGENT_VERSION,
  });
  const state: AgentState = {
    hubUrl: options.hubUrl,
    clusterId: result.cluster.id,
    clusterName: result.cluster.name,
    clusterUid: identity.clusterUid,
    credential: { ...result.credential, issuedAt: options.now().toISOString() },
    leaseSeconds: result.leaseSeconds,
    statusIntervalSeconds: result.statusIntervalSeconds,
    source: options.sourceSelection,
  };
  writeAgentState(options.stateFile, state);
  return state;
}
