/**
 * GraphQL documents of the hub operations the agent calls, with their variable and result types. The hub
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

/** The calling agent's work, PRESENT and ABSENT, oldest first. */
export const AGENT_WORK = /* GraphQL */ `
  query AgentWork {
    agentWork {
      id
      generation
      desiredState
      namespace
      guestCooperativeSlug
      placementId
      replicas
      reservation { resource amount }
      manifests
    }
  }
`;

/** Reports the status of one piece of work (or, for ABSENT work, that it is removed). */
export const REPORT_WORK_STATUS = /* GraphQL */ `
  mutation ReportWorkStatus($input: ReportWorkStatusInput!) {
    reportWorkStatus(input: $input) { accepted }
  }
`;

/** `ResourceAmount`: cpu in millicores, memory and `storage:<class>` in bytes, `gpu:<model>` and pods as counts. */
export interface ResourceAmount {
  resource: string;
  amount: number;
}

/** `AgentWorkItem`: one piece of work for this cluster. `manifests` are the objects to apply in `namespace`. */
export interface AgentWorkItem {
  id: string;
  generation: number;
  desiredState: "PRESENT" | "ABSENT";
  namespace: string;
  guestCooperativeSlug: string;
  placementId: string;
  replicas: number;
  reservation: ResourceAmount[];
  manifests: unknown;
}

/** `WorkConditionInput`. */
export interface WorkConditionInput {
  type: "Applied" | "Available" | "Degraded";
  status: "True" | "False" | "Unknown";
  reason: string;
  message: string;
}

/** `WorkObjectStatusInput`: e.g. Applied, Available, Progressing, Pending, Bound, Missing, Failed. */
export interface WorkObjectStatusInput {
  apiVersion: string;
  kind: string;
  name: string;
  status: string;
  message: string;
}

/** `ReportWorkStatusInput`; `removed` only for ABSENT work whose namespace is gone. */
export interface ReportWorkStatusInput {
  workId: string;
  generation: number;
  conditions: WorkConditionInput[];
  objects: WorkObjectStatusInput[];
  removed?: boolean;
}
