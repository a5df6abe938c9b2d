import type { HubApi, WorkHubApi } from "../hub/hub-client.js";
import { HubError } from "../hub/hub-errors.js";
import type {
  AgentWorkItem,
  HubCredential,
  RegisterClusterInput,
  RegisterClusterResult,
  RenewLeaseResult,
  ReportStatusInput,
  ReportWorkStatusInput,
} from "../hub/operations.js";

/** One call the fake hub received, stamped with the (virtual) time it arrived. */
export interface FakeHubCall {
  operation:
    | "registerCluster"
    | "renewLease"
    | "reportStatus"
    | "rotateCredential"
    | "recordAgentEvents"
    | "agentWork"
    | "reportWorkStatus";
  at: number;
  /** Events in a recordAgentEvents batch. */
  eventCount?: number;
  eventTypes?: string[];
  failed: boolean;
}

/** Options of {@link FakeHub}. */
export interface FakeHubOptions {
  now: () => Date;
  leaseSeconds?: number;
  credentialLifetimeMs?: number;
}

/**
 * An in-memory hub for agent tests: records every call with its time, can be taken down and brought back, and can
 * revoke the credential. Serves `work` to the agent and keeps the work reports it receives.
 */
export class FakeHub implements HubApi, WorkHubApi {
  readonly calls: FakeHubCall[] = [];
  readonly reports: ReportStatusInput[] = [];
  /** What `agentWork` answers (a copy each time); tests edit it between cycles. */
  work: AgentWorkItem[] = [];
  /** Work status reports the hub accepted. */
  readonly workReports: ReportWorkStatusInput[] = [];
  down = false;
  /** Only the work calls fail (retryable), as when the hub's work resolver has trouble. */
  workDown = false;
  revoked = false;
  private rotations = 0;

  constructor(private readonly options: FakeHubOptions) {}

  /** Calls of one operation that the hub answered successfully. */
  succeeded(operation: FakeHubCall["operation"]): FakeHubCall[] {
    return this.calls.filter((call) => call.operation === operation && !call.failed);
  }

  async registerCluster(input: RegisterClusterInput): Promise<RegisterClusterResult> {
    this.record("registerCluster");
    return {
      cluster: { id: "cluster-1", name: `cluster-${input.clusterUid.slice(0, 8)}` },
      credential: this.credential(),
      leaseSeconds: this.options.leaseSeconds ?? 10,
      statusIntervalSeconds: 30,
    };
  }

  async renewLease(): Promise<RenewLeaseResult> {
    this.record("renewLease");
    return { leaseSeconds: this.options.leaseSeconds ?? 10, serverTime: this.options.now().toISOString() };
  }

  async reportStatus(input: ReportStatusInput): Promise<{ accepted: boolean }> {
    this.record("reportStatus");
    this.reports.push(input);
    return { accepted: true };
  }

  async rotateCredential(): Promise<HubCredential> {
    this.record("rotateCredential");
    this.rotations += 1;
    return this.credential();
  }

  async recordAgentEvents(events: object[]): Promise<{ accepted: number }> {
    const eventTypes = events.map((event) => ("type" in event ? String(event.type) : "?"));
    this.record("recordAgentEvents", { eventCount: events.length, eventTypes });
    return { accepted: events.length };
  }

  async agentWork(): Promise<AgentWorkItem[]> {
    this.record("agentWork", this.workDown ? { failed: true } : {});
    if (this.workDown) throw new HubError("INTERNAL_SERVER_ERROR", "work resolver failed");
    return structuredClone(this.work);
  }

  async reportWorkStatus(input: ReportWorkStatusInput): Promise<{ accepted: boolean }> {
    this.record("reportWorkStatus");
    this.workReports.push(structuredClone(input));
    return { accepted: true };
  }

  private credential(): HubCredential {
    const lifetime = this.options.credentialLifetimeMs ?? 24 * 3_600_000;
    return {
      token: `token-${this.rotations}`,
      expiresAt: new Date(this.options.now().getTime() + lifetime).toISOString(),
    };
  }

  private record(operation: FakeHubCall["operation"], extra: Partial<FakeHubCall> = {}): void {
    const failed = this.down || this.revoked;
    this.calls.push({
      operation,
      at: this.options.now().getTime(),
      ...extra,
      failed: failed || extra.failed === true,
    });
    if (this.revoked) throw new HubError("UNAUTHENTICATED", "credential revoked", "revoked", 200);
    if (this.down) throw new HubError("NETWORK_ERROR", "connect ECONNREFUSED");
  }
}
