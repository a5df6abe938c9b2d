import { HubError } from "./hub-errors.js";
import {
  AGENT_WORK,
  type AgentWorkItem,
  type HubCredential,
  RECORD_AGENT_EVENTS,
  REGISTER_CLUSTER,
  type RegisterClusterInput,
  type RegisterClusterResult,
  RENEW_LEASE,
  type RenewLeaseResult,
  REPORT_STATUS,
  REPORT_WORK_STATUS,
  type ReportStatusInput,
  type ReportWorkStatusInput,
  ROTATE_CREDENTIAL,
} from "./operations.js";

/** The hub calls the agent makes; the agent loop depends on this, tests give it a fake. */
export interface HubApi {
  registerCluster(input: RegisterClusterInput): Promise<RegisterClusterResult>;
  renewLease(agentTime: Date): Promise<RenewLeaseResult>;
  reportStatus(input: ReportStatusInput): Promise<{ accepted: boolean }>;
  rotateCredential(): Promise<HubCredential>;
  recordAgentEvents(events: object[]): Promise<{ accepted: number | boolean }>;
}

/**
 * The hub calls of work delivery (`work/work-reconciler.ts`). Separate from {@link HubApi} so hub stand-ins that
 * only serve leases and status keep type-checking.
 */
export interface WorkHubApi {
  /** This cluster's work, PRESENT and ABSENT, oldest first. */
  agentWork(): Promise<AgentWorkItem[]>;
  reportWorkStatus(input: ReportWorkStatusInput): Promise<{ accepted: boolean }>;
}

/** Options of {@link HubClient}. */
export interface HubClientOptions {
  /** GraphQL endpoint, e.g. `https://hub.example.org/graphql`. */
  url: string;
  /** Current bearer credential; read per call so a rotated credential is used at once. */
  credential: () => string | undefined;
  timeoutMs?: number;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Sent as `User-Agent`. */
  userAgent?: string;
}

interface GraphQLErrorShape {
  message?: string;
  extensions?: { code?: unknown; reason?: unknown };
}

interface GraphQLResponseShape {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorShape[];
}

const DEFAULT_TIMEOUT_MS = 10_000;

function isResponseShape(value: unknown): value is GraphQLResponseShape {
  return value !== null && typeof value === "object" && ("data" in value || "errors" in value);
}

function errorFromGraphQL(error: GraphQLErrorShape, status: number): HubError {
  const code = typeof error.extensions?.code === "string" ? error.extensions.code : "INTERNAL_SERVER_ERROR";
  const reason = typeof error.extensions?.reason === "string" ? error.extensions.reason : undefined;
  return new HubError(code, error.message ?? code, reason, status);
}

/** A minimal GraphQL-over-HTTP client for the hub's agent API. */
export class HubClient implements HubApi, WorkHubApi {
  private readonly fetchImplementation: typeof fetch;

  constructor(private readonly options: HubClientOptions) {
    this.fetchImplementation = options.fetch ?? fetch;
  }

  /** Sends one operation and returns the named root field of `data`; throws {@link HubError}. */
  async request<T>(document: string, rootField: string, variables?: object): Promise<T> {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
    };
    const token = this.options.credential();
    if (token) headers.authorization = `Bearer ${token}`;
    if (this.options.userAgent) headers["user-agent"] = this.options.userAgent;
    const signal = AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    let response: Response;
    let body: unknown;
    try {
      response = await this.fetchImplementation(this.options.url, {
        method: "POST",
        headers,
        body: JSON.stringify({ query: document, variables }),
        signal,
      });
      body = await response.json().catch(() => undefined);
      if (signal.aborted) throw signal.reason;
    } catch (error) {
      if (signal.aborted)
        throw new HubError(
          "TIMEOUT",
          `hub did not answer within ${this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`,
        );
      throw new HubError("NETWORK_ERROR", error instanceof Error ? error.message : String(error));
    }
    if (isResponseShape(body) && body.errors && body.errors.length > 0) {
      throw errorFromGraphQL(body.errors[0], response.status);
    }
    if (!response.ok)
      throw new HubError("HTTP_ERROR", `hub answered HTTP ${response.status}`, undefined, response.status);
    const value = isResponseShape(body) ? body.data?.[rootField] : undefined;
    if (value === undefined || value === null) {
      throw new HubError("BAD_RESPONSE", `hub response lacks data.${rootField}`, undefined, response.status);
    }
    return value as T;
  }

  registerCluster(input: RegisterClusterInput): Promise<RegisterClusterResult> {
    return this.request(REGISTER_CLUSTER, "registerCluster", { input });
  }

  renewLease(agentTime: Date): Promise<RenewLeaseResult> {
    return this.request(RENEW_LEASE, "renewLease", { input: { agentTime: agentTime.toISOString() } });
  }

  reportStatus(input: ReportStatusInput): Promise<{ accepted: boolean }> {
    return this.request(REPORT_STATUS, "reportStatus", { input });
  }

  async rotateCredential(): Promise<HubCredential> {
    const result = await this.request<{ credential: HubCredential }>(ROTATE_CREDENTIAL, "rotateCredential");
    return result.credential;
  }

  recordAgentEvents(events: object[]): Promise<{ accepted: number | boolean }> {
    return this.request(RECORD_AGENT_EVENTS, "recordAgentEvents", { input: { events } });
  }

  agentWork(): Promise<AgentWorkItem[]> {
    return this.request(AGENT_WORK, "agentWork");
  }

  reportWorkStatus(input: ReportWorkStatusInput): Promise<{ accepted: boolean }> {
    return this.request(REPORT_WORK_STATUS, "reportWorkStatus", { input });
  }
}
