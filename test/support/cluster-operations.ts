import { SimulatedClusterSource } from "../../agent/cluster/simulated-source.js";
import { computeStatusReport } from "../../agent/status/status-report.js";

/** GraphQL documents the cluster tests send, people's side. */
export const CREATE_JOIN_TOKEN = `mutation($input: CreateClusterJoinTokenInput!) {
  createClusterJoinToken(input: $input) { joinToken expiresAt clusterName installCommand installManifestUrl cliCommand }
}`;
export const CLUSTER_FIELDS = `id name clusterUid acceptance availability kubernetesVersion agentVersion
  cooperative { slug }
  conditions { type status reason message lastTransitionTime }
  taints { key value effect }
  labels { key value }
  lease { renewedAt expiresAt lostAt }
  capacity { observedAt nodes { total ready } resources { resource capacity allocatable allocated pending } gpus { resource capacity } freeNodeShapes { nodes } }
  events(first: 50) { edges { node { type source message } } }`;
export const MEMBER_CLUSTER = `query($id: ID!) { memberCluster(id: $id) { ${CLUSTER_FIELDS} } }`;
export const MEMBER_CLUSTERS = `query($filter: MemberClusterFilter) {
  memberClusters(first: 50, filter: $filter) { totalCount edges { node { id name acceptance availability } } }
}`;
export const DECIDE = (mutation: "acceptMemberCluster" | "denyMemberCluster" | "unacceptMemberCluster") =>
  `mutation($input: DecideMemberClusterInput!) { ${mutation}(input: $input) { memberCluster { id acceptance } } }`;
export const REVOKE = `mutation($input: RevokeMemberClusterInput!) { revokeMemberCluster(input: $input) { memberCluster { id revokedAt } } }`;
export const SET_LABELS = `mutation($input: SetMemberClusterLabelsInput!) {
  setMemberClusterLabels(input: $input) { memberCluster { labels { key value } } }
}`;
export const SET_MAINTENANCE = `mutation($input: SetMemberClusterMaintenanceInput!) {
  setMemberClusterMaintenance(input: $input) { memberCluster { taints { key effect value } } }
}`;

/** The agent's side (same documents as agent/hub/operations.ts, with fewer fields where a test needs fewer). */
export const REGISTER = `mutation($input: RegisterClusterInput!) {
  registerCluster(input: $input) { cluster { id name } credential { token expiresAt } leaseSeconds statusIntervalSeconds }
}`;
export const RENEW = `mutation($input: RenewLeaseInput!) { renewLease(input: $input) { leaseSeconds serverTime } }`;
export const REPORT = `mutation($input: ReportStatusInput!) { reportStatus(input: $input) { accepted } }`;
export const ROTATE = "mutation { rotateCredential { credential { token expiresAt } } }";
export const EVENTS = `mutation($input: RecordAgentEventsInput!) { recordAgentEvents(input: $input) { accepted } }`;

/** A realistic report, computed by the agent's own code from a simulated cluster. */
export async function simulatedReport(
  seed = 7,
  nodes = 12,
  now = new Date(),
): Promise<Record<string, unknown>> {
  const source = new SimulatedClusterSource({ seed, nodes, now: () => now });
  const identity = await source.identity();
  return computeStatusReport(identity.kubernetesVersion, await source.snapshot()) as unknown as Record<
    string,
    unknown
  >;
}
