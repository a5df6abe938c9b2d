/**
 * GraphQL documents of the hub mutations the agent calls, with their variable and result types. The hub
 * implements exactly these shapes; change them together with the hub schema.
 */

/** Trades a single-use join token for the cluster's own credential. */
export const REGISTER_CLUSTER = /* GraphQL */ `
  mutation RegisterCluster($input: RegisterClusterInput!) {
    registerCluster(input: $input) {
      cluster { id name }
      credential { token expiresAt }
      leaseSeconds
      statusIntervalSeconds
    }
  }
`;

/** Heartbeat: keeps the cluster Available. */
export const RENEW_LEASE = /* GraphQL */ `
  mutation RenewLease($input: RenewLeaseInput!) {
    renewLease(input: $input) { leaseSeconds serverTime }
  }
`;

/** Sends one status report (capacity, nodes, version). */
export const REPORT_STATUS = /* GraphQL */ `
  mutation ReportStatus($input: ReportStatusInput!) {
    reportStatus(input: $input) { accepted }
  }
`;

/** Replaces the agent credential before it expires. */
export const ROTATE_CREDENTIAL = /* GraphQL */ `
  mutation RotateCredential {
    rotateCredential { credential { token expiresAt } }
  }
`;

/** Delivers queued agent events in one batch. */
export const RECORD_AGENT_EVENTS = /* GraphQL */ `
  mutation RecordAgentEvents($input: RecordAgentEventsInput!) {
    recordAgentEvents(input: $input) { accepted }
  }
`;

/** `RegisterClusterInput`. */
export interface RegisterClusterInput {
  joinToken: string;
  clusterUid: string;
  kubernetesVersion: string;
  agentVersion: string;
}

/** A bearer credential; `expiresAt` is an ISO DateTime. */
export interface HubCredential {
  token: string;
  expiresAt: string;
}

/** Result of `registerCluster`. */
export interface RegisterClusterResult {
  cluster: { id: string; name: string };
  credential: HubCredential;
  leaseSeconds: number;
  statusIntervalSeconds: number;
}

/** Result of `renewLease`. */
export interface RenewLeaseResult {
  leaseSeconds: number;
  serverTime: string;
}

/**
 * `ReportStatusInput`; `report` is the agent's status report object, sent as JSON. `blueprints` lists the distinct
 * blueprint name/version labels found on the cluster and replaces the previous set on the hub.
 */
export interface ReportStatusInput {
  clusterUid: string;
  observedAt: string;
  report: object;
  blueprints?: Array<{ name: string; version: string }>;
}
